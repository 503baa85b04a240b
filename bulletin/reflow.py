"""Lines -> paragraphs: undo the hard wrapping and column breaks of text taken out of a PDF.

A page of extracted text is a sequence of lines. Body lines were wrapped at the column width, so a
line that fills the column ends nowhere in particular, while a shorter line ends its paragraph.
Paragraph first lines lost their two-character indent, so they are "full" a little earlier. Column
breaks add blank lines anywhere, even mid-word. Headlines, datelines, captions, bylines, credits and
section markers are lines of their own. The page's own geometry (column width, lost indent, whether
indentation survived) is measured first, then each boundary between two lines is decided: join or
break. Text copied from the web or Word (one line per paragraph, broken mid-sentence by blank lines)
has no column width; there only punctuation and the cue tables decide.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

from bulletin import charmaps, furniture, patterns
from bulletin.lazyre import lazy
from bulletin.model import Block

if TYPE_CHECKING:
    from bulletin.clean import CleanOptions

INDENT_CHARS = " \u3000\t"

LEADING_CLOSERS = frozenset("，。、；：！？）》」』”’")
"""A line that starts with one of these belongs to the line before (raw extraction sets them apart)."""

SENTENCE_END = frozenset(charmaps.SENTENCE_ENDS)
CLOSING_MARKS = frozenset(charmaps.CLOSING_MARKS)
QUOTE_MARKS = frozenset("“”‘’「」『』")
_CLOSERS = "".join(sorted(CLOSING_MARKS | QUOTE_MARKS))
"""What may follow a sentence's end mark (one rstrip: a line of 10,000 of them is no quadratic loop)."""
SENTENCE_PUNCT = frozenset(charmaps.SENTENCE_PUNCTUATION)
"""Body text has these; headlines, bylines and section markers almost never do."""

CONTINUES = frozenset("，、“‘「『（《—")
"""A line ending in one of these cannot end a paragraph."""

OPENERS = frozenset("“‘「『《（")

UNCLOSED_REACH = 60

PAIRED_MARKS = (("《", "》"), ("（", "）"))
"""Marks that close on the same paragraph (not quotes: a quotation over several paragraphs opens
each of them and closes only the last)."""

TRAILING_ASIDE = re.compile(r"(?<=[。！？…”])[（(][^（()）]{1,30}[)）]$")

NEAR_FULL = 4
"""Columns a justified line may fall short of the usual full width (two characters)."""

LEADING_TOKEN = re.compile(r"[0-9A-Za-z][0-9A-Za-z.,:%/]*")
"""A number or Latin word at the start of a line: typesetting never splits one."""

SOFT_ENDS = frozenset("：；")
TAIL_MAX = 3
"""A line this short that ends in punctuation is the end of the line above it, whatever that one
looks like (运动 / 队；)."""
VERSE_ENDS = frozenset("，。！？；")
VERSE_MAX = 16
VERSE_FULL_MAX = 9
"""Lines of verse or slogans (春风吹绿汾河岸， / 万亩良田披新装。): short, as long as each other, each
ending in one of VERSE_ENDS; each is a line as printed, never joined to the next. Where they are as
wide as the page's lines (verse alone), only seven-character lines and shorter (VERSE_FULL_MAX with
the mark): a column of prose is wider, and ends lines on marks as often as not."""
SPACE_RUN = re.compile(f"[{INDENT_CHARS}]+")
"""A short line ending in one of these ends its paragraph (主要有以下几点： / 一是……); a full one goes on."""


@cache
def char_width(ch: str) -> int:
    """Display columns: 2 for Chinese characters and the punctuation set full-width in Chinese type."""
    return 2 if unicodedata.east_asian_width(ch) in "WFA" else 1


WIDE = (
    charmaps.CJK_UNIFIED_IDEOGRAPHS
    + charmaps.CJK_EXTENSION_A
    + charmaps.CJK_COMPATIBILITY_IDEOGRAPHS
    + "\u3000-\u303e"  # CJK symbols and punctuation: 　、。〈〉《》「」『』【】〔〕〇
    + "\u3041-\u3096\u30a1-\u30fa"  # hiragana, katakana
    + "\uff01-\uff60\uffe0-\uffe6"  # full-width forms: ，：；！？（）０-９Ａ-Ｚ ￥
    + charmaps.AMBIGUOUS_QUOTES
    + "\u2014\u2026\u00b7"  # — … · (ambiguous width, full-width in Chinese type)
)
"""Characters ``char_width`` gives two columns (east_asian_width W, F or A; tests/test_reflow.py
checks every one): a line of these and ASCII is measured at C speed."""

_NOT_WIDE_OR_ASCII = lazy(f"[^\x00-\x7f{WIDE}]")  # (a class of the Han blocks: compiled once, kept)


