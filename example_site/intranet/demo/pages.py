"""The demo's home and section pages."""


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text):
    return {"type": "heading", "value": text}


HOME_PAGE = {
    "title": "Learning together, wherever you serve",
    "intro": (
        "<p>The foundation programme brings the Foreign Service Academy to every office. Take "
        "the e-learning when it suits you, then meet colleagues at your post to talk it "
        "through. The workshop guides give you a running order, slides and a quiz; your local "
        "champion helps your team add the people and places that make it yours.</p>"
    ),
    "body": [
        heading("Intranet news"),
        paragraph(
            "<p><b>Parliament workshop ready for offices.</b> The guide for Module 2, "
            "<i>Parliament and how laws are made</i>, can now be adapted by each office. It "
            "leaves room for a local expert on the host country’s legislature and for a "
            "colleague who has looked after a visiting delegation of members.</p>"
        ),
        paragraph(
            "<p><b>Champion awards: nominations open.</b> Last quarter 43 offices ran at least "
            "one learning group, from a team of four in Suva to thirty colleagues in "
            "Washington. Tell us who made it happen at your post before 30 June.</p>"
        ),
        {
            "type": "champions",
            "value": {
                "heading": "Recent award winners",
                "scope": "awards",
                "office": "",
                "region": "",
                "theme": "",
                "limit": 3,
            },
        },
        paragraph(
            "<p><b>On a slow connection?</b> Every page of the programme works without "
            "JavaScript and prints cleanly, so a team can prepare a session once and run it "
            "offline.</p>"
        ),
    ],
}


SECTION_DESCRIPTIONS = {
    "champions": "The volunteers who run learning groups at each office, and their awards.",
    "learning": "Every module and unit of the foundation programme, with links to the e-learning.",
    "offices": "Our embassies and posts, grouped by region, with what to know before you visit.",
    "learning-programme": "What the programme is, how learning groups work, and who can help.",
    "workshops": "Workshop guides for learning groups: running orders, questions, materials and "
    "a printable facilitator pack.",
}


LEARNING_PAGE = {
    "title": "Learning",
    "intro": (
        "<p>The foundation programme is made of modules, each split into short units of one "
        "to two hours. Most units pair an e-learning course with a workshop your office runs "
        "itself. Start with whatever helps most in your current job.</p>"
    ),
}


OFFICES_PAGE = {
    "title": "Offices",
    "intro": (
        "<p>The ministry works from more than 200 embassies, high commissions and "
        "consulates. Each office has a page with the basics and the local editions of the "
        "programme’s workshops.</p>"
    ),
}


PROGRAMME_PAGE = {
    "title": "About the learning programme",
    "intro": "How the foundation programme works, who it is for and what your office is asked "
    "to do.",
    "body": [
        paragraph(
            "<p>The foundation programme is open to everyone in the service, whatever their "
            "grade, role or location, including colleagues employed locally. It sets out what "
            "all of us should know about how government works and how we do our jobs "
            "overseas.</p>"
        ),
        {
            "type": "objectives",
            "value": {
                "heading": "By the end of the foundation programme you will be able to",
                "objectives": [
                    "Explain how the ministry is organised and how a decision reaches an office",
                    "Describe how a bill becomes law and how parliament scrutinises our work",
                    "Write a report that a busy reader at headquarters can act on",
                    "Plan and run a short learning session with colleagues at your office",
                ],
            },
        },
        heading("How a learning group works"),
        paragraph(
            "<p>For each unit the Academy publishes a workshop guide: slides, short films, "
            "links, a quiz and a suggested running order. Some parts are left open on purpose, "
            "for each office to fill with its own speakers, partners and upcoming events. A "
            "volunteer champion gathers a group, adapts the guide and keeps time. Nobody needs "
            "to be a trainer.</p>"
        ),
        heading("Small and remote offices"),
        paragraph(
            "<p>If your office has only a handful of staff, join a virtual group with "
            "neighbouring posts, or ask for an accelerated group with a facilitator from the "
            "Academy. Your regional learning lead can set either up.</p>"
        ),
    ],
}


CHAMPIONS_PAGE = {
    "title": "Champions",
    "intro": (
        "<p>The colleagues who start and keep our learning groups going. Find the champion at "
        "your office, or one who cares about the module you are taking.</p>"
    ),
}


WORKSHOPS_PAGE = {
    "title": "Workshops",
    "intro": (
        "<p>Workshop guides from the Foreign Service Academy, grouped by module and unit. Each "
        "one gives a running order, questions to discuss and the materials to use. Open the "
        "facilitator view for notes and preparation, or print the pack to run a session "
        "without a connection.</p>"
    ),
}
