"""Mail to people in their own language: render once per language, record one outbox row per
person in the caller's transaction (organisations/outbox.py); a worker sends each once."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.utils import translation

from . import outbox
from .models import language_of
from .tasks import send_mail


def queue_mail(
    subject: str, body: str, to: list[str], html_body: str | None = None, from_email: str = ""
) -> None:
    """One e-mail, sent after the current transaction commits, at most once."""
    outbox.enqueue(send_mail, subject, body, to, html_body, from_email)


def mail_people(people: Iterable, render: Callable[[], tuple[str, str]]) -> int:
    """Send `render()` (subject, body) to each person with an address, in their language.

    `render` is called once per language, inside that language. Returns the number of mails.
    """
    by_language: dict[str, set[str]] = {}
    for person in people:
        if person is not None and person.email:
            by_language.setdefault(language_of(person), set()).add(person.email)
    sent = 0
    for language, addresses in sorted(by_language.items()):
        with translation.override(language):
            subject, body = render()
        for address in sorted(addresses):
            queue_mail(subject, body, [address])
            sent += 1
    return sent
