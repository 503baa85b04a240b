"""Big inputs: cleaned page by page in bounded memory, the same output however the bytes arrive."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bulletin
from bulletin import stream
from bulletin.clean import RULES
from bulletin.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"
PAGES = sorted(SAMPLES.glob("page-*.txt"))
UTF8_PAGES = [p for p in PAGES if p.name.count(".") == 1]


@pytest.fixture
def small_limit(monkeypatch):
    """Every input counts as big: the page-by-page path, with tiny reads."""
    monkeypatch.setattr(stream, "LIMIT", 0)
    monkeypatch.setattr(stream, "BLOCK", 7)


def cleaned(args, capsysbinary, stdin: bytes | None = None, monkeypatch=None) -> tuple[int, bytes, str]:
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    status = main(["clean", *args])
    out, err = capsysbinary.readouterr()
    return status, out, err.decode()


# the cuts


@pytest.mark.parametrize(
    ("text", "piece", "expected"),
    [
        ("一\f二\f", 100, ["一\f", "二\f"]),  # a page each, whatever the length
        ("甲乙\n\n丙丁\n\n戊", 4, ["甲乙\n\n丙丁\n\n", "戊"]),  # a blank line starting 4-7 characters in
        ("甲\n\n乙丙\n丁戊己", 2, ["甲\n\n乙丙\n", "丁戊己"]),  # none starts 2-3 in: a line break past 4
        ("甲乙丙丁\n\n戊\n\n己", 3, ["甲乙丙丁\n\n", "戊\n\n己"]),
        (
            "甲\n乙\n丙\n丁\n戊\n己\n",
            2,
            ["甲\n乙\n丙\n", "丁\n戊\n己\n"],
        ),  # no blank line: a line break past 2x
        ("甲" * 9, 2, ["甲" * 8, "甲"]),  # no line break: a hard cut at 4x
        ("", 2, []),
    ],
)
def test_cuts(text, piece, expected):
    assert list(stream.pieces([text], piece)) == expected


TEXT = st.text(alphabet=st.sampled_from("甲乙，。\n\n\n\f a"), max_size=300)


@settings(max_examples=300)
@given(TEXT, st.integers(1, 40), st.lists(st.integers(1, 50), min_size=1, max_size=20))
def test_pieces_do_not_depend_on_how_the_text_arrives(text, piece, sizes):
    whole = list(stream.pieces([text], piece))
    parts, i = [], 0
    while i < len(text):
        size = sizes[len(parts) % len(sizes)]
        parts.append(text[i : i + size])
        i += size
    assert list(stream.pieces(parts, piece)) == whole
    assert "".join(whole) == text
    assert all(p.count("\f") <= 1 and ("\f" not in p or p.endswith("\f")) for p in whole)


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.sampled_from(UTF8_PAGES), min_size=1, max_size=4),
    st.integers(200, 5000),
    st.sampled_from([1, 3, 64, 4096]),
)
def test_big_clean_is_each_page_cleaned_alone(pages, piece, block):
    """Pages as pdftotext ends them: the output is ``bulletin.clean`` of each page (or piece)."""
    text = "".join(p.read_text(encoding="utf-8") + "\f" for p in pages)
    decoder = stream.StreamDecoder(text.encode()[:100], None, "strict", "x")
    data = text.encode()
    chunks = decoder.chunks(data[:100], io.BytesIO(data[100:]), block)
    got = [t for t, _ in stream.clean_pieces(chunks, piece=piece)]
    expected = [bulletin.clean(p) for p in stream.pieces([text], piece)]
    assert got == expected
    if piece >= 5000:  # no page is longer: a piece is a page
        assert got == [bulletin.clean(p.read_text(encoding="utf-8") + "\f") for p in pages]


# the command


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_a_page_cleaned_as_big_input_is_the_same(page, small_limit, capsysbinary, monkeypatch):
    """Every sample, in every encoding, read 7 bytes at a time: the bytes of the whole-file clean."""
    monkeypatch.setattr(stream, "LIMIT", 10**9)
    status, whole, _ = cleaned([str(page)], capsysbinary)
    monkeypatch.setattr(stream, "LIMIT", 0)
    assert (status, whole) == cleaned([str(page)], capsysbinary)[:2]
    assert (status, whole) == cleaned([], capsysbinary, page.read_bytes(), monkeypatch)[:2]
    assert status == 0 and whole


def test_an_archive_of_pages_matches_each_page_clean_and_the_gold(tmp_path, small_limit, capsysbinary):
    texts = [p.read_text(encoding="utf-8") for p in UTF8_PAGES]
    big = tmp_path / "issue.txt"
    big.write_text("\f".join(texts * 3) + "\f", encoding="utf-8")
    status, out, err = cleaned([str(big)], capsysbinary)
    assert (status, err) == (0, "")
    assert out.decode() == "".join(bulletin.clean(t + "\f") for t in texts * 3)
    for page, text in zip(UTF8_PAGES, texts):  # a page alone is what its gold expects, where it is
        gold = GOLDEN / page.name.replace(".txt", ".clean.txt")
        if bulletin.clean(text) == gold.read_text(encoding="utf-8"):
            assert gold.read_text(encoding="utf-8") in out.decode()


def test_explain_adds_up_the_pages(tmp_path, small_limit, capsysbinary, monkeypatch):
    text = UTF8_PAGES[0].read_text(encoding="utf-8")
    big = tmp_path / "two.txt"
    big.write_text(text + "\f" + text + "\f", encoding="utf-8")
    _, _, err = cleaned(["--explain", str(big)], capsysbinary)
    _, steps = bulletin.clean_and_explain(text + "\f")
    docs = {rule.name: rule.doc for rule in RULES}
    assert err.splitlines() == [f"{rule}\t{2 * n}\t{docs[rule]}" for rule, n in steps]


def test_undecodable_bytes_far_in_fail_with_their_offset(tmp_path, small_limit, capsysbinary, monkeypatch):
    monkeypatch.setattr(stream, "HEAD", 64)  # the encoding is found on the first 64 bytes
    big = tmp_path / "big.txt"
    good = "本报讯 一二三。\n\f".encode() * 50
    big.write_bytes(good + b"\xff\xfe" + "四五六。\n".encode())
    status, out, err = cleaned([str(big)], capsysbinary)
    assert status == 1
    assert err == f"bulletin: {big}: cannot decode byte 0xff at offset {len(good)} (as utf-8)\n"
    status, out, err = cleaned(["--errors", "replace", str(big)], capsysbinary)
    assert status == 0
    assert err == f"bulletin: {big}: 2 U+FFFD written for undecodable bytes\n"
    assert out.decode().endswith("\ufffd\ufffd四五六。\n")


def test_in_place_and_output_file(tmp_path, small_limit, capsysbinary):
    text = "".join(p.read_text(encoding="utf-8") + "\f" for p in UTF8_PAGES)
    expected = "".join(bulletin.clean(p) for p in stream.pieces([text])).encode()
    big = tmp_path / "big.txt"
    big.write_text(text, encoding="utf-8")
    assert cleaned([str(big), "-o", str(tmp_path / "out.txt")], capsysbinary)[:2] == (0, b"")
    assert (tmp_path / "out.txt").read_bytes() == expected
    assert cleaned(["-i", "--backup", ".orig", str(big)], capsysbinary)[:2] == (0, b"")
    assert big.read_bytes() == expected
    assert (tmp_path / "big.txt.orig").read_text(encoding="utf-8") == text


# pages in text of any size


PAGE_TEXT = st.text(alphabet=st.sampled_from("县乡镇，。“”\n\n 　本报讯12,"), max_size=120)


@given(st.lists(PAGE_TEXT, min_size=1, max_size=4))
def test_text_with_form_feeds_is_cleaned_page_by_page_and_keeps_them(pages):
    """Whatever its size, text parted by form feeds is each page cleaned alone, the form feeds
    where they were (so split and --pages downstream still find the pages)."""
    text = "\f".join(pages)
    out = bulletin.clean(text)
    assert out == "\f".join(bulletin.clean(p) for p in pages)
    assert out.count("\f") == text.count("\f")
    assert bulletin.clean(out) == out


def test_a_page_keeps_its_own_column_width(tmp_path):
    """Two pages set at different widths: each page is joined by its own width, as alone (one width
    over both would leave the narrow page's wrapped lines unjoined or join the wide page's lines)."""
    narrow = "本报讯 城关镇今年新修村道十二公\n里，村村通上了水泥路，群众出\n行更方便了。\n"
    wide = "本报讯 县农业农村局组织技术人员深入田间地头，\n指导农户做好冬小麦冬前管理。\n"
    page = bulletin.clean(narrow + "\f" + wide)
    assert page == bulletin.clean(narrow) + "\f" + bulletin.clean(wide)
    assert page.split("\f")[0] == "本报讯 城关镇今年新修村道十二公里，村村通上了水泥路，群众出行更方便了。\n"


def test_clean_then_split_in_a_pipe_keeps_the_pages(tmp_path):
    """``bulletin clean issue.txt | bulletin split``: the cleaned issue is still two pages."""
    import json
    import subprocess
    import sys

    issue = tmp_path / "issue.txt"
    issue.write_text(
        "县里召开冬季农田水利建设推进会\n本报讯 会议要求各乡镇抓住农闲时节，\n加快进度。\n\f"
        "城关镇老街改造完工\n本报讯 历时半年的老街改造工程日前完工，\n街面焕然一新。\n\f",
        encoding="utf-8",
    )
    bulletin_cmd = [sys.executable, "-m", "bulletin"]
    cleaned_issue = subprocess.run([*bulletin_cmd, "clean", str(issue)], capture_output=True, check=True)
    assert cleaned_issue.stdout.decode().count("\f") == 2
    split = subprocess.run(
        [*bulletin_cmd, "split", "--format", "jsonl", "-"],
        input=cleaned_issue.stdout,
        capture_output=True,
        check=True,
    )
    articles = [json.loads(line) for line in split.stdout.decode().splitlines()]
    assert [(a["page"], a["title"]) for a in articles] == [
        (1, "县里召开冬季农田水利建设推进会"),
        (2, "城关镇老街改造完工"),
    ]
