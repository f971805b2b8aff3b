"""PostgreSQL only: a stored search vector for precedents, and indexes to find them fast.

`precedent_vector` is a generated column, so PostgreSQL keeps it in step with every insert and
update and no model field or application code maintains it. It exists only on PostgreSQL; the
model does not declare it and `cases/precedents.py` reads it with raw SQL. On SQLite this
migration does nothing.

Why a stored vector and not only an expression index: ranking needs each candidate's vector,
and recomputing to_tsvector costs about 50 microseconds per case, far too slow for the
hundreds of candidates a search ranks (see bench/README.md).

Keep in mind when changing the Case model:
- PostgreSQL refuses to change the type of a column a generated column uses (e.g. a new
  max_length for `title`): drop `precedent_vector` in that migration and add it back after.
- Removing one of the four fields drops this column with it (Django drops columns with CASCADE).
- The fields below must stay those of `SEARCHED_FIELDS` in cases/precedents.py.
"""

from django.db import migrations

FORWARD = [
    """
    ALTER TABLE cases_case ADD COLUMN precedent_vector tsvector GENERATED ALWAYS AS (
        to_tsvector(
            'dutch'::regconfig, title || ' ' || situation || ' ' || effect || ' ' || conflict
        )
    ) STORED
    """,
    # Precedent ranking reads how common each word is from the column statistics; a larger
    # target keeps the frequencies of 10,000 words instead of 1,000.
    "ALTER TABLE cases_case ALTER COLUMN precedent_vector SET STATISTICS 1000",
    # Only decided and closed cases are ever precedents.
    """
    CREATE INDEX case_precedent_vector ON cases_case USING gin (precedent_vector)
    WHERE status IN ('decided', 'closed')
    """,
    # The most recent cases about a rule in the teams a person sees, whatever their text.
    """
    CREATE INDEX case_precedent_rule ON cases_case (rule_id, team_id)
    WHERE status IN ('decided', 'closed')
    """,
]

BACKWARD = [
    "DROP INDEX IF EXISTS case_precedent_rule",
    "DROP INDEX IF EXISTS case_precedent_vector",
    "ALTER TABLE cases_case DROP COLUMN IF EXISTS precedent_vector",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in FORWARD:
            schema_editor.execute(sql)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in BACKWARD:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("cases", "0003_deliberation_statuses")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
