"""Simplified <-> Traditional Chinese, phrase by phrase, with OpenCC; the user's words first.

``convert(text, to="s2t")`` converts and nothing else: every character OpenCC has no entry for is
kept, line breaks included, so line N of the output is line N of the input converted. The user's
own phrase table (``user_dict``, a TSV file with ``--dict``) and the words to keep as they are
(``keep``) win over OpenCC: their matches are found first, longest and leftmost, the text between
them goes to OpenCC piece by piece, and the user's text is put in between.

A :class:`Converter` holds one configuration's engine (built once per process, see
:mod:`bulletin.opencc_engine`) with its user entries, and converts text, JSON documents from
``bulletin split`` (every text field, not keys, not ``source`` or ``encoding``) and JSON lines; with
a ``changes`` counter it also says which phrases were converted and by whom (``--explain``).

Glossary: 简体 Simplified, 繁體 Traditional; a configuration (``s2twp``) is OpenCC's name for a
direction and standard, an alias (``taiwan``) a name people use for one.
"""

from __future__ import annotations

import json
import os
import re
import sys
import types
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher

from bulletin import opencc_engine, textio
from bulletin.chars import IDEOGRAPHS
from bulletin.errors import BulletinError, UsageError
from bulletin.render.formats import CONVERT_FORMATS, ConvertFormat, json_text

# OpenCC's configurations, as its documentation describes them. "OpenCC" Traditional is the
# character set of OpenCC's dictionaries (close to the Kangxi forms: 裏 爲 麪), "Taiwan" and
# "Hong Kong" the standards of those places; "with phrases" also converts the words that differ
# (软件 -> 軟體, 鼠标 -> 滑鼠).
CONFIGS: dict[str, str] = {
    "s2t": "Simplified -> Traditional (OpenCC)",
    "t2s": "Traditional (OpenCC) -> Simplified",
    "s2tw": "Simplified -> Traditional (Taiwan)",
    "tw2s": "Traditional (Taiwan) -> Simplified",
    "s2twp": "Simplified -> Traditional (Taiwan), with Taiwan phrases",
    "tw2sp": "Traditional (Taiwan) -> Simplified, with mainland phrases",
    "s2hk": "Simplified -> Traditional (Hong Kong)",
    "hk2s": "Traditional (Hong Kong) -> Simplified",
    "s2hkp": "Simplified -> Traditional (Hong Kong), with Hong Kong phrases",
    "hk2sp": "Traditional (Hong Kong) -> Simplified, with mainland phrases",
    "t2tw": "Traditional (OpenCC) -> Traditional (Taiwan)",
    "t2hk": "Traditional (OpenCC) -> Traditional (Hong Kong)",
    "tw2t": "Traditional (Taiwan) -> Traditional (OpenCC)",
    "hk2t": "Traditional (Hong Kong) -> Traditional (OpenCC)",
    "t2jp": "Traditional (Kyūjitai) -> Japanese Shinjitai",
    "jp2t": "Japanese Shinjitai -> Traditional (Kyūjitai)",
}

# Names people use, and why each means what it means. The aliases convert characters only: the
# "with phrases" configurations (s2twp, s2hkp) also swap words, from tables made for software
# (社区 -> 社群, 循环 -> 迴圈, 项目 -> 專案, 设置 -> 設定), which turn news copy into wrong words
# (社区居民 -> 社群居民, 小组循环赛 -> 小組迴圈賽); they are used only when asked for by name.
ALIASES: dict[str, tuple[str, str]] = {
    "traditional": ("s2t", "OpenCC's standard Traditional, the one every other standard derives from"),
    "simplified": ("t2s", "Traditional of any standard reads back to Simplified with t2s"),
    "taiwan": ("s2tw", "copy for Taiwan readers: Taiwan's character forms, the words as written"),
    "tw": ("s2tw", "short for taiwan"),
    "hongkong": ("s2hk", "copy for Hong Kong readers: Hong Kong's character forms, the words as written"),
    "hk": ("s2hk", "short for hongkong"),
}

Format = ConvertFormat  # what it reads (and writes back converted): bulletin.render.formats

# JSON keys whose values are not text to convert: a path or a codec name must not change.
KEEP_KEYS: dict[str, str] = {
    "source": "the input's file name, as given",
    "encoding": "the codec the input was read in",
}

