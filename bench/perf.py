"""Issue 8's benchmark in one run: start-up, throughput, peak memory, --jobs; as ratios, against floors.

    python bench/perf.py [--archive DIR] [--mb 50] [--big-mb 8] [--runs 7] [--gigabyte]
                         [--autocorrect-python PY] [--profile] [--no-check]

1. makes the archive (``bench/archive.py``, deterministic) in DIR, by default a folder in the
   system's temporary folder, outside the repository; an archive already there is reused;
2. start-up: each command on one page, a fresh process each run (median of ``--runs``), against
   ``python -c pass`` and ``python -c 'import typer'``, our bytecode written first (as an install
   writes it) and our compiled rules in the cache folder (as after a first run); clean once more
   with an empty cache folder, as the very first run on a machine;
3. throughput in MB/s of UTF-8 input on ``big.txt`` for clean, split, count, count --words,
   summarize and convert (when ``bulletin convert`` is there), each against a yardstick measured
   in the same run (a pure-Python pass over the same text: it moves with the machine's speed and
   load as our code does), against autocorrect-py's ``format`` (a Rust formatter; give the Python
   of a separate environment it is installed in with ``--autocorrect-python``: it is no dependency
   of ours) and against OpenCC called directly;
4. peak resident memory of clean and split on ``big.txt`` (and with ``--gigabyte`` of clean on a
   1 GB file made in a temporary folder and deleted after);
5. count --words: our dictionary's load against jieba's own import and first cut;
6. --jobs: clean and count over the archive's page files with ``-j 1`` and ``-j 2``.

It prints a table, writes ``bench/perf.json`` and exits 1 when a figure is past its floor in
``bench/perf_floors.json`` (``--no-check``: report only). ``--profile`` also prints each command's
top costs (cProfile, by own time) on the first megabyte of ``big.txt``.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import archive  # noqa: E402  (bench/archive.py, beside this file)

PAGE = ROOT / "samples" / "page-headline-after.txt"
FLOORS = ROOT / "bench" / "perf_floors.json"
RESULT = ROOT / "bench" / "perf.json"
MB = 1_000_000
CONVERT_RUNS = 7
"""convert and OpenCC on big.txt take a third of a second: one run of each is at the mercy of
the machine's other work (0.87x to 0.97x between runs); the best of this many is steady."""
BUSY = 0.7  # a 1-minute load average above this before the --jobs runs: other programs hold a core

# The targets (the bar); the floors file holds the looser figures a run must not pass.
TARGETS = {
    "startup clean / import typer": ("max", 1.3),
    "clean MB/s / autocorrect format": ("min", 1.0),
    "words dictionary load / jieba import+cut": ("max", 0.5),
    "convert MB/s / OpenCC direct": ("min", 0.9),
    "clean 1 GB peak MB": ("max", 200),
    "jobs 2 speedup clean": ("min", 1.7),
    "jobs 2 speedup count": ("min", 1.7),
}

JIEBA_OWN = r"""
import sys, time
t0 = time.perf_counter()
import jieba
jieba.setLogLevel(60)
jieba.dt.tmp_dir = sys.argv[2]
tokens = jieba.lcut(open(sys.argv[1], encoding="utf-8").read())
print(time.perf_counter() - t0)
"""

OUR_DICTIONARY = r"""
import sys, time
import bulletin
from bulletin.prefixdict import PagedTokenizer, import_jieba
jieba = import_jieba()
from bulletin import words
text = open(sys.argv[1], encoding="utf-8").read()
t0 = time.perf_counter()
tk = PagedTokenizer(words._index())
tk.page_in(text)
t1 = time.perf_counter()
print(t1 - t0)
"""

SAME_TOKENS = r"""
import sys, jieba
jieba.setLogLevel(60)
jieba.dt.tmp_dir = sys.argv[2]
from bulletin.words import tokenizer
text = open(sys.argv[1], encoding="utf-8").read()
print(int(tokenizer(None).lcut(text) == jieba.lcut(text)))
"""

AUTOCORRECT = r"""
import sys, time
import autocorrect_py
text = open(sys.argv[1], encoding="utf-8").read()
best = min(_timed(autocorrect_py.format, text) for _ in range(int(sys.argv[2])))
print(best)
"""

OPENCC_DIRECT = [
    "-c",
    "import sys, opencc\n"
    "sys.stdout.write(opencc.OpenCC('s2t').convert(open(sys.argv[1], encoding='utf-8').read()))",
]


