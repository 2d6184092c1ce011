"""/healthz for load balancers and monitoring, and a friendly 503 when the database is down."""

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django_tasks import default_task_backend

from search import documents
from search.models import PendingIndexUpdate


def _database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        return {"status": "down", "error": str(error).strip()[:200]}
    return {"status": "ok", "vendor": connection.vendor}


def _search():
    if not documents.is_configured():
        return {"status": "disabled", "detail": "database fallback (no ELASTICSEARCH_URL)"}
    try:
        health = documents.client(timeout=2).cluster.health()
    except Exception as error:  # noqa: BLE001 - any failure of the engine is "down" here
        return {"status": "down", "error": type(error).__name__}
    return {
        "status": "ok" if health["status"] in ("green", "yellow") else "down",
        "cluster": health["status"],
    }


def _tasks():
    """Index updates run as tasks; the ones that failed wait in PendingIndexUpdate for a retry."""
    backend = type(default_task_backend).__name__
    try:
        pending = PendingIndexUpdate.objects.count()
    except DatabaseError:
        return {"status": "unknown", "backend": backend}
    return {
        "status": "ok" if pending == 0 else "degraded",
        "backend": backend,
        "pending_index_updates": pending,
    }


def healthz(request):
    """200 while the portal can serve pages (search may be degraded); 503 without a database."""
    checks = {"database": _database()}
    checks["search"] = _search()
    checks["tasks"] = _tasks() if checks["database"]["status"] == "ok" else {"status": "unknown"}
    healthy = checks["database"]["status"] == "ok"
    degraded = any(check["status"] in ("down", "degraded") for check in checks.values())
    overall = "down" if not healthy else ("degraded" if degraded else "ok")
    response = JsonResponse({"status": overall, "checks": checks}, status=200 if healthy else 503)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """A request that finds the database unreachable gets a plain 503 page, not a traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError) and not settings.DEBUG:
            html = render_to_string(
                "503.html", {"LANGUAGE_CODE": getattr(request, "LANGUAGE_CODE", "lv")}
            )
            response = HttpResponse(html, status=503)
            response["Retry-After"] = "60"
            return response
        return None
