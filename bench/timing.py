"""Bench-only middleware (bench/pages.py): each response says its server time and SQL count.

Enabled only by bench/pages_settings.py; production settings never load it.
"""

import time

from django.db import connection


class TimingMiddleware:
    """Outermost middleware: times the whole Django stack and counts its queries."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        queries = 0

        def count(execute, sql, params, many, context):
            nonlocal queries
            queries += 1
            return execute(sql, params, many, context)

        started = time.perf_counter()
        with connection.execute_wrapper(count):
            response = self.get_response(request)
        elapsed = (time.perf_counter() - started) * 1000
        response["Server-Timing"] = f"app;dur={elapsed:.2f}"
        response["X-Bench-Queries"] = str(queries)
        return response
