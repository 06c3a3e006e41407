"""Cells for CSV and XLSX exports that no spreadsheet program runs as formulas.

Text that editors and staff write (a title, an office's name, a quiz answer) ends up in the
exports; a cell that starts like a formula (``=HYPERLINK(…)``, ``+cmd|…``) would run when the
file is opened. Every export of the package is Wagtail's own spreadsheet export, writing its
cells through :func:`spreadsheet_cell` (:class:`FormulaSafeExportMixin`): wagtail-modeladmin's
listings, Wagtail's reports, and rows that are not one per object (:class:`RowsSpreadsheet`).
"""

import re

from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail_modeladmin.views import IndexView

#: What a spreadsheet may take for the start of a formula, full-width forms included (some
#: spreadsheet programs read them as the ASCII signs).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")

# Control characters that XML, and so XLSX, cannot hold.
_ILLEGAL_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def formula_safe(value):
    """A cell value that no spreadsheet runs as a formula.

    Text starting with ``=``, ``+``, ``-``, ``@`` (or their full-width forms), a tab or a
    carriage return, after any white space (spaces, line feeds, no-break spaces, which some
    programs skip), gets a leading apostrophe, so it shows as written; anything else is
    returned as it is. A lone ``-``, which listings write for an empty value, is no formula.
    """
    if not isinstance(value, str) or value.strip() == "-":
        return value
    if value.startswith(FORMULA_PREFIXES) or value.lstrip().startswith(FORMULA_PREFIXES):
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


class RowsSpreadsheet(FormulaSafeExportMixin, SpreadsheetExportMixin):
    """Wagtail's CSV and XLSX export of rows that are not one per object (a row per answer).

    ``columns`` is ``[(key, heading)]``; each row is a mapping of key to value. Use it as
    ``RowsSpreadsheet(columns, "filename").as_spreadsheet(rows, "csv")``.
    """

    def __init__(self, columns, filename):
        self.list_export = [key for key, _heading in columns]
        self.export_headings = dict(columns)
        self.export_filename = filename

    def to_row_dict(self, item):
        return {key: item.get(key) for key in self.list_export}
