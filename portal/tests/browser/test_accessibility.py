"""axe-core on every public page type, keyboard-only use, and the pages' language attributes."""

from urllib.parse import unquote

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .conftest import context_options, public_pages

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

BLOCKING_IMPACTS = {"serious", "critical"}
# On an English page, Latvian titles (of pages not yet translated, of directory entries) must say
# so, or a screen reader reads Latvian with English pronunciation. Latvian letters give them away.
LATVIAN_LINKS_WITHOUT_LANG = """
    Array.from(document.querySelectorAll("a"))
        .filter(a => /[āčēģīķļņšūž]/i.test(a.textContent))
        .filter(a => a.closest("[lang]").getAttribute("lang") !== "lv")
        .map(a => a.getAttribute("href") + " " + a.textContent.trim())
"""


def describe(violation):
    targets = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
    return f"{violation['id']} ({violation['impact']}): {violation['help']} — {targets}"


@pytest.mark.parametrize("viewport_name", ["desktop", "phone"])
def test_public_pages_have_no_serious_axe_violations_and_the_right_language(
    demo, browser, viewport_name, camera
):
    context = browser.new_context(**context_options(viewport_name))
    page = context.new_page()
    axe = Axe()
    problems = []
    try:
        for name, path, lang in public_pages(page, demo):
            response = page.goto(demo + path)
            expected_status = 404 if name == "not found" else 200
            assert response.status == expected_status, (name, path, response.status)
            html_lang = page.locator("html").get_attribute("lang")
            if html_lang != lang:
                problems.append(f"{name} {path}: <html lang={html_lang!r}>, expected {lang!r}")
            if lang == "en":
                problems.extend(
                    f"{name} {path}: Latvian link without lang=lv: {link}"
                    for link in page.evaluate(LATVIAN_LINKS_WITHOUT_LANG)
                )
            results = axe.run(page)
            problems.extend(
                f"{name} {path}: {describe(violation)}"
                for violation in results.response["violations"]
                if violation["impact"] in BLOCKING_IMPACTS
            )
            camera.shoot(page, name)
    finally:
        context.close()
    assert problems == [], "\n".join(problems)


