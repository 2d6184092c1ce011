"""One-line text refuses control characters: a line break in a title ends up in e-mail subjects
(BadHeaderError), breaks CSV/XLSX exports and can't be typed into a one-line input anyway."""

import unicodedata

from django import forms
from django.contrib.auth.password_validation import MinimumLengthValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


def validate_single_line(value):
    """Refuses line breaks, tabs and every other control character (Unicode category Cc)."""
    if isinstance(value, str) and any(unicodedata.category(char) == "Cc" for char in value):
        raise ValidationError(
            _(
                "Šajā laukā jābūt vienai rindiņai: izņemiet rindiņu pārnesumus, tabulāciju un "
                "citas vadības rakstzīmes."
            ),
            code="control_characters",
        )


def is_single_line(field):
    """A text field shown as a one-line input (not a textarea, not a file)."""
    widget = field.widget
    return (
        isinstance(field, forms.CharField)
        and isinstance(widget, forms.widgets.Input)
        and not isinstance(widget, forms.FileInput)
    )


class SingleLineFieldsMixin:
    """Every one-line text field of the form refuses control characters."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if is_single_line(field) and validate_single_line not in field.validators:
                field.validators.append(validate_single_line)


class PasswordLengthValidator(MinimumLengthValidator):
    """Django's length rule in the portal's own Latvian: Django's catalogue picks the wrong
    Latvian plural ("vismaz 12 rakstzīmei")."""

    def get_error_message(self):
        return ngettext(
            "Parole ir par īsu: tajā jābūt vismaz %(min_length)d rakstzīmei.",
            "Parole ir par īsu: tajā jābūt vismaz %(min_length)d rakstzīmēm.",
            self.min_length,
        ) % {"min_length": self.min_length}

    def get_help_text(self):
        return ngettext(
            "Parolē jābūt vismaz %(min_length)d rakstzīmei.",
            "Parolē jābūt vismaz %(min_length)d rakstzīmēm.",
            self.min_length,
        ) % {"min_length": self.min_length}
