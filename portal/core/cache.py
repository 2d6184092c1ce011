"""Caching for anonymous visitors: HTTP headers and a server-side cache of whole responses.

Only anonymous GET requests for public pages are cached: a request carrying a session or
messages cookie (a signed-in user, a pending notice) always gets a freshly rendered page, and a
response is stored only when it sets no cookie, used no CSRF token, is no preview, and carries
no CSP nonce. The whole response is stored, headers included, so its Content-Security-Policy
always matches its body. Any content change clears the page cache (see `connect_signals`).
"""

import base64
import hashlib
import logging
import pickle
import random

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import BaseDatabaseCache, DatabaseCache
from django.core.cache.backends.filebased import FileBasedCache
from django.core.management import call_command
from django.db import connections, router, transaction
from django.db.models.signals import post_delete, post_save
from django.utils.cache import patch_cache_control
from django.utils.timezone import now as tz_now
from django.utils.translation import get_language_from_path
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger(__name__)
PAGE_CACHE = "pages"
# PageFileCache counts its files (to keep within MAX_ENTRIES) once per this many writes.
CULL_CHECK_EVERY = 100
# Never cached: the admin, documents (their own privacy checks), health, search with user input
# (its results follow the index, which is updated in the background).
EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/healthz", "/api/search/")
EXCLUDED_NAMESPACES = {"search", "search_api"}
# Apps whose saved or deleted objects can appear on public pages.
CONTENT_APPS = ("portal", "knowledge", "network", "wagtailcore", "wagtailimages", "taggit")
# Saved often or never shown publicly: they must not flush the cache (anonymous visitors can
# create change requests).
IGNORED_MODELS = {
    "network.changerequest",
    "network.reportreminder",
    "portal.invitation",
    "portal.follower",
    "portal.follow",
    "wagtailcore.revision",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.referenceindex",
    "wagtailcore.uploadedfile",
    "wagtailimages.rendition",
}


def page_cache():
    return caches[PAGE_CACHE]


def page_cache_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def is_anonymous_request(request):
    """No cookie that could make the page personal: session (sign-in) or pending messages."""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def may_use_cache(request):
    return (
        request.method in ("GET", "HEAD")
        and is_anonymous_request(request)
        and not request.path_info.startswith(EXCLUDED_PREFIXES)
    )


def cache_key(request):
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"page:{language}:{hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()}"


def is_cacheable_response(request, response):
    """A public 200 that is the same for every anonymous visitor."""
    user = getattr(request, "user", None)
    match = getattr(request, "resolver_match", None)
    csp = response.get("Content-Security-Policy", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")
        and "CSRF_COOKIE_NEEDS_UPDATE" not in request.META
        and not getattr(request, "is_preview", False)
        and not (user is not None and user.is_authenticated)
        and not (match is not None and match.namespace in EXCLUDED_NAMESPACES)
        and "nonce-" not in csp
    )


class AnonymousPageCacheMiddleware:
    """Serves anonymous visitors from the page cache and marks what they may cache themselves."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        usable = may_use_cache(request)
        seconds = page_cache_seconds()
        key = cache_key(request) if usable and seconds else None
        if key is not None:
            cached = _read(key)
            if cached is not None:
                cached["X-Page-Cache"] = "hit"
                return cached
        response = self.get_response(request)
        if usable and is_cacheable_response(request, response):
            http_seconds = getattr(settings, "HTTP_CACHE_SECONDS", 0)
            if http_seconds:
                patch_cache_control(response, public=True, max_age=http_seconds)
            if key is not None and request.method == "GET":
                response["X-Page-Cache"] = "miss"
                _store(key, response, seconds)
        elif _signed_in(request) or response.cookies:
            # Personal: kept by no shared cache, nor by the site's service worker.
            patch_cache_control(response, private=True)
        return response


def _guarded(operation, failure, default=None):
    """Runs a page-cache operation; a cache that fails (its table missing, its server down)
    costs a fresh render, never a 500. A database cache runs in a savepoint, so its failure
    can't break the request's transaction."""
    cache = page_cache()
    try:
        if isinstance(cache, BaseDatabaseCache):
            with transaction.atomic(using=router.db_for_write(cache.cache_model_class)):
                return operation(cache)
        return operation(cache)
    except Exception:
        logger.exception(failure)
        return default


def _read(key):
    return _guarded(lambda cache: cache.get(key), "page cache unavailable; rendering afresh")


def _store(key, response, seconds):
    _guarded(
        lambda cache: cache.set(key, response, seconds),
        "page cache unavailable; response not stored",
    )


class PageFileCache(FileBasedCache):
    """Django's file cache, but it lists its directory to cull once per CULL_CHECK_EVERY
    writes rather than on every write: with thousands of cached pages, that listing cost
    3-15 ms per page stored. Between checks it may hold up to that many entries over
    MAX_ENTRIES; a check then drops what is over plus a random share, as Django's does."""

    writes = 0

    def _cull(self):
        self.writes += 1
        if self.writes % CULL_CHECK_EVERY != 1:
            return
        files = self._list_cache_files()
        over = len(files) - self._max_entries
        if over < 0:
            return
        if self._cull_frequency == 0:
            return self.clear()
        share = self._max_entries // self._cull_frequency
        for name in random.sample(files, min(len(files), over + share)):
            self._delete(name)


