"""``bulletin clean``: each file cleaned to stdout, to ``-o FILE`` or in place; a big one page by page."""

from __future__ import annotations

import codecs
import contextlib
import dataclasses
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO, ClassVar

from bulletin import document, stream, textio
from bulletin.clean import RULES, Step, add_steps, clean_and_explain, select_rules
from bulletin.cleanconfig import CleanConfig, ParagraphSep, Quotes, Spacing
from bulletin.commands import (
    Errors,
    Job,
    Outcome,
    Output,
    Source,
    check_encoding,
    check_in_place,
    no_pdf_in_place,
    output_codec,
    read_failed,
    replaced_notes,
)
from bulletin.errors import BulletinError


@dataclass(frozen=True)
class CleanJob(Job):
    """``bulletin clean``'s options; the defaults are the command's."""

    name: ClassVar[str] = "clean"
    progress: ClassVar[bool] = False

    in_place: bool = False
    backup: str | None = None
    follow_symlinks: bool = False
    encoding: str | None = None
    output_encoding: str = "utf-8"
    errors: Errors = "strict"
    quotes: Quotes = "keep"
    spacing: Spacing = "newspaper"
    paragraph_sep: ParagraphSep = "line"
    indent: bool = False
    rules: str | None = None  # "a,b,c": only these rules
    skipped: tuple[str, ...] = ()  # --no-RULE
    explain: bool = False
    pages: str | None = None
    collect: bool = False  # (made by ready: a big file's pages kept for -o, not written as made)
    config: CleanConfig = CleanConfig()  # (made by ready from the options above; what the workers clean with)

    def ready(self, names: list[str], output: str | None, jobs: int | None) -> CleanJob:
        check_encoding(self.encoding, output_codec(self.output_encoding, None))
        check_in_place(self.in_place, output, names, self.backup, self.follow_symlinks)
        config = self.clean_config()
        select_rules(config)
        document.parse_pages(self.pages)
        return dataclasses.replace(self, collect=Output(output).to_file, config=config)

    def clean_config(self) -> CleanConfig:
        """The options as one ``CleanConfig``: the style options, ``--rules a,b`` and ``--no-RULE``."""
        only = None if self.rules is None else tuple(r.strip() for r in self.rules.split(",") if r.strip())
        return CleanConfig(
            quotes=self.quotes,
            spacing=self.spacing,
            paragraph_sep=self.paragraph_sep,
            indent=self.indent,
            rules=only,
            skip=self.skipped,
        )

    def in_this_process(self, source: Source) -> bool:
        return source.big()

    def work(self, source: Source) -> Outcome:
        """Clean one file (rewritten with -i). An input bigger than ``stream.LIMIT`` is cleaned
        page by page (see ``bulletin.stream``), each page written as soon as it is clean."""
        name = source.name
        try:
            if source.stdin:
                data = sys.stdin.buffer.read(max(stream.LIMIT + 1, stream.HEAD))
                if document.is_pdf(data):
                    data += sys.stdin.buffer.read()
                elif len(data) > stream.LIMIT:
                    return self._by_page(source, data)
            elif source.big():
                return self._by_page(source)
            else:
                data = textio.read_bytes(source.path)
            pages = document.parse_pages(self.pages)
            decoded = document.read(data, self.encoding, self.errors, source=name, pages=pages)
            text, steps = clean_and_explain(decoded.text, self.config)
            codec = output_codec(self.output_encoding, decoded.encoding)
            data, unencodable = textio.encode(text, codec, self.errors, source=name)
            if self.in_place:
                no_pdf_in_place(decoded, name)
                textio.write_atomic(
                    source.path, data, backup=self._backup(source), follow_symlinks=self.follow_symlinks
                )
                data = b""
        except BulletinError as err:
            return Outcome.failed(err)
        notes = self._notes(name, decoded.replaced, unencodable) + list(decoded.failures)
        notes += self._recoded(name, decoded.encoding)
        return Outcome(data, notes, read_failed(decoded), value=steps)

    def _by_page(self, source: Source, head: bytes = b"") -> Outcome:
        """A big input's outcome, its output made page by page as it is written; its notes and its
        steps complete once it is."""
        notes: list[str] = []
        steps: list[Step] = []
        return Outcome(self._pages(source, head, notes, steps), notes, value=steps)

    def _pages(self, source: Source, head: bytes, notes: list[str], steps: list[Step]) -> Iterator[bytes]:
        name = source.name
        parts: list[bytes] = []
        steps_of_pieces: list[list[Step]] = []
        unencodable = 0
        keep = self.collect or self.in_place
        try:
            with contextlib.ExitStack() as stack:
                rest: BinaryIO
                if source.stdin:
                    rest = sys.stdin.buffer
                else:
                    rest = stack.enter_context(open(source.path, "rb"))
                    head = rest.read(stream.HEAD)
                whole = len(head) < max(stream.HEAD, stream.LIMIT + 1 if source.stdin else 0)
                decoder = stream.StreamDecoder(head, self.encoding, self.errors, name, whole=whole)
                codec = output_codec(self.output_encoding, decoder.encoding)
                for text, steps_of_piece in stream.clean_pieces(decoder.chunks(head, rest), self.config):
                    data, bad = textio.encode(text, codec, self.errors, source=name)
                    unencodable += bad
                    steps_of_pieces.append(steps_of_piece)
                    if keep:
                        parts.append(data)
                    else:
                        yield data
            if self.in_place:
                textio.write_atomic(
                    source.path,
                    b"".join(parts),
                    backup=self._backup(source),
                    follow_symlinks=self.follow_symlinks,
                )
                parts = []
        except OSError as err:
            raise BulletinError(f"{name}: {err.strerror or err}") from None
        steps.extend(add_steps(steps_of_pieces))
        notes += self._notes(name, decoder.replaced, unencodable) + self._recoded(name, decoder.encoding)
        if parts:  # -o: the pages kept until now
            yield b"".join(parts)

    def after(self, outcome: Outcome, label: str | None) -> None:
        """``--explain``: the steps, each rule that changed the text, how often, and what it does."""
        if self.explain:
            from bulletin.render.explain import explain_table

            docs = {rule.name: rule.doc for rule in RULES}
            rows = [(step.rule, str(step.changes), docs[step.rule]) for step in outcome.value]
            explain_table(label, ("rule", "changes", "what it does"), rows, "no rule changed")

    def _backup(self, source: Source) -> str | None:
        return None if self.backup is None else source.path + self.backup

    def _notes(self, name: str, replaced: int, unencodable: int) -> list[str]:
        notes = replaced_notes(name, replaced, "U+FFFD written for undecodable bytes")
        if unencodable:
            notes.append(f"{name}: {unencodable} characters not in {self.output_encoding} written as ?")
        return notes

    def _recoded(self, name: str, found: str) -> list[str]:
        """-i on a file read in another encoding than the one written: say so, it is no longer what
        the programs that read it before expect."""
        written = output_codec(self.output_encoding, found)
        if not self.in_place or codecs.lookup(written).name == codecs.lookup(found).name:
            return []
        return [f"{name}: rewritten as {written.upper()} (it was {found}; --output-encoding keep keeps it)"]
