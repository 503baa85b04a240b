"""``bulletin count``: each file's figures (or each article's), or its most frequent words; a total."""

from __future__ import annotations

import dataclasses
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from bulletin import document
from bulletin.commands import (
    Errors,
    Job,
    Outcome,
    Output,
    Source,
    check_encoding,
    check_option_files,
    replaced_notes,
)
from bulletin.errors import BulletinError, UsageError
from bulletin.render.formats import CountFormat

if TYPE_CHECKING:  # pragma: no cover
    from bulletin.render.counts import Shown

By = Literal["file", "article"]
"""``--by``: count each file, or each article (and the page's notes) of each file."""


@dataclass(frozen=True)
class CountJob(Job):
    """``bulletin count``'s options; the defaults are the command's."""

    name: ClassVar[str] = "count"

    by: By = "file"
    words: bool = False
    top: int | None = None
    stopwords: str | None = None
    user_dict: str | None = None
    rate: int = 400  # bulletin.counts.DEFAULT_RATE (a test holds them together; clean need not load counting)
    format: CountFormat | None = None  # None: a table on a terminal, else wc-like lines
    encoding: str | None = None
    errors: Errors = "strict"
    pages: str | None = None
    # made by ready:
    several: bool = False
    lines: bool = True  # each file's lines rendered as it is counted (not a table, not JSON)
    stop: frozenset[str] | None = None  # --stopwords' words

    def ready(self, names: list[str], output: str | None, jobs: int | None) -> CountJob:
        from bulletin.stopwords import read_stopwords
        from bulletin.words import tokenizer

        check_encoding(self.encoding)
        if self.stopwords is not None and self.top is None:
            raise UsageError("--stopwords goes with --top")
        if self.user_dict is not None and not self.words and self.top is None:
            raise UsageError("--user-dict goes with --words or --top")
        check_option_files({"--stopwords": self.stopwords, "--user-dict": self.user_dict})
        document.parse_pages(self.pages)
        words = self.words or self.top is not None
        stop = read_stopwords(self.stopwords) if self.stopwords is not None else None
        if words:  # jieba and the user dictionary now: their errors once, before any file
            tokenizer(self.user_dict)
        tty = self.format is None and not Output(output).to_file and sys.stdout.isatty()
        lines = not tty and self.format != "json"
        return dataclasses.replace(self, words=words, several=len(names) > 1, lines=lines, stop=stop)

    @property
    def shown(self) -> Shown:
        """What the line formats and the tables show of each unit (``render.counts.lines``' keywords)."""
        return {"by_article": self.by == "article", "top": self.top, "stopwords": self.stop}

    def begin(self, out: Output) -> None:
        from bulletin.render import counts

        if self.lines and self.format is not None:
            out.write((counts.header(self.format, self.by == "article", self.top) + "\n").encode("utf-8"))

    def work(self, source: Source) -> Outcome:
        """Count one file (and render its lines when they are written as they come)."""
        from bulletin.counts import count_file
        from bulletin.render import counts

        name = source.name
        try:
            decoded = source.read(self.encoding, self.errors, document.parse_pages(self.pages))
            text, encoding = decoded.text, decoded.encoding
            replaced, failures = decoded.replaced, decoded.failures
            del decoded  # its pages' texts, which text holds too: 13 MB less at the peak on 8 MB of pages
            result = count_file(
                text,
                source=name,
                encoding=encoding,
                by=self.by,
                words=self.words,
                user_dict=self.user_dict,
                rate=self.rate,
            )
        except BulletinError as err:
            return Outcome.failed(err)
        data = b""
        if self.lines:
            data = counts.lines(counts.rows(result), self.format, **self.shown).encode()
        messages = replaced_notes(name, replaced, "undecodable bytes counted as U+FFFD")
        messages += failures
        return Outcome(data, messages, 1 if failures else 0, value=result)

    def end(self, out: Output, values: list[Any]) -> int:
        """The total (of several files), or the whole JSON document, or the terminal's tables."""
        from bulletin.counts import add_up
        from bulletin.render import counts

        results = [value for value in values if value is not None]  # (a PDF with a page that failed counts)
        total = add_up([result.counts for result in results], words=self.words, rate=self.rate)
        if self.lines:
            if self.several:
                out.write(counts.lines([counts.total_row(total)], self.format, **self.shown).encode())
        elif self.format == "json":
            out.write(counts.document(results, total, self.top, self.stop).encode("utf-8"))
        else:
            from rich.console import Console

            units = [row for result in results for row in counts.rows(result)]
            units += [counts.total_row(total)] if self.several else []
            console = Console()
            console.print(
                counts.table(units, words=self.words, top=self.top, stopwords=self.stop, width=console.width)
            )
        return 0
