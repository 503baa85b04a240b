"""Start-up: what ``bulletin clean`` imports, and the plain option check that spares it pydantic."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import pytest

from bulletin.cli import cli

PAGE = Path(__file__).resolve().parent.parent / "samples" / "page-headline-after.txt"

LOADED = """
import os, sys
from bulletin.cli import cli
sys.stdout = open(os.devnull, "w")
status = cli(sys.argv[1:])
heavy = ["pydantic", "jieba", "opencc", "charset_normalizer", "rich", "multiprocessing", "pypdfium2"]
print(status, *[name for name in heavy if name in sys.modules], file=sys.__stdout__)
"""


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["clean", str(PAGE)], "0"),
        (["clean", "--quotes", "corner", "-j", "1", "--errors", "replace", str(PAGE)], "0"),
        (["split", "--format", "jsonl", str(PAGE)], "0"),
        (["count", str(PAGE)], "0"),  # its --rate defaults to an int, which needs no pydantic either
        (["summarize", "--chars", "60", str(PAGE)], "0"),
        (["convert", "--to", "tw", str(PAGE)], "0 opencc"),  # OpenCC itself, nothing else
        (["clean", "-j", "0", str(PAGE)], "2"),  # a bad value: refused in our words, without pydantic
    ],
)
def test_what_a_command_loads(args, expected):
    done = subprocess.run([sys.executable, "-c", LOADED, *args], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == expected


def test_clean_of_a_text_file_imports_no_pdf_reader():
    """``python -X importtime``: the PDF reader (pypdfium2, bulletin.pdf) loads only for a PDF."""
    args = [sys.executable, "-X", "importtime", "-m", "bulletin", "clean", str(PAGE)]
    done = subprocess.run(args, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert "bulletin.runner" in imported  # (the trace is there at all)
    assert not {name for name in imported if name.split(".")[0] == "pypdfium2" or name == "bulletin.pdf"}


ARGS = [
    ["clean", "--jobs", "0", str(PAGE)],
    ["clean", "--jobs", "x", str(PAGE)],
    ["clean", "--jobs", "+1", str(PAGE)],
    ["clean", "--jobs", "1", "--quotes", "bad", str(PAGE)],
    ["clean", "--errors", "replace", "--spacing", "pangu", "--paragraph-sep", "blank", str(PAGE)],
    ["split", "-f", "pdf", str(PAGE)],
    ["summarize", "--chars", "0", str(PAGE)],
    ["summarize", "--chars", "٣", str(PAGE)],  # a digit, but not an ASCII one
    ["count", "--top", "3", "--rate", "-1", str(PAGE)],
    ["count", "--by", "article", "--format", "csv", str(PAGE)],
    ["--version"],
]


@pytest.mark.parametrize("args", ARGS, ids=" ".join)
def test_plain_check_gives_typers_results(args, run, capsys):
    """``cli()`` checks plain values itself; typer's runner (``run``) checks all with pydantic."""
    expected = run(*args)
    status = cli(args)
    out, err = capsys.readouterr()
    assert (status, out, err) == (expected.exit_code, expected.stdout, expected.stderr)


def test_help_still_works(capsys):
    assert cli(["clean", "-h"]) == 0
    assert capsys.readouterr().out.startswith("Usage: bulletin clean [OPTIONS] [FILE]...")


# Plain runs (``bulletin clean FILE...``, ``bulletin convert --to tw FILE...``): no typer (see
# bulletin.__main__), and the same run as through typer.

FAST = [sys.executable, "-m", "bulletin"]
TYPER = [sys.executable, "-c", "import sys; from bulletin.cli import cli; sys.exit(cli(sys.argv[1:]))"]


@pytest.mark.parametrize("args", [["clean"], ["split", "-f", "jsonl"], ["convert", "--to", "tw"]])
def test_plain_runs_load_no_typer(args):
    done = subprocess.run([*FAST[:1], "-X", "importtime", *FAST[1:], *args, str(PAGE)], capture_output=True)
    imported = [line.rsplit(b"|", 1)[-1].strip().decode() for line in done.stderr.splitlines()]
    assert done.returncode == 0 and "bulletin.runner" in imported
    assert [name for name in imported if name.split(".")[0] in ("typer", "click", "rich")] == []


MD = {"format": "md"}


