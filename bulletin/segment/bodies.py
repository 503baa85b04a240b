"""Pass 3a, bodies: a feature's subheads (小标题) put back into its body, and a body that holds two
stories cut where two headlines each claim a part of it, before headlines are matched."""

from __future__ import annotations

import itertools
import math
from collections import Counter

from bulletin import patterns, signoffs
from bulletin.model import Block
from bulletin.reflow import ended_at
from bulletin.segment.form import SPACES, ends_paragraph, lines_wrap
from bulletin.segment.overlap import anchor_of, bigrams, overlap, within_reach
from bulletin.segment.thresholds import THRESHOLDS
from bulletin.segment.units import Unit
from bulletin.segment.why import BlockKey, Why, key


def absorb_subheads(
    units: list[Unit], grams: dict[int, Counter], why: dict[BlockKey, list[Why]] | None = None
) -> list[Unit]:
    """A feature's subheads (小标题) back into its body before headlines are matched: a run of one
    short line (or one wrapped) between two bodies of one story, the one after opening without dateline and
    the one before not signed off nor stopped mid-sentence. Otherwise a subhead, being a short line
    between bodies, would take one section of the story as an article of its own, whichever side its
    headline is on.
    ``why``: where to record each subhead put back, when the caller keeps reasons."""
    bodies = [j for j, u in enumerate(units) if u.kind == "body"]
    weight = _Weights(Counter(itertools.chain.from_iterable(grams.values())), len(bodies))
    out: list[Unit] = []
    section_next = False  # the unit after a subhead: its section, into the same body
    for i, u in enumerate(units):
        if section_next:
            out[-1].blocks.extend(u.blocks)
            section_next = False
        elif out and out[-1].kind == "body" and (akin := _subhead(units, i, grams, weight)) is not None:
            first, last = u.blocks[0], u.blocks[-1]  # a wrapped subhead is one paragraph again
            text = "".join(b.text.strip(SPACES) for b in u.blocks)
            out[-1].blocks.append(Block(text, first.first, last.last, "body"))
            if why is not None:
                reason = (
                    "rule:subhead",
                    f"the bodies around it share {akin:.2f} >= {THRESHOLDS.subhead_akin}",
                )
                why[key(out[-1].blocks[-1])] = [reason]
            section_next = True
        else:
            out.append(Unit(u.kind, list(u.blocks)))
    return out


class _Weights(dict[str, float]):
    """Each bigram's weight, log(1 + bodies / bodies that have it), worked out the first time it is
    asked for: only the few runs that may be subheads ask, and a page has some 10,000 bigrams."""

    def __init__(self, df: Counter, bodies: int):
        super().__init__()
        self.df, self.bodies = df, bodies

    def __missing__(self, gram: str) -> float:
        weight = self[gram] = math.log(1 + self.bodies / self.df[gram])
        return weight


def _subhead(units: list[Unit], i: int, grams: dict[int, Counter], weight: dict[str, float]) -> float | None:
    """How much of the words of the body after run ``i`` the body before shares, when the run is a
    subhead between two sections of one story (at least ``subhead_akin``); None when it is not."""
    u = units[i]
    if u.kind != "run" or not 0 < i < len(units) - 1 or len(u.blocks) > THRESHOLDS.subhead_lines_max:
        return None
    if len(u.blocks) == 2 and not lines_wrap(*u.blocks):
        return None  # a kicker over a title
    before, after = units[i - 1], units[i + 1]
    if before.kind != "body" or after.kind != "body" or any(b.kind != "heading" for b in u.blocks):
        return None
    if any(map(signoffs.opens_article, u.blocks)):  # …（人民时评）: a column's piece, no subhead
        return None
    if sum(len(b.text.strip(SPACES)) for b in u.blocks) > THRESHOLDS.subhead_max:
        return None
    if patterns.dateline_end(after.text) is not None or patterns.ends_with_sign_off(before.blocks[-1].text):
        return None
    if not ends_paragraph(before.blocks[-1].text):
        return None  # another story's headline set inside a paragraph pdftotext broke (roles)
    g, other = grams[i + 1], grams[i - 1]
    total = sum(weight[x] * n for x, n in g.items())
    if total <= 0:
        return None
    akin = sum(weight[x] * n for x, n in g.items() if x in other) / total
    return akin if akin >= THRESHOLDS.subhead_akin else None


