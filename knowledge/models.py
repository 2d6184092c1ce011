from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.core.languages import in_language, source_page
from portal.core.lists import Shortlist
from portal.core.pages import locale_by_id, related_lists, restricted, specific_joined
from portal.core.public_url import page_public_url
from taxonomy.models import Topic
from taxonomy.panels import concepts_field, concepts_panel

from .api import ARTICLE_API_FIELDS, GUIDE_API_FIELDS, SEMINAR_API_FIELDS
from .blocks import KnowledgeStreamBlock, SeminarStreamBlock, plain_text
from .choices import AUDIENCE_ALL, AUDIENCES, GUIDES_SHOWN, PRACTICE_STATUSES
from .feeds import KnowledgeFeed
from .forms import ListingFilters
from .sections import SectionedPage, seminar_sections
from .tags import ArticlePageTag, SeminarPageTag

PAGE_SIZE = 10
GUIDES_PER_PAGE = 20


def find_knowledge_index(page):
    """The knowledge index above a page, else the first live one in the page's language
    (remembered on the page: templates ask for it more than once)."""
    if not hasattr(page, "_knowledge_index"):
        ancestor = routed_parent_index(page)
        if ancestor is None:
            ancestor = KnowledgeIndexPage.objects.ancestor_of(page).live().first()
        if ancestor is None:
            ancestor = KnowledgeIndexPage.objects.live().filter(locale_id=page.locale_id).first()
        page._knowledge_index = ancestor
    return page._knowledge_index


def routed_parent_index(page):
    """The parent the router read (HomePage.route_in_tree) when it is a live knowledge index
    (none can be below another), without a query: templates show only its page fields."""
    parent = getattr(page, "_cached_parent_obj", None)
    if parent is not None and parent.live and parent.specific_class is KnowledgeIndexPage:
        return parent.specific_deferred
    return None


class KnowledgeContent(models.Model):
    """What every knowledge page shares: audience, demo mark, search text, topic links."""

    audience = models.CharField(
        _("kam domāts"),
        max_length=20,
        choices=AUDIENCES,
        default=AUDIENCE_ALL,
        help_text=_("Kuriem lasītājiem saturs noder visvairāk; pēc tā var atlasīt sarakstā."),
    )
    is_demo = models.BooleanField(
        _("demo saturs"),
        default=False,
        help_text=_("Atzīmējiet piemēra saturu: lapā būs redzama norāde “Demo saturs”."),
    )

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    def search_text(self):
        """The page's words as plain text, for search indexes."""
        parts = [self.title, getattr(self, "summary", "")]
        for name in self.search_text_fields:
            value = getattr(self, name)
            parts.append(plain_text(value) if not isinstance(value, str) else strip_tags(value))
        return "\n".join(part for part in parts if part)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["knowledge_index"] = find_knowledge_index(self)
        return context

    def topic_links(self):
        """Each topic with the URL of its page in the knowledge index (None if no index)."""
        knowledge_index = find_knowledge_index(self)
        return [
            {"topic": topic, "url": knowledge_index.topic_url(topic) if knowledge_index else None}
            for topic in self.topics.all()
        ]


TOPIC_PANEL_WIDGET = forms.CheckboxSelectMultiple


