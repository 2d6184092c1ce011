"""Tests: DATABASE_URL / ELASTICSEARCH_URL come from `make test` (scripts/services.py)."""

import os

from .base import *  # noqa: F403

SECRET_KEY = os.environ.get("SECRET_KEY", "test-only-not-secret")  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
# pytest-xdist runs workers side by side: each gets its own media folder and index names.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
MEDIA_ROOT = BASE_DIR / "var" / f"test-media{'-' + WORKER if WORKER else ''}"  # noqa: F405
ELASTICSEARCH_INDEX = f"{ELASTICSEARCH_INDEX}{'-' + WORKER if WORKER else ''}"  # noqa: F405
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Static files are served from the finders in tests; no collectstatic needed.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
# client.login() has no request for django-axes; the throttling test switches it on.
AXES_ENABLED = False
# Tests search many times from 127.0.0.1; the rate-limit tests switch the limit on.
SEARCH_RATE_LIMIT = 0
# No timer thread writing search logs through its own connection, outside the test's
# transaction: tests flush the buffer themselves (search.searchlog.flush).
SEARCH_LOG_FLUSH_SECONDS = 0
# Tests render pages afresh; the caching tests switch the page cache on themselves.
PAGE_CACHE_SECONDS = 0
# Demo tests switch databases under running threads; a kept connection would stay on the old one.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
