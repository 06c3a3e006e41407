"""The people and content of the permission matrix, set up the way a site sets them up.

Roles are Wagtail groups with page permissions and model permissions, as the editor's guide and
the developer documentation tell an administrator to give them:

* ``anonymous``: nobody signed in;
* ``staff``: a signed-in colleague with no access to the admin;
* ``editor_a`` and ``editor_b``: the local editors of office A (Nairobi) and office B (Suva),
  with access to the admin and Add, Edit and Publish on their office's section only;
* ``central``: the central learning team, with Add, Edit and Publish on the whole site, and the
  model permissions of the curriculum, the locations and the champions, but none of the report
  permissions, so that the matrix shows editing rights open no report;
* ``reports``: access to the admin and the report permissions only (the completeness report,
  viewing and exporting quiz attempts);
* ``superuser``.

The content: a public workshop template with a slot, an individual and a group quiz and a
champion spotlight; a private one (only the central team's group may read it) with the same; one
under an index that only signed-in readers may read; editions of them for the offices, office
B's behind a sign-in restriction of its own; a public and a private champions directory; a
curriculum module; an office without a section page yet (Juba); a quiz attempt by the staff
member.

:func:`build_world` makes it all with the ORM (pages published through revisions, as the editor
does), cheaply enough to be built once for a test module.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client
from wagtail.models import GroupPagePermission, PageViewRestriction, ReferenceIndex, Site

from tests.editions.factories import make_office
from tests.quizzes.factories import correct_answers, quiz_url, quiz_value
from wagtail_learninggroups.models import (
    Award,
    Champion,
    ChampionDirectoryPage,
    CurriculumModule,
    CurriculumUnit,
    LocalEditionPage,
    Location,
    QuizAttempt,
    WorkshopIndexPage,
    WorkshopTemplatePage,
)

#: Every role of the matrix, in the order of its columns.
ROLES = ("anonymous", "staff", "editor_a", "editor_b", "central", "reports", "superuser")

PUBLIC_QUIZ = "publicquiz01"
PUBLIC_GROUP_QUIZ = "publicgroup1"
PRIVATE_QUIZ = "privatequiz1"
PRIVATE_GROUP_QUIZ = "privategroup"
SIGNED_IN_QUIZ = "signedin0001"
SIGNED_IN_GROUP_QUIZ = "signedingrp1"
PUBLIC_SLOT = "publicslot01"
PRIVATE_SLOT = "privateslot1"
SIGNED_IN_SLOT = "signedinslot"

#: Text that only the central (core) part of each template holds.
PUBLIC_CORE = "Core of the public workshop: how a bill becomes law"
PRIVATE_CORE = "Core of the private workshop: the budget cycle"
SIGNED_IN_CORE = "Core of the signed-in workshop: briefing a minister"
#: Text that only the offices' fills hold.
NAIROBI_FILL = "Karibu from the Nairobi office."
NAIROBI_PRIVATE_FILL = "The budget story of the Nairobi office."
NAIROBI_SIGNED_IN_FILL = "A ministerial visit to Nairobi."

PUBLIC_TITLE = "Public workshop: parliament"
PRIVATE_TITLE = "Private workshop: budget scrutiny"
SIGNED_IN_TITLE = "Signed-in workshop: ministers"
CHAMPION_EMAIL = "ana.silva@example.org"
AWARD = "Learning champion of the year"

PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
CENTRAL_MODELS = ("curriculummodule", "location", "champion")
REPORT_PERMISSIONS = ("view_completeness_report", "view_quizattempt", "export_quizattempt")


@dataclass
class World:
    """Everything the matrix reads: the people (by role) and the content."""

    sessions: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    groups: dict = field(default_factory=dict)
    nairobi: Location = None
    suva: Location = None
    juba: Location = None
    index: WorkshopIndexPage = None
    public: WorkshopTemplatePage = None
    private: WorkshopTemplatePage = None
    signed_in_index: WorkshopIndexPage = None
    signed_in: WorkshopTemplatePage = None
    nairobi_public: LocalEditionPage = None
    suva_public: LocalEditionPage = None
    nairobi_private: LocalEditionPage = None
    nairobi_signed_in: LocalEditionPage = None
    directory: ChampionDirectoryPage = None
    private_directory: ChampionDirectoryPage = None
    champion: Champion = None
    module: CurriculumModule = None
    attempt: QuizAttempt = None
    #: Responses already seen, by role and request, for rows that send the same GET.
    responses: dict = field(default_factory=dict)

    def client(self, role):
        """A fresh client signed in as ``role`` (a session made once, reused by reference)."""
        client = Client()
        session_key = self.sessions.get(role)
        if session_key:
            client.cookies[settings.SESSION_COOKIE_NAME] = session_key
        return client


# Content -----------------------------------------------------------------------------------------


def slot(key, title):
    return {
        "type": "slot",
        "value": {
            "key": key,
            "title": title,
            "instructions": "",
            "example": "",
            "required": True,
            "kinds": ["text"],
            "when_empty": "fallback",
            "fallback": "Ask your champion.",
        },
        "id": f"block-{key}",
    }


def quiz(key, title, mode="individual"):
    return {"type": "quiz", "value": quiz_value(key=key, title=title, mode=mode), "id": key}


def spotlight(champion, block_id):
    value = {"champion": champion.pk, "headline": "", "quote": "", "layout": "card"}
    return {"type": "spotlight", "value": value, "id": block_id}


def template_body(core, slot_key, quiz_key, group_key, champion):
    return [
        {"type": "heading", "value": core, "id": f"heading-{quiz_key}"},
        slot(slot_key, "A welcome from the head of office"),
        quiz(quiz_key, "Parliament check"),
        quiz(group_key, "Room check", mode="group"),
        spotlight(champion, f"spotlight-{quiz_key}"),
    ]


def add_published(parent, page):
    """Add ``page`` below ``parent`` and publish it through a revision, as the editor does."""
    parent.refresh_from_db()
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def fills(key, text):
    content = [{"type": "text", "value": f"<p>{text}</p>", "id": f"text-{key}"}]
    value = {"key": key, "content": content, "not_applicable": False}
    return [{"type": "fill", "value": value, "id": f"fill-{key}"}]


def add_edition(template, location, slot_key, text):
    edition = LocalEditionPage(
        title=f"{template.title} at {location.name}",
        slug=template.slug,
        workshop=template,
        location=location,
        venue="Library, 2nd floor",
        fills=fills(slot_key, text),
    )
    return add_published(location.page, edition)


def restrict(page, restriction_type, groups=()):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=restriction_type)
    restriction.groups.set(groups)
    return restriction


# People ------------------------------------------------------------------------------------------


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def admin_group(name, *permissions):
    group = Group.objects.create(name=name)
    group.permissions.add(permission("wagtailadmin", "access_admin"), *permissions)
    return group


def give_pages(group, page):
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.create(
            group=group, page=page, permission=permission("wagtailcore", codename)
        )


def make_groups(world, root):
    app = "wagtail_learninggroups"
    editors_a = admin_group("Nairobi editors")
    give_pages(editors_a, world.nairobi.page)
    editors_b = admin_group("Suva editors")
    give_pages(editors_b, world.suva.page)
    central = admin_group(
        "Central learning team",
        *(
            permission(app, f"{action}_{model}")
            for model in CENTRAL_MODELS
            for action in ("add", "change", "delete", "view")
        ),
    )
    give_pages(central, root)
    reports = admin_group(
        "Report viewers", *(permission(app, codename) for codename in REPORT_PERMISSIONS)
    )
    world.groups = {"editor_a": editors_a, "editor_b": editors_b, "central": central,
                    "reports": reports}  # fmt: skip


def make_people(world):
    user_model = get_user_model()
    for role in ROLES[1:]:
        if role == "superuser":
            user = user_model.objects.create_superuser(role, f"{role}@example.org", "pw")
        else:
            user = user_model.objects.create_user(role, f"{role}@example.org", "pw")
        if role in world.groups:
            user.groups.add(world.groups[role])
        client = Client()
        client.force_login(user)
        world.users[role] = user
        world.sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value


# The world ---------------------------------------------------------------------------------------


def build_world():
    """Build the roles and the content; see the module's docstring."""
    world = World()
    root = Site.objects.get(is_default_site=True).root_page.specific
    world.nairobi = make_office(root, "Nairobi")
    world.suva = make_office(root, "Suva", region="Pacific", time_zone="Pacific/Fiji")
    world.juba = Location.objects.create(
        name="Juba", slug="juba", country="South Sudan", region="Africa", size="small",
        time_zone="Africa/Juba",
    )  # fmt: skip
    make_groups(world, root)
    make_people(world)

    world.module = CurriculumModule.objects.create(number=1, title="How government works")
    CurriculumUnit.objects.create(module=world.module, title="Parliament", sort_order=0)
    world.champion = Champion.objects.create(
        name="Ana Silva", location=world.nairobi, job_title="Political officer",
        email=CHAMPION_EMAIL, chat_url="https://chat.example.org/ana",
    )  # fmt: skip
    Award.objects.create(champion=world.champion, title=AWARD, year=2025, sort_order=0)

    world.index = add_published(root, WorkshopIndexPage(title="Workshops", slug="workshops"))
    world.public = add_published(
        world.index,
        WorkshopTemplatePage(
            title=PUBLIC_TITLE, slug="parliament", summary="Public.",
            body=template_body(PUBLIC_CORE, PUBLIC_SLOT, PUBLIC_QUIZ, PUBLIC_GROUP_QUIZ,
                               world.champion),
        ),
    )  # fmt: skip
    world.private = add_published(
        world.index,
        WorkshopTemplatePage(
            title=PRIVATE_TITLE, slug="budget", summary="Private.",
            body=template_body(PRIVATE_CORE, PRIVATE_SLOT, PRIVATE_QUIZ, PRIVATE_GROUP_QUIZ,
                               world.champion),
        ),
    )  # fmt: skip
    restrict(world.private, PageViewRestriction.GROUPS, [world.groups["central"]])
    # A template that is private through the index above it, for signed-in readers only.
    world.signed_in_index = add_published(
        root, WorkshopIndexPage(title="Workshops for staff", slug="staff-workshops")
    )
    restrict(world.signed_in_index, PageViewRestriction.LOGIN)
    world.signed_in = add_published(
        world.signed_in_index,
        WorkshopTemplatePage(
            title=SIGNED_IN_TITLE, slug="ministers", summary="Staff only.",
            body=template_body(SIGNED_IN_CORE, SIGNED_IN_SLOT, SIGNED_IN_QUIZ,
                               SIGNED_IN_GROUP_QUIZ, world.champion),
        ),
    )  # fmt: skip

    world.nairobi_public = add_edition(world.public, world.nairobi, PUBLIC_SLOT, NAIROBI_FILL)
    world.suva_public = add_edition(world.public, world.suva, PUBLIC_SLOT, "Bula from Suva.")
    restrict(world.suva_public, PageViewRestriction.LOGIN)
    # A draft waits on Suva's edition, for the bulk "Publish" of the page listing.
    world.suva_public.venue = "Conference room"
    world.suva_public.save_revision()
    world.nairobi_private = add_edition(
        world.private, world.nairobi, PRIVATE_SLOT, NAIROBI_PRIVATE_FILL
    )
    world.nairobi_signed_in = add_edition(
        world.signed_in, world.nairobi, SIGNED_IN_SLOT, NAIROBI_SIGNED_IN_FILL
    )

    world.directory = add_published(
        root, ChampionDirectoryPage(title="Champions", slug="champions")
    )
    world.private_directory = add_published(
        root, ChampionDirectoryPage(title="Champions (team only)", slug="team-champions")
    )
    restrict(world.private_directory, PageViewRestriction.GROUPS, [world.groups["central"]])
    # Wagtail brings the reference index up to date once the transaction commits; the matrix
    # never commits, so it is done here, for the profiles' "Spotlighted in".
    for page in (world.public, world.private, world.signed_in):
        ReferenceIndex.create_or_update_for_object(page)

    staff = world.client("staff")
    response = staff.post(quiz_url(world.public, PUBLIC_QUIZ), correct_answers())
    assert response.status_code == 302, response.content.decode()[-2000:]
    world.attempt = QuizAttempt.objects.get()
    return world
