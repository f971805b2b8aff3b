"""Precedents: decided cases similar to a case, or to the text someone is typing at intake.

Equal cases should be decided equally, or the difference argued (DESIGN.md, "Precedents"). So
`similar_cases` ranks the decided and closed cases a person may see by meaning, with the one
similarity engine the meeting's check and the digests use (cases.similarity, through the stored
index of cases.similar): all text fields weighted by field, Dutch words lemmatised and split,
synonyms and paraphrases mapped onto one concept, weights learned from the organisation's own
cases. The rule is a hint, not a wall: a case about the same rule scores a little higher, and
the same story under another rule is still found.

A search reads the stored index (built by Celery, never in a request) and makes a constant
number of queries: the index's stamp, then the candidates the person may see.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from organisations.models import Membership

from .models import Case, CaseStatus, Rule
from .similar import PRECEDENT_MIN_SCORE, case_text, current_index
from .similarity import FIELDS, CaseText

DECIDED_STATUSES = (CaseStatus.DECIDED, CaseStatus.CLOSED)
# The index is asked for this many times `limit` matches at first (some are undecided or out
# of sight), and at most this many in all.
OVERFETCH = 6
MAX_ASKED = 600


@dataclass(frozen=True)
class Precedent:
    """One similar earlier case. `score` is the text similarity, from 0 (none) to 1."""

    case: Case
    score: float
    same_rule: bool


def similar_cases(
    text_or_case: str | Mapping | Case,
    user,
    limit: int = 5,
    *,
    rule: Rule | int | None = None,
    min_score: float = PRECEDENT_MIN_SCORE,
) -> list[Precedent]:
    """The decided cases most like `text_or_case` that `user` may see, best first.

    Given a case, that case itself is left out and its rule is the rule, unless `rule` is
    given. Given a mapping, its keys are the case's text fields (the intake form as typed).
    """
    rule_id = _rule_id(rule)
    if isinstance(text_or_case, Case):
        query = case_text(text_or_case, rule_id=rule_id)
    elif isinstance(text_or_case, Mapping):
        fields = {name: str(text_or_case.get(name) or "") for name in FIELDS}
        query = CaseText(key=None, **fields, rule=rule_id)
    else:
        query = CaseText(key=None, situation=text_or_case or "", rule=rule_id)
    if limit <= 0 or not any(value.strip() for _, value in query.fields()):
        return []
    index = current_index()
    if index is None:
        return []
    teams = list(Membership.objects.team_ids(user).values_list("team_id", flat=True))
    if not teams:
        return []
    exclude = [query.key] if query.key is not None else []
    asked = limit * OVERFETCH
    while True:
        matches = index.similar(query, asked, teams=teams, exclude=exclude, min_score=min_score)
        # Equal scores (the same text, capped at 1): the case about the same rule first.
        matches.sort(key=lambda m: (-m.score, not m.same_rule))
        visible = (
            Case.objects.visible_to(user)
            .filter(status__in=DECIDED_STATUSES, pk__in=[m.key for m in matches])
            .select_related("team", "rule__regulation")
        )
        cases = {case.pk: case for case in visible}
        found = [
            Precedent(cases[m.key], round(m.text_score, 4), m.same_rule)
            for m in matches
            if m.key in cases
        ]
        if len(found) >= limit or len(matches) < asked or asked >= MAX_ASKED:
            return found[:limit]
        asked = min(MAX_ASKED, asked * 4)


def _rule_id(rule: Rule | int | str | None) -> int | None:
    if rule is None or rule == "":
        return None
    if isinstance(rule, Rule):
        return rule.pk
    return int(rule)
