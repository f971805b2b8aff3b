"""Detection of personal data in free text.

Plain Python on purpose: this module must not import Django. Django code calls
``find_personal_data`` and decides how to label or mask the findings.

The matched values are never logged, printed or stored here; callers only get
offsets into the text they passed in.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left, insort
from dataclasses import dataclass
from enum import StrEnum

from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn
from stdnum.nl import postcode as stdnum_postcode

from .people import find_addresses, find_names

__all__ = ["Finding", "Kind", "find_personal_data"]


class Kind(StrEnum):
    BSN = "bsn"
    IBAN = "iban"
    EMAIL = "email"
    PHONE = "phone"
    POSTCODE = "postcode"
    BIRTHDATE = "birthdate"
    NAME = "name"
    ADDRESS = "address"


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    certain: bool


# ---------------------------------------------------------------------------
# BSN
# ---------------------------------------------------------------------------

# Maximum distance (in characters) between a cue word and the number.
_BSN_CUE_DISTANCE = 30

_BSN_CUE_RE = re.compile(
    r"\b(?:bsn|burger\s?service\s?nummer|sofi-?nummer)\b",
    re.IGNORECASE,
)

# Nine digits (or the eight-digit legacy form), optionally grouped with a
# consistent separator (space or dot). The lookarounds keep the match from
# being a piece of a longer number: no word character, '/', '+' or '#' (the
# app's "#123" case references) directly before, no word character or '/'
# directly after, and no digit joined by a separator ("12 111 222 333",
# "1.111222333", "111222333,50").
_BSN_RE = re.compile(
    r"(?<![\w/+#])(?<!\d[.,\- ])"
    r"(?:"
    r"\d{9}|\d{8}"
    r"|\d{3}(?P<s1>[ .])\d{3}(?P=s1)\d{3}"  # 111 222 333 / 111.222.333
    r"|\d{4}(?P<s2>[ .])\d{2}(?P=s2)\d{3}"  # 1112 22 333 / 1112.22.333
    r"|\d{2}(?P<s3>[ .])\d{3}(?P=s3)\d{3}"  # 11 222 333 (legacy, 8 digits)
    r"|\d{3}(?P<s4>[ .])\d{2}(?P=s4)\d{3}"  # 112.22.333 (legacy, 8 digits)
    r")"
    r"(?![\w/])(?![.,\- ]\d)"
)

_CURRENCY_BEFORE_RE = re.compile(r"(?:€|\beur|\beuro)\s*$", re.IGNORECASE)
_CURRENCY_AFTER_RE = re.compile(r"^\s*(?:€|eur\b|euro\b)", re.IGNORECASE)


def _looks_like_amount(text: str, start: int, end: int) -> bool:
    return bool(
        _CURRENCY_BEFORE_RE.search(text[max(0, start - 6) : start])
        or _CURRENCY_AFTER_RE.search(text[end : end + 7])
    )


def _has_cue_nearby(cue_starts: list[int], cue_ends: list[int], start: int, end: int) -> bool:
    """True when a cue ends at most the cue distance before start or begins
    at most that distance after end. Both lists are sorted."""
    i = bisect_left(cue_ends, start - _BSN_CUE_DISTANCE)
    if i < len(cue_ends) and cue_ends[i] <= start:
        return True
    j = bisect_left(cue_starts, end)
    return j < len(cue_starts) and cue_starts[j] <= end + _BSN_CUE_DISTANCE


def _find_bsn(text: str) -> list[Finding]:
    cues = list(_BSN_CUE_RE.finditer(text))
    cue_starts = [m.start() for m in cues]
    cue_ends = [m.end() for m in cues]
    findings = []
    for match in _BSN_RE.finditer(text):
        digits = re.sub(r"[ .]", "", match.group())
        if not stdnum_bsn.is_valid(digits):  # also rejects all-zero numbers
            continue
        start, end = match.span()
        if _looks_like_amount(text, start, end):
            continue
        certain = _has_cue_nearby(cue_starts, cue_ends, start, end)
        findings.append(Finding(Kind.BSN, start, end, certain))
    return findings


# ---------------------------------------------------------------------------
# IBAN
# ---------------------------------------------------------------------------

_IBAN_MIN_LENGTH = 15  # Norway
_IBAN_MAX_LENGTH = 34

_IBAN_START_RE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}")

# Anything shaped like a spaced IBAN ("NL91 ABNA 0417 1643 01"), valid or not.
# Number-like findings inside such a token are not phone numbers or BSNs.
_IBAN_SHAPE_RE = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: [A-Za-z0-9]{4}){2,7}(?: [A-Za-z0-9]{1,4})?(?![A-Za-z0-9])"
)


def _is_alnum_ascii(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _find_iban(text: str) -> list[Finding]:
    findings = []
    resume_at = 0
    for match in _IBAN_START_RE.finditer(text):
        if match.start() < resume_at:
            continue
        # Walk forward over alphanumerics; a single space is allowed only
        # between groups of four characters. ends[n] is the text offset just
        # after the n-th compact character.
        compact: list[str] = []
        ends: dict[int, int] = {}
        pos = match.start()
        while pos < len(text) and len(compact) < _IBAN_MAX_LENGTH:
            char = text[pos]
            if _is_alnum_ascii(char):
                compact.append(char.upper())
                ends[len(compact)] = pos + 1
                pos += 1
            elif (
                char == " "
                and compact
                and len(compact) % 4 == 0
                and pos + 1 < len(text)
                and _is_alnum_ascii(text[pos + 1])
            ):
                pos += 1
            else:
                break
        # Prefer the longest valid candidate that ends on a word boundary.
        for length in range(len(compact), _IBAN_MIN_LENGTH - 1, -1):
            end = ends[length]
            if end < len(text) and _is_alnum_ascii(text[end]):
                continue
            if stdnum_iban.is_valid("".join(compact[:length])):
                findings.append(Finding(Kind.IBAN, match.start(), end, True))
                resume_at = end
                break
    return findings


# ---------------------------------------------------------------------------
# E-mail
# ---------------------------------------------------------------------------

_EMAIL_RE = re.compile(
    r"(?<![\w.%+-])[\w%+-]+(?:\.[\w%+-]+)*@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?![\w-])"
)


def _find_email(text: str) -> list[Finding]:
    return [Finding(Kind.EMAIL, m.start(), m.end(), True) for m in _EMAIL_RE.finditer(text)]


# ---------------------------------------------------------------------------
# Dutch phone numbers
# ---------------------------------------------------------------------------

# National prefix: "0", "+31", "0031", optionally with "(0)" ("+31 (0)6 ...").
# Area codes in parentheses ("(010) 123 4567") are accepted too.
# After the prefix come nine digits: "6" + 8 (mobile), a two-digit area code
# + 7, or a three-digit area code + 6. The separator after the area code may
# be a space, a hyphen or " - "; the subscriber part only allows single
# spaces, so dates such as "06-03-2024" never match. Area codes never start
# with 0, and the 06 block is mobile only.
_PHONE_RE = re.compile(
    r"(?<![\w+/.,#-])"
    r"(?:"
    r"(?:0|\+31[ -]?(?:\(0\) ?)?|0031[ -]?(?:\(0\) ?)?)"
    r"(?:"
    r"6(?: - |[ -])?\d(?: ?\d){7}"
    r"|[1-57-9]\d(?: - |[ -])?\d(?: ?\d){6}"
    r"|[1-57-9]\d{2}(?: - |[ -])?\d(?: ?\d){5}"
    r")"
    r"|\(0(?:[1-57-9]\d\) ?\d(?: ?\d){6}|[1-57-9]\d{2}\) ?\d(?: ?\d){5})"
    r")"
    r"(?!\d)(?![.,/-]\d)"
)


def _find_phone(text: str) -> list[Finding]:
    return [Finding(Kind.PHONE, m.start(), m.end(), True) for m in _PHONE_RE.finditer(text)]


# ---------------------------------------------------------------------------
# Postcode with house number
# ---------------------------------------------------------------------------

_POSTCODE_RE = re.compile(r"(?<![\w])(?P<digits>[1-9]\d{3}) ?(?P<letters>[A-Za-z]{2})(?!\w)")

# House number after the postcode: "12", "12a", "12-A", "12-3", "12 A".
_HOUSE_NUMBER_AFTER_RE = re.compile(
    r"[ \t\u00a0]+[1-9]\d{0,4}(?:-?[A-Za-z]{1,2}|-\d{1,4}| [A-Z])?(?!\w)(?![.,/-]\d)"
)

# House number before the postcode: "Straatnaam 12, 2511 AB" or an address
# block with a line break between street and postcode.
_HOUSE_NUMBER_BEFORE_RE = re.compile(
    r"(?<![\w.,/-])[1-9]\d{0,4}(?:-?[A-Za-z]{1,2}|-\d{1,4})?"
    r"(?:,\s*|[ \t\u00a0]*\n\s*)$",
    re.IGNORECASE,
)
# A PO box or a freepost number ("Postbus 123, 2500 AB", "Antwoordnummer 10250,
# 2500 VB") belongs to an organisation, not to a person.
_PO_BOX_BEFORE_RE = re.compile(r"\b(?:postbus|antwoordnummer)\s*$", re.IGNORECASE)

# All-lowercase letter pairs that are also common short words; "in 2024 is 12"
# would otherwise look like a postcode with a house number. Upper-case pairs
# are always accepted because that is how postcodes are normally written.
_LOWERCASE_STOPWORDS = frozenset(
    {
        "al", "am", "an", "as", "at", "be", "by", "de", "do", "en", "er", "go",
        "he", "ik", "if", "in", "is", "it", "je", "me", "my", "na", "no", "nu",
        "of", "om", "on", "op", "or", "so", "te", "to", "up", "us", "we", "ze",
        "zo",
    }
)  # fmt: skip


def _find_postcode(text: str) -> list[Finding]:
    findings = []
    for match in _POSTCODE_RE.finditer(text):
        letters = match.group("letters")
        if letters.islower() and letters in _LOWERCASE_STOPWORDS:
            continue
        if not stdnum_postcode.is_valid(match.group("digits") + letters):
            continue
        after = _HOUSE_NUMBER_AFTER_RE.match(text, match.end())
        if after:
            findings.append(Finding(Kind.POSTCODE, match.start(), after.end(), True))
        elif (
            before := _HOUSE_NUMBER_BEFORE_RE.search(
                text, max(0, match.start() - 40), match.start()
            )
        ) and not _PO_BOX_BEFORE_RE.search(text, max(0, before.start() - 20), before.start()):
            findings.append(Finding(Kind.POSTCODE, match.start(), match.end(), True))
    return findings


# ---------------------------------------------------------------------------
# Birthdate
# ---------------------------------------------------------------------------

# Maximum distance between the end of the cue and the start of the date.
_BIRTHDATE_CUE_DISTANCE = 25

_BIRTHDATE_CUE_RE = re.compile(
    r"\b(?:geboren\b|geb\.|geboortedatum\b|born\b|date\s+of\s+birth\b)",
    re.IGNORECASE,
)

_MONTHS = {
    # Dutch
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "augustus": 8, "september": 9, "oktober": 10, "november": 11,
    "december": 12, "mrt": 3, "okt": 10,
    # English
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "august": 8, "october": 10,
    # Abbreviations shared by both languages
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))

_NUMERIC_DATE_RE = re.compile(
    r"(?<![\w.,/-])"
    r"(?:(?P<d>\d{1,2})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})"
    r"|(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2}))"
    r"(?!\w)(?![.,/-]\d)"
)

_TEXT_DATE_RE = re.compile(
    r"(?<![\w.,/-])"
    rf"(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th|e)?\s+(?P<month>{_MONTH_NAMES})\.?,?\s+(?P<y>\d{{4}})"
    rf"|(?P<month2>{_MONTH_NAMES})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}}))"
    r"(?!\w)(?![.,/-]\d)",
    re.IGNORECASE,
)


def _is_real_date(year: str, month: int | str, day: str) -> bool:
    try:
        datetime.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def _date_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _NUMERIC_DATE_RE.finditer(text):
        if match.group("y"):
            parts = (match.group("y"), match.group("m"), match.group("d"))
        else:
            parts = (match.group("iy"), match.group("im"), match.group("id"))
        if _is_real_date(*parts):
            spans.append(match.span())
    for match in _TEXT_DATE_RE.finditer(text):
        if match.group("month"):
            month = _MONTHS[match.group("month").lower()]
            parts = (match.group("y"), month, match.group("d"))
        else:
            month = _MONTHS[match.group("month2").lower()]
            parts = (match.group("y2"), month, match.group("d2"))
        if _is_real_date(*parts):
            spans.append(match.span())
    return spans


def _find_birthdate(text: str) -> list[Finding]:
    cue_ends = [m.end() for m in _BIRTHDATE_CUE_RE.finditer(text)]
    if not cue_ends:
        return []
    findings = []
    for start, end in _date_spans(text):
        # The date must start at most the cue distance after the end of a cue.
        i = bisect_left(cue_ends, start - _BIRTHDATE_CUE_DISTANCE)
        if i < len(cue_ends) and cue_ends[i] <= start:
            findings.append(Finding(Kind.BIRTHDATE, start, end, True))
    return findings


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------

# Tie-breaker when two overlapping findings are equally certain and long.
_KIND_PRIORITY = {
    Kind.IBAN: 0,
    Kind.EMAIL: 1,
    Kind.BSN: 2,
    Kind.PHONE: 3,
    Kind.BIRTHDATE: 4,
    Kind.POSTCODE: 5,
    Kind.ADDRESS: 6,
    Kind.NAME: 7,
}

_MASKED_BY_IBAN_SHAPE = frozenset({Kind.BSN, Kind.PHONE})

# ---------------------------------------------------------------------------
# Names and street addresses (rules and word lists in cases/people.py)
# ---------------------------------------------------------------------------


def _find_name(text: str) -> list[Finding]:
    return [Finding(Kind.NAME, start, end, False) for start, end in find_names(text)]


def _find_address(text: str) -> list[Finding]:
    return [Finding(Kind.ADDRESS, start, end, True) for start, end in find_addresses(text)]


_DETECTORS = (
    _find_iban,
    _find_email,
    _find_bsn,
    _find_phone,
    _find_postcode,
    _find_birthdate,
    _find_address,
    _find_name,
)


def _deduplicate(findings: list[Finding]) -> list[Finding]:
    """Keep non-overlapping findings, preferring certain, then longer ones."""
    ranked = sorted(
        findings,
        key=lambda f: (not f.certain, -(f.end - f.start), _KIND_PRIORITY[f.kind], f.start),
    )
    # Kept spans are disjoint, so sorted by start they are sorted by end too.
    kept_starts: list[int] = []
    kept_ends: list[int] = []
    kept: list[Finding] = []
    for finding in ranked:
        # The kept span with the largest start before finding.end is the only
        # one that can overlap.
        i = bisect_left(kept_starts, finding.end) - 1
        if i >= 0 and kept_ends[i] > finding.start:
            continue
        insort(kept_starts, finding.start)
        insort(kept_ends, finding.end)
        kept.append(finding)
    return sorted(kept, key=lambda f: (f.start, f.end))


def find_personal_data(text: str) -> list[Finding]:
    """Return personal data found in ``text``, sorted by start offset.

    ``text[f.start:f.end]`` is the matched value. Overlapping candidates are
    resolved so that no two returned findings overlap.
    """
    if not text:
        return []
    candidates = [finding for detector in _DETECTORS for finding in detector(text)]
    shapes = list(_IBAN_SHAPE_RE.finditer(text))
    if shapes:
        shape_starts = [m.start() for m in shapes]
        shape_ends = [m.end() for m in shapes]

        def inside_iban_shape(finding: Finding) -> bool:
            i = bisect_left(shape_starts, finding.end) - 1
            return i >= 0 and shape_ends[i] > finding.start

        candidates = [
            finding
            for finding in candidates
            if finding.kind not in _MASKED_BY_IBAN_SHAPE or not inside_iban_shape(finding)
        ]
    return _deduplicate(candidates)
