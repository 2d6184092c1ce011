"""A municipality without a mediator or catalogue suggests what to study; the compare list
starts at the municipality most worth comparing with; unknown facts take one sentence."""

import datetime
import re

import pytest

from network.directory import study
from network.directory.models import MunicipalityPage
from network.directory.study import ranked_with_mediator
from network.factories import MunicipalityPageFactory, ServiceFactory
from portal.core.cache import page_cache

pytestmark = pytest.mark.django_db


def practice_section(html):
    return html[
        html.index('id="practice-heading"') : html.index(
            "</section>", html.index('id="practice-heading"')
        )
    ]


def test_demo_tukums_suggests_ventspils_and_jelgava_first_with_their_practice(
    client, demo_directory
):
    response = client.get("/pasvaldibas/tukums/")
    html = response.content.decode()
    assert response.status_code == 200
    study = response.context["study"]
    # Tukums' own text names Ventspils and Jelgava, in that order; then the nearest, Rīga.
    assert [example.page.slug for example in study.examples] == ["ventspils", "jelgava", "riga"]
    assert [example.mentioned for example in study.examples] == [True, True, False]
    ventspils = study.examples[0]
    assert ventspils.services > 0
    for example in study.examples:  # every linked practice is counted, not only those shown
        linked = example.page.article_pages.live().count()
        assert example.practices == linked, example.page.slug
    assert ventspils.practices > 0
    section = html[html.index('id="study-heading"') :]
    for slug in ("ventspils", "jelgava", "riga"):
        assert f'href="/pasvaldibas/{slug}/"' in section
        assert f'href="/pasvaldibas/salidzinat/?m=tukums&amp;m={slug}"' in section
    assert "Salīdzināt: Tukums un Ventspils" in section
    # Their good practice and their mediators' experience posts, as links.
    assert 'href="/zinasanas/' in section and "Rotaļlietu bibliotēka “Ringla” Jelgavā" in section
    assert "Ventspils: skolas, dzīvokļi un dokumenti" in section
    # The empty catalogue points to the suggestions; five rows of "—" are one sentence.
    assert 'href="#study-heading"' in html
    facts = practice_section(html)
    assert "<dt>" not in facts and "Par mediatora darbu Tukumā vēl nav ziņu" in facts
    # The compare list starts at Ventspils, not at the alphabet's first (Balvi).
    assert '<option value="ventspils" selected>Ventspils</option>' in html
    assert '<option value="balvi">Balvi</option>' in html


def test_the_study_table_is_built_once_and_again_after_a_directory_change(
    client, demo_directory, monkeypatch
):
    built = []
    build = study.study_table

    def counted_build(page, options):
        built.append(page.slug)
        return build(page, options)

    monkeypatch.setattr(study, "study_table", counted_build)
    page_cache().clear()
    try:
        tukums = client.get("/pasvaldibas/tukums/").context["study"]
        talsi = client.get("/pasvaldibas/talsi/").context["study"]
        # Talsi's suggestions come from the table Tukums' page built: no query of their own.
        assert built == ["tukums"] and talsi.examples[0].page.slug == "ventspils"
        before = tukums.examples[0].services
        ventspils = MunicipalityPage.objects.get(slug="ventspils")
        ServiceFactory(service_areas=[ventspils])  # any directory change empties the page cache
        again = client.get("/pasvaldibas/tukums/").context["study"]
        assert built == ["tukums", "tukums"] and again.examples[0].services == before + 1
    finally:
        page_cache().clear()  # the table is not rolled back with the test's rows


def test_the_suggested_comparison_opens(client, demo_directory):
    response = client.get("/pasvaldibas/salidzinat/?m=tukums&m=ventspils")
    assert response.status_code == 200
    html = response.content.decode()
    assert ">Tukums</a></th>" in html and ">Ventspils</a></th>" in html


def test_a_municipality_with_a_mediator_and_catalogue_keeps_its_page_and_gets_the_nearest(
    client, demo_directory
):
    response = client.get("/pasvaldibas/ventspils/")
    html = response.content.decode()
    assert "study" not in response.context and 'id="study-heading"' not in html
    # Nearest with a mediator: Jelgava (Talsi and Tukums are nearer but have none).
    assert '<option value="jelgava" selected>Jelgava</option>' in html
    assert "<dt>Mediators</dt><dd>Malda Avramenko</dd>" in html


def test_ranking_prefers_named_then_near_and_needs_a_mediator(index_page):
    here = MunicipalityPageFactory(
        parent=index_page,
        slug="here",
        summary="Vēlas iepazīt Tālās praksi.",
        latitude=57,
        longitude=24,
    )
    options = [
        {"slug": "here", "title": "Here", "name_genitive": "", "name_locative": "",
         "latitude": 57, "longitude": 24, "mediators_text": "X"},
        {"slug": "near", "title": "Tuvā", "name_genitive": "Tuvās", "name_locative": "",
         "latitude": 57.1, "longitude": 24, "mediators_text": "A"},
        {"slug": "far", "title": "Tālā", "name_genitive": "Tālās", "name_locative": "",
         "latitude": 58, "longitude": 27, "mediators_text": "B"},
        {"slug": "none", "title": "Blakus", "name_genitive": "", "name_locative": "",
         "latitude": 57.01, "longitude": 24, "mediators_text": ""},
    ]  # fmt: skip
    ranked = [
        (option["slug"], mentioned) for option, mentioned in ranked_with_mediator(here, options)
    ]
    assert ranked == [("far", True), ("near", False)]


def test_without_any_mediator_nothing_is_suggested_and_no_option_preselected(
    client, municipality, other_municipality
):
    response = client.get(municipality.url)
    html = response.content.decode()
    assert response.context["study"].examples == []
    assert 'id="study-heading"' not in html and " selected>" not in html


def test_compare_rows_unknown_everywhere_become_one_sentence(client, index_page):
    MunicipalityPageFactory(
        parent=index_page, slug="a", title="A", mediator_since=datetime.date(2020, 1, 1)
    )
    MunicipalityPageFactory(parent=index_page, slug="b", title="B")
    response = client.get(f"{index_page.url}salidzinat/?m=a&m=b")
    html = response.content.decode()
    assert response.status_code == 200
    table = html[html.index("<table") : html.index("</table>")]
    assert "Mediators strādā kopš" in table and "Apmaksātais darba laiks" not in table
    sentence = re.search(r'<p class="compare-unknown">([^<]*)</p>', html).group(1)
    assert sentence.startswith("Nevienai no izvēlētajām pašvaldībām nav zināms: Mediators;")
    assert "Apmaksātais darba laiks" in sentence and "Saistītās labās prakses" in sentence
    # Every cell names its municipality (shown on phones, where the table becomes boxes).
    assert '<span class="compare-table__town" aria-hidden="true">B</span>' in table