class KnowledgeIndexPage(RoutablePageMixin, Page):
    """“Zināšanas”: good practices and seminar outcomes, filterable, with a topic page and feed."""

    intro = RichTextField(
        _("ievads"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Īss teksts virs saraksta."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["knowledge.ArticlePage", "knowledge.SeminarPage", "knowledge.GuidePage"]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("zināšanu saraksts")
        verbose_name_plural = _("zināšanu saraksti")

    def items(self, topic=None, tag=None, municipality=None, audience=None):
        """Live articles and seminars below this page, newest first, narrowed by the filters."""
        items = (
            Page.objects.live()
            .descendant_of(source_page(self))
            .type(ArticlePage, SeminarPage)
            .exclude(restricted())
            .order_by("-first_published_at", "-pk")
        )
        # The filters live on each type's own table: one subquery per type, only when asked.
        filters = {}
        if topic is not None:
            filters["topics"] = topic
        if tag is not None:
            filters["tags"] = tag
        if municipality is not None:
            filters["municipalities"] = municipality
        if audience:
            filters["audience__in"] = [audience, AUDIENCE_ALL]
        if filters:
            in_any = models.Q()
            for model in (ArticlePage, SeminarPage):
                in_any |= models.Q(pk__in=model.objects.filter(**filters).values("pk"))
            items = items.filter(in_any)
        return specific_joined(items, ArticlePage, SeminarPage)

    def topic_url(self, topic):
        # The index's own URL once per instance: each `.url` reads the site root paths anew.
        if not hasattr(self, "_own_url"):
            self._own_url = self.url
        return self._own_url + self.reverse_subpage("topic", args=[topic.slug])

    def guides(self):
        return (
            GuidePage.objects.live()
            .exclude(restricted())
            .filter(locale_id=source_page(self).locale_id)
            .order_by("title")
        )

    def municipalities(self):
        """Live municipality pages of this listing's source tree: the filter's choices."""
        return municipality_model().objects.live().filter(locale_id=source_page(self).locale_id)

    def paginate(self, request, queryset):
        page_obj = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
        # The page's cards are chosen on the pages table alone (a subquery), then only they are
        # joined to their types' rows: an OFFSET over joined rows builds every card it skips.
        chosen = Page.objects.filter(pk__in=page_obj.object_list.values("pk"))
        chosen = chosen.order_by(*queryset.query.order_by)
        page_obj.object_list = specific_joined(chosen, ArticlePage, SeminarPage)
        # The cards show each item's topic and municipality names: fetched for all types at
        # once, not per item, into plain lists (no queryset per item), municipalities by title.
        items = in_language(page_obj.object_list, locale_by_id(self.locale_id))
        related_lists(items, "topics", "card_topics")
        titles = municipality_model().objects.only("title", "path")  # path: their order
        page_obj.object_list = related_lists(items, "municipalities", "card_municipalities", titles)
        return page_obj

    @path("")
    def index_route(self, request):
        filters = ListingFilters(self, request)
        items = self.items(**filters.chosen) if filters.valid else Page.objects.none()
        response = self.render(
            request,
            context_overrides={**filters.context(), "page_obj": self.paginate(request, items)},
        )
        response.status_code = 200 if filters.valid else 400
        return response

    @path("tema/<slug:slug>/", name="topic")
    def topic_route(self, request, slug):
        topic = get_object_or_404(Topic, slug=slug)
        return self.render(
            request,
            template="knowledge/topic_page.html",
            context_overrides={
                "topic": topic,
                "page_obj": self.paginate(request, self.items(topic=topic)),
                "guides": Shortlist.of(self.guides().filter(topics=topic), GUIDES_SHOWN),
            },
        )

    @path("celvezi/", name="guides")
    def guides_route(self, request):
        """Every guide of this listing's language, by title, paginated like the listing."""
        guides = self.guides().only("title", "url_path", "locale_id")
        return self.render(
            request,
            template="knowledge/guides_page.html",
            context_overrides={
                "page_obj": Paginator(guides, GUIDES_PER_PAGE).get_page(request.GET.get("page"))
            },
        )

    @path("feed/", name="feed")
    def feed_route(self, request):
        return KnowledgeFeed(self)(request)

    @path("tema/<slug:slug>/feed/", name="topic_feed")
    def topic_feed_route(self, request, slug):
        return KnowledgeFeed(self, get_object_or_404(Topic, slug=slug))(request)


class ArticlePage(SectionedPage, KnowledgeContent, Page):
    """A good practice: what a mediator or municipality does that others can learn from."""

    summary = models.TextField(
        _("kopsavilkums"),
        max_length=400,
        help_text=_("Divi trīs teikumi: kas tiek darīts un kāpēc tas palīdz. Rāda sarakstos."),
    )
    body = StreamField(KnowledgeStreamBlock(), verbose_name=_("saturs"), blank=True)
    practice_status = models.CharField(
        _("prakses statuss"),
        max_length=20,
        choices=PRACTICE_STATUSES,
        default="promising",
        help_text=_("Cik pārbaudīta ir šī prakse."),
    )
    topics = ParentalManyToManyField(
        "taxonomy.Topic", verbose_name=_("tēmas"), related_name="article_pages", blank=True
    )
    concepts = concepts_field("article_pages")
    tags = ClusterTaggableManager(
        verbose_name=_("birkas"),
        through=ArticlePageTag,
        blank=True,
        help_text=_("Brīvi atslēgvārdi, atdalīti ar komatu."),
    )
    municipalities = ParentalManyToManyField(
        "network.MunicipalityPage",
        verbose_name=_("pašvaldības"),
        related_name="article_pages",
        blank=True,
        help_text=_("Pašvaldības, kurās šī prakse darbojas."),
    )
    contact_name = models.CharField(
        _("kontaktpersona"),
        max_length=120,
        blank=True,
        help_text=_("Tikai ar personas piekrišanu."),
    )
    contact_role = models.CharField(
        _("kontaktpersonas loma"),
        max_length=160,
        blank=True,
        help_text=_("Piemēram, “Romu mediatore, Jelgava”."),
    )
    contact_email = models.EmailField(_("e-pasts"), blank=True)
    contact_phone = models.CharField(_("tālrunis"), max_length=40, blank=True)
    review_by = models.DateField(
        _("pārskatīt līdz"),
        null=True,
        blank=True,
        help_text=_("Kad jāpārbauda, vai saturs vēl ir pareizs. Pēc šī datuma lapa ir atskaitē."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=TOPIC_PANEL_WIDGET),
                concepts_panel(),
                FieldPanel("tags"),
                FieldPanel("municipalities", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("audience"), FieldPanel("practice_status")]),
            ],
            heading=_("Klasifikācija"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_role"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            heading=_("Kontakts par šo praksi"),
        ),
        MultiFieldPanel([FieldPanel("review_by"), FieldPanel("is_demo")], heading=_("Redakcijai")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("audience"),
        index.FilterField("practice_status"),
    ]
    api_fields = ARTICLE_API_FIELDS
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []
    search_text_fields = ["body", "contact_role"]

    class Meta:
        verbose_name = _("labā prakse")
        verbose_name_plural = _("labās prakses")

    def intro_texts(self):
        return [self.title, self.summary, self.contact_role]

    @property
    def has_contact(self):
        return any([self.contact_name, self.contact_role, self.contact_email, self.contact_phone])


class SeminarPage(SectionedPage, KnowledgeContent, Page):
    """An experience-exchange seminar: its goals, tasks and outcomes."""

    summary = models.TextField(
        _("kopsavilkums"), max_length=400, help_text=_("Par ko bija seminārs. Rāda sarakstos.")
    )
    date = models.DateField(
        _("datums"), null=True, blank=True, help_text=_("Tukšs, ja datums nav zināms.")
    )
    period = models.CharField(
        _("aplūkotais periods"),
        max_length=120,
        blank=True,
        help_text=_("Piemēram, “2019. gada septembris – 2020. gada aprīlis”."),
    )
    place = models.CharField(_("vieta"), max_length=200, blank=True)
    organiser = models.CharField(_("rīkotājs"), max_length=250, blank=True)
    goals = RichTextField(_("mērķis"), blank=True, features=["bold", "italic", "ul", "ol", "link"])
    tasks = RichTextField(
        _("uzdevumi"), blank=True, features=["bold", "italic", "ul", "ol", "link"]
    )
    body = StreamField(
        SeminarStreamBlock(),
        verbose_name=_("rezultāti"),
        blank=True,
        help_text=_("Semināra rezultāti: ieteikumu tabulas, mediatoru rezultāti, citāti, skaitļi."),
    )
    topics = ParentalManyToManyField(
        "taxonomy.Topic", verbose_name=_("tēmas"), related_name="seminar_pages", blank=True
    )
    concepts = concepts_field("seminar_pages")
    tags = ClusterTaggableManager(
        verbose_name=_("birkas"),
        through=SeminarPageTag,
        blank=True,
        help_text=_("Brīvi atslēgvārdi, atdalīti ar komatu."),
    )
    municipalities = ParentalManyToManyField(
        "network.MunicipalityPage",
        verbose_name=_("pašvaldības"),
        related_name="seminar_pages",
        blank=True,
        help_text=_("Pašvaldības, kuru pieredze seminārā aplūkota."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("date"), FieldPanel("period")]),
                FieldRowPanel([FieldPanel("place"), FieldPanel("organiser")]),
            ],
            heading=_("Kad un kur"),
        ),
        FieldPanel("goals"),
        FieldPanel("tasks"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=TOPIC_PANEL_WIDGET),
                concepts_panel(),
                FieldPanel("tags"),
                FieldPanel("municipalities", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audience"),
                FieldPanel("is_demo"),
            ],
            heading=_("Klasifikācija"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("goals"),
        index.SearchField("tasks"),
        index.SearchField("body"),
        index.SearchField("place"),
        index.SearchField("organiser"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("audience"),
    ]
    api_fields = SEMINAR_API_FIELDS
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []
    search_text_fields = ["place", "organiser", "goals", "tasks", "body"]

    class Meta:
        verbose_name = _("seminārs")
        verbose_name_plural = _("semināri")

    def intro_texts(self):
        return [self.title, self.summary, self.place, self.organiser]

    def leading_sections(self):
        return seminar_sections(self)


class GuidePage(RoutablePageMixin, KnowledgeContent, Page):
    """An onboarding guide: an overview of ordered steps (child pages) and a print view."""

    summary = models.TextField(
        _("kopsavilkums"), max_length=400, help_text=_("Kam ceļvedis domāts un ko tajā uzzinās.")
    )
    intro = RichTextField(_("ievads"), blank=True, features=["bold", "italic", "ul", "ol", "link"])
    topics = ParentalManyToManyField(
        "taxonomy.Topic", verbose_name=_("tēmas"), related_name="guide_pages", blank=True
    )
    concepts = concepts_field("guide_pages")
    municipalities = ParentalManyToManyField(
        "network.MunicipalityPage",
        verbose_name=_("pašvaldības"),
        related_name="guide_pages",
        blank=True,
        help_text=_("Tikai ja ceļvedis attiecas uz konkrētām pašvaldībām."),
    )
    review_by = models.DateField(
        _("pārskatīt līdz"),
        null=True,
        blank=True,
        help_text=_("Kad jāpārbauda, vai saturs vēl ir pareizs. Pēc šī datuma lapa ir atskaitē."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=TOPIC_PANEL_WIDGET),
                concepts_panel(),
                FieldPanel("municipalities", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audience"),
            ],
            heading=_("Klasifikācija"),
        ),
        MultiFieldPanel([FieldPanel("review_by"), FieldPanel("is_demo")], heading=_("Redakcijai")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("intro"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("audience"),
    ]
    api_fields = GUIDE_API_FIELDS
    parent_page_types = ["portal.HomePage", "knowledge.KnowledgeIndexPage"]
    subpage_types = ["knowledge.GuideStepPage"]
    search_text_fields = ["intro"]

    class Meta:
        verbose_name = _("ceļvedis")
        verbose_name_plural = _("ceļveži")

    def steps(self):
        """The live steps, read from the source guide and shown in this guide's language."""
        source = source_page(self)
        steps = GuideStepPage.objects.child_of(source).live().exclude(restricted())
        return in_language(steps.order_by("path"), locale_by_id(self.locale_id))

    @path("")
    def overview_route(self, request):
        return self.render(request, context_overrides={"steps": self.steps()})

    @path("print/", name="print")
    def print_route(self, request):
        return self.render(
            request,
            template="knowledge/guide_print.html",
            context_overrides={"steps": self.steps(), "public_url": page_public_url(self)},
        )


class GuideStepPage(SectionedPage, Page):
    """One step of a guide; its place among the live siblings gives “step N of M”."""

    summary = models.TextField(
        _("kopsavilkums"),
        max_length=300,
        blank=True,
        help_text=_("Viens teikums ceļveža satura rādītājā."),
    )
    body = StreamField(KnowledgeStreamBlock(), verbose_name=_("saturs"), blank=True)
    concepts = concepts_field("guide_step_pages")

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        concepts_panel(),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("summary"), APIField("body")]
    parent_page_types = ["knowledge.GuidePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("ceļveža solis")
        verbose_name_plural = _("ceļveža soļi")

    @property
    def guide(self):
        return self.get_parent().specific

    @property
    def is_demo(self):
        return getattr(self.guide, "is_demo", False)

    @property
    def topics(self):
        """The guide's topics (a step has none of its own)."""
        return self.guide.topics

    @property
    def municipalities(self):
        return self.guide.municipalities

    def search_text(self):
        return "\n".join(part for part in [self.title, self.summary, plain_text(self.body)] if part)

    def print_body(self):
        """The body with anchors unique on the guide's print page, which shows every step."""
        return self.anchored_body(prefix=f"{self.slug}-")

    def position(self):
        """(number, total, previous step, next step) among the guide's live steps."""
        steps = list(self.guide.steps())
        ids = [step.pk for step in steps]
        if self.pk not in ids:  # a draft being previewed
            return None, len(steps), None, None
        at = ids.index(self.pk)
        previous_step = steps[at - 1] if at > 0 else None
        next_step = steps[at + 1] if at + 1 < len(steps) else None
        return at + 1, len(steps), previous_step, next_step

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        number, total, previous_step, next_step = self.position()
        context.update(
            guide=self.guide,
            step_number=number,
            step_total=total,
            previous_step=previous_step,
            next_step=next_step,
            steps=self.guide.steps(),
        )
        return context


def municipality_model():
    """network's municipality page model, from the relation naming it by string: knowledge
    does not import network."""
    return ArticlePage._meta.get_field("municipalities").related_model
