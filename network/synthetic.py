"""The network part of the synthetic corpus: municipalities, the directory, mediators, posts.

Municipality names are Latvia's 43 real ones (names only); every organisation, service,
person and text is invented and marked (portal/synthetic.py explains the marks). Contact
details are example.org addresses and "+371 0…" numbers, which no Latvian number starts with.
"""

import datetime
import time
import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils.text import slugify

from network.directory.models import (
    Contact,
    Location,
    MunicipalityPage,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
)
from network.mediators.models import FamiliesSupported, MediatorLanguage, MediatorProfilePage
from network.posts.models import ExperiencePostPage, Reply
from portal.synthetic import (
    BATCH,
    MARK,
    SLUG_PREFIX,
    USERNAME_PREFIX,
    add_children,
    link_many,
    marked,
    past_moments,
)
from taxonomy.models import Topic

# (name, locative, genitive, planning region): the 7 state cities, then the 36 municipalities.
MUNICIPALITIES = [
    ("Daugavpils", "Daugavpilī", "Daugavpils", "Latgale"),
    ("Jelgava", "Jelgavā", "Jelgavas", "Zemgale"),
    ("Jūrmala", "Jūrmalā", "Jūrmalas", "Rīga"),
    ("Liepāja", "Liepājā", "Liepājas", "Kurzeme"),
    ("Rēzekne", "Rēzeknē", "Rēzeknes", "Latgale"),
    ("Rīga", "Rīgā", "Rīgas", "Rīga"),
    ("Ventspils", "Ventspilī", "Ventspils", "Kurzeme"),
    *(
        (f"{stem} novads", f"{stem} novadā", f"{stem} novada", region)
        for stem, region in [
            ("Aizkraukles", "Zemgale"),
            ("Alūksnes", "Vidzeme"),
            ("Augšdaugavas", "Latgale"),
            ("Ādažu", "Rīga"),
            ("Balvu", "Latgale"),
            ("Bauskas", "Zemgale"),
            ("Cēsu", "Vidzeme"),
            ("Dienvidkurzemes", "Kurzeme"),
            ("Dobeles", "Zemgale"),
            ("Gulbenes", "Vidzeme"),
            ("Jelgavas", "Zemgale"),
            ("Jēkabpils", "Zemgale"),
            ("Krāslavas", "Latgale"),
            ("Kuldīgas", "Kurzeme"),
            ("Ķekavas", "Rīga"),
            ("Limbažu", "Vidzeme"),
            ("Līvānu", "Latgale"),
            ("Ludzas", "Latgale"),
            ("Madonas", "Vidzeme"),
            ("Mārupes", "Rīga"),
            ("Ogres", "Rīga"),
            ("Olaines", "Rīga"),
            ("Preiļu", "Latgale"),
            ("Rēzeknes", "Latgale"),
            ("Ropažu", "Rīga"),
            ("Salaspils", "Rīga"),
            ("Saldus", "Kurzeme"),
            ("Saulkrastu", "Rīga"),
            ("Siguldas", "Rīga"),
            ("Smiltenes", "Vidzeme"),
            ("Talsu", "Kurzeme"),
            ("Tukuma", "Kurzeme"),
            ("Valkas", "Vidzeme"),
            ("Valmieras", "Vidzeme"),
            ("Varakļānu", "Latgale"),
            ("Ventspils", "Kurzeme"),
        ]
    ),
]
# (kind of organisation, [(service, topic slug, contact's role)])
ORGANIZATIONS = [
    (
        "sociālais dienests",
        [
            ("Sociālā palīdzība un pabalsti", "socialie-jautajumi", "sociālais darbinieks"),
            ("Trūcīgās ģimenes statusa noteikšana", "socialie-jautajumi", "sociālais darbinieks"),
            ("Krīzes centrs", "majoklis", "krīzes centra vadītājs"),
        ],
    ),
    (
        "pamatskola",
        [
            ("Skolas sociālais pedagogs", "izglitiba", "sociālais pedagogs"),
            ("Mācību atbalsts un pagarinātā grupa", "izglitiba", "skolotāja palīgs"),
        ],
    ),
    (
        "pirmsskolas izglītības iestāde",
        [("Uzņemšana PII", "izglitiba", "vadītājas vietniece")],
    ),
    (
        "dzīvokļu nodaļa",
        [
            ("Īres un komunālo maksājumu parādu konsultācijas", "majoklis", "speciālists"),
            ("Palīdzība dzīvokļa jautājumu risināšanā", "majoklis", "speciālists"),
        ],
    ),
    (
        "bāriņtiesa",
        [("Konsultācijas ģimenēm ar bērniem", "socialie-jautajumi", "bāriņtiesas loceklis")],
    ),
    (
        "veselības centrs",
        [
            ("Ģimenes ārsta prakse", "veselibas-aprupe", "ārsta palīgs"),
            ("Vakcinācija", "veselibas-aprupe", "medicīnas māsa"),
        ],
    ),
    (
        "NVA filiāle",
        [
            ("Darba meklētāju atbalsts", "nodarbinatiba", "karjeras konsultants"),
            ("Kursi bezdarbniekiem", "nodarbinatiba", "klientu konsultants"),
        ],
    ),
    (
        "klientu apkalpošanas centrs",
        [("Dokumentu kārtošana un deklarēšanās", "dokumenti", "klientu konsultants")],
    ),
    (
        "biedrība",
        [
            ("Romu kultūras pasākumi", "kultura-un-integracija", "projekta koordinators"),
            ("Jauniešu brīvā laika nodarbības", "kultura-un-integracija", "jaunatnes darbinieks"),
        ],
    ),
]
SERVICES_PER_ORGANIZATION = 4
DESCRIPTIONS = [
    "Sadarbība ar romu mediatoru ģimeņu atbalstam.",
    "Konsultācijas par pabalstiem un trūcīgās ģimenes statusu.",
    "Palīdzība īres un komunālo maksājumu parādu gadījumā, vienošanās par grafiku.",
    "Pārrunas par skolas apmeklējumu, mācību kavējumiem un uzvedību.",
    "Darbā iekārtošanās jautājumi un kursi bezdarbniekiem.",
    "Ārsta apmeklējumu veicināšana, vakcinēšana un medikamentu nodrošināšana.",
    "Personu apliecinošu dokumentu un dzīvesvietas deklarēšanās jautājumi.",
    "Pārtikas pakas, higiēnas piederumi un zupas virtuves pakalpojumi.",
    "Informatīvās dienas par drošības, veselības un finanšu jautājumiem.",
]
LANGUAGE_SETS = ["lv", "lv, ru", "lv, rom", "lv, rom, ru", "lv, ltg"]
FIRST_NAMES = {
    "f": ["Anna", "Inese", "Marta", "Ilze", "Laila", "Dace", "Līga", "Sandra", "Ieva", "Ināra"],
    "m": ["Jānis", "Andris", "Aivars", "Raivis", "Edgars", "Normunds", "Artūrs", "Dainis"],
}
SURNAMES = {
    "f": ["Bērziņa", "Kalniņa", "Ozola", "Jansone", "Liepiņa", "Krūmiņa", "Balode", "Zariņa"],
    "m": ["Bērziņš", "Kalniņš", "Ozols", "Jansons", "Liepiņš", "Krūmiņš", "Balodis", "Zariņš"],
}
BIOS = [
    "Strādāju ar romu ģimenēm, palīdzu sazināties ar skolu un sociālo dienestu.",
    "Galvenais mans darbs ir bērnu izglītība un skolas kavējumu novēršana.",
    "Palīdzu ģimenēm ar dokumentiem, deklarēšanos un parādu grafikiem.",
    "Sadarbojos ar NVA, lai jaunieši iegūtu arodu un atrastu darbu.",
]
PROMPT_TEXTS = {
    "main_issues": [
        "Skolas kavējumi, dokumentu kārtošana un komunālo maksājumu parādi.",
        "Pabalstu pieprasīšana, ārsta apmeklējumi un dzīvokļa jautājumi.",
        "Darba meklēšana un mācības jauniešiem, sadarbība ar NVA.",
    ],
    "glad_about": [
        "Ir prieks, ka ģimenes pašas sāk zvanīt iestādēm.",
        "Ir prieks par bērniem, kuri pabeidza mācību gadu bez kavējumiem.",
        "Ir prieks par labu sadarbību ar sociālo pedagogu.",
    ],
    "challenges": [
        "Ģimeņu motivēšana darīt pašiem un uzticēšanās veidošana.",
        "Vāja latviešu valodas izpratne un attālinātās mācības.",
        "Iestāžu darbinieku mainība un informācijas trūkums.",
    ],
    "next_priorities": [
        "Turpināt sadarbību ar skolām un iesaistīt vairāk jauniešu.",
        "Vairāk informēt ģimenes par pieejamajiem pakalpojumiem.",
        "Sakārtot dokumentus un deklarēšanos ģimenēm, kam to vēl nav.",
    ],
}
POST_TITLES = [
    "Pieredze {where}: skolas kavējumi",
    "Kā {where} risinājām parādu jautājumus",
    "Sadarbība ar sociālo dienestu {where}",
    "Mēneša pārskats {where}",
    "Jaunieši un darbs {where}",
]
REPLIES = [
    "Paldies par pieredzi! Mums ir līdzīgi, arī sākām ar skolas apmeklējumiem.",
    "Labs piemērs. Vai sociālais pedagogs piedalījās tikšanās reizēs?",
    "Mēs šo risinājām ar vienošanos par grafiku, tas palīdzēja.",
    "Noderīgi, izmantošu savā darbā.",
    "Paldies! Varbūt vari pastāstīt vairāk par sadarbību ar NVA?",
]


