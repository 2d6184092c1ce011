from django.db import models
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class MunicipalityIndexPage(RoutablePageMixin, Page):
    """Lists the municipalities of the network; `salidzinat/` compares them side by side."""

    intro = RichTextField(_("ievads"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["network.MunicipalityPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("pašvaldību saraksts")

    def municipalities(self):
        return MunicipalityPage.objects.child_of(self).live().public().order_by("title")

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


class MunicipalityPage(Page):
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
            .prefetch_related("topics", "phones", "schedules")
            .order_by("organization__name", "name")
        )

    def directory_by_topic(self):
        """[(topic or None, [services])] in topic order; a service appears under each topic."""
        from knowledge.models import Topic

        services = list(self.directory_services())
        groups = []
        for topic in Topic.objects.all():
            members = [s for s in services if topic in s.topics.all()]
            if members:
                groups.append((topic, members))
        untagged = [s for s in services if not s.topics.all()]
        if untagged:
            groups.append((None, untagged))
        return groups

    def partner_organizations(self):
        """Cooperation partners: the organisations whose services serve this municipality."""
        from .directory import Organization, Service

        services = Service.objects.public().filter(service_areas=self)
        return Organization.objects.filter(services__in=services).distinct().order_by("name")

    def linked_practices(self):
        """Hook: live good-practice articles linked to this municipality, by title.

        Reads the reverse relation `article_pages` of knowledge.ArticlePage.municipalities only
        if it exists, so the network app does not depend on the knowledge app's models.
        """
        related = getattr(self, "article_pages", None)
        if related is None:
            return []
        return list(related.live().public().order_by("title"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        directory = self.directory_by_topic()
        context["directory"] = directory
        flags = [s.is_demo for _topic, group in directory for s in group]
        context["has_demo"] = any(flags)
        # One notice at the top when everything is demo; per-entry badges when mixed.
        context["all_demo"] = bool(flags) and all(flags)
        context["partners"] = self.partner_organizations()
        context["practices"] = self.linked_practices()
        parent = self.get_parent().specific
        context["index_page"] = parent if isinstance(parent, MunicipalityIndexPage) else None
        context["compare_with"] = (
            MunicipalityPage.objects.sibling_of(self, inclusive=False)
            .live()
            .public()
            .order_by("title")
        )
        return context
