"""Page -> articles: classify the cleaned page's blocks, then put headlines, bodies and captions together.

The steps, each a small pure function:

1. ``clean_blocks``: the cleaned page as blocks (paragraphs and lines of their own) with input lines.
2. ``unglue_headlines``: a headline line that reflow joined onto the paragraph after it is set apart.
3. ``classify``: each block gets a kind (section, credit, caption, photo_byline, byline, heading,
   body) from the cue tables in ``patterns`` and from its neighbours.
4. ``group``: runs of body blocks become bodies (segments), runs of headline lines become headline
   runs; captions, credits and section markers stay units of their own.
5. ``detect_layout``: headline before or after its body, by where the page starts and ends and by
   which neighbour each headline shares more character bigrams with.
6. ``headlines_of`` splits a run holding several headlines (content decides), ``attach`` gives each
   headline a body (layout first, content where it disagrees), ``parse_headline`` tells kicker (引题),
   title (主题), subtitle (副题) and byline (署名) apart.
7. ``assemble``: articles with dateline, paragraphs, captions and input lines; credits and section
   markers go to the page's notes, and a section marker labels the articles after it.

Every block ends up in exactly one article field or note, so no Han character of the page is lost.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import Literal, TypeVar

from bulletin import furniture, headline_model, patterns, signoffs
from bulletin.clean import CleanOptions, clean_blocks
from bulletin.errors import UsageError
from bulletin.model import Article, Block, Page
from bulletin.reflow import INDENT_CHARS, display_width, ended_at, ends_sentence, flush_headlines, join_texts

Layout = Literal["before", "after"]
T = TypeVar("T")

SPACES = INDENT_CHARS
RAW_PUNCT = frozenset('，。；：、！？,.;:!?“”"《》')
"""Punctuation (of either width, before clean) that a headline line glued to a paragraph lacks."""

HEADLINE_MAX = 45
"""A headline line (kicker, title or subtitle) is at most this many characters."""
HEADLINE_STOPS = frozenset("。；")
"""Punctuation a headline never has inside (it may have ：、 and one ，)."""
PAIRS = ("“”", "《》", "（）", "「」", "‘’")
APOSTROPHE_YEAR = re.compile(r"[\u2019'](?=[0-9])")

ANCHOR = 0.5
"""Share of a headline line's bigrams found in one body for that body to claim it outright."""
PRIOR_NEAR = 0.35
"""How much being the body on the layout's side counts, against the share of shared bigrams."""
PRIOR_FAR = 0.2
"""...and being the body on the other side."""
FULL_LINE = 0.8
"""A line this share of its paragraph's widest line or wider is a body line, not a headline."""
CAPTION_MAX = 80
"""A lone sentence without dateline or headline, this short, is a photo caption."""


# --- 2. a headline glued to the paragraph after it --------------------------------------------


