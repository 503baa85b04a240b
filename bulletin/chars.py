"""What a character is: the one place that says what is Han, Chinese punctuation, a sentence's end
and how wide a character is set. Every other module imports its classes from here.

Each class is defined once, as Unicode blocks named after their blocks (as pangu.py does), and
made into the forms its users need:

- a regex character-class fragment (``HAN``), for patterns that look at characters in context:
  ``f"[{HAN}]{{1,8}}记者"``;
- a flag table indexed by code point (``is_han(c)``, ``is_han_like(c)``, ``is_cjk(c)``): one
  character asked about in a loop costs an index, not a regex match;
- strings and frozensets of marks (``SENTENCE_ENDS``...), for ``in`` and ``str.rstrip``.

The astral ideographs come first in every class fragment: ``re`` compiles a class whose last item
runs past the BMP some ten times slower (17 ms against 1.5 ms for ``[{HAN}]``), and a command
compiles a few dozen such classes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from bulletin.lazyre import lazy

Block = tuple[int, int]
"""First and last code point of a Unicode block (or of the part of it meant)."""

# --- Unicode blocks -------------------------------------------------------------------------------

CJK_UNIFIED_IDEOGRAPHS: Block = (0x4E00, 0x9FFF)
CJK_EXTENSION_A: Block = (0x3400, 0x4DBF)
CJK_COMPATIBILITY_IDEOGRAPHS: Block = (0xF900, 0xFAFF)
CJK_SUPPLEMENTARY_PLANES: Block = (0x20000, 0x3FFFF)
"""Planes 2 and 3 hold only ideographs: Extensions B-I and the Compatibility Ideographs Supplement."""
CJK_COMPATIBILITY_IDEOGRAPHS_SUPPLEMENT: Block = (0x2F800, 0x2FA1F)
IDEOGRAPHIC_NUMBER_ZERO: Block = (0x3007, 0x3007)  # 〇 as in 二〇二四年
CJK_RADICALS_SUPPLEMENT: Block = (0x2E80, 0x2EFF)
KANGXI_RADICALS: Block = (0x2F00, 0x2FDF)
CJK_STROKES: Block = (0x31C0, 0x31EF)


def fragment(*blocks: Block) -> str:
    """The blocks as a regex character-class fragment (``a-z`` style ranges, no brackets)."""
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in blocks)


IDEOGRAPH_BLOCKS = (
    CJK_SUPPLEMENTARY_PLANES,
    CJK_EXTENSION_A,
    CJK_UNIFIED_IDEOGRAPHS,
    CJK_COMPATIBILITY_IDEOGRAPHS,
)
HAN_BLOCKS = (*IDEOGRAPH_BLOCKS, IDEOGRAPHIC_NUMBER_ZERO)
"""What counts as a Han (Chinese) character: the ideographs and 〇."""
LOOKALIKE_BLOCKS = (CJK_RADICALS_SUPPLEMENT, KANGXI_RADICALS, CJK_STROKES)
"""The radicals and strokes PDF fonts put in the place of Han characters (⻓ for 长)."""

IDEOGRAPHS = fragment(*IDEOGRAPH_BLOCKS)
"""The ideographs without 〇 (what OpenCC converts)."""
HAN = fragment(*HAN_BLOCKS)
RADICALS = fragment(*LOOKALIKE_BLOCKS)
HAN_LIKE = HAN + RADICALS
"""Han plus the radicals PDF fonts put in its place: context rules read ⻓ as 长 even without lookalikes."""

CJK_PUNCTUATION = (
    "\u3001-\u3003"  # 、。〃
    "\u3008-\u3011"  # 〈〉《》「」『』【】
    "\u3014-\u301f"  # 〔〕〖〗〘〙〚〛〜〝〞〟
    "\u30fb"  # ・ katakana middle dot
    "\ufe10-\ufe19"  # vertical forms
    "\ufe30-\ufe4f"  # CJK compatibility forms (︵ ﹏ ...)
    "\uff01-\uff0f"  # ！＂＃＄％＆＇（）＊＋，－．／
    "\uff1a-\uff20"  # ：；＜＝＞？＠
    "\uff3b-\uff40"  # ［＼］＾＿｀
    "\uff5b-\uff65"  # ｛｜｝～ and the half-width CJK punctuation ｡｢｣､･
    "\u2018\u2019\u201c\u201d"  # ‘’“” the quotes GB/T 15834 prescribes
    "\u2014\u2026\u22ef\u2e3a\u2e3b"  # — … ⋯ ⸺ ⸻ dashes and ellipses as Chinese text sets them
)
"""Punctuation that marks the text around it as Chinese (GB/T 15834 marks and full-width forms)."""

AMBIGUOUS_QUOTES = "\u2018\u2019\u201c\u201d"
"""‘’“” are Chinese punctuation next to Chinese, but English typography next to Latin words."""

# --- sentences ------------------------------------------------------------------------------------

FULL_STOPS = "\u3002\uff01\uff1f"
"""。！？: the marks that end a sentence and nothing else."""
SENTENCE_ENDS = FULL_STOPS + "\u2026"
"""。！？…: a line ending in one of these (then perhaps ``CLOSING_MARKS``) ends a sentence."""
SENTENCE_PUNCTUATION = "\uff0c\u3002\uff1b\uff1a\u3001\uff01\uff1f"
"""，。；：、！？: body text has these; a line without any is a headline, byline or section marker,
whose spaces between words are meant (spacing), and which is a paragraph of its own (reflow)."""
CLOSING_MARKS = "\u201d\u2019\u300d\u300f\uff09)\u300b"
"""”’」』）)》: closing quotes and brackets, which may follow a sentence end (……发展。”)."""
QUOTE_MARKS = "“”‘’「」『』"
"""Quotes of either side: a repair may turn one after the stop, so both may follow a sentence end."""

_CLOSERS = "".join(sorted(frozenset(CLOSING_MARKS + QUOTE_MARKS)))
"""What may follow a sentence's end mark (one rstrip: a line of 10,000 of them is no quadratic loop)."""
TRAILING_ASIDE = re.compile(r"(?<=[。！？…”])[（(][^（()）]{1,30}[)）]$")
"""An attribution in brackets after the full stop (……积极意义。（章文）)."""


