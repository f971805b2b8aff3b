"""Every figure of a digest, asserted exactly on hand-made data (digests.patterns)."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from cases import services as case_services
from cases.models import Barrier, Case, PublicValue, Rule
from cases.similar import SIMILAR_ENOUGH
from deliberations import services
from deliberations.models import Decision
from deliberations.services import ActionSpec, DecisionSpec
from digests import patterns as digest_patterns
from digests.models import Signal, Story
from digests.patterns import build_digest, median, nearest_rank, previous_period
from digests.services import publish_story
from digests.threads import labels_for
from organisations.models import Role
from tests.factories import MembershipFactory, OrganisationFactory, TeamFactory, legal_ground

TZ = timezone.get_fixed_timezone(60)  # Europe/Amsterdam in November
START, END = dt.date(2026, 11, 2), dt.date(2026, 11, 8)

GRANDMA = {
    "situation": "Oma ontvangt AOW en AIO. Kleinzoon studeert en logeert doordeweeks bij oma.",
    "effect": "Kostendelersnorm verlaagt de AIO van oma omdat de kleinzoon logeert.",
    "conflict": "Kleinzoon betaalt geen woonlasten; oma komt niet meer rond met AIO.",
    "question": "Kostendelersnorm buiten toepassing laten?",
}
BANK = {
    "situation": "Klant levert bankafschriften aan als download uit de bankapp.",
    "effect": "Afdeling inkomen weigert download en eist bankafschriften als pdf.",
    "conflict": "Download toont dezelfde afschrijvingen; pdf eisen kost weken uitkering.",
    "question": "Accepteren we bankafschriften als download?",
}


def at(day: int, hour: int = 10, month: int = 11):
    return time_machine.travel(dt.datetime(2026, month, day, hour, tzinfo=TZ), tick=False)


@pytest.fixture
def world(db):
    organisation = OrganisationFactory()
    team = TeamFactory(organisation=organisation, name="Inkomen Noord")
    other = TeamFactory(organisation=organisation, name="Inkomen Zuid")
    pro = MembershipFactory(team=team, role=Role.PROFESSIONAL, user__username="pro").user
    lead = MembershipFactory(team=team, role=Role.LEAD, user__username="lead").user
    director = MembershipFactory(team=team, role=Role.DIRECTOR, user__username="dir").user
    other_pro = MembershipFactory(team=other, role=Role.PROFESSIONAL, user__username="zuid").user
    r1 = Rule.objects.get(regulation__short_name="AIO", reference="kostendelersnorm")
    r2 = Rule.objects.get(regulation__short_name="PW", reference="bewijsstukken bankafschriften")
    law = Barrier.objects.get(name="wet- en regelgeving")
    departments = Barrier.objects.get(name="afdelingen vinden elkaar niet")
    human = PublicValue.objects.get(name="menselijke maat")
    legal = PublicValue.objects.get(name="rechtmatigheid")

    def file(author, team, title, text, rule, barrier, day, hour=10, month=11):
        with at(day, hour, month):
            case, _ = case_services.create_case(
                author=author,
                team=team,
                data={"title": title, "rule": rule, "barrier": barrier, **text},
                submit=True,
            )
        return case

    previous = file(pro, team, "Oma eerder", GRANDMA, r1, law, 28, month=10)
    c1 = file(pro, team, "Oma een", GRANDMA, r1, law, 2)
    c2 = file(pro, team, "Oma twee", GRANDMA, r1, law, 3)
    c3 = file(pro, team, "Oma drie", GRANDMA, r1, law, 4, hour=9)
    c4 = file(pro, team, "Bank een", BANK, r2, departments, 4)
    c5 = file(pro, team, "Bank twee", BANK, r2, departments, 5)
    zuid = file(other_pro, other, "Oma in Zuid", GRANDMA, r1, law, 3)

    with at(6, 9):
        meeting = services.plan_meeting(
            team=team,
            lead=lead,
            starts_at=timezone.now(),
            participants=[lead, pro],
            cases=[c1, c2, c3, c4, c5],
        )
        services.start_meeting(meeting=meeting, actor=lead)
    items = {item.case_id: item for item in meeting.items.all()}

    def decide(case, **spec):
        with at(6, 10):
            return services.record_decision(
                item=items[case.pk],
                author=lead,
                spec=DecisionSpec(rationale=f"Waarom {case.title}", **spec),
            )

    decide(
        c1,
        kind="deviation",
        legal_ground=legal_ground(),
        rule_chafes=True,
        public_values=[human],
        evaluate_on=dt.date(2026, 12, 1),
        actions=[ActionSpec("Brief aan oma", pro, dt.date(2026, 11, 7))],
    )
    decide(c2, kind="apply_rule", public_values=[legal], evaluate_on=dt.date(2026, 11, 7))
    decide(c3, kind="postpone")
    decide(
        c4,
        kind="room_within_rules",
        legal_ground=legal_ground(),
        rule_chafes=True,
        public_values=[human],
        evaluate_on=dt.date(2026, 12, 1),
        actions=[ActionSpec("Werkinstructie aanpassen", lead, dt.date(2026, 11, 20))],
    )
    decide(
        c5,
        kind="escalate",
        director=director,
        question="Mag download?",
        evaluate_on=dt.date(2026, 12, 1),
    )
    with at(6, 12):
        services.close_meeting(meeting=meeting, actor=lead)
    with at(7):
        services.record_outcome(case=c1, author=pro, served="yes", note="Oma redt het.")
        services.record_outcome(case=c4, author=pro, served="partly", note="Deels.")
        publish_story(case=c4, author=lead, title="Download is ook bewijs", text="…", lesson="…")
    with at(12):
        # After the period: must not count.
        services.record_outcome(case=c2, author=pro, served="no", note="Te laat.")
    return {
        "team": team,
        "cases": [c1, c2, c3, c4, c5],
        "previous": previous,
        "zuid": zuid,
        "r1": r1,
        "r2": r2,
    }


def test_the_counts_and_days_to_decision(world):
    data = build_digest(world["team"], START, END)
    assert data["counts"] == {
        "submitted": 5,
        "decided": 3,  # c1, c2, c4; postpone and escalate do not decide
        "open": 3,  # previous (submitted), c3 (postponed), c5 (escalated)
        "days_to_decision_median": 3.0,  # c1: 4.0, c2: 3.0, c4: 2.0
        "days_to_decision_p90": 4.0,
    }


def test_the_rules_that_chafe_with_their_trend(world):
    rules = build_digest(world["team"], START, END)["rules"]
    assert rules == [
        {
            "rule_id": world["r1"].pk,
            "label": "AIO — kostendelersnorm",
            "cases": 3,
            "previous": 1,
            "change": 2,
        },
        {
            "rule_id": world["r2"].pk,
            "label": "PW — bewijsstukken bankafschriften",
            "cases": 2,
            "previous": 0,
            "change": 2,
        },
    ]


def test_barriers_by_kind_and_corner(world):
    barriers = build_digest(world["team"], START, END)["barriers"]
    assert [(row["name"], row["cases"]) for row in barriers["rows"]] == [
        ("wet- en regelgeving", 3),
        ("afdelingen vinden elkaar niet", 2),
    ]
    assert barriers["kinds"] == {"internal": 2, "external": 3}
    assert barriers["corners"] == {"value": 3, "capacity": 2, "legitimacy": 0}


def test_the_decision_mix_and_values_weighed(world):
    data = build_digest(world["team"], START, END)
    assert data["decision_mix"] == {
        "apply_rule": 1,
        "room_within_rules": 1,
        "deviation": 1,
        "refer": 0,
        "escalate": 1,
        "postpone": 1,
    }
    assert [(v["name"], v["count"]) for v in data["values"]] == [
        ("menselijke maat", 2),
        ("rechtmatigheid", 1),
    ]


def test_a_known_cluster_of_similar_cases(world):
    c1, c2, c3, *_ = world["cases"]
    patterns = build_digest(world["team"], START, END)["patterns"]
    assert len(patterns) == 1
    pattern = patterns[0]
    assert pattern["size"] == 3
    assert pattern["case_ids"] == [c1.pk, c2.pk, c3.pk]
    assert pattern["rule"] == "AIO — kostendelersnorm"
    assert "words" not in pattern  # words come from the cases' text: worked out when read
    words = labels_for(pattern["case_ids"])
    assert len(words) >= 2
    written = " ".join([c1.title, *GRANDMA.values()]).lower()
    # Real words of the texts, not stems.
    assert all(word.lower() in written for word in words), words


def test_a_known_consistency_flag(world):
    c1, c2, *_ = world["cases"]
    flags = build_digest(world["team"], START, END)["consistency_flags"]
    assert len(flags) == 1
    flag = flags[0]
    assert (flag["a"]["case_id"], flag["a"]["kind"]) == (c2.pk, "apply_rule")
    assert (flag["b"]["case_id"], flag["b"]["kind"]) == (c1.pk, "deviation")
    # Ids only: the page fetches the text of the cases its reader may see.
    assert flag["a"] == {
        "case_id": c2.pk,
        "team_id": world["team"].pk,
        "decision_id": Decision.objects.get(case=c2).pk,
        "kind": "apply_rule",
    }
    assert flag["b"]["decision_id"] == Decision.objects.get(case=c1).pk
    assert flag["similarity"] >= SIMILAR_ENOUGH
    assert flag["pattern"] == 0  # both are in the period's first group of similar cases
    assert flag["thread_id"] is None  # nobody named a thread yet


def test_rules_signalled_for_change(world):
    c1, _, _, c4, _ = world["cases"]
    signals = build_digest(world["team"], START, END)["signals"]
    assert [(s["rule"], s["count"], s["case_ids"], s["state"]) for s in signals] == [
        ("AIO — kostendelersnorm", 1, [c1.pk], "open"),
        ("PW — bewijsstukken bankafschriften", 1, [c4.pk], "open"),
    ]
    assert Signal.objects.count() == 2
    assert all(s["age_days"] == 2 for s in signals)


def test_outcome_shares_per_decision_kind(world):
    outcomes = build_digest(world["team"], START, END)["outcomes"]
    assert outcomes == {
        "room_within_rules": {
            "yes": 0,
            "partly": 1,
            "no": 0,
            "total": 1,
            "share_yes": 0.0,
            "share_partly": 1.0,
            "share_no": 0.0,
        },
        "deviation": {
            "yes": 1,
            "partly": 0,
            "no": 0,
            "total": 1,
            "share_yes": 1.0,
            "share_partly": 0.0,
            "share_no": 0.0,
        },
    }


def test_follow_up_and_examples(world):
    c1, _, _, _, c5 = world["cases"]
    data = build_digest(world["team"], START, END)
    follow_up = data["follow_up"]
    assert follow_up["actions_overdue"] == 1
    assert follow_up["actions_overdue_case_ids"] == [c1.pk]
    assert follow_up["outcomes_pending"] == 1  # c2: evaluation date 7 Nov, outcome only on 12 Nov
    assert follow_up["escalations_open"] == 1
    assert follow_up["escalations"][0]["case_id"] == c5.pk
    assert follow_up["escalations"][0]["age_days"] == 2
    assert data["examples"] == [{"story_id": Story.objects.get(title="Download is ook bewijs").pk}]


def test_the_organisation_digest_includes_every_team(world):
    team_data = build_digest(world["team"], START, END)
    org = build_digest(None, START, END)
    assert org["counts"]["submitted"] == team_data["counts"]["submitted"] + 1
    assert org["rules"][0]["cases"] == 4
    assert org["scope"] == {"team_id": None, "team": None}


def test_it_is_deterministic(world):
    assert build_digest(None, START, END) == build_digest(None, START, END)


def test_an_empty_period(world):
    data = build_digest(world["team"], dt.date(2025, 1, 1), dt.date(2025, 1, 7))
    assert data["counts"]["submitted"] == 0
    assert data["counts"]["days_to_decision_median"] is None
    assert data["patterns"] == [] and data["consistency_flags"] == []


def test_an_escalation_raised_after_the_period_is_not_open_in_its_digest(world):
    c5 = world["cases"][4]
    earlier = build_digest(world["team"], dt.date(2026, 10, 26), dt.date(2026, 11, 1))
    assert earlier["follow_up"]["escalations_open"] == 0  # raised on 6 November
    assert earlier["follow_up"]["escalations"] == []
    now = build_digest(world["team"], START, END)
    assert [e["case_id"] for e in now["follow_up"]["escalations"]] == [c5.pk]


def test_an_escalation_answered_after_the_period_was_open_in_it(world):
    c5 = world["cases"][4]
    escalation = c5.escalations.get()
    with at(12):
        escalation.status = "answered"
        escalation.answered_at = timezone.now()
        escalation.save(update_fields=["status", "answered_at"])
    assert build_digest(world["team"], START, END)["follow_up"]["escalations_open"] == 1
    later = build_digest(world["team"], dt.date(2026, 11, 9), dt.date(2026, 11, 15))
    assert later["follow_up"]["escalations_open"] == 0


def test_days_to_decision_are_rounded_once_after_the_median(world):
    # c1, c2 and c4 (submitted 2, 3 and 4 Nov, 10:00) decided 6 Nov 10:00: 4, 3, 2 days.
    counts = build_digest(world["team"], START, END)["counts"]
    assert counts["days_to_decision_median"] == 3.0


@pytest.mark.django_db
def test_the_median_is_taken_of_unrounded_durations():
    # 1.0 and 1.08 days: the median 1.04 shows as 1.0; rounding each first (1.0 and 1.1) would
    # give 1.05, shown as 1.1.
    submitted = dt.datetime(2026, 11, 2, 10, tzinfo=TZ)
    about = {1: (1, None, None, submitted), 2: (2, None, None, submitted)}
    first = [(1, submitted + dt.timedelta(days=1)), (2, submitted + dt.timedelta(days=1.08))]
    counts = digest_patterns._counts(Case.objects.none(), [], first, about, submitted)
    assert counts["days_to_decision_median"] == 1.0
    assert counts["days_to_decision_p90"] == 1.1


def test_the_statistics_helpers():
    assert median([4.0, 2.0, 3.0]) == 3.0
    assert median([1.0, 2.0]) == 1.5
    assert nearest_rank([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0], 90) == 9.0
    assert nearest_rank([], 90) is None
    assert previous_period(START, END) == (dt.date(2026, 10, 26), dt.date(2026, 11, 1))


def test_a_pattern_stays_together_in_the_organisation_digest(world):
    c1, c2, c3, *_ = world["cases"]
    org_patterns = build_digest(None, START, END)["patterns"]
    assert [p["case_ids"] for p in org_patterns] == [[c1.pk, c2.pk, c3.pk, world["zuid"].pk]]


def test_deviations_and_room_are_counted_per_legal_ground(world):
    c1, *_, c4, c5 = world["cases"]
    hardship = legal_ground()
    assert build_digest(world["team"], START, END)["deviation_grounds"] == [
        {"ground_id": hardship.pk, "decisions": 2, "case_ids": sorted([c1.pk, c4.pk])}
    ]
    # A decision from before grounds were recorded counts as "none named"; one after the
    # period does not count.
    with at(7):
        Decision.objects.create(case=c5, author=c5.author, kind="deviation", rationale="Oud.")
    with at(9):
        Decision.objects.create(case=c5, author=c5.author, kind="deviation", rationale="Later.")
    assert build_digest(world["team"], START, END)["deviation_grounds"] == [
        {"ground_id": hardship.pk, "decisions": 2, "case_ids": sorted([c1.pk, c4.pk])},
        {"ground_id": None, "decisions": 1, "case_ids": [c5.pk]},
    ]
