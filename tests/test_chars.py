"""The character classes: each defined once in ``bulletin.chars``, in every form its users need
(regex fragment, one-character test, string of marks), the forms agreeing on every code point."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from bulletin import chars

EVERY = [chr(cp) for cp in (*range(0, 0xD800), *range(0xE000, 0x40010), 0x10FFFF)]


@pytest.mark.parametrize(
    ("test", "fragment"),
    [
        (chars.is_han, chars.HAN),
        (chars.is_han_like, chars.HAN_LIKE),
        (chars.is_cjk, chars.HAN_LIKE + chars.CJK_PUNCTUATION),
        (chars.is_cjk_punctuation, chars.CJK_PUNCTUATION),
    ],
    ids=["han", "han_like", "cjk", "punctuation"],
)
def test_one_character_tests_agree_with_the_classes(test, fragment):
    pattern = re.compile(f"[{fragment}]")
    wrong = [c for c in EVERY if test(c) != (pattern.fullmatch(c) is not None)]
    assert wrong == []
    assert not test("")


def test_han_is_the_ideographs_and_zero():
    assert all(map(chars.is_han, "汾源县〇𠮷豈"))
    assert not any(map(chars.is_han, "⻓，a1あ한"))  # a radical is Han-like, not Han
    assert chars.is_han_like("⻓") and chars.is_cjk("，") and not chars.is_cjk("a")


def test_a_fragment_reads_back_as_its_blocks():
    blocks = [chars.CJK_SUPPLEMENTARY_PLANES, chars.IDEOGRAPHIC_NUMBER_ZERO, chars.KANGXI_RADICALS]
    assert chars.ranges(chars.fragment(*blocks)) == blocks


def test_the_astral_ideographs_come_first_in_each_class():
    # re compiles a class whose last range runs past the BMP ten times slower
    for fragment in (chars.HAN, chars.HAN_LIKE, chars.IDEOGRAPHS):
        assert fragment.startswith(chr(chars.CJK_SUPPLEMENTARY_PLANES[0]))


def test_the_sentence_tables():
    assert chars.SENTENCE_PUNCTUATION == "，。；：、！？"
    assert chars.SENTENCE_ENDS == "。！？…" and chars.FULL_STOPS == "。！？"
    assert chars.CLOSING_MARKS == "”’」』）)》"


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("会议要求各乡镇抓好落实。", True),
        ("他说：“要抓实绩实效。”", True),
        ("……积极意义。（章文）", True),
        ("（新华社发）", False),
        ("全县粮食播种面积稳定在", False),
        ("这是为什么？ ", True),
        ("", False),
    ],
)
def test_ends_sentence(text, ends):
    assert chars.ends_sentence(text) is ends


def test_widths():
    assert chars.display_width("汾源县2024年") == 12
    assert chars.display_width("ñ中é") == 5  # (outside WIDE and ASCII: measured one by one; é is "A")


def test_importing_chars_builds_no_table_and_compiles_no_han_class():
    code = "import bulletin.chars as c; print(c._table.cache_info().currsize)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0"
