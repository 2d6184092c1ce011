"""The shared words: topics (fields of a mediator's work) that every app and the search use.

This app depends on no other app of the portal; every app may import it.
"""

import re

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.models import RevisionMixin
from wagtail.search import index

CUE_SEPARATORS = re.compile(r"[,;\s]+")


class Topic(index.Indexed, models.Model):
    """A field of a mediator's work, shared by articles, services, profiles and posts."""

    name = models.CharField(_("nosaukums"), max_length=80, unique=True)
    name_en = models.CharField(
        _("nosaukums angliski"), max_length=80, blank=True, help_text=_("Angļu valodas saskarnei.")
    )
    slug = models.SlugField(_("īsais nosaukums URL"), max_length=80, unique=True)
    description = models.TextField(_("apraksts"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("secība"), default=0)
    cue_words = models.TextField(
        _("atpazīšanas vārdi"),
        blank=True,
        help_text=_(
            "Vārdi, pēc kuriem meklēšana saprot, ka jautājums ir par šo tēmu (piemēram, "
            "“īre, parāds, dzīvoklis”). Atdaliet ar komatu vai rakstiet katru savā rindā; "
            "pietiek ar vienu locījumu, garumzīmes nav obligātas."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
        FieldPanel("cue_words"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("tēma")
        verbose_name_plural = _("tēmas")

    def __str__(self):
        return self.label

    @property
    def label(self):
        """The name in the active interface language."""
        if translation.get_language() == "en" and self.name_en:
            return self.name_en
        return self.name

    @property
    def cue_word_list(self):
        """The cue words one by one (commas, semicolons, spaces and new lines separate them)."""
        return [word for word in CUE_SEPARATORS.split(self.cue_words) if word]


TERM_SEPARATORS = re.compile(r"\s*[\n;,]\s*")
# The kinds of terms a concept is found by, best first (an exact label beats a misspelling).
TERM_FIELDS = ("label", "synonyms", "abbreviations", "colloquial", "misspellings", "english")
TERMS_HELP = _("Viens termins katrā rindā (vai atdaliet ar komatu); garumzīmes nav obligātas.")


class Concept(RevisionMixin, index.Indexed, ClusterableModel):
    """A term of the human-services vocabulary (after the AIRS/211 taxonomy): one thing families
    need or services offer, with every word people use for it ("use references") and "see also"
    links. Search maps questions and documents to concepts, so different words meet."""

    slug = models.SlugField(_("īsais nosaukums URL"), max_length=80, unique=True)
    label = models.CharField(
        _("nosaukums"), max_length=120, unique=True, help_text=_("Vēlamais latviskais termins.")
    )
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("tēma"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="concepts",
    )
    broader = models.ForeignKey(
        "self",
        verbose_name=_("plašāks jēdziens"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="narrower",
    )
    related = ParentalManyToManyField(
        "self",
        verbose_name=_("skatīt arī"),
        blank=True,
        symmetrical=False,
        help_text=_("Radniecīgi jēdzieni, ko piedāvāt kopā ar šo."),
    )
    definition = models.TextField(_("skaidrojums"), blank=True)
    synonyms = models.TextField(_("sinonīmi"), blank=True, help_text=TERMS_HELP)
    colloquial = models.TextField(
        _("sarunvalodas vārdi"),
        blank=True,
        help_text=_("Kā cilvēki to sauc ikdienā (piemēram, “zupas virtuve”). ") + TERMS_HELP,
    )
    abbreviations = models.TextField(_("saīsinājumi"), blank=True, help_text=TERMS_HELP)
    misspellings = models.TextField(
        _("biežas kļūdas"),
        blank=True,
        help_text=_("Bieži sastopamas pārrakstīšanās, ko meklēšana lai saprot. ") + TERMS_HELP,
    )
    english = models.TextField(
        _("angliski"),
        blank=True,
        help_text=_("Angļu termini; pirmais ir nosaukums angliski. ") + TERMS_HELP,
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="concept")

    panels = [
        FieldPanel("label"),
        FieldPanel("slug"),
        FieldPanel("topic"),
        FieldPanel("broader"),
        FieldPanel("related"),
        FieldPanel("definition"),
        FieldPanel("synonyms"),
        FieldPanel("colloquial"),
        FieldPanel("abbreviations"),
        FieldPanel("misspellings"),
        FieldPanel("english"),
    ]
    search_fields = [
        index.SearchField("label"),
        index.AutocompleteField("label"),
        index.SearchField("synonyms"),
        index.SearchField("english"),
    ]

    class Meta:
        ordering = ["label"]
        verbose_name = _("jēdziens")
        verbose_name_plural = _("jēdzieni")

    def __str__(self):
        return self.display_label

    @property
    def display_label(self):
        """The label in the active interface language."""
        english = self.term_list("english")
        if translation.get_language() == "en" and english:
            return english[0]
        return self.label

    @property
    def revisions(self):
        return self._revisions

    def term_list(self, field):
        """The terms of one field (see TERM_FIELDS), one by one."""
        value = getattr(self, field)
        if field == "label":
            return [value] if value else []
        return [term for term in TERM_SEPARATORS.split(value) if term]

    def terms(self):
        """(term, field) for every way the concept is written, best kind first."""
        return [(term, field) for field in TERM_FIELDS for term in self.term_list(field)]
