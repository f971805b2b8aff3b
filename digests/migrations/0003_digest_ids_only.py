"""Digests hold numbers and ids only (format 2): strip the case text older digests stored.

A digest is shown to everyone who may read it, a director over other teams included. Format 1
stored, per consistency flag, each case's reference, title, rationale and "why this case
differs"; per pattern its words (keywords of its cases' text); per good example its title.
Those go. Each side of a flag gains its case's team and the decision it was flagged for (the
newest of its kind before the digest was built), so the page can name the team and fetch the
text, at read time, for those who may see the case. Not reversible: the text is gone.
"""

from django.db import migrations, models

FORMAT_VERSION = 2
FLAG_TEXT = ("reference", "title", "rationale", "difference")


def _sides(data: dict) -> list[dict]:
    return [side for flag in data.get("consistency_flags", []) for side in (flag["a"], flag["b"])]


def strip_case_text(apps, schema_editor):
    Digest = apps.get_model("digests", "Digest")
    Case = apps.get_model("cases", "Case")
    Decision = apps.get_model("deliberations", "Decision")
    old = Digest.objects.filter(format_version__lt=FORMAT_VERSION).order_by("pk")
    for digest in old.iterator(chunk_size=100):
        data = digest.data
        sides = _sides(data)
        case_ids = {side["case_id"] for side in sides}
        teams = dict(Case.objects.filter(pk__in=case_ids).values_list("pk", "team_id"))
        decisions = {}  # (case, kind) -> the newest such decision before the build
        rows = (
            Decision.objects.filter(case_id__in=case_ids, created_at__lt=digest.built_at)
            .order_by("created_at", "pk")
            .values_list("case_id", "kind", "pk")
        )
        for case_id, kind, pk in rows:
            decisions[(case_id, kind)] = pk
        for side in sides:
            for key in FLAG_TEXT:
                side.pop(key, None)
            side.setdefault("team_id", teams.get(side["case_id"]))
            side.setdefault("decision_id", decisions.get((side["case_id"], side.get("kind"))))
        for pattern in data.get("patterns", []):
            pattern.pop("words", None)
        for example in data.get("examples", []):
            example.pop("title", None)
        data["format_version"] = FORMAT_VERSION
        digest.data = data
        digest.format_version = FORMAT_VERSION
        digest.save(update_fields=["data", "format_version"])


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0005_case_keywords"),
        ("deliberations", "0001_initial"),
        ("digests", "0002_clock_defaults"),
    ]

    operations = [
        migrations.AlterField(
            model_name="digest",
            name="format_version",
            field=models.PositiveSmallIntegerField(default=2),
        ),
        migrations.RunPython(strip_case_text, migrations.RunPython.noop, elidable=False),
    ]
