"""jieba, loaded only when words are asked for, quietly, fast, with its cache in the user's own folder.

jieba logs to stderr as it builds its prefix dictionary, caches it under a fixed name in the shared
/tmp (where another user could plant or lock the file) and unmarshals all of it, ~0.4 s, before the
first cut. Here the tokenizer is a :class:`~bulletin.prefixdict.PagedTokenizer`: the same words as
jieba's, from a cache in ``$XDG_CACHE_HOME/bulletin`` (or ``~/.cache/bulletin``, a folder only the
user can open) that it reads a character pair at a time. ``count`` and ``summarize`` share one
tokenizer per process and user dictionary.

A long text without a user dictionary is cut by ``rjieba`` (jieba-rs, the same dictionary and the
same algorithm in Rust, about 20x faster) when it is installed (``pip install bulletin[fast]``): an
optional accelerator, never a dependency. Its tokens are jieba's, token for token (tests/test_words.py
holds it on the samples and on random text). ``jieba_fast`` was tried and left out: it cuts ``-_``
in two where jieba keeps one token.
"""

from __future__ import annotations

import functools
import importlib
import logging
from collections.abc import Callable
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


ACCELERATOR = "rjieba"
"""The optional accelerator's module (the ``fast`` extra): ``cut(text, hmm=True)`` -> jieba's tokens."""

ACCELERATE_FROM = 10_000
"""Characters from which the accelerator cuts a text: importing it loads its whole dictionary
(~0.12 s) where our paged one pages in only what a page needs (~0.07 s), and our tokenizer costs
~7 µs a character more than it; below this a page is cut faster without it (start-up unchanged)."""


def cutter(user_dict: str | None = None, size: int = 0) -> Callable[[str], list[str]]:
    """The function giving jieba's precise-mode tokens (punctuation and spaces included) for texts
    of about ``size`` characters in all: the accelerator for a long text with no user dictionary
    when it is installed, else jieba's own tokenizer with ``user_dict``."""
    if user_dict is None and size >= ACCELERATE_FROM and (fast := accelerator()) is not None:
        return fast
    return tokenizer(user_dict).lcut


@functools.cache
def accelerator() -> Callable[[str], list[str]] | None:
    """The accelerator's cut, or None when it is not installed."""
    try:
        module = importlib.import_module(ACCELERATOR)
    except ImportError:
        return None
    return module.cut


def cut(text: str, user_dict: str | None = None) -> list[str]:
    """jieba's precise-mode words of ``text``, spaces and punctuation left out."""
    return words_of(cutter(user_dict, len(text))(text))


def words_of(tokens: list[str]) -> list[str]:
    """The tokens that are words: punctuation and spaces left out."""
    return [w for w in tokens if _is_word(w)]


def _is_word(token: str) -> bool:
    return any(c.isalnum() for c in token)
