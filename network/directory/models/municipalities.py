from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Window
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from network.directory.compare import build_comparison
from network.directory.feeds import MunicipalityFeed
from network.directory.models.linked_practices import read_linked_practices
from network.directory.models.overview import TOPIC_FIELDS, TopicGroup, read_overview, topic_from
from network.directory.models.services import Organization, Service, attach_listing_details
from network.directory.study import ranked_with_mediator, study_for
from portal.core import phones
from portal.core.cache import remember
from portal.core.languages import source_page
from portal.core.lists import Shortlist
from portal.core.pages import restricted

# The municipality page shows this many services per topic (an overview that fits a phone's
# screen or two) and links to the whole list of each topic.
SERVICES_PER_TOPIC = 3
SERVICES_PER_PAGE = 20
# A municipality page names this many partners and good practices and links to the rest.
PARTNERS_SHOWN = 12
PRACTICES_SHOWN = 5
# What a directory entry (network/directory/includes/service_item.html) shows: reading only
# these keeps the page's model building small; a field left out would cost a query per entry.
SERVICE_ITEM_FIELDS = ("name", "status", "is_demo", "organization__name")
# The fields the compare choices and the suggestions of what to study read of each municipality.
OPTION_FIELDS = (
    "id",
    "path",
    "url_path",
    "locale_id",
    "slug",
    "title",
    "name_genitive",
    "name_locative",
    "latitude",
    "longitude",
    "mediators_text",
)


