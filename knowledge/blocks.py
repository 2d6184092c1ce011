"""StreamField blocks of the knowledge pages; each has an editor preview and a description."""

import uuid
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.struct_block import StructValue
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.snippets.blocks import SnippetChooserBlock

PREVIEW_TEMPLATE = "knowledge/blocks/preview.html"
RICH_TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("virsraksts"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("līmenis"),
        choices=[("h2", _("sadaļa (H2)")), ("h3", _("apakšsadaļa (H3)"))],
        default="h2",
        help_text=_("Lapā virsrakstiem jāiet pēc kārtas: H3 tikai zem H2."),
    )

    class Meta:
        icon = "title"
        label = _("Virsraksts")
        template = "knowledge/blocks/heading.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {"text": "Semināra uzdevumi", "level": "h2"}
        description = _("Sadaļas virsraksts, kas sadala garu lapu pārskatāmās daļās.")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("veids"),
        choices=[
            ("info", _("informācija")),
            ("tip", _("padoms")),
            ("warning", _("uzmanību")),
        ],
        default="info",
    )
    title = blocks.CharBlock(label=_("virsraksts"), max_length=120, required=False)
    text = blocks.RichTextBlock(label=_("teksts"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "warning"
        label = _("Izcelts teksts")
        template = "knowledge/blocks/callout.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "kind": "tip",
            "title": "Padoms",
            "text": "<p>Katra romu mediatora pozitīvais darba rezultāts vairo uzticēšanos.</p>",
        }
        description = _("Padoms, svarīga piezīme vai brīdinājums, vizuāli izcelts.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("citāts"))
    role = blocks.CharBlock(
        label=_("autora loma"),
        max_length=160,
        required=False,
        help_text=_(
            "Amats vai iestāde, piemēram, “Sociālā dienesta darbinieks”. Vārds nav vajadzīgs."
        ),
    )
    municipality = blocks.PageChooserBlock(
        label=_("pašvaldība"), page_type="network.MunicipalityPage", required=False
    )

    class Meta:
        icon = "openquote"
        label = _("Citāts")
        template = "knowledge/blocks/quote.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "text": "Romi vairāk uzticas savas tautības pārstāvjiem, romu mediators palīdz "
            "mums veidot dialogu. Tas atvieglo sadarbību.",
            "role": "Pašvaldības iestādes darbinieks",
        }
        description = _("Citāts ar autora lomu un pašvaldību; privātu vārdu nevajag.")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("attēls"))
    alt_text = blocks.CharBlock(
        label=_("alternatīvais teksts"),
        max_length=250,
        required=False,
        help_text=_("Ko attēls parāda cilvēkam, kurš to neredz. Tukšs, ja attēls ir dekoratīvs."),
    )
    caption = blocks.CharBlock(label=_("paraksts"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Attēls")
        template = "knowledge/blocks/image.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {"caption": "Attēla paraksts zem attēla"}
        description = _("Attēls ar alternatīvo tekstu un parakstu.")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("dokuments"))
    title = blocks.CharBlock(
        label=_("saites teksts"),
        max_length=200,
        required=False,
        help_text=_("Ja tukšs, rāda dokumenta nosaukumu."),
    )
    description = blocks.TextBlock(label=_("apraksts"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Dokuments")
        template = "knowledge/blocks/document_link.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {"title": "Mediatora ikmēneša atskaites veidlapa"}
        description = _("Saite uz lejupielādējamu dokumentu ar tā veidu un izmēru.")


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("virsraksts"), max_length=160, required=False)
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("punkts"), max_length=300), label=_("punkti"), min_num=1
    )

    class Meta:
        icon = "tasks"
        label = _("Kontrolsaraksts")
        template = "knowledge/blocks/checklist.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "title": "Pirmajā mēnesī",
            "items": [
                "Apmeklēt sociālo dienestu",
                "Iepazīties ar skolu sociālajiem pedagogiem",
            ],
        }
        description = _("Atzīmējams saraksts, ko var arī izdrukāt.")


IMPLEMENTATION_STATUSES = [
    ("done", _("īstenots")),
    ("partly", _("daļēji īstenots")),
    ("ongoing", _("notiek")),
    ("planned", _("plānots")),
    ("postponed", _("atlikts")),
    ("not_started", _("nav uzsākts")),
]


class RecommendationRowValue(blocks.StructValue):
    def status_label(self):
        return dict(IMPLEMENTATION_STATUSES).get(self.get("status"), "")


