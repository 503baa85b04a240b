"""Cue tables for the parts of a newspaper page, and the few matchers built from them.

Glossary (used in code, tests and --help alike): 引题 kicker, 主题 title, 副题 subtitle, 电头 dateline
(本报讯), 署名 byline, 图片说明 caption, 版面说明 credit / page note, 栏目 section marker.

Each table row is data with its reason; the regexes below are assembled from the tables so a new
news agency or credit wording is one row, not a new regex.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bulletin.chars import FULL_STOPS, HAN  # what counts as a Han character: one table for the project
from bulletin.chars import is_han as is_han  # (split asks it here)
from bulletin.lazyre import lazy  # (the Han class costs 1.5 ms to compile: each when first used)

HAN_RE = lazy(f"[{HAN}]")


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

DATELINE_RE = lazy(
    rf"""^[ \u3000]*
    (?:据\s*)?
    (?:
        (?:{_SOURCE})讯                                   # 本报讯
      | (?:{_SOURCE})\s*[{HAN}]{{1,8}}?\s*{_DATE}\s*[电讯]        # 本报北京1月4日讯, 新华社河内1月3日电
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


_TRADITIONAL_CUE_RE = re.compile("[" + "".join(map(chr, TRADITIONAL_CUES)) + "]")


_DATELINE_CHARACTER_RE = lazy("[讯电訊電]")
"""Every alternative of DATELINE_RE ends in 讯 or 电 (or their Traditional forms, which ``cue_text``
reads as them)."""


def cue_text(line: str) -> str:
    """``line`` with the cue characters in their Simplified form, for matching only (a search
    first: translate is slow, and a line of Simplified text has none of them)."""
    return line.translate(TRADITIONAL_CUES) if _TRADITIONAL_CUE_RE.search(line) else line


def _with_traditional(characters: str) -> str:
    """``characters`` and the Traditional forms ``cue_text`` reads as them."""
    return characters + "".join(chr(t) for t, s in TRADITIONAL_CUES.items() if chr(s) in characters)


def dateline_end(line: str) -> int | None:
    """End index of a dateline at the start of ``line`` (leading spaces included), else None."""
    if _DATELINE_CHARACTER_RE.search(line) is None:
        return None  # (every dateline has 讯 or 电: a cheap look first)
    m = DATELINE_RE.match(cue_text(line))
    return m.end() if m else None


# 署名 (byline) lines: 本报记者 王慧敏, 通讯员 李娜, （记者 杨俊江）, 本报评论员.
BYLINE_ROLES = (
    "本报记者",
    "本报通讯员",
    "本报特约记者",
    "本报特派记者",
    "本报评论员",
    "新华社记者",  # 新华社记者冯亦珍 under a headline
    "新华社通讯员",
    "特约评论员",
    "通讯员",
    "记者",
    "实习生",
    "见习记者",
)
_ROLES = "|".join(sorted(BYLINE_ROLES, key=len, reverse=True))
_NAMES = rf"[{HAN}·]{{2,5}}(?:[ \u3000、，,][{HAN}·]{{2,5}}){{0,4}}"
BYLINE_RE = lazy(
    rf"^[ \u3000]*(?:[（(]\s*)?(?:(?:本报驻[{HAN}]{{1,8}}记者|{_ROLES})[ \u3000]*)(?:{_NAMES})?"
    rf"(?:(?:[ \u3000]*(?:{_ROLES})[ \u3000]*|[ \u3000]+){_NAMES})*(?:\s*[)）])?[ \u3000]*$"
)
"""(A second role may follow the names before it without a space, as extraction drops it:
新华社记者陈毛弟本报记者吕网大.)"""

# 图片说明 (caption): 图为…, 图①图②均为…, 压题照片为…, and the photo byline …摄.
CAPTION_OPENERS = ("图为", "图①", "图1", "上图", "下图", "左图", "右图", "压题照片", "题图", "照片为")
PHOTO_AGENCY = r"(?:[ \u3000]*[（(][^（）()\n]{1,12}[)）])?"
"""The picture agency a photo byline may name after 摄: 陈文武摄（影像中国）, 王友恒摄（人民视觉）."""
PHOTO_BYLINE_RE = lazy(
    # （张学文 摄）, （新华社记者李生南摄）; or 本报通讯员 梁生仁 摄 with its space (not 为期一周的拍摄)
    rf"^[ \u3000]*(?:[（(][^。！？，（）()\n]{{0,24}}[{HAN}][ \u3000]*摄[)）]"
    rf"|[^。！？，：；\n]{{0,24}}[{HAN}][ \u3000]+摄{PHOTO_AGENCY})[ \u3000]*$"
)
CAPTION_RE = lazy(rf"^[ \u3000]*(?:{'|'.join(CAPTION_OPENERS)})")

# 版面说明 (page credits and headers) and 栏目 (section markers).
CREDIT_RE = lazy(
    r"^[ \u3000]*(?:本版(?:文图|图文|图片|照片|稿件)?(?:均由|由).{0,30}提供"
    r"|本版责编|本版编辑|责任编辑|责编|美编|校对|版式设计|版面设计|本版策划"
    r"|本期值班|值班(?:副总编|总编|编委|主任|编辑))"  # 本期值班副总编 姜啸啸 责任编辑 常容轩
)
SECTION_MARKS = "·•●■◆▲△◇□★☆"
"""Bullets that set off a section marker: · 乡镇动态 ·, ■ 基层传真, ▲ 本版关注."""
SECTION_RE = lazy(
    rf"^[ \u3000]*(?:"
    rf"[{SECTION_MARKS}][ \u3000]*[^。，；！？\n]{{1,14}}?(?:[ \u3000]*[{SECTION_MARKS}])?"  # · 乡镇动态 ·
    r"|【[^】\n]{1,14}】|\[[^\]\n]{1,14}\]"  # 【部门动态】
    r"|[—–-]+[ \u3000]*[^。，；！？\s—–-][^。，；！？\n—–-]{0,13}?[ \u3000]*[—–-]+"  # — 简讯 —
    rf"|第\s*[0-9０-９]+\s*版(?:\s+[{HAN}]{{1,8}})?"  # 第6版 综合新闻
    r")[ \u3000]*$"
)
PAGE_DATE_RE = lazy(
    rf"^[ \u3000]*[0-9]{{4}}\s*年\s*[0-9]{{1,2}}\s*月\s*[0-9]{{1,2}}\s*日(?:\s*星期[{HAN}])?[ \u3000]*$"
)


def is_dateline_start(line: str) -> bool:
    return DATELINE_RE.match(cue_text(line)) is not None


def is_byline(line: str) -> bool:
    return BYLINE_RE.match(cue_text(line)) is not None


def is_caption_start(line: str) -> bool:
    return CAPTION_RE.match(cue_text(line)) is not None


def is_photo_byline(line: str) -> bool:
    line = cue_text(line)
    return PHOTO_BYLINE_RE.match(line) is not None or PHOTO_BYLINE_CLOSE_RE.match(line) is not None


def is_credit(line: str) -> bool:
    return CREDIT_RE.match(cue_text(line)) is not None


_SENTENCE_END_RE = lazy(f"[{FULL_STOPS}]")


def signature_start(line: str) -> int | None:
    """Where the names of a signature start in ``line``: 0 for a byline, photo byline or credit
    line (本报记者 王铮, 王铮 杨东辉 摄, 责任编辑 常容轩); after the last 。！？ for a caption that
    ends in a photo byline or byline (…表演。 王铮 杨东辉 摄); else None."""
    if not _may_sign(line):
        return 0 if _may_credit(line) and is_credit(line) else None
    if _signature(line) or is_credit(line):
        return 0
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(line)]
    return ends[-1] if ends and line[ends[-1] :].strip() and _signature(line[ends[-1] :]) else None