def synthetic_services():
    return Service.objects.filter(name__endswith=MARK)


def synthetic_records():
    """Directory querysets in the order they can be deleted (services protect the rest)."""
    return [
        synthetic_services(),
        Location.objects.filter(name__endswith=MARK),
        Organization.objects.filter(name__endswith=MARK),
    ]


def create_municipalities(index_page, count):
    pages = [
        MunicipalityPage(
            title=marked(name),
            slug=f"{SLUG_PREFIX}{slugify(name)}",
            name_locative=locative,
            name_genitive=genitive,
            region=region,
            summary=f"Sintētiska pašvaldība veiktspējas pārbaudēm: {name}.",
        )
        for name, locative, genitive, region in MUNICIPALITIES[:count]
    ]
    add_children([(index_page, pages)])
    return pages


def create_directory(places, count, rng, log):
    """`count` services, four per organisation, each with contacts, phones, hours, an address."""
    started = time.monotonic()
    if not count:
        return {"organizations": 0, "locations": 0, "services": 0}
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    today = datetime.date.today()
    organizations, locations, services = [], [], []
    contacts, phones, schedules, service_places, areas, service_topics = [], [], [], [], [], []

    def new_id():
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    organization_count = -(-count // SERVICES_PER_ORGANIZATION)
    for number in range(organization_count):
        place = places[number % len(places)]
        kind, offers = rng.choice(ORGANIZATIONS)
        organization = Organization(
            id=new_id(),
            name=marked(f"{place.name_genitive} {kind} Nr. {number + 1}"),
            description=rng.choice(DESCRIPTIONS),
            email=f"synth-org-{number:05d}@example.org",
            website=f"https://example.org/synth/{number:05d}/",
            is_demo=True,
        )
        location = Location(
            id=new_id(),
            organization=organization,
            name=organization.name,
            address_1=f"Parauga iela {number % 97 + 1}",
            city=place.title.removesuffix(f" {MARK}"),
            region=place.region,
            is_demo=True,
        )
        organizations.append(organization)
        locations.append(location)
        for offer in range(min(SERVICES_PER_ORGANIZATION, count - len(services))):
            name, topic_slug, role = offers[offer % len(offers)]
            serial = len(services)
            service = Service(
                id=new_id(),
                organization=organization,
                name=marked(name if offer < len(offers) else f"{name} ({offer + 1})"),
                description=" ".join(rng.sample(DESCRIPTIONS, 2)),
                email=f"synth-svc-{serial:05d}@example.org",
                status=rng.choices(["active", "inactive", "defunct"], weights=[95, 4, 1])[0],
                assured_date=today - datetime.timedelta(days=rng.randint(0, 540)),
                languages=rng.choice(LANGUAGE_SETS),
                is_demo=True,
            )
            services.append(service)
            contacts.append(
                Contact(
                    id=new_id(),
                    service=service,
                    title=role,
                    email=f"synth-kontakts-{serial:05d}@example.org",
                )
            )
            for order in range(rng.randint(1, 2)):
                phones.append(
                    Phone(
                        id=new_id(),
                        service=service,
                        number=f"+371 0000 {(serial * 2 + order) % 10000:04d}",
                        type="cell" if order else "voice",
                        description=role,
                        sort_order=order,
                    )
                )
            closes = datetime.time(rng.choice([16, 17, 18]))
            for weekday in range(5):
                schedules.append(
                    Schedule(
                        id=new_id(),
                        service=service,
                        weekday=weekday,
                        opens_at=datetime.time(9),
                        closes_at=datetime.time(15) if weekday == 4 else closes,
                        sort_order=weekday,
                    )
                )
            service_places.append(
                ServiceAtLocation(id=new_id(), service=service, location=location)
            )
            areas.append((service.pk, place.pk))
            if rng.random() < 0.1:  # some serve a neighbouring municipality too
                neighbour = places[(number + 1) % len(places)]
                if neighbour.pk != place.pk:
                    areas.append((service.pk, neighbour.pk))
            if topic_slug in topics:
                service_topics.append((service.pk, topics[topic_slug].pk))
    for model, rows in [
        (Organization, organizations),
        (Location, locations),
        (Service, services),
        (Contact, contacts),
        (Phone, phones),
        (Schedule, schedules),
        (ServiceAtLocation, service_places),
    ]:
        model.objects.bulk_create(rows, batch_size=BATCH)
    link_many(Service, "service_areas", areas)
    link_many(Service, "topics", service_topics)
    log(
        f"  {len(services)} services of {len(organizations)} organisations with "
        f"{len(contacts)} contacts, {len(phones)} phones, {len(schedules)} opening hours "
        f"({time.monotonic() - started:.1f} s)"
    )
    return {
        "organizations": len(organizations),
        "locations": len(locations),
        "services": len(services),
        "contacts": len(contacts),
        "phones": len(phones),
        "schedules": len(schedules),
    }


def create_people(
    mediator_index, experience_index, places, count, post_count, replies_per_post, rng, log
):
    """`count` mediators (an account and a profile each), their posts, colleagues' replies."""
    started = time.monotonic()
    topics = list(Topic.objects.all())
    users, profiles = [], []
    for number in range(count):
        gender = rng.choice("ffm")
        first, last = rng.choice(FIRST_NAMES[gender]), rng.choice(SURNAMES[gender])
        place = places[number % len(places)]
        username = f"{USERNAME_PREFIX}{number:04d}"
        users.append(
            get_user_model()(
                username=username,
                first_name=first,
                last_name=marked(last),
                email=f"{username}@example.org",
                password=make_password(None),
            )
        )
        consent = rng.random() < 0.5
        profiles.append(
            MediatorProfilePage(
                title=marked(f"{first} {last}"),
                slug=f"{SLUG_PREFIX}{slugify(f'{first} {last}')}-{number:04d}",
                municipality_id=place.pk,
                working_since=datetime.date(rng.randint(2012, 2024), rng.randint(1, 12), 1),
                working_hours=rng.choice(["P.–Pk. 9–13", "P., T., C. 10–16", ""]),
                bio=rng.choice(BIOS),
                contact_consent=consent,
                public_email=f"{username}@example.org" if consent else "",
                is_demo=True,
            )
        )
    get_user_model().objects.bulk_create(users, batch_size=BATCH)
    for user, profile in zip(users, profiles, strict=True):
        profile.user_id = profile.owner_id = user.pk
    add_children([(mediator_index, profiles)])
    languages, families, profile_topics = [], [], []
    for profile in profiles:
        for order, code in enumerate(rng.choice([["rom", "lv"], ["rom", "lv", "ru"], ["lv"]])):
            languages.append(MediatorLanguage(page_id=profile.pk, language=code, sort_order=order))
        for order, year in enumerate((2023, 2024)):
            families.append(
                FamiliesSupported(
                    page_id=profile.pk,
                    period=f"{year}. gads",
                    families=rng.randint(5, 40),
                    source="sintētiski dati",
                    sort_order=order,
                )
            )
        for topic in rng.sample(topics, 2):
            profile_topics.append((profile.pk, topic.pk))
    MediatorLanguage.objects.bulk_create(languages, batch_size=BATCH)
    FamiliesSupported.objects.bulk_create(families, batch_size=BATCH)
    link_many(MediatorProfilePage, "topics", profile_topics)

    posts, post_topics = [], []
    places_by_pk = {place.pk: place for place in places}
    moments = past_moments(rng, post_count)
    for number in range(post_count):
        author = rng.choice(profiles)
        place = places_by_pk[author.municipality_id]
        title = rng.choice(POST_TITLES).format(where=place.name_locative)
        posts.append(
            ExperiencePostPage(
                title=marked(title),
                slug=f"{SLUG_PREFIX}pieredze-{number:05d}",
                author_profile_id=author.pk,
                municipality_id=place.pk,
                owner_id=author.owner_id,
                first_published_at=moments[number],
                is_demo=True,
                **{name: rng.choice(texts) for name, texts in PROMPT_TEXTS.items()},
            )
        )
    add_children([(experience_index, posts)])
    for post in posts:
        post_topics.append((post.pk, rng.choice(topics).pk))
    link_many(ExperiencePostPage, "topics", post_topics)
    replies = [
        Reply(post_id=post.pk, author_id=rng.choice(users).pk, body=rng.choice(REPLIES))
        for post in posts
        for _ in range(replies_per_post)
    ]
    Reply.objects.bulk_create(replies, batch_size=BATCH)
    log(
        f"  {len(profiles)} mediators with accounts, {len(posts)} posts, "
        f"{len(replies)} replies ({time.monotonic() - started:.1f} s)"
    )
    return {
        "users": len(users),
        "mediators": len(profiles),
        "posts": len(posts),
        "replies": len(replies),
    }
