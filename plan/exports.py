"""Cells of exported spreadsheets (CSV and XLSX), safe to open in a spreadsheet
program: no cell an editor or a public source typed becomes a formula.

CSV follows OWASP's rule on CSV injection: a text cell that begins with “=”, “+”,
“-”, “@”, a tab or a carriage return is prefixed with a single quote, and a cell with
that prefix is quoted. Plain numbers (“-5”, “+1.5”) are numbers, not formulas, and
stay as they are, so the open data still reads as figures. XLSX cells are written as
text (never as formulas) by `text_cells`, without any prefix."""

import re

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"^[-+]?[0-9]+(?:[.,][0-9]+)?$")


def csv_cell(value):
    """The value as a CSV cell that no spreadsheet program reads as a formula."""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_TRIGGERS) and not PLAIN_NUMBER.match(value):
        return "'" + value
    return value


def csv_row(values):
    return [csv_cell(value) for value in values]


def text_cells(cells):
    """Marks openpyxl cells that hold text as text: openpyxl stores a string that
    begins with “=” as a live formula otherwise."""
    for cell in cells:
        if isinstance(cell.value, str):
            cell.data_type = "s"
