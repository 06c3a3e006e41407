"""The facilitator pack printed to PDF by a real browser, then read back as text.

A small workshop prints with everything a facilitator needs, whole at the right edge of A4 and
Letter paper. The demo's full workshop, as a template and as an office's edition, prints in at most
five pages on either paper; on screen its pack has a Print button and a link back to the
participant view, and neither reaches the paper.
"""

import re
import subprocess
from io import StringIO

import pytest
from django.core.management import call_command

from tests.browser.conftest import CHROMIUM_FLAGS
from tests.demo_paths import EDITION, WORKSHOP
from wagtail_learninggroups.models import WorkshopTemplatePage

# Serialized rollback restores the page tree that migrations create, which a flush removes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def published_workshop(root_page, make_document):
    slides = make_document("Parliament slides", "parliament-slides.pdf", size=5000)
    page = WorkshopTemplatePage(
        title="How parliament works",
        slug="how-parliament-works",
        summary="What parliament does, and how an office works with it.",
        audience="All staff",
    )
    page.body = [
        ("objectives", {"heading": "", "objectives": ["Explain how a bill becomes law"]}),
        (
            "agenda",
            {
                "heading": "",
                "segments": [
                    {"title": "Welcome", "minutes": 10, "kind": "welcome", "core": False},
                    {
                        "title": "Scrutiny in practice",
                        "minutes": 35,
                        "kind": "discussion",
                        "core": True,
                        "facilitator_notes": "Keep the whole discussion.",
                    },
                ],
            },
        ),
        ("guidance", {"kind": "warning", "title": "", "text": "<p>Do not lecture.</p>"}),
        (
            "resources",
            {
                "heading": "",
                "resources": [
                    ("document", {"document": slides, "title": "", "kind": "slides"}),
                    (
                        "link",
                        {"url": "https://records.example.org/committees", "title": "Committees"},
                    ),
                ],
            },
        ),
        ("discussion", {"title": "Your parliament", "prompts": ["Who asks the questions?"]}),
        ("preparation", {"tasks": [{"task": "Book a room", "lead_time": "14"}], "pre_work": []}),
    ]
    root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def print_to_pdf(chromium, url, pdf_path, tmp_path):
    subprocess.run(
        [
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf_path}",
            url,
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert pdf_path.exists() and pdf_path.stat().st_size > 1000


def test_the_facilitator_pack_prints_with_everything_a_facilitator_needs(
    live_server, published_workshop, chromium, pdftotext, tmp_path
):
    pdf = tmp_path / "pack.pdf"
    print_to_pdf(chromium, live_server.url + published_workshop.url + "print/", pdf, tmp_path)
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    squeezed = " ".join(text.split())

    assert "Facilitator pack" in squeezed
    assert "How parliament works" in squeezed
    assert "0:00" in squeezed and "0:10" in squeezed and "0:45" in squeezed  # running times
    assert "Keep the whole discussion." in squeezed  # facilitator notes
    assert "Do not lecture." in squeezed  # guidance
    assert "Who asks the questions?" in squeezed  # discussion prompts
    assert "2 weeks before Book a room" in squeezed  # checklist
    assert "https://records.example.org/committees" in squeezed  # URLs written out
    assert f"{live_server.url}/documents/" in squeezed  # full addresses, even for documents
    assert "parliament-slides.pdf" in squeezed
    assert "Participant view" not in squeezed  # no screen navigation on paper


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_pack_fits_a4_and_letter_paper(
    live_server, published_workshop, browser, pdftotext, tmp_path, paper
):
    pdf = tmp_path / f"pack-{paper}.pdf"
    page = browser.new_page()
    page.goto(live_server.url + published_workshop.url + "print/")
    page.pdf(path=pdf, format=paper)
    page.close()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    # pdfinfo names the paper it recognises: "Page size: 612 x 792 pts (letter)".
    assert (
        re.search(r"^Page size:.*\((\w+)\)$", info.stdout, re.M).group(1).lower() == paper.lower()
    )
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    # Nothing cut at the right edge: the widest line, the agenda's, is there in full.
    assert "Scrutiny in practice" in text
    assert "https://records.example.org/committees" in " ".join(text.split())


#: A facilitator pack that needs more paper than this is too long to carry into a room.
MOST_PAGES = 5


def pdf_pages(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)$", info.stdout, re.M).group(1))


@pytest.fixture
def demo_site(settings):
    settings.WAGTAIL_LEARNINGGROUPS = {"BASE_TEMPLATE": "intranet/base.html"}
    call_command("load_demo_content", stdout=StringIO())


@pytest.mark.urls("example_site.urls")
@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("participant_view", [WORKSHOP, EDITION], ids=["template", "edition"])
def test_the_demo_pack_prints_on_five_pages_without_its_screen_controls(
    live_server, demo_site, browser, pdftotext, tmp_path, paper, participant_view
):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, base_url=live_server.url
    )
    page = context.new_page()
    assert page.goto(participant_view + "print/").status == 200

    # On screen: a real button that prints, and a link back to the participant view.
    button = page.get_by_role("button", name="Print", exact=True)
    back = page.get_by_role("link", name="Back to the participant view")
    assert button.is_visible() and back.is_visible()
    assert button.evaluate("element => element.tagName") == "BUTTON"
    assert back.get_attribute("href") == participant_view
    page.evaluate("() => { window.print = () => { window.lgPrinted = true; }; }")
    button.click()
    assert page.evaluate("() => window.lgPrinted === true"), "the Print button did not print"

    # On paper: neither of them. Backgrounds off, as browsers print by default.
    page.emulate_media(media="print")
    assert button.is_hidden() and back.is_hidden()
    pdf = tmp_path / f"demo-pack-{paper}.pdf"
    page.pdf(path=pdf, format=paper, print_background=False)
    context.close()

    pages = pdf_pages(pdf)
    assert pages <= MOST_PAGES, f"the pack takes {pages} pages of {paper}"
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    squeezed = " ".join(text.split())
    # The controls come first on screen: on paper the pack starts with its own first line.
    assert squeezed.startswith("Facilitator pack"), squeezed[:80]
    assert "Back to the participant view" not in squeezed
    assert "Sign in" not in squeezed  # a link to sign in is no use on paper
    assert "How parliament works" in squeezed
    assert "Wrap-up and next steps" in squeezed  # the last agenda row, whole
    assert "The latest version of this workshop is at" in squeezed
