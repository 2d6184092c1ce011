"""Query helpers for pages: the same answers as Wagtail's own helpers in fewer queries."""

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, prefetch_related_objects
from django.db.models.functions import Length, Substr
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction

# Locale rows per language code, kept per process: a language is added only with a settings
# change (WAGTAIL_CONTENT_LANGUAGES) and a restart; saving or deleting a Locale clears it here.
_LOCALES = {}


def forget_locales(**kwargs):
    _LOCALES.clear()


def active_locale(request=None):
    """The Locale of the active language, without a query once this process has seen it."""
    return locale_for(translation.get_language())


def default_locale():
    """The Locale of the default language (Latvian), without a query once seen."""
    return locale_for(settings.LANGUAGE_CODE)


def locale_by_id(locale_id):
    """A Locale by primary key, from the same per-process memory."""
    for locale in _LOCALES.values():
        if locale.id == locale_id:
            return locale
    locale = Locale.objects.get(pk=locale_id)
    _LOCALES[locale.language_code] = locale
    return locale


def locale_for(code):
    locale = _LOCALES.get(code)
    if locale is None:
        try:
            locale = Locale.objects.get_for_language(code)
        except (Locale.DoesNotExist, LookupError):
            locale = Locale.get_default()
        _LOCALES[code] = locale
    return locale


def restricted():
    """True for a page with a view restriction on itself or an ancestor: `.exclude(restricted())`
    is PageQuerySet.public() inside the same query instead of one query more."""
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def public(queryset):
    return queryset.exclude(restricted())


def localized(page, locale):
    """page.localized for a known locale: its live translation there, else the page itself."""
    if page is None or page.locale_id == locale.id:
        return page
    translated = (
        Page.objects.filter(translation_key=page.translation_key, locale=locale)
        .select_related("locale")
        .first()
    )
    return translated if translated is not None and translated.live else page


def _through(lookup):
    """The first relation a prefetch lookup (a string or a Prefetch) goes through."""
    path = lookup.prefetch_through if isinstance(lookup, Prefetch) else lookup
    return path.split("__")[0]


def prefetch_by_type(pages, *lookups):
    """prefetch_related for a mixed list of specific pages: one query per type and lookup
    instead of one per page (lookups a type lacks are skipped)."""
    pages = list(pages)
    by_type = {}
    for page in pages:
        by_type.setdefault(type(page), []).append(page)
    for page_type, members in by_type.items():
        usable = [lookup for lookup in lookups if hasattr(page_type, _through(lookup))]
        if usable:
            prefetch_related_objects(members, *usable)
    return pages
