"""TextRank over sentences: PageRank on a graph whose edges are what two sentences share.

Mihalcea and Tarau (2004): sentences are nodes, an edge's weight is the overlap of two sentences'
terms divided by ``log |Si| + log |Sj|`` (long sentences share more by chance), and a sentence is
central when central sentences resemble it. Our own few lines, pure Python and deterministic:
textrank4zh needs networkx < 3, and an article's dozen sentences need no sparse-matrix library.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from operator import mul, sub, truediv

DAMPING = 0.85  # PageRank's usual damping factor: the chance of following an edge
TOLERANCE = 1e-6  # stop when no score moves more than this
MAX_ROUNDS = 100  # the graph of an article converges in 20-40 rounds


def overlap(a: Collection[str], b: Collection[str]) -> float:
    """TextRank's edge weight: shared terms over ``log |a| + log |b|``; 0 when nothing is shared."""
    if not a or not b:
        return 0.0
    if isinstance(a, frozenset | set) and isinstance(b, frozenset | set):
        shared = len(a & b)  # (in C: a fifth of the time of the loop below)
    else:
        small, large = (a, b) if len(a) <= len(b) else (b, a)
        shared = sum(1 for term in small if term in large)
    if not shared:
        return 0.0
    return shared / (math.log(len(a) + 1) + math.log(len(b) + 1))  # +1: one-term sentences divide by > 0


def pagerank(edges: Sequence[dict[int, float]], damping: float = DAMPING) -> list[float]:
    """Weighted PageRank of an undirected graph given as ``edges[i] = {j: weight}`` (symmetric, no
    self-loops), scaled so that the best node has 1.0; an isolated node keeps ``1 - damping``."""
    n = len(edges)
    if n == 0:
        return []
    # a node without edges hands nothing on: its share is never read, so it divides by 1.0
    strength = [sum(row.values()) or 1.0 for row in edges]
    neighbours = [(list(row), list(row.values())) for row in edges]  # (in C below: a third of the time)
    rest = 1 - damping
    scores = [1.0] * n
    for _ in range(MAX_ROUNDS):
        # each node hands its score to its neighbours in proportion to the edges' weights
        get = list(map(truediv, scores, strength)).__getitem__
        new = [rest + damping * sum(map(mul, map(get, js), ws)) for js, ws in neighbours]
        moved = max(map(abs, map(sub, new, scores)))
        scores = new
        if moved < TOLERANCE:
            break
    top = max(scores)
    return [s / top for s in scores]


def rank(terms: Sequence[Collection[str]]) -> list[float]:
    """The TextRank centrality of each sentence, given its terms (a set: each counts once), 0..1:
    ``overlap``'s edges, each sentence's set and log made once (a third of the time on long texts)."""
    sets = [t if isinstance(t, frozenset | set) else frozenset(t) for t in terms]
    logs = [math.log(len(t) + 1) for t in sets]
    edges: list[dict[int, float]] = [{} for _ in sets]
    for i, a in enumerate(sets):
        if not a:
            continue
        for j in range(i + 1, len(sets)):
            shared = len(a & sets[j])
            if shared:
                edges[i][j] = edges[j][i] = shared / (logs[i] + logs[j])
    return pagerank(edges)
