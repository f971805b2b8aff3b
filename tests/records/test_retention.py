"""Retention: closed and withdrawn cases past their period lose their free text to a marker, in
one logged run that the database lets through; structure, dates and digests stay."""

from __future__ import annotations

import datetime as dt
import re
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from cases import retention
from cases import services as case_services
from cases.models import AnonymisationRun, Case, CaseEvent, CaseStatus, Comment, RetentionPolicy
from cases.retention import MARKER, anonymise_expired_cases
from cases.tasks import anonymise_expired_cases as nightly_task
from deliberations import services
from deliberations.models import Action, AgendaItem, Decision, Meeting, Outcome
from digests.models import Story
from digests.patterns import build_digest
from digests.services import publish_story
from organisations import clock
from tests.deliberations.conftest import action, spec

NOW = timezone.now()
EIGHT_YEARS_AGO = NOW - dt.timedelta(days=8 * 365)
THREE_YEARS_AGO = NOW - dt.timedelta(days=3 * 365)

# Every free text this world writes, with a word that appears nowhere else.
SENTINEL = "Zonnebloemveld"


def _case(author, team, rule, title):
    case, _ = case_services.create_case(
        author=author,
        team=team,
        data={
            "title": f"{title} {SENTINEL}",
            "situation": f"Oma ontvangt AIO; de kleinzoon logeert in {SENTINEL}.",
            "rule": rule,
            "effect": f"De norm verlaagt haar AIO {SENTINEL}.",
            "conflict": f"Zij betaalt de woonlasten alleen {SENTINEL}.",
            "question": f"Laten we de norm buiten toepassing {SENTINEL}?",
        },
        submit=True,
    )
    return case


def closed_case(team, rule, professional, colleague, lead, at: dt.datetime, title: str) -> Case:
    """A case that went the whole way, at `at`: input, meeting, decision, action done, outcome
    (which closes it), a good example."""
    with clock.at(at):
        case = _case(professional, team, rule, title)
        case_services.add_comment(case=case, author=colleague, text=f"Klinkt redelijk {SENTINEL}")
        meeting = services.plan_meeting(
            team=team, lead=lead, starts_at=at, participants=[lead], cases=[case]
        )
        services.start_meeting(meeting=meeting, actor=lead)
        services.save_notes(item=meeting.items.get(), actor=lead, notes=f"Notitie {SENTINEL}")
        services.save_minutes(meeting=meeting, actor=lead, minutes=f"Verslag {SENTINEL}", version=1)
        decision = services.record_decision(
            item=meeting.items.get(),
            author=lead,
            spec=spec(
                rationale=f"Dit dient de bedoeling {SENTINEL}.",
                values_weighing=f"Menselijke maat weegt zwaarder {SENTINEL}",
                actions=[action(professional, description=f"Brief sturen {SENTINEL}")],
            ),
        )
        services.close_meeting(meeting=meeting, actor=lead)
        services.mark_action_done(action=decision.actions.get(), actor=professional)
        services.record_outcome(
            case=case, author=professional, served="yes", note=f"Het werkte {SENTINEL}"
        )
        publish_story(
            case=case,
            author=lead,
            title=f"Maatwerk {SENTINEL}",
            text=f"Het verhaal {SENTINEL}",
            lesson=f"De les {SENTINEL}",
        )
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    return case


@pytest.fixture
def world(team, rule, professional, colleague, lead):
    """Two cases closed eight years ago, one withdrawn eight years ago (all past the seven years
    of the AIO), one closed three years ago, and one old case that is still open."""
    old = closed_case(team, rule, professional, colleague, lead, EIGHT_YEARS_AGO, "Oud")
    old_too = closed_case(team, rule, professional, colleague, lead, EIGHT_YEARS_AGO, "Ook oud")
    recent = closed_case(team, rule, professional, colleague, lead, THREE_YEARS_AGO, "Recent")
    with clock.at(EIGHT_YEARS_AGO):
        withdrawn = _case(professional, team, rule, "Ingetrokken")
        case_services.withdraw(case=withdrawn, actor=professional, reason=f"Dubbel {SENTINEL}")
        still_open = _case(professional, team, rule, "Nog open")
    return {
        "old": old,
        "old_too": old_too,
        "withdrawn": withdrawn,
        "recent": recent,
        "open": still_open,
    }


