"""The similarity index: every case as a weighted feature vector, searchable by meaning.

Similarity is the cosine of TF-IDF vectors over the features of `features.py` (stems and
thesaurus concepts, fields weighted): a feature's weight in a case is ln(1 + its field-weighted
count) times its inverse document frequency in the organisation's own cases, so rare words and
concepts ("latrelatie", "uitvaart") count for more than words every case uses. The rule a case
is filed under is a hint, not a wall: two cases about the same rule get `rule_bonus` on top of
their text similarity (when their texts share anything at all), and a story told under two
rules still meets itself.

The index changes one case at a time (`add` replaces a case with the same key, `remove`
forgets it) and gives the same scores as an index built at once from the same cases with the
same analyzer: document frequencies are counted exactly and the weights that depend on them are
recomputed (`refresh`, done before the next search) rather than frozen. New cases go to a
small tail that searches look at in Python; `compile` folds it into the arrays (every
`compile_every` cases, and on `save`).

Searches are arrays, not loops: a feature's postings (cases containing it, with their weight)
are contiguous, and a search adds them up with `numpy.bincount`.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np

from .features import Analyzer, AnalyzerSettings, CaseText
from .thesaurus import Thesaurus

FORMAT_VERSION = 1
SURFACES_KEPT = 12  # written forms remembered per feature, for labels


@dataclass(frozen=True)
class IndexSettings:
    # Inverse document frequency: "smooth" is ln((N + 1) / (df + 1)) + 1 (never zero, so a word
    # every case uses still counts a little); "bm25" is ln(1 + (N - df + 0.5) / (df + 0.5)).
    idf: str = "smooth"
    # Added to the similarity of two cases filed under the same rule whose texts overlap.
    rule_bonus: float = 0.08
    compile_every: int = 2_000


@dataclass(frozen=True)
class Match:
    key: Hashable
    score: float  # text similarity plus the rule bonus, at most 1
    text_score: float  # cosine similarity of the texts, 0 to 1
    same_rule: bool


class SimilarityIndex:
    def __init__(self, analyzer: Analyzer | None = None, settings: IndexSettings | None = None):
        self.analyzer = analyzer or Analyzer()
        self.settings = settings or IndexSettings()
        # Cases, by row. Rows are renumbered only by `compile`.
        self._keys: list[Hashable] = []
        self._row: dict[Hashable, int] = {}
        self._alive: list[bool] = []
        self._rule: list[int] = []  # code of the rule, -1 for none
        self._team: list[int] = []
        self._rule_codes: dict[Hashable, int] = {}
        self._rules: list[Hashable] = []
        self._team_codes: dict[Hashable, int] = {}
        self._teams: list[Hashable] = []
        # Features.
        self._fid: dict[str, int] = {}
        self._fnames: list[str] = []
        self._df: list[int] = []
        self._surfaces: list[Counter[str]] = []
        # Compiled rows [0, _ncompiled): CSR arrays; and their postings by feature.
        self._ncompiled = 0
        self._indptr = np.zeros(1, dtype=np.int64)
        self._feat = np.zeros(0, dtype=np.int32)
        self._tf = np.zeros(0, dtype=np.float32)
        self._pfeatures = 0  # features that have compiled postings
        self._pptr = np.zeros(1, dtype=np.int64)
        self._prow = np.zeros(0, dtype=np.int32)
        self._ptf = np.zeros(0, dtype=np.float32)
        # Tail rows [_ncompiled, len): their vectors and postings, kept in Python.
        self._tail_vectors: list[tuple[np.ndarray, np.ndarray]] = []
        self._tail_postings: dict[int, tuple[list[int], list[float]]] = {}
        # Weights that depend on all cases; recomputed when stale.
        self._stale = True
        self._idf = np.zeros(0)
        self._norms = np.zeros(0)
        self._alive_array = np.zeros(0, dtype=bool)
        self._rule_array = np.zeros(0, dtype=np.int32)
        self._team_array = np.zeros(0, dtype=np.int32)

    # Building --------------------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        cases: Iterable[CaseText],
        analyzer: Analyzer | None = None,
        settings: IndexSettings | None = None,
    ) -> SimilarityIndex:
        """An index of these cases. Without an analyzer, one is fitted on the cases (its
        compound splitter learns their words)."""
        cases = list(cases)
        index = cls(analyzer or Analyzer.fit(cases), settings)
        for case in cases:
            index.add(case, compile=False)
        index.compile()
        return index

    def add(self, case: CaseText, *, compile: bool = True) -> None:
        """Add a case, or replace the case with the same key."""
        if case.key in self._row:
            self.remove(case.key)
        features = self.analyzer.analyze(case)
        ids, tfs = [], []
        for name in sorted(features.weights):
            fid = self._fid.get(name)
            if fid is None:
                fid = self._fid[name] = len(self._fnames)
                self._fnames.append(name)
                self._df.append(0)
                self._surfaces.append(Counter())
            self._df[fid] += 1
            surfaces = self._surfaces[fid]
            surfaces.update(features.surfaces.get(name, ()))
            if len(surfaces) > 4 * SURFACES_KEPT:
                self._surfaces[fid] = Counter(dict(surfaces.most_common(SURFACES_KEPT)))
            ids.append(fid)
            tfs.append(math.log1p(features.weights[name]))
        row = len(self._keys)
        self._keys.append(case.key)
        self._row[case.key] = row
        self._alive.append(True)
        self._rule.append(self._code(self._rule_codes, case.rule, self._rules))
        self._team.append(self._code(self._team_codes, case.team, self._teams))
        vector = (np.array(ids, dtype=np.int32), np.array(tfs, dtype=np.float32))
        self._tail_vectors.append(vector)
        for fid, tf in zip(ids, tfs, strict=True):
            rows, values = self._tail_postings.setdefault(fid, ([], []))
            rows.append(row)
            values.append(tf)
        self._stale = True
        if compile and len(self._tail_vectors) >= self.settings.compile_every:
            self.compile()

    def remove(self, key: Hashable) -> None:
        row = self._row.pop(key, None)
        if row is None:
            return
        self._alive[row] = False
        for fid in self._vector(row)[0]:
            self._df[fid] -= 1
        self._stale = True

    @staticmethod
    def _code(codes: dict, value, names: list | None = None) -> int:
        if value is None:
            return -1
        if value not in codes:
            codes[value] = len(codes)
            if names is not None:
                names.append(value)
        return codes[value]

    def compile(self) -> None:
        """Fold the tail into the arrays and drop removed cases (rows are renumbered)."""
        live = [row for row, alive in enumerate(self._alive) if alive]
        vectors = [self._vector(row) for row in live]
        lengths = np.array([len(ids) for ids, _ in vectors], dtype=np.int64)
        indptr = np.zeros(len(live) + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        feat = np.concatenate([ids for ids, _ in vectors]) if vectors else np.zeros(0, np.int32)
        tf = np.concatenate([tfs for _, tfs in vectors]) if vectors else np.zeros(0, np.float32)
        self._keys = [self._keys[row] for row in live]
        self._row = {key: row for row, key in enumerate(self._keys)}
        self._alive = [True] * len(live)
        self._rule = [self._rule[row] for row in live]
        self._team = [self._team[row] for row in live]
        self._ncompiled = len(live)
        self._indptr, self._feat, self._tf = indptr, feat.astype(np.int32), tf.astype(np.float32)
        # Postings: the same entries ordered by feature.
        rows = np.repeat(np.arange(len(live), dtype=np.int32), lengths)
        order = np.argsort(feat, kind="stable")
        self._pfeatures = len(self._fnames)
        counts = np.bincount(feat, minlength=self._pfeatures)
        self._pptr = np.zeros(self._pfeatures + 1, dtype=np.int64)
        np.cumsum(counts, out=self._pptr[1:])
        self._prow = rows[order]
        self._ptf = tf[order].astype(np.float32)
        self._tail_vectors = []
        self._tail_postings = {}
        self._stale = True

    def _vector(self, row: int) -> tuple[np.ndarray, np.ndarray]:
        if row < self._ncompiled:
            start, end = self._indptr[row], self._indptr[row + 1]
            return self._feat[start:end], self._tf[start:end]
        return self._tail_vectors[row - self._ncompiled]

    # Weights ---------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._row)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._row

    def keys(self) -> list[Hashable]:
        return [key for key, alive in zip(self._keys, self._alive, strict=True) if alive]

    def rule_of(self, key: Hashable) -> Hashable | None:
        code = self._rule[self._row[key]]
        return None if code < 0 else self._rules[code]

    def team_of(self, key: Hashable) -> Hashable | None:
        code = self._team[self._row[key]]
        return None if code < 0 else self._teams[code]

    def _idf_of(self, df: np.ndarray | float) -> np.ndarray | float:
        n = len(self._row)
        if self.settings.idf == "bm25":
            return np.log1p((n - df + 0.5) / (df + 0.5))
        return np.log((n + 1) / (df + 1)) + 1

    def refresh(self) -> None:
        """Recompute what depends on all cases: inverse document frequencies and the length of
        every case's vector. Searches call it when something changed."""
        if not self._stale:
            return
        df = np.array(self._df, dtype=np.float64)
        self._idf = np.asarray(self._idf_of(df), dtype=np.float64)
        norms = np.zeros(len(self._keys))
        if self._ncompiled:
            squares = (self._tf * self._idf[self._feat]) ** 2
            rows = np.repeat(np.arange(self._ncompiled), np.diff(self._indptr))
            norms[: self._ncompiled] = np.bincount(rows, squares, minlength=self._ncompiled)
        for offset, (ids, tfs) in enumerate(self._tail_vectors):
            norms[self._ncompiled + offset] = float(np.sum((tfs * self._idf[ids]) ** 2))
        self._alive_array = np.array(self._alive, dtype=bool)
        norms = np.sqrt(norms)
        norms[~self._alive_array | (norms == 0)] = np.inf
        self._norms = norms
        self._rule_array = np.array(self._rule, dtype=np.int32)
        self._team_array = np.array(self._team, dtype=np.int32)
        self._stale = False

    def idf(self, feature: str) -> float:
        self.refresh()
        fid = self._fid.get(feature)
        return float(self._idf_of(0.0) if fid is None else self._idf[fid])

    def document_frequency(self, feature: str) -> int:
        fid = self._fid.get(feature)
        return 0 if fid is None else self._df[fid]

    def surfaces(self, feature: str) -> Counter[str]:
        fid = self._fid.get(feature)
        return Counter() if fid is None else self._surfaces[fid]

    def feature_names(self, key: Hashable) -> list[str]:
        return [self._fnames[fid] for fid in self._vector(self._row[key])[0]]

    # Searching -------------------------------------------------------------------------------

    def _query_vector(self, case: CaseText) -> tuple[np.ndarray, np.ndarray, float]:
        """The known feature ids of a text, their weights (tf x idf) and the vector's length;
        features no case has count in the length as if one case had them."""
        weights = self.analyzer.analyze(case).weights
        ids, values, unknown = [], [], 0.0
        unseen_idf = float(self._idf_of(1.0))
        for name in sorted(weights):
            tf = math.log1p(weights[name])
            fid = self._fid.get(name)
            if fid is None or self._df[fid] == 0:
                unknown += (tf * unseen_idf) ** 2
            else:
                ids.append(fid)
                values.append(tf)
        ids_array = np.array(ids, dtype=np.int64)
        values_array = np.array(values) * self._idf[ids_array]
        norm = math.sqrt(float(np.sum(values_array**2)) + unknown)
        return ids_array, values_array, norm

    def _dots(self, ids: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """For every row, the dot product of its vector with the query given as feature ids and
        weights (the query's tf x idf, times idf again for the row's side)."""
        dots = np.zeros(len(self._keys))
        compiled = ids < self._pfeatures
        if compiled.any():
            starts = self._pptr[ids[compiled]]
            lengths = self._pptr[ids[compiled] + 1] - starts
            entries = _ranges(starts, lengths)
            values = self._ptf[entries] * np.repeat(weights[compiled], lengths)
            dots[: self._ncompiled] = np.bincount(
                self._prow[entries], values, minlength=self._ncompiled
            )
        if self._tail_postings:
            for fid, weight in zip(ids.tolist(), weights.tolist(), strict=True):
                tail = self._tail_postings.get(fid)
                if tail:
                    dots[tail[0]] += weight * np.array(tail[1])
        return dots

    def similar(
        self,
        case: CaseText,
        k: int = 5,
        *,
        exclude: Iterable[Hashable] = (),
        only: Iterable[Hashable] | None = None,
        teams: Iterable[Hashable] | None = None,
        min_score: float = 0.0,
    ) -> list[Match]:
        """The `k` indexed cases most like `case` (which need not be indexed), best first.

        `only` limits the answer to these keys, `teams` to cases of these teams (for what a
        person may see); `exclude` leaves keys out (the case itself).
        """
        self.refresh()
        if not self._row or k <= 0:
            return []
        ids, values, norm = self._query_vector(case)
        if norm == 0 or len(ids) == 0:
            return []
        scores = self._dots(ids, values * self._idf[ids]) / (self._norms * norm)
        return self._best(scores, case.rule, k, exclude, only, teams, min_score)

    def similar_to(self, key: Hashable, k: int = 5, **options) -> list[Match]:
        """The cases most like an indexed case, without analysing its text again."""
        self.refresh()
        row = self._row[key]
        ids, tfs = self._vector(row)
        ids = ids.astype(np.int64)
        values = tfs * self._idf[ids]
        scores = self._dots(ids, values * self._idf[ids]) / (self._norms * self._norms[row])
        exclude = {key, *options.pop("exclude", ())}
        rule = self._rule[row]
        return self._best(scores, rule, k, exclude, rule_code=True, **options)

    def _best(
        self,
        scores: np.ndarray,
        rule,
        k: int,
        exclude: Iterable[Hashable],
        only: Iterable[Hashable] | None = None,
        teams: Iterable[Hashable] | None = None,
        min_score: float = 0.0,
        rule_code: bool = False,
    ) -> list[Match]:
        text_scores = np.minimum(scores, 1.0)
        code = rule if rule_code else self._rule_codes.get(rule, -1) if rule is not None else -1
        same_rule = (self._rule_array == code) & (code >= 0)
        combined = np.where(
            same_rule & (text_scores > 0), text_scores + self.settings.rule_bonus, text_scores
        )
        allowed = self._alive_array.copy()
        if only is not None:
            chosen = np.zeros(len(self._keys), dtype=bool)
            rows = [self._row[key] for key in only if key in self._row]
            chosen[rows] = True
            allowed &= chosen
        if teams is not None:
            codes = [self._team_codes[team] for team in teams if team in self._team_codes]
            allowed &= np.isin(self._team_array, codes)
        for key in exclude:
            if key in self._row:
                allowed[self._row[key]] = False
        combined = np.where(allowed & (text_scores > 0), np.minimum(combined, 1.0), -1.0)
        k = min(k, len(combined))
        top = np.argpartition(-combined, k - 1)[:k] if k < len(combined) else np.arange(k)
        top = sorted(top.tolist(), key=lambda row: (-combined[row], row))
        return [
            Match(
                self._keys[row],
                round(float(combined[row]), 6),
                round(float(text_scores[row]), 6),
                bool(same_rule[row]),
            )
            for row in top
            if combined[row] > min_score
        ]

    def similarity(self, a: Hashable, b: Hashable) -> float:
        """The similarity of two indexed cases: text plus the rule bonus, at most 1."""
        text = self.text_similarity(a, b)
        rule = self._rule[self._row[a]]
        if text > 0 and rule >= 0 and rule == self._rule[self._row[b]]:
            text += self.settings.rule_bonus
        return min(1.0, text)

    def text_similarity(self, a: Hashable, b: Hashable) -> float:
        self.refresh()
        row_a, row_b = self._row[a], self._row[b]
        ids_a, tfs_a = self._vector(row_a)
        ids_b, tfs_b = self._vector(row_b)
        common, in_a, in_b = np.intersect1d(ids_a, ids_b, assume_unique=True, return_indices=True)
        if len(common) == 0:
            return 0.0
        idf = self._idf[common]
        dot = float(np.sum(tfs_a[in_a] * tfs_b[in_b] * idf * idf))
        return min(1.0, dot / (self._norms[row_a] * self._norms[row_b]))

    # Neighbours, for threads and flags ------------------------------------------------------

    def neighbours(
        self,
        keys: Iterable[Hashable],
        *,
        threshold: float,
        k: int,
        common_share: float = 0.02,
        common_floor: int = 200,
        candidates_per_case: int = 60,
        block: int = 128,
        rule_bonus: float | None = None,
    ) -> dict[Hashable, list[tuple[Hashable, float]]]:
        """For each of these cases, the others among them with a similarity (text plus rule
        bonus) of at least `threshold`: the best `k`, best first.

        It scales by not comparing every pair on every word. Features in more than
        `common_share` of these cases (and more than `common_floor`) are "common": candidates
        are found through the other, rarer features, with postings added up a block of cases
        at a time; the best `candidates_per_case` candidates of each case are then scored
        exactly, the common features included (as small dense vectors). Below the floor, for
        a few hundred cases, every feature takes part and the result is exact.

        `rule_bonus` replaces the index's own for this call.
        """
        self.refresh()
        rows = np.array([self._row[key] for key in keys if key in self._row], dtype=np.int64)
        n = len(rows)
        result: dict[Hashable, list[tuple[Hashable, float]]] = {
            self._keys[row]: [] for row in rows.tolist()
        }
        if n < 2:
            return result
        # The cases' unit vectors, as local CSR arrays.
        vectors = [self._vector(row) for row in rows.tolist()]
        lengths = np.array([len(ids) for ids, _ in vectors], dtype=np.int64)
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        feat = np.concatenate([ids for ids, _ in vectors]).astype(np.int64)
        local_row = np.repeat(np.arange(n), lengths)
        unit = (
            np.concatenate([tfs for _, tfs in vectors])
            * self._idf[feat]
            / self._norms[rows][local_row]
        )
        features, inverse, df = np.unique(feat, return_inverse=True, return_counts=True)
        common = df > max(common_floor, common_share * n)
        # Dense vectors over the common features; sparse postings for the rest.
        dense_column = np.full(len(features), -1)
        dense_column[common] = np.arange(int(common.sum()))
        dense = np.zeros((n, int(common.sum())), dtype=np.float32)
        is_common = common[inverse]
        dense[local_row[is_common], dense_column[inverse[is_common]]] = unit[is_common]
        rare = ~is_common
        order = np.argsort(inverse[rare], kind="stable")
        posting_row = local_row[rare][order]
        posting_value = unit[rare][order]
        counts = np.where(common, 0, df)
        pptr = np.zeros(len(features) + 1, dtype=np.int64)
        np.cumsum(counts, out=pptr[1:])
        rules = self._rule_array[rows]
        bonus = self.settings.rule_bonus if rule_bonus is None else rule_bonus
        for first in range(0, n, block):
            last = min(n, first + block)
            size = last - first
            span = slice(indptr[first], indptr[last])
            entry_features = inverse[span]
            entry_rows = local_row[span] - first
            entry_values = unit[span]
            keep = ~common[entry_features]
            starts = pptr[entry_features[keep]]
            counts_kept = pptr[entry_features[keep] + 1] - starts
            entries = _ranges(starts, counts_kept)
            partial = np.bincount(
                np.repeat(entry_rows[keep], counts_kept) * n + posting_row[entries],
                posting_value[entries] * np.repeat(entry_values[keep], counts_kept),
                minlength=size * n,
            ).reshape(size, n)
            partial = partial.astype(np.float64, copy=False)  # an empty bincount is integer
            partial[np.arange(size), np.arange(first, last)] = 0.0
            if n > candidates_per_case:
                # (Selecting from the negated scores is much faster: most scores are 0.)
                candidates = np.argpartition(-partial, candidates_per_case - 1, axis=1)[
                    :, :candidates_per_case
                ]
                exact = np.take_along_axis(partial, candidates, axis=1)
                if dense.shape[1]:
                    exact += np.einsum("bk,bck->bc", dense[first:last], dense[candidates])
            else:
                candidates = np.broadcast_to(np.arange(n), (size, n))
                exact = partial + (dense[first:last] @ dense.T if dense.shape[1] else 0.0)
            exact = np.minimum(exact, 1.0)
            same = rules[first:last, None] == rules[candidates]
            same &= rules[first:last, None] >= 0
            scored = np.where(same & (exact > 0), np.minimum(exact + bonus, 1.0), exact)
            scored[candidates == np.arange(first, last)[:, None]] = -1.0  # the case itself
            order = np.argsort(-scored, axis=1, kind="stable")[:, :k]
            best_scores = np.take_along_axis(scored, order, axis=1).tolist()
            best_rows = rows[np.take_along_axis(candidates, order, axis=1)].tolist()
            for offset in range(size):
                result[self._keys[rows[first + offset]]] = [
                    (self._keys[row], round(score, 6))
                    for row, score in zip(best_rows[offset], best_scores[offset], strict=True)
                    if score >= threshold
                ]
        return result

    # Saving ----------------------------------------------------------------------------------

    def save(self, path: Path | str | BinaryIO) -> None:
        """Write the index to one .npz file or file object (arrays, and the rest as JSON; no
        pickle).
        Keys, rules and teams must be strings or integers."""
        self.compile()
        meta = {
            "format": FORMAT_VERSION,
            "settings": asdict(self.settings),
            "analyzer": asdict(self.analyzer.settings),
            "thesaurus": self.analyzer.thesaurus.data,
            "lexicon": self.analyzer.lexicon,
            "keys": self._keys,
            "rules": self._rules,
            "teams": self._teams,
            "rule": self._rule,
            "team": self._team,
            "features": self._fnames,
            "df": self._df,
            "surfaces": [dict(s.most_common(SURFACES_KEPT)) for s in self._surfaces],
        }
        arrays = {
            "meta": np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8),
            "indptr": self._indptr,
            "feat": self._feat,
            "tf": self._tf,
        }
        if hasattr(path, "write"):  # a file object (a database column's bytes, say)
            np.savez(path, **arrays)
            return
        with open(path, "wb") as file:
            np.savez(file, **arrays)

    @classmethod
    def load(cls, path: Path | str | BinaryIO) -> SimilarityIndex:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(data["meta"].tobytes())
            indptr, feat, tf = data["indptr"], data["feat"], data["tf"]
        if meta["format"] != FORMAT_VERSION:
            raise ValueError("index written by another version; rebuild it")
        analyzer = Analyzer(
            Thesaurus.from_dict(meta["thesaurus"]),
            meta["lexicon"],
            AnalyzerSettings(**meta["analyzer"]),
        )
        index = cls(analyzer, IndexSettings(**meta["settings"]))
        index._keys = list(meta["keys"])
        index._row = {key: row for row, key in enumerate(index._keys)}
        index._alive = [True] * len(index._keys)
        index._rules = list(meta["rules"])
        index._rule_codes = {rule: code for code, rule in enumerate(index._rules)}
        index._teams = list(meta["teams"])
        index._team_codes = {team: code for code, team in enumerate(index._teams)}
        index._rule, index._team = list(meta["rule"]), list(meta["team"])
        index._fnames = list(meta["features"])
        index._fid = {name: fid for fid, name in enumerate(index._fnames)}
        index._df = list(meta["df"])
        index._surfaces = [Counter(s) for s in meta["surfaces"]]
        index._ncompiled = len(index._keys)
        index._indptr, index._feat, index._tf = indptr, feat, tf
        index.compile()
        return index


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The concatenation of range(start, start + length) for each pair, without a loop."""
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.cumsum(lengths) - lengths
    return np.repeat(starts - offsets, lengths) + np.arange(total)
