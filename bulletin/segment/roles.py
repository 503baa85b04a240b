"""Pass 2, roles: each block gets a kind (section, credit, caption, photo_byline, byline, heading,
body) from the cue tables in ``patterns`` on its own, then from its neighbours."""

from __future__ import annotations

from dataclasses import replace

from bulletin import furniture, patterns, signoffs
from bulletin.model import Block, BlockKind
from bulletin.reflow import ends_sentence, flush_headlines
from bulletin.segment import rolemodel
from bulletin.segment.form import (
    OPEN_ENDS,
    SPACES,
    ends_paragraph,
    headline_over_byline,
    is_attribution,
    set_apart,
)
from bulletin.segment.thresholds import THRESHOLDS
from bulletin.segment.why import QUOTED, Why


def block_kind(text: str) -> str:
    """The kind a block has on its own, by the cue tables (neighbours are looked at later)."""
    return kind_and_cue(text)[0]


def kind_and_cue(text: str, found: rolemodel.BlockFacts | None = None) -> tuple[BlockKind, Why]:
    """The kind a block has on its own, and the cue (or form rule) that gave it; ``found``: the
    block's ``rolemodel.block_facts``, when the caller has them (the tables read once a block)."""
    t = text.strip(SPACES)
    b = found if found is not None else rolemodel.block_facts(t)
    cues = b.cues
    if cues.credit:
        return "credit", ("cue:credit", t[:QUOTED])
    if b.furniture:  # page furniture: the page's notes
        return "credit", ("cue:furniture", t[:QUOTED])
    if cues.section:
        return "section", ("cue:section", t[:QUOTED])
    if b.page_header:
        return "section", ("cue:page-header", t[:QUOTED])
    if cues.photo_byline:
        return "photo_byline", ("cue:photo-byline", t[-QUOTED:])
    if cues.caption_start:
        return "caption", ("cue:caption", t[:QUOTED])
    end = cues.dateline_end
    if end is not None:
        return "body", ("cue:dateline", t[:end].strip(SPACES))
    if cues.byline:
        return "byline", ("cue:byline", t[:QUOTED])
    rule = b.form
    if rule is None:
        return "heading", ("form:headline", f"{len(t)} chars")
    return "body", (f"form:{rule}", f"{len(t)} chars")


def _own_kind(b: Block, found: tuple[BlockKind, Why]) -> tuple[BlockKind, list[Why]]:
    """A block's kind by the cue tables (``found``: its ``kind_and_cue``); a line set apart as
    headline stays one unless a cue says otherwise (a dateline, a page header, a byline)."""
    kind, cue = found
    if b.kind == "heading" and kind == "body" and patterns.dateline_end(b.text) is None:
        return "heading", [("rule:set-apart", "a headline line reflow joined to a paragraph"), cue]
    if b.kind == "byline" and kind in ("heading", "body"):
        return "byline", [("rule:name-under-headline", "a name the headline ran into"), cue]
    return kind, [cue]


def _own_kinds(blocks: list[Block]) -> list[tuple[BlockKind, list[Why]]]:
    """Each block's kind on its page before the neighbour rules: the role model's (``rolemodel``,
    the cue tables as features with fitted weights, beside form, place and the neighbours' cues),
    with the cue verdict's kind where they agree; the reasons give the features that weighed most."""
    tables = [rolemodel.block_facts(b.text.strip(SPACES)) for b in blocks]  # read once a block
    found = [kind_and_cue(b.text, c) for b, c in zip(blocks, tables)]
    verdicts = [rolemodel.ROLE_OF_KIND[kind] for kind, _ in found]
    model = rolemodel.load()
    out: list[tuple[BlockKind, list[Why]]] = []
    feats = rolemodel.features(blocks, verdicts, flush_page(blocks), tables)
    for b, cue, f in zip(blocks, found, feats):
        kind, reasons = _own_kind(b, cue)
        cols = rolemodel.columns(model, f)
        scores = rolemodel.score(model, f, cols)
        role, strongest = rolemodel.best(model, f, scores=scores, cols=cols)
        reason = (f"model:{role}", ", ".join(f"{k} {v:+.1f}" for k, v in strongest))
        was = rolemodel.ROLE_OF_KIND[kind]
        if role != was and scores[role] - scores[was] >= rolemodel.MARGIN:
            out.append((rolemodel.kind_of(role, kind, b.text.strip(SPACES)), [reason, *reasons]))
        else:
            out.append((kind, [*reasons, reason]))
    return out


