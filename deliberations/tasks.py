"""E-mails of the case consultation and the daily follow-up job.

Tasks take primary keys. Mails name case numbers, teams and dates and link into the app; they
never quote case text, so no personal data can leave through them.
"""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from organisations.tasks import send_mail


def _render(template: str, context: dict) -> tuple[str, str]:
    with translation.override(settings.LANGUAGE_CODE):
        context = {**context, "base_url": settings.BASE_URL}
        subject = render_to_string(f"deliberations/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"deliberations/email/{template}.txt", context)
    return " ".join(subject.split()), body


def _mail_each(users, subject: str, body: str) -> int:
    addresses = sorted({user.email for user in users if user.email})
    for address in addresses:
        send_mail.delay(subject, body, [address])
    return len(addresses)


@shared_task
def send_meeting_invitations(meeting_id: int) -> int:
    from .models import Meeting

    meeting = Meeting.objects.select_related("team").get(pk=meeting_id)
    items = meeting.items.select_related("case").order_by("position")
    subject, body = _render("invitation", {"meeting": meeting, "items": items})
    return _mail_each(meeting.participants.all(), subject, body)


@shared_task
def send_minutes(meeting_id: int) -> int:
    from .models import Meeting

    meeting = Meeting.objects.select_related("team").get(pk=meeting_id)
    subject, body = _render("minutes", {"meeting": meeting})
    return _mail_each(meeting.participants.all(), subject, body)


@shared_task
def notify_escalation(escalation_id: int) -> int:
    from .models import Escalation

    escalation = Escalation.objects.select_related("case__team", "director").get(pk=escalation_id)
    subject, body = _render("escalation", {"escalation": escalation})
    return _mail_each([escalation.director], subject, body)


@shared_task
def notify_escalation_answered(escalation_id: int) -> int:
    from organisations.models import Membership, Role

    from .models import Escalation

    escalation = Escalation.objects.select_related("case__team", "case__author").get(
        pk=escalation_id
    )
    leads = [
        membership.user
        for membership in Membership.objects.filter(
            team=escalation.case.team, role=Role.LEAD
        ).select_related("user")
    ]
    subject, body = _render("escalation_answered", {"escalation": escalation})
    return _mail_each([escalation.case.author, *leads], subject, body)


@shared_task
def send_daily_reminders() -> int:
    """One e-mail per person per day with their overdue actions and outcomes to evaluate.

    A ReminderSent row per person and day makes a second run on the same day send nothing.
    """
    from django.contrib.auth import get_user_model

    from .models import Action, ReminderSent
    from .services import cases_awaiting_evaluation

    today = timezone.localdate()
    overdue = Action.objects.open().filter(due_on__lt=today).select_related("case", "owner")
    per_person: dict[int, dict] = {}
    for action in overdue:
        per_person.setdefault(action.owner_id, {"actions": [], "cases": []})["actions"].append(
            action
        )
    for case in cases_awaiting_evaluation(today):
        per_person.setdefault(case.author_id, {"actions": [], "cases": []})["cases"].append(case)

    users = get_user_model().objects.in_bulk(per_person.keys())
    sent = 0
    for user_id, items in sorted(per_person.items()):
        user = users[user_id]
        if not user.email:
            continue
        try:
            with transaction.atomic():
                ReminderSent.objects.create(user=user, day=today)
        except IntegrityError:
            continue  # already reminded today
        subject, body = _render("reminder", {"user": user, **items})
        transaction.on_commit(lambda s=subject, b=body, a=user.email: send_mail.delay(s, b, [a]))
        sent += 1
    return sent