# Every free text about a case, per model: (model, path to the case, fields).
TEXTS = [
    (Case, "pk", Case.TEXT_FIELDS),
    (Comment, "case", ["text"]),
    (Decision, "case", ["rationale", "values_weighing"]),
    (Action, "case", ["description"]),
    (AgendaItem, "case", ["notes"]),
    (Outcome, "case", ["note"]),
    (Story, "case", ["title", "text", "lesson"]),
    (Meeting, "items__case", ["minutes"]),
]


def texts_of(case: Case) -> list[str]:
    found = []
    for model, path, fields in TEXTS:
        for row in model.objects.filter(**{path: case.pk}).values(*fields):
            found.extend(row.values())
    found.extend(case.events.exclude(note="").values_list("note", flat=True))
    return found


def mentions(case: Case) -> int:
    return sum(SENTINEL in text for text in texts_of(case))


def test_a_dry_run_changes_nothing_and_reports_the_counts(world):
    before = {name: texts_of(case) for name, case in world.items()}
    run = anonymise_expired_cases(source="test", dry_run=True)
    assert sorted(run.case_ids) == sorted(world[n].pk for n in ("old", "old_too", "withdrawn"))
    assert run.counts["cases"] == 3
    assert run.counts["cases.case"] == 3
    assert run.counts["cases.comment"] == 2
    assert run.counts["deliberations.decision"] == 2
    assert run.counts["deliberations.action"] == 2
    assert run.counts["deliberations.outcome"] == 2
    assert run.counts["deliberations.meeting"] == 2
    assert run.counts["digests.story"] == 2
    assert run.dry_run and run.finished_at is not None
    assert {name: texts_of(case) for name, case in world.items()} == before
    assert not CaseEvent.objects.filter(kind=CaseEvent.Kind.ANONYMISED).exists()


def test_the_run_anonymises_only_the_cases_past_their_period(world):
    run = anonymise_expired_cases(source="test")
    assert not run.dry_run
    for name in ("old", "old_too", "withdrawn"):
        case = world[name]
        assert mentions(case) == 0, name
        assert set(texts_of(case)) <= {MARKER, "", *_label_notes(case)}, name
    assert mentions(world["recent"]) > 10  # case, input, notes, minutes, decision, story, …
    assert mentions(world["open"]) == 5  # the case's five texts


def _label_notes(case: Case) -> set[str]:
    return set(
        case.events.filter(kind__in=retention.LABEL_NOTES).values_list("note", flat=True)
    ) | {str(run.pk) for run in AnonymisationRun.objects.all()}


def test_structure_and_dates_stay(world):
    case = world["old"]
    decision = case.decisions.get()
    before = (
        case.rule_id,
        case.barrier_id,
        case.status,
        case.created_at,
        case.submitted_at,
        case.keywords,
        list(case.public_values.values_list("pk", flat=True)),
        decision.kind,
        decision.backing,
        decision.created_at,
        list(decision.public_values.values_list("pk", flat=True)),
        list(case.events.values_list("kind", "created_at", "to_status")),
    )
    anonymise_expired_cases(source="test")
    case.refresh_from_db()
    decision.refresh_from_db()
    after = (
        case.rule_id,
        case.barrier_id,
        case.status,
        case.created_at,
        case.submitted_at,
        case.keywords,
        list(case.public_values.values_list("pk", flat=True)),
        decision.kind,
        decision.backing,
        decision.created_at,
        list(decision.public_values.values_list("pk", flat=True)),
        list(case.events.exclude(kind="anonymised").values_list("kind", "created_at", "to_status")),
    )
    assert after == before
    assert decision.frozen and case.outcome.served == "yes"


