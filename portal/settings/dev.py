"""Local development: SQLite, database search fallback, e-mail to the console."""

import os

from .base import *  # noqa: F403

DEBUG = True
# The SQLite file and media live here; a fresh clone has no var/ yet.
VAR_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405
# A development-only key; production.py refuses to start without SECRET_KEY.
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret")  # noqa: S105
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Templates and content change under a developer's hands: no server-side page cache unless asked.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))
