"""Fixtures shared by every app's tests (loaded from the root conftest)."""

import io
import smtplib

import pytest
from django.core.cache import caches
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from wagtail.models import Site

from portal.models import HomePage


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Pages and the cached menu live in the "pages" cache; each test starts without them (a
    rolled-back test sends no signal that would clear them)."""
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def load_demo_quietly():
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def demo_site(db):
    """The whole demo site, as `make run` builds it."""
    if not HomePage.objects.exists():
        load_demo_quietly()
    return Site.objects.get(is_default_site=True)


class FailingEmailBackend(BaseEmailBackend):
    """An SMTP server that refuses every message (the one outside thing tests stand in for)."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPException("451 SMTP serveris nepieejams")


@pytest.fixture
def mail_down(settings):
    settings.EMAIL_BACKEND = "portal.tests.fixtures.FailingEmailBackend"
