"""Benchmark the organisation digest (digests.patterns.build_digest) and its page.

On a database made by `python -m bench.digest_data --cases N`:

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/bedoeling_digest_100k
    .venv/bin/python bench/digests.py

It measures, each `--runs` times (median reported), after one untimed warm-up:
(a) the organisation digest over the last 365 days (patterns and consistency flags included):
    build time, and peak memory of the process (ru_maxrss) -- each run in a fresh process, so
    the peak is that build's; the Python allocations' peak (tracemalloc) in one extra run;
(b) the organisation digest for the last week (the 7 days up to the end date): build time;
(c) the digest page: a director's GET of the stored year digest with the Django test client,
    warm, median of `--page-runs` requests, per run; the week digest's page likewise.
The periods end on the day of the last submitted case, unless --end is given. Also printed:
the machine (cores, load, PostgreSQL version), N, and how much of a build was SQL.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import setup_django  # noqa: E402

DIRECTOR = "bench-directeur-svb"


def _maxrss_mib() -> float:
    # Linux reports kilobytes.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _periods(end: dt.date) -> dict[str, tuple[dt.date, dt.date]]:
    return {
        "year": (end - dt.timedelta(days=364), end),
        "week": (end - dt.timedelta(days=6), end),
    }


def _end_date(given: str | None) -> dt.date:
    from django.db.models import Max
    from django.utils import timezone

    from cases.models import Case

    if given:
        return dt.date.fromisoformat(given)
    latest = Case.objects.aggregate(latest=Max("submitted_at"))["latest"]
    return timezone.localtime(latest).date() if latest else timezone.localdate()


class SqlTimer:
    """Time spent in the database driver (query and fetch), via connection.execute_wrapper."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.queries = 0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started
            self.queries += 1


def child(kind: str, end: str, repeat: int, trace: bool) -> None:
    """One process: build the digest `repeat` times and print one JSON line per build."""
    setup_django()
    import tracemalloc

    from django.db import connection

    from digests.patterns import build_digest

    start, last = _periods(dt.date.fromisoformat(end))[kind]
    connection.ensure_connection()
    baseline = _maxrss_mib()
    for _ in range(repeat):
        timer = SqlTimer()
        if trace:
            tracemalloc.start()
        with connection.execute_wrapper(timer):
            started = time.perf_counter()
            data = build_digest(None, start, last)
            seconds = time.perf_counter() - started
        traced = tracemalloc.get_traced_memory()[1] / 2**20 if trace else None
        if trace:
            tracemalloc.stop()
        print(
            json.dumps(
                {
                    "seconds": seconds,
                    "sql_seconds": timer.seconds,
                    "queries": timer.queries,
                    "maxrss_mib": _maxrss_mib(),
                    "baseline_mib": baseline,
                    "traced_mib": traced,
                    "submitted": data["counts"]["submitted"],
                    "patterns": len(data["patterns"]),
                    "flags": len(data["consistency_flags"]),
                }
            ),
            flush=True,
        )


def _run_child(kind: str, end: dt.date, repeat: int = 1, trace: bool = False) -> list[dict]:
    command = [sys.executable, __file__, "--child", kind, "--end", end.isoformat()]
    command += ["--repeat", str(repeat)] + (["--trace"] if trace else [])
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout  # noqa: S603
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def _page_times(client, url: str, runs: int) -> float:
    client.get(url, secure=True)  # warm: templates compiled, translations loaded
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url, secure=True)
        times.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise SystemExit(f"GET {url}: {response.status_code}")
    return statistics.median(times)


def _store(start: dt.date, end: dt.date, data: dict):
    """Store the digest as digests.tasks.store_digest does, without e-mailing the directors."""
    from django.db.models import Max

    from digests.models import Digest

    version = (
        Digest.objects.filter(team=None, start=start, end=end).aggregate(v=Max("version"))["v"] or 0
    ) + 1
    return Digest.objects.create(team=None, start=start, end=end, version=version, data=data)


def _machine() -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        server_version = cursor.fetchone()[0]
        cursor.execute("SHOW shared_buffers")
        shared_buffers = cursor.fetchone()[0]
        cursor.execute("SHOW work_mem")
        work_mem = cursor.fetchone()[0]
    return {
        "cores": len(os.sched_getaffinity(0)),
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "python": platform.python_version(),
        "database": f"{connection.vendor} {server_version} (shared_buffers {shared_buffers}, "
        f"work_mem {work_mem})",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--page-runs", type=int, default=20)
    parser.add_argument("--end", help="last day of the periods, YYYY-MM-DD")
    parser.add_argument("--child", choices=["year", "week"], help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.end, args.repeat, args.trace)
        return
    setup_django()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client, override_settings
    from django.test.utils import setup_test_environment

    from cases.models import Case
    from digests.patterns import build_digest

    setup_test_environment()  # the test client's host, in-memory e-mail
    # As in the tests: no collectstatic before a benchmark, so no manifest to look names up in.
    override_settings(
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ).enable()
    end = _end_date(args.end)
    periods = _periods(end)
    machine = _machine()
    n_cases = Case.objects.count()
    print(f"machine: {machine['cores']} cores, load {machine['load']}, Python {machine['python']}")
    print(f"database: {machine['database']}")
    print(
        f"N = {n_cases:,} cases; year {periods['year'][0]} to {end}, week from {periods['week'][0]}"
    )

    # (a) The year, each run in a fresh process.
    _run_child("year", end)  # warm-up: the database's caches
    year = [_run_child("year", end)[0] for _ in range(args.runs)]
    traced = _run_child("year", end, trace=True)[0]["traced_mib"]
    # (b) The week: warm-up and runs in one process, as a worker builds one digest after another.
    week = _run_child("week", end, repeat=args.runs + 1)[1:]
    # (c) The pages of the stored digests.
    director = get_user_model().objects.get(username=DIRECTOR)
    client = Client()
    client.force_login(director)
    pages = {}
    for kind, (start, last) in periods.items():
        digest = _store(start, last, build_digest(None, start, last))
        url = digest.get_absolute_url()
        pages[kind] = statistics.median(
            _page_times(client, url, args.page_runs) for _ in range(args.runs)
        )

    def median(rows: list[dict], key: str) -> float:
        return statistics.median(row[key] for row in rows)

    print(f"load after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print()
    print(
        f"(a) org digest, year: {median(year, 'seconds'):.2f} s "
        f"(runs {', '.join(f'{r["seconds"]:.2f}' for r in year)}; "
        f"SQL {median(year, 'sql_seconds'):.2f} s in {year[0]['queries']} queries); "
        f"peak RSS {median(year, 'maxrss_mib'):.0f} MiB "
        f"(process after start {median(year, 'baseline_mib'):.0f} MiB; "
        f"Python allocations peak {traced:.0f} MiB); "
        f"{year[0]['submitted']:,} cases submitted, {year[0]['patterns']} patterns, "
        f"{year[0]['flags']} flags"
    )
    print(
        f"(b) org digest, week: {median(week, 'seconds'):.3f} s "
        f"(runs {', '.join(f'{r["seconds"]:.3f}' for r in week)}; "
        f"SQL {median(week, 'sql_seconds'):.3f} s); {week[0]['submitted']:,} cases submitted"
    )
    print(
        f"(c) digest page: year {pages['year'] * 1000:.0f} ms, week {pages['week'] * 1000:.0f} ms "
        f"(median of {args.page_runs} warm GETs, median of {args.runs} runs)"
    )


if __name__ == "__main__":
    main()
