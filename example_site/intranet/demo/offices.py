"""The demo offices."""

from example_site.intranet.models import OfficePage

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
