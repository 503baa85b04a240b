"""Character bigrams: the two ways the project compares texts by their characters, side by side.

- ``han_bigrams``: how often each pair of neighbouring Han characters occurs, joined across
  whatever lies between them (a Counter). ``split`` asks how much of a headline's bigrams a body
  has, counting repeats (``segment.overlap``).
- ``run_bigrams``: which pairs occur inside runs of letters and digits, none across punctuation,
  a run of one character a term of its own (a frozenset). ``summarize`` compares sentences by
  their shared terms (Jaccard), where a repeat says nothing more.
"""

from __future__ import annotations

import operator
import re
from collections import Counter

from bulletin.chars import HAN
from bulletin.lazyre import lazy

_NOT_HAN_RE = lazy(f"[^{HAN}]+")
_RUNS = re.compile(r"\w+")


def han_text(text: str) -> str:
    """The Han characters of ``text``, in order: what ``han_bigrams`` pairs up. A bigram (two Han
    characters) is one of ``text``'s exactly when it is a substring of this, so one text can be
    asked about a few bigrams without counting all of its own."""
    return _NOT_HAN_RE.sub("", text)  # (one pass in C: half the time of joining findall's characters)


def han_bigrams(text: str) -> Counter[str]:
    """The Han character bigrams of ``text``, with their counts (computed per call: a caller
    comparing one text with many computes its bigrams once)."""
    han = han_text(text)
    return Counter(map(operator.add, han, han[1:]))  # each character and the next, at C speed


def run_bigrams(text: str) -> frozenset[str]:
    """The character bigrams of ``text``'s runs of letters and digits (none across punctuation); a
    run of one character is a term of its own."""
    grams = set()
    for run in _RUNS.findall(text):
        if len(run) == 1:
            grams.add(run)
        grams.update(map(operator.add, run, run[1:]))  # each character and the next, at C speed
    return frozenset(grams)
