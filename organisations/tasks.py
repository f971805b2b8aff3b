"""Sending e-mail, for every app: callers render the message, a Celery task delivers it."""

from celery import shared_task
from django.core.mail import EmailMultiAlternatives


# The name it had when it lived in the project package: mails queued before an upgrade still run.
@shared_task(
    name="bedoeling.tasks.send_mail", autoretry_for=(OSError,), retry_backoff=True, max_retries=5
)
def send_mail(
    subject: str, body: str, to: list[str], html_body: str | None = None, from_email: str = ""
) -> None:
    """Deliver one e-mail. Callers render it; the task only sends, so retries are safe."""
    message = EmailMultiAlternatives(subject, body, from_email or None, to)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()
