"""One public address (PUBLIC_BASE_URL) for every absolute link: feeds, the pages API, the
printed guide, vCards and admin e-mails; the Site record is kept in step with it."""

import json
import os
import subprocess
import sys

import pytest
from wagtail.models import Site

from portal.core.public_url import keep_site_in_step, public_url, site_address
from portal.tests.fixtures import EXAMPLE_BASE_URL

pytestmark = pytest.mark.django_db

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_migrate_gives_the_site_record_the_public_address(db, settings):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == site_address()
    if settings.PUBLIC_BASE_URL == "http://127.0.0.1:8000":  # the default, unless set
        assert site.root_url == "http://127.0.0.1:8000"


def test_the_site_record_follows_the_public_address(settings, db):
    settings.PUBLIC_BASE_URL = "https://portal.example.org/"
    assert site_address() == ("portal.example.org", 443)
    site = keep_site_in_step()
    assert Site.objects.get(pk=site.pk).root_url == "https://portal.example.org"
    settings.PUBLIC_BASE_URL = "http://portal.example.org:8080"
    assert keep_site_in_step().root_url == "http://portal.example.org:8080"
    Site.clear_site_root_paths_cache()


def test_public_url_joins_site_paths_only(settings):
    settings.PUBLIC_BASE_URL = "https://portal.example.org"
    assert public_url("/zinasanas/") == "https://portal.example.org/zinasanas/"
    assert public_url("https://other.example.org/x") == "https://other.example.org/x"
    assert public_url("//other.example.org/x") == "//other.example.org/x"
    assert public_url("") == ""


def test_admin_and_api_base_urls_come_from_the_one_setting():
    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        "print(json.dumps([settings.PUBLIC_BASE_URL, settings.WAGTAILADMIN_BASE_URL, "
        "settings.WAGTAILAPI_BASE_URL]))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "PUBLIC_BASE_URL": "https://portal.example.org/",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [EXAMPLE_BASE_URL] * 3


def test_no_localhost_in_feed_api_or_printed_guide(client, demo_site, public_address):
    pages = client.get("/api/v2/pages/?limit=20")
    assert pages.status_code == 200
    first = pages.json()["items"][0]
    addresses = {
        "feed": "/zinasanas/feed/",
        "municipality feed": "/pasvaldibas/ventspils/feed/",
        "pages API": "/api/v2/pages/?limit=20",
        "page in the API": f"/api/v2/pages/{first['id']}/",
        "printed guide": "/darba-uzsaksana/print/",
    }
    for name, address in addresses.items():
        response = client.get(address, HTTP_HOST="portal.example.org", secure=True)
        assert response.status_code == 200, name
        text = response.content.decode()
        assert "localhost" not in text and "127.0.0.1" not in text, name
        assert f"{EXAMPLE_BASE_URL}/" in text, name
    assert first["meta"]["html_url"].startswith(f"{EXAMPLE_BASE_URL}/")
    assert first["meta"]["detail_url"].startswith(f"{EXAMPLE_BASE_URL}/api/v2/pages/")
