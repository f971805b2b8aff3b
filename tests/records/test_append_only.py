"""Records are append-only once final: the database refuses raw SQL that changes them, and the
legitimate paths (a correction, an action marked done, a new event) still work."""

import pytest
from django.db import IntegrityError, connection, transaction

from cases.models import CaseEvent
from deliberations import services
from deliberations.models import Action, Decision
from tests.deliberations.conftest import action, spec


def refused(sql: str, params=(), *, match: str) -> None:
    with (
        pytest.raises(IntegrityError, match=match),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, params)


def test_the_database_refuses_to_change_a_frozen_decision(postgres, decision):
    refused(
        "UPDATE deliberations_decision SET rationale = 'stil veranderd' WHERE id = %s",
        [decision.pk],
        match="frozen decision",
    )
    refused(
        "UPDATE deliberations_decision SET frozen = false WHERE id = %s",
        [decision.pk],
        match="frozen decision",
    )
    refused("DELETE FROM deliberations_decision WHERE id = %s", [decision.pk], match="frozen")
    decision.refresh_from_db()
    assert decision.frozen and decision.rationale.startswith("Dit dient de bedoeling")


def test_no_decision_is_added_to_a_closed_meeting(postgres, closed_meeting, decision):
    postponed = closed_meeting.items.order_by("position").last()
    # The trigger answers before the one-decision-per-item constraint is checked.
    with pytest.raises(IntegrityError, match="closed meeting"), transaction.atomic():
        Decision.objects.create(
            case=postponed.case,
            agenda_item=postponed,
            author=decision.author,
            kind="apply_rule",
            rationale="Achteraf",
        )


