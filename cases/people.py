"""Names of people and street addresses in Dutch case text.

Plain Python like `cases.privacy` (which calls it): no Django here. Rules, not a model:

- a name is what follows a title ("mevrouw De Vries", "dhr. kowalski"), a relation ("haar zoon
  Mohammed", "de buurvrouw, Joke,") or initials ("J. de Boer", "A.B. Yılmaz"); and a listed
  first name or surname anywhere ("Oksana belde", "ayse heeft"), or a capitalised word with a
  surname ending ("Tkachenko", "Ahmadzai"). A name is never certain: the person confirms it is
  no one's name, or writes a pseudonym ("mevrouw X");
- a street address is a word with a street ending ("Dorpsstraat", "Laan van Meerdervoort",
  "Ringbaan-Oost") followed by a house number with any addition (12a, 12-II, 12 bis, 212 hs);
  it is certain.

What it leaves alone, on purpose: a single letter after a title (the pseudonym "meneer Y"),
roles ("de klantmanager"), names inside an organisation's name ("Stichting Jan de Wit",
"Johan Cruijff Foundation", "Julianaschool"; an organisation is not the citizen of the case),
words Dutch knows in lower case ("meneer heeft", "haar zoon van 17"), places, Postbus and
Antwoordnummer, and numbers followed by a unit ("onderweg 2 keer", "Rotterdam 3 jaar").

The word lists are data (cases/privacy_data/people_nl.toml). Words are checked against
simplemma's Dutch dictionary (already used by cases.similarity) to tell a name typed in lower
case from an ordinary word; the dictionary and the lists load once, on first use.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

__all__ = ["PARTICLES", "find_addresses", "find_names", "fold"]

_DATA = Path(__file__).parent / "privacy_data" / "people_nl.toml"

# Tussenvoegsels, for callers that compare names word by word.
PARTICLES = frozenset({"van", "de", "den", "der", "het", "'t", "ten", "ter", "te", "el", "al"})

_LETTER = r"[^\W\d_]"
_WORD = rf"{_LETTER}[\w'’]*(?:-{_LETTER}[\w'’]*)*"
# A token: a word, or the particle "'t" ("van 't Hof").
_TOKEN_RE = re.compile(rf"[ \t\u00a0]*(['’]t(?!\w)|{_WORD})")
_COMMA_RE = re.compile(r"[ \t\u00a0]*,")
_AND_RE = re.compile(r"[ \t\u00a0]*(?:,|en\b|&)", re.IGNORECASE)
_WORD_RE = re.compile(_WORD)
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;\n(\"“'‘-])[\s\"“'‘(]*$")


@lru_cache(maxsize=8192)
def fold(word: str) -> str:
    """Lower case without diacritics: "Yılmaz" and "yilmaz" are one name."""
    word = word.lower().replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("’", "'")
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class _Lists:
    first_names: frozenset[str]
    surnames: frozenset[str]
    # Listed names that are also Dutch words ("roos", "bakker"): names only with a capital
    # letter in the middle of a sentence, or after a cue.
    ambiguous: frozenset[str]
    particles: frozenset[str]
    surname_endings: tuple[str, ...]
    not_names: frozenset[str]
    organisation_words: frozenset[str]
    organisation_endings: tuple[str, ...]
    # First word -> the names that start with it ("albert" -> ("albert heijn",)).
    known_not_people: dict[str, tuple[str, ...]]
    street_endings: tuple[str, ...]
    street_words: frozenset[str]
    not_streets: frozenset[str]
    units: frozenset[str]
    # Folded last word of a title without its dot ("mevr." -> "mevr", "de heer" -> "heer").
    titles: frozenset[str]
    relations: frozenset[str]


@cache
def _lists() -> _Lists:
    with _DATA.open("rb") as f:
        data = tomllib.load(f)

    def folded(key: str) -> frozenset[str]:
        return frozenset(fold(w) for w in data[key]) | frozenset(w.lower() for w in data[key])

    first_names, surnames = folded("first_names"), folded("surnames")
    ambiguous = frozenset(
        w for w in first_names | surnames if " " not in w and _is_dutch_word(w)
    ) - folded("unambiguous_names")
    return _Lists(
        first_names=first_names,
        surnames=surnames,
        ambiguous=ambiguous,
        particles=folded("particles"),
        surname_endings=tuple(data["surname_endings"]),
        not_names=folded("not_names") | folded("titles") | folded("relations"),
        organisation_words=folded("organisation_words"),
        organisation_endings=tuple(data["organisation_endings"]),
        known_not_people=_by_first_word(fold(w) for w in data["known_not_people"]),
        street_endings=tuple(data["street_endings"]),
        street_words=folded("street_words"),
        not_streets=folded("not_streets"),
        units=folded("not_house_number_units"),
        titles=frozenset(fold(t.rstrip(".").split()[-1]) for t in data["titles"]),
        relations=folded("relations"),
    )


def _by_first_word(names) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for name in names:
        index.setdefault(name.split()[0], []).append(name)
    return {first: tuple(group) for first, group in index.items()}


@cache
def _simplemma():
    import simplemma  # noqa: PLC0415 - loads a dictionary; only when a text needs it

    return simplemma


@lru_cache(maxsize=8192)
def _is_dutch_word(word: str) -> bool:
    return _simplemma().is_known(word.lower(), lang="nl")


# Shapes of Dutch words the dictionary misses ("ingeschreven", "hiervan", "inwonend").
_DUTCH_SHAPE_RE = re.compile(
    r"^(?:(?:ge|be|ver|ont|her|in|uit|op|aan|af|mee|toe|over|onder|door|voor|weg|terug)"
    r"\w{3,}(?:d|t|en|end|de|te)"
    r"|(?:hier|daar|waar|er)\w{2,}"
    r"|\w+(?:heid|ing|lijk|tje|isch|baar|loos|achtig|zaam|ig|end|ende))$"
)


@lru_cache(maxsize=8192)
def _looks_dutch(word: str) -> bool:
    """A word in lower case that is (or is shaped like) ordinary Dutch, not a name."""
    lower = word.lower()
    if _is_dutch_word(lower) or _DUTCH_SHAPE_RE.match(lower):
        return True
    return _simplemma().lemmatize(lower, lang="nl") != lower


# ---------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------


def find_names(text: str) -> list[tuple[int, int]]:
    """Spans of what reads as a person's name, in text order, not overlapping."""
    if not text:
        return []
    lists = _lists()
    # One pass over the distinct words picks the few that matter; only those are searched.
    triggers = {}
    for word in set(_WORD_RE.findall(text)):
        key = fold(word)
        if (
            key in lists.titles
            or key in lists.relations
            or key in lists.first_names
            or key in lists.surnames
            or (key.endswith(lists.surname_endings) and key not in lists.not_names)
        ):
            triggers[word] = key
        elif _is_double_first_name(key, lists):
            triggers[word] = key  # "Gert-Jan", "Mohamed-Amine"
        elif word[0].isupper() and word[1:].islower() and _is_unknown_word(word, lists):
            # Two unknown capitalised words in a row are a first name and a surname more
            # often than anything else ("Dilan Korkut"); places of two words are listed.
            following = _TOKEN_RE.match(text, text.find(word) + len(word))
            if following and _is_unknown_word(following.group(1), lists):
                triggers[word] = _PAIR
    spans: list[tuple[int, int]] = list(_initials(text, lists))
    if triggers:
        alternatives = "|".join(re.escape(w) for w in sorted(triggers, key=len, reverse=True))
        found_until = 0
        for match in re.finditer(rf"(?<![\w-])(?:{alternatives})(?![\w-])", text):
            key = triggers[match.group()]
            if match.start() < found_until and key not in lists.relations:
                continue  # already part of a name: "De Vries" after "mevrouw"
            for span in _names_at(text, match, key, lists):
                spans.append(span)
                found_until = max(found_until, span[1])
    return [span for span in _merge(spans) if not _is_organisation(text, span, lists)]


