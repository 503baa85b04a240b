"""Regular expressions compiled on first use, their compiled code kept between runs.

``re`` compiles a character class by walking each of its code points in Python: a class of the Han
blocks costs about 1.5 ms, and a page's clean uses some sixty of them, twice the time the cleaning
itself takes. A command run once per file pays that on every call. So, as Python keeps bytecode in
``__pycache__``:

- ``lazy(pattern)`` stands for ``re.compile(pattern)`` and compiles on the first use (``.match``,
  ``.sub``, ``.pattern``...): a command pays only for the rules it runs;
- :func:`compile` keeps the code ``re`` compiles a pattern to in the user's cache folder
  (``$XDG_CACHE_HOME/bulletin/re-<python>.marshal``, one file per Python build) and the next run
  hands that code to ``_sre`` as ``re`` itself would. The code is checked by ``_sre`` as it loads;
  anything unexpected (another Python, a damaged file, an unwritable folder) falls back to
  ``re.compile``, so the cache can only ever cost the time it was meant to save.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import re
import sys
import zlib
from array import array
from typing import Any, cast

try:  # Python 3.11+
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _compiler
    import sre_parse as _parser

import _sre  # type: ignore[import-not-found]  # typeshed has no stub for re's C module

from bulletin.cachedir import private_cache_dir, write_private

_WORD = "I" if _sre.CODESIZE == 4 else "H"  # the array type of one code word

HEADER = b"bulletin re cache 1\n"
"""A file starts with this, then the CRC-32 of the rest (a damaged file is not used)."""

MAX_ENTRIES = 4000
"""The rules' patterns are a few hundred; patterns made from data (a user dictionary) could be
many: past this the file starts afresh rather than growing without end."""

_Code = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
"""``_sre.compile``'s arguments after the pattern, its code list as the bytes of an ``array``
(marshal reads bytes at memory speed; a list of thousands of ints it reads an int at a time)."""
_loaded: dict[tuple[str, int], _Code] | None = None
_new: dict[tuple[str, int], _Code] = {}


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 (re.compile's name)
    """``re.compile(pattern, flags)``, with the compiled code read from, and added to, the cache."""
    flags = int(flags)
    key = (pattern, flags)
    code = _cached().get(key) or _new.get(key)
    if code is not None:
        try:
            return _load(pattern, code)
        except Exception:  # noqa: BLE001 - a damaged or foreign entry: compile it afresh
            pass
    try:
        code = _code(pattern, flags)
        compiled = _load(pattern, code)
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - a Python whose re works otherwise: no cache
        return re.compile(pattern, flags)
    if not _new:
        atexit.register(_save)
    _new[key] = code
    return compiled


def _load(pattern: str, code: _Code) -> re.Pattern[str]:
    flags, words, *rest = code
    return _sre.compile(pattern, flags, array(_WORD, words).tolist(), *rest)


def _code(pattern: str, flags: int) -> _Code:
    """What ``re._compiler.compile`` hands ``_sre.compile`` after the pattern (3.10 to 3.13)."""
    parsed = _parser.parse(pattern, flags)
    code = array(_WORD, _compiler._code(parsed, flags)).tobytes()
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def cache_file() -> str | None:
    """The cache for this Python build, in the private cache folder; None when there is none."""
    folder = private_cache_dir()
    if folder is None:
        return None
    build = f"{_sre.MAGIC}-{_sre.CODESIZE}-{sys.version}".encode()
    return os.path.join(folder, f"re-{sys.implementation.cache_tag}-{zlib.crc32(build):08x}.marshal")


def _cached() -> dict[tuple[str, int], _Code]:
    global _loaded
    if _loaded is None:
        _loaded = _read(cache_file())
    return _loaded


def _read(path: str | None) -> dict[tuple[str, int], _Code]:
    """The file's table; empty when it is missing, cut short or changed (its checksum fails)."""
    if path is None:
        return {}
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return {}
    head, payload = data[: len(HEADER) + 4], data[len(HEADER) + 4 :]
    if head != HEADER + zlib.crc32(payload).to_bytes(4, "little"):
        return {}
    try:
        table = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return {}
    return table if isinstance(table, dict) else {}


def _save() -> None:
    """At exit, add this run's new patterns to the file (read again: another run may have added
    some), written whole under a temporary name and renamed."""
    path = cache_file()
    if path is None or not _new:
        return
    table = _read(path)
    if len(table) + len(_new) > MAX_ENTRIES:
        table = {}
    table.update(_new)
    payload = marshal.dumps(table)
    with contextlib.suppress(OSError, ValueError):
        write_private(path, HEADER + zlib.crc32(payload).to_bytes(4, "little") + payload)


class LazyPattern:
    """A ``re.Pattern`` made when first asked for an attribute; each attribute is kept on the
    instance after that, so later calls cost what the compiled pattern's own do."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "_args":  # (copy and pickle ask before __init__ ran)
            raise AttributeError(name)
        value = getattr(compile(*self._args), name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"lazy({self._args[0]!r})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled on first use (from the cache when it is there)."""
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))
