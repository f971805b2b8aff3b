"""Notifications about cases. Tasks take primary keys and carry no case text."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.template.loader import render_to_string

from organisations.mail import mail_people


@shared_task
def notify_case_submitted(case_id: int) -> int:
    """Tell the leads of the case's team that a case awaits the consultation.

    The mail names the case number and team and links to the case; it quotes no case text.
    """
    from organisations.models import Role

    from .models import Case

    case = Case.objects.select_related("team").get(pk=case_id)
    leads = [m.user for m in case.team.memberships.filter(role=Role.LEAD).select_related("user")]
    context = {"case": case, "base_url": settings.BASE_URL}

    def render() -> tuple[str, str]:
        subject = render_to_string("cases/email/submitted_subject.txt", context).strip()
        return subject, render_to_string("cases/email/submitted.txt", context)

    return mail_people(leads, render)


@shared_task
def anonymise_expired_cases() -> int:
    """The nightly retention job (beat): anonymise every case past its retention period.
    Idempotent: an anonymised case is never selected again. Returns the run's id."""
    from .retention import anonymise_expired_cases as anonymise

    return anonymise(source="beat").pk


@shared_task
def index_case(case_id: int) -> int:
    """Bring the similarity index up to date with this case (after it was saved)."""
    from .similar import index_cases

    return index_cases([case_id])


@shared_task(
    time_limit=settings.BEDOELING_LONG_TASK_SECONDS,
    soft_time_limit=settings.BEDOELING_LONG_TASK_SECONDS - 60,
)
def rebuild_similarity_index() -> int:
    """Build the similarity index from scratch (Celery beat, nightly): the organisation's
    word weights and compound words are learned again from all its cases."""
    from .similar import rebuild_index

    return rebuild_index()
