"""The "Learning groups" admin menu and the curriculum screens, used through their real forms."""

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from wagtail_learninggroups.models import CurriculumModule, CurriculumUnit

URL_PREFIX = "wagtail_learninggroups_curriculummodule_modeladmin"


def module_form(number, title, units, summary=""):
    return nested_form_data(
        {
            "number": str(number),
            "title": title,
            "summary": summary,
            "units": inline_formset(units),
        }
    )


def test_the_learning_groups_menu_is_in_the_admin(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Learning groups" in html
    assert reverse(f"{URL_PREFIX}_index") in html


def test_create_a_module_with_units_through_the_admin_form(admin_client, db):
    response = admin_client.post(
        reverse(f"{URL_PREFIX}_create"),
        module_form(
            2,
            "Parliament and government",
            [
                {"title": "How a bill becomes law", "summary": "", "e_learning_url": ""},
                {
                    "title": "Select committees",
                    "summary": "Who scrutinises what.",
                    "e_learning_url": "https://learning.example.org/committees",
                },
            ],
        ),
    )
    assert response.status_code == 302
    module = CurriculumModule.objects.get(number=2)
    assert str(module) == "Module 2: Parliament and government"
    assert [unit.title for unit in module.units.all()] == [
        "How a bill becomes law",
        "Select committees",
    ]


def test_a_duplicate_module_number_is_refused_with_a_message(admin_client, db):
    CurriculumModule.objects.create(number=1, title="Our organisation")
    response = admin_client.post(
        reverse(f"{URL_PREFIX}_create"), module_form(1, "Another first module", [])
    )
    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert CurriculumModule.objects.count() == 1


def test_edit_reorders_units(admin_client, db):
    module = CurriculumModule.objects.create(number=3, title="Working with partners")
    first = CurriculumUnit.objects.create(module=module, title="Mapping partners", sort_order=0)
    second = CurriculumUnit.objects.create(module=module, title="Joint projects", sort_order=1)
    data = module_form(
        3,
        "Working with partners",
        [
            {"id": str(second.pk), "title": "Joint projects", "ORDER": "0"},
            {"id": str(first.pk), "title": "Mapping partners", "ORDER": "1"},
        ],
    )
    data["units-INITIAL_FORMS"] = "2"
    response = admin_client.post(reverse(f"{URL_PREFIX}_edit", args=[module.pk]), data)
    assert response.status_code == 302
    assert [unit.title for unit in module.units.all()] == ["Joint projects", "Mapping partners"]


def listing_queries(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse(f"{URL_PREFIX}_index"))
    assert response.status_code == 200
    return len(captured), response.content.decode()


def add_modules(numbers, units_each=5):
    for number in numbers:
        module = CurriculumModule.objects.create(number=number, title=f"Module title {number}")
        for index in range(units_each):
            CurriculumUnit.objects.create(module=module, title=f"Unit {index}", sort_order=index)


def test_listing_query_count_does_not_grow_with_modules(admin_client, db):
    add_modules([1, 2])
    listing_queries(admin_client)  # warm per-request caches
    few, _ = listing_queries(admin_client)
    add_modules(range(3, 11))
    many, html = listing_queries(admin_client)
    assert many == few
    assert "Module title 10" in html
    assert html.count(">5<") >= 10  # each row shows its unit count


def test_export_lists_modules_as_csv(admin_client, db):
    CurriculumModule.objects.create(number=1, title="Our organisation, and how it works")
    response = admin_client.get(reverse(f"{URL_PREFIX}_index") + "?export=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    assert "Our organisation, and how it works" in body


def test_people_without_permission_do_not_see_the_screens(client, django_user_model, db):
    from django.contrib.auth.models import Group, Permission

    editors = Group.objects.create(name="Office editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user = django_user_model.objects.create_user("office-editor", password="pw")
    user.groups.add(editors)
    client.force_login(user)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    response = client.get(reverse(f"{URL_PREFIX}_index"))
    assert response.status_code in (302, 403)
