"""The search log on the real search page and API: one row per search with nothing about who
searched, personal data hidden, clicks through a local-only redirect, 12 months kept; pinned
results shown first."""

import datetime
import io
import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from search import indexing, promotions, searchlog
from search.models import SearchLog
from search.searchlog import HIDDEN, a_year_before

pytestmark = pytest.mark.django_db

SEARCH_URL = "/meklet/"
API_URL = "/api/search/"
OPEN_LINK = re.compile(r'href="(/meklet/atvert/(\d+)/(\d+)/\?to=[^"]+)"')
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"


@pytest.fixture(autouse=True)
def _no_engine(settings):
    settings.ELASTICSEARCH_URL = ""


def search(client, q, **params):
    return client.get(SEARCH_URL, {"q": q, **params}, HTTP_USER_AGENT=BROWSER)


def open_links(response):
    """(href, log id, position) of each result link through the click log, in page order."""
    html = response.content.decode()
    return [(unescape(href), int(log), int(pos)) for href, log, pos in OPEN_LINK.findall(html)]


def test_a_search_logs_one_row_with_nothing_about_who_searched(client, directory):
    user = get_user_model().objects.create_user("lasitaja", "lasitaja@example.org", "x" * 16)
    client.force_login(user)
    response = client.get(
        SEARCH_URL,
        {"q": "  Īres   PARĀDI Ventspilī "},
        HTTP_USER_AGENT=BROWSER,
        REMOTE_ADDR="203.0.113.7",
    )
    assert response.status_code == 200
    log = SearchLog.objects.get()
    assert log.query == "īres parādi ventspilī"
    assert (log.locale, log.engine, log.source) == ("lv", "database", "page")
    assert log.result_count == int(re.search(r"Atrast\w+ (\d+)", response.content.decode())[1])
    assert log.result_count > 0
    assert log.created_on == timezone.localdate()
    assert (log.refined, log.clicked_position) == (False, None)
    # The row has no field that could say who searched, and holds nothing of theirs.
    fields = {field.name for field in SearchLog._meta.get_fields()}
    assert fields == {
        "id",
        "query",
        "locale",
        "engine",
        "result_count",
        "source",
        "refined",
        "clicked_position",
        "created_on",
    }
    stored = " ".join(str(value) for value in SearchLog.objects.values().get().values())
    for personal in ("lasitaja", "203.0.113.7", "Firefox"):
        assert personal not in stored


def test_the_api_logs_its_searches_and_refined_ones_are_marked(client, directory):
    client.get(API_URL, {"q": "bāriņtiesa"}, HTTP_USER_AGENT=BROWSER)
    search(client, "parādi", municipality="riga")
    search(client, "parādi", page="2")
    client.get(API_URL, {"q": "konsultācijas"}, HTTP_USER_AGENT=BROWSER)
    assert searchlog.flush() == 1  # the API's rows wait in a buffer; the page's are written
    logs = SearchLog.objects.order_by("pk")
    assert [(log.source, log.query, log.refined) for log in logs] == [
        ("api", "bāriņtiesa", False),
        ("page", "parādi", True),
        ("page", "parādi", True),
        ("api", "konsultācijas", False),
    ]


def test_buffered_api_searches_are_written_when_the_buffer_fills(client, directory):
    for _ in range(searchlog.BUFFER_SIZE - 1):
        client.get(API_URL, {"q": "bāriņtiesa"}, HTTP_USER_AGENT=BROWSER)
    assert not SearchLog.objects.exists()
    client.get(API_URL, {"q": "bāriņtiesa"}, HTTP_USER_AGENT=BROWSER)
    assert SearchLog.objects.filter(source="api").count() == searchlog.BUFFER_SIZE
    assert searchlog.flush() == 0


def test_buffered_api_searches_are_written_by_the_timer(directory, settings):
    """After SEARCH_LOG_FLUSH_SECONDS a background thread writes them: run here in this
    thread, as the timer's own connection would not see the test's transaction."""
    settings.SEARCH_LOG_FLUSH_SECONDS = 60
    searchlog.buffer_row(
        SearchLog(query="x", locale="lv", engine="e", result_count=1, source="api")
    )
    assert searchlog._buffer["timer"] is not None
    searchlog._buffer["timer"].cancel()
    searchlog.flush()
    assert SearchLog.objects.get().query == "x"
    assert searchlog._buffer["timer"] is None


@pytest.mark.parametrize(
    ("params", "agent"),
    [
        ({"q": "bāriņtiesa"}, "Mozilla/5.0 (compatible; Googlebot/2.1)"),
        ({"q": "bāriņtiesa"}, "Mozilla/5.0 (compatible; bingbot/2.0)"),
        ({"q": ""}, BROWSER),
        ({"q": "   "}, BROWSER),
        ({"municipality": "riga"}, BROWSER),  # a filter, no question
    ],
)
def test_bots_and_empty_questions_are_not_logged(client, directory, params, agent):
    assert client.get(SEARCH_URL, params, HTTP_USER_AGENT=agent).status_code == 200
    assert client.get(API_URL, params, HTTP_USER_AGENT=agent).status_code in (200, 400)
    searchlog.flush()
    assert not SearchLog.objects.exists()


@pytest.mark.parametrize(
    "question",
    [
        "zvanīt 20000000 Ventspilī",
        "klients 010190-12345 bāriņtiesa",
        "dzimis 12.03.2015 skola",
        "+371 2000 0000",
    ],
)
def test_personal_data_is_never_stored(client, directory, question):
    assert search(client, question).status_code == 200
    assert client.get(API_URL, {"q": question}).status_code == 200
    searchlog.flush()
    assert list(SearchLog.objects.values_list("query", flat=True)) == [HIDDEN, HIDDEN]
    digits = re.sub(r"\D", "", question)
    assert not SearchLog.objects.filter(query__contains=digits[:6]).exists()


