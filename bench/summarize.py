"""How good and how fast ``bulletin summarize`` is: character-level ROUGE against reference
summaries, next to the lead baselines at the same budget, and the time per article.

    python bench/summarize_pairs.py ../shared/corpus/dev > PAIRS.jsonl
    python bench/summarize.py PAIRS.jsonl            # budgets: the reference's length, 60, 120

PAIRS.jsonl holds one ``{"article": body text, "summary": reference}`` a line. Every system gets
the same ``--chars`` budget and the same sentences (the body cleaned, its dateline left out, as
``bulletin summarize --whole`` does): ``bulletin`` ranks them and fills the budget, ``bulletin-1``
keeps one sentence, as lead-1 does; ``lead-1``/``lead-3`` take the first one or three while they
fit, the first cut after a clause when it alone is too long; ``prefix`` is the body's first N characters
cut anywhere, what a sentence-blind tool would give. ROUGE is F1 over letters and digits
(bench/rouge.py). Speed: the library call per article, after a first call has loaded everything,
each article's fastest of three runs.
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
from bulletin.summary import body_of, candidates, clause_cut, length, summarize  # noqa: E402

SYSTEMS = ("bulletin", "bulletin-1", "lead-1", "lead-3", "prefix")


def lead(text: str, k: int, chars: int) -> str:
    """The first ``k`` sentences, as many as fit; the first cut after a clause when it alone is too
    long (none of its clauses fitting: nothing)."""
    cands = candidates(body_of(bulletin.clean(text).split("\n"), whole=True))[:k]
    out, room = "", chars
    for c in cands:
        if c.length > room:
            break
        out, room = out + c.text, room - c.length
    return out or (clause_cut(cands[0].text, chars) or "" if cands else "")


def prefix(text: str, chars: int) -> str:
    body = "".join(body_of(bulletin.clean(text).split("\n"), whole=True))
    out, n = [], 0
    for c in body:
        n += not c.isspace()
        if n > chars:
            break
        out.append(c)
    return "".join(out)


def system(name: str, text: str, chars: int, terms: str) -> str:
    if name.startswith("bulletin"):
        sentences = int(name.split("-")[1]) if "-" in name else None
        return summarize(text, chars=chars, sentences=sentences, terms=terms).text
    if name == "prefix":
        return prefix(text, chars)
    return lead(text, int(name.split("-")[1]), chars)


def evaluate(pairs: list[dict], budget: str, terms: str) -> dict[str, dict[str, float]]:
    """Mean ROUGE F1 (and mean length) of each system over ``pairs`` at ``budget``."""
    table = {}
    for name in SYSTEMS:
        rows = []
        for pair in pairs:
            chars = length(pair["summary"]) if budget == "ref" else int(budget)
            out = system(name, pair["article"], chars, terms)
            assert length(out) <= chars, (name, out, chars)
            rows.append({**scores(out, pair["summary"]), "chars": length(out)})
        table[name] = {key: statistics.mean(r[key] for r in rows) for key in rows[0]}
    return table


def speed(pairs: list[dict], terms: str, rounds: int = 3) -> dict[str, float]:
    """Milliseconds per article for ``summarize(article, chars=120)``: each article's fastest of
    ``rounds`` runs (as timeit does: the slower ones measure the machine's other work)."""
    summarize(pairs[0]["article"], chars=120, terms=terms)  # start-up: imports, jieba's dictionary
    best = [math.inf] * len(pairs)
    for _ in range(rounds):
        for n, pair in enumerate(pairs):
            start = time.perf_counter()
            summarize(pair["article"], chars=120, terms=terms)
            best[n] = min(best[n], (time.perf_counter() - start) * 1000)
    best.sort()
    return {"mean": statistics.mean(best), "p95": best[int(0.95 * (len(best) - 1))], "max": best[-1]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pairs", type=Path, help='JSON lines of {"article": ..., "summary": ...}')
    parser.add_argument(
        "--chars",
        action="append",
        metavar="N",
        help="a budget: a number, or 'ref' for each reference's own length (default: ref, 60, 120)",
    )
    parser.add_argument("--terms", choices=("bigrams", "words"), default="bigrams", help="TextRank's terms")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON document")
    args = parser.parse_args(argv)
    with args.pairs.open(encoding="utf-8") as f:
        pairs = [json.loads(line) for line in f if line.strip()]
    if not pairs:
        parser.error(f"{args.pairs}: no pairs")
    budgets = args.chars or ["ref", "60", "120"]
    figures = {
        "pairs": len(pairs),
        "terms": args.terms,
        "rouge": {budget: evaluate(pairs, budget, args.terms) for budget in budgets},
        "ms_per_article": speed(pairs, args.terms),
    }
    if args.json:
        print(json.dumps(figures, indent=1))
        return 0
    print(f"{len(pairs)} pairs from {args.pairs}; TextRank over {args.terms}; ROUGE F1 over characters\n")
    print("| budget | system | ROUGE-1 | ROUGE-2 | ROUGE-L | mean chars |")
    print("| --- | --- | --- | --- | --- | --- |")
    for budget, table in figures["rouge"].items():
        for name, row in table.items():
            label = "reference's length" if budget == "ref" else budget
            cells = [f"{row[key]:.3f}" for key in ("R1", "R2", "RL")] + [f"{row['chars']:.1f}"]
            print(f"| {label} | {name} | {' | '.join(cells)} |")
    ms = figures["ms_per_article"]
    print(f"\nspeed: {ms['mean']:.2f} ms/article (p95 {ms['p95']:.2f}, max {ms['max']:.2f}) after start-up")
    return 0


if __name__ == "__main__":
    sys.exit(main())
