"""Demo translations as data: one PO file per page, put in place through wagtail-localize.

A file's `X-Demo-Page` header names the page by its path below the home page ("" is the home);
each entry's msgid is a Latvian string of that page (as wagtail-localize splits it: a
paragraph, a list item, a title), its msgstr the translation. Loading makes the page's
translation the way an editor's "Translate" does, so editors see it in wagtail-localize and can
sync it when the Latvian page changes. Editors get the same files from the admin's "Download PO".
"""

import json
from pathlib import Path

import polib
from django.conf import settings
from django.utils.translation import override as translation_override
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from .languages import in_reader_language

DEMO_APPS = ("portal", "knowledge", "network")


def demo_translation_files(language_code):
    """The demo's PO files for a language, parents before children."""
    files = []
    for app in DEMO_APPS:
        files.extend((Path(settings.BASE_DIR) / app).glob(f"**/data/**/{language_code}/*.po"))
    catalogues = [polib.pofile(str(path)) for path in files]
    return sorted(catalogues, key=lambda po: po.metadata["X-Demo-Page"].count("/"))


def translate_page(page, locale, catalogue):
    """Creates or updates the page's translation from the catalogue; returns the number of the
    page's strings the catalogue does not translate (they show in Latvian until it does)."""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    translated = {entry.msgid: entry.msgstr for entry in catalogue if entry.msgstr}
    missing = 0
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = translated.get(segment.string.data)
        if text is None:
            missing += 1
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text},
        )
    override_site_links(source, locale)
    # A draft, then published from a fresh copy: wagtail-localize's own publish waits for the
    # commit with the page as it was, and would write back a stale count of its children.
    translation.save_target(publish=False)
    page.get_translation(locale).get_latest_revision().publish()
    return missing


def override_site_links(source, locale):
    """A link to a page of this site ("/pasvaldibas/") leads to its address in the
    translation's language ("/en/pasvaldibas/"): wagtail-localize's link override."""
    with translation_override(locale.language_code):
        for segment in OverridableSegment.objects.filter(source=source):
            target = segment.data
            if isinstance(target, str) and target.startswith("/"):
                SegmentOverride.objects.update_or_create(
                    locale=locale,
                    context=segment.context,
                    defaults={"data_json": json.dumps(in_reader_language(target))},
                )


def load_demo_translations(home, language_code, log):
    """Translates every demo page that has a PO file; a page already translated is kept as the
    editors left it. Returns {page path: strings left untranslated}."""
    locale = Locale.objects.get(language_code=language_code)
    left = {}
    for catalogue in demo_translation_files(language_code):
        path = catalogue.metadata["X-Demo-Page"]
        page = Page.objects.filter(url_path=home.url_path + path).first()
        if page is None:
            log(f"translations: no page at '{path}', skipped")
            continue
        if (
            page.has_translation(locale)
            and Translation.objects.filter(
                source__object_id=page.translation_key, target_locale=locale
            ).exists()
        ):
            continue
        left[path] = translate_page(page.specific, locale, catalogue)
    if left:
        log(f"translations ({language_code}): {len(left)} pages, {sum(left.values())} strings left")
    return left
