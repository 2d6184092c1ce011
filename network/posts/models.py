"""Experience exchange: posts around the seminar's four prompts, and replies to them."""

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from network.directory.models import MunicipalityPage
from network.posts import views
from network.posts.filters import PostFilterForm
from network.posts.forms import reply_form_class
from network.posts.prompts import PROMPTS, USER_TEXT_FIELDS
from network.posts.sanitize import clean_text
from portal.core.pages import restricted
from portal.core.roles import is_editor, is_member, is_moderator
from taxonomy.models import Topic

POSTS_PER_PAGE = 10


class ExperienceIndexPage(RoutablePageMixin, Page):
    """Colleagues' experience: posts newest first, filters, and the form to write one."""

    template = "network/posts/index.html"

    intro = RichTextField(_("ievads"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["network.ExperiencePostPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("pieredzes apmaiņa")

    def posts(self):
        return (
            ExperiencePostPage.objects.child_of(self)
            .live()
            .exclude(restricted())
            .select_related("municipality", "author_profile")
            .prefetch_related("topics")
            .order_by("-first_published_at", "-pk")
        )

    def filter_posts(self, form):
        """The posts matching the filter form's topic and municipality; none when a value is not
        valid."""
        if not form.is_valid():
            return self.posts().none()
        posts = self.posts()
        selected = form.selected()
        if selected["topic"]:
            posts = posts.filter(topics__slug=selected["topic"])
        if selected["municipality"]:
            posts = posts.filter(municipality__slug=selected["municipality"])
        return posts.distinct()

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        form = PostFilterForm(
            request.GET,
            topics=Topic.objects.all(),
            municipalities=MunicipalityPage.objects.live().order_by("title"),
        )
        posts = self.filter_posts(form)
        context["page_obj"] = Paginator(posts, POSTS_PER_PAGE).get_page(request.GET.get("page"))
        context["filter_form"] = form
        context["filtered"] = any(request.GET.get(name) for name in form.fields)
        return context

    @path("rakstit/", name="write")
    def write(self, request):
        return views.write_post(request, self, ExperiencePostPage)


class ExperiencePostAdminForm(WagtailAdminPageForm):
    """Mediators write as themselves: the author is their own profile whatever is posted (a
    disabled field ignores the POST); editors, moderators and administrators may choose."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        author = self.fields.get("author_profile")
        if author is not None and self.for_user is not None and not is_editor(self.for_user):
            author.disabled = True
            own = author.queryset.filter(user=self.for_user).first()
            self.initial["author_profile"] = own.pk if own else None


class ExperiencePostPage(RoutablePageMixin, Page):
    """A mediator's experience, written around the seminar's four prompts."""

    template = "network/posts/post.html"

    author_profile = models.ForeignKey(
        "network.MediatorProfilePage",
        verbose_name=_("autora profils"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="experience_posts",
        help_text=_("Mediatora profils, kurā šis stāsts redzams."),
    )
    municipality = models.ForeignKey(
        "network.MunicipalityPage",
        verbose_name=_("pašvaldība"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="experience_posts",
    )
    topics = ParentalManyToManyField(
        "taxonomy.Topic", verbose_name=_("tēmas"), related_name="experience_posts", blank=True
    )
    main_issues = models.TextField(PROMPTS[0][1], blank=True)
    glad_about = models.TextField(PROMPTS[1][1], blank=True)
    challenges = models.TextField(PROMPTS[2][1], blank=True)
    next_priorities = models.TextField(PROMPTS[3][1], blank=True)
    free_text = models.TextField(
        _("brīvs teksts"), blank=True, help_text=_("Viss cits, ar ko vēlaties dalīties.")
    )
    is_demo = models.BooleanField(
        _("demo saturs"), default=False, help_text=_("Parādīts ar atzīmi “Demo”.")
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("author_profile"),
                FieldPanel("municipality"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Par stāstu"),
        ),
        *(FieldPanel(name) for name in USER_TEXT_FIELDS),
        FieldPanel("is_demo"),
    ]
    search_fields = [
        *Page.search_fields,
        *(index.SearchField(name) for name in USER_TEXT_FIELDS),
        index.FilterField("municipality"),
    ]
    parent_page_types = ["network.ExperienceIndexPage"]
    subpage_types = []
    base_form_class = ExperiencePostAdminForm

    class Meta:
        verbose_name = _("pieredzes stāsts")
        verbose_name_plural = _("pieredzes stāsti")

    def sanitise(self):
        for name in USER_TEXT_FIELDS:
            setattr(self, name, clean_text(getattr(self, name)))

    def clean(self):
        super().clean()
        self.sanitise()

    def save(self, *args, **kwargs):
        self.sanitise()
        super().save(*args, **kwargs)

    def answered_prompts(self):
        """[(prompt, text)] for the prompts the author answered, in the seminar's order."""
        return [(prompt, getattr(self, name)) for name, prompt in PROMPTS if getattr(self, name)]

    def search_text(self):
        return "\n".join(getattr(self, name) for name in USER_TEXT_FIELDS if getattr(self, name))

    def visible_replies(self):
        return self.replies.filter(is_hidden=False).select_related("author")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        moderator = is_moderator(request.user)
        replies = self.replies.select_related("author").order_by("created_at")
        context["replies"] = replies if moderator else replies.filter(is_hidden=False)
        context["can_moderate"] = moderator
        context["can_reply"] = is_member(request.user)
        context["can_edit"] = request.user.is_authenticated and request.user.pk == self.owner_id
        context.setdefault("reply_form", reply_form_class(self)())
        return context

    @path("labot/", name="edit")
    def edit(self, request):
        return views.edit_post(request, self)

    @path("atbildet/", name="reply")
    def reply(self, request):
        return views.add_reply(request, self)

    @path("atbildes/<int:reply_id>/slept/", name="hide_reply")
    def hide_reply(self, request, reply_id):
        return views.toggle_reply(request, self, reply_id)


class Reply(models.Model):
    """A signed-in member's reply to a published post; moderators may hide it."""

    post = models.ForeignKey(
        ExperiencePostPage,
        verbose_name=_("stāsts"),
        on_delete=models.CASCADE,
        related_name="replies",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("autors"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="experience_replies",
    )
    body = models.TextField(_("atbilde"), max_length=3000)
    created_at = models.DateTimeField(_("rakstīts"), auto_now_add=True)
    is_hidden = models.BooleanField(
        _("paslēpts"), default=False, help_text=_("Paslēptu atbildi redz tikai moderatori.")
    )
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("paslēpa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("atbilde")
        verbose_name_plural = _("atbildes")
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.author} → {self.post}"

    def save(self, *args, **kwargs):
        self.body = clean_text(self.body)
        super().save(*args, **kwargs)

    def author_name(self):
        if self.author is None:
            return _("dzēsts lietotājs")
        return self.author.get_full_name() or self.author.get_username()
