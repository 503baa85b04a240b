"""A block's role as a small multinomial logistic model reads it: the cue tables of ``patterns`` and
``furniture`` as features (not verdicts), the block's form, and its neighbours' cue verdicts.

``features`` is what the model sees of each block of a page; ``ROLES`` are the roles it tells
apart (the gold corpus's: headline line, body, byline, caption, page note); ``score`` gives each
role's score, ``best`` the top role with the features that weighed most. The weights are fitted
by ``python -m bulletin.segment.rolefit`` (pure Python, deterministic) and kept in
``bulletin/data/role_model.json``, read on first use. Only form and cues: never the words of
particular articles.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import compress, repeat
from operator import itemgetter, sub
from pathlib import Path

from bulletin import furniture, patterns
from bulletin.model import Block, BlockKind
from bulletin.segment.form import SPACES, ends_paragraph, not_heading

MODEL_PATH = Path(__file__).parent.parent / "data" / "role_model.json"

ROLES = ("heading", "body", "byline", "caption", "note")
"""The roles the model tells apart: a headline line (kicker, title or subtitle), a paragraph or a
piece of one, a byline, a caption or photo byline, a page note (page header, section, credit)."""

ROLE_OF_KIND = {
    "heading": "heading",
    "body": "body",
    "byline": "byline",
    "caption": "caption",
    "photo_byline": "caption",
    "section": "note",
    "credit": "note",
}
"""Split's block kinds as roles: photo bylines go with captions, section and credit blocks to the
page's notes."""

MARGIN = 3.0
"""How far (in log-odds) the model's role must score above the role of the cue verdict (and the
set-apart rules) to overrule it: the verdicts are right on most blocks, so the model decides only
where it is sure. Chosen on dev and odd real-dev pages (1 and 2 lose dev titles or paragraphs)."""

TOP = 10
"""A block among the first tenth of the page's blocks is at its top (mastheads, page headers)."""
DIGITS_MANY = 0.2
"""A block whose characters are a fifth or more digits is a date, a number line, not prose."""
STRONGEST = 3
"""``--explain`` names this many of the features that weighed most for a role."""

LENGTHS = (4, 8, 15, 25, 40, 80)
"""Length buckets (characters, spaces left out): a bucket per headline-sized step, then body sizes."""

ENDS = {
    "。": "full-stop",
    "：": "colon",
    ":": "colon",
    "摄": "photo",
    "，": "comma",
    "！": "bang",
    "？": "bang",
}
"""Last characters that say something of a role: a sentence ends, a speech opens, a photo credit."""


_BUCKETS = (*(f"<={b}" for b in LENGTHS), f">{LENGTHS[-1]}")


def _bucket(n: int) -> str:
    return _BUCKETS[bisect_left(LENGTHS, n)]  # the first bucket that holds n


@dataclass(frozen=True, slots=True)
class BlockFacts:
    """Every cue table's answer for one block's text, and its form rule, read once: what
    ``roles.kind_and_cue`` decides by (the first that fires) and what the model sees as features
    (all that fire)."""

    cues: patterns.Cues
    furniture: bool
    page_header: bool
    masthead: bool
    names: bool
    form: str | None  # form.not_heading's rule (None: it looks like a headline line)


def block_facts(t: str) -> BlockFacts:
    """The cue tables' answers and the form rule for ``t`` (a block's text, spaces stripped)."""
    return BlockFacts(
        patterns.cues(t),
        furniture.is_furniture(t),
        patterns.is_page_header(t),
        patterns.is_masthead(t),
        patterns.is_bare_names(t),
        not_heading(t),
    )


CUE_FLAGS = (
    "credit",
    "furniture",
    "section",
    "page-header",
    "masthead",
    "photo-byline",
    "caption",
    "dateline",
    "byline",
    "names",
)
"""The cue tables the model sees, in the order ``cue_flags`` names them."""
_CUE_FEATURES = tuple(f"cue:{name}" for name in CUE_FLAGS)


def _fired(b: BlockFacts) -> tuple[bool, ...]:
    """Whether each of ``CUE_FLAGS`` fires, in their order."""
    c = b.cues
    return (
        c.credit,
        b.furniture,
        c.section,
        b.page_header,
        b.masthead,
        c.photo_byline,
        c.caption_start,
        c.dateline_end is not None,
        c.byline,
        b.names,
    )


def cue_flags(t: str, found: BlockFacts | None = None) -> list[str]:
    """Every cue table that fires on ``t`` (the verdicts of ``roles.kind_and_cue``, all at once);
    ``found``: its ``block_facts``, when the caller has them."""
    return list(compress(CUE_FLAGS, _fired(found if found is not None else block_facts(t))))


def own_features(t: str, found: BlockFacts | None = None) -> list[str]:
    """A block's features on its own: cues, the form rule, length, ends, brackets, digits;
    ``found``: its ``block_facts``, when the caller has them."""
    b = found if found is not None else block_facts(t)
    out = list(compress(_CUE_FEATURES, _fired(b)))  # cue:credit, … for each of cue_flags
    out.append(f"form:{b.form or 'headline'}")
    n = len(t.replace(" ", ""))
    out.append(f"len:{_bucket(n)}")
    if t and t[-1] in ENDS:
        out.append(f"end:{ENDS[t[-1]]}")
    if t[:1] in "（(【[〔":
        out.append("open-bracket")
    if t[-1:] in "）)】]〕":
        out.append("close-bracket")
    digits = sum(map(str.isdigit, t)) / max(1, n)
    if digits:
        out.append("digits:many" if digits >= DIGITS_MANY else "digits:some")
    return out


