"""A synthetic corpus for the search benchmark: N directory entries in the database.

Organisations and their services across the demo municipalities, with Latvian wording in
the style of the seed, created with bulk inserts (no signals, no index updates). Half of the
documents are services, half organisations; each service carries two of the vocabulary's
concepts (the seed vocabulary is loaded, so documents also get the concepts their text names),
and one long good-practice page of eight sections (a passage document each) is added per 1,000
entries. Deterministic for a given size.
Run through bench/search_bench.py, which points Django at a throwaway database first.
"""

import random
import uuid

from django.apps import apps
from wagtail.rich_text import RichText

from portal.core.demo_data import get_or_create_child
from portal.demo import build_site
from portal.synthetic import synthetic_words
from taxonomy.demo import load_concepts, load_topics

MUNICIPALITIES = [
    ("jelgava", "Jelgava", "Jelgavā", "Jelgavas"),
    ("ventspils", "Ventspils", "Ventspilī", "Ventspils"),
    ("riga", "Rīga", "Rīgā", "Rīgas"),
    ("valmiera", "Valmiera", "Valmierā", "Valmieras"),
    ("vilaka", "Viļaka", "Viļakā", "Viļakas"),
    ("tukums", "Tukums", "Tukumā", "Tukuma"),
    ("talsi", "Talsi", "Talsos", "Talsu"),
    ("balvi", "Balvi", "Balvos", "Balvu"),
]
ORGANIZATION_KINDS = [
    "sociālā pārvalde",
    "pamatskola",
    "vidusskola",
    "bāriņtiesa",
    "Dzīvokļu nodaļa",
    "pašvaldības policija",
    "bibliotēka",
    "pirmsskolas izglītības iestāde",
    "jauniešu centrs",
    "biedrība",
]
SERVICES = [
    ("Sociālā palīdzība", "socialie-jautajumi"),
    ("Dzīvokļu jautājumi", "majoklis"),
    ("Īres un komunālo maksājumu parādu konsultācijas", "majoklis"),
    ("Skolas sociālais pedagogs", "izglitiba"),
    ("Mācību atbalsts", "izglitiba"),
    ("Darba meklētāju atbalsts", "nodarbinatiba"),
    ("Ģimenes ārsta prakse", "veselibas-aprupe"),
    ("Vakcinācija", "veselibas-aprupe"),
    ("Dokumentu kārtošana un deklarēšanās", "dokumenti"),
    ("Kultūras pasākumi", "kultura-un-integracija"),
]
SECTION_TITLES = [
    "Ko darījām",
    "Sadarbības partneri",
    "Kas izdevās",
    "Grūtības",
    "Ieteikumi kolēģiem",
    "Rezultāti",
    "Nākamie soļi",
]
SENTENCES = [
    *synthetic_words("network")["descriptions"],
    "Patvērums krīzes centrā ar dzīvokļiem saistītās problēmsituācijās.",
]


def ensure_places():
    """Municipality pages and topics (idempotent); returns (municipalities, topics)."""
    site = build_site(lambda message: None)
    index_model = apps.get_model("network", "MunicipalityIndexPage")
    municipality_model = apps.get_model("network", "MunicipalityPage")
    index_page, _ = get_or_create_child(
        site.root_page.specific, index_model, "pasvaldibas", title="Pašvaldības"
    )
    municipalities = [
        get_or_create_child(
            index_page,
            municipality_model,
            slug,
            title=title,
            name_locative=locative,
            name_genitive=genitive,
        )[0]
        for slug, title, locative, genitive in MUNICIPALITIES
    ]
    topics = load_topics()
    load_concepts()  # documents are indexed with the concepts their text mentions
    return municipalities, topics


# One long page (eight sections, each a passage document) per this many directory entries.
ENTRIES_PER_LONG_PAGE = 1000
SECTIONS = 8


def concepts_by_topic():
    """{topic slug: [concept ids]} of the seed vocabulary."""
    concept_model = apps.get_model("taxonomy", "Concept")
    found = {}
    for concept_id, topic_slug in concept_model.objects.values_list("id", "topic__slug"):
        found.setdefault(topic_slug, []).append(concept_id)
    return found


def long_pages(count, rng):
    """`count` good-practice pages of eight sections each, as editors write them."""
    site_root = build_site(lambda message: None).root_page.specific
    index_model = apps.get_model("knowledge", "KnowledgeIndexPage")
    article_model = apps.get_model("knowledge", "ArticlePage")
    index_page, _ = get_or_create_child(site_root, index_model, "zinasanas", title="Zināšanas")
    for number in range(count):
        body = []
        for section in range(SECTIONS):
            body.append(("heading", {"text": f"{rng.choice(SECTION_TITLES)} {section + 1}"}))
            paragraph = " ".join(rng.sample(SENTENCES, 4))
            body.append(("paragraph", RichText(f"<p>{paragraph}</p>")))
        index_page.add_child(
            instance=article_model(
                title=f"Labā prakse Nr. {number}",
                slug=f"laba-prakse-{number}",
                summary=" ".join(rng.sample(SENTENCES, 2)),
                body=body,
                is_demo=True,
            )
        )
    return count * (SECTIONS + 1)


def generate(size, seed=7):
    """Create `size` documents' worth of organisations and services (half each)."""
    organization_model = apps.get_model("network", "Organization")
    service_model = apps.get_model("network", "Service")
    municipalities, topics = ensure_places()
    rng = random.Random(seed)
    concepts = concepts_by_topic()
    organizations, services, areas, service_topics, service_concepts = [], [], [], [], []
    for number in range(size // 2):
        municipality = municipalities[number % len(municipalities)]
        kind = rng.choice(ORGANIZATION_KINDS)
        organization = organization_model(
            id=uuid.UUID(int=rng.getrandbits(128)),
            name=f"{municipality.name_genitive} {kind} Nr. {number}",
            description=" ".join(rng.sample(SENTENCES, 2)),
            is_demo=True,
        )
        name, topic_slug = rng.choice(SERVICES)
        service = service_model(
            id=uuid.UUID(int=rng.getrandbits(128)),
            organization=organization,
            name=name,
            description=" ".join(rng.sample(SENTENCES, 3)),
            is_demo=True,
        )
        organizations.append(organization)
        services.append(service)
        areas.append(
            service_model.service_areas.through(
                service_id=service.id, municipalitypage_id=municipality.pk
            )
        )
        service_topics.append(
            service_model.topics.through(service_id=service.id, topic_id=topics[topic_slug].pk)
        )
        service_concepts += [
            service_model.concepts.through(service_id=service.id, concept_id=concept_id)
            for concept_id in rng.sample(concepts[topic_slug], 2)
        ]
    organization_model.objects.bulk_create(organizations, batch_size=2000)
    service_model.objects.bulk_create(services, batch_size=2000)
    service_model.service_areas.through.objects.bulk_create(areas, batch_size=2000)
    service_model.topics.through.objects.bulk_create(service_topics, batch_size=2000)
    service_model.concepts.through.objects.bulk_create(service_concepts, batch_size=2000)
    pages = long_pages(max(1, size // ENTRIES_PER_LONG_PAGE), rng)
    return len(organizations) + len(services) + len(municipalities) + pages
