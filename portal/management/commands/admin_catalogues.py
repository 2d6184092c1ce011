"""Counts, per installed package catalogue, the strings the Latvian admin shows in English."""

from dataclasses import dataclass
from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import trans_real

DOMAINS = ("django", "djangojs")


@dataclass
class Catalogue:
    package: str
    domain: str
    strings: int
    untranslated: list


def package_locale_dirs():
    """(package, locale dir) of every installed third-party app and Django itself."""
    django_dir = Path(trans_real.__file__).resolve().parents[2] / "conf" / "locale"
    found = [("django", django_dir)]
    for app in apps.get_app_configs():
        locale_dir = Path(app.path) / "locale"
        if "site-packages" in app.path and locale_dir.is_dir():
            found.append((app.name, locale_dir))
    return found


def source_messages(package, locale_dir, domain):
    """The package's messages: its English catalogue and ours (which may list newer strings)."""
    ours = Path(settings.BASE_DIR, "locale", "upstream", *package.split("."), "locale")
    if package == "django":
        ours = Path(settings.BASE_DIR, "locale", "upstream", "django", "conf", "locale")
    keys = {}
    for base in (locale_dir, ours):
        for language in ("en", "lv"):
            path = base / language / "LC_MESSAGES" / f"{domain}.po"
            if path.exists() and (language == "en" or base == ours):
                for entry in polib.pofile(str(path)):
                    if not entry.obsolete:
                        keys[(entry.msgctxt, entry.msgid)] = entry.msgid_plural
    return keys


def is_translated(catalogue, context, msgid, plural):
    key = f"{context}\x04{msgid}" if context else msgid
    if plural:
        return all(catalogue.get((key, form)) for form in range(3))
    return bool(catalogue.get(key))


def count():
    """One Catalogue per (package, domain) with the msgids lacking a Latvian translation."""
    result = []
    for package, locale_dir in package_locale_dirs():
        for domain in DOMAINS:
            messages = source_messages(package, locale_dir, domain)
            if not messages:
                continue
            if domain == "django":
                merged = trans_real.translation("lv")._catalog
            else:
                translation = trans_real.DjangoTranslation(
                    "lv", domain=domain, localedirs=[str(locale_dir)]
                )
                merged = translation._catalog
            missing = [
                msgid
                for (context, msgid), plural in messages.items()
                if not is_translated(merged, context, msgid, plural)
            ]
            result.append(Catalogue(package, domain, len(messages), missing))
    return result


class Command(BaseCommand):
    help = "Skaita administrācijas virsmas tekstus bez latviešu tulkojuma katrā pakotnes katalogā."

    def handle(self, *args, **options):
        catalogues = count()
        for catalogue in catalogues:
            self.stdout.write(
                f"{catalogue.package:38} {catalogue.domain:9} {catalogue.strings:5} strings, "
                f"{len(catalogue.untranslated):4} untranslated"
            )
        total = sum(catalogue.strings for catalogue in catalogues)
        missing = sum(len(catalogue.untranslated) for catalogue in catalogues)
        self.stdout.write(f"total: {total} strings, {missing} untranslated")
