"""Query helpers for pages: the same answers as Wagtail's own helpers in fewer queries."""

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Prefetch, Q, prefetch_related_objects
from django.db.models.functions import Coalesce, Length, Substr
from django.db.models.query import ModelIterable
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction

from .process_tables import locales


def active_locale(request=None):
    """The Locale of the active language, without a query once this process has seen it."""
    return locale_for(translation.get_language())


def default_locale():
    """The Locale of the default language (Latvian), without a query once seen."""
    return locale_for(settings.LANGUAGE_CODE)


def locale_by_id(locale_id):
    """A Locale by primary key, from the same per-process table."""
    for locale in locales().values():
        if locale.id == locale_id:
            return locale
    return Locale.objects.get(pk=locale_id)


def locale_for(code):
    """Locale.get_active() for a language code: its Locale, else the default one."""
    try:
        return exact_locale(code)
    except (Locale.DoesNotExist, LookupError):
        return exact_locale(settings.LANGUAGE_CODE)


def exact_locale(code):
    """Locale.objects.get_for_language(code) from the per-process table: DoesNotExist or
    LookupError as it raises them."""
    variant = get_supported_content_language_variant(code)
    locale = locales().get(variant)
    if locale is None:
        # Not in the table as read: ask the database, which answers or raises DoesNotExist.
        locale = Locale.objects.get(language_code=variant)
        locales()[variant] = locale
    return locale


def restricted():
    """True for a page with a view restriction on itself or an ancestor: `.exclude(restricted())`
    is PageQuerySet.public() inside the same query instead of one query more."""
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def may_be_restricted():
    """True when the page, an ancestor, or the source of one that is an alias has a view
    restriction: annotated on pages routed to, so that view_restrictions() of one that has
    none on its path needs no query of its own (an alias's own restriction counts too: a
    True only costs that query)."""
    return Exists(
        PageViewRestriction.objects.filter(
            Q(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
            | Q(page__aliases__path=Substr(OuterRef("path"), 1, Length("page__aliases__path")))
        )
    )


def public(queryset):
    return queryset.exclude(restricted())


def localized(page, locale):
    """page.localized for a known locale: its live translation there, else the page itself."""
    return None if page is None else localized_many([page], locale)[page.pk]


def localized_many(pages, locale):
    """Many pages localized in one query: page id → its live translation in `locale`, else
    the page itself."""
    keys = [page.translation_key for page in pages if page.locale_id != locale.id]
    translated = {}
    if keys:
        found = Page.objects.filter(translation_key__in=keys, locale=locale).select_related(
            "locale"
        )
        translated = {page.translation_key: page for page in found}
    localized_pages = {}
    for page in pages:
        translation = translated.get(page.translation_key)
        localized_pages[page.pk] = translation if translation and translation.live else page
    return localized_pages


class JoinedSpecificIterable(ModelIterable):
    """Each page as its specific type, from the type's own row joined in the same query."""

    def __iter__(self):
        children = child_tables(self.queryset.model, self.queryset.query.select_related)
        for page in super().__iter__():
            found = (getattr(page, name, None) for name in children)
            yield next((child for child in found if child is not None), None) or page.specific


def child_tables(model, selected):
    """The names among select_related's that join a subclass's own table (multi-table
    inheritance), not a foreign key."""
    names = selected if isinstance(selected, dict) else {}
    relations = (model._meta.get_field(name) for name in names)
    return [rel.name for rel in relations if rel.one_to_one and getattr(rel, "parent_link", False)]


def specific_joined(queryset, *page_types):
    """queryset.specific() for pages of these direct Page subclasses in one query, where
    Wagtail reads the pages, then each type's rows (one query more per type)."""
    queryset = queryset.select_related(*[page_type._meta.model_name for page_type in page_types])
    queryset._iterable_class = JoinedSpecificIterable
    return queryset


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


def related_lists(pages, name, to_attr, queryset=None):
    """Sets `to_attr` on each page of a mixed list of specific pages to the list of its related
    `name` objects (a many-to-many field several page types have, in the related model's
    order): one query for all types (a union of each type's join), not one per type."""
    by_type = {}
    for page in pages:
        by_type.setdefault(type(page), []).append(page)
    parts = []
    for page_type, members in by_type.items():
        if hasattr(page_type, name):
            field = page_type._meta.get_field(name)
            rows = field.related_model._default_manager.all() if queryset is None else queryset
            ordering = rows.query.order_by or rows.model._meta.ordering
            owner = field.related_query_name()
            rows = rows.filter(**{f"{owner}__in": members}).annotate(related_owner=F(owner))
            parts.append(rows.order_by())
    found = {}
    if parts:
        for row in parts[0].union(*parts[1:], all=True).order_by(*ordering):
            found.setdefault(row.related_owner, []).append(row)
    for page in pages:
        setattr(page, to_attr, found.get(page.pk, []))
    return pages


def view_restrictions(page):
    """Page.get_view_restrictions in one query instead of two: the restrictions on the page and
    its ancestors, an alias's (page or ancestor) read from its source page, as Wagtail does.
    None at all, without a query, for a page routed to with no restriction on its path."""
    if getattr(page, "view_restricted", None) is False:
        return PageViewRestriction.objects.none()
    paths = [page.path[:end] for end in range(page.steplen, len(page.path) + 1, page.steplen)]
    on_path = Page.objects.filter(path__in=paths).values_list(Coalesce("alias_of_id", "id"))
    return PageViewRestriction.objects.filter(page_id__in=on_path)


def install():
    """Called once from PortalConfig.ready: Wagtail's locale look-ups (two per request, one
    when routing) read the per-process table, and view restrictions cost one query."""
    Locale.get_default = classmethod(lambda cls: exact_locale(settings.LANGUAGE_CODE))
    Locale.get_active = classmethod(lambda cls: locale_for(translation.get_language()))
    Page.get_view_restrictions = view_restrictions
