"""Pass 4, attachment: which body each headline takes, by layout and by shared words."""

from __future__ import annotations

from collections import Counter

from bulletin.segment.layout import Layout
from bulletin.segment.overlap import bigrams, overlap, within_reach
from bulletin.segment.runs import Headline
from bulletin.segment.thresholds import THRESHOLDS
from bulletin.segment.units import Unit, neighbours


def attach(
    heads: list[Headline], units: list[Unit], grams: dict[int, Counter], layout: Layout
) -> dict[int, list[int]]:
    """Body unit -> the headlines it gets: one each, best score first, where the score is the share
    of the headline's bigrams in the body plus a prior for the body on the layout's side. A headline
    left over joins the headline of its preferred neighbour."""
    scored = []
    prefer: dict[int, int | None] = {}
    for h, head in enumerate(heads):
        before, after = neighbours(units, head.unit)
        near, far = (after, before) if layout == "before" else (before, after)
        prefer[h] = near if near is not None else far
        own = bigrams("".join(b.text for b in head.blocks if b.kind == "heading"))
        for j, g in within_reach(grams, head.unit).items():
            prior = THRESHOLDS.prior_near if j == near else THRESHOLDS.prior_far if j == far else 0.0
            if head.body is not None:
                prior = THRESHOLDS.prior_shared_out if j == head.body else 0.0
            s = overlap(own, g) + prior
            if s >= THRESHOLDS.prior_far:
                scored.append((s, -abs(j - head.unit), h, j))
    scored.sort(reverse=True)
    got: dict[int, list[int]] = {}
    used: set[int] = set()
    for _, _, h, j in scored:
        if h in used or j in got:
            continue
        got[j] = [h]
        used.add(h)
    for h in range(len(heads)):
        if h not in used and prefer[h] is not None:
            got.setdefault(prefer[h], []).append(h)
            used.add(h)
    for hs in got.values():
        hs.sort()
    return got