def test_the_timeline_records_that_and_when_a_case_was_anonymised(world):
    run = anonymise_expired_cases(source="test")
    event = world["old"].events.get(kind=CaseEvent.Kind.ANONYMISED)
    assert run.started_at <= event.created_at <= run.finished_at
    assert event.actor.username == retention.ARCHIVE_USERNAME
    assert not event.actor.is_active and not event.actor.has_usable_password()
    assert event.note == str(run.pk)
    assert not world["recent"].events.filter(kind=CaseEvent.Kind.ANONYMISED).exists()


def test_a_second_run_finds_nothing_left(world):
    anonymise_expired_cases(source="test")
    again = anonymise_expired_cases(source="test")
    assert again.case_ids == [] and again.counts == {"cases": 0}
    assert CaseEvent.objects.filter(kind=CaseEvent.Kind.ANONYMISED).count() == 3


def test_the_organisations_own_period_overrides_the_default(world, organisation):
    RetentionPolicy.objects.create(organisation=organisation, years=2)
    assert world["recent"].pk in anonymise_expired_cases(source="test", dry_run=True).case_ids
    RetentionPolicy.objects.filter(organisation=organisation).update(years=10)
    assert anonymise_expired_cases(source="test", dry_run=True).case_ids == []


def test_the_default_comes_from_the_selection_list_table():
    table = retention.default_years()
    assert table["PW"] == 10 and table["AIO"] == 7 and table["*"] == 7
    assert retention.years_for(None, "PW") == 10
    assert retention.years_for(None, "onbekend") == table["*"]
    assert retention.years_for(None, None) == table["*"]
    assert retention.years_for(3, "PW") == 3


def test_the_marker_is_the_one_the_triggers_accept():
    migration = Path(settings.BASE_DIR, "cases/migrations/0009_append_only_records.py")
    literal = re.search(r'^MARKER = "(.*)"$', migration.read_text(), re.MULTILINE).group(1)
    assert literal.encode().decode("unicode_escape") == MARKER


def test_digest_figures_are_the_same_after_anonymisation(world, team):
    start = (EIGHT_YEARS_AGO - dt.timedelta(days=30)).date()
    end = timezone.localdate()
    before = (build_digest(None, start, end), build_digest(team, start, end))
    # The digest has something to lose: the period's cases, decisions, outcomes and examples.
    assert before[0]["counts"] and before[0]["decision_mix"] and before[0]["outcomes"]
    assert before[0]["examples"]
    anonymise_expired_cases(source="test")
    assert (build_digest(None, start, end), build_digest(team, start, end)) == before


def test_the_minutes_wait_for_every_case_on_the_agenda(team, rule, professional, colleague, lead):
    """A meeting with an expired and a recent case keeps its minutes until both expire."""
    with clock.at(EIGHT_YEARS_AGO):
        first = _case(professional, team, rule, "Eerste")
        second = _case(professional, team, rule, "Tweede")
        meeting = services.plan_meeting(
            team=team, lead=lead, starts_at=EIGHT_YEARS_AGO, participants=[], cases=[first, second]
        )
        services.start_meeting(meeting=meeting, actor=lead)
        services.save_minutes(meeting=meeting, actor=lead, minutes=f"Verslag {SENTINEL}", version=1)
        first_item = meeting.items.get(case=first)
        services.save_notes(item=first_item, actor=lead, notes=f"Notitie {SENTINEL}")
        services.record_decision(item=first_item, author=lead, spec=spec())
        services.close_meeting(meeting=meeting, actor=lead, postpone_open=True)
        services.record_outcome(case=first, author=professional, served="yes", note="Goed")
    run = anonymise_expired_cases(source="test")
    assert run.case_ids == [first.pk]
    first_item.refresh_from_db()
    assert first_item.notes == MARKER
    meeting.refresh_from_db()
    assert meeting.minutes == f"Verslag {SENTINEL}"  # the second case is still open