def display_width(text: str) -> int:
    """``sum(map(char_width, text))``; at C speed when every character is ASCII or in WIDE."""
    if _NOT_WIDE_OR_ASCII.search(text) is None:
        return 2 * len(text) - len(text.encode("ascii", "ignore"))
    return sum(map(char_width, text))


LATIN_RUN = re.compile(r"(?<=[^\x00-\x7f])[0-9A-Za-z%.]+(?=[^\x00-\x7f])")


def latin_gaps(text: str) -> int:
    """Columns of space a justified line gives a run of digits or Latin letters set among Chinese
    characters: the extractor's stray spaces (1997 年 3 月) were room on the page, and without
    them a full line of figures looks short."""
    if text.isascii():
        return 0
    return len(LATIN_RUN.findall(text))


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank input line."""

    text: str  # without leading and trailing whitespace
    indent: int  # display columns of leading whitespace
    blanks: int  # blank lines before it
    lead: int = 0  # columns of a dateline put in front of it from the line above (not on its line)
    first: int = 0  # 0-based input line it comes from (for a merged line, the first one)
    last: int = 0  # and the last one
    width: int = field(init=False)  # the width the line had on the page
    columns: int = field(init=False)  # the display width of its text

    def __post_init__(self) -> None:
        columns = display_width(self.text)
        object.__setattr__(self, "columns", columns)
        object.__setattr__(self, "width", columns + latin_gaps(self.text) - self.lead)

    def extended(self, *more: Line) -> Line:
        """This line with ``more`` put on its end (pieces of one line on the page), all at once: the
        width is measured once, not once per piece (a page of lone ， would take quadratic time)."""
        return replace(self, text=self.text + "".join(m.text for m in more), last=more[-1].last)


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


def split_lines(text: str, origin: list[int] | None = None) -> list[Line]:
    """The non-blank lines; ``origin`` gives each line's input line number when it is not its index
    (columns reordered the lines)."""
    lines: list[Line] = []
    blanks = 0
    for i, raw in enumerate(text.split("\n")):
        body = raw.strip(INDENT_CHARS)
        if not body:
            blanks += 1
            continue
        lead = raw[: len(raw) - len(raw.lstrip(INDENT_CHARS))]
        n = origin[i] if origin is not None and i < len(origin) else i
        indent = display_width(lead.replace("\t", "    ")) if lead else 0
        lines.append(Line(body, indent, blanks, first=n, last=n))
        blanks = 0
    return lines


def glue_punctuation(lines: list[Line]) -> list[Line]:
    """Put a line that starts with closing punctuation back on the end of the line before it.

    Typesetting never starts a line with ，or 。 (行首禁则); ``pdftotext -raw`` sets such glyphs apart,
    and the two pieces were one line on the page. Not the ’ of ’97, which opens a headline.
    """
    out: list[list[Line]] = []
    for line in lines:
        apostrophe = line.text[:1] in "\u2019'" and line.text[1:2].isdigit()  # ’97医药科技大事
        if out and line.text[0] in LEADING_CLOSERS and not apostrophe:
            out[-1].append(line)
        else:
            out.append([line])
    return [g[0].extended(*g[1:]) if len(g) > 1 else g[0] for g in out]


def ends_sentence(text: str) -> bool:
    """Ends with 。！？… , possibly followed by closing quotes or brackets, or by an attribution
    in brackets after the full stop (……积极意义。（章文）)."""
    t = text.rstrip()
    m = TRAILING_ASIDE.search(t)
    if m:
        t = t[: m.start()]
    t = t.rstrip(_CLOSERS)  # (quote marks of either side: a repair may have turned one after the stop)
    return bool(t) and t[-1] in SENTENCE_END


_SENTENCE_PUNCT_RE = re.compile(f"[{charmaps.SENTENCE_PUNCTUATION}]")


def has_sentence_punct(text: str) -> bool:
    """Any of SENTENCE_PUNCT in ``text`` (a regex search: no string made per character)."""
    return _SENTENCE_PUNCT_RE.search(text) is not None


def is_body(text: str) -> bool:
    """A paragraph of running text: it has sentence punctuation and is no cue line (credit ...)."""
    return has_sentence_punct(text) and not stands_alone(text.strip())


def stands_alone(text: str) -> bool:
    """Cue lines on a line of their own: credit, page furniture, section marker, byline, photo byline."""
    return _alone(patterns.cues(text), text)


def _alone(cues: patterns.Cues, text: str) -> bool:
    """``stands_alone`` from the line's cues (``LineFacts`` has them already)."""
    return cues.credit or cues.section or cues.byline or cues.photo_byline or furniture.is_furniture(text)


def starts_block(text: str) -> bool:
    """Cue lines that never continue the line before: those, and a dateline or caption opening."""
    cues = patterns.cues(text)
    return _starts(cues, _alone(cues, text))