class AtomicDatabaseCache(DatabaseCache):
    """Django's database cache with an incr that counts every call and keeps the key's expiry.

    Django's own incr is a read and a write (parallel workers lose counts) and gives the key the
    default timeout (a rate-limit window would never end while requests keep coming). Here a
    no-op write first locks the row (PostgreSQL) or the database (SQLite) until the new value
    is written.
    """

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        table = connection.ops.quote_name(self._table)
        now = connection.ops.adapt_datetimefield_value(tz_now().replace(microsecond=0))
        # The table name is the quoted LOCATION from settings; every value is a parameter.
        where = "WHERE cache_key = %s"
        lock = f"UPDATE {table} SET expires = expires {where} AND expires >= %s"  # noqa: S608
        read = f"SELECT value FROM {table} {where}"  # noqa: S608
        write = f"UPDATE {table} SET value = %s {where}"  # noqa: S608
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(lock, [key, now])
            if cursor.rowcount != 1:
                raise ValueError(f"Key '{key}' not found")
            cursor.execute(read, [key])
            stored = connection.ops.process_clob(cursor.fetchone()[0])
            # Written by this cache alone, decoded as Django's own get() does.
            value = pickle.loads(base64.b64decode(stored.encode())) + delta  # noqa: S301
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(write, [encoded, key])
        return value


def remember(key, build):
    """The value kept under `key` in the page cache (cleared on every content change), built
    and stored on a miss; a failing cache only costs the build."""
    value = _read(key)
    if value is None:
        value = build()
        _store(key, value, None)
    return value


def create_cache_tables(using="default", **kwargs):
    """Creates the tables of database caches (no-op for other backends); idempotent."""
    call_command("createcachetable", database=using, verbosity=0)


def _signed_in(request):
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def clear_page_cache(**kwargs):
    """Forget every cached page now and again when the transaction commits (a request that
    read the old content meanwhile may have stored it); once per transaction, however many
    objects it saves (an import saves thousands)."""
    _clear_after_commit()
    connection = transaction.get_connection()
    pending = [entry[1] for entry in getattr(connection, "run_on_commit", [])]
    if connection.in_atomic_block and _clear_after_commit in pending:
        return
    transaction.on_commit(_clear_after_commit)


def _clear_after_commit():
    # An editor's save must not fail because the cache does.
    _guarded(lambda cache: cache.clear(), "page cache could not be cleared")


def connect_signals():
    """Publish, unpublish, move and delete of pages, and saving or deleting any content object
    (snippets, directory entries, settings, images) clear the page cache."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(clear_page_cache, dispatch_uid=f"page_cache_{id(signal)}")
    for app_label in CONTENT_APPS:
        try:
            app_config = apps.get_app_config(app_label)
        except LookupError:
            continue
        for model in app_config.get_models():
            if model._meta.label_lower in IGNORED_MODELS:
                continue
            uid = f"page_cache_{model._meta.label_lower}"
            post_save.connect(clear_page_cache, sender=model, dispatch_uid=f"{uid}_save")
            post_delete.connect(clear_page_cache, sender=model, dispatch_uid=f"{uid}_delete")
