"""jieba's prefix dictionary paged in by character pairs: the same words as jieba, a fraction of the start-up.

jieba spends ~0.4 s unmarshalling its whole prefix dictionary (``FREQ``: 500k words and prefixes)
before it cuts the first sentence. It only ever reads ``FREQ`` at fragments of the text it cuts:
its DAG looks up ``sentence[k:i]``, the route and the HMM fallback call ``FREQ.get`` on pieces of the
sentence, and ``add_word``/``suggest_freq`` on the word given. A fragment of two or more characters
starts with a pair of adjacent characters of that text, so a text needs only the one-character
entries of its characters and the entries that start with its character pairs: ~9k entries for a
page instead of 500k. ``total`` (the sum of all frequencies) is stored with them.

The cache file, built once from jieba's own ``gen_pfdict`` (so ``FREQ`` is jieba's, entry for
entry): a header (format, jieba version, the dictionary's size, mtime and SHA-256, ``total``, the
first characters with their frequencies and where each one's region starts), then a region per first
character: a sub-index (its second characters, and where each pair's entries are), then one marshal
blob per pair. Loading reads the header; each pair costs a ``str.find`` and one small ``marshal.loads``.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import marshal
import mmap
import os
import re
import sys
from array import array
from types import ModuleType
from typing import TYPE_CHECKING

from bulletin.cachedir import write_private


def import_jieba() -> ModuleType:
    """``import jieba`` without ``pkg_resources``: jieba's ``_compat`` imports it only to find its own
    data files and falls back to a plain ``open`` when it is missing; importing it costs ~50 ms and,
    with recent setuptools, prints a deprecation warning. It is hidden only while jieba loads."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    hide = "pkg_resources" not in sys.modules
    if hide:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes the import fail
    try:
        import jieba
    finally:
        if hide and sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    return jieba


if TYPE_CHECKING:  # jieba's names are Any to mypy (no stubs); at run time the import above
    import jieba
else:
    jieba = import_jieba()

FORMAT = 1
"""Bumped whenever the layout below changes: an older file is then rebuilt."""

MAGIC = b"bulletin jieba prefix dictionary\n"
OFFSET = "Q"  # array typecode of offsets (8 bytes)


def dictionary_path() -> str:
    """jieba's default dictionary, ``dict.txt`` in its package folder."""
    return os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME)


def cache_name() -> str:
    return f"jieba-{jieba.__version__}.prefix-v{FORMAT}.bin"


def _sha256(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def build(path: str | None = None) -> bytes:
    """The cache file's bytes for jieba's dictionary at ``path`` (default: its own)."""
    path = path or dictionary_path()
    with open(path, "rb") as f:
        freq, total = jieba.Tokenizer.gen_pfdict(f)
    singles: dict[str, int] = {}
    pairs: dict[str, dict[str, dict[str, int]]] = {}
    for word, n in freq.items():
        if len(word) == 1:
            singles[word] = n
        else:
            pairs.setdefault(word[0], {}).setdefault(word[1], {})[word] = n
    chars = "".join(sorted(singles))
    body = io.BytesIO()
    regions, blobs_at = array(OFFSET), array(OFFSET)
    for ch in chars:
        seconds = "".join(sorted(pairs.get(ch, {})))
        blobs = [marshal.dumps(pairs[ch][second]) for second in seconds]
        bounds = array(OFFSET, [0])
        for blob in blobs:
            bounds.append(bounds[-1] + len(blob))
        regions.append(body.tell())
        body.write(marshal.dumps((seconds, bounds.tobytes())))
        blobs_at.append(body.tell())
        body.write(b"".join(blobs))
    regions.append(body.tell())
    stat = os.stat(path)
    header = marshal.dumps(
        {
            "format": FORMAT,
            "jieba": jieba.__version__,
            "size": stat.st_size,
            "mtime_ns": stat.st_mtime_ns,
            "sha256": _sha256(path),
            "total": total,
            "chars": chars,
            "freqs": [singles[ch] for ch in chars],
            "regions": regions.tobytes(),
            "blobs_at": blobs_at.tobytes(),
        }
    )
    return MAGIC + len(header).to_bytes(8, "little") + header + body.getvalue()


class PrefixIndex:
    """The cache file read lazily: ``entries(text)`` gives the ``FREQ`` entries a text can look up."""

    def __init__(self, data: bytes | mmap.mmap):
        if data[: len(MAGIC)] != MAGIC:
            raise ValueError("not a prefix dictionary cache")
        start = len(MAGIC) + 8
        size = int.from_bytes(data[len(MAGIC) : start], "little")
        header = marshal.loads(data[start : start + size])
        self.data, self.base = data, start + size
        self.header = header
        self.total: int = header["total"]
        chars: str = header["chars"]
        self.position = {ch: i for i, ch in enumerate(chars)}
        self.freqs: list[int] = header["freqs"]
        self.regions = array(OFFSET, header["regions"])
        self.blobs_at = array(OFFSET, header["blobs_at"])
        self._subindex: dict[int, tuple[str, array]] = {}

    def char(self, ch: str) -> int | None:
        """The frequency of ``ch`` as a word (0: only a prefix); None if no word starts with it."""
        i = self.position.get(ch)
        return None if i is None else self.freqs[i]

    def pair(self, pair: str) -> dict[str, int]:
        """Every entry (word or prefix) that starts with the two characters ``pair``."""
        i = self.position.get(pair[0])
        if i is None:
            return {}
        if i not in self._subindex:
            a, b = self.base + self.regions[i], self.base + self.blobs_at[i]
            seconds, bounds = marshal.loads(self.data[a:b])
            self._subindex[i] = (seconds, array(OFFSET, bounds))
        seconds, bounds = self._subindex[i]
        j = seconds.find(pair[1])
        if j < 0:
            return {}
        blobs = self.base + self.blobs_at[i]
        return marshal.loads(self.data[blobs + bounds[j] : blobs + bounds[j + 1]])

    def is_current(self, path: str) -> bool:
        """Built by this format and jieba version from the dictionary at ``path`` as it is now."""
        h = self.header
        if h.get("format") != FORMAT or h.get("jieba") != jieba.__version__:
            return False
        stat = os.stat(path)
        if (h.get("size"), h.get("mtime_ns")) == (stat.st_size, stat.st_mtime_ns):
            return True
        return h.get("size") == stat.st_size and h.get("sha256") == _sha256(path)


def load_index(folder: str | None, path: str | None = None) -> PrefixIndex:
    """The index of jieba's dictionary at ``path`` (default: its own) cached in ``folder``, built (and
    written atomically) if missing, stale or damaged. Without a folder, or when it cannot be written,
    the index is built in memory for this process."""
    path = path or dictionary_path()
    target = os.path.join(folder, cache_name()) if folder else None
    if target is not None:
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError, KeyError):
            with open(target, "rb") as f:
                index = PrefixIndex(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ))
            if index.is_current(path):
                return index
    data = build(path)
    if target is not None:
        with contextlib.suppress(OSError):
            write_private(target, data, prefix=".jieba-")
    return PrefixIndex(data)


