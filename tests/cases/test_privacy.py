"""Tests for cases.privacy: detection of personal data in free text.

Plain unit tests; no database or Django settings needed.
"""

from __future__ import annotations

import ast
import logging
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from stdnum.nl import bsn as stdnum_bsn

from cases import privacy
from cases.privacy import Finding, Kind, find_personal_data

# (text, [(kind, exact substring, certain), ...]); every substring occurs once in its text.
POSITIVES: list[tuple[str, list[tuple[str, str, bool]]]] = [
    # BSN with a cue
    ("BSN: 111222333", [("bsn", "111222333", True)]),
    ("Zijn bsn is 111222333.", [("bsn", "111222333", True)]),
    ("burgerservicenummer 111 222 333", [("bsn", "111 222 333", True)]),
    ("Sofinummer: 111.222.333, bekend", [("bsn", "111.222.333", True)]),
    ("sofi-nummer 1112 22 333", [("bsn", "1112 22 333", True)]),
    ("BSN-nummer 1112.22.333", [("bsn", "1112.22.333", True)]),
    ("111222333 (bsn van de aanvrager)", [("bsn", "111222333", True)]),
    ("BSN 123456782 en BSN 111222333", [
        ("bsn", "123456782", True), ("bsn", "111222333", True),
    ]),
    # legacy eight-digit BSN (zero-padded to nine for the check)
    ("bsn 12345672", [("bsn", "12345672", True)]),
    ("oud sofinummer 12.345.672", [("bsn", "12.345.672", True)]),
    # BSN without a cue nearby: still reported, but uncertain
    ("nummer 111222333", [("bsn", "111222333", False)]),
    ("jobsn 111222333", [("bsn", "111222333", False)]),
    ("BSN staat hieronder, heel veel verderop: 111222333", [("bsn", "111222333", False)]),
    # IBAN
    ("IBAN NL91 ABNA 0417 1643 00 graag", [("iban", "NL91 ABNA 0417 1643 00", True)]),
    ("rekening NL91ABNA0417164300.", [("iban", "NL91ABNA0417164300", True)]),
    ("nl91abna0417164300", [("iban", "nl91abna0417164300", True)]),
    ("Duits: DE89 3704 0044 0532 0130 00, dank", [("iban", "DE89 3704 0044 0532 0130 00", True)]),
    ("GB82WEST12345698765432 is Brits", [("iban", "GB82WEST12345698765432", True)]),
    # e-mail
    ("mail jan.de.vries@example.nl.", [("email", "jan.de.vries@example.nl", True)]),
    ("<a.b+c@sub.gemeente-x.org>", [("email", "a.b+c@sub.gemeente-x.org", True)]),
    # mobile phone numbers
    ("bel 06-12345678", [("phone", "06-12345678", True)]),
    ("bel 06 12345678 vandaag", [("phone", "06 12345678", True)]),
    ("0612345678", [("phone", "0612345678", True)]),
    ("tel: +31 6 12345678", [("phone", "+31 6 12345678", True)]),
    ("+31612345678", [("phone", "+31612345678", True)]),
    ("+31-6-12345678", [("phone", "+31-6-12345678", True)]),
    ("Telefoon: 06 - 12345678", [("phone", "06 - 12345678", True)]),
    ("06-1234 5678", [("phone", "06-1234 5678", True)]),
    ("0031 6 12345678", [("phone", "0031 6 12345678", True)]),
    ("+31 (0)6 12 34 56 78", [("phone", "+31 (0)6 12 34 56 78", True)]),
    # landlines
    ("010-1234567", [("phone", "010-1234567", True)]),
    ("bel 070 123 4567.", [("phone", "070 123 4567", True)]),
    ("020-1234567", [("phone", "020-1234567", True)]),
    ("Emmen: 0591-123456", [("phone", "0591-123456", True)]),
    ("+31 70 123 4567", [("phone", "+31 70 123 4567", True)]),
    ("(010) 123 45 67", [("phone", "(010) 123 45 67", True)]),
    # postcode with house number
    ("2511 AB 12", [("postcode", "2511 AB 12", True)]),
    ("woont op 2511AB 12 in Den Haag", [("postcode", "2511AB 12", True)]),
    ("2511 ab 12a", [("postcode", "2511 ab 12a", True)]),
    ("2511 AB 12-3 boven", [("postcode", "2511 AB 12-3", True)]),
    ("Straatnaam 12, 2511 AB Den Haag", [("postcode", "2511 AB", True)]),
    # A street with a house number is an address; a postcode right after it belongs to it.
    ("Kerkstraat 1a\n2511 AB Den Haag", [("address", "Kerkstraat 1a\n2511 AB", True)]),
    ("woont op de Dorpsstraat 12", [("address", "Dorpsstraat 12", True)]),
    ("Laan van Meerdervoort 212-II", [("address", "Laan van Meerdervoort 212-II", True)]),
    ("Van Nelleweg 8 bis is leeg", [("address", "Nelleweg 8 bis", True)]),
    # A name is never certain.
    ("Vandaag belde mevrouw De Vries.", [("name", "De Vries", False)]),
    ("haar zoon mohammed is 19", [("name", "mohammed", False)]),
    ("Brief van J. de Boer ontvangen.", [("name", "J. de Boer", False)]),
    # birthdates with a cue
    ("geboren 3 maart 1950", [("birthdate", "3 maart 1950", True)]),
    ("Geb. 03-03-1950 te Zwolle", [("birthdate", "03-03-1950", True)]),
    ("geboortedatum: 3/3/1950", [("birthdate", "3/3/1950", True)]),
    ("geboren op 1 januari 2001 te Utrecht", [("birthdate", "1 januari 2001", True)]),
    ("date of birth: 03.03.1950", [("birthdate", "03.03.1950", True)]),
    ("born on March 3, 1950", [("birthdate", "March 3, 1950", True)]),
    ("Born 3 March 1950", [("birthdate", "3 March 1950", True)]),
    ("geboren 1950-03-03", [("birthdate", "1950-03-03", True)]),
    # several kinds in one text, returned in text order
    (
        "Jan (BSN 111222333, IBAN NL91ABNA0417164300) belt 06-12345678 of mailt jan@x.nl.",
        [
            ("bsn", "111222333", True),
            ("iban", "NL91ABNA0417164300", True),
            ("phone", "06-12345678", True),
            ("email", "jan@x.nl", True),
        ],
    ),
]  # fmt: skip

