"""How far two short texts speak of the same thing: TF-IDF over crudely stemmed content words (stop
words dropped, each word cut to its first five letters, so 'reduce'/'reduction', 'health'/'healthier'
match), cosine similarity. Used to compare priorities, issues and plans with the LAA's outcomes."""

from __future__ import annotations

import re

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

_WORD = re.compile(r"[a-z][a-z\-']+")
# Words every LAA paper uses, which say nothing about the subject.
_GENERIC = ENGLISH_STOP_WORDS | {
    "partnership", "partners", "partner", "local", "area", "areas", "agreement", "laa", "council", "county",
    "district", "board", "plan", "plans", "strategy", "priority", "priorities", "outcome", "outcomes", "target",
    "targets", "indicator", "indicators", "improve", "improving", "improved", "increase", "increasing", "reduce",
    "reducing", "people", "will", "work", "working", "ensure", "deliver", "delivery", "services", "service",
    "support", "better", "new", "year", "years", "action", "actions", "lead", "including", "key",
}


def terms(text: str) -> list[str]:
    return [w[:5] for w in _WORD.findall(text.lower()) if w not in _GENERIC and len(w) > 2]


def similarity(queries: list[str], candidates: list[str]) -> np.ndarray:
    """queries x candidates cosine similarities (zeros where either side has no content words)."""
    if not queries or not candidates:
        return np.zeros((len(queries), len(candidates)))
    vectoriser = TfidfVectorizer(analyzer=terms, sublinear_tf=True)
    try:
        matrix = vectoriser.fit_transform(queries + candidates)
    except ValueError:  # no content word anywhere
        return np.zeros((len(queries), len(candidates)))
    return cosine_similarity(matrix[: len(queries)], matrix[len(queries):])