def _timed_source() -> str:
    return "def _timed(f, *a):\n    t = time.perf_counter(); f(*a); return time.perf_counter() - t\n"


def bulletin_argv() -> list[str]:
    """The console script of this Python's environment, as users run it; else ``python -m``."""
    script = Path(sys.executable).with_name("bulletin")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bulletin"]


def run(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak resident megabytes of one process, its output thrown away."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv[:4])}...: exit {proc.returncode}: {err.strip()[:300]}")
    return elapsed, usage.ru_maxrss / 1024  # kilobytes on Linux


def median_seconds(argv: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    run(argv, env)  # warm the page cache and the .pyc files
    return statistics.median(run(argv, env)[0] for _ in range(runs))


def output_of(argv: list[str], env: dict[str, str] | None = None) -> str:
    return subprocess.run(argv, capture_output=True, text=True, env=env, check=True).stdout.strip()


def has_convert(cmd: list[str]) -> bool:
    done = subprocess.run([*cmd, "convert", "--help"], capture_output=True, text=True)
    return done.returncode == 0 and "--to" in done.stdout


def yardstick(text: str) -> float:
    """MB/s of a plain pure-Python pass over ``text`` (count Han characters line by line): the
    machine's speed, measured beside our figures so that their ratios to it hold on any machine."""
    data_mb = len(text.encode("utf-8")) / MB
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        sum(1 for line in text.split("\n") for ch in line if "\u4e00" <= ch <= "\u9fff")
        best = min(best, time.perf_counter() - start)
    return data_mb / best


def make_archive(folder: Path, mb: float, big_mb: float, seed: int = 8) -> dict:
    stamp = folder / "archive.json"
    want = {"mb": mb, "big_mb": big_mb, "seed": seed}
    if stamp.exists():
        about = json.loads(stamp.read_text(encoding="utf-8"))
        if about.get("made_with") == want:
            return about
    shutil.rmtree(folder, ignore_errors=True)
    about = archive.generate(folder, mb, big_mb, seed)
    about["made_with"] = want
    stamp.write_text(json.dumps(about, indent=2) + "\n", encoding="utf-8")
    return about


def compile_bytecode() -> None:
    """Write our modules' bytecode first, as installing the package does: an editable install run
    with PYTHONDONTWRITEBYTECODE set (as on the project's machines) compiles every module from
    source on each run, and start-up would time the compiler (about 20 ms a page)."""
    import compileall

    compileall.compile_dir(str(ROOT / "bulletin"), quiet=1)


def startup(cmd: list[str], runs: int, convert: bool) -> dict[str, float]:
    compile_bytecode()
    py = sys.executable
    page = str(PAGE)
    rows = {
        "python -c pass": [py, "-c", "pass"],
        "python -c 'import typer'": [py, "-c", "import typer"],
        "bulletin clean PAGE": [*cmd, "clean", page],
        "bulletin split PAGE": [*cmd, "split", page],
        "bulletin count PAGE": [*cmd, "count", page],
        "bulletin count --words PAGE": [*cmd, "count", "--words", page],
        "bulletin summarize PAGE": [*cmd, "summarize", page],
    }
    if convert:
        rows["bulletin convert --to s2t PAGE"] = [*cmd, "convert", "--to", "s2t", page]
    out = {name: median_seconds(argv, runs) * 1000 for name, argv in rows.items()}
    out[EMPTY_CACHE] = _empty_cache_seconds([*cmd, "clean", page], runs) * 1000
    return out


EMPTY_CACHE = "clean PAGE, empty cache"
"""The rows above run as a user's second and later runs do, with the compiled rules in the cache
folder (``bulletin.lazyre``); this one as the very first run on a machine does."""


def _empty_cache_seconds(argv: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="bulletin-bench-") as tmp:
            times.append(run(argv, {**os.environ, "XDG_CACHE_HOME": tmp})[0])
    return statistics.median(times)


def throughput(cmd: list[str], big: Path, convert: bool, autocorrect_py: str | None, runs: int) -> dict:
    size = big.stat().st_size / MB
    text = big.read_text(encoding="utf-8")
    rows: dict[str, dict[str, float]] = {}
    commands = {
        "clean": ["clean"],
        "split": ["split"],
        "count": ["count"],
        "count --words": ["count", "--words"],
        "summarize": ["summarize"],
    }
    for name, args in commands.items():
        seconds, peak = run([*cmd, *args, str(big)])
        rows[name] = {"seconds": seconds, "mb_per_s": size / seconds, "peak_mb": peak}
    if convert:  # a third of a second each: the best of interleaved runs, as for autocorrect below
        pair = {
            "convert --to s2t": [*cmd, "convert", "--to", "s2t", str(big)],
            "OpenCC s2t direct": [sys.executable, *OPENCC_DIRECT, str(big)],
        }
        best = {name: (float("inf"), 0.0) for name in pair}
        for _ in range(CONVERT_RUNS):
            for name, argv in pair.items():
                best[name] = min(best[name], run(argv))
        for name, (seconds, peak) in best.items():
            rows[name] = {"seconds": seconds, "mb_per_s": size / seconds, "peak_mb": peak}
    if autocorrect_py:
        script = "import sys, time\n" + _timed_source() + AUTOCORRECT.split("import sys, time\n", 1)[1]
        seconds = float(output_of([autocorrect_py, "-c", script, str(big), str(runs)]))
        rows["autocorrect-py format"] = {"seconds": seconds, "mb_per_s": size / seconds}
    stick = yardstick(text)
    rows["yardstick (pure Python pass)"] = {"seconds": size / stick, "mb_per_s": stick}
    return {"big_mb": size, "rows": rows}


def words_load(cmd: list[str], runs: int) -> dict[str, float]:
    """Seconds to open our paged dictionary and page in a page's entries, against jieba's own
    import and first cut (its cache warm, in a private folder), in-process figures."""
    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="bulletin-bench-") as tmp:
        env = {**os.environ, "XDG_CACHE_HOME": tmp}
        own = os.path.join(tmp, "jieba")
        os.mkdir(own)
        subprocess.run([*cmd, "count", "--words", str(PAGE)], env=env, capture_output=True, check=True)
        output_of([py, "-c", JIEBA_OWN, str(PAGE), own], env)  # builds jieba's cache
        ours = statistics.median(
            float(output_of([py, "-c", OUR_DICTIONARY, str(PAGE)], env)) for _ in range(runs)
        )
        theirs = statistics.median(
            float(output_of([py, "-c", JIEBA_OWN, str(PAGE), own], env)) for _ in range(runs)
        )
        same = output_of([py, "-c", SAME_TOKENS, str(PAGE), own], env) == "1"
    return {"ours_s": ours, "jieba_s": theirs, "same_tokens": same}


