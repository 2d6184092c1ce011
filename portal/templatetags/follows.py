"""The follow button: a plain link to the follow form for everyone (the page stays cacheable),
a one-click form, or "following" with a stop button, for signed-in users (never cached)."""

from django import template

from portal.follows import follow_url, following, target_value

register = template.Library()


@register.inclusion_tag("portal/follows/button.html", takes_context=True)
def follow_button(context, kind, target):
    request = context.get("request")
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    return {
        "kind": kind,
        "value": target_value(kind, target),
        "url": follow_url(kind, target),
        "signed_in": signed_in,
        "follow": following(user, kind, target) if signed_in else None,
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }
