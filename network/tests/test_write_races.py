"""Nothing a user was told is saved may be lost (issue 16, points 6, 7, 9): a submitted report
stays submitted, two tabs do not overwrite each other silently, a form sent twice writes once."""

import datetime
import re
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings

from network.directory.models import ChangeRequest
from network.directory.tests.test_suggest_edit import service, suggestion  # noqa: F401 (a fixture and a helper)
from network.posts.models import ExperiencePostPage, Reply
from network.reports.models import MonthlyReport
from network.reports.tests.test_reports import form_data as report_data
from network.tests import people_fixtures
from network.tests.sqlite_runner import run_on_fresh_sqlite

experience_index = people_fixtures.experience_index
mediator_index = people_fixtures.mediator_index
post = people_fixtures.post
profile = people_fixtures.profile
sections = people_fixtures.sections
users = people_fixtures.users

CONFLICT = "citā logā"
REPEAT = "jau saņemts"
SUBMITTED = "Atskaite iesniegta"
ROUNDS = 10

pytestmark = pytest.mark.django_db


def hidden_fields(client, url):
    """The hidden version and one-time token a page's form carries (as a tab would send them)."""
    html = client.get(url).content.decode()
    return hidden_in(html)


def hidden_in(html):
    found = {}
    for name in ("version", "form_token"):
        match = re.search(rf'name="{name}" value="([^"]*)"', html)
        if match:
            found[name] = match.group(1)
    return found


def said(response):
    """What the user was told: the queued messages and the page itself."""
    return " ".join(str(m) for m in get_messages(response.wsgi_request)) + (
        response.content.decode()
    )


def post_data(**overrides):
    data = {
        "title": "Darbs ar skolām Ventspilī",
        "main_issues": "Skolas kavējumi.",
        "glad_about": "",
        "challenges": "",
        "next_priorities": "",
        "free_text": "",
    }
    return {**data, **overrides}


def in_parallel(posts):
    """Sends the (client, url, data) POSTs at once from threads, each with its own database
    connection; their responses."""
    barrier = threading.Barrier(len(posts))
    results = [None] * len(posts)

    def run(index, client, url, data):
        try:
            barrier.wait(timeout=10)
            results[index] = client.post(url, data)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=(index, *post)) for index, post in enumerate(posts)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


# 6. A submitted report never goes back to draft ---------------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("send_version", [True, False], ids=["open-form", "old-page"])
def test_parallel_submit_and_draft_save_agree_with_what_each_user_was_told(
    users, profile, send_version
):
    tabs = [signed_in(users["mediator"]), signed_in(users["mediator"])]
    for round_ in range(ROUNDS):
        month = datetime.date(2021, round_ + 1, 1)
        report = MonthlyReport.objects.create(profile=profile, month=month, highlights="Sākums")
        url = f"/atskaites/{report.pk}/"
        forms = [hidden_fields(tab, url) for tab in tabs]
        if not send_version:
            for fields in forms:
                fields.pop("version", None)
        # Tab A presses "Iesniegt" on the confirmation page, tab B saves the draft form.
        submit = {"iesniegt": "1", **hidden_fields(tabs[0], url + "iesniegt/")}
        draft = report_data(action="saglabat", highlights="Melnraksta teksts", **forms[1])
        responses = in_parallel([(tabs[0], url + "iesniegt/", submit), (tabs[1], url, draft)])
        (submit_status, submit_said), (draft_status, draft_said) = map(_answer, responses)
        report.refresh_from_db()
        told_submitted = submit_status == 302 and SUBMITTED in submit_said
        assert (report.status == MonthlyReport.Status.SUBMITTED) == told_submitted, (
            round_,
            submit_status,
            draft_status,
            report.status,
        )
        assert submit_status in (302, 409) and draft_status in (302, 403, 409)
        assert 302 in (submit_status, draft_status)
        if draft_status == 302:
            assert "Melnraksts saglabāts" in draft_said
        if draft_status == 403:
            assert "Atskaite jau iesniegta" in draft_said
        for status, text in ((submit_status, submit_said), (draft_status, draft_said)):
            if status == 409:
                assert CONFLICT in text
        expected = "Sākums" if told_submitted else "Melnraksta teksts"
        assert report.highlights == expected


