"""PDF pages -> lines with geometry -> the page's text, read column by column (pypdfium2).

Only :mod:`bulletin.document` imports this module, and only when the input is a PDF: pypdfium2 is
loaded here, so ``bulletin clean page.txt`` never loads it.

The pipeline of one page, each step a function of the one before:

1. :func:`glyphs`: every character PDFium finds, with its box (the font's loose box, top-down
   coordinates) and its type size. The size comes from the font size times the text matrix's
   scale, not from the font-size field alone: Founder (方正/飞腾) PDFs set every glyph at size 1
   and scale the matrix; where the matrix gives nothing, the box's height stands in.
2. :func:`lines_of`: glyphs into rows (same centre line), rows into runs (a column gutter or a jump
   in type size parts two runs on one row); a gap wider than a third of the type is a space.
   A letter-spaced run (``中 国 海 油``) is closed up (:func:`close_up`).
3. :func:`furniture`: the top and bottom rows of the page, set apart by white space and in
   body-size or smaller type, are the header and footer bands (page notes, one per item).
4. :func:`reading_order`: a recursive XY cut: the page is cut where a white band crosses it,
   articles first (a tall horizontal band), then columns (a vertical gutter), never by the
   order of the content stream.
5. :func:`page_pieces`: the lines in that order become the text split reads best, e-paper style:
   each headline element (type clearly larger than the page's body type) on a line of its own,
   flush left, a wrapped headline joined; each paragraph on one line, opened with two ideographic
   spaces. A paragraph ends at a first-line indent, a short last line, or a taller step between
   lines than the page's usual one; it runs on from the foot of one column to the head of the next.
"""

from __future__ import annotations

import ctypes
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

from bulletin import patterns
from bulletin.chars import IDEOGRAPHS
from bulletin.errors import BulletinError
from bulletin.model import Sheet

# --- thresholds, in type sizes (em) of the glyphs concerned or of the page's body type ----------

SPACE_GAP = 0.33
"""A gap between two glyphs wider than this share of the type is a space (CJK text is set solid;
justification opens gaps of a tenth of an em at most)."""
RUN_GAP = 1.5
"""A gap this wide on one row is a column gutter (gutters are 1.5-2.5 em of body type), and a
letter-spaced headline's gaps (about 1 em) are not."""
NARROW_GUTTER = 0.6
"""A gap this wide between solid text on both sides is a gutter too: punctuation hanging at a
column's end leaves as little as half an em of a 1.5 em gutter."""
SAME_ROW = 0.4
"""Glyph centres this close (share of the smaller type) are on one row."""
SIZE_JUMP = 1.3
"""Two neighbours on a row whose type differs by this factor belong to two runs (a headline beside
a column of body text)."""
HEADLINE = 1.15
"""A line set this much larger than the page's body type is a headline element (kicker, title,
subtitle); section markers aside."""
SMALL = 0.97
"""A line set smaller than the body type: a caption, byline or credit, never part of a paragraph
of body text."""
ARTICLE_GAP = 1.8
"""A white band across a region at least this many body sizes tall parts it (between articles,
between a headline and its columns; the header and footer rows); paragraph gaps are at most about
one body size."""
GUTTER = 1.0
"""A white strip down a region at least this many body sizes wide parts it into columns."""
LEAST_GAP = 0.5
"""The narrowest white band a region is cut across when nothing wider parts it: wider than the
leading between lines (a quarter to a half of the body size)."""
BLOCK_GAP = 1.6
"""Lines at most this far apart (in their type size) may be one block: leading and paragraph gaps
are less, the white around a headline or between articles more."""
INDENT = 1.0
"""A first line indented by a body character or more opens a paragraph."""
SET_APART = 3.0
"""A line that starts this many body characters into its column (right-aligned, centred) stands
on its own: a byline, a photo credit."""
SHORT = 1.0
"""A line ending this many body characters short of its column ends its paragraph."""
PARAGRAPH_STEP = 1.12
"""A step between two lines of a column this many times the page's usual line pitch is a
paragraph gap (a third of a line of paragraph spacing over a leading of 1.6 makes 1.22)."""
WRAP_GAP = 0.6
"""Two headline lines of one size at most this far apart (share of the size) are one element
wrapped."""
BAND_ITEM_GAP = 2.0
"""Items of a header or footer row (paper name, date, page number) are this many sizes apart."""

