"""The permission matrix: every action of the network for each role, in the admin and on the
public site. `True` means allowed; each row is checked against real requests or Wagtail's
own permission checks."""

import pytest
from django.urls import reverse

from network.models import Reply

from . import people_fixtures

# The shared fixtures of the people tests (assigned, so pytest finds them here).
experience_index = people_fixtures.experience_index
mediator_index = people_fixtures.mediator_index
other_profile = people_fixtures.other_profile
post = people_fixtures.post
profile = people_fixtures.profile
sections = people_fixtures.sections
users = people_fixtures.users

ROLES = ["anonymous", "mediator", "other_mediator", "editor", "moderator", "administrator"]
STAFF = ["mediator", "other_mediator", "editor", "moderator", "administrator"]


def login(client, users, role):
    if role != "anonymous":
        client.force_login(users[role])


def allowed(response):
    """2xx, or a redirect that is not to the login page."""
    if response.status_code == 302:
        return "/admin/login/" not in response["Location"] and response["Location"] != "/admin/"
    return response.status_code == 200


# --- The admin: Wagtail's page permissions -------------------------------------------------

ADMIN_MATRIX = {
    # action: (mediator on own page, other mediator, editor, moderator, administrator)
    "edit own profile": (True, False, True, True, True),
    "publish profile": (False, False, False, True, True),
    "edit own post": (True, False, True, True, True),
    "publish post": (False, False, False, True, True),
    "delete published profile": (False, False, False, True, True),
    "delete published post": (False, False, False, True, True),
}


@pytest.mark.parametrize("action", ADMIN_MATRIX)
@pytest.mark.parametrize("index", range(len(STAFF)))
def test_admin_page_permissions(action, index, users, profile, post):
    role = STAFF[index]
    page = profile if "profile" in action else post
    permissions = page.permissions_for_user(users[role])
    checks = {
        "edit": permissions.can_edit,
        "publish": permissions.can_publish,
        "delete": permissions.can_delete,
    }
    result = checks[action.split()[0]]()
    assert result is ADMIN_MATRIX[action][index], f"{role}: {action}"


@pytest.mark.parametrize(
    ("role", "expected"),
    [("mediator", True), ("other_mediator", False), ("editor", True), ("moderator", True)],
)
def test_admin_edit_view_of_a_profile(client, users, profile, role, expected):
    client.force_login(users[role])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[profile.pk]))
    assert (response.status_code == 200) is expected


@pytest.mark.parametrize(
    ("role", "status"),
    [("mediator", 302), ("editor", 200), ("moderator", 200), ("administrator", 200)],
)
def test_only_editors_create_profiles_in_the_admin(client, users, mediator_index, role, status):
    """Wagtail's admin answers a refusal by sending the user back to the dashboard."""
    client.force_login(users[role])
    url = reverse(
        "wagtailadmin_pages:add", args=["network", "mediatorprofilepage", mediator_index.pk]
    )
    response = client.get(url)
    assert response.status_code == status
    if status == 302:
        assert response["Location"] == reverse("wagtailadmin_home")


def test_mediators_cannot_change_the_account_link_of_their_profile(client, users, profile):
    client.force_login(users["mediator"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[profile.pk])).content.decode()
    assert 'name="user"' not in html
    client.force_login(users["editor"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[profile.pk])).content.decode()
    assert 'name="user"' in html


# --- The public site ---------------------------------------------------------------------

PUBLIC_MATRIX = {
    # action: allowed for (anonymous, mediator (owner), other mediator, editor, moderator, admin)
    "write a post": (False, True, True, False, False, False),
    "edit own post": (False, True, False, False, False, False),
    "reply": (False, True, True, True, True, True),
    "hide a reply": (False, False, False, False, True, True),
    "invite": (False, False, False, True, True, True),
}


def do(client, action, post, reply):
    if action == "write a post":
        return client.get(post.get_parent().specific.url + "rakstit/")
    if action == "edit own post":
        return client.get(post.url + "labot/")
    if action == "reply":
        return client.post(post.url + "atbildet/", {"body": "Paldies par pieredzi!"})
    if action == "hide a reply":
        return client.post(post.url + f"atbildes/{reply.pk}/slept/")
    return client.get(reverse("invite"))


@pytest.mark.parametrize("action", PUBLIC_MATRIX)
@pytest.mark.parametrize("index", range(len(ROLES)))
def test_public_actions(client, users, post, action, index):
    role = ROLES[index]
    login(client, users, role)
    reply = Reply.objects.create(post=post, author=users["editor"], body="Labi!")
    response = do(client, action, post, reply)
    expected = PUBLIC_MATRIX[action][index]
    assert allowed(response) is expected, f"{role}: {action} → {response.status_code}"
    if not expected:
        # Anonymous visitors are sent to sign in; signed-in members get 403, never a 500.
        assert response.status_code == (302 if role == "anonymous" else 403)
    reply.refresh_from_db()
    assert reply.is_hidden is (action == "hide a reply" and expected)


@pytest.mark.parametrize("role", ROLES)
def test_everyone_reads_published_profiles_and_posts(client, users, profile, post, role):
    login(client, users, role)
    assert client.get(profile.url).status_code == 200
    assert client.get(post.url).status_code == 200


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("mediator", False),
        ("other_mediator", False),
        ("editor", True),
        ("moderator", True),
        ("administrator", True),
    ],
)
def test_only_editorial_roles_edit_the_directory(client, users, role, expected):
    user = users[role]
    assert user.has_perm("network.change_service") is expected
    assert user.has_perm("network.change_changerequest") is expected
    client.force_login(user)
    response = client.get(reverse("wagtailsnippets_network_service:list"))
    assert (response.status_code == 200) is expected


@pytest.mark.parametrize("role", ROLES)
def test_everyone_may_suggest_a_directory_edit(client, users, role):
    from network.factories import ServiceFactory

    service = ServiceFactory()
    login(client, users, role)
    response = client.get(reverse("network:suggest_edit", args=[service.pk]))
    assert response.status_code == 200
