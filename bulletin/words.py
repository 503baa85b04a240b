"""jieba, loaded only when words are asked for, quietly, fast, with its cache in the user's own folder.

jieba logs to stderr as it builds its prefix dictionary, caches it under a fixed name in the shared
/tmp (where another user could plant or lock the file) and unmarshals all of it, ~0.4 s, before the
first cut. Here the tokenizer is a :class:`~bulletin.prefixdict.PagedTokenizer`: the same words as
jieba's, from a cache in ``$XDG_CACHE_HOME/bulletin`` (or ``~/.cache/bulletin``, a folder only the
user can open) that it reads a character pair at a time. ``count`` and ``summarize`` share one
tokenizer per process and user dictionary.
"""

from __future__ import annotations

import functools
import logging
from typing import TYPE_CHECKING

from bulletin.cachedir import private_cache_dir
from bulletin.errors import BulletinError

if TYPE_CHECKING:  # pragma: no cover
    import jieba


@functools.cache
def tokenizer(user_dict: str | None = None) -> jieba.Tokenizer:
    """A ready jieba tokenizer (dictionary loaded), with ``user_dict`` (a jieba user dictionary file:
    ``word [freq] [tag]`` a line) added. Built once per process and user dictionary."""
    from bulletin.prefixdict import PagedTokenizer, import_jieba

    import_jieba().setLogLevel(logging.WARNING)
    tk = PagedTokenizer(_index())
    if user_dict is not None:
        try:
            tk.load_userdict(user_dict)
        except OSError as err:
            raise BulletinError(f"{user_dict}: {err.strerror or err}") from None
        except (UnicodeDecodeError, ValueError) as err:
            raise BulletinError(f"{user_dict}: not a jieba user dictionary ({err})") from None
    return tk


@functools.cache
def _index():
    """The paged prefix dictionary, one per process: from the cache folder, else built in memory
    (no writable home, or a folder someone else could write in; never jieba's shared /tmp name)."""
    from bulletin.prefixdict import load_index

    return load_index(private_cache_dir())


def cut(text: str, user_dict: str | None = None) -> list[str]:
    """jieba's precise-mode words of ``text``, spaces and punctuation left out."""
    return [w for w in tokenizer(user_dict).lcut(text) if _is_word(w)]


def _is_word(token: str) -> bool:
    return any(c.isalnum() for c in token)
