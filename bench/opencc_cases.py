"""OpenCC's own conversion test cases, each run through the real command: ``bulletin convert --to CONFIG``.

    python bench/opencc_cases.py PATH [--jobs N] [--command 'bulletin']

PATH is OpenCC's ``test/testcases/testcases.json`` (cases of ``{"id", "input", "expected":
{config: output}}``; a trailing comma, as that file has had, is tolerated), or a folder holding it
and/or the older ``CONFIG.in`` / ``CONFIG.ans`` pairs (each pair one case: the whole file, lines
and all). OpenCC's files are not part of this repository: fetch them from OpenCC's repository.

Every case is one process: its input on stdin, exactly as given (no newline added), its stdout
compared with the expected output byte for byte. Prints the passes per configuration and every
failure; exits 1 if any case fails, 2 if PATH holds no case.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bulletin.convert import CONFIGS  # noqa: E402

TRAILING_COMMA = re.compile(r",(\s*[}\]])")


def load_cases(path: Path) -> tuple[list[tuple[str, str, str, str]], list[str]]:
    """``[(case id, config, input, expected)]`` and the configurations found that are not OpenCC's 16."""
    cases, skipped = [], []
    files = [path] if path.is_file() else sorted(path.glob("*.json"))
    for file in files:
        data = json.loads(TRAILING_COMMA.sub(r"\1", file.read_text(encoding="utf-8")))
        for case in data["cases"]:
            for config, expected in case["expected"].items():
                if config in CONFIGS:
                    cases.append((case["id"], config, case["input"], expected))
                else:
                    skipped.append(config)
    if path.is_dir():
        for source in sorted(path.glob("*.in")):
            answer = source.with_suffix(".ans")
            if not answer.is_file():
                continue
            if source.stem not in CONFIGS:
                skipped.append(source.stem)
                continue
            text = source.read_text(encoding="utf-8")
            cases.append((source.name, source.stem, text, answer.read_text(encoding="utf-8")))
    return cases, skipped


def run_case(command: list[str], config: str, text: str) -> tuple[str, str, int]:
    done = subprocess.run(
        [*command, "convert", "--to", config],
        input=text.encode("utf-8"),
        capture_output=True,
        timeout=120,
    )
    return done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"), done.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="testcases.json, or a folder with it and/or *.in/*.ans")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes at a time")
    parser.add_argument(
        "--command",
        default=f"{shlex.quote(sys.executable)} -m bulletin",
        help="how to run bulletin (default: this Python's -m bulletin)",
    )
    args = parser.parse_args()
    cases, skipped = load_cases(args.path)
    if not cases:
        print(f"no test cases in {args.path}", file=sys.stderr)
        return 2
    command = shlex.split(args.command)
    with ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda c: run_case(command, c[1], c[2]), cases))

    passed, total = Counter(), Counter()
    failures = []
    for (case_id, config, text, expected), (out, err, status) in zip(cases, results):
        total[config] += 1
        if out == expected and status == 0:
            passed[config] += 1
        else:
            failures.append((case_id, config, text, expected, out, err.strip(), status))
    for config in CONFIGS:
        if total[config]:
            print(f"{config}\t{passed[config]}/{total[config]}")
    print(f"all\t{sum(passed.values())}/{len(cases)} over {len(total)} configurations")
    if skipped:
        print(f"not OpenCC 1.4 configurations, skipped: {', '.join(sorted(set(skipped)))}")
    for case_id, config, text, expected, out, err, status in failures:
        print(
            f"FAIL {case_id} {config} (exit {status}): {text!r}\n  expected {expected!r}\n  got      {out!r}"
        )
        if err:
            print(f"  stderr   {err}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
