"""The facilitator pack printed to PDF by a real browser, then read back as text."""

import re
import subprocess

import pytest

from tests.browser.conftest import CHROMIUM_FLAGS
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
