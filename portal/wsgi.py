import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
application = get_wsgi_application()

from portal.warmup import warm_up  # noqa: E402 (needs the apps loaded by the line above)

warm_up(application)

# Django, Wagtail and every model are loaded now and live as long as the worker: frozen, the
# collector stops scanning them, and its full collections drop from 100+ ms to a few ms.
gc.collect()
gc.freeze()
