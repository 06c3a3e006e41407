"""Browser tests run on a closed network: anything asked of another host fails the test."""

import pytest

from tests.browser.conftest import ClosedNetworkBrowser

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_request_to_another_host_is_refused_and_recorded(browser, live_server):
    assert isinstance(browser, ClosedNetworkBrowser)
    page = browser.new_page()
    own = f"{live_server.url}/static/wagtail_learninggroups/js/quiz.js"
    page.set_content(
        f'<img src="https://fonts.example.net/pixel.png" alt=""><img src="{own}" alt="">'
    )
    page.wait_for_load_state("networkidle")
    assert browser.outside_requests == ["https://fonts.example.net/pixel.png"]
    # The failure is the fixture's to report; this test has checked what it records.
    browser.outside_requests.clear()
    page.context.close()


def test_the_live_server_is_within_reach(browser, live_server):
    page = browser.new_page()
    response = page.goto(f"{live_server.url}/static/wagtail_learninggroups/js/quiz.js")
    assert response.status == 200
    assert browser.outside_requests == []
    page.context.close()
