"""The demo offices' local editions, at three stages."""

from datetime import datetime, timezone

from example_site.intranet.demo.blocks import SLOT_LOCAL_EXPERT, SLOT_NEXT_VISIT, SLOT_WHY_HERE


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
