from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "name_en", "slug", "sort_order"]
    search_fields = ["name", "name_en"]


register_snippet(TopicViewSet)
