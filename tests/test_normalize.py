"""The normalize rules: cases as data (tests/cases/<rule>.json), their promises as properties, the tables.

Each case is {"input", "expected", "comment"} plus, where it matters, {"options": {...}}; cases whose
expected equals their input are the ones that must not change (decimals, times, URLs, datelines).
"""

from __future__ import annotations

import inspect
import json
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import bulletin
from bulletin import charmaps, normalize
from bulletin.clean import RULE_NAMES
from bulletin.cleanconfig import CleanConfig

RULES = (
    "newlines",
    "invisible",
    "nfc",
    "lookalikes",
    "fullwidth",
    "mojibake",
    "punct",
    "ellipsis",
    "quotes",
    "spacing",
)
CASES_DIR = Path(__file__).parent / "cases"
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "EquivalentUnifiedIdeograph.txt"
HAN = re.compile(r"[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")


def load(rule: str) -> list[dict]:
    return json.loads((CASES_DIR / f"{rule}.json").read_text(encoding="utf-8"))


CASES = [
    pytest.param(rule, case, id=f"{rule}: {case['comment'][:50]}") for rule in RULES for case in load(rule)
]


def apply(rule: str, text: str, config: CleanConfig | None = None) -> tuple[str, int]:
    return getattr(normalize, rule)(text, config or CleanConfig())


def config_of(case: dict) -> CleanConfig:
    return CleanConfig(**case.get("options", {}))


def han(text: str) -> list[str]:
    """Han characters in order, compatibility ideographs read as their canonical form."""
    return HAN.findall(unicodedata.normalize("NFC", text))


# --- the cases -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("rule", "case"), CASES)
def test_case(rule, case):
    out, changes = apply(rule, case["input"], config_of(case))
    assert out == case["expected"]
    assert (changes > 0) == (case["expected"] != case["input"]), "changes must count what changed"


@pytest.mark.parametrize(("rule", "case"), CASES)
def test_case_is_idempotent(rule, case):
    config = config_of(case)
    once, _ = apply(rule, case["input"], config)
    assert apply(rule, once, config) == (once, 0)


@pytest.mark.parametrize(("rule", "case"), [p for p in CASES if p.values[0] != "newlines"])
def test_case_keeps_line_breaks(rule, case):
    out, _ = apply(rule, case["input"], config_of(case))
    assert out.count("\n") == case["input"].count("\n")


@pytest.mark.parametrize("rule", RULES)
def test_every_rule_has_cases_of_both_kinds(rule):
    cases = load(rule)
    assert any(c["expected"] == c["input"] for c in cases), "no must-not-change case"
    assert any(c["expected"] != c["input"] for c in cases), "no case that changes"
    assert all(c["comment"] for c in cases)


def test_rules_are_pipeline_rules():
    assert set(RULES) <= set(RULE_NAMES)


# --- properties ------------------------------------------------------------------------------------

# Text made of what these rules care about: Han (numerals, dateline words), marks of both widths,
# quotes, ellipses and dashes, digits, Latin, spaces of every kind, line breaks and invisibles.
ALPHABET = [
    *"中文本报讯一二十统工作考核平遥县记者孙伟华摄",
    *",.:;?!()\"'，。：；？！（）“”‘’「」『』《》、…—-－·⋯．%",
    *"0123456789abcXYZ@/",
    *[" ", "  ", "\t", "\u3000", "\n", "\n\n", "\r", "\r\n", "\f", "\u200b", "\u00a0", "\u00ad"],
    *["\u2f00", "\u2ed3", "\uf900", "\uff11", "\uff21", "e\u0301", "\x85", "\u2028", "http://a.b/c?d=1,2"],
]
TEXT = st.one_of(st.lists(st.sampled_from(ALPHABET), max_size=60).map("".join), st.text(max_size=60))
CONFIGS = st.builds(
    CleanConfig,
    quotes=st.sampled_from(["keep", "curly", "corner"]),
    spacing=st.sampled_from(["newspaper", "pangu", "keep"]),
)
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("rule", RULES)
@PROPERTY
@given(text=TEXT, config=CONFIGS)
@example(text="『0‘0‘", config=CleanConfig(quotes="keep"))  # ‘ between digits, then taken for an apostrophe
@example(text="0『0中』』", config=CleanConfig(quotes="curly"))  # 0『0 made 0‘0, then read as an apostrophe
def test_rule_properties(rule, text, config):
    out, changes = apply(rule, text, config)
    assert isinstance(out, str) and changes >= 0
    assert (changes == 0) == (out == text)
    if rule != "newlines":
        assert out.count("\n") == text.count("\n")
    assert apply(rule, out, config) == (out, 0), "idempotent"
    if rule not in ("lookalikes", "mojibake"):
        assert han(out) == han(text), "Han characters kept, in order"


# --- the lookalike table ---------------------------------------------------------------------------


def parse_reference(path: Path) -> dict[int, str]:
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        data = line.split("#")[0].strip()
        if not data:
            continue
        source, target = (field.strip() for field in data.split(";"))
        first, _, last = source.partition("..")
        for cp in range(int(first, 16), int(last or first, 16) + 1):
            table[cp] = chr(int(target, 16))
    return table


