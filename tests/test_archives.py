"""docs/archives.md: its Dask code, as written there, maps split over an archive with Dask's local
scheduler and writes what `bulletin split --format jsonl` prints (skipped without dask)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import bulletin
from bulletin.render import render

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "archives.md"
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))


def doc_code() -> str:
    """The first python block of the page: the functions a reader copies."""
    return re.findall(r"^```python\n(.*?)^```\n", DOC.read_text(encoding="utf-8"), re.S | re.M)[0]


def test_the_page_says_how_far_one_machine_goes():
    text = DOC.read_text(encoding="utf-8")
    assert "FIGURE_" not in text  # every figure filled in from a measurement
    assert re.search(r"\d+(\.\d+)? MB/s per core", text)


def test_dask_maps_split_over_an_archive(tmp_path):
    pytest.importorskip("dask.bag")
    space = {}
    exec(compile(doc_code(), str(DOC), "exec"), space)
    archive = tmp_path / "archive"
    archive.mkdir()
    paths = []
    for i, sample in enumerate(SAMPLES * 3):  # 33 files: several partitions
        path = archive / f"{i:03d}-{sample.name}"
        path.write_bytes(sample.read_bytes())
        paths.append(str(path))
    broken = archive / "999-broken.txt"
    broken.write_bytes(b"\x00\x01binary\xff\xfe" * 50)
    paths.append(str(broken))
    written = space["split_archive"](
        paths, str(tmp_path / "out"), files_per_partition=8, scheduler="processes"
    )
    assert len(written) >= 4  # 34 files, 8 or 9 a partition
    lines = [line for name in written for line in Path(name).read_text(encoding="utf-8").splitlines()]
    expected = []
    for path in paths[:-1]:
        decoded = bulletin.decode(Path(path).read_bytes(), source=path)
        page = bulletin.split(decoded.text, source=path, encoding=decoded.encoding)
        expected += render(page, "jsonl").splitlines()
    assert lines[:-1] == expected  # every article, in the order of the paths
    assert len(expected) > 3 * len(SAMPLES)
    last = json.loads(lines[-1])
    assert last["source"] == str(broken) and "error" in last
