"""split's trace (``bulletin.split(text, trace=True)``, ``bulletin split --explain``) and the
threshold table: every block gets a role and a reason, the trace agrees with the articles, the
command's stdout does not change, and no pass of segment decides with an unnamed number."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

import bulletin
from bulletin import segment
from bulletin.segment import thresholds
from bulletin.segment.thresholds import THRESHOLDS

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(
    p for p in (ROOT / "samples").glob("page-*.txt") if ".gbk" not in p.name and "big5" not in p.name
)
HAN = re.compile(r"[\u4e00-\u9fff]")


def loose(s: str | None) -> str:
    return re.sub(r"\s", "", s or "")


def traced(path: Path) -> bulletin.Page:
    text, _ = bulletin.decode(path.read_bytes())
    return bulletin.split(text, trace=True)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_block_gets_a_role_and_a_reason(path):
    trace = traced(path).explain
    assert trace is not None and trace.blocks
    for b in trace.blocks:
        assert b.role in {
            "kicker",
            "title",
            "subtitle",
            "byline",
            "body",
            "caption",
            "photo_byline",
            "section",
            "credit",
            "note",
        }, b
        assert b.reasons and all(name and value for name, value in b.reasons), b


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_the_trace_agrees_with_the_articles(path):
    page = traced(path)
    trace = page.explain
    assert [a.index for a in trace.articles] == [a.index for a in page.articles]
    for b in trace.blocks:
        if b.article is None:
            assert b.text in page.notes
            continue
        article = page.articles[b.article - 1]
        where = {
            "kicker": article.kicker,
            "title": article.title,
            "subtitle": article.subtitle,
            "byline": article.byline,
            "body": (article.dateline or "") + "".join(article.paragraphs),
            "caption": "".join(article.captions),
            "photo_byline": "".join(article.captions),
        }[b.role]
        assert loose(b.text) in loose(where), (b.role, b.text, where)
    for a in trace.articles:
        assert a.reasons, a
        if a.headline is not None:  # its headline lines are in its title, kicker or subtitle
            assert a.side in ("before", "after")
            assert a.labels and all(label[0] in "KTS" for label in a.labels)


def test_the_trace_says_which_side_the_headlines_are_on():
    """The bundled pages set headlines before (…-before) or after (…-after) their bodies."""
    for path in SAMPLES:
        trace = traced(path).explain
        side = "before" if "before" in path.name else "after"
        assert trace.layout == side, path.name
        assert {a.side for a in trace.articles if a.headline} == {side}, path.name


def test_the_trace_holds_every_han_character_of_the_articles():
    page = traced(ROOT / "samples" / "page-headline-after.txt")
    in_trace = sorted(HAN.findall("".join(b.text for b in page.explain.blocks)))
    out = page.articles
    in_page = "".join(
        (a.kicker or "")
        + a.title
        + (a.subtitle or "")
        + (a.byline or "")
        + (a.dateline or "")
        + "".join(a.paragraphs)
        + "".join(a.captions)
        for a in out
    ) + "".join(page.notes)
    assert in_trace == sorted(HAN.findall(in_page))


def test_a_caption_says_why_it_is_one():
    """A lone short sentence after a body is a caption: the trace gives the rule and the numbers."""
    page = traced(ROOT / "samples" / "page-headline-after.txt")
    (lone,) = [b for b in page.explain.blocks if b.text == "比赛现场，队员们奋力拼抢。"]
    assert lone.role == "caption"
    assert lone.reasons[0][0] == "rule:lone-sentence"


def test_without_trace_there_is_none():
    text = (ROOT / "samples" / "page-headline-before.txt").read_text(encoding="utf-8")
    assert bulletin.split(text).explain is None
    assert bulletin.split(text) == bulletin.split(text, trace=True)  # the articles do not change


def test_explain_goes_to_stderr_and_leaves_stdout_as_it_was():
    page = str(ROOT / "samples" / "page-headline-before.txt")
    plain = subprocess.run([sys.executable, "-m", "bulletin", "split", page], capture_output=True, check=True)
    told = subprocess.run(
        [sys.executable, "-m", "bulletin", "split", "--explain", page], capture_output=True, check=True
    )
    assert told.stdout == plain.stdout and plain.stderr == b""
    lines = told.stderr.decode("utf-8").splitlines()
    trace = traced(Path(page)).explain
    assert len(lines) == 1 + len(trace.blocks) + len(
        trace.articles
    )  # the layout, a block a line, an article a line
    assert lines[0].startswith("layout: before")
    assert any(" title " in line and "model T-start" in line for line in lines)
    assert lines[-1].startswith(f"article {len(trace.articles)}: ")


def test_explain_names_each_file_of_several(run, tmp_path):
    pages = [ROOT / "samples" / "page-headline-before.txt", ROOT / "samples" / "page-headline-after.txt"]
    result = run("split", "--explain", *map(str, pages))
    assert result.exit_code == 0
    headers = [line for line in result.stderr.splitlines() if line.startswith("# ")]
    assert headers == [f"# {p}" for p in pages]
    assert result.stdout == run("split", *map(str, pages)).stdout


def test_explain_tells_each_page_of_a_paged_input(run, tmp_path):
    """Text with form feeds (a whole issue out of pdftotext) is split page by page, and so is
    explained: each page's trace under its ``# page N`` line."""
    before = (ROOT / "samples" / "page-headline-before.txt").read_text(encoding="utf-8")
    after = (ROOT / "samples" / "page-headline-after.txt").read_text(encoding="utf-8")
    issue = tmp_path / "issue.txt"
    issue.write_text(before + "\f" + after, encoding="utf-8")
    result = run("split", "--explain", str(issue))
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert [line for line in lines if line.startswith("# ")] == ["# page 1", "# page 2"]
    layouts = [lines[i + 1] for i, line in enumerate(lines) if line.startswith("# page")]
    assert layouts[0].startswith("layout: before") and layouts[1].startswith("layout: after")