def test_kangxi_radicals_agree_with_nfkc():
    for cp in range(0x2F00, 0x2FD6):
        assert charmaps.RADICAL_LOOKALIKES[cp] == unicodedata.normalize("NFKC", chr(cp)), hex(cp)


@pytest.mark.skipif(not REFERENCE.exists(), reason="no ../shared/reference (only in the project workspace)")
def test_radical_table_is_the_ucd_reference():
    assert charmaps.RADICAL_LOOKALIKES == parse_reference(REFERENCE)
    version = REFERENCE.read_text(encoding="utf-8").splitlines()[0].lstrip("# ").strip()
    assert version in inspect.getsource(charmaps), "charmaps must name the UCD file it was made from"


def test_compatibility_ideographs_map_to_their_nfc_form():
    table = charmaps.COMPATIBILITY_IDEOGRAPHS
    assert len(table) == 1002
    for cp, target in table.items():
        assert target == unicodedata.normalize("NFC", chr(cp)) != chr(cp)
        assert HAN.fullmatch(target)


def test_lookalike_targets_are_not_lookalikes():
    assert not {ord(t) for t in charmaps.LOOKALIKES.values()} & charmaps.LOOKALIKES.keys()


# --- inputs that once made a rule backtrack: each rule gets through them, every Han character kept ------
# (how fast: bench/perf.py times each rule on a megabyte and on these, against a yardstick; timing
# targets never live in unit tests)

PARAGRAPH = (
    " 本报讯 3 月 1 日,翼川县召开 2024 年乡村振兴重点工作推进会,总结 2023 年巩固拓展脱贫攻坚成果。"
    "会议指出,全县脱贫人口人均纯收入达到 13860 元,同比增长 14.1%;新建高标准农田 5.2 万亩(含\n"
    '改造提升)...县委书记孙立华说:"要守牢底线--做到早发现、早干预!"“警心永向党 护航启新程”\n'
    "《平遥县 2023年度综合考核办法》,10:30 开始,见 http://a.b/c?d=1,2 ,⻓⾏\u200b\r\n\n"
)
PATHOLOGICAL = {
    "a paragraph": PARAGRAPH * 50,
    "100,000 ，": "，" * 100_000,
    "100,000 spaces": " " * 100_000,
    "10,000 unmatched quotes": "中" + '"' * 10_000 + "“" * 10_000 + "”" * 10_000 + "\n",
    "10,000 unmatched brackets": "中" + "(" * 10_000 + "（" * 10_000 + "\n",
}


@pytest.mark.parametrize("rule", RULES)
@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_each_rule_gets_through_pathological_input(rule, name):
    text = PATHOLOGICAL[name]
    for config in (CleanConfig(), CleanConfig(spacing="pangu", quotes="corner")):
        out, changes = apply(rule, text, config)
        assert len(han(out)) >= len(han(text)) and changes >= 0  # lookalikes turn radicals into Han


# --- the tables other modules share ----------------------------------------------------------------


def test_quote_styles_are_the_one_quote_table():
    assert not hasattr(charmaps, "CURLY_TO_CORNER")
    assert charmaps.QUOTE_STYLES["double"] == {"curly": ("“", "”"), "corner": ("「", "」")}
    assert charmaps.QUOTE_STYLES["single"] == {"curly": ("‘", "’"), "corner": ("『", "』")}


# spacing keeps the spaces of signatures: names apart, a padded two-character name closed up


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("图为县文化馆演员在广场表演。 王铮 杨东辉 摄", "图为县文化馆演员在广场表演。王铮 杨东辉 摄"),
        ("图为春耕现场。 本报记者 赵  鹏 摄", "图为春耕现场。本报记者 赵鹏 摄"),
        ("本期值班副总编 姜啸啸 责任编辑 常容轩", "本期值班副总编 姜啸啸 责任编辑 常容轩"),
        ("责任编辑：王怀玉 校对：温洁", "责任编辑：王怀玉 校对：温洁"),
        ("本报记者 李  舸", "本报记者 李舸"),
        ("（记者 李  舸 通讯员 张晓东）", "（记者 李舸 通讯员 张晓东）"),
        ("李  舸 摄", "李舸 摄"),
        # nothing else changes: not a signature, a name's padding is a space like any other
        ("他说 李  舸 来了", "他说 李 舸 来了"),
        ("县里开展植树活动， 王铮 杨东辉参加。", "县里开展植树活动，王铮杨东辉参加。"),
    ],
)
def test_spacing_does_not_glue_the_names_of_a_signature(line, expected):
    assert bulletin.clean(line + "\n") == expected + "\n"
    assert bulletin.clean(expected + "\n") == expected + "\n"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("全县 2024 年粮食产量 创新高。", "全县2024年粮食产量创新高。"),
        ("全县 2024 年 粮食产量 创新高", "全县2024年 粮食产量 创新高"),  # (a headline keeps its words apart)
        ("2024 年 3 月，全县 GDP 增长", "2024年3月，全县GDP增长"),
        ("本报讯 2024年，全县粮食丰收", "本报讯 2024年，全县粮食丰收"),  # (the dateline's space stays)
    ],
)
def test_spacing_han_and_numbers(line, expected):
    assert normalize.spacing(line, CleanConfig())[0] == expected
