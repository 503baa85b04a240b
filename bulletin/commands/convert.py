"""``bulletin convert``: each file converted by OpenCC (and the user's words), line for line."""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter
from dataclasses import dataclass
from typing import Any, ClassVar

from bulletin import document, textio
from bulletin.commands import (
    Errors,
    Job,
    Outcome,
    Source,
    check_encoding,
    check_in_place,
    check_option_files,
    no_pdf_in_place,
    output_codec,
    read_failed,
    replaced_notes,
)
from bulletin.errors import BulletinError, UsageError
from bulletin.render.formats import ConvertFormat


@dataclass(frozen=True)
class ConvertJob(Job):
    """``bulletin convert``'s options; the defaults are the command's."""

    name: ClassVar[str] = "convert"
    progress: ClassVar[bool] = False

    to: str | None = None
    in_place: bool = False
    format: ConvertFormat = "auto"  # of the input
    dict_files: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()
    keep_files: tuple[str, ...] = ()
    encoding: str | None = None
    output_encoding: str = "utf-8"
    errors: Errors = "strict"
    explain: bool = False
    pages: str | None = None
    # made by ready: the entries of the --dict files, the words kept (--keep and --keep-file)
    entries: tuple = ()
    words: tuple[str, ...] = ()

    def ready(self, names: list[str], output: str | None, jobs: int | None) -> ConvertJob:
        from bulletin.convert import load_dict, load_keep

        check_encoding(self.encoding, output_codec(self.output_encoding, None))
        check_in_place(self.in_place, output, names)
        if self.to is None:
            raise UsageError("which way? --to CONFIG is needed (s2t, t2s, taiwan, hongkong...; see --help)")
        check_option_files({"--dict": list(self.dict_files), "--keep-file": list(self.keep_files)})
        entries = tuple(entry for path in self.dict_files for entry in load_dict(path))
        words = (*self.keep, *(word for path in self.keep_files for word in load_keep(path)))
        job = dataclasses.replace(self, entries=entries, words=words)
        document.parse_pages(self.pages)
        job.converter()  # its errors once, before any file (and workers inherit it built)
        return job

    def refusal(self, err: BulletinError) -> str:
        from bulletin.convert import DictionaryError

        return str(err) if isinstance(err, DictionaryError) else f"convert: {err}"

    def converter(self) -> Any:
        """The OpenCC engine with the user's entries: built once a process (it does not pickle)."""
        assert self.to is not None  # (ready refuses a job without it)
        return _converter(self.to, self.entries, self.words)

    def work(self, source: Source) -> Outcome:
        name = source.name
        changes: Counter | None = Counter() if self.explain else None
        try:
            decoded = source.read(self.encoding, self.errors, document.parse_pages(self.pages))
            text, _ = self.converter().convert_document(decoded.text, self.format, changes, source=name)
            codec = output_codec(self.output_encoding, decoded.encoding)
            data, unencodable = _encode_converted(text, codec, self.errors, name)
            if self.in_place:
                no_pdf_in_place(decoded, name)
                textio.write_atomic(source.path, data)
                data = b""
        except BulletinError as err:
            return Outcome.failed(err)
        messages = replaced_notes(name, decoded.replaced, "U+FFFD written for undecodable bytes")
        if unencodable:
            messages.append(f"{name}: {unencodable} characters not in {codec} written as ?")
        return Outcome(data, messages + list(decoded.failures), read_failed(decoded), value=changes)

    def after(self, outcome: Outcome, label: str | None) -> None:
        """``--explain``: what was converted into what, how often and by whom, phrases first."""
        if self.explain:
            from bulletin.convert import report_order
            from bulletin.render.explain import explain_table

            rows = [(c.source, c.target, str(c.count), c.by) for c in report_order(outcome.value)]
            explain_table(label, ("from", "to", "count", "by"), rows, "nothing converted in")


@functools.cache
def _converter(to: str, entries: tuple, words: tuple[str, ...]) -> Any:
    from bulletin.convert import Converter

    return Converter(to, list(entries), list(words))


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
