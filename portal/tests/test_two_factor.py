import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db


def _code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redaktore", "r@example.org", "pw-12345678")


def test_admin_without_a_device_needs_no_second_factor(client, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_admin_with_a_device_must_give_its_code(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="tālrunis", confirmed=True)
    client.force_login(editor)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/verify/?next=")

    wrong = client.post("/admin/2fa/verify/", {"token": "000000", "next": "/admin/pages/"})
    assert wrong.status_code == 400
    assert "Kods nav pareizs" in wrong.content.decode()

    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    right = client.post("/admin/2fa/verify/", {"token": _code(device), "next": "/admin/pages/"})
    assert right.status_code == 302
    assert right["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_verify_refuses_an_offsite_next_url(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="tālrunis", confirmed=True)
    client.force_login(editor)
    response = client.post(
        "/admin/2fa/verify/", {"token": _code(device), "next": "https://evil.example.org/"}
    )
    assert response["Location"] == "/admin/"


def test_setting_up_an_authenticator_confirms_the_device(client, editor):
    client.force_login(editor)
    page = client.get("/admin/2fa/setup/")
    assert page.status_code == 200
    assert "otpauth://totp/" in page.content.decode()
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    wrong = client.post("/admin/2fa/setup/", {"token": "12"})
    assert wrong.status_code == 400
    assert "otpauth://totp/" in wrong.content.decode()  # the secret is still there to scan
    response = client.post("/admin/2fa/setup/", {"token": _code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


def test_required_two_factor_sends_users_without_a_device_to_setup(client, editor, settings):
    settings.ADMIN_2FA_REQUIRED = True
    client.force_login(editor)
    response = client.get("/admin/")
    assert response["Location"].startswith("/admin/2fa/setup/")


# --- A password alone never makes a verified session (issue 16, point 1) ---


def test_setup_is_refused_to_a_password_only_session_once_a_device_exists(client, editor):
    """Setting up a second authenticator must not be a way around the first one."""
    TOTPDevice.objects.create(user=editor, name="tālrunis", confirmed=True)
    client.force_login(editor)
    response = client.get("/admin/2fa/setup/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/2fa/verify/?next=%2Fadmin%2Fpages%2F"
    assert not TOTPDevice.objects.filter(user=editor, confirmed=False).exists()

    # A code for a device the attacker made up earlier does not verify the session either.
    stray = TOTPDevice.objects.create(user=editor, name="svešs", confirmed=False)
    response = client.post("/admin/2fa/setup/", {"token": _code(stray)})
    assert response["Location"].startswith("/admin/2fa/verify/")
    stray.refresh_from_db()
    assert not stray.confirmed
    assert client.get("/admin/").status_code == 302
    page = client.get(response["Location"])
    assert "Jums jau ir autentifikators" in page.content.decode()


def test_a_verified_session_may_add_another_device(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="tālrunis", confirmed=True)
    client.force_login(editor)
    client.post("/admin/2fa/verify/", {"token": _code(device), "next": "/admin/"})
    assert client.get("/admin/2fa/setup/").status_code == 200
    second = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert client.post("/admin/2fa/setup/", {"token": _code(second)}).status_code == 302
    second.refresh_from_db()
    assert second.confirmed


@pytest.fixture
def group_editor(django_user_model):
    from django.contrib.auth.models import Group

    from portal.core.roles import EDITORS_GROUP, ensure_role_groups

    ensure_role_groups()
    user = django_user_model.objects.create_user("grupas-redaktore", "g@example.org", "pw-1234567")
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


def test_public_editorial_views_need_the_second_factor_too(client, group_editor):
    """/konts/uzaicinat/ is outside /admin/, but inviting is an editor's power all the same."""
    from portal.models import Invitation

    device = TOTPDevice.objects.create(user=group_editor, name="tālrunis", confirmed=True)
    client.force_login(group_editor)
    response = client.get("/konts/uzaicinat/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/2fa/verify/?next=%2Fkonts%2Fuzaicinat%2F"
    response = client.post("/konts/uzaicinat/", {"email": "x@example.org", "role": "Mediatori"})
    assert response["Location"].startswith("/admin/2fa/verify/")
    assert not Invitation.objects.exists()

    right = client.post("/admin/2fa/verify/", {"token": _code(device), "next": "/konts/uzaicinat/"})
    assert right["Location"] == "/konts/uzaicinat/"
    assert client.get("/konts/uzaicinat/").status_code == 200


def test_required_two_factor_sends_editors_of_public_views_to_setup(client, group_editor, settings):
    settings.ADMIN_2FA_REQUIRED = True
    client.force_login(group_editor)
    response = client.get("/konts/uzaicinat/")
    assert response["Location"] == "/admin/2fa/setup/?next=%2Fkonts%2Fuzaicinat%2F"


# --- The portal's own sign-in asks the code before signing in (issue 20) ---

PORTAL_PASSWORD = "Garš-un-drošs-2024"


@pytest.fixture
def mediator_with_device(django_user_model):
    from django.contrib.auth.models import Group

    from portal.core.roles import MEDIATORS_GROUP, ensure_role_groups

    ensure_role_groups()
    user = django_user_model.objects.create_user(
        "maija@example.org", "maija@example.org", PORTAL_PASSWORD, first_name="Maija"
    )
    user.groups.add(Group.objects.get(name=MEDIATORS_GROUP))
    device = TOTPDevice.objects.create(user=user, name="tālrunis", confirmed=True)
    return user, device


def _portal_sign_in(client, next_url=None):
    data = {"username": "maija@example.org", "password": PORTAL_PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post("/konts/pieslegties/", data)


def test_portal_sign_in_asks_the_code_before_signing_in(client, mediator_with_device):
    user, device = mediator_with_device
    response = _portal_sign_in(client)
    assert response.status_code == 302
    assert response["Location"] == "/konts/pieslegties/kods/?next=%2Fmans-darbs%2F"
    assert "_auth_user_id" not in client.session  # a password alone signs nobody in
    assert client.get("/mans-darbs/")["Location"] == "/konts/pieslegties/?next=/mans-darbs/"

    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert "<h1>Kods no autentifikatora</h1>" in html
    assert 'autocomplete="one-time-code"' in html
    assert "wagtail" not in html.lower()

    wrong = client.post("/konts/pieslegties/kods/", {"token": "000000", "next": "/mans-darbs/"})
    assert wrong.status_code == 400
    text = wrong.content.decode()
    assert "Kods nav pareizs vai ir novecojis" in text
    assert 'name="next" value="/mans-darbs/"' in text  # where the user was going is kept
    assert "_auth_user_id" not in client.session

    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    right = client.post(
        "/konts/pieslegties/kods/", {"token": _code(device), "next": "/mans-darbs/"}
    )
    assert right.status_code == 302 and right["Location"] == "/mans-darbs/"
    assert int(client.session["_auth_user_id"]) == user.pk
    assert client.get("/mans-darbs/").status_code == 200


def test_portal_sign_in_keeps_next_through_the_code(client, mediator_with_device):
    _user, device = mediator_with_device
    response = _portal_sign_in(client, next_url="/atskaites/")
    assert response["Location"] == "/konts/pieslegties/kods/?next=%2Fatskaites%2F"
    right = client.post("/konts/pieslegties/kods/", {"token": _code(device), "next": "/atskaites/"})
    assert right["Location"] == "/atskaites/"
    offsite = client.post(
        "/konts/pieslegties/kods/", {"token": _code(device), "next": "https://evil.example.org/"}
    )
    assert offsite["Location"].startswith("/konts/pieslegties/")  # no pending sign-in any more


def test_the_code_page_without_a_password_first_sends_to_sign_in(client, mediator_with_device):
    _user, device = mediator_with_device
    response = client.post("/konts/pieslegties/kods/", {"token": _code(device)})
    assert response.status_code == 302
    assert response["Location"] == "/konts/pieslegties/?next=/mans-darbs/"
    assert "_auth_user_id" not in client.session


def test_an_editor_signed_in_with_the_code_opens_editorial_pages_at_once(client, group_editor):
    device = TOTPDevice.objects.create(user=group_editor, name="tālrunis", confirmed=True)
    response = client.post(
        "/konts/pieslegties/",
        {"username": "grupas-redaktore", "password": "pw-1234567", "next": "/konts/uzaicinat/"},
    )
    assert response["Location"].startswith("/konts/pieslegties/kods/")
    client.post("/konts/pieslegties/kods/", {"token": _code(device), "next": "/konts/uzaicinat/"})
    assert client.get("/konts/uzaicinat/").status_code == 200
    assert client.get("/admin/").status_code == 200


def test_portal_sign_in_without_a_device_is_one_step(client, group_editor):
    response = client.post(
        "/konts/pieslegties/", {"username": "grupas-redaktore", "password": "pw-1234567"}
    )
    assert response["Location"] == "/mans-darbs/"
    assert "_auth_user_id" in client.session


@pytest.mark.parametrize("url", ["/mans-darbs/", "/mans-darbs/profils/1/", "/mans-darbs/stasts/1/"])
def test_a_session_signed_in_elsewhere_gives_the_code_before_my_work(
    client, mediator_with_device, url
):
    """Signed in on the admin's login page, the password alone does not open "Mans darbs"."""
    user, device = mediator_with_device
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/verify/?next=")
    client.post("/admin/2fa/verify/", {"token": _code(device), "next": "/mans-darbs/"})
    assert client.get("/mans-darbs/").status_code == 200
