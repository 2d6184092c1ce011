"""Issue 21: the Latvian admin shows no English, walked as an editor, a moderator and an
administrator use it, and every image on those screens loads (the avatar included).

English words come from the msgids of the English Wagtail, Django and wagtail-localize
catalogues, less the words the Latvian catalogues use themselves; proper names and code are
allowed explicitly. User content (rich text, textareas, code) is skipped.
"""

import re
from functools import cache
from pathlib import Path

import polib
import pytest
import wagtail
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.models import Page

from knowledge.models import ArticlePage, KnowledgeIndexPage, SeminarPage
from network.directory.models import Service
from portal.core.editorial import EDITORS_GROUP, MODERATORS_GROUP
from portal.tests.browser.test_journey_editorial import (
    PASSWORD,
    member,
    open_dropdown_action,
    sign_in,
    sign_out,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

SITE_PACKAGES = Path(wagtail.__file__).parent.parent
ENGLISH_CATALOGUES = ["wagtail/**/en/LC_MESSAGES/*.po", "wagtail_localize/**/en/LC_MESSAGES/*.po"]
ENGLISH_CATALOGUES += [
    f"django/contrib/{app}/locale/en/LC_MESSAGES/*.po" for app in ("admin", "auth")
]
# Proper names, codes and abbreviations a Latvian sentence keeps as they are.
ALLOWED = {"wagtail", "url", "id", "pdf", "api", "alt", "html", "csv", "xlsx", "svg", "png", "jpeg"}
ALLOWED |= {"gif", "webp", "avif", "ico", "docx", "odt", "ods", "pptx", "txt", "gravatar", "ctrl"}
ALLOWED |= {"cmd", "shift", "alt", "tab", "enter", "esc", "ok", "rss", "totp", "elasticsearch"}
ALLOWED |= {"english", "latviešu", "django", "markdown", "http", "https", "www", "org", "com"}
ALLOWED |= {"po", "meta", "preferences"}  # the PO file format; Latvian words spelt as English
PLACEHOLDERS = re.compile(r"%\(\w+\)[sdi]|%[sd]|\{\w*\}|<[^>]*>|&\w+;")
NOT_WORDS = re.compile(
    r"\S+@\S+|\b\w+\.\w+\b|\w+://\S+|/\S*|\S+\.(?:png|jpe?g|pdf|docx?|svg|gif|webp)\b"
)

COLLECT = """() => {
  const skip = 'script,style,noscript,template,textarea,code,pre,[contenteditable=true],'
    + 'select[name$=time_zone]';  // time zone identifiers are code
  const shown = (el) => el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true});
  const texts = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement, text = walker.currentNode.textContent.trim();
    const option = el && el.closest('select');
    if (text && el && !el.closest(skip) && shown(option || el)) texts.push(text);
  }
  for (const el of document.body.querySelectorAll('[placeholder],[title],[aria-label]')) {
    if (el.closest(skip) || !shown(el)) continue;
    for (const name of ['placeholder', 'title', 'aria-label']) {
      const value = (el.getAttribute(name) || '').trim();
      if (value) texts.push(value);
    }
  }
  return texts;
}"""
BROKEN_IMAGES = """() => [...document.images]
  .filter((img) => img.getAttribute('src') && img.complete && img.naturalWidth === 0)
  .map((img) => img.currentSrc || img.src)"""


@pytest.fixture
def viewport():
    return "desktop"  # the admin's screens are the same on a phone; one pass is enough


def words(text, ascii_only=False):
    text = PLACEHOLDERS.sub(" ", text)
    return {w.lower() for w in re.findall(r"[A-Za-z]+" if ascii_only else r"[^\W\d_]+", text)}


@cache
def english_words():
    english, latvian = set(), set()
    for pattern in ENGLISH_CATALOGUES:
        for path in SITE_PACKAGES.glob(pattern):
            for entry in polib.pofile(str(path)):
                english |= words(f"{entry.msgid} {entry.msgid_plural}", ascii_only=True)
    for path in Path(settings.BASE_DIR, "locale").glob("**/lv/LC_MESSAGES/*.po"):
        for entry in polib.pofile(str(path)):
            source = words(f"{entry.msgid} {entry.msgid_plural}")
            for text in [entry.msgstr, *entry.msgstr_plural.values()]:
                latvian |= words(text) - source
    return {w for w in english - latvian - ALLOWED if len(w) > 1}


class Survey:
    """Visits admin screens, collecting English texts and broken images."""

    def __init__(self, page, base, camera):
        self.page, self.base, self.camera = page, base, camera
        self.findings, self.broken, self.content = {}, [], None

    def check(self, screen):
        page = self.page
        page.wait_for_load_state("networkidle")
        english = english_words()
        for text in page.evaluate(COLLECT):
            text = " ".join(text.split())
            if words(NOT_WORDS.sub(" ", self.without_content(text))) & english:
                self.findings.setdefault(text, screen)
        self.broken += [f"{screen}: {src}" for src in page.evaluate(BROKEN_IMAGES)]
        self.camera.shoot(page, screen)

    def without_content(self, text):
        """User content: page titles (English ones too) and user names."""
        if self.content is None:
            titles = Page.objects.values_list("title", flat=True)
            names = get_user_model().objects.values_list("username", flat=True)
            self.content = sorted({*titles, *names}, key=len, reverse=True)
        for name in self.content:
            text = text.replace(name, " ")
        return text

    def visit(self, screen, url):
        self.page.goto(url if url.startswith("http") else self.base + url)
        self.check(screen)

    def visit_all(self, screens):
        for screen, url in screens:
            self.visit(screen, url)

    def click(self, screen, locator):
        locator.click()
        self.check(screen)


def edit_article(survey, article):
    page = survey.page
    survey.visit("rakstas labošana", f"/admin/pages/{article.pk}/edit/")
    for tab in page.get_by_role("tab").all():
        if tab.is_visible():
            survey.click(f"cilne {tab.inner_text().strip()}", tab)
    page.get_by_role("tab").first.click()
    add = page.locator("[data-contentpath=body] button.c-sf-add-button")
    if add.count():
        survey.click("bloku izvēlne", add.first)
        page.keyboard.press("Escape")
    for toggle in page.locator("button[data-side-panel-toggle]").all():
        name = toggle.get_attribute("data-side-panel-toggle")
        survey.click(f"sānu panelis {name}", toggle)
        toggle.click()


def create_and_submit_seminar(survey, index):
    page = survey.page
    survey.visit("jauns seminārs", f"/admin/pages/add/knowledge/seminarpage/{index.pk}/")
    page.locator("input[name=title]").fill("Semināra tulkojuma pārbaude")
    page.locator("textarea[name=summary]").fill("Īss kopsavilkums par semināru.")
    page.locator("input[name=place]").fill("Jelgava")
    page.get_by_role("tab").nth(1).click()
    page.locator("input[name=slug]").fill("seminara-tulkojuma-parbaude")
    survey.check("jauns seminārs: veicināšana")
    survey.click("melnraksts saglabāts", page.locator("footer button.action-save").first)
    open_dropdown_action(page, "action-submit")
    expect(page.locator(".messages").first).to_be_visible()
    survey.check("iesniegts moderēšanai")
    return SeminarPage.objects.get(title="Semināra tulkojuma pārbaude")


def editor_walk(survey, home, index, article):
    survey.visit_all(
        [
            ("sākumpanelis", "/admin/"),
            ("lapu koks: sākums", f"/admin/pages/{home.pk}/"),
            ("lapu koks: zināšanas", f"/admin/pages/{index.pk}/"),
        ]
    )
    edit_article(survey, article)
    seminar = create_and_submit_seminar(survey, index)
    service = Service.objects.order_by("name").first()
    survey.visit_all(
        [
            ("lapas vēsture", f"/admin/pages/{seminar.pk}/history/"),
            ("attēli", "/admin/images/"),
            ("attēlu augšupielāde", "/admin/images/multiple/add/"),
            ("dokumenti", "/admin/documents/"),
            ("dokumentu augšupielāde", "/admin/documents/multiple/add/"),
            ("fragmenti", "/admin/snippets/"),
            ("pakalpojumi", "/admin/snippets/network/service/"),
            ("pakalpojuma labošana", f"/admin/snippets/network/service/edit/{service.pk}/"),
            ("kontakti", "/admin/snippets/network/organization/"),
            ("jāpārskata", reverse("knowledge_review_report")),
            ("meklējumi bez atbildes", reverse("search_unanswered")),
            ("novecojuši kontakti", reverse("network_stale_services")),
            ("mēneša atskaites", reverse("network_reports")),
            ("uzaicināt", reverse("invite")),
            ("konts", "/admin/account/"),
            ("divu soļu pieteikšanās", reverse("portal_2fa_setup")),
        ]
    )
    return seminar


def moderator_walk(survey, seminar):
    page = survey.page
    survey.visit("moderatora sākumpanelis", "/admin/")
    survey.visit("iesniegtā lapa", f"/admin/pages/{seminar.pk}/edit/")
    approve = page.locator(
        "button[data-workflow-action-name=approve][data-workflow-action-modal-url]"
    )
    if not approve.is_visible():
        page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    survey.click("apstiprināšanas dialogs", approve)
    page.locator(".modal button[type=submit]").click()
    expect(page.locator(".messages").first).to_be_visible()
    survey.check("apstiprināts")
    survey.visit_all(
        [
            ("vēsture pēc publicēšanas", f"/admin/pages/{seminar.pk}/history/"),
            ("darbplūsmu pārskats", "/admin/reports/workflow/"),
            ("uzdevumu pārskats", "/admin/reports/workflow_tasks/"),
            ("bloķētās lapas", "/admin/reports/locked/"),
            ("novecojušās lapas", "/admin/reports/aging-pages/"),
            ("vietnes vēsture", "/admin/reports/site-history/"),
            ("lapu tipu lietojums", "/admin/reports/page-types-usage/"),
        ]
    )


def translate(survey, article):
    page = survey.page
    survey.visit("tulkot", f"/admin/localize/submit/page/{article.pk}/")
    page.locator("input[name=locales]").first.check()
    page.locator("main form [type=submit]").first.click()
    page.locator(".js-translation-editor > *").first.wait_for()
    survey.check("tulkojuma redaktors")
    # Literals in wagtail-localize's bundle, made gettext calls by portal/core/static_patches.py.
    expect(page.get_by_text("Tulkojums: Latviešu → English").first).to_be_attached()
    expect(page.locator(".w-sr-only", has_text="Citas darbības").first).to_be_attached()


def admin_walk(survey, article, editor):
    group = editor.groups.first()
    survey.visit_all(
        [
            ("darbplūsmas", "/admin/workflows/list/"),
            ("uzdevumi", "/admin/workflows/tasks/index/"),
            ("lietotāji", "/admin/users/"),
            ("lietotāja labošana", f"/admin/users/edit/{editor.pk}/"),
            ("grupas", "/admin/groups/"),
            ("grupas labošana", f"/admin/groups/edit/{group.pk}/"),
            ("vietnes iestatījumi", "/admin/settings/portal/sitesettings/"),
            ("vietnes", "/admin/sites/"),
            ("pāradresācijas", "/admin/redirects/"),
            ("jauna pāradresācija", "/admin/redirects/add/"),
            ("izceltie meklēšanas rezultāti", "/admin/searchpicks/"),
            ("valodas", "/admin/locales/"),
            ("kolekcijas", "/admin/collections/"),
            ("e-pasta izsūtne", "/admin/izsutne/"),
            ("tulkojumu pārskats", "/admin/localize/reports/translations/"),
        ]
    )
    translate(survey, article)


def test_latvian_admin_shows_no_english(demo, journey_page, camera):
    index = KnowledgeIndexPage.objects.live().first()
    home = index.get_parent()
    article = ArticlePage.objects.live().filter(locale__language_code="lv").first()
    editor = member(EDITORS_GROUP, "redaktore")
    member(MODERATORS_GROUP, "moderatore")
    get_user_model().objects.create_superuser("vaditaja", "vaditaja@example.org", PASSWORD)
    survey = Survey(journey_page, demo, camera)

    sign_in(journey_page, demo, "redaktore", camera)
    seminar = editor_walk(survey, home, index, article)
    sign_out(journey_page, demo)
    sign_in(journey_page, demo, "moderatore", camera)
    moderator_walk(survey, seminar)
    sign_out(journey_page, demo)
    sign_in(journey_page, demo, "vaditaja", camera)
    admin_walk(survey, article, editor)

    report = [f"{screen}: {text}" for text, screen in survey.findings.items()]
    print("\n".join(report + survey.broken))
    assert not (report or survey.broken), (
        f"{len(report)} English texts, {len(survey.broken)} broken images:\n"
        + "\n".join(report + survey.broken)
    )
