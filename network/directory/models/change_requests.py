from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChangeRequest(models.Model):
    """A visitor's "suggest an edit" for a service; editors apply it by hand, if at all."""

    class Subject(models.TextChoices):
        PHONE = "phone", _("tālrunis")
        EMAIL = "email", _("e-pasts")
        ADDRESS = "address", _("adrese")
        HOURS = "hours", _("darba laiks")
        CONTACT = "contact", _("kontaktpersona")
        CLOSED = "closed", _("pakalpojums vairs nedarbojas")
        OTHER = "other", _("cits")

    class Status(models.TextChoices):
        PENDING = "pending", _("gaida izskatīšanu")
        ACCEPTED = "accepted", _("ņemts vērā")
        REJECTED = "rejected", _("noraidīts")

    service = models.ForeignKey(
        "network.Service",
        verbose_name=_("pakalpojums"),
        on_delete=models.CASCADE,
        related_name="change_requests",
    )
    subject = models.CharField(_("kas jālabo"), max_length=10, choices=Subject.choices)
    message = models.TextField(_("ierosinājums"), max_length=2000)
    contact_email = models.EmailField(
        _("ierosinātāja e-pasts"), blank=True, help_text=_("Ja ierosinātājs vēlas atbildi.")
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lietotājs"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(_("saņemts"), auto_now_add=True)
    status = models.CharField(
        _("statuss"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    editor_note = models.TextField(
        _("redaktora piezīme"), blank=True, help_text=_("Ko darījāt ar šo ierosinājumu.")
    )

    class Meta:
        ordering = ["-created"]
        verbose_name = _("labojuma ierosinājums")
        verbose_name_plural = _("labojumu ierosinājumi")

    def __str__(self):
        return f"{self.service.name}: {self.get_subject_display()}"
