"""The compiled-pattern cache: what it hands back is the pattern ``re`` makes, and a cache that is
missing, damaged or in a shared folder changes nothing but the time."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bulletin import lazyre, patterns, reflow
from bulletin.lazyre import LazyPattern

PAGE = Path(__file__).resolve().parent.parent / "samples" / "page-headline-after.txt"
TEXTS = [PAGE.read_text(encoding="utf-8"), "本报讯（记者 王小明）全县10个乡镇, 共计3.5万人:", "A-1 (b) 中文"]


def _project_patterns() -> list[tuple[str, int]]:
    found = []
    for module in (patterns, reflow):
        for value in vars(module).values():
            if isinstance(value, LazyPattern):
                found.append(value._args)
    return found


@pytest.mark.parametrize(("pattern", "flags"), _project_patterns(), ids=lambda p: str(p)[:30])
def test_cached_code_is_the_code_re_makes(pattern, flags, monkeypatch):
    monkeypatch.setattr(lazyre, "_loaded", {})
    monkeypatch.setattr(lazyre, "_new", {})
    fresh = lazyre.compile(pattern, flags)  # compiled here, then kept
    again = lazyre.compile(pattern, flags)  # from what was kept
    expected = re.compile(pattern, flags)
    for made in (fresh, again):
        assert (made.pattern, made.flags, made.groups, made.groupindex) == (
            expected.pattern,
            expected.flags,
            expected.groups,
            expected.groupindex,
        )
        for text in TEXTS:
            assert [m.span() for m in made.finditer(text)] == [m.span() for m in expected.finditer(text)]


def test_a_bad_pattern_raises_what_re_raises():
    with pytest.raises(re.error, match="unterminated character set"):
        lazyre.compile("[abc")


def _clean(cache: Path) -> subprocess.CompletedProcess:
    code = (
        "import sys; from bulletin import clean, lazyre; sys.stdout.write(clean(sys.stdin.read())); "
        "print(len(lazyre._new), 'compiled', file=sys.stderr)"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    return subprocess.run(
        [sys.executable, "-c", code], input=TEXTS[0], env=env, capture_output=True, text=True, check=True
    )


def test_a_run_keeps_the_code_and_the_next_reads_it(tmp_path):
    first = _clean(tmp_path)
    kept = list((tmp_path / "bulletin").glob("re-*.marshal"))
    assert len(kept) == 1 and kept[0].stat().st_size > 10_000
    assert int(first.stderr.split()[0]) > 20
    second = _clean(tmp_path)
    assert (second.stdout, second.stderr) == (first.stdout, "0 compiled\n")


def test_a_damaged_cache_is_read_as_none(tmp_path):
    expected = _clean(tmp_path).stdout
    (kept,) = (tmp_path / "bulletin").glob("re-*.marshal")
    data = kept.read_bytes()
    kept.write_bytes(data[: len(data) // 2])  # cut short
    done = _clean(tmp_path)
    assert done.stdout == expected and done.stderr != "0 compiled\n"
    kept.write_bytes(data.replace(b"\x00\x00\x00", b"\x07\x00\x00"))  # code words changed: the
    # checksum fails (_sre's own check of the code would let a changed literal or bitmap through)
    done = _clean(tmp_path)
    assert done.stdout == expected and done.stderr != "0 compiled\n"


def test_a_folder_others_can_write_is_neither_read_nor_written(tmp_path):
    shared = tmp_path / "bulletin"
    shared.mkdir()
    shared.chmod(0o777)
    _clean(tmp_path)
    assert list(shared.iterdir()) == []
