"""Splitting Dutch compounds into words people also write apart.

"nabestaandenuitkering" is "nabestaanden" + "uitkering", "kostendelersnorm" is "kostendeler" +
linking s + "norm", "woonkostentoeslag" is "woon" + "kosten" + "toeslag". A case about
"de uitkering van de nabestaande" and one about "haar nabestaandenuitkering" should meet, so a
compound adds its parts as features (the whole word stays a feature too).

The splitter knows the words of the organisation's own texts (a lexicon counted over the corpus
when the index is built) and of the thesaurus. A split is accepted only when every part is such
a word of four letters or more (three for a thesaurus word: "aow", "gok"), with an optional
linking element between parts (-s-, -e-, -en-, -n-, -er-). Among the splits that remain, the one
whose parts are most frequent wins (the geometric mean of their counts, after Koehn and Knight,
2003). Prepositions and adverbs are never parts, so "overleden" stays whole.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

MIN_LENGTH = 8  # shorter words are not split
MIN_PART = 4
MAX_PARTS = 3
LINKS = ("", "s", "e", "en", "n", "er")
# Parts that are almost always a prefix or particle, not a word of their own in a compound.
NOT_A_PART = frozenset(
    """
    over onder door voor achter tegen naar mede samen terug binnen buiten boven langs rond
    thuis even heel zelf ander andere eigen zeer veel niet geen alle elke iedere deze die
    wat waar daar hier toe mee aan uit weg vast open
    """.split()
)
THESAURUS_BONUS = 5


class CompoundSplitter:
    def __init__(self, lexicon: Mapping[str, int], known: frozenset[str] = frozenset()) -> None:
        """`lexicon`: lowercased words of the corpus and their counts; `known`: thesaurus words."""
        self.lexicon = lexicon
        self.known = known
        self._cache: dict[str, tuple[str, ...]] = {}

    def split(self, word: str) -> tuple[str, ...]:
        """The parts of a lowercased word, or () when it is not a compound."""
        if len(word) < MIN_LENGTH or not word.isalpha():
            return ()
        if word not in self._cache:
            # The whole word is a feature anyway: any good split adds to it.
            best = self._best(word, MAX_PARTS, whole=False)
            self._cache[word] = best[1] if best else ()
        return self._cache[word]

    def _count(self, part: str) -> float:
        return self.lexicon.get(part, 0) + (THESAURUS_BONUS if part in self.known else 0)

    def _is_part(self, part: str) -> bool:
        if part in NOT_A_PART:
            return False
        if len(part) >= MIN_PART:
            return part in self.lexicon or part in self.known
        return len(part) == 3 and part in self.known

    def _best(
        self, rest: str, parts_left: int, whole: bool = True
    ) -> tuple[float, tuple[str, ...]] | None:
        """The best split of `rest` into at most `parts_left` parts, scored by the sum of the
        logarithms of the part counts (the geometric mean once divided by the number of parts)."""
        candidates: list[tuple[float, tuple[str, ...]]] = []
        if whole and self._is_part(rest):
            candidates.append((math.log(self._count(rest)), (rest,)))
        if parts_left > 1:
            for cut in range(3, len(rest) - 2):
                head = rest[:cut]
                if not self._is_part(head):
                    continue
                for link in LINKS:
                    if not rest.startswith(link, cut):
                        continue
                    tail = rest[cut + len(link) :]
                    found = self._best(tail, parts_left - 1)
                    if found is not None:
                        score = math.log(self._count(head)) + found[0]
                        candidates.append((score, (head, *found[1])))
        if not candidates:
            return None
        # Geometric mean of the counts; on a tie fewer parts, then the longer first part.
        return max(
            candidates,
            key=lambda c: (c[0] / len(c[1]), -len(c[1]), len(c[1][0])),
        )
