"""How real pages end an article: a byline under an opinion piece, a letter's signature and date.

``split`` asks these after ``classify`` has given each block its kind (issue 15):

* ``mark_signoffs``: a letter's or a notice's signature and date (习近平 / 2019年10月6日, 翼川县人民
  政府 / 2024年3月1日) under its last paragraph stay in it, as its last paragraphs (otherwise the name
  reads as a headline and the date as a page date);
* ``closes_body``: a bare name under the last paragraph of an opinion piece (…得实惠。 / 周 明) signs
  it off: it is that article's byline and ends it, rather than a byline over the next headline.

Headlines that carry a column tag (``patterns.has_column_tag``: …（人民时评）) open an article of
their own; ``segment`` asks ``opens_article`` before taking a short headline for a subhead.
"""

from __future__ import annotations

from dataclasses import replace

from bulletin import patterns
from bulletin.model import Block
from bulletin.reflow import INDENT_CHARS, ended_at

SIGNER_GAP = 1
"""Lines between a letter's last paragraph and its signature: the signature follows the paragraph
(a blank line between at most), as a page sets it; further away it is something else."""


def _text(b: Block) -> str:
    return b.text.strip(INDENT_CHARS)


def _ends_paragraph(b: Block) -> bool:
    t = _text(b)
    return bool(t) and ended_at(t)


def mark_signoffs(blocks: list[Block]) -> list[Block]:
    """A signer's line and a date line under a paragraph that ended: body of that paragraph's
    article (the paragraph too, when its closing ！ made it look like a headline); a bare name
    under a paragraph that ended: a byline (``closes_body`` then keeps it with that article)."""
    out = list(blocks)
    for i in range(1, len(out)):
        above, b = out[i - 1], out[i]
        date = out[i + 1] if i + 1 < len(out) else None
        if (
            date is not None
            and above.kind in ("body", "heading")
            and b.kind != "body"
            and _ends_paragraph(above)
            and b.first - above.last <= SIGNER_GAP + 1
            and date.first - b.last <= SIGNER_GAP + 1
            and patterns.is_signer(_text(b))
            and patterns.is_letter_date(_text(date))
        ):
            out[i - 1] = replace(above, kind="body")
            out[i] = replace(b, kind="body")
            out[i + 1] = replace(date, kind="body")
        elif b.kind == "heading" and closes_body(above, replace(b, kind="byline"), date):
            out[i] = replace(b, kind="byline")
        elif (
            above.kind == "heading"
            and b.kind == "body"  # a bracketed name under a headline (（董建华）) is a byline
            and b.first - above.last <= SIGNER_GAP + 1
            and patterns.is_column_tag_line(_text(b))
        ):
            out[i] = replace(b, kind="heading")  # its headline's column tag, not a paragraph
    return out


def closes_body(above: Block | None, b: Block, below: Block | None) -> bool:
    """``b``, a bare name (no role: 周 明) right under a paragraph that ended a sentence and over a
    headline (or the page's end), signs that paragraph's article off. Over a paragraph it is the
    byline of the feature that paragraph opens."""
    return (
        above is not None
        and (below is None or below.kind == "heading")
        and above.kind == "body"
        and _ends_paragraph(above)
        and b.kind == "byline"
        and patterns.is_bare_names(_unpadded(b))
        and not patterns.is_byline(_text(b))
        and not patterns.is_kicker_name(_text(b))  # 农业部 over a title opens with a surname too
    )


def _unpadded(b: Block) -> str:
    """A signature's names with a two-character name's padding closed (周  明 -> 周明)."""
    return patterns.PADDED_NAME_RE.sub(r"\1\2", _text(b))


def opens_article(b: Block) -> bool:
    """A headline line with a column tag (…（人民时评）, or the tag on its line): the start of an
    article, never a subhead."""
    t = _text(b)
    return b.kind == "heading" and (patterns.has_column_tag(t) or patterns.is_column_tag_line(t))


def signed_below(bylines: list[Block], bodies: list[Block]) -> bool:
    """A bare name (no role) stands under the article's last paragraph (``closes_body``): the
    article ends there, and no subhead after it is one of its sections."""
    if not bodies:
        return False
    end = max(b.last for b in bodies)
    return any(b.first > end and _bare_name(b) for b in bylines)


def _bare_name(b: Block) -> bool:
    return patterns.is_bare_names(_unpadded(b)) and not patterns.is_byline(_text(b))
