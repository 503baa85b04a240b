"""Pass 5, articles: drafts of articles from matched headlines and bodies, bodies without a headline
placed (a caption, the rest of an article broken by the page, an article of its own), captions and
bylines given a home, a feature's subheads put back; then the articles with their parts."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from bulletin import patterns, signoffs
from bulletin.chars import is_han
from bulletin.model import Article, Block, Page
from bulletin.segment.attachment import attach, cut_for_headlines
from bulletin.segment.bodies import absorb_subheads, part_bodies, story_start
from bulletin.segment.form import SPACES, ends_paragraph, looks_like_heading, set_apart
from bulletin.segment.headline import Parts, is_phrased, is_wrapped, parse_headline
from bulletin.segment.layout import Layout, layout_votes
from bulletin.segment.matching import best_matching
from bulletin.segment.overlap import bigrams, body_grams, han_text, overlap, overlap_text
from bulletin.segment.roles import flush_page, labels_articles
from bulletin.segment.runs import headlines_of
from bulletin.segment.thresholds import THRESHOLDS
from bulletin.segment.units import Unit, group, neighbours
from bulletin.segment.why import BlockKey, Why, key


def split_dateline(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """The dateline of the first paragraph, and the paragraphs without it (nor the space after)."""
    if not paragraphs:
        return None, paragraphs
    first = paragraphs[0].lstrip(SPACES)
    end = patterns.dateline_end(first)
    if end is None:
        return None, paragraphs
    dateline = first[:end].strip(SPACES)
    rest = first[end:].lstrip(SPACES)
    return dateline, ([rest] if rest else []) + paragraphs[1:]


@dataclass
class Draft:
    body: int  # unit index of its first body
    heads: list[Block] = field(default_factory=list)
    bodies: list[Block] = field(default_factory=list)
    captions: list[Block] = field(default_factory=list)
    bylines: list[Block] = field(default_factory=list)
    section: str | None = None
    kickers: list[Block] = field(default_factory=list)  # set apart inside its body (``_kicker_pieces``)


@dataclass(eq=False)
class Drafting:
    """What the articles pass decided before any headline is read: the drafts of articles (by the
    unit of their first body), the blocks that are the page's notes, and why (``split --explain``)."""

    drafts: dict[int, Draft]
    notes: list[Block]
    phrased: bool = False
    layout: Layout = "before"
    layout_why: list[Why] = field(default_factory=list)
    head_why: dict[int, list[Why]] = field(default_factory=dict)  # by draft: why it took its headline
    side: dict[int, str] = field(default_factory=dict)  # by draft: its headline before or after its body
    block_why: dict[BlockKey, list[Why]] = field(default_factory=dict)  # what assembling decided
    one_per_line: bool = False  # an e-paper page: each headline element on a line of its own
    wrapped: bool = True  # the page is cut at a column's width (headline.is_wrapped)


def assemble(
    blocks: list[Block], *, source: str = "<stdin>", encoding: str = "utf-8", layout: str = "auto"
) -> Page:
    """Articles and notes from classified blocks."""
    return write_page(draft_page(blocks, layout), source=source, encoding=encoding)[0]


def write_page(drafting: Drafting, *, source: str, encoding: str) -> tuple[Page, dict[int, Parts]]:
    """The page of articles from its drafts, and the headline parts of each article (by index)."""
    if not drafting.drafts:
        return Page(notes=[b.text for b in drafting.notes], source=source, encoding=encoding), {}
    parts: dict[int, Parts] = {}
    for n, j in enumerate(sorted(drafting.drafts), 1):
        d = drafting.drafts[j]
        parts[n] = parse_headline(d.heads, drafting.phrased, drafting.one_per_line, drafting.wrapped)
        if d.kickers:  # every character of the kicker kept, whatever the headline holds
            parts[n].kicker = "".join(b.text.strip(SPACES) for b in d.kickers) + (parts[n].kicker or "")
    articles = [_article(n, drafting.drafts[j], parts[n]) for n, j in enumerate(sorted(drafting.drafts), 1)]
    return Page(
        articles=articles, notes=[b.text for b in drafting.notes], source=source, encoding=encoding
    ), parts


