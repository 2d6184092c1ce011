import uuid

import pytest
from django.apps import apps
from wagtail.models import Locale, Page, Site

from portal.core.demo_data import get_or_create_child
from portal.demo import build_site
from portal.tests.fixtures import demo_site, register_seed  # noqa: F401
from search import fallback, indexing, promotions, query, searchlog
from taxonomy.demo import load_topics
from taxonomy.models import Topic

MUNICIPALITIES = [
    ("ventspils", "Ventspils", "Ventspilī", "Ventspils"),
    ("jelgava", "Jelgava", "Jelgavā", "Jelgavas"),
    ("riga", "Rīga", "Rīgā", "Rīgas"),
    ("vilaka", "Viļaka", "Viļakā", "Viļakas"),
]
# (organisation, service, description, municipality, topics); test data, no real contacts.
SERVICES = [
    (
        "Ventspils pilsētas sociālā pārvalde",
        "Dzīvokļu nodaļa",
        "Palīdz ar īres un komunālo maksājumu parādiem, vienošanās par parādu atmaksu.",
        "ventspils",
        ["majoklis", "socialie-jautajumi"],
    ),
    (
        "Rīgas sociālais dienests",
        "Palīdzība dzīvokļa jautājumos",
        "Konsultācijas īres parādu gadījumā un dzīvokļa pabalsts.",
        "riga",
        ["majoklis"],
    ),
    (
        "Jelgavas bāriņtiesa",
        "Bāriņtiesas konsultācijas",
        "Bērnu tiesību aizsardzība, aizbildnība un ģimeņu atbalsts.",
        "jelgava",
        ["socialie-jautajumi"],
    ),
    (
        "Nodarbinātības valsts aģentūra",
        "Jelgavas filiāle",
        "Darba meklēšana, bezdarbnieka statuss, kursi un vakances.",
        "jelgava",
        ["nodarbinatiba"],
    ),
    (
        "Viļakas pamatskola",
        "Sociālais pedagogs",
        "Skolas kavējumi, mācību atbalsts un sadarbība ar vecākiem.",
        "vilaka",
        ["izglitiba"],
    ),
]


@pytest.fixture(autouse=True)
def _fresh_search_state():
    """Each test starts with the engine considered up, empty caches and no buffered search
    log rows (another test's would be written into this one's database)."""
    indexing.mark_up()
    fallback.forget_documents()
    promotions.forget_pinned()
    searchlog.take_buffered()
    yield
    indexing.mark_up()
    fallback.forget_documents()
    promotions.forget_pinned()
    searchlog.take_buffered()


def build_directory():
    """A small site: four municipalities, topics and five services (test data)."""
    if Page.get_first_root_node() is None:  # when run with --no-migrations
        Locale.objects.get_or_create(language_code="lv")
        Page.add_root(instance=Page(title="Root", slug="root"))
    site = build_site(lambda message: None)
    index_page, _ = get_or_create_child(
        site.root_page.specific,
        apps.get_model("network", "MunicipalityIndexPage"),
        "pasvaldibas",
        title="Pašvaldības",
    )
    municipalities = {}
    for slug, title, locative, genitive in MUNICIPALITIES:
        municipalities[slug], _ = get_or_create_child(
            index_page,
            municipality_model(),
            slug,
            title=title,
            name_locative=locative,
            name_genitive=genitive,
        )
    topics = load_topics()  # the seed's topics with their cue words
    organization_model = apps.get_model("network", "Organization")
    service_model = apps.get_model("network", "Service")
    services = {}
    for organization_name, name, description, municipality, topic_slugs in SERVICES:
        organization = organization_model.objects.create(name=organization_name)
        service = service_model.objects.create(
            organization=organization, name=name, description=description
        )
        service.service_areas.set([municipalities[municipality]])
        service.topics.set([topics[slug] for slug in topic_slugs])
        service.save()  # parental many-to-many values are written on save
        services[organization_name] = service
    return {"site": site, "municipalities": municipalities, "topics": topics, "services": services}


def municipality_model():
    return apps.get_model("network", "MunicipalityPage")


@pytest.fixture
def search_directory(db):
    """The small directory: on PostgreSQL built once per session (see `register_seed`), and
    read here; built here where it is not (SQLite, or a demo test's database)."""
    organization, name, description, *_ = SERVICES[0]
    services = apps.get_model("network", "Service").objects
    if services.filter(
        organization__name=organization, name=name, description=description
    ).exists():
        return read_directory()
    return build_directory()


register_seed("search_directory", "search_directory", build_directory)


def read_directory():
    """What `build_directory` returned, from its database (which holds nothing else)."""
    site = Site.objects.get(is_default_site=True)
    index_page = site.root_page.get_children().get(slug="pasvaldibas")
    municipalities = municipality_model().objects.child_of(index_page)
    services = apps.get_model("network", "Service").objects.select_related("organization")
    return {
        "site": site,
        "municipalities": {page.slug: page for page in municipalities},
        "topics": {topic.slug: topic for topic in Topic.objects.all()},
        "services": {service.organization.name: service for service in services},
    }


@pytest.fixture
def directory(search_directory):
    """A small site: four municipalities, topics and five services (test data)."""
    query.vocabulary.forget()
    return search_directory


@pytest.fixture
def search_index(settings, elasticsearch_url, es_client):
    """A throwaway alias on the real Elasticsearch; its indices are removed afterwards."""
    settings.ELASTICSEARCH_URL = elasticsearch_url
    settings.ELASTICSEARCH_INDEX = f"test-search-{uuid.uuid4().hex[:10]}"
    yield settings.ELASTICSEARCH_INDEX
    # Deleting by wildcard is refused (action.destructive_requires_name): name each index.
    pattern = f"{settings.ELASTICSEARCH_INDEX}-v*"
    for name in es_client.indices.get(index=pattern, allow_no_indices=True):
        es_client.indices.delete(index=name)
