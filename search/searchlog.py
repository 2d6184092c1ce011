"""The search log: each search as normalised text with its result count and the position of
the result opened. It keeps nothing that identifies who searched (no user, address, session
or browser), hides text that looks like personal data, and forgets rows after 12 months."""

import atexit
import datetime
import logging
import re
import threading
from urllib.parse import urlencode

from django.conf import settings
from django.db import DatabaseError, connections, transaction
from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone

from portal.core.client import is_local_url
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


# API searches have no click links, so their rows wait here and are written many at once:
# when BUFFER_SIZE are waiting, after SEARCH_LOG_FLUSH_SECONDS, with the next page search
# (which keeps the rows in order), and when the process exits.
BUFFER_SIZE = 50
_buffer = {"rows": [], "timer": None}
_buffer_lock = threading.Lock()


def record(request, params, result_count, engine, locale, source):
    """Logs one search. A page search is written at once and its row returned (its result
    links need the id); an API search is buffered and None returned. None too when not
    logged (a bot, no question, or the database refused: searching must not fail because
    of the log)."""
    if not params.q or is_bot(request):
        return None
    row = SearchLog(
        query=logged_text(params.q),
        locale=locale,
        engine=engine,
        result_count=result_count,
        source=source,
        refined=is_refined(params),
    )
    if source == SearchLog.Source.API:
        buffer_row(row)
        return None
    try:
        with transaction.atomic():
            write(take_buffered())  # first, so rows stay in the order searched
            row.save(force_insert=True)
            return row
    except DatabaseError:
        logger.exception("Search log: the search was not logged")
        return None


def buffer_row(row):
    seconds = settings.SEARCH_LOG_FLUSH_SECONDS
    with _buffer_lock:
        rows = _buffer["rows"]
        rows.append(row)
        if len(rows) == 1 and seconds > 0:  # the first row waiting starts the clock
            _buffer["timer"] = start_timer(seconds)
        full = len(rows) >= BUFFER_SIZE
    if full:
        flush()


def start_timer(seconds):
    timer = threading.Timer(seconds, flush_in_background)
    timer.daemon = True
    timer.start()
    return timer


def flush_in_background():
    try:
        flush()
    finally:
        connections.close_all()  # this thread's own connections only


def take_buffered():
    with _buffer_lock:
        rows, _buffer["rows"] = _buffer["rows"], []
        timer, _buffer["timer"] = _buffer["timer"], None
    if timer is not None:
        timer.cancel()
    return rows


def write(rows):
    if rows:
        SearchLog.objects.bulk_create(rows)


def flush():
    """Writes the buffered API searches now; returns how many (tests call this)."""
    rows = take_buffered()
    if not rows:
        return 0
    try:
        with transaction.atomic():
            write(rows)
    except DatabaseError:
        logger.exception("Search log: %d searches were not logged", len(rows))
        return 0
    return len(rows)


atexit.register(flush)


def click_urls(request, log, urls):
    """Each result's address through the click log, numbered from 1; its own address when
    there is no log row or it leads off the site (the click view redirects only to local ones)."""
    if log is None:
        return list(urls)
    # One reverse() for the page (a page has dozens of results): the position is the last part.
    prefix = reverse("search:open", args=[log.pk, 0]).removesuffix("0/")
    return [
        f"{prefix}{position}/?{urlencode({'to': url})}"
        if url and is_local_url(request, url)
        else url
        for position, url in enumerate(urls, start=1)
    ]


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