def _answer(response):
    return response.status_code, said(response)


# 7. Two tabs: a conflict shows both texts instead of losing one ------------------------------


def test_two_tabs_saving_one_report_draft_get_a_conflict_with_both_texts(client, users, profile):
    report = MonthlyReport.objects.create(
        profile=profile, month=datetime.date(2020, 4, 1), highlights="Sākotnējais teksts."
    )
    client.force_login(users["mediator"])
    url = f"/atskaites/{report.pk}/"
    tab_a, tab_b = hidden_fields(client, url), hidden_fields(client, url)
    assert tab_a.get("version")
    first = client.post(url, report_data(highlights="Teksts no pirmā loga.", **tab_a))
    assert first.status_code == 302

    second = client.post(url, report_data(highlights="Teksts no otrā loga.", **tab_b))
    assert second.status_code == 409
    html = second.content.decode()
    assert CONFLICT in html
    assert "Teksts no otrā loga." in html  # what this tab wrote stays in the form
    assert "Teksts no pirmā loga." in html  # beside it, what is saved now
    report.refresh_from_db()
    assert report.highlights == "Teksts no pirmā loga."
    assert report.status == MonthlyReport.Status.DRAFT

    # The conflict page carries the saved version: the merged text is then saved.
    merged = client.post(url, report_data(highlights="Apvienotais teksts.", **hidden_in(html)))
    assert merged.status_code == 302
    report.refresh_from_db()
    assert report.highlights == "Apvienotais teksts."


def test_a_stale_tab_cannot_submit_over_a_newer_draft(client, users, profile):
    report = MonthlyReport.objects.create(profile=profile, month=datetime.date(2020, 4, 1))
    client.force_login(users["mediator"])
    url = f"/atskaites/{report.pk}/"
    tab_a, tab_b = hidden_fields(client, url), hidden_fields(client, url)
    assert client.post(url, report_data(highlights="Jaunākais.", **tab_a)).status_code == 302
    response = client.post(url, report_data(action="iesniegt", highlights="Vecais.", **tab_b))
    assert response.status_code == 409
    assert SUBMITTED not in said(response)
    report.refresh_from_db()
    assert (report.status, report.highlights) == (MonthlyReport.Status.DRAFT, "Jaunākais.")


def test_two_tabs_editing_one_post_get_a_conflict_with_both_texts(client, users, post):
    client.force_login(users["mediator"])
    url = post.url + "labot/"
    tab_a, tab_b = hidden_fields(client, url), hidden_fields(client, url)
    assert tab_a.get("version")
    first = client.post(url, post_data(title=post.title, glad_about="Pirmā loga prieks.", **tab_a))
    assert first.status_code == 302

    second = client.post(url, post_data(title=post.title, glad_about="Otrā loga prieks.", **tab_b))
    assert second.status_code == 409
    html = second.content.decode()
    assert CONFLICT in html
    assert "Otrā loga prieks." in html and "Pirmā loga prieks." in html
    post.refresh_from_db()
    assert post.get_latest_revision_as_object().glad_about == "Pirmā loga prieks."

    merged = client.post(url, post_data(title=post.title, glad_about="Abi.", **hidden_in(html)))
    assert merged.status_code == 302
    post.refresh_from_db()
    assert post.get_latest_revision_as_object().glad_about == "Abi."


# 9. A form sent twice writes once ------------------------------------------------------------


def _sent_twice(client, url, data):
    first, second = client.post(url, data), client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert REPEAT in said(second).lower()
    return first


def test_a_post_sent_twice_is_written_once(client, users, experience_index, profile):
    client.force_login(users["mediator"])
    url = experience_index.url + "rakstit/"
    fields = hidden_fields(client, url)
    assert fields.get("form_token")
    _sent_twice(client, url, post_data(title="Vienreiz", **fields))
    assert ExperiencePostPage.objects.filter(title="Vienreiz").count() == 1


