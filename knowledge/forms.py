"""The knowledge listing's filters: the form, and the choice lists and form HTML that every
visitor shares, kept in the page cache."""

from django import forms
from django.db import models
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from portal.core.cache import remember
from portal.core.languages import in_language
from portal.core.lists import Shortlist
from portal.core.pages import locale_by_id
from taxonomy.models import Topic

from .choices import AUDIENCE_ALL, AUDIENCES, GUIDES_SHOWN
from .tags import ArticlePageTag, SeminarPageTag


def used_tags(index_page):
    """Tags of live pages below the index, for the tag filter: per tag, does one such page
    exist (a probe that stops at the first, instead of joining every tagging)."""

    def used_on(through):
        return models.Exists(
            through.objects.filter(
                tag=models.OuterRef("pk"),
                content_object__live=True,
                content_object__path__startswith=index_page.path,
                content_object__depth__gt=index_page.depth,
            )
        )

    return Tag.objects.filter(used_on(ArticlePageTag) | used_on(SeminarPageTag)).order_by(
        Lower("name")
    )


class KnowledgeFilterForm(forms.Form):
    """The GET filters of the knowledge index; unknown values are a 400, not a 500."""

    tema = forms.ModelChoiceField(
        label=_("Tēma"),
        queryset=Topic.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Visas tēmas"),
    )
    birka = forms.ModelChoiceField(
        label=_("Birka"),
        queryset=None,
        to_field_name="slug",
        required=False,
        empty_label=_("Visas birkas"),
    )
    pasvaldiba = forms.ModelChoiceField(
        label=_("Pašvaldība"),
        queryset=None,
        to_field_name="slug",
        required=False,
        empty_label=_("Visas pašvaldības"),
    )
    auditorija = forms.ChoiceField(
        label=_("Kam domāts"),
        choices=[("", _("Visiem"))] + [item for item in AUDIENCES if item[0] != AUDIENCE_ALL],
        required=False,
    )

    def __init__(self, index_page, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["birka"].queryset = used_tags(index_page)
        self.fields["pasvaldiba"].queryset = index_page.municipalities().order_by("title")

    def use_choices(self, lists):
        """Choices from already built lists ({field name: [(slug, label)]}) instead of one
        query per list; a submitted value is still checked against the database."""
        for name in ("tema", "birka", "pasvaldiba"):
            field = self.fields[name]
            field.choices = [("", field.empty_label), *lists[name]]

    def filters(self):
        data = self.cleaned_data
        return {
            "topic": data.get("tema"),
            "tag": data.get("birka"),
            "municipality": data.get("pasvaldiba"),
            "audience": data.get("auditorija") or None,
        }


def filter_lists(index_page, request=None):
    """The filter choices, topic links and guides: the same for every visitor, so built
    once per language and kept in the page cache (cleared on every content change)."""
    key = f"knowledge-lists:{index_page.pk}:{translation.get_language()}"

    def build():
        topics = list(Topic.objects.all())
        guides = Shortlist.of(index_page.guides(), GUIDES_SHOWN)
        municipalities = index_page.municipalities()
        return {
            "tema": [(topic.slug, topic.label) for topic in topics],
            "birka": [(tag.slug, tag.name) for tag in used_tags(index_page)],
            "pasvaldiba": list(municipalities.order_by("title").values_list("slug", "title")),
            "topic_links": [
                {"topic": {"label": topic.label}, "url": index_page.topic_url(topic)}
                for topic in topics
            ],
            "guides": Shortlist(
                [
                    {"title": guide.title, "url": guide.get_url(request)}
                    for guide in in_language(guides, locale_by_id(index_page.locale_id))
                ],
                guides.total,
            ),
        }

    return remember(key, build)


class ListingFilters:
    """The listing's filters for one request. Only a request that filters needs the form bound
    and checked (`valid` False means a 400); all others share one rendering of it from the
    page cache."""

    def __init__(self, index_page, request):
        self.index_page, self.request = index_page, request
        self.lists = filter_lists(index_page, request)
        self.form, self.chosen, self.valid = None, {}, True
        if any(request.GET.get(name) for name in KnowledgeFilterForm.base_fields):
            self.form = KnowledgeFilterForm(index_page, request.GET)
            self.form.use_choices(self.lists)
            self.valid = self.form.is_valid()
            if self.valid:
                self.chosen = self.form.filters()
        self.filtered = any(self.chosen.values())

    def context(self):
        return {
            "filter_form": self.form,
            "filter_form_html": self.form_html(),
            "filtered": self.filtered,
            "topics": self.lists["topic_links"],
            "guides": self.lists["guides"],
        }

    def form_html(self):
        """The filter form's HTML. Its ~90 options cost more to render than the cards and are
        the same on every page of a listing: kept in the page cache per valid choice of
        filters (an invalid one is rendered each time, so odd input cannot fill the cache)."""
        form, index_page = self.form, self.index_page

        def build():
            shown = form
            if shown is None:
                shown = KnowledgeFilterForm(index_page)
                shown.use_choices(self.lists)
            context = {"page": index_page, "filter_form": shown, "filtered": self.filtered}
            return render_to_string(
                "knowledge/includes/filter_form.html", context, request=self.request
            )

        if not self.valid:
            return build()
        chosen = form.cleaned_data if form is not None else {}
        state = [
            getattr(chosen.get(name), "slug", chosen.get(name)) or ""
            for name in KnowledgeFilterForm.base_fields
        ]
        key = (
            f"knowledge-filter-form:{index_page.pk}:{translation.get_language()}:{':'.join(state)}"
        )
        return remember(key, build)
