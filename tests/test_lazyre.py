"""Patterns compiled on first use: a lazy pattern is the pattern ``re`` makes, compiled only when a
rule first asks for it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bulletin import lazyre, normalize, patterns
from bulletin.lazyre import LazyPattern

PAGE = Path(__file__).resolve().parent.parent / "samples" / "page-headline-after.txt"
TEXTS = [PAGE.read_text(encoding="utf-8"), "本报讯（记者 王小明）全县10个乡镇, 共计3.5万人:", "A-1 (b) 中文"]


def _project_patterns() -> list[tuple[str, int]]:
    return [v._args for m in (patterns, normalize) for v in vars(m).values() if isinstance(v, LazyPattern)]


@pytest.mark.parametrize(("pattern", "flags"), _project_patterns(), ids=lambda p: str(p)[:30])
def test_a_lazy_pattern_finds_what_re_finds(pattern, flags):
    made, expected = lazyre.lazy(pattern, flags), re.compile(pattern, flags)
    assert (made.pattern, made.flags, made.groups, made.groupindex) == (
        expected.pattern,
        expected.flags,
        expected.groups,
        expected.groupindex,
    )
    for text in TEXTS:
        assert [m.span() for m in made.finditer(text)] == [m.span() for m in expected.finditer(text)]


def test_a_bad_pattern_raises_what_re_raises_when_first_used():
    bad = lazyre.lazy("[abc")
    with pytest.raises(re.error, match="unterminated character set"):
        bad.search("abc")


def test_importing_the_rules_compiles_nothing():
    code = (
        "import re, sys; calls = []; real = re.compile\n"
        "re.compile = lambda *a, **k: calls.append(a) or real(*a, **k)\n"
        "import bulletin.clean, bulletin.patterns\n"
        "print(len([a for a in calls if '\\u4e00' in str(a[0])]))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0"  # (no Han class compiled before a rule runs)
