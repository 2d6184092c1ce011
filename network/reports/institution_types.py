"""An institution's type for a cooperation fact, derived from the catalogue: what mediators
called it before, else what its name says, else "other"."""

import re

from django.db.models import Count

from network.reports.models import CooperationFact, InstitutionType

# Stems of Latvian institution names, in order: a "sociālā dienesta bāriņtiesa" is a bāriņtiesa.
NAME_STEMS = [
    (r"bāriņties", InstitutionType.ORPHANS_COURT),
    (r"polic", InstitutionType.POLICE),
    (r"\bnva\b|nodarbinātīb", InstitutionType.EMPLOYMENT),
    (r"sociāl", InstitutionType.SOCIAL),
    (r"skol|ģimnāzij|bērnudārz|pirmsskol|koledž|universitāt|izglītīb", InstitutionType.SCHOOL),
    (r"slimnīc|veselīb|ārst|poliklīnik|medicīn", InstitutionType.HEALTH),
    (r"mājok|dzīvok|namu pārvald", InstitutionType.HOUSING),
    (r"biedrīb|projekt|nodibinājum|fond|\besf\b", InstitutionType.NGO),
    (r"pašvaldīb|dome|novada|pārvalde|administrācij", InstitutionType.MUNICIPALITY),
]


def institution_type_of(organization):
    """The InstitutionType value for a catalogue organisation (never empty)."""
    earlier = (
        CooperationFact.objects.filter(organization=organization)
        .values("institution_type")
        .annotate(uses=Count("id"))
        .order_by("-uses", "institution_type")
        .first()
    )
    if earlier:
        return earlier["institution_type"]
    name = f"{organization.name} {organization.alternate_name}".lower()
    for stem, kind in NAME_STEMS:
        if re.search(stem, name):
            return kind.value
    return InstitutionType.OTHER.value
