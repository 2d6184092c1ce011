"""A municipality's Atom feed (`/pasvaldibas/<slug>/feed/`): what a mediator there follows,
its directory's changes (a service added or edited: new phone, hours, address) and the good
practices and seminars linked to it, most recently changed first."""

from django.utils.translation import gettext as _

from network.directory.models.services import Service
from portal.core.feeds import FEED_SIZE, FeedEntry, PortalFeed, newest_first, page_entry
from portal.core.pages import restricted
from portal.core.public_url import page_public_url, public_url

# Reverse relations of knowledge's pages to municipalities (read if present: network does not
# import knowledge).
PRACTICE_RELATIONS = ("article_pages", "seminar_pages")


def service_entry(service):
    """A directory entry: updated whenever the record is saved."""
    summary = service.description
    if service.status == service.Status.INACTIVE:
        summary = f"{service.get_status_display()}. {summary}".strip()
    return FeedEntry(
        title=f"{service.organization.name}: {service.name}",
        url=public_url(service.get_absolute_url()),
        summary=summary,
        published=service.created,
        updated=service.last_modified,
        categories=[topic.label for topic in service.topics.all()],
        is_demo=service.is_demo,
    )


def practices_of(municipality):
    """Live, public knowledge pages linked to the municipality, the most recent first."""
    pages = []
    for name in PRACTICE_RELATIONS:
        related = getattr(municipality, name, None)
        if related is not None:
            live = related.live().exclude(restricted()).prefetch_related("topics")
            pages += live.order_by("-last_published_at", "-pk")[:FEED_SIZE]
    return pages


class MunicipalityFeed(PortalFeed):
    def __init__(self, municipality):
        super().__init__()
        self.municipality = municipality

    def get_object(self, request, *args, **kwargs):
        return self.municipality

    def title(self, municipality):
        return _("%(title)s: kontakti un labā prakse — Mediatoru tīkls") % {
            "title": municipality.title
        }

    def subtitle(self, municipality):
        return _("Jauni un mainīti pakalpojumu kontakti, saistītās labās prakses un semināri")

    def link(self, municipality):
        return page_public_url(municipality)

    def items(self, municipality):
        services = (
            Service.objects.public()
            .filter(service_areas=municipality)
            .select_related("organization")
            .prefetch_related("topics")
            .order_by("-last_modified", "pk")[:FEED_SIZE]
        )
        entries = [service_entry(service) for service in services]
        entries += [page_entry(page, page.topics.all()) for page in practices_of(municipality)]
        return newest_first(entries)