def input_lines(text: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", text)


def unglue_headlines(blocks: list[Block], lines: list[str]) -> list[Block]:
    """Set apart a short line without punctuation that reflow joined onto the next paragraph, when
    a blank line parted them on the page or the rest opens with a dateline (平遥县举行第六届武术运动会
    / 周末，不少市民…; 者 / 本报阿比让1月5日电 …)."""
    out: list[Block] = []
    for b in blocks:
        out.extend(_unglue(b, lines))
    return _give_back_overflow(out)


OVERFLOW_MAX = 2
"""pdftotext -raw may put the last characters of a wrapped headline (at most this many) on the
dateline's line beside it."""


def _give_back_overflow(blocks: list[Block]) -> list[Block]:
    """The end of a headline wrapped over lines of one width, read onto the start of the dateline
    line beside it (布总统要求谴 / 责胡图族叛乱 / 者本报阿比让1月5日电…): back to the headline, whole."""
    out: list[Block] = []
    for b in blocks:
        k = _overflow(out[-2:], b)
        if k:
            top, below = out[-2:]
            out[-2:] = [replace(top, text=top.text + below.text + b.text[:k], last=below.last)]
            b = replace(b, text=b.text[k:])
        out.append(b)
    return out


def _overflow(above: list[Block], b: Block) -> int:
    """How many characters at the start of ``b`` end the headline wrapped over the two lines above."""
    if len(above) < 2 or patterns.dateline_end(b.text) is not None:
        return 0
    top, below = above
    if not (
        top.first == top.last == below.first - 1
        and below.first == below.last == b.first - 1
        and len(top.text) == len(below.text)
        and looks_like_heading(top.text + below.text)
    ):
        return 0
    for k in range(1, OVERFLOW_MAX + 1):
        if all(map(patterns.is_han, b.text[:k])) and patterns.dateline_end(b.text[k:]) is not None:
            return k
    return 0


def _loose(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", s) if not ch.isspace())


def _headline_lines(b: Block, lines: list[str]) -> list[Block]:
    """A headline block back in its lines on the page (reflow joined 1997：竞技场上佳音频传 and its
    subtitle under it): ``parse_headline`` decides which lines wrap one title."""
    raw = [(n, lines[n - 1].strip(SPACES)) for n in range(b.first, b.last + 1) if lines[n - 1].strip(SPACES)]
    if "".join(_loose(t) for _, t in raw) != _loose(b.text):
        raw = _own_pieces(b, lines)  # pdftotext -layout: other columns share the lines
    if raw is None or len(raw) < 2:
        return [b]
    out, start = [], 0
    for n, t in raw:
        cut = _cut_after(b.text[start:], len(_loose(t)))
        end = len(b.text) if cut is None else start + cut
        out.append(Block(b.text[start:end].strip(SPACES), n, n, "heading"))
        start = end
    return out if all(x.text for x in out) else [b]


COLUMN_GAP = re.compile(r"[ \u3000]{2,}")


def _own_pieces(b: Block, lines: list[str]) -> list[tuple[int, str]] | None:
    """The piece of each of the block's lines that is the block's own text, when the lines hold
    other columns' text too (cut at runs of spaces); None when the pieces do not make the block."""
    want, pos, out = _loose(b.text), 0, []
    for n in range(b.first, b.last + 1):
        for piece in COLUMN_GAP.split(lines[n - 1]):
            loose = _loose(piece)
            if loose and want.startswith(loose, pos):
                out.append((n, piece.strip(SPACES)))
                pos += len(loose)
                break
    return out if pos == len(want) else None


def _unglue_name(b: Block, lines: list[str]) -> list[Block] | None:
    """A headline with the author's name joined on from the line below (石学海：牵着骆驼闯影坛 / 刘红)."""
    tail = lines[b.last - 1].strip(SPACES)
    if not patterns.is_bare_names(tail):
        return None
    want = _loose(tail)
    text = b.text.rstrip(SPACES)
    if not _loose(text).endswith(want) or len(_loose(text)) <= len(want):
        return None
    cut = len(text)
    taken = 0
    while cut > 0 and taken < len(want):
        cut -= 1
        if not text[cut].isspace():
            taken += 1
    head = text[:cut].rstrip(SPACES)
    if not looks_like_heading(head) or _loose(text[cut:]) != want:
        return None
    return [
        Block(head, b.first, b.last - 1, "heading"),
        Block(text[cut:].strip(SPACES), b.last, b.last, "byline"),
    ]


def _cut_after(text: str, n: int) -> int | None:
    """Index just past the first ``n`` non-space characters of ``text`` (None: it has fewer)."""
    taken = 0
    for i, ch in enumerate(text):
        if taken == n:
            return i
        if not ch.isspace():
            taken += 1
    return None


def _unglue(b: Block, lines: list[str]) -> list[Block]:
    if b.last <= b.first or b.last > len(lines):
        return [b]
    named = _unglue_name(b, lines)
    if named is not None:
        return named
    if looks_like_heading(b.text) and patterns.dateline_end(b.text) is None:
        return _headline_lines(b, lines)
    head = lines[b.first - 1].strip(SPACES)
    if not head or len(head) > HEADLINE_MAX or any(ch in RAW_PUNCT for ch in head):
        return [b]
    if patterns.dateline_end(head) is not None:
        return [b]
    widths = [display_width(ln.strip(SPACES)) for ln in lines[b.first - 1 : b.last]]
    if display_width(head) >= FULL_LINE * max(widths):
        return [b]  # a full line of the column: the paragraph goes on, whatever follows
    want = _loose(head)
    cut = _cut_after(b.text, len(want))
    if cut is None:
        return [b]
    if _loose(b.text[:cut]) != want or not looks_like_heading(b.text[:cut]):
        return [b]
    rest = b.text[cut:].lstrip(SPACES)
    blank_after = b.first < len(lines) and not lines[b.first].strip(SPACES)
    if not rest or not (blank_after or patterns.dateline_end(rest) is not None):
        return [b]
    nxt = b.first + 1
    while nxt < b.last and nxt <= len(lines) and not lines[nxt - 1].strip(SPACES):
        nxt += 1
    return [Block(b.text[:cut].rstrip(SPACES), b.first, b.first, "heading"), Block(rest, nxt, b.last)]


# --- 3. classify ---------------------------------------------------------------------------


def looks_like_heading(text: str) -> bool:
    """Short, no full stop inside, brackets and quotes closed: a kicker, title or subtitle line."""
    t = text.strip(SPACES)
    if not t or len(t) > HEADLINE_MAX or any(ch in HEADLINE_STOPS for ch in t):
        return False
    if ends_sentence(t) and not (t[-1] in "！？" and len(t) <= 24):
        return False
    if t.count("，") > 1 or t.count("：") > 2 or t[-1] in "，、：；":
        return False
    if len(t) > 5 and t[0] in "（(" and t[-1] in ")）" and t.count("（") + t.count("(") == 1:
        return False  # an aside under a paragraph: （本报加拉加斯电）, not a headline like …（上）
    t = APOSTROPHE_YEAR.sub("", t)  # the ’ of ’97 closes no quote
    return all(t.count(a) == t.count(b) for a, b in PAIRS)


def block_kind(text: str) -> str:
    """The kind a block has on its own, by the cue tables (neighbours are looked at later)."""
    t = text.strip(SPACES)
    if patterns.is_credit(t) or furniture.is_furniture(t):  # issue 15: page furniture -> the notes
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
            and not _ends_paragraph(prev.text)
            and nxt is not None
            and nxt.kind == "body"
            and patterns.dateline_end(nxt.text) is None
        ):
            out[i] = replace(b, kind="body")  # a piece of a paragraph the page broke up
    for i, b in enumerate(out):
        t = b.text.strip(SPACES)
        if b.kind == "heading" and i and out[i - 1].kind == "body" and _is_attribution(t):
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
            and _headline_over_byline(t)
            and (i == 0 or _ends_paragraph(out[i - 1].text))
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


LINE_PER_BLOCK = 0.9
"""Share of blocks that are one input line each on a page not hard-wrapped (e-paper copy: a
paragraph a line; a dateline alone on its line joins the next); a wrapped page has far fewer."""


def flush_page(blocks: list[Block]) -> bool:
    """E-paper copy: headline lines flush left, every paragraph indented, a line a block. There a
    flush line is always a headline (never a subhead between two sections of one story)."""
    one_line = sum(b.first == b.last for b in blocks) >= LINE_PER_BLOCK * len(blocks)
    return one_line and flush_headlines(blocks)


def _flush_kind(b: Block) -> str:
    """On a page that sets headlines flush left and indents every paragraph, the indent decides
    between headline and body; the cue tables still tell captions, credits and bylines."""
    if b.indent == 0 and b.kind == "body" and patterns.dateline_end(b.text) is None:
        return "heading"
    if b.indent > 0 and b.kind == "heading":
        return "body"  # an intertitle (核心阅读, a section head of a long piece) is the body's
    if b.indent > 0 and b.kind == "photo_byline":
        return "body"  # issue 15: a credit set as a paragraph (陈文武摄（影像中国）) is copied as one
    return b.kind


def _headline_over_byline(text: str) -> bool:
    """A line that a byline follows is a headline, commas and all, if it is short and ends no
    sentence and has no full stop inside."""
    if not text or len(text) > HEADLINE_MAX or any(ch in HEADLINE_STOPS for ch in text):
        return False
    return not ends_sentence(text) and text[-1] not in "，、：；" and patterns.dateline_end(text) is None


def _is_attribution(text: str) -> bool:
    """A source or author line under a paragraph: a dash and a name with a bracket, or one bracket."""
    if text.startswith(patterns.SUBTITLE_OPENERS) and text.endswith(("）", ")")):
        return True
    return len(text) >= 3 and text[0] in "（(" and text[-1] in ")）"


def _ends_paragraph(text: str) -> bool:
    t = text.strip(SPACES)
    return not t or ended_at(t) or _is_attribution(t)


def labels_articles(text: str) -> bool:
    """A 栏目 marker (· 乡镇动态 ·) labels the articles after it; page headers and mastheads do not."""
    return patterns.is_section(text) and not patterns.is_page_header(text)


# --- 4. units ------------------------------------------------------------------------------


@dataclass
class Unit:
    kind: str  # "body", "run" (headline lines), "caption", "note", "byline"
    blocks: list[Block] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)


