"""The parts of one headline: kicker (引题), title (主题), subtitle (副题) and bylines (署名), as the
headline model labels its lines."""

from __future__ import annotations

from dataclasses import dataclass, field

from bulletin.model import Block
from bulletin.reflow import join_texts
from bulletin.segment import model
from bulletin.segment.form import SPACES, lines_wrap
from bulletin.segment.thresholds import THRESHOLDS
from bulletin.segment.units import Unit


@dataclass
class Parts:
    kicker: str | None = None
    title: str = ""
    subtitle: str | None = None
    bylines: list[str] = field(default_factory=list)
    labels: list[tuple[Block, str]] = field(default_factory=list, compare=False)  # the model's label per line


def parse_headline(
    blocks: list[Block], phrased: bool, one_per_line: bool = False, wrapped: bool = True
) -> Parts:
    """Kicker, title, subtitle and bylines of one headline's blocks. Which line is which, which
    lines go on the element above them and which name the writer (a byline), the headline model
    says (``model.label_run``, from the lines' form and ``phrased``: the page parts a headline's
    elements by blank lines; ``one_per_line``: it gives each element a line of its own;
    ``wrapped``: it is cut at a column's width, ``is_wrapped``)."""
    parts = Parts(bylines=[b.text.strip(SPACES) for b in blocks if b.kind == "byline"])
    lines = [b for b in blocks if b.kind != "byline"]
    if not lines:
        return parts
    elements: dict[str, list[Block]] = {}
    parts.labels = list(
        zip(lines, model.label_run(lines, phrased, one_per_line=one_per_line, wrapped=wrapped))
    )
    for b, label in parts.labels:
        elements.setdefault(label[0], []).append(b)  # K, T, S: one element each, in order; B: the writer
    parts.title = _join_headline_lines(elements["T"])
    if "K" in elements:
        parts.kicker = _join_headline_lines(elements["K"])
    if "S" in elements:
        parts.subtitle = _join_headline_lines(elements["S"])
    if "B" in elements:  # the writer's name set under the headline (建达, 水利部部长钮茂生)
        parts.bylines.append(_join_headline_lines(elements["B"]))
    return parts


def _join_headline_lines(lines: list[Block]) -> str:
    text = lines[0].text.strip(SPACES)
    for a, b in zip(lines, lines[1:]):
        tb = b.text.strip(SPACES)
        text = join_texts([text, tb], wrapped=True) if lines_wrap(a, b) else f"{text} {tb}"
    return text


def is_wrapped(blocks: list[Block]) -> bool:
    """The page is cut at a column's width: enough of its bodies run over several input lines
    (``THRESHOLDS.wrapped_share``). A page that is not (a paragraph a line) wraps no headline."""
    bodies = [b for b in blocks if b.kind == "body"]
    return sum(b.last > b.first for b in bodies) >= THRESHOLDS.wrapped_share * len(bodies) > 0


def is_phrased(units: list[Unit]) -> bool:
    """Headline elements are parted by blank lines on this page (some run has both a blank and no
    blank between two of its lines): then adjacent lines wrap one element."""
    gaps = set()
    for u in units:
        if u.kind != "run":
            continue
        hs = [b for b in u.blocks if b.kind == "heading"]
        for a, b in zip(hs, hs[1:]):
            gaps.add(b.first > a.last + 1)
    return gaps == {True, False}
