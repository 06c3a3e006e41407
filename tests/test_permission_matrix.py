"""The permission matrix: every role against every view, report, export, action and endpoint.

Each row of :data:`MATRIX` is one thing the package adds (or one of our pages that Wagtail
serves): the request, then what each role gets, in the order of
:data:`~tests.permissions.ROLES`. What a role *should* get comes from the documentation
(the editor's guide, ``quizzes.md``, ``champions.md``, ``editions.md``, ``reference.md``). The
roles and content are built once for the module (:mod:`tests.permissions`); each cell runs
in a savepoint that is rolled back, so what one role does is not seen by the next.

The outcomes, as the table writes them:

========= ================= ==============================================================
``OK``    ``"200"``         the page or screen, status 200
``FILE``  ``"file"``        a download: status 200 with ``Content-Disposition: attachment``
``SHOW``  ``"shown"``       status 200, with every marker of the row (a title, a link…)
``HIDE``  ``"hidden"``      status 200 with none of them (and the row's refusal text, if any)
``DONE``  ``"done"``        the action was carried out: its effect on the database is seen
``NOOP``  ``"no-op"``       a redirect elsewhere than a refusal or a sign-in page
``LOGIN`` ``"login"``       a redirect to the site's sign-in page, with ``next`` to come back
``ADMIN`` ``"admin-login"`` a redirect to the Wagtail admin's sign-in page
``DENY``  ``"denied"``      Wagtail's "Sorry, you do not have permission to access this
                            area.": a redirect to the admin's dashboard
``E403``  ``"403"``         status 403 (and ``E404``, status 404)
========= ================= ==============================================================

Every outcome but ``DONE`` also asserts that the database did not change (a row's ``effect``
reads what its action would change).
"""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.db import transaction
from django.shortcuts import resolve_url
from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from tests.editions.factories import add_page_url, edit_url, edition_form, fill_data
from tests.permissions import (
    AWARD,
    CHAMPION_EMAIL,
    NAIROBI_FILL,
    NAIROBI_PRIVATE_FILL,
    NAIROBI_SIGNED_IN_FILL,
    PRIVATE_CORE,
    PRIVATE_GROUP_QUIZ,
    PRIVATE_QUIZ,
    PRIVATE_TITLE,
    PUBLIC_CORE,
    PUBLIC_GROUP_QUIZ,
    PUBLIC_QUIZ,
    PUBLIC_SLOT,
    PUBLIC_TITLE,
    ROLES,
    SIGNED_IN_CORE,
    SIGNED_IN_QUIZ,
    SIGNED_IN_TITLE,
    build_world,
)
from tests.quizzes.factories import correct_answers
from wagtail_learninggroups.models import (
    Champion,
    CurriculumModule,
    LocalEditionPage,
    Location,
    QuizAttempt,
)

OK, FILE, SHOW, HIDE, DONE, NOOP = "200", "file", "shown", "hidden", "done", "no-op"
LOGIN, ADMIN, DENY, E403, E404 = "login", "admin-login", "denied", "403", "404"
OUTCOMES = {OK, FILE, SHOW, HIDE, DONE, NOOP, LOGIN, ADMIN, DENY, E403, E404}

#: What an edition shows in place of a template the reader may not see.
UNAVAILABLE = "This workshop is not available at the moment."
#: The explanation of the first question of every quiz: an answer, for those who may see it.
EXPLANATION = "Because: Who elects members of parliament?"


# Requests ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    """A row's request: method, URL and form data (read from the world), headers."""

    method: str
    url: Callable
    data: Callable | None = None
    headers: tuple = ()

    def key(self, world):
        return (self.method, self.url(world), self.headers)

    def send(self, client, world):
        headers = dict(self.headers)
        if self.method == "GET":
            return client.get(self.url(world), headers=headers)
        data = self.data(world) if self.data is not None else {}
        return client.post(self.url(world), data, headers=headers)


def get(url, **headers):
    """A GET of ``url(world)``."""
    return Request("GET", url, headers=tuple(sorted(headers.items())))


def post(url, data=None):
    """A POST of ``data(world)`` to ``url(world)``."""
    return Request("POST", url, data)


def url(name, *args, query=""):
    """``reverse(name)``, with arguments read from the world by ``args`` (callables)."""
    return lambda w: reverse(name, args=[arg(w) for arg in args]) + query


