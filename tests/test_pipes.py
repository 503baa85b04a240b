"""``bulletin`` as a shell sees it: real processes, real pipes, real start-up."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import OTHER, PAGE

import bulletin

BULLETIN = [sys.executable, "-m", "bulletin"]


def test_python_m_bulletin_version():
    done = subprocess.run([*BULLETIN, "--version"], capture_output=True, check=True)
    assert done.stdout == f"bulletin {bulletin.__version__}\n".encode()
    assert done.stderr == b""


def test_cat_page_into_bulletin_into_the_next_command(page):
    cat = subprocess.Popen(["cat", str(page)], stdout=subprocess.PIPE)
    clean = subprocess.Popen([*BULLETIN, "clean"], stdin=cat.stdout, stdout=subprocess.PIPE)
    cat.stdout.close()
    wc = subprocess.run(["wc", "-c"], stdin=clean.stdout, capture_output=True, check=True)
    clean.stdout.close()
    assert clean.wait() == 0 and cat.wait() == 0
    assert int(wc.stdout) == len(bulletin.clean(PAGE).encode("utf-8"))


def test_head_closing_the_pipe_ends_quietly(tmp_path):
    """``bulletin clean big.txt | head -1``: no traceback, nothing on stderr, exit status 0."""
    big = tmp_path / "big.txt"
    big.write_text(PAGE * 11_500, encoding="utf-8")  # 3 MB: far more than a pipe holds
    assert big.stat().st_size > 3_000_000
    clean = subprocess.Popen([*BULLETIN, "clean", str(big)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    head = subprocess.run(["head", "-1"], stdin=clean.stdout, capture_output=True, check=True)
    clean.stdout.close()
    stderr = clean.stderr.read()
    clean.stderr.close()
    assert clean.wait(timeout=120) == 0, stderr
    assert stderr == b""
    assert head.stdout.count(b"\n") == 1


@pytest.mark.parametrize("fmt", ["jsonl", "txt"])
def test_split_into_head_ends_quietly(tmp_path, fmt):
    """``bulletin split --format jsonl big.txt | head -1``: no traceback, nothing on stderr, status 0."""
    big = tmp_path / "big.txt"
    big.write_text((OTHER + PAGE) * 250, encoding="utf-8")  # 100 kB: more than a pipe holds
    split = subprocess.Popen(
        [*BULLETIN, "split", "--format", fmt, str(big)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    head = subprocess.run(["head", "-1"], stdin=split.stdout, capture_output=True, check=True)
    split.stdout.close()
    stderr = split.stderr.read()
    split.stderr.close()
    assert split.wait(timeout=120) == 0, stderr
    assert stderr == b""
    assert head.stdout.count(b"\n") <= 1


@pytest.mark.parametrize("heavy", ["jieba", "opencc", "charset_normalizer", "rich"])
@pytest.mark.parametrize("command", ["clean", "split"])
def test_utf8_page_imports_nothing_heavy(page, heavy, command):
    """Start-up is paid on every call in a pipe: clean and split on UTF-8 need none of these."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "bulletin", command, str(page)],
        capture_output=True,
        check=True,
    )
    # Lines look like "import time:   self [us] | cumulative | imported.package"
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.decode().splitlines() if "|" in line}
    assert not {name for name in imported if name == heavy or name.startswith(heavy + ".")}


def test_shell_completion_offers_the_rule_switches():
    env = {
        **os.environ,
        "_BULLETIN_COMPLETE": "complete_bash",
        "COMP_WORDS": "bulletin clean --no-p",
        "COMP_CWORD": "2",
    }
    done = subprocess.run(BULLETIN, env=env, capture_output=True, check=True)
    assert done.stdout.split() == [b"--no-punct"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_a_full_disk_on_stdout_is_one_line_and_exit_1(page):
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([*BULLETIN, "clean", str(page)], stdout=full, stderr=subprocess.PIPE)
    assert proc.returncode == 1
    assert proc.stderr.decode().strip() == "bulletin: <stdout>: No space left on device"


def test_a_closed_stdout_is_one_line_and_exit_1(page):
    proc = subprocess.run([*BULLETIN, "clean", str(page)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.returncode == 0
    closed = subprocess.run(
        ["sh", "-c", '"$0" -m bulletin clean "$1" >&-', sys.executable, str(page)], stderr=subprocess.PIPE
    )
    assert closed.returncode == 1
    assert "Traceback" not in closed.stderr.decode()