UNIT_OF = {
    "body": "body",
    "heading": "run",
    "caption": "caption",
    "photo_byline": "caption",
    "credit": "note",
    "section": "note",
    "byline": "byline",
}


def group(blocks: list[Block]) -> list[Unit]:
    """Consecutive blocks of one unit kind together; a byline next to a headline line joins the
    headline run; a body starts anew at a dateline after a paragraph that ended."""
    units: list[Unit] = []
    for i, b in enumerate(blocks):
        kind = UNIT_OF[b.kind]
        if kind == "byline":
            nxt = blocks[i + 1].kind if i + 1 < len(blocks) else None
            below = blocks[i + 1] if i + 1 < len(blocks) else None
            closing = signoffs.closes_body(blocks[i - 1] if i else None, b, below)  # issue 15: signs off
            if not closing and ((units and units[-1].kind == "run") or nxt == "heading"):
                kind = "run"
        last = units[-1] if units else None
        same = last is not None and last.kind == kind and kind in ("body", "run", "caption")
        if same and kind == "caption" and b.kind == "caption" and last.blocks[-1].kind == "photo_byline":
            same = False  # a new caption after a photo byline: the next photo
        # A dateline after a finished paragraph starts a new body (news roundups with several
        # datelines are pieced together again by content, see ``_continues``).
        if same and kind == "body" and patterns.dateline_end(b.text) is not None:
            same = not _ends_paragraph(last.blocks[-1].text)
        # A paragraph signed off with its author in brackets ends its article (pages that set
        # the headlines apart leave several articles back to back).
        if same and kind == "body" and patterns.ends_with_sign_off(last.blocks[-1].text):
            same = False
        if same:
            last.blocks.append(b)
        else:
            units.append(Unit(kind, [b]))
    return units


# --- 5. layout and content ------------------------------------------------------------------


SUBHEAD_AKIN = 0.07
"""How much of the words of the body after a short line the body before must share (each word
weighed by how few bodies of the page use it) for the line to be a subhead between two sections
of one story rather than a headline between two stories."""


def absorb_subheads(units: list[Unit]) -> list[Unit]:
    """A feature's subheads (小标题) back into its body before headlines are matched: a run of one
    short line (or one wrapped) between two bodies of one story, the one after opening without dateline and
    the one before not signed off. Otherwise a subhead, being a short line between bodies, would
    take one section of the story as an article of its own, whichever side its headline is on."""
    bodies = [j for j, u in enumerate(units) if u.kind == "body"]
    grams = {j: bigrams(units[j].text) for j in bodies}
    df = Counter(g for c in grams.values() for g in c)
    weight = {g: math.log(1 + len(bodies) / n) for g, n in df.items()}
    out: list[Unit] = []
    section_next = False  # the unit after a subhead: its section, into the same body
    for i, u in enumerate(units):
        if section_next:
            out[-1].blocks.extend(u.blocks)
            section_next = False
        elif out and out[-1].kind == "body" and _subhead(units, i, grams, weight):
            first, last = u.blocks[0], u.blocks[-1]  # a wrapped subhead is one paragraph again
            text = "".join(b.text.strip(SPACES) for b in u.blocks)
            out[-1].blocks.append(Block(text, first.first, last.last, "body"))
            section_next = True
        else:
            out.append(Unit(u.kind, list(u.blocks)))
    return out


