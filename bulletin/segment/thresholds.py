"""Every number that segment's passes decide with, in one table: its value and the reason for it.

The passes read them as ``THRESHOLDS.name``; ``reason(name)`` gives a row's reason (``split
--explain`` quotes the names). Weights that the headline model fits are data
(``bulletin/data/headline_model.json``), not rows here; the model's hand-set weights are
``model.PRIORS``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TypeVar

N = TypeVar("N", int, float)


def row(value: N, reason: str) -> N:
    """One threshold: its value, and why it is that."""
    return field(default=value, metadata={"reason": reason})


@dataclass(frozen=True)
class Thresholds:
    # --- blocks: the page as blocks, headlines set apart ---------------------------------------
    headline_max: int = row(
        45, "A headline line (kicker, title or subtitle) is at most this many characters."
    )
    full_line: float = row(
        0.8, "A line this share of its paragraph's widest line or wider is a body line, not a headline."
    )
    overflow_max: int = row(
        2,
        "pdftotext -raw may put the last characters of a wrapped headline (at most this many) on the "
        "dateline's line beside it.",
    )
    # --- roles: what each block is ------------------------------------------------------------
    bang_headline_max: int = row(
        24, "A line ending in ！ or ？ this short is a headline (一句口号！), a longer one ends a sentence."
    )
    headline_commas_max: int = row(1, "A headline has at most one ，inside; more make a sentence.")
    headline_colons_max: int = row(2, "A headline has at most two ：inside (记者：…；答：… is an interview).")
    aside_min: int = row(
        6,
        "A line wholly in one bracket, at least this long, is an aside under a paragraph "
        "(（本报加拉加斯电）), not a headline; a shorter one is a tag like （上）.",
    )
    attribution_min: int = row(
        3, "A bracketed line of at least this many characters is a source or author line."
    )
    masthead_near: int = row(
        2, "A masthead (报名) within this many blocks of a page header is the page's, not a headline."
    )
    line_per_block: float = row(
        0.9,
        "Share of blocks that are one input line each on a page not hard-wrapped (e-paper copy: a "
        "paragraph a line; a dateline alone on its line joins the next); a wrapped page has far fewer.",
    )
    # --- bodies: subheads put back, bodies of two stories parted --------------------------------
    subhead_max: int = row(
        20, "A 小标题 (a subhead inside a feature) is one short line: at most this many characters."
    )
    subhead_lines_max: int = row(2, "A subhead is one line, or one wrapped onto a second.")
    subhead_akin: float = row(
        0.07,
        "How much of the words of the body after a short line the body before must share (each word "
        "weighed by how few bodies of the page use it) for the line to be a subhead between two "
        "sections of one story rather than a headline between two stories.",
    )
    part_anchor: float = row(
        0.4,
        "A headline line that shares this much of its bigrams with one body (and anchor_margin more "
        "than with any other) claims it; two lines of two runs claiming one body part it between them.",
    )
    part_contrast: float = row(
        1.2,
        "How clearly two headlines must tell the parts of a body apart to cut it: the sum, over both, of "
        "the share with its own part less the share with the other (a title and its deck, both about "
        "the whole story, do not).",
    )
    # --- shared words: which body a headline's words are in -----------------------------------
    anchor: float = row(
        0.5, "Share of a headline line's bigrams found in one body for that body to claim it outright."
    )
    anchor_margin: float = row(
        0.2, "...and how much more than any other body shares: else no body stands out and none claims it."
    )
    anchor_min_bigrams: int = row(
        3, "A line of fewer distinct bigrams than this (一周要闻) says too little to claim a body."
    )
    reach: int = row(
        12,
        "A headline belongs to a body at most this many units away: pages are a dozen articles or so, "
        "and comparing every headline with every body of a long file would be quadratic.",
    )
    # --- layout: headlines before or after their bodies -----------------------------------------
    layout_edge_vote: float = row(
        1.5,
        "What a page opening with a headline (or ending with a body) counts for 'before', against one "
        "vote per headline between two bodies: the page's edges say more than any one headline.",
    )
    layout_margin: float = row(
        0.1, "A headline between two bodies votes for the side that shares this much more of its bigrams."
    )
    # --- headline runs: one run cut into headlines ----------------------------------------------
    wrap_min: int = row(
        7,
        "A headline line this long, at least as wide as the line under it, was cut at the headline's "
        "width (布莱尔对北爱和平表示乐 / 观): the lines are one text without a space. Shorter lines are "
        "set as phrases (春光正好 / 农事正忙: a space between).",
    )
    lean_other_max: float = row(
        0.2,
        "Headline lines without a body of their own lean to another body than the next line's only if "
        "they share less than this with the next line's.",
    )
    split_cost: float = row(
        0.3,
        "What another headline in a shared-out run must earn: a line joins the headline above it unless "
        "it shares at least this much more of its bigrams with a body of its own.",
    )
    share_out_max_lines: int = row(
        12, "A run of more headline lines than this is not shared out (the search is cubic in lines)."
    )
    # --- attachment: which body each headline takes --------------------------------------------
    prior_near: float = row(
        0.35, "How much being the body on the layout's side counts, against the share of shared bigrams."
    )
    prior_far: float = row(
        0.2,
        "...and being the body on the other side; a headline scoring less than this with a body is "
        "never given it.",
    )
    prior_shared_out: float = row(
        1.0, "A headline cut out of a shared-out run for one body takes that body before any other."
    )
    # --- articles: bodies without headline, captions ------------------------------------------
    caption_max: int = row(
        80, "A lone sentence without dateline or headline, this short, is a photo caption."
    )
    continue_tie: float = row(
        0.02,
        "A body without headline shares about as much (within this) with the articles on either side: "
        "it goes on the one on the layout's side.",
    )
    caption_prior_before: float = row(
        0.2, "A caption goes with the article before it unless another shares this much more of its words."
    )
    caption_prior_after: float = row(0.15, "...and with the article after it, a little less readily.")
    # --- headline model: the numbers its features are read with (not fitted) --------------------
    tail_max: int = row(
        2, "A headline line of at most this many characters under a longer one is a wrapped tail."
    )
    width_same: int = row(1, "Two lines whose display widths differ by at most this are 'as wide'.")
    len_scale: int = row(30, "Lengths and widths are divided by this (a headline line is rarely longer).")
    tag_max: int = row(
        12, "A bracketed tag ending a line (（文化脉动）, (钟声)) holds at most this many characters."
    )
    phrase_max: int = row(6, "A phrase of a two-phrase headline (春光正好 / 农事正忙) is this short.")
    kicker_max: int = row(
        16, "A name kicking a title off (平遥县公安局) is short; a long line ending in 部 is none."
    )


THRESHOLDS = Thresholds()


def reason(name: str) -> str:
    """Why the threshold ``name`` has its value."""
    for f in fields(Thresholds):
        if f.name == name:
            return str(f.metadata["reason"])
    raise KeyError(name)
