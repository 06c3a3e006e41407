"""The demo's people, one for each role, with the groups and permissions the docs recommend.

Their passwords are the demo's, published on purpose: for the demo only.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

from wagtail_learninggroups.models import LearnerProfile, Location

#: For the demo only: every demo person signs in with it.
DEMO_PEOPLE_PASSWORD = "learninggroups-demo"

APP = "wagtail_learninggroups"

#: Groups: their model permissions, and the pages they edit (by URL path below the home page).
GROUPS = {
    "Nairobi editors": {"permissions": (), "pages": ("offices/nairobi/",)},
    "Washington editors": {"permissions": (), "pages": ("offices/washington/",)},
    "Central learning team": {
        "permissions": (
            *(
                f"{action}_{model}"
                for model in ("curriculummodule", "location", "champion", "learnerprofile")
                for action in ("add", "change", "delete", "view")
            ),
            "view_completeness_report",
            "view_quizattempt",
            "export_quizattempt",
            "present_quiz",
        ),
        "pages": ("workshops/", "offices/"),
    },
    "Report viewers": {
        "permissions": ("view_completeness_report", "view_quizattempt", "export_quizattempt"),
        "pages": (),
    },
}

#: Username, first name, last name, office (slug), group ("" for staff, who use no admin).
PEOPLE = [
    ("amina", "Amina", "Odhiambo", "nairobi", ""),
    ("wanjiru", "Wanjiru", "Kamau", "nairobi", "Nairobi editors"),
    ("jordan", "Jordan", "Ellis", "washington", "Washington editors"),
    ("sofia", "Sofía", "Márquez", "washington", "Central learning team"),
    ("tomas", "Tómas", "Berg", "reykjavik", "Report viewers"),
]

PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def ensure_groups(home, report):
    """The demo's groups, with their permissions; missing ones only are added."""
    groups = {}
    for name, spec in GROUPS.items():
        group, created = Group.objects.get_or_create(name=name)
        report.add(f"Group “{name}”", created)
        group.permissions.add(
            Permission.objects.get(
                content_type__app_label="wagtailadmin", codename="access_admin"
            ),
            *Permission.objects.filter(
                content_type__app_label=APP, codename__in=spec["permissions"]
            ),
        )
        for path in spec["pages"]:
            page = Page.objects.filter(url_path=f"{home.url_path}{path}").first()
            if page is None:
                continue
            for codename in PAGE_PERMISSIONS:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=page,
                    permission=Permission.objects.get(
                        content_type__app_label="wagtailcore", codename=codename
                    ),
                )
        groups[name] = group
    return groups


def ensure_people(home, report):
    """The demo's people, each with their office and group; existing usernames are left alone."""
    groups = ensure_groups(home, report)
    user_model = get_user_model()
    for username, first_name, last_name, office, group in PEOPLE:
        if user_model.objects.filter(**{user_model.USERNAME_FIELD: username}).exists():
            report.add(f"Person “{username}”", False)
            continue
        user = user_model.objects.create_user(
            username,
            f"{username}@intranet.example",
            DEMO_PEOPLE_PASSWORD,
            first_name=first_name,
            last_name=last_name,
        )
        if group:
            user.groups.add(groups[group])
        LearnerProfile.objects.get_or_create(
            user=user, defaults={"location": Location.objects.filter(slug=office).first()}
        )
        report.add(f"Person “{username}” ({group or 'staff'})", True)
