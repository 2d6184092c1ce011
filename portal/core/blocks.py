"""Blocks the apps' StreamFields share, and blocks an app offers to another's StreamField."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from portal.core import charts


def offered_blocks(stream_name):
    """[(name, block)] other apps offer to the StreamField `stream_name`: named in
    settings.OFFERED_BLOCKS so the list is the same whenever models load (migrations too)."""
    return [
        (name, import_string(path)()) for name, path in settings.OFFERED_BLOCKS.get(stream_name, ())
    ]


class FigureRowBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("nosaukums"), max_length=80)
    value = blocks.DecimalBlock(label=_("vērtība"), min_value=0, decimal_places=2)
    note = blocks.CharBlock(label=_("piezīme"), max_length=200, required=False)

    class Meta:
        icon = "list-ul"
        label = _("Skaitlis")


class FiguresBlock(blocks.StructBlock):
    """A bar chart drawn on the server as SVG, always with its data table."""

    title = blocks.CharBlock(label=_("nosaukums"), max_length=200)
    value_label = blocks.CharBlock(
        label=_("ko skaitļi nozīmē"),
        max_length=80,
        help_text=_("Tabulas kolonnas virsraksts, piemēram, “Atbalstītās ģimenes”."),
    )
    rows = blocks.ListBlock(FigureRowBlock(), label=_("skaitļi"), min_num=1, max_num=20)
    source = blocks.CharBlock(
        label=_("avots"),
        max_length=250,
        help_text=_("No kurienes skaitļi: publicējiet tikai avotā minētos."),
    )

    BAR_HEIGHT = charts.BAR_HEIGHT
    ROW_HEIGHT = charts.ROW_HEIGHT
    CHART_WIDTH = charts.CHART_WIDTH
    VALUE_SPACE = charts.VALUE_SPACE

    class Meta:
        icon = "table"
        label = _("Skaitļi ar diagrammu")
        template = "portal/core/blocks/figures.html"
        preview_template = "knowledge/blocks/preview.html"
        preview_value = {
            "title": "Piemērs",
            "value_label": "Skaits",
            "rows": [
                {"label": "A", "value": "3", "note": ""},
                {"label": "B", "value": "5", "note": ""},
            ],
            "source": "Piemēra dati redaktora priekšskatījumam",
        }
        description = _("Stabiņu diagramma (SVG) ar datu tabulu zem tās.")

    def clean(self, value):
        value = super().clean(value)
        if not any(row["value"] for row in value["rows"]):
            raise blocks.StructBlockValidationError(
                non_block_errors=ValidationError(_("Vismaz vienai vērtībai jābūt lielākai par 0."))
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["chart"] = self.chart(value)
        return context

    def chart(self, value):
        """Bar geometry for the SVG; bars scale to the largest value."""
        return charts.bar_chart([(row["label"], row["value"]) for row in value["rows"]])
