"""The shared kit's one model: outgoing mail, which portal.core.mail stores and sends."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingMail(models.Model):
    """Every e-mail the portal sends, stored with the action that causes it: sent after the
    commit (portal.core.mail), retried by `send_pending_mail` when the server failed."""

    subject = models.TextField(_("temats"))
    body = models.TextField(_("teksts"))
    from_email = models.CharField(_("sūtītājs"), max_length=254)
    recipients = models.JSONField(_("saņēmēji"), default=list)
    headers = models.JSONField(_("galvenes"), default=dict, blank=True)
    created = models.DateTimeField(_("izveidots"), auto_now_add=True)
    sent_at = models.DateTimeField(_("nosūtīts"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("mēģinājumi"), default=0)
    last_error = models.TextField(_("pēdējā kļūda"), blank=True)

    class Meta:
        verbose_name = _("izejošā vēstule")
        verbose_name_plural = _("izejošās vēstules")
        ordering = ["-created"]
        indexes = [
            models.Index(
                fields=["created"],
                name="portal_outgoing_unsent_idx",
                condition=models.Q(sent_at__isnull=True),
            )
        ]

    def __str__(self):
        return self.subject

    @property
    def to(self):
        return ", ".join(self.recipients)