def ends_sentence(text: str) -> bool:
    """Ends with 。！？… , possibly followed by closing quotes or brackets, or by an attribution
    in brackets after the full stop (……积极意义。（章文）)."""
    t = text.rstrip()
    if t.endswith((")", "）")):  # (the aside's regex only where a bracket ends the line)
        m = TRAILING_ASIDE.search(t)
        if m:
            t = t[: m.start()]
    t = t.rstrip(_CLOSERS)
    return bool(t) and t[-1] in SENTENCE_ENDS


SHORT_LINE = 24
"""Characters of a short line: a line no longer than this may be a headline (放小：让企业轻装前进)
or a name over a byline, where a longer one is a sentence's."""

# --- one character at a time ------------------------------------------------------------------------

_HAN, _HAN_LIKE, _PUNCT = 1, 2, 4
_LIMIT = CJK_SUPPLEMENTARY_PLANES[1] + 1


def class_of(characters: str) -> str:
    """A regex class fragment that holds exactly ``characters``, runs of consecutive code points
    as ranges: ``re`` parses a class item by item in Python, so 3,264 characters as 1,524 ranges
    compile ten times faster than as literals."""
    points = sorted(set(map(ord, characters)))
    out: list[str] = []
    i = 0
    while i < len(points):
        j = i
        while j + 1 < len(points) and points[j + 1] == points[j] + 1:
            j += 1
        a, b = re.escape(chr(points[i])), re.escape(chr(points[j]))
        out.append(a if i == j else f"{a}{b}" if j == i + 1 else f"{a}-{b}")
        i = j + 1
    return "".join(out)


