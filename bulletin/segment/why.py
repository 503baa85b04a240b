"""A reason for a decision, recorded by the pass that takes it (``split --explain`` shows them).

A reason is a pair of strings: the feature or rule's name (``cue:dateline``, ``form:ends-sentence``,
``rule:paragraph-piece``, ``shared-words``) and its value on this block or headline (``本报讯``,
``0.62``). Passes record them as they decide, cheaply, and only ``split(trace=True)`` keeps them.
"""

from __future__ import annotations

from bulletin.model import Block

Why = tuple[str, str]

QUOTED = 8
"""A reason quotes at most this many characters of its block (the cue that fired, not the block)."""

BlockKey = tuple[int, int, str]


def key(b: Block) -> BlockKey:
    """A block's identity across passes (``replace`` makes new objects): its lines and text."""
    return (b.first, b.last, b.text)


def why_by_block(blocks: list[Block], why: list[list[Why]]) -> dict[BlockKey, list[Why]]:
    """Reasons recorded per block in a list beside the blocks, by block identity."""
    return {key(b): reasons for b, reasons in zip(blocks, why)}
