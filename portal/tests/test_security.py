import pytest

pytestmark = pytest.mark.django_db


def test_public_pages_carry_a_strict_content_security_policy(client, demo_site):
    policy = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_public_templates_have_no_inline_script_or_style(client, demo_site):
    html = client.get("/").content.decode()
    assert "<script>" not in html
    assert " style=" not in html
    assert "<style" not in html


def test_repeated_failed_logins_are_locked_out(client, settings, django_user_model):
    settings.AXES_ENABLED = True
    django_user_model.objects.create_user("mediators", password="a-correct-password-1")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post("/admin/login/", {"username": "mediators", "password": "wrong"})
        assert response.status_code == 200  # the form again, with an error
    last = client.post("/admin/login/", {"username": "mediators", "password": "wrong"})
    assert last.status_code == 429
    locked = client.post(
        "/admin/login/", {"username": "mediators", "password": "a-correct-password-1"}
    )
    assert locked.status_code == 429
    assert "Pārāk daudz neveiksmīgu mēģinājumu" in locked.content.decode()


def test_a_correct_login_before_the_limit_still_works(client, settings, django_user_model):
    settings.AXES_ENABLED = True
    django_user_model.objects.create_user("mediators", password="a-correct-password-1")
    client.post("/admin/login/", {"username": "mediators", "password": "wrong"})
    response = client.post(
        "/admin/login/", {"username": "mediators", "password": "a-correct-password-1"}
    )
    assert response.status_code == 302


def test_a_forged_forwarded_for_header_does_not_escape_the_lockout(
    client, settings, django_user_model
):
    settings.AXES_ENABLED = True
    django_user_model.objects.create_user("mediators", password="a-correct-password-1")
    for number in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/admin/login/",
            {"username": "mediators", "password": "wrong"},
            HTTP_X_FORWARDED_FOR=f"10.0.0.{number}",  # never sent anywhere: a header value only
        )
    locked = client.post(
        "/admin/login/",
        {"username": "mediators", "password": "a-correct-password-1"},
        HTTP_X_FORWARDED_FOR="10.0.0.99",
    )
    assert locked.status_code == 429
