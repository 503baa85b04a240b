"""Pass 2, roles: each block gets a kind (section, credit, caption, photo_byline, byline, heading,
body) from the cue tables in ``patterns`` on its own, then from its neighbours."""

from __future__ import annotations

from dataclasses import replace

from bulletin import patterns
from bulletin.model import Block
from bulletin.reflow import ends_sentence, flush_headlines
from bulletin.segment.form import (
    SPACES,
    ends_paragraph,
    headline_over_byline,
    is_attribution,
    looks_like_heading,
)
from bulletin.segment.thresholds import THRESHOLDS


def block_kind(text: str) -> str:
    """The kind a block has on its own, by the cue tables (neighbours are looked at later)."""
    t = text.strip(SPACES)
    if patterns.is_credit(t):
        return "credit"
    if patterns.is_section(t) or patterns.is_page_header(t):
        return "section"
    if patterns.is_photo_byline(t):
        return "photo_byline"
    if patterns.is_caption_start(t):
        return "caption"
    if patterns.dateline_end(t) is not None:
        return "body"
    if patterns.is_byline(t):
        return "byline"
    if looks_like_heading(t):
        return "heading"
    return "body"


def _own_kind(b: Block) -> str:
    """A block's kind by the cue tables; a line set apart as headline stays one unless a cue says
    otherwise (a dateline, a page header, a byline)."""
    kind = block_kind(b.text)
    if b.kind == "heading" and kind == "body" and patterns.dateline_end(b.text) is None:
        return "heading"
    if b.kind == "byline" and kind in ("heading", "body"):
        return "byline"
    return kind


def classify(blocks: list[Block]) -> list[Block]:
    """Each block with its kind: first on its own, then mastheads next to a page header become
    section, a headline-looking piece inside a paragraph broken by the page is body, and a bare
    name next to a headline is a byline."""
    out = [replace(b, kind=_own_kind(b)) for b in blocks]
    n = len(out)
    if flush_page(out):
        return [replace(b, kind=_flush_kind(b)) for b in out]
    for i, b in enumerate(out):
        near = out[max(0, i - 2) : i + 3]
        if b.kind in ("heading", "body") and patterns.is_masthead(b.text):
            if any(patterns.is_page_header(x.text) for x in near if x is not b) or i == 0:
                out[i] = replace(b, kind="section")
    for i, b in enumerate(out):
        if b.kind != "heading":
            continue
        prev = out[i - 1] if i else None
        nxt = out[i + 1] if i + 1 < n else None
        if (
            prev is not None
            and prev.kind == "body"
            and not ends_paragraph(prev.text)
            and nxt is not None
            and nxt.kind == "body"
            and patterns.dateline_end(nxt.text) is None
        ):
            out[i] = replace(b, kind="body")  # a piece of a paragraph the page broke up
    for i, b in enumerate(out):
        t = b.text.strip(SPACES)
        if b.kind == "heading" and i and out[i - 1].kind == "body" and is_attribution(t):
            out[i] = replace(b, kind="body")  # ———王文西（山东）, （作者系…）: the end of a paragraph
        nxt = out[i + 1] if i + 1 < n else None
        if (
            b.kind == "heading"
            and ends_sentence(t)
            and i
            and out[i - 1].kind == "body"
            and nxt is not None
            and nxt.kind == "body"
            and patterns.dateline_end(nxt.text) is None
        ):
            out[i] = replace(b, kind="body")  # 记者：资金来源是否有保证？ in an interview
    for i, b in enumerate(out):
        t = b.text.strip(SPACES)
        if (
            b.kind == "body"
            and i + 1 < n
            and out[i + 1].kind == "byline"
            and headline_over_byline(t)
            and (i == 0 or ends_paragraph(out[i - 1].text))
        ):
            out[i] = replace(
                b, kind="heading"
            )  # 联查…——查了三户都不合格，旧米充新米，缺斤又短两 / 本报记者 …
        if b.kind == "heading" and patterns.is_bare_names(t):
            neighbours = [out[j].kind for j in (i - 1, i + 1) if 0 <= j < n]
            bracketed = t[0] in "（(" and t[-1] in ")）"
            if bracketed or ("heading" in neighbours and i > 0 and out[i - 1].kind == "heading"):
                out[i] = replace(b, kind="byline")
    return out


def flush_page(blocks: list[Block]) -> bool:
    """E-paper copy: headline lines flush left, every paragraph indented, a line a block. There a
    flush line is always a headline (never a subhead between two sections of one story)."""
    one_line = sum(b.first == b.last for b in blocks) >= THRESHOLDS.line_per_block * len(blocks)
    return one_line and flush_headlines(blocks)


def _flush_kind(b: Block) -> str:
    """On a page that sets headlines flush left and indents every paragraph, the indent decides
    between headline and body; the cue tables still tell captions, credits and bylines."""
    if b.indent == 0 and b.kind == "body" and patterns.dateline_end(b.text) is None:
        return "heading"
    if b.indent > 0 and b.kind == "heading":
        return "body"  # an intertitle (核心阅读, a section head of a long piece) is the body's
    return b.kind


def labels_articles(text: str) -> bool:
    """A 栏目 marker (· 乡镇动态 ·) labels the articles after it; page headers and mastheads do not."""
    return patterns.is_section(text) and not patterns.is_page_header(text)
