"""The ``letter-spacing`` rule: a run of Han characters set one space apart is closed up.

PDF pages set a dateline or a headline letter-spaced for emphasis (``本 报 讯``, ``中 国 海 油 党 组
召 开``), and ``pdftotext`` gives each gap as a space; a justified line comes out the same way. Such a
run is one word or one line of text, not words a headline parts by spaces (``春光正好 农事正忙``
keeps its space: its pieces are longer than one character).

A run is closed up only where the spacing is one space per character: at least ``RUN_MIN``
single Han characters, each gap exactly one space (or one ideographic space), the run bounded by
neither Han nor a letter or digit. A sentence with a few spaces around digits or Latin
(``全年完成 6000 万吨``) has no such run and is the ``spacing`` rule's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bulletin.chars import HAN
from bulletin.lazyre import lazy
from bulletin.patterns import BYLINE_ROLES

if TYPE_CHECKING:
    from bulletin.cleanconfig import CleanConfig

RUN_MIN = 3
"""Characters a letter-spaced run has at least: two single characters a space apart are as often a
two-character name padded to line up in a signature (``王 明``) or two one-character words."""

_WORD = rf"{HAN}0-9A-Za-z"
LETTER_SPACED_RE = lazy(
    rf"(?<![{_WORD}])(?<![{HAN}][ \u3000])[{HAN}](?:[ \u3000][{HAN}]){{{RUN_MIN - 1},}}(?![{_WORD}])"
)
"""A run of single Han characters one space apart, not part of a longer word on either side, and
not after a word one space before it (``翼川 县 召 开``, ``产 量 稳 定``: there the spacing is not one
per character, and the ``spacing`` rule decides)."""

_GAP_RE = re.compile(r"[ \u3000]")
_ROLE_BEFORE_RE = lazy(rf"(?:{'|'.join(sorted(BYLINE_ROLES, key=len, reverse=True))})[ \u3000]*$")
"""A run after a byline role is the names of a signature (``记者 王 明 李 华``: two names of two
characters, one space between each): left for the ``spacing`` rule, which knows signatures."""


def letter_spacing(text: str, config: CleanConfig) -> tuple[str, int]:
    """``本 报 讯`` -> ``本报讯``: runs of single Han characters one space apart closed up."""
    if " " not in text and "\u3000" not in text:
        return text, 0
    changes = 0

    def close(m: re.Match[str]) -> str:
        nonlocal changes
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _ROLE_BEFORE_RE.search(text, line_start, m.start()):
            return m.group()
        changes += 1
        return _GAP_RE.sub("", m.group())

    return LETTER_SPACED_RE.sub(close, text), changes
