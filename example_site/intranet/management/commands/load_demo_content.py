"""Load demo content for the example intranet of a fictional foreign ministry.

Creates a home page, a page about the learning programme, the curriculum page with its modules
and units, an office index with five offices, a workshops section with two workshop templates and
the documents they use, local editions of one workshop at three offices, and a demo superuser.

The command is safe to run again and again. Every object has a stable key (a page's slug under
its parent, a module's number, a document's title, a user's username); the command creates what
is missing and never changes or deletes what is already there, so edits made in the admin
survive. The one exception is Wagtail's untouched "Welcome to your new Wagtail site!" page, which
is replaced by the home page.
"""

from datetime import datetime, timezone

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from example_site.intranet.demo_champions import ensure_champions, spotlight
from example_site.intranet.models import (
    CurriculumPage,
    HomePage,
    OfficeIndexPage,
    OfficePage,
    StandardPage,
)
from wagtail_learninggroups.editions.rollout import roll_out
from wagtail_learninggroups.models import (
    ChampionDirectoryPage,
    CurriculumModule,
    CurriculumUnit,
    LocalEditionPage,
    Location,
    WorkshopIndexPage,
    WorkshopTemplatePage,
)

DEMO_USERNAME = "admin"
DEMO_PASSWORD = "learninggroups-demo"  # published on purpose: for the demo only
DEMO_EMAIL = "admin@intranet.example"

ELEARNING = "https://learning.intranet.example/courses/"
VIDEOS = "https://video.intranet.example/academy/"


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

MODULES = [
    {
        "number": 1,
        "title": "How government works",
        "summary": "Where the ministry sits in government, who decides what, and how policy "
        "reaches an office overseas.",
        "units": [
            (
                "The machinery of government",
                "Ministers, departments and the civil service, and how they share the work.",
                "machinery-of-government",
            ),
            (
                "Inside the ministry",
                "Our directorates, who leads them and how an instruction reaches a post.",
                "inside-the-ministry",
            ),
            (
                "One team abroad",
                "Working alongside trade, defence and development colleagues under one roof.",
                "",
            ),
            (
                "Public money and accountability",
                "Where our budget comes from, who audits it and what that means for an office.",
                "public-money",
            ),
        ],
    },
    {
        "number": 2,
        "title": "Parliament and how laws are made",
        "summary": "How a bill becomes law, how parliament holds the ministry to account, and "
        "how to support members who visit your country.",
        "units": [
            (
                "From bill to act",
                "The stages of a bill in both houses, and where it can be amended or stopped.",
                "from-bill-to-act",
            ),
            (
                "Committees and scrutiny",
                "How committees question ministers and officials, and how to prepare evidence.",
                "committees-and-scrutiny",
            ),
            (
                "Parliamentary questions and letters",
                "Answering questions and members’ correspondence accurately and on time.",
                "parliamentary-questions",
            ),
            (
                "Hosting a parliamentary visit",
                "Planning a programme for visiting members and briefing them well.",
                "",
            ),
            (
                "Your host country’s legislature",
                "A local session comparing the host parliament with ours, led by a colleague.",
                "",
            ),
        ],
    },
    {
        "number": 3,
        "title": "Reporting and influencing",
        "summary": "Writing and speaking for busy readers, and the basics of persuading "
        "people who do not have to agree with us.",
        "units": [
            (
                "Writing a diplomatic report",
                "Reports that lead with what matters and say what should happen next.",
                "diplomatic-reporting",
            ),
            (
                "Briefing a minister",
                "The essentials on one page, and preparing for the questions that follow.",
                "briefing-a-minister",
            ),
            (
                "Negotiation fundamentals",
                "Interests, positions and preparation, practised in a short simulation.",
                "",
            ),
            (
                "Public diplomacy online",
                "Explaining our policy to local audiences on social media and in person.",
                "public-diplomacy-online",
            ),
        ],
    },
    {
        "number": 4,
        "title": "Security and resilience",
        "summary": "Protecting information, people and places, and keeping an office running "
        "through a crisis.",
        "units": [
            (
                "Handling sensitive information",
                "Classifications, storage and sharing, on paper and on screen.",
                "handling-information",
            ),
            (
                "Travelling and working securely",
                "Devices, conversations and routines when you are away from the office.",
                "working-securely",
            ),
            (
                "Crisis preparedness at post",
                "Your office’s crisis plan, your role in it, and a tabletop exercise.",
                "",
            ),
        ],
    },
]

OFFICE_TIME_ZONES = {
    "washington": "America/New_York",
    "nairobi": "Africa/Nairobi",
    "reykjavik": "Atlantic/Reykjavik",
    "suva": "Pacific/Fiji",
    "juba": "Africa/Juba",
}

