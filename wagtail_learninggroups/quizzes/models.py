"""Quiz attempts: what each person answered, how it scored, and the questions as they stood."""

import hashlib

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from ..curriculum.locations import Location
from . import specs as quiz_specs
from .scoring import to_decimal

#: How often a submission retries its attempt number when another one took it meanwhile.
NUMBER_RETRIES = 5


class AttemptLimitReached(Exception):
    """The person has used every attempt the quiz allows."""


class AttemptBusy(Exception):
    """Other submissions by the same person kept taking the attempt number: try again."""


#: How far an alias of an alias of … a page is followed back to the page itself.
MAX_ALIAS_DEPTH = 10


def quiz_page_id_of(page):
    """The id of the page a quiz is written in: a local edition's template, or the page itself.

    Attempts at one quiz count together on that page, whichever edition, or alias of the page
    or of an edition, they were taken in.
    """
    workshop_id = getattr(page, "workshop_id", None)
    if workshop_id:
        return workshop_id
    return original_page_id(page.pk, page.alias_of_id)


def original_page_id(page_id, alias_of_id):
    """The page an alias (of an alias …) of stands for; ``page_id`` itself if it is no alias."""
    seen = {page_id}
    while alias_of_id is not None and alias_of_id not in seen and len(seen) < MAX_ALIAS_DEPTH:
        seen.add(alias_of_id)
        page_id = alias_of_id
        alias_of_id = Page.objects.filter(pk=page_id).values_list("alias_of_id", flat=True).first()
    return page_id


def session_taker(session_key):
    """The taker of an anonymous session: a digest, so the session key itself is never stored."""
    digest = hashlib.sha256(session_key.encode()).hexdigest()[:32]
    return f"session:{digest}"


def taker_of(request, create=True):
    """Who is taking a quiz: ``"user:<id>"``, or ``"session:<digest>"`` for an anonymous visitor.

    ``None`` for an anonymous visitor without a session, unless ``create`` starts one.
    """
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    if not request.session.session_key:
        if not create:
            return None
        request.session.save()
    return session_taker(request.session.session_key)


def readable_snapshot(record):
    """Make the JSON parts of an attempt (a model's ``__dict__`` or a ``values()`` row) safe.

    Parts of an unexpected shape (edited by hand, an import) read as empty, so that results,
    the admin, exports and statistics can rely on the shapes they read. Parts not loaded are
    left alone.
    """
    if "questions" in record:
        questions = record["questions"] if isinstance(record["questions"], list) else []
        record["questions"] = [
            _readable_spec(spec)
            for spec in questions
            if isinstance(spec, dict) and isinstance(spec.get("id"), str) and "type" in spec
        ]
    if "results" in record:
        results = record["results"] if isinstance(record["results"], list) else []
        record["results"] = [
            _only_numbers(result, ("awarded", "possible"))
            for result in results
            if isinstance(result, dict)
        ]
    for name in ("answers", "rules"):
        if name in record and not isinstance(record[name], dict):
            record[name] = {}
    if "rules" in record:
        record["rules"] = _readable_rules(record["rules"])
    return record


#: The lists of a question's snapshot, each a list of dicts.
SPEC_LISTS = ("choices", "items", "pairs")
#: The rules that are numbers, and those that are text.
NUMBER_RULES = ("pass_mark", "attempts_allowed")
TEXT_RULES = ("title", "counting", "show_answers", "mode")


def _number(value):
    """``value`` as a finite number, or ``None``: stored numbers may be JSON numbers or text."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    number = to_decimal(value)
    if number is None:
        return None
    return int(number) if number == number.to_integral_value() else float(number)


def _only_numbers(record, names):
    """``record`` without those of ``names`` that hold no number (they read as left out)."""
    return {
        key: value
        for key, value in record.items()
        if key not in names or (value is None or _number(value) is not None)
    }


def _readable_spec(spec):
    spec = _only_numbers(spec, ("points",))
    for name in SPEC_LISTS:
        if name in spec:
            entries = spec[name] if isinstance(spec[name], list) else []
            spec[name] = [entry for entry in entries if isinstance(entry, dict)]
    return spec


def _readable_rules(rules):
    readable = {
        key: value
        for key, value in rules.items()
        if key not in TEXT_RULES and key not in NUMBER_RULES and key != "bands"
    }
    for name in TEXT_RULES:
        if isinstance(rules.get(name), str):
            readable[name] = rules[name]
    for name in NUMBER_RULES:
        number = _number(rules.get(name))
        if number is not None:
            readable[name] = number
    bands = rules.get("bands") if isinstance(rules.get("bands"), list) else []
    readable["bands"] = [
        {"from": _number(band.get("from")) or 0, "message": str(band.get("message") or "")}
        for band in bands
        if isinstance(band, dict)
    ]
    return readable


class QuizAttemptQuerySet(models.QuerySet):
    def of_quiz(self, quiz_page_id, quiz_key):
        """Attempts at one quiz, wherever it was taken: the quiz's page and its editions."""
        return self.filter(quiz_page_id=quiz_page_id, quiz_key=quiz_key)

    def by_taker(self, taker):
        return self.filter(taker=taker)


