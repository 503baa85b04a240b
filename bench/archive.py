"""A county paper's archive made from ``samples/``, the same bytes for the same arguments.

    python bench/archive.py OUT [--mb 50] [--big-mb 8] [--seed 8]

writes into OUT (never into the repository: generated data is not committed)

- ``pages/YYYY/MMDD-N.txt``: one file per page, issue after issue, about ``--mb`` minus
  ``--big-mb`` megabytes in all; most UTF-8, one in twenty GB18030 and one in fifty Big5 (a
  Traditional page), as old archives hold them;
- ``big.txt``: about ``--big-mb`` megabytes of pages in one UTF-8 file, each page ended by a form
  feed as ``pdftotext`` ends the pages of a whole issue;
- ``archive.json``: what was made (files, bytes, seed).

Each page is a sample page with its county, people's names, dates and figures replaced, so that no
two pages are the same text but every page keeps the layout and damage of its sample (hard wrap,
lost indents, column breaks, half-width punctuation, lookalike radicals, stray spaces).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

COUNTIES = "汾源 涑水 伊阳 翼川 汝川 桑干 清漳 滹沱 沁源 浍河 丹河 漳南 洺水 滏阳 唐河 拒马 潴龙 磁河".split()
SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
)
GIVEN = "建国军华明伟芳娜秀英敏静丽强磊洋艳勇杰娟涛超霞平刚桂兰文斌志红玉海燕鹏飞春梅晓东"
LEGACY_EVERY = {"gb18030": 20, "cp950": 50}  # one page in N is written in this encoding


def load_pages() -> list[tuple[str, str]]:
    """(name, text) of each sample page, decoded (the legacy ones too: their text is what we vary)."""
    sys.path.insert(0, str(ROOT))
    from bulletin import decode

    pages = []
    for path in sorted(SAMPLES.glob("page-*.txt")):
        pages.append((path.name, decode(path.read_bytes()).text.replace("\r\n", "\n")))
    return pages


def vary(text: str, rng: random.Random) -> str:
    """The page with another county, other people and other figures; its layout untouched."""
    county = rng.choice(COUNTIES)
    text = re.sub(r"(汾源|涑水|伊阳|翼川|汝川|桑干)(?=县)", county, text)
    names: dict[str, str] = {}

    def person(m: re.Match[str]) -> str:
        old = m.group(2)
        if old not in names:
            names[old] = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(len(old) - 1))
        return m.group(1) + names[old]

    text = re.sub(r"(记者|通讯员|编辑|县长|书记|主任)([\u4e00-\u9fff]{2,3})(?=[\s，。、）)])", person, text)
    # Digits change, not their number: widths (and so the hard wrap) stay as they were.
    return re.sub(r"\d", lambda m: str(rng.randrange(1, 10)) if m.group() != "0" else "0", text)


def encoding_of(n: int) -> str:
    for encoding, every in LEGACY_EVERY.items():
        if n % every == every - 1:
            return encoding
    return "utf-8"


def generate(out: Path, mb: float = 50, big_mb: float = 8, seed: int = 8) -> dict:
    """Write the archive into ``out`` (made if missing); return its description."""
    rng = random.Random(seed)
    samples = load_pages()
    simplified = [(name, text) for name, text in samples if "big5" not in name]
    traditional = [text for name, text in samples if "big5" in name]
    pages_dir = out / "pages"
    pages_dir.mkdir(parents=True, exist_ok=True)
    target = int((mb - big_mb) * 1_000_000)
    written = files = 0
    day = 0
    while written < target:
        year, rest = 2004 + day // 360, day % 360
        folder = pages_dir / str(year)
        folder.mkdir(exist_ok=True)
        for page_no in range(1, 5):  # four pages an issue
            encoding = encoding_of(files)
            if encoding == "cp950":  # Big5 as Windows writes it
                text = vary(rng.choice(traditional), rng)
            else:
                text = vary(rng.choice(simplified)[1], rng)
            data = text.encode(encoding, "replace")
            (folder / f"{rest // 30 + 1:02d}{rest % 30 + 1:02d}-{page_no}.txt").write_bytes(data)
            written += len(data)
            files += 1
        day += 1
    big = out / "big.txt"
    big_target = int(big_mb * 1_000_000)
    big_bytes = 0
    with big.open("wb") as f:
        while big_bytes < big_target:
            data = (vary(rng.choice(simplified)[1], rng).rstrip("\n") + "\n\f").encode("utf-8")
            f.write(data)
            big_bytes += len(data)
    about = {"seed": seed, "pages": files, "pages_bytes": written, "big": "big.txt", "big_bytes": big_bytes}
    (out / "archive.json").write_text(json.dumps(about, indent=2) + "\n", encoding="utf-8")
    return about


def page_stream(rng: random.Random) -> iter:
    """Pages without end (UTF-8 text, each ended by a form feed): for a file of any size."""
    samples = [text for name, text in load_pages() if "big5" not in name]
    while True:
        yield vary(rng.choice(samples), rng).rstrip("\n") + "\n\f"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write into (outside the repository)")
    parser.add_argument("--mb", type=float, default=50, help="megabytes in all (default 50)")
    parser.add_argument("--big-mb", type=float, default=8, help="megabytes of them in big.txt (default 8)")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    about = generate(args.out, args.mb, args.big_mb, args.seed)
    print(json.dumps(about))


if __name__ == "__main__":
    main()
