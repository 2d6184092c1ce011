"""The "Meklējumi bez atbildes" admin report: what it lists, who sees it, and its two actions
(a synonym for a concept, a pinned result), each checked on the real search page after."""

import datetime
import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import SearchPromotion

from portal.core.roles import EDITORS_GROUP, MEDIATORS_GROUP, MODERATORS_GROUP, ensure_role_groups
from search.models import SearchLog
from taxonomy.factories import ConceptFactory

pytestmark = pytest.mark.django_db

SEARCH_URL = "/meklet/"
REPORT_URL = "/admin/reports/meklejumi-bez-atbildes/"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"
OPEN_LINK = re.compile(r'href="(/meklet/atvert/\d+/\d+/\?to=[^"]+)"')
NOTHING_FOUND = "zvaigžņukuģis"  # no document has it


@pytest.fixture(autouse=True)
def _no_engine(settings):
    settings.ELASTICSEARCH_URL = ""


def person(username, group_name):
    ensure_role_groups()
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "x" * 16)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor_client(client, db):
    client.force_login(person("redaktore", EDITORS_GROUP))
    return client


def search(client, q, times=1):
    for _ in range(times):
        response = client.get(SEARCH_URL, {"q": q}, HTTP_USER_AGENT=BROWSER)
        assert response.status_code == 200
    return response


def report_rows(client, **params):
    """{question: [searches, without results, opened, last searched]} in the report's order."""
    response = client.get(REPORT_URL, params)
    assert response.status_code == 200
    html = response.content.decode()
    table = html[html.index('<table class="listing"') :]
    body = table[: table.index("</tbody>")]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = [unescape(cell) for cell in re.findall(r"<td >\s*([^<]+?)\s*</td>", row)]
        rows[cells[0]] = cells[1:]
    return rows, html


def test_the_report_lists_unanswered_and_never_opened_questions_by_frequency(
    client, editor_client, directory
):
    search(client, NOTHING_FOUND, times=3)  # nothing found
    search(client, "īres parādi", times=2)  # found, never opened
    opened = search(client, "bāriņtiesa")  # found and opened: answered
    assert client.get(unescape(OPEN_LINK.search(opened.content.decode())[1])).status_code == 302
    search(client, "zvanīt 20000000")  # personal data: hidden, not listed
    SearchLog.objects.create(
        query="pirms pusgada",
        locale="lv",
        engine="database",
        result_count=0,
        source="page",
        created_on=timezone.localdate() - datetime.timedelta(days=180),
    )
    rows, html = report_rows(editor_client)
    assert "Meklējumi bez atbildes" in html
    assert list(rows) == [NOTHING_FOUND, "īres parādi"]
    assert "bāriņtiesa" not in html
    assert "[paslēpts]" not in html
    assert "pirms pusgada" not in html  # older than the default 90 days
    # The first row: asked 3 times, 3 without results, none opened.
    assert rows[NOTHING_FOUND][:3] == ["3", "3", "0"]
    assert rows["īres parādi"][:3] == ["2", "0", "0"]
    # Each row links to its two actions with the question filled in.
    assert f"{reverse('search_add_synonym')}?q=%C4%AB" in html
    assert f"{reverse('search_pin_result')}?q=%C4%AB" in html
    # A wider date range shows the older question.
    start = timezone.localdate() - datetime.timedelta(days=365)
    rows, html = report_rows(editor_client, created_on_from=start.isoformat())
    assert "pirms pusgada" in rows
    # A date that is no date: the default range, not an error.
    rows, html = report_rows(editor_client, created_on_from="vakar")
    assert "pirms pusgada" not in rows


def test_the_report_downloads_as_csv_safe_for_spreadsheets(client, editor_client, directory):
    search(client, NOTHING_FOUND, times=2)
    search(client, "=1+2")
    response = editor_client.get(REPORT_URL, {"export": "csv"})
    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0] == "Jautājums,Meklēts,Bez rezultātiem,Atvērti rezultāti,Pēdējo reizi"
    assert lines[1].startswith(f"{NOTHING_FOUND},2,2,0,")
    assert lines[2].startswith("'=1+2,1,1,0,")


