from urllib.parse import urlencode

import pytest

from tests import snapshot

#: Debian's Chromium without a window of any kind (package ``chromium-headless-shell``): the same
#: Blink and V8 as ``/usr/bin/chromium``, without the browser's own interface, which ``--headless``
#: still builds for every window a test opens (the address bar and its suggestion popups, tab
#: strip, profile). Playwright's own headless mode runs this shell too. Chromium's CPU in the
#: browser tests: 221 -> 171 s (``bench/RESULTS.md``, issue 18, goal 5, ninth round).
HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def chromium():
    """One Playwright driver and one Chromium for the session: starting them cost each browser
    test about two seconds of CPU (``bench/RESULTS.md``, goal 5, third round)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=HEADLESS_SHELL, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser(live_server, chromium):
    """The session's Chromium; every context a test opens (its cookies, its pages) is closed
    after it, so no test sees another's logins."""
    yield chromium
    for context in chromium.contexts:
        context.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(
        locale="en-GB"
    )  # the browser asks for English: we answer Vietnamese
    yield context.new_page()
    context.close()


def log_in(page, base_url, username, password, then="/admin/"):
    """Sign in on the admin's login screen as a person does, come from a link to ``then`` (the
    screen's ``next``): the browser lands there once signed in — the dashboard by default. A test
    that works elsewhere loads its screen once, not the dashboard first (``bench/RESULTS.md``,
    issue 18, goal 5, tenth round)."""
    page.goto(f"{base_url}/admin/login/?{urlencode({'next': then})}")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(lambda address: address == f"{base_url}{then}")


@pytest.fixture
def seeded(live_server, demo_snapshot):
    """The demo put back in the database the live server serves (it empties it after a test)."""
    from django.core.cache import cache

    snapshot.restore(demo_snapshot)
    cache.clear()  # pages cached from the database the last test left


def choose_person(page, form, search, name):
    """Choose a person as a person would: open the people chooser in ``form``, search, click."""
    page.click(f"{form} .unchosen [data-chooser-action-choose]")
    modal = page.locator(".modal")
    modal.locator("input[name=q]").fill(search)
    modal.locator(f"a[data-chooser-modal-choice]:has-text('{name}')").first.click()
    page.wait_for_selector(f"{form} [data-chooser-title]:has-text('{name}')")


#: whether the focused field has a date picker (Wagtail's jQuery datetimepicker)
FOCUSED_DATE = (
    "() => !!(window.jQuery && document.activeElement"
    " && jQuery(document.activeElement).data('xdsoft_datetimepicker'))"
)


def close_date_pickers(page):
    """Close a date field's picker as a person does by clicking outside it (the field loses the
    focus, the page gets the press): it opens a tenth of a second after the field gets the focus,
    may cover the form's buttons, and Escape leaves it open (a test that pressed Escape and
    clicked at once failed when the picker opened late)."""
    from playwright.sync_api import expect

    opened = page.locator(".xdsoft_datetimepicker:visible")
    if page.evaluate(FOCUSED_DATE):
        opened.first.wait_for()
    if opened.count():
        page.evaluate("document.activeElement && document.activeElement.blur()")
        page.locator("body").dispatch_event("mousedown")
        expect(opened).to_have_count(0)


def answer(page, button, *, confirm):
    """Click ``button`` of an irreversible action: the question shows (returned), then it is
    cancelled (the dialog closes, nothing is sent) or confirmed."""
    page.click(button)
    dialog = page.locator("dialog[data-confirm-dialog]")
    dialog.wait_for(state="visible")
    question = dialog.locator("[data-confirm-question]").inner_text()
    dialog.locator(f"button[value={'confirm' if confirm else 'cancel'}]").click()
    if not confirm:
        dialog.wait_for(state="hidden")
    return question
