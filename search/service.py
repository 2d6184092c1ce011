"""One entry point for searching: Elasticsearch when it answers, else the database."""

import logging

from django.utils.translation import get_language

from . import engine, fallback, indexing
from .results import make_plan

logger = logging.getLogger(__name__)


def current_locale():
    return (get_language() or "lv").split("-")[0]


def search(params):
    """SearchResults for checked SearchParams; never raises because the engine is down."""
    plan = make_plan(params, current_locale())
    if indexing.engine_ready():
        try:
            return engine.run(plan)
        except indexing.ENGINE_ERRORS as error:
            indexing.mark_down(error)
    return fallback.run(plan)


def suggest(prefix):
    locale = current_locale()
    if indexing.engine_ready():
        try:
            return engine.suggest(prefix, locale), "elasticsearch"
        except indexing.ENGINE_ERRORS as error:
            indexing.mark_down(error)
    return fallback.suggest(prefix, locale), "database"
