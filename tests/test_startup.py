"""Start-up: what each command imports (heavy modules only in the commands that need them), and
the two ways in, ``python -m bulletin`` and the ``bulletin`` console script, both ``cli.main``."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bulletin.cli import main

PAGE = Path(__file__).resolve().parent.parent / "samples" / "page-headline-after.txt"

LOADED = """
import os, sys
from bulletin.cli import main
sys.stdout = open(os.devnull, "w")
status = main(sys.argv[1:])
heavy = ["jieba", "opencc", "charset_normalizer", "rich", "multiprocessing", "pypdfium2"]
print(status, *[name for name in heavy if name in sys.modules], file=sys.__stdout__)
"""


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["clean", str(PAGE)], "0"),
        (["clean", "--quotes", "corner", "-j", "1", "--errors", "replace", str(PAGE)], "0"),
        (["split", "--format", "jsonl", str(PAGE)], "0"),
        (["count", str(PAGE)], "0"),
        (["summarize", "--chars", "60", str(PAGE)], "0"),
        (["convert", "--to", "tw", str(PAGE)], "0 opencc"),  # OpenCC itself, nothing else
        (["clean", "-j", "0", str(PAGE)], "2"),  # a bad value: a usage error, nothing loaded for it
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
    assert "bulletin.commands" in imported  # (the trace is there at all)
    assert not {name for name in imported if name.split(".")[0] == "pypdfium2" or name == "bulletin.pdf"}


def test_help_works(capsys):
    assert main(["clean", "-h"]) == 0
    assert capsys.readouterr().out.startswith("Usage: bulletin clean [OPTIONS] [FILE]...")


MAIN = [sys.executable, "-c", "import sys; from bulletin.cli import main; sys.exit(main(sys.argv[1:]))"]
SCRIPT = shutil.which("bulletin", path=str(Path(sys.executable).parent))


@pytest.mark.parametrize(
    "args",
    [
        ["clean", "-"],
        ["split", "-f", "jsonl", "-"],
        ["count", "--frobnicate"],
        ["convert", "--to", "tw", "-"],
    ],
    ids=" ".join,
)
@pytest.mark.parametrize("way", ["python -m bulletin", "bulletin"])
def test_both_ways_in_are_the_same_command(args, way):
    """The console script (where the environment has one) and ``python -m`` give what ``main`` gives."""
    if way == "bulletin" and SCRIPT is None:
        pytest.skip("no console script in this environment")
    argv = [sys.executable, "-m", "bulletin"] if way != "bulletin" else [str(SCRIPT)]
    stdin = PAGE.read_bytes()
    done = subprocess.run([*argv, *args], input=stdin, capture_output=True)
    inner = subprocess.run([*MAIN, *args], input=stdin, capture_output=True)
    assert (done.returncode, done.stdout, done.stderr) == (inner.returncode, inner.stdout, inner.stderr)
    assert done.returncode == (2 if "--frobnicate" in args else 0)
