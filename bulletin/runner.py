"""Commands over files, below the argument parser: read each file, work, write the outcomes in
input order, and turn every way a run ends into an exit status.

``bulletin.cli`` declares the options (typer). The work of clean, split and convert is here, so a
plain ``bulletin clean page.txt`` (what a newsroom script runs once per file) can go straight to
:func:`clean_files` without importing typer, which takes longer to load than a page takes to clean
(see ``bulletin.__main__``); count's and summarize's, which have no plain runs, stay beside their
options in ``bulletin.cli`` and use the shared parts here (:class:`Outcome`, :func:`write_all`).

Errors become one stderr line, ``bulletin: <file>: <message>``, and an exit status: 0 success,
1 an input or output error (the other files are still processed), 2 a usage error, 130 Ctrl-C.
A reader that stops reading (``| head``) ends the command quietly with status 0 (see ``textio``).
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, overload

from bulletin import document, stream, textio
from bulletin.clean import RULES, CleanOptions, ParagraphSep, Quotes, Spacing, clean_report, select_rules
from bulletin.errors import BulletinError, UsageError
from bulletin.jobs import ordered, workers

if TYPE_CHECKING:  # pragma: no cover
    from bulletin.model import Page
    from bulletin.render import Format

PROG = "bulletin"


def guarded(run: Callable[[], int]) -> int:
    """``run()``'s exit status, with the endings every command shares: a closed stdout is 0
    (the reader chose to stop), Ctrl-C is 130 (quietly)."""
    try:
        return run()
    except textio.StdoutClosed:
        return 0
    except KeyboardInterrupt:
        return 130


def clean_files(
    files: list[str] | None = None,
    output: str | None = None,
    in_place: bool = False,
    backup: str | None = None,
    follow_symlinks: bool = False,
    encoding: str | None = None,
    output_encoding: str = "utf-8",
    errors: str = "strict",
    quotes: Quotes = "keep",
    spacing: Spacing = "newspaper",
    paragraph_sep: ParagraphSep = "line",
    indent: bool = False,
    rules: str | None = None,
    explain: bool = False,
    jobs: int | None = None,
    pages: str | None = None,
    skipped: Iterable[str] = (),
) -> int:
    """``bulletin clean``: each FILE (or stdin) cleaned to stdout, to ``output`` or in place.
    The defaults are the command's (a test holds the two signatures together)."""
    names = files or [textio.STDIN]
    try:
        check_encoding(encoding, _codec(output_encoding, None))
        check_in_place(in_place, output, names, backup, follow_symlinks)
        only = [r.strip() for r in rules.split(",") if r.strip()] if rules is not None else None
        skipped = list(skipped)
        select_rules(only, skipped)
        selected = document.parse_pages(pages)
    except BulletinError as err:
        error(f"clean: {err}")
        return err.exit_code

    note_stdin(names)
    options = CleanOptions(quotes=quotes, spacing=spacing, paragraph_sep=paragraph_sep, indent=indent)
    job = _CleanJob(
        encoding, errors, options, only, skipped, output_encoding, in_place, backup, follow_symlinks, selected
    )
    status, out = 0, Output(output)
    with ordered(functools.partial(_clean_one, job), names, jobs_for(jobs, names)) as outcomes:
        for path, outcome in zip(names, outcomes):
            if isinstance(outcome.value, _Big):
                outcome = _clean_big(job, path, outcome.value.head, collect=out.to_file or in_place)
            failed = write_outcome(outcome, out)
            status = max(status, failed)
            if explain and not failed:
                _explain(textio.display_name(path) if len(names) > 1 else None, outcome.value)
    return max(status, out.close())


KEEP_ENCODING = "keep"
"""``--output-encoding keep``: write each file in the encoding it was read in."""


@overload
def _codec(output_encoding: str, found: str) -> str: ...
@overload
def _codec(output_encoding: str, found: None) -> str | None: ...
def _codec(output_encoding: str, found: str | None) -> str | None:
    """The codec to write in: ``output_encoding``, or with ``keep`` the input's (``found``)."""
    return found if output_encoding == KEEP_ENCODING else output_encoding


