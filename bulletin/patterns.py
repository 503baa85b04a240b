"""Cue tables for the parts of a newspaper page, and the few matchers built from them.

Glossary (used in code, tests and --help alike): 引题 kicker, 主题 title, 副题 subtitle, 电头 dateline
(本报讯), 署名 byline, 图片说明 caption, 版面说明 credit / page note, 栏目 section marker.

Each table row is data with its reason; the regexes below are assembled from the tables so a new
news agency or credit wording is one row, not a new regex.
"""

from __future__ import annotations

import re

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""CJK Unified Ideographs, Extension A and the Compatibility block: what counts as a Han character."""

# 电头 (dateline). A dateline opens an article's first paragraph: 本报讯, 本报北京1月4日讯,
# 新华社巴格达1月3日电（记者顾正龙）, 据新华社纽约1月2日电, 运城新闻网讯 ...
DATELINE_SOURCES = (
    "本报",  # the paper itself: 本报讯, 本报成都1月3日电, 本报驻美国记者…
    "本刊",
    "新华社",  # Xinhua, the national agency
    "中新社",  # China News Service
    "中新网",
    "新华网",
    "人民网",
    "央视网",
    "央广网",
    "中国新闻网",
)
DATELINE_OUTLET_SUFFIXES = (
    "新闻网",
    "网",
    "日报",
    "晚报",
    "报",
    "电视台",
    "广播电视台",
    "融媒",
    "融媒体中心",
)
"""A local outlet is a few Han characters ending in one of these: 运城新闻网讯, 平遥融媒讯."""

_DIGIT = r"[0-9０-９]"
_DATE = rf"(?:{_DIGIT}{{1,2}}\s*月\s*)?{_DIGIT}{{1,2}}\s*日"
_PAREN = r"\s*[（(][^（）()\n]{1,40}[)）]"
_SOURCE = "|".join(sorted(DATELINE_SOURCES, key=len, reverse=True))
_OUTLET = rf"[{HAN}]{{2,10}}?(?:{'|'.join(sorted(DATELINE_OUTLET_SUFFIXES, key=len, reverse=True))})"

DATELINE_RE = re.compile(
    rf"""^[ \u3000]*
    (?:据\s*)?
    (?:
        (?:{_SOURCE})讯                                   # 本报讯
      | (?:{_SOURCE})\s*[{HAN}]{{1,8}}?\s*(?:{_DATE})?\s*[电讯]   # 本报北京1月4日讯, 新华社河内1月3日电
      | {_OUTLET}讯                                        # 运城新闻网讯
    )
    (?:{_PAREN})?                                          # （记者 孙伟华）
    """,
    re.VERBOSE,
)


TRADITIONAL_CUES = str.maketrans(
    "報訊電華記攝圖為責編輯聞網廣視臺際駐員評論訪實習見術據謹導輸國體",
    "报讯电华记摄图为责编辑闻网广视台际驻员评论访实习见术据谨导输国体",
)
"""The Traditional forms of the characters the cue tables use, one for one (so indexes hold):
Big5 pages carry 本報訊, 新華社…電, 本報記者, 圖為, 責任編輯."""


def cue_text(line: str) -> str:
    """``line`` with the cue characters in their Simplified form, for matching only."""
    return line.translate(TRADITIONAL_CUES)


def dateline_end(line: str) -> int | None:
    """End index of a dateline at the start of ``line`` (leading spaces included), else None."""
    m = DATELINE_RE.match(cue_text(line))
    if not m:
        return None
    end = m.end()
    # 本报讯 must not swallow the start of a word: 本报讯员 is not a dateline (no such word, but
    # 新华社电视 would be); a dateline is followed by a space, a bracket, punctuation or the end.
    return end


# 署名 (byline) lines: 本报记者 王慧敏, 通讯员 李娜, （记者 杨俊江）, 本报评论员.
BYLINE_ROLES = (
    "本报记者",
    "本报通讯员",
    "本报特约记者",
    "本报特派记者",
    "本报评论员",
    "特约评论员",
    "通讯员",
    "记者",
    "实习生",
    "见习记者",
)
_ROLES = "|".join(sorted(BYLINE_ROLES, key=len, reverse=True))
_NAMES = rf"[{HAN}·]{{2,5}}(?:[ \u3000、，,][{HAN}·]{{2,5}}){{0,4}}"
BYLINE_RE = re.compile(
    rf"^[ \u3000]*(?:[（(]\s*)?(?:(?:本报驻[{HAN}]{{1,8}}记者|{_ROLES})[ \u3000]*)(?:{_NAMES})?"
    rf"(?:[ \u3000]+(?:(?:{_ROLES})[ \u3000]*)?{_NAMES})*(?:\s*[)）])?[ \u3000]*$"
)

# 图片说明 (caption): 图为…, 图①图②均为…, 压题照片为…, and the photo byline …摄.
CAPTION_OPENERS = ("图为", "图①", "图1", "上图", "下图", "左图", "右图", "压题照片", "题图", "照片为")
PHOTO_BYLINE_RE = re.compile(rf"^[ \u3000]*[（(]?[^。！？，\n]{{0,24}}[{HAN}][ \u3000]*摄[)）]?[ \u3000]*$")
CAPTION_RE = re.compile(rf"^[ \u3000]*(?:{'|'.join(CAPTION_OPENERS)})")

# 版面说明 (page credits and headers) and 栏目 (section markers).
CREDIT_RE = re.compile(
    r"^[ \u3000]*(?:本版(?:文图|图文|稿件)?(?:均由|由).{0,30}提供|本版责编|本版编辑|责任编辑|责编|美编|校对"
    r"|版式设计|版面设计|本版策划)"
)
SECTION_MARKS = "·•●■◆▲△◇□★☆"
"""Bullets that set off a section marker: · 乡镇动态 ·, ■ 基层传真, ▲ 本版关注."""
SECTION_RE = re.compile(
    rf"^[ \u3000]*(?:"
    rf"[{SECTION_MARKS}][ \u3000]*[^。，；！？\n]{{1,14}}?(?:[ \u3000]*[{SECTION_MARKS}])?"  # · 乡镇动态 ·
    r"|【[^】\n]{1,14}】|\[[^\]\n]{1,14}\]"  # 【部门动态】
    r"|[—–-]+[ \u3000]*[^。，；！？\n—–-]{1,14}?[ \u3000]*[—–-]+"  # — 简讯 —
    rf"|第\s*[0-9０-９]+\s*版(?:\s+[{HAN}]{{1,8}})?"  # 第6版 综合新闻
    r")[ \u3000]*$"
)
PAGE_DATE_RE = re.compile(
    rf"^[ \u3000]*[0-9]{{4}}\s*年\s*[0-9]{{1,2}}\s*月\s*[0-9]{{1,2}}\s*日(?:\s*星期[{HAN}])?[ \u3000]*$"
)


def is_dateline_start(line: str) -> bool:
    return DATELINE_RE.match(cue_text(line)) is not None


def is_byline(line: str) -> bool:
    return BYLINE_RE.match(cue_text(line)) is not None


def is_caption_start(line: str) -> bool:
    return CAPTION_RE.match(cue_text(line)) is not None


def is_photo_byline(line: str) -> bool:
    return PHOTO_BYLINE_RE.match(cue_text(line)) is not None


def is_credit(line: str) -> bool:
    return CREDIT_RE.match(cue_text(line)) is not None


def is_section(line: str) -> bool:
    line = cue_text(line)
    return SECTION_RE.match(line) is not None or PAGE_DATE_RE.match(line) is not None
