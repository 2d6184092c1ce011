"""A worker gets ready before its first request (called from portal/wsgi.py, in each worker).

Without it the first visitor of each fresh gunicorn worker pays for what the worker does once:
importing the views, compiling every template, reading the translation catalogues, Wagtail's
site root paths, the per-process tables (locales, content types) and the search vocabulary.
"""

import io
import logging
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.db import DatabaseError
from django.http.request import validate_host
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template
from django.urls import get_resolver, reverse
from django.utils import translation
from wagtail.models import Page, Site, get_page_models

from portal.core import process_tables
from portal.core.pages import default_locale, restricted
from search import query

logger = logging.getLogger(__name__)


def template_names():
    """Every template in the project's template folders, as get_template() names it."""
    for folder in settings.TEMPLATES[0]["DIRS"]:
        root = Path(folder)
        for path in sorted(root.rglob("*")):
            if path.suffix in (".html", ".txt", ".xml", ".js", ".json") and path.is_file():
                yield path.relative_to(root).as_posix()


def compile_templates():
    """The cached template loader keeps each compiled template for the process's life."""
    for name in template_names():
        try:
            get_template(name)
        except (TemplateDoesNotExist, TemplateSyntaxError):
            logger.warning("warm-up: template %s did not compile", name)


def load_catalogues_and_urls():
    """Each language's translation catalogue, and the URL patterns (importing every view)."""
    resolver = get_resolver()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            resolver.reverse_dict  # noqa: B018 (populating it imports and compiles every pattern)
            translation.gettext("Meklēt")


def load_tables():
    """What the first request would read from the database for every page."""
    process_tables.ensure()
    Site.get_site_root_paths()
    query.vocabulary.ensure()


def sample_paths():
    """The home page in each language and the first live public page of every page type."""
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.append(reverse("wagtail_serve", args=[""]))
    for model in get_page_models():
        if model is Page:
            continue
        pages = model.objects.live().exclude(restricted()).filter(locale=default_locale())
        page = pages.order_by("path").first()
        if page is not None and page.url:
            paths.append(page.url)
    return paths


def render(application, path, host):
    """One GET through the whole stack, as a visitor's; the response is thrown away. Its
    messages cookie keeps it out of the page cache (portal.core.cache.is_anonymous_request)."""
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": host,
        "SERVER_PORT": "443",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": host,
        "HTTP_X_FORWARDED_PROTO": "https",
        "HTTP_COOKIE": "messages=",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "https",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    statuses = []
    response = application(environ, lambda status, headers, exc_info=None: statuses.append(status))
    b"".join(response)
    getattr(response, "close", lambda: None)()
    return int(statuses[0].split()[0])


def render_pages(application):
    """A page of every type rendered once: the code paths only a real render reaches (page
    routes, blocks, template tags, date and number formats) are ready for the first visitor.
    Returns {path: HTTP status}."""
    host = urlsplit(settings.PUBLIC_BASE_URL).hostname or ""
    # The development server reloads on every edit: it skips the renders, not the rest.
    if settings.DEBUG or not validate_host(host, settings.ALLOWED_HOSTS):
        return {}
    statuses = {path: render(application, path, host) for path in dict.fromkeys(sample_paths())}
    for path, status in statuses.items():
        if status != 200:
            logger.warning("warm-up: %s answered %s", path, status)
    return statuses


def warm_up(application=None):
    """Everything above; without the database (say, still starting) the worker serves anyway,
    reading the tables on its first requests as it would without a warm-up."""
    started = time.perf_counter()
    load_catalogues_and_urls()
    compile_templates()
    try:
        # The connection opened here stays for the worker's first request (CONN_MAX_AGE).
        load_tables()
        if application is not None:
            render_pages(application)
    except DatabaseError:
        logger.exception("warm-up without the database; the first requests will read it")
    logger.info("worker warmed up in %.0f ms", (time.perf_counter() - started) * 1000)