def check_in_place(
    in_place: bool,
    output: str | None,
    names: list[str],
    backup: str | None = None,
    follow_symlinks: bool = False,
) -> None:
    """Refuse what -i/--in-place cannot do, and its options without it."""
    if backup is not None and not in_place:
        raise UsageError("--backup needs -i/--in-place")
    if follow_symlinks and not in_place:
        raise UsageError("--follow-symlinks goes with -i/--in-place")
    if in_place and (output is not None or textio.STDIN in names):
        raise UsageError("-i/--in-place rewrites FILE arguments; it takes neither stdin nor -o")
    for name in names if in_place else ():
        if textio.is_special(name):  # /dev/zero would be read forever, /dev/null replaced
            raise UsageError(f"-i/--in-place rewrites regular files; {name} is a device or pipe")


def check_option_files(paths: dict[str, str | list[str] | None]) -> None:
    """Files named by options, ``{"--dict": paths, "--stopwords": path, ...}``: one that cannot be
    read is a usage error naming the option and the file, the same for every command, before any
    input is read."""
    for option, value in paths.items():
        for path in [value] if isinstance(value, str) else value or ():
            try:
                with open(path, "rb"):
                    pass
            except OSError as err:
                raise UsageError(f"{option} {path}: {err.strerror or err}") from None


def note_stdin(names: list[str]) -> None:
    """One line on stderr when stdin is a terminal and is read: the command is not stuck, it waits."""
    if textio.STDIN in names and sys.stdin is not None and sys.stdin.isatty():
        error("reading stdin (type the text, then Ctrl-D; --help for usage)")


class Output:
    """Where a command's output goes: stdout, or with ``-o FILE`` (not ``-``) the file, written whole
    once every input is done (:func:`textio.write_output`)."""

    def __init__(self, path: str | None):
        self.path = path if path != textio.STDIN else None
        self.to_file = self.path is not None
        self._parts: list[bytes] = []

    def write(self, data: bytes) -> None:
        if self.to_file:
            self._parts.append(data)
        else:
            textio.write_stdout(data)

    def close(self) -> int:
        """Write the file (if any part of it is there to write); its exit status."""
        if self.path is None or not self._parts:
            return 0
        try:
            textio.write_output(self.path, b"".join(self._parts))
        except BulletinError as err:
            error(err)
            return err.exit_code
        return 0


def error(message: object) -> None:
    """Print the one line every error becomes: ``bulletin: <file or command>: <message>``."""
    print(f"{PROG}: {message}", file=sys.stderr)


@dataclass
class Outcome:
    """What one file gives a command: bytes for stdout, then stderr lines, an exit status (on an
    error, ``messages`` holds its one line) and a value for the command (clean's report, counts)."""

    data: bytes | Iterable[bytes] = b""  # or its parts, made as they are written (split, in-process)
    messages: list[str] = field(default_factory=list)
    status: int = 0
    value: Any = None

    @classmethod
    def failed(cls, err: BulletinError) -> Outcome:
        return cls(messages=[str(err)], status=err.exit_code)


@dataclass(frozen=True)
class _CleanJob:
    encoding: str | None
    errors: str
    options: CleanOptions
    only: list[str] | None
    skipped: list[str]
    output_encoding: str
    in_place: bool
    backup: str | None
    follow_symlinks: bool
    pages: frozenset[int] | None = None


def _clean_one(job: _CleanJob, path: str) -> Outcome:
    """Clean one file (rewritten with -i); run in a worker with --jobs. An input bigger than
    ``stream.LIMIT`` is only noted here: the command cleans it page by page itself."""
    name = textio.display_name(path)
    try:
        if path == textio.STDIN:
            data = sys.stdin.buffer.read(max(stream.LIMIT + 1, stream.HEAD))
            if document.is_pdf(data):
                data += sys.stdin.buffer.read()
            elif len(data) > stream.LIMIT:
                return Outcome(value=_Big(data))
        elif _big_text(path):
            return Outcome(value=_Big())
        else:
            data = textio.read_bytes(path)
        decoded = document.read(data, job.encoding, job.errors, source=name, pages=job.pages)
        text, report = clean_report(decoded.text, job.options, rules=job.only, skip=job.skipped)
        codec = _codec(job.output_encoding, decoded.encoding)
        data, unencodable = textio.encode(text, codec, job.errors, source=name)
        if job.in_place:
            _no_pdf_in_place(decoded, name)
            textio.write_atomic(path, data, backup=_backup(job, path), follow_symlinks=job.follow_symlinks)
            data = b""
    except BulletinError as err:
        return Outcome.failed(err)
    notes = _clean_notes(job, name, decoded.replaced, unencodable) + list(decoded.failures)
    return Outcome(data, notes + _recoded(job, name, decoded.encoding), _failed(decoded), value=report)


