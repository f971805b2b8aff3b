"""Rode draden proposed by the machine, and consistency flags between similar cases.

Threads. The cases of a period are linked to their most similar others (`SimilarityIndex.
neighbours`: the best `k` with a similarity of at least `link_threshold`), and the links are
clustered by average linkage: two groups merge while the mean similarity over all their pairs,
an unlinked pair counting 0, is at least `merge_threshold`. Average linkage keeps a thread
together when each case resembles most others in it, where single linkage (any chain of links)
lets one ambiguous case pull two stories into one. Groups of `min_size` cases or more are
proposed, each with labels: the words or phrases that most of its cases share and that are rare
elsewhere, written as they occur in the texts (a thesaurus concept is shown in the form the
cases use most, not its stem).

Flags. Two similar decided cases (similarity at least `flag_threshold`) whose settling
decisions point opposite ways ("follows": apply the rule; "departs": room within the rules or
justified deviation) are a flag, whatever their wording or team. A case can be in several
flags; a flag names the thread both its cases are in, if any.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

from .features import CaseText
from .index import SimilarityIndex

FOLLOWS = "follows"
DEPARTS = "departs"


@dataclass(frozen=True)
class ThreadSettings:
    # Links below this are not kept (they count 0 in the mean); well below the merge threshold,
    # so that the mean is close to the true mean over all pairs.
    link_threshold: float = 0.1
    merge_threshold: float = 0.32
    # Added to the similarity of two cases under the same rule, for threads and flags (the
    # index has its own for precedents).
    rule_bonus: float = 0.02
    k: int = 15
    min_size: int = 3
    # Two opposite decisions are flagged when their cases are in one thread, or when the two
    # cases alone are at least this similar.
    flag_threshold: float = 0.54
    labels: int = 3
    linkage: str = "average"  # or "single"
    # A group takes in another only when their mean similarity is at least this share of its
    # own cohesion (0: plain average linkage).
    relative: float = 0.0


@dataclass(frozen=True)
class Thread:
    keys: tuple[Hashable, ...]
    labels: tuple[str, ...]
    rules: tuple[Hashable, ...]  # most frequent first
    cohesion: float  # mean similarity over the thread's pairs (unlinked pairs count 0)


@dataclass(frozen=True)
class Flag:
    a: Hashable
    b: Hashable
    similarity: float
    directions: tuple[str, str]
    teams: tuple[Hashable | None, Hashable | None]
    thread: int | None  # position in the list of threads, when both cases are in one


def propose_threads(
    index: SimilarityIndex,
    keys: Iterable[Hashable] | None = None,
    settings: ThreadSettings | None = None,
    texts: Mapping[Hashable, CaseText] | None = None,
    *,
    graph: dict[Hashable, dict[Hashable, float]] | None = None,
) -> list[Thread]:
    """Groups of similar cases among `keys` (all indexed cases by default), largest first.

    With `texts`, labels are written as the thread's own cases write them; without, as the
    organisation's cases write them most often. `graph` (from `link_graph`, for the same keys
    and settings) saves computing the links again when flags need them too.
    """
    settings = settings or ThreadSettings()
    keys = list(index.keys() if keys is None else keys)
    if graph is None:
        graph = link_graph(index, keys, settings)
    position = {key: i for i, key in enumerate(keys)}
    if settings.linkage == "single":
        groups = _components(keys, graph, settings.merge_threshold)
    else:
        groups = _average_linkage(keys, graph, settings.merge_threshold, settings.relative)
    threads = []
    for members in groups:
        if len(members) < settings.min_size:
            continue
        members = sorted(members, key=position.__getitem__)
        pairs = len(members) * (len(members) - 1) / 2
        linked = sum(graph[a].get(b, 0.0) for i, a in enumerate(members) for b in members[i + 1 :])
        rules = Counter(index.rule_of(key) for key in members)
        rules.pop(None, None)
        threads.append(
            Thread(
                keys=tuple(members),
                labels=tuple(label_thread(index, members, settings.labels, texts)),
                rules=tuple(rule for rule, _ in rules.most_common()),
                cohesion=round(linked / pairs, 4),
            )
        )
    threads.sort(key=lambda thread: (-len(thread.keys), -thread.cohesion))
    return threads


def link_graph(
    index: SimilarityIndex, keys: Iterable[Hashable], settings: ThreadSettings | None = None
) -> dict[Hashable, dict[Hashable, float]]:
    """Each case's links to the others: its best `k` with a similarity of at least
    `link_threshold`, made symmetric (a pair is linked when either case has the other)."""
    settings = settings or ThreadSettings()
    keys = list(keys)
    graph: dict[Hashable, dict[Hashable, float]] = {key: {} for key in keys}
    found_by_key = index.neighbours(
        keys, threshold=settings.link_threshold, k=settings.k, rule_bonus=settings.rule_bonus
    )
    for key, found in found_by_key.items():
        for other, score in found:
            best = max(score, graph[key].get(other, 0.0))
            graph[key][other] = graph[other][key] = best
    return graph


def _components(keys, graph, threshold: float) -> list[list[Hashable]]:
    seen: set[Hashable] = set()
    groups = []
    for start in keys:
        if start in seen:
            continue
        seen.add(start)
        group, stack = [], [start]
        while stack:
            key = stack.pop()
            group.append(key)
            for other, score in graph[key].items():
                if score >= threshold and other not in seen:
                    seen.add(other)
                    stack.append(other)
        groups.append(group)
    return groups


def _average_linkage(keys, graph, threshold: float, relative: float = 0.0) -> list[list]:
    """Agglomerative clustering on a sparse graph: repeatedly merge the two groups with the
    highest mean similarity over all their pairs (missing links count 0) while it is at least
    `threshold`, and at least `relative` times the cohesion (mean similarity within) of the
    tighter group. Only linked groups are ever compared, so the work grows with the links."""
    members = {i: [key] for i, key in enumerate(keys)}
    inside = dict.fromkeys(members, 0.0)  # sum of similarities within a group
    position = {key: i for i, key in enumerate(keys)}
    links: dict[int, dict[int, float]] = defaultdict(dict)  # sums of similarities between
    for key, others in graph.items():
        for other, score in others.items():
            links[position[key]][position[other]] = score
    heap = [
        (-score, a, b)
        for a, others in links.items()
        for b, score in others.items()
        if a < b and score >= threshold
    ]
    heapq.heapify(heap)
    next_id = len(keys)

    def cohesion(group: int) -> float:
        size = len(members[group])
        return inside[group] / (size * (size - 1) / 2) if size > 1 else 0.0

    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        mean = -negative
        if mean < threshold:
            break
        if mean < relative * max(cohesion(a), cohesion(b)):
            continue  # the tighter group would be diluted
        merged = next_id
        next_id += 1
        inside[merged] = inside.pop(a) + inside.pop(b) + links[a].get(b, 0.0)
        members[merged] = members.pop(a) + members.pop(b)
        sums: dict[int, float] = defaultdict(float)
        for old in (a, b):
            for other, total in links.pop(old, {}).items():
                if other not in (a, b):
                    sums[other] += total
                    links[other].pop(old, None)
        links[merged] = dict(sums)
        size = len(members[merged])
        for other, total in sums.items():
            links[other][merged] = total
            mean = total / (size * len(members[other]))
            if mean >= threshold:
                heapq.heappush(heap, (-mean, min(merged, other), max(merged, other)))
    return list(members.values())


def label_thread(
    index: SimilarityIndex,
    keys: list[Hashable],
    count: int = 3,
    texts: Mapping[Hashable, CaseText] | None = None,
) -> list[str]:
    """The words or phrases that most cases of the thread share and that are rare elsewhere,
    in the form the organisation's cases write them most often; with `texts`, only forms that
    occur in the thread's own texts."""
    share = Counter(feature for key in keys for feature in index.feature_names(key))
    size = len(keys)
    words = None
    if texts is not None:
        written = " ".join(value for key in keys for _, value in texts[key].fields())
        words = set(_WORD.findall(written.lower()))
    ranked = sorted(
        (
            (n / size) * index.idf(feature) * (1.2 if feature.startswith("c:") else 1.0),
            feature,
        )
        for feature, n in share.items()
        if n >= 2
    )
    labels: list[str] = []
    for _score, feature in reversed(ranked):
        forms = index.surfaces(feature)
        if words is not None:
            forms = Counter(
                {form: n for form, n in forms.items() if set(form.lower().split()) <= words}
            )
        label = _readable(forms)
        if not label or len(label) < 3:
            continue
        lower = label.lower()
        if any(lower in chosen.lower() or chosen.lower() in lower for chosen in labels):
            continue
        labels.append(label)
        if len(labels) == count:
            break
    return labels


