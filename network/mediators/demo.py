"""Demo people of the network: the seed's five mediators, their results, a few demo posts
made only from what the seminar slides say, and demo accounts (example.org, printed once).

No photos, contact details, languages or figures that the seed does not report.
"""

import secrets
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from network.directory.models import MunicipalityPage
from network.mediators.models import (
    FamiliesSupported,
    MediatorIndexPage,
    MediatorLanguage,
    MediatorProfilePage,
)
from network.mediators.permissions import ensure_people_permissions
from network.posts.models import ExperienceIndexPage, ExperiencePostPage
from portal.core import demo_data
from portal.core.demo_data import get_or_create_child
from portal.core.roles import MEDIATORS_GROUP, MODERATORS_GROUP
from taxonomy.models import Topic

PEOPLE_FILE = Path(__file__).resolve().parent / "data" / "demo" / "people.yaml"

DEMO_ACCOUNTS = [
    ("demo-mediators", "Demo", "Mediators", MEDIATORS_GROUP),
    ("demo-moderators", "Demo", "Moderators", MODERATORS_GROUP),
]


def load_people(site, log):
    home = site.root_page.specific
    seed = demo_data.read(PEOPLE_FILE)
    pages = seed["index_pages"]
    mediator_index, _ = get_or_create_child(
        home, MediatorIndexPage, show_in_menus=True, **pages["mediators"]
    )
    experience_index, _ = get_or_create_child(
        home, ExperienceIndexPage, show_in_menus=True, **pages["experience"]
    )
    places = {m.slug: m for m in MunicipalityPage.objects.descendant_of(home)}
    topics = {t.slug: t for t in Topic.objects.all()}
    profiles = create_profiles(seed, mediator_index, places, topics)
    create_posts(seed, experience_index, profiles, places, topics)
    if home.experience_index_page_id is None:
        home.experience_index_page = experience_index
        home.save_revision().publish()
    ensure_people_permissions(mediator_index, experience_index)
    link_seminar_results(profiles)
    ensure_demo_accounts(log)
    log(f"network: {len(profiles)} demo mediator profiles, {len(seed['posts'])} demo posts")


def create_profiles(seed, index_page, places, topics):
    """The seed's mediators under the index page, by slug (existing profiles are kept)."""
    profiles = {}
    for row in seed["mediators"]:
        families = FamiliesSupported(
            period=seed["period"], source=seed["source"], **row["families"]
        )
        profiles[row["slug"]], _ = get_or_create_child(
            index_page,
            MediatorProfilePage,
            row["slug"],
            title=row["title"],
            municipality=places.get(row["municipality"]),
            working_since=row["working_since"],
            bio=row["bio"],
            is_demo=True,
            topics=[topics[t] for t in row["topics"] if t in topics],
            languages=[MediatorLanguage(language=code) for code in row["languages"]],
            families=[families],
        )
    return profiles


def create_posts(seed, index_page, profiles, places, topics):
    """The demo experience posts, each by its mediator (existing posts are kept)."""
    all_said, language_note = seed["all_said"], seed["language_note"]
    for row in seed["posts"]:
        place = row["municipality"]
        get_or_create_child(
            index_page,
            ExperiencePostPage,
            row["slug"],
            title=row["title"],
            author_profile=profiles[row["mediator"]],
            municipality=places.get(place),
            topics=[topics[t] for t in row["topics"] if t in topics],
            main_issues=row["main_issues"],
            challenges=f"{all_said}\n{language_note}" if place != "valmiera" else all_said,
            free_text=seed["demo_note"],
            is_demo=True,
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