OFFICES = [
    {
        "slug": "washington",
        "title": "Embassy in Washington",
        "city": "Washington",
        "country": "United States",
        "region": OfficePage.Region.AMERICAS,
        "staff_count": 410,
        "intro": (
            "<p>Our largest embassy, with political, economic, defence and science teams "
            "across two buildings, plus a network of consulates. Learning groups meet every "
            "other Thursday in the third-floor library.</p>"
        ),
        "working_conditions": (
            "A large site with reliable connectivity. Book meeting rooms through the "
            "facilities desk at least a week ahead.\n\n"
            "Colleagues in the consulates join sessions by video; allow for three time zones."
        ),
    },
    {
        "slug": "nairobi",
        "title": "High Commission in Nairobi",
        "city": "Nairobi",
        "country": "Kenya",
        "region": OfficePage.Region.AFRICA,
        "staff_count": 85,
        "intro": (
            "<p>A regional hub for East Africa and home to the regional learning lead, who "
            "supports champions at a dozen smaller posts nearby.</p>"
        ),
        "working_conditions": (
            "Good connectivity on the compound. Trips outside the city need the security "
            "manager’s approval, so allow extra time when inviting outside speakers."
        ),
    },
    {
        "slug": "reykjavik",
        "title": "Embassy in Reykjavik",
        "city": "Reykjavik",
        "country": "Iceland",
        "region": OfficePage.Region.EUROPE,
        "staff_count": 7,
        "intro": (
            "<p>A small embassy with a wide brief: Arctic policy, fisheries and clean energy. "
            "With seven staff, the team learns alongside the other Nordic posts in a virtual "
            "group.</p>"
        ),
        "working_conditions": (
            "Short winter days and occasional weather disruption to travel. Sessions are "
            "hosted from Oslo by video; the team joins together from the meeting room."
        ),
    },
    {
        "slug": "suva",
        "title": "High Commission in Suva",
        "city": "Suva",
        "country": "Fiji",
        "region": OfficePage.Region.ASIA_PACIFIC,
        "staff_count": 9,
        "intro": (
            "<p>Our high commission in the Pacific, also covering several neighbouring island "
            "states. Climate resilience and maritime security shape most of the work.</p>"
        ),
        "working_conditions": (
            "Twelve hours or more ahead of headquarters, so live sessions with colleagues "
            "there fall late at night. Download materials in advance; staff are often "
            "travelling between islands."
        ),
    },
    {
        "slug": "juba",
        "title": "Embassy in Juba",
        "city": "Juba",
        "country": "South Sudan",
        "region": OfficePage.Region.AFRICA,
        "staff_count": 14,
        "intro": (
            "<p>A small embassy working on peace, humanitarian access and stabilisation. The "
            "team fits short learning sessions around a demanding and changeable "
            "programme.</p>"
        ),
        "working_conditions": (
            "Strict security restrictions: staff live and work on a secured compound and "
            "move only in approved transport, so outside speakers usually join remotely.\n\n"
            "Connectivity is intermittent and bandwidth is low. Print the facilitator pack "
            "and download videos before a session.\n\n"
            "A small team on short postings: keep sessions brief and record who has "
            "completed each unit."
        ),
    },
]

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

# Demo documents: a title (the stable key), a file name, and the lines of its one-page PDF.
DOCUMENTS = {
    "slides": {
        "title": "How parliament works: slide outline",
        "filename": "how-parliament-works-slides.pdf",
        "lines": [
            "Foreign Service Academy · Module 2: Parliament and how laws are made",
            "",
            "1. Why parliament matters to an office abroad",
            "2. Two houses, one law: who does what",
            "3. First reading: the bill is published",
            "4. Second reading: the debate on principle",
            "5. Committee stage: line by line, with amendments",
            "6. Report stage and third reading",
            "7. The other house: agreement, or back and forth",
            "8. From act to action: when the ministry must change what it does",
            "9. Scrutiny: questions, committees and letters",
            "10. Supporting a visiting member of parliament",
        ],
    },
    "handout": {
        "title": "The stages of a bill: handout",
        "filename": "stages-of-a-bill-handout.pdf",
        "lines": [
            "Print one copy for each participant. Cut out the cards for the activity.",
            "",
            "[ Idea and consultation ]   [ First reading ]   [ Second reading ]",
            "[ Committee stage ]   [ Report stage ]   [ Third reading ]",
            "[ The other house ]   [ Agreement on amendments ]   [ Signed into law ]",
            "",
            "In your group: put the cards in order.",
            "Mark with an A each stage where the bill can be amended.",
            "Mark with an S each stage where the bill can be stopped.",
            "Then ask: at which stage might the ministry be asked for evidence?",
        ],
    },
    "transcript": {
        "title": "How a bill becomes law: transcript",
        "filename": "how-a-bill-becomes-law-transcript.pdf",
        "lines": [
            "Transcript of the 12-minute film, for offices that cannot play it.",
            "Read it aloud in turns: it takes about as long as the film.",
            "",
            "Every law starts as an idea: a promise, a court ruling, a crisis abroad.",
            "Officials turn the idea into a bill, and ministers agree to put it forward.",
            "At first reading the bill is published, and nothing is debated yet.",
            "At second reading members debate whether the bill should exist at all.",
            "In committee, members go through it line by line and propose amendments.",
            "The whole house then votes on the amended text at third reading.",
            "The other house repeats the process and may send changes back.",
            "Only when both houses agree on every word can the bill become law.",
            "Even then the work goes on: committees ask how the law is working.",
        ],
    },
}

