"""The letter-spacing rule: its cases (tests/cases/letter-spacing.json), its promises, and what
split makes of a letter-spaced page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bulletin
from bulletin.clean import RULE_NAMES
from bulletin.cleanconfig import CleanConfig
from bulletin.letterspacing import letter_spacing

CASES = json.loads((Path(__file__).parent / "cases" / "letter-spacing.json").read_text(encoding="utf-8"))


def apply(text: str) -> tuple[str, int]:
    return letter_spacing(text, CleanConfig())


@pytest.mark.parametrize("case", CASES, ids=[c["comment"][:50] for c in CASES])
def test_case(case):
    out, changes = apply(case["input"])
    assert out == case["expected"]
    assert (changes > 0) == (out != case["input"])
    assert apply(out) == (out, 0), "idempotent"


def test_cases_of_both_kinds():
    assert any(c["expected"] == c["input"] for c in CASES)
    assert any(c["expected"] != c["input"] for c in CASES)


def test_is_a_clean_rule_after_reflow():
    assert RULE_NAMES.index("reflow") < RULE_NAMES.index("letter-spacing") < RULE_NAMES.index("spacing")


PIECES = [*"本报讯中国海油召开会", " ", "  ", "\u3000", "\n", "3", "A", "，"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_properties(pieces):
    text = "".join(pieces)
    out, changes = apply(text)
    assert (changes == 0) == (out == text)
    assert out.replace(" ", "").replace("\u3000", "") == text.replace(" ", "").replace("\u3000", "")
    assert out.count("\n") == text.count("\n")
    assert apply(out) == (out, 0)


def test_clean_closes_up_a_letter_spaced_pdf_line():
    page = "中 国 海 油 党 组 召 开 理 论 学 习 会\n本 报 讯 3月2日，中国海油党组召开理论学习会。\n"
    assert bulletin.clean(page) == "中国海油党组召开理论学习会\n本报讯 3月2日，中国海油党组召开理论学习会。\n"
    assert bulletin.clean(page, skip=["letter-spacing"]).startswith("中 国 海 油")


def test_split_reads_a_letter_spaced_headline_and_dateline():
    page = (
        "中 国 海 油 党 组 召 开 理 论 学 习 会\n\n"
        "本 报 讯 3月2日，中国海油党组召开理论学习中心组学习会，传达学习全国两会精神。\n"
        "会议要求，把学习成果转化为推动高质量发展的实际行动。\n"
    )
    (article,) = bulletin.split(page).articles
    assert article.title == "中国海油党组召开理论学习会"
    assert article.dateline == "本报讯"
