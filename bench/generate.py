"""Generate realistic Dutch benchmark data for the precedent search: one organisation, 20 teams,
people, and N cases.

Run it on a dedicated, migrated database, never on one with real data:

    createdb -h 127.0.0.1 -U postgres bedoeling_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/bedoeling_bench
    .venv/bin/python manage.py migrate
    .venv/bin/python bench/generate.py --cases 100000

Or import it (after `django.setup()`): `from bench.generate import generate`. The same seed on an
empty database gives the same data. Case texts come from the composer the demo uses too
(`bedoeling.scenario.texts`): phrase fragments per rule of the seeded taxonomy, so that cases
about the same rule and situation really do read alike. The organisation, its teams and people
and the guard against a database with other data are shared with the digest benchmark
(`bench.common`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

# Run as a script, this directory is on the path, not the project.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bedoeling.scenario.texts import (  # noqa: E402
    GENERIC_CONFLICTS,
    PROPOSED_RULES,
    TOPICS,
    compose,
)
from bench.common import (  # noqa: E402
    DIRECTORS,
    ORGANISATION,
    PROFESSIONALS_PER_TEAM,
    SEED,
    TEAMS,
    USER_PREFIX,
    NotABenchDatabase,
    check_bench_database,
    setup_django,
)

# Still importable from here for the scripts that imported them from this module before
# `bench.common` and `bedoeling.scenario.texts` existed.
__all__ = [
    "DIRECTORS",
    "GENERIC_CONFLICTS",
    "ORGANISATION",
    "PROFESSIONALS_PER_TEAM",
    "PROPOSED_RULES",
    "SEED",
    "TEAMS",
    "TOPICS",
    "USER_PREFIX",
    "NotABenchDatabase",
    "check_bench_database",
    "compose",
    "generate",
    "setup_django",
]

BATCH_SIZE = 2000
# Cases are spread over the three years before this moment (fixed, so runs are repeatable).
END = dt.datetime(2026, 11, 1, 12, 0, tzinfo=dt.UTC)

# status, weight: most benchmark cases are decided, as in an organisation that has run a while.
STATUSES = [
    ("decided", 52),
    ("closed", 28),
    ("submitted", 8),
    ("scheduled", 4),
    ("draft", 5),
    ("withdrawn", 3),
]


def generate(n_cases: int, seed: int = SEED, *, force: bool = False, log=print) -> dict:
    """Create the organisation, its teams and people (once), then `n_cases` cases.

    Returns what was made: {"organisation", "teams", "professionals", "directors", "cases"}.
    """
    from django.db import connection

    if not force:
        check_bench_database()
    rng = random.Random(seed)
    started = time.monotonic()
    organisation, teams, professionals, directors = _people(rng)
    rules = _rules()
    made = 0
    while made < n_cases:
        size = min(BATCH_SIZE, n_cases - made)
        _cases(rng, size, teams, professionals, rules)
        made += size
        log(f"  {made:>7} cases  {time.monotonic() - started:6.1f} s")
    if connection.vendor == "postgresql":
        # Fresh statistics, so that the planner (and the precedent ranking, which reads the
        # lexeme frequencies of the search index) sees the new data at once.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE cases_case")
    return {
        "organisation": organisation,
        "teams": teams,
        "professionals": professionals,
        "directors": directors,
        "cases": made,
    }


def _people(rng: random.Random):
    from django.contrib.auth import get_user_model

    from organisations.models import Membership, Organisation, Role, Team

    user_model = get_user_model()
    organisation, _ = Organisation.objects.get_or_create(
        name=ORGANISATION,
        defaults={"purpose": "Inwoners krijgen waar ze recht op hebben, zodat ze kunnen meedoen."},
    )
    teams = []
    professionals: dict[int, list] = {}
    for index, (name, _) in enumerate(TEAMS):
        team, _ = Team.objects.get_or_create(organisation=organisation, name=name)
        teams.append(team)
        people = []
        for number in range(PROFESSIONALS_PER_TEAM):
            user, _ = user_model.objects.get_or_create(
                username=f"{USER_PREFIX}t{index:02d}-p{number}",
                defaults={"first_name": f"Medewerker {number}", "last_name": name},
            )
            Membership.objects.get_or_create(
                user=user, team=team, defaults={"role": Role.PROFESSIONAL}
            )
            people.append(user)
        lead, _ = user_model.objects.get_or_create(username=f"{USER_PREFIX}t{index:02d}-lead")
        Membership.objects.get_or_create(user=lead, team=team, defaults={"role": Role.LEAD})
        professionals[team.pk] = people
    directors = {}
    for username, overseen in DIRECTORS.items():
        director, _ = user_model.objects.get_or_create(username=username)
        for name, _ in overseen:
            team = next(team for team in teams if team.name == name)
            Membership.objects.get_or_create(
                user=director, team=team, defaults={"role": Role.DIRECTOR}
            )
        directors[username] = director
    return organisation, teams, professionals, directors


def _rules() -> dict[str, list]:
    from cases.models import Barrier, PublicValue, Rule

    by_regulation: dict[str, list] = {}
    for rule in Rule.objects.select_related("regulation").order_by("pk"):
        by_regulation.setdefault(rule.regulation.short_name, []).append(rule)
    return {
        "by_regulation": by_regulation,
        "values": list(PublicValue.objects.order_by("pk")),
        "barriers": list(Barrier.objects.order_by("pk")),
    }


def _cases(rng: random.Random, size: int, teams, professionals, rules) -> None:
    from cases.models import Case

    statuses, status_weights = zip(*STATUSES, strict=True)
    cases = []
    for _ in range(size):
        team_index = rng.randrange(len(TEAMS))
        team = teams[team_index]
        regulations = TEAMS[team_index][1]
        regulation = rng.choices(list(regulations), weights=list(regulations.values()))[0]
        rule = rng.choice(rules["by_regulation"][regulation])
        topic_key = (regulation, rule.reference)
        if rng.random() < 0.1:
            # People do not always pick the rule the story is about.
            topic_key = rng.choice(list(TOPICS))
        texts = compose(rng, topic_key)
        proposed_rule = ""
        if rng.random() < 0.04:
            rule, proposed_rule = None, rng.choice(PROPOSED_RULES)
        status = rng.choices(statuses, weights=status_weights)[0]
        created_at = END - dt.timedelta(seconds=rng.randrange(3 * 365 * 24 * 3600))
        submitted_at = None
        if status != "draft":
            submitted_at = created_at + dt.timedelta(hours=rng.randrange(1, 240))
        updated_at = (submitted_at or created_at) + dt.timedelta(hours=rng.randrange(1, 1500))
        cases.append(
            Case(
                team=team,
                author=rng.choice(professionals[team.pk]),
                rule=rule,
                proposed_rule=proposed_rule,
                barrier=rng.choice(rules["barriers"]),
                status=status,
                created_at=created_at,
                updated_at=min(updated_at, END),
                submitted_at=submitted_at,
                **texts,
            )
        )
    Case.objects.bulk_create(cases)
    through = Case.public_values.through
    links = [
        through(case_id=case.pk, publicvalue_id=value.pk)
        for case in cases
        for value in rng.sample(rules["values"], rng.randint(1, 3))
    ]
    through.objects.bulk_create(links)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000, help="number of cases to add")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--force", action="store_true", help="also run on a database with non-benchmark data"
    )
    args = parser.parse_args()
    setup_django()
    from django.db import connection

    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    try:
        made = generate(args.cases, args.seed, force=args.force)
    except NotABenchDatabase as error:
        sys.exit(f"refused: {error}")
    print(f"made {made['cases']} cases in {len(made['teams'])} teams")


if __name__ == "__main__":
    main()