def ranges(fragment: str) -> list[Block]:
    """The blocks of a regex class fragment (``fragment``'s inverse)."""
    out: list[Block] = []
    i = 0
    while i < len(fragment):
        if fragment[i + 1 : i + 2] == "-" and i + 2 < len(fragment):
            out.append((ord(fragment[i]), ord(fragment[i + 2])))
            i += 3
        else:
            out.append((ord(fragment[i]), ord(fragment[i])))
            i += 1
    return out


def _flags() -> bytes:
    """One byte of flags per code point up to the last ideograph (bytes.translate ORs a flag into
    a block at C speed: the planes are 131,072 code points)."""
    table = bytearray(_LIMIT)
    for flag, blocks in (
        (_HAN, HAN_BLOCKS),
        (_HAN_LIKE, HAN_BLOCKS + LOOKALIKE_BLOCKS),
        (_PUNCT, tuple(ranges(CJK_PUNCTUATION))),
    ):
        with_flag = bytes(x | flag for x in range(256))
        for a, b in blocks:
            table[a : b + 1] = table[a : b + 1].translate(with_flag)
    return bytes(table)


@cache
def _table() -> bytes:
    return _flags()


def is_han(c: str) -> bool:
    """``c`` (one character, or "") is a Han character."""
    return bool(c) and ord(c) < _LIMIT and bool(_table()[ord(c)] & _HAN)


def is_han_like(c: str) -> bool:
    """``c`` is a Han character or a radical in its place (see ``HAN_LIKE``)."""
    return bool(c) and ord(c) < _LIMIT and bool(_table()[ord(c)] & _HAN_LIKE)


def is_cjk(c: str) -> bool:
    """``c`` is a Han character (or radical) or Chinese punctuation: the text around it is Chinese."""
    return bool(c) and ord(c) < _LIMIT and bool(_table()[ord(c)] & (_HAN_LIKE | _PUNCT))


def is_cjk_punctuation(c: str) -> bool:
    """``c`` is Chinese punctuation (``CJK_PUNCTUATION``)."""
    return bool(c) and ord(c) < _LIMIT and bool(_table()[ord(c)] & _PUNCT)


_UNIFIED_FIRST, _UNIFIED_LAST = map(chr, CJK_UNIFIED_IDEOGRAPHS)


def is_unified(c: str) -> bool:
    """``c`` is in the CJK Unified Ideographs block (the common Han characters' block)."""
    return _UNIFIED_FIRST <= c <= _UNIFIED_LAST


# --- width ------------------------------------------------------------------------------------------


@cache
def char_width(ch: str) -> int:
    """Display columns: 2 for Chinese characters and the punctuation set full-width in Chinese type."""
    return 2 if unicodedata.east_asian_width(ch) in "WFA" else 1


WIDE = (
    fragment(CJK_UNIFIED_IDEOGRAPHS, CJK_EXTENSION_A, CJK_COMPATIBILITY_IDEOGRAPHS)
    + "\u3000-\u303e"  # CJK symbols and punctuation: 　、。〈〉《》「」『』【】〔〕〇
    + "\u3041-\u3096\u30a1-\u30fa"  # hiragana, katakana
    + "\uff01-\uff60\uffe0-\uffe6"  # full-width forms: ，：；！？（）０-９Ａ-Ｚ ￥
    + AMBIGUOUS_QUOTES
    + "\u2014\u2026\u00b7"  # — … · (ambiguous width, full-width in Chinese type)
)
"""Characters ``char_width`` gives two columns (east_asian_width W, F or A; tests/test_reflow.py
checks every one): a line of these and ASCII is measured at C speed."""

_NOT_WIDE_OR_ASCII = lazy(f"[^\x00-\x7f{WIDE}]")  # (a class of the Han blocks: compiled when first used)


def display_width(text: str) -> int:
    """``sum(map(char_width, text))``; at C speed when every character is ASCII or in WIDE."""
    if _NOT_WIDE_OR_ASCII.search(text) is None:
        return 2 * len(text) - len(text.encode("ascii", "ignore"))
    return sum(map(char_width, text))
