"""split page by page in bounded memory: a big file read as it is split, the output as it is made,
the same bytes as when the file is read whole and rendered at the end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bulletin import document, stream
from bulletin.cli import main
from bulletin.model import Article, Page
from bulletin.render import FORMATS, render, render_parts

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PAGES = sorted(SAMPLES.glob("page-*.txt"))
UTF8_PAGES = [p for p in PAGES if p.name.count(".") == 1]


def split_out(args: list[str], capsysbinary) -> tuple[int, bytes, str]:
    status = main(["split", *args])
    out, err = capsysbinary.readouterr()
    return status, out, err.decode()


@pytest.fixture
def whole_then_streamed(monkeypatch, capsysbinary):
    """split's output read whole (the limit out of reach), then read as a big file in 7-byte blocks."""

    def both(args: list[str]) -> tuple[tuple[int, bytes, str], tuple[int, bytes, str]]:
        monkeypatch.setattr(stream, "LIMIT", 10**9)
        whole = split_out(args, capsysbinary)
        monkeypatch.setattr(stream, "LIMIT", 0)
        monkeypatch.setattr(stream, "BLOCK", 7)
        return whole, split_out(args, capsysbinary)

    return both


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_a_page_split_as_big_input_is_the_same(page, fmt, whole_then_streamed):
    whole, streamed = whole_then_streamed(["--format", fmt, str(page)])
    assert whole == streamed
    assert whole[0] == 0 and whole[1]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("end", ["\f", "\f\n", "", "\f\f"], ids=["ff", "ff-blank", "none", "ff-empty-page"])
def test_an_archive_split_as_big_input_is_the_same(tmp_path, fmt, end, whole_then_streamed):
    """Pages parted by form feeds, ended in each way pdftotext and people end them: the same
    articles, page numbers, lines and notes, byte for byte."""
    texts = [p.read_text(encoding="utf-8") for p in UTF8_PAGES]
    big = tmp_path / "issue.txt"
    big.write_text("\f".join(texts * 2) + end, encoding="utf-8")
    whole, streamed = whole_then_streamed(["--format", fmt, str(big)])
    assert whole == streamed
    assert whole[0] == 0
    if fmt == "txt":
        assert f"==== page {2 * len(texts)}: 1 ".encode() in whole[1]


def test_two_big_files_keep_their_headers(tmp_path, whole_then_streamed):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(UTF8_PAGES[0].read_bytes())
    b.write_bytes(UTF8_PAGES[1].read_bytes() + b"\f" + UTF8_PAGES[0].read_bytes())
    whole, streamed = whole_then_streamed(["--format", "md", str(a), str(b)])
    assert whole == streamed
    assert whole[1].count(b"<!-- ") == 2


def test_undecodable_bytes_are_noted_after_the_streamed_output(tmp_path, whole_then_streamed):
    big = tmp_path / "bad.txt"
    big.write_bytes(UTF8_PAGES[0].read_bytes() + b"\f\xff\xfe" + "本报讯 记者 王芳\n".encode())
    whole, streamed = whole_then_streamed(["--errors", "replace", str(big)])
    assert whole == streamed
    assert "2 U+FFFD written for undecodable bytes" in streamed[2]


@pytest.mark.parametrize(
    "text", ["一\f二\f", "一\f二\f \n", "一", "", "\f", "一\f\f二", "一\n\f\n二\n\f\n\n", "\f\f一"]
)
@pytest.mark.parametrize("size", [1, 2, 5])
def test_stream_sheets_part_the_text_as_read_does(text, size):
    doc = document.read(text.encode("utf-8"))
    paged, sheets = document.stream_sheets(text[i : i + size] for i in range(0, len(text), size))
    assert list(sheets) == list(doc.pages)
    assert paged == doc.paged


def _page(*titles: str, notes: tuple[str, ...] = ()) -> Page:
    articles = [Article(index=i, title=t, paragraphs=[f"{t}的正文。"]) for i, t in enumerate(titles, 1)]
    return Page(articles, list(notes), source="版.txt")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("header", [False, True])
def test_render_parts_is_render_of_the_parts_together(fmt, header):
    """Parts with and without articles or notes: their pieces join to what render gives the whole."""
    parts = [_page(), _page("县里修路", notes=("本版编辑 李明",)), _page(), _page("春耕", "秋收"), _page()]
    whole = Page([a for p in parts for a in p.articles], [n for p in parts for n in p.notes], source="版.txt")
    pieces = list(render_parts(parts, fmt, source="版.txt", header=header))
    assert "".join(pieces) == render(whole, fmt, header=header)
    out = "".join(pieces)
    if fmt == "json":
        doc = json.loads(out)
        assert [a["title"] for a in doc["articles"]] == ["县里修路", "春耕", "秋收"]
        assert doc["notes"] == ["本版编辑 李明"]
    elif fmt == "jsonl":
        assert [json.loads(line)["title"] for line in out.splitlines()] == ["县里修路", "春耕", "秋收"]
    elif fmt == "txt":
        assert "==== 3 ====" in out and out.endswith("==== notes " + "=" * 29 + "\n本版编辑 李明\n")
    else:
        assert out.index("# 县里修路") < out.index("# 秋收") < out.index("---\n\n- 本版编辑 李明\n")


@pytest.mark.parametrize("fmt", FORMATS)
def test_render_parts_of_nothing(fmt):
    assert "".join(render_parts([], fmt, source="空.txt")) == render(Page(source="空.txt"), fmt)