def _subhead(units: list[Unit], i: int, grams: dict[int, Counter], weight: dict[str, float]) -> bool:
    u = units[i]
    if u.kind != "run" or not 0 < i < len(units) - 1 or len(u.blocks) > 2:
        return False
    if len(u.blocks) == 2 and not _wraps(*u.blocks):
        return False  # a kicker over a title
    before, after = units[i - 1], units[i + 1]
    if before.kind != "body" or after.kind != "body" or any(b.kind != "heading" for b in u.blocks):
        return False
    if any(map(signoffs.opens_article, u.blocks)):  # issue 15: …（人民时评） is no subhead
        return False
    if sum(len(b.text.strip(SPACES)) for b in u.blocks) > SUBHEAD_MAX:
        return False
    if patterns.dateline_end(after.text) is not None or patterns.ends_with_sign_off(before.blocks[-1].text):
        return False
    g, other = grams[i + 1], grams[i - 1]
    total = sum(weight[x] * n for x, n in g.items())
    return total > 0 and sum(weight[x] * n for x, n in g.items() if x in other) / total >= SUBHEAD_AKIN


@lru_cache(maxsize=4096)
def bigrams(text: str) -> Counter:
    """The Han character bigrams of ``text`` (cached: headlines are compared with many bodies;
    callers only read the result)."""
    han = "".join(patterns.HAN_RE.findall(text))
    return Counter(han[i : i + 2] for i in range(len(han) - 1))


def shared(head: str, body: Counter) -> float:
    """Share of ``head``'s character bigrams that ``body`` has (0 for a head without any)."""
    return _in(bigrams(head), body)


def neighbours(units: list[Unit], i: int) -> tuple[int | None, int | None]:
    """The nearest body units before and after unit ``i``."""
    before = next((j for j in range(i - 1, -1, -1) if units[j].kind == "body"), None)
    after = next((j for j in range(i + 1, len(units)) if units[j].kind == "body"), None)
    return before, after


def detect_layout(units: list[Unit]) -> Layout:
    """Headlines before their bodies (004) or after them (000): a page that opens with a body and
    ends with a headline is "after"; each headline between two bodies votes for the one that
    shares more of its bigrams."""
    content = [u.kind for u in units if u.kind in ("body", "run")]
    if not content:
        return "before"
    votes = 0.0
    votes += 1.5 if content[0] == "run" else -1.5
    votes += 1.5 if content[-1] == "body" else -1.5
    grams = {j: bigrams(u.text) for j, u in enumerate(units) if u.kind == "body"}
    for i, u in enumerate(units):
        if u.kind != "run":
            continue
        before, after = neighbours(units, i)
        if before is None or after is None:
            continue
        a, b = shared(u.text, grams[before]), shared(u.text, grams[after])
        if b > a + 0.1:
            votes += 1
        elif a > b + 0.1:
            votes -= 1
    return "before" if votes >= 0 else "after"


PART_ANCHOR = 0.4
"""A headline line that shares this much of its bigrams with one body (and 0.2 more than with
any other) claims it; two lines of two runs claiming one body part it between them."""


PART_CONTRAST = 1.2
"""How clearly two headlines must tell the parts of a body apart to cut it: the sum, over both, of
the share with its own part less the share with the other (a title and its deck, both about the
whole story, do not)."""


def part_bodies(units: list[Unit]) -> list[Unit]:
    """Cut a body in two where two headlines set apart from each other each claim a part of it: two
    stories that ran on in one column, their headlines read elsewhere on the page (环渤海… over the
    first, 鲜血和生命写成的历史… over the second). The run of the second headline is cut before its
    line too, when lines of another headline come first in it."""
    grams = {j: bigrams(u.text) for j, u in enumerate(units) if u.kind == "body"}
    claims: dict[int, list[tuple[int, Block]]] = {}
    for i, u in enumerate(units):
        if u.kind != "run":
            continue
        for b in u.blocks:
            j = _claim(b, _near(grams, i))
            if j is not None and all(r != i for r, _ in claims.get(j, [])):
                claims.setdefault(j, []).append((i, b))
    cuts: dict[int, int] = {}  # body -> index of its first block in the second part
    heads: set[int] = set()  # first lines of headlines to set apart in their runs
    for j, claimed in claims.items():
        if len(claimed) == 2:
            cut = _part(units[j].blocks, claimed[0][1].text, claimed[1][1].text)
            if cut is not None:
                cuts[j] = cut
                heads.update(id(b) for _, b in claimed)
    if not cuts:
        return units
    out: list[Unit] = []
    for j, u in enumerate(units):
        if j in cuts:
            out += [Unit("body", u.blocks[: cuts[j]]), Unit("body", u.blocks[cuts[j] :])]
        elif u.kind == "run":
            for n, b in enumerate(u.blocks):
                if n == 0 or id(b) in heads and any(x.kind == "heading" for x in u.blocks[:n]):
                    out.append(Unit("run", []))
                out[-1].blocks.append(b)
        else:
            out.append(u)
    return out


def _claim(b: Block, grams: dict[int, Counter]) -> int | None:
    """The body a headline line is sure of; a point of a list (●亏损状况有所改善●…) claims none."""
    if b.kind != "heading" or b.text.lstrip(SPACES)[:1] in patterns.SECTION_MARKS:
        return None
    return _anchor(b.text, grams, PART_ANCHOR)


