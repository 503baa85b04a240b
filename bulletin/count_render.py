"""FileCounts -> what ``bulletin count`` prints: ``wc``-like lines, TSV, CSV, one JSON document, or
tables on a terminal. The only place counts become text.

A row is a unit counted: a file, an article of it (``--by article``), its notes, or the total. Line
formats can be written a file at a time (``header``, then ``lines`` per file, then the total's);
JSON and the terminal tables need every file first. With ``top`` the line formats and the tables list
each unit's most frequent words instead of its figures; JSON gives both (a ``top`` key per unit).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Literal

from bulletin.counts import FIGURES, KEYS, Counts, FileCounts

Format = Literal["tsv", "csv", "json"]
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
    return json.dumps({"files": files, "total": figures(total)}, ensure_ascii=False) + "\n"


# terminal: rich tables


def table(units: list[Row], *, words: bool, top: int | None = None, stopwords: frozenset[str] | None = None):
    """A rich Table: the figures down the side, as Word's statistics dialog shows them, a column per
    unit; with ``top``, a row per rank and a ``word count`` cell per unit."""
    from rich.markup import escape
    from rich.table import Table

    headings = [escape(_heading(row)) for row in units]
    if top:
        grid = Table("#", *headings)
        ranked = [row.counts.top(top, stopwords) for row in units]
        for rank in range(max(map(len, ranked), default=0)):
            cells = [f"{r[rank][0]} {r[rank][1]}" if rank < len(r) else "" for r in ranked]
            grid.add_row(str(rank + 1), *map(escape, cells))
        return grid
    grid = Table("", "", *headings)
    for column in grid.columns[2:]:
        column.justify = "right"
    values = [row.counts.to_dict() for row in units]
    for figure in FIGURES:
        if figure.key == "words" and not words:
            continue
        grid.add_row(figure.label, figure.key, *(_cell(v[figure.key]) for v in values))
    return grid


def _heading(row: Row) -> str:
    if row.article in ("", NOTES):
        return row.article or row.source
    title = _one_line(row.title)
    return f"{row.article} {title[:8]}…" if len(title) > 8 else f"{row.article} {title}"
