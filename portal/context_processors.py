from wagtail.models import Page, Site

from .core.cache import remember
from .core.pages import active_locale, localized, public
from .models import SiteSettings


def navigation(request):
    """Main menu and footer: the site root's in-menu children in the visitor's language (when
    translated), and the site settings. Built once per host and language, then cached (by
    host: finding the Site costs a query; saving a Site clears the page cache)."""
    active = active_locale(request)
    key = f"chrome:{request.get_host()}:{active.language_code}"
    chrome = remember(key, lambda: build_chrome_for_site(request, active))
    return chrome or {"nav_root": None, "nav_pages": [], "footer": {}}


def build_chrome_for_site(request, active):
    """The chrome of the request's site; None (not cached) when no site answers the host."""
    site = Site.find_for_request(request)
    return build_chrome(request, site, active) if site is not None else None


def build_chrome(request, site, active):
    root = site.root_page
    items = list(public(Page.objects.child_of(root).live().in_menu()).select_related("locale"))
    if active.id != root.locale_id:
        # The translations of the menu items and of the root, in one query.
        keys = [item.translation_key for item in items] + [root.translation_key]
        translated = {
            page.translation_key: page
            for page in public(
                Page.objects.live().filter(locale=active, translation_key__in=keys)
            ).select_related("locale")
        }
        items = [translated.get(item.translation_key, item) for item in items]
        root = translated.get(root.translation_key, root)
    # Read with the site and its about page (portal.core.sites); for_site() creates a missing one.
    site_settings = getattr(site, "sitesettings", None) or SiteSettings.for_site(site)
    about = localized(site_settings.about_page, active)
    footer_text = site_settings.footer_text
    if not active.is_default and site_settings.footer_text_en:
        footer_text = site_settings.footer_text_en
    return {
        "nav_root": {"url": root.get_url(request), "title": root.title},
        "nav_pages": [
            {
                "title": item.title,
                "url": item.get_url(request),
                "path": item.path,
                "language_code": item.locale.language_code,
            }
            for item in items
        ],
        "footer": {
            "text": footer_text,
            "contact_email": site_settings.contact_email,
            "about": {"title": about.title, "url": about.get_url(request)}
            if about is not None and about.live
            else None,
        },
    }