def test_the_command_has_a_dry_run(world):
    out = StringIO()
    call_command("anonymise_expired_cases", "--dry-run", stdout=out)
    assert "Would anonymise 3 cases" in out.getvalue()
    assert "digests.story: 2 rows" in out.getvalue()
    assert mentions(world["old"]) > 0
    call_command("anonymise_expired_cases", stdout=out)
    assert "Anonymised 3 cases" in out.getvalue()
    assert mentions(world["old"]) == 0
    assert list(AnonymisationRun.objects.values_list("source", "dry_run")) == [
        ("command", False),
        ("command", True),
    ]


def test_the_nightly_job_runs_the_same_path(world):
    schedule = settings.BEDOELING_SCHEDULE["anonymise-expired-cases"]
    assert schedule["task"] == "cases.tasks.anonymise_expired_cases"
    run = AnonymisationRun.objects.get(pk=nightly_task())
    assert run.source == "beat" and len(run.case_ids) == 3
    assert mentions(world["old"]) == 0


# On PostgreSQL: that path and nothing else.


def _sql(statement: str, params=(), *, run: int | None = None) -> None:
    """Run one statement in its own transaction, naming `run` as the anonymisation run first."""
    with transaction.atomic(), connection.cursor() as cursor:
        if run is not None:
            cursor.execute("SELECT set_config('bedoeling.anonymisation_run', %s, true)", [str(run)])
        cursor.execute(statement, params)


def test_a_raw_update_outside_the_path_is_still_refused(postgres, world):
    anonymise_expired_cases(source="test")
    case = world["old"]
    decision = case.decisions.get()
    story = case.stories.get()
    with pytest.raises(IntegrityError, match="frozen decision"):
        _sql("UPDATE deliberations_decision SET rationale = 'terug' WHERE id = %s", [decision.pk])
    with pytest.raises(IntegrityError, match="good example"):
        _sql("UPDATE digests_story SET text = %s WHERE id = %s", [MARKER, story.pk])
    with pytest.raises(IntegrityError, match="timeline"):
        _sql("UPDATE cases_caseevent SET note = %s WHERE case_id = %s", [MARKER, case.pk])
    # A finished run opens nothing, not even for the marker.
    finished = AnonymisationRun.objects.get()
    with pytest.raises(IntegrityError, match="frozen decision"):
        _sql(
            "UPDATE deliberations_decision SET rationale = %s WHERE id = %s",
            [MARKER, world["recent"].decisions.get().pk],
            run=finished.pk,
        )


def test_even_an_open_run_only_lets_the_marker_through(postgres, world):
    run = AnonymisationRun.objects.create(source="test").pk
    decision = world["recent"].decisions.get()
    for statement in (
        "UPDATE deliberations_decision SET rationale = 'herschreven' WHERE id = %s",
        "UPDATE deliberations_decision SET kind = 'apply_rule' WHERE id = %s",
        "DELETE FROM deliberations_decision WHERE id = %s",
    ):
        with pytest.raises(IntegrityError, match="frozen decision"):
            _sql(statement, [decision.pk], run=run)
    with pytest.raises(IntegrityError, match="frozen decision"):
        dry = AnonymisationRun.objects.create(source="test", dry_run=True).pk
        _sql(
            "UPDATE deliberations_decision SET rationale = %s WHERE id = %s",
            [MARKER, decision.pk],
            run=dry,
        )
    _sql(
        "UPDATE deliberations_decision SET rationale = %s WHERE id = %s",
        [MARKER, decision.pk],
        run=run,
    )
    decision.refresh_from_db()
    assert decision.rationale == MARKER


def test_the_link_to_the_zaak_goes_with_the_text(world):
    Case.objects.filter(pk__in=[world["old"].pk, world["recent"].pk]).update(
        zaak_reference="ZAAK-2018-0000042"
    )
    anonymise_expired_cases(source="test")
    assert Case.objects.get(pk=world["old"].pk).zaak_reference == MARKER
    assert Case.objects.get(pk=world["recent"].pk).zaak_reference == "ZAAK-2018-0000042"
    assert Case.objects.get(pk=world["old"].pk).zaak.link == ""
