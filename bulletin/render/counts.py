"""FileCounts -> what ``bulletin count`` prints: ``wc``-like lines, TSV, CSV, one JSON document, or
tables on a terminal. The only place counts become text.

A row is a unit counted: a file, an article of it (``--by article``), its notes, or the total. Line
formats can be written a file at a time (``header``, then ``lines`` per file, then the total's);
JSON and the terminal's tables (a row per unit, a column per figure, fitted to its width) need
every file first. With ``top`` the line formats and the tables list
each unit's most frequent words instead of its figures; JSON gives both (a ``top`` key per unit).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import TypedDict

from bulletin.counts import KEYS, WORD_KEYS, Counts, FileCounts
from bulletin.render.formats import json_line

PLAIN_KEYS = ("paragraphs", "sentences", "words", "word_count")
"""The figures of a plain line, like wc's lines, words, characters: paragraphs, sentences, jieba's words
(when counted) and Word's 字数."""
WIDTH = 7  # of a number in a plain line, as wc gives it
TOTAL = "total"
NOTES = "notes"


@dataclass
class Row:
    source: str  # the FILE as given, or "total"
    article: str  # "" for the whole file (or the total), "1", "2", ... for an article, "notes"
    title: str
    counts: Counts

    @property
    def label(self) -> str:
        """How a plain line names the unit: FILE, FILE:N TITLE, FILE:notes, total."""
        if not self.article:
            return self.source
        return f"{self.source}:{self.article} {_one_line(self.title)}".rstrip()


def rows(result: FileCounts) -> list[Row]:
    """A file's rows: its articles and notes first (with ``--by article``), then the file, as ``du``
    lists a folder's contents before the folder."""
    if result.articles is None or result.notes is None:
        return [Row(result.source, "", "", result.counts)]
    units = [Row(result.source, str(index), title, counts) for index, title, counts in result.articles]
    return [*units, Row(result.source, NOTES, "", result.notes), Row(result.source, "", "", result.counts)]


def total_row(counts: Counts) -> Row:
    return Row(TOTAL, "", "", counts)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _cell(value: object) -> str:
    return "" if value is None else str(value)


# line formats: plain (wc), tsv, csv


def header(fmt: str | None, by_article: bool, top: int | None) -> str:
    """The header line of TSV or CSV; none for plain lines."""
    if fmt is None:
        return ""
    names = ["source", *(["article", "title"] if by_article else [])]
    names += ["rank", "word", "count"] if top else list(KEYS)
    return _join(fmt, names)


class Shown(TypedDict):
    """The keyword arguments of :func:`lines` that ``bulletin count``'s options set, once for every file."""

    by_article: bool
    top: int | None
    stopwords: frozenset[str] | None


def lines(
    units: list[Row],
    fmt: str | None,
    *,
    by_article: bool,
    top: int | None = None,
    stopwords: frozenset[str] | None = None,
) -> str:
    """The lines of ``units`` in ``fmt`` (None: plain), their figures or, with ``top``, their words."""
    out = []
    for row in units:
        ident = [row.source, *([row.article, _one_line(row.title)] if by_article else [])]
        if top:
            ranked = row.counts.top(top, stopwords)
            if fmt is None:
                out += [f"{n:>{WIDTH}} {word} {row.label}" for word, n in ranked]
            else:
                out += [
                    _join(fmt, [*ident, str(rank), word, str(n)]) for rank, (word, n) in enumerate(ranked, 1)
                ]
        elif fmt is None:
            figures = row.counts.to_dict()
            numbers = [f"{figures[key]:>{WIDTH}}" for key in PLAIN_KEYS if figures[key] is not None]
            out.append(" ".join([*numbers, row.label]))
        else:
            out.append(_join(fmt, [*ident, *map(_cell, row.counts.to_dict().values())]))
    return "".join(line + "\n" for line in out)


def _join(fmt: str, cells: list[str]) -> str:
    if fmt == "tsv":
        return "\t".join(_one_line(cell) for cell in cells)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(cells)
    return buffer.getvalue()


# JSON: one document


def document(
    results: list[FileCounts], total: Counts, top: int | None = None, stopwords: frozenset[str] | None = None
) -> str:
    """``{"files": [{"source", "encoding", COUNTS..., "articles": [...], "notes": COUNTS}], "total":
    COUNTS}`` on one line; articles and notes only with ``--by article``, ``top`` in each COUNTS
    with ``top``."""

    def figures(counts: Counts) -> dict:
        d = counts.to_dict()
        if top:
            d["top"] = [[word, n] for word, n in counts.top(top, stopwords)]
        return d

    files = []
    for result in results:
        entry = {"source": result.source, "encoding": result.encoding, **figures(result.counts)}
        if result.articles is not None and result.notes is not None:
            entry["articles"] = [
                {"index": index, "title": title, **figures(counts)}
                for index, title, counts in result.articles
            ]
            entry["notes"] = figures(result.notes)
        files.append(entry)
    return json_line({"files": files, "total": figures(total)})


