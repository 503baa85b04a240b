"""The user's own cache folder, for what is costly to make and cheap to read back: jieba's prefix
dictionary (``words``)."""

from __future__ import annotations

import contextlib
import os


def cache_dir() -> str:
    """``$XDG_CACHE_HOME/bulletin`` or ``~/.cache/bulletin``, made private (0700) on first use."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "bulletin")
    os.makedirs(folder, mode=0o700, exist_ok=True)
    return folder


def private_cache_dir() -> str | None:
    """:func:`cache_dir` when it :func:`is_private`, else None (no home, or a shared folder)."""
    try:
        folder = cache_dir()
        return folder if is_private(folder) else None
    except OSError:
        return None


def is_private(folder: str) -> bool:
    """Ours, and nobody else may write in it (``XDG_CACHE_HOME`` may point somewhere shared): a
    file read from there must be one we wrote."""
    info = os.stat(folder)
    owner = getattr(os, "getuid", lambda: info.st_uid)()
    return info.st_uid == owner and not info.st_mode & 0o022


def write_private(target: str, data: bytes, prefix: str = ".bulletin-") -> None:
    """``data`` to ``target`` by a temporary file in the same folder (mode 0600) renamed into place,
    so a reader never sees half a file."""
    import tempfile  # (here: a run that writes no cache never loads it)

    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(target), prefix=prefix, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
