"""A guard against clients' personal data in free text: personal codes, phone numbers and
birth dates. It is a heuristic that errs towards refusing; the message says what to remove.

What passes: years ("2019", "2019./2020. mācību gads", "2019 2020"), counts ("17 ģimenes"),
institution names with numbers ("Ventspils 6. vidusskola"), dates without a year ("12. martā").
"""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

# DDMMYY-NNNNN (the digit after the hyphen is the century: 0, 1 or 2), hyphen optional.
OLD_PERSONAL_CODE = re.compile(
    r"(?<!\d)(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}\s?-?\s?[0-2]\d{4}(?!\d)"
)
# Codes issued since 2017: 32xxxx-xxxxx (the first two digits 32–39), hyphen optional.
NEW_PERSONAL_CODE = re.compile(r"(?<!\d)3[2-9]\d{4}\s?-?\s?\d{5}(?!\d)")
# +371 / 00371 followed by eight digits, spaces or hyphens allowed between them.
INTERNATIONAL_PHONE = re.compile(r"(?:\+|\b00)\s?371[\s-]*\d(?:[\s-]?\d){7}(?!\d)")
# A Latvian number without the country code: 8 digits starting with 2 (mobile) or 6 (fixed),
# written together or in groups ("20 000 000", "2000 0000", "67 123 456").
LOCAL_PHONE = re.compile(r"(?<![\d.,])[26]\d{1,3}(?:[ -]?\d{2,4}){0,3}(?![\d])")
# dd.mm.yyyy, dd/mm/yyyy, dd-mm-yyyy and yyyy-mm-dd (also with spaces after the dots).
NUMERIC_DATE = re.compile(
    r"(?<!\d)(0?[1-9]|[12]\d|3[01])\s?[./-]\s?(0?[1-9]|1[0-2])\s?[./-]\s?(19|20)\d{2}(?!\d)"
    r"|(?<!\d)(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)"
)
MONTHS = "janvār|februār|mart|aprīl|maij|jūnij|jūlij|august|septembr|oktobr|novembr|decembr"
# "1990. gada 3. maijā", "1990. g. 3. maijs"
WORDED_DATE = re.compile(
    rf"(?<!\d)(19|20)\d{{2}}\.\s?(?:gada|g\.)\s?(0?[1-9]|[12]\d|3[01])\.\s?(?:{MONTHS})",
    re.IGNORECASE,
)
# "dzimis 1990. gadā", "dzim. 2012", "d.g. 2015"
BIRTH_YEAR = re.compile(r"\b(dzim\w*\.?|dz\.\s?g\.|d\.\s?g\.)\s{0,3}(19|20)\d{2}", re.IGNORECASE)
YEAR = re.compile(r"(19|20)\d{2}")

KINDS = {
    "personal_code": _("personas kods"),
    "phone": _("tālruņa numurs"),
    "birth_date": _("dzimšanas datums"),
}


def _digits(text):
    return re.sub(r"\D", "", text)


def _is_local_phone(match):
    digits = _digits(match.group())
    if len(digits) != 8:
        return False
    parts = re.split(r"[ -]", match.group())
    # "2019 2020" or "2019-2020" are two years, not a number.
    return not (len(parts) == 2 and all(YEAR.fullmatch(part) for part in parts))


def find_personal_data(text):
    """The kinds of client personal data the text seems to hold (keys of KINDS), in order."""
    if not text:
        return []
    found = []
    if OLD_PERSONAL_CODE.search(text) or NEW_PERSONAL_CODE.search(text):
        found.append("personal_code")
    rest = text
    for pattern in (OLD_PERSONAL_CODE, NEW_PERSONAL_CODE, NUMERIC_DATE):
        rest = pattern.sub(" ", rest)  # each thing is reported once, under its own kind
    if INTERNATIONAL_PHONE.search(rest) or any(
        _is_local_phone(m) for m in LOCAL_PHONE.finditer(rest)
    ):
        found.append("phone")
    if NUMERIC_DATE.search(text) or WORDED_DATE.search(text) or BIRTH_YEAR.search(text):
        found.append("birth_date")
    return found


def personal_data_error(text, field_label):
    """A ValidationError naming the field and what looks like personal data, or None."""
    kinds = find_personal_data(text)
    if not kinds:
        return None
    return forms.ValidationError(
        _(
            "Laukā “%(field)s” izskatās pēc klienta personas datiem (%(kinds)s). Atskaitē "
            "raksta tikai kopsavilkumu: izņemiet tos. Datumus rakstiet bez gada, piemēram, "
            "“12. martā”."
        ),
        code="personal_data",
        params={"field": field_label, "kinds": ", ".join(str(KINDS[kind]) for kind in kinds)},
    )


class PersonalDataGuardMixin:
    """Refuses personal data in the form's free-text fields (`guarded_fields`)."""

    guarded_fields = ()

    def clean(self):
        cleaned = super().clean()
        for name in self.guarded_fields:
            error = personal_data_error(cleaned.get(name), self.fields[name].label)
            if error is not None:
                self.add_error(name, error)
        return cleaned
