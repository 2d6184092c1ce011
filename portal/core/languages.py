"""The second language (English at /en/) over a Latvian page tree that is only partly translated.

A reader who chose English stays in English: every page has a URL under /en/ (its translation
where there is one, else the Latvian page inside the English frame with a notice), and links
from any page lead there. Translations keep the Latvian page's slug, so a page's counterpart in
the other language is always at the same path and the language switch needs no lookup.
"""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from .pages import default_locale


def reader_language():
    """The active language when it is a content language other than the default, else None."""
    code = translation.get_language()
    if code == settings.LANGUAGE_CODE or code not in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
        return None
    return code


def keep_reader_language(get_url_parts):
    """Page.get_url_parts, but a default-language page's URL in another language is under
    that language's prefix (served by HomePage.route's fallback when it has no translation)."""

    def get_url_parts_in_reader_language(page, request=None):
        parts = get_url_parts(page, request)
        code = reader_language()
        if code is None or parts is None or parts[2] is None:
            return parts
        site_id, root_url, page_path = parts
        if not page_path.startswith(f"/{code}/"):
            page_path = f"/{code}{page_path}"
        return site_id, root_url, page_path

    return get_url_parts_in_reader_language


def in_reader_language(url):
    """A site address in the reader's language (/en/…); others, and addresses outside the
    language prefixes (/api/, /documents/), unchanged. Search hits keep Latvian addresses."""
    code = reader_language()
    if code is None or not url.startswith("/"):
        return url
    with translation.override(settings.LANGUAGE_CODE):
        return translate_url(url, code)


def install():
    """Called once from PortalConfig.ready: every page, specific or not (menus, rich text links,
    breadcrumbs), gets its URL in the reader's language, and translations keep their slug."""
    Page.get_url_parts = keep_reader_language(Page.get_url_parts)
    Page.override_translatable_fields = [SynchronizedField("slug")]


def source_page(page):
    """The default-language page a translation was made from (the page itself when it is in the
    default language or has no source). Listings read their items from the source tree, so a
    translated index lists every page, translated or not."""
    if page is None:
        return None
    default = default_locale()
    if page.locale_id == default.id:
        return page
    source = page.get_translation_or_none(default)
    return source.specific if source is not None else page


def in_language(pages, locale):
    """Each page replaced by its live translation in `locale` where it has one, in one query."""
    pages = list(pages)
    keys = [page.translation_key for page in pages if page.locale_id != locale.id]
    if not keys:
        return pages
    translated = {
        page.translation_key: page
        for page in Page.objects.live()
        .filter(locale=locale, translation_key__in=keys)
        .select_related("locale")
        .specific()
    }
    return [translated.get(page.translation_key, page) for page in pages]
