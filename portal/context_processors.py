from wagtail.models import Page, Site


def navigation(request):
    """Main menu: the live, in-menu children of the site root, in the visitor's language."""
    site = Site.find_for_request(request)
    if site is None:
        return {"nav_root": None, "nav_pages": []}
    root = site.root_page.localized
    return {
        "nav_root": root,
        "nav_pages": Page.objects.child_of(root).live().public().in_menu(),
    }
