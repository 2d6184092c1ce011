"""How content carries concepts: the `concepts` field services and pages share, and its chooser
in the admin (checkboxes grouped by topic, with a filter box)."""

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel

CONCEPTS_HELP = _(
    "Ko šis saturs piedāvā vai par ko tas ir, vārdnīcas jēdzienos. Meklēšana pēc tiem atrod "
    "saturu arī tad, ja jautājumā ir citi vārdi: sinonīmi, sarunvaloda, saīsinājumi, angliski. "
    "Izvēlieties dažus precīzākos; jaunus jēdzienus pievieno izvēlnē “Vārdnīca”."
)


def concepts_field(related_name):
    """The `concepts` relation of a service or page."""
    return ParentalManyToManyField(
        "taxonomy.Concept",
        verbose_name=_("jēdzieni"),
        related_name=related_name,
        blank=True,
        help_text=CONCEPTS_HELP,
    )


class ConceptChooser(forms.CheckboxSelectMultiple):
    """Checkboxes grouped by the concepts' topics, with a box that filters them as one types."""

    class Media:
        js = ["js/concept-chooser.js"]

    def optgroups(self, name, value, attrs=None):
        topic_names = self.topic_names()
        groups = {}
        for _group, options, _index in super().optgroups(name, value, attrs):
            for option in options:
                topic = topic_names.get(str(option["value"]), "")
                groups.setdefault(topic, []).append(option)
        ordered = sorted(groups.items(), key=lambda item: (item[0] == "", item[0]))
        return [
            (topic or _("Bez tēmas"), options, index)
            for index, (topic, options) in enumerate(ordered)
        ]

    def topic_names(self):
        """Concept id → its topic's name, in one query."""
        queryset = getattr(self.choices, "queryset", None)
        if queryset is None:
            return {}
        return {str(pk): name or "" for pk, name in queryset.values_list("pk", "topic__name")}

    def render(self, name, value, attrs=None, renderer=None):
        checkboxes = super().render(name, value, attrs, renderer)
        return format_html(
            '<div class="concept-chooser" data-concept-chooser>'
            '<input type="search" data-concept-filter placeholder="{}" aria-label="{}">{}</div>',
            _("Atlasīt jēdzienus…"),
            _("Atlasīt jēdzienus pēc nosaukuma"),
            checkboxes,
        )


def concepts_panel():
    return FieldPanel("concepts", widget=ConceptChooser)
