"""Cells for CSV and XLSX exports that no spreadsheet program runs as formulas.

Text that editors and staff write (a title, an office's name, a quiz answer) ends up in the
exports; a cell that starts like a formula (``=HYPERLINK(…)``, ``+cmd|…``) would run when the
file is opened. Every export of the package writes its cells through :func:`spreadsheet_cell`:
our own (quiz attempts, champion figures) directly, and those of wagtail-modeladmin's listings
and Wagtail's reports through :class:`FormulaSafeExportMixin`.
"""

import re

from wagtail_modeladmin.views import IndexView

#: What a spreadsheet may take for the start of a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

# Control characters that XML, and so XLSX, cannot hold.
_ILLEGAL_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def formula_safe(value):
    """A cell value that no spreadsheet runs as a formula.

    Text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
    apostrophe, so it shows as written; anything else is returned as it is. A lone ``-``, which
    listings write for an empty value, is no formula and stays as it is.
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES) and value != "-":
        return f"'{value}"
    return value


def spreadsheet_cell(value):
    """A value ready for a CSV or XLSX cell: text with plain line breaks, guarded."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        value = str(value).replace("\r\n", "\n")
        value = _ILLEGAL_IN_XML.sub("", value)
    return formula_safe(value)


class FormulaSafeExportMixin:
    """Guards the text cells of a view built on Wagtail's ``SpreadsheetExportMixin``.

    Numbers, dates and empty cells keep their type, so they stay numbers and dates in XLSX;
    only text passes through :func:`spreadsheet_cell`.
    """

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return spreadsheet_cell(value) if isinstance(value, str) else value


class FormulaSafeIndexView(FormulaSafeExportMixin, IndexView):
    """wagtail-modeladmin's listing, whose CSV and XLSX exports hold no formulas."""