PARLIAMENT_WORKSHOP = {
    "slug": "how-parliament-works",
    "module": 2,
    "unit": 0,  # the module's first unit
    "title": "How parliament works",
    "summary": (
        "How a bill becomes law, how parliament holds the ministry to account, and why both "
        "matter to an office overseas. Colleagues compare our parliament with the host "
        "country’s and plan how to support a visiting member."
    ),
    "audience": "All staff, including locally employed colleagues; no knowledge of parliament "
    "needed",
}

INSIDE_MINISTRY_WORKSHOP = {
    "slug": "how-a-decision-reaches-your-office",
    "module": 1,
    "unit": 1,  # "Inside the ministry"
    "title": "How a decision reaches your office",
    "summary": (
        "Follow one decision from a minister’s desk to an instruction at post, and map the "
        "teams in the ministry that your office deals with most."
    ),
    "audience": "Everyone new to the ministry, and anyone who has wondered who decided that",
}


def segment(title, minutes, kind, description, notes="", core=False, local=()):
    return {
        "title": title,
        "minutes": minutes,
        "kind": kind,
        "core": core,
        "description": description,
        "facilitator_notes": notes,
        "local": list(local),
    }


# The demo's slots carry fixed keys, so that the demo editions can fill them. Slots made in the
# admin get generated keys.
SLOT_WHY_HERE = "demo-why-here"
SLOT_LOCAL_EXPERT = "demo-local-expert"
SLOT_NEXT_VISIT = "demo-next-visit"


def slot(key, title, kinds, instructions="", example="", required=True, fallback=""):
    return {
        "key": key,
        "title": title,
        "instructions": instructions,
        "example": example,
        "required": required,
        "kinds": list(kinds),
        "when_empty": "fallback" if fallback else "nothing",
        "fallback": fallback,
    }


#: The demo quiz's fixed key, like the slots': quizzes made in the admin get generated keys.
QUIZ_PARLIAMENT = "demo-parliament-quiz"


def choice(text, correct=False, feedback=""):
    return {"text": text, "correct": correct, "feedback": feedback}


def question(prompt, explanation, points=1, **fields):
    return {"prompt": f"<p>{prompt}</p>", "image": None, "points": points,
            "explanation": f"<p>{explanation}</p>", **fields}  # fmt: skip


def parliament_quiz():
    """A short quiz that uses most question types, for the end of the parliament workshop."""
    questions = [
        (
            "single_choice",
            question(
                "Which stage gives members of parliament the first chance to debate a bill's "
                "main ideas?",
                "The second reading is the first debate on the principles; committees come after.",
                choices=[
                    choice("First reading", feedback="The first reading only introduces it."),
                    choice("Second reading", correct=True),
                    choice("Royal assent", feedback="Assent comes at the very end."),
                ],
            ),
        ),
        (
            "multiple_choice",
            question(
                "Which of these are ways a parliament holds a ministry to account?",
                "Questions, committee inquiries and the budget vote all let members examine "
                "our work. Press releases are ours, not theirs.",
                points=2,
                choices=[
                    choice("Written and oral questions", correct=True),
                    choice("Committee inquiries", correct=True),
                    choice("Votes on the budget", correct=True),
                    choice(
                        "Our press releases",
                        feedback="Those are how we speak, not how we are held to account.",
                    ),
                ],
            ),
        ),
        (
            "true_false",
            question(
                "A committee may ask an ambassador to appear before it.",
                "Committees often hear heads of mission, in person or by video.",
                answer="true",
            ),
        ),
        (
            "order",
            question(
                "Put the stages of a bill in the order they happen.",
                "A bill is introduced, debated, examined line by line, debated once more, "
                "and then becomes law.",
                items=[
                    "First reading",
                    "Second reading",
                    "Committee stage",
                    "Third reading",
                    "Royal assent",
                ],
            ),
        ),
        (
            "match",
            question(
                "Match each request to the team that usually answers it.",
                "The political team drafts answers to questions; the legal team reads bills; "
                "communications handles public statements.",
                pairs=[
                    {"left": "A parliamentary question", "right": "Political team"},
                    {"left": "A bill that affects our staff", "right": "Legal team"},
                    {"left": "A member's public statement", "right": "Communications"},
                ],
            ),
        ),
        (
            "reflection",
            {
                "prompt": "<p>When might your office next meet a member of parliament?</p>",
                "image": None,
                "explanation": "<p>Share your answers in the wrap-up.</p>",
            },
        ),
    ]
    return {
        "key": QUIZ_PARLIAMENT,
        "title": "Check your understanding",
        "introduction": "<p>Six questions, about five minutes. You have three tries; your best "
        "score counts.</p>",
        "questions": questions,
        "mode": "individual",
        "pass_mark": 70,
        "attempts_allowed": 3,
        "counting": "highest",
        "show_answers": "after_submit",
        "bands": [
            {
                "from_percent": 0,
                "message": "Have another look at the film and the e-learning, then try again.",
            },
            {"from_percent": 70, "message": "Well done: you know how parliament works."},
        ],
        "shuffle_choices": True,
        "draw": 0,
    }