def test_the_trace_is_not_imported_by_a_plain_split():
    code = (
        "import sys, bulletin; from pathlib import Path;"
        "bulletin.split(Path(sys.argv[1]).read_text(encoding='utf-8'));"
        "print('bulletin.segment.trace' in sys.modules)"
    )
    page = str(ROOT / "samples" / "page-headline-after.txt")
    done = subprocess.run([sys.executable, "-c", code, page], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_every_threshold_has_a_reason():
    rows = thresholds.reasons()
    assert len(rows) >= 30
    for name, why in rows.items():
        assert len(why) > 20, name
        assert isinstance(getattr(THRESHOLDS, name), (int, float)), name
    assert thresholds.reason("reach") == rows["reach"]
    with pytest.raises(KeyError):
        thresholds.reason("no_such_threshold")
    with pytest.raises(AttributeError):  # the table is read, never written
        THRESHOLDS.reach = 3  # type: ignore[misc]


PASSES = ROOT / "bulletin" / "segment"


def test_every_module_of_segment_is_a_pass_or_says_what_it_is():
    listed = [m for modules in segment.PASSES.values() for m in modules] + list(segment.SUPPORT)
    on_disk = sorted(p.stem for p in PASSES.glob("*.py") if p.stem != "__init__")
    assert sorted(listed) == on_disk
    assert list(segment.PASSES) == ["blocks", "roles", "headline runs", "attachment", "articles"]


NAMED_ELSEWHERE = {"model.py", "train.py"}
"""The headline model's feature encoding (positions capped at 3, a quarter of the widest...) and
its training knobs (``FIT``) stay beside the model."""


def test_no_pass_decides_with_an_unnamed_number():
    """Inside segment's functions, numbers other than 0, 1 and 2 (counting, indexing, pairs) are
    rows of ``THRESHOLDS`` or constants named at the top of their module."""
    found = []
    for path in sorted(PASSES.glob("*.py")):
        if path.name in NAMED_ELSEWHERE:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(fn):
                number = isinstance(node, ast.Constant) and type(node.value) in (int, float)
                if number and node.value not in (0, 1, 2):
                    found.append(f"{path.name}:{node.lineno}: {node.value}")
    assert not found
