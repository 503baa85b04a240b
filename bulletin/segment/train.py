"""Refit the headline model (``bulletin/data/headline_model.json``) from annotated pages.

    python -m bulletin.segment.train ../shared/corpus/train --half ../shared/corpus/real-dev \\
        --validate ../shared/corpus/dev

Each DIR holds ``NAME.txt`` pages and ``NAME.gold.json`` answers (articles with ``kicker``,
``title``, ``subtitle`` and ``paragraphs``), the corpus's shape. Every page is split as
``bulletin split`` splits it, up to the headline runs of its articles; each run is matched to a gold
article by its body (character-bigram Dice, the scorer's ``match_articles``), and each of its lines
is labelled by where its text falls in the gold kicker, title and subtitle (spaces ignored, NFKC);
lines under a headline read in full that are the gold writers, or each the name of a body (the
kicker of another story that the reading order set there, ``_stray``), are ``B``. Runs whose lines
do not read off the gold parts in order are left out. ``--half DIR`` trains on the
even-numbered pages of DIR (in name order) and validates on the odd ones; ``--validate DIR``
validates on all of DIR.

The fit is a linear-chain CRF (``fit``) with an L2 penalty, full-batch gradient steps (Adam)
in a fixed order over sorted features: the same pages give the same file, byte for byte. Pure
Python: a few thousand lines fit in under a minute.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from bulletin import patterns
from bulletin.model import Block
from bulletin.segment import model as hm
from bulletin.segment.thresholds import THRESHOLDS

SCORER = "score.py"
"""The corpus scorer, looked for in the folder above the first DIR (where the corpus keeps it)."""
FIT = {
    "l2": 0.003,  # the penalty per example on each squared weight: keeps rare features small
    "steps": 400,  # full-batch Adam steps: the loss is flat by then on the corpus
    "rate": 0.1,  # Adam's step size
    "own_weight": 5,  # each run of a newsroom's own pages (--own) counts this many times: a few
    # hand-read county pages must outweigh the habits of 300 pages made from one 1998 paper
}
"""How the weights are fitted (the only knobs of training), each with its reason."""


class Example(NamedTuple):
    """A headline run to fit on or to check: its lines, whether its page is phrased, the gold label
    of each line, and the page's other facts the model reads (``model.run_features``)."""

    lines: list[Block]
    phrased: bool
    labels: list[str]
    one_per_line: bool = False
    wrapped: bool = True


def loose(s: str | None) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


def label_lines(
    texts: Sequence[str],
    kicker: str | None,
    title: str,
    subtitle: str | None,
    writers: Sequence[str] = (),
) -> list[str] | None:
    """The gold label of each headline line, read off the gold parts in order; the lines after them
    are ``B`` when together they are one of ``writers`` (the gold bylines, or the paragraph under
    the headline that names the writer). None when some line is not the next piece of a part (a
    line of another article, a body line, a part out of order)."""
    parts = [(p, loose(g)) for p, g in (("K", kicker), ("T", title), ("S", subtitle)) if loose(g)]
    at, off = -1, 0
    labels: list[str] = []
    for k, raw in enumerate(texts):
        t = loose(raw)
        if not t:
            return None
        if at >= 0 and parts[at][1].startswith(t, off) and off < len(parts[at][1]):
            labels.append(f"{parts[at][0]}-cont")
            off += len(t)
            continue
        if at >= 0 and off != len(parts[at][1]):
            return None  # a part left half read
        nxt = next((q for q in range(at + 1, len(parts)) if parts[q][1].startswith(t)), None)
        if nxt is None:
            rest = "".join(loose(x) for x in texts[k:])
            writer = rest in {loose(w) for w in writers}
            if "T-start" in labels and (writer or _stray(texts[k:], parts[at][1], off)):
                return labels + ["B"] * (len(texts) - k)
            return None
        at, off = nxt, len(t)
        labels.append(f"{parts[at][0]}-start")
    if at < 0 or off != len(parts[at][1]) or "T-start" not in labels:
        return None
    return labels


def _stray(rest: Sequence[str], part: str, off: int) -> bool:
    """Lines left under a headline read in full that each name a body (新华社, 中国电影评论学会): the
    kicker of another story that the page's reading order set here; ``B``, none of this headline's
    parts."""
    return off == len(part) and all(
        patterns.is_kicker_name(t) and len(t) <= THRESHOLDS.kicker_max for t in rest
    )


