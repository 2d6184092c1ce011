import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def test_healthz_reports_each_component(client, settings):
    settings.ELASTICSEARCH_URL = ""
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert body["checks"]["database"]["status"] == "ok"
    assert body["checks"]["search"]["status"] == "disabled"
    assert body["checks"]["tasks"]["pending_index_updates"] == 0
    assert body["status"] == "ok"


def test_healthz_says_degraded_when_elasticsearch_does_not_answer(client, settings):
    # Port 9 (discard) on the loopback: nothing listens there.
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    response = client.get("/healthz")
    body = response.json()
    assert response.status_code == 200  # pages still work from the database fallback
    assert body["checks"]["search"]["status"] == "down"
    assert body["status"] == "degraded"


def test_healthz_with_the_real_search_engine(client, settings, elasticsearch_url):
    settings.ELASTICSEARCH_URL = elasticsearch_url
    body = client.get("/healthz").json()
    assert body["checks"]["search"]["status"] == "ok"


UNREACHABLE_DB_SCRIPT = """
import django
django.setup()
from django.test import Client
client = Client()
for path in ("/", "/healthz"):
    response = client.get(path)
    print(path, response.status_code, response.content.decode()[:2000].replace(chr(10), " "))
"""


def test_an_unreachable_database_gives_a_friendly_503_not_a_traceback():
    env = {
        **{k: v for k, v in os.environ.items() if k != "ELASTICSEARCH_URL"},
        # A real fault: PostgreSQL on a loopback port where nothing listens.
        "DATABASE_URL": "postgres://portal:portal@127.0.0.1:9/portal",
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
    }
    result = subprocess.run(
        [sys.executable, "-c", UNREACHABLE_DB_SCRIPT],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if line.startswith("/"))
    assert lines["/"].startswith("503 "), result.stdout + result.stderr[-3000:]
    assert "Portāls īslaicīgi nav pieejams" in lines["/"]
    assert "Traceback" not in lines["/"]
    assert lines["/healthz"].startswith("503 ")
    assert '"database": {"status": "down"' in lines["/healthz"]
