"""Start-up of ``bulletin count`` on a page, with and without words, against jieba's own.

Measured in one run, each command a fresh process, the median of ``--runs`` runs, in milliseconds
and as a ratio to ``python -c pass`` on the same machine:

- ``bulletin clean PAGE``, for reference: count cleans the page first;
- ``bulletin count PAGE``: no words, so no jieba;
- ``bulletin count --words PAGE`` with its cache built (and once with an empty cache: the build);
- ``import jieba; jieba.lcut(PAGE)``: jieba's own import and first cut, its cache warm (in a private
  folder, not its shared /tmp name);
- and, inside one ``--words`` process, what the time goes to: importing jieba, opening the paged
  dictionary, paging in and cutting the page (with and without jieba's HMM).

    python bench/count_startup.py [--runs 9] [--page samples/page-headline-after.txt]

prints a table and writes ``bench/count_startup.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PHASES = r"""
import json, sys, time
import bulletin
t0 = time.perf_counter()
from bulletin.prefixdict import import_jieba
jieba = import_jieba()
t1 = time.perf_counter()
from bulletin import words
index = words._index()
t2 = time.perf_counter()
from bulletin.prefixdict import PagedTokenizer
text = open(sys.argv[1], encoding="utf-8").read()
tk = PagedTokenizer(index)
tk.page_in(text)
t3 = time.perf_counter()
tk.lcut(text)
t4 = time.perf_counter()
PagedTokenizer(index).lcut(text, HMM=False)
t5 = time.perf_counter()
print(json.dumps({"import jieba (no pkg_resources)": t1 - t0, "open the paged dictionary": t2 - t1,
                  "page in the page's entries": t3 - t2, "cut the page (HMM)": t4 - t3,
                  "page in and cut without HMM": t5 - t4, "entries paged in": len(tk.FREQ)}))
"""


def timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def median_ms(argv: list[str], env: dict[str, str], runs: int) -> float:
    return 1000 * statistics.median(timed(argv, env) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--page", default=str(ROOT / "samples" / "page-headline-after.txt"))
    args = parser.parse_args()
    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="bulletin-bench-") as tmp:
        env = {**os.environ, "XDG_CACHE_HOME": tmp, "PYTHONPATH": str(ROOT)}
        jieba_cache = os.path.join(tmp, "jieba-own")
        os.mkdir(jieba_cache)
        jieba_own = (
            "import jieba, sys; jieba.setLogLevel(60); jieba.dt.tmp_dir = sys.argv[2];"
            "jieba.lcut(open(sys.argv[1], encoding='utf-8').read())"
        )
        cold = 1000 * timed([py, "-m", "bulletin", "count", "--words", args.page], env)  # builds the cache
        timed([py, "-c", jieba_own, args.page, jieba_cache], env)  # jieba builds its own cache
        rows = {
            "python -c pass": median_ms([py, "-c", "pass"], env, args.runs),
            "bulletin clean PAGE": median_ms([py, "-m", "bulletin", "clean", args.page], env, args.runs),
            "bulletin count PAGE": median_ms([py, "-m", "bulletin", "count", args.page], env, args.runs),
            "bulletin count --words PAGE": median_ms(
                [py, "-m", "bulletin", "count", "--words", args.page], env, args.runs
            ),
            "import jieba; jieba.lcut(PAGE)": median_ms(
                [py, "-c", jieba_own, args.page, jieba_cache], env, args.runs
            ),
        }
        phases = json.loads(
            subprocess.run(
                [py, "-c", PHASES, args.page], env=env, check=True, capture_output=True, text=True
            ).stdout
        )
    base = rows["python -c pass"]
    result = {
        "page": os.path.relpath(args.page, ROOT),
        "runs": args.runs,
        "python": sys.version.split()[0],
        "startup_ms": {name: round(ms, 1) for name, ms in rows.items()},
        "ratio_to_python": {name: round(ms / base, 1) for name, ms in rows.items()},
        "first_words_run_ms (builds the cache)": round(cold, 1),
        "words_phases_ms": {k: round(v * 1000, 1) if isinstance(v, float) else v for k, v in phases.items()},
    }
    print(f"{'command':34} {'ms':>8} {'x python':>9}")
    for name, ms in rows.items():
        print(f"{name:34} {ms:8.1f} {ms / base:9.1f}")
    print(f"{'first --words run (builds cache)':34} {cold:8.1f} {cold / base:9.1f}")
    print("inside --words:", ", ".join(f"{k} {v}" for k, v in result["words_phases_ms"].items()))
    out = ROOT / "bench" / "count_startup.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"written {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