def story_start(units: list[Unit], j: int) -> str | None:
    """Why body unit ``j`` may open a story of its own, the features a bank of headlines is shared
    out by: "dateline" (it opens with one: 新华社罗马1月1日电…), "reporter" (a byline stands right
    before it: 本报驻美国记者张亮), "signed-off" (the body before it ends with its author in
    brackets); None when nothing says so (the rest of a story broken by a photo or a column)."""
    u = units[j]
    if patterns.dateline_end(u.blocks[0].text) is not None:
        return "dateline"
    before = units[j - 1] if j else None
    if before is not None and before.blocks[-1].kind == "byline":
        return "reporter"
    prev = next((units[k] for k in range(j - 1, -1, -1) if units[k].kind == "body"), None)
    if prev is not None and patterns.ends_with_sign_off(prev.blocks[-1].text):
        return "signed-off"
    return None


def part_bodies(units: list[Unit], grams: dict[int, Counter]) -> list[Unit]:
    """Cut a body in two where two headlines set apart from each other each claim a part of it: two
    stories that ran on in one column, their headlines read elsewhere on the page (环渤海… over the
    first, 鲜血和生命写成的历史… over the second). The run of the second headline is cut before its
    line too, when lines of another headline come first in it."""
    claims: dict[int, list[tuple[int, Block]]] = {}
    for i, u in enumerate(units):
        if u.kind != "run":
            continue
        for b in u.blocks:
            j = _claim(b, within_reach(grams, i))
            if j is not None and all(r != i for r, _ in claims.get(j, [])):
                claims.setdefault(j, []).append((i, b))
    cuts: dict[int, int] = {}  # body -> index of its first block in the second part
    heads: set[int] = set()  # first lines of headlines to set apart in their runs
    for j, claimed in claims.items():
        if len(claimed) == 2:
            cut = part_at(units[j].blocks, claimed[0][1].text, claimed[1][1].text)
            if cut is not None:
                cuts[j] = cut
                heads.update(id(b) for _, b in claimed)
    if not cuts:
        return units
    out: list[Unit] = []
    for j, u in enumerate(units):
        if j in cuts:
            out += [Unit("body", u.blocks[: cuts[j]]), Unit("body", u.blocks[cuts[j] :])]
        elif u.kind == "run":
            for n, b in enumerate(u.blocks):
                if n == 0 or id(b) in heads and any(x.kind == "heading" for x in u.blocks[:n]):
                    out.append(Unit("run", []))
                out[-1].blocks.append(b)
        else:
            out.append(u)
    return out


def _claim(b: Block, grams: dict[int, Counter]) -> int | None:
    """The body a headline line is sure of; a point of a list (●亏损状况有所改善●…) claims none."""
    if b.kind != "heading" or b.text.lstrip(SPACES)[:1] in patterns.SECTION_MARKS:
        return None
    return anchor_of(b.text, grams, THRESHOLDS.part_anchor)


def part_at(blocks: list[Block], x: str, y: str) -> int | None:
    """Where to cut ``blocks`` (after a paragraph's end) so that one headline claims the part
    before and the other the part after, each sharing much more with its own part than with the
    other (the cut where they differ most); None if nowhere. Only the headlines' own bigrams are
    counted along the body, so a long body costs one pass."""
    hx, hy = bigrams(x), bigrams(y)
    wanted = hx.keys() | hy.keys()
    per = [Counter({g: n for g, n in bigrams(b.text).items() if g in wanted}) for b in blocks]
    total = sum(per, Counter())
    before: Counter = Counter()
    best: tuple[float, int] | None = None
    for t in range(1, len(blocks)):
        before.update(per[t - 1])
        if not ended_at(blocks[t - 1].text.strip(SPACES)):
            continue
        after = Counter({g: n - before[g] for g, n in total.items() if n > before[g]})
        for a, b in ((hx, hy), (hy, hx)):
            mine, theirs = overlap(a, before), overlap(b, after)
            contrast = mine - overlap(a, after) + theirs - overlap(b, before)
            if min(mine, theirs) >= THRESHOLDS.part_anchor and contrast >= THRESHOLDS.part_contrast:
                if best is None or contrast > best[0]:
                    best = (contrast, t)
    return None if best is None else best[1]
