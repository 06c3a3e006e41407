"""Tools for tests that use a real browser: Debian's Chromium, and poppler for PDFs.

Locally, a missing tool skips these tests with a message saying what to install. In CI
(``LEARNINGGROUPS_REQUIRE_BROWSER=1``, set by ``.ci/run``) a missing tool fails them instead.
"""

import os
import shutil
from io import StringIO

import pytest
from django.core.management import call_command

# Playwright's synchronous API runs an event loop in the test's thread, so Django would take the
# test's own database calls (fixtures, assertions) for calls from async code and refuse them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

#: Headless, no sandbox (CI runs as root), and nothing that reaches out to the network.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
]


def require_tool(name, debian_package):
    path = shutil.which(name)
    if path:
        return path
    message = (
        f"{name} is not installed: install Debian's {debian_package} "
        f"(apt-get install {debian_package})"
    )
    if os.environ.get("LEARNINGGROUPS_REQUIRE_BROWSER"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def chromium():
    return require_tool("chromium", "chromium")


@pytest.fixture(scope="session")
def pdftotext():
    return require_tool("pdftotext", "poppler-utils")


#: Addresses a page may load that never leave the browser.
LOCAL_SCHEMES = ("data:", "blob:", "about:")


class ClosedNetworkBrowser:
    """A browser whose pages may ask the live server for anything, and nothing of anyone else.

    Intranets are closed and offices are slow: a page that fetches a font, a script or an image
    from another host would fail there. Every context opened through this browser intercepts its
    requests; any request to another host is refused and remembered, and the test then fails.
    """

    def __init__(self, browser, allowed_origin):
        self._browser = browser
        self.allowed_origin = allowed_origin
        self.outside_requests = []

    def __getattr__(self, name):
        return getattr(self._browser, name)

    def _route(self, route):
        url = route.request.url
        if url.startswith(LOCAL_SCHEMES) or (
            self.allowed_origin and url.startswith(self.allowed_origin + "/")
        ):
            route.continue_()
        else:
            self.outside_requests.append(url)
            route.abort()

    def new_context(self, **kwargs):
        context = self._browser.new_context(**kwargs)
        context.route("**/*", self._route)
        return context

    def new_page(self, **kwargs):
        return self.new_context(**kwargs).new_page()


@pytest.fixture
def browser(chromium, request):
    """A Playwright browser driving Debian's Chromium, on a closed network.

    Pages may load what the live server serves and nothing else: a request to any other host
    fails the test (see :class:`ClosedNetworkBrowser`).

    Started for each test: started once for the session, inside a transactional test with
    serialized rollback, it left that test without the page tree the rollback restores.
    """
    from playwright.sync_api import sync_playwright

    origin = None
    if "live_server" in request.fixturenames:
        origin = request.getfixturevalue("live_server").url.rstrip("/")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS[1:])
        guarded = ClosedNetworkBrowser(launched, origin)
        yield guarded
        launched.close()
    assert not guarded.outside_requests, (
        f"Pages asked for addresses outside the site: {guarded.outside_requests}"
    )


@pytest.fixture
def admin_page(browser, live_server, settings):
    """The demo intranet, and a browser page signed in to its admin as the demo's superuser."""
    settings.WAGTAIL_LEARNINGGROUPS = {"BASE_TEMPLATE": "intranet/base.html"}
    call_command("load_demo_content", stdout=StringIO())
    context = browser.new_context(
        viewport={"width": 1280, "height": 1000}, base_url=live_server.url
    )
    page = context.new_page()
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill("learninggroups-demo")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    yield page
    context.close()


def publish(page):
    """Publish from the page editor's action menu, and wait for the next page."""
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish", exact=True).click()
    page.wait_for_load_state("networkidle")
