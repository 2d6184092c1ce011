"""Production: every deploy-specific value comes from the environment."""

import os

from .base import *  # noqa: F403

SECRET_KEY = os.environ["SECRET_KEY"]
DEBUG = False
# A new dict, not base's mutated: importing this module must not change other settings modules.
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail's preview views set SAMEORIGIN for themselves.
X_FRAME_OPTIONS = "DENY"
# Shared by all gunicorn workers: rate limits in PostgreSQL (atomic counts across workers:
# portal.core.cache.AtomicDatabaseCache; table made by `migrate`), whole pages as files on the
# container's own disk (a read costs no query, and a new release starts empty). Several web
# hosts would need Redis; see README.
CACHES = {
    "default": {
        "BACKEND": "portal.core.cache.AtomicDatabaseCache",
        "LOCATION": "portal_cache",
        # Form tokens and rate-limit counters live here: culling must not drop live ones.
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
    "pages": {
        "BACKEND": "portal.core.cache.PageFileCache",
        "LOCATION": os.environ.get("PAGE_CACHE_DIR", str(VAR_DIR / "cache" / "pages")),  # noqa: F405
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}
# Optional purge of a caching proxy (Varnish, nginx) in front of the site when pages are
# published, unpublished or moved: the URL that accepts PURGE requests.
FRONTEND_CACHE_PURGE_URL = os.environ.get("FRONTEND_CACHE_PURGE_URL", "")
if FRONTEND_CACHE_PURGE_URL:
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]  # noqa: F405
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