class RecommendationRowBlock(blocks.StructBlock):
    recommendation = blocks.TextBlock(label=_("ieteikums"))
    implementation = blocks.TextBlock(label=_("īstenošana"))
    status = blocks.ChoiceBlock(
        label=_("statuss"), choices=IMPLEMENTATION_STATUSES, default="ongoing"
    )

    class Meta:
        icon = "list-ul"
        label = _("Rinda")
        value_class = RecommendationRowValue


class RecommendationTableBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("tabulas nosaukums"), max_length=250)
    rows = blocks.ListBlock(RecommendationRowBlock(), label=_("rindas"), min_num=1)

    class Meta:
        icon = "table"
        label = _("Ieteikumi → īstenošana")
        template = "knowledge/blocks/recommendation_table.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "title": "Ieteikumi mediatoru darba pilnveidei",
            "rows": [
                {
                    "recommendation": "Darba uzskaitē precīzi fiksēt sadarbības faktu.",
                    "implementation": "Ieteikums darba uzskaites dokumentos ir ņemts vērā.",
                    "status": "done",
                }
            ],
        }
        description = _("Tabula: katram ieteikumam – kā tas īstenots un kāds ir statuss.")


class MediatorResultsBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("mediators"), max_length=120)
    municipality = blocks.PageChooserBlock(
        label=_("pašvaldība"), page_type="network.MunicipalityPage", required=False
    )
    supported_count = blocks.CharBlock(
        label=_("atbalstīto skaits"),
        max_length=20,
        required=False,
        help_text=_("Tikai avotā minētais skaitlis, piemēram, “30”."),
    )
    supported_unit = blocks.ChoiceBlock(
        label=_("ko skaita"),
        choices=[("families", _("ģimenes")), ("persons", _("personas"))],
        default="families",
    )
    supported_note = blocks.CharBlock(
        label=_("piezīme par skaitu"),
        max_length=250,
        required=False,
        help_text=_("Piemēram, “regulāra sadarbība; 6 ģimenes – epizodiski”."),
    )
    activities = blocks.ListBlock(
        blocks.TextBlock(label=_("darbība")), label=_("paveiktais"), min_num=1
    )
    profile = blocks.PageChooserBlock(
        label=_("mediatora profils"),
        page_type="network.MediatorProfilePage",
        required=False,
        help_text=_("Mediatora profila lapa tīklā, ja tāda ir."),
    )

    class Meta:
        icon = "user"
        label = _("Mediatora rezultāti")
        template = "knowledge/blocks/mediator_results.html"
        preview_template = PREVIEW_TEMPLATE
        preview_value = {
            "name": "Rasma Zaharenko",
            "supported_count": "22",
            "supported_unit": "families",
            "activities": ["Tiek organizētas informatīvās dienas Viļakas pilsētas bibliotēkā."],
        }
        description = _("Viena mediatora paveiktais: atbalstīto skaits un darbības.")


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

    BAR_HEIGHT = 18
    ROW_HEIGHT = 46
    CHART_WIDTH = 320
    VALUE_SPACE = 48

    class Meta:
        icon = "table"
        label = _("Skaitļi ar diagrammu")
        template = "knowledge/blocks/figures.html"
        preview_template = PREVIEW_TEMPLATE
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
        return bar_chart([(row["label"], row["value"]) for row in value["rows"]])


def bar_chart(rows):
    """Geometry of a horizontal bar chart for (label, number) rows, drawn as SVG by
    templates/knowledge/includes/bar_chart.html; bars scale to the largest number."""
    values = [Decimal(str(number or 0)) for _label, number in rows]
    largest = max(values, default=0) or 1
    bar_space = FiguresBlock.CHART_WIDTH - FiguresBlock.VALUE_SPACE
    bars = []
    for index, ((label, _number), number) in enumerate(zip(rows, values, strict=True)):
        top = index * FiguresBlock.ROW_HEIGHT
        width = round(float(number / largest) * bar_space, 1)
        bars.append(
            {
                "label": label,
                "value": number,
                "label_y": top + 14,
                "bar_y": top + 20,
                "width": max(width, 1),
                "value_x": max(width, 1) + 6,
                "value_y": top + 20 + FiguresBlock.BAR_HEIGHT - 4,
            }
        )
    return {
        "id": f"chart-{uuid.uuid4().hex[:8]}",
        "width": FiguresBlock.CHART_WIDTH,
        "height": len(rows) * FiguresBlock.ROW_HEIGHT,
        "bar_height": FiguresBlock.BAR_HEIGHT,
        "bars": bars,
    }


