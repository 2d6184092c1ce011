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
