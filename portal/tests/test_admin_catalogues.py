"""The Latvian admin (issue 21, point 1): every admin string of every package in use has a
Latvian translation (locale/upstream/), with Latvian plural forms in the header's order."""

import datetime
import os
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone, translation
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple

from portal.management.commands.admin_catalogues import count


def test_every_admin_string_in_use_has_a_latvian_translation():
    catalogues = count()
    packages = {catalogue.package for catalogue in catalogues}
    assert {"wagtail.admin", "wagtail", "wagtail_localize", "django_otp", "axes"} <= packages
    assert sum(catalogue.strings for catalogue in catalogues) > 2500
    missing = {
        f"{catalogue.package} {catalogue.domain}": catalogue.untranslated[:5]
        for catalogue in catalogues
        if catalogue.untranslated
    }
    assert missing == {}


def test_the_count_is_printed_for_the_closing_note(capsys):
    call_command("admin_catalogues")
    assert "total:" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [(1, "1 minūte"), (2, "2 minūtes"), (12, "12 minūtes"), (21, "21 minūte"), (0, "0 minūšu")],
)
def test_django_time_plurals_follow_the_latvian_header(minutes, expected):
    with translation.override("lv"):
        text = translation.ngettext("%(num)d minute", "%(num)d minutes", minutes)
    assert text % {"num": minutes} == expected


def test_wagtail_says_how_long_ago_in_latvian():
    """Was "12 minūte ago": English word, singular form."""
    with translation.override("lv"):
        said = timesince_simple(timezone.now() - datetime.timedelta(minutes=12, seconds=5))
    assert said == "12\xa0minūtes atpakaļ"  # Django keeps number and unit together


def test_workflow_names_stand_in_the_nominative():
    """Was "Iesniegt uz Zināšanu moderācija": a name Wagtail inserts keeps its own case."""
    with translation.override("lv"):
        text = translation.gettext("Submit to %(workflow_name)s")
    assert text % {"workflow_name": "Zināšanu moderēšana"} == (
        "Iesniegt darbplūsmā “Zināšanu moderēšana”"
    )


def test_every_project_catalogue_passes_msgfmts_format_check():
    """A translation that drops a placeholder (e.g. "%(days)s") loses the number it shows;
    compilemessages only warns about it, msgfmt --check fails."""
    catalogues = sorted(Path(settings.BASE_DIR, "locale").glob("**/LC_MESSAGES/*.po"))
    assert len(catalogues) >= 4
    for catalogue in catalogues:
        checked = subprocess.run(
            ["msgfmt", "--check", "-o", os.devnull, str(catalogue)],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
        )
        assert checked.returncode == 0, checked.stderr