def tab_to(page, predicate_js, limit=80):
    """Press Tab until the focused element matches; returns its description."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {predicate_js})(document.activeElement)"):
            return page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
    raise AssertionError(f"Tab never reached an element where {predicate_js}")


def assert_focus_visible(page):
    """The focused element shows a focus indicator (an outline or a box shadow)."""
    style = page.evaluate(
        """(() => {
            const s = getComputedStyle(document.activeElement);
            return {outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow};
        })()"""
    )
    has_outline = style["outline"] != "none" and style["width"] not in ("0px", "")
    assert has_outline or style["shadow"] != "none", style


def test_search_results_directory_and_guide_work_with_the_keyboard_alone(demo, page, camera):
    page.goto(demo + "/")
    # The first Tab reaches the skip link, which is visible while focused.
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    assert_focus_visible(page)

    tab_to(page, "el.id === 'home-search'")
    assert_focus_visible(page)
    page.keyboard.type("īres parādi Ventspilī")
    camera.shoot(page, "search box focused")
    page.keyboard.press("Enter")
    page.wait_for_url("**/meklet/**")
    expect(page.locator(".result").first).to_be_visible()

    first_result = page.locator(".result__title a").first
    # Result links pass through the click log (/meklet/atvert/…?to=<address>) to the address.
    first_href = unquote(first_result.get_attribute("href").split("to=", 1)[-1])
    tab_to(page, "el.matches('.result__title a')")
    assert_focus_visible(page)
    camera.shoot(page, "first result focused")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{first_href}")
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    # Directory: the municipalities list, into one municipality, then compare two.
    page.goto(demo + "/pasvaldibas/")
    tab_to(page, "el.getAttribute('href') === '/pasvaldibas/tukums/'")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url("**/pasvaldibas/tukums/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tukums")

    page.goto(demo + "/pasvaldibas/")
    for slug in ("jelgava", "ventspils"):
        tab_to(page, f"el.name === 'm' && el.value === '{slug}'")
        assert_focus_visible(page)
        page.keyboard.press("Space")
    tab_to(page, "el.matches('.compare-form button[type=submit]')")
    assert_focus_visible(page)
    camera.shoot(page, "compare form by keyboard")
    page.keyboard.press("Enter")
    page.wait_for_url("**/pasvaldibas/salidzinat/**")
    expect(page.locator("table thead")).to_contain_text("Jelgava")
    expect(page.locator("table thead")).to_contain_text("Ventspils")

    # Guide: from the overview to step 1, on to step 2 and back.
    page.goto(demo + "/darba-uzsaksana/")
    tab_to(page, "el.matches('.guide-actions a.button')")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.locator(".step-counter")).to_contain_text("1. solis")
    tab_to(page, "el.getAttribute('rel') === 'next'")
    assert_focus_visible(page)
    camera.shoot(page, "next step focused")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.locator(".step-counter")).to_contain_text("2. solis")
    tab_to(page, "el.getAttribute('rel') === 'prev'")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.locator(".step-counter")).to_contain_text("1. solis")


ACCOUNT_PASSWORD = "browser-test-password"  # noqa: S105 (test users only)
NEW_ACCOUNT_PASSWORD = "browser-test-password-2"  # noqa: S105 (test users only)


def serious_violations(page, name, axe):
    return [
        f"{name} {page.url}: {describe(violation)}"
        for violation in axe.run(page).response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def test_account_pages_have_no_serious_axe_violations(demo, browser, camera):
    """Sign-in, password reset (request, sent, new password, changed), the authenticator code
    and the profile form, on a phone, each also as it answers a mistake."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    mediator = get_user_model().objects.get(username="demo-mediators")
    mediator.set_password(ACCOUNT_PASSWORD)
    mediator.email = "demo-mediators@example.org"
    mediator.save()
    context = browser.new_context(**context_options("phone"))
    page = context.new_page()
    axe = Axe()
    problems = []

    def check(name):
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        problems.extend(serious_violations(page, name, axe))
        camera.shoot(page, name)

    try:
        page.goto(demo + "/konts/parole/")
        check("password reset")
        page.locator("input[name=email]").fill("demo-mediators@example.org")
        page.locator("form.stacked-form button[type=submit]").click()
        page.wait_for_url("**/konts/parole/nosutita/")
        check("password reset sent")
        uid = urlsafe_base64_encode(force_bytes(mediator.pk))
        token = default_token_generator.make_token(mediator)
        page.goto(f"{demo}/konts/parole/jauna/{uid}/{token}/")
        page.locator("input[name=new_password1]").fill("īsa")
        page.locator("form.stacked-form button[type=submit]").click()
        check("new password with an error")
        page.locator("input[name=new_password1]").fill(NEW_ACCOUNT_PASSWORD)
        page.locator("input[name=new_password2]").fill(NEW_ACCOUNT_PASSWORD)
        page.locator("form.stacked-form button[type=submit]").click()
        page.wait_for_url("**/konts/parole/nomainita/")
        check("password changed")

        device = TOTPDevice.objects.create(user=mediator, name="tālrunis", confirmed=True)
        page.goto(demo + "/konts/pieslegties/")
        check("sign in")
        page.get_by_label("Lietotājvārds").fill("demo-mediators")
        page.get_by_label("Parole").fill(NEW_ACCOUNT_PASSWORD)
        page.get_by_role("button", name="Pieslēgties").click()
        page.wait_for_url("**/konts/pieslegties/kods/**")
        check("authenticator code")
        page.locator("input[name=token]").fill("000000")
        page.get_by_role("button", name="Pieslēgties").click()
        expect(page.locator(".field-error")).to_contain_text("Kods nav pareizs")
        check("authenticator code wrong")
        device.refresh_from_db()
        device.throttle_reset()
        code = f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"
        page.locator("input[name=token]").fill(code)
        page.get_by_role("button", name="Pieslēgties").click()
        page.wait_for_url("**/mans-darbs/")

        page.get_by_role("link", name="Labot profilu").click()
        page.wait_for_url("**/mans-darbs/profils/**")
        check("profile form")
        page.locator("input[name=public_email]").fill("nav-epasts")
        page.get_by_role("button", name="Nosūtīt moderatoram").click()
        expect(page.locator(".field-error").first).to_be_visible()
        check("profile form with an error")
    finally:
        context.close()
    assert problems == [], "\n".join(problems)