_PAIR = "<two unknown capitalised words>"


def _is_double_first_name(key: str, lists: _Lists) -> bool:
    return "-" in key and all(part in lists.first_names for part in key.split("-"))


def _is_unknown_word(word: str, lists: _Lists) -> bool:
    """A capitalised word Dutch does not know and the lists do not place: maybe a name."""
    if not (word[:1].isupper() and word[1:].islower() and len(word) > 2):
        return False
    key = fold(word)
    if key in lists.not_names or key in lists.organisation_words or key in lists.particles:
        return False
    return not _looks_dutch(word) and not key.endswith(lists.organisation_endings)


_DE_BEFORE_RE = re.compile(r"\bde\s+$", re.IGNORECASE)
_ABBREVIATED_TITLES = frozenset(
    {"mevr", "mw", "mnr", "dhr", "mej", "dr", "mr", "drs", "ir", "ing", "fam"}
)


def _names_at(text: str, match: re.Match, key: str, lists: _Lists):
    """The names that a trigger word starts or announces."""
    start, end = match.span()
    # "heer" is a title only in "de heer".
    if key in lists.titles and (
        key != "heer" or _DE_BEFORE_RE.search(text, max(0, start - 4), start)
    ):
        # After "dhr." the dot belongs to the title; after "mevrouw." the sentence ends.
        dotted = key in _ABBREVIATED_TITLES and text.startswith(".", end)
        span = _name_after(text, end + dotted, lists, after="dotted title" if dotted else "title")
        if span:
            yield span
    if key in lists.relations:
        pos = end
        while span := _name_after(text, pos, lists, after="relation"):
            yield span
            # "haar dochters Selin en Elif": the next name after "en" or a comma.
            more = _AND_RE.match(text, span[1])
            if not more:
                break
            pos = more.end()
    if key is _PAIR:
        following = _TOKEN_RE.match(text, end)
        if (
            following
            and _is_unknown_word(following.group(1), lists)
            and not _is_known_not_person(text, start, lists)
        ):
            yield start, following.end(1)
    elif key in lists.first_names or key in lists.surnames or _is_double_first_name(key, lists):
        span = _listed_name(text, start, end, key, lists)
        if span:
            yield span
    elif key.endswith(lists.surname_endings):
        word = match.group()
        if word[0].isupper() or not _looks_dutch(word):
            yield _extend_surname(text, start, end, lists)


