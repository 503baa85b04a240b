"""A page's geometry, measured before any line is joined: the column width its body lines were
wrapped at (and each line's own, where articles are set in columns of other widths), the indent
first lines lost, whether indentation survived, and whether blank lines mean anything.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from bulletin.chars import ends_sentence
from bulletin.lines import Line, LineFacts
from bulletin.model import Block


@dataclass(frozen=True)
class Geometry:
    """What the page tells about its own layout."""

    width: int | None  # typical full line, in display columns; None: not hard-wrapped (web/Word copy)
    full_min: int = 0  # the narrowest a justified line can be and still be full
    lost_indent: int = 0  # columns a paragraph's first line is shorter by (its indent was dropped)
    indented: bool = False  # paragraph starts kept their indentation
    flush_heads: bool = False  # every paragraph indented, headline lines flush left (e-paper copy)
    snippet: bool = False  # too few lines to measure anything
    widths: tuple[int, ...] = field(default=(), repr=False)  # each line's own column width


SNIPPET_MAX = 8
"""Lines (of 12 columns or more) a text without a shared width may have and still be a snippet too
short to measure, where a line that stops mid-sentence goes on. More lines that share no width are
web copy or clean's own output, a paragraph a line: there a line that stops mid-sentence (a deck
under a title: 中国正在……的挑战。中国给……借鉴的模式) is a paragraph of its own, or a second clean
would join what the first kept apart."""


DOUBLE_SPACED = 0.9
"""Share of lines with a blank line before them on a page whose extractor put one after every
line (PyMuPDF's blocks of a hard-wrapped page: 0.95 and more on the corpus; web copy with a blank
line between paragraphs 0.74-0.98 but no measured column; other hard-wrapped pages 0.28 at most):
there blank lines say nothing, and the page is read as if they were not there."""


def double_spaced(lines: list[Line], known: list[LineFacts]) -> bool:
    """A blank line before nearly every line, most of them in mid-sentence (one-sentence briefs
    between blank lines keep theirs)."""
    spaced = [f for f, b in zip(known, lines[1:]) if b.blanks > 0]
    if len(spaced) < DOUBLE_SPACED * (len(lines) - 1):
        return False
    return sum(not f.ends_sentence for f in spaced) >= len(spaced) / 2


def measure(lines: list[Line], known: list[LineFacts] | None = None) -> Geometry:
    """Learn the column width, the lost first-line indent and how paragraphs are marked
    (``known``: the lines' facts, when they were found already)."""
    ends = [f.ends_sentence for f in known] if known is not None else [ends_sentence(ln.text) for ln in lines]
    indented = _indented(lines, ends)
    widths = sorted(ln.width for ln in lines if ln.width >= 12)
    flush = flush_headlines(lines)
    if len(widths) < 4:
        return Geometry(None, indented=indented, snippet=not flush, flush_heads=flush)
    counts = Counter(widths)
    best, best_n = _densest(counts)
    if best_n < 4:  # too few lines share a width to tell anything: a snippet, if it is short
        snippet = len(widths) < SNIPPET_MAX and not flush
        return Geometry(None, indented=indented, snippet=snippet, flush_heads=flush)
    # Hard-wrapped pages put most body lines near one width (56% and more on the corpus pages);
    # web copy and clean's own output spread them out (a third at most).
    if best_n < 0.45 * len(widths) or best > 140:
        return Geometry(None, indented=indented, flush_heads=flush)
    cluster = [w for w in widths if best - 6 <= w <= best + 2]
    typical = _cluster_median(counts, best)
    low = cluster[len(cluster) // 10]
    full_min = min(typical - 2, max(low, typical - 4))
    geo = Geometry(typical, full_min, 0, indented)
    widths = local_widths(lines, geo)
    lost = 0 if indented else _lost_indent(lines, geo, widths, ends)
    return Geometry(typical, full_min, lost, indented, widths=tuple(widths))


def _densest(counts: Counter[int]) -> tuple[int, int]:
    """The width most lines sit just under (justified lines vary a little), and how many do."""
    best, best_n = 0, 0
    get = counts.get
    for c, k in counts.items():
        n = get(c - 4, 0) + get(c - 3, 0) + get(c - 2, 0) + get(c - 1, 0) + k + get(c + 1, 0)
        if n > best_n or (n == best_n and c > best):
            best, best_n = c, n
    return best, best_n


def _cluster_median(counts: Mapping[int, int], best: int) -> int:
    """The median width of the lines near ``best``: the typical full line."""
    near = range(best - 6, best + 3)
    sizes = [counts.get(w, 0) for w in near]
    k = sum(sizes) // 2  # the index of the median in the widths listed one per line, in order
    for w, n in zip(near, sizes):
        if k < n:
            return w
        k -= n
    raise ValueError("no line near the width")


def local_widths(lines: list[Line], geo: Geometry, reach: int = 15) -> list[int]:
    """Each line's own column width: articles on one page may be set in columns of other widths.

    A window of ``reach`` lines either side slides down the page, its width counts and their
    ``_densest`` scores kept up to date as a line comes in and another leaves (``WidthWindow``).
    """
    width = geo.width
    assert width is not None
    body = [ln.width if ln.width >= 12 else 0 for ln in lines]
    window = WidthWindow(w for w in body[: reach + 1] if w)
    out: list[int] = []
    for i in range(len(lines)):
        comes = body[i + reach] if i + reach < len(body) and i > 0 else 0
        goes = body[i - reach - 1] if i - reach - 1 >= 0 else 0
        if comes == goes and i:  # the same width in and out: the window, and its width, as before
            out.append(out[-1])
            continue
        if comes:
            window.add(comes)
        if goes:
            window.remove(goes)
        best, n = window.densest()
        if n < 8 or abs(best - width) <= 2:
            out.append(width)
        else:
            out.append(_cluster_median(window.counts, best))
    return out


class WidthWindow:
    """The widths of a window of lines, and for each its ``_densest`` score (how many lines sit from
    4 columns under it to 1 over it), updated by each line in or out: a line changes the scores of
    six widths at most, where ``_densest`` would look at every width in the window again. The best
    (score, width) is kept too: a line in can only raise it to one of the six it changed, and a
    line out lowers it only when the best is one of those (then it is looked for again)."""

    def __init__(self, widths: Iterable[int]):
        self.counts: dict[int, int] = dict(Counter(widths))
        get = self.counts.get
        self.scores = {c: sum(get(c + d, 0) for d in _NEAR) for c in self.counts}
        self._best: tuple[int, int] | None = None  # (score, width); None: to be looked for

    def add(self, width: int) -> None:
        counts, scores = self.counts, self.scores
        had = counts.get(width, 0)
        counts[width] = had + 1
        best = self._best
        for c in range(width - _NEAR[-1], width - _NEAR[0] + 1):  # the widths whose reach holds it
            if c in scores:  # (a new width has no score yet: it is counted whole below)
                n = scores[c] = scores[c] + 1
                if best is not None and (n, c) > best:
                    best = (n, c)
        if not had:
            get = counts.get
            n = scores[width] = sum(get(width + d, 0) for d in _NEAR)
            if best is not None and (n, width) > best:
                best = (n, width)
        self._best = best

    def remove(self, width: int) -> None:
        counts, scores = self.counts, self.scores
        left = counts[width] - 1
        first, last = width - _NEAR[-1], width - _NEAR[0]
        for c in range(first, last + 1):
            if c in scores:
                scores[c] -= 1
        if left:
            counts[width] = left
        else:
            del counts[width], scores[width]
        if self._best is not None and first <= self._best[1] <= last:
            self._best = None  # (the best's score fell: another width may be ahead now)

    def densest(self) -> tuple[int, int]:
        """What ``_densest`` gives for the window's counts: the best width and its score."""
        if self._best is None:
            self._best = max(zip(self.scores.values(), self.scores.keys()), default=(0, 0))
        n, c = self._best
        return c, n


_NEAR = (-4, -3, -2, -1, 0, 1)
"""The offsets from a width that ``_densest`` counts as near it (justified lines fall short)."""


def _indented(lines: list[Line], ends: list[bool]) -> bool:
    """Indentation survived: most lines after a sentence end are indented, and most others not
    (``ends``: whether each line ends a sentence).

    (Some copies indent every line, continuations too; then the indent tells nothing.)
    """
    after_end = [b.indent > 0 for ended, b in zip(ends, lines[1:]) if ended]
    after_other = [b.indent > 0 for ended, b in zip(ends, lines[1:]) if not ended]
    if len(after_end) < 3 or sum(after_end) < 0.5 * len(after_end):
        return False
    return len(after_other) < 3 or sum(after_other) < 0.5 * len(after_other)


FLUSH_HEADS = {
    "lines": 8,  # fewer lines than this tell nothing about how a page marks paragraphs
    "indented": 0.6,  # share of lines indented: e-paper copy 0.71-0.98 (a page of short items less)
    "stopped": 0.1,  # share of flush lines with a full stop: e-paper copy none; copy that indents
    # only some paragraphs (or every line but the continuations) 0.15 and more
}
"""When a page that is not hard-wrapped indents its paragraphs and sets its headlines flush left
(text copied from an e-paper: one ``<p>`` a line, each opening with two ideographic spaces), the
indent alone tells a headline line (kicker, title, subtitle) from a body line."""


def flush_headlines(lines: Sequence[Line] | Sequence[Block]) -> bool:
    """The page indents every paragraph and sets its headline lines flush left (see FLUSH_HEADS)."""
    if len(lines) < FLUSH_HEADS["lines"]:
        return False
    flush = [ln.text for ln in lines if ln.indent == 0]
    if len(lines) - len(flush) < FLUSH_HEADS["indented"] * len(lines):
        return False
    stopped = sum("。" in t for t in flush)
    return stopped <= FLUSH_HEADS["stopped"] * len(flush)


def _lost_indent(lines: list[Line], geo: Geometry, widths: list[int], ends: list[bool]) -> int:
    """How much shorter first lines are: those after a short line that ended a sentence, going on
    into a full line."""
    slack = geo.width - geo.full_min if geo.width is not None else 0
    gaps = []
    for i in range(1, len(lines) - 1):
        a, b, c = lines[i - 1], lines[i], lines[i + 1]
        if not ends[i - 1] or a.width >= widths[i - 1] - slack - 6:
            continue
        if not ends[i] and not c.blanks and c.width >= widths[i + 1] - slack:
            gaps.append(widths[i] - b.width)
    if len(gaps) < 3:
        return 0
    gaps.sort()
    median = gaps[len(gaps) // 2]
    return median if 2 <= median <= 10 else 0
