"""decode: bytes -> (text, encoding), for the encodings Chinese newspaper text comes in."""

from __future__ import annotations

import codecs
import json
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bulletin.decode import ACCIDENT_MAX_EXTRA_BYTES, MAGIC, Decoded, decode
from bulletin.errors import BinaryInputError, BulletinError, DecodeError, UsageError

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"

SIMPLIFIED = "新华社北京1月2日电 记者张良华报道：华尔街股市在1998年的第一个交易日里交投平淡。\n"
TRADITIONAL = "新聞報導指出，臺灣經濟發展迅速，這裡的居民生活水準持續提高。\n"

# (label, bytes, expected text, expected encoding)
DETECTED = [
    ("utf-8", SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8"),
    ("ascii", b"plain ASCII\n", "plain ASCII\n", "utf-8"),
    ("empty", b"", "", "utf-8"),
    ("bom utf-8", codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8-sig"),
    ("bom utf-16-le", codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, "utf-16"),
    ("bom utf-16-be", codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16"),
    ("bom utf-32-le", codecs.BOM_UTF32_LE + SIMPLIFIED.encode("utf-32-le"), SIMPLIFIED, "utf-32"),
    ("bom utf-32-be", codecs.BOM_UTF32_BE + SIMPLIFIED.encode("utf-32-be"), SIMPLIFIED, "utf-32"),
    ("gbk 1 char", "中".encode("gbk"), "中", "gb18030"),
    ("gbk 2 chars", "发展".encode("gbk"), "发展", "gb18030"),
    ("gbk 3 chars", "新华社".encode("gbk"), "新华社", "gb18030"),
    ("gbk short line", "新华社北京1月2日电".encode("gbk"), "新华社北京1月2日电", "gb18030"),
    ("gbk long", (SIMPLIFIED * 20).encode("gbk"), SIMPLIFIED * 20, "gb18030"),
    ("gb2312", "中华人民共和国\n".encode("gb2312"), "中华人民共和国\n", "gb18030"),
    # A GBK line can be valid UTF-8 by accident (一为 = D2 BB CE AA reads as Cyrillic һΪ).
    ("gbk line valid as utf-8", "一为\n新华社\n".encode("gbk"), "一为\n新华社\n", "gb18030"),
    ("gb18030 4-byte", "吉祥的𠮷字\n".encode("gb18030"), "吉祥的𠮷字\n", "gb18030"),
    ("gb18030 alone", "𠮷".encode("gb18030"), "𠮷", "gb18030"),
    ("gb18030 euro", "价格€100元".encode("gb18030"), "价格€100元", "gb18030"),
    ("big5 short", "新聞報導".encode("big5"), "新聞報導", "big5"),
    ("big5 long", TRADITIONAL.encode("big5"), TRADITIONAL, "big5"),
    ("cp950 extension 裏", "這裏".encode("cp950"), "這裏", "big5"),
    ("utf-16-le no bom", SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, "utf-16-le"),
    ("utf-16-be no bom", SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16-be"),
    # 图 is U+56FE: in UTF-16 LE it starts the file with FE 56, which is no BOM.
    ("utf-16-le starting FE 56", "图片新闻\n第1版\n".encode("utf-16-le"), "图片新闻\n第1版\n", "utf-16-le"),
    ("utf-16-le no NUL at all", "发展".encode("utf-16-le"), "发展", "utf-16-le"),
    ("utf-16-be no NUL at all", "新闻报道".encode("utf-16-be"), "新闻报道", "utf-16-be"),
    ("utf-16-le english", b"h\x00e\x00l\x00l\x00o\x00\n\x00", "hello\n", "utf-16-le"),
    ("utf-32-le no bom", "发展\n".encode("utf-32-le"), "发展\n", "utf-32-le"),
    (
        "mixed utf-8 then gbk",
        "第一部分是UTF-8。\n".encode() + "第二部分是GBK编码。\n".encode("gbk"),
        "第一部分是UTF-8。\n第二部分是GBK编码。\n",
        "utf-8+gb18030",
    ),
    (
        "mixed gbk then utf-8",
        "新华社北京电\n记者报道\n".encode("gbk") + "人民日报评论员文章\n".encode(),
        "新华社北京电\n记者报道\n人民日报评论员文章\n",
        "utf-8+gb18030",
    ),
    (
        "mixed with ascii lines and crlf",
        "标题\r\n\r\n2024\r\n".encode() + "正文内容\r\n123\r\n".encode("gbk"),
        "标题\r\n\r\n2024\r\n正文内容\r\n123\r\n",
        "utf-8+gb18030",
    ),
    (
        "mixed after a utf-8 bom",
        codecs.BOM_UTF8 + "第一部分\n".encode() + "第二部分\n".encode("gbk"),
        "第一部分\n第二部分\n",
        "utf-8+gb18030",
    ),
    (
        "mixed utf-8 and big5",
        "简体中文\n".encode() + TRADITIONAL.encode("big5"),
        "简体中文\n" + TRADITIONAL,
        "utf-8+big5",
    ),
]


@pytest.mark.parametrize(
    ("data", "text", "encoding"), [c[1:] for c in DETECTED], ids=[c[0] for c in DETECTED]
)
def test_detects(data, text, encoding):
    assert decode(data) == Decoded(text, encoding)


def test_unpacks_as_text_and_encoding():
    text, encoding = decode("发展".encode("gbk"))
    assert (text, encoding) == ("发展", "gb18030")


BINARY = [
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a PNG image"),
    (
        "pdf",
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        "looks like a PDF file, not text (bulletin.document.read reads a PDF's pages",
    ),
    ("jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "looks like a JPEG image"),
    ("gif", b"GIF89a\x01\x00\x01\x00", "looks like a GIF image"),
    ("zip/docx", b"PK\x03\x04\x14\x00\x06\x00", "looks like a ZIP archive"),
    ("gzip", b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "looks like gzip-compressed data"),
    ("elf", b"\x7fELF\x02\x01\x01\x00", "looks like an ELF executable"),
    ("random bytes with NULs", random.Random(7).randbytes(4096), "binary data (NUL bytes), not text"),
    ("utf-8 with NULs", "新闻\x00\x00报道\x00".encode(), "binary data (NUL bytes), not text"),
    ("small integers", bytes(range(64)) * 8, "binary data (NUL bytes), not text"),
]


@pytest.mark.parametrize(("data", "message"), [c[1:] for c in BINARY], ids=[c[0] for c in BINARY])
def test_binary_is_refused_with_a_clear_message(data, message):
    with pytest.raises(BinaryInputError, match=re.escape(message)) as info:
        decode(data, source="page.txt")
    assert str(info.value).startswith("page.txt: ")


def test_binary_signature_is_refused_even_with_an_encoding():
    with pytest.raises(BinaryInputError, match="PDF"):
        decode(b"%PDF-1.7\n", encoding="latin-1")


# (label, bytes, offset of the first bad byte in the best reading, that byte)
UNDECODABLE = [
    # FF FE FD: neither UTF-8, nor GB18030, nor Big5; the text around it is UTF-8.
    ("utf-8 with ff fe fd", "中文".encode() + b"\xff\xfe\xfd" + "文字".encode(), 6, 0xFF),
    ("gbk with ff", "新闻".encode("gbk") + b"\xff" + "报道".encode("gbk"), 4, 0xFF),
    (
        "gbk line after utf-8 lines",
        "第一行\n".encode() + "第二行是国标码".encode("gbk") + b"\x80\n",
        24,
        0x80,
    ),
    ("ascii then 0x80", b"abc\x80def", 3, 0x80),
    ("utf-16 with bom, odd length", codecs.BOM_UTF16_LE + "中".encode("utf-16-le") + b"\x41", 4, 0x41),
]


@pytest.mark.parametrize(
    ("data", "offset", "byte"), [c[1:] for c in UNDECODABLE], ids=[c[0] for c in UNDECODABLE]
)
def test_undecodable_bytes_raise_with_offset(data, offset, byte):
    with pytest.raises(DecodeError) as info:
        decode(data, source="in.txt")
    assert info.value.offset == offset
    assert f"in.txt: cannot decode byte 0x{byte:02x} at offset {offset} (tried " in str(info.value)


def test_undecodable_message_names_the_candidates():
    with pytest.raises(DecodeError, match=r"\(tried utf-8, gb18030, big5\)$"):
        decode("中文".encode() + b"\xff\xfe\xfd" + "文字".encode())


def test_replace_writes_and_counts_replacement_characters():
    data = "中文".encode() + b"\xff\xfe\xfd" + "文字".encode()
    assert decode(data, errors="replace") == Decoded("中文\ufffd\ufffd\ufffd文字", "utf-8", 3)
    assert decode(data, errors="ignore") == Decoded("中文文字", "utf-8", 0)


def test_replace_does_not_count_replacement_characters_already_in_the_text():
    data = "已有\ufffd".encode() + b"\xff" + "文字".encode()
    assert decode(data, errors="replace") == Decoded("已有\ufffd\ufffd文字", "utf-8", 1)


def test_replace_in_gbk():
    data = "新闻".encode("gbk") + b"\xff" + "报道".encode("gbk")
    assert decode(data, errors="replace") == Decoded("新闻\ufffd报道", "gb18030", 1)


def test_unknown_errors_mode():
    with pytest.raises(UsageError, match="errors"):
        decode(b"x", errors="bogus")


# (label, bytes, encoding asked, expected text, encoding reported)
OVERRIDES = [
    ("gbk", "发展".encode("gbk"), "gbk", "发展", "gbk"),
    ("GBK upper case", "发展".encode("gbk"), "GBK", "发展", "gbk"),
    ("gb2312 decodes gbk-only", "镕".encode("gbk"), "gb2312", "镕", "gb2312"),
    ("gbk decodes gb18030-only", "𠮷".encode("gb18030"), "gbk", "𠮷", "gbk"),
    ("big5 decodes cp950", "這裏".encode("cp950"), "big5", "這裏", "big5"),
    ("utf-8 drops the bom", codecs.BOM_UTF8 + "文字".encode(), "utf-8", "文字", "utf-8"),
    (
        "utf-16-le drops the bom",
        codecs.BOM_UTF16_LE + "文字".encode("utf-16-le"),
        "utf-16-le",
        "文字",
        "utf-16-le",
    ),
    ("latin-1 forced on utf-8", "é".encode(), "latin-1", "Ã©", "iso8859-1"),
    ("utf8 alias", "文字".encode(), "utf8", "文字", "utf-8"),
]


@pytest.mark.parametrize(
    ("data", "asked", "text", "encoding"), [c[1:] for c in OVERRIDES], ids=[c[0] for c in OVERRIDES]
)
def test_encoding_override(data, asked, text, encoding):
    assert decode(data, encoding=asked) == Decoded(text, encoding)


def test_override_errors_apply():
    with pytest.raises(DecodeError, match=r"byte 0xff at offset 2 \(tried utf-8\)") as info:
        decode(b"ab\xffcd", encoding="utf-8")
    assert info.value.offset == 2
    assert decode(b"ab\xffcd", encoding="utf-8", errors="replace") == Decoded("ab\ufffdcd", "utf-8", 1)


@pytest.mark.parametrize("name", ["klingon", "base64", "rot13", ""])
def test_unknown_encoding(name):
    with pytest.raises(UsageError, match=re.escape(f"unknown encoding {name!r}")):
        decode(b"text", encoding=name)


def test_utf8_does_not_import_charset_normalizer():
    code = (
        "import sys\n"
        "from bulletin.decode import decode\n"
        "assert decode('新闻报道'.encode()).encoding == 'utf-8'\n"
        "assert 'charset_normalizer' not in sys.modules, 'imported'\n"
        "decode('新闻报道'.encode('gbk'))\n"
        "assert 'charset_normalizer' in sys.modules, 'never used'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@given(st.binary(max_size=300))
def test_arbitrary_bytes_raise_only_bulletin_errors(data):
    try:
        decoded = decode(data)
    except BulletinError:
        return
    assert isinstance(decoded.text, str)


@given(st.binary(max_size=200))
def test_arbitrary_bytes_with_replace_raise_only_binary_errors(data):
    try:
        decoded = decode(data, errors="replace")
    except BinaryInputError:
        return
    assert 0 <= decoded.replaced <= decoded.text.count("\ufffd")


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")))
def test_utf8_text_round_trips(text):
    """UTF-8 stays UTF-8, except short letter soup that is common Chinese in GB18030 (ƽң: 平遥)."""
    data = text.encode("utf-8")
    assume(not any(data.startswith(magic) for magic, _, _ in MAGIC))
    expected = text[1:] if text.startswith("\ufeff") else text  # a leading U+FEFF is a BOM
    decoded = decode(data)
    if decoded.encoding == "gb18030":
        assert not HAN.search(text) and len(data) - len(text) <= ACCIDENT_MAX_EXTRA_BYTES
        assert decoded.text == data.decode("gb18030")
        return
    assert decoded == Decoded(expected, "utf-8-sig" if text.startswith("\ufeff") else "utf-8")


# Short GBK that is valid UTF-8 by accident: 2.7 % of the corpus's two-character strings were.
SHORT_GBK = [
    "通讯员",
    "平遥",
    "图为志愿",
    "县委",
    "乡村振兴",
    "本报讯",
    "一同",
    "一直",
    "医药",
    "也要",
    "元也",
    "为通",
    "一路",
    "记者 平遥",
    "平遥\n县委\n",
    "路营业",
    "展之路",
    "约只占",
    "一夜之",
    "为隆",
    "卤味",
    "危楼",
    "业卸",
    "蟾宫廿",
]


@pytest.mark.parametrize("word", SHORT_GBK)
def test_short_gbk_valid_as_utf8_is_gbk(word):
    assert decode(word.encode("gbk")) == Decoded(word, "gb18030")


def test_short_gbk_table_holds_the_accident():
    accidents = [word for word in SHORT_GBK if _is_utf8(word.encode("gbk"))]
    assert len(accidents) >= len(SHORT_GBK) - 5  # 县委, 乡村振兴, 本报讯... are there as controls


# UTF-8 that is also valid GB18030, often as common Han (Ελληνικά reads 围位位...): stays UTF-8.
SHORT_UTF8 = [
    "发展",
    "踽踽",
    "汩汩",
    "中",
    "Ελληνικά",
    "Αθήνα",
    "Ἀθῆναι",
    "Привет",
    "Москва",
    "«Привет»",
    "Қазақстан",
    "café",
    "naïve",
    "Zürich",
    "Zü\xadrich",
    "São Paulo",
    "ça va",
    "Straße",
    "é",
    "Я",
    "25°C",
    "±5%",
    "©2024",
    "·",
    "···",
    "μg/m³",
    "😀",
    "😀😀",
    "👍🏽",
]


@pytest.mark.parametrize("text", SHORT_UTF8)
def test_short_utf8_stays_utf8(text):
    assert decode(text.encode("utf-8")) == Decoded(text, "utf-8")


def test_short_utf8_table_holds_the_ambiguity():
    ambiguous = [text for text in SHORT_UTF8 if _is_gb18030(text.encode("utf-8"))]
    assert len(ambiguous) >= len(SHORT_UTF8) - 6


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _is_gb18030(data: bytes) -> bool:
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return True


def test_long_utf8_is_not_examined(monkeypatch):
    """The GBK-by-accident check costs nothing on real files: more than a few dozen multi-byte
    characters are UTF-8 for certain, and only the byte count is looked at."""
    module = sys.modules["bulletin.decode"]

    def refuse(*args):
        raise AssertionError("examined")

    monkeypatch.setattr(module.hanzi, "score", refuse)
    monkeypatch.setattr(module.hanzi, "has_han", refuse)
    assert decode((SIMPLIFIED * 3).encode()) == Decoded(SIMPLIFIED * 3, "utf-8")
    assert decode("Ελληνικά και Русский язык".encode() * 3).encoding == "utf-8"


# BOM-less UTF-16 of one line: 一 (U+4E00) and 开 (U+5F00) put NULs on the other side than "\n" does.
UTF16_LINES = [
    "平遥县召开会议。\n",
    "县委书记一行来到乡里\n",
    "有两大支点：一是理论支点，一是实践支点。\n",
    "一日，我到民政部门办点事，刚一坐下，就进来一\n",
    "分体现了我国进一步扩大对外开放、不断提高对外开放\n",
    "第1版\n",
]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("line", UTF16_LINES)
def test_short_bomless_utf16_line(line, codec):
    assert decode(line.encode(codec)) == Decoded(line, codec)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not there")
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_corpus_lines_as_bomless_utf16(codec):
    pages = [decode(p.read_bytes()).text for p in sorted(CORPUS.glob("*.txt"))[:20]]
    lines = [line + "\n" for page in pages for line in page.splitlines() if line.strip()]
    wrong = [line for line in lines if decode(line.encode(codec)).text != line]
    assert not wrong


# The page corpus beside the repository (../shared): every page decodes, as what it was written in.
GOLD_ENCODING = {"gbk": "gb18030", "gb2312": "gb18030"}
HAN = re.compile(r"[\u4e00-\u9fff]")


def _corpus_pages():
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not _corpus_pages(), reason="../shared/corpus is not there")
@pytest.mark.parametrize("path", _corpus_pages(), ids=lambda p: p.stem)
def test_corpus_page_decodes(path):
    gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    decoded = decode(path.read_bytes(), source=str(path))
    assert decoded.encoding == GOLD_ENCODING.get(gold["encoding"], gold["encoding"])
    assert decoded.replaced == 0
    # Every Han character read is one of the page's (lookalike glyphs are outside U+4E00-9FFF;
    # the page may hold fewer, e.g. a caption that extraction lost).
    articles = gold["articles"]
    fields = [
        x
        for a in articles
        for x in (a["kicker"], a["title"], a["subtitle"], *a["paragraphs"], *a["captions"])
    ]
    fields += [b for a in articles for b in a["bylines"]] + gold["page_notes"]
    expected = Counter(HAN.findall("".join(x for x in fields if x)))
    assert not Counter(HAN.findall(decoded.text)) - expected