ASCENT, DESCENT = 0.88, 0.12
"""An em box's share above and below the baseline (CJK fonts: 880/120 units of 1000)."""

SHOWS_COLUMN = 3
"""A region of this many body lines shows its column's edges; a smaller one borrows them."""

PARAGRAPH_INDENT = "\u3000\u3000"
"""How a paragraph opens in the text handed to split: two ideographic spaces, as e-paper copy."""

HAN = re.compile(f"[{IDEOGRAPHS}]")

Role = Literal["head", "body", "small", "marker"]


class PageFailure(BulletinError):
    """One page of a PDF could not be read; the other pages still are."""


@dataclass(frozen=True)
class Glyph:
    text: str
    x0: float
    y0: float  # top, measured down from the top of the page
    x1: float
    y1: float  # bottom
    size: float  # type size in points
    spaced: bool = False  # the PDF put a space before it

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(frozen=True)
class Line:
    """A run of glyphs on one row, in one type size: a line of a column, or a headline line."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float


# --- 0. the document --------------------------------------------------------------------------


def open_pdf(data: bytes, source: str) -> Any:
    """The PDFium document of ``data``; an encrypted or damaged file is one clean error naming it."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        reason = str(err)
        if "password" in reason.lower():
            message = "the PDF is encrypted (password-protected); decrypt it first"
            raise BulletinError(f"{source}: {message}") from None
        raise BulletinError(f"{source}: cannot read this PDF (damaged or truncated?): {reason}") from None


def page_count(doc: Any) -> int:
    return len(doc)


def read_page(doc: Any, number: int, source: str) -> Sheet:
    """Page ``number`` (1-based) of ``doc`` as text and notes, and its bylines (names alone in small
    type or set apart: 署名, wherever split puts them); a failure is a :class:`PageFailure`."""
    try:
        page = doc[number - 1]
        textpage = page.get_textpage()
        left, _, _, top = page.get_bbox()
        found = list(glyphs(textpage, left, top))
    except pdfium.PdfiumError as err:
        raise PageFailure(f"{source}: page {number}: cannot read it: {err}") from None
    if not any(not g.text.isspace() for g in found):
        raise PageFailure(f"{source}: page {number} has no text layer (a scan?): OCR it first")
    lines = lines_of(found)
    body = body_size(lines)
    notes, rest = furniture(lines, body)
    pieces = page_pieces(reading_order(rest, body), body)
    text = "".join((p.text if p.role in FLUSH else PARAGRAPH_INDENT + p.text) + "\n" for p in pieces)
    return Sheet(number, text, tuple(notes), tuple(p.text for p in pieces if _is_byline(p, body)))


# --- 1. glyphs ----------------------------------------------------------------------------------


def glyphs(textpage: Any, left: float, top: float) -> Iterator[Glyph]:
    """Every visible character of the page with its box (top-down) and type size. The box spans
    the glyph's advance across and one em down from the baseline's ascent: tight boxes (一 is a
    thin stroke) and some loose ones do not say where the line is; the baseline does."""
    box = pdfium_c.FS_RECTF()
    matrix = pdfium_c.FS_MATRIX()
    x, y = ctypes.c_double(), ctypes.c_double()
    spaced = False
    count = pdfium_c.FPDFText_CountChars(textpage)
    for i in range(count):
        code = pdfium_c.FPDFText_GetUnicode(textpage, i)
        if 0xD800 <= code <= 0xDBFF and i + 1 < count:  # PDFium gives U+20000 and up as two halves
            low = pdfium_c.FPDFText_GetUnicode(textpage, i + 1)
            if 0xDC00 <= low <= 0xDFFF:
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        if code in (0, 0xFFFE, 0xFFFF) or 0xD800 <= code <= 0xDFFF:
            continue  # (the second half of a pair, or no character)
        if chr(code).isspace():
            spaced = code not in (0x0D, 0x0A)  # spaces come back from the gaps, line breaks from rows
            continue
        if not pdfium_c.FPDFText_GetLooseCharBox(textpage, i, box):
            continue
        size = pdfium_c.FPDFText_GetFontSize(textpage, i)
        if pdfium_c.FPDFText_GetMatrix(textpage, i, matrix):
            size *= math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
        if not size > 0:
            size = box.top - box.bottom
        baseline = top - (y.value if pdfium_c.FPDFText_GetCharOrigin(textpage, i, x, y) else box.bottom)
        x0, x1 = box.left - left, box.right - left
        yield Glyph(chr(code), x0, baseline - ASCENT * size, x1, baseline + DESCENT * size, size, spaced)
        spaced = False


