"""A block's role as a small multinomial logistic model reads it: the cue tables of ``patterns`` and
``furniture`` as features (not verdicts), the block's form, and its neighbours' cue verdicts.

``features`` is what the model sees of each block of a page; ``ROLES`` are the roles it tells
apart (the gold corpus's: headline line, body, byline, caption, page note); ``score`` gives each
role's score with the features that weighed most. The weights are fitted by
``bench/roles.py --fit`` (pure Python, deterministic) and kept in ``bulletin/data/role_model.json``
when shipped. Only form and cues: never the words of particular articles.
"""

from __future__ import annotations

from collections.abc import Sequence

from bulletin import furniture, patterns
from bulletin.model import Block
from bulletin.segment.form import SPACES, not_heading

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


def _bucket(n: int) -> str:
    return next((f"<={b}" for b in LENGTHS if n <= b), f">{LENGTHS[-1]}")


def cue_flags(t: str) -> list[str]:
    """Every cue table that fires on ``t`` (the verdicts of ``roles.kind_and_cue``, all at once)."""
    c = patterns.cues(t)
    flags = [
        name
        for name, on in (
            ("credit", c.credit),
            ("furniture", furniture.is_furniture(t)),
            ("section", c.section),
            ("page-header", patterns.is_page_header(t)),
            ("masthead", patterns.is_masthead(t)),
            ("photo-byline", c.photo_byline),
            ("caption", c.caption_start),
            ("dateline", c.dateline_end is not None),
            ("byline", c.byline),
            ("names", patterns.is_bare_names(t)),
        )
        if on
    ]
    return flags


def own_features(t: str) -> list[str]:
    """A block's features on its own: cues, the form rule, length, ends, brackets, digits."""
    out = [f"cue:{f}" for f in cue_flags(t)]
    rule = not_heading(t)
    out.append(f"form:{rule or 'headline'}")
    n = len(t.replace(" ", ""))
    out.append(f"len:{_bucket(n)}")
    if t and t[-1] in ENDS:
        out.append(f"end:{ENDS[t[-1]]}")
    if t[:1] in "（(【[〔":
        out.append("open-bracket")
    if t[-1:] in "）)】]〕":
        out.append("close-bracket")
    digits = sum(ch.isdigit() for ch in t) / max(1, n)
    if digits:
        out.append("digits:many" if digits >= 0.2 else "digits:some")
    return out


def features(blocks: Sequence[Block], verdicts: Sequence[str]) -> list[list[str]]:
    """Each block's features on its page: its own, its place (first, last, top of the page), whether
    blank lines set it apart, its indent, and its neighbours' cue verdicts (``verdicts``, the roles
    ``kind_and_cue`` gives each block)."""
    n = len(blocks)
    top = max(1, n // 10)
    out = []
    for i, b in enumerate(blocks):
        t = b.text.strip(SPACES)
        f = ["bias", *own_features(t)]
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
        f.append(f"prev:{verdicts[i - 1] if i else 'none'}")
        f.append(f"next:{verdicts[i + 1] if i + 1 < n else 'none'}")
        out.append(f)
    return out


def score(model: dict, feats: Sequence[str]) -> dict[str, float]:
    """Each role's linear score (the softmax's argument) for a block's features."""
    w = model["weights"]
    return {r: sum(w[r].get(k, 0.0) for k in feats) for r in ROLES}


def best(model: dict, feats: Sequence[str], top: int = 3) -> tuple[str, list[tuple[str, float]]]:
    """The role that scores highest and the features that weighed most for it (against the runner-up)."""
    s = score(model, feats)
    ranked = sorted(ROLES, key=lambda r: (-s[r], ROLES.index(r)))
    role, second = ranked[0], ranked[1]
    w = model["weights"]
    margin = [(k, w[role].get(k, 0.0) - w[second].get(k, 0.0)) for k in feats]
    margin.sort(key=lambda kv: -kv[1])
    return role, [(k, round(v, 2)) for k, v in margin[:top]]
