"""The cue tables: what each matcher takes, and the body text it must leave alone."""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bulletin import patterns

DATELINES = [
    ("本报讯 去年以来，平遥县不断", "本报讯"),
    ("本报北京1月4日讯 记者江世杰报道：", "本报北京1月4日讯"),
    ("本报成都 1 月 3 日电 记者罗茂城", "本报成都 1 月 3 日电"),
    ("新华社北京1月2日电 据国家体委综合司", "新华社北京1月2日电"),
    ("据新华社纽约1月2日电（记者张良华） 华尔街股市", "据新华社纽约1月2日电（记者张良华）"),
    ("本报讯（记者 孙伟华） 元旦前后", "本报讯（记者 孙伟华）"),
    ("运城新闻网讯 为全面提升", "运城新闻网讯"),
    ("本報訊 走進汝川縣", "本報訊"),
    ("新華社太原3月1日電 近日", "新華社太原3月1日電"),
]
NOT_DATELINES = [
    "本报通讯员 梁生仁 摄",  # 本报 + 通 + 讯 is a role, not a dateline
    "本报记者从县供电公司获悉，",  # no date before 电
    "县委网信办通报讯息",
    "新华社记者陈毛弟本报记者吕网大",
    "近日，本报讯息平台上线。",
]


@pytest.mark.parametrize(("line", "dateline"), DATELINES)
def test_datelines(line, dateline):
    assert line[: patterns.dateline_end(line)] == dateline


@pytest.mark.parametrize("line", NOT_DATELINES)
def test_body_text_is_no_dateline(line):
    assert patterns.dateline_end(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("本报通讯员 梁生仁 摄", True),
        ("（张学文 摄）", True),
        ("（新华社记者李生南摄）", True),
        ("李尔重 摄", True),
        ("节目组在当地进行了为期一周的拍摄", False),
        ("图为市民在图书馆读书。", False),
    ],
)
def test_photo_bylines(line, expected):
    assert patterns.is_photo_byline(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("· 乡镇动态 ·", True),
        ("■ 基层传真", True),
        ("【部门动态】", True),
        ("— 简讯 —", True),
        ("第6版 综合新闻", True),
        ("1998年1月9日 星期五", True),
        ("———长沙市北斗星商厦今", False),
        ("——记上海市公安局南京东路警察署", False),
    ],
)
def test_section_markers(line, expected):
    assert patterns.is_section(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("本报记者 赵志文", True),
        ("（记者 王蕴明）", True),
        ("本报驻美国记者李云飞", True),
        ("通讯员 李娜", True),
        ("本报记者王晓东通讯员李明", True),  # a second role right after the names (extraction)
        ("记者王科报道：近年来", False),
        ("记者王明说起这件事", False),
    ],
)
def test_bylines(line, expected):
    assert patterns.is_byline(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("本版文图均由平遥县融媒体中心提供", True),
        ("本版责编 许军", True),
        ("责任编辑：王怀玉 校对：温洁", True),
        ("他说，本版内容很丰富。", False),
    ],
)
def test_credits(line, expected):
    assert patterns.is_credit(line) is expected


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("潘跃 王萍", True),
        ("（朱穆之）", True),
        ("湖南郴州市 刘洪杰", True),  # the writer's place, then the name
        ("果永毅", True),
        ("解困", False),  # the tail of a wrapped title, not a name
        ("扶老助孤活动", False),
        ("湖南郴州市", False),
    ],
)
def test_bare_names(line, names):
    assert patterns.is_bare_names(line) is names


@pytest.mark.parametrize(
    ("text", "signed"),
    [
        ("刹住此风并非难事。（江苏兴化棉纺织厂办公室唐锦禄）", True),
        ("（贵州玉屏县委办公室伍洪伦）", True),
        ("希望有关部门加强引导。（记者 罗晋标）", True),
        ("会议（扩大）今天举行，（一）加强领导", False),
        ("他说（见下图）", False),
    ],
)
def test_sign_off(text, signed):
    assert patterns.ends_with_sign_off(text) is signed


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("误区一：交通肇事发生后，肇事司机逃逸肇事现场。", True),
        ("一是加强组织领导。", True),
        ("二、压实各方责任。", True),
        ("（三）强化督查问责。", True),
        ("第一，要提高认识。", True),
        ("首先，加重了民事赔偿责任。", True),
        ("一位李姓居民1991年成了拆迁户。", False),
        ("一年来，全县新建文化广场二十座。", False),
        ("三峡工程建设进展顺利。", False),
    ],
)
def test_opens_point(line, expected):
    assert patterns.opens_point(line) is expected


# --- the cheap looks before the cue patterns run: never a cue they would miss -----------------------

