"""Pass 1, blocks: the cleaned page's blocks with their input lines, a headline line that reflow
joined onto the paragraph after it (or wrapped onto the dateline's line) set apart again, and a
line holding two columns' headlines side by side cut into its columns' pieces."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from bulletin import patterns
from bulletin.chars import display_width
from bulletin.lazyre import lazy
from bulletin.model import Block
from bulletin.segment.form import RAW_PUNCT, SPACES, looks_like_heading
from bulletin.segment.roles import kind_and_cue
from bulletin.segment.thresholds import THRESHOLDS


def input_lines(text: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", text)


def unglue_headlines(blocks: list[Block], lines: list[str]) -> list[Block]:
    """Set apart a short line without punctuation that reflow joined onto the next paragraph, when
    a blank line parted them on the page or the rest opens with a dateline (平遥县举行第六届武术运动会
    / 周末，不少市民…; 者 / 本报阿比让1月5日电 …)."""
    out: list[Block] = []
    for b in blocks:
        out.extend(_unglue(b, lines))
    return cut_columns(_give_back_overflow(out), lines)


def _give_back_overflow(blocks: list[Block]) -> list[Block]:
    """The end of a headline wrapped over lines of one width, read onto the start of the dateline
    line beside it (布总统要求谴 / 责胡图族叛乱 / 者本报阿比让1月5日电…): back to the headline, whole."""
    out: list[Block] = []
    for b in blocks:
        k = _overflow(out[-2:], b)
        if k:
            top, below = out[-2:]
            out[-2:] = [replace(top, text=top.text + below.text + b.text[:k], last=below.last)]
            b = replace(b, text=b.text[k:])
        out.append(b)
    return out


def _overflow(above: list[Block], b: Block) -> int:
    """How many characters at the start of ``b`` end the headline wrapped over the two lines above."""
    if len(above) < 2 or patterns.dateline_end(b.text) is not None:
        return 0
    top, below = above
    if not (
        top.first == top.last == below.first - 1
        and below.first == below.last == b.first - 1
        and len(top.text) == len(below.text)
        and looks_like_heading(top.text + below.text)
    ):
        return 0
    for k in range(1, THRESHOLDS.overflow_max + 1):
        if all(map(patterns.is_han, b.text[:k])) and patterns.dateline_end(b.text[k:]) is not None:
            return k
    return 0


def _loose(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", s) if not ch.isspace())


def _headline_lines(b: Block, lines: list[str]) -> list[Block]:
    """A headline block back in its lines on the page (reflow joined 1997：竞技场上佳音频传 and its
    subtitle under it): ``parse_headline`` decides which lines wrap one title."""
    own = [(n, lines[n - 1].strip(SPACES)) for n in range(b.first, b.last + 1) if lines[n - 1].strip(SPACES)]
    raw: list[tuple[int, str]] | None = own
    if "".join(_loose(t) for _, t in own) != _loose(b.text):
        raw = _own_pieces(b, lines)  # pdftotext -layout: other columns share the lines
    if raw is None or len(raw) < 2:
        return [b]
    out, start = [], 0
    for n, t in raw:
        cut = _cut_after(b.text[start:], len(_loose(t)))
        end = len(b.text) if cut is None else start + cut
        indent = _indent(lines[n - 1]) if raw is own else 0  # (its own line's: an intertitle stays indented)
        out.append(Block(b.text[start:end].strip(SPACES), n, n, "heading", indent))
        start = end
    return out if all(x.text for x in out) else [b]


def _indent(line: str) -> int:
    """The display columns a line of the page is indented by (as ``reflow`` measures a block's)."""
    lead = line[: len(line) - len(line.lstrip(SPACES))]
    return display_width(lead.replace("\t", "    ")) if lead else 0


COLUMN_GAP = lazy(r"[ \u3000]{2,}")  # compiled on first use: split's start-up pays nothing


def _own_pieces(b: Block, lines: list[str]) -> list[tuple[int, str]] | None:
    """The piece of each of the block's lines that is the block's own text, when the lines hold
    other columns' text too (cut at runs of spaces); None when the pieces do not make the block."""
    want, pos, out = _loose(b.text), 0, []
    for n in range(b.first, b.last + 1):
        for piece in COLUMN_GAP.split(lines[n - 1]):
            loose = _loose(piece)
            if loose and want.startswith(loose, pos):
                out.append((n, piece.strip(SPACES)))
                pos += len(loose)
                break
    return out if pos == len(want) else None


def _unglue_name(b: Block, lines: list[str]) -> list[Block] | None:
    """A headline with the author's name joined on from the line below (石学海：牵着骆驼闯影坛 / 刘红)."""
    tail = lines[b.last - 1].strip(SPACES)
    if not patterns.is_bare_names(tail):
        return None
    want = _loose(tail)
    text = b.text.rstrip(SPACES)
    if not _loose(text).endswith(want) or len(_loose(text)) <= len(want):
        return None
    cut = len(text)
    taken = 0
    while cut > 0 and taken < len(want):
        cut -= 1
        if not text[cut].isspace():
            taken += 1
    head = text[:cut].rstrip(SPACES)
    if not looks_like_heading(head) or _loose(text[cut:]) != want:
        return None
    return [
        Block(head, b.first, b.last - 1, "heading"),
        Block(text[cut:].strip(SPACES), b.last, b.last, "byline"),
    ]


def _unglue_tail(b: Block, lines: list[str]) -> list[Block] | None:
    """A headline line that reflow joined onto the end of the paragraph above it, across the blank
    line that parts them on the page (…推行股份制也是如此。任何东西 / (blank) / 又见『歪嘴和尚』: a
    column broke the paragraph, the next column opens with the headline): set apart again. Only
    when the blank line is the block's one blank and the headline line is the last."""
    if b.last <= b.first or b.last > len(lines):
        return None
    own = [n for n in range(b.first, b.last + 1) if lines[n - 1].strip(SPACES)]
    blanks = [n for n in range(b.first, b.last + 1) if not lines[n - 1].strip(SPACES)]
    if len(blanks) != 1 or own[-1] != b.last or blanks[0] != b.last - 1:
        return None
    want = len(_loose(lines[b.last - 1]))
    body = len(_loose(b.text)) - want
    cut = _cut_after(b.text, body)
    if cut is None or body <= 0:
        return None
    head, rest = b.text[cut:].strip(SPACES), b.text[:cut].rstrip(SPACES)
    if _loose(head) != _loose(lines[b.last - 1]) or not looks_like_heading(head):
        return None
    if patterns.dateline_end(head) is not None or kind_and_cue(head)[0] != "heading":
        return None
    return [replace(b, text=rest, last=blanks[0] - 1), Block(head, b.last, b.last, "heading")]


def _cut_after(text: str, n: int) -> int | None:
    """Index just past the first ``n`` non-space characters of ``text`` (None: it has fewer)."""
    taken = 0
    for i, ch in enumerate(text):
        if taken == n:
            return i
        if not ch.isspace():
            taken += 1
    return None


def _unglue(b: Block, lines: list[str]) -> list[Block]:
    if b.last <= b.first or b.last > len(lines):
        return [b]
    named = _unglue_name(b, lines)
    if named is not None:
        return named
    if looks_like_heading(b.text) and patterns.dateline_end(b.text) is None:
        return _headline_lines(b, lines)
    tail = _unglue_tail(b, lines)
    if tail is not None:
        return tail
    head = lines[b.first - 1].strip(SPACES)
    if not head or len(head) > THRESHOLDS.headline_max or any(ch in RAW_PUNCT for ch in head):
        return [b]
    if patterns.dateline_end(head) is not None:
        return [b]
    widths = [display_width(ln.strip(SPACES)) for ln in lines[b.first - 1 : b.last]]
    if display_width(head) >= THRESHOLDS.full_line * max(widths):
        return [b]  # a full line of the column: the paragraph goes on, whatever follows
    want = _loose(head)
    cut = _cut_after(b.text, len(want))
    if cut is None:
        return [b]
    if _loose(b.text[:cut]) != want or not looks_like_heading(b.text[:cut]):
        return [b]
    rest = b.text[cut:].lstrip(SPACES)
    blank_after = b.first < len(lines) and not lines[b.first].strip(SPACES)
    if not rest or not (blank_after or patterns.dateline_end(rest) is not None):
        return [b]
    nxt = b.first + 1
    while nxt < b.last and nxt <= len(lines) and not lines[nxt - 1].strip(SPACES):
        nxt += 1
    return [Block(b.text[:cut].rstrip(SPACES), b.first, b.first, "heading"), Block(rest, nxt, b.last)]


# --- two columns' headlines printed side by side on one line (pdftotext) ----------------------

COLUMN_CUT_WRAPPED_SHARE = 0.3
"""A page is hard-wrapped when at least this share of its blocks run over several input lines
(pdftotext, PyMuPDF and wrapped pages: 0.31 and more on the corpus; e-paper copy, a paragraph a
line, 0.04 at most): only there do two columns' headlines end up on one line. E-paper copy sets
a title of two phrases on one line with a space between them (盛赞辉煌成就 共祝美好未来): one
headline, never cut."""
COLUMN_PIECE_MIN = 2
"""A column's piece of a shared line holds at least this many characters: a letter-spaced line
(联 合 国 大 会) has pieces of one."""
COLUMN_FULL = 0.75
"""A column's headline goes on to the next line while its last line is at least this share of its
widest (a line much narrower ends it: 拥军…工作常抓 / 不懈): the lines under a shared line go to
the first column still open."""

COLUMN_GAP_ONE = lazy(r"(?<=[^\sA-Za-z0-9０-９.%])[ \u3000]+(?=[^\sA-Za-z0-9０-９.%])")
"""A gap between two columns' headlines: spaces between characters that are neither digits nor
Latin (1997 年, MMM 股票: spacing around digits and Latin, not a gutter)."""


def cut_columns(blocks: list[Block], lines: list[str]) -> list[Block]:
    """A headline line that pdftotext printed with the headline of the next column beside it
    (拥军办实事…工作常抓 拉萨海关追回被盗国 / 不懈 / 宝) cut at the gap into its columns' pieces, and
    the lines under it that wrap those headlines each put after its own column's piece (拥军…常抓 /
    不懈 / 拉萨海关追回被盗国 / 宝): every character kept, each headline's lines together, the
    columns in reading order. Only on a hard-wrapped page (``COLUMN_CUT_WRAPPED_SHARE``) and for
    a line set tight against another headline line."""
    if sum(b.last > b.first for b in blocks) < COLUMN_CUT_WRAPPED_SHARE * len(blocks):
        return blocks
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        pieces = _column_pieces(blocks, i, lines)
        if pieces is None:
            out.append(blocks[i])
            i += 1
            continue
        columns = [[p] for p in pieces]
        i += 1
        while i < len(blocks) and _tight_under(blocks[i - 1], blocks[i]):
            more = _column_pieces(blocks, i, lines)
            if more is not None and len(more) == len(columns):
                for column, piece in zip(columns, more):
                    column.append(piece)
            else:
                next((c for c in columns if _still_open(c)), columns[-1]).append(blocks[i])
            i += 1
        out.extend(x for column in columns for x in _tied(column))
    return out


def _tight_under(a: Block, b: Block) -> bool:
    """``b`` is a headline line of its own right under ``a`` (no blank line between)."""
    return (
        b.first == b.last == a.last + 1
        and looks_like_heading(b.text)
        and patterns.dateline_end(b.text) is None
        and not patterns.is_bare_names(b.text.strip(SPACES))
    )


def _still_open(column: list[Block]) -> bool:
    widths = [display_width(x.text.strip(SPACES)) for x in column]
    return widths[-1] >= COLUMN_FULL * max(widths)


def _tied(column: list[Block]) -> list[Block]:
    """A column's piece of a shared line reaches down to the line before its column's next line
    (the lines between hold the other columns' wrapped headlines): no blank line parts a headline's
    piece from the line that wraps it."""
    tied = [replace(x, last=max(x.last, nxt.first - 1)) for x, nxt in zip(column, column[1:])]
    return [*tied, column[-1]]


def _column_pieces(blocks: list[Block], i: int, lines: list[str]) -> list[Block] | None:
    """Block ``i``, one input line, cut into the pieces of the columns printed side by side on it;
    None when it is no such line: its pieces are not all headline lines, or it is set apart from
    the headline lines around it, or it is one line of page furniture (1998年1月9日 星期五), a byline
    (本报记者 陈杰) or writers' names (姚祥明 羊盘初, 珀斯真热 许立群)."""
    b = blocks[i]
    if b.first != b.last or b.last > len(lines) or kind_and_cue(b.text)[0] != "heading":
        return None
    raw = lines[b.first - 1].strip(SPACES)
    parts = [p for p in COLUMN_GAP_ONE.split(raw) if p]
    if len(parts) < 2 or any(len(_loose(p)) < COLUMN_PIECE_MIN for p in parts):
        return None
    if patterns.is_names_only(raw) or patterns.is_bare_names(parts[-1]):
        return None
    tight_above = i > 0 and _tight_under(blocks[i - 1], b)
    if not (tight_above or i + 1 < len(blocks) and _tight_under(b, blocks[i + 1])):
        return None
    out: list[Block] = []
    start = 0
    for p in parts:
        cut = _cut_after(b.text[start:], len(_loose(p)))
        end = len(b.text) if cut is None else start + cut
        piece = b.text[start:end].strip(SPACES)
        if _loose(piece) != _loose(p) or kind_and_cue(piece)[0] != "heading":
            return None
        out.append(Block(piece, b.first, b.last, b.kind, b.indent if not out else 0))
        start = end
    return out if not b.text[start:].strip(SPACES) else None