def read_document(
    path: str, encoding: str | None, errors: str, pages: frozenset[int] | None
) -> document.Document:
    """The document in the file ``path`` (or stdin): text or PDF (see ``bulletin.document``)."""
    return document.read(textio.read_bytes(path), encoding, errors, textio.display_name(path), pages)


def _pdf_file(path: str) -> bool:
    """Does the file ``path`` hold a PDF? (Its first bytes say.)"""
    try:
        with open(path, "rb") as f:
            return document.is_pdf(f.read(len(document.PDF_MAGIC)))
    except OSError:
        return False


def _no_pdf_in_place(doc: document.Document, name: str) -> None:
    """-i writes text over its input: never over a PDF."""
    if doc.from_pdf:
        raise BulletinError(f"{name}: a PDF is not rewritten in place; write its text out (> FILE.txt)")


def _failed(doc: document.Document) -> int:
    """Exit status of a document read: 1 when a page could not be read (the others were)."""
    return 1 if doc.failures else 0


@dataclass(frozen=True)
class _Big:
    """An input too big to clean whole, and the bytes of it already read (stdin's)."""

    head: bytes = b""


def _clean_big(job: _CleanJob, path: str, head: bytes, collect: bool) -> Outcome:
    """Clean a big input page by page (see ``bulletin.stream``): each page's text goes to stdout
    as soon as it is clean, or is collected for -o and -i."""
    name = textio.display_name(path)
    parts: list[bytes] = []
    report: dict[str, int] = {}
    unencodable = 0
    try:
        with contextlib.ExitStack() as stack:
            if path == textio.STDIN:
                rest = sys.stdin.buffer
            else:
                rest = stack.enter_context(open(path, "rb"))
                head = rest.read(stream.HEAD)
            whole = len(head) < max(stream.HEAD, stream.LIMIT + 1 if path == textio.STDIN else 0)
            decoder = stream.StreamDecoder(head, job.encoding, job.errors, name, whole=whole)
            chunks = decoder.chunks(head, rest)
            codec = _codec(job.output_encoding, decoder.encoding)
            for text, changes in stream.clean_pieces(chunks, job.options, rules=job.only, skip=job.skipped):
                data, bad = textio.encode(text, codec, job.errors, source=name)
                unencodable += bad
                for rule, n in changes.items():
                    report[rule] = report.get(rule, 0) + n
                if collect:
                    parts.append(data)
                else:
                    textio.write_stdout(data)
        if job.in_place:
            textio.write_atomic(
                path, b"".join(parts), backup=_backup(job, path), follow_symlinks=job.follow_symlinks
            )
            parts = []
    except OSError as err:
        return Outcome.failed(BulletinError(f"{name}: {err.strerror or err}"))
    except BulletinError as err:
        return Outcome.failed(err)
    report = {rule.name: report[rule.name] for rule in RULES if rule.name in report}
    notes = _clean_notes(job, name, decoder.replaced, unencodable) + _recoded(job, name, decoder.encoding)
    return Outcome(b"".join(parts), notes, value=report)


def _backup(job: _CleanJob, path: str) -> str | None:
    return None if job.backup is None else path + job.backup


def _clean_notes(job: _CleanJob, name: str, replaced: int, unencodable: int) -> list[str]:
    notes = replaced_notes(name, replaced, "U+FFFD written for undecodable bytes")
    if unencodable:
        notes.append(f"{name}: {unencodable} characters not in {job.output_encoding} written as ?")
    return notes


def _recoded(job: _CleanJob, name: str, found: str) -> list[str]:
    """-i on a file read in another encoding than the one written: say so, it is no longer what
    the programs that read it before expect."""
    written = _codec(job.output_encoding, found)
    if not job.in_place or codecs.lookup(written).name == codecs.lookup(found).name:
        return []
    return [f"{name}: rewritten as {written.upper()} (it was {found}; --output-encoding keep keeps it)"]


def jobs_for(jobs: int | None, names: list[str]) -> int | None:
    """Stdin is read here, never in a worker."""
    return 1 if textio.STDIN in names else jobs


def replaced_notes(name: str, replaced: int, what: str) -> list[str]:
    return [f"{name}: {replaced} {what}"] if replaced else []


def check_encoding(*names: str | None) -> None:
    """Refuse names that are no codec, or no text codec (base64, rot13), before any file is touched
    (None: detect, or the default)."""
    for name in names:
        try:
            if name is not None:
                "".encode(name)
                b"".decode(name)
        except LookupError:
            raise UsageError(f"unknown encoding {name!r}") from None


