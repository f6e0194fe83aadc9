import pytest

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def browser(live_server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(
        locale="en-GB"
    )  # the browser asks for English: we answer Vietnamese
    yield context.new_page()
    context.close()


def log_in(page, base_url, username, password):
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def choose_person(page, form, search, name):
    """Choose a person as a person would: open the people chooser in ``form``, search, click."""
    page.click(f"{form} .unchosen [data-chooser-action-choose]")
    modal = page.locator(".modal")
    modal.locator("input[name=q]").fill(search)
    modal.locator(f"a[data-chooser-modal-choice]:has-text('{name}')").first.click()
    page.wait_for_selector(f"{form} [data-chooser-title]:has-text('{name}')")