@pytest.mark.parametrize(
    ("args", "call"),
    [
        (["clean"], ("clean_files", {"files": []})),
        (["clean", "-", "a.txt", "b c.txt"], ("clean_files", {"files": ["-", "a.txt", "b c.txt"]})),
        (["convert", "a", "--to", "tw", "b"], ("convert_files", {"files": ["a", "b"], "to": "tw"})),
        (["convert", "-t", "s2t", "-"], ("convert_files", {"files": ["-"], "to": "s2t"})),
        (["convert", "--to=hk"], ("convert_files", {"files": [], "to": "hk"})),
        (["convert", "a.txt"], ("convert_files", {"files": ["a.txt"]})),  # (its error is the command's)
        (["convert", "--to", "tw", "--to", "hk"], None),
        (["convert", "--to"], None),
        (["convert", "--to", "-"], None),
        (["convert", "--to="], None),
        (["convert", "-t=tw"], None),  # click reads "=tw"
        (["convert", "-ttw"], None),
        (["convert", "--to", "tw", "--explain"], None),
        (
            ["split", "-o", "o", "a", "--format=md"],
            ("split_files", {"files": ["a"], "output_dir": "o", "format": "md"}),
        ),
        (["split", "-f", "pdf", "a"], None),  # (typer's message for a bad choice)
        (["split", "--force", "-o", "out", "a"], None),
        (["clean", "-o", "out.txt", "a.txt"], None),
        (["clean", "--", "-a.txt"], None),
        (["clean", "a.txt", "--explain"], None),
        (["clean", "-h"], None),
        (["split", "a.txt"], ("split_files", {"files": ["a.txt"]})),
        (["count", "a.txt"], None),
        ([], None),
    ],
)
def test_which_runs_are_plain(args, call):
    from bulletin.__main__ import plain_call

    assert plain_call(args) == call


def test_plain_split_formats_are_the_commands():
    from typing import get_args

    from bulletin.__main__ import SPLIT_FORMATS
    from bulletin.render import Format

    assert SPLIT_FORMATS == get_args(Format)


@pytest.mark.parametrize("command", ["clean", "split", "convert"])
def test_plain_runs_have_the_commands_defaults(command):
    from bulletin import cli as typed
    from bulletin import runner

    typed_params = inspect.signature(getattr(typed, command)).parameters
    plain = inspect.signature(getattr(runner, f"{command}_files")).parameters
    assert set(plain) - set(typed_params) <= {"skipped"}
    for name, param in plain.items():
        if name != "skipped":
            assert param.default == typed_params[name].default, name


def _folder(path):
    path.mkdir()
    (path / "gbk.txt").write_bytes(PAGE.read_text(encoding="utf-8").encode("gbk", "replace"))
    (path / "binary.txt").write_bytes(b"%PDF-1.7\n\x00\x01")
    (path / "folder").mkdir()
    return path


def _tree(path):
    return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    "args",
    [
        ["clean", "page"],
        ["clean", "-"],
        ["clean"],
        ["clean", "gbk.txt", "page", "missing.txt", "binary.txt", "folder", "page"],  # 6: --jobs workers
        ["split", "page"],
        ["split", "--format=jsonl", "gbk.txt", "page", "missing.txt", "binary.txt", "folder", "page"],
        ["split", "-o", "articles", "page", "-"],
        ["split", "-o", "gbk.txt", "page"],  # DIR is a file
        ["convert", "--to", "tw", "page"],
        ["convert", "-", "-t", "t2s"],
        ["convert", "--to=nonsense", "page"],
        ["convert", "page"],
        ["convert", "--to", "hk", "gbk.txt", "page", "missing.txt", "binary.txt", "folder", "page"],
    ],
    ids=" ".join,
)
def test_plain_run_is_the_typer_command(tmp_path, args):
    from bulletin.__main__ import plain_call

    args = [str(PAGE) if arg == "page" else arg for arg in args]
    assert plain_call(args) is not None
    stdin = PAGE.read_bytes()
    fast_dir, typed_dir = _folder(tmp_path / "fast"), _folder(tmp_path / "typed")
    fast = subprocess.run([*FAST, *args], input=stdin, capture_output=True, cwd=fast_dir)
    typed = subprocess.run([*TYPER, *args], input=stdin, capture_output=True, cwd=typed_dir)
    assert (fast.returncode, fast.stdout, fast.stderr) == (typed.returncode, typed.stdout, typed.stderr)
    assert _tree(fast_dir) == _tree(typed_dir)
    assert fast.stdout or fast.returncode == 2 or "-o" in args
