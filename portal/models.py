import datetime
import secrets

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from .core.languages import source_page
from .core.models import OutgoingMail  # noqa: F401 (the portal app registers its models here)
from .core.pages import active_locale, localized_many, may_be_restricted, public
from .core.roles import ADMINISTRATORS_GROUP, EDITORS_GROUP, MEDIATORS_GROUP, MODERATORS_GROUP


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
        entry_points = self.entry_points(request)
        context["guide"] = entry_points["guide_page"]
        context["municipalities"] = entry_points["municipalities_page"]
        experience = entry_points["experience_index_page"]
        context["experience_index"] = experience
        context["latest_experience"] = (
            public(source_page(experience).get_children().live())
            .select_related("locale")
            .order_by("-first_published_at")[:3]
            if experience
            else []
        )
        return context

    ENTRY_POINT_FIELDS = ("guide_page", "municipalities_page", "experience_index_page")

    def entry_points(self, request=None):
        """The linked pages in the visitor's language when translated (None when not live).
        A translated home page whose link is empty uses the link of the default-language home
        page. The links are read in one query rather than one per link."""
        locale = active_locale(request)
        home_locale = locale if self.locale_id == locale.id else self.locale
        ids = {name: getattr(self, f"{name}_id") for name in self.ENTRY_POINT_FIELDS}
        if not all(ids.values()) and not home_locale.is_default:
            source = (
                HomePage.objects.filter(
                    translation_key=self.translation_key,
                    locale__language_code=settings.LANGUAGE_CODE,
                )
                .values(*[f"{name}_id" for name in self.ENTRY_POINT_FIELDS])
                .first()
            )
            if source:
                ids = {name: ids[name] or source[f"{name}_id"] for name in ids}
        pages = Page.objects.select_related("locale").in_bulk([pk for pk in ids.values() if pk])
        translated = localized_many(list(pages.values()), locale)
        found = {}
        for name, pk in ids.items():
            page = translated.get(pk)
            found[name] = page if page is not None and page.live else None
        return found

    def entry_point(self, field_name):
        return self.entry_points()[field_name]

    def route(self, request, path_components):
        """A translated home routes in its own tree first; a path that has no translation
        there is served from the default-language tree, inside this language's frame
        (portal/core/languages.py), so no URL under /en/ is a 404 that is not one in Latvian."""
        try:
            return self.route_in_tree(request, path_components)
        except Http404:
            source = source_page(self)
            if source.pk == self.pk:
                raise
            return source.route_in_tree(request, path_components)

    def route_in_tree(self, request, path_components):
        """Wagtail routes one level at a time, two queries per level (the child by slug, then
        its specific page). This reads every page on the path in one query and descends to
        the deepest; a page that answers the rest of the path with its own routes takes over
        exactly where Wagtail's routing would hand over to it."""
        if not path_components:
            return super().route(request, path_components)
        prefixes = ["/".join(path_components[:n]) + "/" for n in range(1, len(path_components) + 1)]
        on_path = {
            page.url_path: page
            for page in Page.objects.descendant_of(self)
            .filter(url_path__in=[self.url_path + prefix for prefix in prefixes])
            .annotate(view_restricted=may_be_restricted())
        }
        parent = self
        for depth, prefix in enumerate(prefixes, start=1):
            page = on_path.get(self.url_path + prefix)
            if page is None:
                raise Http404
            remaining = path_components[depth:]
            if not remaining or routes_itself(page, remaining):
                specific = page.specific
                specific._cached_parent_obj = parent
                return specific.route(request, remaining)
            page._cached_parent_obj = parent
            parent = page
        raise Http404  # not reached: the last prefix has nothing remaining


def routes_itself(page, remaining):
    """Would this page answer the rest of the path with its own routes rather than a child?"""
    page_class = page.specific_class
    if page_class is None or page_class.route is Page.route:
        return False
    if issubclass(page_class, RoutablePageMixin) and page_class.route is RoutablePageMixin.route:
        if not page.live:
            return False
        try:
            page_class.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Http404:
            return False
    return True


