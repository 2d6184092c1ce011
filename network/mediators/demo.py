"""Demo people of the network: the seed's five mediators, their results, a few demo posts
made only from what the seminar slides say, and demo accounts (example.org, printed once).

No photos, contact details, languages or figures that the seed does not report.
"""

import datetime
import secrets

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from network.directory.models import MunicipalityPage
from network.mediators.models import (
    FamiliesSupported,
    MediatorIndexPage,
    MediatorLanguage,
    MediatorProfilePage,
)
from network.mediators.permissions import ensure_people_permissions
from network.posts.models import ExperienceIndexPage, ExperiencePostPage
from portal.core.roles import MEDIATORS_GROUP, MODERATORS_GROUP
from portal.demo import get_or_create_child
from taxonomy.models import Topic

PERIOD = "2019. g. sept. – 2020. g. apr."
SOURCE = "Romu mediatoru pieredzes apmaiņas seminārs, slaidi “Romu mediatoru paveiktais”"
ALL_SAID = (
    "Intervējot romu mediatorus, visi atzina, ka romu atsaucība, motivēšana un mudināšana "
    "darīt pašiem, piedalīties ir viens no lielākajiem izaicinājumiem."
)
LANGUAGE_NOTE = (
    "Atbalstot bērnus ar mācīšanās grūtībām, īpaši Covid-19 krīzē attālināto mācību laikā, "
    "lielākās problēmas saistītas ar vāju latviešu valodas izpratni un apguvi."
)
DEMO_NOTE = (
    "Demo stāsts: sastādīts tikai no semināra slaidiem (“Romu mediatoru paveiktais”), nevis "
    "mediatora paša vārdiem."
)

# slug, name, municipality slug, topics, languages, working since, families row, bio
MEDIATORS = [
    (
        "inara-kozlovska",
        "Ināra Kozlovska",
        "jelgava",
        [
            "izglitiba",
            "socialie-jautajumi",
            "veselibas-aprupe",
            "nodarbinatiba",
            "dokumenti",
            "kultura-un-integracija",
        ],
        [],
        None,
        {"families": 30, "note": "pasākumos tiek iesaistītas līdz 50 romu ģimenēm"},
        "Skolas kavējuma iemeslu noskaidrošana un ģimeņu apmeklējumi, romu motivēšana "
        "pamatizglītības dokumentu iegūšanai, informācija par ESF projektu «Proti un Dari», "
        "rotaļlietu bibliotēkas “Ringla” popularizēšana un romu kultūras popularizēšana.",
    ),
    (
        "malda-avramenko",
        "Malda Avramenko",
        "ventspils",
        [
            "izglitiba",
            "socialie-jautajumi",
            "majoklis",
            "nodarbinatiba",
            "dokumenti",
            "veselibas-aprupe",
        ],
        [],
        None,
        {"families": 17, "note": "regulāra sadarbība; vēl 6 ģimenes – epizodiski"},
        "Sadarbība ar skolām, sociālo pārvaldi, Dzīvokļu nodaļu un policiju; konsultācijas par "
        "pārtikas pakām Covid-19 krīzes laikā, darbā iekārtošanās jautājumi NVA, atbalsts "
        "dokumentu kārtošanā.",
    ),
    (
        "marta-panko",
        "Marta Paņko",
        "riga",
        [
            "izglitiba",
            "socialie-jautajumi",
            "majoklis",
            "nodarbinatiba",
            "dokumenti",
            "veselibas-aprupe",
        ],
        ["rom", "lv"],
        None,
        {"persons": 41, "note": "darba atskaitēs minēts atbalsts 41 personai"},
        "Sadarbība ar pirmsskolu un skolu pedagogiem un policiju; palīdzība īres parādu, "
        "pabalstu un dokumentu jautājumos; dalība tiesas sēdēs kā tulkam uz un no romu valodas.",
    ),
    (
        "oksana-marcinkevica",
        "Oksana Marcinkeviča",
        "valmiera",
        ["izglitiba", "socialie-jautajumi", "majoklis", "veselibas-aprupe", "dokumenti"],
        [],
        None,
        {"families": 13, "note": ""},
        "Sadarbība ar Valmieras izglītības iestādēm, Sociālo pārvaldi un pašvaldības policiju; "
        "atbalsts ģimenēm bērnu izglītībā, dokumentu noformēšanā un piekļuvē veselības aprūpei.",
    ),
    (
        "rasma-zaharenko",
        "Rasma Zaharenko",
        "vilaka",
        [
            "izglitiba",
            "socialie-jautajumi",
            "veselibas-aprupe",
            "dokumenti",
            "kultura-un-integracija",
        ],
        [],
        datetime.date(2019, 9, 1),
        {"families": 22, "note": ""},
        "Sadarbība ar novada domi, skolām, Sociālo pārvaldi, bāriņtiesu un NVA; informatīvās "
        "dienas Viļakas pilsētas bibliotēkā; romu kultūras popularizēšana (ansamblis «Brīvais "
        "vējš»).",
    ),
]

