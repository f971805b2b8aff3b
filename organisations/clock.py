"""The clock every service reads: the real time, unless a caller sets another moment.

The scenario builder (the demo, test worlds) writes history by running the services at moments
in the past: `with clock.at(moment): services.record_decision(...)`. Services and model defaults
call `clock.now()` instead of `timezone.now()`; nothing else in the app changes the time.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from contextvars import ContextVar

from django.utils import timezone

_moment: ContextVar[dt.datetime | None] = ContextVar("bedoeling_clock", default=None)


def now() -> dt.datetime:
    moment = _moment.get()
    return moment if moment is not None else timezone.now()


def today() -> dt.date:
    return timezone.localdate(now())


@contextlib.contextmanager
def at(moment: dt.datetime) -> Iterator[dt.datetime]:
    """Within this block, `now()` is `moment` (an aware datetime)."""
    if timezone.is_naive(moment):
        raise ValueError("the clock takes an aware datetime")
    token = _moment.set(moment)
    try:
        yield moment
    finally:
        _moment.reset(token)