SIGNATURE_CUES = ("记者", "通讯员", "评论员", "实习生", "摄")
"""Every role of BYLINE_RE names one of these and every photo byline ends in 摄: a line without any
(its spaces aside, which PADDED_NAME_RE may close up) signs nothing, and is not matched further."""


_SIGNATURE_CUE_RE = lazy("|".join(SIGNATURE_CUES))
SIGNATURE_CHARACTERS = "记通评习摄"
"""One character of each of SIGNATURE_CUES (记者, 通讯员, 评论员, 实习生, 摄): a line with none of
them, nor their Traditional forms, signs nothing (a look before ``_may_sign``, which is dearer).
Not 讯 for 通讯员: every dateline (本报讯) has it."""
_SIGNATURE_CHARACTER_RE = lazy(f"[{_with_traditional(SIGNATURE_CHARACTERS)}]")


def _may_sign(line: str) -> bool:
    if _SIGNATURE_CHARACTER_RE.search(line) is None:
        return False  # (a cheap look first: most lines have none of SIGNATURE_CHARACTERS)
    tight = cue_text(line.replace(" ", "").replace("\u3000", ""))
    return _SIGNATURE_CUE_RE.search(tight) is not None  # (any of SIGNATURE_CUES, in one search)


def _signature(text: str) -> bool:
    names = PADDED_NAME_RE.sub(r"\1\2", text)  # (李  舸 is a name of two characters)
    return is_byline(names) or is_photo_byline(names)


