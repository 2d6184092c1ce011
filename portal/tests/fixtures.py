"""Fixtures shared by every app's tests (loaded from the root conftest)."""

import fcntl
import io
import os
import re
import smtplib
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import OperationalError
from django.test import override_settings
from django.utils import translation
from wagtail.models import Site

from portal.models import HomePage


@pytest.fixture(autouse=True)
def _primary_language():
    """Each test starts in Latvian: a request to an /en/ page leaves English active in the
    thread (LocaleMiddleware does not switch back), which a later test would render in."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Pages and the cached menu live in the "pages" cache; each test starts without them (a
    rolled-back test sends no signal that would clear them)."""
    caches["pages"].clear()
    yield
    caches["pages"].clear()


EXAMPLE_BASE_URL = "https://portal.example.org"


@pytest.fixture
def public_address(settings, db):
    """PUBLIC_BASE_URL set to an example.org address, with what base.py derives from it and
    the Site record in step (as `migrate` leaves it); Wagtail's cached site paths forgotten
    after the test, whose rollback restores the Site."""
    from portal.core.public_url import keep_site_in_step

    settings.PUBLIC_BASE_URL = EXAMPLE_BASE_URL
    settings.WAGTAILADMIN_BASE_URL = settings.WAGTAILAPI_BASE_URL = EXAMPLE_BASE_URL
    keep_site_in_step()
    yield EXAMPLE_BASE_URL
    Site.clear_site_root_paths_cache()


def load_demo_quietly():
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def demo_site(db):
    """The whole demo site, as `make run` builds it.

    On PostgreSQL the demo is loaded once per session into a database of its own, which each
    rolled-back test using this fixture is switched to (see `_seeded_database`); a transactional
    test gets a fresh copy of it (see `_demo_copy`); neither copy is in Elasticsearch (see
    `index_demo`). Elsewhere (SQLite), or when asked for in the middle of a test, it is loaded
    into the test's own database."""
    if not HomePage.objects.exists():
        load_demo_quietly()
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def seed_vocabulary(db):
    """The seed's topics and concepts (taxonomy/data), concepts by slug. On PostgreSQL they are
    loaded once per session into a database of their own, which the test is switched to like a
    demo test (see `_seeded_database`); elsewhere into the test's own database."""
    from taxonomy.demo import seed_concepts
    from taxonomy.models import Concept

    if not Concept.objects.exists():
        load_vocabulary_quietly()
    by_slug = Concept.objects.in_bulk(field_name="slug")
    return {row["slug"]: by_slug[row["slug"]] for row in seed_concepts()}


def load_vocabulary_quietly():
    from taxonomy.demo import load_concepts, load_topics

    load_topics()
    load_concepts()


def index_demo(site):
    """What load_demo does last with Elasticsearch configured: build or sync the index."""
    from search import demo

    demo.load(site, lambda message: None)


def bare_site():
    """The home page and site without demo content (what a flushed database lacks)."""
    from portal.demo import build_site

    return build_site(lambda message: None)


# ------------------------------------------------------- the demo, built once per session
#
# PostgreSQL databases beside the test database ("clean"): a copy of it straight after
# migrations ("pristine"), and copies of that with the demo loaded ("demo") or the seed's
# vocabulary alone ("vocabulary"), built when a test first needs them and used by rolled-back
# tests. Each transactional test gets a throwaway copy ("copy") of one of them, so it starts from
# the same state whichever test ran before it, and nothing it flushes is shared.
SEEDS = {
    "demo_site": ("demo", load_demo_quietly),
    "seed_vocabulary": ("vocabulary", load_vocabulary_quietly),
}


def register_seed(fixture, suffix, load):
    """An app's tests add a seed: tests whose fixtures include `fixture` run in a database where
    `load()` ran once per session (the fixture itself loads it where there is none: SQLite)."""
    SEEDS[fixture] = (suffix, load)


def commits(item):
    """Transactional tests (and a live server's) commit and flush."""
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)):
        return True
    return bool({"transactional_db", "live_server"} & set(item.fixturenames))


def pytest_collection_modifyitems(items):
    """Demo tests switch databases before anything else of theirs is set up (even before
    pytest-django opens the test's transaction)."""
    for item in items:
        names = getattr(item, "fixturenames", None)
        if names is None:
            continue
        if commits(item):
            names.insert(0, "_own_database")
        elif set(SEEDS) & set(names):
            names.insert(0, "_seeded_database")


