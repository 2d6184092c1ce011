import datetime

import pytest

from network.factories import MunicipalityPageFactory, OrganizationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def compare_url(index_page, *slugs):
    return f"{index_page.url}salidzinat/?" + "&".join(f"m={slug}" for slug in slugs)


def test_compare_two_municipalities_side_by_side(
    client, index_page, municipality, other_municipality, topics
):
    municipality.mediator_since = datetime.date(2019, 9, 1)
    municipality.save_revision().publish()
    ServiceFactory(
        organization=OrganizationFactory(name="Sarkanais Krusts"),
        topics=[topics["socialie-jautajumi"]],
        service_areas=[municipality],
    )
    for name in ("Skola A", "Skola B"):
        ServiceFactory(
            organization=OrganizationFactory(name=name),
            topics=[topics["izglitiba"]],
            service_areas=[other_municipality],
        )
    response = client.get(compare_url(index_page, "jelgava", "ventspils"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index(">Jelgava</a></th>") < html.index(">Ventspils</a></th>")
    rows = response.context["comparison"].rows
    by_label = {row.label: row.cells for row in rows}
    assert by_label["Mediators strādā kopš"] == ["—", "septembris 2019"]
    assert by_label["Atbalstītās ģimenes"] == ["30", "17 (17 regulāri, 6 epizodiski)"]
    assert by_label["Telpas nodrošina pašvaldība"] == ["—", "jā"]
    assert by_label["Pakalpojumi: Izglītība"] == ["2", "0"]
    assert by_label["Pakalpojumi: Sociālie jautājumi"] == ["0", "1"]
    assert "Pakalpojumi: Mājoklis" not in by_label  # no services on either side
    assert by_label["Sadarbības partneri"] == [
        [("Skola A", ""), ("Skola B", "")],
        [("Sarkanais Krusts", "")],
    ]
    assert by_label["Saistītās labās prakses"] == [[], []]
    assert 'value="jelgava" checked' in html


@pytest.mark.parametrize(
    ("slugs", "message"),
    [
        (["ventspils", "atlantida"], "Nezināma pašvaldība: atlantida."),
        (["ventspils"], "Izvēlieties no 2 līdz 4 pašvaldībām."),
        (["ventspils", "ventspils"], "Izvēlieties no 2 līdz 4 pašvaldībām."),
    ],
)
def test_bad_choices_get_a_clear_400(
    client, index_page, municipality, other_municipality, slugs, message
):
    response = client.get(compare_url(index_page, *slugs))
    assert response.status_code == 400
    assert message in response.content.decode()


def test_at_most_four(client, index_page, municipality, other_municipality):
    for n in range(3):
        MunicipalityPageFactory(parent=index_page, slug=f"extra-{n}")
    slugs = ["ventspils", "jelgava", "extra-0", "extra-1", "extra-2"]
    assert client.get(compare_url(index_page, *slugs)).status_code == 400
    assert client.get(compare_url(index_page, *slugs[:4])).status_code == 200


def test_without_choices_shows_the_form(client, index_page, municipality, other_municipality):
    response = client.get(f"{index_page.url}salidzinat/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="m" value="ventspils"' in html and "<table" not in html


def test_municipality_page_links_to_compare(client, index_page, municipality, other_municipality):
    html = client.get(municipality.url).content.decode()
    assert f'action="{index_page.url}salidzinat/"' in html
    assert '<input type="hidden" name="m" value="ventspils">' in html
    assert '<option value="jelgava">Jelgava</option>' in html


def test_demo_compare_ventspils_and_jelgava(client, demo_directory):
    response = client.get("/pasvaldibas/salidzinat/?m=jelgava&m=ventspils")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ināra Kozlovska" in html and "Malda Avramenko" in html
    assert "Jelgavas Amatu vidusskola" in html and "Ventspils Pārventas pamatskola" in html


def test_linked_practices_come_from_knowledge_articles(
    client, index_page, municipality, other_municipality
):
    from knowledge.factories import ArticlePageFactory

    article = ArticlePageFactory(
        parent=index_page, title="Telpas mediatoram", municipalities=[municipality]
    )
    assert list(municipality.linked_practices()) == [article.specific]
    assert list(other_municipality.linked_practices()) == []
    response = client.get(compare_url(index_page, "jelgava", "ventspils"))
    cells = {row.label: row.cells for row in response.context["comparison"].rows}
    assert cells["Saistītās labās prakses"] == [[], [("Telpas mediatoram", article.url)]]
    assert "Telpas mediatoram" in client.get(municipality.url).content.decode()


def test_linked_practices_are_the_newest_few_and_how_many_there_are(
    client, index_page, municipality
):
    from knowledge.factories import ArticlePageFactory

    for number in range(7):
        ArticlePageFactory(
            parent=index_page, title=f"Prakse {number}", municipalities=[municipality]
        )
    practices = municipality.linked_practices(limit=5)
    assert [practice.title for practice in practices] == [f"Prakse {n}" for n in (6, 5, 4, 3, 2)]
    assert (practices.total, practices.more) == (7, 2)
    # The rest are in the listing the practices sit in, filtered by the municipality.
    html = client.get(municipality.url).content.decode()
    assert f'href="{index_page.url}?pasvaldiba={municipality.slug}"' in html
    assert "Visa saistītā labā prakse (7)" in html
