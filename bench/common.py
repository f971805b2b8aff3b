"""What every benchmark data set shares: its organisation, teams and people, the one guard that
refuses to write into a database that is not a benchmark's, and running a script with Django.

The case texts come from `bedoeling.scenario.texts`, the composer the demo uses too.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 20261127
ORGANISATION = "Benchmark: Dienst Werk, Inkomen en Ouderen"
USER_PREFIX = "bench-"

# team name, regulations it mostly works with (weights); four directors each oversee one group.
TEAMS = [
    ("AOW en AIO Amsterdam", {"AOW": 5, "AIO": 5}),
    ("AOW en AIO Den Haag", {"AOW": 5, "AIO": 5}),
    ("AOW en AIO Rotterdam", {"AOW": 5, "AIO": 5}),
    ("AOW Buitenland", {"AOW": 9, "AIO": 1}),
    ("Kinderbijslag", {"AKW": 9, "AIO": 1}),
    ("Inkomen Noord", {"PW": 8, "Wgs": 2}),
    ("Inkomen Zuid", {"PW": 8, "Wgs": 2}),
    ("Inkomen Oost", {"PW": 8, "Wgs": 2}),
    ("Inkomen West", {"PW": 8, "Wgs": 2}),
    ("Inkomen Centrum", {"PW": 8, "Wgs": 1, "AKW": 1}),
    ("Jongerenloket", {"PW": 9, "Wgs": 1}),
    ("Poortwachters", {"PW": 10}),
    ("Handhaving en terugvordering", {"PW": 6, "AOW": 2, "AIO": 2}),
    ("Klantcontact", {"PW": 4, "AOW": 3, "AIO": 2, "AKW": 1}),
    ("Schulddienstverlening Noord", {"Wgs": 7, "Wsnp": 2, "PW": 1}),
    ("Schulddienstverlening Zuid", {"Wgs": 7, "Wsnp": 2, "PW": 1}),
    ("Budgetbeheer", {"Wgs": 6, "PW": 4}),
    ("Wsnp en bewindvoering", {"Wsnp": 7, "Wgs": 3}),
    ("Inkomen Ouderen", {"AIO": 6, "PW": 4}),
    ("Statushouders", {"PW": 8, "AKW": 2}),
]
DIRECTORS = {
    "bench-directeur-svb": TEAMS[0:5],
    "bench-directeur-inkomen": TEAMS[5:10],
    "bench-directeur-jongeren": TEAMS[10:14],
    "bench-directeur-schulden": TEAMS[14:20],
}
PROFESSIONALS_PER_TEAM = 8


def setup_django() -> None:
    """Make the project importable and configure Django, for running a bench script directly."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bedoeling.settings")
    import django

    django.setup()


class NotABenchDatabase(Exception):
    """The database holds data that a benchmark generator did not make."""


def check_bench_database(*, empty: bool = False, example: str = "bedoeling_bench") -> None:
    """Refuse a database that holds anything but benchmark data: the one "is this a benchmark
    database" check. With `empty`, refuse benchmark cases too (for a generator whose seed only
    gives the same data once). `example` names the database the message suggests.

    The generators write with bulk inserts and set every timestamp themselves: they must never
    run on a database with real data in it.
    """
    from django.contrib.auth import get_user_model

    from cases.models import Case
    from organisations.models import Organisation

    found = []
    if Organisation.objects.exclude(name=ORGANISATION).exists():
        found.append("organisations other than the benchmark's")
    if get_user_model().objects.exclude(username__startswith=USER_PREFIX).exists():
        found.append("people who are not benchmark people")
    if empty:
        cases = Case.objects.count()
        if cases:
            found.append(f"{cases} cases already (the same seed only gives the same data once)")
    elif Case.objects.exclude(team__organisation__name=ORGANISATION).exists():
        found.append("cases outside the benchmark organisation")
    if found:
        raise NotABenchDatabase(
            f"This database holds {' and '.join(found)}. Use a dedicated, freshly migrated "
            f"database (createdb -h 127.0.0.1 -U postgres {example}; "
            f"DATABASE_URL=postgres://postgres@127.0.0.1:5432/{example}; manage.py migrate), "
            "or pass --force."
        )
