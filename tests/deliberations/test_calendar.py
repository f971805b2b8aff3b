"""The meeting's .ics file is written by the icalendar library: text typed by people (the
location, the team's name) cannot start a line of its own in the file."""

import datetime as dt

import pytest
from django.urls import reverse
from icalendar import Calendar

from deliberations.models import Meeting


def calendar_of(client, meeting):
    response = client.get(reverse("deliberations:ics", args=[meeting.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar"
    return response.content


@pytest.mark.parametrize(
    "location",
    [
        "Zaal 3\rATTENDEE:mailto:x@example.org",
        "Zaal 3\r\nATTENDEE:mailto:x@example.org",
        "Zaal 3\nATTENDEE:mailto:x@example.org",
        "Zaal 3;ATTENDEE=x:y,z\\\r\nEND:VEVENT\r\nBEGIN:VEVENT",
    ],
)
def test_a_location_cannot_inject_lines(client, professional, meeting, location):
    Meeting.objects.filter(pk=meeting.pk).update(location=location)
    client.force_login(professional)
    body = calendar_of(client, meeting)
    # Every line ends in CRLF, and no bare CR or LF is left inside a line.
    lines = body.split(b"\r\n")
    assert lines[-1] == b""
    assert all(b"\r" not in line and b"\n" not in line for line in lines)
    unfolded = [line for line in lines if not line.startswith(b" ")]
    assert not any(
        line.startswith((b"ATTENDEE", b"END:VEVENT\\", b"BEGIN:VEVENT\\")) for line in unfolded
    )
    assert sum(line == b"BEGIN:VEVENT" for line in lines) == 1
    event = Calendar.from_ical(body).walk("VEVENT")[0]
    assert str(event["LOCATION"]) == location.replace("\r\n", "\n").replace("\r", "\n")
    assert "ATTENDEE" not in event


def test_the_calendar_file_round_trips(client, professional, meeting):
    client.force_login(professional)
    event = Calendar.from_ical(calendar_of(client, meeting)).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == meeting.starts_at.astimezone(dt.UTC).replace(microsecond=0)
    assert event.decoded("DTEND") - event.decoded("DTSTART") == dt.timedelta(minutes=90)
    assert str(event["UID"]) == f"meeting-{meeting.pk}@bedoeling"
    assert str(event["URL"]).endswith(meeting.get_absolute_url())


def test_a_person_outside_the_team_gets_no_calendar_file(client, meeting, outsider):
    client.force_login(outsider)
    assert client.get(reverse("deliberations:ics", args=[meeting.pk])).status_code == 404
