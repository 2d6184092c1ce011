"""wagtail-localize's translation editor bundle with its two English literals turned into gettext
calls (issue 21): served and collected in place of the installed file, which stays untouched."""

import os
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import FileSystemStorage

APP = "wagtail_localize"
BUNDLE = "wagtail_localize/js/wagtail-localize.js"
# (literal in wagtail-localize 1.14.5's bundle, its replacement, how often it occurs): a test
# checks the counts against the installed package, so a new version cannot bring English back.
# gettext and interpolate are the globals of the admin's JavaScript catalogue.
REPLACEMENTS = [
    (
        '{className:"w-sr-only"},"More actions")',
        '{className:"w-sr-only"},gettext("More actions"))',
        2,
    ),
    (
        "`${r.sourceLocale.displayName} to ${r.locale.displayName} translation`",
        'interpolate(gettext("%(source)s to %(target)s translation"),'
        "{source:r.sourceLocale.displayName,target:r.locale.displayName},true)",
        2,
    ),
]


def patch(source):
    for literal, replacement, _times in REPLACEMENTS:
        source = source.replace(literal, replacement)
    return source


def build_storage():
    return FileSystemStorage(location=Path(settings.VAR_DIR, "build", "static"))


@cache  # once per process: an upgraded package is served from the next start on
def patched(original):
    """Writes the patched copy of the bundle at `original` to the build dir; returns its path."""
    target = Path(build_storage().path(BUNDLE))
    text = patch(Path(original).read_text(encoding="utf-8"))
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed, so another process never reads half a file.
        aside = target.with_name(f"{target.name}.{os.getpid()}")
        aside.write_text(text, encoding="utf-8")
        aside.replace(target)
    return str(target)


class AppDirectoriesFinder(finders.AppDirectoriesFinder):
    """Django's finder, with the patched bundle where wagtail-localize's own would be."""

    def find_in_app(self, app, path):
        found = super().find_in_app(app, path)
        if found and app == APP and path == BUNDLE:
            return patched(found)
        return found

    def list(self, ignore_patterns):
        for path, storage in super().list(ignore_patterns):
            if path == BUNDLE and storage is self.storages.get(APP):
                patched(storage.path(path))
                storage = build_storage()
            yield path, storage