# --- 2. lines -----------------------------------------------------------------------------------


def lines_of(found: Iterable[Glyph]) -> list[Line]:
    """Glyphs grouped into rows by their centre line, each row cut into runs at gutters and at jumps
    in type size; each run a :class:`Line`."""
    rows: list[list[Glyph]] = []
    for g in sorted(found, key=lambda g: (g.cy, g.x0)):
        if rows and abs(g.cy - rows[-1][0].cy) <= SAME_ROW * min(g.size, rows[-1][0].size):
            rows[-1].append(g)
        else:
            rows.append([g])
    lines: list[Line] = []
    for row in rows:
        row.sort(key=lambda g: g.x0)
        run: list[Glyph] = []
        for i, g in enumerate(row):
            if run and _parts(row, i):
                lines.append(_line(run))
                run = []
            run.append(g)
        if run:
            lines.append(_line(run))
    return lines


def _parts(row: list[Glyph], i: int) -> bool:
    """Does a new run start at ``row[i]``? At a wide gap, a jump in type size or in height; or at a
    narrow gutter between solid text on both sides (a column's last glyph, often punctuation,
    may hang into the gutter), which a letter-spaced run does not have."""
    a, b = row[i - 1], row[i]
    small, large = sorted((a.size, b.size))
    gap = b.x0 - a.x1
    if gap > RUN_GAP * small or large > SIZE_JUMP * small or abs(a.cy - b.cy) > SAME_ROW * small:
        return True
    if gap <= NARROW_GUTTER * small or b.spaced:
        return False
    before = a.x0 - row[i - 2].x1 if i >= 2 else 0.0
    after = row[i + 1].x0 - b.x1 if i + 1 < len(row) else 0.0
    return max(before, after) < SPACE_GAP * small


def _line(run: list[Glyph]) -> Line:
    text = run[0].text
    for a, b in zip(run, run[1:]):
        gap = b.x0 - a.x1
        if gap > SPACE_GAP * min(a.size, b.size) or (b.spaced and gap > 0.1 * min(a.size, b.size)):
            text += " "
        text += b.text
    size = Counter(round(g.size, 1) for g in run).most_common(1)[0][0]
    return Line(
        close_up(text),
        min(g.x0 for g in run),
        min(g.y0 for g in run),
        max(g.x1 for g in run),
        max(g.y1 for g in run),
        size,
    )


def close_up(text: str) -> str:
    """A letter-spaced run of Han characters as a word: ``中 国 海 油`` -> ``中国海油``,
    ``▲ 本 版 关 注`` -> ``▲ 本版关注``. Three single characters in a row, or two in a section
    marker; a line with any word of two Han characters or more is left as it is (``记者 王平``)."""
    tokens = text.split(" ")
    if len(tokens) < 2 or any(len(t) > 1 and HAN.search(t) for t in tokens):
        return text
    single = [len(t) == 1 and HAN.match(t) is not None for t in tokens]
    longest = run = 0
    for s in single:
        run = run + 1 if s else 0
        longest = max(longest, run)
    if longest < (2 if patterns.is_section(text) or text[:1] in patterns.SECTION_MARKS else 3):
        return text
    out = tokens[0]
    for token, s_prev, s in zip(tokens[1:], single, single[1:]):
        out += token if (s_prev and s) else " " + token
    return out