def jobs_speedup(cmd: list[str], pages: list[str]) -> dict[str, dict[str, float]]:
    out = {}
    for name in ("clean", "count"):
        one = run([*cmd, name, "-j", "1", *pages])[0]
        two = run([*cmd, name, "-j", "2", *pages])[0]
        out[name] = {"j1_s": one, "j2_s": two, "speedup": one / two}
    return out


def gigabyte(cmd: list[str], gb: float) -> dict[str, float]:
    """Clean of a ``gb`` GB file (made in a temporary folder, deleted after): seconds and peak MB."""
    with tempfile.TemporaryDirectory(prefix="bulletin-1gb-") as tmp:
        path = Path(tmp) / "huge.txt"
        target, size = int(gb * 1000 * MB), 0
        pages = archive.page_stream(random.Random(1))
        with path.open("wb") as f:
            while size < target:
                data = next(pages).encode("utf-8")
                f.write(data)
                size += len(data)
        seconds, peak = run([*cmd, "clean", str(path)])
    return {"mb": size / MB, "seconds": seconds, "mb_per_s": size / MB / seconds, "peak_mb": peak}


def profile(big: Path) -> dict[str, list[str]]:
    """Each command's top three functions by own time, on the first megabyte of ``big``."""
    import bulletin
    from bulletin.counts import count_file

    text = big.read_text(encoding="utf-8")
    cut = text.find("\f", MB // 3)  # about a megabyte of UTF-8 (3 bytes a character)
    text = text[: cut + 1]
    work = {
        "clean": lambda: bulletin.clean(text),
        "split": lambda: bulletin.split(text),
        "count": lambda: count_file(text, source="big", encoding="utf-8"),
        "count --words": lambda: count_file(text, source="big", encoding="utf-8", words=True),
        "summarize": lambda: [bulletin.summarize(a) for a in bulletin.split(text).articles],
    }
    tops = {}
    for name, func in work.items():
        func()  # warm: lazy imports and caches are start-up's cost, not throughput's
        prof = cProfile.Profile()
        prof.runcall(func)
        stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
        total = sum(v[2] for v in stats.values())
        ranked = sorted(stats.items(), key=lambda kv: kv[1][2], reverse=True)[:3]
        tops[name] = [f"{_where(key)} {100 * v[2] / total:.0f}%" for key, v in ranked]
    return tops


def _where(key: tuple[str, int, str]) -> str:
    file, line, func = key
    if file == "~":
        return func
    return f"{os.path.relpath(file, ROOT) if file.startswith(str(ROOT)) else Path(file).name}:{line}({func})"


def figures(result: dict) -> dict[str, float]:
    """The ratios and sizes the floors and targets speak of."""
    out: dict[str, float] = {}
    start = result["startup_ms"]
    typer_ms = start["python -c 'import typer'"]
    out["startup clean, empty cache / import typer"] = start[EMPTY_CACHE] / typer_ms
    for name, ms in start.items():
        if name.startswith("bulletin "):
            out[f"startup {name.split()[1] + (' --words' if '--words' in name else '')} / import typer"] = (
                ms / typer_ms
            )
    rows = result["throughput"]["rows"]
    stick = rows["yardstick (pure Python pass)"]["mb_per_s"]
    for name, row in rows.items():
        if not name.startswith(("yardstick", "autocorrect", "OpenCC")):
            out[f"{name} MB/s / yardstick"] = row["mb_per_s"] / stick
    if "autocorrect-py format" in rows:
        out["clean MB/s / autocorrect format"] = (
            rows["clean"]["mb_per_s"] / rows["autocorrect-py format"]["mb_per_s"]
        )
    if "convert --to s2t" in rows:
        out["convert MB/s / OpenCC direct"] = (
            rows["convert --to s2t"]["mb_per_s"] / rows["OpenCC s2t direct"]["mb_per_s"]
        )
    out["clean big peak MB"] = rows["clean"]["peak_mb"]
    out["split big peak MB"] = rows["split"]["peak_mb"]
    words = result["words"]
    out["words dictionary load / jieba import+cut"] = words["ours_s"] / words["jieba_s"]
    out["words tokens identical to jieba"] = float(words["same_tokens"])
    if result.get("cores", 1) >= 2:
        for name, row in result["jobs"].items():
            out[f"jobs 2 speedup {name}"] = row["speedup"]
    if "gigabyte" in result:
        out["clean 1 GB peak MB"] = result["gigabyte"]["peak_mb"]
    return out


def check(values: dict[str, float], floors: dict[str, dict[str, float]]) -> list[str]:
    """The figures past their floor (a ``min`` not reached, a ``max`` exceeded)."""
    failed = []
    for name, bound in floors.items():
        if name not in values:
            continue  # not measured in this run (no autocorrect, no convert, one core...)
        value = values[name]
        if ("min" in bound and value < bound["min"]) or ("max" in bound and value > bound["max"]):
            failed.append(f"{name}: {value:.3g} (floor {bound})")
    return failed


def print_table(result: dict, values: dict[str, float], floors: dict[str, dict[str, float]]) -> None:
    print(f"\nstart-up on one page (median of {result['runs']} runs)")
    typer_ms = result["startup_ms"]["python -c 'import typer'"]
    pass_ms = result["startup_ms"]["python -c pass"]
    print(f"  {'command':34} {'ms':>7} {'x pass':>7} {'x typer':>8}")
    for name, ms in result["startup_ms"].items():
        print(f"  {name:34} {ms:7.0f} {ms / pass_ms:7.1f} {ms / typer_ms:8.2f}")
    through = result["throughput"]
    print(
        f"\nthroughput on big.txt ({through['big_mb']:.1f} MB of UTF-8), one run each "
        f"(convert and OpenCC: the best of {CONVERT_RUNS})"
    )
    print(f"  {'command':34} {'s':>7} {'MB/s':>7} {'peak MB':>8}")
    for name, row in through["rows"].items():
        peak = f"{row['peak_mb']:8.0f}" if "peak_mb" in row else f"{'':8}"
        print(f"  {name:34} {row['seconds']:7.2f} {row['mb_per_s']:7.2f} {peak}")
    w = result["words"]
    print(
        f"\ncount --words: our dictionary load {1000 * w['ours_s']:.0f} ms, jieba's import and first cut "
        f"{1000 * w['jieba_s']:.0f} ms, tokens identical: {w['same_tokens']}"
    )
    print(
        f"\n--jobs over {result['jobs_files']} page files ({result['jobs_mb']:.1f} MB), "
        f"{result['cores']} cores, load {result['load_before_jobs']:.1f} before"
    )
    for name, row in result["jobs"].items():
        print(
            f"  {name:8} -j 1 {row['j1_s']:6.1f} s   -j 2 {row['j2_s']:6.1f} s   speedup {row['speedup']:.2f}"
        )
    if "gigabyte" in result:
        g = result["gigabyte"]
        print(
            f"\nclean of {g['mb']:.0f} MB: {g['seconds']:.0f} s, {g['mb_per_s']:.2f} MB/s, "
            f"peak {g['peak_mb']:.0f} MB"
        )
    print(f"\n  {'figure':44} {'value':>8} {'target':>9} {'floor':>9}")
    for name, value in values.items():
        target = TARGETS.get(name)
        bound = floors.get(name, {})
        t = f"{'<=' if target[0] == 'max' else '>='}{target[1]:g}" if target else ""
        f = f"<={bound['max']:g}" if "max" in bound else (f">={bound['min']:g}" if "min" in bound else "")
        print(f"  {name:44} {value:8.3g} {t:>9} {f:>9}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--archive", type=Path, default=Path(tempfile.gettempdir()) / "bulletin-bench-archive"
    )
    parser.add_argument("--mb", type=float, default=50, help="archive megabytes in all (default 50)")
    parser.add_argument("--big-mb", type=float, default=8, help="megabytes of them in big.txt (default 8)")
    parser.add_argument("--runs", type=int, default=7, help="runs per start-up figure (median)")
    parser.add_argument("--jobs-files", type=int, default=0, help="page files for --jobs (default: all)")
    parser.add_argument(
        "--gigabyte",
        type=float,
        nargs="?",
        const=1.0,
        default=None,
        metavar="GB",
        help="also clean a 1 GB (or GB) file and measure its peak memory",
    )
    parser.add_argument(
        "--autocorrect-python",
        default=os.environ.get("BULLETIN_BENCH_AUTOCORRECT"),
        help="a Python with autocorrect-py installed (env BULLETIN_BENCH_AUTOCORRECT)",
    )
    parser.add_argument("--profile", action="store_true", help="print each command's top three costs")
    parser.add_argument("--no-check", action="store_true", help="report only; never fail on a floor")
    parser.add_argument(
        "--json", type=Path, default=RESULT, help=f"where to write the figures ({RESULT.name})"
    )
    args = parser.parse_args()

    cmd = bulletin_argv()
    about = make_archive(args.archive, args.mb, args.big_mb)
    big = args.archive / "big.txt"
    pages = sorted(str(p) for p in (args.archive / "pages").rglob("*.txt"))
    if args.jobs_files:
        pages = pages[: args.jobs_files]
    convert = has_convert(cmd)
    result: dict = {
        "machine": {"python": platform.python_version(), "system": platform.platform()},
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "archive": {k: v for k, v in about.items() if k != "made_with"},
        "runs": args.runs,
        "convert": convert,
        "autocorrect": bool(args.autocorrect_python),
    }
    print(
        f"archive: {about['pages']} page files, {about['pages_bytes'] / MB:.1f} MB, "
        f"big.txt {about['big_bytes'] / MB:.1f} MB"
    )
    result["startup_ms"] = startup(cmd, args.runs, convert)
    result["throughput"] = throughput(cmd, big, convert, args.autocorrect_python, 3)
    result["words"] = words_load(cmd, args.runs)
    result["jobs_files"] = len(pages)
    result["jobs_mb"] = sum(os.path.getsize(p) for p in pages) / MB
    result["load_before_jobs"] = os.getloadavg()[0]
    result["jobs"] = jobs_speedup(cmd, pages)
    if args.gigabyte:
        result["gigabyte"] = gigabyte(cmd, args.gigabyte)
    if args.profile:
        result["profile"] = profile(big)
    floors = {k: v for k, v in json.loads(FLOORS.read_text(encoding="utf-8")).items() if isinstance(v, dict)}
    values = figures(result)
    result["figures"] = values
    print_table(result, values, floors)
    if args.profile:
        print("\ntop three costs by own time (cProfile, first MB of big.txt)")
        for name, top in result["profile"].items():
            print(f"  {name:14} " + "; ".join(top))
    args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten {args.json}")
    if result["load_before_jobs"] > BUSY:  # another program had a core: two workers cannot show
        print(f"(--jobs floors not checked: load {result['load_before_jobs']:.1f} before the run)")
        floors = {k: v for k, v in floors.items() if not k.startswith("jobs ")}
    failed = [] if args.no_check else check(values, floors)
    for line in failed:
        print(f"past its floor: {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