def draft_page(blocks: list[Block], layout: str = "auto") -> Drafting:
    """Drafts of articles from classified blocks: units, bodies, layout, headline runs, attachment,
    then the bodies without headline, captions, bylines and section markers placed."""
    in_order = reading_order(blocks)
    flush = flush_page(blocks)
    units = group(blocks)
    block_why: dict[BlockKey, list[Why]] = {}
    known: dict[str, Counter] = {}  # each body text's bigrams, counted once for the passes below
    grams = body_grams(units, known)  # the bodies' bigrams (a body a pass changed is counted anew)
    if not flush:
        absorbed = absorb_subheads(units, grams, block_why)
        if len(absorbed) != len(units):
            units, grams = absorbed, body_grams(absorbed, known)
    parted = part_bodies(units, grams)
    if parted is not units:
        units, grams = parted, body_grams(parted, known)
    if not grams:  # no body at all: everything is a note
        return Drafting({}, list(blocks), block_why=block_why)
    page_layout: Layout = "after" if layout == "after" else "before"
    if layout == "auto":
        page_layout, layout_why = layout_votes(units, grams)
    else:
        layout_why = [("layout:given", layout)]
    heads = headlines_of(units, grams, page_layout)
    got, attach_why = attach(heads, units, grams, page_layout)
    cut = cut_for_headlines(units, heads, got, attach_why)
    if cut[0] is not units:
        units, heads, got, attach_why = cut
        grams = body_grams(units, known)
    drafts: dict[int, Draft] = {}
    head_why: dict[int, list[Why]] = {}
    side: dict[int, str] = {}
    order: list[int] = []
    pending: list[int] = []  # bodies without a headline, decided below
    for j in sorted(grams):
        if j in got:
            d = Draft(j)
            for h in got[j]:
                d.heads.extend(heads[h].blocks)
                head_why.setdefault(j, []).extend(attach_why.get(h, []))
            side[j] = "before" if heads[got[j][0]].unit < j else "after"
            d.bodies = list(units[j].blocks)
            drafts[j] = d
            order.append(j)
        else:
            pending.append(j)
    pending = rematch_headlines(drafts, pending, units, head_why, side)
    for j in pending:
        u = units[j]
        # a lone sentence (not a lead that runs on into the dateline story after it, 江泽民…等…
        # 表示深切哀悼 over 新华社北京…电)
        lone = len(u.blocks) == 1 and patterns.dateline_end(u.text) is None and ends_paragraph(u.text)
        before, _ = neighbours(units, j)
        cut_off = before is not None and not ends_paragraph(units[before].blocks[-1].text)
        if drafts and lone and len(u.text) <= THRESHOLDS.caption_max and not cut_off:
            units[j] = Unit("caption", u.blocks)  # a sentence under a photo (not the end of one cut off)
            reason = ("rule:lone-sentence", f"{len(u.text)} chars <= caption_max {THRESHOLDS.caption_max}")
            block_why[key(u.blocks[0])] = [reason]
            continue
        home = _between_head_and_body(j, units, drafts, page_layout)
        why: Why = ("rule:between-head-and-body", "the article on the layout's side")
        if home is None:
            home = _continues(j, u, drafts, page_layout)
            why = ("rule:continues", "a body without headline goes on the article that shares more")
        if home is not None:
            drafts[home].bodies.extend(u.blocks)  # the same article, broken by the page
            drafts[home].bodies.sort(key=in_order)
            if j > 1 and units[j - 1].kind == "run" and units[j - 2].kind == "body":
                broken = units[j - 2].blocks[-1]  # only a headline run between them
                drafts[home].bodies = _mend_paragraph(drafts[home].bodies, broken, u.blocks[0])
            for b in u.blocks:
                block_why.setdefault(key(b), []).insert(0, why)
            continue
        drafts[j] = Draft(j, bodies=list(u.blocks))
        head_why[j] = [("rule:no-headline", "a body no headline took: an article of its own")]
        order.append(j)
    order.sort()
    if not drafts:
        return Drafting({}, list(blocks), block_why=block_why)
    article_han: dict[int, str] = {}  # an article's Han characters, when a caption near it asks
    keys = sorted(drafts)
    notes: list[Block] = []
    section: str | None = None
    for i, u in enumerate(units):
        if u.kind == "note":
            notes.extend(u.blocks)
            for b in u.blocks:
                if b.kind == "section" and labels_articles(b.text):
                    section = patterns.section_name(b.text)  # the marker characters dropped
        elif u.kind == "body" and i in drafts:
            drafts[i].section = section
        elif u.kind == "caption":
            drafts[_caption_home(u, i, keys, drafts, article_han)].captions.extend(u.blocks)
        elif u.kind == "byline":
            before, after = neighbours(units, i)
            nxt = i + 1 < len(units) and units[i + 1].kind == "body"
            home = after if nxt and after in drafts else before if before in drafts else None
            if home is None:
                home = min(drafts, key=lambda k: abs(k - i))
            drafts[home].bylines.extend(u.blocks)
    if not flush:
        merge_subheads(drafts, page_layout, in_order, block_why)
    for d in drafts.values():
        if any(b.kind == "heading" for b in d.heads):
            d.bodies, d.kickers = _kicker_pieces(d.bodies, block_why)
    return Drafting(
        drafts,
        notes,
        is_phrased(units),
        page_layout,
        layout_why,
        head_why,
        side,
        block_why,
        one_per_line=flush,
        wrapped=is_wrapped(blocks),
    )


