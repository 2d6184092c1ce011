"""Numbers, months and moments from the query string, parsed in one place.

`parse_*` answer None for anything that is not a plain value of its kind: non-ASCII digits,
numbers too big for a database integer, impossible or out-of-range dates. The `*_param`
helpers read one query parameter and raise BadParameter, which Django answers with a 400 and
the message (handler400 in portal.urls); APIs catch it and answer in their own format.
"""

import datetime
import re

from django.core.exceptions import BadRequest
from django.http import HttpResponseBadRequest
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

# ASCII digits only (int() also reads "²"-like digits, and may overflow the database).
INTEGER = re.compile(r"-?[0-9]{1,18}")
MONTH = re.compile(r"([0-9]{4})-([0-9]{1,2})(?:-[0-9]{1,2})?")


class BadParameter(BadRequest):
    """A query parameter people can fix; the message says what is expected."""


def parse_int(value, minimum=None, maximum=None):
    value = str(value).strip()
    if not INTEGER.fullmatch(value):
        return None
    number = int(value)
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        return None
    return number


def parse_month(value):
    """ "2020-04" (or "2020-04-15") → date(2020, 4, 1); None when it is not a month."""
    match = MONTH.fullmatch(str(value).strip())
    if match is None:
        return None
    try:
        return datetime.date(int(match[1]), int(match[2]), 1)
    except ValueError:  # month 13, year 0
        return None


def parse_moment(value):
    """An ISO 8601 date or date-time → an aware datetime that UTC can hold, else None."""
    value = str(value).strip()
    try:
        # parse_* raise ValueError for well-formed impossible values such as 0000-00-00.
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            moment = datetime.datetime.combine(day, datetime.time.min) if day else None
        if moment is None:
            return None
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        # The database compares in UTC: 9999-12-31T23:59-23:59 has no UTC moment.
        return moment.astimezone(datetime.UTC)
    except (ValueError, OverflowError):
        return None


def int_param(params, name, default, minimum=1, maximum=None):
    raw = params.get(name, "")
    if not raw.strip():
        return default
    number = parse_int(raw, minimum, maximum)
    if number is None:
        if maximum is None:
            message = _("Parametram %(name)s jābūt veselam skaitlim, ne mazākam par %(min)s.")
        else:
            message = _("Parametram %(name)s jābūt veselam skaitlim no %(min)s līdz %(max)s.")
        raise BadParameter(message % {"name": name, "min": minimum, "max": maximum})
    return number


def month_param(params, name, default=None):
    raw = params.get(name, "")
    if not raw.strip():
        return default
    month = parse_month(raw)
    if month is None:
        raise BadParameter(_("Mēnesi norādiet kā GGGG-MM, piemēram, 2020-04."))
    return month


def moment_param(params, name):
    raw = params.get(name, "")
    if not raw.strip():
        return None
    moment = parse_moment(raw)
    if moment is None:
        raise BadParameter(
            _("%(name)s jābūt ISO 8601 datumam vai laikam, piemēram, 2026-01-31.") % {"name": name}
        )
    return moment


def bad_request(request, exception=None):
    """handler400: a BadParameter's message as plain text; other 400s say nothing more."""
    known = isinstance(exception, BadParameter)
    message = str(exception) if known else _("Nederīgs pieprasījums.")
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
