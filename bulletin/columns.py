"""Side-by-side columns (``pdftotext -layout``) read one after another: the ``columns`` rule.

``pdftotext -layout`` keeps the page's columns side by side, a row of text from each on one line.
The page is cut into bands and each band read column by column, each output line keeping the
input line it came from (``read_columns``), so that reflow's blocks still name their lines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from bulletin.lines import ended_at, has_sentence_punct

if TYPE_CHECKING:
    from bulletin.cleanconfig import CleanConfig

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


def columns(text: str, config: CleanConfig) -> tuple[str, int]:
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
