"""Each knowledge page type can be created through the Wagtail admin form, and then renders."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from knowledge.models import ArticlePage, GuidePage, GuideStepPage, KnowledgeIndexPage, SeminarPage

pytestmark = pytest.mark.django_db


def list_block(items):
    """Form data of a ListBlock (like `streamfield`, without block types)."""
    data = {
        str(index): {"value": item, "deleted": "", "order": str(index)}
        for index, item in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def create(client, parent, model, data, multiple=None):
    """POST the admin's add form; `multiple` holds multi-valued fields (checkbox lists)."""
    url = reverse(
        "wagtailadmin_pages:add",
        args=(model._meta.app_label, model._meta.model_name, parent.pk),
    )
    post = nested_form_data({**data, "comments": inline_formset([])})
    post.update(multiple or {})
    post["action-publish"] = "publish"
    return client.post(url, post)


def create_and_render(client, parent, model, data, multiple=None):
    response = create(client, parent, model, data, multiple)
    assert response.status_code == 302, _form_errors(response)
    page = model.objects.get(slug=data["slug"])
    assert page.live
    page_response = client.get(page.url)
    assert page_response.status_code == 200
    return page, page_response.content.decode()


def _form_errors(response):
    context = response.context
    if context is None:
        return response.content[:500]
    form = context.get("form")
    return form.errors.as_json() if form is not None else response.content[:500]


def test_knowledge_index_page(admin_client, home):
    page, html = create_and_render(
        admin_client,
        home,
        KnowledgeIndexPage,
        {"title": "Zināšanas", "slug": "zinasanas", "intro": rich_text("<p>Ievads</p>")},
    )
    assert "Vēl nav publicētu rakstu." in html


def test_article_page_with_every_kind_of_block(
    admin_client, knowledge_index, topics, municipalities
):
    data = {
        "title": "Parādu nomaksas grafiki",
        "slug": "paradu-nomaksas-grafiki",
        "summary": "Mediatore palīdz sastādīt grafiku.",
        "body": streamfield(
            [
                ("paragraph", rich_text("<p>Ģimenes vienojas par grafiku.</p>")),
                ("heading", {"text": "Kā to dara", "level": "h2"}),
                ("callout", {"kind": "tip", "title": "Padoms", "text": rich_text("<p>Jautā.</p>")}),
                (
                    "quote",
                    {"text": "Mazinās parādi.", "role": "Sociālais darbinieks", "municipality": ""},
                ),
                ("checklist", {"title": "Soļi", "items": list_block(["Izskaidrot", "Sastādīt"])}),
                (
                    "recommendations",
                    {
                        "title": "Ieteikumi",
                        "rows": list_block(
                            [
                                {
                                    "recommendation": "Fiksēt",
                                    "implementation": "Ņemts vērā",
                                    "status": "done",
                                }
                            ]
                        ),
                    },
                ),
                (
                    "mediator_results",
                    {
                        "name": "Marta Paņko",
                        "municipality": municipalities["riga"].pk,
                        "supported_count": "41",
                        "supported_unit": "persons",
                        "supported_note": "",
                        "activities": list_block(["Palīdzība dokumentos"]),
                        "profile": "",
                    },
                ),
                (
                    "figures",
                    {
                        "title": "Ģimenes",
                        "value_label": "Skaits",
                        "rows": list_block([{"label": "Jelgava", "value": "30", "note": ""}]),
                        "source": "Seminārs",
                    },
                ),
            ]
        ),
        "tags": "parādi, mājoklis",
        "audience": "mediators",
        "practice_status": "demonstrated",
        "contact_name": "",
        "contact_role": "Romu mediatore, Rīga",
        "contact_email": "",
        "contact_phone": "",
        "review_by": "2030-01-31",
    }
    page, html = create_and_render(
        admin_client,
        knowledge_index,
        ArticlePage,
        data,
        multiple={"topics": [topics["majoklis"].pk], "municipalities": [municipalities["riga"].pk]},
    )
    assert [block.block_type for block in page.body] == [
        "paragraph", "heading", "callout", "quote", "checklist", "recommendations",
        "mediator_results", "figures",
    ]  # fmt: skip
    assert list(page.topics.all()) == [topics["majoklis"]]
    assert {tag.name for tag in page.tags.all()} == {"parādi", "mājoklis"}
    assert "Ģimenes vienojas par grafiku." in html
    assert "Atbalstītas personas: 41" in html
    assert "<table" in html and "<svg" in html
    assert "apliecināta" in html


