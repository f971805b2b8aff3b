"""A digest table as a CSV file, for a spreadsheet: UTF-8 with a byte-order mark, and no cell
that a spreadsheet would run as a formula. The columns are the table's spec
(`digests.tables`)."""

from __future__ import annotations

import csv

from django.http import HttpResponse
from django.utils.text import slugify

from .models import Digest
from .reading import DigestReading
from .tables import Stacked, TableSpec

# A cell starting with one of these is a formula to a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    """Text that a spreadsheet would run as a formula is prefixed with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


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