def _part(blocks: list[Block], x: str, y: str) -> int | None:
    """Where to cut ``blocks`` (after a paragraph's end) so that one headline claims the part
    before and the other the part after, each sharing much more with its own part than with the
    other (the cut where they differ most); None if nowhere. Only the headlines' own bigrams are
    counted along the body, so a long body costs one pass."""
    hx, hy = bigrams(x), bigrams(y)
    wanted = hx.keys() | hy.keys()
    per = [Counter({g: n for g, n in bigrams(b.text).items() if g in wanted}) for b in blocks]
    total = sum(per, Counter())
    before: Counter = Counter()
    best: tuple[float, int] | None = None
    for t in range(1, len(blocks)):
        before.update(per[t - 1])
        if not ended_at(blocks[t - 1].text.strip(SPACES)):
            continue
        after = Counter({g: n - before[g] for g, n in total.items() if n > before[g]})
        for a, b in ((hx, hy), (hy, hx)):
            mine, theirs = _in(a, before), _in(b, after)
            contrast = mine - _in(a, after) + theirs - _in(b, before)
            if min(mine, theirs) >= PART_ANCHOR and contrast >= PART_CONTRAST:
                if best is None or contrast > best[0]:
                    best = (contrast, t)
    return None if best is None else best[1]


def _in(head: Counter, body: Counter) -> float:
    """Share of the bigrams ``head`` has that ``body`` has too (0 for a head without any)."""
    return sum(n for g, n in head.items() if g in body) / sum(head.values()) if head else 0.0


@dataclass
class Headline:
    blocks: list[Block]
    unit: int  # index of the run it comes from
    body: int | None = None  # the body it was matched with when the run was shared out


def headlines_of(units: list[Unit], grams: dict[int, Counter], layout: Layout = "before") -> list[Headline]:
    """Each run cut into headlines. A run that stands for several bodies on the layout's side is
    shared out among them in order (``share_out``); otherwise a line that most of its bigrams tie
    to another body than the line before starts a new headline."""
    out: list[Headline] = []
    pieces = _pieces(units, grams)
    for i, u in enumerate(units):
        if u.kind != "run":
            continue
        shared_out = share_out(u, i, units, grams, layout)
        if shared_out is not None:
            out.extend(shared_out)
            continue
        current: list[Block] = []
        anchor: int | None = None
        near = _near(pieces, i)
        for b in u.blocks:
            mine = _anchor(b.text, near) if b.kind == "heading" else None
            cut_off = current and _full_width_pair(current[-1], b)  # 马吉德…选择 / 美表示…和 / 平
            if current and anchor is None and mine is not None:
                anchor = _leaning(current, near, mine, units)
            if current and mine is not None and anchor is not None and mine != anchor and not cut_off:
                out.append(Headline(current, i))
                current, anchor = [], None
            current.append(b)
            anchor = anchor if anchor is not None else mine
        if current:
            out.append(Headline(current, i))
    return out


def _leaning(lines: list[Block], near: dict[int, Counter], other: int, units: list[Unit]) -> int | None:
    """The body that headline lines without an anchor of their own lean to, when it is not
    ``other`` (the anchor of the line after them), they share next to nothing with that one, and
    the two are set apart by a sign-off: headlines of stories set one after another (吴邦国…提出 /
    医药：… over 福建财政…), not a roundup's headline that names its parts (俄总统：… / 德外长：…)."""
    text = "".join(b.text for b in lines if b.kind == "heading")
    if len(bigrams(text)) < 3 or shared(text, near[other]) >= 0.2:
        return None
    best = max(near, key=lambda j: shared(text, near[j]))
    if best == other or shared(text, near[best]) < PART_ANCHOR:
        return None
    return best if _signed_off_between(units, best, other) else None


def _signed_off_between(units: list[Unit], a: int, b: int) -> bool:
    return any(
        u.kind == "byline" or u.kind == "body" and patterns.ends_with_sign_off(u.blocks[-1].text)
        for u in units[min(a, b) : max(a, b)]
    )


def _full_width_pair(a: Block, b: Block) -> bool:
    """Two headline lines of one width, that of the narrow column they were wrapped in: one title,
    however its halves read (a roundup's title may name each of its stories)."""
    ta, tb = a.text.strip(SPACES), b.text.strip(SPACES)
    return len(ta) >= WRAP_MIN and display_width(ta) == display_width(tb) and not ends_sentence(tb)


def _pieces(units: list[Unit], grams: dict[int, Counter]) -> dict[int, Counter]:
    """The bigrams of each body together with the bodies that go on from it: a body that follows
    another with only captions between and opens without dateline is the same article
    broken by a photo (a headline line is tied to the article, not to one of its pieces); so is
    one after a note when the body before stopped mid-sentence."""
    out: dict[int, Counter] = {}
    head: int | None = None  # the article's first body
    last: int | None = None  # the last body
    for j, u in enumerate(units):
        if u.kind == "note" and head is not None and not _ends_paragraph(units[last].blocks[-1].text):
            continue  # 本版文图均由…提供 read into a sentence cut by the column's end
        if u.kind in ("run", "byline", "note"):
            head = None  # a byline or a page header between: another article
        elif u.kind == "body":
            last = j
            if head is not None and patterns.dateline_end(u.text) is None:
                out[head] = out[head] + grams[j]
            else:
                head = j
                out[j] = grams[j]
    return out


