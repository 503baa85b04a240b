"""Units: runs of blocks of one kind (bodies, headline runs, captions, notes, bylines), the things
the later passes match with each other."""

from __future__ import annotations

from dataclasses import dataclass, field

from bulletin import patterns, signoffs
from bulletin.model import Block


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
    headline run; a body starts anew at a dateline and after a paragraph signed off."""
    units: list[Unit] = []
    for i, b in enumerate(blocks):
        kind = UNIT_OF[b.kind]
        if kind == "byline":
            below = blocks[i + 1] if i + 1 < len(blocks) else None
            nxt = below.kind if below is not None else None
            closing = signoffs.closes_body(blocks[i - 1] if i else None, b, below)  # signs off above
            if not closing and ((units and units[-1].kind == "run") or nxt == "heading"):
                kind = "run"
        last = units[-1] if units else None
        if last is None or last.kind != kind or kind not in ("body", "run", "caption"):
            units.append(Unit(kind, [b]))
            continue
        same = True
        if kind == "caption" and b.kind == "caption" and last.blocks[-1].kind == "photo_byline":
            same = False  # a new caption after a photo byline: the next photo
        # A dateline starts a new body (news roundups with several datelines are pieced together
        # again by content, see ``_continues``), also after a paragraph that did not end: the
        # column broke it off and pdftotext read the next story before the rest of it.
        if same and kind == "body" and patterns.dateline_end(b.text) is not None:
            same = False
        # A paragraph signed off with its author in brackets ends its article (pages that set
        # the headlines apart leave several articles back to back).
        if same and kind == "body" and patterns.ends_with_sign_off(last.blocks[-1].text):
            same = False
        if same:
            last.blocks.append(b)
        else:
            units.append(Unit(kind, [b]))
    return units


def neighbours(units: list[Unit], i: int) -> tuple[int | None, int | None]:
    """The nearest body units before and after unit ``i``."""
    before = next((j for j in range(i - 1, -1, -1) if units[j].kind == "body"), None)
    after = next((j for j in range(i + 1, len(units)) if units[j].kind == "body"), None)
    return before, after
