"""Precedents: decided cases similar to a case, or to the text someone is typing at intake.

Equal cases should be decided equally, or the difference argued (DESIGN.md, "Precedents"). So
`similar_cases` ranks the decided and closed cases a person may see (always found through
`Case.objects.visible_to`): cases about the same rule first, then by text similarity over
title, situation, effect and conflict.

On PostgreSQL those fields are analysed with the 'dutch' text search configuration (lowercase,
Snowball stemming, Dutch stop words) into the stored, generated column `precedent_vector`
(migration 0004; ranking needs every candidate's vector, and recomputing it would cost about
50 microseconds a case). A search makes two queries, a third only to fill up the same-rule
group, and its work is bounded whatever the number of cases:

1. The text becomes lexemes, each with its share of cases from the column statistics that
   ANALYZE keeps (`pg_stats.most_common_elems`): rare words say most.
2. The GIN index finds the visible decided cases that contain any of the rarest lexemes, as
   many lexemes as the cases containing them fit the budget; of those, the `SHORTLIST`
   most recent (same rule first) are ranked on all lexemes of the text, each weighted by its
   rarity, and only the best few are fetched with their team and rule.
3. When fewer than `limit` cases about the same rule share a rare word with the text, the most
   recent other cases about that rule fill up the same-rule group.

Elsewhere (SQLite, the embedded default) a bounded pool of recent decided cases is ranked in
Python by TF-IDF cosine similarity, in two queries.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from django.db import connections, models
from django.db.models import (
    BooleanField,
    DateTimeField,
    ExpressionWrapper,
    F,
    FloatField,
    Q,
    Value,
)
from django.db.models.expressions import RawSQL

from .models import Case, CaseStatus, Rule

DECIDED_STATUSES = (CaseStatus.DECIDED, CaseStatus.CLOSED)
# Migration 0004 builds `precedent_vector` from the same fields.
SEARCHED_FIELDS = ("title", "situation", "effect", "conflict")

# PostgreSQL. Cases a search may match, estimated over all teams from the word frequencies:
# at most this many and this share of all cases (beyond about a fifth PostgreSQL prefers to
# scan the whole table), but always this many; the rarest lexemes it matches on, and the
# lexemes it ranks on.
MATCH_BUDGET = 12_000
MATCH_SHARE = 0.15
MATCH_FLOOR = 1_000
MATCH_TERMS = 16
RANK_TERMS = 64
# Matching cases ranked per search, the most recent first; bounds the time of a search.
SHORTLIST = 1_500
# Elsewhere: a bounded pool of the most recent decided cases, and of those about the same rule.
POOL_SAME_RULE = 300
POOL_RECENT = 500

# PostgreSQL's Snowball stop word list for Dutch (tsearch_data/dutch.stop).
_DUTCH_STOP_WORDS = """
de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem
dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb
hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al waren veel meer
doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt wezen
kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere
"""
DUTCH_STOP_WORDS = frozenset(_DUTCH_STOP_WORDS.split())

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Precedent:
    """One similar earlier case. `score` is the text similarity, from 0 (none) to 1."""

    case: Case
    score: float
    same_rule: bool


def similar_cases(
    text_or_case: str | Case, user, limit: int = 5, *, rule: Rule | int | None = None
) -> list[Precedent]:
    """The decided cases most like `text_or_case` that `user` may see, best first.

    Given a case, that case itself is left out and its rule is the rule, unless `rule` is
    given. Cases about the same rule come first, the rest only when they share words with
    the text; within each group text similarity decides, then recency.
    """
    if isinstance(text_or_case, Case):
        case = text_or_case
        text = " ".join(getattr(case, name) or "" for name in SEARCHED_FIELDS)
        rule_id = _rule_id(rule) if rule is not None else case.rule_id
    else:
        case = None
        text = text_or_case or ""
        rule_id = _rule_id(rule)
    candidates = Case.objects.visible_to(user).filter(status__in=DECIDED_STATUSES)
    if limit <= 0 or candidates.query.is_empty():
        return []
    if case is not None and case.pk is not None:
        candidates = candidates.exclude(pk=case.pk)
    if connections[candidates.db].vendor == "postgresql":
        return _search_postgresql(candidates, text, rule_id, limit)
    return _search_in_python(candidates, text, rule_id, limit)


def _rule_id(rule: Rule | int | str | None) -> int | None:
    if rule is None or rule == "":
        return None
    if isinstance(rule, Rule):
        return rule.pk
    return int(rule)


def _with_precedent_data(queryset):
    return queryset.select_related("team", "rule__regulation")


def _same_rule(rule_id: int | None):
    if rule_id is None:
        return Value(False, output_field=BooleanField())
    return models.Case(
        models.When(rule_id=rule_id, then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )


def _by_same_rule_then_score(precedents: list[Precedent]) -> list[Precedent]:
    return sorted(
        precedents,
        key=lambda p: (p.same_rule, p.score, p.case.created_at, p.case.pk),
        reverse=True,
    )


# PostgreSQL ---------------------------------------------------------------------------------

_LEXEMES_SQL = """
WITH stats AS (
    SELECT s.most_common_elems::text::text[] AS lexemes, s.most_common_elem_freqs AS freqs
    FROM pg_stats AS s
    WHERE s.schemaname = current_schema()
        AND s.tablename = 'cases_case' AND s.attname = 'precedent_vector'
)
SELECT q.lexeme, cardinality(q.positions), f.freq,
    (SELECT st.freqs[cardinality(st.lexemes) + 1] FROM stats AS st),
    (SELECT c.reltuples FROM pg_class AS c WHERE c.oid = 'cases_case'::regclass)
