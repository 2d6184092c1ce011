"""Fixtures of the people tests: both sections, one user per role, profiles and posts."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Site

from network.mediators.models import MediatorIndexPage, MediatorLanguage, MediatorProfilePage
from network.mediators.permissions import ensure_people_permissions
from network.posts.models import ExperienceIndexPage, ExperiencePostPage
from portal.core.bulk_saves import deferred_indexing
from portal.core.roles import (
    ADMINISTRATORS_GROUP,
    EDITORS_GROUP,
    MEDIATORS_GROUP,
    MODERATORS_GROUP,
)
from portal.tests.fixtures import bare_site, register_seed

ROLE_GROUPS = {
    "mediator": MEDIATORS_GROUP,
    "other_mediator": MEDIATORS_GROUP,
    "editor": EDITORS_GROUP,
    "moderator": MODERATORS_GROUP,
    "administrator": ADMINISTRATORS_GROUP,
}


def publish(parent, page):
    with deferred_indexing():  # one index update per page instead of one per save
        parent.add_child(instance=page)
        page.save_revision().publish()
    page.refresh_from_db()
    return page


MEDIATOR_SLUG, EXPERIENCE_SLUG = "mediatori-testiem", "pieredze-testiem"


def build_sections():
    """Both sections below the site's root, with the people permissions and moderation."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:  # a transactional test flushed even Wagtail's initial site
        site = bare_site()
    root = site.root_page
    mediators = publish(root, MediatorIndexPage(title="Mediatori", slug=MEDIATOR_SLUG))
    experience = publish(root, ExperienceIndexPage(title="Pieredze", slug=EXPERIENCE_SLUG))
    ensure_people_permissions(mediators, experience)
    return mediators, experience


@pytest.fixture
def sections(db):
    """On PostgreSQL built once per session (see `register_seed`); here where it is not."""
    mediators = MediatorIndexPage.objects.filter(slug=MEDIATOR_SLUG).first()
    experience = ExperienceIndexPage.objects.filter(slug=EXPERIENCE_SLUG).first()
    if mediators is None or experience is None:
        return build_sections()
    return mediators, experience


register_seed("sections", "people", build_sections)


@pytest.fixture
def mediator_index(sections):
    return sections[0]


@pytest.fixture
def experience_index(sections):
    return sections[1]


@pytest.fixture
def users(sections):
    """One user per role (the groups exist once `sections` has set permissions up)."""
    made = {}
    for role, group_name in ROLE_GROUPS.items():
        user = get_user_model().objects.create_user(
            role, f"{role}@example.org", "parole-123456", first_name=role.title()
        )
        user.groups.add(Group.objects.get(name=group_name))
        made[role] = user
    return made


@pytest.fixture
def profile(mediator_index, users, municipality, topics):
    page = MediatorProfilePage(
        title="Anna Mediatore",
        slug="anna",
        user=users["mediator"],
        municipality=municipality,
        public_email="anna@example.org",
        public_phone="+371 20000001",
        bio="Strādāju ar skolām.",
        topics=[topics["izglitiba"]],
        languages=[MediatorLanguage(language="rom"), MediatorLanguage(language="lv")],
    )
    return publish(mediator_index, page)


@pytest.fixture
def other_profile(mediator_index, users, other_municipality, topics):
    page = MediatorProfilePage(
        title="Berta Mediatore",
        slug="berta",
        user=users["other_mediator"],
        municipality=other_municipality,
        topics=[topics["majoklis"]],
        languages=[MediatorLanguage(language="ru")],
    )
    return publish(mediator_index, page)


def make_post(experience_index, owner, title="Pieredze skolā", **fields):
    fields.setdefault("main_issues", "Skolas kavējumi.")
    page = ExperiencePostPage(title=title, slug=f"stasts-{ExperiencePostPage.objects.count()}")
    for name, value in fields.items():
        setattr(page, name, value)
    page.owner = owner
    return publish(experience_index, page)


@pytest.fixture
def post(experience_index, users, profile):
    return make_post(experience_index, users["mediator"], author_profile=profile)
