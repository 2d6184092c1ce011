"""Small tables nearly every request reads, kept per process and each loaded in one query.

Locales and content types change only with a deploy (a new language in settings, a new page
model in a migration), so a worker reads each table whole once, instead of one row at a time
as Django and Wagtail would (a content type per page type met, a locale per language).
`forget()` empties them (tests switching databases, a saved Locale); `ensure()` fills what is
empty, from `ProcessTablesMiddleware` on every request and from the worker's warm-up.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, DatabaseError
from wagtail.models import Locale

# language code → Locale, every row of the table once loaded.
_LOCALES = {}


def forget(**kwargs):
    _LOCALES.clear()
    ContentType.objects.clear_cache()


def locales():
    """Every Locale by language code, read in one query the first time."""
    if not _LOCALES:
        _LOCALES.update((locale.language_code, locale) for locale in Locale.objects.all())
    return _LOCALES


def content_types_loaded(using=DEFAULT_DB_ALIAS):
    # Django keeps its content types per database alias; a cleared cache has no entry for it.
    return bool(ContentType.objects._cache.get(using))


def load_content_types(using=DEFAULT_DB_ALIAS):
    """Fills Django's content type cache with every row in one query (it would read one row
    per type met: a page's own, its parent's, each type on a listing)."""
    manager = ContentType.objects.db_manager(using)
    for content_type in manager.all():
        # The same private helper Django's get_for_id() and get_for_model() fill it with.
        manager._add_to_cache(using, content_type)


def ensure():
    """Loads whatever table is empty; a database that fails here fails later, where the
    request's own handling (the 503 page, the health check) answers for it."""
    try:
        if not content_types_loaded():
            load_content_types()
        locales()
    except DatabaseError:
        return


class ProcessTablesMiddleware:
    """Before each request, the per-process tables (a dictionary look-up once they are full)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        ensure()
        return self.get_response(request)