def _explain(name: str | None, report: dict[str, int]) -> None:
    """``clean --explain``: each rule that changed the text, how often, and what it does."""
    docs = {rule.name: rule.doc for rule in RULES}
    rows = [(rule, str(count), docs[rule]) for rule, count in report.items()]
    _explain_table(name, ("rule", "changes", "what it does"), rows, "no rule changed")


def _explain_table(
    name: str | None, columns: tuple[str, ...], rows: Sequence[tuple[str, ...]], none: str
) -> None:
    """What ``--explain`` prints on stderr for a file (``name``, or None for the only one): a table
    on a terminal, else a ``# name`` line and tab-separated rows for scripts; ``none`` when empty."""
    if not sys.stderr.isatty():
        header = [f"# {name}"] if name else []
        sys.stderr.write("".join(line + "\n" for line in header + ["\t".join(row) for row in rows]))
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(*columns, title=escape(name) if name else None)
    for row in rows:
        table.add_row(*map(escape, row))
    Console(stderr=True).print(table if rows else f"{none} {escape(name or 'the text')}")


def write_outcome(outcome: Outcome, out: Output | None = None) -> int:
    """Write a file's outcome (its error, or its output, to ``out`` or stdout, then its notes);
    return its exit status. Output made as it is written (split in this process) may still fail."""
    target = out or Output(None)
    try:
        if isinstance(outcome.data, bytes):
            if not outcome.status or outcome.data:  # a PDF with a page that failed: the others are out
                target.write(outcome.data)
        else:
            for data in outcome.data:
                target.write(data)
    except BulletinError as err:
        error(err)
        return err.exit_code
    for message in outcome.messages:
        error(message)
    return outcome.status


def convert_files(
    files: list[str] | None = None,
    output: str | None = None,
    in_place: bool = False,
    to: str | None = None,
    format: str = "auto",  # noqa: A002 (the option's name)
    dict_files: list[str] | None = None,
    keep: list[str] | None = None,
    keep_files: list[str] | None = None,
    encoding: str | None = None,
    output_encoding: str = "utf-8",
    errors: str = "strict",
    explain: bool = False,
    jobs: int | None = None,
    pages: str | None = None,
) -> int:
    """``bulletin convert``: each FILE (or stdin) converted by OpenCC to stdout, line for line.
    The defaults are the command's (a test holds the two signatures together)."""
    from bulletin.convert import DictionaryError, load_dict, load_keep

    names = files or [textio.STDIN]
    try:
        check_encoding(encoding, _codec(output_encoding, None))
        check_in_place(in_place, output, names)
        if to is None:
            raise UsageError("which way? --to CONFIG is needed (s2t, t2s, taiwan, hongkong...; see --help)")
        check_option_files({"--dict": dict_files, "--keep-file": keep_files})
        entries = tuple(entry for path in dict_files or () for entry in load_dict(path))
        words = (*(keep or ()), *(word for path in keep_files or () for word in load_keep(path)))
        job = _ConvertJob(
            to,
            entries,
            words,
            encoding,
            output_encoding,
            errors,
            format,
            explain,
            in_place,
            document.parse_pages(pages),
        )
        job.converter()  # its errors once, before any file (and workers inherit it built)
    except BulletinError as err:
        error(err if isinstance(err, DictionaryError) else f"convert: {err}")
        return err.exit_code

    note_stdin(names)
    status, out = 0, Output(output)
    with ordered(functools.partial(_convert_one, job), names, jobs_for(jobs, names)) as outcomes:
        for path, outcome in zip(names, outcomes):
            failed = write_outcome(outcome, out)
            status = max(status, failed)
            if explain and not failed:
                _explain_changes(textio.display_name(path) if len(names) > 1 else None, outcome.value)
    return max(status, out.close())


@dataclass(frozen=True)
class _ConvertJob:
    to: str
    entries: tuple
    words: tuple[str, ...]
    encoding: str | None
    output_encoding: str
    errors: str
    format: str
    explain: bool
    in_place: bool = False
    pages: frozenset[int] | None = None

    def converter(self) -> Any:
        """The OpenCC engine with the user's entries: built once a process (it does not pickle)."""
        return _converter(self.to, self.entries, self.words)


@functools.cache
def _converter(to: str, entries: tuple, words: tuple[str, ...]) -> Any:
    from bulletin.convert import Converter

    return Converter(to, list(entries), list(words))


