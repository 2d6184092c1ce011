"""The portal addresses its readers formally (“Jūs”, “Ievadiet”, “Izvēlieties”): no informal
second-person singular in the Latvian catalogue nor in the templates (issue 20)."""

import re
from pathlib import Path

import polib
from django.conf import settings

# Informal 2nd-person singular forms (pronouns, imperatives, verbs) and a formal one for each.
INFORMAL = {
    "tu": "Jūs",
    "tev": "Jums",
    "tevi": "Jūs",
    "tavs": "Jūsu",
    "tava": "Jūsu",
    "tavu": "Jūsu",
    "tavi": "Jūsu",
    "ievadi": "ievadiet",
    "izvēlies": "izvēlieties",
    "meklē": "meklējiet",
    "nospied": "nospiediet",
    "spied": "spiediet",
    "uzraksti": "uzrakstiet",
    "atver": "atveriet",
    "skaties": "skatieties",
    "pārbaudi": "pārbaudiet",
    "izlasi": "izlasiet",
    "zvani": "zvaniet",
    "piezvani": "piezvaniet",
    "sazinies": "sazinieties",
    "piesakies": "piesakieties",
    "pieslēdzies": "pieslēdzieties",
    "uzzini": "uzziniet",
    "aizpildi": "aizpildiet",
    "apskati": "apskatiet",
    "atrodi": "atrodiet",
    "norādi": "norādiet",
    "mēģini": "mēģiniet",
    "nosūti": "nosūtiet",
    "izlabo": "izlabojiet",
    "apstiprini": "apstipriniet",
    "saglabā": "saglabājiet",
    "vari": "varat",
    "varēsi": "varēsiet",
    "saņemsi": "saņemsiet",
    "redzēsi": "redzēsiet",
    "vēlies": "vēlaties",
}
PATTERN = re.compile(rf"(?<![\w-])({'|'.join(INFORMAL)})(?![\w-])", re.IGNORECASE)


def catalogue_texts():
    """Every Latvian text of the site's catalogue as shown: the msgstr, else the msgid."""
    catalogue = polib.pofile(str(Path(settings.BASE_DIR) / "locale/lv/LC_MESSAGES/django.po"))
    texts = []
    for entry in catalogue:
        if entry.obsolete:
            continue
        texts.append(entry.msgstr or entry.msgid)
        texts.extend(text for text in entry.msgstr_plural.values() if text)
    return texts


def template_texts():
    templates = Path(settings.BASE_DIR) / "templates"
    return {
        str(path.relative_to(templates)): path.read_text(encoding="utf-8")
        for path in sorted(templates.rglob("*"))
        if path.suffix in (".html", ".txt")
    }


def informal_words(text):
    return [match.group(1) for match in PATTERN.finditer(text)]


def test_the_check_catches_informal_forms_and_spares_formal_ones():
    assert informal_words("Ievadi paroli, ko tev sūtījām.") == ["Ievadi", "tev"]
    assert informal_words("Izvēlies un meklē!") == ["Izvēlies", "meklē"]
    assert informal_words("Ievadiet paroli, ko Jums sūtījām. Izvēlieties, meklējiet.") == []


def test_the_latvian_catalogue_addresses_the_reader_formally():
    texts = catalogue_texts()
    assert len(texts) > 500
    assert any("Ievadiet" in text for text in texts)  # the formal forms are there to read
    assert any("Jūsu" in text for text in texts)
    informal = {text: informal_words(text) for text in texts if informal_words(text)}
    assert informal == {}


def test_the_templates_address_the_reader_formally():
    templates = template_texts()
    assert len(templates) > 50 and "portal/accounts/sign_in.html" in templates
    informal = {name: informal_words(text) for name, text in templates.items()}
    assert {name: words for name, words in informal.items() if words} == {}
