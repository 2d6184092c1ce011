"""A worker gets ready before its first request (called from portal/wsgi.py, in each worker).

Without it the first visitor of each fresh gunicorn worker pays for what the worker does once:
importing the views, compiling every template, reading the translation catalogues, Wagtail's
site root paths, the per-process tables (locales, content types) and the search vocabulary.
"""

import logging
import time
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template
from django.urls import get_resolver
from django.utils import translation
from wagtail.models import Site

from portal.core import process_tables
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


def warm_up():
    """Everything above; without the database (say, still starting) the worker serves anyway,
    reading the tables on its first requests as it would without a warm-up."""
    started = time.perf_counter()
    load_catalogues_and_urls()
    compile_templates()
    try:
        # The connection opened here stays for the worker's first request (CONN_MAX_AGE).
        load_tables()
    except DatabaseError:
        logger.exception("warm-up without the database; the first requests will read it")
    logger.info("worker warmed up in %.0f ms", (time.perf_counter() - started) * 1000)
