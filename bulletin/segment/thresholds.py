"""Every number that segment's passes decide with, in one table: its value and the reason for it.

The passes read them as ``THRESHOLDS.name``; ``reason(name)`` gives a row's reason (``split
--explain`` quotes the names). A row is ``name: Annotated[type, reason] = value``: the reason costs
nothing at start-up (annotations are not evaluated until ``reason`` asks). Weights that the
headline model fits are data (``bulletin/data/headline_model.json``), not rows here; the model's
hand-set weights are ``model.PRIORS``.
"""

from __future__ import annotations

from typing import Annotated, get_type_hints

from bulletin.chars import SHORT_LINE


class Thresholds:
    """The table: ``name: Annotated[type, reason] = value``, a row each (read ``THRESHOLDS.name``)."""

    __slots__ = ()  # read-only: a pass reads the table, never sets a row

    # --- blocks: the page as blocks, headlines set apart ---------------------------------------
    headline_max: Annotated[
        int,
        "A headline line (kicker, title or subtitle) is at most this many characters.",
    ] = 45
    full_line: Annotated[
        float,
        "A line this share of its paragraph's widest line or wider is a body line, not a headline.",
    ] = 0.8
    overflow_max: Annotated[
        int,
        "pdftotext -raw may put the last characters of a wrapped headline (at most this many) on the "
        "dateline's line beside it.",
    ] = 2
    # --- roles: what each block is ------------------------------------------------------------
    bang_headline_max: Annotated[
        int,
        "A line ending in ！ or ？ this short is a headline (一句口号！), a longer one ends a sentence.",
    ] = SHORT_LINE
    headline_commas_max: Annotated[int, "A headline has at most one ，inside; more make a sentence."] = 1
    headline_colons_max: Annotated[
        int, "A headline has at most two ：inside (记者：…；答：… is an interview)."
    ] = 2
    aside_min: Annotated[
        int,
        "A line wholly in one bracket, at least this long, is an aside under a paragraph "
        "(（本报加拉加斯电）), not a headline; a shorter one is a tag like （上）.",
    ] = 6
    attribution_min: Annotated[
        int,
        "A bracketed line of at least this many characters is a source or author line.",
    ] = 3
    tail_echo_reach: Annotated[
        int,
        "A short line under a headline line is the headline's tail, not a byline, when the two "
        "characters across the break recur in this many blocks below (县长会见省农科院专家 / 何建民: "
        "the story says 专家何建民; a writer's name under a headline seldom joins its last character).",
    ] = 10
    masthead_near: Annotated[
        int,
        "A masthead (报名) within this many blocks of a page header is the page's, not a headline.",
    ] = 2
    line_per_block: Annotated[
        float,
        "Share of blocks that are one input line each on a page not hard-wrapped (e-paper copy: a "
        "paragraph a line; a dateline alone on its line joins the next); a wrapped page has far fewer.",
    ] = 0.9
    # --- bodies: subheads put back, bodies of two stories parted --------------------------------
    subhead_max: Annotated[
        int,
        "A 小标题 (a subhead inside a feature) is one short line: at most this many characters.",
    ] = 20
    subhead_lines_max: Annotated[int, "A subhead is one line, or one wrapped onto a second."] = 2
    subhead_akin: Annotated[
        float,
        "How much of the words of the body after a short line the body before must share (each word "
        "weighed by how few bodies of the page use it) for the line to be a subhead between two sections "
        "of one story rather than a headline between two stories.",
    ] = 0.07
    part_anchor: Annotated[
        float,
        "A headline line that shares this much of its bigrams with one body (and anchor_margin more than "
        "with any other) claims it; two lines of two runs claiming one body part it between them.",
    ] = 0.4
    part_contrast: Annotated[
        float,
        "How clearly two headlines must tell the parts of a body apart to cut it: the sum, over both, of "
        "the share with its own part less the share with the other (a title and its deck, both about the "
        "whole story, do not).",
    ] = 1.2
    # --- shared words: which body a headline's words are in -----------------------------------
    anchor: Annotated[
        float,
        "Share of a headline line's bigrams found in one body for that body to claim it outright.",
    ] = 0.5
    anchor_margin: Annotated[
        float,
        "...and how much more than any other body shares: else no body stands out and none claims it.",
    ] = 0.2
    anchor_min_bigrams: Annotated[
        int,
        "A line of fewer distinct bigrams than this (一周要闻) says too little to claim a body.",
    ] = 3
    reach: Annotated[
        int,
        "A headline belongs to a body at most this many units away: pages are a dozen articles or so, and"
        " comparing every headline with every body of a long file would be quadratic.",
    ] = 12
    # --- layout: headlines before or after their bodies -----------------------------------------
    layout_edge_vote: Annotated[
        float,
        "What a page opening with a headline (or ending with a body) counts for 'before', against one "
        "vote per headline between two bodies: the page's edges say more than any one headline.",
    ] = 1.5
    layout_margin: Annotated[
        float,
        "A headline between two bodies votes for the side that shares this much more of its bigrams.",
    ] = 0.1
    # --- headline runs: one run cut into headlines ----------------------------------------------
    wrap_min: Annotated[
        int,
        "A headline line this long, at least as wide as the line under it, was cut at the headline's "
        "width (布莱尔对北爱和平表示乐 / 观): the lines are one text without a space. Shorter lines "
        "are set as phrases (春光正好 / 农事正忙: a space between).",
    ] = 7
    lean_other_max: Annotated[
        float,
        "Headline lines without a body of their own lean to another body than the next line's only if "
        "they share less than this with the next line's.",
    ] = 0.2
    split_cost: Annotated[
        float,
        "What another headline in a shared-out run must earn: a line joins the headline above it unless "
        "it shares at least this much more of its bigrams with a body of its own.",
    ] = 0.3
    bank_title_min: Annotated[
        int,
        "A headline cut out of a bank (headlines set together, apart from the stories they head) has at "
        "least this many Han characters: a shorter line (城关镇) rides with the headline next to it. "
        "Fitted on train with bank_margin (5, 7, 10 tried; 5 keeps most titles).",
    ] = 5
    bank_margin: Annotated[
        float,
        "...and shares at least this much more of its bigrams with its own story than with any other "
        "story beside the bank: a headline whose words are in two stories heads both (a roundup). "
        "Fitted on train (0.2 and 0.1 tried: 0.1 keeps the banks whose stories share words).",
    ] = 0.1
    bank_split_cost: Annotated[
        float,
        "split_cost in a bank: its headlines are set apart and each must stand out for its own story "
        "(bank_margin), so another headline needs to earn less. Fitted on train (0.3, 0.1, 0.0 tried: "
        "0.1 and 0.0 score the same, the higher kept).",
    ] = 0.1
    bank_titles_left: Annotated[
        int,
        "A bank is read as one when it finds a story for each of its titles set apart but at most this "
        "many (a stray line set apart, 中央电视台, is no title); with more left over, its stories ran on "
        "without a start of their own (title / author pairs over book notes). Fitted on train (0, 1, 2 "
        "tried).",
    ] = 1
    share_out_max_lines: Annotated[
        int,
        "A run of more headline lines than this is not shared out (the search is cubic in lines).",
    ] = 12
    # --- attachment: which body each headline takes --------------------------------------------
    prior_near: Annotated[
        float,
        "How much being the body on the layout's side counts, against the share of shared bigrams.",
    ] = 0.35
    prior_far: Annotated[
        float,
        "...and being the body on the other side; a headline scoring less than this with a body is never "
        "given it.",
    ] = 0.2
    prior_shared_out: Annotated[
        float,
        "A headline cut out of a shared-out run for one body takes that body before any other.",
    ] = 1.0
    rematch_keep: Annotated[
        float,
        "When the page's headlines are matched again with its stories all at once, what the body "
        "attachment gave a headline counts beyond the share of its bigrams there: another story must "
        "hold that much more of them for the headline to move. Fitted on train (0.15, 0.25, 0.3, 0.35, "
        "0.4, 0.5 tried: below 0.35 more headlines move and more titles come right, but paragraphs "
        "fall and real-dev loses a title at 0.15; 0.35-0.5 only gain).",
    ] = 0.4
    # --- articles: bodies without headline, captions ------------------------------------------
    caption_max: Annotated[
        int,
        "A lone sentence without dateline or headline, this short, is a photo caption.",
    ] = 80
    continue_tie: Annotated[
        float,
        "A body without headline shares about as much (within this) with the articles on either side: it "
        "goes on the one on the layout's side.",
    ] = 0.02
    roundup_body_min: Annotated[
        float,
        "A body with a dateline that no headline took goes on the article before it (after it on a "
        "page of headlines after their bodies) as a roundup's next dispatch only if at least this share "
        "of its bigrams is in that article, or its words hold roundup_head_min of its headline: else it "
        "is a story of its own whose headline the page set elsewhere (pdftotext's reading order). "
        "Fitted on train (0.08, 0.1, 0.12 tried; 0.1 and 0.12 score the same, dev and real-dev unmoved).",
    ] = 0.1
    roundup_head_min: Annotated[
        float,
        "...the share of that article's headline bigrams the body must hold (0.08, 0.1, 0.15 tried).",
    ] = 0.1
    caption_prior_before: Annotated[
        float,
        "A caption goes with the article before it unless another shares this much more of its words.",
    ] = 0.2
    caption_prior_after: Annotated[float, "...and with the article after it, a little less readily."] = 0.15
    # --- headline model: the numbers its features are read with (not fitted) --------------------
    tail_max: Annotated[
        int,
        "A headline line of at most this many characters under a longer one is a wrapped tail.",
    ] = 2
    width_same: Annotated[int, "Two lines whose display widths differ by at most this are 'as wide'."] = 1
    len_scale: Annotated[
        int,
        "Lengths and widths are divided by this (a headline line is rarely longer).",
    ] = 30
    tag_max: Annotated[
        int,
        "A bracketed tag ending a line (（文化脉动）, (钟声)) holds at most this many characters.",
    ] = 12
    phrase_max: Annotated[int, "A phrase of a two-phrase headline (春光正好 / 农事正忙) is this short."] = 6
    wrapped_share: Annotated[
        float,
        "A page is hard-wrapped (cut at a column's width) when at least this share of its bodies run over "
        "several input lines; on a page that is not, no headline line is the rest of the one above it.",
    ] = 0.3
    stray_title_min: Annotated[
        int,
        "A headline line set apart by blank lines inside a paragraph pdftotext broke across columns "
        "stays a headline (another story's title, 闻喜营造百村书库) when at least this long; a "
        "shorter one is mostly a kicker (俄罗斯, 中华全国总工会) of the story that holds it, whose "
        "title is set elsewhere: assembly takes it out of the paragraph as that story's kicker "
        "(articles._kicker_pieces). Fitted on train (3 to 7 "
        "characters were kickers, 8 to 10 titles).",
    ] = 8
    kicker_max: Annotated[
        int,
        "A name kicking a title off (平遥县公安局) is short; a long line ending in 部 is none.",
    ] = 16


THRESHOLDS = Thresholds()
"""The table's values (``THRESHOLDS.headline_max``)."""


def reasons() -> dict[str, str]:
    """Every row's reason, by name (read from the annotations only when asked)."""
    hints = get_type_hints(Thresholds, include_extras=True)
    return {name: str(hint.__metadata__[0]) for name, hint in hints.items()}


def reason(name: str) -> str:
    """Why the threshold ``name`` has its value (KeyError for no such row)."""
    return reasons()[name]
