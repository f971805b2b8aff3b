"""Scenarios: the demo and the tests' worlds, written as data and made by one builder.

- `plans`: the words a scenario is written in (people, teams, cases, meetings, decisions,
  follow-up, signals, good examples), every moment relative to the day it is built;
- `texts`: the one composer of Dutch case texts, shared with the benchmarks in `bench/`;
- `demo`, `demo_cases`, `demo_meetings`: the demo organisation and its six months of history;
- `builder`: `build(scenario)` makes it through the services, under `organisations.clock`.

Nothing is imported here, so `bench/` can use `texts` before Django is set up.
"""