def _starts(cues: patterns.Cues, alone: bool) -> bool:
    """``starts_block`` from the line's cues and ``_alone`` (``LineFacts`` has both already)."""
    return cues.dateline_start or cues.caption_start or alone


def ended_at(text: str) -> bool:
    """Ends a sentence, or with ：； (which end a paragraph when the line is short)."""
    return ends_sentence(text) or text[-1] in SOFT_ENDS


def opens_at_end(text: str) -> bool:
    """Ends in a straight quote that opens (after Han or ，：): the quotation goes on below."""
    t = text.rstrip()
    if len(t) < 2 or t[-1] not in "\"'":
        return False
    before = t[:-1].rstrip()
    return bool(before) and (before[-1] in "，：" or "\u4e00" <= before[-1] <= "\u9fff")


def unclosed(text: str) -> bool:
    """An opening 《 or （ not closed in the last few dozen characters: the text goes on
    (和《绛县 / 2022年度…》). Only near the end, so a stray mark cannot swallow a page; white space is
    not counted, as the spacing rule may take it out (and clean must decide the same the next time)."""
    if all(a not in text for a, _ in PAIRED_MARKS):
        return False  # (no opening mark at all: a cheap look before the tail is made)
    tail = _reach(text)
    return any(tail.rfind(a) > tail.rfind(b) for a, b in PAIRED_MARKS)


def _reach(text: str) -> str:
    """The last ``UNCLOSED_REACH`` characters of ``text`` that are not white space."""
    return "".join(text.split())[-UNCLOSED_REACH:]


def is_titled(text: str) -> bool:
    """Web copy: a short line with no punctuation but a colon or 、 is a headline (放小：让企业轻装前进)."""
    return (
        len(text) <= 24  # (characters, not columns: quote marks change width when they are paired)
        and not any(c in "，。；！？" for c in text)
        and not unclosed(text)
        and text[-1] not in CONTINUES
        and text[-1] not in SOFT_ENDS
    )


def is_aside(text: str) -> bool:
    """A line that is all one bracket: a source or attribution, （本报开罗电）, （新华社发 美联社照片）."""
    return (
        len(text) >= 3
        and text[0] in "（("
        and text[-1] in "）)"
        and not any(c in "（()）" for c in text[1:-1])
    )


def attach_datelines(lines: list[Line]) -> list[Line]:
    """A dateline alone on its line opens the paragraph on the next line (本报讯 / 近日，…); one
    that a narrow column cut (新华社东京1月6日 / 电 长野…) is one line again."""
    out: list[Line] = []
    for line in lines:
        if not out:
            out.append(line)
            continue
        above = out[-1].text
        end = patterns.dateline_end(above)  # (asked once for both questions below)
        if _cut_dateline(above, line.text, end):
            out[-1] = _put_before(out[-1], above, line)
        elif end is not None and not above[end:].strip() and not starts_block(line.text):
            out[-1] = _put_before(out[-1], above + " ", line)  # (a dateline alone: is_dateline_only)
        else:
            out.append(line)
    return out


def _put_before(above: Line, head: str, line: Line) -> Line:
    """``line`` with ``head`` (from the line ``above`` it) in front; its width stays its own."""
    return replace(
        line, text=head + line.text, blanks=above.blanks, lead=display_width(head), first=above.first
    )


def _cut_dateline(above: str, below: str, end: int | None) -> bool:
    """``above`` is the start of a dateline that ends on the line ``below`` (``end``: where a
    dateline ends in ``above``, ``patterns.dateline_end``)."""
    if not above or end is not None or has_sentence_punct(above):
        return False
    end = patterns.dateline_end(above + below)
    return end is not None and end > len(above)