def body_size(lines: list[Line]) -> float:
    """The page's body type: the size most characters are set in."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def role(line: Line, body: float) -> Role:
    """What a line is by its type: a headline element, body text, small type (captions, credits,
    bylines), or a section marker (■ 乡镇动态), whatever its size."""
    if _is_marker(line):
        return "marker"
    if line.size >= HEADLINE * body:
        return "head"
    if line.size < SMALL * body:
        return "small"
    return "body"


def _is_marker(line: Line) -> bool:
    return patterns.is_section(line.text) and line.text[:1] in patterns.SECTION_MARKS


# --- 3. header and footer bands -------------------------------------------------------------


def furniture(lines: list[Line], body: float) -> tuple[list[str], list[Line]]:
    """The page's header and footer items (page notes) and the other lines. A band is the top (or
    bottom) row of the page when a white band of at least ``ARTICLE_GAP`` body sizes parts it from
    the rest and none of it is set larger than body type."""
    if len(lines) < 3:
        return [], lines
    notes: list[str] = []
    rest = sorted(lines, key=lambda line: (line.y0, line.x0))
    for end in ("top", "bottom"):
        band = _band(rest, body, end)
        if band:
            notes.extend(_items(band))
            rest = [line for line in rest if line not in band]
    return notes, rest


def _band(lines: list[Line], body: float, end: str) -> list[Line]:
    if end == "top":
        edge = min(line.y0 for line in lines)
        row = [line for line in lines if line.y0 - edge < SAME_ROW * line.size]
        others = [line for line in lines if line not in row]
        if not others or min(o.y0 for o in others) - max(r.y1 for r in row) < ARTICLE_GAP * body:
            return []
    else:
        edge = max(line.y1 for line in lines)
        row = [line for line in lines if edge - line.y1 < SAME_ROW * line.size]
        others = [line for line in lines if line not in row]
        if not others or min(r.y0 for r in row) - max(o.y1 for o in others) < ARTICLE_GAP * body:
            return []
    if any(line.size >= HEADLINE * body for line in row):
        return []
    return sorted(row, key=lambda line: line.x0)


def _items(band: list[Line]) -> list[str]:
    """A band's lines as items: words closer than ``BAND_ITEM_GAP`` sizes are one item."""
    items: list[str] = []
    last: Line | None = None
    for line in band:
        if last is not None and line.x0 - last.x1 < BAND_ITEM_GAP * line.size:
            items[-1] += " " + line.text
        else:
            items.append(line.text)
        last = line
    return items


# --- 4. reading order ----------------------------------------------------------------------


def reading_order(lines: list[Line], body: float) -> list[list[Line]]:
    """The page's lines as regions (a column, a headline) in reading order: a recursive XY cut,
    across the tall white bands first (articles, a headline over its columns), then down the
    gutters (columns, articles side by side), left to right; a region neither parts is cut across
    its widest white band when that frees columns (a headline set close over them); what is
    left is read top to bottom."""
    if not lines:
        return []
    across = _cuts(lines, _rows, ARTICLE_GAP * body)
    if len(across) == 1:
        across = _cuts(lines, _columns, GUTTER * body)
    if len(across) == 1:
        widest = _widest(lines, _rows)
        bands = _cuts(lines, _rows, widest) if widest > LEAST_GAP * body else across
        if any(len(_cuts(band, _columns, GUTTER * body)) > 1 for band in bands):
            across = bands  # only to reach the columns under it
    if len(across) == 1:
        return breuel_order(lines, body)
    return [region for part in across for region in reading_order(part, body)]


def _rows(line: Line) -> tuple[float, float]:
    return line.y0, line.y1


def _columns(line: Line) -> tuple[float, float]:
    return line.x0, line.x1


