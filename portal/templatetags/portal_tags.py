from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

from portal.core import dates
from portal.core.pages import locale_by_id

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language to this same page there: a translation keeps its source's path,
    and a page without one is served in the other language's frame (portal/core/languages.py),
    so the counterpart is the same path under the other prefix. No query."""
    request = context["request"]
    current = translation.get_language()
    path = request.get_full_path()
    return [
        {"code": code, "name": name, "url": translate_url(path, code), "current": code == current}
        for code, name in settings.LANGUAGES
    ]


@register.simple_tag(takes_context=True)
def language_url(context, code):
    """This page's address in another language (see language_links)."""
    return translate_url(context["request"].get_full_path(), code)


@register.filter
def other_language(page):
    """A listed page's language when it is not the reader's (for `lang` on its title)."""
    code = locale_by_id(page.locale_id).language_code
    return "" if code == translation.get_language() else code


@register.simple_tag(takes_context=True)
def content_language(context):
    """The language of the page's content when it differs from the reader's (a Latvian page
    served under /en/ without a translation), else an empty string."""
    page = context.get("page")
    return other_language(page) if isinstance(page, Page) else ""


@register.filter
def startswith(value, prefix):
    """True when a page path lies within another (menu highlighting)."""
    return isinstance(value, str) and bool(prefix) and value.startswith(prefix)


@register.filter
def sentence_date(value):
    """“2026. gada 19. jūlijā” in Latvian, “19 July 2026” in English (portal.core.dates)."""
    return dates.sentence_date(value)