FROM unnest(to_tsvector('dutch'::regconfig, %s)) AS q
LEFT JOIN (
    SELECT e.lexeme, e.freq FROM stats, unnest(stats.lexemes, stats.freqs) AS e(lexeme, freq)
) AS f USING (lexeme)
"""


@dataclass(frozen=True)
class _Term:
    lexeme: str
    count: int  # occurrences in the text
    share: float | None  # share of all cases with this lexeme; None without statistics


def _lexemes(connection, text: str) -> tuple[list[_Term], float | None]:
    """The text's lexemes, rarest first, and the number of cases, if statistics exist."""
    with connection.cursor() as cursor:
        cursor.execute(_LEXEMES_SQL, [text])
        rows = cursor.fetchall()
    least_common = rows[0][3] if rows else None
    terms = []
    for lexeme, count, share, *_ in rows:
        if share is None and least_common is not None:
            # Not among the common lexemes: rarer than the least common one that is.
            share = least_common / 2
        terms.append(_Term(lexeme, count, share))
    terms.sort(key=lambda term: (term.share or 0.0, term.lexeme))
    cases = rows[0][4] if rows and least_common is not None else None
    return terms, cases


def _tsquery(terms: list[_Term]) -> str:
    """An OR of the lexemes, quoted as tsquery input (no further stemming happens)."""
    return " | ".join("'" + t.lexeme.replace("\\", "\\\\").replace("'", "''") + "'" for t in terms)


def _match_terms(terms: list[_Term], cases: float | None) -> list[_Term]:
    """The rarest lexemes, as many as the cases containing them stay within the budget.

    Without statistics (a new database, before the first ANALYZE) there is nothing to
    estimate with, and every lexeme the search ranks on counts.
    """
    if cases is None:
        return terms[:RANK_TERMS]
    budget = max(MATCH_FLOOR, min(MATCH_BUDGET, MATCH_SHARE * cases))
    chosen: list[_Term] = []
    expected = 0.0
    for term in terms[:MATCH_TERMS]:
        expected += (term.share or 0.0) * cases
        if chosen and expected > budget:
            break
        chosen.append(term)
    return chosen


