import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision

from portal.models import HomePage

pytestmark = pytest.mark.django_db


def test_home_page_renders_in_latvian(client, demo_site):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="lv">' in html
    assert "Mediatoru tīkls" in html
    assert 'href="#main"' in html  # skip link
    assert 'role="search"' in html
    assert "Jauns mediators?" in html


def test_home_page_renders_in_english(client, demo_site):
    response = client.get("/en/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "Roma mediator network" in html
    assert "New mediator?" in html


def test_language_switcher_links_the_translation(client, demo_site):
    html = client.get("/").content.decode()
    assert 'href="/en/" lang="en" hreflang="en"' in html
    html = client.get("/en/").content.decode()
    assert 'href="/" lang="lv" hreflang="lv"' in html


def test_language_switcher_on_a_non_page_view(client, demo_site):
    html = client.get("/meklet/?q=x").content.decode()
    assert 'href="/en/meklet/?q=x"' in html


@pytest.mark.parametrize(
    ("url", "lang", "heading"),
    [
        ("/nav-tadas-lapas/", "lv", "Lapa nav atrasta"),
        ("/en/no-such-page/", "en", "Page not found"),
    ],
)
def test_unknown_url_gets_a_404_page_in_its_language(client, demo_site, url, lang, heading):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 404
    assert f'<html lang="{lang}">' in html
    assert heading in html


def test_server_error_page_renders_in_both_languages(client, demo_site, settings):
    from django.template.loader import render_to_string
    from django.utils import translation

    for lang, text in [("lv", "Kļūda serverī"), ("en", "Server error")]:
        with translation.override(lang):
            html = render_to_string("500.html")
        assert text in html
        assert f'lang="{lang}"' in html


def test_admin_login_page_loads(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert b'name="username"' in response.content


def test_demo_admin_can_sign_in(client, demo_site):
    user = get_user_model().objects.get(username="demo-admin")
    user.set_password("a-known-test-password")
    user.save()
    assert client.login(username="demo-admin", password="a-known-test-password")
    assert client.get("/admin/").status_code == 200


def test_system_checks_and_migrations_are_complete():
    call_command("check", fail_level="WARNING")
    call_command("makemigrations", "--check", "--dry-run", stdout=io.StringIO())


def _counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "users": get_user_model().objects.count(),
        **{model._meta.label: model.objects.count() for model in _demo_models()},
    }


def _demo_models():
    from django.apps import apps

    return [
        model
        for app in ("portal", "knowledge", "network")
        for model in apps.get_app_config(app).get_models()
    ]


def test_load_demo_is_idempotent(demo_site):
    before = _counts()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert _counts() == before


def test_load_demo_prints_the_admin_login_once(demo_site):
    get_user_model().objects.filter(username="demo-admin").delete()
    first, second = io.StringIO(), io.StringIO()
    call_command("load_demo", stdout=first)
    call_command("load_demo", stdout=second)
    assert "login: demo-admin / password: " in first.getvalue()
    assert "password: " not in second.getvalue().replace("new password", "")


def test_site_root_is_the_latvian_home_page_with_an_english_translation(demo_site):
    home = demo_site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.locale.language_code == "lv"
    assert {p.locale.language_code for p in home.get_translations(inclusive=True)} == {"lv", "en"}


def test_english_home_links_translations_and_keeps_untranslated_pages_in_english(client, demo_site):
    html = client.get("/en/").content.decode()
    assert 'class="button" href="/en/pasvaldibas/">Municipalities</a>' in html  # translated
    # Not translated: the Latvian title, marked as Latvian, at its English address.
    assert '<li lang="lv"><a href="/en/mediatori/">Mediatori</a></li>' in html
