"""Latvian text handling done in Python, the same at index and at query time.

The test distribution of Elasticsearch has no asciifolding and no Latvian stemmer, so
diacritic folding (ā→a, ļ→l, š→s…) and a light suffix stemmer run here, and the index
gets folded copies of the text next to the exact and hunspell-stemmed ones.
"""

import html
import re
import unicodedata
from functools import lru_cache

WORD_RE = re.compile(r"\w+", re.UNICODE)
ROOT_LENGTH = 6

# Lucene's Latvian stop words (Elasticsearch's `_latvian_`), folded: used on the folded fields.
_STOPWORDS = """
aiz ap ar apakš ārpus augšpus bez caur dēļ gar iekš iz kopš labad lejpus līdz no otrpus pa par
pār pēc pie pirms pret priekš starp šaipus uz viņpus virs virspus zem apakšpus un bet jo ja ka
lai tomēr tikko turpretī arī kaut gan tādēļ tā ne tikvien vien kā ir te vai kamēr diezin droši
diemžēl nebūt ik it taču nu pat tiklab iekšpus nedz tik nevis turpretim jeb iekam iekām iekāms
kolīdz līdzko tiklīdz jebšu tālab tāpēc nekā itin jā jau jel nē nezin tad tikai vis tak iekams
būt biju biji bija bijām bijāt esmu esi esam esat būšu būsi būs būsim būsiet tikt tiku tiki tika
tikām tikāt tieku tiec tiek tiekam tiekat tikšu tiks tiksim tiksiet tapt tapi tapāt topat tapšu
tapsi taps tapsim tapsiet kļūt kļuvu kļuvi kļuva kļuvām kļuvāt kļūstu kļūsti kļūst kļūstam
kļūstat kļūšu kļūsi kļūs kļūsim kļūsiet varēt varēju varējām varēšu varēsim var varēji varējāt
varēsi varēsiet varat varēja varēs
"""

# Latvian noun/adjective endings (after Lucene's LatvianStemmer), folded, longest first,
# each with the number of vowels a word must have for the ending to be removed.
_ENDINGS = [
    ("ajiem", 3),
    ("ajai", 3),
    ("ajam", 2),
    ("ajos", 2),
    ("ajas", 2),
    ("iem", 2),
    ("aja", 2),
    ("ais", 2),
    ("ai", 2),
    ("ei", 2),
    ("am", 1),
    ("em", 1),
    ("im", 1),
    ("um", 1),
    ("us", 1),
    ("as", 1),
    ("es", 1),
    ("os", 1),
    ("ij", 1),
    ("is", 1),
    ("ie", 1),
    ("u", 1),
    ("a", 1),
    ("i", 1),
    ("e", 1),
    ("o", 1),
    ("s", 0),
]
_VOWELS = set("aeiouy")
# Consonant alternation before an ending: zeme → zemju, upe → upju.
_EPENTHETIC_J = re.compile(r"([pbmvf])j$")


class _CombiningMarks(dict):
    """str.translate table that drops combining marks, filled as characters are met."""

    def __missing__(self, codepoint):
        self[codepoint] = None if unicodedata.combining(chr(codepoint)) else codepoint
        return self[codepoint]


_WITHOUT_COMBINING = _CombiningMarks()


def fold(text):
    """Lowercase and strip diacritics: 'Bāriņtiesā' → 'barintiesa'."""
    lowered = text.lower()
    if lowered.isascii():  # nothing to decompose; most words and queries
        return lowered
    return unicodedata.normalize("NFKD", lowered).translate(_WITHOUT_COMBINING)


# English function words: English questions find Latvian content through concepts' labels.
_ENGLISH_STOPWORDS = """
a an the is are was be of in on at to for from with and or by my our their his her it this that
do does can i we you me us there here
"""
STOPWORDS = frozenset(fold(word) for word in (_STOPWORDS + _ENGLISH_STOPWORDS).split())


def words(text):
    """Words as the standard tokenizer roughly sees them, lowercased."""
    return WORD_RE.findall(text.lower())


def stem(folded_word):
    """A light stemmer for one folded word: 'dzivoklu' and 'dzivoklis' both give 'dzivokl'."""
    if len(folded_word) < 4 or folded_word.isdigit():
        return folded_word
    vowels = sum(1 for char in folded_word if char in _VOWELS)
    for ending, min_vowels in _ENDINGS:
        if (
            vowels > min_vowels
            and len(folded_word) >= len(ending) + 3
            and folded_word.endswith(ending)
        ):
            return _EPENTHETIC_J.sub(r"\1", folded_word[: -len(ending)])
    return folded_word


@lru_cache(maxsize=200_000)
def word_forms(word):
    """(folded, stem, root) of one lowercased word, or None for a stop word; cached, as
    texts repeat their words."""
    folded = fold(word)
    if folded in STOPWORDS:
        return None
    word_stem = stem(folded)
    return folded, word_stem, word_stem[:ROOT_LENGTH]


@lru_cache(maxsize=200_000)
def word_stem(word):
    """The folded stem of a word as written (any case)."""
    return stem(fold(word))


def copies(text):
    """The folded, stemmed and root copies of a text, in one pass over its words."""
    forms = [f for f in map(word_forms, words(text)) if f is not None]
    return tuple(map(" ".join, zip(*forms, strict=True))) if forms else ("", "", "")


def folded_terms(text):
    """Folded words without stop words, in order."""
    return copies(text)[0].split()


def folded_text(text):
    """The folded copy of a text for the `*_folded` fields."""
    return copies(text)[0]


def stemmed_text(text):
    """The folded and stemmed copy of a text for the `*_stems` fields."""
    return copies(text)[1]


def roots_text(text):
    """Stems cut to a common root for the `*_roots` fields: vakcinēšana and vakcinācija
    (both 'vakcin'), deklarēšanās and deklarēšana, patvērums and patversme."""
    return copies(text)[2]


@lru_cache(maxsize=4096)
def query_stems(text):
    """The set of folded stems of a query, to recognise its words in any text (cached: each
    result's snippet asks again)."""
    return frozenset(stem(word) for word in folded_terms(text))


SNIPPET_SCAN_CHARS = 4_000


def snippet(text, query, length=220):
    """An HTML-escaped excerpt of `text` around the first query word, query words in <mark>.

    Used when the engine returns no highlight (the database fallback, or a match by stems or
    folded forms only: Elasticsearch highlights exact forms).
    """
    if not text:
        return ""
    stems = query_stems(query)
    # A match by concept alone has none of the words: don't scan a 20,000-character body.
    words = WORD_RE.finditer(text, 0, SNIPPET_SCAN_CHARS)
    first = next((m for m in words if word_stem(m.group()) in stems), None)
    start = 0
    if first is not None:
        start = max(0, first.start() - length // 4)
        # Start the excerpt at a word boundary.
        space = text.rfind(" ", 0, start)
        start = 0 if space == -1 or start == 0 else space + 1
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    parts = []
    position = start
    # Only the excerpt is scanned for more matches: bodies can be long.
    for match in WORD_RE.finditer(text, start, end):
        if word_stem(match.group()) not in stems:
            continue
        parts.append(html.escape(text[position : match.start()]))
        parts.append(f"<mark>{html.escape(match.group())}</mark>")
        position = match.end()
    parts.append(html.escape(text[position:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return prefix + "".join(parts).strip() + suffix
