"""Browser tests: the demo site on a live server, driven by Debian's Chromium through Playwright.

Each test gets a fresh copy of the session's demo database (the live server needs transactional
tests, which commit), so the journeys walk whole paths in one test each and only the
viewport is parametrized.
"""

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from portal.tests.fixtures import index_demo

DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")  # pytest-xdist's gw0, gw1…; empty without it


@pytest.fixture
def browser_index(settings):
    # A separate index name, so the browser tests never touch another suite's index.
    settings.ELASTICSEARCH_INDEX = f"portal-browser-tests{'-' + WORKER if WORKER else ''}"


@pytest.fixture
def demo(live_server, browser_index, demo_site):
    """The demo site, indexed as `make run` leaves it, served by the live server; its base URL."""
    index_demo(demo_site)
    return live_server.url


def context_options(viewport_name, **extra):
    return {"locale": "lv-LV", **VIEWPORTS[viewport_name], **extra}


@dataclass
class Camera:
    """Numbered screenshots of every step, kept in test-artifacts/<test>/."""

    directory: Path
    count: int = 0
    taken: list[Path] = field(default_factory=list)

    def shoot(self, page, step):
        self.count += 1
        slug = re.sub(r"[^a-z0-9]+", "-", step.lower()).strip("-")
        path = self.directory / f"{self.count:02d}-{slug}.png"
        page.screenshot(path=str(path), full_page=True)
        self.taken.append(path)
        return path


@pytest.fixture
def camera(request, artifacts_dir):
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name).strip("-")
    directory = artifacts_dir / "browser" / name
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob("*.png"):
        old.unlink()
    return Camera(directory)


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request):
    return request.param


@pytest.fixture
def journey_context(browser, viewport):
    context = browser.new_context(**context_options(viewport, accept_downloads=True))
    context.set_default_timeout(15_000)
    yield context
    context.close()


def record_console_error(errors, message):
    # A failed load is recorded with its URL by the response handler below.
    if message.type == "error" and not message.text.startswith("Failed to load resource"):
        errors.append(message.text)


@pytest.fixture
def journey_page(journey_context):
    page = journey_context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: record_console_error(errors, message))
    # Console errors name no URL; failed responses do. Browsers ask for /favicon.ico themselves.
    page.on(
        "response",
        lambda response: (
            errors.append(f"{response.status} {response.url}")
            if response.status >= 400 and not response.url.endswith("/favicon.ico")
            else None
        ),
    )
    page.console_errors = errors
    return page


def first_service_path(page, base):
    """A directory service page, reached as a visitor would: from Ventspils' page."""
    page.goto(base + "/pasvaldibas/ventspils/")
    href = page.locator("main a[href^='/pakalpojumi/']").first.get_attribute("href")
    assert href, "Ventspils' page links to no service"
    return href


def public_pages(page, base):
    """(page type, path, expected html lang) for every kind of public page."""
    from knowledge.models import ArticlePage, GuideStepPage, SeminarPage
    from network.directory.models import Organization
    from network.mediators.models import MediatorProfilePage
    from network.posts.models import ExperiencePostPage

    profile = MediatorProfilePage.objects.live().order_by("path").first()
    post = ExperiencePostPage.objects.live().order_by("path").first()
    article = ArticlePage.objects.live().order_by("path").first()
    seminar = SeminarPage.objects.live().order_by("path").first()
    step = GuideStepPage.objects.live().order_by("path").first()
    service = first_service_path(page, base)
    organization = Organization.objects.filter(services__isnull=False).order_by("name").first()
    query = "ģimenei Ventspilī ir īres parādi"
    return [
        ("home", "/", "lv"),
        ("home (English)", "/en/", "en"),
        ("listing", "/zinasanas/", "lv"),
        ("topic listing", "/zinasanas/tema/majoklis/", "lv"),
        ("article", article.url, "lv"),
        ("seminar", seminar.url, "lv"),
        ("guide", step.get_parent().url, "lv"),
        ("guide step", step.url, "lv"),
        ("guide print", step.get_parent().url + "print/", "lv"),
        ("municipalities", "/pasvaldibas/", "lv"),
        ("municipality", "/pasvaldibas/tukums/", "lv"),
        ("compare", "/pasvaldibas/salidzinat/?m=jelgava&m=ventspils", "lv"),
        ("service", service, "lv"),
        ("service print", service + "drukat/", "lv"),
        ("organisation", organization.get_absolute_url(), "lv"),
        ("suggest an edit", service + "labot/", "lv"),
        ("search", f"/meklet/?q={query}", "lv"),
        ("search (English)", f"/en/meklet/?q={query}", "en"),
        ("search, nothing found", "/meklet/?q=zzzqqq", "lv"),
        ("mediators", profile.get_parent().url, "lv"),
        ("mediator profile", profile.url, "lv"),
        ("experience posts", post.get_parent().url, "lv"),
        ("experience post", post.url, "lv"),
        ("not found", "/nav-tadas-lapas/", "lv"),
    ]
