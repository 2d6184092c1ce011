"""Fuzzed post and reply forms: 150 generated submissions each, never a 5xx, never markup."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from network.posts.models import ExperiencePostPage, Reply
from network.tests import people_fixtures
from portal.tests import fuzz
from portal.tests.fuzz import FUZZ

experience_index = people_fixtures.experience_index
mediator_index = people_fixtures.mediator_index
post = people_fixtures.post
profile = people_fixtures.profile
sections = people_fixtures.sections
users = people_fixtures.users

pytestmark = pytest.mark.django_db

hostile_text = fuzz.hostile_text(
    [
        "<script>alert(1)</script>",
        '<a href="javascript:alert(1)" onclick="x()">x</a>',
        "<img src=x onerror=alert(1)>",
        "<style>body{display:none}</style>",
        "\x00",
        "a" * 5000,
    ],
    max_size=200,
)
# The title is plain text (escaped when shown); these are the fields that keep some markup.
PROMPT_FIELDS = ("main_issues", "glad_about", "challenges", "next_priorities", "free_text")
post_fields = st.fixed_dictionaries(
    {"title": hostile_text},
    optional=dict.fromkeys(PROMPT_FIELDS, hostile_text)
    | {"municipality": st.sampled_from(["", "x", "-1", "999999"])},
)

MARKUP = ("<script", "onerror=", "onclick=", "javascript:", "<style")


@FUZZ
@given(form=post_fields)
def test_the_post_form_never_fails_and_stores_no_markup(client, users, experience_index, form):
    client.force_login(users["mediator"])
    before = ExperiencePostPage.objects.count()
    response = client.post(f"{experience_index.url}rakstit/", form)
    assert response.status_code < 500, (form, response.status_code)
    if ExperiencePostPage.objects.count() > before:
        newest = ExperiencePostPage.objects.order_by("-pk").first()
        stored = " ".join(str(getattr(newest, name) or "") for name in PROMPT_FIELDS)
        assert not any(marker in stored.lower() for marker in MARKUP), stored


@FUZZ
@given(body=hostile_text)
def test_the_reply_form_never_fails_and_stores_no_markup(client, users, post, body):
    client.force_login(users["other_mediator"])
    response = client.post(f"{post.url}atbildet/", {"body": body})
    assert response.status_code < 500, (body, response.status_code)
    for reply in Reply.objects.filter(post=post):
        assert not any(marker in reply.body.lower() for marker in MARKUP), reply.body
