"""A case's text as weighted features: stemmed words ("s:...") and thesaurus concepts ("c:...").

Each field of a case counts with its own weight (FIELD_WEIGHTS): the fields that tell what
happened to whom say more about which situation a case is than the fields that argue about the
rule, which read alike in every case ("de bedoeling van de regel", "ruimte binnen de regels").

- title 1.5: a dense summary chosen by the author; usually names the situation.
- situation 1.0: the story itself, the most words; the reference weight.
- effect 0.8: what the rule does here; names the harm (korting, terugvordering), shared by many
  situations about the same rule.
- proposed rule 0.8: when there is one, it names the situation the author wants covered.
- conflict 0.6, question 0.6: mostly about purpose and room in the rules; the most generic.

The weights come from this reasoning, not from data: on the tuning part of the evaluation set
all fields at 1.0 scored the same (bench/eval/README.md, "Variants"); a larger labelled set
should decide.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field

from .compounds import CompoundSplitter
from .text import FUNCTION_WORDS, Token, lemma, tokens
from .thesaurus import Thesaurus, default_thesaurus

FIELDS = ("title", "situation", "effect", "conflict", "question", "proposed_rule")
FIELD_WEIGHTS = {
    "title": 1.5,
    "situation": 1.0,
    "effect": 0.8,
    "conflict": 0.6,
    "question": 0.6,
    "proposed_rule": 0.8,
}


@dataclass(frozen=True)
class CaseText:
    """What the engine knows of a case: its text fields, rule and team. Plain data: the caller
    decides what a key, a rule and a team are (database ids, strings)."""

    key: Hashable
    title: str = ""
    situation: str = ""
    effect: str = ""
    conflict: str = ""
    question: str = ""
    proposed_rule: str = ""
    rule: Hashable | None = None
    team: Hashable | None = None

    @classmethod
    def from_mapping(cls, data: Mapping) -> CaseText:
        return cls(
            key=data["key"] if "key" in data else data["id"],
            **{name: data.get(name) or "" for name in FIELDS},
            rule=data.get("rule") or None,
            team=data.get("team") or None,
        )

    def fields(self) -> Iterable[tuple[str, str]]:
        for name in FIELDS:
            value = getattr(self, name)
            if value:
                yield name, value


@dataclass(frozen=True)
class AnalyzerSettings:
    field_weights: Mapping[str, float] = field(default_factory=lambda: dict(FIELD_WEIGHTS))
    stem_weight: float = 1.0  # a word
    # A thesaurus concept, from a word, a compound part or a phrase. It counts double: it
    # stands for all the ways of saying one thing, which the words alone would split.
    concept_weight: float = 2.0
    part_weight: float = 0.5  # a compound part as a word of its own
    # A word that names a thesaurus concept weighs this much as a word: the concept carries it,
    # so "gift" and "schenking" differ less than two unrelated words.
    mapped_stem_weight: float = 1.0
    compounds: bool = True
    thesaurus: bool = True


@dataclass
class Features:
    weights: dict[str, float]
    # How each feature was written, for labels people can read.
    surfaces: dict[str, Counter[str]]


class Analyzer:
    """Turns case text into features. Holds the thesaurus and the corpus lexicon the compound
    splitter uses; both are fixed for the life of an index, so a case analysed today gives the
    same features as when the index is rebuilt from the same lexicon."""

    def __init__(
        self,
        thesaurus: Thesaurus | None = None,
        lexicon: Mapping[str, int] | None = None,
        settings: AnalyzerSettings | None = None,
    ) -> None:
        self.thesaurus = thesaurus or default_thesaurus()
        self.lexicon = dict(lexicon or {})
        self.settings = settings or AnalyzerSettings()
        self.splitter = CompoundSplitter(self.lexicon, self.thesaurus.vocabulary)

    @classmethod
    def fit(
        cls,
        cases: Iterable[CaseText],
        thesaurus: Thesaurus | None = None,
        settings: AnalyzerSettings | None = None,
        min_count: int = 1,
    ) -> Analyzer:
        """An analyzer whose compound splitter knows the words of these cases."""
        thesaurus = thesaurus or default_thesaurus()
        counts: Counter[str] = Counter()
        for case in cases:
            for _name, text in case.fields():
                # Words every case uses are no features, but compounds are made of them too
                # ("giftenregel"): only function words are left out of the lexicon.
                for token in tokens(text, FUNCTION_WORDS, thesaurus.key):
                    if not token.stop and token.lower.isalpha():
                        counts[token.lower] += 1
                        base = lemma(token.lower)
                        if base != token.lower:
                            counts[base] += 1
        lexicon = {word: n for word, n in counts.items() if n >= min_count}
        return cls(thesaurus, lexicon, settings)

    def analyze(self, case: CaseText) -> Features:
        weights: dict[str, float] = defaultdict(float)
        surfaces: dict[str, Counter[str]] = defaultdict(Counter)
        for name, text in case.fields():
            field_weight = self.settings.field_weights.get(name, 1.0)
            if field_weight:
                self._analyze_field(text, field_weight, weights, surfaces)
        return Features(dict(weights), dict(surfaces))

    def _analyze_field(self, text: str, field_weight: float, weights, surfaces) -> None:
        settings = self.settings
        thesaurus = self.thesaurus
        found = tokens(text, thesaurus.stop_words, thesaurus.key)
        for token in found:
            if token.stop:
                continue
            concepts = set(thesaurus.concepts_of(token.key)) if settings.thesaurus else set()
            feature = "s:" + token.key
            stem_weight = settings.mapped_stem_weight if concepts else settings.stem_weight
            weights[feature] += field_weight * stem_weight
            surfaces[feature][token.surface] += 1
            for part in self._parts(token):
                part_key = thesaurus.key(part)
                if part_key == token.key or part_key in thesaurus.stop_keys:
                    continue
                weights["s:" + part_key] += field_weight * settings.part_weight
                surfaces["s:" + part_key][token.surface] += 1
                if settings.thesaurus:
                    concepts.update(thesaurus.concepts_of(part_key))
            for concept in concepts:
                weights["c:" + concept] += field_weight * settings.concept_weight
                surfaces["c:" + concept][token.surface] += 1
        if settings.thesaurus:
            for match in thesaurus.match_phrases(found):
                feature = "c:" + match.concept
                weights[feature] += field_weight * settings.concept_weight
                span = " ".join(t.surface for t in found[match.start : match.end + 1])
                surfaces[feature][span] += 1

    def _parts(self, token: Token) -> tuple[str, ...]:
        if not self.settings.compounds:
            return ()
        if token.parts:
            return token.parts
        return self.splitter.split(token.lower)
