"""One line of a page and what the join decisions ask of it: ``Line`` (an input line with its
widths), ``LineFacts`` (its cues, punctuation and sentence end, found once), and the line tests that
reflow, split and clean share (``is_body``, ``stands_alone``, ``unclosed``...).

What a character is (Han, a sentence's end, a width) is ``chars``'s; the cue tables are
``patterns``'s. This module asks them about whole lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from bulletin import chars, furniture, patterns
from bulletin.chars import SHORT_LINE, display_width, ends_sentence

INDENT_CHARS = " \u3000\t"

SENTENCE_PUNCT = frozenset(chars.SENTENCE_PUNCTUATION)
"""Body text has these; headlines, bylines and section markers almost never do."""

CONTINUES = frozenset("，、“‘「『（《—")
"""A line ending in one of these cannot end a paragraph."""

OPENERS = frozenset("“‘「『《（")

UNCLOSED_REACH = 60

PAIRED_MARKS = (("《", "》"), ("（", "）"))
"""Marks that close on the same paragraph (not quotes: a quotation over several paragraphs opens
each of them and closes only the last)."""
_OPENING_MARK = re.compile("[" + "".join(a for a, _ in PAIRED_MARKS) + "]")

LEADING_TOKEN = re.compile(r"[0-9A-Za-z][0-9A-Za-z.,:%/]*")
"""A number or Latin word at the start of a line: typesetting never splits one."""

SOFT_ENDS = frozenset("：；")
"""A short line ending in one of these ends its paragraph (主要有以下几点： / 一是……); a full one goes on."""
TAIL_MAX = 3
"""A line this short that ends in punctuation is the end of the line above it, whatever that one
looks like (运动 / 队；)."""
VERSE_ENDS = frozenset("，。！？；")
VERSE_MAX = 16
VERSE_FULL_MAX = 9
"""Lines of verse or slogans (春风吹绿汾河岸， / 万亩良田披新装。): short, as long as each other, each
ending in one of VERSE_ENDS; each is a line as printed, never joined to the next. Where they are as
wide as the page's lines (verse alone), only seven-character lines and shorter (VERSE_FULL_MAX with
the mark): a column of prose is wider, and ends lines on marks as often as not."""
LATIN_RUN = re.compile(r"[0-9A-Za-z%.](?<=[^\x00-\x7f].)[0-9A-Za-z%.]*(?=[^\x00-\x7f])")
"""A run of digits or Latin letters between two other characters than ASCII: (?<=[^ASCII])[0-9A-Za-z%.]+
(?=[^ASCII]), written to open with its first character (re finds it at C speed, where a pattern that
opens with a look-behind is tried at every character of the line)."""


def latin_gaps(text: str) -> int:
    """Columns of space a justified line gives a run of digits or Latin letters set among Chinese
    characters: the extractor's stray spaces (1997 年 3 月) were room on the page, and without
    them a full line of figures looks short."""
    if text.isascii():
        return 0
    return len(LATIN_RUN.findall(text))


@dataclass(slots=True)
class Line:
    """One non-blank input line (not frozen, as ``LineFacts``: a page makes one per line; a
    changed line is a new one, made by ``dataclasses.replace``)."""

    text: str  # without leading and trailing whitespace
    indent: int  # display columns of leading whitespace
    blanks: int  # blank lines before it
    lead: int = 0  # columns of a dateline put in front of it from the line above (not on its line)
    first: int = 0  # 0-based input line it comes from (for a merged line, the first one)
    last: int = 0  # and the last one
    width: int = field(init=False)  # the width the line had on the page
    columns: int = field(init=False)  # the display width of its text

    def __post_init__(self) -> None:
        text = self.text
        self.columns = columns = display_width(text)
        if columns == 2 * len(text):  # every character wide (half the lines): no ASCII, no gap
            self.width = columns - self.lead
        else:
            self.width = columns + latin_gaps(text) - self.lead

    def extended(self, *more: Line) -> Line:
        """This line with ``more`` put on its end (pieces of one line on the page), all at once: the
        width is measured once, not once per piece (a page of lone ， would take quadratic time)."""
        return replace(self, text=self.text + "".join(m.text for m in more), last=more[-1].last)


_SENTENCE_PUNCT_RE = re.compile(f"[{chars.SENTENCE_PUNCTUATION}]")


def has_sentence_punct(text: str) -> bool:
    """Any of SENTENCE_PUNCT in ``text`` (a regex search: no string made per character)."""
    return _SENTENCE_PUNCT_RE.search(text) is not None


def is_body(text: str) -> bool:
    """A paragraph of running text: it has sentence punctuation and is no cue line (credit ...)."""
    return has_sentence_punct(text) and not stands_alone(text.strip())


def stands_alone(text: str) -> bool:
    """Cue lines on a line of their own: credit, page furniture, section marker, byline, photo byline."""
    return _alone(patterns.cues(text), text)


def _alone(cues: patterns.Cues, text: str) -> bool:
    """``stands_alone`` from the line's cues (``LineFacts`` has them already)."""
    return (
        cues.credit
        or cues.section
        or cues.byline
        or cues.photo_byline
        or ("。" not in text and furniture.is_furniture(text))  # (no furniture row admits a 。)
    )