def test_a_reply_sent_twice_is_written_once(client, users, post):
    client.force_login(users["editor"])
    fields = hidden_fields(client, post.url)
    assert fields.get("form_token")
    first = _sent_twice(client, post.url + "atbildet/", {"body": "Paldies!", **fields})
    assert Reply.objects.filter(post=post).count() == 1
    assert first["Location"].endswith(f"#atbilde-{Reply.objects.get().pk}")


def test_a_new_report_sent_twice_is_written_once(client, users, profile):
    client.force_login(users["mediator"])
    fields = hidden_fields(client, "/atskaites/jauna/?menesis=2020-04")
    assert fields.get("form_token")
    first = _sent_twice(client, "/atskaites/jauna/", report_data(action="iesniegt", **fields))
    report = MonthlyReport.objects.get(profile=profile)
    confirm_url = f"/atskaites/{report.pk}/iesniegt/"
    assert first["Location"] == confirm_url
    # "Iesniegt" on the confirmation page, pressed twice, submits once.
    second = _sent_twice(
        client, confirm_url, {"iesniegt": "1", **hidden_fields(client, confirm_url)}
    )
    assert second["Location"] == "/atskaites/"
    report.refresh_from_db()
    assert report.status == MonthlyReport.Status.SUBMITTED


def test_a_suggestion_sent_twice_is_written_once(client, service):  # noqa: F811
    url = f"{service.get_absolute_url()}labot/"
    fields = hidden_fields(client, url)
    assert fields.get("form_token")
    _sent_twice(client, url, suggestion(**fields))
    assert ChangeRequest.objects.count() == 1


def test_a_refused_form_keeps_its_token_and_a_form_without_one_still_saves(
    client, users, experience_index, profile
):
    client.force_login(users["mediator"])
    url = experience_index.url + "rakstit/"
    fields = hidden_fields(client, url)
    empty = client.post(url, post_data(title="Labots", main_issues="", **fields))
    assert empty.status_code == 400
    assert client.post(url, post_data(title="Labots", **fields)).status_code == 302
    assert ExperiencePostPage.objects.filter(title="Labots").count() == 1
    # A page opened before tokens existed is saved as before (only not deduplicated).
    assert client.post(url, post_data(title="Bez žetona")).status_code == 302
    assert ExperiencePostPage.objects.filter(title="Bez žetona").count() == 1


TOKEN_CACHES = {
    "locmem": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tokens"},
    # production's cache: a table in the same PostgreSQL database
    "database": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "portal_cache_write_races",
    },
}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("cache_name", list(TOKEN_CACHES))
def test_a_double_click_on_postgresql_writes_one_post(users, experience_index, cache_name):
    with override_settings(CACHES={**settings.CACHES, "default": TOKEN_CACHES[cache_name]}):
        call_command("createcachetable", verbosity=0)
        tabs = [signed_in(users["mediator"]), signed_in(users["mediator"])]
        url = experience_index.url + "rakstit/"
        for round_ in range(ROUNDS):
            data = post_data(title=f"Dubults {round_}", **hidden_fields(tabs[0], url))
            responses = in_parallel([(tab, url, data) for tab in tabs])
            assert [r.status_code for r in responses] == [302, 302]
            assert responses[0]["Location"] == responses[1]["Location"]
            assert ExperiencePostPage.objects.filter(title=f"Dubults {round_}").count() == 1


def test_on_sqlite_parallel_submissions_give_no_500_and_one_post_each(tmp_path):
    """Dev's SQLite (a file, threads as under runserver): a double click writes one post, two
    different forms both save; nobody gets "database is locked"."""
    outcome = run_on_fresh_sqlite(Path(__file__).with_name("sqlite_double_submit.py"), tmp_path)
    for round_ in outcome:
        assert round_["double_click"] == {"statuses": [302, 302], "posts": 1}, round_
        assert round_["two_forms"] == {"statuses": [302, 302], "posts": 2}, round_
