"""Load demo content for the example intranet of a fictional foreign ministry.

The content itself is data in :mod:`example_site.intranet.demo`; this command puts it in place
through the package's own API.

Creates a home page, a page about the learning programme, the curriculum page with its modules
and units, an office index with five offices, a workshops section with two workshop templates and
the documents they use, local editions of one workshop at three offices, and a demo superuser.

The command is safe to run again and again. Every object has a stable key (a page's slug under
its parent, a module's number, a document's title, a user's username); the command creates what
is missing and never changes or deletes what is already there, so edits made in the admin
survive. The one exception is Wagtail's untouched "Welcome to your new Wagtail site!" page, which
is replaced by the home page.
"""

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from example_site.intranet.demo.blocks import ELEARNING
from example_site.intranet.demo.champions import ensure_champions, spotlight
from example_site.intranet.demo.curriculum import MODULES
from example_site.intranet.demo.documents import DOCUMENTS
from example_site.intranet.demo.editions import EDITIONS
from example_site.intranet.demo.offices import OFFICE_TIME_ZONES, OFFICES
from example_site.intranet.demo.pages import (
    CHAMPIONS_PAGE,
    HOME_PAGE,
    LEARNING_PAGE,
    OFFICES_PAGE,
    PROGRAMME_PAGE,
    SECTION_DESCRIPTIONS,
    WORKSHOPS_PAGE,
)
from example_site.intranet.demo.parliament import PARLIAMENT_WORKSHOP
from example_site.intranet.demo.people import DEMO_PEOPLE_PASSWORD, PEOPLE, ensure_people
from example_site.intranet.demo.workshops import WORKSHOPS
from example_site.intranet.models import (
    CurriculumPage,
    HomePage,
    OfficeIndexPage,
    OfficePage,
    StandardPage,
)
from wagtail_learninggroups.editions.rollout import roll_out
from wagtail_learninggroups.models import (
    ChampionDirectoryPage,
    CurriculumModule,
    CurriculumUnit,
    LocalEditionPage,
    Location,
    WorkshopIndexPage,
    WorkshopTemplatePage,
)

DEMO_USERNAME = "admin"
DEMO_PASSWORD = "learninggroups-demo"  # published on purpose: for the demo only
DEMO_EMAIL = "admin@intranet.example"


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
    home.created_by_demo = True
    report.add(f"Home page “{home.title}”", created=True)

    if replace_welcome:
        Site.objects.filter(root_page=tree_root).update(root_page=home)
        # update() sends no signal: forget the root paths Wagtail cached for the old root.
        Site.clear_site_root_paths_cache()
        report.notes.append("Wagtail’s unused welcome page was replaced by the home page.")
    ensure_default_site(home, report)
    return home


def ensure_home_spotlight(home, report):
    """Spotlight a champion on a home page this run created (an existing one is left alone).

    A champion without an award yet: the award winners have a list of their own on the page.
    """
    block = spotlight("daniel-akol")
    if not getattr(home, "created_by_demo", False) or block is None:
        return
    home.body.insert(1, block)
    publish(home)
    report.add("Champion spotlight on the home page", created=True)


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
        ensure_location(office, data["slug"], report)


def office_size(staff_count):
    if staff_count >= 100:
        return Location.Size.LARGE
    if staff_count >= 20:
        return Location.Size.MEDIUM
    return Location.Size.SMALL


def ensure_location(office, slug, report):
    """The package's Location for an office page, whose section its local editions go under."""
    location, created = Location.objects.get_or_create(
        slug=slug,
        defaults={
            "name": office.city,
            "country": office.country,
            "region": office.get_region_display(),
            "size": office_size(office.staff_count),
            "time_zone": OFFICE_TIME_ZONES[slug],
            "page": office,
        },
    )
    report.add(f"Location “{location.name}”", created)


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


def pdf_bytes(title, lines):
    """A valid one-page A4 PDF with a title and a few lines of text, in a built-in font."""

    def text(value):
        escaped = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return f"({escaped}) Tj".encode("cp1252")

    operations = [b"BT /F1 16 Tf 56 780 Td", text(title), b"/F1 11 Tf 0 -30 Td"]
    for line in lines:
        operations += [text(line), b"0 -17 Td"]
    stream = b"\n".join([*operations, b"ET"])
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R "
        b"/Resources << /Font << /F1 4 0 R >> >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)