KEEP = "keep"  # the ``by`` of a kept word in reports
_LINE_BREAK = re.compile(r"[\r\n]")
_JSON_START = re.compile(r"\s*[\[{]")
# Explain: runs of Han characters (CJK unified, extension A, compatibility, extensions B and up),
# kept by ``split`` with what lies between; a run of up to MAX_RUN characters is cut into pieces of
# up to MAX_PIECE (OpenCC's longest phrases have about 14).
_HAN_RUNS = re.compile(f"([{IDEOGRAPHS}]+)")
MAX_RUN = 48
MAX_PIECE = 16


class DictionaryError(UsageError):
    """A ``--dict`` or ``--keep-file`` that cannot be used: missing, not UTF-8, a malformed line.

    A usage error (exit status 2): the tables are part of how the command is called, they are read
    before any input, and no input is converted with a table that is not the one the user meant.
    """


def config_name(name: str) -> str:
    """OpenCC's configuration for ``name``: a configuration (``s2twp``, ``s2twp.json``) or an alias
    (``taiwan``), in any case. Anything else is a :class:`~bulletin.errors.UsageError` listing both."""
    key = name.strip().lower().removesuffix(".json")
    if key in CONFIGS:
        return key
    if key in ALIASES:
        return ALIASES[key][0]
    raise UsageError(
        f"unknown configuration {name!r}; configurations are: {', '.join(CONFIGS)}; "
        f"aliases: {', '.join(f'{alias} ({config})' for alias, (config, _) in ALIASES.items())}"
    )


# The user's entries: a phrase table and words to keep.


@dataclass(frozen=True)
class Entry:
    """One user entry: ``source`` in the input becomes ``target``; ``by`` says where it comes from
    (``user:terms.tsv:3``, ``user`` for a table given in Python, ``keep``)."""

    source: str
    target: str
    by: str


@dataclass(frozen=True)
class Change:
    """A line of the ``--explain`` report: ``source`` became ``target`` ``count`` times, by ``by``
    (``opencc:s2t``, ``user:terms.tsv:3``, ``keep``)."""

    source: str
    target: str
    by: str
    count: int


def _read_table(path: str | os.PathLike) -> list[tuple[int, str]]:
    """The numbered lines of a UTF-8 table (BOM and CRLF allowed) without blank and ``#`` lines."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as f:
            data = f.read()
    except OSError as err:
        raise DictionaryError(f"{name}: {err.strerror or err}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise DictionaryError(
            f"{name}: not UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})"
        ) from None
    lines = []
    for number, line in enumerate(text.split("\n"), 1):
        line = line.removesuffix("\r")
        if line.strip() and not line.lstrip().startswith("#"):
            lines.append((number, line))
    return lines


def load_dict(path: str | os.PathLike) -> list[Entry]:
    """The phrase table in ``path``: one ``source<TAB>target`` a line, UTF-8 with or without BOM,
    LF or CRLF; blank lines and lines starting with ``#`` are skipped, spaces around either side
    are not part of it. A line without exactly one tab or with an empty side, or a source given two
    different targets, is a :class:`DictionaryError` naming the file and line."""
    name = os.fspath(path)
    entries: dict[str, Entry] = {}
    for number, line in _read_table(name):
        where = f"{name}:{number}"
        if line.count("\t") != 1:
            problem = "no tab" if "\t" not in line else "more than one tab"
            raise DictionaryError(f"{where}: {problem}; a line is source<TAB>target: {line.strip()!r}")
        source, target = (side.strip() for side in line.split("\t"))
        if not source or not target:
            raise DictionaryError(f"{where}: empty {'source' if not source else 'target'}: {line!r}")
        previous = entries.get(source)
        if previous is not None and previous.target != target:
            raise DictionaryError(
                f"{where}: {source} -> {target}, but {source} -> {previous.target} "
                f"on line {previous.by.rsplit(':', 1)[1]}"
            )
        entries.setdefault(source, Entry(source, target, f"user:{where}"))
    return list(entries.values())


def load_keep(path: str | os.PathLike) -> list[str]:
    """The words to keep in ``path``, one a line (same rules as :func:`load_dict`; no tab)."""
    name = os.fspath(path)
    words = []
    for number, line in _read_table(name):
        if "\t" in line:
            raise DictionaryError(f"{name}:{number}: a tab; a keep file has one word a line: {line!r}")
        words.append(line.strip())
    return words


def _entries(user_dict, keep: Iterable[str]) -> list[Entry]:
    """``user_dict`` (a mapping, a TSV path or entries) and ``keep`` as entries, checked."""
    if user_dict is None:
        entries = []
    elif isinstance(user_dict, (str, os.PathLike)):
        entries = load_dict(user_dict)
    elif isinstance(user_dict, Mapping):
        entries = [Entry(source, target, "user") for source, target in user_dict.items()]
    else:
        entries = list(user_dict)
    if isinstance(keep, str):
        raise TypeError("keep is a list of words, not one string")
    entries += [Entry(word, word, KEEP) for word in keep]
    for entry in entries:
        if not (isinstance(entry, Entry) and isinstance(entry.source, str) and isinstance(entry.target, str)):
            raise TypeError(f"not a phrase table entry: {entry!r}")
        if not entry.source:
            raise UsageError("an empty word cannot be kept or converted")
        if _LINE_BREAK.search(entry.source + entry.target):
            raise UsageError(
                f"a line break in {entry.source!r} -> {entry.target!r}: entries are within a line"
            )
    return entries


def _matcher(words: Iterable[str]) -> re.Pattern | None:
    """One regular expression finding ``words`` leftmost, longest first: a trie of them, each
    optional continuation greedy, so a longer word is tried before its prefix."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return re.compile(_alternation(trie)) if trie else None