class PagedTokenizer(jieba.Tokenizer):
    """A ``jieba.Tokenizer`` whose ``FREQ`` holds only what the texts cut so far can look up.

    Every path that reads ``FREQ`` goes through ``get_DAG`` (``cut``, ``cut_for_search``, ``tokenize``,
    posseg), ``add_word`` or ``suggest_freq``; each first pages in the entries its text can reach, so
    the tokens are jieba's own. Words a user dictionary adds page in their entries first, as jieba's
    whole dictionary would already be there, and are never overwritten by a later page.
    """

    def __init__(self, index: PrefixIndex):
        super().__init__()
        self.index = index
        self.FREQ: dict[str, int] = {}
        self.total = index.total
        self.initialized = True
        self._chars: set[str] = set()
        self._pairs: set[str] = set()

    def initialize(self, dictionary=None):
        if dictionary:
            raise ValueError("PagedTokenizer serves jieba's default dictionary only")
        self.initialized = True

    def page_in(self, text: str) -> None:
        """Add to ``FREQ`` the entries ``text``'s fragments can look up, those not there yet."""
        for ch in set(text) - self._chars:
            self._chars.add(ch)
            n = self.index.char(ch)
            if n is not None:
                self.FREQ[ch] = n
        for pair in {text[i : i + 2] for i in range(len(text) - 1)} - self._pairs:
            self._pairs.add(pair)
            self.FREQ.update(self.index.pair(pair))

    def cut(self, sentence, cut_all=False, HMM=True, use_paddle=False):  # noqa: N803 (jieba's names)
        """jieba's ``cut``, a run of the characters it cuts as one block (Han, letters, digits and
        ``+#&._%-``) longer than ``LONGEST_BLOCK`` first cut in pieces of that length: jieba builds
        a graph over each block, ~350 bytes a character, and a megabyte of dots (no real text has a
        run of 20,000 such characters) took 370 MB. Elsewhere the words are jieba's, one for one."""
        sentence = jieba.strdecode(sentence)
        for piece in _pieces(sentence):
            yield from super().cut(piece, cut_all, HMM, use_paddle)

    def get_DAG(self, sentence):  # noqa: N802 (jieba's name)
        self.page_in(sentence)
        return super().get_DAG(sentence)

    def add_word(self, word, freq=None, tag=None):
        self.page_in(jieba.strdecode(word))
        return super().add_word(word, freq, tag)

    def suggest_freq(self, segment, tune=False):
        self.page_in(segment if isinstance(segment, str) else "".join(segment))
        return super().suggest_freq(segment, tune)


LONGEST_BLOCK = 20_000
_LONG_BLOCK = re.compile(
    jieba.re_han_default.pattern.removeprefix("(").removesuffix("+)") + f"{{{LONGEST_BLOCK + 1},}}"
)


def _pieces(text: str) -> list[str]:
    """``text`` cut every ``LONGEST_BLOCK`` characters inside runs longer than that (whole if none)."""
    cuts = [0]
    for run in _LONG_BLOCK.finditer(text):
        cuts.extend(range(run.start() + LONGEST_BLOCK, run.end(), LONGEST_BLOCK))
    cuts.append(len(text))
    return [text[a:b] for a, b in zip(cuts, cuts[1:])]
