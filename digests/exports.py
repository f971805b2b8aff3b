"""A digest table as a CSV file, for a spreadsheet: UTF-8 with a byte-order mark, and no cell
that a spreadsheet would run as a formula. The columns are the table's spec
(`digests.tables`)."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal

from django.http import HttpResponse
from django.utils.text import slugify

from .models import Digest
from .reading import DigestReading
from .tables import Stacked, TableSpec

# A cell starting with one of these is a formula to a spreadsheet (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Written as they are: a number is a number, also when it is negative.
PLAIN_VALUES = (int, float, Decimal, dt.date, type(None))


def cell(value):
    """The value as a cell; text that a spreadsheet would run as a formula is prefixed with an
    apostrophe. Anything that is not a number or a date is text to the writer (a translated
    label, a rule, an object), so it is made text first and then checked."""
    if isinstance(value, PLAIN_VALUES):
        return value
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def filename(digest: Digest, table: str) -> str:
    scope = (slugify(digest.team.name) or "team") if digest.team_id else "organisation"
    return f"digest-{scope}-{digest.start}-{digest.end}-v{digest.version}-{table}.csv"


def csv_response(spec: TableSpec | Stacked, reading: DigestReading) -> HttpResponse:
    header, rows = spec.csv(reading)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = filename(reading.digest, spec.name)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write("\ufeff")  # a byte-order mark, so Excel reads the file as UTF-8
    writer = csv.writer(response)
    writer.writerow([cell(text) for text in header])
    for row in rows:
        writer.writerow([cell(value) for value in row])
    return response