def rematch_headlines(
    drafts: dict[int, Draft],
    pending: list[int],
    units: list[Unit],
    head_why: dict[int, list[Why]],
    side: dict[int, str],
) -> list[int]:
    """The page's headlines matched again with its stories all at once (``matching.best_matching``):
    the bodies attachment gave them and the bodies no headline took that open with a dateline. A
    headline weighs the share of its bigrams in each story, plus ``rematch_keep`` for the body
    attachment gave it, so it moves only when the page's total gains by more: two headlines swapped
    between their stories, or one whose words are all in a story pdftotext printed apart from it.
    A body left without headline goes back to the bodies still to place, which are returned."""
    owners = [k for k in sorted(drafts) if any(b.kind == "heading" for b in drafts[k].heads)]
    if not owners:
        return pending
    stories = sorted([*drafts, *(j for j in pending if story_start(units, j) == "dateline")])
    body = {k: bigrams(units[k].text) for k in stories}
    own = {h: bigrams("".join(b.text for b in drafts[h].heads if b.kind == "heading")) for h in owners}
    weights = {
        (h, k): overlap(own[h], body[k]) + (THRESHOLDS.rematch_keep if k == h else 0.0)
        for h in owners
        for k in stories
    }
    moves = {h: k for h, k in best_matching(weights).items() if k != h}
    heads = {h: drafts[h].heads for h in moves}
    whys = {h: head_why.pop(h, []) for h in moves}
    for h in moves:
        drafts[h].heads = []
    for h, k in moves.items():
        d = drafts.setdefault(k, Draft(k, bodies=list(units[k].blocks)))
        d.heads = sorted(d.heads + heads[h], key=lambda b: b.first)
        mine, given = overlap(own[h], body[k]), overlap(own[h], body[h])
        head_why[k] = [
            (
                "rule:rematch",
                f"shares {mine:.2f} of its bigrams with this story, {given:.2f} with the body it had",
            ),
            *whys[h],
        ]
        side[k] = "before" if d.heads[0].first < d.bodies[0].first else "after"
    left = [h for h in moves if not drafts[h].heads]
    for h in left:
        del drafts[h]
        side.pop(h, None)
    return sorted(set(pending) - set(drafts) | set(left))


def _mend_paragraph(bodies: list[Block], cut: Block, tail: Block) -> list[Block]:
    """``bodies`` with ``tail`` joined onto ``cut``, the block before it, when ``cut`` stops
    mid-sentence: only a headline that went to another story stood between them, the two halves
    of a paragraph pdftotext broke around another story's title."""
    at = next((k for k, b in enumerate(bodies) if b is tail), 0)
    if at == 0 or bodies[at - 1] is not cut or ends_paragraph(cut.text):
        return bodies
    return [*bodies[: at - 1], _joined(cut, tail), *bodies[at + 1 :]]


def _joined(head: Block, tail: Block) -> Block:
    """The two halves of a paragraph the page broke apart, one body block again."""
    return Block(
        head.text.rstrip(SPACES) + tail.text.lstrip(SPACES), head.first, tail.last, "body", head.indent
    )