def _alternation(node: dict) -> str:
    branches = [re.escape(ch) + _alternation(child) for ch, child in node.items() if ch]
    if not branches:
        return ""
    group = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
    return group + "?" if "" in node else group


# The converter.


class Converter:
    """One configuration's OpenCC engine with the user's entries, for as many texts as needed.

    ``to`` is a configuration or alias (see :func:`config_name`); ``user_dict`` a mapping
    ``{source: target}``, the path of a TSV table (see :func:`load_dict`) or :class:`Entry` items;
    ``keep`` words that stay as they are. On the same source a kept word wins over a table entry;
    two table entries that disagree are a :class:`DictionaryError`.
    """

    def __init__(self, to: str = "s2t", user_dict=None, keep: Iterable[str] = ()):
        self.config = config_name(to)
        self.by = f"opencc:{self.config}"
        self._opencc = opencc_engine.converter(self.config)
        self.entries: dict[str, Entry] = {}
        for entry in _entries(user_dict, keep):
            previous = self.entries.get(entry.source)
            if (
                previous is not None
                and previous.by != KEEP
                and entry.by != KEEP
                and previous.target != entry.target
            ):
                raise DictionaryError(
                    f"{entry.by.removeprefix('user:')}: {entry.source} -> {entry.target}, "
                    f"but {entry.source} -> {previous.target} in {previous.by.removeprefix('user:')}"
                )
            if previous is None or entry.by == KEEP:
                self.entries[entry.source] = entry
        self._matcher = _matcher(sorted(self.entries))
        self._pieces: dict[str, str] = {}  # explain: OpenCC's conversion of short pieces

    def __call__(self, text: str) -> str:
        return self.convert(text)

    def convert(self, text: str, changes: Counter | None = None) -> str:
        """``text`` converted; with ``changes``, count each ``(source, target, by)`` converted there."""
        if self._matcher is None:
            return self._run_opencc(text, changes)
        pieces, start = [], 0
        for match in self._matcher.finditer(text):
            entry = self.entries[match.group()]
            pieces += [self._run_opencc(text[start : match.start()], changes), entry.target]
            if changes is not None:
                changes[entry.source, entry.target, entry.by] += 1
            start = match.end()
        pieces.append(self._run_opencc(text[start:], changes))
        return "".join(pieces)

    def convert_document(
        self, text: str, fmt: Format = "auto", changes: Counter | None = None, source: str = "<stdin>"
    ) -> tuple[str, str]:
        """``text`` converted as ``fmt``, and the format it was taken for (``auto``: see
        :func:`detect_format`). JSON and JSON lines have every string value converted but those of
        :data:`KEEP_KEYS`, keys never; they are written as ``bulletin split`` writes them, one
        document a line, and a blank line or a line ending stays as it was in JSON lines."""
        if fmt not in CONVERT_FORMATS:
            raise UsageError(f"unknown format {fmt!r}; formats are: {', '.join(CONVERT_FORMATS)}")
        taken, docs = _parse(text, fmt, source)
        if taken == "txt":
            return self.convert(text, changes), taken
        convert = (lambda s: self.convert(s, changes)) if changes is not None else self.convert
        if taken == "json":
            return json_text(_walk(docs[0], convert)) + _ending(text), taken
        out = []
        for line, doc in zip(_lines(text), docs):
            body = line.rstrip("\r\n")
            out.append(line if doc is None else json_text(_walk(doc, convert)) + line[len(body) :])
        return "".join(out), taken

    # OpenCC, and what it changed

    def _run_opencc(self, text: str, changes: Counter | None) -> str:
        if not text:
            return text
        out = self._opencc(text)
        if changes is not None and out != text:
            self._count_changes(text, out, changes)
        return out

    def _count_changes(self, text: str, out: str, changes: Counter) -> None:
        """Count what OpenCC changed, line by line, as the smallest pieces that convert alone as they
        did here: 头发 -> 頭髮 (发 alone is 發), 干燥 -> 乾燥 (干 alone is 幹), 说 -> 說."""
        for a, b in zip(text.split("\n"), out.split("\n")):
            if a != b:
                for source, target in self._changed_pieces(a, b):
                    changes[source, target, self.by] += 1

    def _changed_pieces(self, a: str, b: str) -> list[tuple[str, str]]:
        """``a -> b`` cut at what is not Han (punctuation, spaces, Latin) when the runs between
        convert alone as they did in the line, then each run into its finest pieces."""
        runs = _HAN_RUNS.split(a)
        converted = [self._opencc(run) if run else run for run in runs]
        pairs = zip(runs, converted) if "".join(converted) == b else [(a, b)]
        found = []
        for run, target in pairs:
            if run == target:
                continue
            pieces = _finest(run, target, self._piece) if len(run) <= MAX_RUN else None
            if pieces is None:  # too long to cut: what a diff of the two shows
                opcodes = SequenceMatcher(None, run, target, autojunk=False).get_opcodes()
                pieces = [(run[i1:i2], target[j1:j2]) for tag, i1, i2, j1, j2 in opcodes if tag != "equal"]
            found += [(s, t) for s, t in pieces if s != t]
        return found

    def _piece(self, text: str) -> str:
        if text not in self._pieces:
            self._pieces[text] = self._opencc(text)
        return self._pieces[text]


