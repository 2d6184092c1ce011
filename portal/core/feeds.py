"""Atom feeds as RFC 4287 and the W3C feed validator want them: an author on the feed and on
every entry (the portal, never anyone's e-mail), a permanent id, `updated` on every entry and a
self link naming the address the feed was fetched from. Links point at PUBLIC_BASE_URL."""

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from .public_url import page_public_url, public_base_url, public_url

FEED_SIZE = 20


@dataclass
class FeedEntry:
    """One entry of a feed: what every feed's items become."""

    title: str
    url: str
    summary: str = ""
    published: datetime | None = None
    updated: datetime | None = None
    categories: list = field(default_factory=list)
    is_demo: bool = False


def page_entry(page, topics=()):
    """An entry for a published page: its summary, first and last publication, topics."""
    return FeedEntry(
        title=page.title,
        url=page_public_url(page),
        summary=getattr(page, "summary", ""),
        published=page.first_published_at,
        updated=page.last_published_at or page.first_published_at,
        categories=[topic.label for topic in topics],
        is_demo=getattr(page, "is_demo", False),
    )


def newest_first(entries, size=FEED_SIZE):
    """The `size` most recently changed entries."""
    return sorted(entries, key=lambda entry: entry.updated or entry.published, reverse=True)[:size]


class PortalFeed(Feed):
    """An Atom feed whose `items(obj)` are FeedEntry objects; one instance serves one request."""

    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def feed_url(self, obj):
        # The validator checks the self link against the address it fetched the feed from.
        return self.request.build_absolute_uri(self.request.path)

    def feed_guid(self, obj):
        # Permanent whichever host served the request.
        return public_url(self.request.path)

    def author_name(self, obj):
        return settings.WAGTAIL_SITE_NAME

    def author_link(self, obj):
        return public_base_url() + "/"

    def item_title(self, entry):
        return entry.title

    def item_link(self, entry):
        return entry.url

    def item_description(self, entry):
        # Atom's summary is typed "html" here: plain text is escaped so "<" stays text.
        summary = entry.summary
        if entry.is_demo:  # as the pages' badge: nobody takes a demo entry for a real one
            summary = _("Demo dati") + f". {summary}".rstrip()
        return escape(summary) if summary else None

    def item_pubdate(self, entry):
        return entry.published

    def item_updateddate(self, entry):
        # Every entry needs `updated` (RFC 4287 4.1.2).
        return entry.updated or entry.published or timezone.now()

    def item_categories(self, entry):
        return entry.categories

    def item_author_name(self, entry):
        return settings.WAGTAIL_SITE_NAME

    def item_author_link(self, entry):
        return public_base_url() + "/"
