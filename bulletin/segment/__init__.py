"""Page -> articles: the passes of ``split``, in order, each a module of small pure functions.

1. blocks (``blocks``): the cleaned page as blocks with their input lines; a headline line that
   reflow joined onto the paragraph after it is set apart again (``unglue_headlines``); a line
   where pdftotext printed two columns' headlines side by side is cut into its columns' pieces,
   each followed by the lines that wrap it (``blocks.cut_columns``).
2. roles (``roles``): each block gets a kind (section, credit, caption, photo_byline, byline,
   heading, body) from the cue tables in ``patterns``, overruled where the role model
   (``rolemodel``: the cues as features, with form and neighbours, weights fitted) is sure, then
   from its neighbours (``classify``).
3. headline runs: runs of blocks become units (``units.group``); a feature's subheads go back into
   its body and a body holding two stories is cut (``bodies``); the page's layout, headline before
   or after its body, is guessed (``layout.detect_layout``); each run is cut into headlines
   (``runs.headlines_of``); a bank of headlines set together apart from their stories is shared
   out among the bodies that may start a story (``bodies.story_start``: a dateline, a reporter's
   line, a sign-off before), in order, by dynamic programming (``runs.share_out``); a bank whose
   stories lie past other headlines (pdftotext read the columns apart), each title to the story
   start it stands out for.
4. attachment (``attachment.attach``): each headline takes a body, by layout and shared words
   (``overlap``); a body that got several headlines, each claiming a part of it, is cut into those
   parts (``attachment.cut_for_headlines``); then the page's headlines are matched again with its
   stories all at once, so a headline moves where its words say much more clearly than attachment
   did (``articles.rematch_headlines``, ``matching``).
5. articles (``articles.draft_page``, then ``articles.write_page``): bodies without headline,
   captions and bylines find their article; the headline model labels each headline's lines
   kicker, title, subtitle (``headline``, ``model``); credits and section markers go to the
   page's notes.

Beside them: ``form`` (what a line looks like, for every pass), ``thresholds`` (every number the
passes decide with, a row each with its reason), ``why`` (a reason as the passes record it),
``trace`` (the reasons put together for ``split(text, trace=True)``, imported only then) and
``train`` (``python -m bulletin.segment.train`` refits the headline model), ``rolefit``
(``python -m bulletin.segment.rolefit`` refits the role model). Every block ends up in
exactly one article field or note, so no Han character of the page is lost.
"""

from __future__ import annotations

from bulletin.clean import clean_blocks
from bulletin.cleanconfig import CleanConfig
from bulletin.errors import UsageError
from bulletin.model import Block, Page
from bulletin.segment.articles import assemble, draft_page, split_dateline, write_page
from bulletin.segment.blocks import input_lines, unglue_headlines
from bulletin.segment.form import looks_like_heading
from bulletin.segment.headline import Parts, parse_headline
from bulletin.segment.layout import LAYOUTS, Layout, detect_layout
from bulletin.segment.roles import block_kind, classify, classify_explained
from bulletin.segment.why import why_by_block

PASSES = {
    "blocks": ("blocks",),
    "roles": ("roles", "rolemodel"),
    "headline runs": ("units", "bodies", "layout", "runs"),
    "attachment": ("attachment", "overlap", "matching"),
    "articles": ("articles", "headline", "model"),
}
"""The passes in the order ``split`` runs them, each with the modules that hold it (the module
docstring says what each does)."""
SUPPORT = ("form", "thresholds", "why", "trace", "train", "rolefit")
"""The package's other modules: what the passes share, the trace, the models' training."""


def split(
    text: str,
    *,
    source: str = "<stdin>",
    encoding: str = "utf-8",
    config: CleanConfig | None = None,
    layout: str = "auto",
    trace: bool = False,
) -> Page:
    """Split a decoded page into articles; every block ends up in an article or in the notes.
    ``layout``: "before" or "after" when the guess gets a page wrong, else "auto". ``trace``: also
    say why, in ``Page.explain`` (a ``trace.Trace``: each block's role and reasons, each article's
    headline and why)."""
    if layout not in LAYOUTS:
        raise UsageError(f"layout must be one of {', '.join(LAYOUTS)}, not {layout!r}")
    blocks, why = classify_explained(unglue_headlines(clean_blocks(text, config), input_lines(text)))
    drafting = draft_page(blocks, layout)
    page, parts = write_page(drafting, source=source, encoding=encoding)
    if trace:
        from bulletin.segment.trace import explain  # only when asked: split's start-up pays nothing

        page.explain = explain(why_by_block(blocks, why), drafting, page, parts)
    return page


def page_blocks(text: str, config: CleanConfig | None = None) -> list[Block]:
    """Passes 1 and 2: the page's blocks, each with its role (what ``split`` drafts articles from)."""
    return classify(unglue_headlines(clean_blocks(text, config), input_lines(text)))


__all__ = [
    "LAYOUTS",
    "PASSES",
    "SUPPORT",
    "Layout",
    "Parts",
    "assemble",
    "block_kind",
    "classify",
    "detect_layout",
    "input_lines",
    "looks_like_heading",
    "page_blocks",
    "parse_headline",
    "split",
    "split_dateline",
    "unglue_headlines",
]