@dataclass(frozen=True, slots=True)
class LineFacts:
    """What the join decisions ask of a line's text, answered once, so that a boundary's decision
    reads answers instead of running the cue patterns and scans again. The fields are asked of
    every line; the properties of a few lines only (found when asked: a page holds a record per
    line, and slots keep each small)."""

    text: str  # the line's text (stripped, not empty)
    ends_sentence: bool  # see ends_sentence
    punct: bool  # has sentence punctuation
    dateline_end: int | None  # where a dateline at its start ends (patterns.dateline_end)
    byline: bool  # patterns.is_byline
    stands_alone: bool  # see stands_alone
    starts_block: bool  # see starts_block

    @classmethod
    def of(cls, text: str) -> LineFacts:
        """The facts of a line's ``text``."""
        cues = patterns.cues(text)
        alone = _alone(cues, text)
        return cls(
            text=text,
            ends_sentence=ends_sentence(text),
            punct=has_sentence_punct(text),
            dateline_end=cues.dateline_end,
            byline=cues.byline,
            stands_alone=alone,
            starts_block=_starts(cues, alone),
        )

    @property
    def dateline_start(self) -> bool:
        return self.dateline_end is not None

    @property
    def soft_end(self) -> bool:
        """Ends in ：；."""
        return self.text[-1] in SOFT_ENDS

    @property
    def continues(self) -> bool:
        """Ends in one of CONTINUES."""
        return self.text[-1] in CONTINUES

    @property
    def ended(self) -> bool:
        """See ended_at."""
        return self.ends_sentence or self.soft_end

    @property
    def punct_before_last(self) -> bool:
        """Sentence punctuation before the last character."""
        return self.punct and has_sentence_punct(self.text[:-1])

    @property
    def dateline_byline(self) -> bool:
        """A dateline, then only a byline (本报讯 本报驻美国记者李云飞)."""
        end = self.dateline_end
        rest = self.text[end:].strip() if end is not None else ""
        return bool(rest) and patterns.is_byline(rest)

    @property
    def names(self) -> bool:
        """Bare names or a byline: what a headline stands over (see Reflower._over_byline)."""
        return self.byline or patterns.is_bare_names(self.text)

    @property
    def unclosed(self) -> bool:
        return unclosed(self.text)

    @property
    def opens_at_end(self) -> bool:
        return opens_at_end(self.text)

    @property
    def list_item(self) -> bool:
        return patterns.opens_list_item(self.text)

    @property
    def tight(self) -> str:
        """The text without spaces, as spacing will leave it (clean is idempotent)."""
        return SPACE_RUN.sub("", self.text)

    @property
    def point(self) -> bool:
        """The tight text opens a point of a list."""
        return patterns.opens_point(self.tight)

    @property
    def aside(self) -> bool:
        return is_aside(self.text)

    @property
    def titled(self) -> bool:
        return is_titled(self.text)

    @property
    def verse(self) -> bool:
        """Short, ending in one of VERSE_ENDS: a verse line, if its neighbours are too."""
        tight = self.tight
        return 4 <= len(tight) <= VERSE_MAX and tight[-1] in VERSE_ENDS

    @property
    def first_han(self) -> bool:
        """The tight text opens with a Han character."""
        return patterns.is_han(self.tight[0])

    @property
    def last_han(self) -> bool:
        return patterns.is_han(self.text[-1])

    @property
    def token(self) -> int:
        """The length of a number or Latin word at the line's start (LEADING_TOKEN), 0: none."""
        token = LEADING_TOKEN.match(self.text)
        return len(token.group()) if token else 0


def facts(lines: Sequence[Line]) -> list[LineFacts]:
    """Each line's facts, in order."""
    return [LineFacts.of(line.text) for line in lines]


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


def _cluster_median(counts: Counter[int], best: int) -> int:
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
    assert geo.width is not None
    body = [ln.width if ln.width >= 12 else 0 for ln in lines]
    window = WidthWindow(w for w in body[: reach + 1] if w)
    out = []
    for i in range(len(lines)):
        comes = body[i + reach] if i + reach < len(body) and i > 0 else 0
        goes = body[i - reach - 1] if i - reach - 1 >= 0 else 0
        if comes != goes:  # (the same width in and out leaves the window as it was)
            if comes:
                window.add(comes)
            if goes:
                window.remove(goes)
        best, n = window.densest()
        if n < 8 or abs(best - geo.width) <= 2:
            out.append(geo.width)
        else:
            out.append(_cluster_median(window.counts, best))
    return out


class WidthWindow:
    """The widths of a window of lines, and for each its ``_densest`` score (how many lines sit from
    4 columns under it to 1 over it), updated by each line in or out: a line changes the scores of
    six widths at most, where ``_densest`` would look at every width in the window again."""

    def __init__(self, widths: Iterable[int]):
        self.counts: Counter[int] = Counter(widths)
        get = self.counts.get
        self.scores = {c: sum(get(c + d, 0) for d in _NEAR) for c in self.counts}
        self._best: tuple[int, int] | None = None

    def add(self, width: int) -> None:
        new = width not in self.counts
        self.counts[width] += 1
        self._shift(width, 1, skip=width if new else None)
        if new:
            get = self.counts.get
            self.scores[width] = sum(get(width + d, 0) for d in _NEAR)

    def remove(self, width: int) -> None:
        self.counts[width] -= 1
        self._shift(width, -1)
        if not self.counts[width]:
            del self.counts[width], self.scores[width]

    def _shift(self, width: int, by: int, skip: int | None = None) -> None:
        scores = self.scores
        for c in range(width - _NEAR[-1], width - _NEAR[0] + 1):  # the widths whose reach holds it
            if c in scores and c != skip:
                scores[c] += by
        self._best = None

    def densest(self) -> tuple[int, int]:
        """What ``_densest`` gives for the window's counts: the best width and its score."""
        if self._best is None:
            n, c = max(zip(self.scores.values(), self.scores.keys()), default=(0, 0))
            self._best = (c, n)
        return self._best


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