_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _readable(written: Counter[str]) -> str:
    """The most used way of writing it, lowercase unless the cases write it otherwise (AOW)."""
    if not written:
        return ""
    by_lower: Counter[str] = Counter()
    for form, n in written.items():
        by_lower[form.lower()] += n
    # A phrase ("beslagvrije voet") reads better than one of its words, so it counts half again.
    lower, _ = max(
        by_lower.items(),
        key=lambda item: (item[1] * (1.5 if " " in item[0] else 1.0), len(item[0]), item[0]),
    )
    forms = {form: n for form, n in written.items() if form.lower() == lower}
    if lower in forms or all(form[:1].isupper() and form[1:].islower() for form in forms):
        return lower  # a capital only at the start of a sentence
    return max(forms.items(), key=lambda item: (item[1], item[0]))[0]


def consistency_flags(
    index: SimilarityIndex,
    directions: Mapping[Hashable, str],
    threads: list[Thread] = (),
    settings: ThreadSettings | None = None,
    *,
    graph: dict[Hashable, dict[Hashable, float]] | None = None,
) -> list[Flag]:
    """Every pair of similar decided cases whose decisions point opposite ways, most similar
    first. `directions` maps a case to FOLLOWS or DEPARTS; other cases are not compared.

    Similar means: in the same thread (the thread stands for the situation, so two cases that
    each resemble the rest of it count even when their own wording differs most), or, outside
    threads, a similarity of at least `flag_threshold` between the two. With the `graph` the
    threads were made from, pairs outside threads are looked up in it (each case's best `k`
    links) instead of searched again.
    """
    settings = settings or ThreadSettings()
    decided = [key for key, way in directions.items() if way in (FOLLOWS, DEPARTS)]
    thread_of: dict[Hashable, set[int]] = defaultdict(set)
    for number, thread in enumerate(threads):
        for key in thread.keys:
            thread_of[key].add(number)
    pairs: dict[tuple, float] = {}
    for thread in threads:
        members = [key for key in thread.keys if directions.get(key) in (FOLLOWS, DEPARTS)]
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if directions[a] != directions[b]:
                    pairs[_pair(a, b)] = _similarity(index, a, b, settings.rule_bonus)
    if graph is None:
        found = index.neighbours(
            decided,
            threshold=settings.flag_threshold,
            k=MAX_FLAGS_PER_CASE,
            rule_bonus=settings.rule_bonus,
        )
    else:
        found = {key: list(graph.get(key, {}).items()) for key in decided}
    for key, others in found.items():
        for other, score in others:
            if score < settings.flag_threshold or other not in directions:
                continue
            if directions[other] in (FOLLOWS, DEPARTS) and directions[key] != directions[other]:
                pairs.setdefault(_pair(key, other), score)
    flags = []
    for (a, b), score in pairs.items():
        shared = sorted(thread_of[a] & thread_of[b])
        flags.append(
            Flag(
                a=a,
                b=b,
                similarity=round(score, 4),
                directions=(directions[a], directions[b]),
                teams=(index.team_of(a), index.team_of(b)),
                thread=shared[0] if shared else None,
            )
        )
    return sorted(flags, key=lambda flag: (-flag.similarity, str(flag.a), str(flag.b)))