# A two-character name set in three cells (李  舸, as papers pad names to line up in a signature):
# two single characters between spaces (or the line's ends, or a bracket), the second not 摄.
PADDED_NAME_RE = lazy(rf"(?:(?<=^)|(?<=[ \u3000（(]))([{HAN}])[ \u3000]+((?!摄)[{HAN}])(?=[ \u3000）)]|$)")


SECTION_FRAME_RE = lazy(rf"^[{SECTION_MARKS}【\[—–\- \u3000]+|[{SECTION_MARKS}】\]—–\- \u3000]+$")
"""What sets a section marker's name off: bullets, brackets and dashes at either end."""


def section_name(line: str) -> str:
    """The name of a 栏目 (section) marker without the marks that set it off: ■ 基层传真 -> 基层传真,
    · 乡镇动态 · -> 乡镇动态, 【部门动态】 -> 部门动态 (the marker line itself stays as printed in the
    page's notes). A name of marks only is returned as it was."""
    name = SECTION_FRAME_RE.sub("", line.strip(" \u3000"))
    return name or line.strip(" \u3000")


def is_section(line: str) -> bool:
    line = cue_text(line)
    return SECTION_RE.match(line) is not None or PAGE_DATE_RE.match(line) is not None


@dataclass(slots=True)
class Cues:
    """Every cue of one line at once: the line's cue text is made once and each table's pattern
    matched on it (what ``is_dateline_start``, ``is_byline``... each answer alone). Not frozen:
    reflow makes one per line, and a frozen dataclass sets each field through ``object.__setattr__``."""

    dateline_end: int | None  # see dateline_end
    byline: bool
    caption_start: bool
    photo_byline: bool
    credit: bool
    section: bool

    @property
    def dateline_start(self) -> bool:
        return self.dateline_end is not None


CUE_CHARACTERS = "讯摄"
"""A dateline that ends in 讯 (本报讯, 运城新闻网讯: one of DATELINE_RE's three forms may open with
any Han character) and a photo byline (摄) have one of these somewhere on the line: the cheap looks
of ``may_cue`` read the rest of the cues from how the line opens."""
_DIGITS = frozenset("0123456789")  # PAGE_DATE_RE: 1998年1月5日 星期一
_SECTION_OPENINGS = frozenset(SECTION_MARKS + "【[—–-第")  # SECTION_RE: ■ 基层传真, 【部门动态】, 第6版
_CAPTION_OPENINGS = frozenset(o[0] for o in CAPTION_OPENERS)  # CAPTION_RE: 图为, 上图, 压题照片, 照片为...
_CREDIT_OPENINGS = frozenset("本责美校版值")  # CREDIT_RE: 本版…提供, 责任编辑, 美编, 校对, 版式设计, 值班编辑
CUE_OPENINGS = "".join(sorted(_DIGITS | _SECTION_OPENINGS | _CAPTION_OPENINGS | _CREDIT_OPENINGS))
"""The characters captions, credits, section markers and page dates open with, after the spaces of
an indent: a line that opens otherwise is none of them."""
BYLINE_OPENINGS = "".join(sorted({role[0] for role in BYLINE_ROLES} | {"本"}))  # (本报驻…记者)
"""What a byline opens with, after the spaces of an indent and an opening bracket (（记者 杨俊江）)."""
SOURCE_OPENINGS = "".join(sorted({source[0] for source in DATELINE_SOURCES}))
"""What the one form of dateline that may end in 电 opens with (新华社东京1月6日电), after 据."""