NEGATIVES: list[str] = [
    # BSN-like numbers that fail or are part of something longer
    "BSN: 111222334",
    "BSN 000000000",
    "BSN 00000000",
    "9111222333",
    "1112223339",
    "BSN 111222333444",
    "BSN 111 222 333 444",
    "1.111222333",
    "111222333,50",
    "€ 111.222.333",
    "111.222.333 euro",
    # IBANs failing mod-97
    "NL91ABNA0417164301",
    "NL91 ABNA 0417 1643 01",
    "NL91ABNA041716430",
    # e-mail-ish but not an address
    "jan@localhost",
    "@gemeente",
    # amounts, years, plain dates
    "€ 1.234,56",
    "1234 euro",
    "in 2024 is 12 keer besloten",
    "op 12-03-2024 besproken",
    "op 06-03-2024 besproken",
    "3 maart 1950",
    "vergadering van 03-03-1950",
    # too short or too long to be phone numbers
    "0612345",
    "op 06 - 03 - 2024",
    "06123456789",
    # postcode without house number, banned letters, leading zero
    "2511 AB",
    "2511 SS 12",
    "0511 AB 12",
    "Postbus 123, 2500 AB Den Haag",
    "Antwoordnummer 10250, 2500 VB Den Haag",
    "Mevrouw X en meneer Y, cliënt A",
    "De klantmanager en de jurist bespraken de Participatiewet en de AOW.",
    "Stichting Jan de Wit in Den Haag",
    "meneer is onderweg 2 keer gevallen",
    "Gesprek met mevrouw. Zij gaf aan dat het goed gaat.",
    "Gesprek met meneer. Daarna belde de verhuurder.",
    "POSTBUS 5\n2500 AB",
    # birthdates: cue too far away, impossible date
    "geboren in Utrecht, lang verhaal daarna volgt 03-03-1950",
    "geboren 31-02-1950",
    # the app's own case numbers
    "C-2026-00123",
    "zie #123",
    "casus 123",
    "casus C-2026-00123 en #4567",
    "zie #111222333",
    "zie #0612345678",
]


def expected_findings(text: str, expected: list[tuple[str, str, bool]]) -> list[Finding]:
    findings = []
    for kind, value, certain in expected:
        assert text.count(value) == 1, f"ambiguous test data: {value!r}"
        start = text.index(value)
        findings.append(Finding(kind, start, start + len(value), certain))
    return findings


@pytest.mark.parametrize(("text", "expected"), POSITIVES, ids=[t for t, _ in POSITIVES])
def test_it_finds_personal_data_with_exact_offsets(text, expected):
    findings = find_personal_data(text)

    assert findings == expected_findings(text, expected)
    assert [text[f.start : f.end] for f in findings] == [value for _, value, _ in expected]


@pytest.mark.parametrize("text", NEGATIVES)
def test_it_does_not_flag_look_alikes(text):
    assert find_personal_data(text) == []


def test_it_uses_the_agreed_kind_values():
    assert {kind.value for kind in Kind} == {
        "bsn", "iban", "email", "phone", "postcode", "birthdate", "name", "address",
    }  # fmt: skip
    assert Kind.BSN == "bsn"


def test_it_returns_frozen_findings():
    finding = find_personal_data("BSN 111222333")[0]

    with pytest.raises(AttributeError):
        finding.start = 0  # type: ignore[misc]


