"""The demo's main workshop template: "How parliament works", with its quiz."""

from example_site.intranet.demo.blocks import (
    QUIZ_PARLIAMENT,
    SLOT_LOCAL_EXPERT,
    SLOT_NEXT_VISIT,
    SLOT_WHY_HERE,
    VIDEOS,
    champion_spotlights,
    choice,
    e_learning_url,
    guidance,
    question,
    segment,
    slot,
)

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
                        "Six questions on the stages of a bill and the work of committees, each "
                        "person answering on their own; then go through the answers together.",
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
