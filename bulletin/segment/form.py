"""What a line looks like: the form tests the passes share (a headline line, the end of a paragraph,
an attribution, two headline lines that wrap one text)."""

from __future__ import annotations

from bulletin import patterns
from bulletin.lazyre import lazy
from bulletin.model import Block
from bulletin.reflow import INDENT_CHARS, ended_at, ends_sentence
from bulletin.segment import model
from bulletin.segment.thresholds import THRESHOLDS

SPACES = INDENT_CHARS


RAW_PUNCT = frozenset('，。；：、！？,.;:!?“”"《》')
"""Punctuation (of either width, before clean) that a headline line glued to a paragraph lacks."""


HEADLINE_STOPS = frozenset("。；")
"""Punctuation a headline never has inside (it may have ：、 and one ，)."""


OPEN_ENDS = "，、：；"
"""Punctuation no headline line ends with: the sentence goes on (女士们，先生们， / 同志们，朋友们：)."""


PAIRS = ("“”", "《》", "（）", "「」", "‘’")


APOSTROPHE_YEAR = lazy(r"[\u2019'](?=[0-9])")


def looks_like_heading(text: str) -> bool:
    """Short, no full stop inside, brackets and quotes closed: a kicker, title or subtitle line."""
    return not_heading(text) is None


def not_heading(text: str) -> str | None:
    """The form rule that says ``text`` is no headline line (``empty``, ``long``, ``stop-inside``,
    ``ends-sentence``, ``commas``, ``colons``, ``open-end``, ``aside``, ``unclosed``); None when it
    looks like one."""
    t = text.strip(SPACES)
    if not t:
        return "empty"
    if len(t) > THRESHOLDS.headline_max:
        return "long"
    if any(ch in HEADLINE_STOPS for ch in t):
        return "stop-inside"
    if ends_sentence(t) and not (t[-1] in "！？" and len(t) <= THRESHOLDS.bang_headline_max):
        return "ends-sentence"
    if t.count("，") > THRESHOLDS.headline_commas_max:
        return "commas"
    if t.count("：") > THRESHOLDS.headline_colons_max:
        return "colons"
    if t[-1] in OPEN_ENDS:
        return "open-end"
    if (
        len(t) >= THRESHOLDS.aside_min
        and t[0] in "（("
        and t[-1] in ")）"
        and t.count("（") + t.count("(") == 1
    ):
        return "aside"  # an aside under a paragraph: （本报加拉加斯电）, not a headline like …（上）
    t = APOSTROPHE_YEAR.sub("", t)  # the ’ of ’97 closes no quote
    return None if all(t.count(pair[0]) == t.count(pair[1]) for pair in PAIRS) else "unclosed"


def headline_over_byline(text: str) -> bool:
    """A line that a byline follows is a headline, commas and all, if it is short and ends no
    sentence and has no full stop inside."""
    if not text or len(text) > THRESHOLDS.headline_max or any(ch in HEADLINE_STOPS for ch in text):
        return False
    return not ends_sentence(text) and text[-1] not in OPEN_ENDS and patterns.dateline_end(text) is None


def is_attribution(text: str) -> bool:
    """A source or author line under a paragraph: a dash and a name with a bracket, or one bracket."""
    if text.startswith(patterns.SUBTITLE_OPENERS) and text.endswith(("）", ")")):
        return True
    return len(text) >= THRESHOLDS.attribution_min and text[0] in "（(" and text[-1] in ")）"


def ends_paragraph(text: str) -> bool:
    t = text.strip(SPACES)
    return not t or ended_at(t) or is_attribution(t)


def set_apart(prev: Block, b: Block, nxt: Block) -> bool:
    """``b`` has a blank line above it and below it, between ``prev`` and ``nxt``."""
    return b.first > prev.last + 1 and nxt.first > b.last + 1


def lines_wrap(a: Block, b: Block) -> bool:
    """``b`` is the rest of headline line ``a`` cut at the headline's width (not a phrase of its own)."""
    return model.wraps(a.text.strip(SPACES), b.text.strip(SPACES))
