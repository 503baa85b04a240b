"""Character-level ROUGE-1, ROUGE-2 and ROUGE-L F1, as is usual for Chinese (no word segmentation).

Only letters and digits count (Han characters are letters): punctuation and white space are left
out of both texts, so a summary's …… or a title's spaces neither score nor cost. Lin (2004): ROUGE-N
is the overlap of n-gram counts, ROUGE-L the longest common subsequence; F1 weighs precision and
recall alike.
"""

from __future__ import annotations

from collections import Counter


def units(text: str) -> str:
    """The characters ROUGE compares: ``text``'s letters and digits."""
    return "".join(c for c in text if c.isalnum())


def _f1(hits: int, produced: int, wanted: int) -> float:
    if not hits:
        return 0.0
    precision, recall = hits / produced, hits / wanted
    return 2 * precision * recall / (precision + recall)


def rouge_n(summary: str, reference: str, n: int) -> float:
    """ROUGE-N F1: character n-grams in common (each as often as both have it)."""
    a, b = units(summary), units(reference)
    grams_a = Counter(a[i : i + n] for i in range(len(a) - n + 1))
    grams_b = Counter(b[i : i + n] for i in range(len(b) - n + 1))
    hits = sum((grams_a & grams_b).values())
    return _f1(hits, sum(grams_a.values()), sum(grams_b.values()))


def lcs(a: str, b: str) -> int:
    """The length of the longest common subsequence of ``a`` and ``b`` (one row at a time)."""
    if len(a) < len(b):
        a, b = b, a
    row = [0] * (len(b) + 1)
    for ca in a:
        diagonal = 0
        for j, cb in enumerate(b, 1):
            above = row[j]
            row[j] = diagonal + 1 if ca == cb else max(row[j], row[j - 1])
            diagonal = above
    return row[-1]


def rouge_l(summary: str, reference: str) -> float:
    """ROUGE-L F1: the longest common subsequence of characters."""
    a, b = units(summary), units(reference)
    return _f1(lcs(a, b), len(a), len(b))


def scores(summary: str, reference: str) -> dict[str, float]:
    """``{"R1": …, "R2": …, "RL": …}`` F1 of ``summary`` against ``reference``."""
    return {
        "R1": rouge_n(summary, reference, 1),
        "R2": rouge_n(summary, reference, 2),
        "RL": rouge_l(summary, reference),
    }
