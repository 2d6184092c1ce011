"""Fixtures shared by every app's tests (loaded from the root conftest)."""

import pytest
from django.core.management import call_command
from wagtail.models import Site


@pytest.fixture
def demo_site(db):
    """The whole demo site, as `make run` builds it."""
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return Site.objects.get(is_default_site=True)
