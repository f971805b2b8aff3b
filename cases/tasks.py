"""Notifications about cases. Tasks take primary keys and carry no case text."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from organisations.tasks import send_mail


@shared_task
def notify_case_submitted(case_id: int) -> int:
    """Tell the leads of the case's team that a case awaits the consultation.

    The mail names the case number and team and links to the case; it quotes no case text.
    """
    from organisations.models import Membership, Role

    from .models import Case

    case = Case.objects.select_related("team").get(pk=case_id)
    leads = Membership.objects.filter(team=case.team, role=Role.LEAD).select_related("user")
    recipients = sorted({m.user.email for m in leads if m.user.email})
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {"case": case, "base_url": settings.BASE_URL}
        subject = render_to_string("cases/email/submitted_subject.txt", context).strip()
        body = render_to_string("cases/email/submitted.txt", context)
    for recipient in recipients:
        send_mail.delay(subject, body, [recipient])
    return len(recipients)
