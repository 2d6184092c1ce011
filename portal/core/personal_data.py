"""Finding clients' personal data in free text: personal codes, phone numbers and birth dates.
A heuristic that errs towards finding too much. Monthly reports refuse such text
(network.reports.personal_data); the search log hides it. `find_person_names` finds what looks
like a person's name: the reports only warn about it (an institution's staff may be named).

The text is normalised first (NFKC, invisible characters dropped, every dash one hyphen, any
digits ASCII), and a code or number may have a space, dash, dot or slash between any two digits.

What passes: years ("2019", "2019./2020. mācību gads", "2019 2020"), counts ("17 ģimenes"),
institution names with numbers ("Ventspils 6. vidusskola"), dates without a year ("12. martā",
"26.03. 27.03."), time ranges ("20.00–22.00").
"""

import re
import unicodedata

from django.utils.translation import gettext_lazy as _

# After normalising (see `normalise`) the only separators left are " ", "-", "." and "/".
# Between two digits of a code or a number: nothing, a space, or one mark with spaces around.
GAP = r"(?: ?[-./] ?| )?"


def _spaced(*parts):
    """A pattern of digit classes with a GAP allowed between each two."""
    return GAP.join(parts)


DIGIT = r"\d"
DAY = rf"(?:0{GAP}[1-9]|[12]{GAP}\d|3{GAP}[01])"
MONTH = rf"(?:0{GAP}[1-9]|1{GAP}[0-2])"
# DDMMYY-NNNNN (the digit after the hyphen is the century: 0, 1 or 2).
OLD_PERSONAL_CODE = re.compile(
    rf"(?<!\d){_spaced(DAY, MONTH, DIGIT, DIGIT, '[0-2]', *[DIGIT] * 4)}(?!\d)"
)
# Codes issued since 2017: 32xxxx-xxxxx (the first two digits 32–39).
NEW_PERSONAL_CODE = re.compile(rf"(?<!\d){_spaced('3', '[2-9]', *[DIGIT] * 9)}(?!\d)")
# +371 / 00371 followed by eight digits.
INTERNATIONAL_PHONE = re.compile(rf"(?:\+|(?<!\d)00) ?371{GAP}{_spaced(*[DIGIT] * 8)}(?!\d)")
# A Latvian number without the country code: 8 digits starting with 2 (mobile) or 6 (fixed),
# together or in groups ("20 000 000", "2000.0000", "20/000/000"); not a decimal's tail.
LOCAL_PHONE = re.compile(rf"(?<!\d)(?<!\d[.,])[26]{GAP}{_spaced(*[DIGIT] * 7)}(?!\d)")
# dd.mm.yyyy, dd/mm/yyyy, dd-mm-yyyy and yyyy-mm-dd (also with spaces after the dots).
NUMERIC_DATE = re.compile(
    r"(?<!\d)(0?[1-9]|[12]\d|3[01]) ?[./-] ?(0?[1-9]|1[0-2]) ?[./-] ?(19|20)\d{2}(?!\d)"
    r"|(?<!\d)(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)"
)
# Month stems, with or without diacritics (people type both).
MONTHS = (
    "janv[aā]r|febru[aā]r|mart|apr[iī]l|maij|j[uū]nij|j[uū]lij|august|septembr|oktobr"
    "|novembr|decembr"
)
# "1990. gada 3. maijā", "1990. g. 3. maijs"
WORDED_DATE = re.compile(
    rf"(?<!\d)(19|20)\d{{2}}\. ?(?:gada|g\.) ?(0?[1-9]|[12]\d|3[01])\. ?(?:{MONTHS})",
    re.IGNORECASE,
)
# "1. janvārī 1990", "3. maijā, 2012. gadā"
WORDED_DATE_DAY_FIRST = re.compile(
    rf"(?<!\d)(0?[1-9]|[12]\d|3[01])\. ?(?:{MONTHS})\w*,? ?(19|20)\d{{2}}(?!\d)",
    re.IGNORECASE,
)
# "dzimis 1990. gadā", "dzim. 2012", "d.g. 2015"
BIRTH_YEAR = re.compile(r"\b(dzim\w*\.?|dz\. ?g\.|d\. ?g\.) {0,3}(19|20)\d{2}", re.IGNORECASE)
YEAR = re.compile(r"(19|20)\d{2}")
# Not numbers, though their digits may run to eight: dates without a year, each ending in a dot
# ("26.03. 27.03."), and clock time ranges ("20.00-22.00").
YEARLESS_DATES = re.compile(
    r"(?<![\d.])(?:(?:0?[1-9]|[12]\d|3[01])\. ?(?:0?[1-9]|1[0-2])\.(?: (?=\d))?)+(?! ?\d)"
)
TIME_RANGE = re.compile(
    r"(?<![\d.])(?:[01]?\d|2[0-3])[.:][0-5]\d ?- ?(?:[01]?\d|2[0-3])[.:][0-5]\d(?![\d]|[.:]\d)"
)
# Dashes and minus signs that are not category Pd; slashes and dots NFKC leaves alone.
OTHER_DASHES = "\u2212\u2043\u02d7\u2796"
SEPARATORS = (
    {ord(char): "-" for char in OTHER_DASHES}
    | {ord(char): "/" for char in "\u2044\u2215"}
    | {ord(char): "." for char in "\u00b7\u2022\u2027\u2219"}
)