MAX_FLAGS_PER_CASE = 50


def _pair(a: Hashable, b: Hashable) -> tuple[Hashable, Hashable]:
    return (a, b) if str(a) <= str(b) else (b, a)


def _similarity(index: SimilarityIndex, a: Hashable, b: Hashable, bonus: float) -> float:
    text = index.text_similarity(a, b)
    if text > 0 and index.rule_of(a) is not None and index.rule_of(a) == index.rule_of(b):
        text += bonus
    return min(1.0, text)


def opposite_precedents(
    index: SimilarityIndex,
    case: CaseText,
    direction: str,
    directions: Mapping[Hashable, str],
    *,
    k: int = 5,
    min_score: float | None = None,
    teams: Iterable[Hashable] | None = None,
) -> list:
    """For the meeting's "why does this case differ": similar decided cases whose decision
    points the other way from `direction`, most similar first."""
    other_way = DEPARTS if direction == FOLLOWS else FOLLOWS
    candidates = [key for key, way in directions.items() if way == other_way]
    threshold = ThreadSettings().link_threshold if min_score is None else min_score
    return index.similar(
        case, k, only=candidates, teams=teams, exclude=[case.key], min_score=threshold
    )


def thread_affinity(
    index: SimilarityIndex,
    case: CaseText,
    threads: Mapping[Hashable, Iterable[Hashable]],
    *,
    min_score: float | None = None,
) -> list[tuple[Hashable, float]]:
    """Which threads a (new) case looks like: per thread, the mean similarity of the case to
    its cases (the average linkage that formed threads), best first, at least `min_score`."""
    members = {thread: list(keys) for thread, keys in threads.items()}
    everyone = {key for keys in members.values() for key in keys}
    if not everyone:
        return []
    found = index.similar(case, len(everyone), only=everyone, exclude=[case.key])
    score = {match.key: match.score for match in found}
    threshold = ThreadSettings().merge_threshold if min_score is None else min_score
    result = []
    for thread, keys in members.items():
        mean = sum(score.get(key, 0.0) for key in keys) / max(1, len(keys))
        if mean >= threshold and not math.isclose(mean, 0.0):
            result.append((thread, round(mean, 4)))
    return sorted(result, key=lambda item: -item[1])
