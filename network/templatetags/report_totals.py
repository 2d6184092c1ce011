"""The reports room's figures on directory and mediator pages, which do not import reports."""

from django import template

from network.directory.models import MunicipalityPage
from network.reports.models import mediator_period_totals, municipality_period_totals

register = template.Library()


@register.simple_tag
def report_totals(page):
    """Submitted reports' period figures of a municipality page or a mediator profile page."""
    if isinstance(page, MunicipalityPage):
        return municipality_period_totals(page)
    return mediator_period_totals(page)
