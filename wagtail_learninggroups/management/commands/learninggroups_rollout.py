"""``manage.py learninggroups_rollout TEMPLATE_ID --locations all|slug,slug``."""

from django.core.management.base import BaseCommand, CommandError

from ...editions.rollout import roll_out, select_locations
from ...workshops.models import WorkshopTemplatePage


class Command(BaseCommand):
    help = (
        "Create a draft local edition of a workshop template under each office's section, "
        "skipping offices that already have one."
    )

    def add_arguments(self, parser):
        parser.add_argument("template_id", type=int, help="The page id of the workshop template.")
        parser.add_argument(
            "--locations",
            default="all",
            help='"all" for every active office (the default), or office slugs: "nairobi,suva".',
        )

    def handle(self, template_id, locations, **options):
        template = WorkshopTemplatePage.objects.filter(pk=template_id).first()
        if template is None:
            raise CommandError(f"There is no workshop template with id {template_id}.")
        offices, unknown = select_locations(locations)
        if not offices and not unknown:
            raise CommandError("No offices to roll out to.")
        self.stdout.write(f'Rolling out "{template.title}" to {len(offices)} offices.')
        result = roll_out(template, offices, on_progress=self.progress)
        if offices and self.show_progress:
            self.stdout.write("")
        for edition in result.created:
            self.stdout.write(f"  created  {edition.location.slug}: {edition.url_path}")
        for location, reason in result.skipped:
            self.stdout.write(f"  skipped  {location.slug}: {reason}")
        for location, reason in result.failed:
            self.stdout.write(self.style.ERROR(f"  failed   {location.slug}: {reason}"))
        for slug in unknown:
            self.stdout.write(self.style.ERROR(f"  failed   {slug}: no office has this slug"))
        failed = len(result.failed) + len(unknown)
        summary = f"{len(result.created)} created, {len(result.skipped)} skipped, {failed} failed."
        if failed:
            # A non-zero exit status, so that a script running the roll-out notices.
            raise CommandError(summary, returncode=2)
        self.stdout.write(self.style.SUCCESS(summary))

    @property
    def show_progress(self):
        return self.stdout.isatty()

    def progress(self, done, total, location):
        width = 30
        filled = width * done // total
        bar = f"[{'#' * filled}{'-' * (width - filled)}] {done}/{total}"
        if self.show_progress:
            # A terminal gets one bar, redrawn in place.
            self.stdout.write(f"\r{bar} {location.slug:<20}", ending="")
            self.stdout.flush()
        elif done == total or done * 10 // total != (done - 1) * 10 // total:
            # A log gets a line at each tenth of the way.
            self.stdout.write(bar)
