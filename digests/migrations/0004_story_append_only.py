"""On PostgreSQL a published good example is never changed or deleted; only the retention job
may replace its text by the marker (`records_anonymising`, cases migration 0009)."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION digests_story_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND records_anonymising(
        to_jsonb(OLD), to_jsonb(NEW), ARRAY['title', 'text', 'lesson']
    ) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'a published good example is final: publish a new one'
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS digests_story_append_only ON digests_story;
CREATE TRIGGER digests_story_append_only
    BEFORE UPDATE OR DELETE ON digests_story
    FOR EACH ROW EXECUTE FUNCTION digests_story_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS digests_story_append_only ON digests_story;
DROP FUNCTION IF EXISTS digests_story_append_only();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0009_append_only_records"),
        ("digests", "0003_digest_ids_only"),
    ]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