def _convert_one(job: _ConvertJob, path: str) -> Outcome:
    """Convert one file; run in a worker with --jobs."""
    name = textio.display_name(path)
    changes: Counter | None = Counter() if job.explain else None
    try:
        decoded = read_document(path, job.encoding, job.errors, job.pages)
        text, _ = job.converter().convert_document(decoded.text, job.format, changes, source=name)
        codec = _codec(job.output_encoding, decoded.encoding)
        data, unencodable = _encode_converted(text, codec, job.errors, name)
        if job.in_place:
            _no_pdf_in_place(decoded, name)
            textio.write_atomic(path, data)
            data = b""
    except BulletinError as err:
        return Outcome.failed(err)
    messages = replaced_notes(name, decoded.replaced, "U+FFFD written for undecodable bytes")
    if unencodable:
        messages.append(f"{name}: {unencodable} characters not in {codec} written as ?")
    return Outcome(data, messages + list(decoded.failures), _failed(decoded), value=changes)


def _encode_converted(text: str, encoding: str, errors: str, name: str) -> tuple[bytes, int]:
    """``textio.encode``, but a strict failure lists every character the encoding lacks, with its lines."""
    try:
        return text.encode(encoding), 0
    except UnicodeEncodeError:
        if errors == "replace":
            return textio.encode(text, encoding, errors, source=name)
    from bulletin.convert import unencodable

    missing = unencodable(text, encoding)
    shown = [
        f"{ch} (U+{ord(ch):04X}, line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines[:3]))}"
        f"{', …' if len(lines) > 3 else ''})"
        for ch, lines in list(missing.items())[:10]
    ]
    more = f" and {len(missing) - 10} more" if len(missing) > 10 else ""
    raise BulletinError(
        f"{name}: {len(missing)} character{'s' if len(missing) > 1 else ''} not in {encoding}: "
        f"{', '.join(shown)}{more}; nothing written (--errors replace writes ? instead)"
    )


def _explain_changes(name: str | None, changes: Counter) -> None:
    """``convert --explain``: what was converted into what, how often and by whom, phrases first."""
    from bulletin.convert import report_order

    rows = [(c.source, c.target, str(c.count), c.by) for c in report_order(changes)]
    _explain_table(name, ("from", "to", "count", "by"), rows, "nothing converted in")


def split_files(
    files: list[str] | None = None,
    format: Format = "txt",  # noqa: A002 (the option's name)
    output_dir: str | None = None,
    force: bool = False,
    encoding: str | None = None,
    errors: str = "strict",
    jobs: int | None = None,
    layout: str = "auto",
    explain: bool = False,
    pages: str | None = None,
) -> int:
    """``bulletin split``: each FILE's (or stdin's) articles to stdout, or one file each in
    ``output_dir``; with ``explain``, why, on stderr. The defaults are the command's (a test holds
    the two signatures together)."""
    names = files or [textio.STDIN]
    try:
        check_encoding(encoding)
        if force and output_dir is None:
            raise UsageError("--force goes with -o/--output-dir")
        if output_dir is not None:
            _check_folder_name(output_dir)
        selected = document.parse_pages(pages)
        folders = _output_folders(output_dir, names) if output_dir is not None else None
    except BulletinError as err:
        error(f"split: {err}")
        return err.exit_code

    note_stdin(names)
    in_process = workers(jobs_for(jobs, names), len(names)) == 1
    job = _SplitJob(encoding, errors, format, len(names) > 1, force, layout, selected, explain, in_process)
    targets: list[str | None] = list(folders) if folders else [None] * len(names)
    items = list(zip(names, targets))
    after = _explain_split if explain else None
    return write_all("split", functools.partial(_split_one, job), items, names, jobs, after=after)


def _explain_split(outcome: Outcome) -> None:
    """``split --explain``: a page's trace on stderr, a line per block, then one per article."""
    sys.stderr.write("".join(line + "\n" for line in outcome.value))


FILE_SUFFIXES = (".json", ".jsonl", ".txt", ".md")
"""What split's formats' files end in: an ``-o`` that ends so names a file, not a folder."""


def _check_folder_name(output_dir: str) -> None:
    """``split -o out.json`` would make a folder named out.json: a name that looks like a file and
    is no folder yet is a usage error, with what was meant."""
    if output_dir.lower().endswith(FILE_SUFFIXES) and not os.path.isdir(output_dir):
        raise UsageError(
            f"-o/--output-dir takes a folder, to write a file per article; {output_dir} looks like a "
            f"file: to write the articles into one file, use > {output_dir}"
        )