def pk(attr):
    return lambda w: getattr(w, attr).pk


def page(attr, suffix=""):
    """The address of a page of the world, or of one of its routes."""
    return lambda w: getattr(w, attr).url + suffix


def quiz(attr, key):
    return url("wagtail_learninggroups:quiz", pk(attr), lambda w: key)


def present(attr, key, reveal=False):
    name = "quiz_present_answer" if reveal else "quiz_present_question"
    return url(f"wagtail_learninggroups:{name}", pk(attr), lambda w: key, lambda w: 1)


def admin(model, action, *args, query=""):
    """A screen of one of our wagtail-modeladmin registrations."""
    return url(f"wagtail_learninggroups_{model}_modeladmin_{action}", *args, query=query)


def profile(w):
    return w.directory.profile_url(w.champion)


def editor(attr):
    return lambda w: edit_url(getattr(w, attr))


def suva_section(w):
    return w.suva.page_id


def add_edition_in_nairobi(w):
    return add_page_url(LocalEditionPage, w.nairobi.page)


def add_edition_in_suva(w):
    return add_page_url(LocalEditionPage, w.suva.page)


def bulk_publish(attr):
    def address(w):
        edition = getattr(w, attr)
        explore = reverse("wagtailadmin_explore", args=[edition.get_parent().pk])
        publish = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        return f"{publish}?id={edition.pk}&next={explore}"

    return address


def bulk_move(attr):
    def address(w):
        edition = getattr(w, attr)
        explore = reverse("wagtailadmin_explore", args=[edition.get_parent().pk])
        move = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "move"))
        return f"{move}?id={edition.pk}&next={explore}"

    return address


# Form data ---------------------------------------------------------------------------------------


def answers(w):
    return correct_answers()


def publish_suva(w):
    data = edition_form(
        w.public, w.suva, action="action-publish", slug=w.suva_public.slug, venue="Town hall"
    )
    data.update(fill_data(PUBLIC_SLOT, ("text", "<p>Bula vinaka.</p>")))
    return data


def suva_edition(w):
    return edition_form(w.private, w.suva, slug="budget-for-suva")


def publish_new_suva_edition(w):
    return edition_form(w.private, w.suva, action="action-publish", slug="budget-for-suva")


def juba_edition(w):
    return edition_form(w.public, w.juba, slug="parliament-for-juba")


def into_suva(w):
    return {"chooser": str(w.suva.page_id)}


def copy_into_nairobi(w):
    return {"new_title": "A second edition", "new_slug": "second-edition",
            "new_parent_page": str(w.nairobi.page.pk)}  # fmt: skip


def every_office(w):
    return {"scope": "all"}


def new_module(w):
    return nested_form_data(
        {"number": "7", "title": "Elections", "summary": "", "units": inline_formset([])}
    )


# Effects: what an action would change ------------------------------------------------------------


def attempts(w):
    return QuizAttempt.objects.count()


def editions(w):
    return LocalEditionPage.objects.count()


def suva_published(w):
    return LocalEditionPage.objects.values_list("live_revision_id", "venue").get(
        pk=w.suva_public.pk
    )


def nairobi_private_parent(w):
    return LocalEditionPage.objects.get(pk=w.nairobi_private.pk).get_parent().pk


def modules(w):
    return list(CurriculumModule.objects.values_list("pk", flat=True))


def locations(w):
    return list(Location.objects.values_list("pk", flat=True))


def champions(w):
    return list(Champion.objects.values_list("pk", flat=True))


# Markers: what "shown" shows ---------------------------------------------------------------------


def text(*values):
    return lambda w: list(values)


def link(address):
    return lambda w: [address(w)]


def own_attempt(w):
    return [reverse("wagtail_learninggroups:quiz_attempt", args=[w.attempt.pk])]


def listing(model):
    return link(admin(model, "index"))


# The matrix --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """One row of the matrix: the request, then what each role should get."""

    name: str
    request: Request
    expected: tuple
    effect: Callable | None = None
    markers: Callable | None = None
    refusal: str | None = None

    def __str__(self):
        return self.name


def row(name, request, *expected, effect=None, markers=None, refusal=None):
    assert len(expected) == len(ROLES), name
    return Target(name, request, expected, effect, markers, refusal)


