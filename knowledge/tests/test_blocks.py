"""StreamField blocks: the chart always has its table, previews exist, plain text for search."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail import blocks

from knowledge.blocks import FiguresBlock, KnowledgeStreamBlock, MediatorResultsBlock, plain_text

FIGURES = {
    "title": "Atbalstītās ģimenes",
    "value_label": "Ģimenes",
    "rows": [
        {"label": "Jelgava", "value": Decimal(30), "note": ""},
        {"label": "Ventspils", "value": Decimal(17), "note": "vēl 6 epizodiski"},
    ],
    "source": "Seminārs",
}


def render_figures(value=FIGURES):
    block = FiguresBlock()
    return block.render(block.to_python(block.get_prep_value(block.normalize(value))))


def test_chart_renders_an_accessible_svg_with_its_data_table():
    html = render_figures()
    svg = re.search(r"<svg[^>]*>", html).group(0)
    assert 'role="img"' in svg
    labelled_by = re.search(r'aria-labelledby="([^"]+)"', svg).group(1).split()
    for element_id in labelled_by:
        assert f'id="{element_id}"' in html
    table = html[html.index("<table") : html.index("</table>")]
    assert '<th scope="row">Jelgava</th>' in table
    assert '<td class="number">30</td>' in table
    assert "vēl 6 epizodiski" in table
    assert html.index("</svg>") < html.index("<table")


def test_chart_bars_scale_to_the_largest_value_with_svg_numbers():
    html = render_figures()
    widths = re.findall(r'<rect x="0" y="\d+" width="([\d.]+)"', html)
    assert [float(width) for width in widths] == [272.0, 154.1]


def test_chart_without_any_value_is_invalid():
    block = FiguresBlock()
    value = block.normalize({**FIGURES, "rows": [{"label": "A", "value": Decimal(0), "note": ""}]})
    with pytest.raises(blocks.StructBlockValidationError):
        block.clean(value)


def test_mediator_results_counts_persons_or_families():
    block = MediatorResultsBlock()
    value = block.normalize(
        {
            "name": "Marta Paņko",
            "supported_count": "41",
            "supported_unit": "persons",
            "supported_note": "darba atskaitēs",
            "activities": ["Palīdzība dokumentos"],
        }
    )
    html = block.render(value)
    assert "Atbalstītas personas: 41" in html
    assert "Palīdzība dokumentos" in html


def test_every_block_has_a_preview_and_a_description():
    for name, block in KnowledgeStreamBlock().child_blocks.items():
        assert block.is_previewable, name
        assert block.get_description(), name


@pytest.mark.django_db
def test_block_previews_render_in_the_admin(admin_client):
    for name, block in KnowledgeStreamBlock().child_blocks.items():
        response = admin_client.get(
            reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
        )
        assert response.status_code == 200, name
        assert "css/portal.css" in response.content.decode(), name


def test_plain_text_keeps_words_and_drops_markup_and_choice_keys():
    stream = KnowledgeStreamBlock()
    value = stream.to_python(
        [
            {"type": "paragraph", "value": "<p>Parādu <b>grafiks</b></p>"},
            {"type": "heading", "value": {"text": "Kā to dara", "level": "h2"}},
            {"type": "checklist", "value": {"title": "Soļi", "items": ["Izskaidrot"]}},
        ]
    )
    text = plain_text(value)
    assert "Parādu grafiks" in text
    assert "Kā to dara" in text and "Izskaidrot" in text
    assert "<" not in text and "h2" not in text
