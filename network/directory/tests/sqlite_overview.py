"""Run by test_overview on a fresh SQLite file (DATABASE_URL): builds the varied directory,
compares the municipality page's overview with the ORM's reading of the same facts, and renders
the page. Prints one JSON line."""

import datetime
import json

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

TOPICS = (("izglitiba", "Izglītība"), ("majoklis", "Mājoklis"), ("socialie-jautajumi", "Sociālie"))


def main():
    from wagtail.models import Site

    from knowledge.factories import ArticlePageFactory
    from network.directory.models.overview import read_overview
    from network.directory.tests import test_overview as case
    from network.factories import MunicipalityIndexPageFactory, MunicipalityPageFactory
    from network.mediators.models import MediatorIndexPage, MediatorProfilePage
    from network.reports.models import MonthlyReport
    from network.tests.people_fixtures import publish
    from network.tests.sqlite_double_submit import NoMigrations
    from portal.demo import build_site
    from taxonomy.models import Topic

    settings.MIGRATION_MODULES = NoMigrations()
    call_command("migrate", run_syncdb=True, verbosity=0)
    build_site(lambda message: None)
    root = Site.objects.get(is_default_site=True).root_page
    index = MunicipalityIndexPageFactory(parent=root, slug="pasvaldibas-testiem")
    here = MunicipalityPageFactory(parent=index, title="Ventspils", slug="ventspils-testiem")
    other = MunicipalityPageFactory(parent=index, title="Jelgava", slug="jelgava-testiem")
    topics = [
        Topic.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})[0]
        for order, (slug, name) in enumerate(TOPICS)
    ]
    case.build_varied_directory(here, other, topics)
    ArticlePageFactory(parent=index, title="Prakse SQLite", municipalities=[here])
    mediators = publish(root, MediatorIndexPage(title="Mediatori", slug="mediatori-testiem"))
    mediator = publish(mediators, MediatorProfilePage(title="M", slug="m", municipality=here))
    MonthlyReport.objects.create(
        profile=mediator, month=datetime.date(2020, 3, 1), status="submitted", persons=7
    )
    overview = read_overview(here.pk, case.LIMIT, case.PARTNERS)
    response = Client().get(here.url)
    cards = response.content.decode().count('href="/pakalpojumi/')
    shown = sum(len(group.services) for group in here.directory_overview().groups)
    outcome = {
        "agrees": case.overview_facts(overview) == case.expected_overview(here),
        "groups": len(overview.groups),
        "status": response.status_code,
        "cards": cards == shown > 0,
        "practice": ">Prakse SQLite</a>" in response.content.decode(),
        "report month": "(2020-03 – 2020-03)" in response.content.decode(),
    }
    print(json.dumps(outcome))


if __name__ == "__main__":
    main()
