"""A meeting as an iCalendar file (RFC 5545), written by the `icalendar` library.

The location and the team's name are typed by people; the library escapes `\\`, `;` and `,`,
turns line breaks into `\\n` and folds long lines, so no text can start a property of its own.
A bare carriage return is not a line break to it, so it is made one first.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event


def _one_line_breaks(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n")


def meeting_calendar(
    *,
    uid: str,
    starts_at: dt.datetime,
    duration: dt.timedelta,
    summary: str,
    location: str,
    url: str,
    stamp: dt.datetime,
) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Bedoeling//Casusoverleg//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp.astimezone(dt.UTC))
    event.add("dtstart", starts_at.astimezone(dt.UTC))
    event.add("dtend", (starts_at + duration).astimezone(dt.UTC))
    event.add("summary", _one_line_breaks(summary))
    event.add("location", _one_line_breaks(location))
    event.add("description", url)
    event.add("url", url)
    calendar.add_component(event)
    return calendar.to_ical()