CURRICULUM, LOCATIONS = "curriculummodule", "location"
CHAMPIONS, ATTEMPTS = "champion", "quizattempt"
HOME = url("wagtailadmin_home")
ROLLOUT = "wagtail_learninggroups_rollout"
ROLLOUT_PUBLIC = url(ROLLOUT, pk("public"))
ROLLOUT_PRIVATE = url(ROLLOUT, pk("private"))
COMPLETENESS = "wagtail_learninggroups_completeness"
STATISTICS = "wagtail_learninggroups_quiz_statistics"
STATISTICS_OF_QUIZ = url(f"{STATISTICS}_detail", pk("public"), lambda w: PUBLIC_QUIZ)
BOTH = text(PRIVATE_CORE, NAIROBI_PRIVATE_FILL)  # the private template and Nairobi's fill
NAIROBI_SIGNED_IN = text(SIGNED_IN_CORE, NAIROBI_SIGNED_IN_FILL)

# fmt: off
MATRIX = [
    # Quizzes on public pages
    #                                   anon   staff  ed. A  ed. B  central report super
    row("quiz: shown", get(quiz("public", PUBLIC_QUIZ)),
                                        OK,    OK,    OK,    OK,    OK,    OK,    OK),
    row("quiz: taken", post(quiz("public", PUBLIC_QUIZ), answers),
                                        E403,  DONE,  DONE,  DONE,  DONE,  DONE,  DONE,
        effect=attempts),
    row("quiz: taken in office A's edition", post(quiz("nairobi_public", PUBLIC_QUIZ), answers),
                                        E403,  DONE,  DONE,  DONE,  DONE,  DONE,  DONE,
        effect=attempts),
    row("quiz: staff's result", get(url("wagtail_learninggroups:quiz_attempt", pk("attempt"))),
                                        E404,  OK,    E404,  E404,  E404,  E404,  E404),
    row("quiz: my results", get(url("wagtail_learninggroups:my_quiz_results")),
                                        HIDE,  SHOW,  HIDE,  HIDE,  HIDE,  HIDE,  HIDE,
        markers=own_attempt),
    row("quiz: no answers in the page", get(page("public")),
                                        HIDE,  HIDE,  HIDE,  HIDE,  HIDE,  HIDE,  HIDE,
        markers=text(EXPLANATION)),
    row("quiz: no answers in the facilitator view", get(page("public", "facilitator/")),
                                        HIDE,  HIDE,  HIDE,  HIDE,  HIDE,  HIDE,  HIDE,
        markers=text(EXPLANATION)),
    row("present: a question", get(present("public", PUBLIC_GROUP_QUIZ)),
                                        E403,  E403,  E403,  E403,  HIDE,  E403,  HIDE,
        markers=text(EXPLANATION)),
    row("present: its answer", get(present("public", PUBLIC_GROUP_QUIZ, reveal=True)),
                                        E403,  E403,  E403,  E403,  SHOW,  E403,  SHOW,
        markers=text(EXPLANATION)),
    row("present: its answer, for the script",
        get(present("public", PUBLIC_GROUP_QUIZ, reveal=True), X_LG_QUIZ="fragment"),
                                        E403,  E403,  E403,  E403,  SHOW,  E403,  SHOW,
        markers=text(EXPLANATION)),
    row("present: a question in office A's edition",
        get(present("nairobi_public", PUBLIC_GROUP_QUIZ)),
                                        E403,  E403,  HIDE,  E403,  HIDE,  E403,  HIDE,
        markers=text(EXPLANATION)),
    row("present: its answer in office A's edition",
        get(present("nairobi_public", PUBLIC_GROUP_QUIZ, reveal=True)),
                                        E403,  E403,  SHOW,  E403,  SHOW,  E403,  SHOW,
        markers=text(EXPLANATION)),
    row("present: not an individual quiz", get(present("public", PUBLIC_QUIZ)),
                                        E404,  E404,  E404,  E404,  E404,  E404,  E404),

    # A private template (only the central team's group may read it), and office A's edition
    #                                   anon   staff  ed. A  ed. B  central report super
    row("private template: page", get(page("private")),
                                        LOGIN, LOGIN, LOGIN, LOGIN, OK,    LOGIN, OK),
    row("private template: facilitator view", get(page("private", "facilitator/")),
                                        LOGIN, LOGIN, LOGIN, LOGIN, OK,    LOGIN, OK),
    row("private template: facilitator pack", get(page("private", "print/")),
                                        LOGIN, LOGIN, LOGIN, LOGIN, OK,    LOGIN, OK),
    row("private template: in the workshop index", get(page("index")),
                                        HIDE,  HIDE,  HIDE,  HIDE,  SHOW,  HIDE,  SHOW,
        markers=text(PRIVATE_TITLE)),
    row("private template: quiz shown", get(quiz("private", PRIVATE_QUIZ)),
                                        LOGIN, E403,  E403,  E403,  OK,    E403,  OK),
    row("private template: quiz, for the script",
        get(quiz("private", PRIVATE_QUIZ), X_LG_QUIZ="fragment"),
                                        E403,  E403,  E403,  E403,  OK,    E403,  OK),
    row("private template: quiz taken", post(quiz("private", PRIVATE_QUIZ), answers),
                                        E403,  E403,  E403,  E403,  DONE,  E403,  DONE,
        effect=attempts),
    row("private template: present", get(present("private", PRIVATE_GROUP_QUIZ)),
                                        LOGIN, E403,  E403,  E403,  HIDE,  E403,  HIDE,
        markers=text(EXPLANATION)),
    row("private template: present an answer",
        get(present("private", PRIVATE_GROUP_QUIZ, reveal=True)),
                                        LOGIN, E403,  E403,  E403,  SHOW,  E403,  SHOW,
        markers=text(EXPLANATION)),
    row("its edition: page", get(page("nairobi_private")),
                                        HIDE,  HIDE,  HIDE,  HIDE,  SHOW,  HIDE,  SHOW,
        markers=BOTH, refusal=UNAVAILABLE),
    row("its edition: facilitator view", get(page("nairobi_private", "facilitator/")),
                                        HIDE,  HIDE,  HIDE,  HIDE,  SHOW,  HIDE,  SHOW,
        markers=BOTH, refusal=UNAVAILABLE),
    row("its edition: facilitator pack", get(page("nairobi_private", "print/")),
                                        HIDE,  HIDE,  HIDE,  HIDE,  SHOW,  HIDE,  SHOW,
        markers=BOTH, refusal=UNAVAILABLE),
    row("its edition: quiz shown", get(quiz("nairobi_private", PRIVATE_QUIZ)),
                                        E404,  E404,  E404,  E404,  OK,    E404,  OK),
    row("its edition: quiz taken", post(quiz("nairobi_private", PRIVATE_QUIZ), answers),
                                        E404,  E404,  E404,  E404,  DONE,  E404,  DONE,
        effect=attempts),
    row("its edition: present an answer",
        get(present("nairobi_private", PRIVATE_GROUP_QUIZ, reveal=True)),
                                        E404,  E404,  E404,  E404,  SHOW,  E404,  SHOW,
        markers=text(EXPLANATION)),

    # An edition of a template below an index for signed-in readers only, and office B's
    # edition of the public template, for signed-in readers only
    #                                   anon   staff  ed. A  ed. B  central report super
    row("signed-in template's edition: page", get(page("nairobi_signed_in")),
                                        HIDE,  SHOW,  SHOW,  SHOW,  SHOW,  SHOW,  SHOW,
        markers=NAIROBI_SIGNED_IN, refusal=UNAVAILABLE),
    row("signed-in template's edition: quiz taken",
        post(quiz("nairobi_signed_in", SIGNED_IN_QUIZ), answers),
                                        E404,  DONE,  DONE,  DONE,  DONE,  DONE,  DONE,
        effect=attempts),
    row("signed-in edition: page", get(page("suva_public")),
                                        LOGIN, OK,    OK,    OK,    OK,    OK,    OK),
    row("signed-in edition: quiz shown", get(quiz("suva_public", PUBLIC_QUIZ)),
                                        LOGIN, OK,    OK,    OK,    OK,    OK,    OK),
    row("signed-in edition: quiz taken", post(quiz("suva_public", PUBLIC_QUIZ), answers),
                                        E403,  DONE,  DONE,  DONE,  DONE,  DONE,  DONE,
        effect=attempts),
    row("signed-in edition: present", get(present("suva_public", PUBLIC_GROUP_QUIZ)),
                                        LOGIN, E403,  E403,  HIDE,  HIDE,  E403,  HIDE,
        markers=text(EXPLANATION)),

    # Public workshop pages and the champions directory
    #                                   anon   staff  ed. A  ed. B  central report super
    row("public template: page", get(page("public")),
                                        OK,    OK,    OK,    OK,    OK,    OK,    OK),
    row("public template: facilitator view", get(page("public", "facilitator/")),
                                        OK,    OK,    OK,    OK,    OK,    OK,    OK),
    row("public template: facilitator pack", get(page("public", "print/")),
                                        OK,    OK,    OK,    OK,    OK,    OK,    OK),
    row("public edition: office A's content", get(page("nairobi_public")),
                                        SHOW,  SHOW,  SHOW,  SHOW,  SHOW,  SHOW,  SHOW,
        markers=text(PUBLIC_CORE, NAIROBI_FILL)),
    row("directory", get(page("directory")),
                                        OK,    OK,    OK,    OK,    OK,    OK,    OK),
    row("directory: contact details", get(profile),
                                        HIDE,  SHOW,  SHOW,  SHOW,  SHOW,  SHOW,  SHOW,
        markers=text(f"mailto:{CHAMPION_EMAIL}"), refusal="Sign in to see how to reach them."),
    row("directory: spotlighted in public pages", get(profile),
                                        SHOW,  SHOW,  SHOW,  SHOW,  SHOW,  SHOW,  SHOW,
        markers=text(PUBLIC_TITLE)),
    row("directory: never in private pages", get(profile),
                                        HIDE,  HIDE,  HIDE,  HIDE,  HIDE,  HIDE,  HIDE,
        markers=text(PRIVATE_TITLE, SIGNED_IN_TITLE)),
    row("directory: an award", get(lambda w: w.directory.award_url(AWARD)),
                                        OK,    OK,    OK,    OK,    OK,    OK,    OK),
    row("private directory: a profile", get(lambda w: w.private_directory.profile_url(w.champion)),
                                        LOGIN, LOGIN, LOGIN, LOGIN, OK,    LOGIN, OK),

    # The admin menu
    #                                   anon   staff  ed. A  ed. B  central report super
    row("menu: Learning groups", get(HOME),
                                        ADMIN, ADMIN, HIDE,  HIDE,  SHOW,  SHOW,  SHOW,
        markers=text("Learning groups")),
    row("menu: Curriculum", get(HOME),
                                        ADMIN, ADMIN, HIDE,  HIDE,  SHOW,  HIDE,  SHOW,
        markers=listing(CURRICULUM)),
    row("menu: Locations", get(HOME),
                                        ADMIN, ADMIN, HIDE,  HIDE,  SHOW,  HIDE,  SHOW,
        markers=listing(LOCATIONS)),
    row("menu: Champions", get(HOME),
                                        ADMIN, ADMIN, HIDE,  HIDE,  SHOW,  HIDE,  SHOW,
        markers=listing(CHAMPIONS)),
    row("menu: Quiz attempts", get(HOME),
                                        ADMIN, ADMIN, HIDE,  HIDE,  HIDE,  SHOW,  SHOW,
        markers=listing(ATTEMPTS)),
    row("menu: Completeness report", get(HOME),
                                        ADMIN, ADMIN, HIDE,  HIDE,  HIDE,  SHOW,  SHOW,
        markers=link(url(COMPLETENESS))),
    row("menu: Quiz statistics", get(HOME),
                                        ADMIN, ADMIN, HIDE,  HIDE,  HIDE,  SHOW,  SHOW,
        markers=link(url(STATISTICS))),

    # Templates and editions in the page editor
    #                                   anon   staff  ed. A  ed. B  central report super
    row("editor: template, with Roll out", get(editor("public")),
                                        ADMIN, ADMIN, DENY,  DENY,  SHOW,  DENY,  SHOW,
        markers=link(ROLLOUT_PUBLIC)),
    row("explorer: Roll out in the listing", get(url("wagtailadmin_explore", pk("index"))),
                                        ADMIN, ADMIN, NOOP,  NOOP,  SHOW,  DENY,  SHOW,
        markers=link(ROLLOUT_PUBLIC)),
    row("editor: office A's edition", get(editor("nairobi_public")),
                                        ADMIN, ADMIN, OK,    DENY,  OK,    DENY,  OK),
    row("editor: publish office B's edition", post(editor("suva_public"), publish_suva),
                                        ADMIN, ADMIN, DENY,  DONE,  DONE,  DENY,  DONE,
        effect=suva_published),
    row("explorer: bulk-publish office B's edition", post(bulk_publish("suva_public")),
                                        ADMIN, ADMIN, NOOP,  DONE,  DONE,  NOOP,  DONE,
        effect=suva_published),
    row("editor: add office B's edition in A's section",
        post(add_edition_in_nairobi, suva_edition),
                                        ADMIN, ADMIN, OK,    DENY,  OK,    DENY,  OK,
        effect=editions),
    row("editor: add and publish office B's edition, slot empty",
        post(add_edition_in_suva, publish_new_suva_edition),
                                        ADMIN, ADMIN, DENY,  OK,    OK,    DENY,  OK,
        effect=editions),
    row("editor: add an edition for an office with no section",
        post(add_edition_in_nairobi, juba_edition),
                                        ADMIN, ADMIN, OK,    DENY,  OK,    DENY,  OK,
        effect=editions),
    row("explorer: move office A's edition into B's section",
        post(url("wagtailadmin_pages:move_confirm", pk("nairobi_private"), suva_section)),
                                        ADMIN, ADMIN, DENY,  DENY,  NOOP,  DENY,  NOOP,
        effect=nairobi_private_parent),
    row("explorer: bulk-move office A's edition into B's section",
        post(bulk_move("nairobi_private"), into_suva),
                                        ADMIN, ADMIN, OK,    NOOP,  NOOP,  NOOP,  NOOP,
        effect=nairobi_private_parent),
    row("explorer: copy office A's edition",
        post(url("wagtailadmin_pages:copy", pk("nairobi_public")), copy_into_nairobi),
                                        ADMIN, ADMIN, NOOP,  DENY,  NOOP,  DENY,  NOOP,
        effect=editions),

    # Roll-out and the completeness report
    #                                   anon   staff  ed. A  ed. B  central report super
    row("roll-out: form", get(ROLLOUT_PRIVATE),
                                        ADMIN, ADMIN, DENY,  DENY,  OK,    DENY,  OK),
    row("roll-out: run", post(ROLLOUT_PRIVATE, every_office),
                                        ADMIN, ADMIN, DENY,  DENY,  DONE,  DENY,  DONE,
        effect=editions),
    row("roll-out: not of an edition", get(url(ROLLOUT, pk("nairobi_public"))),
                                        ADMIN, ADMIN, E404,  E404,  E404,  E404,  E404),
    row("completeness report", get(url(COMPLETENESS)),
                                        ADMIN, ADMIN, DENY,  DENY,  DENY,  OK,    OK),
    row("completeness report: results", get(url(f"{COMPLETENESS}_results")),
                                        ADMIN, ADMIN, DENY,  DENY,  DENY,  OK,    OK),
    row("completeness report: CSV", get(url(COMPLETENESS, query="?export=csv")),
                                        ADMIN, ADMIN, DENY,  DENY,  DENY,  FILE,  FILE),
    row("completeness report: XLSX", get(url(COMPLETENESS, query="?export=xlsx")),
                                        ADMIN, ADMIN, DENY,  DENY,  DENY,  FILE,  FILE),

    # Quiz statistics and attempts
    #                                   anon   staff  ed. A  ed. B  central report super
    row("quiz statistics", get(url(STATISTICS)),
                                        ADMIN, ADMIN, DENY,  DENY,  DENY,  OK,    OK),
    row("quiz statistics: a quiz", get(STATISTICS_OF_QUIZ),
                                        ADMIN, ADMIN, DENY,  DENY,  DENY,  OK,    OK),
    row("quiz attempts: listing", get(admin(ATTEMPTS, "index")),
                                        ADMIN, ADMIN, DENY,  DENY,  DENY,  OK,    OK),
    row("quiz attempts: inspect", get(admin(ATTEMPTS, "inspect", pk("attempt"))),
                                        ADMIN, ADMIN, DENY,  DENY,  DENY,  OK,    OK),
    row("quiz attempts: CSV", get(admin(ATTEMPTS, "export", query="?export=csv")),
                                        ADMIN, ADMIN, DENY,  DENY,  DENY,  FILE,  FILE),
    row("quiz attempts: XLSX", get(admin(ATTEMPTS, "export", query="?export=xlsx")),
                                        ADMIN, ADMIN, DENY,  DENY,  DENY,  FILE,  FILE),
    row("quiz attempts: the listing's export", get(admin(ATTEMPTS, "index", query="?export=csv")),
                                        ADMIN, ADMIN, DENY,  DENY,  DENY,  NOOP,  NOOP),
    row("quiz attempts: delete", post(admin(ATTEMPTS, "delete", pk("attempt"))),
                                        ADMIN, ADMIN, DENY,  DENY,  DENY,  DENY,  DONE,
        effect=attempts),
    row("quiz attempts: no add form", get(admin(ATTEMPTS, "create")),
                                        ADMIN, ADMIN, DENY,  DENY,  DENY,  DENY,  DENY),
    row("quiz attempts: no edit form", get(admin(ATTEMPTS, "edit", pk("attempt"))),
                                        ADMIN, ADMIN, DENY,  DENY,  DENY,  DENY,  DENY),

    # Curriculum, locations and champions
    #                                   anon   staff  ed. A  ed. B  central report super
    row("curriculum: listing", get(admin(CURRICULUM, "index")),
                                        ADMIN, ADMIN, DENY,  DENY,  OK,    DENY,  OK),
    row("curriculum: inspect", get(admin(CURRICULUM, "inspect", pk("module"))),
                                        ADMIN, ADMIN, DENY,  DENY,  OK,    DENY,  OK),
    row("curriculum: CSV", get(admin(CURRICULUM, "index", query="?export=csv")),
                                        ADMIN, ADMIN, DENY,  DENY,  FILE,  DENY,  FILE),
    row("curriculum: add", post(admin(CURRICULUM, "create"), new_module),
                                        ADMIN, ADMIN, DENY,  DENY,  DONE,  DENY,  DONE,
        effect=modules),
    row("curriculum: edit form", get(admin(CURRICULUM, "edit", pk("module"))),
                                        ADMIN, ADMIN, DENY,  DENY,  OK,    DENY,  OK),
    row("curriculum: delete", post(admin(CURRICULUM, "delete", pk("module"))),
                                        ADMIN, ADMIN, DENY,  DENY,  DONE,  DENY,  DONE,
        effect=modules),
    row("locations: listing", get(admin(LOCATIONS, "index")),
                                        ADMIN, ADMIN, DENY,  DENY,  OK,    DENY,  OK),
    row("locations: inspect", get(admin(LOCATIONS, "inspect", pk("nairobi"))),
                                        ADMIN, ADMIN, DENY,  DENY,  OK,    DENY,  OK),
    row("locations: XLSX", get(admin(LOCATIONS, "index", query="?export=xlsx")),
                                        ADMIN, ADMIN, DENY,  DENY,  FILE,  DENY,  FILE),
    row("locations: add form", get(admin(LOCATIONS, "create")),
                                        ADMIN, ADMIN, DENY,  DENY,  OK,    DENY,  OK),
    row("locations: edit form", get(admin(LOCATIONS, "edit", pk("nairobi"))),
                                        ADMIN, ADMIN, DENY,  DENY,  OK,    DENY,  OK),
    row("locations: delete", post(admin(LOCATIONS, "delete", pk("juba"))),
                                        ADMIN, ADMIN, DENY,  DENY,  DONE,  DENY,  DONE,
        effect=locations),
    row("champions: listing", get(admin(CHAMPIONS, "index")),
                                        ADMIN, ADMIN, DENY,  DENY,  OK,    DENY,  OK),
    row("champions: inspect", get(admin(CHAMPIONS, "inspect", pk("champion"))),
                                        ADMIN, ADMIN, DENY,  DENY,  OK,    DENY,  OK),
    row("champions: CSV", get(admin(CHAMPIONS, "index", query="?export=csv")),
                                        ADMIN, ADMIN, DENY,  DENY,  FILE,  DENY,  FILE),
    row("champions: add form", get(admin(CHAMPIONS, "create")),
                                        ADMIN, ADMIN, DENY,  DENY,  OK,    DENY,  OK),
    row("champions: edit form", get(admin(CHAMPIONS, "edit", pk("champion"))),
                                        ADMIN, ADMIN, DENY,  DENY,  OK,    DENY,  OK),
    row("champions: delete", post(admin(CHAMPIONS, "delete", pk("champion"))),
                                        ADMIN, ADMIN, DENY,  DENY,  DONE,  DENY,  DONE,
        effect=champions),
    row("champions: usage", get(url("wagtail_learninggroups_champion_usage", pk("champion"))),
                                        ADMIN, ADMIN, DENY,  DENY,  OK,    DENY,  OK),
    row("champions: programme figures", get(url("wagtail_learninggroups_champion_figures")),
                                        ADMIN, ADMIN, DENY,  DENY,  FILE,  DENY,  FILE),
    row("champions: chooser", get(url("learninggroups_champion_chooser:choose")),
                                        ADMIN, ADMIN, OK,    OK,    OK,    OK,    OK),
]
# fmt: on


