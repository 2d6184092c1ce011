"""The shared words: topics (fields of a mediator's work) that every app and the search use.

This app depends on no other app of the portal; every app may import it.
"""

import re

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
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
