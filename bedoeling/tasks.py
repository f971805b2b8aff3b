from celery import shared_task
from django.contrib.sessions.models import Session
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_mail(
    subject: str, body: str, to: list[str], html_body: str | None = None, from_email: str = ""
) -> None:
    """Deliver one e-mail. Callers render it; the task only sends, so retries are safe."""
    message = EmailMultiAlternatives(subject, body, from_email or None, to)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()


@shared_task
def clear_expired_sessions() -> int:
    deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted
