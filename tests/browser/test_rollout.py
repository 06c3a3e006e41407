"""A central editor rolls the demo workshop out to a region, in the Wagtail admin, in Chromium.

From the template's header menu to the roll-out form, a region ticked, the roll-out started, the
progress page ending on the summary and a link from it to a new edition: at a desktop width and
at a phone's. The progress page is also followed while a run is going, with and without script.
"""

import pytest

from tests.browser.screens import shot
from wagtail_learninggroups.editions.models_rollout import RolloutRun
from wagtail_learninggroups.models import LocalEditionPage, WorkshopTemplatePage

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.urls("example_site.urls"),
]

WIDTHS = {"desktop": 1280, "phone": 390}


def no_serious_violations(page, include="main"):
    from axe_playwright_python.sync_playwright import Axe

    from tests.browser.test_accessibility import BLOCKING, describe

    violations = Axe().run(page, context={"include": [[include]]}).response["violations"]
    blocking = [violation for violation in violations if violation["impact"] in BLOCKING]
    assert blocking == [], describe(blocking)


def fits_the_width(page):
    """Nothing of the main column runs off the side of the screen."""
    return page.evaluate(
        "() => document.querySelector('main').scrollWidth <= document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_a_central_editor_rolls_the_workshop_out_to_a_region(admin_page, width, tmp_path):
    page = admin_page
    page.set_viewport_size({"width": width, "height": 900})
    template = WorkshopTemplatePage.objects.get(slug="how-parliament-works")
    page.goto(f"/admin/pages/{template.pk}/edit/")

    # The template's header menu ("⋯" beside its title) leads to the roll-out form.
    page.get_by_role("navigation", name="Actions", exact=True).get_by_role(
        "button", name="Actions"
    ).click()
    page.get_by_role("link", name="Roll out to offices").click()
    page.wait_for_url(f"**/learninggroups/rollout/{template.pk}/")
    form = page.locator("main form")

    # Offices that have an edition are shown, cannot be chosen, and say why.
    nairobi = form.get_by_role("checkbox", name="Nairobi", exact=True)
    assert nairobi.is_disabled()
    assert (
        "Already has an edition"
        in page.locator(f"#{nairobi.get_attribute('aria-describedby')}").inner_text()
    )

    # The filter narrows the list by name.
    page.get_by_label("Filter offices by name").fill("rey")
    assert form.get_by_role("checkbox", name="Reykjavik", exact=True).is_visible()
    assert not form.get_by_role("group", name="Africa").is_visible()
    page.get_by_label("Filter offices by name").fill("")
    assert form.get_by_role("group", name="Africa").is_visible()

    # A region's box ticks the offices of the region that can be chosen.
    africa = form.get_by_role("group", name="Africa")
    africa.get_by_role("checkbox", name="All offices in Africa").check()
    juba = africa.get_by_role("checkbox", name="Juba", exact=True)
    assert juba.is_checked() and not nairobi.is_checked()
    assert fits_the_width(page)
    no_serious_violations(page, "main form")

    page.get_by_role("button", name="Roll out").click()
    page.wait_for_url("**/learninggroups/rollout/runs/*/")
    run = RolloutRun.objects.get()
    # The demo runs its tasks at once: the progress page is over, on its summary.
    summary = page.locator("main")
    assert "Offices: 1. Editions created: 1. Skipped: 0. Failed: 0." in summary.inner_text()
    assert run.status == "finished" and run.done == run.total == 1
    assert fits_the_width(page)
    no_serious_violations(page)
    if width == WIDTHS["desktop"]:
        shot(page, "admin-rollout-summary.png", tmp_path)

    juba_edition = LocalEditionPage.objects.get(workshop=template, location__slug="juba")
    summary.get_by_role("link", name="Edit the edition of Juba").click()
    page.wait_for_url(f"**/admin/pages/{juba_edition.pk}/edit/")
    assert page.get_by_role("textbox", name="Title*").input_value() == template.title


def without_script(browser, admin_page):
    """A page of a browser that runs no script, signed in as ``admin_page`` is."""
    context = browser.new_context(
        java_script_enabled=False,
        base_url=admin_page.url.split("/admin/")[0],
        storage_state=admin_page.context.storage_state(),
    )
    return context.new_page()


def test_the_form_works_without_script(admin_page, browser):
    template = WorkshopTemplatePage.objects.get(slug="how-parliament-works")
    page = without_script(browser, admin_page)
    page.goto(f"/admin/learninggroups/rollout/{template.pk}/")
    # No filter box: it needs the script. The region's box alone stands for its offices.
    assert not page.get_by_label("Filter offices by name").is_visible()
    europe = page.locator("main form").get_by_role("group", name="Europe")
    europe.get_by_role("checkbox", name="All offices in Europe").check()
    assert not europe.get_by_role("checkbox", name="Reykjavik", exact=True).is_checked()
    page.get_by_role("button", name="Roll out").click()
    page.wait_for_url("**/learninggroups/rollout/runs/*/")
    assert "Editions created: 1." in page.locator("main").inner_text()
    assert LocalEditionPage.objects.filter(workshop=template, location__slug="reykjavik").exists()
    page.context.close()


@pytest.mark.parametrize("script", [True, False], ids=["polling", "without script"])
def test_the_progress_page_follows_a_run_to_its_summary(admin_page, browser, script):
    template = WorkshopTemplatePage.objects.get(slug="how-parliament-works")
    run = RolloutRun.objects.create(
        template=template, location_ids=[], total=5, done=2, status=RolloutRun.Status.RUNNING
    )
    page = admin_page if script else without_script(browser, admin_page)
    page.goto(f"/admin/learninggroups/rollout/runs/{run.pk}/")
    bar = page.locator("main progress")
    assert bar.get_attribute("value") == "2" and bar.get_attribute("max") == "5"
    assert page.locator("#lg-run-text").inner_text() == "2 of 5 offices"
    if script:  # (without script, the page may reload itself while axe reads it)
        no_serious_violations(page)

    if script:
        page.evaluate("() => { window.stillTheSamePage = true; }")
    RolloutRun.objects.filter(pk=run.pk).update(done=3)
    # With script, the page asks the server and moves the bar; without, it reloads itself.
    page.locator("#lg-run-text", has_text="3 of 5 offices").wait_for(timeout=10_000)
    assert page.locator("main progress").get_attribute("max") == "5"
    if script:
        assert page.evaluate("() => window.stillTheSamePage") is True
        assert page.locator("main progress").evaluate("bar => bar.value") == 3
    else:
        assert page.locator("main progress").get_attribute("value") == "3"

    RolloutRun.objects.filter(pk=run.pk).update(done=5, status=RolloutRun.Status.FINISHED)
    page.get_by_text("Offices: 5. Editions created: 0.").wait_for(timeout=10_000)
    assert page.locator("main progress").count() == 0
    if not script:
        page.context.close()