def guidance(kind, title, text="", checklist=()):
    return ("guidance", {"kind": kind, "title": title, "text": text, "checklist": list(checklist)})


def e_learning_url(unit, fallback_path):
    return (unit.e_learning_url if unit else "") or f"{ELEARNING}{fallback_path}"


def champion_spotlights():
    """A spotlight of the demo's award-winning champion, when she is there."""
    block = spotlight("amara-okafor", layout="feature")
    return [("heading", "Meet a champion"), block] if block else []


def parliament_body(documents, unit):
    """Every block of the package, in the order a facilitator reads them."""
    course_url = e_learning_url(unit, "from-bill-to-act")
    return [
        ("heading", "About this workshop"),
        (
            "text",
            "<p>Parliament makes the laws we work under, votes the money we spend and asks us "
            "to explain ourselves. Few of us see it at work from an office abroad, yet a vote "
            "at home can change visa rules, sanctions or an aid programme overnight.</p>"
            "<p>This session takes about two hours. It starts from the e-learning, which "
            "everyone takes first, and spends most of its time on what only your office can "
            "add: a colleague who knows the host country’s legislature, and the next visit "
            "by one of our members.</p>",
        ),
        (
            "slot",
            slot(
                SLOT_WHY_HERE,
                "Why parliament matters at this office",
                ["text"],
                instructions="Two or three sentences: a recent vote at home or in the host "
                "country that changed the work of this office.",
                example="Last spring our parliament cut the budget for the scholarship "
                "programme we run here; we had to explain the change to forty families.",
                fallback="Your facilitator will open with an example from this office.",
            ),
        ),
        (
            "objectives",
            {
                "heading": "",
                "objectives": [
                    "Describe the stages of a bill and where it can be amended or stopped",
                    "Explain how committees and questions hold the ministry to account",
                    "Compare our parliament with the legislature of the host country",
                    "Plan the support your office gives to a visiting member of parliament",
                ],
            },
        ),
        guidance(
            "warning",
            "The urge to lecture",
            "<p>If you know parliament well, you will want to explain all of it yourself, and "
            "to shorten the discussions when the session runs late. Please don’t. The two core "
            "segments are where colleagues connect parliament with their own work.</p>"
            "<p>Short of time? Trim the presentation or the quiz, or show the film before the "
            "session, but keep the activity and the discussion whole.</p>",
        ),
        (
            "agenda",
            {
                "heading": "Running order",
                "segments": [
                    segment(
                        "Welcome: why parliament matters here",
                        10,
                        "welcome",
                        "Introductions, and one recent vote at home that changed the work of "
                        "this office.",
                        "Bring your own example: a change to visa rules, the aid budget or a "
                        "sanctions list works well. Ask who remembers it.",
                    ),
                    segment(
                        "How a bill becomes law",
                        15,
                        "video",
                        "A short film follows one bill through both houses, from first "
                        "reading to the final vote.",
                        "Test the sound before anyone arrives. If the film will not play, "
                        "read the transcript aloud in turns.",
                    ),
                    segment(
                        "The stages, step by step",
                        15,
                        "presentation",
                        "The slides go back over each stage and show where the ministry is "
                        "asked for evidence.",
                        "Fifteen minutes at most: the slides are a prompt, not a script. Take "
                        "questions during the activity instead.",
                    ),
                    segment(
                        "Where can a bill be stopped?",
                        20,
                        "activity",
                        "In threes, put the cards from the handout in order and mark where a "
                        "bill can be amended or stopped.",
                        "Walk round but do not give answers. Ask the fastest group to explain "
                        "their order to the others.",
                        core=True,
                    ),
                    segment("Break", 10, "break", "Tea, coffee and, ideally, biscuits."),
                    segment(
                        "Our parliament and theirs",
                        25,
                        "discussion",
                        "With a colleague who knows the host country’s legislature, compare "
                        "how the two parliaments make law and question ministers.",
                        "Ask your local colleague to speak for five minutes, then move to the "
                        "questions below. Keep the last question for the whole room.",
                        core=True,
                        local=[
                            (
                                "slot",
                                slot(
                                    SLOT_LOCAL_EXPERT,
                                    "A colleague who knows the host country’s legislature",
                                    ["person"],
                                    instructions="Who opens the discussion: their name and "
                                    "what they did with the legislature.",
                                    example="A political officer who worked as a researcher "
                                    "in the National Assembly.",
                                    fallback="A colleague from the political team opens the "
                                    "discussion.",
                                ),
                            )
                        ],
                    ),
                    segment(
                        "Quick quiz",
                        10,
                        "quiz",
                        "Eight questions on the stages of a bill and the work of committees, "
                        "answered together.",
                        "Nobody needs to hand in answers: the quiz shows what to go over "
                        "again, not who knows most.",
                    ),
                    segment(
                        "Wrap-up and next steps",
                        10,
                        "wrap-up",
                        "Each person names one thing they will do differently the next time "
                        "parliament asks about our work.",
                        "Record who came for the learning record, and point people to the "
                        "next unit, Committees and scrutiny.",
                    ),
                ],
            },
        ),
        guidance(
            "example",
            "A local expert in Nairobi",
            "<p>The High Commission in Nairobi asked a political officer who had worked as a "
            "researcher in the National Assembly to open the discussion. She told the story "
            "of two bills she had followed there, then took questions. Participants rated it "
            "the most useful part of the session, and two of them went on to shadow her.</p>",
        ),
        (
            "discussion",
            {
                "title": "Our parliament and theirs",
                "prompts": [
                    "How does the host country’s parliament hold its government to account, "
                    "and how is that different from ours?",
                    "When did a decision taken in either parliament last change what this "
                    "office does?",
                    "A member of our parliament is visiting soon. Whom should they meet here, "
                    "and what would they need to know first?",
                    "What would a member of the host parliament find surprising about how our "
                    "laws are made?",
                ],
                "group_size": 4,
                "minutes": 25,
            },
        ),
        guidance(
            "tip",
            "On a slow connection",
            "<p>Download the film’s offline copy, the slides and the handout the day before. "
            "If nothing will play on the day, the transcript covers the film word for word, "
            "and the handout is enough to run the activity.</p>",
        ),
        (
            "resources",
            {
                "heading": "Materials",
                "resources": [
                    (
                        "document",
                        {
                            "document": documents["slides"],
                            "title": "",
                            "kind": "slides",
                            "description": "The ten slides for the presentation, in outline.",
                        },
                    ),
                    (
                        "document",
                        {
                            "document": documents["handout"],
                            "title": "",
                            "kind": "handout",
                            "description": "One page per participant, with the stage cards "
                            "for the activity.",
                        },
                    ),
                    (
                        "video",
                        {
                            "url": f"{VIDEOS}how-a-bill-becomes-law",
                            "title": "How a bill becomes law",
                            "minutes": 12,
                            "offline_copy": documents["transcript"],
                        },
                    ),
                    (
                        "link",
                        {
                            "url": "https://www.parliament.example/how-laws-are-made",
                            "title": "How laws are made: parliament’s own guide",
                            "description": "Plain-language pages from parliament’s education "
                            "service; useful for the quiz and for anyone who wants more.",
                        },
                    ),
                    (
                        "e_learning",
                        {
                            "url": course_url,
                            "title": "From bill to act",
                            "provider": "Foreign Service Academy",
                            "minutes": 45,
                        },
                    ),
                ],
            },
        ),
        guidance(
            "checklist",
            "On the day",
            checklist=[
                "Tables set for groups of three or four, not in rows",
                "Film tested with sound, and the transcript to hand",
                "Handouts printed and the stage cards cut out",
                "Local colleague briefed on timing and on the questions",
                "Attendance sheet ready for the learning record",
            ],
        ),
        (
            "preparation",
            {
                "tasks": [
                    {
                        "task": "Book a room with a screen and tables for small groups",
                        "lead_time": "28",
                    },
                    {
                        "task": "Find a local colleague who has worked with legislators and "
                        "agree what they will cover",
                        "lead_time": "28",
                    },
                    {
                        "task": "Ask the political team about the next visit by a member of our "
                        "parliament, and use it in the discussion",
                        "lead_time": "14",
                    },
                    {
                        "task": "Send participants the e-learning link and a reminder",
                        "lead_time": "7",
                    },
                    {"task": "Download the film, slides and handout", "lead_time": "1"},
                    {
                        "task": "Print the facilitator pack and a handout for each person",
                        "lead_time": "1",
                    },
                ],
                "pre_work": [
                    {"title": "E-learning: From bill to act", "url": course_url, "minutes": 45},
                ],
            },
        ),
        ("quiz", parliament_quiz()),
        *champion_spotlights(),
        (
            "slot",
            slot(
                SLOT_NEXT_VISIT,
                "The next visit by one of our members of parliament",
                ["event", "link"],
                instructions="The date of the next visit, and where to sign up to help.",
                required=False,
                fallback="Ask the political team about the next visit.",
            ),
        ),
    ]


