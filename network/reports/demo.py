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
from functools import cache
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone

from network.directory.demo import demo_id, directory
from network.directory.models import Organization
from network.mediators.models import MediatorProfilePage
from network.reports.models import CooperationFact, InstitutionType, MonthlyReport, ReportEvent
from portal.core import demo_data
from taxonomy.models import Topic

SEED_FILE = Path(__file__).resolve().parent / "data" / "demo" / "reports.yaml"


@cache
def seed():
    """`data/demo/reports.yaml`, with its institution types as Python values."""
    data = demo_data.read(SEED_FILE)
    data["type_words"] = [(word, InstitutionType(kind)) for word, kind in data["type_words"]]
    return data


def institution_type(org_name, service_name):
    """The type from the organisation's name, else from the service's, else an NGO/project."""
    for text in (org_name.lower(), service_name.lower()):
        for word, kind in seed()["type_words"]:
            if word in text:
                return kind
    return InstitutionType.NGO


def partners(municipality_slug):
    """[(organisation name, type, topic slug, role)] the seed names for a municipality."""
    found, seen = [], set()
    for entry in directory():
        org_name, topic_slugs, roles = entry["organization"], entry["topics"], entry["roles"]
        if municipality_slug not in entry["areas"] or org_name in seen:
            continue
        seen.add(org_name)
        kind = institution_type(org_name, entry["service"])
        found.append(
            (org_name, kind, topic_slugs[0] if topic_slugs else None, roles[-1] if roles else "")
        )
    return found


def load(site, log):
    data = seed()
    rows = {row["profile"]: row for row in data["mediators"]}
    profiles = {
        p.slug: p
        for p in MediatorProfilePage.objects.descendant_of(site.root_page).filter(slug__in=rows)
    }
    topics = {t.slug: t for t in Topic.objects.all()}
    created = 0
    for slug, row in rows.items():
        profile = profiles.get(slug)
        if profile is None:
            continue
        partner_rows = partners(row["municipality"])
        months = zip(data["months"], row["figures"], strict=True)
        for index, (month, figures) in enumerate(months):
            if profile.monthly_reports.filter(month=month).exists():
                continue  # editors or the mediator may have changed it; keep theirs
            created += 1
            make_report(profile, index, month, figures, partner_rows, topics)
    link_demo_account(profiles.get(data["account_profile"]), data["account"], log)
    log(f"network: {created} demo monthly reports created")


def make_report(profile, index, month, figures, partner_rows, topics):
    data = seed()
    draft = (profile.slug, month) == (data["draft"]["profile"], data["draft"]["month"])
    regular, occasional, persons = figures
    report = MonthlyReport.objects.create(
        profile=profile,
        month=month,
        families_regular=regular,
        families_occasional=occasional,
        persons=persons,
        highlights=data["highlights"].format(bio=profile.bio)[:1500],
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
            report=report, name=data["meeting"], date=month, kind=ReportEvent.Kind.ATTENDED
        )


def link_demo_account(profile, username, log):
    """The demo mediator account writes Ventspils' reports (when neither is linked yet)."""
    user = get_user_model().objects.filter(username=username).first()
    if profile is None or user is None or profile.user_id is not None:
        return
    if MediatorProfilePage.objects.filter(user=user).exists():
        return
    profile.user = user
    profile.save_revision().publish()
    log(f"network: demo account '{username}' linked to the demo profile {profile.title}")