def _widest(lines: list[Line], span: Any) -> float:
    """The widest gap between ``lines`` along one axis (0 when there is none)."""
    widest, reach = 0.0, math.inf
    for line in sorted(lines, key=lambda line: span(line)[0]):
        start, end = span(line)
        widest = max(widest, start - reach)
        reach = end if reach == math.inf else max(reach, end)
    return widest


def _cuts(lines: list[Line], span: Any, gap: float) -> list[list[Line]]:
    """``lines`` parted wherever their spans along one axis leave a gap of ``gap`` or more."""
    ordered = sorted(lines, key=lambda line: span(line)[0])
    parts: list[list[Line]] = [[]]
    reach = -math.inf
    for line in ordered:
        start, end = span(line)
        if parts[-1] and start - reach >= gap:
            parts.append([])
        parts[-1].append(line)
        reach = max(reach, end)
    return parts


def breuel_order(lines: list[Line], body: float) -> list[list[Line]]:
    """Lines that no white band parts, as blocks (a column of an article, a headline) in reading order.

    Blocks are read as T. Breuel orders text lines ("High performance document layout analysis",
    2003): ``a`` comes before ``b`` when they share some width and ``a`` is above, or when ``a`` is
    wholly left of ``b``, does not lie below it, and nothing lies between them, up and down, across
    both (a headline over both, which parts two articles). (Breuel lets ``a`` lie below: then a
    headline set beside its columns would come before the columns of the article above it.)
    Of the blocks free to go next, the highest goes first. So
    columns are read one after the other, a headline before the columns under it, and an article
    beside another whole before it, whatever order the content stream has."""
    blocks = _blocks(lines, body)
    if len(blocks) > BREUEL_MAX:
        return [sorted(lines, key=lambda line: (line.y0, line.x0))]
    n = len(blocks)
    boxes = [_box(block) for block in blocks]
    after: list[list[int]] = [[] for _ in range(n)]
    waiting = [0] * n
    for i in range(n):
        for j in range(n):
            if i != j and _before(boxes[i], boxes[j], boxes, body):
                after[i].append(j)
                waiting[j] += 1
    order: list[int] = []
    ready = [i for i in range(n) if not waiting[i]]
    while len(order) < n:
        if not ready:  # a cycle (overlapping blocks): free the highest left
            ready = [min((i for i in range(n) if i not in order), key=lambda i: boxes[i][1])]
        nxt = min(ready, key=lambda i: (boxes[i][1], boxes[i][0]))
        ready.remove(nxt)
        order.append(nxt)
        for j in after[nxt]:
            waiting[j] -= 1
            if waiting[j] == 0 and j not in order:
                ready.append(j)
    return [blocks[i] for i in order]


Box = tuple[float, float, float, float]
BREUEL_MAX = 400
"""More blocks than this in one region are read top to bottom instead: the order costs the cube of
their number (120 blocks: 0.14 s; 400: some seconds). The dev PDFs' largest such region has 8."""
TOUCH = 0.2
"""Boxes may overlap by this share of body size and still count as apart (rounding, descenders)."""


def _box(block: list[Line]) -> Box:
    return (
        min(line.x0 for line in block),
        min(line.y0 for line in block),
        max(line.x1 for line in block),
        max(line.y1 for line in block),
    )


def _before(a: Box, b: Box, boxes: list[Box], body: float) -> bool:
    tol = TOUCH * body
    shared = min(a[2], b[2]) - max(a[0], b[0]) > tol
    if shared:
        return a[3] <= b[1] + tol
    if a[2] > b[0] + tol or a[1] >= b[3] - tol:  # a is not wholly left of b, or lies below it
        return False
    top, bottom = min(a[3], b[3]), max(a[1], b[1])
    return not any(
        c[1] >= top - tol
        and c[3] <= bottom + tol
        and min(c[2], a[2]) - max(c[0], a[0]) > tol
        and min(c[2], b[2]) - max(c[0], b[0]) > tol
        for c in boxes
        if c is not a and c is not b
    )