def _kicker_pieces(bodies: list[Block], why: dict[BlockKey, list[Why]]) -> tuple[list[Block], list[Block]]:
    """``bodies`` without the kicker pdftotext set inside one of their paragraphs, and that kicker:
    a short line (under ``THRESHOLDS.stray_title_min``, without punctuation) with a blank line above
    and below it, between two halves of a paragraph (the one before runs over several lines and stops
    mid-sentence: a short line under a headline read as body, 建达, is its writer); the halves
    are joined again. The story's title is set elsewhere (mostly under its body, the column's
    end): the kicker goes with the headline of the story that holds it (联合国 over 还应坚持…)."""
    out: list[Block] = []
    kickers: list[Block] = []
    k = 0
    while k < len(bodies):
        b = bodies[k]
        t = b.text.strip(SPACES)
        prev = out[-1] if out else None
        nxt = bodies[k + 1] if k + 1 < len(bodies) else None
        if (
            prev is not None
            and nxt is not None
            and 0 < len(t) < THRESHOLDS.stray_title_min
            and all(map(is_han, t))
            and set_apart(prev, b, nxt)
            and prev.last > prev.first  # a paragraph's half, not a headline read as body
            and not ends_paragraph(prev.text)
            and patterns.dateline_end(nxt.text) is None
        ):
            kickers.append(replace(b, kind="heading"))
            why.setdefault(key(b), []).insert(0, ("rule:kicker-piece", "set apart inside a paragraph"))
            out[-1] = _joined(prev, nxt)
            k += 2
            continue
        out.append(b)
        k += 1
    return out, kickers


def reading_order(blocks: list[Block]) -> Callable[[Block], int]:
    """A sort key for blocks: their place in the page's reading order, not their line numbers
    (columns read side by side, ``pdftotext -layout``, share their lines)."""
    rank = {(b.first, b.last, b.text): k for k, b in enumerate(blocks)}
    starts: dict[int, int] = {}  # a block made of several (a subhead's lines) ranks as its first
    for k, b in enumerate(blocks):
        starts.setdefault(b.first, k)
    return lambda b: rank.get((b.first, b.last, b.text), starts.get(b.first, len(rank)))


def _is_feature(d: Draft) -> bool:
    """An article signed at its head by a byline and without dateline: the kind that has subheads."""
    names = [b.text.strip(SPACES) for b in d.bylines + d.heads if b.kind == "byline"]
    bylined = any(not patterns.ends_with_sign_off(t) for t in names)  # （记者 何宏志）signs off
    return bylined and bool(d.bodies) and patterns.dateline_end(d.bodies[0].text) is None


def _is_subhead_part(d: Draft) -> bool:
    """A draft made of one short headline line and a body that opens without dateline, nothing
    else: a section of a feature that its subhead (小标题) cut off."""
    lines = [b for b in d.heads if b.kind == "heading"]
    if (
        len(lines) != len(d.heads)
        or not 1 <= len(lines) <= THRESHOLDS.subhead_lines_max
        or d.bylines
        or not d.bodies
    ):
        return False
    if any(map(signoffs.opens_article, lines)):  # …（人民时评）: a column's piece, no subhead
        return False
    if sum(len(b.text.strip(SPACES)) for b in lines) > THRESHOLDS.subhead_max:
        return False
    first = d.bodies[0].text
    return patterns.dateline_end(first) is None and not looks_like_heading(first)  # no name line


def merge_subheads(
    drafts: dict[int, Draft],
    layout: Layout,
    in_order: Callable[[Block], int],
    why: dict[BlockKey, list[Why]] | None = None,
) -> None:
    """Put back the sections of a feature that its subheads cut into articles of their own: the
    drafts next to a feature on the side its body goes on (after it when headlines come first,
    before it when they come last), each a short headline over a body that opens without dateline,
    up to a body signed off. The subhead stays in the body as a paragraph of its own. ``why``: where
    to record each subhead put back, when the caller keeps reasons."""
    keys = sorted(drafts)
    step = 1 if layout == "before" else -1
    for at, k in enumerate(keys):
        if k not in drafts or not _is_feature(drafts[k]):
            continue
        feature = drafts[k]
        n = at + step
        while 0 <= n < len(keys) and keys[n] in drafts and _is_subhead_part(drafts[keys[n]]):
            part = drafts[keys[n]]
            earlier = feature if step == 1 else part
            if patterns.ends_with_sign_off(earlier.bodies[-1].text):
                break
            if signoffs.signed_below(earlier.bylines, earlier.bodies):  # 周 明 under it
                break
            feature.bodies = sorted(
                feature.bodies + [replace(b, kind="body") for b in part.heads] + part.bodies, key=in_order
            )
            feature.captions.extend(part.captions)
            if why is not None:
                for b in part.heads:
                    why[key(b)] = [
                        ("rule:feature-subhead", "a short headline in a feature signed by a byline")
                    ]
            del drafts[keys[n]]
            n += step