def _weights(terms: list[_Term]) -> dict[str, tuple[str, float]]:
    """Each lexeme's weight label and weight: its inverse document frequency, in four steps.

    ts_rank knows four weights (labels A to D). The range of the inverse document frequencies
    ln(1 / share) of the text's lexemes is cut in four equal steps; each step weighs the mean
    of its lexemes', relative to the highest.
    """
    idf = {t.lexeme: math.log(1 / t.share) if t.share else None for t in terms}
    known = [value for value in idf.values() if value is not None]
    high, low = max(known, default=1.0) or 1.0, min(known, default=1.0)
    idf = {lexeme: high if value is None else value for lexeme, value in idf.items()}
    step = (high - low) / 4 or 1.0
    labels = {lexeme: "DCBA"[min(3, int((value - low) / step))] for lexeme, value in idf.items()}
    weights = {}
    for label in "DCBA":
        values = [idf[lexeme] for lexeme, other in labels.items() if other == label]
        weights[label] = max(0.05, sum(values) / len(values) / high) if values else 0.05
    return {lexeme: (label, weights[label]) for lexeme, label in labels.items()}


class _Rank:
    """ts_rank with each lexeme of the text weighted by its rarity, over the root of the length.

    A case scores the sum, over the text's lexemes it contains, of the lexeme's weight times a
    slowly growing function of how often it occurs (ts_rank's 1 + 1/4 + 1/9 ...), divided by
    the square root of its number of distinct lexemes so long cases do not win by length
    alone. `score` scales that so the text itself would score 1.
    """

    def __init__(self, terms: list[_Term]) -> None:
        ranked = sorted(terms[:RANK_TERMS], key=lambda term: term.lexeme)
        weights = _weights(ranked)
        vector, params = "precedent_vector", []
        for label in "CBA":  # D is every lexeme's label to begin with
            lexemes = [t.lexeme for t in ranked if weights[t.lexeme][0] == label]
            if lexemes:
                vector = f'setweight({vector}, %s::"char", %s::text[])'
                params += [label, lexemes]
        by_label = dict(weights.values())
        self.expression = RawSQL(  # noqa: S611 - only placeholders are filled in, never text
            f"ts_rank(%s::float4[], {vector}, %s::tsquery, 0)"
            " / sqrt(greatest(length(precedent_vector), 1))",
            [[by_label.get(label, 0.05) for label in "DCBA"], *params, _tsquery(ranked)],
            output_field=FloatField(),
        )
        itself = sum(
            weights[t.lexeme][1] * sum(1 / (n * n) for n in range(1, t.count + 1)) for t in ranked
        )
        self.itself = itself / 1.64493406685 / len(ranked) / math.sqrt(len(terms))

    def score(self, rank: float) -> float:
        return round(min(1.0, rank / self.itself), 4)


def _search_postgresql(candidates, text: str, rule_id: int | None, limit: int):
    terms, cases = _lexemes(connections[candidates.db], text) if text.strip() else ([], None)
    rank = _Rank(terms) if terms else None
    same_rule = _same_rule(rule_id)
    found: list[Precedent] = []
    if rank is not None:
        matching = candidates.filter(
            RawSQL(
                "precedent_vector @@ %s::tsquery",
                [_tsquery(_match_terms(terms, cases))],
                output_field=BooleanField(),
            )
        )
        shortlist = (
            matching.annotate(shortlist_same_rule=same_rule)
            .order_by("-shortlist_same_rule", "-created_at", "-pk")
            .values("pk")[:SHORTLIST]
        )
        best = (
            # The shortlist holds visible cases only; checking again per case costs time.
            Case.objects.filter(pk__in=shortlist)
            .annotate(precedent_rank=rank.expression, precedent_same_rule=same_rule)
            .order_by("-precedent_same_rule", "-precedent_rank", "-created_at", "-pk")
            .values("pk")[:limit]
        )
        # Joined with team and rule for the best few only, not for the whole shortlist.
        ranked = _with_precedent_data(candidates.filter(pk__in=best)).annotate(
            precedent_rank=rank.expression, precedent_same_rule=same_rule
        )
        found = [
            Precedent(case, rank.score(case.precedent_rank), case.precedent_same_rule)
            for case in ranked
        ]
    missing = limit - sum(precedent.same_rule for precedent in found)
    if rule_id is not None and missing > 0:
        found += _recent_about_rule(candidates, rule_id, missing, found, rank)
    return _by_same_rule_then_score(found)[:limit]