class Reflower:
    """Decides, line after line, whether the next line continues the current paragraph, from each
    line's facts (``LineFacts``, found once) and the page's geometry."""

    def __init__(self, lines: list[Line], geo: Geometry, known: list[LineFacts]):
        self.geo = geo
        self.lines = lines
        self.facts = known
        self.widths = list(geo.widths)
        self.slack = geo.width - geo.full_min if geo.width is not None else 0
        self.paragraph = ""  # the end of the paragraph being built, for marks left open in it
        self.punctuated = False  # whether the paragraph being built has sentence punctuation
        if geo.width is not None:
            self.lines, self.widths, self.facts = self._mend_split_lines()

    def _mend_split_lines(self) -> tuple[list[Line], list[int], list[LineFacts]]:
        """Put back together physical lines that extraction cut at an opening quote or bracket.

        ``pdftotext -raw`` starts a new line at a glyph from another font (“ 《): two short
        pieces that fit in one column line together, the second opening with such a mark, were one
        (when the first is body text: it has punctuation, or the full line before it goes on into it).
        """
        lines, widths, known = [self.lines[0]], [self.widths[0]], [self.facts[0]]
        for line, width, fact in zip(self.lines[1:], self.widths[1:], self.facts[1:]):
            prev = lines[-1]
            body = known[-1].punct or (
                len(lines) > 1
                and lines[-2].width >= widths[-2] - self.slack - self.geo.lost_indent
                and not known[-2].ended
            )
            if (
                line.text[0] in OPENERS
                and not line.blanks
                and not known[-1].ends_sentence
                and body
                and prev.width + line.width <= widths[-1] + 2
            ):
                lines[-1] = prev.extended(line)
                known[-1] = LineFacts.of(lines[-1].text)
            else:
                lines.append(line)
                widths.append(width)
                known.append(fact)
        return lines, widths, known

    def full(self, i: int, first: bool) -> bool:
        """Line ``i`` reaches the column's edge (a first line: the edge less the lost indent)."""
        need = self.widths[i] - self.slack - (self.geo.lost_indent if first else 0)
        return self.lines[i].width >= need

    def heading_like(self, i: int, first: bool = True) -> bool:
        """Short, no sentence punctuation, not cut mid-clause: a headline, kicker, byline or label.

        A line that opens with a dateline is a paragraph's start, unless only a byline follows it
        and the line stops short (本报讯 本报驻美国记者李云飞; but 本报北京1月7日讯 记者龚雯报 / 道 is
        cut by the wrap).
        """
        f = self.facts[i]
        if i + 1 < len(self.lines) and not self.facts[i + 1].starts_block and self._goes_on_above(i + 1):
            return False  # 平遥县 / 一，: the line goes on to a mark, as it reads once they are joined
        if self.geo.width is None and f.titled:
            return True
        if f.punct_before_last or f.continues or f.soft_end:
            return False
        if f.ends_sentence or f.unclosed:
            return False
        wrapped = self.geo.width is not None and self.full(i, first)
        if f.dateline_start:
            return f.dateline_byline and not wrapped
        if self.geo.width is None:
            return self.lines[i].columns <= 80
        return not (wrapped and self.lines[i].width <= self.widths[i] + 4)

    def _goes_on_above(self, i: int) -> bool:
        """Line ``i`` finishes the line above: a word cut at the line's end (“建设集团股份公 / 司，25张:
        no paragraph opens so), or a tail of a few characters and a mark (独自直接举办产业化的运动 /
        队；)."""
        n = self.facts[i]
        tight = n.tight  # as spacing will leave it (clean is idempotent)
        if tight[1:2] == "，" and n.first_han and self.facts[i - 1].last_han:
            return True
        return len(tight) <= TAIL_MAX and tight[-1] in SENTENCE_PUNCT and n.first_han

    def joins(self, i: int, prev_first: bool) -> bool:
        """Does line ``i`` continue the paragraph that line ``i - 1`` is in?"""
        geo = self.geo
        prev, nxt = self.lines[i - 1], self.lines[i]
        p, n = self.facts[i - 1], self.facts[i]
        if n.starts_block:
            return False
        if p.stands_alone:
            return False
        if geo.indented and nxt.indent > 0:
            return False
        if geo.flush_heads and (prev.indent == 0 or nxt.indent == 0):
            return False  # a headline line stands alone, and no body line goes on into one
        if n.list_item or self._verse(i):
            return False
        if i >= 2 and p.ends_sentence and self._verse(i - 1):
            return False  # the verse ends: what follows is a paragraph of its own
        if p.continues or p.opens_at_end or unclosed(self.paragraph):
            return True
        if self._goes_on_above(i):
            return True
        tight = n.tight  # as spacing will leave it (clean is idempotent)
        if prev_first and (self.heading_like(i - 1) or self._headline_run(i - 1) or self._set_apart(i - 1)):
            return False  # (a line that continues a paragraph is body text, not a headline)
        if p.aside:
            return False
        if geo.width is None:
            # Web/Word copy: a paragraph is one line, and a line that stops mid-sentence before a
            # blank line was broken there. Without the blank line it is a paragraph of its own
            # (so that clean's own output, one paragraph per line, comes through unchanged).
            if p.ended or self.heading_like(i):
                return False
            # A snippet too short to measure: a body line that stops mid-sentence goes on.
            return nxt.blanks > 0 or (geo.snippet and self.punctuated)
        if prev.width > self.widths[i - 1] + 8:
            return False  # wider than the column: a headline or caption across columns
        if not self.full(i - 1, prev_first):
            # A line that stops short of the column's edge ends its paragraph; but a first line
            # that stops mid-sentence may just be short by an indent too small to measure, and a
            # number or Latin word too long for the room left goes whole to the next line.
            if p.ended:
                return False
            if prev_first and (p.punct or p.dateline_start):
                return True
            if prev.width >= self.widths[i - 1] - self.slack - NEAR_FULL and not prev_first:
                return True  # a character short of full, mid-sentence: justified type, not an end
            return bool(n.token) and prev.width + n.token >= self.widths[i - 1] - self.slack
        if not p.ended:
            # A first line without any punctuation, followed by another first line, is a subhead.
            subhead = prev_first and not p.punct and self._looks_first(i)
            # (…形成鲜明对 / 照，南国春来早: a line that opens with one character and a comma
            # finishes a word cut at the line's end; no paragraph starts so)
            split_word = tight[1:2] in ("，", "、")
            return not subhead or split_word or p.dateline_start
        if not p.ends_sentence:
            return True
        # A full line that ends a sentence: the paragraph may or may not end here. The next line
        # tells: a headline, a blank line where blank lines part paragraphs, an indent, or a
        # first line (short by the lost indent, yet going on) starts anew.
        if self.heading_like(i) or self._over_byline(i) or n.point:
            return False
        if nxt.blanks:
            return False  # (a column break falls after a full stop far more rarely than a paragraph)
        if geo.indented:
            return True  # paragraphs open indented, and this line is not
        return not self._looks_first(i)

    def _verse(self, i: int) -> bool:
        """Lines ``i - 1`` and ``i`` are two of a verse's or slogan's parallel lines (see VERSE_ENDS):
        both short, of one length, each ending in a comma or an end mark, and short of the column's
        edge; or, where they fill the column (a text of verse alone), with a third such line next
        to them (prose wrapped at a column ends three lines running on marks too rarely)."""
        if not (self._verse_line(i - 1) and self._verse_line(i, i - 1)):
            return False
        if self.geo.width is None or not (self.full(i - 1, False) or self.full(i, False)):
            return True
        if len(self.facts[i].tight) > VERSE_FULL_MAX:
            return False
        above = i >= 2 and self._verse_line(i - 2, i)
        return above or (i + 1 < len(self.lines) and self._verse_line(i + 1, i))

    def _verse_line(self, i: int, like: int | None = None) -> bool:
        """Line ``i`` is a verse line (as long as line ``like``, when given)."""
        f = self.facts[i]
        return f.verse and (like is None or len(f.tight) == len(self.facts[like].tight))

    def _over_byline(self, i: int) -> bool:
        """A short line right over a writer's name is a headline (优先百姓好！ / 湖南郴州市 刘洪杰),
        not the last line of the paragraph above."""
        if i + 1 >= len(self.lines) or len(self.lines[i].text) > 24:
            return False
        return self.facts[i + 1].names

    def _set_apart(self, i: int) -> bool:
        """A first line without punctuation between blank lines: a headline, however wide."""
        line = self.lines[i]
        after = self.lines[i + 1] if i + 1 < len(self.lines) else None
        f = self.facts[i]
        return (
            line.blanks > 0 and (after is None or after.blanks > 0) and not f.punct and not f.dateline_start
        )

    def _headline_run(self, i: int) -> bool:
        """Line ``i`` opens a few lines without sentence punctuation that end where a dateline or
        another cue line begins (or the page ends): a headline with its kicker or subtitle."""
        if self.facts[i].dateline_start:
            return False  # (a line that opens with a dateline is a paragraph's start)
        for j in range(i, min(i + 4, len(self.lines))):
            f = self.facts[j]
            if j > i and f.starts_block:
                return True
            if f.punct:
                return False
        return i + 4 >= len(self.lines)

    def _looks_first(self, i: int) -> bool:
        line = self.lines[i]
        if not self.geo.lost_indent or self.facts[i].ends_sentence or i + 1 >= len(self.lines):
            return False
        return line.width <= self.widths[i] - self.geo.lost_indent + 1

    def paragraphs(self) -> list[Block]:
        """The lines joined into paragraphs, each with the input lines it spans (1-based)."""
        groups: list[list[Line]] = []
        first = True
        for i, line in enumerate(self.lines):
            if i and self.joins(i, first):
                groups[-1].append(line)
                # only the end is kept: a paragraph of a page's lines would make this quadratic
                self.paragraph = _reach(self.paragraph + line.text)
                self.punctuated = self.punctuated or self.facts[i].punct
                first = False
            else:
                groups.append([line])
                self.paragraph = line.text
                self.punctuated = self.facts[i].punct
                first = True
        wrapped = self.geo.width is not None
        return [
            Block(
                join_texts([ln.text for ln in g], wrapped),
                min(ln.first for ln in g) + 1,
                max(ln.last for ln in g) + 1,
                indent=g[0].indent,
            )
            for g in groups
        ]


