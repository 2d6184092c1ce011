"""The search page and API on the database fallback (no ELASTICSEARCH_URL)."""

from datetime import time

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

SEARCH_URL = "/meklet/"
API_URL = "/api/search/"
SUGGEST_URL = "/api/search/suggest/"


@pytest.fixture(autouse=True)
def _no_engine(settings):
    settings.ELASTICSEARCH_URL = ""


def test_urls():
    assert reverse("search:search") == SEARCH_URL
    assert reverse("search_api:search") == API_URL
    assert reverse("search_api:suggest") == SUGGEST_URL


def test_rent_debts_in_ventspils_puts_ventspils_housing_service_first(client, directory):
    response = client.get(API_URL, {"q": "ģimenei Ventspilī ir īres parādi"})
    assert response.status_code == 200
    data = response.json()
    assert data["engine"] == "database"
    assert data["fallback"] is True
    assert data["understood"]["municipality"] == {"slug": "ventspils", "title": "Ventspils"}
    assert [t["slug"] for t in data["understood"]["topics"]] == ["majoklis", "socialie-jautajumi"]
    first = data["results"][0]
    assert first["title"] == "Dzīvokļu nodaļa — Ventspils pilsētas sociālā pārvalde"
    assert first["group"] == "contacts"
    # Another municipality's contacts are left out when the question names a place.
    assert all("riga" not in hit["municipalities"] for hit in data["results"])


def test_same_question_without_diacritics(client, directory):
    data = client.get(API_URL, {"q": "gimenei ventspili ir ires paradi"}).json()
    assert data["results"][0]["title"].startswith("Dzīvokļu nodaļa")


def test_page_shows_groups_chips_notice_and_facets(client, directory):
    response = client.get(SEARCH_URL, {"q": "īres parādi Ventspilī"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Meklēšana darbojas vienkāršotā režīmā" in html
    assert "Kam zvanīt" in html
    # The understood place ranks first and says so; one link narrows everything to it.
    assert "Vispirms: Ventspils" in html and "Kontakti — tikai Ventspils" in html
    assert "ignore=municipality%3Aventspils" in html
    assert "municipality=ventspils" in html
    assert "<mark>" in html
    assert "Precizēt" in html


def test_removing_the_place_chip_searches_everywhere(client, directory):
    data = client.get(
        API_URL, {"q": "īres parādi Ventspilī", "ignore": "municipality:ventspils"}
    ).json()
    assert data["understood"]["municipality"] is None
    titles = [hit["title"] for hit in data["results"]]
    # Other municipalities' contacts come back; "Ventspilī" still counts as a word.
    assert any(title.startswith("Palīdzība dzīvokļa jautājumos") for title in titles)
    assert titles[0].startswith("Dzīvokļu nodaļa")


def test_filters_and_facets(client, directory):
    data = client.get(API_URL, {"q": "parādi", "municipality": "riga"}).json()
    assert data["total"] == 2  # the service, and its organisation by place and topic
    assert all(hit["municipalities"] == ["riga"] for hit in data["results"])
    data = client.get(API_URL, {"q": "konsultācijas"}).json()
    counts = {f["value"]: f["count"] for f in data["facets"]["municipality"]}
    # Jelgava: the service and its organisation, whose text lists its services' names.
    assert counts == {"riga": 1, "jelgava": 2}
    data = client.get(API_URL, {"q": "konsultācijas", "topic": "majoklis"}).json()
    assert [hit["title"] for hit in data["results"]] == [
        "Palīdzība dzīvokļa jautājumos — Rīgas sociālais dienests"
    ]
    data = client.get(API_URL, {"q": "konsultācijas", "type": "municipality"}).json()
    assert data["total"] == 0


def test_a_place_filter_says_it_leaves_the_rest_out(client, directory):
    html = client.get(SEARCH_URL, {"q": "parādi", "municipality": "riga"}).content.decode()
    assert "Tikai: Rīga" in html and "Vispirms:" not in html
    html = client.get(SEARCH_URL, {"q": "parādi", "topic": "majoklis"}).content.decode()
    assert "Tikai tēma: Mājoklis" in html


def test_abbreviation_finds_the_full_name(client, directory):
    data = client.get(API_URL, {"q": "NVA Jelgavā"}).json()
    assert data["results"][0]["title"] == ("Jelgavas filiāle — Nodarbinātības valsts aģentūra")


def test_did_you_mean_for_a_misspelling(client, directory):
    data = client.get(API_URL, {"q": "bāriņtisa"}).json()
    # Found by the word's root anyway, and the spelling is offered.
    assert data["total"] == 2
    assert data["did_you_mean"] == "bāriņtiesa"
    html = client.get(SEARCH_URL, {"q": "bāriņtisa"}).content.decode()
    assert "Vai domājāt:" in html
    assert "q=b%C4%81ri%C5%86tiesa" in html


def test_a_named_place_is_never_a_dead_end(client, directory):
    html = client.get(SEARCH_URL, {"q": "zvaigžņukuģis Ventspilī"}).content.decode()
    assert "Nekas netika atrasts." not in html
    assert "Precīzu atbilžu nav" in html
    assert "Tuvākās atbilstības" in html
    assert 'class="result result--nearest"' in html
    assert ">Ventspils</a>" in html  # the place's own page, at least


def test_helpful_empty_state(client, directory):
    response = client.get(SEARCH_URL, {"q": "zvaigžņukuģis"})
    html = response.content.decode()
    assert "Nekas netika atrasts." in html
    # Whom to call by topic: the directory's contacts on each topic.
    assert "Kam zvanīt — pēc tēmas" in html
    assert "?topic=majoklis&amp;group=contacts" in html
    html = client.get(SEARCH_URL, {"q": "zvaigžņukuģis", "municipality": "vilaka"}).content
    assert "Tuvākās atbilstības" in html.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "x" * 201}, "pārāk garš"),
        ({"q": "skola", "municipality": "atlantida"}, "Nezināma pašvaldība"),
        ({"q": "skola", "topic": "nav"}, "Nezināma tēma"),
        ({"q": "skola", "type": "nav"}, "Nezināms rezultātu veids"),
        ({"q": "skola", "page": "0"}, "Lapas numuram"),
        ({"q": "skola", "page": "abc"}, "Lapas numuram"),
        ({"q": "skola", "page": "100000"}, "Lapas numuram"),
        ({}, "Norādiet jautājumu"),
    ],
)
def test_bad_input_is_a_400_with_a_message(client, directory, params, message):
    response = client.get(API_URL, params)
    assert response.status_code == 400
    assert message in response.json()["error"]
    if params:
        page = client.get(SEARCH_URL, params)
        assert page.status_code == 400
        assert message in page.content.decode()


