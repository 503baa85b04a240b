"""How ``bulletin summarize --method news`` scores a sentence: what news writing says about it.

Each feature runs from 0 to 1; a sentence's score adds up weight x feature over ``WEIGHTS``. The
weights were fitted on human summaries (``bench/summarize_fit.py``: a grid over a few values each,
the best mean ROUGE-L over LCSTS's editors' lines at 30 字 and the dev pages' titles at their own
length, 60 and 120 字, checked on the half of each set it was not fitted on). The features:

- ``lead``: the inverted pyramid (倒金字塔): the facts come first, so the n-th candidate of the body
  (0-based) gets 1/(n+1).
- ``headline``: the kicker, title and subtitle (引题, 主题, 副题) are the editor's own summary: how
  much of its character bigrams the sentence shares, over all the bigrams of the two (Jaccard), so
  that a long sentence does not win by its length alone. An article without a headline (a text
  taken whole) gets 0 for every sentence, which changes no order.
- ``centrality``: TextRank (:mod:`bulletin.textrank`), the most central sentence 1.0.
- ``quotation``: 1 for a sentence that is someone's words (it opens with a quotation mark, or quotes
  after 说：/表示，): colour and comment, rarely the news itself.
- ``background``: 1 for a sentence that opens with a cue of background (据了解, 此前, 近年来, 早在,
  历史上…): what led up to the news, not the news.

The dateline and the 记者XXX报道 formula are no candidates at all (:func:`bulletin.summary.body_of`);
redundancy is the choice's business (:data:`bulletin.summary.REDUNDANT`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bulletin.textrank import rank


@dataclass(frozen=True)
class Weight:
    value: float
    reason: str


WEIGHTS: dict[str, Weight] = {
    "lead": Weight(
        1.0, "the inverted pyramid: position is the strongest sign of summary material (the scale)"
    ),
    "headline": Weight(
        0.5, "the editor's own summary: a sentence sharing its words is what the story is (fitted on few)"
    ),
    "centrality": Weight(
        0.2, "TextRank: a sentence the others echo is the story's core; 0.2 earns its place"
    ),
    "quotation": Weight(-0.1, "someone's words are colour, rarely the fact the summary must give"),
    "background": Weight(-0.2, "what led up to the news is read after it, seldom in a summary"),
}
"""The table of weights, each with its reason; ``bench/summarize_fit.py`` refits it."""

FEATURES: tuple[str, ...] = tuple(WEIGHTS)

CHOICE: dict[str, Weight] = {
    "share": Weight(
        0.7,
        "beside the best sentence another is taken only with this share of its score: "
        "a budget is a limit, not a quota to fill with what the article says in passing",
    ),
    "worth": Weight(
        1.5,
        "the first unit taken is the one of most score x characters ** worth: a longer "
        "sentence, or run of clauses, says more of the story in the same budget",
    ),
    "inner": Weight(
        0.75,
        "a run of clauses starting inside its sentence (not after its opening's "
        "date or source) counts this share: its subject is often left behind",
    ),
}
"""How :func:`bulletin.summary.select` chooses, fitted with ``WEIGHTS``."""

CENTRAL = 40
"""Centrality is TextRank among the body's first ``CENTRAL`` sentences, the later ones 0: by then
the lead prior is under 0.025 and no sentence is summary material by its echoes alone, while
TextRank's time grows with the square of the sentences (an article of 150: 35 ms, now 4)."""

QUOTATION = re.compile(r"^[“「『‘]|(?:说|表示|指出|认为|强调|称|介绍)[：:，,]\s*[“「『]")
"""“……。” and 他说：“……” : a sentence that is someone's words."""

BACKGROUND = re.compile(
    r"^(?:据了解|据悉|据介绍|据统计|据报道|据调查|此前|早在|近年来|多年来|近几年|历史上|过去|以往|"
    r"回顾|上世纪|此外|另外|另据|与此同时|\d{4}年(?:以来|起|前|底|初)|\d{2}年代)"
)
"""据了解，…… 此前，…… 近年来，…… 早在1995年……: background to the news, or an aside after it."""


def features(
    texts: Sequence[str], terms: Sequence[frozenset[str]], headline: frozenset[str] = frozenset()
) -> list[dict[str, float]]:
    """Each sentence's features, in reading order: ``texts`` the sentences, ``terms`` their terms
    for TextRank and the headline (character bigrams), ``headline`` the headline's terms."""
    central = (rank(terms[:CENTRAL]) if terms else []) + [0.0] * (len(terms) - CENTRAL)
    out = []
    for n, (text, grams, c) in enumerate(zip(texts, terms, central)):
        shared = len(headline & grams)  # (the union's size from it: no union made)
        out.append(
            {
                "lead": 1 / (n + 1),
                "headline": shared / (len(headline) + len(grams) - shared) if headline else 0.0,
                "centrality": c,
                "quotation": 1.0 if QUOTATION.search(text) else 0.0,
                "background": 1.0 if BACKGROUND.match(text) else 0.0,
            }
        )
    return out


def combine(feats: Sequence[Mapping[str, float]], weights: Mapping[str, float] | None = None) -> list[float]:
    """The scores: weight x feature added up, with the values of ``WEIGHTS`` unless ``weights``
    gives others (the fit tries them)."""
    w = weights or {name: weight.value for name, weight in WEIGHTS.items()}
    return [sum(w[name] * f[name] for name in FEATURES) for f in feats]
