"""Pass 4, attachment: which body each headline takes, by layout and by shared words; a body that
got the headlines of several stories cut between them."""

from __future__ import annotations

from collections import Counter

from bulletin.model import Block
from bulletin.segment.bodies import part_at
from bulletin.segment.form import SPACES
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
        start = heads[h].start
        if start is not None and j == heads[h].body:
            why[h].append(("story-start", start))  # the feature that made its body a story
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


def cut_for_headlines(
    units: list[Unit], heads: list[Headline], got: dict[int, list[int]], why: dict[int, list[Why]]
) -> tuple[list[Unit], list[Headline], dict[int, list[int]], dict[int, list[Why]]]:
    """A body that got several headlines, each claiming a part of it (``part_at``: the headline
    before and the one after each share much more with their own side of a paragraph end), cut into
    those parts, each part with its headline: stories that ran on in one column, their headlines set
    together elsewhere on the page (pdftotext's reading order; title / author / title / author of a
    book page). Units, headlines, attachments and reasons renumbered; as they were if nothing is cut."""
    plans: dict[int, list[tuple[int, list[Block]]]] = {}  # body -> (first block, headline blocks)
    for j, hs in got.items():
        groups = _headline_groups([heads[h] for h in hs])
        if len(groups) < 2:
            continue
        blocks = units[j].blocks
        plan = [(0, list(groups[0]))]
        for g in groups[1:]:
            start, mine = plan[-1]
            at = part_at(blocks[start:], _heading_text(mine), _heading_text(g))
            if at is None:
                mine.extend(g)
            else:
                plan.append((start + at, list(g)))
        if len(plan) > 1:
            plans[j] = plan
    if not plans:
        return units, heads, got, why
    new_units: list[Unit] = []
    where: dict[int, int] = {}  # old unit index -> new
    new_heads: list[Headline] = []
    new_got: dict[int, list[int]] = {}
    new_why: dict[int, list[Why]] = {}
    for j, u in enumerate(units):
        where[j] = len(new_units)
        if j not in plans:
            new_units.append(u)
            continue
        edges = [start for start, _ in plans[j]] + [len(u.blocks)]
        for (start, g), end in zip(plans[j], edges[1:]):
            new_got[len(new_units)] = [len(new_heads)]
            new_why[len(new_heads)] = [
                ("rule:cut", f"claims its part of a body that got {len(plans[j])} headlines")
            ]
            new_heads.append(Headline(g, where[j]))
            new_units.append(Unit("body", u.blocks[start:end]))
    for j, hs in got.items():
        if j not in plans:
            new_got[where[j]] = []
            for h in hs:
                new_got[where[j]].append(len(new_heads))
                new_why[len(new_heads)] = why.get(h, [])
                new_heads.append(Headline(heads[h].blocks, where[heads[h].unit]))
    return new_units, new_heads, new_got, new_why


def _headline_groups(hs: list[Headline]) -> list[list[Block]]:
    """The separate headlines among those a body got: each Headline, and within one a title after a
    byline (title / author / title / author: headlines of stories set one after another)."""
    out: list[list[Block]] = []
    for h in hs:
        out.append([])
        for n, b in enumerate(h.blocks):
            if b.kind == "heading" and n and h.blocks[n - 1].kind == "byline" and out[-1]:
                out.append([])
            out[-1].append(b)
    return [g for g in out if g]


def _heading_text(blocks: list[Block]) -> str:
    return "".join(b.text.strip(SPACES) for b in blocks if b.kind == "heading")