def starts_block(text: str) -> bool:
    """Cue lines that never continue the line before: those, and a dateline or caption opening."""
    cues = patterns.cues(text)
    return _starts(cues, _alone(cues, text))


def _starts(cues: patterns.Cues, alone: bool) -> bool:
    """``starts_block`` from the line's cues and ``_alone`` (``LineFacts`` has both already)."""
    return cues.dateline_start or cues.caption_start or alone


def ended_at(text: str) -> bool:
    """Ends a sentence, or with ：； (which end a paragraph when the line is short)."""
    return ends_sentence(text) or text[-1] in SOFT_ENDS


def opens_at_end(text: str) -> bool:
    """Ends in a straight quote that opens (after Han or ，：): the quotation goes on below."""
    last = text[-1:]
    if last != '"' and last != "'" and not last.isspace():
        return False  # (most lines end otherwise: no copy made)
    t = text.rstrip()
    if len(t) < 2 or t[-1] not in "\"'":
        return False
    before = t[:-1].rstrip()
    return bool(before) and (before[-1] in "，：" or chars.is_unified(before[-1]))


def unclosed(text: str) -> bool:
    """An opening 《 or （ not closed in the last few dozen characters: the text goes on
    (和《绛县 / 2022年度…》). Only near the end, so a stray mark cannot swallow a page; white space is
    not counted, as the spacing rule may take it out (and clean must decide the same the next time)."""
    if _OPENING_MARK.search(text) is None:
        return False  # (no opening mark at all: a cheap look before the tail is made)
    tail = reach_of(text)
    return any(tail.rfind(a) > tail.rfind(b) for a, b in PAIRED_MARKS)


def reach_of(text: str) -> str:
    """The last ``UNCLOSED_REACH`` characters of ``text`` that are not white space."""
    return "".join(text.split())[-UNCLOSED_REACH:]


def is_titled(text: str) -> bool:
    """Web copy: a short line with no punctuation but a colon or 、 is a headline (放小：让企业轻装前进)."""
    return (
        len(text) <= SHORT_LINE  # (characters, not columns: quote marks change width when they are paired)
        and not any(c in "，。；！？" for c in text)
        and not unclosed(text)
        and text[-1] not in CONTINUES
        and text[-1] not in SOFT_ENDS
    )


def is_aside(text: str) -> bool:
    """A line that is all one bracket: a source or attribution, （本报开罗电）, （新华社发 美联社照片）."""
    return (
        len(text) >= 3
        and text[0] in "（("
        and text[-1] in "）)"
        and not any(c in "（()）" for c in text[1:-1])
    )