class MunicipalityIndexPage(RoutablePageMixin, Page):
    """Lists the municipalities of the network; `salidzinat/` compares them side by side."""

    template = "network/directory/municipality_index_page.html"

    intro = RichTextField(_("ievads"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["network.MunicipalityPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("pašvaldību saraksts")

    def municipalities(self):
        pages = MunicipalityPage.objects.child_of(source_page(self)).live()
        return pages.exclude(restricted()).order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["municipalities"] = self.municipalities()
        return context

    @path("salidzinat/", name="compare")
    def compare(self, request):
        comparison = build_comparison(self.municipalities(), request.GET.getlist("m"))
        context = self.get_context(request)
        context["comparison"] = comparison
        context["comparison_slugs"] = request.GET.getlist("m")
        return render(
            request,
            "network/directory/compare.html",
            context,
            status=400 if comparison.errors else 200,
        )


class MunicipalityPage(RoutablePageMixin, Page):
    """A municipality: who works there, how, and whom to call."""

    template = "network/directory/municipality_page.html"

    name_locative = models.CharField(
        _("nosaukums lokatīvā"),
        max_length=80,
        blank=True,
        help_text=_("Kur? Piemēram, “Ventspilī”. Meklēšana to atpazīst jautājumos."),
    )
    name_genitive = models.CharField(
        _("nosaukums ģenitīvā"),
        max_length=80,
        blank=True,
        help_text=_("Kā? Piemēram, “Ventspils”, “Jelgavas”."),
    )
    region = models.CharField(_("reģions"), max_length=80, blank=True)
    latitude = models.DecimalField(
        _("platums"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        help_text=_("Pilsētas centra ģeogrāfiskais platums kartei, piemēram, 57.38940."),
    )
    longitude = models.DecimalField(
        _("garums"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        help_text=_("Pilsētas centra ģeogrāfiskais garums kartei, piemēram, 21.56060."),
    )
    summary = models.TextField(_("kopsavilkums"), blank=True)

    # Practice facts: only what a source reports; blank means "not known".
    mediators_text = models.CharField(
        _("mediators(-i)"),
        max_length=200,
        blank=True,
        help_text=_(
            "Vārdi, kā tos min avots. Kontaktus rāda tikai mediatora profilā ar piekrišanu."
        ),
    )
    mediator_since = models.DateField(
        _("mediators strādā kopš"),
        null=True,
        blank=True,
        help_text=_("Mēneša pirmā diena, ja zināms tikai mēnesis."),
    )
    families_supported = models.PositiveIntegerField(
        _("atbalstītās ģimenes"),
        null=True,
        blank=True,
        help_text=_("Skaits, ko ziņo avots. Atstājiet tukšu, ja nav zināms."),
    )
    families_note = models.CharField(
        _("piezīme par atbalstītajiem"),
        max_length=200,
        blank=True,
        help_text=_("Piemēram, “17 regulāri, 6 epizodiski” vai “41 persona”."),
    )
    office_provided = models.BooleanField(
        _("pašvaldība nodrošina telpas"),
        null=True,
        blank=True,
        help_text=_("Vai pašvaldība nodrošina telpas mediatoram? Tukšs — nav zināms."),
    )
    funded_hours = models.CharField(
        _("apmaksātais darba laiks"),
        max_length=200,
        blank=True,
        help_text=_("Piemēram, “vairāk nekā projektā paredzētās 4 stundas dienā”."),
    )
    facts_source = models.CharField(
        _("faktu avots"),
        max_length=200,
        blank=True,
        help_text=_("No kurienes ir šie fakti, piemēram, semināra nosaukums un periods."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("name_locative"),
                FieldPanel("name_genitive"),
                FieldPanel("region"),
                FieldPanel("latitude"),
                FieldPanel("longitude"),
            ],
            heading=_("Nosaukums un reģions"),
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("mediators_text"),
                FieldPanel("mediator_since"),
                FieldPanel("families_supported"),
                FieldPanel("families_note"),
                FieldPanel("office_provided"),
                FieldPanel("funded_hours"),
                FieldPanel("facts_source"),
            ],
            heading=_("Prakses fakti"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("name_locative"),
        index.SearchField("name_genitive"),
        index.SearchField("summary"),
        index.FilterField("region"),
    ]
    parent_page_types = ["network.MunicipalityIndexPage"]

    class Meta:
        verbose_name = _("pašvaldība")
        verbose_name_plural = _("pašvaldības")

    def directory_services(self):
        """Services serving this municipality that are not defunct, for the public pages."""
        return (
            Service.objects.public()
            .filter(service_areas=self)
            .select_related("organization")
            .only(*SERVICE_ITEM_FIELDS)
            .order_by("organization__name", "name", "pk")
        )

    def directory_overview(self, limit=SERVICES_PER_TOPIC, partners_shown=PARTNERS_SHOWN):
        """The directory as the page shows it (network/directory/models/overview.py)."""
        return read_overview(self.pk, limit, partners_shown)

    def topic_counts(self):
        """[TopicGroup] without services: how many public services each topic has here, in
        topic order, untagged last (one aggregate query)."""
        counts = (
            Service.objects.public()
            .filter(service_areas=self)
            .values(*[f"topics__{name}" for name in TOPIC_FIELDS])
            .annotate(total=Count("pk"))
            .order_by()
        )
        groups = []
        for row in counts:
            columns = [row[f"topics__{name}"] for name in TOPIC_FIELDS[1:]]
            topic = topic_from(row["topics__id"], columns)
            groups.append(TopicGroup(topic, [], row["total"]))
        return sorted(groups, key=TopicGroup.sort_key)

    def partner_organizations(self, limit=PARTNERS_SHOWN):
        """Cooperation partners: the organisations whose services serve this municipality, as a
        Shortlist of the first `limit` names (one query: grouped, counted by a window)."""
        rows = (
            # One filter() call: both conditions on the same service (public() as a filter).
            Organization.objects.filter(
                services__service_areas=self,
                services__status__in=[Service.Status.ACTIVE, Service.Status.INACTIVE],
            )
            .values("pk", "name")
            .annotate(services_here=Count("services"))
            .annotate(partners=Window(Count("pk")))
            .order_by("name", "pk")[:limit]
        )
        rows = list(rows)
        return Shortlist([row["name"] for row in rows], rows[0]["partners"] if rows else 0)

    def linked_practices(self, limit=PRACTICES_SHOWN):
        """Hook: live public good-practice articles linked to this municipality, newest first,
        as a Shortlist of `limit` (one query: linked_practices.py).

        Reads the reverse relation `article_pages` of knowledge.ArticlePage.municipalities only
        if it exists, so the network app does not depend on the knowledge app's models.
        """
        related = getattr(type(self), "article_pages", None)
        if related is None:
            return Shortlist([], 0)
        return read_linked_practices(related.rel, self.pk, limit)

    @path("")
    def index_route(self, request, *args, **kwargs):
        """The municipality page itself (its sub-routes need none of this)."""
        return self.render(request, context_overrides=self.overview_context(request))

    def overview_context(self, request):
        """The directory by topic, partners, practices and compare choices of the page."""
        overview = self.directory_overview()
        context = {
            "directory": overview.groups,
            "has_demo": overview.has_demo,
            "all_demo": overview.all_demo,
            "partners": overview.partners,
        }
        context["practices"] = practices = self.linked_practices()
        if practices.more:
            context["knowledge_url"] = self.practices_listing_url(request, practices.items[0])
        context["index_page"] = self.index_page()
        options = self.compare_options()
        context["compare_with"] = [other for other in options if other["slug"] != self.slug]
        # The compare list starts at the municipality most worth comparing with, not the first.
        best = ranked_with_mediator(self, options)[:1]
        context["compare_default"] = best[0][0]["slug"] if best else ""
        context["facts_known"] = self.has_practice_facts()
        if not self.mediators_text or not overview.groups:
            context["study"] = study_for(self, options)
        return context

    def has_practice_facts(self):
        """Whether any practice fact is known (else the page says so in one sentence)."""
        facts = (self.mediators_text, self.families_note, self.funded_hours)
        numbers = (self.mediator_since, self.families_supported, self.office_provided)
        return any(facts) or any(value is not None for value in numbers)

    def compare_options(self):
        """[{slug, title, name forms, place, mediators}] of the live municipalities beside this
        one (this one included): the same list on every municipality page, so kept in the page
        cache."""

        def build():
            siblings = MunicipalityPage.objects.sibling_of(self).live().exclude(restricted())
            return list(siblings.order_by("title").values(*OPTION_FIELDS))

        return remember(f"municipality-options:v3:{self.path[: -self.steplen]}", build)

    def practices_listing_url(self, request, practice):
        """URL of the knowledge listing a linked practice sits in (an article's parent; it
        filters by municipality): the practice's own URL without its last part, no query."""
        url = practice.get_url(request)
        return f"{url.rstrip('/').rsplit('/', 1)[0]}/" if url else None

    def index_page(self):
        """The parent municipality list (for the compare form), or None. The router has
        usually cached the parent; its specific class is known without a query."""
        parent = self.get_parent()
        if parent is None or parent.specific_class is not MunicipalityIndexPage:
            return None
        return parent.specific_deferred

    @path("feed/", name="feed")
    def feed_route(self, request):
        """Atom: the directory's changes and the linked practices (network/directory/feeds.py)."""
        return MunicipalityFeed(self)(request)

    @path("bezsaiste/", name="offline")
    def offline_route(self, request):
        """What "Saglabāt bezsaistē" keeps (static/js/sw.js fetches and caches it): this page,
        its services' cards and vCards, and the contacts the search box finds offline."""
        services = (
            Service.objects.public()
            .filter(service_areas=self)
            .select_related("organization")
            .prefetch_related("phones")
            .order_by("organization__name", "name", "pk")
        )
        contacts = [offline_contact(service, self.title) for service in services]
        urls = [request.path.removesuffix("bezsaiste/")]
        for contact in contacts:
            urls += [contact["url"], contact["url"] + "vcard/"]
        return JsonResponse({"title": self.title, "urls": urls, "contacts": contacts})

    @path("pakalpojumi/", name="services")
    def services_route(self, request):
        """The whole directory of this municipality, one topic at a time (`tema`), paginated
        (`page`, as the other listings: a bad number shows the first or last page). An
        unknown topic answers 404 with the topics to choose from."""
        groups = self.topic_counts()
        slug = request.GET.get("tema", "")
        selected = next((group for group in groups if group.slug == slug), None)
        services = self.directory_services()
        if selected is not None and selected.topic is None:
            services = services.filter(topics__isnull=True)
        elif selected is not None:
            services = services.filter(topics=selected.topic)
        elif slug:
            services = services.none()
        page_obj = Paginator(services, SERVICES_PER_PAGE).get_page(request.GET.get("page"))
        page_obj.object_list = attach_listing_details(list(page_obj.object_list))
        response = self.render(
            request,
            template="network/directory/municipality_services.html",
            context_overrides={
                "groups": groups,
                "selected": selected,
                "unknown_topic": slug if slug and selected is None else "",
                "page_obj": page_obj,
                "has_demo": any(service.is_demo for service in page_obj.object_list),
                "all_demo": all(service.is_demo for service in page_obj.object_list),
            },
        )
        if slug and selected is None:
            response.status_code = 404
        return response


def offline_contact(service, place):
    """A service as the offline search keeps it: names, place, phones, e-mail, its card's URL."""
    return {
        "name": service.name,
        "organization": service.organization.name,
        "place": place,
        "url": service.get_absolute_url(),
        "phones": [
            {"number": phone.number, "tel": phones.tel_uri(phone.number, phone.extension)}
            for phone in service.phones.all()
        ],
        "email": service.email,
    }
