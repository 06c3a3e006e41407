"""Load demo content for the example intranet of a fictional foreign ministry.

Creates a home page, a page about the learning programme, the curriculum page with its modules
and units, an office index with five offices, and a demo superuser.

The command is safe to run again and again. Every object has a stable key (a page's slug under
its parent, a module's number, a user's username); the command creates what is missing and never
changes or deletes what is already there, so edits made in the admin survive. The one exception
is Wagtail's untouched "Welcome to your new Wagtail site!" page, which is replaced by the home
page.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page, Site

from example_site.intranet.models import (
    CurriculumPage,
    HomePage,
    OfficeIndexPage,
    OfficePage,
    StandardPage,
)
from wagtail_learninggroups.models import CurriculumModule, CurriculumUnit

DEMO_USERNAME = "admin"
DEMO_PASSWORD = "learninggroups-demo"  # published on purpose: for the demo only
DEMO_EMAIL = "admin@intranet.example"

ELEARNING = "https://learning.intranet.example/courses/"


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
        paragraph(
            "<p><b>On a slow connection?</b> Every page of the programme works without "
            "JavaScript and prints cleanly, so a team can prepare a session once and run it "
            "offline.</p>"
        ),
    ],
}

SECTION_DESCRIPTIONS = {
    "learning": "Every module and unit of the foundation programme, with links to the e-learning.",
    "offices": "Our embassies and posts, grouped by region, with what to know before you visit.",
    "learning-programme": "What the programme is, how learning groups work, and who can help.",
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
    report.add(f"Home page “{home.title}”", created=True)

    if replace_welcome:
        Site.objects.filter(root_page=tree_root).update(root_page=home)
        report.notes.append("Wagtail’s unused welcome page was replaced by the home page.")
    ensure_default_site(home, report)
    return home


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


def ensure_superuser():
    """Create the demo superuser unless that username is taken; return True if created."""
    user_model = get_user_model()
    if user_model.objects.filter(**{user_model.USERNAME_FIELD: DEMO_USERNAME}).exists():
        return False
    user_model.objects.create_superuser(DEMO_USERNAME, DEMO_EMAIL, DEMO_PASSWORD)
    return True


class Command(BaseCommand):
    help = (
        "Load demo content for the example intranet: pages, curriculum modules, offices and a "
        "demo superuser. Creates only what is missing; never changes or deletes existing content."
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