_CUE_CHARACTER_RE = lazy(f"[{_with_traditional(CUE_CHARACTERS)}]")
_CUE_OPENINGS = frozenset(_with_traditional(CUE_OPENINGS))
_BYLINE_OPENINGS = frozenset(_with_traditional(BYLINE_OPENINGS))
_SOURCE_OPENINGS = frozenset(_with_traditional(SOURCE_OPENINGS))
_ACCORDING_TO = _with_traditional("据")
_CREDIT_OPENING_CHARACTERS = frozenset(_with_traditional("".join(sorted(_CREDIT_OPENINGS))))
"""CREDIT_RE is anchored: a credit line opens with one of these after its spaces."""


def _may_credit(line: str) -> bool:
    return line.lstrip(" \u3000")[:1] in _CREDIT_OPENING_CHARACTERS  # (a look before CREDIT_RE)


def may_cue(line: str) -> bool:
    """Whether ``line`` can be a cue line at all (a cheap look before ``cues`` runs each table's
    pattern): it has one of CUE_CHARACTERS; or it opens with one of CUE_OPENINGS; or, after an
    opening bracket, with one of BYLINE_OPENINGS; or, after 据, with one of SOURCE_OPENINGS and has
    电. False: every cue is absent (``tests/test_patterns.py`` checks this against the patterns)."""
    if _CUE_CHARACTER_RE.search(line) is not None:
        return True
    text = line.lstrip(" \u3000")
    first = text[:1]
    if first in _CUE_OPENINGS:
        return True
    if first in "（(" or first in _ACCORDING_TO:  # (the bracket of a byline, the 据 of a dateline)
        first = text[1:].lstrip()[:1]
    return first in _BYLINE_OPENINGS or (first in _SOURCE_OPENINGS and ("电" in line or "電" in line))


def cues(line: str) -> Cues:
    """The cues of ``line``: the same answers as the ``is_*`` functions, the line read once."""
    if not may_cue(line):
        return Cues(None, False, False, False, False, False)
    cue = cue_text(line)
    first = cue.lstrip(" \u3000")[:1]
    # each pattern only where its characters are (see CUE_CHARACTERS and CUE_OPENINGS)
    dateline = DATELINE_RE.match(cue) if "讯" in cue or "电" in cue else None
    return Cues(
        dateline_end=dateline.end() if dateline else None,
        byline=("记" in cue or "员" in cue or "习" in cue) and BYLINE_RE.match(cue) is not None,
        caption_start=first in _CAPTION_OPENINGS and CAPTION_RE.match(cue) is not None,
        photo_byline="摄" in cue  # (both photo byline patterns end in 摄)
        and (PHOTO_BYLINE_RE.match(cue) is not None or PHOTO_BYLINE_CLOSE_RE.match(cue) is not None),
        credit=first in _CREDIT_OPENINGS and CREDIT_RE.match(cue) is not None,
        section=(first in _SECTION_OPENINGS and SECTION_RE.match(cue) is not None)
        or (first in _DIGITS and PAGE_DATE_RE.match(cue) is not None),
    )


# --- headline parts and page furniture, for split ------------------------------------------------

KICKER_SUFFIXES = (
    "局",  # 平遥县公安局, 国家统计局
    "会",  # 全国妇联 … 中国楹联学会, 海峡两岸关系协会
    "团",  # 总政歌舞团, 南京军区前线话剧团
    "院",  # 人民法院, 国务院
    "所",  # 通信综合技术研究所
    "社",  # 新华社澳门分社
    "台",  # 中央电视台
    "部",  # 农业部, 中央电视台体育部
    "省",  # 湖北省, 江苏省
    "市",
    "县",  # 平遥县
    "区",  # 西藏自治区
    "街",  # 北横东街
    "镇",
    "乡",
    "村",
    "府",  # 以政府, 西藏自治区政府
    "委",  # 四川省达川市委
    "中心",  # 影视中心, 县融媒体中心
    "银行",
    "分行",
    "机场",
    "公墓",
    "公司",
    "集团",
    "学校",
    "大学",
    "医院",
    "使馆",
    "党委",
)
"""A short line over a title ending in one of these names who or where (平遥县公安局 / 举办…晚会): a
kicker (引题), not the first half of a wrapped title."""

