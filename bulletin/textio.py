"""Bytes in and out: paths or ``-`` to bytes, atomic writes, text -> bytes, and quiet pipes.

Every failure here is a :class:`~bulletin.errors.BulletinError` whose one-line message starts with the
file's name, as ``decode``'s do: the CLI prints it as ``bulletin: <message>``.

Broken pipe: when the reader of our stdout goes away (``bulletin clean big.txt | head -1``),
:func:`write_stdout` points stdout at ``/dev/null`` (so the interpreter's last flush cannot fail
either) and raises :class:`StdoutClosed`; the CLI ends quietly with exit status 0, as ripgrep does:
the reader chose to stop, nothing went wrong, and ``set -o pipefail`` scripts keep working.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
import tempfile
import unicodedata

from bulletin.errors import BulletinError

STDIN = "-"
STDIN_NAME = "<stdin>"


class StdoutClosed(Exception):
    """The reader of stdout has gone away; stop writing and exit quietly."""


def display_name(path: str) -> str:
    """The name to show in messages: ``<stdin>`` for ``-``, else the path as given."""
    return STDIN_NAME if path == STDIN else path


def _os_error(name: str, err: OSError) -> BulletinError:
    return BulletinError(f"{name}: {err.strerror or err}")


def read_bytes(path: str) -> bytes:
    """The whole content of ``path``, or of stdin for ``-``."""
    if path == STDIN:
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as err:
        raise _os_error(path, err) from None


def write_stdout(data: bytes) -> None:
    """Write all of ``data`` to stdout now; raise :class:`StdoutClosed` if nobody reads it any more.

    A write into a pipe whose reader has left can return short instead of failing (CPython's
    buffered writer reports what got through); the next one fails, so write until all is out.
    """
    if sys.stdout is None:  # started with stdout closed (>&-)
        raise BulletinError("<stdout>: standard output is closed")
    out, view = sys.stdout.buffer, memoryview(data)
    try:
        while view:
            view = view[out.write(view) :]
        out.flush()
    except BrokenPipeError:
        _silence_stdout()
        raise StdoutClosed from None
    except OSError as err:  # a full disk (> /dev/full), an I/O error: one line, exit 1
        _silence_stdout()
        raise _os_error("<stdout>", err) from None


def _silence_stdout() -> None:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: str, data: bytes, *, backup: str | None = None) -> None:
    """Replace ``path`` by ``data`` so that readers see the old or the new file, never half of one.

    The bytes go to a temporary file in the same folder, are fsync'ed, get the permissions of the
    file they replace, then ``os.replace`` it. A symbolic link is followed: its target is rewritten.
    With ``backup``, the file's current content is first kept under that name, which must not exist.
    """
    target = os.path.realpath(path)
    try:
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except FileNotFoundError:
            mode = _new_file_mode()
        if backup is not None:
            _write_backup(path, target, backup, mode)
        folder, name = os.path.split(target)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    except OSError as err:
        raise _os_error(path, err) from None
    _fill_and_place(fd, tmp, data, mode, lambda: os.replace(tmp, target), path)


def write_new(path: str, data: bytes, *, overwrite: bool = False) -> None:
    """Create ``path`` with ``data``, atomically; an existing ``path`` is an error unless ``overwrite``.

    Unlike :func:`write_atomic` a symbolic link at ``path`` is never followed: with ``overwrite`` the
    link itself is replaced by the file, so nothing is written outside ``path``'s folder. Without it
    the new file is hard-linked into place, which fails if anything took the name meanwhile.
    """
    if not overwrite and os.path.lexists(path):
        raise _exists(path)
    folder = os.path.dirname(path) or "."
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".bulletin-", suffix=".tmp")
    except OSError as err:
        raise _os_error(path, err) from None
    place = (lambda: os.replace(tmp, path)) if overwrite else (lambda: _link_new(tmp, path))
    _fill_and_place(fd, tmp, data, _new_file_mode(), place, path)


def _fill_and_place(fd: int, tmp: str, data: bytes, mode: int, place, path: str) -> None:
    """Write ``data`` to the open temporary file, sync it, set ``mode``, then ``place()`` it; on any
    failure (Ctrl-C too) the temporary file goes and the error names ``path``."""
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        place()
    except BaseException as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(err, FileExistsError):
            raise _exists(path) from None
        if isinstance(err, OSError):
            raise _os_error(path, err) from None
        raise


def _link_new(tmp: str, path: str) -> None:
    """Move ``tmp`` to the new name ``path``, never replacing what is there."""
    try:
        os.link(tmp, path)
    except OSError as err:
        if err.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        if os.path.lexists(path):  # a file system without hard links: check, then rename
            raise FileExistsError(errno.EEXIST, "exists", path) from None
        os.replace(tmp, path)
    else:
        os.unlink(tmp)


def _exists(path: str) -> BulletinError:
    return BulletinError(f"{path}: already exists; not overwriting it without --force")


# File names made of titles: no folder, no control characters, nothing Windows refuses.

MAX_NAME_BYTES = 200  # of UTF-8; most file systems allow 255
# What Windows refuses in a name (and "/" everywhere), and "..": a run of them becomes one "_".
UNSAFE_RUN = re.compile(r'(?:[<>:"/\\|?*]|\.{2,})+')
WINDOWS_RESERVED_NAMES = {"CON", "PRN", "AUX", "NUL"} | {f"{d}{n}" for d in ("COM", "LPT") for n in range(10)}
_SPACES = re.compile(r"\s+")
_STRIP_START = ".- "
_STRIP_END = ". "  # Windows drops trailing dots and spaces


def safe_filename(
    prefix: str, stem: str, suffix: str, *, empty: str = "untitled", max_bytes: int = MAX_NAME_BYTES
) -> str:
    """``prefix + stem + suffix`` as one safe file name of at most ``max_bytes`` bytes of UTF-8.

    In ``stem``: runs of white space (line breaks, tabs, ideographic spaces) become one space;
    control, format (zero-width, bidi overrides), surrogate, private-use and unassigned characters
    are dropped; a run of ``/ \\ < > : " | ? *`` and of ``..`` becomes one ``_``; leading dots, dashes
    and spaces and trailing dots and spaces go; a stem that is a reserved Windows name (``CON``,
    ``NUL``...) gets a ``_``; nothing left is ``empty``. The stem is then cut, on a character
    boundary, so that the whole name fits in ``max_bytes``. ``prefix`` and ``suffix`` are the
    caller's (``01-``, ``.txt``) and are kept whole.
    """
    room = max_bytes - len((prefix + suffix).encode("utf-8"))
    if room < 1:
        raise ValueError(f"no room for a name in {max_bytes} bytes after {prefix!r} and {suffix!r}")
    text = _SPACES.sub(" ", stem)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn"))
    text = UNSAFE_RUN.sub("_", text.lstrip(_STRIP_START))
    text = text.lstrip(_STRIP_START).rstrip(_STRIP_END) or empty
    head, dot, rest = text.partition(".")
    if not prefix and head.rstrip(" ").upper() in WINDOWS_RESERVED_NAMES:  # NUL.txt too
        text = head + "_" + dot + rest
    text = text.encode("utf-8")[:room].decode("utf-8", "ignore").rstrip(_STRIP_END) or empty
    return prefix + text + suffix


def _write_backup(path: str, target: str, backup: str, mode: int) -> None:
    try:
        with open(target, "rb") as src, open(backup, "xb") as dst:
            dst.write(src.read())
    except FileExistsError:
        raise BulletinError(f"{path}: backup {backup} already exists; not overwriting it") from None
    os.chmod(backup, mode)


def encode(text: str, encoding: str, errors: str = "strict", source: str = STDIN_NAME) -> tuple[bytes, int]:
    """``text`` as bytes in ``encoding``, and how many characters had to be replaced by ``?``.

    With ``errors="strict"`` a character the encoding cannot hold is an error naming it and its line.
    """
    try:
        return text.encode(encoding), 0
    except UnicodeEncodeError as err:
        if errors != "replace":
            ch = err.object[err.start]
            line = err.object.count("\n", 0, err.start) + 1
            raise BulletinError(
                f"{source}: cannot write {ch!r} (U+{ord(ch):04X}, line {line}) in {encoding}; "
                "use --errors replace to write ? instead"
            ) from None
    bad = {ch for ch in set(text) if not encodable(ch, encoding)}
    return text.encode(encoding, "replace"), sum(text.count(ch) for ch in bad)


def encodable(ch: str, encoding: str) -> bool:
    """Can ``encoding`` hold ``ch``?"""
    try:
        ch.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True