class DemoDatabases:
    def __init__(self, connection):
        self.clean = connection.settings_dict["NAME"]
        self.pristine = f"{self.clean}_pristine"
        self.copied = f"{self.clean}_copy"
        self.built, self.shared = set(), set()

    @property
    def connection(self):
        """Looked up each time: under Playwright a test may see another wrapper than ours."""
        from django.db import connections

        return connections["default"]

    def _admin(self, *statements):
        """Run statements on the server's maintenance database (no one may use the copies)."""
        self.connection.close()
        with self.connection._nodb_cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)

    def copy(self, source, target):
        """CREATE DATABASE target TEMPLATE source, replacing target."""
        quote = self.connection.ops.quote_name
        # Connections another thread left open (a live server's request) would block both.
        self.drop(target)
        for attempt in range(20):
            try:
                self._admin(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "  # noqa: S608
                    f"WHERE datname = '{source}' AND pid <> pg_backend_pid()",
                    # FILE_COPY: PostgreSQL 15's default (WAL_LOG) writes every page to the WAL.
                    f"CREATE DATABASE {quote(target)} TEMPLATE {quote(source)} STRATEGY FILE_COPY",
                )
                return
            except OperationalError:
                if attempt == 19:
                    raise
                time.sleep(0.1)  # a terminated session takes a moment to end

    def drop_all(self):
        self.use(self.clean)
        for name in (self.copied, *self.built, self.pristine):
            self.drop(name)
        for name in self.shared:  # a worker that needs one later builds it again
            with self.shared_lock(name) as lock_path:
                self.drop(name)
                lock_path.unlink(missing_ok=True)

    def use(self, name):
        """Point the default connection (and every thread's, e.g. the live server's) at `name`."""
        if self.connection.settings_dict["NAME"] == name:
            return
        self.connection.close()
        self.connection.settings_dict["NAME"] = name
        settings.DATABASES["default"]["NAME"] = name
        forget_process_caches()

    def seeded(self, fixturenames):
        """The database a test's seed fixture asks for, built on first use; None if none."""
        for fixture, (suffix, load) in SEEDS.items():
            if fixture in fixturenames:
                name = f"{self.clean}_{suffix}"
                if name not in self.built:
                    self.build(name, suffix, load)
                return name
        return None

    def build(self, name, suffix, load):
        """A seed loaded once without touching Elasticsearch (tests index it themselves). Under
        pytest-xdist the first worker to need it loads it into a database the run's workers
        share, and each copies that: the demo is loaded once a run, not once a worker."""
        run = os.environ.get("PYTEST_XDIST_TESTRUNUID", "")[:8]
        if not run:
            self.load_into(name, load)
        else:
            shared = f"{re.sub(r'_gw[0-9]+$', '', self.clean)}_{suffix}_{run}"
            with self.shared_lock(shared):
                if not self.exists(shared):
                    self.load_into(shared, load)
                self.copy(shared, name)
            self.shared.add(shared)
        self.built.add(name)

    def load_into(self, name, load):
        self.copy(self.pristine, name)
        self.use(name)
        with override_settings(ELASTICSEARCH_URL=""):
            load()
        self.use(self.clean)

    @contextmanager
    def shared_lock(self, name):
        """One worker at a time builds, copies or drops a shared seed (an exclusive file lock)."""
        path = Path(tempfile.gettempdir()) / f"{name}.lock"
        with path.open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield path

    def exists(self, name):
        self.connection.close()
        with self.connection._nodb_cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            return cursor.fetchone() is not None

    def drop(self, name):
        self._admin(f"DROP DATABASE IF EXISTS {self.connection.ops.quote_name(name)} WITH (FORCE)")


def forget_process_caches():
    """What this process remembers of one database must not be shown from another."""
    from portal.core import process_tables

    for cache in caches.all():
        cache.clear()
    process_tables.forget()
    from search import fallback, query

    fallback.forget_documents()
    query.vocabulary.forget()


@pytest.fixture(scope="session")
def _demo_databases(django_db_setup, django_db_blocker):
    from django.db import connections

    connection = connections["default"]
    if connection.vendor != "postgresql":
        yield None
        return
    databases = DemoDatabases(connection)
    with django_db_blocker.unblock():
        databases.copy(databases.clean, databases.pristine)
    yield databases
    with django_db_blocker.unblock():
        databases.drop_all()


@pytest.fixture
def _seeded_database(request, _demo_databases, django_db_blocker):
    """Switches a demo (or vocabulary) test to the session's database of that seed and back."""
    databases = _demo_databases
    if databases is None:
        yield
        return
    with django_db_blocker.unblock():
        databases.use(databases.seeded(request.fixturenames))
    yield
    with django_db_blocker.unblock():
        databases.use(databases.clean)


@pytest.fixture
def _own_database(request, _demo_databases, django_db_blocker):
    """Switches a committing test to a fresh copy of its seed's database (demo_site,
    seed_vocabulary) or of the migrated one, before pytest-django sets the test up; back, and
    drops the copy, after its flush."""
    databases = _demo_databases
    if databases is None:
        yield
        return
    with django_db_blocker.unblock():
        source = databases.seeded(request.fixturenames) or databases.pristine
        databases.copy(source, databases.copied)
        databases.use(databases.copied)
    yield
    with django_db_blocker.unblock():
        databases.use(databases.clean)
        # WITH (FORCE) also ends a live server request's connection that outlived its test.
        databases.drop(databases.copied)


class FailingEmailBackend(BaseEmailBackend):
    """An SMTP server that refuses every message (the one outside thing tests stand in for)."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPException("451 SMTP serveris nepieejams")


@pytest.fixture
def mail_down(settings):
    settings.EMAIL_BACKEND = "portal.tests.fixtures.FailingEmailBackend"
