"""How well the similarity engine (cases/similarity) finds rode draden, and how fast it is.

    .venv/bin/python -m bench.threads_eval                # quality on the held-out part and on all
    .venv/bin/python -m bench.threads_eval --variants     # the variants tried, tuned on `tune`
    .venv/bin/python -m bench.threads_eval --speed        # timing on 100,000 synthetic cases

Quality is measured on the labelled set in bench/eval/cases_nl.toml (its header explains it).
Thresholds are chosen on its `tune` part only (`--tune` prints that search); figures are
reported on `heldout`, which was fixed before any tuning. For each part the engine sees only
that part's cases, as an organisation would see only its own:

- B-cubed precision, recall and F1 of the proposed threads against the situations: every case
  not in a thread is a group of its own; every hard negative is a situation of its own;
- situations found: a proposed thread holds more than half of a situation's cases and more
  than half of the thread is that situation;
- hard-negative intrusion: the share of hard negatives placed in a thread;
- opposite pairs flagged (of the pairs marked in the set) and false flags (flagged pairs not
  in the same situation);
- top-5 precedents hit rate: for each case of a situation, whether its five most similar
  other cases include one of the same situation (and the mean share of them that do, out of
  at most the situation's other cases).

Speed (`--speed`): 100,000 synthetic cases made by recombining the set's sentences with a fixed
seed (per field, sentences from cases of one story, now and then one from another story), so
the vocabulary is far smaller and denser than a real organisation's — a hard case for the
index. It reports the build time, the index's memory, the top-5 latency of new texts (p50,
p95) and the time and peak memory of proposing the threads of one year (25,000 cases).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import sys
import time
import tomllib
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from cases.similarity import (  # noqa: E402
    Analyzer,
    AnalyzerSettings,
    CaseText,
    IndexSettings,
    SimilarityIndex,
    ThreadSettings,
    consistency_flags,
    link_graph,
    propose_threads,
)

EVAL_SET = ROOT / "bench" / "eval" / "cases_nl.toml"
SEED = 20261209


@dataclass(frozen=True)
class EvalSet:
    cases: list[dict]
    split: dict[str, list[str]]
    opposite: list[tuple[str, str]]

    def part(self, name: str) -> list[dict]:
        if name == "all":
            return list(self.cases)
        stories = set(self.split[name])
        return [case for case in self.cases if case["story"] in stories]


def load_eval_set(path: Path = EVAL_SET) -> EvalSet:
    with open(path, "rb") as file:
        data = tomllib.load(file)
    opposite = [tuple(item["cases"]) for item in data.get("opposite", [])]
    return EvalSet(data["case"], data["split"], opposite)


@dataclass(frozen=True)
class Config:
    analyzer: AnalyzerSettings = AnalyzerSettings()
    index: IndexSettings = IndexSettings()
    threads: ThreadSettings = ThreadSettings()
    keyer: str = "lemma+stem"


def texts_of(cases: list[dict]) -> list[CaseText]:
    return [CaseText.from_mapping(case) for case in cases]


def build(cases: list[dict], config: Config) -> SimilarityIndex:
    from cases.similarity.thesaurus import Thesaurus, default_thesaurus

    texts = texts_of(cases)
    thesaurus = default_thesaurus()
    if config.keyer != "lemma+stem":
        thesaurus = Thesaurus.from_dict(thesaurus.data, keyer=config.keyer)
    analyzer = Analyzer.fit(texts, thesaurus=thesaurus, settings=config.analyzer)
    return SimilarityIndex.build(texts, analyzer, config.index)


def evaluate(cases: list[dict], opposite, config: Config = Config()) -> dict:
    """The quality figures for these cases (one part of the set)."""
    index = build(cases, config)
    return measure(index, cases, opposite, config.threads)


def measure(index: SimilarityIndex, cases: list[dict], opposite, settings: ThreadSettings):
    by_key = {case["id"]: case for case in cases}
    texts = {text.key: text for text in texts_of(cases)}
    graph = link_graph(index, list(by_key), settings)
    threads = propose_threads(index, list(by_key), settings, texts, graph=graph)
    directions = {case["id"]: case["decision"] for case in cases}
    flags = consistency_flags(index, directions, threads, settings, graph=graph)
    story = {key: case["story"] for key, case in by_key.items()}
    negatives = {key for key, case in by_key.items() if case.get("hard_negative")}
    situations = defaultdict(set)
    for key, name in story.items():
        if key not in negatives:
            situations[name].add(key)
    thread_of = {}
    for number, thread in enumerate(threads):
        for key in thread.keys:
            thread_of[key] = number
    predicted = {key: thread_of.get(key, f"alone:{key}") for key in by_key}
    precision, recall = bcubed(predicted, story)
    found = sum(
        any(
            len(members & set(thread.keys)) * 2 > len(members)
            and len(members & set(thread.keys)) * 2 > len(thread.keys)
            for thread in threads
        )
        for members in situations.values()
    )
    marked = {frozenset(pair) for pair in opposite if all(key in by_key for key in pair)}
    flagged = {frozenset((flag.a, flag.b)) for flag in flags}
    false_flags = [pair for pair in flagged if len({story[key] for key in pair}) > 1]
    hits, shares = [], []
    for name, members in situations.items():
        for key in members:
            top = index.similar_to(key, 5, only=by_key)
            same = sum(story[match.key] == name for match in top)
            hits.append(same > 0)
            shares.append(same / min(5, len(members) - 1))
    return {
        "cases": len(cases),
        "situations": len(situations),
        "hard_negatives": len(negatives),
        "threads": len(threads),
        "precision": precision,
        "recall": recall,
        "f1": f1(precision, recall),
        "situations_found": found / len(situations) if situations else 1.0,
        "intrusion": sum(key in thread_of for key in negatives) / max(1, len(negatives)),
        "marked_pairs": len(marked),
        "pairs_flagged": len(marked & flagged) / len(marked) if marked else 1.0,
        "flags": len(flags),
        "false_flags": len(false_flags),
        "top5_hit_rate": sum(hits) / max(1, len(hits)),
        "top5_share": statistics.mean(shares) if shares else 0.0,
        "thread_list": threads,
        "flag_list": flags,
    }


def bcubed(predicted: dict, gold: dict) -> tuple[float, float]:
    by_predicted, by_gold = defaultdict(set), defaultdict(set)
    for key, group in predicted.items():
        by_predicted[group].add(key)
    for key, group in gold.items():
        by_gold[group].add(key)
    precision = recall = 0.0
    for key in predicted:
        overlap = len(by_predicted[predicted[key]] & by_gold[gold[key]])
        precision += overlap / len(by_predicted[predicted[key]])
        recall += overlap / len(by_gold[gold[key]])
    return precision / len(predicted), recall / len(predicted)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


# Tuning ------------------------------------------------------------------------------------

GRID = [round(0.10 + 0.02 * step, 2) for step in range(16)]


def tune(cases: list[dict], opposite, config: Config, verbose: bool = False) -> Config:
    """Choose, on these cases only, the merge threshold of the threads in the middle of the
    longest run of thresholds with the best F1; then, with it, the flag threshold (for pairs
    outside threads) in the middle of the longest run that flags most marked pairs for the
    fewest false flags."""
    index = build(cases, config)
    rows = []
    for threshold in GRID:
        settings = replace(config.threads, merge_threshold=threshold)
        result = measure(index, cases, opposite, settings)
        rows.append((threshold, round(result["f1"], 3)))
        if verbose:
            print(
                f"  t={threshold:.2f}  F1 {result['f1']:.3f}"
                f"  found {result['situations_found']:.2f}"
                f"  intrusion {result['intrusion']:.2f}"
                f"  flagged {result['pairs_flagged']:.2f}"
                f"  false flags {result['false_flags']}"
            )
    threshold = _middle_of_best(rows)
    at = [t for t, _ in rows].index(threshold)
    plateau = [score for _, score in rows[max(0, at - 2) : at + 3]]
    ROBUSTNESS[id(config)] = sum(plateau) / len(plateau)
    threads = replace(config.threads, merge_threshold=threshold)
    rows = []
    for flag_threshold in FLAG_GRID:
        settings = replace(threads, flag_threshold=flag_threshold)
        result = measure(index, cases, opposite, settings)
        score = result["pairs_flagged"] - result["false_flags"] / max(1, result["marked_pairs"])
        rows.append((flag_threshold, round(score, 3)))
        if verbose:
            print(
                f"  flag t={flag_threshold:.2f}  flagged {result['pairs_flagged']:.2f}"
                f"  false flags {result['false_flags']}"
            )
    return replace(config, threads=replace(threads, flag_threshold=_middle_of_best(rows)))


# Per configuration, the tuning part's mean F1 over the chosen threshold and two either side.
ROBUSTNESS: dict = {}
FLAG_GRID = [round(0.30 + 0.04 * step, 2) for step in range(11)]


def _middle_of_best(scored: list[tuple[float, float]]) -> float:
    best = max(score for _, score in scored)
    # The longest run of consecutive thresholds at the best score; its middle.
    runs, run = [], []
    for threshold, score in scored:
        if score == best:
            run.append(threshold)
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    longest = max(runs, key=len)
    return longest[(len(longest) - 1) // 2]


# Reports -----------------------------------------------------------------------------------

FIGURES = [
    ("B-cubed precision", "precision", "{:.3f}"),
    ("B-cubed recall", "recall", "{:.3f}"),
    ("B-cubed F1", "f1", "{:.3f}"),
    ("situations found", "situations_found", "{:.0%}"),
    ("hard-negative intrusion", "intrusion", "{:.0%}"),
    ("opposite pairs flagged", "pairs_flagged", "{:.0%}"),
    ("false flags", "false_flags", "{}"),
    ("top-5 precedents hit rate", "top5_hit_rate", "{:.0%}"),
    ("top-5 same-situation share", "top5_share", "{:.0%}"),
]


def report(name: str, result: dict, show_threads: bool = False) -> None:
    print(
        f"\n{name}: {result['cases']} cases, {result['situations']} situations, "
        f"{result['hard_negatives']} hard negatives, {result['marked_pairs']} marked pairs; "
        f"{result['threads']} threads, {result['flags']} flags"
    )
    for label, field, form in FIGURES:
        print(f"  {label:<28} {form.format(result[field])}")
    if show_threads:
        for thread in result["thread_list"]:
            print(f"    [{', '.join(thread.labels)}] {' '.join(map(str, thread.keys))}")


def quality(args) -> None:
    data = load_eval_set()
    config = Config()
    print(
        f"Settings: merge threshold {config.threads.merge_threshold}, flag threshold "
        f"{config.threads.flag_threshold}, rule bonus {config.threads.rule_bonus} for threads "
        f"and flags, {config.index.rule_bonus} for precedents (chosen on the tuning part; "
        "see --tune)"
    )
    started = time.perf_counter()
    for part in ("heldout", "tune", "all"):
        result = evaluate(data.part(part), data.opposite, config)
        report(part, result, show_threads=args.threads)
    print(f"\n({time.perf_counter() - started:.1f} s)")


VARIANTS = [
    (
        "stems only (Snowball), no thesaurus, no compounds",
        "stem",
        {"thesaurus": False, "compounds": False},
        {},
        {},
    ),
    (
        "lemma + stem, no thesaurus, no compounds",
        "lemma+stem",
        {"thesaurus": False, "compounds": False},
        {},
        {},
    ),
    ("+ compounds", "lemma+stem", {"thesaurus": False}, {}, {}),
    ("+ thesaurus (the engine)", "lemma+stem", {}, {}, {}),
    ("engine, new Snowball Dutch stemmer", "stem-new", {}, {}, {}),
    (
        "engine, all fields weigh 1",
        "lemma+stem",
        {
            "field_weights": dict.fromkeys(
                ("title", "situation", "effect", "conflict", "question", "proposed_rule"), 1.0
            )
        },
        {},
        {},
    ),
    ("engine, no rule bonus", "lemma+stem", {}, {"rule_bonus": 0.0}, {"rule_bonus": 0.0}),
    ("engine, rule bonus 0.08", "lemma+stem", {}, {}, {"rule_bonus": 0.08}),
    ("engine, BM25 idf", "lemma+stem", {}, {"idf": "bm25"}, {}),
    ("engine, single linkage", "lemma+stem", {}, {}, {"linkage": "single"}),
    ("engine, concepts weigh 1", "lemma+stem", {"concept_weight": 1.0}, {}, {}),
]


def variants(args) -> None:
    data = load_eval_set()
    tune_cases, held_cases = data.part("tune"), data.part("heldout")
    print("Each variant's thresholds are tuned on the tuning part; held-out figures follow.")
    print(
        "| variant | t | flag t | tune F1 | tune F1 ±2 steps | held-out F1 | found | intrusion"
        " | pairs flagged | false flags | top-5 hit |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, keyer, analyzer, index, threads in VARIANTS:
        config = Config(
            analyzer=AnalyzerSettings(**analyzer),
            index=IndexSettings(**index),
            threads=ThreadSettings(**threads),
            keyer=keyer,
        )
        untuned = config
        config = tune(tune_cases, data.opposite, config)
        tuned = evaluate(tune_cases, data.opposite, config)
        held = evaluate(held_cases, data.opposite, config)
        print(
            f"| {name} | {config.threads.merge_threshold:.2f} | "
            f"{config.threads.flag_threshold:.2f} | {tuned['f1']:.3f} | "
            f"{ROBUSTNESS[id(untuned)]:.3f} | {held['f1']:.3f} | "
            f"{held['situations_found']:.0%} | {held['intrusion']:.0%} | "
            f"{held['pairs_flagged']:.0%} | {held['false_flags']} | {held['top5_hit_rate']:.0%} |"
        )


def tuning(args) -> None:
    data = load_eval_set()
    print("Thresholds on the tuning part (t: merge threshold of average linkage):")
    config = tune(data.part("tune"), data.opposite, Config(), verbose=True)
    print(
        f"chosen: thread threshold {config.threads.merge_threshold}, "
        f"flag threshold {config.threads.flag_threshold}"
    )


# Speed -------------------------------------------------------------------------------------

SENTENCE = re.compile(r"(?<=[.!?])\s+")
FIELD_NAMES = ("title", "situation", "effect", "conflict", "question", "proposed_rule")


def synthetic_cases(n: int, seed: int = SEED, start: int = 0) -> list[CaseText]:
    """`n` case texts recombined from the set's sentences: per field, one to four sentences of
    that field from cases of one story, and one time in four a sentence from anywhere."""
    data = load_eval_set()
    rng = random.Random(seed)
    by_story: dict[str, list[dict]] = defaultdict(list)
    for case in data.cases:
        by_story[case["story"]].append(case)
    stories = sorted(by_story)
    sentences = {
        story: {
            name: [
                sentence
                for case in cases
                for sentence in SENTENCE.split(" ".join(case.get(name, "").split()))
                if sentence
            ]
            for name in FIELD_NAMES
        }
        for story, cases in by_story.items()
    }
    pool = {name: [s for story in stories for s in sentences[story][name]] for name in FIELD_NAMES}
    teams = sorted({case["team"] for case in data.cases})
    made = []
    for number in range(n):
        story = rng.choice(stories)
        fields = {}
        for name in FIELD_NAMES:
            choices = sentences[story][name]
            if not choices:
                continue
            chosen = rng.sample(choices, rng.randint(1, min(4, len(choices))))
            if rng.random() < 0.25:
                chosen[rng.randrange(len(chosen))] = rng.choice(pool[name])
            fields[name] = " ".join(chosen)
        made.append(
            CaseText(
                key=start + number,
                rule=rng.choice(by_story[story])["rule"] or None,
                team=rng.choice(teams),
                **fields,
            )
        )
    return made


class Clock:
    """Wall-clock and CPU time of this process: on a busy machine the second says more."""

    def __init__(self) -> None:
        self.wall = time.perf_counter()
        self.cpu = time.process_time()

    def __str__(self) -> str:
        return (
            f"{time.perf_counter() - self.wall:.1f} s (CPU {time.process_time() - self.cpu:.1f} s)"
        )


def _rss_mib() -> float:
    with open("/proc/self/statm") as file:
        pages = int(file.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def speed(args) -> None:
    n, year, queries = args.cases, args.year, 200
    print(
        f"Machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; "
        f"Python {sys.version.split()[0]}"
    )
    clock = Clock()
    corpus = synthetic_cases(n)
    print(f"{n:,} synthetic cases made in {clock}")
    before = _rss_mib()
    if args.index and Path(args.index).exists():
        clock = Clock()
        index = SimilarityIndex.load(args.index)
        print(f"index loaded from {args.index} in {clock}")
    else:
        clock = Clock()
        analyzer = Analyzer.fit(corpus[:10_000])
        index = SimilarityIndex(analyzer)
        for case in corpus:
            index.add(case, compile=False)
        index.compile()
        index.refresh()
        print(f"index build: {clock}, the lexicon fitted on 10,000 of the cases")
        if args.index:
            index.save(args.index)
    index.refresh()
    arrays = sum(
        array.nbytes
        for array in (index._indptr, index._feat, index._tf, index._pptr, index._prow, index._ptf)
    )
    print(
        f"index: {len(index):,} cases, {len(index._fnames):,} features, "
        f"{len(index._feat):,} entries; arrays {arrays / 2**20:.0f} MiB, the process grew by "
        f"{_rss_mib() - before:.0f} MiB (with the thesaurus, lexicon and lemmatiser)"
    )
    clock = Clock()
    index.add(replace(corpus[5], situation=corpus[6].situation), compile=False)
    print(f"replace one case: {clock}; ", end="")
    clock = Clock()
    index.refresh()
    print(f"the refresh before the next search: {clock}")

    new_texts = synthetic_cases(queries + 20, seed=SEED + 1, start=10**9)
    for label, options in (
        ("all cases", {}),
        ("a fifth of the cases (a director's teams)", {"only": range(0, n, 5)}),
    ):
        walls, cpus = [], []
        for number, case in enumerate(new_texts):
            wall, cpu = time.perf_counter(), time.process_time()
            index.similar(case, 5, **options)
            if number >= 20:
                walls.append((time.perf_counter() - wall) * 1000)
                cpus.append((time.process_time() - cpu) * 1000)
        walls.sort()
        cpus.sort()
        p95 = int(len(walls) * 0.95) - 1
        print(
            f"top-5 of a new text among {label}, {queries} searches: "
            f"p50 {walls[len(walls) // 2]:.1f} ms, p95 {walls[p95]:.1f} ms "
            f"(CPU p50 {cpus[len(cpus) // 2]:.1f} ms, p95 {cpus[p95]:.1f} ms)"
        )

    keys = list(range(n - year, n))
    texts = {case.key: case for case in corpus[n - year :]}
    # A year's decisions: the synthetic stories are decided at random, so flags abound.
    directions = {key: "follows" if key % 3 else "departs" for key in keys}
    before = _rss_mib()
    total = clock = Clock()
    graph = link_graph(index, keys)
    print(f"threads and flags of a year ({year:,} cases): links {clock}", end="")
    clock = Clock()
    threads = propose_threads(index, keys, texts=texts, graph=graph)
    print(f", threads {clock}", end="")
    clock = Clock()
    flags = consistency_flags(index, directions, threads, graph=graph)
    print(f", flags {clock}; in all {total}")
    sizes = sorted(len(thread.keys) for thread in threads)
    print(
        f"  {len(threads):,} threads of {sizes[0] if sizes else 0} to "
        f"{sizes[-1] if sizes else 0} cases, {len(flags):,} flags; "
        f"the process grew by {_rss_mib() - before:.0f} MiB"
    )
    print(f"peak memory of this process: {_peak_mib():.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--variants", action="store_true", help="the variants tried")
    parser.add_argument("--tune", action="store_true", help="the threshold search")
    parser.add_argument("--speed", action="store_true", help="timing on synthetic cases")
    parser.add_argument("--threads", action="store_true", help="list the proposed threads")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--year", type=int, default=25_000)
    parser.add_argument("--index", help="save the built index here, or load it if it exists")
    args = parser.parse_args()
    if args.variants:
        variants(args)
    elif args.tune:
        tuning(args)
    elif args.speed:
        speed(args)
    else:
        quality(args)


if __name__ == "__main__":
    main()
