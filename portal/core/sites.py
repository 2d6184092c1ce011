"""The request's Site, its home page and Wagtail's site root paths in two queries, not four.

Wagtail reads the matching sites with their root pages, then the home page's specific row to
route from it, and, for the first URL it builds, every site again with its root pages'
translations (kept in Django's cache, which is a query of its own with the database cache). Here
one query reads every site with its root page and a second the root pages' translations as
their specific class: the request's site gets its home page ready to route, and the site root
paths are computed from the same rows and kept on the request, where Wagtail looks first. The
rows are kept with the cached pages until the next content change.
"""

from django.conf import settings
from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.models.sites import (
    SITE_ROOT_PATHS_CACHE_KEY,
    SITE_ROOT_PATHS_CACHE_VERSION,
    SiteRootPath,
)

from .cache import remember

# As long as Wagtail keeps its own computation of the site root paths.
ROOT_PATHS_SECONDS = 3600
SITES_KEY = "portal:sites"


def find_for_request(request):
    """Site.find_for_request: the request's site, kept on the request as Wagtail does, with the
    site root paths beside it where Page.get_url_parts looks before Django's cache (a query
    per request when that cache is the database)."""
    if request is None:
        return None
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        sites, roots = site_rows()
        request._wagtail_site = site_of(sites, roots, hostname, request.get_port())
        request._wagtail_cached_site_root_paths = root_paths(sites, roots)
    return request._wagtail_site


def load_site(hostname, port):
    """The site answering hostname:port (None when none does), its root page specific."""
    return site_of(*site_rows(), hostname, port)


def site_rows():
    """(sites, root pages): see read_sites()."""
    # The footer's settings (portal.SiteSettings) ride along: the chrome reads them from here.
    # Kept with the cached pages, which every content change clears: reading these rows
    # costs Django ~5 ms a request (two wide page rows), the cached copy a tenth of that.
    return remember(SITES_KEY, read_sites)


def site_of(sites, roots, hostname, port):
    site = matching_site(sites, hostname, str(port))
    if site is not None:
        site.root_page = next(page for page in roots if page.pk == site.root_page_id)
    return site


def read_sites():
    """(every site with its root page and settings, every translation of the root pages)."""
    # By id: Site's own ordering (a CASE on names) costs Django more to compile than the query
    # takes to run, and matching_site() and root_paths() do not depend on the rows' order.
    sites = Site.objects.select_related("root_page", "sitesettings__about_page").order_by("pk")
    sites = list(sites)
    roots = root_translations(sites)
    # URLs built without a request (page.url) read Wagtail's own cache: filled from these rows.
    key, version = SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION
    if cache.get(key, version=version) is None:
        paths = [tuple(path) for path in root_paths(sites, roots)]
        cache.set(key, paths, ROOT_PATHS_SECONDS, version=version)
    return sites, roots


def root_translations(sites):
    """Every translation of every site's root page (the roots included), specific, with its
    locale: one query per root page type (one in practice)."""
    keys_by_class = {}
    for site in sites:
        page_class = site.root_page.specific_class or type(site.root_page)
        keys_by_class.setdefault(page_class, set()).add(site.root_page.translation_key)
    pages = []
    for page_class, keys in keys_by_class.items():
        found = page_class.objects.filter(translation_key__in=keys).select_related("locale")
        pages.extend(found.order_by("path"))
    return pages


def root_paths(sites, roots):
    """Site.get_site_root_paths from rows already read: most specific root path first."""
    ordered = sorted(sites, key=lambda site: site.hostname)
    ordered.sort(key=lambda site: site.is_default_site, reverse=True)
    ordered.sort(key=lambda site: site.root_page.url_path, reverse=True)
    paths = []
    for site in ordered:
        root = site.root_page
        translations = [root]
        if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            translations = [page for page in roots if page.translation_key == root.translation_key]
        paths.extend(
            SiteRootPath(site.id, page.url_path, site.root_url, page.locale.language_code)
            for page in translations
        )
    return paths


def matching_site(sites, hostname, port):
    """Wagtail's choice: hostname and port, else the default site if it has the hostname, else
    the only site with the hostname, else the default site (None when there is none)."""
    named = [site for site in sites if site.hostname == hostname]
    default = next((site for site in sites if site.is_default_site), None)
    for site in named:
        if str(site.port) == port:
            return site
    if default in named or len(named) != 1:
        return default
    return named[0]


def install():
    """Called once from PortalConfig.ready."""
    Site.find_for_request = staticmethod(find_for_request)