# Running a cell ----------------------------------------------------------------------------------


def sign_in_paths():
    """Where readers are sent to sign in: by Wagtail's page privacy, and by our quiz addresses."""
    frontend = getattr(settings, "WAGTAIL_FRONTEND_LOGIN_URL", None)
    return {
        resolve_url(frontend or settings.LOGIN_URL),
        resolve_url(frontend) if frontend else reverse("wagtailcore_login"),
    }


@dataclass(frozen=True)
class Seen:
    """What a response said: all that :func:`classify` reads."""

    status: int
    location: str
    disposition: str
    content: str

    @classmethod
    def of(cls, response):
        content = b"".join(response.streaming_content) if response.streaming else response.content
        return cls(
            status=response.status_code,
            location=response.get("Location", ""),
            disposition=response.get("Content-Disposition", ""),
            content=content.decode("utf-8", "replace"),
        )


def classify(seen, target, world, changed):
    """The outcome a response stands for, in the words of the matrix."""
    if seen.status in (301, 302):
        location = urlsplit(seen.location)
        if location.path == reverse("wagtailadmin_home"):
            outcome = DENY
        elif location.path == reverse("wagtailadmin_login"):
            outcome = ADMIN
        elif location.path in sign_in_paths() and parse_qs(location.query).get("next"):
            outcome = LOGIN
        else:
            outcome = DONE if changed else NOOP
    elif seen.status == 200 and changed:
        outcome = DONE
    elif seen.status == 200 and seen.disposition.startswith("attachment"):
        outcome = FILE
    elif seen.status == 200 and target.markers is not None:
        found = [marker in seen.content for marker in target.markers(world)]
        refused = target.refusal is None or target.refusal in seen.content
        outcome = SHOW if all(found) else HIDE if not any(found) and refused else "partly shown"
    else:
        outcome = str(seen.status)
    if changed and outcome != DONE:
        outcome = f"{outcome}, yet the database changed"
    return outcome


