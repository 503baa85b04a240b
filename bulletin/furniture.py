"""Page furniture (版面说明): the lines a page prints around its articles, which belong to the page's
notes, never to a title or a sentence.

Each row of ``FURNITURE`` is one kind of line, a pattern for the whole line (after its indent) and
the reason it is furniture. ``is_furniture`` is what reflow (such a line stands alone: it never
continues the line above) and split (its block goes to the page's notes) ask. The older cue rows
for credits, page headers and mastheads are in ``patterns`` (``CREDIT_RE``, ``PAGE_HEADER_LINE_RE``,
``MASTHEAD_RE``); these rows add the furniture of real pages and PDFs that those miss.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bulletin.chars import HAN, is_han
from bulletin.lazyre import lazy
from bulletin.model import Block
from bulletin.patterns import TRADITIONAL_CUES, cue_text, dateline_end


@dataclass(frozen=True)
class Furniture:
    name: str
    pattern: str  # the whole line, indent and trailing spaces excluded
    reason: str


_S = r"[ \u3000]*"
_N = r"[0-9０-９]"
_PAPER = rf"(?:[{HAN}]{{1,8}}(?:日报|晚报|周报|报|融媒|融媒体中心)|今日[{HAN}]{{2,6}})"
_DATE = rf"{_N}{{4}}{_S}年{_S}{_N}{{1,2}}{_S}月{_S}{_N}{{1,2}}{_S}日"
_WEEKDAY = r"星期[一二三四五六日天]"
_ROLES = (
    "责任编辑|本版编辑|本版责编|本版主编|责任校对|本版校对|美术编辑|图片编辑|版式设计|版面设计|"
    "本版统筹|校对|美编|照排|制版|责编"
)
"""(本版制图, who drew a chart, is not here: it stands under the chart, inside its article.)"""
_NAME = rf"[{HAN}·]{{1,5}}"
_PHONE = rf"(?:[（(]{_N}{{3,4}}[)）]{_S}{_N}{{7,8}}|{_N}{{3,4}}[-－]{_N}{{7,8}}|1{_N}{{10}})"
"""(010)84528274, 0359-6281234, a mobile number of eleven digits."""

FURNITURE: tuple[Furniture, ...] = (
    Furniture(
        "running-head",
        rf"{_PAPER}{_S}{_DATE}(?:{_S}{_WEEKDAY})?(?:{_S}农历[{HAN}]{{2,8}})?",
        "the paper's name and the day at the top of each page (人民日报 2019年10月8日 星期二): no headline "
        "is a paper's name and a date (with the page number too, it is a page header: patterns)",
    ),
    Furniture(
        "page-number",
        rf"第{_S}{_N}{{1,3}}{_S}页|[-－—–]{{1,2}}{_S}{_N}{{1,3}}{_S}[-－—–]{{1,2}}",
        "a page number as PDFs print it at the foot or head of a page (第 5 页, - 5 -; 第5版 is a page "
        "header: patterns)",
    ),
    Furniture(
        "serial-number",
        r"(?:国内统一连续出版物号|国际标准连续出版物号|国内统一刊号|邮发代号)[^。！？\n]{0,60}",
        "the registration numbers in a masthead or an imprint (国内统一连续出版物号 CN14-0021, 邮发代号)",
    ),
    Furniture(
        "staff",
        rf"(?:(?:{_ROLES}){_S}[：:]?{_S}{_NAME}(?:[ \u3000、，,]+{_NAME})*{_S})+",
        "the editors of the page (责任编辑：李文华  美术编辑：王小燕, 责任校对 赵 明): roles and names "
        "only, so a sentence that mentions an editor stays a sentence",
    ),
    Furniture(
        "phone",
        rf"(?:[{HAN}]{{0,8}}(?:电话|热线|传真|手机)[：:]?{_S})?"
        rf"{_PHONE}(?:[ \u3000、，,]+{_PHONE})*",
        "a telephone number on a line of its own ((010)84528274, 新闻热线：0359-1234567): a newsroom's or an "
        "advertiser's line, never a headline",
    ),
)

FURNITURE_RE = lazy(
    rf"^{_S}(?:{'|'.join(f'(?P<{f.name.replace(chr(45), chr(95))}>{f.pattern})' for f in FURNITURE)}){_S}$"
)


def furniture_kind(line: str) -> str | None:
    """The name of the ``FURNITURE`` row ``line`` is, or None for a line that is no furniture."""
    m = FURNITURE_RE.match(cue_text(line))
    if m is None:
        return None
    return next(f.name for f in FURNITURE if m.group(f.name.replace("-", "_")) is not None)


FURNITURE_CHARACTERS = "年页号编校设筹排制"
"""Every row of FURNITURE but two needs one of these: a running head's date 年, a page number's 页, a
serial number's 号, and each of the staff's roles one of 编校设筹排制 (责任编辑, 校对, 版式设计, 本版统筹,
照排, 制版). The two: a telephone number has seven digits in a row, and a page number without 页
opens with a dash (- 5 -). A line with none of these is no furniture: the row patterns are not run."""
_FURNITURE_CHARACTER_RE = lazy(
    f"[{FURNITURE_CHARACTERS}"
    + "".join(chr(t) for t, s in TRADITIONAL_CUES.items() if chr(s) in FURNITURE_CHARACTERS)
    + f"]|{_N}{{7}}"
)
_DASHES = frozenset("-－—–")


def is_furniture(line: str) -> bool:
    """``line`` is page furniture (running head, page number, serial number, the page's editors, a
    telephone number): it goes to the page's notes."""
    if _FURNITURE_CHARACTER_RE.search(line) is None and line.lstrip(" \u3000")[:1] not in _DASHES:
        return False  # (a cheap look first: see FURNITURE_CHARACTERS)
    return FURNITURE_RE.match(cue_text(line)) is not None


MID_SENTENCE = frozenset("，、")
"""Marks after which a sentence goes on (besides a Han character): a paragraph that stops on one
of them, just before a furniture line, goes on after it."""


def mend_around(blocks: list[Block]) -> list[Block]:
    """A paragraph that a furniture line cut mid-sentence (…出席会议并讲 / 第 5 页 / 话，要求…: a page
    number at the foot of a column) is one paragraph again, the furniture line after it; the
    furniture stays a block of its own (the page's notes)."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        if i + 2 < len(blocks) and _cut_by_furniture(*blocks[i : i + 3]):
            a, f, b = blocks[i : i + 3]
            out += [replace(a, text=a.text.rstrip(" \u3000") + b.text.lstrip(" \u3000"), last=b.last), f]
            i += 3
            continue
        out.append(blocks[i])
        i += 1
    return out


def _cut_by_furniture(a: Block, f: Block, b: Block) -> bool:
    end = a.text.rstrip(" \u3000")[-1:]
    return (
        a.kind == "body"
        and b.kind == "body"
        and f.kind == "credit"
        and is_furniture(f.text)
        and bool(end)
        and (is_han(end) or end in MID_SENTENCE)
        and b.indent == 0
        and dateline_end(b.text) is None
    )
