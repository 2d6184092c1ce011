"""Long pages' sections: heading anchors, the table of contents and the search passages."""

import re

import pytest

from knowledge.models import ArticlePage, SeminarPage
from knowledge.sections import MIN_PASSAGE_CHARS, heading_anchors

pytestmark = pytest.mark.django_db
SEMINAR_URL = "/zinasanas/romu-mediatoru-pieredzes-apmainas-seminars/"
LONG = "Mediators vienojas ar skolu par kavējumu iemesliem un atbalstu mācībās. " * 4


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def paragraph(text):
    return ("paragraph", f"<p>{text}</p>")


def ids_in(html):
    return re.findall(r'\sid="([^"]+)"', html)


def test_anchors_are_latvian_slugs_unique_on_the_page():
    page = ArticlePage(
        title="Prakse",
        body=[
            heading("Ģimeņu atbalsts skolā"),
            paragraph("Teksts."),
            heading("Ģimeņu atbalsts skolā", "h3"),
            heading("Ģimeņu atbalsts skolā"),
            heading("!!!"),
        ],
    )
    anchors = page.body_anchors()
    assert anchors == [
        "gimenu-atbalsts-skola",
        None,
        "gimenu-atbalsts-skola-2",
        "gimenu-atbalsts-skola-3",
        "sadala",
    ]
    assert heading_anchors(page.body, taken=["sadala"])[-1] == "sadala-2"


def test_anchors_are_stable_across_saves(article):
    article.body = [heading("Kā sākt"), paragraph(LONG), heading("Kā sākt"), paragraph(LONG)]
    article.save_revision().publish()
    first = article.body_anchors()
    article.refresh_from_db()
    assert article.body_anchors() == first == ["ka-sakt", None, "ka-sakt-2", None]


def test_headings_render_with_their_anchor_and_a_nested_table_of_contents(client, article):
    article.body = [
        paragraph("Ievads."),
        heading("Pirmā daļa"),
        paragraph(LONG),
        heading("Sīkāk", "h3"),
        paragraph(LONG),
        heading("Otrā daļa"),
        paragraph(LONG),
    ]
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert '<h2 id="pirma-dala">Pirmā daļa</h2>' in html
    assert '<h3 id="sikak">Sīkāk</h3>' in html
    toc = html[html.index('<nav class="toc" aria-label="Saturs">') :]
    toc = toc[: toc.index("</nav>")]
    # h3 nested under its h2, the list in page order.
    assert re.sub(r"\s+", "", toc).count('<ol><li><ahref="#sikak">Sīkāk</a></li></ol>') == 1
    assert re.findall(r'href="#([^"]+)"', toc) == ["pirma-dala", "sikak", "otra-dala"]


def test_short_pages_have_no_table_of_contents(client, article):
    article.body = [heading("Viena daļa"), paragraph(LONG), heading("Otra"), paragraph(LONG)]
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert 'class="toc"' not in html
    assert '<h2 id="viena-dala">' in html


def test_the_demo_seminar_has_a_table_of_contents_whose_links_resolve(client, demo_site):
    html = client.get(SEMINAR_URL).content.decode()
    toc = html[html.index('<nav class="toc"') :]
    toc = toc[: toc.index("</nav>")]
    links = re.findall(r'href="#([^"]+)"', toc)
    assert links[:2] == ["seminar-goals", "seminar-tasks"]
    assert "ieteikumi-un-to-istenosana" in links
    assert "romu-mediatoru-paveiktais" in links
    assert len(links) == 7
    ids = ids_in(html)
    assert set(links) <= set(ids)
    assert len(ids) == len(set(ids)), "every id on the page is unique"
    # The table of contents comes before the first section.
    assert html.index('<nav class="toc"') < html.index('id="seminar-goals"')


def test_seminar_passages_are_its_sections_with_anchors(demo_site):
    seminar = SeminarPage.objects.get(locale__language_code="lv")
    text, passages = seminar.search_passages()
    anchors = [passage.anchor for passage in passages]
    assert anchors[:2] == ["seminar-goals", "seminar-tasks"]
    assert "romu-mediatoru-paveiktais" in anchors
    assert all(len(passage.text) >= MIN_PASSAGE_CHARS for passage in passages)
    paveiktais = passages[anchors.index("romu-mediatoru-paveiktais")]
    assert "Infektoloģijas centra" in paveiktais.text
    # The page's own text: its intro and the headings, not the sections' words.
    assert seminar.summary.split()[0] in text
    assert "Romu mediatoru paveiktais" in text
    assert "Infektoloģijas" not in text


def test_short_sections_join_the_one_before(article):
    article.body = [
        paragraph("Ievads."),
        heading("Īsa sākuma daļa"),
        paragraph("Tikai daži vārdi."),
        heading("Gara daļa"),
        paragraph(LONG),
        heading("Apakšdaļa", "h3"),
        paragraph("Īsa apakšdaļa."),
        heading("Īsa beigu daļa"),
        paragraph("Arī īsa."),
        heading("Vēl gara daļa"),
        paragraph(LONG),
    ]
    text, passages = article.search_passages()
    assert [p.anchor for p in passages] == ["gara-dala", "vel-gara-dala"]
    # The first short section joins the intro, a short subsection stays in its parent and a
    # short section joins the passage before it.
    assert "Tikai daži vārdi" in text
    assert "Īsa apakšdaļa" in passages[0].text
    assert "Īsa beigu daļa" in passages[0].text and "Arī īsa" in passages[0].text


def test_a_page_with_one_long_section_stays_one_document(article):
    article.body = [heading("Vienīgā daļa"), paragraph(LONG)]
    assert article.search_passages() == ("", [])
