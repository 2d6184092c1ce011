"""The parameters of a search, checked: bad input gives a clear error, never a 500."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from portal.core.validators import validate_single_line

from .registry import GROUPS, KINDS

MAX_QUERY_LENGTH = 200
MAX_PAGE = 100
PER_PAGE = 10  # one list (a type or group chosen)
PER_GROUP = 5  # each group's share of a page when all groups are shown
MAX_SUGGEST_LENGTH = 50


class BadSearch(ValueError):
    """Raised with a message the visitor can act on."""


@dataclass
class SearchParams:
    q: str = ""
    municipality: str = ""
    topic: str = ""
    type: str = ""
    group: str = ""
    page: int = 1
    # Recognised municipality/topics the visitor removed (chips).
    ignore: tuple = ()

    @property
    def is_empty(self):
        return not (self.q or self.municipality or self.topic or self.type or self.group)


def parse(query_dict, vocabulary):
    """SearchParams from GET parameters; raises BadSearch for values it can't use."""
    q = " ".join(query_dict.get("q", "").split())
    if len(q) > MAX_QUERY_LENGTH:
        raise BadSearch(
            _("Jautājums ir pārāk garš: ne vairāk kā %(max)d rakstzīmes.")
            % {"max": MAX_QUERY_LENGTH}
        )
    try:
        validate_single_line(q)  # line breaks became spaces above; other control characters
    except ValidationError as error:
        raise BadSearch(error.messages[0]) from None
    vocabulary.ensure()
    municipality = query_dict.get("municipality", "").strip()
    if municipality and municipality not in vocabulary.municipalities:
        raise BadSearch(_("Nezināma pašvaldība: %(value)s.") % {"value": municipality[:50]})
    topic = query_dict.get("topic", "").strip()
    if topic and topic not in vocabulary.topic_labels:
        raise BadSearch(_("Nezināma tēma: %(value)s.") % {"value": topic[:50]})
    kind = query_dict.get("type", "").strip()
    if kind and kind not in KINDS:
        raise BadSearch(_("Nezināms rezultātu veids: %(value)s.") % {"value": kind[:50]})
    group = query_dict.get("group", "").strip()
    if group and group not in GROUPS:
        raise BadSearch(_("Nezināma rezultātu grupa: %(value)s.") % {"value": group[:50]})
    raw_page = query_dict.get("page", "1").strip() or "1"
    # isdigit() alone lets "²" and 5,000-digit numbers through to int(), which refuses them.
    if not (
        raw_page.isascii() and raw_page.isdigit() and len(raw_page) <= len(str(MAX_PAGE))
    ) or not (1 <= int(raw_page) <= MAX_PAGE):
        raise BadSearch(
            _("Lapas numuram jābūt veselam skaitlim no 1 līdz %(max)d.") % {"max": MAX_PAGE}
        )
    ignore = tuple(value[:80] for value in query_dict.getlist("ignore")[:10])
    return SearchParams(
        q=q,
        municipality=municipality,
        topic=topic,
        type=kind,
        group=group,
        page=int(raw_page),
        ignore=ignore,
    )