SIGN_OFF_RE = lazy(
    rf"(?:^|[。！？…”])[ \u3000]*[（(](?:记者|通讯员|本报记者)?[ \u3000]*"
    rf"[{HAN}][{HAN} \u3000、·]{{1,24}}[)）][ \u3000]*$"
)
"""A paragraph that ends a sentence and then names its author or source in brackets ends its
article (…之风。（江苏兴化棉纺织厂办公室唐锦禄）, or the bracket on a line of its own): what follows
is another article."""


def ends_with_sign_off(text: str) -> bool:
    return SIGN_OFF_RE.search(text) is not None


ACTOR_OPENING_RE = lazy(
    rf"^(?:(?![全我本该各每])[{HAN}]{{1,6}}(?:省|市|县|区|镇|乡)(?![长委])|[{HAN}]{{2,10}}：)"
)
"""A 主题 (title) says who did what: it opens with a place (伊阳县42万亩小麦…, 涑水县部署…) or a
name and a colon (剪纸艺人张凤英：…). A line above such a title is its kicker (引题); 全镇…, 我县…
open subtitles as well, so they do not count."""
KICKER_COUPLET_RE = lazy(rf"^[{HAN}]{{3,8}}[ \u3000]+[{HAN}]{{3,8}}$")
"""Two matched phrases side by side (压紧压实责任 全面排查隐患): the 对仗 form of a kicker."""


SUBTITLE_OPENERS = ("——", "—", "－－", "--")
"""A 副题 (subtitle) under a title often opens with a dash: ——记上海市公安局南京东路警察署."""

MASTHEAD_SUFFIXES = ("融媒", "融媒体中心", "报", "日报", "周报")
"""A county paper's name at the top of a page: 芮城县融媒, 长子报."""
MASTHEAD_PREFIXES = ("今日",)
"""…or 今日长子, 今日高平."""
MASTHEAD_RE = lazy(
    rf"^[ \u3000]*(?:[{HAN}]{{1,8}}(?:{'|'.join(sorted(MASTHEAD_SUFFIXES, key=len, reverse=True))})"
    rf"|(?:{'|'.join(MASTHEAD_PREFIXES)})[{HAN}]{{1,6}})[ \u3000]*$"
)

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫"
    "孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅"
    "童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶牟艾尤阳时穆农司卓古吉缪简车"
    "项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛"
    "仲虞敖巩明佘池查麻苑迟邝仵丰果郜郦阎蔺鞠谌訾"
)
"""The common Chinese surnames: a bare line of two to four Han characters opening with one of them,
next to a headline, is a byline (潘跃 王萍, 陈鹏) rather than the tail of a wrapped title."""

_NAME = rf"[{SURNAMES}][{HAN}]{{1,2}}"
_PLACE = rf"[{HAN}]{{1,8}}[省市县区州旗镇乡][ \u3000]+|[{HAN}]{{1,10}}(?:公司|集团)[ \u3000]*"
BARE_NAMES_RE = lazy(rf"^[ \u3000]*[（(]?(?:{_PLACE})?{_NAME}(?:[ \u3000、]+{_NAME}){{0,3}}[)）]?[ \u3000]*$")
"""Names alone on a line, perhaps after the writer's place or firm (湖南郴州市 刘洪杰,
深圳机场集团公司吴建飞), perhaps in brackets."""


PHOTO_BYLINE_CLOSE_RE = lazy(
    rf"^[ \u3000]*(?:本报|新华社|特约)?(?:摄影记者|记者|通讯员|实习生)?[ \u3000]*"
    rf"{_NAME}(?:[ \u3000、]+{_NAME})*[ \u3000]*摄{PHOTO_AGENCY}[ \u3000]*$"
)
"""A photo byline whose spaces the extraction dropped (林文漪摄, 通讯员吴刚摄): the name must open
with a surname, so 现场拍摄 is no byline."""


def is_masthead(line: str) -> bool:
    return MASTHEAD_RE.match(cue_text(line)) is not None