KINDS = {
    "personal_code": _("personas kods"),
    "phone": _("tālruņa numurs"),
    "birth_date": _("dzimšanas datums"),
}


def normalise(text):
    """The text as the patterns expect it: ASCII digits, one kind of dash, single spaces, no
    invisible characters, so "０１０１９０–12345" or "0101\u200b90-12345" can't slip through."""
    chars = []
    for char in unicodedata.normalize("NFKC", text).translate(SEPARATORS):
        category = unicodedata.category(char)
        if char.isspace():
            chars.append(" ")
        elif category in ("Cf", "Cc"):
            continue  # zero-width and other invisible characters
        elif category == "Pd":
            chars.append("-")
        elif category == "Nd":
            chars.append(str(unicodedata.digit(char)))
        else:
            chars.append(char)
    return re.sub(" +", " ", "".join(chars))


def _is_local_phone(match):
    parts = re.split(r" ?[-./] ?| ", match.group())
    # "2019 2020" or "2019-2020" are two years, not a number.
    return not (len(parts) == 2 and all(YEAR.fullmatch(part) for part in parts))


def find_personal_data(text):
    """The kinds of client personal data the text seems to hold (keys of KINDS), in order."""
    if not text:
        return []
    text = normalise(text)
    found = []
    # "+371 20000000" first: its eleven digits would otherwise read as a new personal code.
    rest = INTERNATIONAL_PHONE.sub(" ", text)
    international = rest != text
    if OLD_PERSONAL_CODE.search(rest) or NEW_PERSONAL_CODE.search(rest):
        found.append("personal_code")
    for pattern in (OLD_PERSONAL_CODE, NEW_PERSONAL_CODE, NUMERIC_DATE):
        rest = pattern.sub(" ", rest)  # each thing is reported once, under its own kind
    for pattern in (YEARLESS_DATES, TIME_RANGE):
        rest = pattern.sub(" ", rest)
    if international or any(_is_local_phone(m) for m in LOCAL_PHONE.finditer(rest)):
        found.append("phone")
    dates = (NUMERIC_DATE, WORDED_DATE, WORDED_DATE_DAY_FIRST, BIRTH_YEAR)
    if any(pattern.search(text) for pattern in dates):
        found.append("birth_date")
    return found


# A person's name: two or three capitalised words in a row ("Jāni Bērziņu"), or one before
# "kungs"/"kundze". Only a warning (staff may be named with consent), so it may find too much.
CAPITALISED = r"[A-ZĀČĒĢĪĶĻŅŠŪŽ][a-zāčēģīķļņšūž]+"
NAME_PAIR = re.compile(rf"(?<![\w-])({CAPITALISED}(?: {CAPITALISED}){{1,2}})(?![\w-])")
ADDRESSED = re.compile(
    rf"(?<![\w-])({CAPITALISED}) (?:kung|kundz)[a-zāēīū]*(?![\w-])", re.IGNORECASE
)
# Words that start institution and place names ("Jelgavas Amatu vidusskola"): a pair followed
# by one of these nouns within two words is an institution, not a person.
INSTITUTION_NOUN = re.compile(
    r"^(?:\w*skol|pārvald|dien|dom|centr|biedrīb|bibliotēk|projekt|iestād|tiesa|tiesā|padom"
    r"|birojs|biroj|nodaļ|slimnīc|fond|ministrij|aģentūr|inspekcij|policij|universitāt|koledž"
    r"|muzej|nam|teātr|klub|apvienīb|pašvaldīb|novad|pilsēt|sabiedrīb|integrācij)",
)


def _is_institution(text, match):
    """Genitive words ("Jelgavas Amatu") before an institution noun within two words."""
    words = match.group(1).split()
    if not all(word[-1] in "su" for word in words):
        return False  # "Jāni Bērziņu skolā" is a person at a school
    following = text[match.end() :].split()[:2]
    return any(INSTITUTION_NOUN.match(word.lower()) for word in following)


def find_person_names(text):
    """Phrases in the text that look like a person's name, in order, each once."""
    if not text:
        return []
    text = normalise(text)
    found = []
    for match in NAME_PAIR.finditer(text):
        if not _is_institution(text, match):
            found.append(match.group(1))
    found.extend(match.group(0) for match in ADDRESSED.finditer(text))
    return list(dict.fromkeys(found))
