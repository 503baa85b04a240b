"""Page -> articles (placeholder: the segment work replaces this with the real assembly)."""

from __future__ import annotations

from bulletin.clean import CleanOptions, clean_blocks
from bulletin.model import Page


def split(
    text: str, *, source: str = "<stdin>", encoding: str = "utf-8", options: CleanOptions | None = None
) -> Page:
    """Split a decoded page into articles; every block ends up in an article or in the notes."""
    blocks = clean_blocks(text, options)
    return Page(articles=[], notes=[b.text for b in blocks], source=source, encoding=encoding)
