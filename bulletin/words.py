"""jieba, loaded only when words are asked for, quietly, with its cache in the user's own folder.

jieba logs to stderr as it builds its prefix dictionary and caches it under a fixed name in the
shared /tmp, where another user could plant or lock the file. Here the cache lives in
``$XDG_CACHE_HOME/bulletin`` (or ``~/.cache/bulletin``), a folder only the user can write, and the
log is silenced. ``count`` and ``summarize`` share one tokenizer per process.
"""

from __future__ import annotations

import functools
import logging
import os
from typing import TYPE_CHECKING

from bulletin.errors import BulletinError

if TYPE_CHECKING:  # pragma: no cover
    import jieba


def cache_dir() -> str:
    """``$XDG_CACHE_HOME/bulletin`` or ``~/.cache/bulletin``, made private (0700) on first use."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "bulletin")
    os.makedirs(folder, mode=0o700, exist_ok=True)
    return folder


@functools.cache
def tokenizer(user_dict: str | None = None) -> jieba.Tokenizer:
    """A ready jieba tokenizer (dictionary loaded), with ``user_dict`` (a jieba user dictionary file:
    ``word [freq] [tag]`` a line) added. Built once per process and user dictionary."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    try:
        tk.tmp_dir = cache_dir()
    except OSError:  # no writable home: a private throw-away folder, never jieba's shared /tmp name
        import tempfile

        tk.tmp_dir = tempfile.mkdtemp(prefix="bulletin-jieba-")
    tk.initialize()
    if user_dict is not None:
        try:
            tk.load_userdict(user_dict)
        except OSError as err:
            raise BulletinError(f"{user_dict}: {err.strerror or err}") from None
        except (UnicodeDecodeError, ValueError) as err:
            raise BulletinError(f"{user_dict}: not a jieba user dictionary ({err})") from None
    return tk


def cut(text: str, user_dict: str | None = None) -> list[str]:
    """jieba's precise-mode words of ``text``, spaces and punctuation left out."""
    return [w for w in tokenizer(user_dict).lcut(text) if _is_word(w)]


def _is_word(token: str) -> bool:
    return any(c.isalnum() for c in token)
