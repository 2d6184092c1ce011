"""The permission matrix: every action of the network for each role, in the admin and on the
public site. `True` means allowed; each row is checked against real requests or Wagtail's
own permission checks."""

import pytest
from django.urls import reverse

from network.posts.models import Reply
from network.tests import people_fixtures

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
        location = response["Location"]
        signing_in = "/admin/login/" in location or "/konts/pieslegties/" in location
        return not signing_in and location != "/admin/"
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
        return client.post(post.url + f"atbildes/{reply.pk}/slept/", {"hidden": "1"})
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


# --- The second factor on the public site's editorial actions (issue 16, point 1) ----------


@pytest.mark.parametrize("role", ["editor", "moderator", "administrator"])
def test_editorial_public_actions_need_the_second_factor(client, users, post, role):
    """A privileged user with an authenticator cannot act with the password alone."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=users[role], name="tālrunis", confirmed=True)
    client.force_login(users[role])
    response = do(client, "invite", post, None)
    assert response["Location"].startswith("/admin/2fa/verify/?next=")
    reply = Reply.objects.create(post=post, author=users["mediator"], body="Slēpjama.")
    reply_hidden = Reply.objects.create(post=post, author=users["mediator"], body="Jau slēpta.")
    Reply.objects.filter(pk=reply_hidden.pk).update(is_hidden=True)
    assert do(client, "hide a reply", post, reply).status_code == 403
    reply.refresh_from_db()
    assert not reply.is_hidden
    assert "Jau slēpta." not in client.get(post.url).content.decode()


def test_mediators_with_a_device_keep_their_own_public_actions(client, users, post):
    """The mediator role is not privileged: posts go through moderation anyway (the admin,
    where they edit pages, asks for the code)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=users["mediator"], name="tālrunis", confirmed=True)
    client.force_login(users["mediator"])
    assert do(client, "write a post", post, None).status_code == 200
    assert client.get("/admin/").status_code == 302


# --- Invitations: who may give which role (issue 16, point 2) ------------------------------

INVITE_MATRIX = {
    # inviter: the roles they may give (mediators may not invite at all)
    "editor": {"Mediatori"},
    "moderator": {"Mediatori", "Redaktori", "Moderatori"},
    "administrator": {"Mediatori", "Redaktori", "Moderatori", "Administratori"},
    "superuser": {"Mediatori", "Redaktori", "Moderatori", "Administratori"},
}
INVITED_ROLES = ["Mediatori", "Redaktori", "Moderatori", "Administratori"]


@pytest.fixture
def inviters(users, django_user_model):
    made = dict(users)
    made["superuser"] = django_user_model.objects.create_superuser(
        "saknes", "saknes@example.org", "parole-123456"
    )
    return made


@pytest.mark.parametrize("inviter", INVITE_MATRIX)
@pytest.mark.parametrize("role", INVITED_ROLES)
def test_invitation_roles(client, inviters, inviter, role):
    from portal.models import Invitation

    client.force_login(inviters[inviter])
    offered = client.get(reverse("invite")).content.decode()
    assert (f'value="{role}"' in offered) is (role in INVITE_MATRIX[inviter])
    response = client.post(reverse("invite"), {"email": "jauns@example.org", "role": role})
    expected = role in INVITE_MATRIX[inviter]
    assert response.status_code == (302 if expected else 400), f"{inviter} → {role}"
    assert Invitation.objects.filter(role=role).exists() is expected


# --- What mediators see in the admin (issue 16, point 4) ----------------------------------

SECRET = "Bertas neizdevies melnraksts"
OWN_DRAFT = "Annas pirmais melnraksts"


@pytest.fixture
def drafts(experience_index, users, profile, other_profile):
    """An unpublished post of each mediator, with its history entry."""
    from network.posts.models import ExperiencePostPage

    made = {}
    for role, title, author in [
        ("other_mediator", SECRET, other_profile),
        ("mediator", OWN_DRAFT, profile),
    ]:
        page = ExperiencePostPage(
            title=title, slug=f"melnraksts-{role}", live=False, author_profile=author
        )
        page.owner = users[role]
        experience_index.add_child(instance=page)
        page.save_revision(user=users[role], log_action=True)
        made[role] = page
    return made


ADMIN_VIEWS = {
    "page search": lambda index: reverse("wagtailadmin_pages:search") + "?q=melnraksts",
    "chooser search": lambda index: reverse("wagtailadmin_choose_page_search") + "?q=melnraksts",
    "chooser browse": lambda index: reverse("wagtailadmin_choose_page_child", args=[index.pk]),
    "explorer": lambda index: reverse("wagtailadmin_explore", args=[index.pk]),
    "site history": lambda index: reverse("wagtailadmin_reports:site_history"),
}


@pytest.mark.parametrize("view", ADMIN_VIEWS)
@pytest.mark.parametrize(
    ("role", "sees_secret"),
    [("mediator", False), ("editor", True), ("moderator", True), ("administrator", True)],
)
def test_mediators_see_only_their_own_pages_in_the_admin(
    client, users, experience_index, drafts, view, role, sees_secret
):
    client.force_login(users[role])
    response = client.get(ADMIN_VIEWS[view](experience_index))
    assert response.status_code == 200
    html = response.content.decode()
    assert (SECRET in html) is sees_secret, f"{role}: {view}"
    if role == "mediator":
        assert OWN_DRAFT in html, view


def edit_post_as(client, user, post, author_profile, title=None):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    client.force_login(user)
    data = nested_form_data(
        {
            "title": title or post.title,
            "slug": post.slug,
            "author_profile": author_profile.pk,
            "main_issues": post.main_issues,
            "comments": inline_formset([]),
        }
    )
    return client.post(reverse("wagtailadmin_pages:edit", args=[post.pk]), data)


def test_a_mediator_cannot_make_another_mediator_the_author(
    client, users, post, profile, other_profile
):
    response = edit_post_as(
        client, users["mediator"], post, other_profile, title="Jauns virsraksts"
    )
    assert response.status_code == 302
    post.refresh_from_db()
    draft = post.get_latest_revision_as_object()
    assert draft.title == "Jauns virsraksts"  # the edit itself was saved
    assert draft.author_profile == profile
    html = client.get(reverse("wagtailadmin_pages:edit", args=[post.pk])).content.decode()
    assert "Anna Mediatore" in html


def test_a_mediator_writing_in_the_admin_is_the_author(client, users, experience_index, profile):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    from network.posts.models import ExperiencePostPage

    client.force_login(users["mediator"])
    url = reverse(
        "wagtailadmin_pages:add", args=["network", "experiencepostpage", experience_index.pk]
    )
    data = nested_form_data(
        {"title": "Jauns stāsts", "slug": "jauns-stasts", "comments": inline_formset([])}
    )
    assert client.post(url, data).status_code == 302
    assert ExperiencePostPage.objects.get(slug="jauns-stasts").author_profile == profile


@pytest.mark.parametrize("role", ["editor", "moderator", "administrator"])
def test_editors_may_change_the_author(client, users, post, other_profile, role):
    response = edit_post_as(client, users[role], post, other_profile)
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.get_latest_revision_as_object().author_profile == other_profile