def test_it_returns_nothing_for_empty_text():
    assert find_personal_data("") == []


def test_it_reports_an_iban_only_once_not_also_as_phone_or_bsn():
    # "0417 1643 00" on its own would look like a landline number.
    text = "NL91 ABNA 0417 1643 00"

    assert find_personal_data(text) == [Finding("iban", 0, len(text), True)]


def test_it_never_returns_overlapping_findings():
    text = (
        "BSN 111222333 IBAN NL91 ABNA 0417 1643 00, 06-12345678, 070 123 4567, "
        "geboren 3 maart 1950, 2511 AB 12, jan@example.nl, 111 222 333, mevrouw De Vries, "
        "Dorpsstraat 12"
    )
    findings = find_personal_data(text)

    assert [f.start for f in findings] == sorted(f.start for f in findings)
    for left, right in zip(findings, findings[1:], strict=False):
        assert left.end <= right.start
    assert {f.kind for f in findings} == {kind.value for kind in Kind}


def test_it_writes_nothing_to_output_or_logs(capsys, caplog):
    with caplog.at_level(logging.DEBUG):
        find_personal_data("BSN 111222333, NL91ABNA0417164300, jan@example.nl")

    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ""
    assert caplog.records == []


def test_it_does_not_import_django():
    tree = ast.parse(Path(privacy.__file__).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)

    assert not any(name.split(".")[0] == "django" for name in imported)


# ---------------------------------------------------------------------------
# Property tests
# ---------------------------------------------------------------------------

# No digits and no "@": the surrounding text can never glue onto a number or form
# another finding of a number on its own (random letters may spell a name: "FATMA").
FILLER_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ éë.,;:!?()'\"-\n"
filler = st.text(alphabet=FILLER_ALPHABET, max_size=60)


@st.composite
def valid_bsns(draw) -> str:
    digits = draw(st.lists(st.integers(0, 9), min_size=8, max_size=8))
    check = sum((9 - i) * d for i, d in enumerate(digits)) % 11
    assume(check != 10)
    number = "".join(map(str, digits)) + str(check)
    assume(number != "000000000")
    return number


def format_bsn(number: str, style: str) -> str:
    if style == "plain":
        return number
    if style in ("3-3-3 space", "3-3-3 dot"):
        sep = " " if "space" in style else "."
        return sep.join((number[:3], number[3:6], number[6:]))
    sep = " " if "space" in style else "."
    return sep.join((number[:4], number[4:6], number[6:]))


@st.composite
def valid_nl_ibans(draw) -> str:
    bank = draw(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=4, max_size=4))
    account = draw(st.text(alphabet="0123456789", min_size=10, max_size=10))
    bban = bank + account
    rearranged = "".join(str(int(char, 36)) for char in bban + "NL00")
    check = 98 - int(rearranged) % 97
    return f"NL{check:02d}{bban}"


@settings(max_examples=200, deadline=None)
@given(
    before=filler,
    after=filler,
    cue=st.sampled_from(["BSN ", "bsn: ", "burgerservicenummer: ", "Sofinummer "]),
    number=valid_bsns(),
    style=st.sampled_from(["plain", "3-3-3 space", "3-3-3 dot", "4-2-3 space", "4-2-3 dot"]),
)
def test_it_finds_every_valid_bsn_after_a_cue(before, after, cue, number, style):
    assert stdnum_bsn.is_valid(number)
    value = format_bsn(number, style)
    prefix = f"{before} {cue}"
    text = f"{prefix}{value} {after}"

    findings = [f for f in find_personal_data(text) if f.kind != Kind.NAME]

    assert findings == [Finding("bsn", len(prefix), len(prefix) + len(value), True)]


@settings(max_examples=200, deadline=None)
@given(before=filler, after=filler, iban=valid_nl_ibans(), spaced=st.booleans())
def test_it_finds_every_valid_iban_anywhere(before, after, iban, spaced):
    value = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4)) if spaced else iban
    prefix = f"{before} "
    text = f"{prefix}{value} {after}"

    findings = [f for f in find_personal_data(text) if f.kind != Kind.NAME]

    assert findings == [Finding("iban", len(prefix), len(prefix) + len(value), True)]


@settings(max_examples=200, deadline=None)
@given(
    before=filler,
    after=filler,
    cue=st.sampled_from(["", "BSN ", "burgerservicenummer: "]),
    number=st.text(alphabet="0123456789", min_size=9, max_size=9),
)
def test_it_never_flags_nine_digit_numbers_failing_the_eleven_check(before, after, cue, number):
    assume(not stdnum_bsn.is_valid(number))
    prefix = f"{before} {cue}"
    text = f"{prefix}{number} {after}"
    start, end = len(prefix), len(prefix) + len(number)

    findings = find_personal_data(text)

    assert not [f for f in findings if f.start < end and start < f.end]
