"""Admin texts Wagtail and wagtail-localize leave in English (issue 21): Latvian in the Latvian
admin, still English in the English one (portal/core/upstream_labels.py, templates/wagtail*)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from wagtail.users.forms import PagePermissionsForm
from wagtail.users.models import UserProfile

from portal.tests.fixtures import demo_site  # noqa: F401

pytestmark = pytest.mark.django_db

SCREENS = ("/admin/sites/", "/admin/locales/", "/admin/reports/aging-pages/")
LATVIAN = ["Ports", "Vietnes nosaukums", "Saknes lapa", "lapas", 'aria-label="Darbības"']
ENGLISH = ["Port", "Site name", "Root page", " pages", 'aria-label="Actions"']


def admin_screens(client, language):
    admin = get_user_model().objects.create_superuser(f"vaditaja-{language}", None, "pw-123456")
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = language
    profile.save()
    client.force_login(admin)
    return [client.get(path).content.decode() for path in SCREENS]


def page_label(language):
    """The group editor's page chooser label (screen-reader only) in the page permissions row."""
    with translation.override(language):
        return str(PagePermissionsForm()["page"].label)


def publishers(aging_pages):
    """The aging pages report's "last published by" cells: the name after the avatar."""
    return re.findall(r'loading="lazy"/>\s*</span>\s*([^<]*?)\s*</td>', aging_pages)


def test_latvian_admin_names_what_wagtail_leaves_in_english(client, demo_site):  # noqa: F811
    sites, locales, aging_pages = admin_screens(client, "lv")
    html = sites + locales + aging_pages
    assert [text for text in LATVIAN if text not in html] == []
    assert " pages" not in locales and " others" not in locales
    assert page_label("lv") == "Lapa"
    assert "—" in publishers(aging_pages)  # a page published without a log entry (demo data)
    assert "None" not in publishers(aging_pages)


def test_english_admin_keeps_them_english(client, demo_site):  # noqa: F811
    html = "".join(admin_screens(client, "en"))
    assert [text for text in ENGLISH if text not in html] == []
    assert page_label("en") == "Page"
    assert "lapas" not in html and "Ports" not in html
