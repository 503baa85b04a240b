"""How good and how fast ``bulletin summarize`` is: character-level ROUGE against reference
summaries, next to the lead baselines at the same budget, and the time per article.

    python bench/summarize_pairs.py ../shared/corpus/dev > PAIRS.jsonl
    python bench/summarize.py PAIRS.jsonl:ref,60,120 ../shared/summ/lcsts-dev.jsonl:30

Each argument is a file of ``{"article": body text, "summary": reference}`` lines (``"headline"``:
the kicker and subtitle, when the set has them) and, after a colon, its budgets (``ref``: each
reference's own length; ref, 60 and 120 when none are given): every table comes out of one run.
Every system gets the same ``--chars`` budget and the same sentences (the body cleaned, its dateline
left out, as ``bulletin summarize --whole`` does): ``bulletin`` is ``--method news`` (given the
headline too, as it reads an article's kicker and subtitle on a page; ``--no-headline``: not),
``textrank`` is ``--method textrank``; ``lead`` is ``--method lead``, the first sentences while they
fit, the first cut after a clause when it alone is too long, and ``lead-1``/``lead-3`` the same kept
to one or three sentences; ``prefix`` is the body's first N characters cut anywhere, what a
sentence-blind tool would give. ROUGE is F1 over letters and digits (bench/rouge.py). Speed: the
library call per article at 120 characters, cleaning included, after a first call has loaded
everything, each article's fastest of three runs.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rouge import scores  # noqa: E402

import bulletin  # noqa: E402
from bulletin.model import Article  # noqa: E402
from bulletin.summary import body_of, length, summarize  # noqa: E402

SYSTEMS = ("bulletin", "textrank", "lead", "lead-1", "lead-3", "prefix")


def prefix(text: str, chars: int) -> str:
    body = "".join(body_of(bulletin.clean(text).split("\n"), whole=True))
    out, n = [], 0
    for c in body:
        n += not c.isspace()
        if n > chars:
            break
        out.append(c)
    return "".join(out)


def document(pair: dict, headline: bool = True) -> str | Article:
    """What bulletin is given: the text, or with a headline an Article of the cleaned text's lines
    (title left empty: it may be the reference) with the headline as its kicker."""
    if not (headline and pair.get("headline")):
        return pair["article"]
    return Article(1, "", kicker=pair["headline"], paragraphs=bulletin.clean(pair["article"]).split("\n"))


def system(name: str, pair: dict, chars: int, headline: bool = True) -> str:
    if name == "prefix":
        return prefix(pair["article"], chars)
    if name.startswith("lead"):
        sentences = int(name[5:]) if name[4:] else None
        return summarize(pair["article"], chars=chars, sentences=sentences, method="lead").text
    if name == "textrank":
        return summarize(pair["article"], chars=chars, method="textrank").text
    return summarize(document(pair, headline), chars=chars).text


def evaluate(pairs: list[dict], budget: str, headline: bool = True) -> dict[str, dict[str, float]]:
    """Mean ROUGE F1 (and mean length) of each system over ``pairs`` at ``budget``."""
    table = {}
    for name in SYSTEMS:
        rows = []
        for pair in pairs:
            chars = length(pair["summary"]) if budget == "ref" else int(budget)
            out = system(name, pair, chars, headline)
            assert length(out) <= chars, (name, out, chars)
            rows.append({**scores(out, pair["summary"]), "chars": length(out)})
        table[name] = {key: statistics.mean(r[key] for r in rows) for key in rows[0]}
    return table


def speed(pairs: list[dict], rounds: int = 3) -> dict[str, float]:
    """Milliseconds per article for ``summarize(article, chars=120)``: each article's fastest of
    ``rounds`` runs (as timeit does: the slower ones measure the machine's other work)."""
    summarize(pairs[0]["article"], chars=120)  # start-up: imports
    best = [math.inf] * len(pairs)
    for _ in range(rounds):
        for n, pair in enumerate(pairs):
            start = time.perf_counter()
            summarize(document(pair), chars=120)
            best[n] = min(best[n], (time.perf_counter() - start) * 1000)
    best.sort()
    return {"mean": statistics.mean(best), "p95": best[int(0.95 * (len(best) - 1))], "max": best[-1]}


def load(arg: str) -> tuple[Path, list[str], list[dict]]:
    """``PATH[:BUDGET,...]`` -> the file, its budgets and its pairs."""
    name, colon, budgets = arg.rpartition(":")
    if not colon or not all(b == "ref" or b.isdigit() for b in budgets.split(",")):
        name, budgets = arg, "ref,60,120"
    path = Path(name)
    with path.open(encoding="utf-8") as f:
        return path, budgets.split(","), [json.loads(line) for line in f if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "sets", nargs="+", help='JSON lines of {"article", "summary"}, then :BUDGET,... (N or ref)'
    )
    parser.add_argument(
        "--no-headline", action="store_true", help="do not give bulletin the pairs' headlines"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON document")
    args = parser.parse_args(argv)
    figures: dict = {"sets": {}, "headline": not args.no_headline}
    everything = []
    for arg in args.sets:
        path, budgets, pairs = load(arg)
        if not pairs:
            parser.error(f"{path}: no pairs")
        everything += pairs
        rouge = {b: evaluate(pairs, b, not args.no_headline) for b in budgets}
        figures["sets"][path.name] = {"pairs": len(pairs), "rouge": rouge}
    figures["ms_per_article"] = speed(everything)
    if args.json:
        print(json.dumps(figures, indent=1))
        return 0
    for path, got in figures["sets"].items():
        print(f"{got['pairs']} pairs from {path}; ROUGE F1 over characters\n")
        print("| budget | system | ROUGE-1 | ROUGE-2 | ROUGE-L | mean chars |")
        print("| --- | --- | --- | --- | --- | --- |")
        for budget, table in got["rouge"].items():
            for name, row in table.items():
                label = "reference's length" if budget == "ref" else budget
                cells = [f"{row[key]:.3f}" for key in ("R1", "R2", "RL")] + [f"{row['chars']:.1f}"]
                print(f"| {label} | {name} | {' | '.join(cells)} |")
        print()
    ms = figures["ms_per_article"]
    print(
        f"speed: {ms['mean']:.2f} ms/article (p95 {ms['p95']:.2f}, max {ms['max']:.2f}) after start-up, "
        f"{len(everything)} articles"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
