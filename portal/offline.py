"""Installable and offline: the web app manifest and the service worker, both at the site root.

The worker (static/js/sw.js) is served from /sw.js so that its scope is the whole site, both
languages. Its caching rules are in the file itself; the texts it shows (in both languages) are
written into it here, from the gettext catalogues.
"""

import json
from functools import cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse, JsonResponse
from django.templatetags.static import static
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe

THEME_COLOUR = "#8a1538"  # --accent in static/css/portal.css
WORKER_FILE = "js/sw.js"
STRINGS_MARK = "/*STRINGS*/{}"


def worker_strings():
    """The worker's texts in each site language."""
    strings = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            strings[code] = {
                "saved": _("Saglabāts: %s"),
                "offline": _("Jūs esat bezsaistē: šī ir saglabātā kopija."),
                "search": _("Meklēšana bezsaistē"),
                "limited": _("Jūs esat bezsaistē: rezultāti ir tikai no saglabātajiem kontaktiem."),
                "none": _("Saglabātajos kontaktos nekas netika atrasts."),
            }
    return strings


@cache
def worker_source():
    path = finders.find(WORKER_FILE)
    if path:
        with open(path, encoding="utf-8") as source:
            return source.read()
    with staticfiles_storage.open(WORKER_FILE) as source:
        return source.read().decode("utf-8")


@require_safe
@gzip_page
def service_worker(request):
    source = worker_source().replace(
        STRINGS_MARK, json.dumps(worker_strings(), ensure_ascii=False), 1
    )
    response = HttpResponse(source, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    # Browsers check the worker for updates themselves; no cache in between may hold it.
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
@gzip_page
def manifest(request):
    icons = [
        {"src": static(f"img/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png"}
        for size in (192, 512)
    ]
    data = {
        "name": "Mediatoru tīkls",
        "short_name": "Mediatori",
        "lang": "lv",
        "dir": "ltr",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": "#ffffff",
        "icons": icons,
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response
