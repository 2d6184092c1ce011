"""Mediators of the network: the network page and one profile page per mediator."""

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from network.directory.models import MunicipalityPage
from network.mediators.filters import MediatorFilterForm
from network.mediators.map import map_frame, map_points
from network.posts.models import ExperiencePostPage
from portal.core.blocks import FiguresBlock
from portal.core.pages import restricted
from taxonomy.models import Topic

LANGUAGE_CHOICES = [
    ("rom", _("romu (romani)")),
    ("lv", _("latviešu")),
    ("ru", _("krievu")),
    ("en", _("angļu")),
    ("lt", _("lietuviešu")),
    ("pl", _("poļu")),
]
LANGUAGE_LABELS = dict(LANGUAGE_CHOICES)


class MediatorIndexPage(Page):
    """The network page: all mediators, filters and the list of municipalities."""

    template = "network/mediators/index.html"

    intro = RichTextField(_("ievads"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["network.MediatorProfilePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("mediatoru tīkls")

    def profiles(self):
        return (
            MediatorProfilePage.objects.child_of(self)
            .live()
            .exclude(restricted())
            .select_related("municipality", "photo")
            .prefetch_related("topics", "languages")
            .order_by("title")
        )

    def filter_profiles(self, form):
        """The profiles matching the filter form's municipality, topic and language (slugs and
        codes); none when a value is not valid."""
        if not form.is_valid():
            return self.profiles().none()
        profiles = self.profiles()
        selected = form.selected()
        if selected["municipality"]:
            profiles = profiles.filter(municipality__slug=selected["municipality"])
        if selected["topic"]:
            profiles = profiles.filter(topics__slug=selected["topic"])
        if selected["language"]:
            profiles = profiles.filter(languages__language=selected["language"])
        return profiles.distinct()

    def municipality_counts(self):
        """Every live municipality with its number of mediators here: the list behind the map."""
        live_here = Q(mediator_profiles__live=True, mediator_profiles__path__startswith=self.path)
        return (
            MunicipalityPage.objects.live()
            .exclude(restricted())
            .annotate(mediator_count=Count("mediator_profiles", filter=live_here))
            .order_by("-mediator_count", "title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        municipality_counts = list(self.municipality_counts())
        form = MediatorFilterForm(
            request.GET,
            municipalities=municipality_counts,
            topics=Topic.objects.all(),
            languages=LANGUAGE_CHOICES,
        )
        context["filter_form"] = form
        context["profiles"] = self.filter_profiles(form)
        context["selected"] = form.selected()
        context["filtered"] = any(request.GET.get(name) for name in form.fields)
        context["municipality_counts"] = municipality_counts
        context["map_points"] = points = map_points(municipality_counts)
        context["map_frame"] = map_frame(points)
        return context


class MediatorProfilePage(Page):
    """A mediator's public profile; contact details appear only with the mediator's consent."""

    template = "network/mediators/profile.html"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lietotāja konts"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mediator_profile",
        help_text=_("Mediatora konts: tikai viņš (un redaktori) var labot šo profilu."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Tikai ar mediatora piekrišanu."),
    )
    municipality = models.ForeignKey(
        "network.MunicipalityPage",
        verbose_name=_("pašvaldība"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mediator_profiles",
    )
    working_since = models.DateField(
        _("strādā kopš"),
        null=True,
        blank=True,
        help_text=_("Mēneša pirmā diena, ja zināms tikai mēnesis."),
    )
    topics = ParentalManyToManyField(
        "taxonomy.Topic",
        verbose_name=_("darba jomas"),
        related_name="mediator_profiles",
        blank=True,
    )
    working_hours = models.CharField(
        _("darba laiks"),
        max_length=200,
        blank=True,
        help_text=_("Piemēram, “P.–Pk. 9–13”. Atstājiet tukšu, ja nav zināms."),
    )
    bio = models.TextField(
        _("par mani"), max_length=1000, blank=True, help_text=_("Daži teikumi par savu darbu.")
    )
    contact_consent = models.BooleanField(
        _("piekrītu kontaktu publicēšanai"),
        default=False,
        help_text=_("Bez piekrišanas kontaktinformācija netiek rādīta nekur."),
    )
    public_email = models.EmailField(_("publiskais e-pasts"), blank=True)
    public_phone = models.CharField(_("publiskais tālrunis"), max_length=40, blank=True)
    is_demo = models.BooleanField(
        _("demo saturs"), default=False, help_text=_("Parādīts ar atzīmi “Demo”.")
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("municipality"),
                FieldPanel("working_since"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("working_hours"),
                FieldPanel("bio"),
                FieldPanel("photo"),
            ],
            heading=_("Par mediatoru"),
        ),
        InlinePanel("languages", label=_("valodas")),
        InlinePanel("families", label=_("atbalstītās ģimenes pa periodiem")),
        MultiFieldPanel(
            [FieldPanel("contact_consent"), FieldPanel("public_email"), FieldPanel("public_phone")],
            heading=_("Publiskie kontakti"),
        ),
        MultiFieldPanel(
            [FieldPanel("user"), FieldPanel("is_demo")],
            heading=_("Konts"),
            permission="portal.add_invitation",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("bio"),
        index.FilterField("municipality"),
    ]
    parent_page_types = ["network.MediatorIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("mediatora profils")
        verbose_name_plural = _("mediatoru profili")

    def save(self, *args, **kwargs):
        # The linked account owns the page: Wagtail's "add" permission lets owners edit it.
        if self.user_id and self.owner_id != self.user_id:
            self.owner_id = self.user_id
        super().save(*args, **kwargs)

    def language_labels(self):
        return [LANGUAGE_LABELS.get(row.language, row.language) for row in self.languages.all()]

    def public_contacts(self):
        """The contact details to show, or None: nothing at all without consent."""
        if not self.contact_consent:
            return None
        contacts = {"email": self.public_email, "phone": self.public_phone}
        return contacts if any(contacts.values()) else None

    def families_chart(self):
        """The families-per-period table as the knowledge app's figures block value."""
        rows = []
        periods = list(self.families.all())
        for row in periods:
            if row.families is not None:
                rows.append({"label": row.period, "value": row.families, "note": row.note})
            elif row.persons is not None:
                label = _("%(period)s (personas)") % {"period": row.period}
                rows.append({"label": label, "value": row.persons, "note": row.note})
        if not any(row["value"] for row in rows):
            return None
        return {
            "title": _("Atbalstītās ģimenes: %(name)s") % {"name": self.title},
            "value_label": _("Ģimenes (vai personas)"),
            "rows": rows,
            "source": periods[0].source or _("mediatora atskaites"),
        }

    def posts(self):
        return (
            ExperiencePostPage.objects.live()
            .exclude(restricted())
            .filter(author_profile=self)
            .order_by("-first_published_at")
        )

    def search_text(self):
        parts = [self.bio, self.working_hours, ", ".join(str(x) for x in self.language_labels())]
        if self.municipality_id:
            parts.append(self.municipality.title)
        return "\n".join(p for p in parts if p)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        chart = self.families_chart()
        context["families_chart"] = FiguresBlock().render(chart) if chart else ""
        context["contacts"] = self.public_contacts()
        context["posts"] = self.posts()[:10]
        return context


class MediatorLanguage(Orderable):
    page = ParentalKey(MediatorProfilePage, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("valoda"), max_length=8, choices=LANGUAGE_CHOICES)

    panels = [FieldPanel("language")]

    class Meta(Orderable.Meta):
        verbose_name = _("valoda")
        verbose_name_plural = _("valodas")


class FamiliesSupported(Orderable):
    """How many families (or persons) the mediator supported in one period, as reported."""

    page = ParentalKey(MediatorProfilePage, on_delete=models.CASCADE, related_name="families")
    period = models.CharField(
        _("periods"), max_length=80, help_text=_("Piemēram, “2019. g. sept. – 2020. g. apr.”.")
    )
    families = models.PositiveIntegerField(_("ģimenes"), null=True, blank=True)
    persons = models.PositiveIntegerField(
        _("personas"), null=True, blank=True, help_text=_("Ja atskaite skaita personas.")
    )
    note = models.CharField(_("piezīme"), max_length=200, blank=True)
    source = models.CharField(
        _("avots"), max_length=250, blank=True, help_text=_("No kurienes ir šis skaitlis.")
    )

    panels = [
        FieldPanel("period"),
        FieldPanel("families"),
        FieldPanel("persons"),
        FieldPanel("note"),
        FieldPanel("source"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("atbalstītās ģimenes")
        verbose_name_plural = _("atbalstītās ģimenes")

    def __str__(self):
        return self.period
