"""Every output, defined once: the formats (:mod:`.formats`), a split page or article (:mod:`.page`),
summaries (:mod:`.summary`), counts (:mod:`.counts`) and the ``--explain`` tables (:mod:`.explain`).

``render(page, fmt)`` is what ``bulletin split --format FMT`` prints for one input file (see
:mod:`bulletin.render.page`); the other renderers are imported from their modules, by the commands
that need them.
"""

from bulletin.render.formats import FORMATS, Format, md_escape
from bulletin.render.page import NOTES_STEM, article_filename, render, render_notes, render_parts

__all__ = [
    "FORMATS",
    "NOTES_STEM",
    "Format",
    "article_filename",
    "md_escape",
    "render",
    "render_notes",
    "render_parts",
]
