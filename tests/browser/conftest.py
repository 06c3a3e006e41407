"""Tools for tests that use a real browser: Debian's Chromium, and poppler for PDFs.

Locally, a missing tool skips these tests with a message saying what to install. In CI
(``LEARNINGGROUPS_REQUIRE_BROWSER=1``, set by ``.ci/run``) a missing tool fails them instead.
"""

import os
import shutil

import pytest

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


@pytest.fixture
def browser(chromium):
    """A Playwright browser driving Debian's Chromium.

    Started for each test: started once for the session, inside a transactional test with
    serialized rollback, it left that test without the page tree the rollback restores.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS[1:])
        yield launched
        launched.close()
