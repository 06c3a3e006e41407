"""Roll-out runs: what a roll-out was asked to do and how far it got, kept in the database.

A roll-out runs as a background task, possibly in another process (a django-tasks worker) than
the one serving the person who started it. Its progress and its outcome therefore live in a row
that every server process reads: the progress page polls it while the task writes it.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class RolloutRun(models.Model):
    """One roll-out of a workshop template to a set of offices."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting to start")
        RUNNING = "running", _("running")
        FINISHED = "finished", _("finished")
        FAILED = "failed", _("stopped by an error")

    template = models.ForeignKey(
        "wagtail_learninggroups.WorkshopTemplatePage",
        verbose_name=_("workshop template"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    location_ids = models.JSONField(
        _("offices requested"), default=list, help_text=_("The ids of the offices chosen.")
    )
    total = models.PositiveIntegerField(_("offices in all"), default=0)
    done = models.PositiveIntegerField(_("offices done"), default=0)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    results = models.JSONField(
        _("results"),
        default=list,
        blank=True,
        help_text=_(
            "One entry per office done: its outcome, and the reason for a skip or failure."
        ),
    )
    error = models.TextField(
        _("error"), blank=True, help_text=_("Why the roll-out stopped, when it stopped early.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("started at"), default=timezone.now)
    started_at = models.DateTimeField(_("running since"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last progress at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("roll-out run")
        verbose_name_plural = _("roll-out runs")

    def __str__(self):
        return f"{self.template_id}: {self.progress_text}"

    @property
    def is_over(self):
        return self.status in (self.Status.FINISHED, self.Status.FAILED)

    @property
    def progress_text(self):
        return ngettext(
            "%(done)d of %(total)d office", "%(done)d of %(total)d offices", self.total
        ) % {"done": self.done, "total": self.total}

    def outcomes(self, outcome):
        return [entry for entry in self.results if entry.get("outcome") == outcome]

    def as_status(self):
        """What the progress page's script reads: plain JSON data."""
        return {
            "status": self.status,
            "done": self.done,
            "total": self.total,
            "text": self.progress_text,
            "over": self.is_over,
        }

    def record_progress(self, done, results=None):
        """Store how many offices are done (and the results so far, when given): one query."""
        self.done, self.updated_at = done, timezone.now()
        fields = {"done": done, "updated_at": self.updated_at}
        if results is not None:
            self.results = fields["results"] = results
        RolloutRun.objects.filter(pk=self.pk).update(**fields)

    def set_status(self, status, **fields):
        """Move the run to ``status``, with the other ``fields`` given: one query."""
        now = timezone.now()
        fields.update(status=status, updated_at=now)
        if status == self.Status.RUNNING:
            fields["started_at"] = now
        elif status in (self.Status.FINISHED, self.Status.FAILED):
            fields["finished_at"] = now
        for name, value in fields.items():
            setattr(self, name, value)
        RolloutRun.objects.filter(pk=self.pk).update(**fields)
