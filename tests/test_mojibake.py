"""mojibake.repair (UTF-8 once read as GBK) and the hanzi measure it shares with decode."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bulletin import hanzi
from bulletin.decode import decode
from bulletin.mojibake import repair

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
L = "\ufffd"  # a character the GBK reader lost (it wrote U+FFFD for one of its bytes)

PARAGRAPH = (
    "新华社北京1月2日电 据国家体委综合司的最新统计，在1997年内，中国运动员共夺得92个世界冠军、"
    "创造29项世界纪录。这样，自新中国成立以来到去年末，中国运动员共获得1123个世界冠军，"
    "创造或超过880项世界纪录。从那时至今共38年多，中国运动员在奥运会、世界锦标赛和世界杯赛中"
    "共获得1123个世界冠军。“尊老爱幼是中华民族的传统美德”、“奉献爱心讲文明”等巨幅标语十分醒目。\n"
)
TRADITIONAL = (
    "新聞報導指出，臺灣經濟發展迅速，這裡的居民生活水準持續提高。總統府發言人表示，政府將繼續推動改革。\n"
)

# (original, how it was misread, what repair gives back): losses stay as U+FFFD, nothing else.
REPAIRED = [
    ("发展", "gbk", "发展"),
    ("人民日报", "gb18030", "人民日报"),
    ("臺灣經濟發展", "gbk", "臺灣經濟發展"),
    ("臺灣的經濟發展迅速", "gbk", "臺灣的經濟發展迅" + L),
    ("中国共产党第十五次全国代表大会", "gb18030", "中国共产党第十五次全国代表大" + L),
    ("发展中国家的新闻报道了。", "gb18030", "发展中国家的新闻报道了" + L),
    ("发展中国家的新闻报道了。", "gbk", f"发展{L}国{L}的新闻报道了{L}"),
    ("“称谓”之忧", "gbk", f"“称谓{L}之{L}"),
    ("１９９２年", "gbk", "１９９２" + L),
    # ASCII survives and splits the runs; a one-character run that lost a byte (月 before 2) stays.
    ("新华社北京1月2日电 记者张良华报道", "gb18030", f"新华社北{L}1鏈{L}2日电 记{L}张良华报道"),
]


@pytest.mark.parametrize(("original", "codec", "expected"), REPAIRED)
def test_repairs_utf8_read_as_gbk(original, codec, expected):
    garbled = original.encode("utf-8").decode(codec, errors="replace")
    assert garbled != original
    text, count = repair(garbled)
    assert text == expected
    assert count >= 1


def test_repairs_each_run_and_counts_them():
    line = "鍙戝睍 2024 浜烘皯鏃ユ姤\n" + PARAGRAPH
    assert repair(line) == ("发展 2024 人民日报\n" + PARAGRAPH, 2)


def _garble(text: str, codec: str = "gb18030") -> str:
    return text.encode("utf-8").decode(codec, errors="replace")


# Mojibake inside a run of real Chinese (a garbled phrase pasted into good text): only it changes.
INSIDE = [
    ("经济" + _garble("发展") + "迅速。", "经济发展迅速。"),
    ("本报讯" + _garble("人民日报") + "评论", "本报讯人民日报评论"),
    ("据" + _garble("新华社北京") + "电", "据新华社北" + L + "电"),  # odd length: 京 lost a byte
    ("“" + _garble("乡村振兴") + "”取得成效", "“乡村振兴”取得成效"),
    ("平遥县" + _garble("经济发展") + "，" + _garble("社会进步") + "。", "平遥县经济发展，社会进步。"),
    ("经济" + _garble("发展，文化") + "繁荣", "经济发展，文" + L + "繁荣"),
]


@pytest.mark.parametrize(("garbled", "expected"), INSIDE, ids=[e for _, e in INSIDE])
def test_repairs_mojibake_inside_real_text(garbled, expected):
    text, count = repair(garbled)
    assert text == expected
    assert count >= 1
    assert repair(text) == (text, 0)


UNCHANGED = [
    ("simplified paragraph", PARAGRAPH * 3),
    ("traditional paragraph", TRADITIONAL),
    ("japanese", "日本語のテキストです。東京都で会議が開かれた。"),
    ("korean", "한국어 텍스트입니다. 서울에서 회의가 열렸다."),
    ("latin", "Café naïve résumé — “quoted” façade, 1998–1999 ±5 °C"),
    ("greek and cyrillic", "Ελληνικά και Русский язык"),
    ("a common character that is also UTF-8 mojibake (· read as GBK)", "路"),
    ("lost characters only (U+FFFD read as GBK)", "锟斤拷锟斤拷"),
    ("replacement characters in normal text", f"中文{L}字{L}{L}报道"),
    ("lookalike radicals", "⼈民⽇报 ⾧江"),
    # Real words whose GB18030 bytes have the shape of UTF-8 Chinese, or are UTF-8 of something.
    ("reduplicated rare words", "侃侃而谈，叨叨不休，呖呖莺声"),
    ("a level-2 character before common ones", "汉灵帝，汉献帝"),
    ("punctuation after rare characters", "婵娟，吴子兰"),
    ("full-width digits and punctuation", "１９９８年１月，“新年”。"),
    ("ascii", "plain text 123"),
    ("empty", ""),
]


@pytest.mark.parametrize("text", [c[1] for c in UNCHANGED], ids=[c[0] for c in UNCHANGED])
def test_leaves_normal_text_alone(text):
    assert repair(text) == (text, 0)


COMMON = sorted(hanzi.gb2312_level1()) + list("，。、：；？！“”（）《》——……·１２３")


@given(st.text(alphabet=st.sampled_from(COMMON + ["\n", " ", "1", "a"])))
def test_never_changes_common_chinese(text):
    assert repair(text) == (text, 0)


@given(st.text(alphabet=st.sampled_from(sorted(hanzi.big5_level1()) + ["，", "。", "\n"])))
def test_never_changes_traditional_chinese(text):
    assert repair(text) == (text, 0)


@given(st.text(alphabet=st.sampled_from(sorted(hanzi.gb2312_level1())), min_size=4))
def test_repair_is_idempotent_on_mojibake(text):
    once, _ = repair(text.encode("utf-8").decode("gb18030", errors="replace"))
    assert repair(once) == (once, 0)


@pytest.mark.parametrize("paragraph", [PARAGRAPH, TRADITIONAL], ids=["simplified", "traditional"])
def test_a_megabyte_of_normal_text_is_left_alone(paragraph):
    # how fast (about 25 ms): bench/perf.py, "mojibake repair of a MB / yardstick"
    text = (paragraph * (1_000_000 // len(paragraph) + 1))[:1_000_000]
    assert repair(text) == (text, 0)


LEVEL2 = sorted(
    ch
    for ch in bytes(
        b for lead in range(0xD8, 0xF8) for trail in range(0xA1, 0xFF) for b in (lead, trail)
    ).decode("gb2312", "replace")
    if "\u4e00" <= ch <= "\u9fff"
)


@given(st.text(alphabet=st.sampled_from(COMMON + LEVEL2[::7] + ["\n", "1"]), min_size=3))
def test_never_changes_chinese_with_rare_characters(text):
    assert repair(text) == (text, 0)


def _corpus_pages():
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not _corpus_pages(), reason="../shared/corpus is not there")
def test_no_change_on_the_corpus_pages():
    changed = {}
    for path in _corpus_pages():
        text = decode(path.read_bytes(), source=str(path)).text
        fixed, count = repair(text)
        if count:
            changed[path.name] = [
                (a, b) for a, b in zip(text.splitlines(), fixed.splitlines(), strict=True) if a != b
            ]
    assert not changed


# hanzi: the measure of "looks like Chinese" shared by decode and mojibake.


def test_common_sets_come_from_the_standards():
    assert len(hanzi.gb2312_level1()) == 3755
    assert {"的", "国", "发", "展"} <= hanzi.gb2312_level1()
    assert {"國", "發", "報", "導"} <= hanzi.big5_level1()
    assert "鍙" not in hanzi.common_chars()


@pytest.mark.parametrize(
    ("better", "worse"),
    [
        ("发展", "楷桯"),  # GBK bytes read as Big5
        ("发展", "ꊷ맕"),  # GBK bytes read as UTF-16
        ("新聞報導", "穝籇厨旧"),  # Big5 bytes read as GBK
        ("发展", "鍙戝睍"),  # UTF-8 bytes read as GBK
        ("中文", "中\x01"),  # control characters
        ("吉祥", "吉\ue000"),  # private use
    ],
)
def test_score_prefers_real_chinese(better, worse):
    assert hanzi.score(better) > hanzi.score(worse)


def test_shares():
    assert hanzi.common_share("发展") == 1.0
    assert hanzi.common_share("abc") == 0.0
    assert hanzi.simplified_share("新聞報導") < 0.5 < hanzi.common_share("新聞報導")
    assert hanzi.plausibility("") == 0.0
    assert hanzi.has_han("a中") and not hanzi.has_han("⼈")
    assert hanzi.is_punctuation("１９，") and not hanzi.is_punctuation("１９年")


@given(st.text(alphabet="a1 \n鍙戝睍锛中文\ufffd，", max_size=30))
def test_runs_as_the_look_behind_pattern_finds_them(text):
    """The run pattern opens with its first character (for speed): it finds the runs the plain
    pattern with a look-behind first finds."""
    import re

    from bulletin.mojibake import RUN, _runs

    first = _runs().pattern[1 : _runs().pattern.index("]")]
    plain = re.compile(f"(?<![^\\x00-\\x7f])(?=[{first}]){RUN.pattern}")
    assert [m.span() for m in _runs().finditer(text)] == [m.span() for m in plain.finditer(text)]