def ensure_documents(report):
    """Return the demo documents by key, creating any whose title is not in the library."""
    document_model = get_document_model()
    documents = {}
    for key, data in DOCUMENTS.items():
        document = document_model.objects.filter(title=data["title"]).first()
        created = document is None
        if created:
            content = pdf_bytes(data["title"], data["lines"])
            document = document_model(
                title=data["title"], file=ContentFile(content, name=data["filename"])
            )
            # As Wagtail's upload form does: record the file's size and hash.
            document._set_document_file_metadata()
            document.save()
        report.add(f"Document “{document.title}”", created)
        documents[key] = document
    return documents


def curriculum_place(data, report):
    """Return ``(module, unit)`` for a workshop, or ``None`` for what is no longer there."""
    module = CurriculumModule.objects.filter(number=data["module"]).first()
    units = list(module.units.order_by("sort_order", "pk")) if module else []
    unit = units[data["unit"]] if data["unit"] < len(units) else None
    if unit is None:
        report.notes.append(
            f"Workshop “{data['title']}”: Module {data['module']} or its unit is missing, so "
            "the workshop is not linked to the curriculum."
        )
    return module, unit


def ensure_workshops(home, report):
    """Create the workshops section and its workshop templates."""
    index = ensure_section(home, WorkshopIndexPage, "workshops", WORKSHOPS_PAGE, report)
    if not isinstance(index, WorkshopIndexPage):
        report.notes.append("Workshops skipped: the page at “workshops” is not a workshop index.")
        return
    documents = ensure_documents(report)
    for data, build_body in WORKSHOPS:
        existing = index.get_children().filter(slug=data["slug"]).first()
        if existing is not None:
            report.add(f"Workshop template “{existing.title}”", created=False)
            continue
        module, unit = curriculum_place(data, report)
        fields = {key: data[key] for key in ("title", "summary", "audience")}
        workshop, created = ensure_child_page(
            index,
            WorkshopTemplatePage,
            data["slug"],
            module=module,
            unit=unit,
            body=build_body(documents, unit),
            **fields,
        )
        report.add(f"Workshop template “{workshop.title}”", created)


def ensure_editions(report):
    """Roll the parliament workshop out to three offices and bring each to its demo stage."""
    template = WorkshopTemplatePage.objects.filter(slug=PARLIAMENT_WORKSHOP["slug"]).first()
    if template is None:
        return
    offices = [loc for loc in Location.objects.filter(slug__in=EDITIONS) if loc.page_id]
    existing = set(
        LocalEditionPage.objects.filter(workshop=template).values_list("location_id", flat=True)
    )
    for location in offices:
        if location.pk in existing:
            report.add(f"Local edition for {location.name}", created=False)
    result = roll_out(template, [loc for loc in offices if loc.pk not in existing])
    for edition in result.created:
        report.add(f"Local edition for {edition.location.name}", created=True)
        data = EDITIONS[edition.location.slug]
        for name, value in data["session"].items():
            setattr(edition, name, value)
        edition.fills = data["fills"]
        revision = edition.save_revision()
        if data["publish"]:
            revision.publish()
    for location, reason in result.failed:
        report.notes.append(f"No local edition for {location.name}: {reason}.")


def ensure_superuser():
    """Create the demo superuser unless that username is taken; return True if created."""
    user_model = get_user_model()
    if user_model.objects.filter(**{user_model.USERNAME_FIELD: DEMO_USERNAME}).exists():
        return False
    user_model.objects.create_superuser(DEMO_USERNAME, DEMO_EMAIL, DEMO_PASSWORD)
    return True


class Command(BaseCommand):
    help = (
        "Load demo content for the example intranet: pages, curriculum modules, offices, "
        "workshops with their documents, and a demo superuser. Creates only what is missing; "
        "never changes or deletes existing content."
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
            ensure_champions(report)
            ensure_section(home, ChampionDirectoryPage, "champions", CHAMPIONS_PAGE, report)
            ensure_home_spotlight(home, report)
            ensure_workshops(home, report)
            ensure_editions(report)
            ensure_people(home, report)
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
        self.stdout.write(
            f"Demo people (demo only), each with the password {DEMO_PEOPLE_PASSWORD}: "
            + ", ".join(f"{username} ({group or 'staff'})" for username, *_n, group in PEOPLE)
        )