def _blocks(lines: list[Line], body: float) -> list[list[Line]]:
    """Lines grouped into blocks: each line joins the block whose last line is just above it, whose
    width it mostly shares (a short last line under an indented first one), in the same type and
    role; else it opens a block."""
    blocks: list[list[Line]] = []
    for line in sorted(lines, key=lambda line: (line.y0, line.x0)):
        home = None
        for block in blocks:
            last = block[-1]
            left, right = min(b.x0 for b in block), max(b.x1 for b in block)
            share = min(right, line.x1) - max(left, line.x0)
            if (
                share > 0.5 * min(right - left, line.x1 - line.x0)
                and 0 <= line.y0 - last.y1 + TOUCH * body <= BLOCK_GAP * line.size
                and role(last, body) == role(line, body)
                and abs(last.size - line.size) <= 0.05 * line.size
            ):
                home = block
        if home is None:
            blocks.append([line])
        else:
            home.append(line)
    return blocks


# --- 5. text ---------------------------------------------------------------------------------


@dataclass
class _Piece:
    """A headline element, a paragraph, a caption or a section marker being built, with the
    last line it took and the column that line stands in."""

    role: Role
    text: str
    last: Line
    left: float
    right: float
    first: Line


FLUSH: frozenset[Role] = frozenset({"head", "marker"})
"""What is set flush left in the text for split: headline elements and section markers. Paragraphs,
captions and credits open with ``PARAGRAPH_INDENT`` (flush small type reads to split as headlines:
dev PDFs' title exact 0.956 -> 0.793)."""


def page_pieces(regions: list[list[Line]], body: float) -> list[_Piece]:
    """The page's pieces for the text split reads best: headline elements on lines of their own,
    flush left; each paragraph one line opened by two ideographic spaces."""
    pitch = _pitch(regions, body)
    edges = _column_edges(regions, body)
    pieces: list[_Piece] = []
    passed: list[_Piece] = []  # headlines a paragraph ran on past
    for region in regions:
        left, right = edges(region)
        current: _Piece | None = None
        for n, line in enumerate(region):
            kind = role(line, body)
            into = _open_piece(pieces, line, kind) if current is None else current
            if into is not None and _continues(into, line, kind, n == 0, left, pitch):
                if current is None and into is not pieces[-1]:
                    passed += [p for p in pieces[pieces.index(into) + 1 :] if p.role == "head"]
                into.text += _joint(into.text, line.text) + line.text
                into.last, into.left, into.right = line, left, right
            else:
                into = _Piece(kind, line.text, line, left, right, line)
                pieces.append(into)
            current = into
    return _lift_headlines(pieces, passed)


def _lift_headlines(pieces: list[_Piece], passed: list[_Piece]) -> list[_Piece]:
    """A headline set at the foot of its article's first column, the article running on past it
    into the next column, goes up before the paragraphs above it in that column on a page whose
    other headlines stand over their bodies, and down after the article's other columns on a page
    whose headlines stand under them: split then reads the page one way throughout."""
    if not passed:
        return pieces
    heads = [i for i, p in enumerate(pieces) if p.role == "head" and (i == 0 or pieces[i - 1].role != "head")]
    over = 0
    for i in heads:
        j = i + 1
        while j < len(pieces) and pieces[j].role in ("head", "small"):
            j += 1
        over += j < len(pieces) and pieces[j].role == "body" and _over(pieces[j - 1], pieces[j])
    lift = over * 2 > len(heads)
    out = list(pieces)
    for head in passed:
        if head not in out:
            continue
        start = end = out.index(head)
        while end + 1 < len(out) and out[end + 1].role in ("head", "small"):
            end += 1
        group = out[start : end + 1]
        rest = out[:start] + out[end + 1 :]
        if lift:
            to = start
            while to > 0 and rest[to - 1].role in ("body", "small") and _over(rest[to - 1], head, above=True):
                to -= 1
        else:  # down past the article's columns beside it, which start higher than the headline
            to = start
            while to < len(rest) and rest[to].role in ("body", "small") and rest[to].first.y0 < head.first.y0:
                to += 1
        out = rest[:to] + group + rest[to:]
    return out


