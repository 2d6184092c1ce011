"""Choices and sizes shared by the knowledge pages and their listing's filter form."""

from django.utils.translation import gettext_lazy as _

# The listing and topic pages name this many guides and link to the whole list (`celvezi/`).
GUIDES_SHOWN = 5

AUDIENCE_ALL = "all"
AUDIENCES = [
    (AUDIENCE_ALL, _("visi")),
    ("new_mediators", _("jaunie mediatori")),
    ("mediators", _("mediatori")),
    ("municipal_staff", _("pašvaldību darbinieki")),
]
PRACTICE_STATUSES = [
    ("promising", _("daudzsološa — izmēģināta vienā vietā")),
    ("demonstrated", _("apliecināta — pašvaldība redz rezultātus")),
    ("replicated", _("pārņemta — darbojas vairākās pašvaldībās")),
]
