"""Cells of a CSV download that a spreadsheet shows as text, never runs as a formula."""

import re

# Spreadsheets (Excel, LibreOffice, Google Sheets) treat a cell starting with one of these as a
# formula or a command (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Plain numbers (a longitude of -3.7, a year) start with a sign too, yet run nothing.
NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def spreadsheet_safe(cell):
    """The cell with a leading apostrophe when a spreadsheet would run it as a formula."""
    if cell.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(cell):
        return "'" + cell
    return cell