def _between_head_and_body(j: int, units: list[Unit], drafts: dict[int, Draft], layout: Layout) -> int | None:
    """The article whose headline and body a body without headline lies between: the first article
    on the layout's side with no headline run on the way, whose headline must then be on the other
    side of this body (阿拉伯国家将联手… over 新华社突尼斯…电 and 新华社开罗…电, its words in the
    second)."""
    step = 1 if layout == "before" else -1
    k = j + step
    while 0 <= k < len(units) and units[k].kind != "run":
        if k in drafts and drafts[k].heads:
            return k
        k += step
    return None


def _continues(j: int, u: Unit, drafts: dict[int, Draft], layout: Layout) -> int | None:
    """The article a body without headline nor dateline goes on: the one before it or after it,
    whichever shares more of its bigrams (the layout's side on a tie)."""
    if not drafts:
        return None
    before = max((k for k in drafts if k < j), default=None)
    after = min((k for k in drafts if k > j), default=None)
    if patterns.dateline_end(u.text) is not None:
        # a news roundup: a second dateline under the same headline, on the layout's side, unless
        # it shares next to nothing with that article, body or headline: a story of its own
        home = after if layout == "after" else before
        if home is not None and _stranger(u, drafts[home]):
            return None
        return home
    if before is None or after is None:
        return before if before is not None else after
    g = bigrams(u.text)

    def share(k: int) -> float:
        return overlap(g, bigrams("\n".join(b.text for b in drafts[k].bodies + drafts[k].heads)))

    a, b = share(before), share(after)
    if abs(a - b) < THRESHOLDS.continue_tie:
        return before if layout == "before" else after
    return before if a > b else after


def _stranger(u: Unit, d: Draft) -> bool:
    """A body with a dateline that shares less than ``roundup_body_min`` of its bigrams with the
    article it would go on (its headline and its body) and whose words hold less than
    ``roundup_head_min`` of that article's headline: not a second dispatch of a roundup but a story
    whose headline the page lost or set elsewhere."""
    g = bigrams(u.text)
    if not g:
        return False
    body = bigrams("\n".join(b.text for b in d.bodies + d.heads))
    head = bigrams("".join(b.text for b in d.heads if b.kind == "heading"))
    return overlap(g, body) < THRESHOLDS.roundup_body_min and overlap(head, g) < THRESHOLDS.roundup_head_min


def _caption_home(u: Unit, i: int, keys: list[int], drafts: dict[int, Draft], han: dict[int, str]) -> int:
    """The article a caption belongs to: the body next to it, unless another near it shares more
    words. ``keys``: the articles' first bodies, in page order; ``han``: the Han characters of the
    articles' headlines and bodies, by first body, filled in here as they are needed."""
    at = bisect.bisect_left(keys, i)
    own = bigrams(u.text)
    before = keys[at - 1] if at > 0 else None
    after = keys[at] if at < len(keys) else None
    near = set(keys[max(0, at - THRESHOLDS.reach) : at + THRESHOLDS.reach]) | {
        k for k in (before, after) if k is not None
    }

    def score(k: int) -> float:
        prior = (
            THRESHOLDS.caption_prior_before
            if k == before
            else THRESHOLDS.caption_prior_after
            if k == after
            else 0.0
        )
        if k not in han:
            han[k] = han_text("\n".join(b.text for b in drafts[k].heads + drafts[k].bodies))
        return overlap_text(own, han[k]) + prior

    return max(sorted(near), key=lambda k: (score(k), -abs(k - i)))


def _article(index: int, d: Draft, parts: Parts) -> Article:
    dateline, paragraphs = split_dateline([b.text.strip(SPACES) for b in d.bodies])
    bylines = parts.bylines + [b.text.strip(SPACES) for b in d.bylines]
    spanned = d.heads + d.kickers + d.bodies + d.captions + d.bylines
    return Article(
        index=index,
        title=parts.title,
        kicker=parts.kicker,
        subtitle=parts.subtitle,
        section=d.section,
        dateline=dateline,
        byline=" ".join(bylines) or None,
        paragraphs=paragraphs,
        captions=[b.text.strip(SPACES) for b in d.captions],
        lines=(min(b.first for b in spanned), max(b.last for b in spanned)),
    )
