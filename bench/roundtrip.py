"""Convert's round trip on plain Simplified text: where does ``t2s(s2t(text))`` not give ``text`` back?

OpenCC maps some Simplified characters to several Traditional ones (干 -> 幹 乾 干 榦, 发 -> 發 髮,
里 -> 裏 里 哩): s2t chooses one by its phrase tables, and t2s of that choice can be another Simplified
character than the one we started from (桑干县 -> 桑乾縣 -> 桑乾县: 乾 is also Simplified, in 乾隆).
This script lists those places, so that the property test's exceptions are known, not guessed.

    python bench/roundtrip.py                      # samples/, and ../shared/corpus/dev if it is there
    python bench/roundtrip.py pages/ more.txt      # other files or folders of pages

Each page is decoded and cleaned as ``bulletin clean`` does; its plain Simplified lines (those t2s
leaves as they are) are converted there and back. Printed: how many lines and characters came back
unchanged, then each change (original, its s2t form in context, what came back, how often, OpenCC's
Traditional candidates for the character when the ``opencc_dict`` tool of the opencc package can list
them, and an example); then the same for the 3,755 characters of GB 2312 level 1 taken one by one.
"""

from __future__ import annotations

import argparse
import difflib
import functools
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import bulletin
from bulletin import hanzi

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "samples", ROOT.parent / "shared" / "corpus" / "dev"]


def pages(paths: list[Path]) -> list[Path]:
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(path.glob("*.txt"))
        elif path.is_file():
            found.append(path)
    return found


def plain_simplified_lines(path: Path) -> list[str]:
    try:
        text, _ = bulletin.decode(path.read_bytes())
    except bulletin.BulletinError:
        return []
    lines = bulletin.clean(text).splitlines()
    return [line for line in lines if hanzi.has_han(line) and bulletin.convert(line, "t2s") == line]


@functools.cache
def candidates() -> dict[str, str]:
    """OpenCC's STCharacters table, source -> its Traditional forms, or {} when it cannot be read."""
    try:
        import opencc
    except ImportError:
        return {}
    clib = Path(opencc.__file__).parent / "clib"
    tool, table = clib / "bin" / "opencc_dict", clib / "share" / "opencc" / "STCharacters.ocd2"
    if not (tool.exists() and table.exists()):
        return {}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "st.txt"
        cmd = [str(tool), "-i", str(table), "-o", str(out), "-f", "ocd2", "-t", "text"]
        if subprocess.run(cmd, capture_output=True).returncode != 0 or not out.exists():
            return {}
        rows = (line.split("\t", 1) for line in out.read_text(encoding="utf-8").splitlines())
        return {row[0]: row[1] for row in rows if len(row) == 2}


def changes(lines: list[str]) -> tuple[Counter, dict, int]:
    """The (original, s2t, back) changes of ``lines``, an example of each, and the lines unchanged."""
    found: Counter = Counter()
    examples: dict = {}
    same = 0
    for line in lines:
        traditional = bulletin.convert(line, "s2t")
        back = bulletin.convert(traditional, "t2s")
        if back == line:
            same += 1
            continue
        aligned = len(traditional) == len(line)
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, line, back, autojunk=False).get_opcodes():
            if op == "equal":
                continue
            key = (line[i1:i2], traditional[i1:i2] if aligned else "?", back[j1:j2])
            found[key] += 1
            examples.setdefault(key, line[max(0, i1 - 4) : i2 + 4])
    return found, examples, same


def report(title: str, found: Counter, examples: dict) -> None:
    print(f"\n{title}")
    if not found:
        print("  (none)")
        return
    table = candidates()
    print(f"  {'original':8} {'s2t':6} {'back':6} {'times':>5}  {'OpenCC candidates':18} example")
    for (original, traditional, back), times in found.most_common():
        options = " ".join(table.get(ch, "") for ch in original) if table else "(not listed)"
        example = examples[(original, traditional, back)]
        print(f"  {original:8} {traditional:6} {back:6} {times:5}  {options:18} {example}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="pages or folders of pages (*.txt)")
    args = parser.parse_args(argv)
    try:
        bulletin.convert  # noqa: B018 (the lazy name loads bulletin.convert)
    except AttributeError:
        print("bulletin.convert is not implemented in this checkout", file=sys.stderr)
        return 2
    files = pages(args.paths or DEFAULT)
    lines = [line for path in files for line in plain_simplified_lines(path)]
    found, examples, same = changes(lines)
    chars = sum(len(line) for line in lines)
    changed = sum(len(original) * times for (original, _, _), times in found.items())
    print(f"{len(files)} pages, {len(lines)} plain Simplified lines, {chars} characters")
    print(f"lines back unchanged: {same} of {len(lines)}; characters changed: {changed} of {chars}")
    report("changes on the pages (s2t then t2s):", found, examples)

    level1 = sorted(hanzi.gb2312_level1())
    single, single_examples, _ = changes(level1)
    back = len(level1) - sum(single.values())
    print(f"\n{len(level1)} characters of GB 2312 level 1, one by one: {back} back")
    report("changes, one character at a time:", single, single_examples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
