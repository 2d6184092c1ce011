import datetime
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The entry point: one search box and the four journeys of the design card."""

    intro = RichTextField(
        _("ievads"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Viens vai divi teikumi par portālu, redzami zem virsraksta."),
    )
    guide_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("ievadceļvedis"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Ceļvedis, ar kuru sāk jauns mediators."),
    )
    municipalities_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("pašvaldību saraksts"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Lapa ar pašvaldībām un to pakalpojumiem."),
    )
    experience_index_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("pieredzes apmaiņas saraksts"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Lapa, kuras jaunākās apakšlapas rāda sākumlapā."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("guide_page"),
                FieldPanel("municipalities_page"),
                FieldPanel("experience_index_page"),
            ],
            heading=_("Ieejas punkti"),
        ),
    ]
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("sākumlapa")
        verbose_name_plural = _("sākumlapas")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guide"] = self.entry_point("guide_page")
        context["municipalities"] = self.entry_point("municipalities_page")
        experience = self.entry_point("experience_index_page")
        context["experience_index"] = experience
        context["latest_experience"] = (
            experience.get_children().live().public().order_by("-first_published_at")[:3]
            if experience
            else []
        )
        return context

    def entry_point(self, field_name):
        """The linked page in the visitor's language when translated. A translated home page
        whose link is empty uses the link of the default-language home page."""
        page = getattr(self, field_name)
        if page is None and not self.locale.is_default:
            source = self.get_translations().filter(locale__language_code=settings.LANGUAGE_CODE)
            source = source.specific().first()
            page = getattr(source, field_name) if source else None
        if page is None:
            return None
        page = page.localized
        return page if page.live else None


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    footer_text = models.TextField(
        _("kājenes teksts"),
        blank=True,
        help_text=_("Īss teksts kājenē, piemēram, par projektu un tā finansējumu."),
    )
    contact_email = models.EmailField(
        _("saziņas e-pasts"),
        blank=True,
        help_text=_("Portāla redakcijas e-pasts, rādīts kājenē."),
    )

    panels = [FieldPanel("footer_text"), FieldPanel("contact_email")]

    class Meta:
        verbose_name = _("vietnes iestatījumi")


INVITATION_DAYS = 14


def new_invitation_token():
    return secrets.token_urlsafe(32)


def invitation_expiry():
    return timezone.now() + datetime.timedelta(days=INVITATION_DAYS)


class Invitation(models.Model):
    """An editor invites a person by e-mail; the link (single use, expiring) sets a password."""

    ROLE_CHOICES = [
        ("Mediatori", _("mediators")),
        ("Redaktori", _("redaktors")),
        ("Moderatori", _("moderators")),
    ]

    email = models.EmailField(_("e-pasts"), help_text=_("Uz šo adresi nosūta uzaicinājuma saiti."))
    role = models.CharField(
        _("loma"),
        max_length=20,
        choices=ROLE_CHOICES,
        default="Mediatori",
        help_text=_("Grupa, kurā nonāk jaunais konts."),
    )
    token = models.CharField(
        _("atslēga"), max_length=64, unique=True, default=new_invitation_token, editable=False
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uzaicināja"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("izveidots"), auto_now_add=True)
    expires_at = models.DateTimeField(_("derīgs līdz"), default=invitation_expiry)
    accepted_at = models.DateTimeField(_("pieņemts"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("izveidotais konts"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("uzaicinājums")
        verbose_name_plural = _("uzaicinājumi")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    @property
    def is_usable(self):
        return self.accepted_at is None and self.expires_at > timezone.now()
