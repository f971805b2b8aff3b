"""Benchmark `cases.precedents.similar_cases` on data made by bench/generate.py.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/bedoeling_bench
    .venv/bin/python bench/precedents.py --queries 200

Each persona (a professional in one team, a director over several teams) runs the same number
of searches, a third of each kind the app makes: intake text with the chosen rule, intake text
without a rule, and the case page (a visible decided case). Texts come from the composer that
made the data (`bedoeling.scenario.texts`) with a fixed seed, so every run searches the same
things. After a warm-up it prints latency percentiles, database queries per call and, as a check
on the ranking, the share of results whose story is about the same topic as the searched text.

Latency is wall-clock time, so other work on the machine inflates it. When PostgreSQL runs on
the same machine, the script also prints the CPU time a search costs (this process plus the
database backend, from /proc/<pid>/schedstat), which contention hardly changes.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bedoeling.scenario.texts import TOPICS, compose  # noqa: E402
from bench.common import SEED, setup_django  # noqa: E402

KINDS = ("intake with rule", "intake without rule", "case page")
PERSONAS = {
    "professional": "bench-t{team:02d}-p0",  # one team, drawn per search (tNN)
    "director": "bench-directeur-inkomen",  # oversees five teams
}
TEAMS = 20


def cpu_ns(pid: int | str = "self") -> int | None:
    """Nanoseconds a process has run on a CPU; None when it cannot be read (a remote server)."""
    try:
        with open(f"/proc/{pid}/schedstat") as stat:
            return int(stat.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def workload(rng: random.Random, n: int, rules: dict) -> list[dict]:
    searches = []
    for index in range(n):
        topic = rng.choice(list(TOPICS))
        texts = compose(rng, topic)
        searches.append(
            {
                "kind": KINDS[index % len(KINDS)],
                "team": rng.randrange(TEAMS),
                "topic": topic,
                "text": " ".join(
                    texts[name] for name in ("title", "situation", "effect", "conflict")
                ),
                "rule": rules[topic],
                "pick": rng.random(),
            }
        )
    return searches


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--queries", type=int, default=200, help="searches per persona")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--limit", type=int, default=5)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    setup_django()

    from django.contrib.auth import get_user_model
    from django.db import connection

    from cases.models import Case, Rule
    from cases.precedents import DECIDED_STATUSES, similar_cases

    users = {user.username: user for user in get_user_model().objects.all()}
    rules = {
        (rule.regulation.short_name, rule.reference): rule.pk
        for rule in Rule.objects.select_related("regulation")
    }
    topic_of_title = {title: key for key, topic in TOPICS.items() for title in topic["titles"]}
    searches = workload(random.Random(args.seed), args.queries + args.warmup, rules)

    backend = None
    server = "SQLite"
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT version(), pg_backend_pid()")
            server, backend = cursor.fetchone()
    if backend is not None and cpu_ns(backend) is None:
        backend = None
    print(f"machine: {os.cpu_count()} CPUs ({os.uname().machine}), {server.split(' on ')[0]}")
    print(
        f"database: {connection.settings_dict['NAME']}: {Case.objects.count():,} cases, "
        f"{Case.objects.filter(status__in=DECIDED_STATUSES).count():,} decided or closed"
    )
    print(f"searches: {args.queries} per persona after {args.warmup} warm-up, top {args.limit}")

    queries = 0

    def count_queries(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    all_times: list[float] = []
    for persona, username in PERSONAS.items():
        visible_cache: dict[str, list[int]] = {}
        times: list[float] = []
        cpu_times: list[float] = []
        per_call: list[int] = []
        on_topic: list[float] = []
        by_kind: dict[str, list[float]] = {kind: [] for kind in KINDS}
        for index, search in enumerate(searches):
            user = users[username.format(team=search["team"])]
            if search["kind"] == "case page":
                if user.username not in visible_cache:
                    visible_cache[user.username] = list(
                        Case.objects.visible_to(user)
                        .filter(status__in=DECIDED_STATUSES)
                        .order_by("pk")
                        .values_list("pk", flat=True)
                    )
                visible = visible_cache[user.username]
                case = Case.objects.get(pk=visible[int(search["pick"] * len(visible))])
                subject, rule, topic = case, None, topic_of_title.get(case.title)
            elif search["kind"] == "intake with rule":
                subject, rule, topic = search["text"], search["rule"], search["topic"]
            else:
                subject, rule, topic = search["text"], None, search["topic"]
            queries = 0
            with connection.execute_wrapper(count_queries):
                cpu_before = (cpu_ns(), cpu_ns(backend) if backend else 0)
                started = time.perf_counter()
                found = similar_cases(subject, user, args.limit, rule=rule)
                elapsed = (time.perf_counter() - started) * 1000
                cpu_after = (cpu_ns(), cpu_ns(backend) if backend else 0)
            if index < args.warmup:
                continue
            times.append(elapsed)
            if None not in cpu_before + cpu_after:
                cpu_times.append((sum(cpu_after) - sum(cpu_before)) / 1e6)
            by_kind[search["kind"]].append(elapsed)
            per_call.append(queries)
            titles = [topic_of_title.get(precedent.case.title) for precedent in found]
            on_topic.append(sum(t == topic for t in titles) / args.limit)
        all_times += times
        print(
            f"\n{persona} ({username.replace('{team:02d}', 'NN')}):"
            f"\n  p50 {statistics.median(times):6.1f} ms  p95 {percentile(times, 0.95):6.1f} ms"
            f"  max {max(times):6.1f} ms  queries per call {min(per_call)}-{max(per_call)}"
            f"  on-topic share of top {args.limit}: {statistics.mean(on_topic):.2f}"
        )
        if cpu_times:
            whose = "this process and the database backend" if backend else "this process"
            print(
                f"  CPU time  p50 {statistics.median(cpu_times):6.1f} ms"
                f"  p95 {percentile(cpu_times, 0.95):6.1f} ms  ({whose})"
            )
        for kind, kind_times in by_kind.items():
            print(
                f"  {kind:20} p50 {statistics.median(kind_times):6.1f} ms"
                f"  p95 {percentile(kind_times, 0.95):6.1f} ms"
            )
    print(
        f"\nall: p50 {statistics.median(all_times):.1f} ms  p95 {percentile(all_times, 0.95):.1f}"
        f" ms  max {max(all_times):.1f} ms  ({len(all_times)} searches)"
    )


if __name__ == "__main__":
    main()
