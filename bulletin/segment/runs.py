"""Pass 3c, headline runs: each run of headline lines cut into headlines, by the bodies their words
are in (a run set together over several bodies is shared out among them in order)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

from bulletin import patterns
from bulletin.model import Block
from bulletin.reflow import display_width, ends_sentence
from bulletin.segment.bodies import story_start
from bulletin.segment.form import SPACES, ends_paragraph
from bulletin.segment.layout import Layout
from bulletin.segment.overlap import anchor_of, bigrams, overlap, within_reach
from bulletin.segment.thresholds import THRESHOLDS
from bulletin.segment.units import Unit


@dataclass
class Headline:
    blocks: list[Block]
    unit: int  # index of the run it comes from
    body: int | None = None  # the body it was matched with when the run was shared out
    start: str | None = None  # why that body starts a story (``bodies.story_start``), for --explain


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


def _heads_a_story(own: Counter, body: int, bodies: list[int], grams: dict[int, Counter]) -> bool:
    """Headline lines (their bigrams ``own``) that can head ``body`` as one headline of a bank: long
    enough (``bank_title_min``: 呼和浩特 over a title is its kicker) and sharing ``bank_margin``
    more with that story than with any other beside the bank (a roundup's headline names them
    all: 吴邦国致信… / 医药：…轻工：…)."""
    if sum(own.values()) + 1 < THRESHOLDS.bank_title_min:  # n Han characters make n - 1 bigrams
        return False
    mine = overlap(own, grams[body])
    others = (overlap(own, grams[o]) for o in bodies if o != body)
    return max(others, default=0.0) <= mine - THRESHOLDS.bank_margin


def _lead(lines: list[Block], k: int, end: int) -> list[Block]:
    """The lines of a bank's headline that say what it is: its first line long enough to be a title
    (``bank_title_min``; a short one before it, 城关镇, is its kicker) and those run straight on
    from it (no blank line between); lines set apart after it (a credit, the tail of a sign-off
    read out of place: 四川省达川市委) go with it but say nothing of its story."""
    long = [n for n in range(k, end) if _han(lines[n].text) >= THRESHOLDS.bank_title_min]
    first = long[0] if long else k
    out = [lines[first]]
    for x in lines[first + 1 : end]:
        if x.first != out[-1].last + 1:
            break
        out.append(x)
    return out


def _titles_set_apart(lines: list[Block]) -> int:
    """How many headlines a bank of ``lines`` holds by its form: lines set apart from the one
    before by a blank line, each long enough to be a title (``bank_title_min``); a bank that finds
    stories for fewer, by more than ``bank_titles_left``, is none."""
    return sum(
        1
        for n, x in enumerate(lines)
        if (n == 0 or x.first != lines[n - 1].last + 1) and _han(x.text) >= THRESHOLDS.bank_title_min
    )


def _han(text: str) -> int:
    return len(patterns.HAN_RE.findall(text))


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


def _signed_off_among(units: list[Unit], bodies: list[int]) -> list[int]:
    """Of consecutive bodies, those that start an article for sure: the first, and each one after a
    body signed off (a caption between two bodies does not part them, nor does a second dateline:
    news roundups put several under one headline)."""
    starts = bodies[:1]
    for prev, j in zip(bodies, bodies[1:]):
        if patterns.ends_with_sign_off(units[prev].blocks[-1].text):
            starts.append(j)
    return starts


def _stories_among(units: list[Unit], bodies: list[int]) -> list[int]:
    """Of consecutive bodies, those that may start a story (``bodies.story_start``: a dateline, a
    reporter's line, a sign-off before): the first, and each with such a start. A story start that
    no headline of the bank takes goes on the story before it."""
    return [j for n, j in enumerate(bodies) if n == 0 or story_start(units, j) is not None]


def share_out(
    u: Unit, i: int, units: list[Unit], grams: dict[int, Counter], layout: Layout
) -> list[Headline] | None:
    """A run of headline lines next to several bodies cut into consecutive headlines matched in
    order with those bodies, the cut that ties most bigrams to their bodies. First as a bank
    (pdftotext prints a column's stories one after another and their headlines together, before or
    after them): the bodies on either side that may start a story (``bodies.story_start``), each
    headline set apart by a blank line and heading one story (``_heads_a_story``), the side whose
    stories share most of the bank's words; out of order (``_crossed``) when that finds a story for
    more of its titles set apart. Else as headlines set together above or below articles that
    are signed off. Else, its stories not beside it, each title matched with the story start
    within reach that it stands out for (``_far_stories``). None when the run stands for one body."""
    lines = [b for b in u.blocks if b.kind == "heading"]
    if len(lines) < 2 or len(lines) > THRESHOLDS.share_out_max_lines:
        return None
    near = -1 if layout == "after" else 1
    sides = [_stories_among(units, _side_bodies(units, i, step)) for step in (near, -near)]
    found = [_shared_out(lines, bodies, grams, bank=True) for bodies in sides if len(bodies) >= 2]
    groups = max(found, key=lambda f: f[0])[1] if found else ()  # the side its words are in
    titles = _titles_set_apart(lines)
    if len(groups) < titles:  # out of order? (columns read apart)
        crossed = [_crossed(lines, bodies, grams) for bodies in sides if len(bodies) >= 2]
        best_crossed = max(crossed, key=len) if crossed else ()
        if len(best_crossed) > len(groups):
            groups = best_crossed
    if len(groups) + THRESHOLDS.bank_titles_left < titles:
        groups = ()  # more headlines than stories found: stories run on without a start of their own
    if len(groups) < 2:  # no bank: headlines set together above or below signed-off articles
        for step in (near, -near):
            bodies = _signed_off_among(units, _side_bodies(units, i, step))
            if len(bodies) >= 2:
                groups = _shared_out(lines, bodies, grams, bank=False)[1]
                break
    if len(groups) < 2:  # headlines set together far from their stories (columns read out of order)
        groups = _far_stories(lines, i, units, grams, titles)
    if len(groups) < 2:
        return None
    cuts = {lines[start].first: body for start, _, body in groups}
    out: list[Headline] = []
    for b in u.blocks:
        if b.kind == "heading" and b.first in cuts:
            body = cuts[b.first]
            out.append(Headline([], i, body, story_start(units, body) or "first"))
        if not out:
            out.append(Headline([], i))
        out[-1].blocks.append(b)
    return out


def _far_stories(
    lines: list[Block], i: int, units: list[Unit], grams: dict[int, Counter], titles: int
) -> tuple[tuple[int, int, int], ...]:
    """A run of headlines whose stories are not beside it (pdftotext read their columns apart from
    the headlines, before or after other stories and their headlines): each title set apart matched
    with the story start within reach, on either side and past other headlines, that it stands out
    for (``_crossed``), when every title finds one; else none."""
    starts = [j for j in within_reach(grams, i) if j == min(grams) or story_start(units, j) is not None]
    if len(starts) < 2:
        return ()
    groups = _crossed(lines, starts, grams)
    return groups if len(groups) >= titles else ()


def _crossed(
    lines: list[Block], bodies: list[int], grams: dict[int, Counter]
) -> tuple[tuple[int, int, int], ...]:
    """A bank whose headlines are not in the order of their stories (pdftotext read the columns
    of the stories in another order than the headlines'): a headline at each title set apart (a
    short line before it its kicker, lines set apart after it riders), each matched with the story
    it stands out for (``_heads_a_story``), best first; a headline without a story rides with the
    one before. Its groups (first line, end, body) in the order of the lines."""
    starts = [
        n
        for n, x in enumerate(lines)
        if (n == 0 or x.first != lines[n - 1].last + 1) and _han(x.text) >= THRESHOLDS.bank_title_min
    ]
    if not starts:
        return ()
    starts[0] = 0
    spans = list(zip(starts, [*starts[1:], len(lines)]))
    ranked = []
    for k, end in spans:
        own = bigrams("".join(x.text for x in _lead(lines, k, end)))
        for j in bodies:
            if _heads_a_story(own, j, bodies, grams):
                ranked.append((overlap(own, grams[j]), k, j))
    chosen: dict[int, int] = {}
    for _, k, j in sorted(ranked, reverse=True):
        if k not in chosen and j not in chosen.values():
            chosen[k] = j
    out: list[tuple[int, int, int]] = []
    for k, end in spans:
        if k in chosen:
            out.append((k, end, chosen[k]))
        elif out:
            out[-1] = (out[-1][0], end, out[-1][2])
    return tuple(out)  # lines before the first matched headline stay a headline without a story


def _shared_out(
    lines: list[Block], bodies: list[int], grams: dict[int, Counter], bank: bool
) -> tuple[float, tuple[tuple[int, int, int], ...]]:
    """The best cut of headline ``lines`` into consecutive headlines matched in order with
    ``bodies`` (sequence alignment by dynamic programming), its score and its groups (first line,
    end, body): each headline earns the share of its bigrams its body has, each one after the first
    less ``split_cost``. ``bank``: the bodies are story starts, not articles for sure, so each
    headline must look like one (``_heads_a_story``) and no title the column wrapped is cut."""
    n, m = len(lines), len(bodies)

    @cache
    def best(k: int, b: int) -> tuple[float, tuple[tuple[int, int, int], ...]]:
        """Best score for lines[k:] with bodies[b:], and its groups (start, end, body)."""
        if k == n:
            return 0.0, ()
        if b == m:
            return float("-inf"), ()
        if bank and k and lines[k].first == lines[k - 1].last + 1:
            return float("-inf"), ()  # a bank sets its headlines apart: no cut between lines run on
        options = [best(k, b + 1)]  # bodies[b] gets no headline here
        for end in range(k + 1, n + 1):
            own = bigrams("".join(x.text for x in (_lead(lines, k, end) if bank else lines[k:end])))
            if bank and not _heads_a_story(own, bodies[b], bodies, grams):
                continue
            cost = (THRESHOLDS.bank_split_cost if bank else THRESHOLDS.split_cost) if k else 0.0
            gain = overlap(own, grams[bodies[b]]) - cost
            rest, groups = best(end, b + 1)
            options.append((gain + rest, ((k, end, bodies[b]), *groups)))
        return max(options, key=lambda o: o[0])

    return best(0, 0)
