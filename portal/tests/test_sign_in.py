"""The portal's own Latvian sign-in, sign-out and password reset (not Wagtail's admin screens),
and the account links in the public header."""

import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

pytestmark = pytest.mark.django_db

PASSWORD = "Garš-un-drošs-2024"
NEW_PASSWORD = "Cita-gara-parole-2025"


@pytest.fixture
def mediator(django_user_model):
    return django_user_model.objects.create_user(
        "anna@example.org", "anna@example.org", PASSWORD, first_name="Anna"
    )


def sign_in(client, password=PASSWORD, **extra):
    return client.post(
        "/konts/pieslegties/", {"username": "anna@example.org", "password": password, **extra}
    )


def test_sign_in_page_is_latvian_and_the_portals_own(client):
    response = client.get("/konts/pieslegties/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Pieslēgties</h1>" in html
    assert "Lietotājvārds" in html and "Parole" in html
    assert 'href="/konts/parole/"' in html  # "Aizmirsāt paroli?"
    assert "wagtail" not in html.lower()


def test_english_sign_in_page(client):
    response = client.get("/en/konts/pieslegties/")
    assert response.status_code == 200
    assert "Sign in" in response.content.decode()


def test_a_wrong_password_says_so_and_signs_nobody_in(client, mediator):
    response = sign_in(client, password="nepareiza")
    assert response.status_code == 200
    assert "Lietotājvārds vai parole nav pareiza" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_sign_in_leads_to_my_work_or_to_next(client, mediator):
    response = sign_in(client)
    assert response.status_code == 302
    assert response["Location"] == "/mans-darbs/"
    assert int(client.session["_auth_user_id"]) == mediator.pk
    client.logout()
    assert sign_in(client, next="/atskaites/")["Location"] == "/atskaites/"
    client.logout()
    assert sign_in(client, next="https://example.org/")["Location"] == "/mans-darbs/"


def test_repeated_wrong_passwords_lock_the_portal_sign_in_too(client, settings, mediator):
    settings.AXES_ENABLED = True
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, password="nepareiza")
    locked = sign_in(client)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_sign_out_is_a_post(client, mediator):
    client.force_login(mediator)
    assert client.get("/konts/iziet/").status_code == 405
    assert "_auth_user_id" in client.session
    response = client.post("/konts/iziet/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert "_auth_user_id" not in client.session


def test_header_offers_sign_in_to_visitors(client):
    html = client.get("/konts/parole/").content.decode()
    assert 'href="/konts/pieslegties/">Pieslēgties</a>' in html
    assert "Mans darbs" not in html
    assert 'action="/konts/iziet/"' not in html


def test_header_offers_my_work_and_a_sign_out_form_when_signed_in(client, mediator):
    client.force_login(mediator)
    html = client.get("/konts/parole/").content.decode()
    assert 'href="/mans-darbs/"' in html
    assert re.search(r'<form method="post" action="/konts/iziet/"', html)
    assert ">Pieslēgties</a>" not in html


def test_password_reset_by_email(client, mediator):
    page = client.get("/konts/parole/")
    assert page.status_code == 200
    assert "Atjaunot paroli" in page.content.decode()
    response = client.post("/konts/parole/", {"email": "anna@example.org"})
    assert response.status_code == 302 and response["Location"] == "/konts/parole/nosutita/"
    assert "Pārbaudiet e-pastu" in client.get(response["Location"]).content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Jaunas paroles izveide Mediatoru tīklā"
    assert "Jūsu lietotājvārds: anna@example.org" in message.body
    link = re.search(r"http://testserver(/konts/parole/jauna/\S+)", message.body).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/konts/parole/nomainita/"
    assert "Parole nomainīta" in client.get(response["Location"]).content.decode()
    mediator.refresh_from_db()
    assert mediator.check_password(NEW_PASSWORD)


def test_an_unknown_email_gets_the_same_answer_and_no_mail(client, mediator):
    response = client.post("/konts/parole/", {"email": "nav@example.org"})
    assert response.status_code == 302 and response["Location"] == "/konts/parole/nosutita/"
    assert mail.outbox == []


def test_a_broken_reset_link_says_what_to_do(client, mediator):
    response = client.get("/konts/parole/jauna/MQ/nederigs-zetons/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "vairs nav derīga" in html and 'href="/konts/parole/"' in html


@pytest.mark.parametrize("url", ["/atskaites/", "/mans-darbs/"])
def test_anonymous_visitors_are_sent_to_the_portal_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/konts/pieslegties/?next={url}"


def test_the_new_password_form_speaks_formal_correct_latvian(client, mediator):
    uid = urlsafe_base64_encode(force_bytes(mediator.pk))
    token = default_token_generator.make_token(mediator)
    form_url = client.get(f"/konts/parole/jauna/{uid}/{token}/", follow=True).redirect_chain[-1][0]
    html = client.get(form_url).content.decode()
    assert "vismaz 12 rakstzīmēm" in html
    assert "rakstzīmei" not in html and "Ievadi " not in html
    response = client.post(form_url, {"new_password1": "īsa", "new_password2": "cita"})
    text = response.content.decode()
    assert "Paroles abos laukos nesakrīt" in text
    response = client.post(form_url, {"new_password1": "īsa-1", "new_password2": "īsa-1"})
    assert "Parole ir par īsu: tajā jābūt vismaz 12 rakstzīmēm." in response.content.decode()
