"""Save one edition from many threads at once, on the SQLite file of settings_sqlite_file.

Prints the number of saves that failed; run by tests/editions/test_sqlite_editors.py.
"""

import sys
import threading

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from wagtail.models import Site  # noqa: E402

from tests.editions.factories import make_office  # noqa: E402
from wagtail_learninggroups.models import LocalEditionPage, WorkshopTemplatePage  # noqa: E402

SAVES = int(sys.argv[1])

call_command("migrate", verbosity=0)
root = Site.objects.get(is_default_site=True).root_page
template = WorkshopTemplatePage(title="Parliament", slug="parliament", summary="How it works.")
root.add_child(instance=template)
template.save_revision().publish()
office = make_office(root, "Nairobi")
edition = LocalEditionPage(title="Parliament: Nairobi", slug="parliament", workshop=template,
                           location=office)  # fmt: skip
office.page.add_child(instance=edition)
edition.save_revision().publish()

failures, start = [], threading.Barrier(SAVES)


def save():
    try:
        page = LocalEditionPage.objects.get(pk=edition.pk)
        page.changed_fill_keys = set()  # as the editor's form says: a merged save
        start.wait()
        page.save_revision()
    except Exception as error:  # noqa: BLE001 - counted and reported
        failures.append(repr(error))
    finally:
        connection.close()


threads = [threading.Thread(target=save) for _ in range(SAVES)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(len(failures))
print("\n".join(failures[:3]), file=sys.stderr)
