from django.utils import translation
from wagtail.models import Locale, Page, Site


def navigation(request):
    """Main menu: the site root's in-menu children, in the visitor's language if translated."""
    site = Site.find_for_request(request)
    if site is None:
        return {"nav_root": None, "nav_pages": []}
    root = site.root_page
    items = list(Page.objects.child_of(root).live().public().in_menu().select_related("locale"))
    try:
        active = Locale.objects.get(language_code=translation.get_language())
    except Locale.DoesNotExist:
        active = root.locale
    if active.id != root.locale_id:
        translated = {
            page.translation_key: page
            for page in Page.objects.live()
            .public()
            .filter(locale=active, translation_key__in=[item.translation_key for item in items])
            .select_related("locale")
        }
        items = [translated.get(item.translation_key, item) for item in items]
        root = root.get_translation_or_none(active) or root
    return {"nav_root": root, "nav_pages": items}
