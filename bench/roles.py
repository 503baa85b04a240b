"""How often split's pass 2 gives a block its gold role: a confusion table per corpus folder.

    python bench/roles.py ../shared/corpus/train ../shared/corpus/dev ../shared/corpus/real-dev
    python bench/roles.py ../shared/corpus/dev --fit ../shared/corpus/train --half ../shared/corpus/real-dev

Each page's blocks get their gold role as ``segment.rolefit`` gives them (``ambiguous`` and
``mixed`` blocks are counted but left out of the accuracy). Three predictions are tabled: ``verdict`` (the
first cue table that fires, ``roles.kind_and_cue``), ``classify`` (pass 2 with its neighbour
rules, what split drafts from), and with ``--fit`` the multinomial logistic model of
``segment.rolemodel`` fitted on the ``--fit`` folders (and the even pages of ``--half``; its odd
pages are then a folder to table), as ``python -m bulletin.segment.rolefit`` fits the shipped one.
``classify`` uses the shipped model. Evaluation only: it reads /work/shared, the tests never do.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from bulletin.segment import rolefit, rolemodel

ROWS = (*rolemodel.ROLES, "ambiguous", "mixed")


def table(name: str, counts: Counter) -> str:
    """The confusion table (gold rows, predicted columns) and per-role recall, precision, accuracy."""
    cols = rolemodel.ROLES
    lines = [f"  {name:<10}" + "".join(f"{c:>9}" for c in cols) + "   recall"]
    for g in ROWS:
        row = [counts[g, c] for c in cols]
        if not sum(row):
            continue
        rec = f"{counts[g, g] / sum(row):.3f}" if g in cols else "-"
        lines.append(f"  {g:<10}" + "".join(f"{x:>9}" for x in row) + f"   {rec}")
    prec = []
    for c in cols:
        col = sum(counts[g, c] for g in cols)
        prec.append(f"{counts[c, c] / col:.3f}" if col else "-")
    lines.append(f"  {'precision':<10}" + "".join(f"{p:>9}" for p in prec))
    ok = sum(counts[c, c] for c in cols)
    n = sum(counts[g, c] for g in cols for c in cols)
    lines.append(f"  accuracy {ok}/{n} = {ok / max(1, n):.4f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="+", type=Path, help="corpus folders of NAME.txt + NAME.gold.json to table")
    ap.add_argument("--fit", action="append", default=[], type=Path, help="fit the role model on this folder")
    ap.add_argument(
        "--half", action="append", default=[], type=Path, help="fit on its even pages, table its odd"
    )
    ap.add_argument("-o", "--output", type=Path, help="write the fitted model here (JSON)")
    args = ap.parse_args(argv)
    sets = {d.name: sorted(d.glob("*.txt")) for d in args.dirs}
    fit_pages = [p for d in args.fit for p in sorted(d.glob("*.txt"))]
    for d in args.half:
        pages = sorted(d.glob("*.txt"))
        fit_pages += pages[0::2]
        sets[f"{d.name} (odd)"] = pages[1::2]
    model = None
    if fit_pages:
        ex, _ = rolefit.examples(fit_pages)
        print(f"fitting on {len(fit_pages)} pages, {len(ex)} blocks", file=sys.stderr)
        model = rolefit.fit(ex)
        if args.output:
            args.output.write_text(
                json.dumps(model, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
            )
    for name, pages in sets.items():
        ex, tables = rolefit.examples(pages)
        print(f"== {name}: {len(pages)} pages, {len(ex)} blocks")
        if model is not None:
            tables["model"] = Counter((g, rolemodel.best(model, f)[0]) for f, g in ex)
        for kind, counts in tables.items():
            print(table(kind, counts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