def features(
    blocks: Sequence[Block],
    verdicts: Sequence[str],
    flush: bool = False,
    found: Sequence[BlockFacts] | None = None,
) -> list[list[str]]:
    """Each block's features on its page: its own, its place (first, last, top of the page), whether
    blank lines set it apart, its indent, and its neighbours' cue verdicts (``verdicts``, the roles
    ``kind_and_cue`` gives each block); ``flush``: the page sets headlines flush left and indents
    every paragraph (``roles.flush_page``), where the indent says much; ``found``: each block's
    ``block_facts``, when the caller has them."""
    n = len(blocks)
    top = max(1, n // TOP)
    out = []
    for i, b in enumerate(blocks):
        t = b.text.strip(SPACES)
        f = ["bias", *own_features(t, found[i] if found is not None else None)]
        if i == 0:
            f.append("pos:first")
        elif i < top:
            f.append("pos:top")
        if i == n - 1:
            f.append("pos:last")
        before = i == 0 or blocks[i - 1].last < b.first - 1
        after = i == n - 1 or blocks[i + 1].first > b.last + 1
        if before and after:
            f.append("apart:both")
        elif before or after:
            f.append("apart:one")
        if b.first == b.last:
            f.append("one-line")
        if b.indent:
            f.append("indented")
        if flush:
            f.append("flush-page:indented" if b.indent else "flush-page:flush")
        if b.kind != "body":
            f.append(f"set-apart:{b.kind}")  # pass 1 set it apart as a headline line or a name
        f.append(f"prev:{verdicts[i - 1] if i else 'none'}")
        f.append(f"next:{verdicts[i + 1] if i + 1 < n else 'none'}")
        if i and not ends_paragraph(blocks[i - 1].text):
            f.append("prev:open")  # the block above stops mid-sentence: this may go on with it
        if i + 1 < n and patterns.dateline_end(blocks[i + 1].text) is not None:
            f.append("next:dateline")  # a dateline starts the block below: a story begins there
        out.append(f)
    return out


def columns(model: dict, feats: Sequence[str]) -> list[tuple[float, ...]]:
    """Each role's weights for ``feats``, in their order (a row a role, in ``ROLES`` order; 0.0 for
    a feature the model has no weight for): what ``score`` adds up and ``best`` compares."""
    table = model.get("by_feature")  # (``load`` makes it: a feature's weights, a role each)
    if table is None or not feats:
        w = model["weights"]
        return [tuple(map(w[r].get, feats, repeat(0.0))) for r in ROLES]
    return list(zip(*map(table.get, feats, repeat(_NO_WEIGHTS))))


_NO_WEIGHTS = (0.0,) * len(ROLES)


def score(model: dict, feats: Sequence[str], cols: list[tuple[float, ...]] | None = None) -> dict[str, float]:
    """Each role's linear score (the softmax's argument) for a block's features; ``cols``: their
    ``columns``, when the caller has them."""
    rows = cols if cols is not None else columns(model, feats)
    return {r: sum(row) for r, row in zip(ROLES, rows)}  # (added in the features' order)


def best(
    model: dict,
    feats: Sequence[str],
    top: int = STRONGEST,
    scores: dict[str, float] | None = None,
    cols: list[tuple[float, ...]] | None = None,
) -> tuple[str, list[tuple[str, float]]]:
    """The role that scores highest and the features that weighed most for it (against the runner-up);
    ``scores`` and ``cols``: the features' ``score`` and ``columns``, when the caller has them."""
    rows = cols if cols is not None else columns(model, feats)
    s = scores if scores is not None else score(model, feats, rows)
    ranked = sorted(ROLES, key=s.__getitem__, reverse=True)  # (stable: a tie goes in ROLES order)
    role, second = ranked[0], ranked[1]
    margin = zip(feats, map(sub, rows[ROLES.index(role)], rows[ROLES.index(second)]))
    strongest = sorted(margin, key=itemgetter(1), reverse=True)  # (stable: ties keep their order)
    return role, [(k, round(v, 2)) for k, v in strongest[:top]]


@cache
def load(path: str | None = None) -> dict:
    """The role model's weights (read once), and ``by_feature``: each feature's weights, a role
    each in ``ROLES`` order (what ``columns`` reads)."""
    data = json.loads(Path(path or MODEL_PATH).read_text(encoding="utf-8"))
    if tuple(data.get("roles", ())) != ROLES:
        raise ValueError(f"{path or MODEL_PATH}: a role model of other roles")
    weights = data["weights"]
    names = dict.fromkeys(k for r in ROLES for k in weights[r])
    data["by_feature"] = {k: tuple(weights[r].get(k, 0.0) for r in ROLES) for k in names}
    return data


def kind_of(role: str, verdict: BlockKind, t: str) -> BlockKind:
    """Split's block kind for a role the model gave: the cue verdict's when it is of that role
    (section or credit, caption or photo byline), else the role's own kind."""
    if ROLE_OF_KIND[verdict] == role:
        return verdict
    if role == "caption":
        return "photo_byline" if patterns.cues(t).photo_byline else "caption"
    if role == "note":
        section = patterns.is_section(t) or patterns.is_page_header(t) or patterns.is_masthead(t)
        return "section" if section else "credit"
    return "heading" if role == "heading" else "byline" if role == "byline" else "body"