def join_texts(parts: list[str], wrapped: bool) -> str:
    """Join pieces of a paragraph without a space, as Chinese is written.

    Two Latin words get a space only where the text was not wrapped at a fixed width: a column
    cuts CHINANET into CHINAN / ET, while web copy breaks between words.
    """
    text = parts[0]
    for part in parts[1:]:
        a, b = text[-1], part[0]
        if not wrapped and a.isascii() and b.isascii() and a.isalpha() and b.isalpha():
            text += " " + part
        else:
            text += part
    return text


def blocks(text: str, origin: list[int] | None = None) -> tuple[list[Block], int]:
    """The paragraphs and lines of their own of ``text``, with their input lines; and how many
    line breaks were removed. ``origin``: see ``split_lines``."""
    lines = attach_datelines(glue_punctuation(split_lines(text, origin)))
    if not lines:
        return [], 0
    known = facts(lines)
    geo = measure(lines, known)
    if geo.width is not None and double_spaced(lines, known):
        lines = [replace(ln, blanks=0) for ln in lines]
    paras = Reflower(lines, geo, known).paragraphs()
    return paras, len(lines) - len(paras)


def reflow(text: str, options: CleanOptions) -> tuple[str, int]:
    """Join hard-wrapped lines into paragraphs, one per line; return the number of joins made."""
    paras, joins = blocks(text)
    if not paras:
        return "", 0
    return "\n".join(p.text for p in paras) + "\n", joins


