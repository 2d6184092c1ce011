"""Who is asking, and how often: the client's address and per-address request counts, and
whether an address a client sent leads back to this site.

One place for login lockouts (AXES_CLIENT_IP_CALLABLE), the suggest-an-edit limit, the search
limit and the "next"/"to" redirects. Imports no app, so every app may use it.
"""

import hashlib
import ipaddress

from django.conf import settings
from django.core.cache import cache
from django.utils.http import url_has_allowed_host_and_scheme


def client_address(request):
    """The visitor's address; behind a proxy, CLIENT_IP_HEADER names the header it sets."""
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    forwarded = request.META.get(header, "") if header else ""
    # The proxy appends the real client last; anything before it may be forged.
    address = forwarded.split(",")[-1].strip()
    try:
        # Login attempts store it in an address column: never let a malformed header through.
        return str(ipaddress.ip_address(address))
    except ValueError:
        return request.META.get("REMOTE_ADDR", "")


def is_local_url(request, url):
    """Django's check that a redirect target stays on this site (a prefix test would let
    "/\\evil.example" through); False for an empty one."""
    return url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def _key(scope, request):
    # Hashed so the cache never holds visitors' addresses in clear.
    address = client_address(request)
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    return f"{scope}:{digest}"


def requests_counted(scope, request):
    """How many of this client's requests `count_request` has counted in its current window."""
    return cache.get(_key(scope, request)) or 0


def count_request(scope, request, window):
    """Counts one request of this client in `scope` and returns the count so far; the window
    starts at the first counted request and lasts `window` seconds. Uses the "default" cache,
    which production shares between workers."""
    key = _key(scope, request)
    cache.add(key, 0, window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        return 1


def over_limit(scope, request, limit, window):
    """Counts this request; True once the client has sent more than `limit` in the window.
    A limit of 0 is no limit."""
    return bool(limit) and count_request(scope, request, window) > limit
