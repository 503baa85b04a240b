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
import unicodedata

from bulletin.errors import BulletinError

STDIN = "-"
STDIN_NAME = "<stdin>"


class StdoutClosed(Exception):
    """The reader of stdout has gone away; stop writing and exit quietly."""


def display_name(path: str) -> str:
    """The name to show in messages: ``<stdin>`` for ``-``, else the path as given."""
    return STDIN_NAME if path == STDIN else path


def is_special(path: str) -> bool:
    """``path`` is there and is no regular file nor folder: a device, a pipe, a socket."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


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


def write_atomic(path: str, data: bytes, *, backup: str | None = None, follow_symlinks: bool = False) -> None:
    """Replace the regular file ``path`` by ``data`` so that readers see the old or the new file,
    never half of one, and a crash or a full disk leaves the old one as it was.

    The bytes go to a temporary file in the same folder, are fsync'ed, get the permissions (and, where
    allowed, the owner and group) of the file they replace, then ``os.replace`` it. A symbolic link
    is followed, its target rewritten, when the target stays in the link's folder (or below it), or
    with ``follow_symlinks``; else it is refused. With ``backup``, the file's current content is first
    kept (and synced) under that name, which must not exist. A device or pipe cannot be replaced, and
    is refused: :func:`write_output` writes into one.
    """
    target = _rewrite_target(path, follow_symlinks)
    try:
        try:
            info = os.stat(target)
        except FileNotFoundError:
            info = None
        if info is not None and not stat.S_ISREG(info.st_mode):
            raise BulletinError(f"{path}: not a regular file; only regular files are rewritten")
        mode = _new_file_mode() if info is None else stat.S_IMODE(info.st_mode)
        if backup is not None:
            _write_backup(path, target, backup, mode)
        folder, name = os.path.split(target)
        fd, tmp = _temporary(folder, f".{name}.")
    except OSError as err:
        raise _os_error(path, err) from None
    if info is not None:
        _keep_owner(fd, info)
    _fill_and_place(fd, tmp, data, mode, lambda: _replace_and_sync(tmp, target), path)


SPECIAL_FOLDERS = ("/dev/", "/proc/")
"""Where names stand for devices and open files: an output file there is written into, never replaced."""
OPEN_FILES = re.compile(r"/dev/(?:std(?P<std>out|err)|fd/(?P<fd>\d+))|/proc/self/fd/(?P<proc>\d+)")
"""Names of this process's open files: written through the open file itself, so that ``-o /dev/stdout``
into ``>> log`` appends as the shell's ``>>`` does (opening the name again would truncate the log)."""


def write_output(path: str, data: bytes) -> None:
    """Write ``data`` to the output file ``path`` (``-o FILE``), as a shell's ``>`` would, but whole:
    a regular file (or a new one) is replaced atomically (:func:`write_atomic`, symbolic links
    followed: the user named this file); ``/dev/stdout``, ``/dev/fd/N`` are written through the open
    file; a device or a pipe (``/dev/null``, a FIFO) is written into, never replaced."""
    name = os.path.normpath(os.path.abspath(path))
    fd = OPEN_FILES.fullmatch(name)
    if fd is not None:
        number = {"out": 1, "err": 2}[fd["std"]] if fd["std"] else int(fd["fd"] or fd["proc"])
        if number == 1:
            write_stdout(data)
            return
        try:
            with open(number, "wb", closefd=False) as f:
                f.write(data)
        except OSError as err:
            raise _os_error(path, err) from None
        return
    try:
        special = not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        special = False  # a new file, or an error that write_atomic reports
    if not (special or name.startswith(SPECIAL_FOLDERS)):
        write_atomic(path, data, follow_symlinks=True)
        return
    try:
        with open(path, "wb") as f:
            f.write(data)
    except OSError as err:
        raise _os_error(path, err) from None


def _rewrite_target(path: str, follow_symlinks: bool) -> str:
    """The file that rewriting ``path`` changes: ``path``, or the file its symbolic links lead to
    when that stays in ``path``'s folder (or below it), or when ``follow_symlinks``."""
    target = os.path.realpath(path)
    if follow_symlinks or not os.path.islink(path):
        return target
    folder = os.path.realpath(os.path.dirname(path) or ".")
    try:
        inside = os.path.commonpath([folder, target]) == folder
    except ValueError:  # another drive
        inside = False
    if not inside:
        raise BulletinError(
            f"{path}: a symbolic link out of its folder, to {_shown(target)}; "
            "not rewriting it (--follow-symlinks to rewrite the file it leads to)"
        )
    return target


def _shown(path: str) -> str:
    """``path`` as a message shows it: relative to the current folder when it is below it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive
        return path
    return path if relative.startswith(os.pardir) else relative


def _keep_owner(fd: int, info: os.stat_result) -> None:
    """Give the new file the old one's owner and group, as far as we may (root may; a user may set
    a group of theirs); what is not allowed is left as it is."""
    if not hasattr(os, "fchown") or (info.st_uid, info.st_gid) == (os.geteuid(), os.getegid()):
        return
    for uid, gid in ((info.st_uid, info.st_gid), (-1, info.st_gid)):
        try:
            os.fchown(fd, uid, gid)
            return
        except OSError:
            continue


def _replace_and_sync(tmp: str, target: str) -> None:
    """``os.replace``, then sync the folder so that the rename itself survives a power cut."""
    os.replace(tmp, target)
    with contextlib.suppress(OSError):  # (not every system can open or sync a folder)
        folder = os.open(os.path.dirname(target) or ".", os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


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
        fd, tmp = _temporary(folder, ".bulletin-")
    except OSError as err:
        raise _os_error(path, err) from None
    place = (lambda: os.replace(tmp, path)) if overwrite else (lambda: _link_new(tmp, path))
    _fill_and_place(fd, tmp, data, _new_file_mode(), place, path)


def _temporary(folder: str, prefix: str) -> tuple[int, str]:
    """A new temporary file in ``folder``, open, mode 0600 (``tempfile`` loads only for a write)."""
    import tempfile

    return tempfile.mkstemp(dir=folder, prefix=prefix, suffix=".tmp")


def _fill_and_place(fd: int, tmp: str, data: bytes, mode: int, place, path: str) -> None:
    """Write ``data`` to the open temporary file, sync it, set ``mode``, then ``place()`` it; on any
    failure (Ctrl-C too) the temporary file goes and the error names ``path``."""
    try:
        _write_synced(fd, tmp, data, mode)
        place()
    except BaseException as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(err, FileExistsError):
            raise _exists(path) from None
        if isinstance(err, OSError):
            raise _os_error(path, err) from None
        raise


def _write_synced(fd: int, name: str, data: bytes, mode: int) -> None:
    """Write ``data`` to the open file ``fd`` (named ``name``), sync it to disk, then give it ``mode``."""
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.chmod(name, mode)


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
    """Copy ``target`` to the new file ``backup`` (never an existing one, nor through a symbolic
    link), private until it has the original's permissions, synced before the original goes."""
    try:
        with open(target, "rb") as src:
            content = src.read()
        fd = os.open(backup, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except FileExistsError:
        raise BulletinError(f"{path}: backup {backup} already exists; not overwriting it") from None
    try:
        _write_synced(fd, backup, content, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(backup)
        raise


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
