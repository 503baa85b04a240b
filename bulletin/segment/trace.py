"""Why ``split`` made a page's articles: the trace ``split(text, trace=True)`` leaves in
``Page.explain`` and ``bulletin split --explain`` prints on stderr.

For each block of the page, the role it ended with (kicker, title, subtitle, byline, body,
caption, photo_byline, section, credit) and the reasons for it, strongest first: what assembling
the articles decided about it (a subhead put back, a lone sentence read as a caption, a body that
goes on an article), then the model's label of a headline line, then the cue or form rule that
classified it, then its indent. For each article, the headline it took, on which side of its body,
and why (the attachment score: shared words plus the layout's prior, or the rule that placed it;
the model's labels K/T/S). Every reason was recorded by the pass that took the decision
(``why.Why``); this module only puts them together. Imported only when a trace is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bulletin.model import Block, Page
from bulletin.segment import model
from bulletin.segment.articles import Drafting
from bulletin.segment.headline import Parts
from bulletin.segment.why import BlockKey, Why, key

ROLE_OF_LABEL = {"K": "kicker", "T": "title", "S": "subtitle", "B": "byline"}
"""The headline model's labels (``model.LABELS``: K-start, T-cont...) as block roles."""
SHOWN_REASONS = 3
"""``report`` shows a block's strongest reasons, this many (the trace keeps them all)."""
PREVIEW = 16
"""``report`` shows the first this many characters of a block."""


@dataclass
class BlockTrace:
    lines: tuple[int, int]  # its 1-based input lines
    text: str
    role: str
    reasons: list[Why]
    article: int | None = None  # the index of the article it went to; None: a note of the page


@dataclass
class ArticleTrace:
    index: int
    title: str
    headline: tuple[int, int] | None  # the input lines of its headline; None: it has none
    side: str | None  # its headline "before" or "after" its body
    labels: list[str]  # the headline model's label of each headline line
    reasons: list[Why]


@dataclass
class Trace:
    layout: str
    layout_reasons: list[Why]
    blocks: list[BlockTrace] = field(default_factory=list)
    articles: list[ArticleTrace] = field(default_factory=list)

    def report(self) -> list[str]:
        """One readable line per block, in the page's order, then one per article."""
        out = [f"layout: {self.layout} ({_reasons(self.layout_reasons)})"]
        for b in self.blocks:
            where = f"article {b.article}" if b.article is not None else "note"
            out.append(
                f"{_lines(b.lines):<9} {b.role:<12} {where:<10} {_preview(b.text)}  "
                f"{_reasons(b.reasons, SHOWN_REASONS)}"
            )
        for a in self.articles:
            head = f"headline {_lines(a.headline)}, {a.side} its body" if a.headline else "no headline"
            out.append(f"article {a.index}: {a.title or '(untitled)'} ({head}): {_reasons(a.reasons)}")
        return out


def explain(
    classified: dict[BlockKey, list[Why]], drafting: Drafting, page: Page, parts: dict[int, Parts]
) -> Trace:
    """The trace of one split: ``classified``, each block's reasons from the roles pass;
    ``drafting``, what the articles pass decided; ``page`` and ``parts``, what came of it."""

    def reasons(b: Block, *first: Why) -> list[Why]:
        return [*drafting.block_why.get(key(b), []), *first, *classified.get(key(b), [])]

    blocks: list[BlockTrace] = []
    articles: list[ArticleTrace] = []
    for (n, j), article in zip(enumerate(sorted(drafting.drafts), 1), page.articles):
        d, labelled = drafting.drafts[j], parts[n].labels
        label = {id(b): lab for b, lab in labelled}
        weighed = dict(zip(label, _weighed(labelled, drafting)))
        for b in d.heads:
            if id(b) in label:
                role = ROLE_OF_LABEL[label[id(b)][0]]
                blocks.append(_block(b, role, reasons(b, ("model", label[id(b)]), *weighed[id(b)]), n))
            else:
                blocks.append(_block(b, "byline", reasons(b), n))
        for b in d.bodies:
            blocks.append(_block(b, "body", reasons(b), n))
        for b in d.captions:
            blocks.append(_block(b, b.kind if b.kind == "photo_byline" else "caption", reasons(b), n))
        for b in d.bylines:
            blocks.append(_block(b, "byline", reasons(b), n))
        lines = [b for b in d.heads if id(b) in label]
        span = (min(b.first for b in lines), max(b.last for b in lines)) if lines else None
        why = list(drafting.head_why.get(j, []))
        if labelled:
            why.append(("model", " ".join(lab for _, lab in labelled)))
        articles.append(
            ArticleTrace(n, article.title, span, drafting.side.get(j), [x for _, x in labelled], why)
        )
    for b in drafting.notes:
        blocks.append(_block(b, b.kind if b.kind in ("section", "credit") else "note", reasons(b)))
    blocks.sort(key=lambda t: t.lines)
    return Trace(drafting.layout, drafting.layout_why, blocks, articles)


def _weighed(labelled: list[tuple[Block, str]], drafting: Drafting) -> list[list[Why]]:
    """The headline model's strongest features for each labelled line (``model.label_reasons``)."""
    if not labelled:
        return []
    lines, labels = [b for b, _ in labelled], [lab for _, lab in labelled]
    return model.label_reasons(lines, labels, drafting.phrased, drafting.one_per_line, drafting.wrapped)


def _block(b: Block, role: str, reasons: list[Why], article: int | None = None) -> BlockTrace:
    return BlockTrace((b.first, b.last), b.text, role, reasons, article)


def _lines(span: tuple[int, int]) -> str:
    first, last = span
    return f"L{first}" if first == last else f"L{first}-{last}"


def _preview(text: str) -> str:
    t = " ".join(text.split())
    return t if len(t) <= PREVIEW else t[:PREVIEW] + "…"


def _reasons(reasons: list[Why], shown: int | None = None) -> str:
    return "; ".join(f"{name} {value}" for name, value in reasons[:shown])
