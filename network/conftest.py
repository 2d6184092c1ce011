import pytest
from django.core.cache import cache
from wagtail.models import Site

from network.factories import MunicipalityIndexPageFactory, MunicipalityPageFactory
from portal.tests.fixtures import bare_site, demo_site  # noqa: F401
from taxonomy.demo import load_topics, seed_topics
from taxonomy.models import Topic


@pytest.fixture(autouse=True)
def _empty_cache():
    """The suggest-an-edit rate limit lives in the cache; each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _own_directory(request):
    """Tests build their own directory: a demo directory loaded for the session is removed
    (and comes back when the test's transaction rolls back). `demo_directory` tests keep it."""
    uses_db = request.node.get_closest_marker("django_db") or "db" in request.fixturenames
    if not uses_db or "demo_directory" in request.fixturenames:
        return
    request.getfixturevalue("db")
    from network.directory.models import ChangeRequest, Location, Organization, Service

    ChangeRequest.objects.all().delete()
    Service.objects.all().delete()
    Location.objects.all().delete()
    Organization.objects.all().delete()


@pytest.fixture
def demo_directory(demo_site):  # noqa: F811 (the fixture above, asked for by name)
    """The demo site with the seed's directory, as `make run` shows it."""
    return demo_site


@pytest.fixture
def topics(db):
    """The seed's seven topics, by slug: one insert into an empty table (the loader's own
    tests are in taxonomy), the loader where a seed has some."""
    if Topic.objects.exists():
        load_topics()
    else:
        Topic.objects.bulk_create(
            Topic(
                slug=row["slug"],
                name=row["name"],
                name_en=row["name_en"],
                sort_order=order,
                cue_words=row["cue_words"],
            )
            for order, row in enumerate(seed_topics())
        )
    return {topic.slug: topic for topic in Topic.objects.all()}


@pytest.fixture
def index_page(db):
    """A municipality index of the tests' own, beside the demo's (if the demo is loaded)."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:  # a transactional test flushed even Wagtail's initial site
        site = bare_site()
    root = site.root_page
    return MunicipalityIndexPageFactory(parent=root, slug="pasvaldibas-testiem")


@pytest.fixture
def municipality(index_page):
    return MunicipalityPageFactory(
        parent=index_page,
        title="Ventspils",
        slug="ventspils",
        name_locative="Ventspilī",
        families_supported=17,
        families_note="17 regulāri, 6 epizodiski",
        office_provided=True,
    )


@pytest.fixture
def other_municipality(index_page):
    return MunicipalityPageFactory(
        parent=index_page, title="Jelgava", slug="jelgava", families_supported=30
    )