def _scorer(path: str):
    spec = importlib.util.spec_from_file_location("corpus_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"segment.train: cannot load the scorer {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def page_runs(txt: Path, scorer, gold_dir: Path | None = None) -> list[tuple[Example, dict]]:
    """The headline runs of a page's articles as split makes them (``labels`` left empty), each with
    its gold article (``NAME.gold.json`` beside the page, or in ``gold_dir``)."""
    from bulletin import segment
    from bulletin.decode import decode
    from bulletin.segment.articles import draft_page

    gold_path = txt.with_suffix(".gold.json")
    if gold_dir is not None:
        gold_path = gold_dir / gold_path.name
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["articles"]
    text = decode(txt.read_bytes()).text
    drafting = draft_page(segment.page_blocks(text))  # the drafts as split makes them, headlines unread
    seen = [(drafting.drafts[j], drafting.phrased) for j in sorted(drafting.drafts)]
    pred = [{"_paras": [b.text for b in d.bodies]} for d, _ in seen]
    out = []
    for g, (j, _) in sorted(scorer.match_articles(gold, pred).items()):
        d, phrased = seen[j]
        lines = [b for b in d.heads if b.kind != "byline"]
        if lines:
            out.append((Example(lines, phrased, [], drafting.one_per_line, drafting.wrapped), gold[g]))
    return out


def examples_of(pages: Iterable[Path], scorer, gold_dir: Path | None = None) -> tuple[list[Example], int]:
    """Labelled runs of several lines, and how many runs could not be labelled."""
    got: list[Example] = []
    skipped = 0
    for txt in pages:
        for run, g in page_runs(txt, scorer, gold_dir):
            lines = run.lines
            if len(lines) < 2:
                continue
            writers = [*g.get("bylines", []), *g.get("paragraphs", [])[:1]]
            labels = label_lines(
                [b.text for b in lines], g.get("kicker"), g["title"], g.get("subtitle"), writers
            )
            if labels is None or tuple(labels) not in hm.paths(len(labels), run.one_per_line):
                skipped += 1  # not read off the gold, or not a sequence split may give
            else:
                got.append(run._replace(labels=labels))
    return got, skipped


def features(e: Example) -> list[dict[str, float]]:
    """The model's features of each line of a run."""
    return hm.run_features(e.lines, e.phrased, e.one_per_line, e.wrapped)


def fit(examples: Sequence[Example], fit_opts: dict | None = None, own: Sequence[Example] = ()) -> dict:
    """Weights of a linear-chain CRF over the runs of ``examples`` and of ``own`` (each of those
    counted ``own_weight`` times): per line and label a linear score, a run's score the sum over
    its lines, normalised over every label sequence the grammar allows (``hm.paths``, a handful per
    run, so the expectation is exact). ``PRIORS`` stay out of the fit: they are added at run time."""
    opts = {**FIT, **(fit_opts or {})}
    weighted = [(e, 1.0) for e in examples] + [(e, float(opts["own_weight"])) for e in own]
    names = sorted({k for run, _ in weighted for f in features(run) for k in f})
    index = {k: i for i, k in enumerate(names)}
    nl, nf = len(hm.LABELS), len(names)
    runs = []
    for run, weight in weighted:
        feats = [[(index[k], v) for k, v in sorted(f.items())] for f in features(run)]
        options = [[hm.LABELS.index(y) for y in path] for path in hm.paths(len(run.lines), run.one_per_line)]
        runs.append((feats, options, [hm.LABELS.index(y) for y in run.labels], weight))
    w = [[0.0] * nf for _ in range(nl)]
    m = [[0.0] * nf for _ in range(nl)]
    v = [[0.0] * nf for _ in range(nl)]
    b1, b2, eps = 0.9, 0.999, 1e-8
    n = max(1.0, sum(r[3] for r in runs))
    for step in range(1, opts["steps"] + 1):
        grad = [[opts["l2"] * x for x in row] for row in w]
        for feats, options, gold, weight in runs:
            s = [[sum(w[c][i] * x for i, x in fl) for c in range(nl)] for fl in feats]
            totals = [sum(s[k][c] for k, c in enumerate(path)) for path in options]
            top = max(totals)
            ex = [math.exp(t - top) for t in totals]
            z = sum(ex)
            coef = [[0.0] * nl for _ in feats]  # expected minus gold count of each (line, label)
            for path, e in zip(options, ex):
                for k, c in enumerate(path):
                    coef[k][c] += e / z
            for k, c in enumerate(gold):
                coef[k][c] -= 1.0
            for k, fl in enumerate(feats):
                for c in range(nl):
                    g = weight * coef[k][c] / n
                    if g:
                        gc = grad[c]
                        for i, x in fl:
                            gc[i] += g * x
        for c in range(nl):
            for i in range(nf):
                g = grad[c][i]
                m[c][i] = b1 * m[c][i] + (1 - b1) * g
                v[c][i] = b2 * v[c][i] + (1 - b2) * g * g
                mh = m[c][i] / (1 - b1**step)
                vh = v[c][i] / (1 - b2**step)
                w[c][i] -= opts["rate"] * mh / (math.sqrt(vh) + eps)
    return {
        "version": hm.MODEL_VERSION,
        "labels": list(hm.LABELS),
        "fit": opts,
        "weights": {
            label: {k: round(w[c][i], 4) for i, k in enumerate(names) if round(w[c][i], 4)}
            for c, label in enumerate(hm.LABELS)
        },
    }


def evaluate(model: dict, examples: Sequence[Example]) -> dict:
    """Lines labelled right and runs labelled right in full."""
    lines_ok = runs_ok = total = 0
    for e in examples:
        got = hm.label_run(e.lines, e.phrased, model, one_per_line=e.one_per_line, wrapped=e.wrapped)
        labels = e.labels
        lines_ok += sum(a == b for a, b in zip(got, labels))
        runs_ok += got == labels
        total += len(labels)
    return {
        "runs": len(examples),
        "run_exact": round(runs_ok / max(1, len(examples)), 4),
        "line_acc": round(lines_ok / max(1, total), 4),
    }


def _pages(d: str) -> list[Path]:
    return sorted(Path(d).glob("*.txt"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bulletin.segment.train", description=__doc__.split("\n")[0])
    ap.add_argument("dirs", nargs="+", help="directories of NAME.txt + NAME.gold.json to fit on")
    ap.add_argument("--half", action="append", default=[], help="fit on the even pages, validate on the odd")
    ap.add_argument("--validate", action="append", default=[], help="validate on all pages of this dir")
    ap.add_argument("--own", action="append", default=[], help="a newsroom's own pages, weighted (FIT)")
    ap.add_argument("--own-gold", help="where the --own pages' NAME.gold.json are, if not beside them")
    ap.add_argument("--scorer", help="the corpus scorer, for match_articles (default: DIR/../score.py)")
    ap.add_argument("-o", "--output", default=str(hm.MODEL_PATH), help="where to write the model")
    args = ap.parse_args(argv)
    scorer = _scorer(args.scorer or str(Path(args.dirs[0]).resolve().parent / SCORER))
    fit_pages = [p for d in args.dirs for p in _pages(d)]
    held: dict[str, list[Path]] = {}
    for d in args.half:
        pages = _pages(d)
        fit_pages += pages[0::2]
        held[f"{Path(d).name} (odd)"] = pages[1::2]
    for d in args.validate:
        held[Path(d).name] = _pages(d)
    train, skipped = examples_of(fit_pages, scorer)
    own_pages = [p for d in args.own for p in _pages(d)]
    own, own_skipped = examples_of(own_pages, scorer, Path(args.own_gold) if args.own_gold else None)
    print(
        f"fit on {len(fit_pages)} + {len(own_pages)} own pages: {len(train)} + {len(own)} runs",
        file=sys.stderr,
    )
    model = fit(train, own=own)
    figures = {
        "fit": {"pages": len(fit_pages), "skipped": skipped, **evaluate(model, train)},
        "own": {"pages": len(own_pages), "skipped": own_skipped, **evaluate(model, own)},
    }
    for name, pages in held.items():
        ex, sk = examples_of(pages, scorer)
        figures[name] = {"pages": len(pages), "skipped": sk, **evaluate(model, ex)}
    model["figures"] = figures
    model["label_counts"] = dict(sorted(Counter(y for e in train + own for y in e.labels).items()))
    model["trained_on"] = [
        *(Path(d).name for d in args.dirs),
        *(f"{Path(d).name} (even pages)" for d in args.half),
        *(f"{Path(d).name} (own, weighted)" for d in args.own),
    ]
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(model, ensure_ascii=False, indent=1, sort_keys=True)
    Path(args.output).write_text(text + "\n", encoding="utf-8")
    for name, fig in figures.items():
        print(f"{name}: {fig}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
