"""A case's keywords: its most frequent content words, computed once when the case is saved.

Pattern digests cluster a year of cases by these few words instead of re-reading every text.
"""

from __future__ import annotations

import re
from collections import Counter

MAX_KEYWORDS = 10
_WORD = re.compile(r"[^\W\d_]{4,}")

# Dutch function words and words every case uses, so they say nothing about a case.
STOP_WORDS = frozenset(
    [
        *"aan alle alles als altijd andere ben bij daar dan dat deze die dit doch doen door "
        "dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun "
        "iemand iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar "
        "niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit "
        "uw van veel voor want waren was wat werd wezen wie wil worden wordt zal ze zelf zich "
        "zij zijn zo zonder zou".split(),
        *"deze wordt worden zijn haar hebben heeft omdat maar mevrouw meneer klant inwoner "
        "regel regels casus situatie gevolg bedoeling zouden kunnen moeten wanneer waarom "
        "welke terwijl tijdens sinds echter daarom waardoor daarmee hierdoor dezelfde "
        "andere eigen alleen steeds nooit weer wel even".split(),
    ]
)


def stem(word: str) -> str:
    """A light Dutch stemmer: enough to let plural and singular meet."""
    for suffix in ("heden", "ingen", "tjes", "ende", "eren", "en", "es", "s", "e"):
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    if len(word) > 4 and word[-1] == word[-2]:
        word = word[:-1]
    return word


def keywords(*texts: str) -> str:
    counts = Counter(
        stem(word)
        for text in texts
        for word in _WORD.findall((text or "").lower())
        if word not in STOP_WORDS
    )
    ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    return " ".join(word for word, _ in ranked[:MAX_KEYWORDS])


def case_keywords(case) -> str:
    return keywords(case.title, case.situation, case.effect, case.conflict, case.proposed_rule)
