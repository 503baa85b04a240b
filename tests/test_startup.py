"""Start-up: what ``bulletin clean`` imports, and the plain option check that spares it pydantic."""

from __future__ import annotations

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
heavy = ["pydantic", "jieba", "opencc", "charset_normalizer", "rich", "multiprocessing"]
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
        (["clean", "-j", "0", str(PAGE)], "2 pydantic"),  # a bad value: typer's own check and message
    ],
)
def test_what_a_command_loads(args, expected):
    done = subprocess.run([sys.executable, "-c", LOADED, *args], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == expected


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
