"""Benchmark data for the digest benchmark: an organisation with a year of case consultation.

Run from the repository root, on a dedicated, migrated database (see bench/README.md):

    .venv/bin/python -m bench.digest_data --cases N [--seed S] [--teams T] [--days D] \
        [--end YYYY-MM-DD]

or call `generate()` after `django.setup()`. It refuses a database that holds anything but
benchmark data unless `--force`. With the same seed, the same arguments and the same end date,
an empty database gets the same data. It makes:

- one organisation, `--teams` teams (the 20 of bench/generate.py), per team eight professionals
  and a lead, and four directors who each oversee a group of teams;
- N cases submitted on working days over the last `--days` days (a steady stream in time, so
  case ids grow with the submission time as they do in real life), with rules from the seeded
  taxonomy, barriers, public values, and texts composed by bench/generate.py's phrase
  composer, so that cases about the same rule and situation really do read alike; `keywords`
  filled as the app fills them;
- per team, meetings on fixed weekdays (one a week, more when a team has more than about 30
  cases a week) with an ordered agenda; each case goes to the first meeting at least a day
  after its submission, where it is decided (apply the rule, room within the rules, justified
  deviation, refer), postponed to the next meeting, or escalated to the team's director, who
  answers most escalations within a few weeks; some decisions are corrected later by a
  superseding decision; teams differ in how often they depart from a rule, so that equal cases
  are not always decided equally;
- the public values weighed, "this rule chafes" on some decisions (more on some rules), an
  evaluation date on most final decisions, actions (most done, some late, some overdue),
  outcomes for most decisions whose evaluation date has passed, closed cases, a signal per rule
  flagged as chafing (with its cases and state changes), and a few good examples.

Everything goes in with bulk_create in chunks of CHUNK cases (bounded memory), each chunk in one
transaction; the timestamps are set explicitly. The cases' timeline events and colleague input
are not generated: no digest figure reads them.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import math
import random
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import (  # noqa: E402
    DIRECTORS,
    GENERIC_CONFLICTS,
    ORGANISATION,
    PROFESSIONALS_PER_TEAM,
    PROPOSED_RULES,
    SEED,
    TEAMS,
    TOPICS,
    USER_PREFIX,
    compose,
    setup_django,
)

CHUNK = 5000
BATCH_SIZE = 2000
MEETING_CAPACITY = 30  # cases a meeting handles; busier teams meet on more weekdays
MEETING_HOURS = (9, 10, 13, 14)
PLANNED_AHEAD_DAYS = 14
NOW_HOUR = 18  # "now" is 18:00 on the end date: the day's meetings are over

DRAFT_SHARE = 0.02
WITHDRAWN_SHARE = 0.02
BACKLOG_SHARE = 0.01  # submitted, never put on an agenda
SCHEDULED_SHARE = 0.7  # of the cases waiting for a planned meeting, those already on its agenda
MAX_MEETINGS_PER_CASE = 3

FIRST_KINDS = {
    "apply_rule": 30,
    "room_within_rules": 24,
    "deviation": 16,
    "refer": 8,
    "escalate": 7,
    "postpone": 15,
}
ANSWER_KINDS = {"apply_rule": 35, "room_within_rules": 30, "deviation": 25, "refer": 10}
FINAL_KINDS = ("apply_rule", "room_within_rules", "deviation", "refer")
DEPARTING = ("room_within_rules", "deviation")
CHAFES = {
    "apply_rule": 0.08,
    "room_within_rules": 0.18,
    "deviation": 0.3,
    "refer": 0.08,
    "escalate": 0.3,
    "postpone": 0.0,
}
SERVED = {
    "apply_rule": (45, 30, 25),
    "room_within_rules": (60, 28, 12),
    "deviation": (62, 25, 13),
    "refer": (40, 35, 25),
}
SUPERSEDE_SHARE = 0.02
ESCALATION_LEFT_OPEN = 0.06
EVALUATE_SHARE = 0.85
OUTCOME_SHARE = 0.72
ACTION_DONE_SHARE = 0.86
STORY_SHARE = 0.02  # of closed cases decided "room" or "deviation" that served the purpose

RATIONALES = {
    "apply_rule": [
        "De regel dient hier zijn doel: het inkomen wordt eerlijk vastgesteld.",
        "Afwijken zou ongelijkheid scheppen met vergelijkbare klanten.",
        "De gevolgen zijn zwaar maar te overzien, met een betalingsregeling erbij.",
        "De wet laat hier geen ruimte en het belang van de klant weegt niet zwaarder.",
        "We passen de regel toe en zoeken samen met de klant naar ondersteuning elders.",
    ],
    "room_within_rules": [
        "De beleidsregels laten ruimte voor maatwerk en die gebruiken we hier.",
        "Met een ruimere uitleg van het begrip blijven we binnen de wet en helpen we de klant.",
        "Een ander bewijsstuk volstaat om het recht vast te stellen.",
        "We stellen de ingangsdatum later vast, zoals de regeling toestaat.",
        "De hardheidsclausule biedt ruimte; de situatie is tijdelijk en uitzonderlijk.",
    ],
    "deviation": [
        "Strikt toepassen gaat hier tegen de bedoeling van de wet in; we wijken beargumenteerd af.",
        "De menselijke maat weegt zwaarder dan de letter van de regel in deze situatie.",
        "Afwijken voorkomt schulden en maatschappelijke kosten die veel hoger zijn.",
        "De regel is niet geschreven voor deze situatie; we leggen de afwijking vast.",
        "We nemen de verantwoordelijkheid en wijken af; de teamleider geeft rugdekking.",
    ],
    "refer": [
        "Dit hoort bij een andere afdeling, die het besluit moet nemen.",
        "De schuldhulpverlening kan dit beter oppakken; we dragen warm over.",
        "De zorgverzekeraar en de woningcorporatie moeten hier aan tafel.",
    ],
    "escalate": [
        "Dit raakt beleid en vraagt een besluit van de directie.",
        "De financiele gevolgen gaan boven ons mandaat uit.",
        "Dit speelt in meer teams; de directie moet een lijn kiezen.",
    ],
    "postpone": [
        "Er ontbreekt informatie; de medewerker vraagt die op.",
        "We willen eerst het advies van de jurist horen.",
        "Geen tijd meer in dit overleg; volgende week als eerste.",
    ],
}
WEIGHINGS = [
    "Rechtmatigheid en bestaanszekerheid afgewogen; bestaanszekerheid woog zwaarder.",
    "Gelijke behandeling woog zwaar: vergelijkbare casussen zijn ook zo besloten.",
    "Doelmatigheid: de uitvoering kost meer dan de terugvordering oplevert.",
    "De menselijke maat en rechtszekerheid wijzen hier dezelfde kant op.",
    "Transparantie: de klant krijgt een brief die het besluit uitlegt.",
]
DIFFERENCES = [
    "Anders dan in de eerdere casus is hier sprake van zorg voor een familielid.",
    "Hier is de situatie tijdelijk; in de eerdere casus ging het om jaren.",
    "In deze casus ligt de fout bij de organisatie, niet bij de klant.",
    "De bedragen zijn hier veel hoger en de klant kan niet rondkomen.",
]
REFER_TO = [
    "Schuldhulpverlening",
    "Team Handhaving",
    "het Wijkteam",
    "de SVB",
    "de Belastingdienst",
    "het UWV",
]
ESCALATION_QUESTIONS = [
    "Mogen we in deze en vergelijkbare gevallen afwijken van de regel?",
    "Staat de directie achter een afwijking met deze financiele gevolgen?",
    "Kiest de directie een lijn voor alle teams?",
    "Wil de directie dit signaal doorgeven aan het ministerie?",
]
SUPERSEDE_REASONS = [
    "Nieuwe informatie van de klant veranderde het beeld.",
    "De jurist adviseerde anders; besluit gecorrigeerd.",
    "Bezwaar van de klant gegrond verklaard.",
]
ACTIONS = [
    "Klant bellen en het besluit uitleggen",
    "Brief met het besluit en de onderbouwing sturen",
    "Betalingsregeling afspreken",
    "Terugvordering stopzetten",
    "Warme overdracht naar schuldhulpverlening",
    "Bewijsstukken opvragen bij de klant",
    "Uitkering herberekenen",
    "Casus inbrengen bij het beleidsoverleg",
]
OUTCOME_NOTES = {
    "yes": [
        "De klant kan weer rondkomen en de situatie is stabiel.",
        "Huisuitzetting voorkomen; de klant is tevreden.",
    ],
    "partly": [
        "Het directe probleem is opgelost, maar de schulden blijven.",
        "De klant is geholpen, al duurde het lang.",
    ],
    "no": [
        "De situatie is verslechterd ondanks het besluit.",
        "De klant is alsnog in de problemen gekomen.",
    ],
}
AGENDA_NOTES = [
    "Medewerker licht toe; vergelijkbare casus van vorige maand besproken.",
    "Jurist schuift aan voor dit punt.",
    "Vragen over de financiele gevolgen; bedragen nagerekend.",
]
MINUTES = [
    "Alle agendapunten besproken. Besluiten en acties staan bij de casussen.",
    "Overleg verliep volgens plan; twee casussen lieten een patroon zien.",
    "Korte bespreking; de rest schuift door naar volgende week.",
]
LESSONS = [
    "Durf te vragen wat de regel beoogt, en leg vast waarom je afwijkt.",
    "Een ander bewijsstuk kan het recht net zo goed vaststellen.",
    "Samen met de klant kijken voorkomt schulden en bezwaar.",
]
SIGNAL_TAKEN_UP_WITH = ["de beleidsafdeling", "het ministerie van SZW", "de SVB", "de gemeenteraad"]
SIGNAL_REASONS = ["De wet laat geen ruimte voor een andere regel.", "Aanpassing kost te veel."]
# The barrier names and how often each is chosen; unnamed ones get weight 1.
BARRIER_WEIGHTS = {
    "wet- en regelgeving": 6,
    "structuur en systemen": 5,
    "afdelingen vinden elkaar niet": 3,
    "sturing op productie": 3,
    "andere organisaties": 2,
}
NO_BARRIER_SHARE = 0.08


class NotABenchDatabase(Exception):
    """The database holds data that this generator did not make, or already holds cases."""


@dataclass
class People:
    organisation: object
    team_ids: list[int]
    regulations: list[dict[str, int]]
    professionals: list[list[int]]
    leads: list[int]
    directors: list[int]  # per team, the director who oversees it
    director_ids: list[int] = field(default_factory=list)


@dataclass
class Taxonomy:
    rules_by_regulation: dict[str, list]
    rule_by_topic: dict[tuple[str, str], int]
    value_ids: list[int]
    barrier_ids: list[int]
    barrier_cum_weights: list[float]


def check_bench_database() -> None:
    """Refuse a database with anything in it that is not benchmark data, or with cases."""
    from django.contrib.auth import get_user_model

    from cases.models import Case
    from organisations.models import Organisation

    found = []
    if Organisation.objects.exclude(name=ORGANISATION).exists():
        found.append("organisations other than the benchmark's")
    if get_user_model().objects.exclude(username__startswith=USER_PREFIX).exists():
        found.append("people who are not benchmark people")
    cases = Case.objects.count()
    if cases:
        found.append(f"{cases} cases already (the same seed only gives the same data once)")
    if found:
        raise NotABenchDatabase(
            f"This database holds {' and '.join(found)}. Use a dedicated, freshly migrated "
            "database (createdb -h 127.0.0.1 -U postgres bedoeling_digest_10k; "
            "DATABASE_URL=postgres://postgres@127.0.0.1:5432/bedoeling_digest_10k; "
            "manage.py migrate), or pass --force."
        )


def generate(
    n_cases: int,
    *,
    seed: int = SEED,
    teams: int = len(TEAMS),
    days: int = 365,
    end: dt.date | None = None,
    force: bool = False,
    log=print,
) -> dict:
    """Make the organisation, its people and `n_cases` cases with all that follows from them.

    `end` is the last day (default: today); "now" is 18:00 on that day. Returns counts.
    """
    from django.db import connection
    from django.utils import timezone

    if n_cases < 1 or teams < 1 or days < 7:
        raise ValueError("need at least one case, one team and seven days")
    if not force:
        check_bench_database()
    end = end or timezone.localdate()
    tz = timezone.get_current_timezone()
    now = dt.datetime.combine(end, dt.time(NOW_HOUR), tzinfo=tz)
    started = time.monotonic()
    rng = random.Random(seed)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Benchmark data only: a crash loses the last chunk at worst.
            cursor.execute("SET synchronous_commit TO off")
    with _own_timestamps():
        people = _people(teams)
        taxonomy = _taxonomy()
        world = World(rng, people, taxonomy, n_cases, days, end, now)
        world.create_meetings()
        log(f"  {len(people.team_ids)} teams, {world.meeting_count} meetings")
        made = 0
        while made < n_cases:
            size = min(CHUNK, n_cases - made)
            world.chunk(made, size)
            made += size
            elapsed = time.monotonic() - started
            log(f"  {made:>9} cases  {elapsed:7.1f} s  ({made / elapsed:,.0f} cases/s)")
        world.create_signals()
    if connection.vendor == "postgresql":
        log("  vacuum analyze")
        _vacuum_analyze()
    log(f"  done in {time.monotonic() - started:.1f} s")
    return {"cases": made, "teams": len(people.team_ids), **world.counts}


@contextmanager
def _own_timestamps():
    """Let bulk_create keep the generated times instead of stamping every row with now()."""
    from cases.models import Case
    from deliberations.models import Decision, Escalation, Meeting, Outcome
    from digests.models import Signal, SignalEvent, Story

    fields = [
        Case._meta.get_field("created_at"),
        Case._meta.get_field("updated_at"),
        Meeting._meta.get_field("created_at"),
        Decision._meta.get_field("created_at"),
        Escalation._meta.get_field("created_at"),
        Outcome._meta.get_field("created_at"),
        Signal._meta.get_field("created_at"),
        Signal._meta.get_field("updated_at"),
        SignalEvent._meta.get_field("created_at"),
        Story._meta.get_field("published_at"),
    ]
    saved = [(f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, (auto_now, auto_now_add) in zip(fields, saved, strict=True):
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def _vacuum_analyze() -> None:
    from django.db import connection

    tables = [
        "cases_case",
        "cases_case_public_values",
        "deliberations_meeting",
        "deliberations_meeting_participants",
        "deliberations_agendaitem",
        "deliberations_decision",
        "deliberations_decision_public_values",
        "deliberations_escalation",
        "deliberations_action",
        "deliberations_outcome",
        "digests_signal",
        "digests_signal_cases",
        "digests_signalevent",
        "digests_story",
    ]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"VACUUM (ANALYZE) {table}")


def _team_specs(teams: int) -> list[tuple[str, dict[str, int], str]]:
    """(name, regulation weights, director username) per team."""
    director_of = {name: username for username, group in DIRECTORS.items() for name, _ in group}
    usernames = list(DIRECTORS)
    specs = []
    for index in range(teams):
        name, regulations = TEAMS[index % len(TEAMS)]
        if index >= len(TEAMS):
            name = f"{name} {index // len(TEAMS) + 1}"
        director = director_of.get(TEAMS[index % len(TEAMS)][0], usernames[index % len(usernames)])
        specs.append((name, regulations, director))
    return specs


def _people(teams: int) -> People:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX

    from organisations.models import Membership, Organisation, Role, Team

    user_model = get_user_model()
    organisation, _ = Organisation.objects.get_or_create(
        name=ORGANISATION,
        defaults={"purpose": "Inwoners krijgen waar ze recht op hebben, zodat ze kunnen meedoen."},
    )
    specs = _team_specs(teams)
    existing = {t.name: t for t in Team.objects.filter(organisation=organisation)}
    Team.objects.bulk_create(
        [
            Team(organisation=organisation, name=name, purpose="")
            for name, _, _ in specs
            if name not in existing
        ]
    )
    by_name = {t.name: t.pk for t in Team.objects.filter(organisation=organisation)}
    usernames = []
    for index in range(len(specs)):
        usernames += [f"{USER_PREFIX}t{index:02d}-p{n}" for n in range(PROFESSIONALS_PER_TEAM)]
        usernames.append(f"{USER_PREFIX}t{index:02d}-lead")
    usernames += sorted({director for _, _, director in specs})
    known = set(
        user_model.objects.filter(username__in=usernames).values_list("username", flat=True)
    )
    user_model.objects.bulk_create(
        [
            user_model(
                username=username,
                password=UNUSABLE_PASSWORD_PREFIX,
                first_name=username[len(USER_PREFIX) :],
            )
            for username in usernames
            if username not in known
        ]
    )
    user_ids = dict(user_model.objects.filter(username__in=usernames).values_list("username", "pk"))
    memberships = []
    people = People(organisation, [], [], [], [], [])
    for index, (name, regulations, director) in enumerate(specs):
        team_id = by_name[name]
        pros = [user_ids[f"{USER_PREFIX}t{index:02d}-p{n}"] for n in range(PROFESSIONALS_PER_TEAM)]
        lead = user_ids[f"{USER_PREFIX}t{index:02d}-lead"]
        memberships += [
            Membership(user_id=pk, team_id=team_id, role=Role.PROFESSIONAL) for pk in pros
        ]
        memberships.append(Membership(user_id=lead, team_id=team_id, role=Role.LEAD))
        memberships.append(
            Membership(user_id=user_ids[director], team_id=team_id, role=Role.DIRECTOR)
        )
        people.team_ids.append(team_id)
        people.regulations.append(regulations)
        people.professionals.append(pros)
        people.leads.append(lead)
        people.directors.append(user_ids[director])
    Membership.objects.bulk_create(memberships, ignore_conflicts=True)
    people.director_ids = sorted(set(people.directors))
    return people


def _taxonomy() -> Taxonomy:
    from cases.models import Barrier, PublicValue, Rule

    by_regulation: dict[str, list] = {}
    by_topic = {}
    for rule in Rule.objects.select_related("regulation").order_by("pk"):
        by_regulation.setdefault(rule.regulation.short_name, []).append(rule)
        by_topic[(rule.regulation.short_name, rule.reference)] = rule.pk
    barriers = list(Barrier.objects.order_by("pk").values_list("pk", "name"))
    weights = [BARRIER_WEIGHTS.get(name, 1) for _, name in barriers]
    cumulative, total = [], 0.0
    for weight in weights:
        total += weight
        cumulative.append(total)
    return Taxonomy(
        rules_by_regulation=by_regulation,
        rule_by_topic=by_topic,
        value_ids=list(PublicValue.objects.order_by("pk").values_list("pk", flat=True)),
        barrier_ids=[pk for pk, _ in barriers],
        barrier_cum_weights=cumulative,
    )


def _cumulative(weights: dict[str, float]) -> tuple[list[str], list[float]]:
    keys, cumulative, total = [], [], 0.0
    for key, weight in weights.items():
        total += weight
        keys.append(key)
        cumulative.append(total)
    return keys, cumulative


class World:
    """The generator's state across chunks: people, meetings, and what signals will collect."""

    def __init__(self, rng, people: People, taxonomy: Taxonomy, n_cases, days, end, now):
        from django.utils import timezone

        self.rng = rng
        self.people = people
        self.taxonomy = taxonomy
        self.n_cases = n_cases
        self.end = end
        self.now = now
        self.tz = timezone.get_current_timezone()
        first = end - dt.timedelta(days=days - 1)
        every_day = [first + dt.timedelta(days=n) for n in range(days)]
        self.workdays = [day for day in every_day if day.weekday() < 5] or every_day
        self.first_day = first
        n_teams = len(people.team_ids)
        # How much each team departs from rules, and how much each rule chafes: teams differ.
        self.team_departs = [rng.uniform(0.5, 1.8) for _ in range(n_teams)]
        self.rule_chafes = {
            pk: rng.uniform(0.3, 2.0) for pk in sorted(taxonomy.rule_by_topic.values())
        }
        self.regulation_choices = [_cumulative(r) for r in people.regulations]
        self.signalled: dict[int, list] = {}  # rule id -> [first time, set of case ids]
        self.positions: dict[int, int] = {}
        self.counts = {
            "meetings": 0,
            "agenda_items": 0,
            "decisions": 0,
            "escalations": 0,
            "actions": 0,
            "outcomes": 0,
            "signals": 0,
            "stories": 0,
        }

    # Meetings -------------------------------------------------------------------------

    def create_meetings(self) -> None:
        from deliberations.models import Meeting

        rng = self.rng
        n_teams = len(self.people.team_ids)
        weeks = max(1, len(self.workdays) / 5)
        per_team_week = self.n_cases / weeks / n_teams
        per_week = min(5, max(1, math.ceil(per_team_week / MEETING_CAPACITY)))
        last = self.end + dt.timedelta(days=PLANNED_AHEAD_DAYS)
        self.meetings: list[tuple[list[dt.datetime], list[int], list[bool]]] = []
        for index, team_id in enumerate(self.people.team_ids):
            weekdays = {(index + j) % 5 for j in range(per_week)}
            hour = MEETING_HOURS[index % len(MEETING_HOURS)]
            meetings = []
            day = self.first_day
            while day <= last:
                if day.weekday() in weekdays:
                    starts = dt.datetime.combine(day, dt.time(hour), tzinfo=self.tz)
                    closed = starts + dt.timedelta(hours=4) <= self.now
                    lead = self.people.leads[index]
                    meetings.append(
                        Meeting(
                            team_id=team_id,
                            lead_id=lead,
                            starts_at=starts,
                            location=rng.choice(["Vergaderruimte 3", "Online", "Teamkamer"]),
                            status=Meeting.Status.CLOSED if closed else Meeting.Status.PLANNED,
                            minutes=rng.choice(MINUTES) if closed else "",
                            created_at=starts - dt.timedelta(days=7),
                            started_at=starts if closed else None,
                            closed_at=starts + dt.timedelta(hours=2) if closed else None,
                        )
                    )
                day += dt.timedelta(days=1)
            Meeting.objects.bulk_create(meetings, batch_size=BATCH_SIZE)
            through = Meeting.participants.through
            participants = []
            for meeting in meetings:
                chosen = rng.sample(self.people.professionals[index], 3)
                participants += [
                    through(meeting_id=meeting.pk, user_id=pk)
                    for pk in [self.people.leads[index], *chosen]
                ]
            through.objects.bulk_create(participants, batch_size=BATCH_SIZE)
            self.meetings.append(
                (
                    [m.starts_at for m in meetings],
                    [m.pk for m in meetings],
                    [m.status == Meeting.Status.CLOSED for m in meetings],
                )
            )
            self.counts["meetings"] += len(meetings)

    @property
    def meeting_count(self) -> int:
        return self.counts["meetings"]

    def _next_meeting(self, team_index: int, after: dt.datetime):
        starts, pks, closed = self.meetings[team_index]
        index = bisect.bisect_left(starts, after)
        if index >= len(starts):
            return None
        return starts[index], pks[index], closed[index]

    # Cases ----------------------------------------------------------------------------

    def _submitted_at(self, index: int) -> dt.datetime:
        """A steady stream over the working days, 8:00 to 17:30, in the order of the index."""
        position = (index + self.rng.random()) / self.n_cases * len(self.workdays)
        day_index = min(int(position), len(self.workdays) - 1)
        fraction = position - day_index
        start = dt.datetime.combine(self.workdays[day_index], dt.time(8), tzinfo=self.tz)
        return start + dt.timedelta(seconds=int(fraction * 9.5 * 3600))

    def chunk(self, first: int, size: int) -> None:
        from django.db import transaction

        batch = Batch()
        for index in range(first, first + size):
            self._case(index, batch)
        with transaction.atomic():
            batch.save()
        for rule_id, case in batch.signalled:
            self.signalled[rule_id][1].add(case.pk)
        for key, value in batch.counts().items():
            self.counts[key] += value

    def _case(self, index: int, batch: Batch) -> None:
        from cases.keywords import keywords
        from cases.models import Case

        rng = self.rng
        people, taxonomy = self.people, self.taxonomy
        team_index = rng.randrange(len(people.team_ids))
        regulations, cumulative = self.regulation_choices[team_index]
        regulation = rng.choices(regulations, cum_weights=cumulative)[0]
        rule = rng.choice(taxonomy.rules_by_regulation[regulation])
        topic_key = (regulation, rule.reference)
        if rng.random() < 0.1:
            # People do not always pick the rule the story is about.
            topic_key = rng.choice(list(TOPICS))
        texts = compose(rng, topic_key)
        proposed_rule = ""
        rule_id = rule.pk
        if rng.random() < 0.04:
            rule_id, proposed_rule = None, rng.choice(PROPOSED_RULES)
        barrier_id = None
        if rng.random() >= NO_BARRIER_SHARE:
            barrier_id = rng.choices(
                taxonomy.barrier_ids, cum_weights=taxonomy.barrier_cum_weights
            )[0]
        author = rng.choice(people.professionals[team_index])
        submitted = self._submitted_at(index)
        created = submitted - dt.timedelta(minutes=rng.randrange(10, 3 * 24 * 60))
        harm_date = None
        if rng.random() < 0.4:
            harm_date = submitted.date() + dt.timedelta(days=rng.randrange(7, 60))
        case = Case(
            team_id=people.team_ids[team_index],
            author_id=author,
            rule_id=rule_id,
            proposed_rule=proposed_rule,
            barrier_id=barrier_id,
            harm_date=harm_date,
            keywords=keywords(
                texts["title"],
                texts["situation"],
                texts["effect"],
                texts["conflict"],
                proposed_rule,
            ),
            created_at=created,
            submitted_at=submitted,
            **texts,
        )
        batch.cases.append(case)
        for value_id in rng.sample(taxonomy.value_ids, rng.randint(1, 3)):
            batch.case_values.append((case, value_id))
        roll = rng.random()
        if roll < DRAFT_SHARE:
            case.status, case.submitted_at = "draft", None
            case.created_at = submitted
            case.updated_at = submitted + dt.timedelta(hours=rng.randrange(1, 48))
        elif roll < DRAFT_SHARE + WITHDRAWN_SHARE:
            case.status = "withdrawn"
            case.updated_at = min(self.now, submitted + dt.timedelta(hours=rng.randrange(2, 240)))
        elif roll < DRAFT_SHARE + WITHDRAWN_SHARE + BACKLOG_SHARE:
            case.status, case.updated_at = "submitted", submitted
        else:
            self._consultation(case, team_index, topic_key, batch)
        case.updated_at = min(case.updated_at, self.now)

    # The consultation and what follows ---------------------------------------------------

    def _kind(self, team_index: int, weights: dict[str, int], exclude=()) -> str:
        departs = self.team_departs[team_index]
        adjusted = {
            kind: weight * (departs if kind in DEPARTING else 1.0)
            for kind, weight in weights.items()
            if kind not in exclude
        }
        keys, cumulative = _cumulative(adjusted)
        return self.rng.choices(keys, cum_weights=cumulative)[0]

    def _decision(self, case, kind: str, author: int, at: dt.datetime, topic, batch, **links):
        from deliberations.models import Decision

        rng = self.rng
        rationale = rng.choice(RATIONALES[kind])
        if kind != "postpone":
            conflicts = TOPICS[topic]["conflicts"] + GENERIC_CONFLICTS
            rationale = f"{rationale} {rng.choice(conflicts)}"
        chafes = bool(
            case.rule_id and rng.random() < CHAFES[kind] * self.rule_chafes.get(case.rule_id, 1.0)
        )
        final = kind in FINAL_KINDS
        decision = Decision(
            case=case,
            author_id=author,
            kind=kind,
            rationale=rationale,
            values_weighing=rng.choice(WEIGHINGS) if final and rng.random() < 0.6 else "",
            backing=rng.random() < (0.75 if kind in DEPARTING else 0.3),
            rule_chafes=chafes,
            refer_to=rng.choice(REFER_TO) if kind == "refer" else "",
            evaluate_on=(
                at.date() + dt.timedelta(days=rng.randrange(28, 120))
                if final and rng.random() < EVALUATE_SHARE
                else None
            ),
            difference=rng.choice(DIFFERENCES) if kind in DEPARTING and rng.random() < 0.25 else "",
            frozen=True,
            created_at=at,
            **links,
        )
        batch.decisions.append(decision)
        count = rng.randint(1, 3) if kind != "postpone" else rng.randint(0, 1)
        for value_id in rng.sample(self.taxonomy.value_ids, count):
            batch.decision_values.append((decision, value_id))
        if chafes:
            entry = self.signalled.setdefault(case.rule_id, [at, set()])
            entry[0] = min(entry[0], at)
            batch.signalled.append((case.rule_id, case))  # the case's id once it is saved
        return decision

    def _consultation(self, case, team_index: int, topic, batch: Batch) -> None:
        from deliberations.models import AgendaItem, Escalation

        rng = self.rng
        lead = self.people.leads[team_index]
        after = case.submitted_at + dt.timedelta(hours=20)
        case.status, case.updated_at = "submitted", case.submitted_at
        final = None
        for attempt in range(MAX_MEETINGS_PER_CASE):
            meeting = self._next_meeting(team_index, after)
            if meeting is None:
                return
            starts, meeting_id, closed = meeting
            if not closed:
                if rng.random() < SCHEDULED_SHARE:
                    position = self._position(meeting_id)
                    batch.items.append(
                        AgendaItem(meeting_id=meeting_id, case=case, position=position)
                    )
                    case.status = "scheduled"
                    case.updated_at = max(case.updated_at, starts - dt.timedelta(days=3))
                return
            position = self._position(meeting_id)
            last_chance = attempt == MAX_MEETINGS_PER_CASE - 1
            weights = FIRST_KINDS if attempt == 0 else {**FIRST_KINDS, "postpone": 5}
            kind = self._kind(team_index, weights, exclude=("postpone",) if last_chance else ())
            item = AgendaItem(
                meeting_id=meeting_id,
                case=case,
                position=position,
                state="postponed" if kind == "postpone" else "decided",
                notes=rng.choice(AGENDA_NOTES) if rng.random() < 0.3 else "",
            )
            batch.items.append(item)
            at = starts + dt.timedelta(minutes=5 + 4 * (position % 45))
            decision = self._decision(case, kind, lead, at, topic, batch, agenda_item=item)
            case.updated_at = at
            if kind == "postpone":
                after = starts + dt.timedelta(hours=20)
                continue
            if kind == "escalate":
                case.status = "escalated"
                director = self.people.directors[team_index]
                answered = at + dt.timedelta(days=rng.randrange(2, 25), hours=rng.randrange(8))
                left_open = answered > self.now or rng.random() < ESCALATION_LEFT_OPEN
                escalation = Escalation(
                    case=case,
                    decision=decision,
                    director_id=director,
                    question=rng.choice(ESCALATION_QUESTIONS),
                    status="open" if left_open else "answered",
                    created_at=at,
                    answered_at=None if left_open else answered,
                )
                batch.escalations.append(escalation)
                if left_open:
                    return
                kind = self._kind(team_index, ANSWER_KINDS)
                decision = self._decision(
                    case, kind, director, answered, topic, batch, escalation=escalation
                )
                batch.answers.append(decision)
                case.updated_at = answered
            case.status = "decided"
            final = decision
            break
        if final is None:
            return  # postponed at every meeting so far and waiting for the next
        if rng.random() < SUPERSEDE_SHARE:
            at = final.created_at + dt.timedelta(days=rng.randrange(3, 40))
            if at <= self.now:
                kind = self._kind(team_index, ANSWER_KINDS, exclude=(final.kind,))
                correction = self._decision(case, kind, lead, at, topic, batch, supersedes=final)
                correction.supersede_reason = rng.choice(SUPERSEDE_REASONS)
                batch.corrections.append(correction)
                final = correction
                case.updated_at = at
        self._follow_up(case, team_index, final, batch)

    def _position(self, meeting_id: int) -> int:
        position = self.positions.get(meeting_id, 0) + 1
        self.positions[meeting_id] = position
        return position

    def _follow_up(self, case, team_index: int, decision, batch: Batch) -> None:
        from deliberations.models import Action, Outcome
        from digests.models import Story

        rng = self.rng
        decided = decision.created_at
        all_done = True
        for _ in range(rng.choices((0, 1, 2, 3), weights=(25, 45, 22, 8))[0]):
            due = decided.date() + dt.timedelta(days=rng.randrange(5, 42))
            done_at = None
            if rng.random() < ACTION_DONE_SHARE:
                days = rng.randrange(1, (due - decided.date()).days + 21)
                done_at = decided + dt.timedelta(days=days, hours=rng.randrange(6))
                if done_at > self.now:
                    done_at = None
            owner = case.author_id if rng.random() < 0.7 else self.people.leads[team_index]
            batch.actions.append(
                Action(
                    decision=decision,
                    case=case,
                    description=rng.choice(ACTIONS),
                    owner_id=owner,
                    due_on=due,
                    done_at=done_at,
                    done_by_id=owner if done_at else None,
                )
            )
            all_done = all_done and done_at is not None
            if done_at:
                case.updated_at = max(case.updated_at, done_at)
        if decision.evaluate_on is None or decision.evaluate_on > self.end:
            return
        if rng.random() >= OUTCOME_SHARE:
            return
        recorded = dt.datetime.combine(decision.evaluate_on, dt.time(9), tzinfo=self.tz)
        recorded += dt.timedelta(days=rng.randrange(0, 30), hours=rng.randrange(8))
        if recorded > self.now:
            return
        served = rng.choices(("yes", "partly", "no"), weights=SERVED[decision.kind])[0]
        batch.outcomes.append(
            Outcome(
                case=case,
                decision=decision,
                author_id=case.author_id,
                served=served,
                note=rng.choice(OUTCOME_NOTES[served]),
                created_at=recorded,
            )
        )
        if not all_done:
            return
        case.status = "closed"
        case.updated_at = max(case.updated_at, recorded)
        if served == "yes" and decision.kind in DEPARTING and rng.random() < STORY_SHARE:
            published = recorded + dt.timedelta(days=rng.randrange(1, 20))
            if published <= self.now:
                batch.stories.append(
                    Story(
                        case=case,
                        author_id=self.people.leads[team_index],
                        title=case.title,
                        text=f"{case.effect} {decision.rationale}",
                        lesson=rng.choice(LESSONS),
                        published_at=published,
                    )
                )

    # Signals ---------------------------------------------------------------------------

    def create_signals(self) -> None:
        """One signal per rule that decisions flagged as chafing, with its cases and history."""
        from django.db import transaction

        from digests.models import Signal, SignalEvent

        rng = self.rng
        through = Signal.cases.through
        with transaction.atomic():
            for rule_id in sorted(self.signalled):
                first, case_ids = self.signalled[rule_id]
                age = (self.now - first).days
                if age > 180:
                    weights = (15, 15, 30, 25, 15)
                elif age > 60:
                    weights = (35, 35, 20, 0, 10)
                else:
                    weights = (70, 25, 5, 0, 0)
                state = rng.choices(
                    ("open", "under_review", "taken_up", "changed", "declined"), weights=weights
                )[0]
                path = {
                    "open": ["open"],
                    "under_review": ["open", "under_review"],
                    "taken_up": ["open", "under_review", "taken_up"],
                    "changed": ["open", "under_review", "taken_up", "changed"],
                    "declined": ["open", "under_review", "declined"],
                }[state]
                step = (self.now - first) / (len(path) + 1)
                times = [first + step * n for n in range(len(path))]
                signal = Signal.objects.create(
                    rule_id=rule_id,
                    state=state,
                    taken_up_with=rng.choice(SIGNAL_TAKEN_UP_WITH) if "taken_up" in path else "",
                    reason=rng.choice(SIGNAL_REASONS) if state == "declined" else "",
                    created_at=first,
                    updated_at=times[-1],
                )
                actor = rng.choice(self.people.director_ids)
                SignalEvent.objects.bulk_create(
                    [
                        SignalEvent(
                            signal=signal,
                            actor_id=actor,
                            from_state=path[n - 1] if n else "",
                            to_state=to_state,
                            created_at=times[n],
                        )
                        for n, to_state in enumerate(path)
                    ]
                )
                through.objects.bulk_create(
                    [through(signal_id=signal.pk, case_id=pk) for pk in sorted(case_ids)],
                    batch_size=BATCH_SIZE,
                )
                self.counts["signals"] += 1


