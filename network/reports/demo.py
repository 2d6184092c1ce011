"""Demo monthly reports of the seed's five mediators, September 2019 – April 2020.

How monthly reports map to the seed's figures: the seed reports, per mediator, how many
families (or persons) were supported in the whole period — distinct families, each counted
once. A monthly report counts the families supported in that month, so the same family is in
several months and monthly figures must never be summed. The portal shows a period's figure
as its largest monthly figure; the demo months below rise to the seed's figure and never
exceed it, so every page and the dashboard show exactly the seed's numbers:
Jelgava 30 families, Ventspils 17 regular + 6 occasional, Viļaka 22, Rīga 41 persons,
Valmiera 13. The seed gives no month-by-month figures: the months before the peak are
illustrative (marked "Demo:"), as are the events' days (the first of the month; the seed names
only the December meeting of mediators). Where the seed counts persons (Rīga) families are left
blank, and the other way round.

Cooperation facts name only institutions the seed names (the demo directory), with the staff
member's role where the seed gives one and no names. Ventspils' April report stays a draft;
the demo mediator account ("demo-mediators") is linked to that profile when it has none, so
signing in with it shows a draft and submitted reports.
Idempotent: a report that exists for a mediator and month is left as it is.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from network.directory.demo import DIRECTORY, demo_id
from network.directory.models import Organization
from network.mediators.models import MediatorProfilePage
from network.reports.models import CooperationFact, InstitutionType, MonthlyReport, ReportEvent
from taxonomy.models import Topic

MONTHS = [datetime.date(2019, month, 1) for month in range(9, 13)] + [
    datetime.date(2020, month, 1) for month in range(1, 5)
]
DEMO_ACCOUNT = "demo-mediators"
DEMO_ACCOUNT_PROFILE = "malda-avramenko"
DRAFT = ("malda-avramenko", datetime.date(2020, 4, 1))

# Per profile slug: (regular, occasional, persons) for each month of MONTHS; None = not counted.
FIGURES = {
    "inara-kozlovska": [
        (22, None, None),
        (25, None, None),
        (27, None, None),
        (28, None, None),
        (30, None, None),
        (30, None, None),
        (29, None, None),
        (30, None, None),
    ],
    "malda-avramenko": [
        (14, 3, None),
        (15, 4, None),
        (16, 6, None),
        (17, 5, None),
        (17, 6, None),
        (16, 6, None),
        (17, 5, None),
        (16, 4, None),
    ],
    "marta-panko": [
        (None, None, 30),
        (None, None, 33),
        (None, None, 35),
        (None, None, 38),
        (None, None, 40),
        (None, None, 41),
        (None, None, 39),
        (None, None, 41),
    ],
    "oksana-marcinkevica": [
        (9, None, None),
        (10, None, None),
        (11, None, None),
        (12, None, None),
        (13, None, None),
        (13, None, None),
        (12, None, None),
        (13, None, None),
    ],
    "rasma-zaharenko": [
        (8, None, None),
        (12, None, None),
        (15, None, None),
        (18, None, None),
        (20, None, None),
        (22, None, None),
        (22, None, None),
        (21, None, None),
    ],
}
# Per profile slug: the municipality whose demo directory entries are its partners.
MUNICIPALITY_OF = {
    "inara-kozlovska": "jelgava",
    "malda-avramenko": "ventspils",
    "marta-panko": "riga",
    "oksana-marcinkevica": "valmiera",
    "rasma-zaharenko": "vilaka",
}
HIGHLIGHTS = (
    "Demo: ilustratīva mēneša atskaite no semināra materiāliem; perioda lielākais skaitlis "
    "atbilst semināra slaidos minētajam. {bio}"
)
# Words in an institution's or service's name → its type (first match wins).
TYPE_WORDS = [
    ("izglītības pārvalde", InstitutionType.MUNICIPALITY),
    ("bāriņtiesa", InstitutionType.ORPHANS_COURT),
    ("policij", InstitutionType.POLICE),
    ("sociāl", InstitutionType.SOCIAL),
    ("dzīvokļ", InstitutionType.HOUSING),
    ("namsaimnieks", InstitutionType.HOUSING),
    ("nodarbinātības", InstitutionType.EMPLOYMENT),
    ("infektoloģijas", InstitutionType.HEALTH),
    ("esf projekts", InstitutionType.NGO),
    ("skola", InstitutionType.SCHOOL),
    ("ģimnāzija", InstitutionType.SCHOOL),
    ("pirmsskolas", InstitutionType.SCHOOL),
    ("izglītības", InstitutionType.SCHOOL),
    ("dome", InstitutionType.MUNICIPALITY),
    ("pārvalde", InstitutionType.MUNICIPALITY),
    ("bibliotēk", InstitutionType.OTHER),
]
MEETING = "Romu mediatoru tikšanās (demo)"


def institution_type(org_name, service_name):
    """The type from the organisation's name, else from the service's, else an NGO/project."""
    for text in (org_name.lower(), service_name.lower()):
        for word, kind in TYPE_WORDS:
            if word in text:
                return kind
    return InstitutionType.NGO


def partners(municipality_slug):
    """[(organisation name, type, topic slug, role)] the seed names for a municipality."""
    found, seen = [], set()
    for org_name, service_name, _desc, topic_slugs, areas, roles, _city in DIRECTORY:
        if municipality_slug not in areas or org_name in seen:
            continue
        seen.add(org_name)
        kind = institution_type(org_name, service_name)
        found.append(
            (org_name, kind, topic_slugs[0] if topic_slugs else None, roles[-1] if roles else "")
        )
    return found


def load(site, log):
    profiles = {
        p.slug: p
        for p in MediatorProfilePage.objects.descendant_of(site.root_page).filter(slug__in=FIGURES)
    }
    topics = {t.slug: t for t in Topic.objects.all()}
    created = 0
    for slug, months in FIGURES.items():
        profile = profiles.get(slug)
        if profile is None:
            continue
        partner_rows = partners(MUNICIPALITY_OF[slug])
        for index, (month, figures) in enumerate(zip(MONTHS, months, strict=True)):
            if profile.monthly_reports.filter(month=month).exists():
                continue  # editors or the mediator may have changed it; keep theirs
            created += 1
            make_report(profile, index, month, figures, partner_rows, topics)
    link_demo_account(profiles.get(DEMO_ACCOUNT_PROFILE), log)
    log(f"network: {created} demo monthly reports created")


def make_report(profile, index, month, figures, partner_rows, topics):
    draft = (profile.slug, month) == DRAFT
    regular, occasional, persons = figures
    report = MonthlyReport.objects.create(
        profile=profile,
        month=month,
        families_regular=regular,
        families_occasional=occasional,
        persons=persons,
        highlights=HIGHLIGHTS.format(bio=profile.bio)[:1500],
        is_demo=True,
        status=MonthlyReport.Status.DRAFT if draft else MonthlyReport.Status.SUBMITTED,
        submitted_at=None
        if draft
        else timezone.make_aware(
            datetime.datetime.combine(month, datetime.time(12)) + datetime.timedelta(days=32)
        ),
    )
    report.topics.set(profile.topics.all())
    # Two or three partners a month, taken in turn, so each named institution appears.
    count = min(len(partner_rows), 2 + index % 2)
    for offset in range(count):
        org_name, kind, topic_slug, role = partner_rows[(index * 2 + offset) % len(partner_rows)]
        organization = Organization.objects.filter(id=demo_id("organization", org_name)).first()
        if organization is None:
            continue
        CooperationFact.objects.create(
            report=report,
            organization=organization,
            institution_type=kind,
            staff_role=role,
            topic=topics.get(topic_slug),
        )
    if month.month == 12:
        ReportEvent.objects.create(
            report=report, name=MEETING, date=month, kind=ReportEvent.Kind.ATTENDED
        )


def link_demo_account(profile, log):
    """The demo mediator account writes Ventspils' reports (when neither is linked yet)."""
    user = get_user_model().objects.filter(username=DEMO_ACCOUNT).first()
    if profile is None or user is None or profile.user_id is not None:
        return
    if MediatorProfilePage.objects.filter(user=user).exists():
        return
    profile.user = user
    profile.save_revision().publish()
    log(f"network: demo account '{DEMO_ACCOUNT}' linked to the demo profile {profile.title}")
