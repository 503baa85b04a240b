"""``bulletin split``: each file's articles to stdout, or a file per article in a folder; with
``--explain``, why."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar, Literal

from bulletin import document, stream, textio
from bulletin.commands import Errors, Job, Outcome, Source, check_encoding, read_failed, replaced_notes
from bulletin.errors import BulletinError, UsageError
from bulletin.jobs import workers
from bulletin.model import Page
from bulletin.render import Format

Layout = Literal["auto", "before", "after"]
"""``--layout``: headlines before or after their bodies, or guessed per page (``segment.LAYOUTS``,
held together by a test)."""

FILE_SUFFIXES = (".json", ".jsonl", ".txt", ".md")
"""What split's formats' files end in: an ``-o`` that ends so names a file, not a folder."""


@dataclass(frozen=True)
class SplitJob(Job):
    """``bulletin split``'s options; the defaults are the command's."""

    name: ClassVar[str] = "split"

    format: Format = "txt"
    output_dir: str | None = None
    force: bool = False
    encoding: str | None = None
    errors: Errors = "strict"
    layout: Layout = "auto"
    explain: bool = False
    pages: str | None = None
    # made by ready:
    header: bool = False  # several files in one output: each names its source
    stream: bool = False  # in this process: the output written a page at a time as it is split

    def ready(self, names: list[str], output: str | None, jobs: int | None) -> SplitJob:
        check_encoding(self.encoding)
        if self.force and self.output_dir is None:
            raise UsageError("--force goes with -o/--output-dir")
        if self.output_dir is not None:
            _check_folder_name(self.output_dir)
        document.parse_pages(self.pages)
        in_process = workers(1 if textio.STDIN in names else jobs, len(names)) == 1
        return dataclasses.replace(self, header=len(names) > 1, stream=in_process)

    def sources(self, names: list[str]) -> list[Source]:
        if self.output_dir is None:
            return [Source(name) for name in names]
        return [Source(name, folder) for name, folder in zip(names, _output_folders(self.output_dir, names))]

    def _streamed(self, source: Source) -> bool:
        """Is the output written as it is made (not into files, no trace kept)?"""
        return self.stream and source.folder is None and not self.explain

    def in_this_process(self, source: Source) -> bool:
        return source.folder is None and not self.explain and self.pages is None and source.big()

    def work(self, source: Source) -> Outcome:
        """Split one file into its articles, rendered, or written into its folder. In this process
        (``stream``) the rendered output is made a page at a time as it is written; a big text file
        is read so too, its memory a page's."""
        from bulletin.render import render

        name = source.name
        if self.in_this_process(source):
            messages: list[str] = []
            return Outcome(self._split_big(source, messages), messages)
        try:
            decoded = source.read(self.encoding, self.errors, document.parse_pages(self.pages))
            trace = None
            if self._streamed(source):
                data: bytes | Iterator[bytes] = self._rendered(
                    decoded.pages, decoded.paged, name, decoded.encoding
                )
            else:
                pages = document.split_pages(decoded, source=name, layout=self.layout, trace=self.explain)
                if self.explain:
                    trace = document.explained(decoded, pages, name if self.header else None)
                page = document.merge(decoded, pages, source=name)
                if source.folder is None:
                    data = render(page, self.format, header=self.header).encode("utf-8")
                else:
                    _write_articles(page, self.format, source.folder, self.force)
                    data = b""
        except BulletinError as err:
            return Outcome.failed(err)
        messages = replaced_notes(name, decoded.replaced, "U+FFFD written for undecodable bytes")
        messages += list(decoded.failures)
        return Outcome(data, messages, read_failed(decoded), value=trace)

    def after(self, outcome: Outcome, label: str | None) -> None:
        """``--explain``: a page's trace on stderr, a line per block, then one per article."""
        if self.explain:
            sys.stderr.write("".join(line + "\n" for line in outcome.value))

    def _split_big(self, source: Source, messages: list[str]) -> Iterator[bytes]:
        """Split a big text file page by page as it is read (see ``document.stream_sheets``): its
        output the same as when it is read whole. The undecodable bytes are known at its end: their
        note goes into ``messages`` then (written after the output)."""
        name = source.name
        try:
            with open(source.path, "rb") as rest:
                head = rest.read(stream.HEAD)
                decoder = stream.StreamDecoder(head, self.encoding, self.errors, name)
                paged, sheets = document.stream_sheets(decoder.chunks(head, rest))
                yield from self._rendered(sheets, paged, name, decoder.encoding)
        except OSError as err:
            raise BulletinError(f"{name}: {err.strerror or err}") from None
        messages += replaced_notes(name, decoder.replaced, "U+FFFD written for undecodable bytes")

    def _rendered(
        self, sheets: Iterable[document.Sheet], paged: bool, name: str, encoding: str
    ) -> Iterator[bytes]:
        """The rendered output of ``sheets``, a page at a time as each is split."""
        from bulletin.render import render_parts

        parts = document.split_sheets(sheets, paged=paged, source=name, encoding=encoding, layout=self.layout)
        texts = render_parts(parts, self.format, source=name, encoding=encoding, header=self.header)
        return (text.encode("utf-8") for text in texts if text)