PAGE_HEADER_LINE_RE = lazy(
    rf"^[ \u3000]*(?:[{HAN}]{{2,10}}[ \u3000]*)?[0-9]{{4}}\s*年\s*[0-9]{{1,2}}\s*月\s*[0-9]{{1,2}}\s*日"
    rf"[ \u3000]*(?:星期[{HAN}])?[ \u3000]*第\s*[0-9０-９]+\s*版(?:[ \u3000]*[{HAN}]{{1,8}})?[ \u3000]*$"
)
"""The whole page header on one line: 寿阳县融媒 1998年1月5日 星期一 第1版 经济."""


def is_page_header(line: str) -> bool:
    """A page date (1998年1月5日 星期一), a page number with its name (第2版 经济), or both on one
    line with the paper's name."""
    line = cue_text(line)
    return (
        PAGE_DATE_RE.match(line) is not None
        or re.match(r"^[ \u3000]*第\s*[0-9０-９]+\s*版", line) is not None
        or PAGE_HEADER_LINE_RE.match(line) is not None
    )


AUTHOR_OFFICES = (
    "长",
    "书记",
    "主任",
    "研究员",
    "教授",
    "委员",
    "记者",
    "主席",
    "总裁",
    "经理",
    "代表",
    "专家",
)
"""What the writer's office under a headline ends with before the name (水利部部长钮茂生,
社科院农发所副所长韩俊, 中共伊克昭盟委员会书记邢云): with the name, a byline, not a subtitle."""
AUTHOR_LINE_RE = lazy(
    rf"^[ \u3000]*[{HAN}]{{2,20}}(?:{'|'.join(AUTHOR_OFFICES)})[ \u3000]*[{HAN}]{{2,3}}[ \u3000]*$"
)
NAMES_ONLY_RE = lazy(
    rf"^[ \u3000]*[（(]?[{HAN}·]{{2,4}}(?:[ \u3000]+[{HAN}·]{{2,4}}){{0,3}}[)）]?[ \u3000]*$"
)
"""A line of two to four Han characters, or a few such words parted by spaces, perhaps bracketed:
the form of a writer's name under a headline (建达, 姚祥明 羊盘初, （胡 杰）) and of a short title
tail alike; the headline model weighs it with the lines around it."""


def is_author_line(line: str) -> bool:
    """The writer's office and name on a line (水利部部长钮茂生)."""
    return AUTHOR_LINE_RE.match(line) is not None


def is_names_only(line: str) -> bool:
    return NAMES_ONLY_RE.match(line) is not None


def is_bare_names(line: str) -> bool:
    return BARE_NAMES_RE.match(line) is not None


def is_kicker_name(line: str) -> bool:
    """A line that names an organisation or a place: ends with one of KICKER_SUFFIXES."""
    return line.strip().endswith(KICKER_SUFFIXES)


# 列举 (points of a list) that open a paragraph: 一、 （一） 第一， 一是 误区一： 首先，其次，最后，
_NUMERAL = "[一二三四五六七八九十]{1,3}"
POINT_OPENING_RE = lazy(
    rf"^(?:{_NUMERAL}、|[（(]{_NUMERAL}[）)]|第{_NUMERAL}[，、：:]|{_NUMERAL}是|[{HAN}]{{1,4}}{_NUMERAL}[：:]"
    r"|(?:首先|其次|再次|最后)，)"
)


# 编号 (numbered items) of a list or an index, in Arabic numerals: 1. 确保…, 97. 黔灵山, 2.加强…,
# 3、 (4) （5）. Each starts a paragraph (a line) of its own, whatever the line above ends with;
# its number and mark stay as printed (punct must not read 2. as a full stop).
LIST_NUMBER_RE = lazy(
    rf"^[ \u3000]*(?:[0-9]{{1,3}}[.．、]|[（(][0-9]{{1,3}}[）)])(?=[ \u3000]*[“《（(]?[{HAN}])"
)
"""(The mark followed by Chinese: 10、50、100卢布 and 1.1万 wrapped at a line's start are no items.)"""


_LIST_NUMBER_OPENINGS = frozenset("0123456789（(")
"""What LIST_NUMBER_RE opens with after the spaces of an indent."""