def _recent_about_rule(candidates, rule_id: int, missing: int, found, rank: _Rank | None):
    """The most recent cases about the rule that share no rare word with the text."""
    # Ordered by an expression, not the column: otherwise PostgreSQL may walk the whole
    # created_at index backwards, hoping to meet a few visible cases about the rule soon.
    newest = ExpressionWrapper(F("created_at") + Value(dt.timedelta(0)), DateTimeField())
    others = (
        _with_precedent_data(candidates.filter(rule_id=rule_id))
        .exclude(pk__in=[precedent.case.pk for precedent in found])
        .order_by(newest.desc(), "-pk")
    )
    if rank is None:
        return [Precedent(case, 0.0, True) for case in others[:missing]]
    others = others.annotate(precedent_rank=rank.expression)[:missing]
    return [Precedent(case, rank.score(case.precedent_rank), True) for case in others]


# Elsewhere: ranked in Python ----------------------------------------------------------------


def terms(text: str) -> list[str]:
    """Lowercased words without accents, punctuation, digits or Dutch stop words, stemmed."""
    text = text.lower()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(char for char in text if not unicodedata.combining(char))
    return [
        _stem(word)
        for word in _WORD.findall(text)
        if len(word) > 1 and word not in DUTCH_STOP_WORDS
    ]


@functools.lru_cache(maxsize=65_536)
def _stem(word: str) -> str:
    """A light Dutch suffix stripper: enough to match plural and inflected forms."""
    if len(word) > 5 and word.endswith("en"):
        word = word[:-2]
    elif len(word) > 4 and (word.endswith("e") or (word.endswith("s") and word[-2] != "s")):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


def _search_in_python(candidates, text: str, rule_id: int | None, limit: int):
    """Rank a bounded pool of recent candidates by TF-IDF cosine similarity (two queries)."""
    query = Counter(terms(text))
    if not query and rule_id is None:
        return []
    newest = ("-created_at", "-pk")
    in_pool = Q(pk__in=candidates.order_by(*newest).values("pk")[:POOL_RECENT])
    if rule_id is not None:
        same_rule = candidates.filter(rule_id=rule_id).order_by(*newest)
        in_pool |= Q(pk__in=same_rule.values("pk")[:POOL_SAME_RULE])
    pool = candidates.filter(in_pool).values_list("pk", "rule_id", "created_at", *SEARCHED_FIELDS)
    documents = {
        pk: (rule, created, Counter(terms(" ".join(texts)))) for pk, rule, created, *texts in pool
    }
    document_frequency = Counter(t for _, _, document in documents.values() for t in document)
    size = len(documents) + 1

    def weights(counts: Counter) -> dict[str, float]:
        return {
            term: (1 + math.log(count)) * math.log(size / (1 + document_frequency[term]) + 1)
            for term, count in counts.items()
        }

    query_weights = weights(query)
    query_norm = math.sqrt(sum(w * w for w in query_weights.values()))
    scores = {}
    for pk, (rule, created, document) in documents.items():
        same = rule_id is not None and rule == rule_id
        score = 0.0
        if query_norm and not query.keys().isdisjoint(document):
            document_weights = weights(document)
            norm = math.sqrt(sum(w * w for w in document_weights.values()))
            dot = sum(w * document_weights.get(t, 0.0) for t, w in query_weights.items())
            score = dot / (query_norm * norm)
        if same or score > 0:
            scores[pk] = (same, round(score, 4), created, pk)
    best = sorted(scores.values(), reverse=True)[:limit]
    cases = _with_precedent_data(candidates).in_bulk([pk for *_, pk in best])
    return [Precedent(cases[pk], score, same) for same, score, _, pk in best if pk in cases]
