"""Shared words: the Han character bigrams of a text, and how much of a headline's a body has. The
content half of every decision that ties a headline (or a caption, or a body) to a body."""

from __future__ import annotations

from collections import Counter
from typing import TypeVar

from bulletin.bigrams import han_bigrams as bigrams  # (the bigrams segment's passes import from here)
from bulletin.bigrams import han_text as han_text  # (re-exported: what overlap_text reads)
from bulletin.segment.thresholds import THRESHOLDS
from bulletin.segment.units import Unit

T = TypeVar("T")


def shared(head: str, body: Counter) -> float:
    """Share of ``head``'s character bigrams that ``body`` has (0 for a head without any)."""
    return overlap(bigrams(head), body)


def overlap(head: Counter, body: Counter) -> float:
    """Share of the bigrams ``head`` has that ``body`` has too (0 for a head without any)."""
    if not head:
        return 0.0
    # the bigrams both have, found in C (a view's & walks the smaller side), their counts in head
    return sum(map(head.__getitem__, head.keys() & body.keys())) / sum(head.values())


def overlap_text(head: Counter, han: str) -> float:
    """``overlap(head, bigrams(text))`` for ``han = han_text(text)``: a bigram of ``head`` is one
    of the text's when it is a substring of its Han characters (a few searches in C, where counting
    a long text's bigrams would cost a pass in Python's Counter)."""
    if not head:
        return 0.0
    return sum(n for g, n in head.items() if g in han) / sum(head.values())


def body_grams(units: list[Unit], known: dict[str, Counter] | None = None) -> dict[int, Counter]:
    """The bigrams of each body unit of the page, by unit index; ``known``: the bigrams of texts
    met before, by text (a caller that computes them again after a pass changed a few bodies
    passes the same dict each time, and only the new texts are counted)."""
    if known is None:
        return {j: bigrams(u.text) for j, u in enumerate(units) if u.kind == "body"}
    out = {}
    for j, u in enumerate(units):
        if u.kind == "body":
            text = u.text
            grams = known.get(text)
            if grams is None:
                grams = known[text] = bigrams(text)
            out[j] = grams
    return out


def within_reach(by_unit: dict[int, T], unit: int) -> dict[int, T]:
    """The entries of ``by_unit`` (keyed by unit index) within ``THRESHOLDS.reach`` of ``unit``."""
    return {
        j: by_unit[j] for j in range(unit - THRESHOLDS.reach, unit + THRESHOLDS.reach + 1) if j in by_unit
    }


def anchor_of(text: str, grams: dict[int, Counter], least: float = THRESHOLDS.anchor) -> int | None:
    """The body that ``text`` shares at least ``least`` of its bigrams with, and ``anchor_margin``
    more than with any other; None when no body stands out so."""
    own = bigrams(text)
    if len(own) < THRESHOLDS.anchor_min_bigrams:
        return None
    total, get = sum(own.values()), own.__getitem__  # (overlap's, made once for every body)
    keys = own.keys()
    scores = sorted(((sum(map(get, keys & g.keys())) / total, j) for j, g in grams.items()), reverse=True)
    if not scores or scores[0][0] < least:
        return None
    if len(scores) > 1 and scores[1][0] > scores[0][0] - THRESHOLDS.anchor_margin:
        return None
    return scores[0][1]