def classify(blocks: list[Block]) -> list[Block]:
    """Each block with its kind (``classify_explained`` without the reasons)."""
    return classify_explained(blocks)[0]


def classify_explained(blocks: list[Block]) -> tuple[list[Block], list[list[Why]]]:
    """Each block with its kind, and the reasons for it, strongest first (``kinds_explained``);
    then a letter's signer and date, and a name closing an opinion piece, are marked
    (``signoffs.mark_signoffs``), and a paragraph that page furniture cut mid-sentence is one again
    (``furniture.mend_around``)."""
    kinds, why = kinds_explained(blocks)
    marked = signoffs.mark_signoffs(kinds)
    for b, was, reasons in zip(marked, kinds, why):
        if b.kind != was.kind:
            reasons.insert(0, ("rule:sign-off", f"{was.kind} -> {b.kind} by the paragraph it closes"))
    mended = furniture.mend_around(marked)
    if len(mended) == len(marked):
        return mended, why
    by_first = {b.first: reasons for b, reasons in zip(marked, why)}
    why = [by_first[b.first] for b in mended]
    for b, reasons in zip(mended, why):
        if b not in marked:
            reasons.insert(0, ("rule:mended", "one paragraph again across the page furniture that cut it"))
    return mended, why


def kinds_explained(blocks: list[Block]) -> tuple[list[Block], list[list[Why]]]:
    """Each block with its kind, and the reasons for it, strongest first: first on its own, then
    mastheads next to a page header become section, a headline-looking piece inside a paragraph
    broken by the page is body unless blank lines set it apart as another story's title
    (``_set_apart``), and a bare name next to a headline is a byline, unless it is the
    headline's wrapped tail (``_headline_tail``); two lines of a headline wrapped inside its
    quotation are headline lines (``_quote_across``)."""
    own = _own_kinds(blocks)
    out = [replace(b, kind=kind) for b, (kind, _) in zip(blocks, own)]
    why = [reasons for _, reasons in own]
    for b, reasons in zip(out, why):
        reasons.append(("indent", str(b.indent)))
    n = len(out)
    if flush_page(out):
        flushed = [_flush_kind(b) for b in out]
        for b, (kind, rule), reasons in zip(out, flushed, why):
            if kind != b.kind:
                reasons.insert(0, rule)
        return [replace(b, kind=kind) for b, (kind, _) in zip(out, flushed)], why
    for i, b in enumerate(out):
        reach = THRESHOLDS.masthead_near
        near = out[max(0, i - reach) : i + reach + 1]
        if b.kind in ("heading", "body") and patterns.is_masthead(b.text):
            if any(patterns.is_page_header(x.text) for x in near if x is not b) or i == 0:
                out[i] = replace(b, kind="section")
                why[i].insert(0, ("rule:masthead", "by a page header" if i else "first on the page"))
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
            and not _set_apart(prev, b, nxt)
        ):
            out[i] = replace(b, kind="body")  # a piece of a paragraph the page broke up
            why[i].insert(0, ("rule:paragraph-piece", "between two halves of a paragraph"))
    for i, b in enumerate(out):
        t = b.text.strip(SPACES)
        if b.kind == "heading" and i and out[i - 1].kind == "body" and is_attribution(t):
            out[i] = replace(b, kind="body")  # ———王文西（山东）, （作者系…）: the end of a paragraph
            why[i].insert(0, ("rule:attribution", "a source line under a paragraph"))
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
            why[i].insert(0, ("rule:question-in-body", "ends a sentence between two bodies"))
    for i, b in enumerate(out):
        t = b.text.strip(SPACES)
        if (
            b.kind == "body"
            and i + 1 < n
            and out[i + 1].kind == "byline"
            and not why[i + 1][0][0].startswith("model:")  # a byline by cue, not by the model
            and headline_over_byline(t)
            and (i == 0 or ends_paragraph(out[i - 1].text))
        ):
            out[i] = replace(
                b, kind="heading"
            )  # 联查…——查了三户都不合格，旧米充新米，缺斤又短两 / 本报记者 …
            why[i].insert(0, ("rule:headline-over-byline", "a byline follows, no sentence ends"))
        if b.kind == "heading" and patterns.is_bare_names(t):
            neighbours = [out[j].kind for j in (i - 1, i + 1) if 0 <= j < n]
            bracketed = t[0] in "（(" and t[-1] in ")）"
            if bracketed or ("heading" in neighbours and i > 0 and out[i - 1].kind == "heading"):
                out[i] = replace(b, kind="byline")
                why[i].insert(0, ("cue:names", "bracketed" if bracketed else "under a headline line"))
    for i in range(n - 1):
        if "body" in (out[i].kind, out[i + 1].kind) and _quote_across(out[i], out[i + 1]):
            for j in (i, i + 1):
                if out[j].kind == "body":
                    out[j] = replace(out[j], kind="heading")
                    why[j].insert(0, ("rule:quote-across", "a headline wrapped inside its quotation"))
    for i, b in enumerate(out):
        if b.kind == "byline" and why[i][0][0] in _NAME_RULES and _headline_tail(out, i):
            out[i] = replace(b, kind="heading")
            why[i].insert(0, ("rule:headline-tail", "the words across the break recur below"))
    return out, why


