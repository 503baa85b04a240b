"""``bulletin split`` through its real entry point: inputs, formats, ``-o DIR`` and its file names.

The expected output is always what ``bulletin.split`` and ``render`` give for the same input, so these
tests hold whatever the segment rules become; where the test needs articles with chosen titles, a
stand-in ``bulletin.split`` builds the page from a JSON description.
"""

from __future__ import annotations

import inspect
import io
import json
import os
import sys
from pathlib import Path
from typing import get_args

import pytest
from conftest import OTHER, PAGE
from hypothesis import given, settings
from hypothesis import strategies as st

import bulletin
from bulletin import cli, commands, segment, textio
from bulletin.model import Article, Page
from bulletin.render import FORMATS, article_filename, render
from bulletin.textio import safe_filename


def one_line(text: str) -> str:
    lines = text.splitlines()
    assert len(lines) == 1, text
    return lines[0]


def split_of(text: str, source: str, fmt: str = "txt", header: bool = False) -> str:
    return render(bulletin.split(text, source=source), fmt, header=header)  # type: ignore[arg-type]


def tree(root: Path) -> list[str]:
    """Every path under ``root``, relative, sorted: what a command left on disk."""
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


# stdin, files, several files, formats


def test_stdin_to_stdout(run):
    result = run("split", input=PAGE)
    assert result.exit_code == 0
    assert result.stdout == split_of(PAGE, "<stdin>")
    assert result.stderr == ""


def test_dash_reads_stdin(run):
    assert run("split", "-", input=PAGE).stdout == split_of(PAGE, "<stdin>")


@pytest.mark.parametrize("fmt", FORMATS)
def test_file_in_each_format(run, page, fmt):
    result = run("split", "--format", fmt, str(page))
    assert result.exit_code == 0
    assert result.stdout == split_of(PAGE, str(page), fmt)
    assert run("split", "-f", fmt, str(page)).stdout == result.stdout


def test_json_is_one_document_per_file_one_a_line(run, page, other):
    result = run("split", "--format", "json", str(page), str(other), "-", input=PAGE)
    assert result.exit_code == 0
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["source"] for d in docs] == [str(page), str(other), "<stdin>"]
    assert docs[1] == bulletin.split(OTHER, source=str(other)).to_dict()
    assert all(set(d) == {"source", "encoding", "articles", "notes"} for d in docs)


def test_several_files_in_txt_say_which_is_which(run, page, other):
    result = run("split", str(page), str(other))
    assert result.exit_code == 0
    expected = split_of(PAGE, str(page), header=True) + split_of(OTHER, str(other), header=True)
    assert result.stdout == expected
    assert result.stdout.startswith(f"# {page}\n")


def test_a_real_sample_page(run):
    sample = Path(__file__).resolve().parent.parent / "samples" / "page-headline-before.gbk.txt"
    result = run("split", "--format", "json", str(sample))
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["source"] == str(sample)
    assert doc["encoding"] == "gb18030"
    assert doc["articles"] or doc["notes"]


def test_input_encoding_and_errors(run, tmp_path):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(PAGE.encode("gb18030"))
    result = run("split", "--encoding", "gbk", "--format", "json", str(gbk))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["encoding"] == "gbk"

    bad = tmp_path / "bad.txt"
    bad.write_bytes(PAGE.encode() + b"\xff")
    result = run("split", "--encoding", "utf-8", str(bad))
    assert result.exit_code == 1
    assert one_line(result.stderr).startswith(f"bulletin: {bad}: ")
    result = run("split", "--encoding", "utf-8", "--errors", "replace", str(bad))
    assert result.exit_code == 0
    assert one_line(result.stderr) == f"bulletin: {bad}: 1 U+FFFD written for undecodable bytes"


# errors


def test_missing_file_is_one_line_and_the_others_are_done(run, page, tmp_path):
    missing = tmp_path / "missing.txt"
    result = run("split", str(missing), str(page))
    assert result.exit_code == 1
    assert one_line(result.stderr) == f"bulletin: {missing}: No such file or directory"
    assert result.stdout == split_of(PAGE, str(page), header=True)


