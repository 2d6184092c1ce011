"""{% may_verify_service service as can_verify %}: whether the signed-in user may press
"Dati pārbaudīti" on a service's card (network.mediators.verification decides)."""

from django import template

from network.mediators.verification import may_verify

register = template.Library()


@register.simple_tag(takes_context=True)
def may_verify_service(context, service):
    request = context.get("request")
    return request is not None and may_verify(request.user, service)