def test_a_click_records_its_position_and_leads_to_the_result(client, directory):
    response = search(client, "konsultācijas")
    links = open_links(response)
    log = SearchLog.objects.get()
    assert [(log_id, position) for _, log_id, position in links] == [
        (log.pk, position) for position in range(1, len(links) + 1)
    ]
    assert len(links) >= 2
    second = client.get(links[1][0])
    assert second.status_code == 302
    assert second["Location"] == links[1][0].split("?to=")[1].replace("%2F", "/")
    log.refresh_from_db()
    assert log.clicked_position == 2
    # The first result opened is the one kept.
    assert client.get(links[0][0]).status_code == 302
    log.refresh_from_db()
    assert log.clicked_position == 2


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example.org/",
        "//evil.example.org/",
        "http://testserver.evil.example.org/",
        "javascript:alert(1)",
        "",
    ],
)
def test_a_click_refuses_addresses_off_the_site(client, directory, target):
    search(client, "konsultācijas")
    log = SearchLog.objects.get()
    response = client.get(f"/meklet/atvert/{log.pk}/1/", {"to": target})
    assert response.status_code == 400
    assert "neved uz lapu portālā" in response.content.decode()
    log.refresh_from_db()
    assert log.clicked_position is None


def test_a_click_with_impossible_numbers_still_leads_on(client, directory):
    search(client, "konsultācijas")
    log = SearchLog.objects.get()
    for path in (f"/meklet/atvert/{log.pk}/0/", f"/meklet/atvert/{10**30}/1/"):
        response = client.get(path, {"to": "/pasvaldibas/"})
        assert (response.status_code, response["Location"]) == (302, "/pasvaldibas/")
    log.refresh_from_db()
    assert log.clicked_position is None


def test_result_links_work_when_the_log_fails(client, directory):
    with connection.cursor() as cursor:  # rolled back with the test
        cursor.execute("ALTER TABLE portal_search_searchlog RENAME TO searchlog_away")
    response = search(client, "konsultācijas")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Atrasti" in html
    assert not open_links(response)
    assert 'href="/pakalpojumi/' in html


def test_purge_deletes_only_searches_older_than_12_months(directory):
    today = timezone.localdate()
    year_ago = a_year_before(today)
    kept_days = [today, today - datetime.timedelta(days=200), year_ago]
    old_days = [year_ago - datetime.timedelta(days=1), today - datetime.timedelta(days=800)]
    for day in kept_days + old_days:
        SearchLog.objects.create(
            query=f"jautājums {day}",
            locale="lv",
            engine="database",
            result_count=0,
            source="page",
            created_on=day,
        )
    out = io.StringIO()
    call_command("search_log", "--purge", stdout=out)
    assert "Deleted 2 searches" in out.getvalue()
    assert sorted(SearchLog.objects.values_list("created_on", flat=True)) == sorted(kept_days)


def test_twelve_months_before_a_leap_day():
    assert a_year_before(datetime.date(2028, 2, 29)) == datetime.date(2027, 2, 28)
    assert a_year_before(datetime.date(2027, 3, 1)) == datetime.date(2026, 3, 1)


def test_pinned_results_come_first_on_the_page_and_in_the_api(client, directory):
    riga = directory["municipalities"]["riga"]
    promotions.pin("Konsultācijas", page=riga, description="Rīgas pašvaldības lapa.")
    promotions.pin("konsultācijas", external_url="https://example.org/", external_text="Piemērs")
    response = search(client, "KONSULTĀCIJAS")
    html = response.content.decode()
    assert html.index("Ieteikts") < html.index("Rīgas pašvaldības lapa.") < html.index("Piemērs")
    assert html.index("Piemērs") < html.index('id="group-contacts"')
    # Positions as shown: the pinned page 1, the external link 2 (not through the log: the
    # click view leads only to the site), then the hits.
    links = open_links(response)
    assert links[0][0].endswith("?to=%2Fpasvaldibas%2Friga%2F")
    assert [position for _, _, position in links] == [1, *range(3, len(links) + 2)]
    assert 'href="https://example.org/"' in html
    data = client.get(API_URL, {"q": "konsultācijas"}).json()
    assert [(item["label"], item["title"], item["url"]) for item in data["promoted"]] == [
        ("Ieteikts", "Rīga", "/pasvaldibas/riga/"),
        ("Ieteikts", "Piemērs", "https://example.org/"),
    ]
    # Pinned results count as results: the question is answered.
    assert (
        SearchLog.objects.filter(source="page").get().result_count
        == int(re.search(r"Atrast\w+ (\d+)", html)[1]) + 2
    )
    # Not on later pages, nor for another question.
    assert client.get(API_URL, {"q": "konsultācijas dzīvoklis"}).json()["promoted"] == []


@pytest.mark.elasticsearch
def test_pinned_results_come_first_on_elasticsearch(client, directory, search_index):
    indexing.rebuild()
    promotions.pin("bāriņtiesa", page=directory["municipalities"]["vilaka"])
    response = search(client, "Bāriņtiesa")
    html = response.content.decode()
    assert SearchLog.objects.get().engine == "elasticsearch"
    assert "vienkāršotā režīmā" not in html
    assert html.index('id="group-promoted"') < html.index('id="group-contacts"')
    assert html.index("Viļaka</a>") < html.index("Bāriņtiesas konsultācijas")
