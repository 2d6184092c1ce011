from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, Count, F, Sum, When, Window
from django.db.models.functions import RowNumber
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.pages import restricted

# The municipality page shows this many services per topic and links to the whole list.
SERVICES_PER_TOPIC = 5
SERVICES_PER_PAGE = 20
# The `tema` value of services without a topic.
UNTAGGED_SLUG = "citi"


@dataclass
class TopicGroup:
    """A topic of a municipality's directory (None: services without a topic), some of its
    services and how many it has in all."""

    topic: object
    services: list = field(default_factory=list)
    total: int = 0

    @property
    def slug(self):
        return self.topic.slug if self.topic else UNTAGGED_SLUG

    @property
    def label(self):
        return self.topic.label if self.topic else _("Citi")

    def sort_key(self):
        """Topic order (Topic.Meta.ordering), services without a topic last."""
        if self.topic is None:
            return (1, 0, "")
        return (0, self.topic.sort_order, self.topic.name)


# The Topic fields read along with the services, so no query of their own is needed.
TOPIC_FIELDS = ("id", "name", "name_en", "slug", "sort_order")


def topic_from(values):
    """A Topic built from joined columns (None for a service without a topic)."""
    from knowledge.models import Topic

    return Topic(**values) if values["id"] is not None else None


class MunicipalityIndexPage(RoutablePageMixin, Page):
    """Lists the municipalities of the network; `salidzinat/` compares them side by side."""

    intro = RichTextField(_("ievads"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["network.MunicipalityPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("pašvaldību saraksts")

    def municipalities(self):
        pages = MunicipalityPage.objects.child_of(self).live()
        return pages.exclude(restricted()).order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["municipalities"] = self.municipalities()
        return context

    @path("salidzinat/", name="compare")
    def compare(self, request):
        from network.compare import build_comparison

        comparison = build_comparison(self.municipalities(), request.GET.getlist("m"))
        context = self.get_context(request)
        context["comparison"] = comparison
        context["comparison_slugs"] = request.GET.getlist("m")
        return render(
            request,
            "network/compare.html",
            context,
            status=400 if comparison.errors else 200,
        )


class MunicipalityPage(RoutablePageMixin, Page):
    """A municipality: who works there, how, and whom to call."""

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
        from .directory import Service

        return (
            Service.objects.public()
            .filter(service_areas=self)
            .select_related("organization")
            .prefetch_related("phones", "schedules")
            .order_by("organization__name", "name", "pk")
        )

    def directory_by_topic(self, limit=SERVICES_PER_TOPIC):
        """[TopicGroup] in topic order, untagged services last as “Citi”: each with the first
        `limit` services and the number of all; a service appears under each of its topics.
        One query for the services and their topics whatever the directory's size (a window
        per topic), plus the phones and hours of the services shown."""
        by_name = [F("organization__name").asc(), F("name").asc(), F("pk").asc()]
        rows = (
            self.directory_services()
            .annotate(
                **{f"topic_{name}": F(f"topics__{name}") for name in TOPIC_FIELDS},
                rank=Window(RowNumber(), partition_by=F("topics"), order_by=by_name),
                in_topic=Window(Count("pk"), partition_by=F("topics")),
                demo_rows=Window(Sum(Case(When(is_demo=True, then=1), default=0))),
                rows=Window(Count("pk")),
            )
            .filter(rank__lte=limit)
        )
        groups = {}
        for service in rows:
            topic = topic_from({name: getattr(service, f"topic_{name}") for name in TOPIC_FIELDS})
            key = topic.pk if topic else None
            if key not in groups:
                groups[key] = TopicGroup(topic, [], service.in_topic)
            groups[key].services.append(service)
        return sorted(groups.values(), key=TopicGroup.sort_key)

    def topic_counts(self):
        """[TopicGroup] without services: how many public services each topic has here, in
        topic order, untagged last (one aggregate query)."""
        from .directory import Service

        counts = (
            Service.objects.public()
            .filter(service_areas=self)
            .values(*[f"topics__{name}" for name in TOPIC_FIELDS])
            .annotate(total=Count("pk"))
            .order_by()
        )
        groups = []
        for row in counts:
            topic = topic_from({name: row[f"topics__{name}"] for name in TOPIC_FIELDS})
            groups.append(TopicGroup(topic, [], row["total"]))
        return sorted(groups, key=TopicGroup.sort_key)

    def partner_organizations(self):
        """Cooperation partners: the organisations whose services serve this municipality."""
        from .directory import Organization, Service

        services = Service.objects.public().filter(service_areas=self)
        return Organization.objects.filter(services__in=services).distinct().order_by("name")

    def report_totals(self):
        """Period figures of submitted monthly reports of this municipality's mediators (one
        query): each the largest month's sum over mediators, or None without reports."""
        from .reports import MonthlyReport, period_totals

        rows = MonthlyReport.objects.submitted().filter(profile__municipality=self)
        rows = rows.figures_by_month()
        return period_totals(rows) if rows else None

    def linked_practices(self):
        """Hook: live good-practice articles linked to this municipality, by title.

        Reads the reverse relation `article_pages` of knowledge.ArticlePage.municipalities only
        if it exists, so the network app does not depend on the knowledge app's models.
        """
        related = getattr(self, "article_pages", None)
        if related is None:
            return []
        return list(related.live().exclude(restricted()).order_by("title"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        directory = self.directory_by_topic()
        context["directory"] = directory
        # Counted over the whole directory by the window query, not only the services shown.
        first = directory[0].services[0] if directory else None
        context["has_demo"] = bool(first and first.demo_rows)
        # One notice at the top when everything is demo; per-entry badges when mixed.
        context["all_demo"] = bool(first) and first.demo_rows == first.rows
        context["partners"] = self.partner_organizations()
        context["practices"] = self.linked_practices()
        context["index_page"] = self.index_page()
        context["compare_with"] = (
            MunicipalityPage.objects.sibling_of(self, inclusive=False)
            .live()
            .exclude(restricted())
            .order_by("title")
        )
        return context

    def index_page(self):
        """The parent municipality list (for the compare form), or None. The router has
        usually cached the parent; its specific class is known without a query."""
        parent = self.get_parent()
        if parent is None or parent.specific_class is not MunicipalityIndexPage:
            return None
        return parent.specific_deferred

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
        response = self.render(
            request,
            template="network/municipality_services.html",
            context_overrides={
                "groups": groups,
                "selected": selected,
                "unknown_topic": slug if slug and selected is None else "",
                "page_obj": page_obj,
                "has_demo": any(service.is_demo for service in page_obj.object_list),
            },
        )
        if slug and selected is None:
            response.status_code = 404
        return response