class InfoPage(Page):
    """A plain page of text about the portal itself (About, privacy), linked from the footer."""

    intro = RichTextField(
        _("ievads"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Viens vai divi teikumi, redzami zem virsraksta."),
    )
    body = RichTextField(
        _("teksts"),
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        help_text=_("Virsraksti (H2, H3) sadala tekstu daļās; saraksti un saites ir atļauti."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("informācijas lapa")
        verbose_name_plural = _("informācijas lapas")


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

    footer_text_en = models.TextField(
        _("kājenes teksts angliski"),
        blank=True,
        help_text=_("Tas pats teksts angliskajai vietnei (/en/). Tukšs: rāda latvisko."),
    )
    about_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("lapa “Par portālu”"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Saite kājenē; angliskajā vietnē ved uz tās tulkojumu, ja tāds ir."),
    )

    panels = [
        FieldPanel("footer_text"),
        FieldPanel("footer_text_en"),
        FieldPanel("contact_email"),
        FieldPanel("about_page"),
    ]

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
        (MEDIATORS_GROUP, _("mediators")),
        (EDITORS_GROUP, _("redaktors")),
        (MODERATORS_GROUP, _("moderators")),
        (ADMINISTRATORS_GROUP, _("administrators")),
    ]

    email = models.EmailField(_("e-pasts"), help_text=_("Uz šo adresi nosūta uzaicinājuma saiti."))
    role = models.CharField(
        _("loma"),
        max_length=20,
        choices=ROLE_CHOICES,
        default=MEDIATORS_GROUP,
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


class Follower(models.Model):
    """Someone who follows municipalities, topics or posts (portal.follows): a signed-in user,
    or an e-mail address stored only once its owner confirmed it (double opt-in). Deleted with
    its follows when the follower unsubscribes."""

    email = models.EmailField(_("e-pasts"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lietotājs"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follower",
    )
    language = models.CharField(_("valoda"), max_length=8, default="lv")
    confirmed_at = models.DateTimeField(_("apstiprināts"), default=timezone.now)
    last_digest_at = models.DateTimeField(_("pēdējais kopsavilkums"), null=True, blank=True)

    class Meta:
        verbose_name = _("sekotājs")
        verbose_name_plural = _("sekotāji")
        constraints = [
            models.UniqueConstraint(
                fields=["email"], condition=models.Q(user=None), name="portal_follower_email"
            )
        ]

    def __str__(self):
        return self.address

    @property
    def address(self):
        return self.user.email if self.user_id else self.email


class Follow(models.Model):
    """One thing a follower follows: a municipality, a topic or an experience post."""

    follower = models.ForeignKey(
        Follower, verbose_name=_("sekotājs"), on_delete=models.CASCADE, related_name="follows"
    )
    municipality = models.ForeignKey(
        "network.MunicipalityPage",
        verbose_name=_("pašvaldība"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    topic = models.ForeignKey(
        "taxonomy.Topic",
        verbose_name=_("tēma"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    post = models.ForeignKey(
        "network.ExperiencePostPage",
        verbose_name=_("stāsts"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    immediate_replies = models.BooleanField(_("atbildes uzreiz"), default=False)
    created = models.DateTimeField(_("izveidots"), auto_now_add=True)

    class Meta:
        verbose_name = _("sekojums")
        verbose_name_plural = _("sekojumi")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(municipality__isnull=False, topic=None, post=None)
                | models.Q(municipality=None, topic__isnull=False, post=None)
                | models.Q(municipality=None, topic=None, post__isnull=False),
                name="portal_follow_one_target",
            ),
            *(
                models.UniqueConstraint(
                    fields=["follower", name],
                    condition=models.Q(**{f"{name}__isnull": False}),
                    name=f"portal_follow_unique_{name}",
                )
                for name in ("municipality", "topic", "post")
            ),
        ]

    def __str__(self):
        return str(self.target)

    @property
    def target(self):
        return self.municipality or self.topic or self.post
