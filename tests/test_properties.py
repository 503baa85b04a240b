"""The promises of clean, as properties: nothing lost, idempotent, never crashes."""

import re
import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import bulletin
from bulletin.errors import BulletinError

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
KANGXI = re.compile(r"[\u2f00-\u2fd5]")

# Text that looks like what users paste: Chinese words, punctuation of both widths, digits, Latin
# words, spaces, blank lines and the defects clean repairs.
PIECES = st.sampled_from(
    [
        "本报讯",
        "平遥县",
        "乡村振兴",
        "考核",
        "评价",
        "工作",
        "群众",
        "活动",
        "近日，",
        "发展。",
        "“",
        "”",
        "「",
        "」",
        "《",
        "》",
        "，",
        "。",
        "、",
        "；",
        "：",
        "？",
        "！",
        "……",
        "——",
        ",",
        ".",
        ":",
        ";",
        "?",
        "!",
        "(",
        ")",
        '"',
        "'",
        "...",
        "--",
        "2024",
        "3 月 1 日",
        "1.1万",
        "10:30",
        "1,100",
        " ",
        "  ",
        "\u3000\u3000",
        "\n",
        "\n\n",
        "CPU",
        "5G",
        "APP",
        "Hello world",
        "http://example.com/a.b",
        "\u2f00",
        "\u2edc",
        "\u2ed3",
        "\uff11\uff12",
        "\u200b",
        "\u00ad",
        "\r\n",
        "· 乡镇动态 ·",
        "本报通讯员 梁生仁 摄",
        "图为活动现场。",
    ]
)
PAGE = st.lists(PIECES, max_size=60).map("".join)
TEXT = st.one_of(PAGE, st.text(max_size=200))
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def han_sequence(text: str) -> list[str]:
    """Han characters in order, radicals and compatibility ideographs read as the ideograph meant."""
    mapped = bulletin.clean(text, rules=["lookalikes"])
    return HAN.findall(unicodedata.normalize("NFC", mapped))


@FAST
@given(TEXT)
@example("本报讯本报讯\n⼀  ，")  # reflow judged 一  ， before spacing made it 一，
@example("本报讯本报讯\n队  ；")
@example("近日，本报讯\n平遥县\n⼀,")  # 平遥县 looked like a title until its tail 一， joined it
@example("1\n乡\n乡。")  # 乡 / 乡。 joined into 乡乡。, which then read as a tail of 1
def test_clean_is_idempotent(text):
    once = bulletin.clean(text)
    assert bulletin.clean(once) == once


@FAST
@given(TEXT)
def test_every_han_character_survives_in_order(text):
    assert HAN.findall(bulletin.clean(text)) == han_sequence(text)


@FAST
@given(TEXT)
def test_no_kangxi_radical_is_left(text):
    assert not KANGXI.findall(bulletin.clean(text))


@FAST
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise_anything_undocumented(data):
    try:
        text, _ = bulletin.decode(data)
    except BulletinError:
        return
    bulletin.clean(text)


@FAST
@given(PAGE, st.sampled_from(["line", "blank"]), st.booleans())
def test_render_options_keep_every_han_character(text, sep, indent):
    out = bulletin.clean(text, paragraph_sep=sep, indent=indent)
    assert HAN.findall(out) == han_sequence(text)
