"""PostgreSQL only: indexes for the digest's follow-up figures and the period's outcomes.

The digest (digests/patterns.py) counts, at the end of a period, the actions overdue, the
outcomes still to evaluate and the escalations open: figures over everything ever recorded, not
over the period. Without these indexes each of them reads its whole table; with them they read
small indexes (index-only where the visibility map allows). Measured in bench/README.md
("Digests"). On SQLite (the embedded mode, small data) this migration does nothing.
"""

from django.db import migrations

INDEXES = {
    # Actions not done yet, by due date: "overdue" reads only these.
    "action_not_done_due": "deliberations_action (due_on, case_id) WHERE done_at IS NULL",
    # Actions done after the end of a period were still overdue at its end.
    "action_done_at": "deliberations_action (done_at) INCLUDE (due_on, case_id)",
    # The outcomes recorded in a period.
    "outcome_created_at": "deliberations_outcome (created_at)",
    # Has this case an outcome by the end of the period? In case order, without the table.
    "outcome_case_created_at": "deliberations_outcome (case_id) INCLUDE (created_at)",
    # Open escalations are few among all.
    "escalation_open": "deliberations_escalation (created_at) WHERE status = 'open'",
    # Decisions whose outcome is to be evaluated, in case order.
    "decision_evaluation_due": (
        "deliberations_decision (case_id, evaluate_on) INCLUDE (id) "
        "WHERE evaluate_on IS NOT NULL AND kind NOT IN ('postpone', 'escalate')"
    ),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("deliberations", "0003_decision_created_at_index")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
