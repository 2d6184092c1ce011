"""Query-string numbers, months and dates in network's views: a bad value is a 400 with a
message, never a 500 (tests run with DEBUG off, as production does)."""

import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from network.evaluation.models import EvaluationSurvey
from network.tests import people_fixtures
from portal.tests import fuzz

experience_index = people_fixtures.experience_index
mediator_index = people_fixtures.mediator_index
profile = people_fixtures.profile
sections = people_fixtures.sections
users = people_fixtures.users

pytestmark = pytest.mark.django_db

FUZZ = settings(fuzz.FUZZ, max_examples=150)
HUGE_MONTH = "99999999999999999999-01"
# What a number, month or date parameter may be sent instead of one.
hostile_values = st.one_of(
    st.sampled_from(
        [
            HUGE_MONTH,
            "2020-99999999999999999999",
            "99999999999999999999",
            "9223372036854775808",
            "-9223372036854775809",
            "-1",
            "0",
            "",
            " ",
            "²",
            "١٢",
            "２０２０-０４",
            "2020-²",
            "0000-00",
            "0000-01",
            "9999-12",
            "2020-13",
            "9999-12-31T23:59:59-23:59",
            "0001-01-01T00:00:00+23:59",
            "1e9",
            "NaN",
            "9" * 5000,
        ]
    ),
    st.integers(-(10**30), 10**30).map(str),
    st.builds(lambda y, m: f"{y}-{m}", st.integers(-(10**25), 10**25), st.integers(-99, 10**25)),
    st.text(alphabet=st.characters(categories=["Nd", "No"]), max_size=8),
    st.text(max_size=30),
)


def _message(response):
    return response.content.decode()


# Monthly reports: the mediator's "new report" link -----------------------------------------


def test_a_huge_month_for_a_new_report_is_a_400_with_a_message(client, users, profile):
    client.force_login(users["mediator"])
    response = client.get("/atskaites/jauna/", {"menesis": HUGE_MONTH})
    assert response.status_code == 400
    assert "GGGG-MM" in _message(response)


def test_a_month_that_is_not_one_is_a_400(client, users, profile):
    client.force_login(users["mediator"])
    assert client.get("/atskaites/jauna/", {"menesis": "aprīlis"}).status_code == 400
    assert client.get("/atskaites/jauna/", {"menesis": "2020-04"}).status_code == 200
    assert client.get("/atskaites/jauna/").status_code == 200


def test_a_huge_month_in_the_report_form_is_a_form_error(client, users, profile):
    client.force_login(users["mediator"])
    response = client.post("/atskaites/jauna/", {"month": HUGE_MONTH, "saglabat": "1"})
    assert response.status_code == 400


@FUZZ
@given(value=hostile_values)
def test_the_new_report_month_never_fails(client, users, profile, value):
    client.force_login(users["mediator"])
    response = client.get("/atskaites/jauna/", {"menesis": value})
    assert response.status_code in (200, 302, 400), (value, response.status_code)


# Monthly reports: the editors' dashboard and its downloads ---------------------------------

DASHBOARD_URLS = [
    "/admin/atskaites/",
    "/admin/atskaites/atskaites.csv",
    "/admin/atskaites/atskaites.xlsx",
]


@pytest.mark.parametrize("url", DASHBOARD_URLS)
@pytest.mark.parametrize("name", ["no", "lidz"])
def test_a_huge_month_on_the_dashboard_is_a_400_with_a_message(client, users, url, name):
    client.force_login(users["editor"])
    response = client.get(url, {name: HUGE_MONTH})
    assert response.status_code == 400
    assert "GGGG-MM" in _message(response)


@FUZZ
@given(params=st.dictionaries(st.sampled_from(["no", "lidz", "pasvaldiba"]), hostile_values))
def test_the_dashboard_filters_never_fail(client, users, params):
    client.force_login(users["editor"])
    for url in DASHBOARD_URLS:
        response = client.get(url, params)
        assert response.status_code in (200, 400), (url, params, response.status_code)


# The evaluation results and invitations, filtered by municipality --------------------------


@FUZZ
@given(value=hostile_values)
def test_the_evaluation_municipality_filter_never_fails(client, users, value):
    client.force_login(users["editor"])
    survey, _created = EvaluationSurvey.objects.get_or_create(title="Izvērtējums")
    for name in ("results", "invitations"):
        url = reverse(f"wagtailsnippets_network_evaluationsurvey:{name}", args=[survey.pk])
        response = client.get(url, {"pasvaldiba": value})
        assert response.status_code in (200, 400), (name, value, response.status_code)


# Public listings: a bad page number shows the first or last page, as designed; never a 500.

listing_params = st.dictionaries(
    st.sampled_from(["page", "tema", "pasvaldiba", "valoda", "m"]), hostile_values, max_size=3
)


@FUZZ
@given(params=listing_params)
def test_listings_never_fail(client, experience_index, mediator_index, municipality, params):
    urls = [
        experience_index.url,
        mediator_index.url,
        f"{municipality.url}pakalpojumi/",
        f"{municipality.get_parent().url}salidzinat/",
    ]
    for url in urls:
        response = client.get(url, params)
        assert response.status_code < 500, (url, params, response.status_code)


def test_huge_ids_in_paths_are_not_found(client, users, profile):
    huge = "9" * 30
    client.force_login(users["mediator"])
    assert client.get(f"/atskaites/{huge}/").status_code == 404
    client.force_login(users["editor"])
    for name in ("results", "invitations"):
        url = reverse(f"wagtailsnippets_network_evaluationsurvey:{name}", args=[1])
        response = client.get(url.replace("/1/", f"/{huge}/"))
        assert response.status_code in (302, 404), (url, response.status_code)
    assert client.get(f"/admin/atskaites/{huge}/").status_code in (302, 404)
