"""Real services in tests: PostgreSQL, Elasticsearch and Chromium.

`make test` starts them (scripts/services.py) and sets DATABASE_URL, ELASTICSEARCH_URL and
CHROMIUM_PATH. A test that needs a missing service fails when CI is set, and is skipped
otherwise, with one line at the end of the run saying what was skipped and why.
"""

import os
import urllib.error
import urllib.request
from pathlib import Path

import pytest

# Playwright's sync API keeps an event loop running in the main thread, where Django's ORM
# would then refuse to run.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytest_plugins = ["portal.tests.fixtures"]

REPO = Path(__file__).resolve().parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium keeps calling Google's hosts, and the closed network refuses each.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MARKERS = {
    "postgres": "needs the database to be PostgreSQL (DATABASE_URL)",
    "elasticsearch": "needs a running Elasticsearch (ELASTICSEARCH_URL)",
    "browser": "drives Chromium through Playwright (CHROMIUM_PATH)",
}
_missing_services: dict[str, str] = {}  # service -> why, for the summary line


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require_service(service: str, problem: str | None) -> None:
    """Fail (in CI) or skip (elsewhere) the current test when `problem` is set."""
    if problem is None:
        return
    if in_ci():
        pytest.fail(f"{service} is required in CI: {problem}", pytrace=False)
    _missing_services[service] = problem
    pytest.skip(f"{service} unavailable: {problem}")


def pytest_configure(config):
    for name, description in MARKERS.items():
        config.addinivalue_line("markers", f"{name}: {description}")


def pytest_collection_modifyitems(items):
    """Mark tests by the services their fixtures use, so `-m "not browser"` selects as expected."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if fixtures & {"browser", "page", "phone_page"}:
            item.add_marker("browser")
        if fixtures & {"elasticsearch_url", "es_client"}:
            item.add_marker("elasticsearch")
    # Browser tests first (stable sort): they are the longest files, and started last they
    # left one xdist worker running one alone for minutes while the other idled.
    items.sort(key=lambda item: item.get_closest_marker("browser") is None)


def pytest_sessionfinish(session):
    """A pytest-xdist worker hands what it skipped to the controller, which writes the summary."""
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["missing_services"] = dict(_missing_services)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    _missing_services.update(getattr(node, "workeroutput", {}).get("missing_services", {}))


def pytest_terminal_summary(terminalreporter):
    if _missing_services:
        reasons = "; ".join(f"{name}: {why}" for name, why in sorted(_missing_services.items()))
        terminalreporter.write_line(f"Real services skipped ({reasons})", yellow=True)


@pytest.fixture(autouse=True)
def _require_marked_services(request):
    """@pytest.mark.postgres/elasticsearch/browser alone is enough to need the service."""
    if request.node.get_closest_marker("postgres"):
        from django.db import connection

        vendor = connection.vendor
        require_service(
            "postgresql",
            None if vendor == "postgresql" else f"the database is {vendor}; set DATABASE_URL",
        )
    if request.node.get_closest_marker("elasticsearch"):
        request.getfixturevalue("elasticsearch_url")
    if request.node.get_closest_marker("browser"):
        request.getfixturevalue("chromium_path")


@pytest.fixture(autouse=True)
def _no_buffered_search_logs():
    """API searches' log rows wait in a per-process buffer: drop what a test left, or a later
    test (or the exit, after the test database is gone) would write it."""
    yield
    from search import searchlog

    searchlog.take_buffered()


def elasticsearch_problem(url: str) -> str | None:
    health = f"{url.rstrip('/')}/_cluster/health?wait_for_status=yellow&timeout=10s"
    try:
        with urllib.request.urlopen(health, timeout=15) as response:  # noqa: S310 (http only)
            response.read()
    except (OSError, urllib.error.URLError) as error:
        return f"{url} does not answer ({error})"
    return None


@pytest.fixture(scope="session")
def elasticsearch_url():
    url = os.environ.get("ELASTICSEARCH_URL", "")
    problem = elasticsearch_problem(url) if url else "ELASTICSEARCH_URL is not set"
    require_service("elasticsearch", problem)
    return url


@pytest.fixture(scope="session")
def es_client(elasticsearch_url):
    from elasticsearch import Elasticsearch

    client = Elasticsearch(elasticsearch_url, request_timeout=30)
    yield client
    client.close()


@pytest.fixture(scope="session")
def chromium_path():
    path = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    require_service("chromium", None if os.access(path, os.X_OK) else f"{path} is missing")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        except Error as error:
            require_service("chromium", f"it does not start: {error.message.splitlines()[0]}")
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="lv-LV")
    yield context.new_page()
    context.close()


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(
        locale="lv-LV", viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    )
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def artifacts_dir():
    """test-artifacts/ at the repo root: screenshots to look at after a run."""
    directory = REPO / "test-artifacts"
    directory.mkdir(exist_ok=True)
    return directory