def inside_ministry_body(documents, unit):
    """A shorter workshop: objectives, agenda, discussion and preparation."""
    course_url = e_learning_url(unit, "inside-the-ministry")
    return [
        (
            "objectives",
            {
                "heading": "",
                "objectives": [
                    "Trace how a decision travels from a minister to an office abroad",
                    "Name the directorates your office works with most, and who leads them",
                    "Know whom to ask when an instruction is unclear",
                ],
            },
        ),
        (
            "agenda",
            {
                "heading": "",
                "segments": [
                    segment("Welcome", 5, "welcome", "Who we are and what we want to find out."),
                    segment(
                        "From the minister’s desk to this office",
                        15,
                        "presentation",
                        "One recent decision, followed step by step until it reached us as an "
                        "instruction.",
                        "Pick a decision your office acted on in the last six months.",
                    ),
                    segment(
                        "Map our contacts",
                        20,
                        "activity",
                        "On a large sheet, draw the teams in the ministry this office deals "
                        "with, and who speaks to whom.",
                        "Keep the map: it makes a useful welcome for new arrivals.",
                        core=True,
                    ),
                    segment(
                        "Where do instructions get stuck?",
                        15,
                        "discussion",
                        "Small groups talk through the questions below, then share one idea.",
                        core=True,
                    ),
                    segment(
                        "Wrap-up",
                        5,
                        "wrap-up",
                        "One thing each of us will do differently, and the next unit to take.",
                    ),
                ],
            },
        ),
        (
            "discussion",
            {
                "title": "Where do instructions get stuck?",
                "prompts": [
                    "Think of an instruction that arrived late or unclear. Where did it slow "
                    "down?",
                    "Who in the ministry would you call first, and who would you not think to "
                    "call?",
                    "What could this office send back that would help the next decision?",
                ],
                "group_size": 3,
                "minutes": 15,
            },
        ),
        (
            "preparation",
            {
                "tasks": [
                    {
                        "task": "Choose a recent decision to follow in the presentation",
                        "lead_time": "7",
                    },
                    {"task": "Find a large sheet of paper and marker pens", "lead_time": "1"},
                ],
                "pre_work": [
                    {"title": "E-learning: Inside the ministry", "url": course_url, "minutes": 30},
                ],
            },
        ),
    ]


