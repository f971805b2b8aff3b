"""The similarity engine as the app runs it, at scale, on data made by bench/generate.py.

    createdb -h 127.0.0.1 -U postgres bedoeling_threads
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/bedoeling_threads
    .venv/bin/python manage.py migrate
    .venv/bin/python bench/generate.py --cases 100000
    .venv/bin/python bench/threads_scale.py build      # the nightly Celery task
    .venv/bin/python bench/threads_scale.py search     # precedents for new texts, as a request
    .venv/bin/python bench/threads_scale.py propose    # a year's threads, as the Celery task

Each step runs in its own process, so its peak memory (ru_maxrss) is its own:
- build: `cases.tasks.rebuild_similarity_index` (reads every submitted case, fits the analyzer,
  builds the index and stores it in the database);
- search: `cases.precedents.similar_cases` for new texts (composed by the demo's composer with a
  fixed seed, each with a rule), as a professional of one team and as a director over five,
  after one warm-up search that loads the stored index (a process does that once);
- propose: `digests.tasks.propose_threads_task` for the year before the data's end (about a
  third of the cases): loads the stored index, links each case to its best neighbours, clusters,
  labels and stores the proposals.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import SEED, setup_django  # noqa: E402


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def build() -> None:
    from cases.models import StoredIndex
    from cases.tasks import rebuild_similarity_index

    cpu, wall = time.process_time(), time.perf_counter()
    count = rebuild_similarity_index()
    size = len(StoredIndex.objects.get(name="cases").data)
    print(
        f"build: {count} cases in {time.perf_counter() - wall:.1f} s "
        f"({time.process_time() - cpu:.1f} s CPU), stored {size / 2**20:.0f} MiB, "
        f"peak {_peak_mib():.0f} MiB; load average {_load()}"
    )


def search(queries: int) -> None:
    from django.contrib.auth import get_user_model

    from bedoeling.scenario.texts import TOPICS, compose
    from cases.models import Rule
    from cases.precedents import similar_cases

    User = get_user_model()  # noqa: N806
    rng = random.Random(SEED + 7)  # noqa: S311 - repeatable texts, not security
    rules = {(r.regulation.short_name, r.reference): r for r in Rule.objects.active()}
    topics = [key for key in TOPICS if key in rules]
    personas = {
        "professional": User.objects.get(username="bench-t01-p0"),
        "director": User.objects.get(username="bench-directeur-inkomen"),
    }
    wall = time.perf_counter()
    similar_cases("Kleinzoon logeert bij oma", personas["professional"])  # loads the index
    print(f"warm-up (loads the stored index): {(time.perf_counter() - wall) * 1000:.0f} ms")
    for name, user in personas.items():
        times, cpu_times, found_counts = [], [], []
        for _ in range(queries):
            topic = rng.choice(topics)
            text = compose(rng, topic)
            fields = {key: text[key] for key in ("title", "situation", "effect", "conflict")}
            start, cpu = time.perf_counter(), time.process_time()
            found = similar_cases(fields, user, 5, rule=rules[topic])
            times.append((time.perf_counter() - start) * 1000)
            cpu_times.append((time.process_time() - cpu) * 1000)
            found_counts.append(len(found))
        times.sort()
        cpu_times.sort()
        p95 = times[max(0, round(0.95 * len(times)) - 1)]
        cpu_p95 = cpu_times[max(0, round(0.95 * len(cpu_times)) - 1)]
        print(
            f"search top-5, {name}: p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, "
            f"max {times[-1]:.1f} ms over {queries} new texts "
            f"({statistics.mean(found_counts):.1f} precedents found on average); this "
            f"process's CPU p50 {statistics.median(cpu_times):.1f} ms, p95 {cpu_p95:.1f} ms"
        )
    print(f"peak {_peak_mib():.0f} MiB; load average {_load()}")


def propose() -> None:
    from bench.generate import END
    from digests.models import Thread
    from digests.tasks import propose_threads_task
    from organisations import clock

    cpu, wall = time.process_time(), time.perf_counter()
    with clock.at(END):
        made = propose_threads_task()
    print(
        f"propose a year's threads: {made} proposals in {time.perf_counter() - wall:.1f} s "
        f"({time.process_time() - cpu:.1f} s CPU), peak {_peak_mib():.0f} MiB "
        f"({Thread.objects.count()} threads stored); load average {_load()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("step", choices=("build", "search", "propose"))
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    setup_django()
    if args.step == "build":
        build()
    elif args.step == "search":
        search(args.queries)
    else:
        propose()


if __name__ == "__main__":
    main()
