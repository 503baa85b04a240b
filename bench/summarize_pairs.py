"""Build PAIRS.jsonl for bench/summarize.py from a gold page corpus: each gold article's body as
the "article", its title as the "summary" (a proxy reference: headlines say what the article is
about, in other words than the body), its kicker and subtitle, if any, as the "headline".

    python bench/summarize_pairs.py ../shared/corpus/dev > PAIRS.jsonl

The body is the gold paragraphs one a line, the dateline at the head of the first as the corpus
keeps it (the summarizer must leave it out by itself); captions and bylines are not in it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def pairs(corpus: Path):
    """``{"id", "article", "summary", "headline"}`` for every gold article with a title and a body;
    ``headline`` is its kicker and subtitle (引题, 副题), one a line, "" for none: the editor's other
    lines, which bulletin reads on a real page, the title being the reference."""
    for gold_path in sorted(corpus.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        page = gold_path.name[: -len(".gold.json")]
        for n, article in enumerate(gold["articles"], 1):
            title, body = (article.get("title") or "").strip(), article.get("paragraphs") or []
            if title and body:
                headline = [(article.get(key) or "").strip() for key in ("kicker", "subtitle")]
                yield {
                    "id": f"{page}#{n}",
                    "article": "\n".join(body),
                    "summary": title,
                    "headline": "\n".join(h for h in headline if h),
                }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a folder of NAME.gold.json files (../shared/corpus/dev)")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        parser.error(f"{args.corpus}: not a folder")
    count = 0
    for pair in pairs(args.corpus):
        sys.stdout.write(json.dumps(pair, ensure_ascii=False) + "\n")
        count += 1
    print(f"{count} pairs from {args.corpus}", file=sys.stderr)
    return 0 if count else 1


if __name__ == "__main__":
    sys.exit(main())