def _check_folder_name(output_dir: str) -> None:
    """``split -o out.json`` would make a folder named out.json: a name that looks like a file and
    is no folder yet is a usage error, with what was meant."""
    if output_dir.lower().endswith(FILE_SUFFIXES) and not os.path.isdir(output_dir):
        raise UsageError(
            f"-o/--output-dir takes a folder, to write a file per article; {output_dir} looks like a "
            f"file: to write the articles into one file, use > {output_dir}"
        )


def _output_folders(output_dir: str, names: list[str]) -> list[str]:
    """The folder each input's articles go to: DIR itself for one input, else DIR/<stem> (unique:
    a second ``page`` is ``page-2``, case aside, as on the file systems that ignore case)."""
    if len(names) == 1:
        return [output_dir]
    folders: list[str] = []
    taken: set[str] = set()
    for path in names:
        stem = "stdin" if path == textio.STDIN else os.path.splitext(os.path.basename(path))[0]
        stem = textio.safe_filename("", stem, "", empty="page")
        unique, n = stem, 1
        while unique.casefold() in taken:
            n += 1
            unique = f"{stem}-{n}"
        taken.add(unique.casefold())
        folders.append(_Subfolder(os.path.join(output_dir, unique)))
    return folders


def _write_articles(page: Page, fmt: Format, folder: str, force: bool) -> None:
    """Write the page's articles (and notes) into ``folder``: every name checked before any is written."""
    from bulletin.render import NOTES_STEM, article_filename, render, render_notes

    width = max(2, len(str(len(page.articles))))
    files = [
        (article_filename(n, article.title, fmt, width), render(article, fmt, source=page.source))
        for n, article in enumerate(page.articles, 1)
    ]
    if page.notes:
        files.append((NOTES_STEM + ".txt", render_notes(page)))
    _make_folder(folder)
    targets = [(os.path.join(folder, name), text) for name, text in files]
    for target, _ in targets:
        if os.path.dirname(target) != folder:  # safe_filename never lets this happen
            raise BulletinError(f"{target}: not a file name in {folder}")
        if not force and os.path.lexists(target):
            raise BulletinError(f"{target}: already exists; not overwriting it without --force")
    for target, text in targets:
        textio.write_new(target, text.encode("utf-8"), overwrite=force)


class _Subfolder(str):
    """``DIR/<stem>``, the folder split makes in DIR for one of several inputs: never a symbolic
    link (DIR itself, the user's own choice, may be one)."""


def _make_folder(folder: str) -> None:
    """Make ``folder`` (and its parents); a symbolic link where a folder of ours goes is refused."""
    try:
        if os.path.islink(folder) and not os.path.isdir(folder):
            raise BulletinError(f"{folder}: a symbolic link to no folder; not writing through it")
        if os.path.islink(folder) and isinstance(folder, _Subfolder):
            raise BulletinError(f"{folder}: a symbolic link; not writing through it")
        os.makedirs(folder, exist_ok=True)
    except FileExistsError:
        raise BulletinError(f"{folder}: exists and is not a folder") from None
    except OSError as err:
        raise BulletinError(f"{folder}: {err.strerror or err}") from None
