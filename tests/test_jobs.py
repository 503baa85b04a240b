"""``--jobs N``: the same stdout, stderr and exit status with one process as with several."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bulletin import jobs

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PAGES = sorted(p for p in SAMPLES.glob("page-*.txt"))


@pytest.fixture
def pages(tmp_path):
    """The sample pages (every encoding), a missing file among them, and a binary one at the end."""
    names = [str(p) for p in PAGES]
    names.insert(3, str(tmp_path / "missing.txt"))
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    return [*names, str(binary)]


COMMANDS = [
    ["clean"],
    ["clean", "--explain", "--quotes", "corner"],
    ["split"],
    ["split", "--format", "jsonl"],
    ["count"],
    ["count", "--by", "article", "--format", "tsv"],
    ["count", "--format", "json"],
    ["summarize", "--chars", "60"],
    ["convert", "--to", "s2t"],
    ["convert", "--to", "tw", "--explain", "--keep", "新闻"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_jobs_1_and_2_give_the_same_output(run, pages, args):
    one = run(*args, "--jobs", "1", *pages)
    two = run(*args, "--jobs", "2", *pages)
    assert one.exit_code == two.exit_code == 1  # the missing and the binary file
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    errors = [line for line in one.stderr.splitlines() if line.startswith("bulletin: ")]
    assert len(errors) == 2
    assert "missing.txt" in errors[0] and "image.png" in errors[1]


def test_output_keeps_the_input_order(run):
    """Each page's clean text, in the order given, whatever worker cleaned it."""
    names = [str(p) for p in PAGES if ".txt" == p.name[-4:] and p.name.count(".") == 1]
    alone = [run("clean", name).stdout for name in names]
    order = names[::-1] + names
    assert run("clean", "-j", "2", *order).stdout == "".join(alone[::-1] + alone)


def test_in_place_with_jobs_rewrites_every_file(run, tmp_path):
    copies = []
    for n, page in enumerate(PAGES[:4]):
        copy = tmp_path / f"{n}-{page.name}"
        shutil.copy(page, copy)
        copies.append(copy)
    expected = [run("clean", str(c)).stdout for c in copies]
    result = run("clean", "-i", "--backup", ".orig", "--jobs", "2", *map(str, copies))
    assert result.exit_code == 0, result.stderr
    assert [c.read_text(encoding="utf-8") for c in copies] == expected
    assert all(Path(f"{c}.orig").read_bytes() == p.read_bytes() for c, p in zip(copies, PAGES))


def test_split_to_folders_with_jobs(run, tmp_path):
    names = [str(p) for p in PAGES[:4]]
    run("split", "-o", str(tmp_path / "one"), "-j", "1", *names)
    run("split", "-o", str(tmp_path / "two"), "-j", "2", *names)

    def tree(root: Path) -> dict[str, bytes]:
        return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}

    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    assert len(tree(tmp_path / "one")) > 10


def test_jobs_must_be_positive(run, pages):
    result = run("clean", "--jobs", "0", *pages)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1


def _pid(_: object) -> int:
    return os.getpid()


def test_several_files_go_to_other_processes():
    with jobs.ordered(_pid, range(6), 2) as pids:
        seen = set(pids)
    assert os.getpid() not in seen


@pytest.mark.parametrize(
    ("requested", "files", "expected"), [(2, 1, 1), (2, 2, 1), (2, 3, 2), (8, 3, 3), (1, 50, 1)]
)
def test_few_files_stay_in_process(requested, files, expected):
    assert jobs.workers(requested, files) == expected
    with jobs.ordered(_pid, range(files), requested) as pids:
        assert (set(pids) == {os.getpid()}) == (expected == 1)


def test_default_is_one_job_per_core():
    assert jobs.workers(None, 1000) == jobs.default_jobs() >= 1


def _fail_on_three(n: int) -> int:
    if n == 3:
        raise ValueError("three")
    return n


def test_an_error_in_a_worker_reaches_the_command():
    with pytest.raises(ValueError, match="three"), jobs.ordered(_fail_on_three, range(8), 2) as results:
        list(results)


def test_stopping_early_ends_the_workers():
    with jobs.ordered(_pid, range(100), 2) as pids:
        next(pids)
    # leaving the block early closed the pool: no worker left behind
    import multiprocessing

    assert not multiprocessing.active_children()


def test_real_pipe_with_two_jobs(tmp_path):
    """The console entry point, as a newsroom script runs it: byte-identical output."""
    names = [str(p) for p in PAGES]
    cmd = [sys.executable, "-m", "bulletin", "count", "--by", "article"]
    one = subprocess.run([*cmd, "-j", "1", *names], capture_output=True, check=True)
    two = subprocess.run([*cmd, "-j", "2", *names], capture_output=True, check=True)
    assert one.stdout == two.stdout and one.stderr == two.stderr == b""
    assert one.stdout.count(b"\n") > len(names)