def _tokens(text: str, pos: int, limit: int = 6):
    """Up to `limit` (start, end, word) tokens from pos, stopping at punctuation or a digit."""
    for _ in range(limit):
        match = _TOKEN_RE.match(text, pos)
        if not match:
            return
        yield match.start(1), match.end(1), match.group(1)
        pos = match.end()


def _name_after(text: str, pos: int, lists: _Lists, *, after: str) -> tuple[int, int] | None:
    """The name that directly follows a title or a relation at `pos`, if there is one."""
    comma = _COMMA_RE.match(text, pos)
    if comma and after == "relation":
        pos = comma.end()
    tokens = list(_tokens(text, pos))
    particles = 0
    # A title may be followed by particles ("mevrouw van der Meer"); a relation by a first
    # name ("haar zoon van 17" is not a name).
    while (
        after != "relation"
        and particles < len(tokens) - 1
        and fold(tokens[particles][2]) in lists.particles
    ):
        particles += 1
    if particles >= len(tokens):
        return None
    start, end, word = tokens[particles]
    key = fold(word)
    if len(word) < 2 or key in lists.not_names or word.isupper() and len(word) <= 3:
        return None  # "mevrouw X", "meneer de klantmanager", "zijn werkgever UWV"
    if word[0].isupper():
        if (
            after in ("relation", "dotted title")
            and _is_dutch_word(word)
            and key not in lists.first_names
            and key not in lists.surnames
        ):
            # "haar zoon Gisteren ...", "gesproken met dhr. Daarna ...": a Dutch word, not
            # a listed name, where a sentence may have begun.
            return None
    elif particles:
        if key not in lists.surnames and (_looks_dutch(word) or word.endswith("e")):
            return None  # "mevrouw van de gemeente", "namens mevrouw de private schuldeisers"
    elif key in lists.ambiguous or (
        key not in lists.first_names
        and key not in lists.surnames
        and not key.endswith(lists.surname_endings)
    ):
        # In lower case only a listed name: "meneer heeft", "meneer vooraf" and "de kinderen
        # ingeschreven" are Dutch, even where the dictionary does not know the word.
        return None
    name_start = tokens[0][0]
    return _extend_surname(text, name_start, end, lists)


def _extend_surname(text: str, start: int, end: int, lists: _Lists) -> tuple[int, int]:
    """Stretch a name over the surname after it: "Piet Jansen", "kees de vries"."""
    tokens = list(_tokens(text, end, limit=5))
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and fold(tokens[j][2]) in lists.particles:
            j += 1
        if j == len(tokens):
            break
        word = tokens[j][2]
        key = fold(word)
        if key in lists.not_names or key in lists.organisation_words:
            break
        if word[0].isupper() and not (
            j == i and _is_dutch_word(word) and key not in lists.surnames
        ):
            end = tokens[j][1]
        elif j > i and (key in lists.surnames or not _is_dutch_word(word)):
            end = tokens[j][1]  # lower case after a particle: "kees de vries"
        elif key in lists.surnames and key not in lists.ambiguous:
            end = tokens[j][1]
        else:
            break
        i = j + 1
    return start, end


