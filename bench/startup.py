"""Start-up of each command on one page against ``python -c 'import typer'`` (issue 17's table).

    python bench/startup.py [--runs 15] [--source DIR] [--json bench/startup.json]

Each command runs on ``samples/page-headline-after.txt`` in a fresh process, interleaved with
``python -c pass`` and ``python -c 'import typer'`` (``bench/perf.py``'s rounds: every row once a
round, the order turned by one each round); a row's figure is the median of its CPU times and its
ratio the median of its per-round ratios to ``import typer``. The targets: clean at most 1.5x,
the other commands at most 2x. A one-option typer app is timed beside them: typer's own parsing.
``--source DIR`` times another checkout's ``bulletin`` (its folder put first on ``PYTHONPATH``, its
bytecode written first; every run starts in the temporary folder), e.g. the main branch, for a
before/after.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import perf  # noqa: E402  (bench/perf.py, beside this file: its rounds, runs and ratios)

TARGETS = {"bulletin clean PAGE": 1.5}
"""A command's ratio to ``import typer`` at most; the others' at most :data:`OTHERS`."""
OTHERS = 2.0


TYPER_APP = "typer app, one str option"
TYPER_APP_SCRIPT = (
    "import typer\n"
    "app = typer.Typer()\n"
    "@app.command()\n"
    "def run(x: str = 'a') -> None: pass\n"
    "app(['--x', 'b'])\n"
)
"""What typer itself costs a run: importing it, building a command and parsing one option, which
typer 0.29 checks with pydantic (a TypeAdapter per parameter): the floor under any command of ours."""


def rows(source: Path) -> dict[str, list[str]]:
    py, page = sys.executable, str(perf.PAGE)
    ours = [py, "-m", "bulletin"]
    return {
        "python -c pass": [py, "-c", "pass"],
        perf.TYPER: [py, "-c", "import typer"],
        TYPER_APP: [py, "-c", TYPER_APP_SCRIPT],
        "bulletin clean PAGE": [*ours, "clean", page],
        "bulletin split PAGE": [*ours, "split", page],
        "bulletin count PAGE": [*ours, "count", page],
        "bulletin summarize PAGE": [*ours, "summarize", page],
        "bulletin convert --to s2t PAGE": [*ours, "convert", "--to", "s2t", page],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--source", type=Path, default=ROOT, help="the checkout whose bulletin to time")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "startup.json")
    args = parser.parse_args()
    args.source = args.source.resolve()
    compileall.compile_dir(str(args.source / "bulletin"), quiet=1)
    env = {**os.environ, "PYTHONPATH": str(args.source)}
    os.chdir(tempfile.gettempdir())  # (python -m puts the working folder first on the path)
    samples = {name: perf.process(argv, env) for name, argv in rows(args.source).items()}
    runs = perf.interleaved(samples, args.runs)
    table = perf.startup_table(runs)
    print(f"start-up on one page, CPU ms, median of {args.runs} interleaved rounds ({args.source})")
    print(f"  {'command':34} {'ms':>7} {'x pass':>7} {'x typer':>8} {'target':>7}")
    for name, row in table.items():
        target = TARGETS.get(name, OTHERS) if name.startswith("bulletin") else None
        mark = "" if target is None else f"<={target:g}" + (" ok" if row["x_typer"] <= target else " NO")
        print(f"  {name:34} {row['ms']:7.1f} {row['x_pass']:7.2f} {row['x_typer']:8.2f} {mark:>7}")
    args.json.write_text(json.dumps({"runs": args.runs, "startup": table}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