def observe(world, target, role):
    """What ``role`` gets from ``target``; nothing it does outlives the call.

    Rows that send the same GET (the dashboard for each menu entry, a profile for each of its
    parts) share one response per role, kept with the world: a GET changes nothing the matrix
    reads, every cell is rolled back, and no test here changes settings. A test that does must
    clear ``world.responses`` first.
    """
    key = (role, *target.request.key(world))
    cacheable = target.effect is None and target.request.method == "GET"
    if cacheable and key in world.responses:
        return classify(world.responses[key], target, world, changed=False)
    with transaction.atomic():
        before = target.effect(world) if target.effect else None
        # As the rest of the suite does: what Wagtail defers to the commit runs with the request.
        with TestCase.captureOnCommitCallbacks(execute=True):
            response = target.request.send(world.client(role), world)
        seen = Seen.of(response)
        changed = target.effect is not None and target.effect(world) != before
        transaction.set_rollback(True)
    if cacheable:
        world.responses[key] = seen
    return classify(seen, target, world, changed)


# Tests -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The roles and content, built once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


@pytest.mark.parametrize("target", MATRIX, ids=str)
def test_permission_matrix(db, world, target):
    """Each role gets exactly what the row says, and refused actions change nothing."""
    mismatches = [
        f"  {role}: expected {expected}, got {actual}"
        for role, expected in zip(ROLES, target.expected, strict=True)
        for actual in [observe(world, target, role)]
        if actual != expected
    ]
    assert not mismatches, f"{target.name}:\n" + "\n".join(mismatches)


def test_every_row_names_a_known_outcome_for_each_role():
    """Rows are unique, name one known outcome per role, and have markers when they need them."""
    names = [target.name for target in MATRIX]
    assert len(names) == len(set(names))
    for target in MATRIX:
        outcomes = set(target.expected)
        assert outcomes <= OUTCOMES, target.name
        assert bool({SHOW, HIDE} & outcomes) == (target.markers is not None), target.name
