"""Dates inside sentences: Latvian says "2026. gada 19. jūlijā" (the locative: "novecos 2026.
gada 19. jūlijā"), which no date format string gives; English says "19 July 2026"."""

import datetime

from django.utils import formats, timezone
from django.utils.translation import get_language

MONTHS_LOCATIVE = [
    "janvārī",
    "februārī",
    "martā",
    "aprīlī",
    "maijā",
    "jūnijā",
    "jūlijā",
    "augustā",
    "septembrī",
    "oktobrī",
    "novembrī",
    "decembrī",
]


def sentence_date(value):
    """The date as a sentence in the active language says "on <date>"; "" for none."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    if (get_language() or "lv").startswith("lv"):
        return f"{value.year}. gada {value.day}. {MONTHS_LOCATIVE[value.month - 1]}"
    return formats.date_format(value, "j F Y")
