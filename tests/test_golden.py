"""Whole pages: clean on every sample page, against two kinds of golden files.

- ``tests/golden/NAME.out.txt`` is what clean prints today, reviewed as a diff whenever it changes:
  regenerate with ``BULLETIN_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py``.
- ``tests/golden/NAME.gold.json`` is the hand-read answer (paragraphs, titles ...) and
  ``NAME.clean.txt`` the page set out by hand a line per part: clean must give most of them as whole
  lines and keep every Han character, whatever the snapshot says.
"""

import json
import os
import re
from pathlib import Path

import pytest

import bulletin
from bulletin.clean import clean_blocks

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("BULLETIN_UPDATE_GOLDEN") == "1"
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
SPACES = re.compile(r"[ \u3000]+")


def cleaned(sample: Path) -> str:
    return bulletin.clean(bulletin.decode(sample.read_bytes(), source=str(sample)).text)


def test_there_are_samples_of_both_layouts():
    names = {p.stem for p in SAMPLES}
    assert {"page-headline-after", "page-headline-before"} <= names
    assert len([n for n in names if "." not in n]) >= 4


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_clean_output_is_the_reviewed_snapshot(sample):
    out = cleaned(sample)
    path = GOLDEN / f"{sample.stem}.out.txt"
    if UPDATE:
        path.write_text(out, encoding="utf-8")
        pytest.skip("golden regenerated: review the diff")
    assert out == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_clean_gives_the_hand_read_paragraphs(sample):
    gold = json.loads((GOLDEN / f"{sample.stem}.gold.json").read_text(encoding="utf-8"))
    out = cleaned(sample)
    lines = {SPACES.sub("", ln) for ln in out.splitlines()}
    paragraphs = [SPACES.sub("", p) for a in gold["articles"] for p in a["paragraphs"]]
    found = sum(p in lines for p in paragraphs)
    assert found / len(paragraphs) >= 0.9, f"{found} of {len(paragraphs)} paragraphs whole"
    want = HAN.findall("".join(a["title"] + "".join(a["paragraphs"]) for a in gold["articles"]))
    have = set(HAN.findall(out))
    assert not [c for c in want if c not in have]


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_clean_gives_most_hand_read_lines(sample):
    """``NAME.clean.txt`` is the page as a careful reader would set it out, a line per part."""
    truth = (GOLDEN / f"{sample.stem}.clean.txt").read_text(encoding="utf-8").splitlines()
    lines = set(cleaned(sample).splitlines())
    found = sum(t in lines for t in truth)
    assert found / len(truth) >= 0.85, f"{found} of {len(truth)} lines"


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_a_cleaned_page_comes_back_unchanged(sample):
    once = cleaned(sample)
    assert bulletin.clean(once) == once


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_blocks_are_the_cleaned_lines_with_their_input_lines(sample):
    text = bulletin.decode(sample.read_bytes()).text
    paragraphs = clean_blocks(text)
    assert [p.text for p in paragraphs] == cleaned(sample).splitlines()
    n = len(text.splitlines())
    assert all(1 <= p.first <= p.last <= n for p in paragraphs)
    assert all(a.first < b.first for a, b in zip(paragraphs, paragraphs[1:]))
