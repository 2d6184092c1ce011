from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the page's translation if it has one, else that language's home."""
    request = context["request"]
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    current = translation.get_language()
    translations, homes = ({}, {}) if page is None else page_and_home_urls(request, page)
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code]
        elif page is not None:
            url = homes.get(code) or _home_url(code)
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


def page_and_home_urls(request, page):
    """({language: URL of the page's translation}, {language: URL of the home page}), in one
    query. Not kept in the page cache: a read there is a query too, and a miss (every first
    render of a page) costs five more to store it."""
    site = Site.find_for_request(request)
    home_key = site.root_page.translation_key if site else None
    translations, homes = {}, {}
    keys = {page.translation_key, home_key} - {None}
    pages = Page.objects.filter(translation_key__in=keys).live().select_related("locale")
    for translated in pages:
        code = translated.locale.language_code
        if translated.translation_key == page.translation_key:
            translations[code] = translated.get_url(request)
        if translated.translation_key == home_key:
            homes[code] = translated.get_url(request)
    return translations, homes


def _home_url(language_code):
    return "/" if language_code == settings.LANGUAGE_CODE else f"/{language_code}/"


@register.filter
def startswith(value, prefix):
    """True when a page path lies within another (menu highlighting)."""
    return isinstance(value, str) and bool(prefix) and value.startswith(prefix)
