"""One-time form tokens: a form sent twice (a double click, a retry, a resent page) writes once.

Each rendered form carries a random token (`{% load form_tokens %}{% form_token %}`). The view
runs its write through `submit_once`, in one transaction that first claims the token with
`cache.add` on the default cache. In production that is the database cache: the claim is a row
inserted in the write's own transaction, so it is atomic across workers, a repeat waits for the
first request to commit, and a failed write frees the token. The first answer's redirect is
remembered; a repeat writes nothing and gets the same redirect with the message "Jau saņemts".
A POST without a token (a page opened before tokens existed) is written as before, only not
deduplicated: refusing it would lose what that user typed.
"""

import hashlib
import logging
import secrets
import time

from django.contrib import messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseRedirectBase
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)
FIELD = "form_token"
KEEP_SECONDS = 24 * 60 * 60  # a repeat within a day still finds where the first one led
WAIT_SECONDS = 20  # a repeat waits this long for a first request that is still writing
PENDING = "pending:"


def new_token():
    return secrets.token_urlsafe(18)


def _key(request):
    token = request.POST.get(FIELD, "")
    if not token:
        return None
    user = request.user.pk if request.user.is_authenticated else "-"
    digest = hashlib.sha256(f"{request.path}\n{user}\n{token}".encode()).hexdigest()
    return f"form-token:{digest}"


def submit_once(request, write):
    """Runs `write()` (which returns the response) in one transaction, once per form token.

    A redirect means success and is remembered for repeats; any other response (a form with
    errors, a conflict) rolls the transaction back and leaves the token free for the next try.
    """
    key = _key(request)
    mine = [PENDING + secrets.token_hex(8)]  # what this request stored under the key
    try:
        with transaction.atomic():
            earlier = _claim(key, mine[0]) if key else None
            if earlier:
                return _repeat(request, earlier)
            response = write()
            if isinstance(response, HttpResponseRedirectBase):
                if key:
                    mine.append(response["Location"])
                    cache.set(key, response["Location"], KEEP_SECONDS)
                return response  # (a failed commit still frees the token, below)
            transaction.set_rollback(True)
    except BaseException:
        _release(key, mine)
        raise
    _release(key, mine)
    return response


def _claim(key, mine):
    """None when this request now holds the token, else the answer of the one that does."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not cache.add(key, mine, KEEP_SECONDS):
        earlier = cache.get(key)
        if earlier and not earlier.startswith(PENDING):
            return earlier
        if time.monotonic() > deadline:
            return earlier  # still pending; None: a cache that keeps nothing, write unguarded
        time.sleep(0.05)  # the first request is still writing (a cache outside the database)
    return None


def _release(key, mine):
    """Frees the token after a write that saved nothing (unless another request holds it)."""
    if not key:
        return
    try:
        if cache.get(key) in mine:
            cache.delete(key)
    except Exception:  # a failing cache must not hide the real answer; a retry then waits
        logger.warning("Could not free a one-time form token", exc_info=True)


def _repeat(request, earlier):
    if earlier.startswith(PENDING):
        message = _("Jau saņemts: forma vēl tiek saglabāta. Pēc brīža pārlādējiet lapu.")
        return HttpResponse(message, status=409, content_type="text/plain; charset=utf-8")
    messages.info(
        request, _("Jau saņemts: šī forma jau tika nosūtīta, otrreiz nekas netika mainīts.")
    )
    return HttpResponseRedirect(earlier)