def test_page_beyond_the_results_is_an_empty_page(client, directory):
    data = client.get(API_URL, {"q": "parādi", "page": "50"}).json()
    assert data["results"] == []
    assert data["total"] >= 1
    response = client.get(SEARCH_URL, {"q": "parādi", "page": "50"})
    assert response.status_code == 200
    assert "Šajā lapā rezultātu nav." in response.content.decode()


@pytest.mark.parametrize("question", ['"īres" * : ( ) ~ / \\', "parādi) OR (*", "a:b~2 \\"])
def test_query_syntax_is_searched_as_text(client, directory, question):
    assert client.get(API_URL, {"q": question}).status_code == 200
    assert client.get(SEARCH_URL, {"q": question}).status_code == 200


def test_empty_page_and_suggest(client, directory):
    response = client.get(SEARCH_URL)
    assert response.status_code == 200
    assert "Jautājiet kā kolēģim" in response.content.decode()
    data = client.get(SUGGEST_URL, {"q": "barin"}).json()
    assert [s["title"] for s in data["suggestions"]] == [
        "Bāriņtiesas konsultācijas — Jelgavas bāriņtiesa",
        "Jelgavas bāriņtiesa",
    ]
    assert client.get(SUGGEST_URL, {"q": "b"}).json()["suggestions"] == []
    assert client.get(SUGGEST_URL, {"q": "x" * 51}).status_code == 400


def test_page_has_no_inline_script_and_loads_autocomplete(client, directory):
    html = client.get(SEARCH_URL, {"q": "skola"}).content.decode()
    assert "<script>" not in html  # the site's CSP allows scripts from files only
    assert 'src="/static/js/search-suggest.js"' in html
    assert 'data-endpoint="/api/search/suggest/"' in html
    assert client.get("/static/js/search-suggest.js").status_code == 200


def test_latvian_results_on_the_english_page_say_they_are_latvian(client, directory):
    html = client.get("/en/meklet/", {"q": "Ventspils"}).content.decode()
    assert '<h3 class="result__title" lang="lv">' in html
    latvian_page = client.get("/meklet/", {"q": "Ventspils"}).content.decode()
    assert '<h3 class="result__title" lang="lv">' not in latvian_page


def test_a_service_result_shows_its_first_address_and_todays_hours(client, directory):
    from django.utils import timezone

    from network.factories import LocationFactory, ScheduleFactory, ServiceAtLocationFactory

    service = directory["services"]["Jelgavas bāriņtiesa"]
    today = timezone.localdate().isoweekday()
    ScheduleFactory(service=service, weekday=today, opens_at=time(0, 0), closes_at=time(0, 1))
    ServiceAtLocationFactory(service=service, sort_order=2, location=LocationFactory())
    first = LocationFactory(address_1="Pasta iela 37", city="Jelgava", postal_code="LV-3001")
    ServiceAtLocationFactory(service=service, sort_order=1, location=first)
    other = directory["services"]["Nodarbinātības valsts aģentūra"]
    ServiceAtLocationFactory(
        service=other, location=LocationFactory(address_1="", city="", postal_code="")
    )
    html = client.get(SEARCH_URL, {"q": "bāriņtiesa"}).content.decode()
    assert '<p class="result__address meta">Pasta iela 37, Jelgava, LV-3001</p>' in html
    assert "Šodien" in html and "00:00–00:01" in html
    # A location without an address shows its name; a service without hours says nothing.
    html = client.get(SEARCH_URL, {"q": "vakances"}).content.decode()
    assert 'class="result__address meta">Vieta' in html
    assert "Šodien" not in html
