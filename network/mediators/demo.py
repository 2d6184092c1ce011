"""Demo people of the network: the seed's five mediators and a few demo posts made only from
what the seminar slides say (data/demo/people.yaml), and demo accounts (example.org, each
password printed once). No photos, contact details, languages or figures the seed does not report.
"""

import secrets
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from network.directory.models import MunicipalityPage
from network.mediators.models import MediatorProfilePage
from network.mediators.permissions import ensure_people_permissions
from network.posts.models import ExperiencePostPage
from portal.core.demo_data import load_rows
from portal.core.roles import MEDIATORS_GROUP, MODERATORS_GROUP
from taxonomy.models import Topic

PEOPLE_FILE = Path(__file__).resolve().parent / "data" / "demo" / "people.yaml"

DEMO_ACCOUNTS = [
    ("demo-mediators", "Demo", "Mediators", MEDIATORS_GROUP),
    ("demo-moderators", "Demo", "Moderators", MODERATORS_GROUP),
]


def load(site, log):
    home = site.root_page.specific
    refs = {
        "page": {"home": home},
        "municipality": {m.slug: m for m in MunicipalityPage.objects.descendant_of(home)},
        "topic": {topic.slug: topic for topic in Topic.objects.all()},
    }
    created = load_rows(PEOPLE_FILE, refs)
    if home.experience_index_page_id is None:
        home.experience_index_page = refs["page"]["pieredze"]
        home.save_revision().publish()
    ensure_people_permissions(refs["page"]["mediatori"], refs["page"]["pieredze"])
    link_seminar_results(refs["profile"])
    ensure_demo_accounts(log)
    log(
        f"network: {created.get(MediatorProfilePage, 0)} demo mediator profiles, "
        f"{created.get(ExperiencePostPage, 0)} demo posts created"
    )


def link_seminar_results(profiles):
    """The seminar's per-mediator results link to the demo profiles (blank links only)."""
    try:
        seminar_model = apps.get_model("knowledge", "SeminarPage")
    except LookupError:
        return
    by_name = {profile.title: profile for profile in profiles.values()}
    for seminar in seminar_model.objects.all():
        changed = False
        for block in seminar.body:
            if block.block_type != "mediator_results" or block.value.get("profile"):
                continue
            profile = by_name.get(block.value.get("name"))
            if profile is not None:
                block.value["profile"] = profile
                changed = True
        if changed:
            seminar.save_revision().publish()


def ensure_demo_accounts(log):
    """Demo mediator and moderator accounts; each password is printed only when created."""
    user_model = get_user_model()
    for username, first, last, group_name in DEMO_ACCOUNTS:
        if user_model.objects.filter(username=username).exists():
            log(f"network: demo account '{username}' exists")
            continue
        password = secrets.token_urlsafe(12)
        user = user_model.objects.create_user(
            username, f"{username}@example.org", password, first_name=first, last_name=last
        )
        user.groups.add(Group.objects.get(name=group_name))
        log(f"network: demo account created — login: {username} / password: {password}")
