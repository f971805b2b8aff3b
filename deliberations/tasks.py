"""E-mails of the case consultation and the daily follow-up job.

Tasks take primary keys. Mails name case numbers, teams and dates and link into the app; they
never quote case text, so no personal data can leave through them.
"""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation

from organisations import clock
from organisations.mail import mail_people, queue_mail
from organisations.models import language_of


def _render(template: str, context: dict) -> tuple[str, str]:
    """Subject and body in the active language."""
    context = {**context, "base_url": settings.BASE_URL}
    subject = render_to_string(f"deliberations/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"deliberations/email/{template}.txt", context)
    return " ".join(subject.split()), body


def _mail_each(users, template: str, context: dict) -> int:
    """The mail to each of `users`, each in their own language."""
    return mail_people(users, lambda: _render(template, context))


@shared_task
def send_meeting_invitations(meeting_id: int) -> int:
    from .models import Meeting

    meeting = Meeting.objects.select_related("team").get(pk=meeting_id)
    items = meeting.items.select_related("case").order_by("position")
    return _mail_each(
        meeting.participants.all(), "invitation", {"meeting": meeting, "items": items}
    )


@shared_task
def send_minutes(meeting_id: int) -> int:
    from .models import Meeting

    meeting = Meeting.objects.select_related("team").get(pk=meeting_id)
    return _mail_each(meeting.participants.all(), "minutes", {"meeting": meeting})


@shared_task
def notify_escalation(escalation_id: int) -> int:
    from .models import Escalation

    escalation = Escalation.objects.select_related("case__team", "director").get(pk=escalation_id)
    return _mail_each([escalation.director], "escalation", {"escalation": escalation})


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
    return _mail_each(
        [escalation.case.author, *leads], "escalation_answered", {"escalation": escalation}
    )


@shared_task
def send_daily_reminders() -> int:
    """One e-mail per person per day with their overdue actions and outcomes to evaluate.

    A ReminderSent row per person and day makes a second run on the same day send nothing.
    """
    from django.contrib.auth import get_user_model

    from .models import Action, ReminderSent
    from .services import cases_awaiting_evaluation

    today = clock.today()
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
        with translation.override(language_of(user)):
            subject, body = _render("reminder", {"user": user, **items})
        queue_mail(subject, body, [user.email])
        sent += 1
    return sent