def _finest(source: str, target: str, convert) -> list[tuple[str, str]] | None:
    """``source`` cut into the most pieces whose conversions, alone, make up ``target``."""
    best: dict[tuple[int, int], list | None] = {}

    def cut(i: int, k: int) -> list | None:
        if i == len(source):
            return [] if k == len(target) else None
        if (i, k) not in best:
            found = None
            for j in range(i + 1, min(len(source), i + MAX_PIECE) + 1):
                piece = convert(source[i:j])
                if target.startswith(piece, k):
                    rest = cut(j, k + len(piece))
                    if rest is not None and (found is None or len(rest) + 1 > len(found)):
                        found = [(source[i:j], piece), *rest]
            best[i, k] = found
        return best[i, k]

    return cut(0, 0)


def report_order(changes: Counter) -> list[Change]:
    """The ``(source, target, by)`` counts of :meth:`Converter.convert` as :class:`Change` lines, as
    an editor checks them: phrases (a source of more than one character: the words a configuration
    swaps, 头发 -> 頭髮, 软件 -> 軟體) first, then single characters; each the most frequent first,
    ties in order of first appearance."""
    lines = [Change(s, t, by, n) for (s, t, by), n in changes.items()]
    return sorted(lines, key=lambda change: (len(change.source) == 1, -change.count))


# JSON from bulletin split


def detect_format(text: str) -> str:
    """``json`` if all of ``text`` is one JSON object or array, ``jsonl`` if every line that is not
    blank is one (what ``bulletin split --format json|jsonl`` prints), else ``txt``."""
    return _parse(text, "auto", "<text>")[0]


