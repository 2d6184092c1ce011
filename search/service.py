"""One entry point for searching: Elasticsearch when it answers, else the database."""

import logging

from django.utils.translation import get_language

from portal.core.languages import in_reader_language

from . import engine, fallback, indexing
from .results import make_plan

logger = logging.getLogger(__name__)


def current_locale():
    return (get_language() or "lv").split("-")[0]


def search(params):
    """SearchResults for checked SearchParams; never raises because the engine is down."""
    plan = make_plan(params, current_locale())
    results = None
    if indexing.engine_ready():
        try:
            results = engine.run(plan)
        except indexing.ENGINE_ERRORS as error:
            indexing.mark_down(error)
    if results is None:
        results = fallback.run(plan)
    for hit in results.hits:
        hit.url = in_reader_language(hit.url)
    return results


def suggest(prefix):
    locale = current_locale()
    if indexing.engine_ready():
        try:
            return engine.suggest(prefix, locale), "elasticsearch"
        except indexing.ENGINE_ERRORS as error:
            indexing.mark_down(error)
    return fallback.suggest(prefix, locale), "database"