def opens_list_item(line: str) -> bool:
    """The line opens a numbered item (1. 确保…, 2、, （3）): a paragraph of its own."""
    if line.lstrip(" \u3000")[:1] not in _LIST_NUMBER_OPENINGS:
        return False  # (a cheap look first: most lines open otherwise)
    return LIST_NUMBER_RE.match(line) is not None


def opens_point(line: str) -> bool:
    """The line opens a point of a list (一是…, 误区一：…, 首先，…), which starts a paragraph after a
    sentence's end even when the line above is full."""
    return POINT_OPENING_RE.match(line) is not None


# --- the ends of real pages' articles: column tags, letters' signatures ---------------------------

COLUMN_TAG_RE = lazy(
    rf"[^（(\s][ \u3000]*[（(][{HAN}](?:[^（）()\n]|[（(][^（）()\n]{{1,4}}[)）]){{1,14}}[)）][ \u3000]*$"
)
"""A 栏目 tag in brackets closing a headline line: 推动智慧法院建设转型升级（人民时评）, 小城夜市的烟火气
（钟声）, 选便宜药材 开仁心良方（走近国医大师（26））. Such a headline opens an opinion piece or a
series' instalment: an article of its own, never a subhead (小标题) of the story above."""

_HAN_DIGIT = "0-9０-９〇零一二三四五六七八九十"
LETTER_DATE_RE = lazy(
    rf"^[ \u3000]*[{_HAN_DIGIT}]{{4}}\s*年\s*[{_HAN_DIGIT}]{{1,3}}\s*月"
    rf"\s*[{_HAN_DIGIT}]{{1,3}}\s*日[ \u3000]*$"
)
"""The date under a letter's or a notice's signature: 2019年10月6日, 二〇一九年十月六日."""
SIGNER_RE = lazy(rf"^[ \u3000]*[{HAN}·（()）]{{2,24}}[ \u3000]*$")
"""Who signs a letter or a notice: a name or a body's name alone on a line (习近平, 翼川县人民政府)."""


COLUMN_TAG_LINE_RE = lazy(rf"^[ \u3000]*[（(][{HAN}·]{{2,10}}[)）][ \u3000]*$")
"""A column tag set on a line of its own under its headline (让好政策落到田间地头 / （人民时评））."""


def is_column_tag_line(line: str) -> bool:
    return COLUMN_TAG_LINE_RE.match(line) is not None


def has_column_tag(line: str) -> bool:
    return COLUMN_TAG_RE.search(line) is not None


def is_letter_date(line: str) -> bool:
    return LETTER_DATE_RE.match(line) is not None


def is_signer(line: str) -> bool:
    return SIGNER_RE.match(line) is not None


# --- headline elements by what they say (news conventions, not words of particular stories) --------

SPEECH_ENDINGS = ("强调",)
"""A line that ends by saying that someone stressed something (…闭幕会并作讲话强调) is a kicker (引题):
the title under it is what was said (在新时代推进…职责使命). 指出 and 提出 are not here: they end
titles with what was said in the subtitle as often (于永波会见…时指出 / 用先进典型推动…)."""
ATTENDANCE_RE = lazy(
    rf"[{HAN}](?:出席|参加|主持|致辞|讲话|会见|出席开幕式|出席会议|出席并讲话|参加会见|主持会议|参加审议|演讲)$"
)
"""A line that ends by naming who attended, presided or spoke (韩正参加会见, 刘鹤出席并讲话, 万钢宣读…
贺信并致辞, …栗战书主持会议, …栗战书参加审议, …并发表主旨演讲) is a subtitle (副题) under the title that
says what happened."""
DATED_LINE_RE = lazy(r"^[（(][^（）()]{4,16}[)）]$")
"""A line that is only a date in brackets under a title (（2019年9月30日）, （二〇一九年十月二十日）): the
date of a speech or a document, its subtitle."""


def ends_with_speech(line: str) -> bool:
    return line.endswith(SPEECH_ENDINGS)


def names_attendance(line: str) -> bool:
    return ATTENDANCE_RE.search(line) is not None


def is_dated_line(line: str) -> bool:
    return DATED_LINE_RE.match(line) is not None and any(ch in line for ch in "年月日")
