"""Similarity on meaning for case texts: one engine for precedents, the meeting's "why does this
case differ" check, rode draden and consistency flags.

Pure Python and numpy, no Django: plain data in (`CaseText`: key, text fields, rule, team),
plain data out. The caller owns persistence and access: it builds the index from the cases it
may compare (`SimilarityIndex.build`), keeps it current (`add` on case save, a nightly
`build`, `save`/`load` to share it between processes), and filters what a person may see with
`only=` or `teams=`.

- text.py: Dutch words to keys (lemma, then stem), sentences, separable verbs;
- thesaurus.py and thesaurus_nl.toml: synonyms and paraphrases of social-security Dutch mapped
  onto concepts;
- compounds.py: compound words split on the corpus' and thesaurus' words;
- features.py: a case's fields to weighted features (`Analyzer`);
- index.py: TF-IDF vectors learned from the organisation's cases, top-k search, pairwise
  similarity, neighbours at scale (`SimilarityIndex`);
- threads.py: proposed threads with readable labels, consistency flags, which thread a new case
  looks like, and opposite precedents.

How well it works and how fast: bench/threads_eval.py.
"""

from .features import FIELD_WEIGHTS, FIELDS, Analyzer, AnalyzerSettings, CaseText, Features
from .index import IndexSettings, Match, SimilarityIndex
from .thesaurus import Concept, Thesaurus, default_thesaurus
from .threads import (
    DEPARTS,
    FOLLOWS,
    Flag,
    Thread,
    ThreadSettings,
    consistency_flags,
    label_thread,
    link_graph,
    opposite_precedents,
    propose_threads,
    thread_affinity,
)

__all__ = [
    "DEPARTS",
    "FIELDS",
    "FIELD_WEIGHTS",
    "FOLLOWS",
    "Analyzer",
    "AnalyzerSettings",
    "CaseText",
    "Concept",
    "Features",
    "Flag",
    "IndexSettings",
    "Match",
    "SimilarityIndex",
    "Thesaurus",
    "Thread",
    "ThreadSettings",
    "consistency_flags",
    "default_thesaurus",
    "label_thread",
    "link_graph",
    "opposite_precedents",
    "propose_threads",
    "thread_affinity",
]
