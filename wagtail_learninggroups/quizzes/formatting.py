"""Scores as people read them: "1 of 6 points (17%)", "2.5 of 6 points (42%)".

Points show at most one decimal and no trailing zero ("2.5", never "2.50" or "2.4999");
percentages are whole. Rounding never says more than the score does: a score short of full
marks never reads as full marks ("5.9 of 6 points (99%)", not "6 of 6 points (100%)"), and an
attempt that did not pass never reads as reaching the pass mark (69.6% reads 69% where the
pass mark is 70%). Numbers are written as the active language writes them.
"""

import math
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.formats import number_format
from django.utils.translation import ngettext

TENTH = Decimal("0.1")
ONE = Decimal("1")


def to_decimal(value):
    """``value`` as a finite ``Decimal``, or ``None`` when it is no number."""
    if isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return None
    return number if number.is_finite() else None


def rounded_points(value, below=None):
    """``value`` rounded half up to one decimal; ``Decimal(0)`` when it is no number.

    When ``value`` is less than ``below`` (the points possible), the result stays less too:
    5.96 of 6 rounds to 5.9, not 6.
    """
    number = to_decimal(value)
    if number is None:
        return Decimal(0)
    rounded = number.quantize(TENTH, rounding=ROUND_HALF_UP)
    limit = to_decimal(below)
    if limit is not None and number < limit <= rounded:
        rounded = number.quantize(TENTH, rounding=ROUND_DOWN)
    return rounded


def _is_whole(number):
    return number == number.to_integral_value()


def points_text(value, below=None):
    """Points as people write them: ``"2.5"``, ``"6"``; see :func:`rounded_points`."""
    number = rounded_points(value, below)
    return number_format(number, decimal_pos=0 if _is_whole(number) else 1)


def whole_percent(percent, *, full=True, passed=None, pass_mark=None):
    """``percent`` rounded half up to a whole number; ``None`` when it is no number.

    ``full=False`` (the score is short of full marks) keeps it under 100, and ``passed=False``
    keeps it under ``pass_mark``, so that the figure never contradicts the verdict beside it.
    """
    number = to_decimal(percent)
    if number is None:
        return None
    whole = int(number.quantize(ONE, rounding=ROUND_HALF_UP))
    if not full and whole >= 100:
        whole = 99
    mark = to_decimal(pass_mark)
    if passed is False and mark is not None and mark > 0 and whole >= mark:
        whole = math.ceil(mark) - 1
    return max(whole, 0)


def _plural_count(number):
    """The count that picks a plural form for ``number`` points.

    gettext counts whole numbers. Points are whole numbers (only stored data edited by hand may
    hold fractions), and a fraction takes the form of 2, the plural of most languages.
    """
    return int(number) if _is_whole(number) else 2


def points_of_text(awarded, possible):
    """``"0.5 of 1 point"``: what one question earned."""
    maximum = rounded_points(possible)
    return ngettext(
        "%(score)s of %(maximum)s point", "%(score)s of %(maximum)s points", _plural_count(maximum)
    ) % {"score": points_text(awarded, below=possible), "maximum": points_text(possible)}


def score_text(score, maximum, percent=None, *, passed=None, pass_mark=None):
    """``"2.5 of 6 points (42%)"``: an attempt's score.

    ``percent`` is the attempt's own (as stored, to one decimal), worked out from the points
    when not given. ``passed`` and ``pass_mark`` keep the percentage from reading as a pass
    where the attempt did not pass (see :func:`whole_percent`).
    """
    score_number, maximum_number = to_decimal(score) or Decimal(0), to_decimal(maximum)
    maximum_number = maximum_number if maximum_number is not None else Decimal(0)
    if percent is None:
        percent = 100 if maximum_number <= 0 else 100 * score_number / maximum_number
    full = maximum_number <= 0 or score_number >= maximum_number
    shown_maximum = rounded_points(maximum_number)
    return ngettext(
        "%(score)s of %(maximum)s point (%(percent)s%%)",
        "%(score)s of %(maximum)s points (%(percent)s%%)",
        _plural_count(shown_maximum),
    ) % {
        "score": points_text(score_number, below=maximum_number),
        "maximum": points_text(maximum_number),
        "percent": number_format(
            whole_percent(percent, full=full, passed=passed, pass_mark=pass_mark) or 0
        ),
    }


def attempt_score_text(attempt):
    """:func:`score_text` of a :class:`~.models.QuizAttempt` (or anything with its fields)."""
    rules = getattr(attempt, "rules", None)
    pass_mark = rules.get("pass_mark") if isinstance(rules, dict) else None
    return score_text(
        getattr(attempt, "score", 0),
        getattr(attempt, "maximum", 0),
        getattr(attempt, "percent", None),
        passed=getattr(attempt, "passed", None),
        pass_mark=pass_mark,
    )
