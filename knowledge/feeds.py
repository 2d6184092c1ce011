"""Atom feeds of new good practices and seminar outcomes: the whole listing (`feed/`) and one
topic (`tema/<slug>/feed/`), the same items as the listing and the topic page."""

from django.utils.translation import gettext as _

from portal.core.feeds import FEED_SIZE, PortalFeed, page_entry
from portal.core.pages import prefetch_by_type
from portal.core.public_url import page_public_url, public_url


class KnowledgeFeed(PortalFeed):
    def __init__(self, index_page, topic=None):
        super().__init__()
        self.index_page = index_page
        self.topic = topic

    def get_object(self, request, *args, **kwargs):
        return self.index_page

    def title(self, index_page):
        if self.topic is not None:
            return _("%(topic)s · %(title)s — Mediatoru tīkls") % {
                "topic": self.topic.label,
                "title": index_page.title,
            }
        return _("%(title)s — Mediatoru tīkls") % {"title": index_page.title}

    def subtitle(self, index_page):
        return _("Jaunas labās prakses un semināru rezultāti")

    def link(self, index_page):
        if self.topic is not None:
            return public_url(index_page.topic_url(self.topic))
        return page_public_url(index_page)

    def items(self, index_page):
        items = prefetch_by_type(index_page.items(topic=self.topic)[:FEED_SIZE], "topics")
        return [page_entry(item, item.topics.all()) for item in items]
