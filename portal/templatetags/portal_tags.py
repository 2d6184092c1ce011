from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the page's translation if it has one, else that language's home."""
    request = context["request"]
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    current = translation.get_language()
    translations = {}
    if page is not None:
        for translated in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translated.locale.language_code] = translated.url
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code]
        elif page is not None:
            url = _home_url(request, code)
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


def _home_url(request, language_code):
    site = Site.find_for_request(request)
    try:
        locale = Locale.objects.get(language_code=language_code)
        home = site.root_page.get_translation(locale)
    except (Locale.DoesNotExist, Page.DoesNotExist, AttributeError):
        return "/" if language_code == settings.LANGUAGE_CODE else f"/{language_code}/"
    return home.url


@register.filter
def startswith(value, prefix):
    """True when a page path lies within another (menu highlighting)."""
    return isinstance(value, str) and bool(prefix) and value.startswith(prefix)