SPLIT_COST = 0.3
"""What another headline in a shared-out run must earn: a line joins the headline above it unless
it shares at least this much more of its bigrams with a body of its own."""


def _side_bodies(units: list[Unit], i: int, step: int) -> list[int]:
    """The bodies next to run ``i`` on one side (``step`` -1 before, 1 after) up to the next run,
    in page order."""
    found: list[int] = []
    j = i + step
    while 0 <= j < len(units) and units[j].kind != "run":
        if units[j].kind == "body":
            found.append(j)
        j += step
    return found if step == 1 else found[::-1]


def _articles_among(units: list[Unit], bodies: list[int]) -> list[int]:
    """Of consecutive bodies, those that start an article: the first, and each one after a body
    signed off (a caption between two bodies does not part them, nor does a second dateline: news
    roundups put several under one headline)."""
    starts = bodies[:1]
    for prev, j in zip(bodies, bodies[1:]):
        if patterns.ends_with_sign_off(units[prev].blocks[-1].text):
            starts.append(j)
    return starts


def share_out(
    u: Unit, i: int, units: list[Unit], grams: dict[int, Counter], layout: Layout
) -> list[Headline] | None:
    """A run of headline lines next to several bodies (headlines set together above or below the
    articles they belong to) cut into consecutive headlines matched in order with those bodies,
    the cut that ties most bigrams to their bodies. None when the run stands for one body."""
    bodies = _articles_among(units, _side_bodies(units, i, -1 if layout == "after" else 1))
    lines = [b for b in u.blocks if b.kind == "heading"]
    if len(bodies) < 2 or len(lines) < 2 or len(lines) > 12:
        return None
    n, m = len(lines), len(bodies)

    @cache
    def best(k: int, b: int) -> tuple[float, tuple[tuple[int, int, int], ...]]:
        """Best score for lines[k:] with bodies[b:], and its groups (start, end, body)."""
        if k == n:
            return 0.0, ()
        if b == m:
            return float("-inf"), ()
        options = [best(k, b + 1)]  # bodies[b] gets no headline here
        for end in range(k + 1, n + 1):
            text = "".join(x.text for x in lines[k:end])
            gain = shared(text, grams[bodies[b]]) - (SPLIT_COST if k else 0.0)
            rest, groups = best(end, b + 1)
            options.append((gain + rest, ((k, end, bodies[b]), *groups)))
        return max(options, key=lambda o: o[0])

    score, groups = best(0, 0)
    if len(groups) < 2:
        return None
    cuts = {lines[start].first: body for start, _, body in groups}
    out: list[Headline] = []
    for b in u.blocks:
        if b.kind == "heading" and b.first in cuts:
            out.append(Headline([], i, cuts[b.first]))
        if not out:
            out.append(Headline([], i))
        out[-1].blocks.append(b)
    return out


REACH = 12
"""A headline belongs to a body at most this many units away: pages are a dozen articles or so,
and comparing every headline with every body of a long file would be quadratic."""


def _near(by_unit: dict[int, T], unit: int) -> dict[int, T]:
    """The entries of ``by_unit`` (keyed by unit index) within ``REACH`` of ``unit``."""
    return {j: by_unit[j] for j in range(unit - REACH, unit + REACH + 1) if j in by_unit}


def _anchor(text: str, grams: dict[int, Counter], least: float = ANCHOR) -> int | None:
    """The body that ``text`` shares at least ``least`` of its bigrams with, and 0.2 more than
    with any other; None when no body stands out so."""
    if len(bigrams(text)) < 3:
        return None
    scores = sorted(((shared(text, g), j) for j, g in grams.items()), reverse=True)
    if not scores or scores[0][0] < least:
        return None
    if len(scores) > 1 and scores[1][0] > scores[0][0] - 0.2:
        return None
    return scores[0][1]


def attach(
    heads: list[Headline], units: list[Unit], grams: dict[int, Counter], layout: Layout
) -> dict[int, list[int]]:
    """Body unit -> the headlines it gets: one each, best score first, where the score is the share
    of the headline's bigrams in the body plus a prior for the body on the layout's side. A headline
    left over joins the headline of its preferred neighbour."""
    scored = []
    prefer: dict[int, int | None] = {}
    for h, head in enumerate(heads):
        before, after = neighbours(units, head.unit)
        near, far = (after, before) if layout == "before" else (before, after)
        prefer[h] = near if near is not None else far
        text = "".join(b.text for b in head.blocks if b.kind == "heading")
        for j, g in _near(grams, head.unit).items():
            prior = PRIOR_NEAR if j == near else PRIOR_FAR if j == far else 0.0
            if head.body is not None:
                prior = 1.0 if j == head.body else 0.0
            s = shared(text, g) + prior
            if s >= PRIOR_FAR:
                scored.append((s, -abs(j - head.unit), h, j))
    scored.sort(reverse=True)
    got: dict[int, list[int]] = {}
    used: set[int] = set()
    for _, _, h, j in scored:
        if h in used or j in got:
            continue
        got[j] = [h]
        used.add(h)
    for h in range(len(heads)):
        if h not in used and prefer[h] is not None:
            got.setdefault(prefer[h], []).append(h)
            used.add(h)
    for hs in got.values():
        hs.sort()
    return got


# --- 6. the parts of a headline ----------------------------------------------------------------


@dataclass
class Parts:
    kicker: str | None = None
    title: str = ""
    subtitle: str | None = None
    bylines: list[str] = field(default_factory=list)


