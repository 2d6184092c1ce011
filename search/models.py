from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PendingIndexUpdate(models.Model):
    """A change the search index has not received yet (Elasticsearch was down or failed).

    The next successful index update retries these; `manage.py search_index --sync` fixes
    everything and empties this list.
    """

    class Action(models.TextChoices):
        UPDATE = "update", _("atjaunināt")
        DELETE = "delete", _("dzēst")

    doc_id = models.CharField(_("dokumenta ID"), max_length=200, unique=True)
    model_label = models.CharField(_("modelis"), max_length=100)
    object_id = models.CharField(_("objekta ID"), max_length=64)
    action = models.CharField(_("darbība"), max_length=10, choices=Action.choices)
    attempts = models.PositiveIntegerField(_("mēģinājumi"), default=1)
    last_error = models.TextField(_("pēdējā kļūda"), blank=True)
    created_at = models.DateTimeField(_("izveidots"), auto_now_add=True)
    updated_at = models.DateTimeField(_("pēdējais mēģinājums"), auto_now=True)

    class Meta:
        ordering = ["updated_at"]
        verbose_name = _("neizpildīta indeksa izmaiņa")
        verbose_name_plural = _("neizpildītas indeksa izmaiņas")

    def __str__(self):
        return f"{self.get_action_display()} {self.doc_id}"


class SearchLog(models.Model):
    """One search: what was asked (normalised, personal data hidden), how it went and which
    result was opened. Nothing that identifies who asked; rows are kept 12 months."""

    class Source(models.TextChoices):
        PAGE = "page", _("meklēšanas lapa")
        API = "api", _("API")

    query = models.CharField(_("jautājums"), max_length=255)
    locale = models.CharField(_("valoda"), max_length=8)
    engine = models.CharField(_("meklētājs"), max_length=20)
    result_count = models.PositiveIntegerField(_("rezultātu skaits"))
    source = models.CharField(_("kur meklēts"), max_length=8, choices=Source.choices)
    # A later page, a filter or a removed chip: the same question narrowed, not asked anew.
    refined = models.BooleanField(_("precizēts"), default=False)
    clicked_position = models.PositiveSmallIntegerField(
        _("atvērtā rezultāta vieta"), null=True, blank=True
    )
    created_on = models.DateField(_("datums"), default=timezone.localdate, db_index=True)

    class Meta:
        verbose_name = _("meklējums")
        verbose_name_plural = _("meklējumi")

    def __str__(self):
        return f"{self.created_on} {self.query}"