# --- side-by-side columns (pdftotext -layout) -------------------------------------------------

COLUMN_GAP = re.compile(r"[ \u3000]{2,}")
"""Inside a column, words are never two spaces apart; between columns there are at least two."""


@dataclass
class Segment:
    start: int  # character index in its line (pdftotext -layout aligns characters, not widths)
    end: int
    text: str
    pushed: bool  # starts right after the segment before it: its position says nothing of indent


def segments(line: str) -> list[Segment]:
    out: list[Segment] = []
    pos = 0
    for m in COLUMN_GAP.finditer(line):
        if m.start() > pos:
            out.append(Segment(pos, m.start(), line[pos : m.start()], False))
        pos = m.end()
    if pos < len(line.rstrip()):
        out.append(Segment(pos, len(line.rstrip()), line[pos:].rstrip(), False))
    for a, b in pairwise(out):
        b.pushed = b.start - a.end <= 3
    return out


def is_side_by_side(rows: list[list[Segment]]) -> bool:
    """Most text lines hold two or more runs of real text far apart: columns side by side."""
    texty = [r for r in rows if r]
    multi = [r for r in texty if sum(1 for s in r if len(s.text.strip()) >= 4) >= 2]
    return len(texty) >= 6 and len(multi) >= 0.3 * len(texty)


