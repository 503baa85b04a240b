"""Splitting a page from its PDF against splitting the same page's text.

For each PDF given (default: page 1 of samples/issue.pdf), one process times, interleaved (PDF,
text, PDF, text, ...), ``--runs`` runs of:

- ``pdf``: read the page from the PDF's bytes (``bulletin.document.read``: PDFium's glyphs, lines,
  reading order, text) and split it (``bulletin.document.split``);
- ``text``: split the text that reading gave (``bulletin.split``): what a user with the text has.

It prints, per file, the medians in milliseconds and their ratio (PDF / text), and writes them to
``bench/pdf.json``. pypdfium2's import (once a process) is timed apart.

    python bench/pdf.py [--runs 15] [--page 1] [FILE.pdf ...]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=[ROOT / "samples" / "issue.pdf"])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--page", type=int, default=1)
    args = parser.parse_args()

    t0 = time.perf_counter()
    import pypdfium2  # noqa: F401 (timed: the PDF path's one-off cost)

    import_ms = (time.perf_counter() - t0) * 1000
    import bulletin
    from bulletin import document

    rows = []
    for path in args.files:
        data = path.read_bytes()
        pages = frozenset({args.page})
        text = document.read(data, pages=pages).pages[0].text
        bulletin.split(text)  # warm both paths (lazy imports, the headline model)
        document.split(document.read(data, pages=pages))
        pdf_ms, text_ms = [], []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            document.split(document.read(data, pages=pages))
            t1 = time.perf_counter()
            bulletin.split(text)
            t2 = time.perf_counter()
            pdf_ms.append((t1 - t0) * 1000)
            text_ms.append((t2 - t1) * 1000)
        pdf_med, text_med = statistics.median(pdf_ms), statistics.median(text_ms)
        name = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name
        rows.append(
            {
                "file": name,
                "page": args.page,
                "chars": len(text),
                "pdf_ms": round(pdf_med, 2),
                "text_ms": round(text_med, 2),
                "ratio": round(pdf_med / text_med, 2),
            }
        )
    print(f"import pypdfium2: {import_ms:.1f} ms (once a process)")
    print(f"{'file':40} {'chars':>6} {'pdf ms':>8} {'text ms':>8} {'ratio':>6}")
    for r in rows:
        print(f"{r['file']:40} {r['chars']:>6} {r['pdf_ms']:>8} {r['text_ms']:>8} {r['ratio']:>6}")
    out = {"runs": args.runs, "import_pypdfium2_ms": round(import_ms, 1), "pages": rows}
    text = json.dumps(out, ensure_ascii=False, indent=2) + "\n"
    (ROOT / "bench" / "pdf.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