_NAME_RULES = ("cue:names", "rule:name-under-headline")  # a byline by its form alone


def _set_apart(prev: Block, b: Block, nxt: Block) -> bool:
    """A headline line with a blank line above and below it, though the paragraph around it runs
    on, and at least ``THRESHOLDS.stray_title_min`` long: pdftotext set another story's title
    between two halves of a paragraph it broke across columns (a piece of that paragraph would
    touch one of its halves); assembly gives it the story that shares its words
    (``articles.rematch_headlines``)."""
    return set_apart(prev, b, nxt) and len(b.text.strip(SPACES)) >= THRESHOLDS.stray_title_min


def _headline_tail(blocks: list[Block], i: int) -> bool:
    """Block ``i``, a short line right under a headline line (no blank between), is that
    headline's wrapped tail: the headline's last character and the line's first recur together in
    the blocks below (``THRESHOLDS.tail_echo_reach``): 专家 / 何建民 over a story that says 专家何建民."""
    if i == 0 or blocks[i - 1].kind != "heading" or blocks[i].first != blocks[i - 1].last + 1:
        return False  # a blank line between: the line was set apart
    above = "".join(blocks[i - 1].text.split())
    line = "".join(blocks[i].text.split())
    if not above or not line:
        return False
    reach = blocks[i + 1 : i + 1 + THRESHOLDS.tail_echo_reach]
    below = "".join("".join(x.text.split()) for x in reach)
    return above[-1] + line[0] in below


def _quote_across(a: Block, b: Block) -> bool:
    """Two short lines, one under the other, with a quotation opened in the first and closed in
    the second, neither ending a sentence nor holding a clause mark: a headline wrapped inside its
    quotation (别让孩子“田间 / 作业”成负担), not two pieces of body."""
    ta, tb = "".join(a.text.split()), "".join(b.text.split())
    if not (a.first == a.last and b.first == b.last == a.last + 1 and ta and tb):
        return False
    if not len(tb) <= len(ta) <= THRESHOLDS.headline_max:  # wrapped: the first line the full one
        return False
    if ends_sentence(ta) or ends_sentence(tb) or "，" in ta + tb:  # a clause: a sentence's lines
        return False
    opens = ta.count("“") > ta.count("”")
    closes = tb.find("”")
    return opens and closes >= 0 and tb.find("“") not in range(closes)


def flush_page(blocks: list[Block]) -> bool:
    """E-paper copy: headline lines flush left, every paragraph indented, a line a block. There a
    flush line is always a headline (never a subhead between two sections of one story)."""
    one_line = sum(b.first == b.last for b in blocks) >= THRESHOLDS.line_per_block * len(blocks)
    return one_line and flush_headlines(blocks)


def _flush_kind(b: Block) -> tuple[BlockKind, Why]:
    """On a page that sets headlines flush left and indents every paragraph, the indent decides
    between headline and body; the cue tables still tell captions, credits and bylines."""
    t = b.text.strip(SPACES)
    if b.indent == 0 and b.kind == "body" and patterns.dateline_end(t) is None:
        if t.endswith(tuple(OPEN_ENDS)):  # 女士们，先生们，: a sentence going on is no headline line
            return "body", ("rule:flush-open-end", "e-paper page: a flush line ending in ， or ： is body")
        return "heading", ("rule:flush-left", "e-paper page: a flush line is a headline")
    if b.indent > 0 and b.kind == "heading":
        # an intertitle (核心阅读, a section head of a long piece) is the body's
        return "body", ("rule:indented", "e-paper page: an indented line is body")
    return b.kind, ("rule:flush-page", "e-paper page")


def labels_articles(text: str) -> bool:
    """A 栏目 marker (· 乡镇动态 ·) labels the articles after it; page headers and mastheads do not."""
    return patterns.is_section(text) and not patterns.is_page_header(text)