_INITIALS_RE = re.compile(r"(?<![\w.])(?:[A-Z]\.[ \t]?){1,4}(?=[ \t]*\w)")
_LOWER_INITIALS_RE = re.compile(r"(?<![\w.])(?:[a-z]\.){1,3}(?=[ \t]+\w)")
_ABBREVIATIONS = frozenset(
    {
        "o.a.", "i.v.m.", "m.b.t.", "t.a.v.", "z.s.m.", "d.w.z.", "e.d.", "a.s.", "i.o.m.",
        "n.a.v.", "t.z.t.", "v.w.b.", "i.p.v.", "m.i.v.", "p.p.", "c.q.", "e.a.", "b.v.",
        "n.v.t.", "z.o.z.", "t.b.v.", "m.n.", "o.b.v.", "i.c.m.", "a.u.b.", "n.b.", "p.s.",
        "v.d.", "t.o.v.", "v.a.", "t/m.", "m.u.v.", "d.d.", "j.l.", "jl.", "s.v.p.",
    }
)  # fmt: skip


def _initials(text: str, lists: _Lists):
    """ "J. de Boer", "A.B. Yılmaz", "j. de boer": initials and a surname."""
    for regex in (_INITIALS_RE, _LOWER_INITIALS_RE):
        for match in regex.finditer(text):
            initials = match.group().replace(" ", "").lower()
            if initials in _ABBREVIATIONS:
                continue
            tokens = list(_tokens(text, match.end(), limit=5))
            particles = 0
            while particles < len(tokens) - 1 and fold(tokens[particles][2]) in lists.particles:
                particles += 1
            if not tokens or particles >= len(tokens):
                continue
            word = tokens[particles][2]
            key = fold(word)
            if len(word) < 2 or key in lists.not_names or key in lists.organisation_words:
                continue  # "A.B", "zie bijlage A. B."
            known = _is_dutch_word(word) and key not in lists.surnames
            if regex is _LOWER_INITIALS_RE:
                # Lower case only with a particle: "j. de boer", never "a. bijlage".
                if not particles or known or not word.islower():
                    continue
            elif not word[0].isupper() and not (particles and not known):
                continue
            elif known and not particles and initials.count(".") == 1:
                continue  # "bijlage A. Daarin staat ..." is a new sentence
            yield _extend_surname(text, match.start(), tokens[particles][1], lists)


def _listed_name(text: str, start: int, end: int, key: str, lists: _Lists):
    """A listed first name or surname; an ambiguous one only capitalised mid-sentence."""
    word = text[start:end]
    if key in lists.ambiguous:
        if not word[0].isupper():
            return None
        if _SENTENCE_START_RE.search(text, max(0, start - 3), start):
            # At the start of a sentence only with a surname after it ("Roos Visser").
            longer = _extend_surname(text, start, end, lists)
            return longer if longer[1] > end else None
    if _is_known_not_person(text, start, lists):
        return None
    return _extend_surname(text, start, end, lists)


def _is_known_not_person(text: str, start: int, lists: _Lists) -> bool:
    first = _TOKEN_RE.match(text, start)
    names = first and lists.known_not_people.get(fold(first.group(1)))
    if not names:
        return False
    ahead = fold(text[start : start + 40])
    return any(
        ahead.startswith(name) and not ahead[len(name) : len(name) + 1].isalnum() for name in names
    )


# Titles of a person only: "Dr." and "Mr." also begin names of schools and buildings.
_PERSON_TITLES = frozenset(
    {"mevrouw", "mevr", "mw", "meneer", "mnr", "dhr", "heer", "juffrouw", "mej", "familie", "fam"}
)


def _is_organisation(text: str, span: tuple[int, int], lists: _Lists) -> bool:
    """A name in an organisation's or a place's name: "Stichting Jan de Wit", "Julianaschool",
    "Den Bosch"."""
    start, end = span
    # Walk back over the capitalised words and particles the name may be the end of.
    before = text[max(0, start - 50) : start].split()
    after_person_title = False
    for word in reversed(before[-4:]):
        key = fold(word).rstrip(".")
        if key in lists.organisation_words:
            return True
        if key in _PERSON_TITLES:
            after_person_title = True  # "mevrouw Van Rijswijk", "dhr. Oosterhuis"
            break
        if not _WORD_RE.fullmatch(word) or (key not in lists.particles and word.islower()):
            break
        start = text.rindex(word, 0, start)
        if _is_known_not_person(text, start, lists):
            return True
    after = _TOKEN_RE.match(text, end)
    if after and fold(after.group(1)) in lists.organisation_words:
        return True
    endings = lists.organisation_endings
    last_word = fold(_WORD_RE.findall(text[span[0] : end])[-1])
    for part in [] if after_person_title else last_word.split("-"):
        if part.endswith(endings) and any(
            part.endswith(e) and len(part) > len(e) + 2 for e in endings
        ):
            return True
    return _is_known_not_person(text, span[0], lists)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# ---------------------------------------------------------------------------
