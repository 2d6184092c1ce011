"""`{% form_token %}`: the hidden one-time token of a form (see portal.core.form_tokens)."""

from django import template
from django.utils.html import format_html

from portal.core.form_tokens import FIELD, new_token

register = template.Library()


@register.simple_tag
def form_token():
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, new_token())
