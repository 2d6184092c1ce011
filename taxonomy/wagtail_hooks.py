"""The shared words in the admin: topics and the vocabulary's concepts, one "Vārdnīca" menu."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .concept_csv import COLUMNS, concept_row
from .models import Concept, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "name_en", "slug", "sort_order"]
    search_fields = ["name", "name_en"]


class ConceptIndexView(IndexView):
    """The concept list: its CSV/XLSX export has the import's columns, and an import button."""

    import_url_name = None

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("topic", "broader")

    def to_row_dict(self, item):
        return concept_row(item)

    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            Button(
                _("Importēt CSV"),
                url=reverse(self.import_url_name),
                icon_name="upload",
                priority=110,
            ),
        ]


class ConceptViewSet(SnippetViewSet):
    model = Concept
    icon = "list-ul"
    index_view_class = ConceptIndexView
    list_display = ["label", "topic", "broader"]
    list_filter = ["topic"]
    list_export = list(COLUMNS)
    export_headings = {column: column for column in COLUMNS}  # the import's column names
    export_filename = "jedzieni"
    search_backend_name = None  # plain ORM search: every kind of term, on SQLite and PostgreSQL
    search_fields = [
        "label",
        "slug",
        "synonyms",
        "colloquial",
        "abbreviations",
        "misspellings",
        "english",
    ]
    ordering = ["label"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(import_url_name=self.get_url_name("import"), **kwargs)

    def import_view(self, request):
        return admin_views.import_concepts(request, self)

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("import/", self.import_view, name="import")]


class VocabularyGroup(SnippetViewSetGroup):
    items = (ConceptViewSet, TopicViewSet)
    menu_label = _("Vārdnīca")
    menu_icon = "tag"
    menu_order = 200


register_snippet(VocabularyGroup)