def parse_headline(blocks: list[Block], phrased: bool, one_per_line: bool = False) -> Parts:
    """Kicker, title, subtitle and bylines of one headline's blocks. Which line is which, and which
    lines go on the element above them, the headline model says (``headline_model.label_run``, from
    the lines' form and ``phrased``: the page parts a headline's elements by blank lines)."""
    parts = Parts(bylines=[b.text.strip(SPACES) for b in blocks if b.kind == "byline"])
    lines = [b for b in blocks if b.kind != "byline"]
    if not lines:
        return parts
    elements: dict[str, list[Block]] = {}
    for b, label in zip(lines, headline_model.label_run(lines, phrased, one_per_line=one_per_line)):
        elements.setdefault(label[0], []).append(b)  # K, T or S: one element each, in order
    parts.title = _join_headline_lines(elements["T"])
    if "K" in elements:
        parts.kicker = _join_headline_lines(elements["K"])
    if "S" in elements:
        parts.subtitle = _join_headline_lines(elements["S"])
    return parts


WRAP_MIN = headline_model.HAND_SET["wrap_min"]
"""A headline line this long, at least as wide as the line under it, was cut at the headline's
width (布莱尔对北爱和平表示乐 / 观; 迟浩田在国防大学 / 讲课时强调现代高 / …): the lines are one
text without a space. Shorter lines are set as phrases (春光正好 / 农事正忙: a space between)."""


def _wraps(a: Block, b: Block) -> bool:
    return headline_model.wraps(a.text.strip(SPACES), b.text.strip(SPACES))


def _join_headline_lines(lines: list[Block]) -> str:
    text = lines[0].text.strip(SPACES)
    for a, b in zip(lines, lines[1:]):
        tb = b.text.strip(SPACES)
        text = join_texts([text, tb], wrapped=True) if _wraps(a, b) else f"{text} {tb}"
    return text


def is_phrased(units: list[Unit]) -> bool:
    """Headline elements are parted by blank lines on this page (some run has both a blank and no
    blank between two of its lines): then adjacent lines wrap one element."""
    gaps = set()
    for u in units:
        if u.kind != "run":
            continue
        hs = [b for b in u.blocks if b.kind == "heading"]
        for a, b in zip(hs, hs[1:]):
            gaps.add(b.first > a.last + 1)
    return gaps == {True, False}


# --- 7. articles ---------------------------------------------------------------------------


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


LAYOUTS = ("auto", "before", "after")
"""``--layout``: headlines before their bodies, after them, or guessed per page (``detect_layout``)."""


def split(
    text: str,
    *,
    source: str = "<stdin>",
    encoding: str = "utf-8",
    options: CleanOptions | None = None,
    layout: str = "auto",
) -> Page:
    """Split a decoded page into articles; every block ends up in an article or in the notes.
    ``layout``: "before" or "after" when the guess gets a page wrong, else "auto"."""
    if layout not in LAYOUTS:
        raise UsageError(f"layout must be one of {', '.join(LAYOUTS)}, not {layout!r}")
    blocks = classify(unglue_headlines(clean_blocks(text, options), input_lines(text)))
    blocks = signoffs.mark_signoffs(blocks)  # issue 15: a letter's signature, a closing byline
    blocks = furniture.mend_around(blocks)  # issue 15: a paragraph a page number cut is one again
    return assemble(blocks, source=source, encoding=encoding, layout=layout)


def assemble(
    blocks: list[Block], *, source: str = "<stdin>", encoding: str = "utf-8", layout: str = "auto"
) -> Page:
    """Articles and notes from classified blocks."""
    in_order = reading_order(blocks)
    flush = flush_page(blocks)
    units = group(blocks)
    units = part_bodies(units if flush else absorb_subheads(units))
    grams = {j: bigrams(u.text) for j, u in enumerate(units) if u.kind == "body"}
    if not grams:  # no body at all: everything is a note
        return Page(notes=[b.text for b in blocks], source=source, encoding=encoding)
    layout = detect_layout(units) if layout == "auto" else layout
    heads = headlines_of(units, grams, layout)
    got = attach(heads, units, grams, layout)
    drafts: dict[int, Draft] = {}
    order: list[int] = []
    pending: list[int] = []  # bodies without a headline, decided below
    for j in sorted(grams):
        if j in got:
            d = Draft(j)
            for h in got[j]:
                d.heads.extend(heads[h].blocks)
            d.bodies = list(units[j].blocks)
            drafts[j] = d
            order.append(j)
        else:
            pending.append(j)
    for j in pending:
        u = units[j]
        lone = len(u.blocks) == 1 and patterns.dateline_end(u.text) is None
        before, _ = neighbours(units, j)
        cut_off = before is not None and not _ends_paragraph(units[before].blocks[-1].text)
        if drafts and lone and len(u.text) <= CAPTION_MAX and not cut_off:
            units[j] = Unit("caption", u.blocks)  # a sentence under a photo (not the end of one cut off)
            continue
        home = _between_head_and_body(j, units, drafts, layout)
        if home is None:
            home = _continues(j, u, drafts, layout)
        if home is not None:
            drafts[home].bodies.extend(u.blocks)  # the same article, broken by the page
            drafts[home].bodies.sort(key=in_order)
            continue
        drafts[j] = Draft(j, bodies=list(u.blocks))
        order.append(j)
    order.sort()
    if not drafts:
        return Page(notes=[b.text for b in blocks], source=source, encoding=encoding)
    all_grams = {j: bigrams("\n".join(b.text for b in d.heads + d.bodies)) for j, d in drafts.items()}
    keys = sorted(drafts)
    notes: list[str] = []
    section: str | None = None
    for i, u in enumerate(units):
        if u.kind == "note":
            notes.extend(b.text for b in u.blocks)
            for b in u.blocks:
                if b.kind == "section" and labels_articles(b.text):
                    section = patterns.section_name(b.text)  # issue 15: the marks dropped
        elif u.kind == "body" and i in drafts:
            drafts[i].section = section
        elif u.kind == "caption":
            drafts[_caption_home(u, i, keys, all_grams)].captions.extend(u.blocks)
        elif u.kind == "byline":
            before, after = neighbours(units, i)
            nxt = i + 1 < len(units) and units[i + 1].kind == "body"
            home = after if nxt and after in drafts else before if before in drafts else None
            if home is None:
                home = min(drafts, key=lambda k: abs(k - i))
            drafts[home].bylines.extend(u.blocks)
    if not flush:
        merge_subheads(drafts, layout, in_order)
    phrased = is_phrased(units)
    articles = [_article(n, drafts[j], phrased, flush) for n, j in enumerate(sorted(drafts), 1)]
    return Page(articles=articles, notes=notes, source=source, encoding=encoding)


