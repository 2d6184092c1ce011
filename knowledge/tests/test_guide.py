"""The onboarding guide: step N of M, next/previous, the print view."""

import pytest

from knowledge.factories import GuideStepPageFactory
from knowledge.models import GuideStepPage

pytestmark = pytest.mark.django_db


def test_overview_lists_the_steps_in_order_with_a_start_link(client, guide):
    html = client.get("/darba-uzsaksana/").content.decode()
    assert html.index("Solis numur 1") < html.index("Solis numur 2") < html.index("Solis numur 3")
    assert 'href="/darba-uzsaksana/solis-1/">Sākt ar 1. soli' in html
    assert 'href="/darba-uzsaksana/print/"' in html


def test_middle_step_has_previous_and_next(client, guide):
    html = client.get("/darba-uzsaksana/solis-2/").content.decode()
    assert "2. solis no 3" in html
    assert 'rel="prev" href="/darba-uzsaksana/solis-1/"' in html
    assert 'rel="next" href="/darba-uzsaksana/solis-3/"' in html


def test_first_and_last_steps(client, guide):
    first = client.get("/darba-uzsaksana/solis-1/").content.decode()
    last = client.get("/darba-uzsaksana/solis-3/").content.decode()
    assert 'rel="prev"' not in first
    assert "1. solis no 3" in first
    assert 'rel="next"' not in last
    assert "Ceļvedis pabeigts" in last


def test_draft_steps_are_not_counted(client, guide):
    GuideStepPageFactory(parent=guide, title="Melnraksta solis", live=False)
    html = client.get("/darba-uzsaksana/solis-3/").content.decode()
    assert "3. solis no 3" in html
    assert "Melnraksta solis" not in client.get("/darba-uzsaksana/print/").content.decode()


def test_print_view_has_every_step_with_its_content(client, guide):
    step = GuideStepPage.objects.get(slug="solis-2")
    step.body = [("checklist", {"title": "Pārbaude", "items": ["Apmeklēt sociālo dienestu"]})]
    step.save_revision().publish()
    response = client.get("/darba-uzsaksana/print/")
    html = response.content.decode()
    assert response.status_code == 200
    for number in (1, 2, 3):
        assert f"{number}. solis no 3" in html
        assert f"Solis numur {number}" in html
    assert "Apmeklēt sociālo dienestu" in html
    assert 'class="step-nav"' not in html


def test_guide_is_the_home_pages_entry_point_in_the_demo(client, demo_site):
    home = demo_site.root_page.specific
    assert home.guide_page.specific.title == "Romu mediatora darba uzsākšana"
    html = client.get("/").content.decode()
    assert 'href="/darba-uzsaksana/"' in html