def write_all(
    label: str,
    work: Callable[[Any], Outcome],
    items: list,
    names: list[str],
    jobs: int | None,
    output: str | None = None,
    after: Callable[[Outcome], None] | None = None,
) -> int:
    """Run ``work`` on each item (in workers with --jobs), write each outcome in input order (to
    stdout, or to ``output``) with a progress bar on a terminal, and return the worst exit status.
    ``after``: called with each outcome that did not fail, once it is written (--explain)."""
    status, out = 0, Output(output)
    with (
        progress(len(names), label) as advance,
        ordered(work, items, jobs_for(jobs, names)) as outcomes,
    ):
        for outcome in outcomes:
            status = max(status, write_outcome(outcome, out))
            if after is not None and not outcome.status:
                after(outcome)
            advance()
    return max(status, out.close())


@dataclass(frozen=True)
class _SplitJob:
    encoding: str | None
    errors: str
    format: Format
    header: bool
    force: bool
    layout: str = "auto"
    pages: frozenset[int] | None = None
    explain: bool = False
    stream: bool = False  # in this process: the output written as it is made (not in a worker)


def _split_one(job: _SplitJob, item: tuple[str, str | None]) -> Outcome:
    """Split one file into its articles, rendered, or written into its folder; run in a worker with --jobs.
    In this process (``job.stream``) the rendered output is written a page at a time as it is split."""
    from bulletin.render import render

    path, folder = item
    name = textio.display_name(path)
    streamed = job.stream and folder is None and not job.explain
    if streamed and job.pages is None and _big_text(path):
        messages: list[str] = []
        return Outcome(_split_big(job, path, messages), messages)
    try:
        decoded = read_document(path, job.encoding, job.errors, job.pages)
        if streamed:
            data: bytes | Iterator[bytes] = _rendered(
                job, decoded.pages, decoded.paged, name, decoded.encoding
            )
            trace = None
        else:
            pages = document.split_pages(decoded, source=name, layout=job.layout, trace=job.explain)
            trace = document.explained(decoded, pages, name if job.header else None) if job.explain else None
            page = document.merge(decoded, pages, source=name)
            if folder is None:
                data = render(page, job.format, header=job.header).encode("utf-8")
            else:
                _write_articles(page, job.format, folder, job.force)
                data = b""
    except BulletinError as err:
        return Outcome.failed(err)
    messages = replaced_notes(name, decoded.replaced, "U+FFFD written for undecodable bytes")
    messages += list(decoded.failures)
    return Outcome(data, messages, _failed(decoded), value=trace)


def _big_text(path: str) -> bool:
    """Is ``path`` a text file bigger than ``stream.LIMIT`` (read then as it comes, not whole)?"""
    return os.path.isfile(path) and os.path.getsize(path) > stream.LIMIT and not _pdf_file(path)


def _split_big(job: _SplitJob, path: str, messages: list[str]) -> Iterator[bytes]:
    """Split a big text file page by page as it is read (see ``document.stream_sheets``): its output
    the same as when it is read whole, its memory a page's. The undecodable bytes are known at its
    end: their note goes into ``messages`` then (written after the output)."""
    name = textio.display_name(path)
    try:
        with open(path, "rb") as rest:
            head = rest.read(stream.HEAD)
            decoder = stream.StreamDecoder(head, job.encoding, job.errors, name)
            paged, sheets = document.stream_sheets(decoder.chunks(head, rest))
            yield from _rendered(job, sheets, paged, name, decoder.encoding)
    except OSError as err:
        raise BulletinError(f"{name}: {err.strerror or err}") from None
    messages += replaced_notes(name, decoder.replaced, "U+FFFD written for undecodable bytes")


def _rendered(
    job: _SplitJob, sheets: Iterable[document.Sheet], paged: bool, name: str, encoding: str
) -> Iterator[bytes]:
    """The rendered output of ``sheets``, a page at a time as each is split."""
    from bulletin.render import render_parts

    parts = document.split_sheets(sheets, paged=paged, source=name, encoding=encoding, layout=job.layout)
    texts = render_parts(parts, job.format, source=name, encoding=encoding, header=job.header)
    return (text.encode("utf-8") for text in texts if text)


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


@contextlib.contextmanager
def progress(total: int, label: str, many: int = 3) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr, named ``label``, when it is a terminal and there are more than
    ``many`` files."""
    if total <= many or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True, redirect_stdout=False) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)