def test_binary_file(run, tmp_path):
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    result = run("split", str(pdf))
    assert result.exit_code == 1
    assert one_line(result.stderr).startswith(f"bulletin: {pdf}: ")
    assert "PDF" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    "args",
    [["--format", "csv"], ["--force"], ["--encoding", "no-such-codec"], ["--frobnicate"]],
)
def test_usage_errors(run, page, args):
    result = run("split", *args, str(page))
    assert result.exit_code == 2
    assert one_line(result.stderr).startswith("bulletin: split: ")
    assert result.stdout == ""


def test_stdout_closed_ends_quietly(run, page, monkeypatch):
    def closed(data):
        raise textio.StdoutClosed

    monkeypatch.setattr(textio, "write_stdout", closed)
    result = run("split", str(page), str(page))
    assert result.exit_code == 0
    assert result.stderr == ""


# -o DIR: one file per article


@pytest.fixture
def titled(monkeypatch):
    """A stand-in ``bulletin.split``: the input is ``{"titles": [...], "notes": [...]}`` and each title
    gets an article whose paragraph is its number."""

    def split(text, *, source="<stdin>", encoding="utf-8", config=None, layout="auto", trace=False):
        spec = json.loads(text)
        articles = [
            Article(index=n, title=title, paragraphs=[f"第{n}篇。"], lines=(n, n))
            for n, title in enumerate(spec["titles"], 1)
        ]
        return Page(articles=articles, notes=spec.get("notes", []), source=source, encoding=encoding)

    monkeypatch.setattr(bulletin, "split", split)

    def page(*titles: str, notes: tuple[str, ...] = ()) -> str:
        return json.dumps({"titles": list(titles), "notes": list(notes)})

    return page


def test_one_file_per_article(run, titled, tmp_path):
    out = tmp_path / "out"
    result = run("split", "-o", str(out), input=titled("汾源县部署春耕", "招聘会", notes=("责任编辑 赵六",)))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == result.stderr == ""
    assert tree(out) == ["00-notes.txt", "01-汾源县部署春耕.txt", "02-招聘会.txt"]
    assert (out / "01-汾源县部署春耕.txt").read_text(encoding="utf-8") == "汾源县部署春耕\n\n第1篇。\n"
    assert (out / "00-notes.txt").read_text(encoding="utf-8") == "责任编辑 赵六\n"


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_has_its_extension(run, titled, tmp_path, fmt):
    out = tmp_path / "out"
    assert run("split", "--format", fmt, "--output-dir", str(out), input=titled("招聘会")).exit_code == 0
    assert tree(out) == [f"01-招聘会.{fmt}"]
    text = (out / f"01-招聘会.{fmt}").read_text(encoding="utf-8")
    if fmt in ("json", "jsonl"):
        assert json.loads(text)["source"] == "<stdin>"
        assert json.loads(text)["title"] == "招聘会"


HOSTILE = [
    "a/b",
    "..",
    "../../escaped",
    "/etc/passwd",
    "..\\..\\windows",
    "x\x00y\x1b[31mz\x7f",
    "line\nbreak\ttab\u3000space",
    "bidi\u202etxt.exe",
    ".hidden",
    "-rf",
    'a<b>c:d"e|f?g*h',
    "trailing dots...",
    "长" * 300,
    "",
    "同名",
    "同名",
]
EXPECTED = [
    "01-a_b.txt",
    "02-untitled.txt",
    "03-_escaped.txt",
    "04-_etc_passwd.txt",
    "05-_windows.txt",
    "06-xy[31mz.txt",
    "07-line break tab space.txt",
    "08-biditxt.exe.txt",
    "09-hidden.txt",
    "10-rf.txt",
    "11-a_b_c_d_e_f_g_h.txt",
    "12-trailing dots_.txt",
    "13-" + "长" * 64 + ".txt",
    "14-untitled.txt",
    "15-同名.txt",
    "16-同名.txt",
]


def test_file_names_are_made_safe(run, titled, tmp_path):
    out = tmp_path / "deep" / "out"
    result = run("split", "-o", str(out), input=titled(*HOSTILE))
    assert result.exit_code == 0, result.stderr
    assert tree(tmp_path) == ["deep", "deep/out", *sorted(f"deep/out/{name}" for name in EXPECTED)]
    for name in EXPECTED:
        assert len(name.encode("utf-8")) <= 200
        assert not name.startswith((".", "-")) and ".." not in name
        assert not any(ch in name for ch in '/\\<>:"|?*') and all(ch.isprintable() for ch in name)
    numbers = [(out / name).read_text(encoding="utf-8").splitlines()[-1] for name in EXPECTED]
    assert numbers == [f"第{n}篇。" for n in range(1, len(EXPECTED) + 1)]