# Street addresses
# ---------------------------------------------------------------------------

# A word, then a house number with any addition: "12", "12a", "12 A", "12-II", "12 bis",
# "201-hs", "44-2hg", "11 rood", "130 zw", "10 bg", "211 2-hoog", "12 unit 4".
_ADDITION = (
    r"(?P<addition>(?:[ \t]?-?[ \t]?(?:bis|hs|huis|boven|beneden|bg|zw|rd|rood|unit[ \t]\d+"
    r"|\d?[ \t-]?(?:hg|hoog)|[1-9](?:e|ste|de)?[ \t]verdieping|I{1,3}|IV|[A-Za-z]|\d{1,3})"
    r"(?![\w]))*)"
    r"(?![\w])(?![.,:/]\d)"
)
_STREET_NUMBER_RE = re.compile(
    rf"(?<![\w.])(?P<street>{_WORD})[ \t\u00a0]+(?:nr\.?[ \t]*|nummer[ \t]+)?"
    r"(?P<number>[1-9]\d{0,4})" + _ADDITION
)
_POSTCODE_AFTER_RE = re.compile(r",?[ \t]*(?:\n[ \t]*)?[1-9]\d{3}[ \t]?[A-Z]{2}(?!\w)")
_UNIT_AFTER_RE = re.compile(r"[ \t\u00a0]*(%|[^\W\d_]+)")
# "Laan van Meerdervoort 212": a street that starts with a street word.
_LAAN_VAN_BEFORE_RE = re.compile(
    rf"(?<![\w])(?:Laan|Plein|Weg|Kade|Hof)[ \t]+(?:van|der|de|den|het|'t|op|ter|te)"
    rf"(?:[ \t]+(?:van|der|de|den|het|'t))*[ \t]+{_WORD}[ \t]+$",
    re.IGNORECASE,
)
_LAAN_WORDS = frozenset({"laan", "plein", "weg", "kade", "hof"})
# Digits are rarer than words: find the numbers first, then look at the word before each.
_NUMBER_RE = re.compile(r"(?<=[ \t\u00a0])[1-9]\d{0,4}(?!\d)")
_WORD_BEFORE_RE = re.compile(rf"(?<![\w.])({_WORD})[ \t\u00a0]+(?:nr\.?[ \t]*|nummer[ \t]+)?$")


def find_addresses(text: str) -> list[tuple[int, int]]:
    """Spans of street addresses (a street and a house number), in text order."""
    if not text:
        return []
    lists = _lists()
    spans = []
    for number in _NUMBER_RE.finditer(text):
        window = max(0, number.start() - 80)
        # A quick look at the words before the number spares most numbers the regexes.
        words = text[window : number.start()].split()[-6:]
        if words and fold(words[-1]).rstrip(".") in ("nr", "nummer"):
            words.pop()
        if not words or not (
            _is_street(words[-1], lists) or any(fold(w) in _LAAN_WORDS for w in words[:-1])
        ):
            continue
        laan_van = _LAAN_VAN_BEFORE_RE.search(text, window, number.start())
        before = _WORD_BEFORE_RE.search(text, window, number.start())
        if laan_van:
            start = laan_van.start()
        elif before and _is_street(before.group(1), lists):
            start = before.start()
        else:
            continue
        match = _STREET_NUMBER_RE.match(text, before.start()) if before else None
        if not match or match.end("number") != number.end():
            continue
        unit = _UNIT_AFTER_RE.match(text, number.end())
        if not match.group("addition") and unit and fold(unit.group(1)) in lists.units:
            continue  # "onderweg 2 keer"
        end = match.end()
        postcode = _POSTCODE_AFTER_RE.match(text, end)
        if postcode:
            end = postcode.end()
        spans.append((start, end))
    return _merge(spans)


def _is_street(word: str, lists: _Lists) -> bool:
    key = fold(word)
    if key in lists.street_words:
        return True
    if key in lists.not_streets:
        return False
    for part in key.split("-"):
        if part in lists.not_streets:
            continue
        if any(part.endswith(e) and len(part) > len(e) + 1 for e in lists.street_endings):
            return True
    return False