def column_starts(rows: list[list[Segment]]) -> list[int]:
    """The character positions where columns begin: the starts most lines share."""
    counts = Counter(s.start for r in rows for s in r if not s.pushed)
    n = sum(1 for r in rows if r)
    floor = max(3, n // 12)
    starts: list[int] = []
    for pos in sorted(counts):
        near = sum(counts[p] for p in range(pos - 1, pos + 3))
        if near < floor:
            continue
        if starts and pos - starts[-1] <= 6:
            continue  # an indented first line of the same column
        starts.append(pos)
    if not starts or starts[0] > 6:
        starts.insert(0, 0)
    return starts


def columns(text: str, options: CleanOptions) -> tuple[str, int]:
    """Read text set in side-by-side columns (``pdftotext -layout``) one column after another;
    the count is the number of columns found on the page (0: not laid out side by side)."""
    read = read_columns(text)
    return (text, 0) if read is None else (read[0], read[2])


def read_columns(text: str) -> tuple[str, list[int], int] | None:
    """The page read column by column, each output line's input line, and the number of columns;
    None when the text is not laid out side by side.

    The page is cut into bands at fully blank lines and at lines that run across columns (a
    headline over several columns). Each band is read column by column, top to bottom, with the
    columns the band itself shows (articles in one row may be set in other columns than the next
    row's).
    """
    if not COLUMN_GAP.search(text):
        return None  # no two spaces anywhere, so no line of two columns (and no time spent per line)
    rows = [segments(line) for line in text.split("\n")]
    if not is_side_by_side(rows):
        return None
    page_starts = column_starts(rows)
    if len(page_starts) < 2:
        return None
    out: list[str] = []
    origin: list[int] = []
    band: list[int] = []  # indexes of the rows in the band

    def emit(line: str, n: int) -> None:
        out.append(line)
        origin.append(n)

    def flush() -> None:
        multi = sum(1 for i in band if len(rows[i]) >= 2)
        starts = column_starts([rows[i] for i in band]) if multi >= 6 else page_starts
        if len(starts) < 2:
            starts = page_starts
        for col in range(len(starts)):
            cells = _trim([(_cell(rows[i], col, starts), i) for i in band])
            if any(c and c.strip() for c, _ in cells):
                for c, i in cells:
                    emit(c or "", i)
                emit("", band[-1])
        band.clear()

    left_gap = 0  # rows in a row where the first column was empty while others had text
    left_last = ""  # the first column's last text
    col_chars = _first_column_chars(rows, page_starts)
    below = False  # the row before was a headline under a band
    for i, r in enumerate(rows):
        if not r:
            flush()
            left_gap = 0
            below = False
        elif len(r) == 1 and (
            _spans(r[0], page_starts)
            or (_headline_under(r[0], col_chars) and (below or (i > 0 and len(rows[i - 1]) >= 2)))
        ):
            flush()
            emit(r[0].text.strip(), i)
            emit("", i)
            left_gap = 0
            below = True
        else:
            below = False
            left = [s.text for s in r if _column_of(s, page_starts) == 0]
            if left and left_gap >= 3 and not _goes_on(left_last):
                flush()  # the first column starts again below a gap: a new row of articles
            left_gap = 0 if left else left_gap + 1
            left_last = left[-1].strip() if left else left_last
            band.append(i)
    flush()
    while out and not out[-1]:
        out.pop()
        origin.pop()
    return "\n".join(out) + "\n", origin, len(page_starts)


def _first_column_chars(rows: list[list[Segment]], starts: list[int]) -> int:
    """How many characters a full line of the first column holds (the commonest length of its
    cells in rows that fill several columns)."""
    lengths = Counter(len(r[0].text.strip()) for r in rows if len(r) >= 2 and _column_of(r[0], starts) == 0)
    return lengths.most_common(1)[0][0] if lengths else 0


def _headline_under(seg: Segment, col_chars: int) -> bool:
    """A lone line at the left edge, without sentence punctuation, shorter than a full line of the
    first column or longer than it: the headline that follows a band of columns (也说标语文明,
    团组织参与…——培养青年兴业领头人), not the first column's last line."""
    text = seg.text.strip()
    if seg.start > 0 or not text or has_sentence_punct(text) or not col_chars:
        return False
    return len(text) < col_chars - 2 or len(text) > col_chars + 1


def _goes_on(text: str) -> bool:
    """Text that stops mid-sentence: what follows it in its column is the same paragraph."""
    return bool(text) and has_sentence_punct(text) and not ended_at(text)


def _spans(seg: Segment, starts: list[int]) -> bool:
    """A lone segment longer than its column is wide runs across columns: a headline."""
    col = _column_of(seg, starts)
    if col + 1 >= len(starts):
        return False
    return seg.end > starts[col + 1] + 2


def _column_of(seg: Segment, starts: list[int]) -> int:
    col = 0
    for i, s in enumerate(starts):
        if s <= seg.start + 2:
            col = i
    return col


def _cell(row: list[Segment], col: int, starts: list[int]) -> str | None:
    """The text of ``row`` in column ``col``, or None when the column is empty there.

    Indents are dropped: a character index in a later column depends on how many wide characters
    the columns before it hold, so it cannot tell an indent from noise. Reflow finds first lines
    by their width instead, as on any page whose indents were lost.
    """
    parts = [s for s in row if _column_of(s, starts) == col]
    if not parts:
        return None
    return " ".join(p.text.strip() for p in parts)


def _trim(cells: list[tuple[str | None, int]]) -> list[tuple[str | None, int]]:
    """Without the empty cells at the top and bottom of a column."""
    while cells and cells[0][0] is None:
        cells = cells[1:]
    while cells and cells[-1][0] is None:
        cells = cells[:-1]
    return cells