class Batch:
    """One chunk's rows, saved parents first so that every foreign key has its id."""

    def __init__(self) -> None:
        self.cases: list = []
        self.case_values: list = []
        self.items: list = []
        self.decisions: list = []  # all, in the order made
        self.answers: list = []  # the directors' answers (need their escalation saved first)
        self.corrections: list = []  # superseding decisions (need the superseded one)
        self.decision_values: list = []
        self.escalations: list = []
        self.actions: list = []
        self.outcomes: list = []
        self.stories: list = []
        self.signalled: list = []

    def counts(self) -> dict[str, int]:
        return {
            "agenda_items": len(self.items),
            "decisions": len(self.decisions),
            "escalations": len(self.escalations),
            "actions": len(self.actions),
            "outcomes": len(self.outcomes),
            "stories": len(self.stories),
        }

    def save(self) -> None:
        from cases.models import Case
        from deliberations.models import Action, AgendaItem, Decision, Escalation, Outcome
        from digests.models import Story

        Case.objects.bulk_create(self.cases, batch_size=BATCH_SIZE)
        values = Case.public_values.through
        values.objects.bulk_create(
            [values(case_id=case.pk, publicvalue_id=pk) for case, pk in self.case_values],
            batch_size=BATCH_SIZE,
        )
        AgendaItem.objects.bulk_create(self.items, batch_size=BATCH_SIZE)
        later = {id(d) for d in self.answers} | {id(d) for d in self.corrections}
        Decision.objects.bulk_create(
            [d for d in self.decisions if id(d) not in later], batch_size=BATCH_SIZE
        )
        Escalation.objects.bulk_create(self.escalations, batch_size=BATCH_SIZE)
        Decision.objects.bulk_create(self.answers, batch_size=BATCH_SIZE)
        # A correction may correct an answer, never another correction.
        Decision.objects.bulk_create(self.corrections, batch_size=BATCH_SIZE)
        weighed = Decision.public_values.through
        weighed.objects.bulk_create(
            [weighed(decision_id=d.pk, publicvalue_id=pk) for d, pk in self.decision_values],
            batch_size=BATCH_SIZE,
        )
        Action.objects.bulk_create(self.actions, batch_size=BATCH_SIZE)
        Outcome.objects.bulk_create(self.outcomes, batch_size=BATCH_SIZE)
        Story.objects.bulk_create(self.stories, batch_size=BATCH_SIZE)


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"Not a date (YYYY-MM-DD): {text}") from exc


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Create one organisation, its teams and people, and N cases with meetings, "
        "decisions, actions, escalations, outcomes and signals, with a fixed seed. Benchmark "
        "databases only."
    )
    parser.add_argument("--cases", type=int, required=True, help="number of cases")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--teams", type=int, default=len(TEAMS))
    parser.add_argument("--days", type=int, default=365, help="spread over the last D days")
    parser.add_argument("--end", type=_day, help="last day, YYYY-MM-DD (default: today)")
    parser.add_argument("--force", action="store_true", help="also on a database with other data")
    args = parser.parse_args(argv)
    setup_django()
    from django.db import connection

    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    try:
        made = generate(
            args.cases,
            seed=args.seed,
            teams=args.teams,
            days=args.days,
            end=args.end,
            force=args.force,
        )
    except NotABenchDatabase as exc:
        sys.exit(f"Refused: {exc}")
    except ValueError as exc:
        sys.exit(str(exc))
    print(", ".join(f"{key} {value}" for key, value in made.items()))


if __name__ == "__main__":
    main()
