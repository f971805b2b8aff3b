"""On PostgreSQL the database refuses to change what a closed meeting made final.

- A frozen decision: no UPDATE, no DELETE (as in 0002), and no decision INSERTed on an item of a
  closed meeting.
- Its values weighed (the many-to-many rows): no INSERT, UPDATE or DELETE once it is frozen.
  A decision is therefore written whole and frozen last (`deliberations.services`).
- Its actions: no INSERT, no DELETE, and one UPDATE only — marking the action done (done_at and
  done_by from empty to filled, nothing else); `mark_action_done` adds the timeline event.
- A closed meeting's minutes and its agenda items (with their notes): no UPDATE, no DELETE, no
  new agenda item.
- An outcome: never changed, never deleted.

Each trigger lets through exactly one other change: the retention job replacing free text with
the marker (`records_anonymising`, cases migration 0009).
"""

from django.db import migrations

REFUSE = "USING ERRCODE = 'integrity_constraint_violation'"

CREATE = f"""
CREATE OR REPLACE FUNCTION deliberations_refuse_frozen_decision() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.agenda_item_id IS NOT NULL AND EXISTS (
            SELECT 1 FROM deliberations_agendaitem i
            JOIN deliberations_meeting m ON m.id = i.meeting_id
            WHERE i.id = NEW.agenda_item_id AND m.status = 'closed'
        ) THEN
            RAISE EXCEPTION 'closed meeting: its decisions are final' {REFUSE};
        END IF;
        RETURN NEW;
    END IF;
    IF OLD.frozen THEN
        IF TG_OP = 'UPDATE' AND records_anonymising(
            to_jsonb(OLD), to_jsonb(NEW),
            ARRAY['rationale', 'values_weighing', 'refer_to', 'difference', 'supersede_reason']
        ) THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'frozen decision: record a new decision that supersedes it' {REFUSE};
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS deliberations_decision_frozen ON deliberations_decision;
CREATE TRIGGER deliberations_decision_frozen
    BEFORE INSERT OR UPDATE OR DELETE ON deliberations_decision
    FOR EACH ROW EXECUTE FUNCTION deliberations_refuse_frozen_decision();

CREATE OR REPLACE FUNCTION deliberations_decision_is_frozen(decision bigint) RETURNS boolean AS $$
    SELECT coalesce((SELECT frozen FROM deliberations_decision WHERE id = decision), false);
$$ LANGUAGE sql STABLE;

CREATE OR REPLACE FUNCTION deliberations_refuse_frozen_values() RETURNS trigger AS $$
BEGIN
    IF (TG_OP <> 'INSERT' AND deliberations_decision_is_frozen(OLD.decision_id))
       OR (TG_OP <> 'DELETE' AND deliberations_decision_is_frozen(NEW.decision_id)) THEN
        RAISE EXCEPTION 'frozen decision: the values it weighed are final' {REFUSE};
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS deliberations_values_frozen ON deliberations_decision_public_values;
CREATE TRIGGER deliberations_values_frozen
    BEFORE INSERT OR UPDATE OR DELETE ON deliberations_decision_public_values
    FOR EACH ROW EXECUTE FUNCTION deliberations_refuse_frozen_values();

CREATE OR REPLACE FUNCTION deliberations_action_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF deliberations_decision_is_frozen(NEW.decision_id) THEN
            RAISE EXCEPTION 'frozen decision: its actions are final' {REFUSE};
        END IF;
        RETURN NEW;
    END IF;
    IF NOT deliberations_decision_is_frozen(OLD.decision_id) THEN
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        -- Marking the action done: done_at and done_by filled once, nothing else changed.
        IF OLD.done_at IS NULL AND OLD.done_by_id IS NULL
           AND NEW.done_at IS NOT NULL AND NEW.done_by_id IS NOT NULL
           AND (to_jsonb(OLD) - ARRAY['done_at', 'done_by_id'])
               = (to_jsonb(NEW) - ARRAY['done_at', 'done_by_id']) THEN
            RETURN NEW;
        END IF;
        IF records_anonymising(to_jsonb(OLD), to_jsonb(NEW), ARRAY['description']) THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'frozen decision: its actions are final; an action is only marked done'
        {REFUSE};
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS deliberations_action_append_only ON deliberations_action;
CREATE TRIGGER deliberations_action_append_only
    BEFORE INSERT OR UPDATE OR DELETE ON deliberations_action
    FOR EACH ROW EXECUTE FUNCTION deliberations_action_append_only();

CREATE OR REPLACE FUNCTION deliberations_meeting_is_closed(meeting bigint) RETURNS boolean AS $$
    SELECT coalesce((SELECT status = 'closed' FROM deliberations_meeting WHERE id = meeting), false);
$$ LANGUAGE sql STABLE;

CREATE OR REPLACE FUNCTION deliberations_agendaitem_frozen() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND deliberations_meeting_is_closed(OLD.meeting_id)
       AND records_anonymising(to_jsonb(OLD), to_jsonb(NEW), ARRAY['notes']) THEN
        RETURN NEW;
    END IF;
    IF (TG_OP <> 'INSERT' AND deliberations_meeting_is_closed(OLD.meeting_id))
       OR (TG_OP <> 'DELETE' AND deliberations_meeting_is_closed(NEW.meeting_id)) THEN
        RAISE EXCEPTION 'closed meeting: its agenda and notes are final' {REFUSE};
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS deliberations_agendaitem_frozen ON deliberations_agendaitem;
CREATE TRIGGER deliberations_agendaitem_frozen
    BEFORE INSERT OR UPDATE OR DELETE ON deliberations_agendaitem
    FOR EACH ROW EXECUTE FUNCTION deliberations_agendaitem_frozen();

CREATE OR REPLACE FUNCTION deliberations_meeting_frozen() RETURNS trigger AS $$
BEGIN
    IF OLD.status <> 'closed' THEN
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE'
       AND records_anonymising(to_jsonb(OLD), to_jsonb(NEW), ARRAY['minutes']) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'closed meeting: its minutes are final' {REFUSE};
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS deliberations_meeting_frozen ON deliberations_meeting;
CREATE TRIGGER deliberations_meeting_frozen
    BEFORE UPDATE OR DELETE ON deliberations_meeting
    FOR EACH ROW EXECUTE FUNCTION deliberations_meeting_frozen();

CREATE OR REPLACE FUNCTION deliberations_outcome_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND records_anonymising(to_jsonb(OLD), to_jsonb(NEW), ARRAY['note']) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'an outcome is final: it is never changed or deleted' {REFUSE};
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS deliberations_outcome_append_only ON deliberations_outcome;
CREATE TRIGGER deliberations_outcome_append_only
    BEFORE UPDATE OR DELETE ON deliberations_outcome
    FOR EACH ROW EXECUTE FUNCTION deliberations_outcome_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS deliberations_outcome_append_only ON deliberations_outcome;
DROP FUNCTION IF EXISTS deliberations_outcome_append_only();
DROP TRIGGER IF EXISTS deliberations_meeting_frozen ON deliberations_meeting;
DROP FUNCTION IF EXISTS deliberations_meeting_frozen();
DROP TRIGGER IF EXISTS deliberations_agendaitem_frozen ON deliberations_agendaitem;
DROP FUNCTION IF EXISTS deliberations_agendaitem_frozen();
DROP FUNCTION IF EXISTS deliberations_meeting_is_closed(bigint);
DROP TRIGGER IF EXISTS deliberations_action_append_only ON deliberations_action;
DROP FUNCTION IF EXISTS deliberations_action_append_only();
DROP TRIGGER IF EXISTS deliberations_values_frozen ON deliberations_decision_public_values;
DROP FUNCTION IF EXISTS deliberations_refuse_frozen_values();
DROP FUNCTION IF EXISTS deliberations_decision_is_frozen(bigint);

CREATE OR REPLACE FUNCTION deliberations_refuse_frozen_decision() RETURNS trigger AS $$
BEGIN
    IF OLD.frozen THEN
        RAISE EXCEPTION 'frozen decision: record a new decision that supersedes it'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS deliberations_decision_frozen ON deliberations_decision;
CREATE TRIGGER deliberations_decision_frozen
    BEFORE UPDATE OR DELETE ON deliberations_decision
    FOR EACH ROW EXECUTE FUNCTION deliberations_refuse_frozen_decision();
"""


def create_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0009_append_only_records"),
        ("deliberations", "0006_meeting_attendees"),
    ]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
