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
    assert wrong.status_code == 200
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
