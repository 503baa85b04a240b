"""Page -> articles: the passes of ``split``, in order, each a module of small pure functions.

1. blocks (``blocks``): the cleaned page as blocks with their input lines; a headline line that
   reflow joined onto the paragraph after it is set apart again (``unglue_headlines``).
2. roles (``roles``): each block gets a kind (section, credit, caption, photo_byline, byline,
   heading, body) from the cue tables in ``patterns`` and from its neighbours (``classify``).
3. headline runs: runs of blocks become units (``units.group``); a feature's subheads go back into
   its body and a body holding two stories is cut (``bodies``); the page's layout, headline before
   or after its body, is guessed (``layout.detect_layout``); each run is cut into headlines
   (``runs.headlines_of``).
4. attachment (``attachment.attach``): each headline takes a body, by layout and shared words
   (``overlap``).
5. articles (``articles.assemble``): bodies without headline, captions and bylines find their
   article; the headline model labels each headline's lines kicker, title, subtitle
   (``headline``, ``model``); credits and section markers go to the page's notes.

Every number those passes decide with is a row of ``thresholds.THRESHOLDS``, with its reason. Every
block ends up in exactly one article field or note, so no Han character of the page is lost.
"""

from __future__ import annotations

from bulletin.clean import CleanOptions, clean_blocks
from bulletin.errors import UsageError
from bulletin.model import Page
from bulletin.segment.articles import assemble, split_dateline
from bulletin.segment.blocks import input_lines, unglue_headlines
from bulletin.segment.form import looks_like_heading
from bulletin.segment.headline import Parts, parse_headline
from bulletin.segment.layout import LAYOUTS, Layout, detect_layout
from bulletin.segment.roles import block_kind, classify

PASSES = ("blocks", "roles", "headline runs", "attachment", "articles")
"""The passes in the order ``split`` runs them (the module docstring says what each does)."""


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
    return assemble(blocks, source=source, encoding=encoding, layout=layout)


__all__ = [
    "LAYOUTS",
    "PASSES",
    "Layout",
    "Parts",
    "assemble",
    "block_kind",
    "classify",
    "detect_layout",
    "input_lines",
    "looks_like_heading",
    "parse_headline",
    "split",
    "split_dateline",
    "unglue_headlines",
]
