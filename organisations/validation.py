"""Dates people can mean: a date field outside this range (9999-12-31 typed or tampered) gets a
form error instead of an overflow further on (a period's end plus one day, a digest build)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext as _

EARLIEST = dt.date(2000, 1, 1)
LATEST = dt.date(2099, 12, 31)


def sane_date(value: dt.date | dt.datetime) -> None:
    day = value.date() if isinstance(value, dt.datetime) else value
    if not EARLIEST <= day <= LATEST:
        raise ValidationError(
            _("Choose a date between %(earliest)s and %(latest)s.")
            % {
                "earliest": formats.date_format(EARLIEST, "j F Y"),
                "latest": formats.date_format(LATEST, "j F Y"),
            },
            code="date_out_of_range",
        )