class QuizAttempt(models.Model):
    """One submission of a quiz by one person (or, where allowed, one anonymous session).

    The attempt keeps a snapshot of the questions as they were served and of the quiz's rules,
    so its result reads the same after the quiz is edited or its page deleted.
    """

    taker = models.CharField(
        _("taker"),
        max_length=80,
        db_index=True,
        help_text=_('"user:<id>" for a signed-in person, "session:<digest>" otherwise.'),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page = models.ForeignKey(
        getattr(settings, "WAGTAIL_PAGE_MODEL", "wagtailcore.page"),
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page_title = models.CharField(_("page title"), max_length=255, blank=True)
    quiz_page = models.ForeignKey(
        getattr(settings, "WAGTAIL_PAGE_MODEL", "wagtailcore.page"),
        verbose_name=_("quiz's page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Where the quiz is written: for a quiz taken in a local edition, its template."
        ),
    )
    quiz_key = models.CharField(_("quiz key"), max_length=40, db_index=True)
    quiz_title = models.CharField(_("quiz"), max_length=255, blank=True)
    location = models.ForeignKey(
        Location,
        verbose_name=_("office"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quiz_attempts",
        help_text=_("The office whose local edition the quiz was taken in."),
    )
    number = models.PositiveIntegerField(_("attempt number"), default=1)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    questions = models.JSONField(
        _("questions"), default=list, blank=True, help_text=_("The questions as they were served.")
    )
    rules = models.JSONField(
        _("quiz rules"), default=dict, blank=True, help_text=_("Pass mark, feedback and the like.")
    )
    results = models.JSONField(_("results per question"), default=list, blank=True)
    score = models.FloatField(_("score"), default=0)
    maximum = models.FloatField(_("maximum"), default=0)
    percent = models.FloatField(_("percent"), default=0)
    passed = models.BooleanField(_("passed"), default=False)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now, db_index=True)

    objects = QuizAttemptQuerySet.as_manager()

    # An attempt is a record, not content (as Wagtail's own page subscriptions are): kept out of
    # the reference index, it does not show as a "usage" of its page, and a submission saves
    # it without five more queries to index its links to the page, the person and the office.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["quiz_page", "quiz_key", "taker", "number"],
                name="lg_one_attempt_number_per_taker",
            )
        ]
        indexes = [models.Index(fields=["quiz_page", "quiz_key"], name="lg_attempt_quiz")]
        permissions = [
            ("export_quizattempt", _("Can export quiz attempts")),
            ("present_quiz", _("Can present group quizzes and reveal their answers")),
        ]

    def __str__(self):
        return f"{self.quiz_title or self.quiz_key} #{self.number} ({self.taker_name})"

    def save(self, *args, **kwargs):
        if self.quiz_page_id is None and self.page_id is not None:
            self.quiz_page_id = quiz_page_id_of(self.page)
        super().save(*args, **kwargs)

    @property
    def taker_name(self):
        if self.user is not None:
            return self.user.get_full_name() or self.user.get_username()
        return _("Anonymous") if self.taker.startswith("session:") else _("Former account")

    @property
    def answers_visible(self):
        return quiz_specs.answers_visible(self.rules.get("show_answers"), self.passed)

    @property
    def feedback(self):
        return quiz_specs.band_message(self.rules.get("bands"), self.percent)

    @classmethod
    def from_db(cls, db, field_names, values):
        attempt = super().from_db(db, field_names, values)
        attempt.make_readable()
        return attempt

    def make_readable(self):
        """Stored JSON of an unexpected shape (edited by hand, an import) read as empty parts."""
        readable_snapshot(self.__dict__)

    @classmethod
    def record(cls, *, taker, page, quiz_key, limit, **fields):
        """Save a new attempt numbered after the taker's last one, within the attempt ``limit``.

        The number is unique per taker and quiz, so two submissions racing for the last allowed
        attempt cannot both be saved: the loser retries, sees the limit and raises
        :class:`AttemptLimitReached`. Without a limit (``limit=0``) the insert works the number
        out itself, and the attempt reads it from the database when it is first asked for.
        """
        quiz_page_id = quiz_page_id_of(page)
        earlier = cls.objects.of_quiz(quiz_page_id, quiz_key).by_taker(taker)
        for _retry in range(NUMBER_RETRIES):
            if limit:
                made = earlier.aggregate(count=models.Count("pk"), last=models.Max("number"))
                if made["count"] >= limit:
                    raise AttemptLimitReached
                number = (made["last"] or 0) + 1
            else:
                # No limit to check: the insert numbers the attempt itself, one query fewer.
                last = Subquery(earlier.order_by("-number").values("number")[:1])
                number = Coalesce(last, Value(0)) + 1
            try:
                with transaction.atomic():
                    attempt = cls.objects.create(
                        taker=taker,
                        page=page,
                        quiz_page_id=quiz_page_id,
                        quiz_key=quiz_key,
                        number=number,
                        **fields,
                    )
            except IntegrityError:
                continue
            if hasattr(attempt.__dict__.get("number"), "resolve_expression"):
                # The database worked the number out: it is read when first asked for. (A Django
                # that reads such values back as it saves leaves the number in place.)
                del attempt.__dict__["number"]
            return attempt
        raise AttemptBusy
