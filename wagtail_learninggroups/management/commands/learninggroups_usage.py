"""``manage.py learninggroups_usage [--format text|json]``: where the site uses the package."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ...core.usage import dumps, find_usage


class Command(BaseCommand):
    help = (
        "List every page (of any type) whose StreamFields hold blocks of wagtail-learninggroups, "
        "the StreamField definitions that use them, and how many rows each model of the "
        "package holds. Read-only: run it before an upgrade or a removal."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--format",
            choices=["text", "json"],
            default="text",
            help="text (the default) for people, json for scripts.",
        )

    def handle(self, *args, **options):
        usage = find_usage()
        if options["format"] == "json":
            self.stdout.write(dumps(usage))
            return
        self.write_streams(usage)
        self.write_definitions(usage)
        self.write_rows(usage)

    def write_streams(self, usage):
        self.stdout.write(self.style.MIGRATE_HEADING(_("Content using our blocks")))
        if not usage.streams:
            self.stdout.write("  " + _("None."))
        for stream in usage.streams:
            place = f"  #{stream.pk} “{stream.title}” ({stream.model})"
            if stream.url_path:
                place += f" {stream.url_path}"
            if stream.version == "draft":
                place += " " + _("[unpublished changes]")
            self.stdout.write(place)
            blocks = ", ".join(f"{name} ×{count}" for name, count in sorted(stream.blocks.items()))
            self.stdout.write(f"      {stream.field}: {blocks or '-'}")
            if stream.unreadable:
                self.stdout.write(
                    "      "
                    + ngettext(
                        "%(count)d part this release cannot read (kept as stored)",
                        "%(count)d parts this release cannot read (kept as stored)",
                        stream.unreadable,
                    )
                    % {"count": stream.unreadable}
                )

    def write_definitions(self, usage):
        self.stdout.write(self.style.MIGRATE_HEADING(_("StreamFields whose blocks include ours")))
        for label, names in sorted(usage.definitions.items()):
            self.stdout.write(f"  {label}: {', '.join(names)}")

    def write_rows(self, usage):
        self.stdout.write(self.style.MIGRATE_HEADING(_("Rows of the package's models")))
        for label, (name, count) in sorted(usage.rows.items()):
            self.stdout.write(f"  {name}: {count}  ({label})")