def reading_order(blocks: list[Block]) -> Callable[[Block], int]:
    """A sort key for blocks: their place in the page's reading order, not their line numbers
    (columns read side by side, ``pdftotext -layout``, share their lines)."""
    rank = {(b.first, b.last, b.text): k for k, b in enumerate(blocks)}
    starts: dict[int, int] = {}  # a block made of several (a subhead's lines) ranks as its first
    for k, b in enumerate(blocks):
        starts.setdefault(b.first, k)
    return lambda b: rank.get((b.first, b.last, b.text), starts.get(b.first, len(rank)))


SUBHEAD_MAX = 20
"""A 小标题 (a subhead inside a feature) is one short line: at most this many characters."""


def _is_feature(d: Draft) -> bool:
    """An article signed at its head by a byline and without dateline: the kind that has subheads."""
    names = [b.text.strip(SPACES) for b in d.bylines + d.heads if b.kind == "byline"]
    bylined = any(not patterns.ends_with_sign_off(t) for t in names)  # （记者 何宏志）signs off
    return bylined and bool(d.bodies) and patterns.dateline_end(d.bodies[0].text) is None


def _is_subhead_part(d: Draft) -> bool:
    """A draft made of one short headline line and a body that opens without dateline, nothing
    else: a section of a feature that its subhead (小标题) cut off."""
    lines = [b for b in d.heads if b.kind == "heading"]
    if len(lines) != len(d.heads) or not 1 <= len(lines) <= 2 or d.bylines or not d.bodies:
        return False
    if any(map(signoffs.opens_article, lines)):  # issue 15: …（人民时评） is no subhead
        return False
    if sum(len(b.text.strip(SPACES)) for b in lines) > SUBHEAD_MAX:
        return False
    first = d.bodies[0].text
    return patterns.dateline_end(first) is None and not looks_like_heading(first)  # no name line


def merge_subheads(drafts: dict[int, Draft], layout: Layout, in_order: Callable[[Block], int]) -> None:
    """Put back the sections of a feature that its subheads cut into articles of their own: the
    drafts next to a feature on the side its body goes on (after it when headlines come first,
    before it when they come last), each a short headline over a body that opens without dateline,
    up to a body signed off. The subhead stays in the body as a paragraph of its own."""
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
            if signoffs.signed_below(earlier.bylines, earlier.bodies):  # issue 15: 周 明 under it
                break
            feature.bodies = sorted(
                feature.bodies + [replace(b, kind="body") for b in part.heads] + part.bodies, key=in_order
            )
            feature.captions.extend(part.captions)
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
        # a news roundup: a second dateline under the same headline, on the layout's side
        return after if layout == "after" else before
    if before is None or after is None:
        return before if before is not None else after
    g = bigrams(u.text)

    def share(k: int) -> float:
        other = bigrams("\n".join(b.text for b in drafts[k].bodies + drafts[k].heads))
        return sum(n for x, n in g.items() if x in other) / max(1, sum(g.values()))

    a, b = share(before), share(after)
    if abs(a - b) < 0.02:
        return before if layout == "before" else after
    return before if a > b else after


def _caption_home(u: Unit, i: int, keys: list[int], grams: dict[int, Counter]) -> int:
    """The article a caption belongs to: the body next to it, unless another near it shares more
    words. ``keys``: the articles' first bodies, in page order."""
    at = bisect.bisect_left(keys, i)
    before = keys[at - 1] if at > 0 else None
    after = keys[at] if at < len(keys) else None
    near = set(keys[max(0, at - REACH) : at + REACH]) | {k for k in (before, after) if k is not None}

    def score(k: int) -> float:
        prior = 0.2 if k == before else 0.15 if k == after else 0.0
        return shared(u.text, grams[k]) + prior

    return max(sorted(near), key=lambda k: (score(k), -abs(k - i)))


def _article(index: int, d: Draft, phrased: bool, one_per_line: bool = False) -> Article:
    parts = parse_headline(d.heads, phrased, one_per_line)  # issue 15: e-paper, an element a line
    dateline, paragraphs = split_dateline([b.text.strip(SPACES) for b in d.bodies])
    bylines = parts.bylines + [b.text.strip(SPACES) for b in d.bylines]
    spanned = d.heads + d.bodies + d.captions + d.bylines
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