_CUE_LINES = [
    "本报讯",
    "本報訊 記者王偉",
    "新华社东京1月6日电",
    "据新華社纽约1月2日電（记者 顾正龙）",
    "據 中新社北京1月2日电",
    "新华社东京1月6日电",
    "（ 新華社記者 李生南）",
    "\u3000見習記者 张三",
    "运城新闻网讯",
    "本报记者 王慧敏",
    "（通讯员 李娜）",
    "实习生 张三",
    "張學文 攝",
    "林文漪摄",
    "图为 村民在收割小麦",
    "圖為 村民",
    "压题照片为",
    "责任编辑 常容轩",
    "責任編輯 常容轩",
    "  本版由 县委宣传部 提供",
    "值班编辑 李四",
    "· 乡镇动态 ·",
    "■ 基层传真",
    "【部门动态】",
    "[简讯]",
    "— 简讯 —",
    "第6版 综合新闻",
    "\u3000 1998年1月5日 星期一",
]


def _every_cue(line: str) -> tuple:
    return (
        patterns.dateline_end(line),
        patterns.is_byline(line),
        patterns.is_caption_start(line),
        patterns.is_photo_byline(line),
        patterns.is_credit(line),
        patterns.is_section(line),
    )


def _answers(c: patterns.Cues) -> tuple:
    return (c.dateline_end, c.byline, c.caption_start, c.photo_byline, c.credit, c.section)


@pytest.mark.parametrize("line", _CUE_LINES)
def test_cue_lines_pass_the_cheap_look(line):
    assert any(_every_cue(line)), line  # (the table holds real cue lines)
    assert patterns.may_cue(line)
    c = patterns.cues(line)
    assert _answers(c) == _every_cue(line)


def test_cues_agree_with_each_pattern_on_random_lines():
    """``cues`` (with its cheap looks) answers what each ``is_*`` answers, on lines made of cue
    words, their characters, marks and spaces in any order."""
    import random

    rng = random.Random(7)
    atoms = [
        *_CUE_LINES,
        *"讯电記员习摄图照本责美校版值第年月日据據新中人央特通见實",
        *"【】[]—–-·■ \u3000（）()0123456789王李的",
        "本报",
    ]
    for _ in range(5000):
        line = "".join(rng.choice(atoms) for _ in range(rng.randint(1, 6)))
        c = patterns.cues(line)
        assert _answers(c) == _every_cue(line)
        if not patterns.may_cue(line):
            assert not any(_every_cue(line)), line


def test_body_lines_skip_the_cue_patterns():
    assert not patterns.may_cue("村民们在田间地头忙着收割小麦，脸上洋溢着丰收的喜悦")
    assert not patterns.may_cue(
        "县委书记来到电力公司，与工作人员一起学习"
    )  # (记 员 电 习, not where cues have them)
    assert patterns.may_cue("新华社电力公司")  # (a source, then 电: perhaps a dateline; the patterns decide)
    assert patterns.may_cue("（ 通讯员")


# Lines made of the words signatures and credits are built of (in both forms), their characters
# alone, names, marks and spaces: where a cheap look that rejects too much would show.
_SIGNING_ATOMS = [
    *patterns.SIGNATURE_CUES,
    *patterns.BYLINE_ROLES,
    "本報記者", "通訊員", "評論員", "實習生", "攝", "責任編輯", "美編", "本版編輯",
    "本版由", "提供", "责任编辑", "责编", "美编", "校对", "版式设计", "版面设计", "本期值班", "值班编辑",
    *"记讯评习摄者员生記訊評習攝本责責美校版编編值班王李舸的",
    *" \u3000　（）()。！？，、·",
]  # fmt: skip
_SIGNING_LINES = st.lists(st.sampled_from(_SIGNING_ATOMS), max_size=8).map("".join)


def _names_a_signature_cue(line: str) -> bool:
    tight = patterns.cue_text(line.replace(" ", "").replace("\u3000", ""))
    return any(cue in tight for cue in patterns.SIGNATURE_CUES)


@settings(max_examples=400)
@given(_SIGNING_LINES)
@example("本報記者 王慧敏")
@example("值班编辑 李舸")
@example("王 铮 杨东辉 攝")
@example("　責任編輯 常容轩")
@example("县委书记来到电力公司，与工作人员一起学习")  # (记 and 习, but no cue: the full look says no)
def test_signature_cheap_looks_reject_only_what_the_patterns_reject(line):
    """``signature_start`` looks for one of SIGNATURE_CHARACTERS and a credit's first character
    before its patterns: a line those looks turn away is one the patterns would not match."""
    assert patterns._may_sign(line) == _names_a_signature_cue(line), line
    if patterns.is_credit(line):
        assert patterns._may_credit(line), line


def test_signature_characters_are_in_every_cue():
    for cue in patterns.SIGNATURE_CUES:
        assert set(cue) & set(patterns.SIGNATURE_CHARACTERS), cue
    assert patterns.signature_start("本報記者 王慧敏") == 0
    assert patterns.signature_start("　責任編輯 常容轩") == 0
    assert patterns.signature_start("村民们在田间地头忙着收割小麦") is None
