"""Journey 3: an editor writes seminar outcomes in the Wagtail admin, a moderator publishes them,
and they appear in the knowledge listing, the feed and the search results.

Everything goes through the admin UI in the browser, StreamField blocks included (the "+"
insert button and the block chooser), as an editor would.
"""

import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from knowledge.models import KnowledgeIndexPage, SeminarPage
from portal.core.editorial import EDITORS_GROUP, MODERATORS_GROUP

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

TITLE = "Mediatoru darba rezultāti Zemgalē un Kurzemē"
SEARCH_WORD = "Zemgalē"
PASSWORD = "browser-test-password"  # noqa: S105 (test users only)
# From the seed: families supported in Jelgava and Ventspils.
FIGURES = [("Jelgava", "30"), ("Ventspils", "17")]


def member(group_name, username):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def sign_in(page, base, username, camera):
    page.goto(base + "/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    camera.shoot(page, f"{username} signs in")
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(base + "/admin/")


def sign_out(page, base):
    page.context.clear_cookies()
    page.goto(base + "/admin/login/")


def insert_block(page, label):
    """The last "+" of the body StreamField, then the block type in the chooser."""
    page.locator("[data-contentpath=body] button.c-sf-add-button").last.click()
    page.get_by_role("option", name=label, exact=True).click()


def add_list_item(page, list_prefix):
    """The "+" under the last item of a ListBlock (its inputs are named `<list_prefix>-N-...`)."""
    count = page.locator(f"input[name='{list_prefix}-count']")
    before = int(count.input_value())
    container = page.locator("[data-contentpath=body] [data-contentpath=rows]").last
    container.locator("button.c-sf-add-button").last.click()
    expect(count).to_have_value(str(before + 1))


def open_dropdown_action(page, name):
    """Publish/submit live in the footer's "more actions" dropdown unless they are first."""
    button = page.locator(f"button[name={name}]")
    if not button.is_visible():
        page.locator(
            "footer .w-dropdown__toggle, footer [data-w-dropdown-target=toggle]"
        ).first.click()
    button.click()


def test_editor_creates_seminar_outcomes_and_a_moderator_publishes_them(demo, journey_page, camera):
    page = journey_page
    index = KnowledgeIndexPage.objects.live().first()
    member(EDITORS_GROUP, "redaktore")
    member(MODERATORS_GROUP, "moderators")

    sign_in(page, demo, "redaktore", camera)
    page.goto(f"{demo}/admin/pages/add/knowledge/seminarpage/{index.pk}/")
    page.locator("input[name=title]").fill(TITLE)
    page.locator("textarea[name=summary]").fill(
        "Kā mediatori Jelgavā un Ventspilī īstenoja semināra ieteikumus: tabula un skaitļi."
    )
    page.locator("input[name=place]").fill("Jelgava")
    camera.shoot(page, "editor fills the seminar form")

    insert_block(page, "Ieteikumi → īstenošana")
    page.locator("input[name='body-0-value-title']").fill("Ieteikumi un to īstenošana")
    page.locator("textarea[name='body-0-value-rows-0-value-recommendation']").fill(
        "Darba uzskaitē precīzi fiksēt sadarbības faktu."
    )
    page.locator("textarea[name='body-0-value-rows-0-value-implementation']").fill(
        "Ieteikums darba uzskaites dokumentos ir ņemts vērā."
    )
    page.locator("select[name='body-0-value-rows-0-value-status']").select_option("done")
    camera.shoot(page, "recommendation table block")

    insert_block(page, "Skaitļi ar diagrammu")
    page.locator("input[name='body-1-value-title']").fill("Atbalstītās ģimenes")
    page.locator("input[name='body-1-value-value_label']").fill("Ģimenes")
    add_list_item(page, "body-1-value-rows")
    for row, (label, value) in enumerate(FIGURES):
        page.locator(f"input[name='body-1-value-rows-{row}-value-label']").fill(label)
        page.locator(f"input[name='body-1-value-rows-{row}-value-value']").fill(value)
    page.locator("input[name='body-1-value-source']").fill("Romu mediatoru pieredzes seminārs")
    camera.shoot(page, "figures block")

    open_dropdown_action(page, "action-submit")
    expect(page.locator(".messages .success, .messages [class*=success]").first).to_be_visible()
    camera.shoot(page, "submitted for moderation")
    seminar = SeminarPage.objects.get(title=TITLE)
    assert not seminar.live
    assert seminar.current_workflow_state is not None
    assert seminar.current_workflow_state.status == "in_progress"
    sign_out(page, demo)

    sign_in(page, demo, "moderators", camera)
    page.goto(f"{demo}/admin/pages/{seminar.pk}/edit/")
    camera.shoot(page, "moderator opens the submitted page")
    # "Approve and publish" without a comment (the other approve button opens a comment dialog).
    approve = page.locator(
        "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    )
    if not approve.is_visible():
        page.locator(
            "footer .w-dropdown__toggle, footer [data-w-dropdown-target=toggle]"
        ).first.click()
    approve.click()
    expect(page.locator(".messages").first).to_be_visible()
    camera.shoot(page, "moderator approved")
    seminar.refresh_from_db()
    assert seminar.live
    sign_out(page, demo)

    page.goto(demo + seminar.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    table = page.locator("table").filter(has_text="Darba uzskaitē precīzi fiksēt")
    expect(table).to_be_visible()
    expect(table).to_contain_text("Ieteikums darba uzskaites dokumentos ir ņemts vērā.")
    chart = page.locator("figure svg, svg[role=img]").first
    expect(chart).to_be_visible()
    figures_table = page.locator("table").filter(has_text="Jelgava").filter(has_text="17")
    expect(figures_table).to_be_visible()
    camera.shoot(page, "published seminar page")

    page.goto(demo + index.url)
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    camera.shoot(page, "knowledge listing")

    feed = page.request.get(demo + index.url + "feed/")
    assert feed.ok
    assert TITLE in feed.text()
    assert seminar.url in feed.text()

    # The index is updated after the publish commits; Elasticsearch shows it within a second.
    deadline = time.monotonic() + 20
    while True:
        page.goto(f"{demo}/meklet/?q={SEARCH_WORD}")
        if page.get_by_role("link", name=TITLE).count() or time.monotonic() > deadline:
            break
        time.sleep(1)
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    camera.shoot(page, "search results")
