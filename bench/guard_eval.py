"""How well the privacy guard finds names and street addresses, and how fast it is.

    .venv/bin/python -m bench.guard_eval             # scores on the tuning and held-out parts
    .venv/bin/python -m bench.guard_eval --misses    # also the tuning part's misses and
                                                     # false positives
    .venv/bin/python -m bench.guard_eval --speed     # time for 10,000 characters
    .venv/bin/python -m bench.guard_eval --deduce    # the same scores for the `deduce` library,
                                                     # if it is installed (it is not a dependency)

The labelled set is tests/cases/guard_eval/ (its README explains the marks and the three
parts). Per part:

- name recall: the share of marked names that a name finding overlaps; name precision: the
  share of name findings that overlap a marked name;
- address recall: the share of marked addresses that an address (or postcode) finding
  overlaps; address precision likewise;
- traps clean: the share of unmarked sentences in which the guard finds nothing at all.

Speed: the whole guard (`find_personal_data`, every kind) on 10,000 characters of case text
with names, addresses and numbers in it, and on 10,000 characters without any; the median of
200 runs after a warm-up (the word lists load once per process, on first use). CPU time is
printed beside wall time because on a shared machine wall time mostly measures the neighbours.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SET_DIR = ROOT / "tests" / "cases" / "guard_eval"
PARTS = ("tuning", "heldout", "fresh")

_MARK_RE = re.compile(r"\[(?P<kind>[NA]):(?P<text>[^\]]+)\]")
ADDRESS_KINDS = frozenset({"address", "postcode"})


@dataclass
class Sentence:
    text: str
    names: list[tuple[int, int]] = field(default_factory=list)
    addresses: list[tuple[int, int]] = field(default_factory=list)

    @property
    def is_trap(self) -> bool:
        return not self.names and not self.addresses


def parse_line(line: str) -> Sentence:
    """ "Haar zoon [N:Mohammed] woont ..." -> the plain text and the marked spans."""
    sentence = Sentence("")
    parts, pos, length = [], 0, 0
    for match in _MARK_RE.finditer(line):
        plain = line[pos : match.start()]
        parts.append(plain)
        length += len(plain)
        marked = match.group("text")
        span = (length, length + len(marked))
        (sentence.names if match.group("kind") == "N" else sentence.addresses).append(span)
        parts.append(marked)
        length += len(marked)
        pos = match.end()
    parts.append(line[pos:])
    sentence.text = "".join(parts)
    return sentence


def load(part: str) -> list[Sentence]:
    lines = (SET_DIR / f"{part}.txt").read_text(encoding="utf-8").splitlines()
    return [parse_line(line.strip()) for line in lines if line.strip() and not line.startswith("#")]


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


@dataclass
class Scores:
    names: int = 0
    names_found: int = 0
    name_findings: int = 0
    name_findings_right: int = 0
    addresses: int = 0
    addresses_found: int = 0
    address_findings: int = 0
    address_findings_right: int = 0
    traps: int = 0
    traps_clean: int = 0
    sentences: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @staticmethod
    def ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def name_recall(self) -> float:
        return self.ratio(self.names_found, self.names)

    @property
    def name_precision(self) -> float:
        return self.ratio(self.name_findings_right, self.name_findings)

    @property
    def address_recall(self) -> float:
        return self.ratio(self.addresses_found, self.addresses)

    @property
    def address_precision(self) -> float:
        return self.ratio(self.address_findings_right, self.address_findings)

    @property
    def traps_clean_share(self) -> float:
        return self.ratio(self.traps_clean, self.traps)


def evaluate(sentences: list[Sentence], detect=None) -> Scores:
    """Score `detect(text) -> [(kind, start, end)]` (the guard's detector by default)."""
    detect = detect or guard_findings
    scores = Scores(sentences=len(sentences))
    for sentence in sentences:
        found = detect(sentence.text)
        names = [(s, e) for kind, s, e in found if kind == "name"]
        addresses = [(s, e) for kind, s, e in found if kind in ADDRESS_KINDS]
        scores.names += len(sentence.names)
        scores.addresses += len(sentence.addresses)
        for span in sentence.names:
            if _overlaps(span, names):
                scores.names_found += 1
            else:
                scores.misses.append(f"name    {sentence.text[slice(*span)]!r} in {sentence.text}")
        for span in sentence.addresses:
            if _overlaps(span, addresses):
                scores.addresses_found += 1
            else:
                scores.misses.append(f"address {sentence.text[slice(*span)]!r} in {sentence.text}")
        scores.name_findings += len(names)
        scores.name_findings_right += sum(_overlaps(s, sentence.names) for s in names)
        scores.address_findings += len(addresses)
        scores.address_findings_right += sum(_overlaps(s, sentence.addresses) for s in addresses)
        wrong = [
            (kind, s, e)
            for kind, s, e in found
            if not _overlaps((s, e), sentence.names if kind == "name" else sentence.addresses)
        ]
        if sentence.is_trap:
            scores.traps += 1
            scores.traps_clean += not found
        for kind, s, e in wrong:
            scores.false_positives.append(f"{kind:8}{sentence.text[s:e]!r} in {sentence.text}")
    return scores


def guard_findings(text: str) -> list[tuple[str, int, int]]:
    from cases.privacy import find_personal_data  # noqa: PLC0415 - after sys.path is set

    return [(str(f.kind), f.start, f.end) for f in find_personal_data(text)]


def deduce_findings(*, people_only: bool):
    """`deduce` (Dutch de-identification) as a detector: persons -> name, addresses -> address.

    deduce tags patients, persons, locations, institutions, dates, ages, ids, phone numbers,
    e-mail and URLs. With `people_only` only person and street-address tags count; otherwise
    every other tag counts as a finding too (in a trap it would block or ask, as the guard's).
    """
    from deduce import Deduce  # noqa: PLC0415 - optional, never a dependency

    model = _deduce_model(Deduce)

    def detect(text: str) -> list[tuple[str, int, int]]:
        found = []
        for annotation in model.deidentify(text).annotations:
            tag = annotation.tag
            if "persoon" in tag or "patient" in tag or "person" in tag:
                kind = "name"
            elif tag in {"locatie", "location"} and any(c.isdigit() for c in annotation.text):
                kind = "address"
            elif people_only:
                continue
            else:
                kind = tag
            found.append((kind, annotation.start_char, annotation.end_char))
        return found

    return detect


_models: dict = {}


def _deduce_model(factory):
    # Building deduce's lookup structures takes minutes the first time; once per process.
    if "deduce" not in _models:
        _models["deduce"] = factory()
    return _models["deduce"]


def report(label: str, scores: Scores) -> None:
    print(
        f"{label:9} {scores.sentences:4} sentences | names {scores.names:3}: "
        f"recall {scores.name_recall:.3f} precision {scores.name_precision:.3f} | "
        f"addresses {scores.addresses:3}: recall {scores.address_recall:.3f} "
        f"precision {scores.address_precision:.3f} | traps {scores.traps:3}: "
        f"clean {scores.traps_clean_share:.1%}"
    )


SPEED_TEXT = (
    "Mevrouw De Vries woont op de Dorpsstraat 12a, 1234 AB Ons Dorp. Haar zoon Mohammed is "
    "19 en werkt 16 uur per week. BSN 111222333 staat op de brief van J. de Boer. Meneer X "
    "en de klantmanager bespraken de kostendelersnorm op grond van de Participatiewet. "
)
CLEAN_TEXT = (
    "Mevrouw heeft de formulieren pas na drie weken ingeleverd. De klantmanager heeft een "
    "huisbezoek aangevraagd en de jurist adviseert om de terugvordering te matigen. Volgens "
    "de Participatiewet geldt een zoekperiode van vier weken voor jongeren onder de 27. "
)


def speed() -> None:
    from cases.privacy import find_personal_data  # noqa: PLC0415

    for label, unit in (("with findings", SPEED_TEXT), ("without findings", CLEAN_TEXT)):
        text = (unit * (10_000 // len(unit) + 1))[:10_000]
        find_personal_data(text)  # loads the word lists and the dictionary
        wall, cpu = [], []
        for _ in range(200):
            started, started_cpu = time.perf_counter(), time.process_time()
            findings = find_personal_data(text)
            cpu.append(time.process_time() - started_cpu)
            wall.append(time.perf_counter() - started)
        print(
            f"10,000 characters {label} ({len(findings)} findings): "
            f"CPU median {statistics.median(cpu) * 1000:.2f} ms, "
            f"wall median {statistics.median(wall) * 1000:.2f} ms, "
            f"p95 {sorted(wall)[189] * 1000:.2f} ms"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list misses and false positives")
    parser.add_argument("--speed", action="store_true", help="time 10,000 characters")
    parser.add_argument("--deduce", action="store_true", help="score the deduce library too")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    detectors = [("guard", None)]
    if args.deduce:
        detectors.append(("deduce, every tag", deduce_findings(people_only=False)))
        detectors.append(("deduce, persons and addresses", deduce_findings(people_only=True)))
    for name, detect in detectors:
        print(f"== {name}")
        for part in PARTS:
            scores = evaluate(load(part), detect)
            report(part, scores)
            # The held-out part is only scored: its misses are not for tuning.
            if args.misses and part == "tuning":
                for line in scores.misses:
                    print("  MISS ", line)
                for line in scores.false_positives:
                    print("  FALSE", line)
    if args.speed:
        speed()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
