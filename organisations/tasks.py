"""Sending e-mail, for every app, and the outbox relay.

Callers render a message and record it with `organisations.outbox.enqueue(send_mail, ...)`
(organisations.mail does this per person); the relay hands it to a worker, which sends it once.
"""

import datetime as dt

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from . import outbox


# The name it had when it lived in the project package: mails queued before an upgrade still run.
@shared_task(
    name="bedoeling.tasks.send_mail", autoretry_for=(OSError,), retry_backoff=True, max_retries=5
)
def send_mail(
    subject: str, body: str, to: list[str], html_body: str | None = None, from_email: str = ""
) -> None:
    """Deliver one e-mail. Run through the outbox, the row is marked sent in the same
    transaction, after the mail server accepted the message: a second delivery sends nothing."""
    message = EmailMultiAlternatives(subject, body, from_email or None, to)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()


@shared_task(name="organisations.tasks.relay_outbox", ignore_result=True)
def relay_outbox() -> int:
    """Celery beat, every few seconds, and each worker when it starts: run recurring jobs that
    fell due, requeue rows the broker lost, hand on every row still waiting."""
    outbox.catch_up()
    outbox.requeue_stale(dt.timedelta(seconds=settings.OUTBOX_REDELIVER_AFTER_SECONDS))
    return outbox.relay()