WORKSHOPS = [
    (PARLIAMENT_WORKSHOP, parliament_body),
    (INSIDE_MINISTRY_WORKSHOP, inside_ministry_body),
]


class Report:
    """Collects what the command created, what it found already there, and anything to note."""

    def __init__(self):
        self.created = []
        self.existing = []
        self.notes = []

    def add(self, label, created):
        (self.created if created else self.existing).append(label)


WELCOME_TITLE = "Welcome to your new Wagtail site!"


def is_untouched_welcome_page(page):
    """True for Wagtail's default welcome page as a fresh install leaves it.

    Any edit in the admin leaves a revision behind, so a page without one was never edited.
    """
    return (
        page is not None
        and page.specific_class is Page
        and page.slug == "home"
        and page.title == WELCOME_TITLE
        and page.latest_revision_id is None
        and page.depth == 2
        and not page.get_children().exists()
    )


def publish(page):
    page.save_revision().publish()


def ensure_home_page(report):
    """Return the intranet's HomePage, creating it (and a default Site) when missing.

    Wagtail's welcome page is deleted only if it is exactly as a fresh install left it.
    """
    home = HomePage.objects.first()
    if home is not None:
        report.add(f"Home page “{home.title}”", created=False)
        ensure_default_site(home, report)
        return home

    tree_root = Page.get_first_root_node()
    default_site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    welcome = default_site.root_page if default_site else None
    replace_welcome = is_untouched_welcome_page(welcome)
    if replace_welcome:
        # Point the sites away first: deleting the page a Site points to deletes the Site.
        Site.objects.filter(root_page=welcome).update(root_page=tree_root)
        welcome.delete()
        # The in-memory root still counts the deleted child; older django-treebeard releases
        # then fail to add the next one.
        tree_root.refresh_from_db()

    slug = "home"
    if tree_root.get_children().filter(slug=slug).exists():
        slug = "intranet-home"
    home = HomePage(slug=slug, **HOME_PAGE)
    tree_root.add_child(instance=home)
    publish(home)
    home.created_by_demo = True
    report.add(f"Home page “{home.title}”", created=True)

    if replace_welcome:
        Site.objects.filter(root_page=tree_root).update(root_page=home)
        # update() sends no signal: forget the root paths Wagtail cached for the old root.
        Site.clear_site_root_paths_cache()
        report.notes.append("Wagtail’s unused welcome page was replaced by the home page.")
    ensure_default_site(home, report)
    return home


def ensure_home_spotlight(home, report):
    """Spotlight a champion on a home page this run created (an existing one is left alone)."""
    block = spotlight("amara-okafor")
    if not getattr(home, "created_by_demo", False) or block is None:
        return
    home.body.insert(1, block)
    publish(home)
    report.add("Champion spotlight on the home page", created=True)


def ensure_default_site(home, report):
    """Create a default Site for the home page if there is none; never change an existing one."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        report.add(f"Default site {site.hostname}:{site.port}", created=False)
        if site.root_page_id != home.pk:
            report.notes.append(
                f"The default site shows “{site.root_page.title}”, not the demo home page; "
                "point it at the home page under Settings > Sites to see the demo."
            )
        return site
    hostname = "localhost"
    if Site.objects.filter(hostname=hostname, port=80).exists():
        hostname = "127.0.0.1"
    site = Site.objects.create(
        hostname=hostname,
        port=80,
        root_page=home,
        is_default_site=True,
        site_name="Foreign Service Intranet",
    )
    report.add(f"Default site {site.hostname}:{site.port}", created=True)
    return site


def ensure_child_page(parent, model, slug, **fields):
    """Return ``(page, created)``: the child of ``parent`` with this slug, created if missing.

    A new page is published. An existing page is returned as it is, whatever its type or content.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    publish(page)
    return page, True


def ensure_section(home, model, slug, data, report):
    """Create one in-menu section of the home page."""
    page, created = ensure_child_page(
        home,
        model,
        slug,
        show_in_menus=True,
        search_description=SECTION_DESCRIPTIONS[slug],
        **data,
    )
    report.add(f"{model._meta.verbose_name.capitalize()} “{page.title}”", created)
    return page


