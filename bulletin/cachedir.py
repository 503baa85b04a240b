"""The user's own cache folder, for what is costly to make and cheap to read back: jieba's prefix
dictionary (``words``) and compiled regular expressions (``lazyre``)."""

from __future__ import annotations

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
