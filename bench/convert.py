"""How much ``bulletin convert`` costs over calling OpenCC directly, on a large generated file.

    python bench/convert.py [--mb 40] [--to s2t] [--runs 5]

The file is the UTF-8 pages of ``samples/`` repeated, in name order, up to ``--mb`` megabytes
(deterministic). Measured in the same run, each a fresh process writing to /dev/null:

- ``opencc``: Python reads the file, decodes it, ``opencc.OpenCC(config).convert``, encodes, writes;
- ``bulletin``: ``bulletin convert --to CONFIG FILE``;
- ``bulletin --dict``: the same with a three-line phrase table and a kept word.

Reported: the best wall time of each over ``--runs`` runs (interleaved; other work on the machine
only ever adds time, so the best is the steadiest figure, and the median is shown too), the ratio
to ``opencc``, and the throughput both ways: end to end (startup included) and marginal (the slope
between the file and one a quarter of its size: startup excluded). The outputs are checked equal.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

DIRECT = (
    "import sys, opencc\n"
    "data = open(sys.argv[1], 'rb').read().decode('utf-8')\n"
    "sys.stdout.buffer.write(opencc.OpenCC(sys.argv[2]).convert(data).encode('utf-8'))\n"
)
PHRASES = "鼠标\t滑鼠\n软件\t軟體\n# a comment\n干部\t幹部\n"


def make_file(path: Path, megabytes: float) -> int:
    """Write the samples' UTF-8 pages, repeated, to ``path`` until it has ``megabytes`` MB."""
    pages = []
    for sample in sorted((ROOT / "samples").glob("*.txt")):
        try:
            pages.append(sample.read_bytes().decode("utf-8"))
        except UnicodeDecodeError:
            continue  # the GBK, Big5 and UTF-16 copies
    unit = "".join(page if page.endswith("\n") else page + "\n" for page in pages).encode("utf-8")
    target = int(megabytes * 1_000_000)
    data = unit * (target // len(unit) + 1)
    path.write_bytes(data[: data.rfind(b"\n", 0, target) + 1])
    return path.stat().st_size


def bulletin_command() -> list[str]:
    script = Path(sys.executable).with_name("bulletin")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bulletin"]


def timed(command: list[str], out: int | Path = subprocess.DEVNULL) -> float:
    start = time.perf_counter()
    if isinstance(out, Path):
        with open(out, "wb") as f:
            subprocess.run(command, stdout=f, check=True)
    else:
        subprocess.run(command, stdout=out, check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=40.0, help="size of the generated file (MB)")
    parser.add_argument("--to", default="s2t", help="OpenCC configuration")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bulletin-bench-"))
    try:
        big, small = folder / "big.txt", folder / "small.txt"
        sizes = {big: make_file(big, args.mb), small: make_file(small, args.mb / 4)}
        phrases = folder / "phrases.tsv"
        phrases.write_text(PHRASES, encoding="utf-8")
        bulletin = bulletin_command()
        commands = {
            "opencc": lambda f: [sys.executable, "-c", DIRECT, str(f), args.to],
            "bulletin": lambda f: [*bulletin, "convert", "--to", args.to, str(f)],
            "bulletin --dict": lambda f: [
                *bulletin,
                "convert",
                "--to",
                args.to,
                "--dict",
                str(phrases),
                "--keep",
                "老干部",
                str(f),
            ],
        }

        # the same bytes out, before anything is timed
        timed(commands["opencc"](big), folder / "direct.out")
        timed(commands["bulletin"](big), folder / "cli.out")
        same = (folder / "direct.out").read_bytes() == (folder / "cli.out").read_bytes()
        empty = folder / "empty.txt"
        empty.write_bytes(b"")

        times: dict[tuple[str, Path], list[float]] = {}
        for _ in range(args.runs):
            for name, command in commands.items():
                for file in (big, small, empty):
                    if name == "bulletin --dict" and file is not big:
                        continue
                    times.setdefault((name, file), []).append(timed(command(file)))
        best = {key: min(values) for key, values in times.items()}
        median = {key: statistics.median(values) for key, values in times.items()}

        mb_big, mb_small = sizes[big] / 1e6, sizes[small] / 1e6
        print(
            f"file: {mb_big:.1f} MB of samples/ pages; --to {args.to}; best of {args.runs} runs "
            f"(load average {os.getloadavg()[0]:.1f}); outputs identical: {'yes' if same else 'NO'}"
        )
        print(
            f"{'':17}{'wall s':>8}{'median':>8}{'ratio':>7}{'MB/s':>7}{'marginal MB/s':>15}{'ratio':>7}"
            f"{'startup s':>11}"
        )
        base = best["opencc", big]
        base_slope = (best["opencc", big] - best["opencc", small]) / (mb_big - mb_small)
        for name in commands:
            wall = best[name, big]
            row = f"{name:17}{wall:8.3f}{median[name, big]:8.3f}{wall / base:7.2f}{mb_big / wall:7.1f}"
            if (name, small) in best:
                slope = (best[name, big] - best[name, small]) / (mb_big - mb_small)
                row += f"{1 / slope:15.1f}{slope / base_slope:7.2f}{best[name, empty]:11.3f}"
            print(row)
        return 0 if same else 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