def ensure_offices(index, report):
    if not isinstance(index, OfficeIndexPage):
        report.notes.append("Offices skipped: the page at “offices” is not an office index.")
        return
    for data in OFFICES:
        fields = {key: value for key, value in data.items() if key != "slug"}
        office, created = ensure_child_page(index, OfficePage, data["slug"], **fields)
        report.add(f"Office page “{office.title}”", created)
        ensure_location(office, data["slug"], report)


def office_size(staff_count):
    if staff_count >= 100:
        return Location.Size.LARGE
    if staff_count >= 20:
        return Location.Size.MEDIUM
    return Location.Size.SMALL


def ensure_location(office, slug, report):
    """The package's Location for an office page, whose section its local editions go under."""
    location, created = Location.objects.get_or_create(
        slug=slug,
        defaults={
            "name": office.city,
            "country": office.country,
            "region": office.get_region_display(),
            "size": office_size(office.staff_count),
            "time_zone": OFFICE_TIME_ZONES[slug],
            "page": office,
        },
    )
    report.add(f"Location “{location.name}”", created)


def ensure_modules(report):
    """Create each curriculum module, with its units, unless its number is already taken."""
    for data in MODULES:
        existing = CurriculumModule.objects.filter(number=data["number"]).first()
        if existing is not None:
            report.add(f"Module {existing.number}: {existing.title}", created=False)
            continue
        module = CurriculumModule(
            number=data["number"], title=data["title"], summary=data["summary"]
        )
        module.units = [
            CurriculumUnit(
                title=title,
                summary=summary,
                e_learning_url=f"{ELEARNING}{path}" if path else "",
                sort_order=position,
            )
            for position, (title, summary, path) in enumerate(data["units"])
        ]
        module.save()
        report.add(f"Module {module.number}: {module.title} ({len(data['units'])} units)", True)


def pdf_bytes(title, lines):
    """A valid one-page A4 PDF with a title and a few lines of text, in a built-in font."""

    def text(value):
        escaped = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return f"({escaped}) Tj".encode("cp1252")

    operations = [b"BT /F1 16 Tf 56 780 Td", text(title), b"/F1 11 Tf 0 -30 Td"]
    for line in lines:
        operations += [text(line), b"0 -17 Td"]
    stream = b"\n".join([*operations, b"ET"])
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R "
        b"/Resources << /Font << /F1 4 0 R >> >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)


def ensure_documents(report):
    """Return the demo documents by key, creating any whose title is not in the library."""
    document_model = get_document_model()
    documents = {}
    for key, data in DOCUMENTS.items():
        document = document_model.objects.filter(title=data["title"]).first()
        created = document is None
        if created:
            content = pdf_bytes(data["title"], data["lines"])
            document = document_model(
                title=data["title"], file=ContentFile(content, name=data["filename"])
            )
            # As Wagtail's upload form does: record the file's size and hash.
            document._set_document_file_metadata()
            document.save()
        report.add(f"Document “{document.title}”", created)
        documents[key] = document
    return documents


def curriculum_place(data, report):
    """Return ``(module, unit)`` for a workshop, or ``None`` for what is no longer there."""
    module = CurriculumModule.objects.filter(number=data["module"]).first()
    units = list(module.units.order_by("sort_order", "pk")) if module else []
    unit = units[data["unit"]] if data["unit"] < len(units) else None
    if unit is None:
        report.notes.append(
            f"Workshop “{data['title']}”: Module {data['module']} or its unit is missing, so "
            "the workshop is not linked to the curriculum."
        )
    return module, unit


def ensure_workshops(home, report):
    """Create the workshops section and its workshop templates."""
    index = ensure_section(home, WorkshopIndexPage, "workshops", WORKSHOPS_PAGE, report)
    if not isinstance(index, WorkshopIndexPage):
        report.notes.append("Workshops skipped: the page at “workshops” is not a workshop index.")
        return
    documents = ensure_documents(report)
    for data, build_body in WORKSHOPS:
        existing = index.get_children().filter(slug=data["slug"]).first()
        if existing is not None:
            report.add(f"Workshop template “{existing.title}”", created=False)
            continue
        module, unit = curriculum_place(data, report)
        fields = {key: data[key] for key in ("title", "summary", "audience")}
        workshop, created = ensure_child_page(
            index,
            WorkshopTemplatePage,
            data["slug"],
            module=module,
            unit=unit,
            body=build_body(documents, unit),
            **fields,
        )
        report.add(f"Workshop template “{workshop.title}”", created)


def fill(key, *content, not_applicable=False):
    items = [{"type": kind, "value": value} for kind, value in content]
    return {"type": "fill", "value": {"key": key, "not_applicable": not_applicable,
                                      "content": items}}  # fmt: skip


