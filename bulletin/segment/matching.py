"""The best one-to-one matching of a weighted bipartite graph (the Hungarian method, pure Python): the
page's headlines and its stories matched all at once (``articles.rematch_headlines``), so that a
headline pdftotext printed after another story, or after several, still finds its own when a nearer
story holds it by the layout."""

from __future__ import annotations

import math


def best_matching(weights: dict[tuple[int, int], float]) -> dict[int, int]:
    """Row -> column: the matching of the pairs in ``weights`` ((row, column) -> weight) with the
    greatest total weight, each row and each column used at most once; only pairs of positive weight
    are worth taking, so a row or a column may stay unmatched. By shortest augmenting paths with
    potentials over the cost matrix (a column "unmatched" of its own for each row); a page has a few
    dozen headlines and stories, and the cubic method is instant."""
    rows = sorted({r for r, _ in weights})
    cols = sorted({c for _, c in weights})
    if not rows:
        return {}
    n, m = len(rows), len(cols) + len(rows)
    cost = [[math.inf] * m for _ in range(n)]
    for a, r in enumerate(rows):
        for b, c in enumerate(cols):
            w = weights.get((r, c))
            if w is not None and w > 0:
                cost[a][b] = -w
        cost[a][len(cols) + a] = 0.0
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)  # p[j]: the row (1-based) holding column j; 0 for none
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [math.inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], math.inf, 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if cur < minv[j]:
                    minv[j], way[j] = cur, j0
                if minv[j] < delta:
                    delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    return {rows[p[j] - 1]: cols[j - 1] for j in range(1, len(cols) + 1) if p[j]}