# slug, title, mediator slug, municipality slug, topics, main issues (from the seed)
POSTS = [
    (
        "demo-ventspils-skolas-un-dzivokli",
        "Ventspils: skolas, dzīvokļi un dokumenti",
        "malda-avramenko",
        "ventspils",
        ["izglitiba", "majoklis", "dokumenti"],
        "Romu bērnu skolu apmeklējums, uzvedība un mācību uzdevumu nodošana bērniem, kuriem "
        "nav interneta un datora; sadarbība ar sociālo pārvaldi un Dzīvokļu nodaļu (romu "
        "ģimenēm piešķirti 10 dzīvokļi); atbalsts dokumentu kārtošanā.",
    ),
    (
        "demo-jelgava-skolas-kavejumi",
        "Jelgava: skolas kavējumi un pamatizglītība",
        "inara-kozlovska",
        "jelgava",
        ["izglitiba", "kultura-un-integracija"],
        "Skolas kavējuma iemeslu noskaidrošana, ģimeņu apmeklējumi, sadarbība ar skolotājiem "
        "un sociālajiem pedagogiem; romu motivēšana pamatizglītības dokumentu iegūšanai "
        "(sadarbība ar Jelgavas Amatu vidusskolu).",
    ),
    (
        "demo-vilaka-informativas-dienas",
        "Viļaka: informatīvās dienas bibliotēkā",
        "rasma-zaharenko",
        "vilaka",
        ["socialie-jautajumi", "kultura-un-integracija"],
        "Informatīvās dienas Viļakas pilsētas bibliotēkā: romu izglītošana drošības, veselības "
        "un finanšu jautājumos; sadarbība ar Sociālo pārvaldi, bāriņtiesu un NVA filiāli.",
    ),
]

DEMO_ACCOUNTS = [
    ("demo-mediators", "Demo", "Mediators", MEDIATORS_GROUP),
    ("demo-moderators", "Demo", "Moderators", MODERATORS_GROUP),
]


def load_people(site, log):
    home = site.root_page.specific
    municipalities = {m.slug: m for m in MunicipalityPage.objects.descendant_of(home)}
    topics = {t.slug: t for t in Topic.objects.all()}
    mediator_index, _ = get_or_create_child(
        home,
        MediatorIndexPage,
        "mediatori",
        title="Mediatori",
        show_in_menus=True,
        intro="<p>Romu mediatori, kas strādā pašvaldībās. Profili ir demo dati no semināra "
        "materiāliem: kontakti rādīti tikai ar mediatora piekrišanu.</p>",
    )
    experience_index, _ = get_or_create_child(
        home,
        ExperienceIndexPage,
        "pieredze",
        title="Pieredzes apmaiņa",
        show_in_menus=True,
        intro="<p>Mediatori dalās pieredzē, atbildot uz semināra jautājumiem. Stāstus pirms "
        "publicēšanas izlasa moderators.</p>",
    )
    profiles = {}
    for slug, name, place, topic_slugs, languages, since, row, bio in MEDIATORS:
        profiles[slug], _ = get_or_create_child(
            mediator_index,
            MediatorProfilePage,
            slug,
            title=name,
            municipality=municipalities.get(place),
            working_since=since,
            bio=bio,
            is_demo=True,
            topics=[topics[t] for t in topic_slugs if t in topics],
            languages=[MediatorLanguage(language=code) for code in languages],
            families=[FamiliesSupported(period=PERIOD, source=SOURCE, **row)],
        )
    for slug, title, mediator, place, topic_slugs, main_issues in POSTS:
        get_or_create_child(
            experience_index,
            ExperiencePostPage,
            slug,
            title=title,
            author_profile=profiles[mediator],
            municipality=municipalities.get(place),
            topics=[topics[t] for t in topic_slugs if t in topics],
            main_issues=main_issues,
            challenges=f"{ALL_SAID}\n{LANGUAGE_NOTE}" if place != "valmiera" else ALL_SAID,
            free_text=DEMO_NOTE,
            is_demo=True,
        )
    if home.experience_index_page_id is None:
        home.experience_index_page = experience_index
        home.save_revision().publish()
    ensure_people_permissions(mediator_index, experience_index)
    link_seminar_results(profiles)
    ensure_demo_accounts(log)
    log(f"network: {len(MEDIATORS)} demo mediator profiles, {len(POSTS)} demo posts")


def link_seminar_results(profiles):
    """The seminar's per-mediator results link to the demo profiles (blank links only)."""
    try:
        seminar_model = apps.get_model("knowledge", "SeminarPage")
    except LookupError:
        return
    by_name = {profile.title: profile for profile in profiles.values()}
    for seminar in seminar_model.objects.all():
        changed = False
        for block in seminar.body:
            if block.block_type != "mediator_results" or block.value.get("profile"):
                continue
            profile = by_name.get(block.value.get("name"))
            if profile is not None:
                block.value["profile"] = profile
                changed = True
        if changed:
            seminar.save_revision().publish()


def ensure_demo_accounts(log):
    """Demo mediator and moderator accounts; each password is printed only when created."""
    user_model = get_user_model()
    for username, first, last, group_name in DEMO_ACCOUNTS:
        if user_model.objects.filter(username=username).exists():
            log(f"network: demo account '{username}' exists")
            continue
        password = secrets.token_urlsafe(12)
        user = user_model.objects.create_user(
            username, f"{username}@example.org", password, first_name=first, last_name=last
        )
        user.groups.add(Group.objects.get(name=group_name))
        log(f"network: demo account created — login: {username} / password: {password}")
