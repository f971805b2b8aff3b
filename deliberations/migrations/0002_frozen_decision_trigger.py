"""On PostgreSQL the database itself refuses to change or delete a frozen decision.

The one change allowed is the freezing itself (frozen false -> true), made by close_meeting.
"""

from django.db import migrations

CREATE = """
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

DROP = """
DROP TRIGGER IF EXISTS deliberations_decision_frozen ON deliberations_decision;
DROP FUNCTION IF EXISTS deliberations_refuse_frozen_decision();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("deliberations", "0001_initial")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
