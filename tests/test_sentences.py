"""Sentence ends after GB/T 15834, shared by count and summarize."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bulletin.sentences import count_sentences, split_sentences

CASES = [
    ("他说：“我们要发展。”随后离开。", ["他说：“我们要发展。”", "随后离开。"]),
    ("苹果、香蕉……，都有。真的吗？！好", ["苹果、香蕉……，都有。", "真的吗？！", "好"]),
    ("第一句，不断开；也不在冒号：断开。", ["第一句，不断开；也不在冒号：断开。"]),
    ("标题没有句号\n第二行。", ["标题没有句号", "第二行。"]),
    ("等等……他走了", ["等等……", "他走了"]),
    ("（本报记者 王明）", ["（本报记者 王明）"]),
    ("访问 http://a.cn/?x=1 看看。", ["访问 http://a.cn/?x=1 看看。"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split_sentences(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_ended_and_count():
    text = "乡村振兴标题\n全县10个乡镇开展活动。群众满意吗？满意！"
    assert [s.ended for s in split_sentences(text)] == [False, True, True, True]
    assert count_sentences(text) == 3


def test_offsets_point_into_the_text():
    text = "  甲。 乙！\n丙"
    for s in split_sentences(text):
        assert text[s.start : s.start + len(s.text)] == s.text


@given(st.text(alphabet="甲乙丙，。！？…”“、；： \nab?!"))
def test_nothing_lost(text):
    pieces = split_sentences(text)
    assert "".join("".join(s.text.split()) for s in pieces) == "".join(text.split())
    assert all(s.text == s.text.strip() and s.text for s in pieces)


@given(st.text(alphabet="甲乙丙，。！？…”’）)》、；： \nab1?!"))
def test_count_is_the_ended_pieces(text):
    # count_sentences counts without making the pieces: the same number as making them
    assert count_sentences(text) == sum(1 for s in split_sentences(text) if s.ended)


def test_count_negatives():
    assert count_sentences("Yahoo!Inc 公司") == 0  # a ! between letters ends nothing
    assert count_sentences("(see Yahoo!)") == 1  # …but the piece still ends in ! and a bracket
    assert count_sentences("苹果……，香蕉") == 0 and count_sentences("\n\n") == 0
