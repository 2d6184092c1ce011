"""The search log: each search as normalised text with its result count and the position of
the result opened. It keeps nothing that identifies who searched (no user, address, session
or browser), hides text that looks like personal data, and forgets rows after 12 months."""

import datetime
import logging
import re
from urllib.parse import urlencode

from django.db import DatabaseError, transaction
from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from portal.core.personal_data import find_personal_data

from .models import SearchLog

logger = logging.getLogger(__name__)

HIDDEN = "[paslēpts]"
MAX_POSITION = 1000
MAX_LOG_ID = 2**63 - 1  # the id column's largest value
# Crawlers and link previews announce themselves; their searches say nothing about people's.
BOT_AGENTS = re.compile(r"bot\b|crawl|spider|slurp|archiver|preview|externalhit", re.I)


def normalised(text):
    """Lowercased, spaces collapsed: how Wagtail's search promotions store a query too."""
    return " ".join(text.split()).lower()[:255]


def logged_text(text):
    """The text to store: normalised, or HIDDEN when it seems to hold personal data."""
    return HIDDEN if find_personal_data(text) else normalised(text)


def is_bot(request):
    return bool(BOT_AGENTS.search(request.META.get("HTTP_USER_AGENT", "")))


def is_refined(params):
    """A later page, a filter or a removed chip: the question narrowed, not asked anew."""
    return bool(
        params.page > 1
        or params.municipality
        or params.topic
        or params.type
        or params.group
        or params.ignore
    )


def record(request, params, result_count, engine, locale, source):
    """Logs one search and returns its row; None when not logged (a bot, no question, or the
    database refused: searching must not fail because of the log)."""
    if not params.q or is_bot(request):
        return None
    try:
        with transaction.atomic():
            return SearchLog.objects.create(
                query=logged_text(params.q),
                locale=locale,
                engine=engine,
                result_count=result_count,
                source=source,
                refined=is_refined(params),
            )
    except DatabaseError:
        logger.exception("Search log: the search was not logged")
        return None


def is_local(request, url):
    return url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def click_url(request, log, position, url):
    """The result's address through the click log; its own address when there is no log row
    or it leads off the site (the click view redirects only to local addresses)."""
    if log is None or not url or not is_local(request, url):
        return url
    path = reverse("search:open", args=[log.pk, position])
    return f"{path}?{urlencode({'to': url})}"


def record_click(log_id, position):
    """The first result opened from this search is the one the log keeps."""
    if not (1 <= position <= MAX_POSITION and log_id <= MAX_LOG_ID):
        return
    SearchLog.objects.filter(pk=log_id, clicked_position__isnull=True).update(
        clicked_position=position
    )


def a_year_before(day):
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def purge(today=None):
    """Deletes the rows older than 12 months; returns how many."""
    cutoff = a_year_before(today or timezone.localdate())
    deleted, _ = SearchLog.objects.filter(created_on__lt=cutoff).delete()
    return deleted


def unanswered(logs):
    """Questions (by text) that found nothing or whose results no one opened, most asked
    first. A refined search (later page, filter) counts for clicks but is no new question;
    the API has no clicks, so "never opened" counts only questions asked on the search page."""
    asked = Q(refined=False)
    return (
        logs.exclude(query=HIDDEN)
        .values("query")
        .annotate(
            searches=Count("pk", filter=asked),
            without_results=Count("pk", filter=asked & Q(result_count=0)),
            on_page=Count("pk", filter=Q(source=SearchLog.Source.PAGE)),
            clicks=Count("pk", filter=Q(clicked_position__isnull=False)),
            last_searched=Max("created_on"),
        )
        .filter(searches__gt=0)
        .filter(Q(without_results__gt=0) | Q(on_page__gt=0, clicks=0))
        .order_by("-searches", "query")
    )


def default_range(today=None):
    """The report's default dates: the last 90 days, today included."""
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=89), today
