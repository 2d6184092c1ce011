"""The site tree and shared demo content; each app adds its part (portal/data/demo.yaml lists
them: rows files and demo modules)."""

from pathlib import Path

from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site

from knowledge import demo as knowledge_demo
from network.evaluation import demo as evaluation_demo
from network.evaluation.models import LIKERT_KEYS

from .core.demo_data import create_page, fill_blank, read
from .core.public_url import site_address
from .models import HomePage, InfoPage, SiteSettings

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
        site = Site(hostname=hostname, port=port, is_default_site=True)
    if site.root_page_id != home.id:  # a new site, or one on another root
        old_root = site.root_page if site.pk else None
        site.root_page, site.site_name = home, data["site_name"]
        site.save()
        # Wagtail's placeholder "Welcome" page is not part of the portal.
        if old_root and old_root.specific_class is Page and old_root.depth == 2:
            old_root.delete()
    about, _ = create_page(home, InfoPage, data["about"])
    # Settings an editor has filled in stay; blank ones get the demo's.
    fill_blank(SiteSettings.for_site(site), {**data["settings"], "about_page": about})
    return site


def link_apps_content(site, log):
    """What joins two apps' demo content: the survey's results on the seminar page."""
    survey = evaluation_demo.demo_survey()
    if survey is not None and knowledge_demo.add_evaluation_results(site, survey, LIKERT_KEYS):
        log("knowledge: evaluation results block on the demo seminar page")
