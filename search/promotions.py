"""Results editors pinned to a question (Wagtail's search promotions), shown above the groups
whichever engine answers. A promotion matches the question's normalised text."""

import time
from dataclasses import dataclass

from django.db.models import Max
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from .searchlog import normalised

LABEL = _("Ieteikts")
# The questions that have pins, kept in memory for a while (editing a pin forgets them), so a
# search without pins costs no database query.
PINNED_SECONDS = 60
_pinned = {"loaded_at": None, "texts": frozenset()}


def pinned_texts():
    loaded_at = _pinned["loaded_at"]
    if loaded_at is None or time.monotonic() - loaded_at > PINNED_SECONDS:
        texts = SearchPromotion.objects.values_list("query__query_string", flat=True)
        _pinned["texts"] = frozenset(texts)
        _pinned["loaded_at"] = time.monotonic()
    return _pinned["texts"]


def forget_pinned(**kwargs):
    _pinned["loaded_at"] = None


@dataclass
class Promoted:
    title: str
    url: str
    description: str
    language: str = ""  # a page's language; empty for an external link
    link: str = ""  # the url through the click log (search.views.click_links)

    def as_json(self):
        return {
            "label": str(LABEL),
            "title": self.title,
            "url": self.url,
            "description": self.description,
        }


def promoted_for(text):
    """The question's pinned results, in the editors' order: live pages (in the active
    language when translated) and external links."""
    if normalised(text) not in pinned_texts():
        return []
    promotions = (
        SearchPromotion.objects.filter(query__query_string=normalised(text))
        .select_related("page", "page__locale")
        .order_by("sort_order", "pk")
    )
    found = []
    for promotion in promotions:
        if promotion.page is None:
            url = promotion.external_link_url
            title = promotion.external_link_text or url
            found.append(Promoted(title, url, promotion.description))
        elif promotion.page.live:
            page = promotion.page.localized
            found.append(
                Promoted(page.title, page.url, promotion.description, page.locale.language_code)
            )
    return [promoted for promoted in found if promoted.url]


def pin(text, page=None, external_url="", external_text="", description=""):
    """Pins a page (or an external link) to the question, after those pinned before."""
    query = Query.get(text)
    last = query.editors_picks.aggregate(last=Max("sort_order"))["last"] or 0
    return SearchPromotion.objects.create(
        query=query,
        page=page,
        external_link_url=external_url,
        external_link_text=external_text,
        description=description,
        sort_order=last + 1,
    )
