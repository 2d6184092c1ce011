"""The synthetic corpus (issue 10): right counts, a valid tree, pages that render, clean removal."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from taggit.models import Tag
from wagtail.models import Page

from knowledge.models import ArticlePage, GuidePage, GuideStepPage
from network.directory.models import Contact, MunicipalityPage, Organization, Phone, Service
from network.mediators.models import MediatorProfilePage
from network.posts.models import ExperiencePostPage, Reply
from portal.core.synthetic import MARK
from portal.synthetic import CorpusExists, generate_corpus, remove_corpus

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

SMALL = {
    "municipalities": 3,
    "articles": 20,
    "services": 10,
    "mediators": 4,
    "posts": 7,
    "replies_per_post": 2,
    "seed": 3,
    "progress": False,
}


def synthetic(model):
    return model.objects.filter(slug__startswith="synth-")


def public_url(page):
    """The page's path on the default site (the home page's url_path is the site root)."""
    root = Page.objects.get(pk=page.get_site().root_page_id).url_path
    return "/" + page.url_path.removeprefix(root)


def snapshot():
    """What the demo holds, row by row, to compare before and after a corpus comes and goes."""
    return {
        "pages": sorted(Page.objects.values_list("pk", "path", "numchild", "url_path", "title")),
        "services": sorted(Service.objects.values_list("pk", "name")),
        "organizations": Organization.objects.count(),
        "contacts": Contact.objects.count(),
        "phones": Phone.objects.count(),
        "replies": Reply.objects.count(),
        "users": sorted(get_user_model().objects.values_list("username", flat=True)),
        "tags": sorted(Tag.objects.values_list("slug", flat=True)),
        "article_topics": ArticlePage.topics.through.objects.count(),
        "service_areas": Service.service_areas.through.objects.count(),
    }


def test_counts_tree_and_marks(demo_site):
    counts = generate_corpus(**SMALL)

    assert counts["municipalities"] == synthetic(MunicipalityPage).count() == 3
    assert counts["articles"] == synthetic(ArticlePage).count() == 18
    assert counts["guides"] == synthetic(GuidePage).count() == 2
    assert counts["guide_steps"] == synthetic(GuideStepPage).count() == 10
    assert counts["services"] == Service.objects.filter(name__endswith=MARK).count() == 10
    assert counts["mediators"] == synthetic(MediatorProfilePage).count() == 4
    assert counts["posts"] == synthetic(ExperiencePostPage).count() == 7
    assert counts["replies"] == Reply.objects.filter(post__slug__startswith="synth-").count() == 14
    assert Page.find_problems() == ([], [], [], [], [])
    for page in Page.objects.filter(slug__startswith="synth-"):
        assert page.title.endswith(MARK)
        assert page.live and page.url_path.endswith(f"/{page.slug}/")
    guide = synthetic(GuidePage).first()
    assert guide.numchild == guide.get_children().count() == 5
    emails = [
        *Service.objects.filter(name__endswith=MARK).values_list("email", flat=True),
        *Contact.objects.filter(service__name__endswith=MARK).values_list("email", flat=True),
        *get_user_model()
        .objects.filter(username__startswith="synth-")
        .values_list("email", flat=True),
    ]
    assert emails and all(email.endswith("@example.org") for email in emails)
    numbers = Phone.objects.filter(service__name__endswith=MARK).values_list("number", flat=True)
    assert numbers and all(number.startswith("+371 0") for number in numbers)


def test_pages_render_and_listings_show_the_corpus(demo_site, client):
    generate_corpus(**SMALL)
    service = Service.objects.filter(name__endswith=MARK).first()
    urls = [
        "/",
        public_url(synthetic(ArticlePage).first()),
        public_url(synthetic(GuidePage).first()),
        public_url(synthetic(GuideStepPage).last()),
        public_url(synthetic(MunicipalityPage).first()),
        service.get_absolute_url(),
        public_url(synthetic(MediatorProfilePage).first()),
        public_url(synthetic(ExperiencePostPage).first()),
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url
    for listing in ["/zinasanas/", "/pieredze/", "/mediatori/", "/pasvaldibas/"]:
        response = client.get(listing)
        assert response.status_code == 200, listing
        assert MARK in response.content.decode(), listing
    municipality = client.get(public_url(synthetic(MunicipalityPage).first())).content.decode()
    assert MARK in municipality.split("<main", 1)[1]  # its directory lists synthetic services


def test_remove_restores_the_demo_exactly(demo_site):
    before = snapshot()
    generate_corpus(**SMALL)
    assert snapshot() != before

    deleted = remove_corpus()

    assert deleted["wagtailcore.Page"] == 3 + 20 + 10 + 4 + 7
    assert deleted["network.Service"] == 10
    assert snapshot() == before
    assert Page.find_problems() == ([], [], [], [], [])
    assert remove_corpus() == {}  # nothing left to remove


def test_second_run_is_refused_with_a_clear_message(demo_site):
    generate_corpus(**SMALL)
    with pytest.raises(CorpusExists, match="--remove"):
        generate_corpus(**SMALL)
    with pytest.raises(CommandError, match="already present"):
        call_command("generate_corpus", "--scale", "0.001", stdout=io.StringIO())


def test_command_generates_and_removes(demo_site):
    out = io.StringIO()
    call_command(
        "generate_corpus",
        "--municipalities=2",
        "--articles=10",
        "--services=4",
        "--mediators=2",
        "--posts=3",
        "--verbosity=0",
        stdout=out,
    )
    assert "Created in" in out.getvalue() and "3 posts" in out.getvalue()
    out = io.StringIO()
    call_command("generate_corpus", "--remove", stdout=out)
    assert "Removed in" in out.getvalue()
    assert not Page.objects.filter(slug__startswith="synth-").exists()


def test_a_corpus_without_mediators_has_no_profiles_or_posts(demo_site):
    out = io.StringIO()
    call_command(
        "generate_corpus", "--scale=0.001", "--mediators=0", "--posts=0", "-v0", stdout=out
    )
    assert "0 posts" in out.getvalue() and "0 mediators" in out.getvalue()
    assert not MediatorProfilePage.objects.filter(slug__startswith="synth-").exists()
    assert Service.objects.filter(name__endswith=MARK).exists()


def test_bad_counts_are_refused(demo_site):
    with pytest.raises(CommandError, match="43"):
        call_command("generate_corpus", "--municipalities=44", stdout=io.StringIO())
    with pytest.raises(ValueError, match="negative"):
        generate_corpus(**{**SMALL, "posts": -1})
    assert not Page.objects.filter(slug__startswith="synth-").exists()
