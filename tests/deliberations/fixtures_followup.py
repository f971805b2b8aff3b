"""Helpers for the escalation and follow-up tests. Data goes through the services, as in the app.

The people (professional, colleague, lead, director, other_director, outsider) come from the
fixtures in tests/deliberations/conftest.py.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from cases import services as case_services
from cases.models import Case, PublicValue, Rule
from deliberations import services
from deliberations.models import NEEDS_LEGAL_GROUND, Decision, Escalation
from deliberations.services import ActionSpec, DecisionSpec
from tests.factories import legal_ground

RATIONALE = "Afwijken dient hier de bedoeling: mevrouw blijft rondkomen."


def submitted_case(team, author, *, title: str = "Kleinzoon logeert bij oma") -> Case:
    case, _ = case_services.create_case(
        author=author,
        team=team,
        data={
            "title": title,
            "situation": "Mevrouw ontvangt AOW en AIO. Haar kleinzoon slaapt tijdelijk bij haar.",
            "rule": Rule.objects.get(regulation__short_name="AIO", reference="kostendelersnorm"),
            "effect": "De kostendelersnorm verlaagt haar AIO flink.",
            "conflict": "De regel is bedoeld voor gedeelde woonlasten, niet om oma te straffen.",
            "question": "Mogen we de kostendelersnorm hier buiten toepassing laten?",
        },
        submit=True,
    )
    return case


def decision_spec(
    kind: str = "deviation",
    *,
    evaluate_on: dt.date | None = None,
    actions: list[ActionSpec] | None = None,
    **overrides,
) -> DecisionSpec:
    return DecisionSpec(
        kind=kind,
        rationale=overrides.pop("rationale", RATIONALE),
        public_values=list(PublicValue.objects.filter(name="menselijke maat")),
        backing=overrides.pop("backing", True),
        evaluate_on=evaluate_on or timezone.localdate() + dt.timedelta(days=90),
        actions=actions or [],
        legal_ground=overrides.pop(
            "legal_ground", legal_ground() if kind in NEEDS_LEGAL_GROUND else None
        ),
        **overrides,
    )


def action_spec(owner, *, due_on: dt.date | None = None, description="Brief sturen") -> ActionSpec:
    return ActionSpec(
        description=description,
        owner=owner,
        due_on=due_on or timezone.localdate() + dt.timedelta(days=14),
    )


def decide(case: Case, lead, spec: DecisionSpec) -> Decision:
    """Plan a meeting with the case, run it, record the decision and close the meeting."""
    meeting = services.plan_meeting(
        team=case.team, lead=lead, starts_at=timezone.now(), participants=[lead], cases=[case]
    )
    services.start_meeting(meeting=meeting, actor=lead)
    decision = services.record_decision(item=meeting.items.get(), author=lead, spec=spec)
    services.close_meeting(meeting=meeting, actor=lead)
    return decision


def escalate(
    case: Case, lead, director, *, question: str = "Mogen we hier afwijken?"
) -> Escalation:
    decision = decide(
        case,
        lead,
        decision_spec(
            "escalate",
            director=director,
            question=question,
            rationale="Dit gaat ons mandaat te boven.",
        ),
    )
    return Escalation.objects.get(decision=decision)


def answer(escalation: Escalation, director, spec: DecisionSpec | None = None) -> Decision:
    return services.answer_escalation(
        escalation=escalation, director=director, spec=spec or decision_spec()
    )


def answer_form_data(owner=None, **overrides) -> dict:
    """The director's answer as the browser posts it; with an owner, it brings one action."""
    data = {
        "kind": "deviation",
        "legal_ground": legal_ground().pk,
        "rationale": "Ik sta achter afwijken: het dient de bedoeling.",
        "values_weighing": "Menselijke maat weegt hier zwaarder.",
        "backing": "on",
        "evaluate_on": (timezone.localdate() + dt.timedelta(days=60)).isoformat(),
        "actions-TOTAL_FORMS": "0",
        "actions-INITIAL_FORMS": "0",
    }
    if owner is not None:
        data.update(
            {
                "actions-TOTAL_FORMS": "1",
                "actions-0-description": "Beschikking herzien",
                "actions-0-owner": str(owner.pk),
                "actions-0-due_on": (timezone.localdate() + dt.timedelta(days=7)).isoformat(),
            }
        )
    data.update(overrides)
    return data