def evaluation_question_choices():
    from network.evaluation.models import QUESTIONS

    return [(q.key, f"{number}. {q.text}") for number, q in enumerate(QUESTIONS, start=1)]


class EvaluationResultsBlock(blocks.StructBlock):
    """The results of a municipal staff evaluation survey (network): per question a bar
    chart and its table, the same summary editors see in the admin."""

    title = blocks.CharBlock(label=_("virsraksts"), max_length=200, required=False)
    survey = SnippetChooserBlock("network.EvaluationSurvey", label=_("aptauja"))
    municipality = blocks.PageChooserBlock(
        label=_("pašvaldība"),
        page_type="network.MunicipalityPage",
        required=False,
        help_text=_("Tukšs — visu pašvaldību atbildes kopā."),
    )
    questions = blocks.MultipleChoiceBlock(
        label=_("jautājumi"),
        choices=evaluation_question_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tukšs — visi jautājumi."),
    )
    show_texts = blocks.BooleanBlock(
        label=_("rādīt brīvā teksta atbildes"),
        required=False,
        default=False,
        help_text=_("Atbildes uz abiem atvērtajiem jautājumiem, sagrupētas pa darbības jomām."),
    )

    class Meta:
        icon = "clipboard-list"
        label = _("Aptaujas rezultāti")
        template = "knowledge/blocks/evaluation_results.html"
        preview_template = PREVIEW_TEMPLATE
        description = _(
            "Pašvaldību darbinieku aptaujas rezultāti: diagramma un tabula katram jautājumam."
        )

    def get_preview_value(self):
        """The newest survey with answers, so the preview shows real charts when it can."""
        from network.evaluation.models import EvaluationSurvey

        survey = EvaluationSurvey.objects.filter(invitations__response__isnull=False).first()
        return self.normalize({"title": "Pašvaldību darbinieku vērtējums", "survey": survey})

    def get_preview_context(self, value, parent_context=None):
        context = super().get_preview_context(value, parent_context=parent_context)
        context["is_preview"] = True
        return context

    def get_context(self, value, parent_context=None):
        from network.evaluation.summary import summarise

        context = super().get_context(value, parent_context=parent_context)
        survey = value.get("survey")
        context["summary"] = (
            summarise(
                survey,
                municipality=value.get("municipality"),
                keys=value.get("questions"),
                include_texts=value.get("show_texts"),
            )
            if survey is not None
            else None
        )
        context["id_prefix"] = f"eval-{uuid.uuid4().hex[:6]}-"
        return context


class KnowledgeStreamBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Teksts"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="knowledge/blocks/paragraph.html",
        preview_template=PREVIEW_TEMPLATE,
        preview_value=(
            "<p>Romu mediators veicina saziņu starp pašvaldības iestādēm un romu ģimenēm.</p>"
        ),
        description=_("Formatēts teksts ar sarakstiem un saitēm."),
    )
    heading = HeadingBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    document = DocumentLinkBlock()
    checklist = ChecklistBlock()
    recommendations = RecommendationTableBlock()
    mediator_results = MediatorResultsBlock()
    figures = FiguresBlock()


class SeminarStreamBlock(KnowledgeStreamBlock):
    """A seminar's results may also show a municipal staff survey's results."""

    evaluation_results = EvaluationResultsBlock()


def plain_text(value):
    """The words of a block value, for search indexes: no markup, no chart geometry."""
    if value is None:
        return ""
    if isinstance(value, RichText):
        return strip_tags(value.source)
    if isinstance(value, str):
        return strip_tags(value)
    if isinstance(value, Page):
        return value.title
    if isinstance(value, StructValue):
        # Choice keys ("h2", "done") are not words a reader would search for.
        words = (
            plain_text(bound.value)
            for bound in value.bound_blocks.values()
            if not isinstance(bound.block, blocks.ChoiceBlock | blocks.MultipleChoiceBlock)
        )
        return " ".join(filter(None, words))
    if isinstance(value, ListValue | list | tuple):
        return " ".join(filter(None, (plain_text(child) for child in value)))
    if hasattr(value, "raw_data") and hasattr(value, "__iter__"):  # StreamValue
        return " ".join(filter(None, (plain_text(child.value) for child in value)))
    if hasattr(value, "value") and hasattr(value, "block_type"):  # a stream child
        return plain_text(value.value)
    return ""
