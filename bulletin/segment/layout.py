"""Pass 3b, layout: does the page set its headlines before their bodies or after them."""

from __future__ import annotations

from collections import Counter
from typing import Literal

from bulletin.segment.overlap import bigrams, body_grams, overlap
from bulletin.segment.thresholds import THRESHOLDS
from bulletin.segment.units import Unit, neighbours
from bulletin.segment.why import Why

Layout = Literal["before", "after"]


LAYOUTS = ("auto", "before", "after")
"""``--layout``: headlines before their bodies, after them, or guessed per page (``detect_layout``)."""


def detect_layout(units: list[Unit], grams: dict[int, Counter] | None = None) -> Layout:
    """Headlines before their bodies (004) or after them (000) (``layout_votes`` without the
    reasons)."""
    return layout_votes(units, grams)[0]


def layout_votes(units: list[Unit], grams: dict[int, Counter] | None = None) -> tuple[Layout, list[Why]]:
    """The page's layout and its votes: a page that opens with a body and ends with a headline is
    "after"; each headline between two bodies votes for the one that shares more of its bigrams.
    ``grams``: the bodies' bigrams, when the caller has them."""
    content = [u.kind for u in units if u.kind in ("body", "run")]
    if not content:
        return "before", [("layout:no-content", "before by default")]
    votes = 0.0
    edge = THRESHOLDS.layout_edge_vote
    votes += edge if content[0] == "run" else -edge
    votes += edge if content[-1] == "body" else -edge
    why: list[Why] = [
        ("layout:opens-with", "headline" if content[0] == "run" else "body"),
        ("layout:ends-with", "body" if content[-1] == "body" else "headline"),
    ]
    for_before = for_after = 0
    if grams is None:
        grams = body_grams(units)
    for i, u in enumerate(units):
        if u.kind != "run":
            continue
        before, after = neighbours(units, i)
        if before is None or after is None:
            continue
        own = bigrams(u.text)
        a, b = overlap(own, grams[before]), overlap(own, grams[after])
        if b > a + THRESHOLDS.layout_margin:
            votes += 1
            for_before += 1
        elif a > b + THRESHOLDS.layout_margin:
            votes -= 1
            for_after += 1
    why.append(("layout:headline-votes", f"{for_before} before, {for_after} after"))
    return ("before" if votes >= 0 else "after"), why
