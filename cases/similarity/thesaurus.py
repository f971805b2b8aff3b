"""The domain thesaurus: words and phrases of social-security Dutch mapped onto concepts.

The data lives in `thesaurus_nl.toml` beside this module (its header says how terms match);
`Thesaurus.from_dict` takes the same structure from anywhere else, such as rows an administrator
edits. Terms are analysed exactly like case text (`text.tokens`), so one form of a word is enough.
"""

from __future__ import annotations

import functools
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .text import FUNCTION_WORDS, KEYERS, Token, lemma, strip_accents, tokens

DEFAULT_PATH = Path(__file__).with_name("thesaurus_nl.toml")
# Words a phrase may skip between two of its own words ("niet op tijd gemeld").
MAX_GAP = 2


@dataclass(frozen=True)
class Concept:
    id: str
    label: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class PhraseMatch:
    concept: str
    start: int  # token positions, inclusive
    end: int


class Thesaurus:
    def __init__(
        self,
        concepts: list[Concept],
        stop_words: frozenset[str] = frozenset(),
        keyer: str = "lemma+stem",
    ) -> None:
        self.keyer = keyer
        self.key = KEYERS[keyer]
        self.concepts = {concept.id: concept for concept in concepts}
        # The same content as plain data, to store beside an index built with it.
        self.data = {
            "stopwords": {"words": sorted(stop_words)},
            "concept": [{"id": c.id, "label": c.label, "terms": list(c.terms)} for c in concepts],
        }
        extra = {strip_accents(word.lower()) for word in stop_words}
        self.stop_words = frozenset(FUNCTION_WORDS | extra | {lemma(word) for word in extra})
        # A compound part is left out when its key is a stop word's ("betalingsregeling").
        self.stop_keys = frozenset(self.key(word) for word in self.stop_words)
        words: dict[str, set[str]] = defaultdict(set)
        phrases: dict[str, set[tuple[tuple[str, ...], str]]] = defaultdict(set)
        vocabulary: set[str] = set()
        for concept in concepts:
            for term in concept.terms:
                if any(char.isdigit() for char in term):
                    # Case text loses its digits ("onder de 27" would be "onder de").
                    raise ValueError(f"thesaurus term with a digit: {term!r}")
                # Function words count inside a term ("op straat", "niet melden").
                found = tokens(term, frozenset(), self.key, join_particles=False)
                if not found:
                    continue
                if len(found) == 1:
                    words[found[0].key].add(concept.id)
                else:
                    keys = tuple(token.key for token in found)
                    phrases[keys[0]].add((keys, concept.id))
                for token in found:
                    if token.lower not in FUNCTION_WORDS:
                        vocabulary.update((token.lower, lemma(token.lower), *token.parts))
        self.words = {k: tuple(sorted(ids)) for k, ids in words.items()}
        self.phrases = {k: sorted(entries) for k, entries in phrases.items()}
        self.vocabulary = frozenset(word for word in vocabulary if len(word) >= 3)

    @classmethod
    def from_dict(cls, data: dict, keyer: str = "lemma+stem") -> Thesaurus:
        concepts = [
            Concept(id=item["id"], label=item.get("label", item["id"]), terms=tuple(item["terms"]))
            for item in data.get("concept", [])
        ]
        ids = [concept.id for concept in concepts]
        if len(ids) != len(set(ids)):
            raise ValueError("two concepts share an id")
        stop_words = frozenset(data.get("stopwords", {}).get("words", []))
        return cls(concepts, stop_words, keyer)

    @classmethod
    def from_toml(cls, path: Path | str) -> Thesaurus:
        with open(path, "rb") as file:
            return cls.from_dict(tomllib.load(file))

    def concepts_of(self, key: str) -> tuple[str, ...]:
        return self.words.get(key, ())

    def label(self, concept_id: str) -> str:
        return self.concepts[concept_id].label

    def match_phrases(self, found: list[Token]) -> list[PhraseMatch]:
        """Every phrase term found in the tokens: its words in order, within one sentence,
        with at most MAX_GAP other words between two of them."""
        matches = []
        for start, token in enumerate(found):
            for keys, concept in self.phrases.get(token.key, ()):
                end = _match_rest(found, start, keys)
                if end is not None:
                    matches.append(PhraseMatch(concept, start, end))
        return matches


def _match_rest(found: list[Token], start: int, keys: tuple[str, ...]) -> int | None:
    position = start
    sentence = found[start].sentence
    for wanted in keys[1:]:
        for candidate in range(position + 1, min(len(found), position + MAX_GAP + 2)):
            if found[candidate].sentence != sentence:
                return None
            if found[candidate].key == wanted:
                position = candidate
                break
        else:
            return None
    return position


@functools.cache
def default_thesaurus() -> Thesaurus:
    """The thesaurus shipped with the code, read once per process."""
    return Thesaurus.from_toml(DEFAULT_PATH)