@dataclass(slots=True)
class LineFacts:
    """What the join decisions ask of a line's text, answered once, so that a boundary's decision
    reads answers instead of running the cue patterns and scans again. The fields are asked of
    every line (most of them of each line several times); the properties of a few lines only
    (found when asked: a page holds a record per line, and slots keep each small). Not frozen: a
    frozen dataclass sets each field through ``object.__setattr__``, and a page makes a record
    per line."""

    text: str  # the line's text (stripped, not empty)
    ends_sentence: bool  # see ends_sentence
    punct: bool  # has sentence punctuation
    dateline_end: int | None  # where a dateline at its start ends (patterns.dateline_end)
    byline: bool  # patterns.is_byline
    stands_alone: bool  # see stands_alone
    starts_block: bool  # see starts_block
    tight: str  # the text without spaces, as spacing will leave it (clean is idempotent)
    continues: bool  # ends in one of CONTINUES
    soft_end: bool  # ends in ：；
    verse: bool  # short, ending in one of VERSE_ENDS: a verse line, if its neighbours are too

    @classmethod
    def of(cls, text: str) -> LineFacts:
        """The facts of a line's ``text``."""
        if patterns.may_cue(text):
            cues = patterns.cues(text)
            alone = _alone(cues, text)
            dateline_end, byline = cues.dateline_end, cues.byline
            starts = cues.dateline_start or cues.caption_start or alone  # (_starts)
        else:  # no cue at all (most lines): only furniture is left to ask (_alone)
            alone = "。" not in text and furniture.is_furniture(text)
            dateline_end, byline, starts = None, False, alone
        tight = text.replace(" ", "").replace("\u3000", "").replace("\t", "")  # (SPACE_RUN's)
        last = text[-1]
        return cls(
            text,
            ends_sentence(text),
            _SENTENCE_PUNCT_RE.search(text) is not None,
            dateline_end,
            byline,
            alone,
            starts,
            tight,
            last in CONTINUES,
            last in SOFT_ENDS,
            4 <= len(tight) <= VERSE_MAX and tight[-1] in VERSE_ENDS,
        )

    @property
    def dateline_start(self) -> bool:
        return self.dateline_end is not None

    @property
    def ended(self) -> bool:
        """See ended_at."""
        return self.ends_sentence or self.soft_end

    @property
    def punct_before_last(self) -> bool:
        """Sentence punctuation before the last character."""
        return self.punct and has_sentence_punct(self.text[:-1])

    @property
    def dateline_byline(self) -> bool:
        """A dateline, then only a byline (本报讯 本报驻美国记者李云飞)."""
        end = self.dateline_end
        rest = self.text[end:].strip() if end is not None else ""
        return bool(rest) and patterns.is_byline(rest)

    @property
    def names(self) -> bool:
        """Bare names or a byline: what a headline stands over (see Reflower._over_byline)."""
        return self.byline or patterns.is_bare_names(self.text)

    @property
    def unclosed(self) -> bool:
        return unclosed(self.text)

    @property
    def opens_at_end(self) -> bool:
        return opens_at_end(self.text)

    @property
    def list_item(self) -> bool:
        return patterns.opens_list_item(self.text)

    @property
    def point(self) -> bool:
        """The tight text opens a point of a list."""
        return patterns.opens_point(self.tight)

    @property
    def aside(self) -> bool:
        return self.text[0] in "（(" and is_aside(self.text)  # (most lines open otherwise: no call)

    @property
    def titled(self) -> bool:
        return is_titled(self.text)

    @property
    def first_han(self) -> bool:
        """The tight text opens with a Han character."""
        return chars.is_han(self.tight[0])

    @property
    def last_han(self) -> bool:
        return chars.is_han(self.text[-1])

    @property
    def token(self) -> int:
        """The length of a number or Latin word at the line's start (LEADING_TOKEN), 0: none."""
        token = LEADING_TOKEN.match(self.text)
        return len(token.group()) if token else 0


def facts(lines: Sequence[Line]) -> list[LineFacts]:
    """Each line's facts, in order."""
    return [LineFacts.of(line.text) for line in lines]


def join_texts(parts: list[str], wrapped: bool) -> str:
    """Join pieces of a paragraph without a space, as Chinese is written.

    Two Latin words get a space only where the text was not wrapped at a fixed width: a column
    cuts CHINANET into CHINAN / ET, while web copy breaks between words.
    """
    if wrapped or len(parts) == 1:
        return "".join(parts)
    text = parts[0]
    for part in parts[1:]:
        a, b = text[-1], part[0]
        if a.isascii() and b.isascii() and a.isalpha() and b.isalpha():
            text += " " + part
        else:
            text += part
    return text
