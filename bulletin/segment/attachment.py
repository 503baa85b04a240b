"""Pass 4, attachment: which body each headline takes, by layout and by shared words."""

from __future__ import annotations

from collections import Counter

from bulletin.segment.layout import Layout
from bulletin.segment.overlap import bigrams, overlap, within_reach
from bulletin.segment.runs import Headline
from bulletin.segment.thresholds import THRESHOLDS
from bulletin.segment.units import Unit, neighbours
from bulletin.segment.why import Why


def attach(
    heads: list[Headline], units: list[Unit], grams: dict[int, Counter], layout: Layout
) -> tuple[dict[int, list[int]], dict[int, list[Why]]]:
    """Body unit -> the headlines it gets: one each, best score first, where the score is the share
    of the headline's bigrams in the body plus a prior for the body on the layout's side. A headline
    left over joins the headline of its preferred neighbour. Also, per headline, why it went where
    it went."""
    scored = []
    prefer: dict[int, int | None] = {}
    on_side: dict[int, bool] = {}  # the preferred neighbour is on the layout's side
    for h, head in enumerate(heads):
        before, after = neighbours(units, head.unit)
        near, far = (after, before) if layout == "before" else (before, after)
        prefer[h] = near if near is not None else far
        on_side[h] = near is not None
        own = bigrams("".join(b.text for b in head.blocks if b.kind == "heading"))
        for j, g in within_reach(grams, head.unit).items():
            prior = THRESHOLDS.prior_near if j == near else THRESHOLDS.prior_far if j == far else 0.0
            side = "layout's side" if j == near else "other side" if j == far else "farther"
            if head.body is not None:
                prior = THRESHOLDS.prior_shared_out if j == head.body else 0.0
                side = "shared out to it" if j == head.body else "shared out elsewhere"
            words = overlap(own, g)
            s = words + prior
            if s >= THRESHOLDS.prior_far:
                scored.append((s, -abs(j - head.unit), h, j, words, side))
    scored.sort(reverse=True)
    got: dict[int, list[int]] = {}
    used: set[int] = set()
    why: dict[int, list[Why]] = {}
    for s, _, h, j, words, side in scored:
        if h in used or j in got:
            continue
        got[j] = [h]
        used.add(h)
        why[h] = [("score", f"{s:.2f}"), ("shared-words", f"{words:.2f}"), ("prior", side)]
    for h in range(len(heads)):
        home = prefer[h]
        if h not in used and home is not None:
            got.setdefault(home, []).append(h)
            used.add(h)
            side = "layout's side" if on_side[h] else "other side"
            why[h] = [("rule:left-over", "joins the headline of its neighbour body"), ("prior", side)]
    for hs in got.values():
        hs.sort()
    return got, why
