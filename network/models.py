from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class MunicipalityIndexPage(Page):
    """Lists the municipalities of the network."""

    intro = RichTextField(_("ievads"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["network.MunicipalityPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("pašvaldību saraksts")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["municipalities"] = (
            MunicipalityPage.objects.child_of(self).live().public().order_by("title")
        )
        return context


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
    summary = models.TextField(_("kopsavilkums"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("name_locative"), FieldPanel("name_genitive"), FieldPanel("region")],
            heading=_("Nosaukums un reģions"),
        ),
        FieldPanel("summary"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("name_locative"),
        index.SearchField("summary"),
    ]
    parent_page_types = ["network.MunicipalityIndexPage"]

    class Meta:
        verbose_name = _("pašvaldība")
        verbose_name_plural = _("pašvaldības")