def test_the_report_and_its_actions_are_for_editors_and_moderators_only(client, directory):
    synonym_url = f"{reverse('search_add_synonym')}?q=x"
    pin_url = f"{reverse('search_pin_result')}?q=x"
    client.force_login(person("mediatore", MEDIATORS_GROUP))
    for url in (REPORT_URL, synonym_url, pin_url):
        assert client.get(url).status_code == 403
    assert client.post(reverse("search_pin_result"), {"query": "x"}).status_code == 403
    assert REPORT_URL not in client.get("/admin/").content.decode()
    client.force_login(person("moderatore", MODERATORS_GROUP))
    assert client.get(REPORT_URL).status_code == 200
    assert REPORT_URL in client.get("/admin/").content.decode()
    client.logout()
    assert client.get(REPORT_URL).status_code == 302  # to the login


def test_adding_a_synonym_from_the_report_changes_the_concept(editor_client, directory):
    concept = ConceptFactory(label="Humānā palīdzība", synonyms="pārtikas paka")
    url = f"{reverse('search_add_synonym')}?q=Zupas+virtuve+R%C4%ABg%C4%81"
    form = editor_client.get(url)
    assert form.status_code == 200
    assert 'value="zupas virtuve rīgā"' in form.content.decode()
    data = {"query": "zupas virtuve rīgā", "term": "zupas virtuve", "concept": concept.pk}
    response = editor_client.post(reverse("search_add_synonym"), data)
    assert response.status_code == 302
    concept.refresh_from_db()
    assert concept.term_list("synonyms") == ["pārtikas paka", "zupas virtuve"]
    revision = concept.latest_revision
    assert revision.user.username == "redaktore"
    assert revision.content["synonyms"] == concept.synonyms
    # The same term again is refused with a reason.
    again = editor_client.post(reverse("search_add_synonym"), data)
    assert again.status_code == 400
    assert "Jēdzienam jau ir šis termins." in again.content.decode()
    assert concept.revisions.count() == 1


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Norādiet jautājumu."),
        ("[paslēpts]", "izskatās pēc personas datiem"),
        ("zvanīt 20000000", "izskatās pēc personas datiem"),
    ],
)
def test_an_action_without_a_usable_question_is_a_400(editor_client, directory, query, message):
    for name in ("search_add_synonym", "search_pin_result"):
        response = editor_client.get(reverse(name), {"q": query})
        assert response.status_code == 400
        assert message in response.content.decode()


def test_a_result_pinned_from_the_report_comes_first_on_the_search_page(
    client, editor_client, directory
):
    search(client, NOTHING_FOUND)
    riga = directory["municipalities"]["riga"]
    form = editor_client.get(reverse("search_pin_result"), {"q": NOTHING_FOUND})
    assert form.status_code == 200
    data = {"query": NOTHING_FOUND, "page": riga.pk, "description": "Rīgas lapa."}
    assert editor_client.post(reverse("search_pin_result"), data).status_code == 302
    promotion = SearchPromotion.objects.get()
    assert (promotion.query.query_string, promotion.page_id) == (NOTHING_FOUND, riga.pk)
    html = search(client, NOTHING_FOUND.upper()).content.decode()
    assert html.index("Ieteikts") < html.index("Rīgas lapa.")
    assert "Nekas netika atrasts." not in html
    link = OPEN_LINK.search(html)[1]
    assert link.endswith("?to=%2Fpasvaldibas%2Friga%2F")
    # The pinned result counts as a result, and opening it counts: only the first search,
    # from before the pin, still found nothing.
    assert client.get(unescape(link)).status_code == 302
    rows, html = report_rows(editor_client)
    assert rows[NOTHING_FOUND][:3] == ["2", "1", "1"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({}, "Izvēlieties lapu vai norādiet ārēju saiti."),
        ({"external_url": "https://example.org/"}, "Ārējai saitei vajag tekstu."),
        ({"page": "riga", "external_url": "https://example.org/", "external_text": "x"}, "ne abas"),
        ({"external_url": "nav saite", "external_text": "x"}, "URL"),
    ],
)
def test_pinning_needs_one_page_or_one_link(editor_client, directory, extra, message):
    if extra.get("page") == "riga":
        extra["page"] = directory["municipalities"]["riga"].pk
    response = editor_client.post(reverse("search_pin_result"), {"query": "skola", **extra})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SearchPromotion.objects.exists()
