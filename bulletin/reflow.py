"""Lines -> paragraphs: undo the hard wrapping and column breaks of text taken out of a PDF.

A page of extracted text is a sequence of lines. Body lines were wrapped at the column width, so a
line that fills the column ends nowhere in particular, while a shorter line ends its paragraph.
Paragraph first lines lost their two-character indent, so they are "full" a little earlier. Column
breaks add blank lines anywhere, even mid-word. Headlines, datelines, captions, bylines, credits and
section markers are lines of their own. The page's own geometry (column width, lost indent, whether
indentation survived) is measured first, then each boundary between two lines is decided: join or
break. Text copied from the web or Word (one line per paragraph, broken mid-sentence by blank lines)
has no column width; there only punctuation and the cue tables decide.

This module holds the joining. Each line's record and the line tests are ``lines``'s, the page's
measurements ``geometry``'s, the reading of side-by-side columns ``columns``'s; what a character
is, ``chars``'s.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bulletin import patterns
from bulletin.chars import SHORT_LINE, display_width, ends_sentence
from bulletin.geometry import Geometry, double_spaced, flush_headlines, measure
from bulletin.lines import (
    INDENT_CHARS,
    OPENERS,
    SENTENCE_PUNCT,
    TAIL_MAX,
    VERSE_FULL_MAX,
    Line,
    LineFacts,
    ended_at,
    facts,
    has_sentence_punct,
    is_body,
    join_texts,
    reach_of,
    starts_block,
    unclosed,
)
from bulletin.model import Block

if TYPE_CHECKING:
    from bulletin.cleanconfig import CleanConfig

__all__ = [  # the names split and clean read from here (they live in lines, geometry and chars)
    "INDENT_CHARS",
    "Geometry",
    "blocks",
    "display_width",
    "ended_at",
    "ends_sentence",
    "flush_headlines",
    "has_sentence_punct",
    "is_body",
    "join_texts",
    "measure",
    "reflow",
    "split_lines",
]

LEADING_CLOSERS = frozenset("，。、；：！？）》」』”’")
"""A line that starts with one of these belongs to the line before (raw extraction sets them apart)."""

NEAR_FULL = 4
"""Columns a justified line may fall short of the usual full width (two characters)."""


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
        indent = 0
        if raw[0] in INDENT_CHARS:  # (most lines are not indented: no lead to measure)
            lead = raw[: len(raw) - len(raw.lstrip(INDENT_CHARS))]
            indent = display_width(lead.replace("\t", "    "))
        n = origin[i] if origin is not None and i < len(origin) else i
        lines.append(Line(body, indent, blanks, 0, n, n))  # (lead 0; first and last: n)
        blanks = 0
    return lines


def glue_punctuation(lines: list[Line]) -> list[Line]:
    """Put a line that starts with closing punctuation back on the end of the line before it.

    Typesetting never starts a line with ，or 。 (行首禁则); ``pdftotext -raw`` sets such glyphs apart,
    and the two pieces were one line on the page. Not the ’ of ’97, which opens a headline.
    """
    out: list[list[Line]] = []
    for line in lines:
        first = line.text[0]
        apostrophe = first == "\u2019" and line.text[1:2].isdigit()  # ’97医药科技大事 (’ the only closer)
        if out and first in LEADING_CLOSERS and not apostrophe:
            out[-1].append(line)
        else:
            out.append([line])
    return [g[0].extended(*g[1:]) if len(g) > 1 else g[0] for g in out]


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
            if (
                line.text[0] in OPENERS  # (the rare case first: most lines are appended at once)
                and not line.blanks
                and not known[-1].ends_sentence
                and (
                    known[-1].punct  # body text
                    or (
                        len(lines) > 1
                        and lines[-2].width >= widths[-2] - self.slack - self.geo.lost_indent
                        and not known[-2].ended
                    )
                )
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
        below = i + 1 < len(self.lines) and not self.facts[i + 1].starts_block
        if below and self._goes_on_above(i + 1, f.tight):
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

    def _goes_on_above(self, i: int, above: str) -> bool:
        """Line ``i`` finishes ``above`` (the line above, or the end of the paragraph it is in): a
        word cut at the line's end (“建设集团股份公 / 司，25张: no paragraph opens so), or a tail of
        a few characters and a mark (独自直接举办产业化的运动 / 队；)."""
        n = self.facts[i]
        tight = n.tight  # as spacing will leave it (clean is idempotent)
        if tight[1:2] == "，" and n.first_han and self.facts[i - 1].last_han:
            return True
        # (a wrap's tail is shorter than the text it finishes: 乡 / 乡。 under a line of its own are
        # two short lines, and their join 乡乡。 must not then read as the tail of the line above)
        return (
            len(tight) <= TAIL_MAX
            and tight[-1] in SENTENCE_PUNCT
            and n.first_han
            and len(above) > len(tight)
        )

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
        if n.list_item or (p.verse and self._verse(i)):  # (_verse asks both lines' verse first)
            return False
        if i >= 2 and p.verse and p.ends_sentence and self._verse(i - 1):
            return False  # the verse ends: what follows is a paragraph of its own
        if p.continues or p.opens_at_end or unclosed(self.paragraph):
            return True
        if self._goes_on_above(i, self.paragraph):
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
        if i + 1 >= len(self.lines) or len(self.lines[i].text) > SHORT_LINE:
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
                self.paragraph = reach_of(self.paragraph + line.text)
                self.punctuated = self.punctuated or self.facts[i].punct
                first = False
            else:
                groups.append([line])
                self.paragraph = line.text
                self.punctuated = self.facts[i].punct
                first = True
        wrapped = self.geo.width is not None
        return [
            Block(g[0].text, g[0].first + 1, g[0].last + 1, indent=g[0].indent)
            if len(g) == 1
            else Block(
                join_texts([ln.text for ln in g], wrapped),
                min(ln.first for ln in g) + 1,
                max(ln.last for ln in g) + 1,
                indent=g[0].indent,
            )
            for g in groups
        ]


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


def reflow(text: str, config: CleanConfig) -> tuple[str, int]:
    """Join hard-wrapped lines into paragraphs, one per line; return the number of joins made."""
    paras, joins = blocks(text)
    if not paras:
        return "", 0
    return "\n".join(p.text for p in paras) + "\n", joins
