"""The path migration 0003 names for the time-zone validator; the validator is the offices'."""

from ..curriculum.locations import validate_time_zone

__all__ = ["validate_time_zone"]