def _over(a: _Piece, b: _Piece, above: bool = False) -> bool:
    """Does ``a`` stand over ``b`` in one column? (With ``above``: ``a``'s first line, a paragraph
    that began there.)"""
    first = a.first if above else a.last
    share = min(first.x1, b.first.x1) - max(first.x0, b.first.x0)
    return share > 0 and first.y0 < b.first.y0


def _is_byline(piece: _Piece, body: float) -> bool:
    """Names alone on a line in small type or set apart (丰子义 under a title, （王虎） at an
    article's foot): a byline, which split may read as a paragraph."""
    apart = piece.role == "small" or piece.role == "body" and piece.last.x0 - piece.left >= SET_APART * body
    return apart and piece.text == piece.last.text and patterns.is_bare_names(piece.text)


def _open_piece(pieces: list[_Piece], line: Line, kind: Role) -> _Piece | None:
    """The piece a line of ``kind`` may go on with: the last one; for body type at the head of a
    region, the last paragraph even when captions or credits were read after it (set between a
    column's foot and the next column's head, they do not end a paragraph), or a headline set
    lower on the page than this line (a headline under its article's first column: it ends the
    article, which runs on at the head of the next column)."""
    k = len(pieces) - 1
    while kind == "body" and k > 0 and _passed(pieces[k], line):
        k -= 1
    return pieces[k] if k >= 0 else None


def _passed(piece: _Piece, line: Line) -> bool:
    return piece.role == "small" or piece.role == "head" and piece.last.y0 > line.y1


def _continues(into: _Piece, line: Line, kind: Role, first: bool, left: float, pitch: float) -> bool:
    """Does ``line`` go on with the piece ``into``?"""
    if into.role != kind or kind == "marker":
        return False
    last = into.last
    if kind == "head":
        same = abs(last.size - line.size) <= 0.05 * line.size
        return not first and same and line.y0 - last.y1 <= WRAP_GAP * line.size
    unit = line.size
    if line.x0 - left >= INDENT * unit or into.right - last.x1 >= SHORT * unit:
        return False  # an indent opens a paragraph, a short line ends one
    if last.x0 - into.left >= SET_APART * unit:
        return False  # a line set apart (a byline) stands alone
    return first or line.y0 - last.y0 <= PARAGRAPH_STEP * pitch  # a column's foot runs on to the next


def _column_edges(regions: list[list[Line]], body: float) -> Any:
    """A function giving a region the left and right edges of the column it stands in: where
    most body lines that start near it start and end. A region of a line or two (a byline, a
    paragraph's last line at a column's head) does not show its column by itself."""
    rows = [line for region in regions for line in region if role(line, body) == "body"]

    def edges(region: list[Line]) -> tuple[float, float]:
        own = [line for line in region if role(line, body) == "body"] or region
        left, right = min(line.x0 for line in own), max(line.x1 for line in own)
        if len(own) >= SHOWS_COLUMN:
            return left, right
        near = [line for line in rows if abs(line.x0 - left) <= SET_APART * body and line.x0 < right]
        if not near:
            return left, right
        starts = Counter(round(line.x0) for line in near).most_common(1)[0][0]
        ends = Counter(round(line.x1) for line in near).most_common(1)[0][0]
        return min(left, starts), max(right, ends)

    return edges


def _joint(before: str, after: str) -> str:
    """What goes between two lines joined in a paragraph: nothing in Chinese, a space between words
    of Latin script."""
    if before[-1:].isascii() and before[-1:].isalnum() and after[:1].isascii() and after[:1].isalnum():
        return " "
    return ""


def _pitch(regions: list[list[Line]], body: float) -> float:
    """The page's usual step from one body line to the next."""
    steps: Counter[float] = Counter()
    for region in regions:
        rows = [line for line in region if role(line, body) == "body"]
        for a, b in zip(rows, rows[1:]):
            step = b.y0 - a.y0
            if 0 < step < 3 * body:
                steps[round(step, 1)] += 1
    return steps.most_common(1)[0][0] if steps else 1.5 * body