def test_long_titles_are_cut_on_a_character_boundary(run, titled, tmp_path):
    for title in ["长" * 300, "a" + "长" * 300, "ab" + "长" * 300, "x" * 300, "𠮷" * 300]:
        out = tmp_path / str(len(os.listdir(tmp_path)))
        assert run("split", "-o", str(out), "--format", "md", input=titled(title)).exit_code == 0
        (name,) = os.listdir(out)
        raw = name.encode("utf-8")
        assert 196 < len(raw) <= 200
        assert title.startswith(name.removeprefix("01-").removesuffix(".md"))


def test_many_articles_get_wider_numbers(run, titled, tmp_path):
    out = tmp_path / "out"
    assert run("split", "-o", str(out), input=titled(*["题"] * 100)).exit_code == 0
    names = sorted(os.listdir(out))
    assert names[0] == "001-题.txt" and names[-1] == "100-题.txt" and len(names) == 100


def test_several_inputs_get_a_folder_each(run, titled, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    inputs = [tmp_path / "a" / "page.txt", tmp_path / "b" / "page.txt", tmp_path / "a" / "Page.txt"]
    inputs.append(tmp_path / "..hidden.txt")
    for n, path in enumerate(inputs):
        path.write_text(titled(f"题{n}"), encoding="utf-8")
    out = tmp_path / "out"
    result = run("split", "-o", str(out), *map(str, inputs), "-", input=titled("题4"))
    assert result.exit_code == 0, result.stderr
    assert tree(out) == [
        "Page-3",  # page, page and Page: one folder on a file system that ignores case
        "Page-3/01-题2.txt",
        "hidden",
        "hidden/01-题3.txt",
        "page",
        "page-2",
        "page-2/01-题1.txt",
        "page/01-题0.txt",
        "stdin",
        "stdin/01-题4.txt",
    ]


def test_an_existing_file_is_not_overwritten_without_force(run, titled, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "02-招聘会.txt").write_text("keep me", encoding="utf-8")
    result = run("split", "-o", str(out), input=titled("汾源县部署春耕", "招聘会"))
    assert result.exit_code == 1
    target = out / "02-招聘会.txt"
    assert (
        one_line(result.stderr) == f"bulletin: {target}: already exists; not overwriting it without --force"
    )
    assert tree(out) == ["02-招聘会.txt"]  # nothing of that page written, not even its first article
    assert target.read_text(encoding="utf-8") == "keep me"

    result = run("split", "-o", str(out), "--force", input=titled("汾源县部署春耕", "招聘会"))
    assert result.exit_code == 0
    assert result.stderr == ""
    assert tree(out) == ["01-汾源县部署春耕.txt", "02-招聘会.txt"]
    assert target.read_text(encoding="utf-8") == "招聘会\n\n第2篇。\n"


def test_a_refused_page_does_not_stop_the_others(run, titled, tmp_path):
    pages = []
    for n in range(2):
        pages.append(tmp_path / f"p{n}.txt")
        pages[-1].write_text(titled(f"题{n}"), encoding="utf-8")
    out = tmp_path / "out"
    (out / "p0").mkdir(parents=True)
    (out / "p0" / "01-题0.txt").write_text("keep me", encoding="utf-8")
    result = run("split", "-o", str(out), *map(str, pages))
    assert result.exit_code == 1
    assert one_line(result.stderr).startswith(f"bulletin: {out / 'p0' / '01-题0.txt'}: already exists")
    assert (out / "p1" / "01-题1.txt").exists()


def test_a_symbolic_link_is_never_written_through(run, titled, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("outside", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "01-题.txt").symlink_to(outside)
    (out / "02-题.txt").symlink_to(tmp_path / "dangling.txt")
    result = run("split", "-o", str(out), input=titled("题", "题"))
    assert result.exit_code == 1
    assert "already exists" in one_line(result.stderr)

    assert run("split", "-o", str(out), "--force", input=titled("题", "题")).exit_code == 0
    assert outside.read_text(encoding="utf-8") == "outside"
    assert not (tmp_path / "dangling.txt").exists()
    assert not (out / "01-题.txt").is_symlink()
    assert (out / "01-题.txt").read_text(encoding="utf-8") == "题\n\n第1篇。\n"
    assert tree(tmp_path) == ["out", "out/01-题.txt", "out/02-题.txt", "outside.txt"]


def test_a_symbolic_link_to_nowhere_as_an_input_folder_is_refused(run, titled, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "p").symlink_to(tmp_path / "nowhere")
    pages = [tmp_path / "p.txt", tmp_path / "q.txt"]
    for path in pages:
        path.write_text(titled("题"), encoding="utf-8")
    result = run("split", "-o", str(out), *map(str, pages))
    assert result.exit_code == 1
    assert one_line(result.stderr).startswith(f"bulletin: {out / 'p'}: ")
    assert not (tmp_path / "nowhere").exists()


def test_output_dir_that_is_a_file(run, titled, tmp_path):
    out = tmp_path / "out"
    out.write_text("a file", encoding="utf-8")
    result = run("split", "-o", str(out), input=titled("题"))
    assert result.exit_code == 1
    assert one_line(result.stderr).startswith(f"bulletin: {out}: ")
    assert out.read_text(encoding="utf-8") == "a file"


def test_an_interrupted_write_leaves_no_temporary_file(run, titled, tmp_path, monkeypatch):
    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    out = tmp_path / "out"
    result = run("split", "-o", str(out), input=titled("题"))
    assert result.exit_code == 130
    assert tree(out) == []


# the progress bar


def test_no_progress_bar_off_a_terminal(run, titled, tmp_path):
    pages = []
    for n in range(5):
        pages.append(tmp_path / f"p{n}.txt")
        pages[-1].write_text(titled(f"题{n}"), encoding="utf-8")
    result = run("split", "-o", str(tmp_path / "out"), *map(str, pages))
    assert result.exit_code == 0
    assert result.stderr == ""


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("files", "shown"), [(3, False), (4, True)])
def test_progress_bar_on_a_terminal_with_many_files(monkeypatch, files, shown):
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with commands.progress(files, "split") as advance:
        for _ in range(files):
            advance()
    assert bool(terminal.getvalue()) is shown


# whatever a title holds


@settings(max_examples=300)
@given(title=st.text(max_size=400), number=st.integers(1, 1000))
def test_any_title_gives_one_safe_name(title, number):
    name = article_filename(number, title, "md", width=2)
    assert os.path.basename(name) == name and "/" not in name and "\\" not in name
    assert name not in (".", "..") and ".." not in name and not name.startswith((".", "-"))
    assert len(name.encode("utf-8")) <= 200
    assert all(ch.isprintable() or ch == " " for ch in name)
    assert not set(name) & set('<>:"|?*')
    assert name.startswith(f"{number:02d}-") and name.endswith(".md")
    assert safe_filename("", title, "", empty="page") not in ("", ".", "..")


@pytest.mark.parametrize(
    ("stem", "expected"),
    [("CON", "CON_"), ("nul.txt", "nul_.txt"), ("com1", "com1_"), ("CONSOLE", "CONSOLE"), ("", "page")],
)
def test_a_folder_never_takes_a_reserved_windows_name(stem, expected):
    assert safe_filename("", stem, "", empty="page") == expected


def test_layout_sets_which_side_a_headline_goes_to(run):
    """--layout before/after replaces the page's guessed layout; an unknown one is a usage error."""
    sample = Path(__file__).resolve().parent.parent / "samples" / "page-headline-after.txt"
    text = bulletin.decode(sample.read_bytes()).text
    guessed = bulletin.split(text)
    assert bulletin.split(text, layout="after") == guessed
    assert bulletin.split(text, layout="before") != guessed
    forced = run("split", "--layout", "before", "-f", "json", str(sample))
    assert forced.exit_code == 0
    want = bulletin.split(text, layout="before").to_dict()["articles"]
    assert json.loads(forced.output)["articles"] == want
    assert run("split", "--layout", "sideways", str(sample)).exit_code == 2
    with pytest.raises(bulletin.UsageError):
        bulletin.split(text, layout="sideways")
    layout = inspect.signature(cli.split, eval_str=True).parameters["layout"].annotation
    assert get_args(get_args(layout)[0]) == segment.LAYOUTS  # the option's values are the library's
