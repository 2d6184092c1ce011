"""One validator for one-line fields: control characters are refused, Latvian text passes.
The forms of network (posts, reports, the admin) are tested in network/tests."""

import pytest
from django import forms
from django.core.exceptions import ValidationError

from portal.core.validators import SingleLineFieldsMixin, validate_single_line

from . import test_accounts
from .test_accounts import PASSWORD, invite, link_in

editor = test_accounts.editor

CONTROL = ["a\nb", "a\r\nb", "a\tb", "a\x00b", "a\x1bb", "a\x7fb", "a\x85b"]


@pytest.mark.parametrize("value", CONTROL)
def test_control_characters_are_refused(value):
    with pytest.raises(ValidationError):
        validate_single_line(value)


@pytest.mark.parametrize("value", ["", "Rēzekne — ūdens, šķūnis: “labi” 2019./2020.", "a\u200bb"])
def test_ordinary_text_passes(value):
    validate_single_line(value)


class Example(SingleLineFieldsMixin, forms.Form):
    name = forms.CharField()
    email = forms.EmailField()
    secret = forms.CharField(widget=forms.PasswordInput, strip=False)
    note = forms.CharField(widget=forms.Textarea)


def test_the_mixin_checks_one_line_inputs_and_leaves_textareas_alone():
    form = Example({"name": "a\nb", "email": "a@example.org", "secret": "x\ty", "note": "1\n2"})
    assert not form.is_valid()
    assert set(form.errors) == {"name", "secret"}


def test_a_name_with_a_line_break_does_not_create_an_account(client, editor):
    from django.contrib.auth import get_user_model
    from django.core import mail

    invite(client, editor)
    url = link_in(mail.outbox[0])
    data = {
        "first_name": "Jana\nBcc: x@example.org",
        "last_name": "Mediatore",
        "new_password1": PASSWORD,
        "new_password2": PASSWORD,
    }
    response = client.post(url, data)
    assert response.status_code == 400
    assert "vadības rakstzīmes" in response.content.decode()
    assert not get_user_model().objects.filter(email="jauna@example.org").exists()
    data["first_name"] = "Jāna Ērika"
    assert client.post(url, data).status_code == 302


@pytest.mark.parametrize("path", ["/meklet/", "/api/search/"])
def test_a_search_with_a_control_character_is_a_400(client, db, path):
    response = client.get(path, {"q": "skola\x01"})
    assert response.status_code == 400
    text = response.json()["error"] if path.startswith("/api/") else response.content.decode()
    assert "vadības rakstzīmes" in text
