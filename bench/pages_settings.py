"""Production settings plus bench/timing.py's middleware, for bench/pages.py only."""

from portal.settings.production import *  # noqa: F403

MIDDLEWARE = ["bench.timing.TimingMiddleware", *MIDDLEWARE]  # noqa: F405
