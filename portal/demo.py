"""The site tree and shared demo content; each app adds its part in its own `demo.py`."""

import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site

from knowledge import demo as knowledge_demo
from network.evaluation import demo as evaluation_demo
from network.evaluation.models import LIKERT_KEYS

from .core.demo_data import create_page, read
from .core.demo_translations import load_demo_translations
from .core.public_url import site_address
from .models import HomePage, InfoPage, SiteSettings

DEMO_ADMIN_USERNAME = "demo-admin"
DEMO_MARK = "[DEMO]"
DATA = Path(__file__).resolve().parent / "data" / "demo.yaml"


@transaction.atomic
def build_site(log):
    """Locales, the Latvian home page as the site root, its English translation, settings."""
    data = read(DATA)
    latvian, _ = Locale.objects.get_or_create(language_code="lv")
    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    if root is None:  # a flushed database has lost the roots Wagtail's migrations made
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=latvian))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    home = HomePage.objects.filter(locale=latvian).first()
    if home is None:
        home = HomePage(locale=latvian, **data["home"])
        root.add_child(instance=home)
        home.save_revision().publish()
        log("portal: home page created")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = site_address()
        site = Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name=data["site_name"],
        )
    elif site.root_page_id != home.id:
        old_root = site.root_page
        site.root_page = home
        site.site_name = data["site_name"]
        site.save()
        # Wagtail's placeholder "Welcome" page is not part of the portal.
        if old_root.specific_class is Page and old_root.depth == 2:
            old_root.delete()
    about, _ = create_page(home, InfoPage, data["about"])
    settings = SiteSettings.for_site(site)
    if not settings.footer_text:
        settings.footer_text = data["settings"]["footer_text"]
        settings.footer_text_en = data["settings"]["footer_text_en"]
        settings.contact_email = data["settings"]["contact_email"]
        settings.about_page = about
        settings.save()
    return site


def ensure_demo_admin(log):
    """Creates the demo admin once and prints its password that one time."""
    user_model = get_user_model()
    if user_model.objects.filter(username=DEMO_ADMIN_USERNAME).exists():
        log(
            f"portal: demo admin '{DEMO_ADMIN_USERNAME}' exists "
            f"(new password: manage.py changepassword {DEMO_ADMIN_USERNAME})"
        )
        return
    password = secrets.token_urlsafe(12)
    user_model.objects.create_superuser(
        DEMO_ADMIN_USERNAME,
        "demo-admin@example.org",
        password,
        first_name="Demo",
        last_name="Administrators",
    )
    log(f"portal: demo admin created — login: {DEMO_ADMIN_USERNAME} / password: {password}")


def translate_demo(site, log):
    """The English translations of the pages partners read first (data/**/en/*.po)."""
    load_demo_translations(site.root_page, "en", log)


def link_apps_content(site, log):
    """What joins two apps' demo content: the survey's results on the seminar page."""
    survey = evaluation_demo.demo_survey()
    if survey is not None and knowledge_demo.add_evaluation_results(site, survey, LIKERT_KEYS):
        log("knowledge: evaluation results block on the demo seminar page")
