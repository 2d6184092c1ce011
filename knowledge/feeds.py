"""Atom feed of new good practices and seminar outcomes."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from portal.core.pages import prefetch_by_type

FEED_SIZE = 20


class KnowledgeFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def title(self, index_page):
        return _("%(title)s — Mediatoru tīkls") % {"title": index_page.title}

    def subtitle(self, index_page):
        return _("Jaunas labās prakses un semināru rezultāti")

    def link(self, index_page):
        return index_page.get_full_url(self.request)

    def feed_url(self, index_page):
        return index_page.get_full_url(self.request) + index_page.reverse_subpage("feed")

    def items(self, index_page):
        return prefetch_by_type(index_page.items()[:FEED_SIZE], "topics")

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]
