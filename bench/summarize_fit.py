"""Fit the weights of ``bulletin summarize --method news`` on human summaries, and check the fit on
the half of each set it was not fitted on.

    python bench/summarize_pairs.py ../shared/corpus/dev > PAIRS.jsonl
    python bench/summarize_fit.py PAIRS.jsonl:ref,60,120 ../shared/summ/lcsts-dev.jsonl:30

Each argument is a file of ``{"article", "summary"}`` lines (``"headline"``: the kicker and subtitle,
when the set has them) and, after a colon, its budgets (``ref``: each reference's own length). The
objective is the mean character ROUGE-L F1 (bench/rouge.py) of each (set, budget), averaged over a
set's budgets, then over the sets: each set counts alike, whatever its size and number of budgets.
The search is coordinate ascent from the shipped tables (``bulletin.newsrank.WEIGHTS`` and
``CHOICE``), one value at a time over ``GRID``, ``lead`` held at 1 (the scale), until no change
helps; a tie keeps the current value. Then two-fold: fitted on each half (articles split by their
number), scored on the other, beside lead on the same half.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rouge import rouge_l  # noqa: E402

import bulletin  # noqa: E402
from bulletin import newsrank, summary  # noqa: E402

GRID: dict[str, tuple[float, ...]] = {
    "headline": (0.0, 0.25, 0.5, 1.0, 2.0),
    "centrality": (0.0, 0.1, 0.2, 0.4, 0.8),
    "quotation": (-0.8, -0.4, -0.2, -0.1, 0.0),
    "background": (-0.8, -0.4, -0.2, -0.1, 0.0),
    "share": (0.0, 0.3, 0.5, 0.7, 0.9),
    "worth": (0.0, 0.5, 1.0, 1.5),
    "inner": (0.0, 0.25, 0.5, 0.75, 1.0),
}
"""The values tried for each parameter: a few, far apart, so the fit picks a size, not a digit."""


def prepare(path: str):
    """The (article, budgets) of one argument: candidates, features and references, computed once."""
    name, _, budgets = path.rpartition(":") if ":" in path else (path, "", "ref")
    rows = []
    with open(name, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if not line.strip():
                continue
            pair = json.loads(line)
            paragraphs = summary.body_of(bulletin.clean(pair["article"]).split("\n"), whole=True)
            cands = summary.candidates(paragraphs)
            if not cands:
                continue
            head = summary.bigrams(pair.get("headline") or "")
            feats = newsrank.features([c.text for c in cands], [c.bigrams for c in cands], head)
            rows.append({"n": n, "cands": cands, "feats": feats, "ref": pair["summary"]})
    return [(f"{Path(name).name}:{b}", b, rows) for b in budgets.split(",")]


class Scorer:
    """Mean ROUGE-L of a parameter setting on each (set, budget), outputs' scores cached."""

    def __init__(self, settings):
        self.settings = settings
        self.cache: dict[tuple, float] = {}

    def rl(self, key, text, ref):
        if (key, text) not in self.cache:
            self.cache[key, text] = rouge_l(text, ref)
        return self.cache[key, text]

    def run(self, params, keep=lambda n: True, method="news"):
        weights = {"lead": 1.0, **{k: params[k] for k in newsrank.FEATURES if k != "lead"}}
        means = {}
        for label, budget, rows in self.settings:
            values = []
            for row in rows:
                if not keep(row["n"]):
                    continue
                chars = summary.length(row["ref"]) if budget == "ref" else int(budget)
                if method == "lead":
                    scores = summary.score(row["cands"], method="lead")
                else:
                    scores = newsrank.combine(row["feats"], weights)
                got, _ = summary.select(
                    row["cands"],
                    scores,
                    None,
                    chars,
                    method,
                    params["share"],
                    params["worth"],
                    params["inner"],
                )
                text = "".join(s.text for s in got)
                values.append(self.rl((label, row["n"]), text, row["ref"]))
            means[label] = statistics.mean(values)
        return means


def objective(means: dict[str, float]) -> float:
    """The mean over sets of each set's mean over its budgets: every set counts alike."""
    sets: dict[str, list[float]] = {}
    for label, value in means.items():
        sets.setdefault(label.rpartition(":")[0], []).append(value)
    return statistics.mean(statistics.mean(values) for values in sets.values())


def fit(scorer: Scorer, start: dict[str, float], keep=lambda n: True) -> dict[str, float]:
    params, best = dict(start), objective(scorer.run(start, keep))
    improved = True
    while improved:
        improved = False
        for name, values in GRID.items():
            for value in values:
                trial = {**params, name: value}
                got = objective(scorer.run(trial, keep))
                if got > best + 1e-9:
                    params, best, improved = trial, got, True
    return params


def shipped() -> dict[str, float]:
    return {
        **{k: w.value for k, w in newsrank.WEIGHTS.items() if k != "lead"},
        **{k: w.value for k, w in newsrank.CHOICE.items()},
    }


def table(title: str, rows: dict[str, dict[str, float]]) -> None:
    labels = list(next(iter(rows.values())))
    print(f"\n{title}\n\n| system | " + " | ".join(labels) + " | mean |")
    print("| --- " * (len(labels) + 2) + "|")
    for name, means in rows.items():
        print(f"| {name} | " + " | ".join(f"{means[k]:.3f}" for k in labels) + f" | {objective(means):.3f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", help="PAIRS.jsonl:BUDGET[,BUDGET...] (budgets: N or ref)")
    args = parser.parse_args(argv)
    scorer = Scorer([s for path in args.sets for s in prepare(path)])
    start = shipped()
    best = fit(scorer, start)
    print("fitted on everything:", json.dumps(best))
    table(
        "ROUGE-L F1, everything",
        {"lead": scorer.run(start, method="lead"), "shipped": scorer.run(start), "fitted": scorer.run(best)},
    )
    for half in (0, 1):
        on, off = (lambda n, h=half: n % 2 == h), (lambda n, h=half: n % 2 != h)
        params = fit(scorer, start, on)
        print(f"\nfitted on half {half}:", json.dumps(params))
        table(
            f"ROUGE-L F1 on the other half (articles {'odd' if half == 0 else 'even'} in their file)",
            {
                "lead": scorer.run(params, off, method="lead"),
                "shipped": scorer.run(start, off),
                f"fitted on half {half}": scorer.run(params, off),
            },
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
