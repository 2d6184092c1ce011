"""The search page's result links, through the click log when the search was logged."""

from django import template

from portal.core import phones

register = template.Library()


@register.simple_tag(takes_context=True)
def result_link(context, hit):
    """The hit's link from the view's `click_links` (by its id), else its own address."""
    return context.get("click_links", {}).get(hit.doc_id, hit.url)


@register.filter
def tel_uri(number):
    """A result's phone as a `tel:` link in E.164, so the call goes through from any phone."""
    return phones.tel_uri(number)