# Three offices at three stages: Washington has published a complete edition, Nairobi is half
# way through a draft, Suva has a draft it has not started. Reykjavik and Juba have none yet.
EDITIONS = {
    "washington": {
        "session": {
            "session_format": "in-person",
            "session_starts": datetime(2027, 3, 11, 15, 0, tzinfo=timezone.utc),
            "venue": "Third-floor library",
            "facilitator": "Dana Whitfield",
        },
        "fills": [
            fill(
                SLOT_WHY_HERE,
                (
                    "text",
                    "<p>Last year a vote in Congress on export controls changed which "
                    "licences this embassy advises on. Half of the economic team now spends a day "
                    "a week on questions that began on Capitol Hill.</p>",
                ),
            ),
            fill(
                SLOT_LOCAL_EXPERT,
                (
                    "person",
                    {
                        "name": "Marcus Bell",
                        "role": "Congressional liaison officer",
                        "photo": None,
                        "about": "Six years as a staffer on the Senate "
                        "Foreign Relations Committee before joining the embassy.",
                    },
                ),
            ),
            fill(
                SLOT_NEXT_VISIT,
                (
                    "event",
                    {
                        "title": "Visit of the Foreign Affairs Committee",
                        "starts": "2027-04-20T13:00:00+00:00",
                        "venue": "Embassy and Capitol Hill",
                        "url": "https://intranet.example/washington/committee-visit",
                    },
                ),
            ),
        ],
        "publish": True,
    },
    "nairobi": {
        "session": {
            "session_format": "virtual",
            "session_starts": datetime(2027, 3, 18, 7, 0, tzinfo=timezone.utc),
            "joining_url": "https://meet.intranet.example/nairobi-learning",
            "facilitator": "Wanjiru Kamau",
        },
        "fills": [
            fill(
                SLOT_WHY_HERE,
                (
                    "text",
                    "<p>The National Assembly is debating a data protection bill that "
                    "will decide how our visa section may store applicants’ records.</p>",
                ),
            ),
        ],
        "publish": False,
    },
    "suva": {"session": {}, "fills": [], "publish": False},
}


def ensure_editions(report):
    """Roll the parliament workshop out to three offices and bring each to its demo stage."""
    template = WorkshopTemplatePage.objects.filter(slug=PARLIAMENT_WORKSHOP["slug"]).first()
    if template is None:
        return
    offices = [loc for loc in Location.objects.filter(slug__in=EDITIONS) if loc.page_id]
    existing = set(
        LocalEditionPage.objects.filter(workshop=template).values_list("location_id", flat=True)
    )
    for location in offices:
        if location.pk in existing:
            report.add(f"Local edition for {location.name}", created=False)
    result = roll_out(template, [loc for loc in offices if loc.pk not in existing])
    for edition in result.created:
        report.add(f"Local edition for {edition.location.name}", created=True)
        data = EDITIONS[edition.location.slug]
        for name, value in data["session"].items():
            setattr(edition, name, value)
        edition.fills = data["fills"]
        revision = edition.save_revision()
        if data["publish"]:
            revision.publish()
    for location, reason in result.failed:
        report.notes.append(f"No local edition for {location.name}: {reason}.")


def ensure_superuser():
    """Create the demo superuser unless that username is taken; return True if created."""
    user_model = get_user_model()
    if user_model.objects.filter(**{user_model.USERNAME_FIELD: DEMO_USERNAME}).exists():
        return False
    user_model.objects.create_superuser(DEMO_USERNAME, DEMO_EMAIL, DEMO_PASSWORD)
    return True


class Command(BaseCommand):
    help = (
        "Load demo content for the example intranet: pages, curriculum modules, offices, "
        "workshops with their documents, and a demo superuser. Creates only what is missing; "
        "never changes or deletes existing content."
    )

    def handle(self, *args, **options):
        report = Report()
        with transaction.atomic():
            home = ensure_home_page(report)
            ensure_section(home, CurriculumPage, "learning", LEARNING_PAGE, report)
            index = ensure_section(home, OfficeIndexPage, "offices", OFFICES_PAGE, report)
            ensure_section(home, StandardPage, "learning-programme", PROGRAMME_PAGE, report)
            ensure_offices(index, report)
            ensure_modules(report)
            ensure_champions(report)
            ensure_section(home, ChampionDirectoryPage, "champions", CHAMPIONS_PAGE, report)
            ensure_home_spotlight(home, report)
            ensure_workshops(home, report)
            ensure_editions(report)
            superuser_created = ensure_superuser()
        self.print_report(report, superuser_created)

    def print_report(self, report, superuser_created):
        if report.created:
            self.stdout.write(self.style.SUCCESS(f"Created {len(report.created)}:"))
            for line in report.created:
                self.stdout.write(f"  + {line}")
        else:
            self.stdout.write(
                self.style.SUCCESS("Nothing to create: the demo content is in place.")
            )
        if report.existing:
            self.stdout.write(f"Already there, left unchanged ({len(report.existing)}):")
            for line in report.existing:
                self.stdout.write(f"  = {line}")
        for note in report.notes:
            self.stdout.write(self.style.NOTICE(note))
        if superuser_created:
            self.stdout.write(
                self.style.WARNING(
                    f"Demo superuser created: {DEMO_USERNAME} / {DEMO_PASSWORD} "
                    "(demo only: change it before exposing this site)"
                )
            )
        else:
            self.stdout.write(
                f"User “{DEMO_USERNAME}” already exists; its password was not changed "
                f"(the demo created it as {DEMO_USERNAME} / {DEMO_PASSWORD})."
            )
