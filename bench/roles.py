"""How often split's pass 2 gives a block its gold role: a confusion table per corpus folder.

    python bench/roles.py ../shared/corpus/train ../shared/corpus/dev ../shared/corpus/real-dev
    python bench/roles.py ../shared/corpus/dev --fit ../shared/corpus/train --half ../shared/corpus/real-dev

Each page is read as split reads it up to pass 2 (``segment.page_blocks`` without the neighbour
rules: ``unglue_headlines`` over ``clean_blocks``), and each block gets its gold role by where its
text falls in the page's gold (spaces ignored, NFKC): inside a kicker, title or subtitle ->
heading, a paragraph -> body, a byline, a caption, a page note. A block inside pieces of two roles
is ``ambiguous``; a block inside none (two pieces glued, columns side by side, damage) ``mixed``:
both are counted but left out of the accuracy. Three predictions are tabled: ``verdict`` (the
first cue table that fires, ``roles.kind_and_cue``), ``classify`` (pass 2 with its neighbour
rules, what split drafts from), and with ``--fit`` the multinomial logistic model of
``segment.rolemodel`` fitted on the ``--fit`` folders (and the even pages of ``--half``; its odd
pages are then a folder to table). Evaluation only: it reads /work/shared, the tests never do.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from bulletin.clean import clean_blocks
from bulletin.decode import decode
from bulletin.segment import rolemodel
from bulletin.segment.blocks import input_lines, unglue_headlines
from bulletin.segment.roles import classify, kind_and_cue

GOLD_ROLES = (
    ("heading", ("kicker", "title", "subtitle")),
    ("byline", ("bylines",)),
    ("caption", ("captions",)),
    ("body", ("paragraphs",)),
)
"""Which gold fields of an article give which role (page notes give ``note``)."""
ROWS = (*rolemodel.ROLES, "ambiguous", "mixed")
FIT = {"l2": 0.0005, "steps": 300, "rate": 0.1}
"""The fit's knobs: a light L2 penalty per example, full-batch Adam steps, Adam's step size."""


def loose(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


def gold_pieces(gold: dict) -> list[tuple[str, str]]:
    """Every gold piece of a page as (role, loose text)."""
    out = [("note", loose(n)) for n in gold.get("page_notes", [])]
    for a in gold["articles"]:
        for role, fields in GOLD_ROLES:
            for f in fields:
                v = a.get(f)
                for s in v if isinstance(v, list) else [v] if v else []:
                    out.append((role, loose(s)))
    return [(r, s) for r, s in out if s]


def gold_role(text: str, pieces: list[tuple[str, str]]) -> str:
    """The role of the gold pieces that hold ``text``; one equal to it wins a tie."""
    t = loose(text)
    if not t:
        return "mixed"
    equal = {r for r, s in pieces if s == t}
    if len(equal) == 1:
        return equal.pop()
    inside = {r for r, s in pieces if t in s}
    if len(inside) == 1:
        return inside.pop()
    return "ambiguous" if inside else "mixed"


def page(txt: Path) -> tuple[list, list[str], list[str], list[str]]:
    """A page's pass-1 blocks, and each one's gold role, verdict role and classify role."""
    gold = json.loads(txt.with_suffix(".gold.json").read_text(encoding="utf-8"))
    text = decode(txt.read_bytes()).text
    blocks = unglue_headlines(clean_blocks(text), input_lines(text))
    pieces = gold_pieces(gold)
    golds = [gold_role(b.text, pieces) for b in blocks]
    verdicts = [rolemodel.ROLE_OF_KIND[kind_and_cue(b.text)[0]] for b in blocks]
    classified = [rolemodel.ROLE_OF_KIND[b.kind] for b in classify(blocks)]
    return blocks, golds, verdicts, classified


def examples(pages: list[Path]) -> tuple[list[tuple[list[str], str]], dict[str, Counter]]:
    """Each block's features and gold role, and the confusion counts of verdict and classify."""
    ex: list[tuple[list[str], str]] = []
    tables: dict[str, Counter] = {"verdict": Counter(), "classify": Counter()}
    for txt in pages:
        blocks, golds, verdicts, classified = page(txt)
        for f, g, v, c in zip(rolemodel.features(blocks, verdicts), golds, verdicts, classified):
            tables["verdict"][g, v] += 1
            tables["classify"][g, c] += 1
            ex.append((f, g))
    return ex, tables


def fit(ex: list[tuple[list[str], str]], opts: dict = FIT) -> dict:
    """A multinomial logistic model over binary features: identical (features, role) examples are
    counted once with their weight, full-batch Adam in sorted feature order (deterministic)."""
    counts = Counter((tuple(sorted(set(f))), g) for f, g in ex if g in rolemodel.ROLES)
    data = sorted(counts.items())
    names = sorted({k for (f, _), _ in data for k in f})
    index = {k: i for i, k in enumerate(names)}
    roles = rolemodel.ROLES
    nr, nf = len(roles), len(names)
    rows = [([index[k] for k in f], roles.index(g), c) for (f, g), c in data]
    total = sum(c for _, _, c in rows)
    w = [[0.0] * nf for _ in range(nr)]
    m = [[0.0] * nf for _ in range(nr)]
    v = [[0.0] * nf for _ in range(nr)]
    b1, b2, eps = 0.9, 0.999, 1e-8
    for step in range(1, opts["steps"] + 1):
        grad = [[opts["l2"] * x for x in row] for row in w]
        for fi, g, c in rows:
            s = [sum(w[r][i] for i in fi) for r in range(nr)]
            top = max(s)
            e = [math.exp(x - top) for x in s]
            z = sum(e)
            for r in range(nr):
                d = c * (e[r] / z - (r == g)) / total
                if d:
                    gr = grad[r]
                    for i in fi:
                        gr[i] += d
        for r in range(nr):
            for i in range(nf):
                gi = grad[r][i]
                m[r][i] = b1 * m[r][i] + (1 - b1) * gi
                v[r][i] = b2 * v[r][i] + (1 - b2) * gi * gi
                w[r][i] -= (
                    opts["rate"] * (m[r][i] / (1 - b1**step)) / (math.sqrt(v[r][i] / (1 - b2**step)) + eps)
                )
    return {
        "roles": list(roles),
        "fit": opts,
        "weights": {
            r: {k: round(w[j][i], 4) for i, k in enumerate(names) if round(w[j][i], 4)}
            for j, r in enumerate(roles)
        },
    }


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
        ex, _ = examples(fit_pages)
        print(f"fitting on {len(fit_pages)} pages, {len(ex)} blocks", file=sys.stderr)
        model = fit(ex)
        if args.output:
            args.output.write_text(
                json.dumps(model, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
            )
    for name, pages in sets.items():
        ex, tables = examples(pages)
        print(f"== {name}: {len(pages)} pages, {len(ex)} blocks")
        if model is not None:
            tables["model"] = Counter((g, rolemodel.best(model, f)[0]) for f, g in ex)
        for kind, counts in tables.items():
            print(table(kind, counts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
