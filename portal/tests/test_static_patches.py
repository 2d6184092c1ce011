"""wagtail-localize's translation editor in Latvian (issue 21): the two English literals of its
bundle are served as gettext calls, and its JavaScript catalogue translates them."""

import json
from pathlib import Path

from django.apps import apps
from django.contrib.staticfiles import finders
from django.test import Client, RequestFactory
from django.utils import translation
from django.views.i18n import JavaScriptCatalog

from portal.core.static_patches import BUNDLE, REPLACEMENTS

INSTALLED = Path(apps.get_app_config("wagtail_localize").path, "static", BUNDLE)


def test_each_literal_is_where_the_patch_expects_it_in_the_installed_package():
    """Fails after an upgrade that moves a literal, instead of the editor quietly showing English;
    then update REPLACEMENTS (or drop one that upstream now translates)."""
    source = INSTALLED.read_text(encoding="utf-8")
    found = [source.count(literal) for literal, _replacement, _times in REPLACEMENTS]
    assert found == [times for _literal, _replacement, times in REPLACEMENTS]


def assert_patched(text):
    assert text.count('gettext("More actions")') == 2
    assert text.count('gettext("%(source)s to %(target)s translation")') == 2
    assert '"More actions")' not in text.replace('gettext("More actions")', "")
    assert "translation`" not in text


def test_the_finders_serve_the_patched_bundle():
    found = finders.find(BUNDLE)
    assert Path(found) != INSTALLED
    assert_patched(Path(found).read_text(encoding="utf-8"))
    finder = finders.get_finder("portal.core.static_patches.AppDirectoriesFinder")
    listed = [storage.path(path) for path, storage in finder.list(None) if path == BUNDLE]
    assert listed == [found]
    response = Client().get(f"/static/{BUNDLE}")
    assert response.status_code == 200
    assert_patched(b"".join(response.streaming_content).decode())
    assert "More actions" in INSTALLED.read_text(encoding="utf-8")  # the package is untouched


def test_the_editors_javascript_catalogue_translates_both():
    """The catalogue the translation editor page loads (wagtail_localize:javascript_catalog)."""
    view = JavaScriptCatalog.as_view(packages=["wagtail_localize"])
    with translation.override("lv"):
        catalogue = view(RequestFactory().get("/")).content.decode()
    start = catalogue.index("const newcatalog = ") + len("const newcatalog = ")
    entries = json.JSONDecoder().raw_decode(catalogue, start)[0]
    assert entries["More actions"] == "Citas darbības"
    assert entries["%(source)s to %(target)s translation"] == "Tulkojums: %(source)s → %(target)s"
