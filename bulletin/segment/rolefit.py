"""Refit the role model (``bulletin/data/role_model.json``) from annotated pages.

    python -m bulletin.segment.rolefit ../shared/corpus/train --half ../shared/corpus/real-dev

Each DIR holds ``NAME.txt`` pages and ``NAME.gold.json`` answers, the corpus's shape. Every page is
read as split reads it up to pass 2 (``unglue_headlines`` over ``clean_blocks``), and each block
gets its gold role by where its text falls in the page's gold (spaces ignored, NFKC): inside a
kicker, title or subtitle -> heading, a paragraph -> body, a byline, a caption, a page note. A block
inside pieces of two roles is ``ambiguous``, one inside none (two pieces glued, columns side by
side, damage) ``mixed``: both are left out of the fit. ``--half DIR`` fits on the even-numbered
pages of DIR (in name order) too. ``bench/roles.py`` tables how often each role comes out right.

The fit is a multinomial logistic regression over the binary features of ``rolemodel.features``
with an L2 penalty, full-batch Adam steps in sorted feature order: the same pages give the same
file, byte for byte. Pure Python: identical examples are counted once, so it takes seconds.
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
from bulletin.model import Block
from bulletin.segment import rolemodel
from bulletin.segment.blocks import input_lines, unglue_headlines
from bulletin.segment.roles import classify, flush_page, kind_and_cue

GOLD_ROLES = (
    ("heading", ("kicker", "title", "subtitle")),
    ("byline", ("bylines",)),
    ("caption", ("captions",)),
    ("body", ("paragraphs",)),
)
"""Which gold fields of an article give which role (page notes give ``note``)."""
FIT = {"l2": 0.0005, "steps": 300, "rate": 0.1}
"""The fit's knobs: a light L2 penalty per example, full-batch Adam steps, Adam's step size."""
ADAM = (0.9, 0.999, 1e-8)
"""Adam's decay of the mean and of the square of the gradient, and its guard against zero."""
DIGITS = 4
"""Weights are kept to this many decimals (a small file; the same pages give the same bytes)."""


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


def page(txt: Path) -> tuple[list[Block], list[str], list[str], list[str], bool]:
    """A page's pass-1 blocks, and each one's gold role, verdict role and classify role."""
    gold = json.loads(txt.with_suffix(".gold.json").read_text(encoding="utf-8"))
    text = decode(txt.read_bytes()).text
    blocks = unglue_headlines(clean_blocks(text), input_lines(text))
    pieces = gold_pieces(gold)
    golds = [gold_role(b.text, pieces) for b in blocks]
    verdicts = [rolemodel.ROLE_OF_KIND[kind_and_cue(b.text)[0]] for b in blocks]
    classified = [rolemodel.ROLE_OF_KIND[b.kind] for b in classify(blocks)]
    return blocks, golds, verdicts, classified, flush_page(blocks)


def examples(pages: list[Path]) -> tuple[list[tuple[list[str], str]], dict[str, Counter]]:
    """Each block's features and gold role, and the confusion counts of verdict and classify."""
    ex: list[tuple[list[str], str]] = []
    tables: dict[str, Counter] = {"verdict": Counter(), "classify": Counter()}
    for txt in pages:
        blocks, golds, verdicts, classified, flush = page(txt)
        for f, g, v, c in zip(rolemodel.features(blocks, verdicts, flush), golds, verdicts, classified):
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
    b1, b2, eps = ADAM
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
            r: {k: round(w[j][i], DIGITS) for i, k in enumerate(names) if round(w[j][i], DIGITS)}
            for j, r in enumerate(roles)
        },
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m bulletin.segment.rolefit", description=__doc__.split("\n")[0]
    )
    ap.add_argument("dirs", nargs="+", type=Path, help="directories of NAME.txt + NAME.gold.json to fit on")
    ap.add_argument(
        "--half", action="append", default=[], type=Path, help="fit on the even pages of this dir"
    )
    ap.add_argument(
        "-o", "--output", type=Path, default=rolemodel.MODEL_PATH, help="where to write the model"
    )
    args = ap.parse_args(argv)
    pages = [p for d in args.dirs for p in sorted(d.glob("*.txt"))]
    for d in args.half:
        pages += sorted(d.glob("*.txt"))[0::2]
    ex, _ = examples(pages)
    print(f"fitting on {len(pages)} pages, {len(ex)} blocks", file=sys.stderr)
    model = fit(ex)
    model["trained_on"] = [*(d.name for d in args.dirs), *(f"{d.name} (even pages)" for d in args.half)]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps(model, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
