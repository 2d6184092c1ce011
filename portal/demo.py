"""The site tree and shared demo content; each app adds its part in its own `demo.py`."""

import secrets

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site

from .models import HomePage, SiteSettings

DEMO_ADMIN_USERNAME = "demo-admin"
DEMO_MARK = "[DEMO]"


def get_or_create_child(parent, model, slug, tags=(), **fields):
    """Idempotent page creation: an existing child with that slug is kept as it is."""
    existing = Page.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, **fields)
    if tags:
        page.tags.add(*tags)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


@transaction.atomic
def build_site(log):
    """Locales, the Latvian home page as the site root, its English translation, settings."""
    latvian, _ = Locale.objects.get_or_create(language_code="lv")
    english, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    if root is None:  # a flushed database has lost the roots Wagtail's migrations made
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=latvian))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    home = HomePage.objects.filter(locale=latvian).first()
    if home is None:
        home = HomePage(
            title="Mediatoru tīkls",
            slug="sakums",
            locale=latvian,
            intro=(
                "<p>Romu mediatoru tīkla portāls: kam zvanīt pašvaldībā, kā citi to dara, "
                "ko mācījāmies pieredzes apmaiņā. Demo saturs no semināra materiāliem.</p>"
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        log("portal: home page created")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Mediatoru tīkls",
        )
    elif site.root_page_id != home.id:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Mediatoru tīkls"
        site.save()
        # Wagtail's placeholder "Welcome" page is not part of the portal.
        if old_root.specific_class is Page and old_root.depth == 2:
            old_root.delete()
    if not home.has_translation(english):
        translated = home.copy_for_translation(english)
        translated.title = "Mediator Network"
        translated.intro = (
            "<p>The portal of the Roma mediator network: whom to call in a municipality, "
            "how others work, what the experience exchange taught. Demo content from the "
            "seminar materials.</p>"
        )
        translated.save_revision().publish()
    settings = SiteSettings.for_site(site)
    if not settings.footer_text:
        settings.footer_text = (
            "Demo saturs no projekta “Latvijas romu platforma IV” romu mediatoru pieredzes "
            "apmaiņas semināra materiāliem. Kontaktinformācija šeit ir tikai piemērs."
        )
        settings.contact_email = "redakcija@example.org"
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