def test_seminar_page(admin_client, knowledge_index):
    data = {
        "title": "Pieredzes apmaiņas seminārs",
        "slug": "seminars",
        "summary": "Seminārs par mediāciju.",
        "date": "",
        "period": "2019. gada septembris – 2020. gada aprīlis",
        "place": "",
        "organiser": "Kultūras ministrija",
        "goals": rich_text("<p>Izvērtēt praksi.</p>"),
        "tasks": rich_text("<ul><li>Apzināt paveikto</li></ul>"),
        "body": streamfield([("heading", {"text": "Rezultāti", "level": "h2"})]),
        "tags": "",
        "audience": "all",
    }
    page, html = create_and_render(admin_client, knowledge_index, SeminarPage, data)
    assert page.organiser == "Kultūras ministrija"
    assert "Izvērtēt praksi." in html
    assert "Apzināt paveikto" in html


def test_guide_and_step_pages(admin_client, home):
    guide, html = create_and_render(
        admin_client,
        home,
        GuidePage,
        {
            "title": "Darba uzsākšana",
            "slug": "darba-uzsaksana",
            "summary": "Soļi jaunam mediatoram.",
            "intro": rich_text("<p>Sāciet šeit.</p>"),
            "audience": "new_mediators",
            "review_by": "",
        },
    )
    assert "Ceļvedim vēl nav publicētu soļu." in html
    step, html = create_and_render(
        admin_client,
        guide,
        GuideStepPage,
        {
            "title": "Iepazīstieties ar speciālistiem",
            "slug": "iepazisties",
            "summary": "Pirmais solis.",
            "body": streamfield(
                [("checklist", {"title": "", "items": list_block(["Sociālais dienests"])})]
            ),
        },
    )
    assert "1. solis no 1" in html
    assert 'type="checkbox"' in html


def test_invalid_figures_are_rejected_by_the_form(admin_client, knowledge_index):
    response = create(
        admin_client,
        knowledge_index,
        ArticlePage,
        {
            "title": "Bez skaitļiem",
            "slug": "bez-skaitliem",
            "summary": "x",
            "body": streamfield(
                [
                    (
                        "figures",
                        {
                            "title": "Nulles",
                            "value_label": "Skaits",
                            "rows": list_block([{"label": "A", "value": "0", "note": ""}]),
                            "source": "x",
                        },
                    )
                ]
            ),
            "tags": "",
            "audience": "all",
            "practice_status": "promising",
            "review_by": "",
        },
    )
    assert response.status_code == 200
    assert not ArticlePage.objects.filter(slug="bez-skaitliem").exists()


@pytest.mark.parametrize(
    ("model", "parent_fixture"),
    [
        (KnowledgeIndexPage, "home"),
        (ArticlePage, "knowledge_index"),
        (SeminarPage, "knowledge_index"),
        (GuidePage, "home"),
        (GuideStepPage, "guide"),
    ],
)
def test_add_forms_open(admin_client, request, model, parent_fixture):
    parent = request.getfixturevalue(parent_fixture)
    url = reverse(
        "wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk)
    )
    assert admin_client.get(url).status_code == 200


def test_scheduled_publishing_waits_for_go_live(admin_client, knowledge_index):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    go_live = timezone.now() + timedelta(days=1)
    data = {
        "title": "Vēlāk",
        "slug": "velak",
        "summary": "Publicēs rīt.",
        "body": streamfield([]),
        "tags": "",
        "audience": "all",
        "practice_status": "promising",
        "review_by": "",
        "go_live_at": timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M"),
    }
    assert create(admin_client, knowledge_index, ArticlePage, data).status_code == 302
    page = ArticlePage.objects.get(slug="velak")
    assert not page.live
    assert 'href="/zinasanas/velak/"' not in admin_client.get("/zinasanas/").content.decode()
    revision = page.latest_revision
    assert revision.approved_go_live_at is not None
    # Pretend the day has passed, then let Wagtail's scheduler do its work.
    past = timezone.now() - timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
