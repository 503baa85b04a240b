"""The commands, below the argument parser: a job per command and the one loop that runs any of them.

A job is a command's options, a frozen dataclass in the command's module (``CleanJob``,
``SplitJob``, ``ConvertJob``, ``CountJob``, ``SummarizeJob``), and its ``work(source) -> Outcome``:
one file read, decoded, given to the library, rendered (the bytes for stdout, the stderr lines, an
exit status). :func:`run` is the loop every command goes through, from the CLI or from Python::

    from bulletin.commands import run
    from bulletin.commands.clean import CleanJob

    status = run(CleanJob(quotes="corner"), ["page.txt"], output="page.clean.txt")

It refuses bad option values before any file is read, works on each file (in ``--jobs`` worker
processes when there are several, a big text file in this process, its output written as it is
made), writes the outcomes in input order, and turns every way a run ends into an exit status.

Errors become one stderr line, ``bulletin: <file>: <message>``, and an exit status: 0 success,
1 an input or output error (the other files are still processed), 2 a usage error, 130 Ctrl-C.
A reader that stops reading (``| head``) ends the command quietly with status 0 (see ``textio``).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, TypeVar, overload

from bulletin import document, stream, textio
from bulletin.errors import BulletinError, UsageError
from bulletin.jobs import ordered

PROG = "bulletin"

Errors = Literal["strict", "replace"]
"""``--errors``: undecodable bytes (and characters the output encoding lacks) fail the file, or are
replaced and counted."""

J = TypeVar("J", bound="Job")


@dataclass
class Outcome:
    """What one file gives a command: bytes for stdout, then stderr lines, an exit status (on an
    error, ``messages`` holds its one line) and a value for the command (clean's report, counts).
    ``data`` may be the output's parts, made as they are written (a big file, in this process);
    ``messages`` and ``value`` are then complete once they are."""

    data: bytes | Iterable[bytes] = b""
    messages: list[str] = field(default_factory=list)
    status: int = 0
    value: Any = None

    @classmethod
    def failed(cls, err: BulletinError) -> Outcome:
        return cls(messages=[str(err)], status=err.exit_code)


@dataclass(frozen=True)
class Source:
    """One input of a command: a file, or ``-`` for stdin; with ``split -o``, the folder its
    articles go to."""

    path: str
    folder: str | None = None

    @property
    def name(self) -> str:
        """How messages and outputs name it (``<stdin>`` for ``-``)."""
        return textio.display_name(self.path)

    @property
    def stdin(self) -> bool:
        return self.path == textio.STDIN

    def big(self) -> bool:
        """Is it a text file bigger than ``stream.LIMIT`` (read then as it comes, not whole)?"""
        path = self.path
        return os.path.isfile(path) and os.path.getsize(path) > stream.LIMIT and not _pdf_file(path)

    def read(self, encoding: str | None, errors: str, pages: frozenset[int] | None) -> document.Document:
        """The document it holds: text or PDF (see ``bulletin.document``)."""
        return document.read(textio.read_bytes(self.path), encoding, errors, self.name, pages)


class Job:
    """A command: its options (the fields of a frozen dataclass) and what :func:`run` asks of it.
    Only :meth:`work` is required; the others default to a command without them."""

    name: ClassVar[str]
    """The command's name, as errors print it."""
    progress: ClassVar[bool] = True
    """A progress bar on a terminal's stderr for more than three files."""

    def ready(self: J, names: list[str], output: str | None, jobs: int | None) -> J:
        """This job, checked against the run's files, ``-o`` and ``--jobs`` before any file is read
        (a :class:`UsageError` for a bad value or combination), with what the run needs made once."""
        return self

    def refusal(self, err: BulletinError) -> str:
        """The stderr line of an error :meth:`ready` raised: a usage error names the command."""
        return f"{self.name}: {err}" if isinstance(err, UsageError) else str(err)

    def sources(self, names: list[str]) -> list[Source]:
        return [Source(name) for name in names]

    def in_this_process(self, source: Source) -> bool:
        """Is ``source`` worked on here, its output written as it is made (a big file), whatever
        ``--jobs`` says?"""
        return False

    def work(self, source: Source) -> Outcome:
        """One source's outcome; run in a worker process with ``--jobs`` (the job must pickle)."""
        raise NotImplementedError

    def begin(self, out: Output) -> None:
        """Before the first outcome is written (count's header line)."""

    def after(self, outcome: Outcome, label: str | None) -> None:
        """After an outcome that did not fail is written (``--explain``); ``label`` names its file
        when there are several."""

    def end(self, out: Output, values: list[Any]) -> int:
        """After the last outcome, with every outcome's value (count's total); an exit status."""
        return 0


def run(
    job: Job, files: Sequence[str] | None = None, *, output: str | None = None, jobs: int | None = None
) -> int:
    """Run ``job`` on each of ``files`` (none, or ``-``: stdin), writing to stdout or, with
    ``output``, to that file (atomically, once every input is done), over ``jobs`` processes;
    return the exit status."""
    return guarded(lambda: _run(job, list(files or [textio.STDIN]), output, jobs))


def _run(job: Job, names: list[str], output: str | None, jobs: int | None) -> int:
    try:
        job = job.ready(names, output, jobs)
    except BulletinError as err:
        error(job.refusal(err))
        return err.exit_code
    note_stdin(names)
    sources = job.sources(names)
    several = len(names) > 1
    status, out, values = 0, Output(output), []
    job.begin(out)
    with (
        progress(len(names) if job.progress else 0, job.name) as advance,
        _outcomes(job, sources, jobs_for(jobs, names)) as outcomes,
    ):
        for source, outcome in zip(sources, outcomes):
            failed = write_outcome(outcome, out)
            status = max(status, failed)
            if not failed:
                job.after(outcome, source.name if several else None)
            values.append(outcome.value)
            advance()
    status = max(status, job.end(out, values))
    return max(status, out.close())


@contextlib.contextmanager
def _outcomes(job: Job, sources: list[Source], jobs: int | None) -> Iterator[Iterator[Outcome]]:
    """Each source's outcome, in input order: the ones :meth:`Job.in_this_process` keeps here made
    at their turn, the others over ``jobs`` processes meanwhile."""
    here = [job.in_this_process(source) for source in sources]
    pooled = [source for source, kept in zip(sources, here) if not kept]
    with ordered(job.work, pooled, jobs) as results:
        yield (job.work(source) if kept else next(results) for source, kept in zip(sources, here))


def guarded(run: Callable[[], int]) -> int:
    """``run()``'s exit status, with the endings every command shares: a closed stdout is 0
    (the reader chose to stop), Ctrl-C is 130 (quietly)."""
    try:
        return run()
    except textio.StdoutClosed:
        return 0
    except KeyboardInterrupt:
        return 130


def error(message: object) -> None:
    """Print the one line every error becomes: ``bulletin: <file or command>: <message>``."""
    print(f"{PROG}: {message}", file=sys.stderr)


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


def write_outcome(outcome: Outcome, out: Output) -> int:
    """Write a file's outcome (its error, or its output, then its notes); return its exit status.
    Output made as it is written (a big file, split in this process) may still fail."""
    try:
        if isinstance(outcome.data, bytes):
            if not outcome.status or outcome.data:  # a PDF with a page that failed: the others are out
                out.write(outcome.data)
        else:
            for data in outcome.data:
                out.write(data)
    except BulletinError as err:
        error(err)
        return err.exit_code
    for message in outcome.messages:
        error(message)
    return outcome.status


# checks every command shares, before any file is read


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


KEEP_ENCODING = "keep"
"""``--output-encoding keep``: write each file in the encoding it was read in."""


@overload
def output_codec(output_encoding: str, found: str) -> str: ...
@overload
def output_codec(output_encoding: str, found: None) -> str | None: ...
def output_codec(output_encoding: str, found: str | None) -> str | None:
    """The codec to write in: ``output_encoding``, or with ``keep`` the input's (``found``)."""
    return found if output_encoding == KEEP_ENCODING else output_encoding


def note_stdin(names: list[str]) -> None:
    """One line on stderr when stdin is a terminal and is read: the command is not stuck, it waits."""
    if textio.STDIN in names and sys.stdin is not None and sys.stdin.isatty():
        error("reading stdin (type the text, then Ctrl-D; --help for usage)")


def jobs_for(jobs: int | None, names: list[str]) -> int | None:
    """Stdin is read here, never in a worker."""
    return 1 if textio.STDIN in names else jobs


def replaced_notes(name: str, replaced: int, what: str) -> list[str]:
    return [f"{name}: {replaced} {what}"] if replaced else []


def no_pdf_in_place(doc: document.Document, name: str) -> None:
    """-i writes text over its input: never over a PDF."""
    if doc.from_pdf:
        raise BulletinError(f"{name}: a PDF is not rewritten in place; write its text out (> FILE.txt)")


def read_failed(doc: document.Document) -> int:
    """Exit status of a document read: 1 when a page could not be read (the others were)."""
    return 1 if doc.failures else 0


def _pdf_file(path: str) -> bool:
    """Does the file ``path`` hold a PDF? (Its first bytes say.)"""
    try:
        with open(path, "rb") as f:
            return document.is_pdf(f.read(len(document.PDF_MAGIC)))
    except OSError:
        return False


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