# terminal: rich tables, a row per unit and a column per figure

HEADERS: dict[str, str] = {
    "word_count": "字数",
    "chars_no_spaces": "字符\n(不计空格)",
    "chars_with_spaces": "字符\n(计空格)",
    "paragraphs": "段落",
    "lines": "行数",
    "non_chinese_words": "非中文\n单词",
    "chinese_chars": "中文字符",
    "han": "汉字",
    "cjk_punct": "中文\n标点",
    "digit_runs": "数字串",
    "latin_words": "英文\n单词",
    "sentences": "句数",
    "words": "词数",
    "reading_minutes": "阅读\n(分钟)",
}
"""A figure's column header on a terminal: its label (see ``counts.FIGURES``) on at most two short
lines, so that a table of seven figures and a file name fits in 80 columns."""

GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Word 字数统计", WORD_KEYS),
    ("汉字、标点、句子", tuple(key for key in KEYS if key not in WORD_KEYS)),
)
"""The terminal's tables, one under the other: Word's seven figures as its 字数统计 dialog lists them,
then ours; every figure is in one of them."""

MIN_NAME = 12  # cells: the narrowest the name column is made, however many figures
ELLIPSIS = "…"


def table(
    units: list[Row],
    *,
    words: bool,
    top: int | None = None,
    stopwords: frozenset[str] | None = None,
    width: int = 80,
):
    """What a terminal of ``width`` columns shows: a table per group of figures (:data:`GROUPS`),
    a row per unit and a column per figure, the names shortened in the middle to fit, numbers
    never cut; with ``top``, a row per rank and a ``word count`` cell per unit."""
    from rich import box
    from rich.console import Group
    from rich.markup import escape
    from rich.table import Table

    if top:
        grid = Table("#", *(escape(_heading(row)) for row in units))
        ranked = [row.counts.top(top, stopwords) for row in units]
        for rank in range(max(map(len, ranked), default=0)):
            ranks = [f"{r[rank][0]} {r[rank][1]}" if rank < len(r) else "" for r in ranked]
            grid.add_row(str(rank + 1), *map(escape, ranks))
        return grid
    values = [row.counts.to_dict() for row in units]
    by_article = any(row.article for row in units)
    tables: list[Table | str] = []
    for title, keys in GROUPS:
        keys = tuple(key for key in keys if key != "words" or words)
        cells = {key: [_cell(v[key]) for v in values] for key in keys}
        widths = {key: max(_cells(HEADERS[key]), *map(len, cells[key])) for key in keys}
        # each figure's column: a space of padding and one of rule before its cells
        name_width = max(MIN_NAME, width - sum(widths.values()) - 2 * len(keys))
        grid = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False)
        grid.padding, grid.pad_edge = (0, 0, 0, 1), False
        grid.add_column("文章" if by_article else "文件", no_wrap=True, max_width=name_width)
        for key in keys:
            grid.add_column(HEADERS[key], justify="right", no_wrap=True, min_width=widths[key])
        for n, row in enumerate(units):
            last = n + 1 < len(units) and (row.source != units[n + 1].source or units[n + 1].source == TOTAL)
            name = escape(_name(row, name_width))
            grid.add_row(name, *(cells[key][n] for key in keys), end_section=by_article and last)
        tables += [grid, ""]
    return Group(*tables[:-1])


def _cells(text: str) -> int:
    from rich.cells import cell_len

    return max(cell_len(line) for line in text.split("\n"))


def _name(row: Row, width: int) -> str:
    """The unit's name in at most ``width`` cells: a file's (or the total's) shortened in the middle,
    where names differ least; an article's number and title, the title cut at its end."""
    if row.article in ("", NOTES):
        name = row.article or row.source
        return _middle(name, width) if row.article == "" else name
    return _end(f"{row.article} {_one_line(row.title)}", width)


def _middle(text: str, width: int) -> str:
    from rich.cells import cell_len

    if cell_len(text) <= width:
        return text
    head, tail = "", ""
    left, right = 0, len(text)
    room = width - 1
    while left < right:
        if cell_len(head) <= cell_len(tail):
            if cell_len(head + text[left]) + cell_len(tail) > room:
                break
            head, left = head + text[left], left + 1
        else:
            if cell_len(text[right - 1] + tail) + cell_len(head) > room:
                break
            tail, right = text[right - 1] + tail, right - 1
    return head + ELLIPSIS + tail


def _end(text: str, width: int) -> str:
    from rich.cells import cell_len

    if cell_len(text) <= width:
        return text
    out = ""
    for ch in text:
        if cell_len(out + ch) > width - 1:
            break
        out += ch
    return out + ELLIPSIS


def _heading(row: Row) -> str:
    if row.article in ("", NOTES):
        return row.article or row.source
    title = _one_line(row.title)
    return f"{row.article} {title[:8]}…" if len(title) > 8 else f"{row.article} {title}"