def test_the_values_weighed_of_a_frozen_decision_are_final(postgres, decision, another_value):
    through = Decision.public_values.through
    assert through._meta.db_table == "deliberations_decision_public_values"
    weighed = list(through.objects.filter(decision=decision).values_list("pk", flat=True))
    assert weighed
    refused(
        "INSERT INTO deliberations_decision_public_values (decision_id, publicvalue_id) "
        "VALUES (%s, %s)",
        [decision.pk, another_value.pk],
        match="values it weighed",
    )
    refused(
        "DELETE FROM deliberations_decision_public_values WHERE decision_id = %s",
        [decision.pk],
        match="values it weighed",
    )
    refused(
        "UPDATE deliberations_decision_public_values SET publicvalue_id = %s "
        "WHERE decision_id = %s",
        [another_value.pk, decision.pk],
        match="values it weighed",
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        decision.public_values.add(another_value)
    assert list(through.objects.filter(decision=decision).values_list("pk", flat=True)) == weighed


def test_the_actions_of_a_frozen_decision_are_final(postgres, decision, professional):
    first = decision.actions.order_by("pk").first()
    refused(
        "UPDATE deliberations_action SET description = 'iets anders' WHERE id = %s",
        [first.pk],
        match="actions are final",
    )
    refused(
        "UPDATE deliberations_action SET due_on = due_on + 30 WHERE id = %s",
        [first.pk],
        match="actions are final",
    )
    refused("DELETE FROM deliberations_action WHERE id = %s", [first.pk], match="actions")
    with pytest.raises(IntegrityError, match="actions are final"), transaction.atomic():
        Action.objects.create(
            decision=decision,
            case=decision.case,
            description="Erbij verzonnen",
            owner=professional,
            due_on=first.due_on,
        )
    # Marking done, with other columns changed at the same time, is refused too.
    refused(
        "UPDATE deliberations_action SET done_at = now(), done_by_id = %s, description = 'x' "
        "WHERE id = %s",
        [professional.pk, first.pk],
        match="actions are final",
    )


def test_an_action_of_a_frozen_decision_is_still_marked_done_once(postgres, decision, professional):
    first = decision.actions.order_by("pk").first()
    services.mark_action_done(action=first, actor=professional)
    first.refresh_from_db()
    assert first.done_at is not None and first.done_by == professional
    assert decision.case.events.filter(kind=CaseEvent.Kind.ACTION_DONE).count() == 1
    # Done is done: undoing or re-dating it is refused.
    refused(
        "UPDATE deliberations_action SET done_at = NULL, done_by_id = NULL WHERE id = %s",
        [first.pk],
        match="actions are final",
    )
    refused(
        "UPDATE deliberations_action SET done_at = done_at - interval '1 day' WHERE id = %s",
        [first.pk],
        match="actions are final",
    )


def test_a_closed_meetings_notes_minutes_and_agenda_are_final(postgres, closed_meeting):
    item = closed_meeting.items.order_by("position").first()
    refused(
        "UPDATE deliberations_agendaitem SET notes = 'herschreven' WHERE id = %s",
        [item.pk],
        match="closed meeting",
    )
    refused("DELETE FROM deliberations_agendaitem WHERE id = %s", [item.pk], match="closed")
    refused(
        "INSERT INTO deliberations_agendaitem (meeting_id, case_id, position, state, notes) "
        "VALUES (%s, %s, 9, 'decided', '')",
        [closed_meeting.pk, item.case_id],
        match="closed meeting",
    )
    refused(
        "UPDATE deliberations_meeting SET minutes = 'herschreven' WHERE id = %s",
        [closed_meeting.pk],
        match="minutes are final",
    )
    refused(
        "UPDATE deliberations_meeting SET status = 'in_progress' WHERE id = %s",
        [closed_meeting.pk],
        match="minutes are final",
    )
    refused("DELETE FROM deliberations_meeting WHERE id = %s", [closed_meeting.pk], match="final")
    item.refresh_from_db()
    closed_meeting.refresh_from_db()
    assert item.notes == "Besproken: de regel knelt hier."
    assert closed_meeting.minutes == "Aanwezig: het team."


def test_a_running_meetings_notes_can_still_be_written(postgres, running_meeting, lead):
    item = running_meeting.items.order_by("position").first()
    services.save_notes(item=item, actor=lead, notes="Eerste aantekening")
    services.save_notes(item=item, actor=lead, notes="Tweede aantekening")
    item.refresh_from_db()
    assert item.notes == "Tweede aantekening"


def test_timeline_events_outcomes_and_stories_are_append_only(postgres, outcome, story):
    event = story.case.events.order_by("pk").first()
    refused(
        "UPDATE cases_caseevent SET note = 'anders' WHERE id = %s", [event.pk], match="timeline"
    )
    refused("DELETE FROM cases_caseevent WHERE id = %s", [event.pk], match="timeline")
    refused(
        "UPDATE deliberations_outcome SET served = 'no' WHERE id = %s",
        [outcome.pk],
        match="outcome is final",
    )
    refused("DELETE FROM deliberations_outcome WHERE id = %s", [outcome.pk], match="outcome")
    refused(
        "UPDATE digests_story SET text = 'anders' WHERE id = %s", [story.pk], match="good example"
    )
    refused("DELETE FROM digests_story WHERE id = %s", [story.pk], match="good example")


def test_a_made_up_anonymisation_run_opens_nothing(postgres, story):
    """The door in the triggers needs a real, unfinished run: a setting alone is not enough."""
    with (
        pytest.raises(IntegrityError, match="good example"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("SELECT set_config('bedoeling.anonymisation_run', '999999', true)")
        cursor.execute("UPDATE digests_story SET text = '███' WHERE id = %s", [story.pk])


# The legitimate paths work on every database.


def test_a_correction_is_written_whole_and_frozen(decision, lead, another_value, professional):
    correction = services.supersede_decision(
        decision=decision,
        author=lead,
        spec=spec("apply_rule", public_values=[another_value], actions=[action(professional)]),
        reason="Verkeerd genoteerd",
    )
    correction.refresh_from_db()
    assert correction.frozen
    assert list(correction.public_values.all()) == [another_value]
    assert correction.actions.count() == 1
    decision.refresh_from_db()
    assert decision.superseded_by == correction


def test_the_orm_refuses_to_change_or_delete_a_timeline_event(decision):
    event = decision.case.events.first()
    with pytest.raises(ValueError, match="never changed"):
        event.save()
    with pytest.raises(ValueError, match="never deleted"):
        event.delete()
