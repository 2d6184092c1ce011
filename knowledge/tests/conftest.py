import pytest
from wagtail.models import Site

from knowledge.factories import (
    ArticlePageFactory,
    GuidePageFactory,
    GuideStepPageFactory,
    KnowledgeIndexPageFactory,
)
from network.directory.models import MunicipalityIndexPage, MunicipalityPage
from portal.demo import build_site
from portal.models import HomePage
from portal.tests.fixtures import demo_site, register_seed  # noqa: F401
from taxonomy.factories import TopicFactory


def build_bare_site():
    return build_site(lambda message: None)


@pytest.fixture
def home(db):
    """The site's Latvian home page, without the rest of the demo content: on PostgreSQL built
    once per session (see `register_seed`), here where it is not."""
    if not HomePage.objects.exists():
        build_bare_site()
    return Site.objects.get(is_default_site=True).root_page.specific


register_seed("home", "site", build_bare_site)


@pytest.fixture
def knowledge_index(home):
    return KnowledgeIndexPageFactory(parent=home)


@pytest.fixture
def municipalities(home):
    index_page = MunicipalityIndexPage(title="Pašvaldības", slug="pasvaldibas")
    home.add_child(instance=index_page)
    pages = {}
    for slug, title in [("jelgava", "Jelgava"), ("riga", "Rīga")]:
        page = MunicipalityPage(title=title, slug=slug)
        index_page.add_child(instance=page)
        pages[slug] = page
    return pages


@pytest.fixture
def topics(db):
    return {
        "izglitiba": TopicFactory(slug="izglitiba", name="Izglītība"),
        "majoklis": TopicFactory(slug="majoklis", name="Mājoklis"),
    }


@pytest.fixture
def guide(home):
    guide = GuidePageFactory(parent=home, title="Darba uzsākšana", slug="darba-uzsaksana")
    for number in (1, 2, 3):
        GuideStepPageFactory(parent=guide, title=f"Solis numur {number}", slug=f"solis-{number}")
    return guide


@pytest.fixture
def article(knowledge_index, topics, municipalities):
    return ArticlePageFactory(
        parent=knowledge_index,
        title="Parādu grafiki",
        slug="paradu-grafiki",
        topics=[topics["majoklis"]],
        municipalities=[municipalities["riga"]],
        tags=["parādi"],
        audience="mediators",
    )
