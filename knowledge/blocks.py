"""StreamField blocks of the knowledge pages; each has an editor preview and a description."""

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.struct_block import StructValue
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page
from wagtail.rich_text import RichText

from portal.core.blocks import FiguresBlock, offered_blocks

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
    """A seminar's results may also show blocks other apps offer (the evaluation survey's)."""

    def __init__(self, local_blocks=None, **kwargs):
        super().__init__([*offered_blocks("seminar"), *(local_blocks or [])], **kwargs)


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