def _parse(text: str, fmt: str, source: str) -> tuple[str, list[dict | list | None]]:
    """The format and its documents: ``[doc]`` for json, a doc or None (blank) a line for jsonl."""
    if fmt == "txt" or (fmt == "auto" and not _JSON_START.match(text)):
        return "txt", []
    if fmt in ("auto", "json"):
        try:
            doc = json.loads(text)
        except (ValueError, RecursionError) as err:
            if fmt == "json":
                raise BulletinError(f"{source}: not JSON: {_reason(err)}") from None
        else:
            if isinstance(doc, (dict, list)):
                return "json", [doc]
            if fmt == "json":
                raise BulletinError(f"{source}: JSON, but not an object or array")
    docs: list[dict | list | None] = []
    for number, line in enumerate(_lines(text), 1):
        if not line.strip():
            docs.append(None)
            continue
        try:
            doc = json.loads(line.rstrip("\r\n"))
        except (ValueError, RecursionError) as err:
            if fmt == "auto":
                return "txt", []
            raise BulletinError(f"{source}: line {number}: not JSON: {_reason(err)}") from None
        if not isinstance(doc, (dict, list)):
            if fmt == "auto":
                return "txt", []
            raise BulletinError(f"{source}: line {number}: not a JSON object or array")
        docs.append(doc)
    return "jsonl", docs


def _lines(text: str) -> list[str]:
    """The lines of ``text`` with their ends, cut at ``\n`` only: JSON strings may hold U+2028 and
    the other characters ``str.splitlines`` also cuts at."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def _reason(err: Exception) -> str:
    if isinstance(err, json.JSONDecodeError):
        return f"{err.msg} (line {err.lineno}, column {err.colno})"
    return "nested too deeply" if isinstance(err, RecursionError) else str(err)


def _walk(value, convert):
    """``value`` with every string converted, but keys and the values of :data:`KEEP_KEYS`."""
    if isinstance(value, str):
        return convert(value)
    if isinstance(value, list):
        return [_walk(item, convert) for item in value]
    if isinstance(value, dict):
        return {key: item if key in KEEP_KEYS else _walk(item, convert) for key, item in value.items()}
    return value


def _ending(text: str) -> str:
    """The line break ``text`` ends with (``\\r\\n``, ``\\n``, ``\\r``), or none."""
    stripped = text.rstrip("\r\n")
    tail = text[len(stripped) :]
    return "\r\n" if tail.endswith("\r\n") else tail[-1:]


def unencodable(text: str, encoding: str) -> dict[str, list[int]]:
    """The characters of ``text`` that ``encoding`` cannot hold, in order of first appearance, each
    with the (1-based) lines it is on: what ``--output-encoding big5`` reports before writing nothing."""
    missing = [ch for ch in set(text) if not textio.encodable(ch, encoding)]
    if not missing:
        return {}
    found: dict[str, list[int]] = {}
    pattern = re.compile("|".join(map(re.escape, missing)) + "|\n")
    line = 1
    for match in pattern.finditer(text):
        ch = match.group()
        if ch == "\n":
            line += 1
        elif line not in found.setdefault(ch, []):
            found[ch].append(line)
    return found


# The library API


def convert(text: str, to: str = "s2t", user_dict=None, keep: Iterable[str] = ()) -> str:
    """``text`` converted from one Chinese script or standard to another (see :data:`CONFIGS` and
    :data:`ALIASES`), phrase by phrase, with the user's ``user_dict`` (``{source: target}`` or a TSV
    path) and ``keep`` words first. Lines, and every character OpenCC does not know, are kept.

    >>> convert("头发很干燥", to="s2t")
    '頭髮很乾燥'
    """
    return Converter(to, user_dict, keep).convert(text)


def convert_report(
    text: str, to: str = "s2t", user_dict=None, keep: Iterable[str] = ()
) -> tuple[str, list[Change]]:
    """``convert(text, ...)`` and what was converted, by whom, in :func:`report_order`."""
    changes: Counter = Counter()
    out = Converter(to, user_dict, keep).convert(text, changes)
    return out, report_order(changes)


class _CallableModule(types.ModuleType):
    """``bulletin.convert`` is this module once it has been imported by name (Python binds a
    package's submodule as its attribute), and ``bulletin.convert(text, to=...)`` still converts."""

    def __call__(self, text: str, to: str = "s2t", user_dict=None, keep: Iterable[str] = ()) -> str:
        return convert(text, to, user_dict, keep)


sys.modules[__name__].__class__ = _CallableModule
