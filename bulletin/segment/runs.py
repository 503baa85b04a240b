"""Pass 3c, headline runs: each run of headline lines cut into headlines, by the bodies their words
are in (a run set together over several bodies is shared out among them in order)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

from bulletin import patterns
from bulletin.model import Block
from bulletin.reflow import display_width, ends_sentence
from bulletin.segment.form import SPACES, ends_paragraph
from bulletin.segment.layout import Layout
from bulletin.segment.overlap import anchor_of, bigrams, overlap, shared, within_reach
from bulletin.segment.thresholds import THRESHOLDS
from bulletin.segment.units import Unit


@dataclass
class Headline:
    blocks: list[Block]
    unit: int  # index of the run it comes from
    body: int | None = None  # the body it was matched with when the run was shared out


def headlines_of(units: list[Unit], grams: dict[int, Counter], layout: Layout = "before") -> list[Headline]:
    """Each run cut into headlines. A run that stands for several bodies on the layout's side is
    shared out among them in order (``share_out``); otherwise a line that most of its bigrams tie
    to another body than the line before starts a new headline."""
    out: list[Headline] = []
    pieces = _pieces(units, grams)
    for i, u in enumerate(units):
        if u.kind != "run":
            continue
        shared_out = share_out(u, i, units, grams, layout)
        if shared_out is not None:
            out.extend(shared_out)
            continue
        current: list[Block] = []
        anchor: int | None = None
        near = within_reach(pieces, i)
        for b in u.blocks:
            mine = anchor_of(b.text, near) if b.kind == "heading" else None
            cut_off = current and _full_width_pair(current[-1], b)  # 马吉德…选择 / 美表示…和 / 平
            if current and anchor is None and mine is not None:
                anchor = _leaning(current, near, mine, units)
            if current and mine is not None and anchor is not None and mine != anchor and not cut_off:
                out.append(Headline(current, i))
                current, anchor = [], None
            current.append(b)
            anchor = anchor if anchor is not None else mine
        if current:
            out.append(Headline(current, i))
    return out


def _leaning(lines: list[Block], near: dict[int, Counter], other: int, units: list[Unit]) -> int | None:
    """The body that headline lines without an anchor of their own lean to, when it is not
    ``other`` (the anchor of the line after them), they share next to nothing with that one, and
    the two are set apart by a sign-off: headlines of stories set one after another (吴邦国…提出 /
    医药：… over 福建财政…), not a roundup's headline that names its parts (俄总统：… / 德外长：…)."""
    text = "".join(b.text for b in lines if b.kind == "heading")
    if (
        len(own := bigrams(text)) < THRESHOLDS.anchor_min_bigrams
        or overlap(own, near[other]) >= THRESHOLDS.lean_other_max
    ):
        return None
    best = max(near, key=lambda j: overlap(own, near[j]))
    if best == other or overlap(own, near[best]) < THRESHOLDS.part_anchor:
        return None
    return best if _signed_off_between(units, best, other) else None


def _signed_off_between(units: list[Unit], a: int, b: int) -> bool:
    return any(
        u.kind == "byline" or u.kind == "body" and patterns.ends_with_sign_off(u.blocks[-1].text)
        for u in units[min(a, b) : max(a, b)]
    )


def _full_width_pair(a: Block, b: Block) -> bool:
    """Two headline lines of one width, that of the narrow column they were wrapped in: one title,
    however its halves read (a roundup's title may name each of its stories)."""
    ta, tb = a.text.strip(SPACES), b.text.strip(SPACES)
    return len(ta) >= THRESHOLDS.wrap_min and display_width(ta) == display_width(tb) and not ends_sentence(tb)


def _pieces(units: list[Unit], grams: dict[int, Counter]) -> dict[int, Counter]:
    """The bigrams of each body together with the bodies that go on from it: a body that follows
    another with only captions between and opens without dateline is the same article
    broken by a photo (a headline line is tied to the article, not to one of its pieces); so is
    one after a note when the body before stopped mid-sentence."""
    out: dict[int, Counter] = {}
    head: int | None = None  # the article's first body
    last: int | None = None  # the last body
    for j, u in enumerate(units):
        if (
            u.kind == "note"
            and head is not None
            and last is not None
            and not ends_paragraph(units[last].blocks[-1].text)
        ):
            continue  # 本版文图均由…提供 read into a sentence cut by the column's end
        if u.kind in ("run", "byline", "note"):
            head = None  # a byline or a page header between: another article
        elif u.kind == "body":
            last = j
            if head is not None and patterns.dateline_end(u.text) is None:
                out[head] = out[head] + grams[j]
            else:
                head = j
                out[j] = grams[j]
    return out


def _side_bodies(units: list[Unit], i: int, step: int) -> list[int]:
    """The bodies next to run ``i`` on one side (``step`` -1 before, 1 after) up to the next run,
    in page order."""
    found: list[int] = []
    j = i + step
    while 0 <= j < len(units) and units[j].kind != "run":
        if units[j].kind == "body":
            found.append(j)
        j += step
    return found if step == 1 else found[::-1]


def _articles_among(units: list[Unit], bodies: list[int]) -> list[int]:
    """Of consecutive bodies, those that start an article: the first, and each one after a body
    signed off (a caption between two bodies does not part them, nor does a second dateline: news
    roundups put several under one headline)."""
    starts = bodies[:1]
    for prev, j in zip(bodies, bodies[1:]):
        if patterns.ends_with_sign_off(units[prev].blocks[-1].text):
            starts.append(j)
    return starts


def share_out(
    u: Unit, i: int, units: list[Unit], grams: dict[int, Counter], layout: Layout
) -> list[Headline] | None:
    """A run of headline lines next to several bodies (headlines set together above or below the
    articles they belong to) cut into consecutive headlines matched in order with those bodies,
    the cut that ties most bigrams to their bodies. None when the run stands for one body."""
    lines = [b for b in u.blocks if b.kind == "heading"]
    if len(lines) < 2 or len(lines) > THRESHOLDS.share_out_max_lines:
        return None
    near = -1 if layout == "after" else 1
    bodies = _articles_among(units, _side_bodies(units, i, near))
    if len(bodies) < 2:  # the other side: a bank of headlines set after (or before) its stories
        bodies = _articles_among(units, _side_bodies(units, i, -near))
    if len(bodies) < 2:
        return None
    n, m = len(lines), len(bodies)

    @cache
    def best(k: int, b: int) -> tuple[float, tuple[tuple[int, int, int], ...]]:
        """Best score for lines[k:] with bodies[b:], and its groups (start, end, body)."""
        if k == n:
            return 0.0, ()
        if b == m:
            return float("-inf"), ()
        options = [best(k, b + 1)]  # bodies[b] gets no headline here
        for end in range(k + 1, n + 1):
            text = "".join(x.text for x in lines[k:end])
            gain = shared(text, grams[bodies[b]]) - (THRESHOLDS.split_cost if k else 0.0)
            rest, groups = best(end, b + 1)
            options.append((gain + rest, ((k, end, bodies[b]), *groups)))
        return max(options, key=lambda o: o[0])

    score, groups = best(0, 0)
    if len(groups) < 2:
        return None
    cuts = {lines[start].first: body for start, _, body in groups}
    out: list[Headline] = []
    for b in u.blocks:
        if b.kind == "heading" and b.first in cuts:
            out.append(Headline([], i, cuts[b.first]))
        if not out:
            out.append(Headline([], i))
        out[-1].blocks.append(b)
    return out
