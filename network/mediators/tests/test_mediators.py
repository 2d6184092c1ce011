"""Mediator profiles and the network page: consent, filters, the municipality list, the
families chart, search accessors and the demo."""

from network.mediators.models import FamiliesSupported, MediatorIndexPage, MediatorProfilePage
from network.posts.models import ExperiencePostPage
from network.tests import people_fixtures
from network.tests.people_fixtures import make_post

# The shared fixtures of the people tests (assigned, so pytest finds them here).
experience_index = people_fixtures.experience_index
mediator_index = people_fixtures.mediator_index
other_profile = people_fixtures.other_profile
post = people_fixtures.post
profile = people_fixtures.profile
sections = people_fixtures.sections
users = people_fixtures.users


def test_contacts_are_hidden_without_consent(client, profile):
    html = client.get(profile.url).content.decode()
    assert "anna@example.org" not in html
    assert "20000001" not in html
    assert "Kontakti" not in html
    assert profile.public_contacts() is None
    assert "anna@example.org" not in profile.search_text()


def test_contacts_are_shown_with_consent(client, profile):
    profile.contact_consent = True
    profile.save_revision().publish()
    html = client.get(profile.url).content.decode()
    assert 'href="mailto:anna@example.org"' in html
    assert 'href="tel:+37120000001"' in html


def test_profile_shows_facts_and_its_mediators_posts_only(
    client, users, profile, post, other_profile, experience_index
):
    make_post(
        experience_index,
        users["other_mediator"],
        title="Bertas stāsts",
        author_profile=other_profile,
    )
    html = client.get(profile.url).content.decode()
    assert "romu (romani), latviešu" in html
    assert "Izglītība" in html
    assert post.title in html
    assert "Bertas stāsts" not in html


def test_linked_account_owns_the_profile(users, profile):
    assert profile.owner == users["mediator"]


def test_families_per_period_render_as_chart_and_table(client, profile):
    FamiliesSupported.objects.create(page=profile, period="2019/2020", families=17, note="regulāri")
    FamiliesSupported.objects.create(page=profile, period="2020/2021", persons=41)
    html = client.get(profile.url).content.decode()
    assert '<svg class="figures__chart"' in html
    assert '<th scope="row">2019/2020</th>' in html
    assert "2020/2021 (personas)" in html


def test_profile_without_figures_has_no_chart(client, profile):
    assert "figures__chart" not in client.get(profile.url).content.decode()


def test_network_page_lists_and_filters_mediators(
    client, mediator_index, profile, other_profile, municipality
):
    html = client.get(mediator_index.url).content.decode()
    assert "Anna Mediatore" in html and "Berta Mediatore" in html
    cases = {
        f"?pasvaldiba={municipality.slug}": "Anna Mediatore",
        "?tema=majoklis": "Berta Mediatore",
        "?valoda=ru": "Berta Mediatore",
        "?valoda=rom&tema=izglitiba": "Anna Mediatore",
    }
    for query, expected in cases.items():
        html = client.get(mediator_index.url + query).content.decode()
        other = ({"Anna Mediatore", "Berta Mediatore"} - {expected}).pop()
        assert expected in html and f">{other}<" not in html, query
    empty = client.get(mediator_index.url + "?valoda=pl").content.decode()
    assert "Neviens mediators neatbilst" in empty


def test_municipality_list_counts_live_mediators(client, mediator_index, profile, municipality):
    counts = {m.slug: m.mediator_count for m in mediator_index.municipality_counts()}
    assert counts[municipality.slug] == 1
    profile.unpublish()
    counts = {m.slug: m.mediator_count for m in mediator_index.municipality_counts()}
    assert counts[municipality.slug] == 0
    html = client.get(mediator_index.url).content.decode()
    assert f'href="?pasvaldiba={municipality.slug}"' in html


def test_search_accessors(profile, post, municipality, topics):
    assert profile.municipality == municipality
    assert list(profile.topics.all()) == [topics["izglitiba"]]
    assert "Strādāju ar skolām." in profile.search_text()
    assert "Skolas kavējumi." in post.search_text()


def test_demo_has_the_seed_mediators_and_demo_posts(client, demo_site):
    profiles = MediatorProfilePage.objects.live().order_by("title")
    assert [p.title for p in profiles] == [
        "Ināra Kozlovska",
        "Malda Avramenko",
        "Marta Paņko",
        "Oksana Marcinkeviča",
        "Rasma Zaharenko",
    ]
    for profile in profiles:
        assert profile.is_demo
        assert profile.photo is None and not profile.public_email and not profile.public_phone
        assert not profile.contact_consent
    families = {f.page.title: (f.families, f.persons) for f in FamiliesSupported.objects.all()}
    assert families["Malda Avramenko"] == (17, None)
    assert families["Marta Paņko"] == (None, 41)
    posts = ExperiencePostPage.objects.live()
    assert posts.count() >= 3 and all(p.is_demo for p in posts)
    home = demo_site.root_page.specific
    assert home.experience_index_page.slug == "pieredze"
    index = MediatorIndexPage.objects.get(slug="mediatori")
    assert client.get(index.url).status_code == 200
    assert "Kolēģu pieredze" in client.get("/").content.decode()


def test_demo_seminar_results_link_to_the_profiles(client, demo_site):
    html = client.get("/zinasanas/romu-mediatoru-pieredzes-apmainas-seminars/").content.decode()
    for slug in ("inara-kozlovska", "malda-avramenko", "rasma-zaharenko"):
        assert f'href="/mediatori/{slug}/"' in html


def test_network_page_draws_a_map_without_tiles_and_keeps_the_list(client, demo_site):
    from network.mediators.models import MediatorIndexPage

    index = MediatorIndexPage.objects.live().first()
    html = client.get(index.url).content.decode()
    assert '<svg class="people-map__svg"' in html
    assert html.count('class="people-map__dot people-map__dot--active"') == 5  # five mediators
    assert html.count("<circle") == 8  # every seed municipality has coordinates
    assert "tile" not in html.lower()
    assert 'href="?pasvaldiba=ventspils"' in html  # the list still links each municipality


def test_a_hostile_bio_is_rendered_inert(client, profile):
    profile.bio = (
        '<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:x">x</a>'
    )
    profile.save_revision().publish()
    html = client.get(profile.url).content.decode()
    assert "<script>alert(1)" not in html
    assert "<img src=x onerror" not in html
    assert '<a href="javascript:' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_network_page_filters_are_a_form_whose_bad_values_are_errors(
    client, mediator_index, profile
):
    html = client.get(mediator_index.url + "?valoda=ru").content.decode()
    assert '<option value="ru" selected>' in html
    response = client.get(mediator_index.url + "?tema=nav-tadas&valoda=xx")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="field-error"') == 2
    assert "Neviens mediators neatbilst" in html and ">Anna Mediatore<" not in html


def test_map_labels_are_placed_apart_and_the_frame_is_cut_to_them(client, demo_site):
    from network.mediators.map import HEIGHT, dot_box, map_frame

    index = MediatorIndexPage.objects.live().first()
    response = client.get(index.url)
    points = response.context["map_points"]
    labels, dots = [point["box"] for point in points], [dot_box(point) for point in points]
    for i, box in enumerate(labels):
        assert all(box.overlap(other) == 0 for other in labels[i + 1 :] + dots), points[i]["title"]
    frame = map_frame(points)
    assert frame["top"] >= 0 and frame["top"] + frame["height"] <= HEIGHT
    assert frame["height"] < HEIGHT  # no empty sea below the towns
    assert f'viewBox="0 {frame["top"]} 403 {frame["height"]}"' in response.content.decode()
