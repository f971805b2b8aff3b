"""Dutch text to tokens: words, their lemma and a stemmed key, in sentences.

A key is what two words must share to count as the same word: the lemma (simplemma's
dictionary turns "gemeld" into "melden", "uitkeringen" into "uitkering") without accents, then
Snowball's classic Dutch stemmer, so that verb and noun meet ("terugvorderen", "terugvordering"
-> "terugvorder"). Lemmatising first matters for Dutch: a stemmer alone leaves participles
("teruggevorderd", "doorgegeven") apart from their verb.

Separable verbs are joined back: in "hij geeft het niet door" the particle "door" at the end of
the clause becomes "doorgeven" when the lemmatiser knows that verb, so a thesaurus phrase such as
"niet doorgeven" finds it.

Stop words (function words and the words every case uses) stay in the token stream, so phrases
can match across them, but are marked and give no feature.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import simplemma
import snowballstemmer

# Dutch function words (Snowball's list, plus a few spoken forms and abbreviations).
FUNCTION_WORDS = frozenset(
    """
    de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om
    hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar
    naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al
    waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd
    altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere
    we wij jij jullie zijn haar hen hem ze zo zoals waar wanneer welk welke wiens elk elke ieder
    iedere alle allebei beide enkele sommige veel weinig meer minder meest minst erg heel zeer
    nog wel niet geen nooit soms vaak steeds weer even al alleen ook toch dus daarom want maar
    of en noch dat als om te tot met zonder door via per naar bij uit aan op in onder boven
    tussen achter voor na sinds tijdens volgens vanwege ondanks binnen buiten langs rond
    af toe mee weg er hier daar daarna daarvoor hiervoor waarvoor erbij erin erop eruit
    twee drie vier vijf zes zeven acht negen tien elf twaalf twintig dertig veertig vijftig
    honderd honderden duizend duizenden tientje tientjes eerste tweede derde laatste half helft
    eerst juist zelfs vooral pas bijna meteen direct inmiddels intussen verder daarna vervolgens
    ongeveer ruim circa zowel ofwel ergens nergens overal iets niemand iedereen elkaar zichzelf
    misschien waarschijnlijk blijkbaar kennelijk zeker nu toen straks later eerder vroeger ooit
    hele heel goed slecht groot grote klein kleine nieuw nieuwe oud oude lang lange kort
    gaan gaat ging komt kwam kreeg krijgt zegt zei vindt vond denkt dacht weet wist staat stond
    mw dhr mevr mr drs ir dr st bv nl ca etc evt incl excl resp
    """.split()
)

# Particles of separable verbs ("geeft ... door", "woont ... in", "betaalt ... terug").
PARTICLES = frozenset(
    "aan af bij binnen door in los mee na op over samen terug thuis toe uit vast weg".split()
)
# How far back, within one clause, a particle looks for its verb.
PARTICLE_REACH = 8

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*-?", re.UNICODE)
_CLAUSE_END = re.compile(r"[.!?;:,()\"\n]")
_SENTENCE_END = re.compile(r"[.!?;:\n]")
_stemmer = snowballstemmer.stemmer("dutch_porter")


def strip_accents(word: str) -> str:
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@functools.lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The dictionary form of a lowercased word, without accents."""
    return strip_accents(simplemma.lemmatize(word, lang="nl").lower())


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


@functools.lru_cache(maxsize=200_000)
def key(word: str) -> str:
    """The key of a lowercased word: its lemma, stemmed. Two words with one key are one word."""
    return stem(lemma(word))


_new_stemmer = snowballstemmer.stemmer("dutch")


@functools.lru_cache(maxsize=200_000)
def _stem_only(word: str) -> str:
    return _stemmer.stemWord(strip_accents(word))


@functools.lru_cache(maxsize=200_000)
def _new_stem_only(word: str) -> str:
    return _new_stemmer.stemWord(strip_accents(word))


# Ways to make a key, for comparing them (bench/threads_eval.py --variants); the engine uses
# "lemma+stem".
KEYERS = {
    "lemma+stem": key,
    "lemma": lemma,
    "stem": _stem_only,
    "stem-new": _new_stem_only,
}


@functools.lru_cache(maxsize=50_000)
def _known_verb(word: str) -> bool:
    return simplemma.is_known(word, lang="nl")


@dataclass(slots=True)
class Token:
    surface: str  # as written
    lower: str  # lowercased, accents and hyphens removed
    key: str
    parts: tuple[str, ...]  # the pieces of a hyphenated word ("co", "ouderschap")
    stop: bool
    sentence: int


def tokens(
    text: str,
    stop_words: frozenset[str] = FUNCTION_WORDS,
    keyer: Callable[[str], str] = key,
    join_particles: bool = True,
) -> list[Token]:
    """The words of `text` in order, with their sentence number and key. A thesaurus term is
    read without joining particles: "woont in" must still find "woont iemand in bij"."""
    found: list[Token] = []
    sentence = 0
    clause_start = 0
    position = 0
    for match in _WORD.finditer(text):
        between = text[position : match.start()]
        position = match.end()
        if between and between != " ":
            if _SENTENCE_END.search(between):
                sentence += 1
            if _CLAUSE_END.search(between):
                if join_particles and len(found) > clause_start:
                    _join_particle(found, clause_start, keyer)
                clause_start = len(found)
        raw = match.group().strip("-")
        word = _word(raw, stop_words, keyer)
        if word is not None:
            found.append(Token(raw, *word, sentence))
    if join_particles and len(found) > clause_start:
        _join_particle(found, clause_start, keyer)
    return found


@functools.lru_cache(maxsize=200_000)
def _word(
    raw: str, stop_words: frozenset[str], keyer: Callable[[str], str]
) -> tuple[str, str, tuple[str, ...], bool] | None:
    """A written word's lowercased form, key, hyphenated parts and whether it is a stop word;
    None for initials and single letters."""
    pieces = tuple(p for p in _PIECES.split(raw) if p)
    if len(pieces) > 1 and all(len(p) == 1 for p in pieces):
        return None  # initials such as "A.-B."
    lower = strip_accents(("".join(pieces) if len(pieces) > 1 else raw).lower())
    if len(lower) < 2:
        return None
    parts = tuple(strip_accents(p.lower()) for p in pieces) if len(pieces) > 1 else ()
    stop = lower in stop_words or lemma(lower) in stop_words
    return lower, keyer(lower), parts, stop


_PIECES = re.compile(r"['’\-]")


def _join_particle(found: list[Token], clause_start: int, keyer: Callable[[str], str]) -> None:
    """If the clause ends in a particle, join it with the nearest verb before it that the
    lemmatiser knows as a separable verb: "geeft het niet door" -> "doorgeven"."""
    last = found[-1]
    if last.lower not in PARTICLES:
        return
    start = max(clause_start, len(found) - 1 - PARTICLE_REACH)
    for earlier in reversed(found[start : len(found) - 1]):
        verb = lemma(earlier.lower)
        if not verb.endswith("en"):
            continue
        joined = last.lower + verb
        if _known_verb(joined):
            last.lower = joined
            last.key = keyer(joined)
            last.surface = f"{earlier.surface} {last.surface}"
            last.stop = False
            return
