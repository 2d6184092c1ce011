"""The monthly reports' guard against clients' personal data in free text: refuses what
portal.core.personal_data finds, and the message says what to remove."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.core.personal_data import KINDS, find_person_names, find_personal_data


def personal_data_error(text, field_label):
    """A ValidationError naming the field and what looks like personal data, or None."""
    kinds = find_personal_data(text)
    if not kinds:
        return None
    return forms.ValidationError(
        _(
            "Laukā “%(field)s” izskatās pēc klienta personas datiem (%(kinds)s). Atskaitē "
            "raksta tikai kopsavilkumu: izņemiet tos. Datumus rakstiet bez gada, piemēram, "
            "“12. martā”."
        ),
        code="personal_data",
        params={"field": field_label, "kinds": ", ".join(str(KINDS[kind]) for kind in kinds)},
    )


class PersonalDataGuardMixin:
    """Refuses personal data in the form's free-text fields (`guarded_fields`)."""

    guarded_fields = ()

    def clean(self):
        cleaned = super().clean()
        for name in self.guarded_fields:
            error = personal_data_error(cleaned.get(name), self.fields[name].label)
            if error is not None:
                self.add_error(name, error)
        return cleaned


def person_name_warning(text):
    """A warning (not an error) when the text seems to name a person, or ""."""
    names = find_person_names(text)
    if not names:
        return ""
    return _(
        "Izskatās pēc personas vārda: %(names)s. Ja tas ir klients vai ģimenes loceklis, "
        "izņemiet to: atskaitē nav datu par ģimenēm. Iestādes darbinieku drīkst nosaukt tikai "
        "ar viņa piekrišanu."
    ) % {"names": ", ".join(f"“{name}”" for name in names)}


def mark_name_warnings(form):
    """Puts a warning beside each guarded field whose value seems to name a person."""
    for name in getattr(form, "warned_fields", ()):
        value = form[name].value()
        form[name].name_warning = person_name_warning(value if isinstance(value, str) else "")
