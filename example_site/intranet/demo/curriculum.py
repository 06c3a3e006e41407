"""The demo curriculum: modules and their units."""

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
