"""The clean pipeline: named rules applied in a fixed, visible order.

decode (bytes -> str, see ``decode.py``) happens before; then characters are normalised, columns of
``pdftotext -layout`` output are read one after another, punctuation is fixed line by line, wrapped
lines are joined into paragraphs, quotes are paired and spacing is settled. Each rule is registered
in ``RULES`` under the name used by ``--no-RULE``, ``--rules`` and ``--explain``, and a
``CleanConfig`` (``cleanconfig.py``) says which rules run and with which style options.

Every rule has one signature, ``(Draft, CleanConfig) -> (Draft, changes)``. A ``Draft`` is the page
as the pipeline has it so far: its text and, once known, where each line came from (``columns``
reorders lines) and the blocks (``reflow`` makes them; ``split`` reads them with their input
lines). Why a state rather than text: two steps learn something the text cannot carry, and with
the text alone the pipeline had to call them by identity to keep it. Most rules only rewrite the
text: ``on_text`` lifts such a ``(text, config) -> (text, changes)`` function of ``normalize`` or
``letterspacing`` into a rule, so those functions stay plain string functions. The rules after
reflow rewrite the blocks' text, one line per block (they never add or remove a line break).

``clean_and_explain`` returns the text and the steps: each rule that changed the page, in order,
with its count. A rule that is not a step left the page as it would come out as it was, so
``apply_steps`` (only the steps' rules) gives the same text again. For ``reflow`` that is the page
laid out from its blocks (``--paragraph-sep``, ``--indent``): it is a step when it joined lines or
when that layout differs from its input (blank lines gone, a last line break added, paragraphs
indented), its count the line breaks it removed (0 in the second case). When it is not, the rules
after it make the same lines whether it ran or not, as they work line by line
(``tests/test_clean_pipeline.py`` holds the replay as a property).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from bulletin import columns, letterspacing, lines, normalize, reflow
from bulletin.cleanconfig import CleanConfig, ParagraphSep, Quotes, Spacing
from bulletin.document import FORM_FEED
from bulletin.errors import UsageError
from bulletin.model import Block

__all__ = [
    "RULES",
    "RULE_NAMES",
    "CleanConfig",
    "Draft",
    "ParagraphSep",
    "Quotes",
    "Rule",
    "Spacing",
    "Step",
    "add_steps",
    "apply_steps",
    "clean",
    "clean_and_explain",
    "clean_blocks",
    "layout",
    "on_text",
    "select_rules",
]


@dataclass(frozen=True)
class Draft:
    """The page between two rules: its text; each line's input line (1-based) once ``columns``
    has reordered them (None: line i is input line i); the blocks once ``reflow`` made them (their
    text is the draft's lines, brought up to date when the pipeline ends)."""

    text: str
    origin: list[int] | None = None
    blocks: list[Block] | None = None

    def page(self, config: CleanConfig) -> str:
        """The page's text as it would come out now: the text, or its lines laid out as blocks."""
        return self.text if self.blocks is None else layout(self.text.split("\n"), config)


TextFunc = Callable[[str, CleanConfig], "tuple[str, int]"]
RuleFunc = Callable[[Draft, CleanConfig], "tuple[Draft, int]"]


@dataclass(frozen=True)
class Rule:
    """A row of the pipeline: its name (``--no-NAME``, ``--rules``, the steps), the rule, and what it
    does (``--explain``, the table in docs/clean.md)."""

    name: str
    func: RuleFunc
    doc: str


class Step(NamedTuple):
    """A rule that changed the text, and how many changes it made (summed over the pages)."""

    rule: str
    changes: int


def on_text(func: TextFunc) -> RuleFunc:
    """A rule of a function that only rewrites the text; the draft is kept when nothing changed."""

    def rule(draft: Draft, config: CleanConfig) -> tuple[Draft, int]:
        text, n = func(draft.text, config)
        return (draft if text == draft.text else dataclasses.replace(draft, text=text)), n

    rule.__doc__ = func.__doc__
    return rule


def read_columns(draft: Draft, config: CleanConfig) -> tuple[Draft, int]:
    """``columns``: the page read column by column, remembering each line's input line; the count
    is the number of columns (0: not laid out side by side, the draft is kept)."""
    read = columns.read_columns(draft.text)
    if read is None:
        return draft, 0
    text, origin, found = read
    return dataclasses.replace(draft, text=text, origin=origin), found


def reflow_blocks(draft: Draft, config: CleanConfig) -> tuple[Draft, int]:
    """``reflow``: the page's blocks (paragraphs and lines of their own, with their input lines);
    the text is theirs, one per line; the count is the line breaks removed."""
    blocks, joins = reflow.blocks(draft.text, draft.origin)
    return Draft("\n".join(b.text for b in blocks), draft.origin, blocks), joins


RULES: tuple[Rule, ...] = (
    Rule("newlines", on_text(normalize.newlines), "CRLF and CR become LF"),
    # mojibake comes first: the other rules would change the characters a repair needs back.
    Rule(
        "mojibake", on_text(normalize.mojibake), "UTF-8 once read as GBK (鍙戝睍 -> 发展), where unambiguous"
    ),
    Rule(
        "invisible",
        on_text(normalize.invisible),
        "zero-width characters, soft hyphens and stray controls removed",
    ),
    Rule("nfc", on_text(normalize.nfc), "Unicode NFC (never NFKC: it would turn ，into ,)"),
    Rule(
        "lookalikes",
        on_text(normalize.lookalikes),
        "Kangxi/CJK radicals and compatibility ideographs -> unified",
    ),
    Rule("fullwidth", on_text(normalize.fullwidth), "full-width Latin letters and digits -> half-width"),
    Rule("columns", read_columns, "side-by-side columns of pdftotext -layout read one after another"),
    Rule("punct", on_text(normalize.punct), "half-width , . : ; ? ! ( ) in Chinese text -> ，。：；？！（）"),
    Rule("ellipsis", on_text(normalize.ellipsis), "... and 。。。 -> ……; -- -> ——"),
    Rule("reflow", reflow_blocks, "hard-wrapped lines and column-broken fragments joined into paragraphs"),
    Rule(
        "letter-spacing",
        on_text(letterspacing.letter_spacing),
        "Han characters set one space apart closed up (本 报 讯 -> 本报讯)",
    ),
    Rule(
        "quotes",
        on_text(normalize.quotes),
        "straight quotes paired as “” ‘’; --quotes curly/corner converts 「」",
    ),
    Rule("spacing", on_text(normalize.spacing), "no spaces by Chinese punctuation, nor Han–Han/digit/Latin"),
)

RULE_NAMES: tuple[str, ...] = tuple(r.name for r in RULES)


def select_rules(config: CleanConfig) -> tuple[Rule, ...]:
    """The rules ``config`` switches on, in pipeline order; an unknown name is a usage error."""
    unknown = [n for n in (config.rules or ()) + config.skip if n not in RULE_NAMES]
    if unknown:
        raise UsageError(f"unknown rule {unknown[0]!r}; rules are: {', '.join(RULE_NAMES)}")
    return tuple(r for r in RULES if config.runs(r.name))


def clean_and_explain(text: str, config: CleanConfig | None = None, **fields) -> tuple[str, list[Step]]:
    """Clean ``text``; also return the steps: each rule that changed it, in order, and how often.
    ``fields`` are fields of ``CleanConfig`` (``rules=["punct"]``, ``quotes="corner"``) over
    ``config``'s. ``apply_steps(text, steps, config)`` makes the same text again.

    Text parted by form feeds (``pdftotext`` of a whole issue) is cleaned page by page, each page
    exactly as it would be cleaned alone, and the form feeds stay where they were: a page's column
    width and indent are its own, and ``split`` or ``--pages`` downstream still find the pages. A
    page's steps are the rules that changed that page; the text's steps add them up."""
    config = configure(config, fields)
    selected = select_rules(config)
    if FORM_FEED not in text:
        draft, steps = run_rules(text, config, selected)
        return draft.page(config), steps
    pages, steps_of_pages = [], []
    for page in text.split(FORM_FEED):
        draft, steps = run_rules(page, config, selected)
        pages.append(draft.page(config))
        steps_of_pages.append(steps)
    return FORM_FEED.join(pages), add_steps(steps_of_pages)


def add_steps(parts: Iterable[Iterable[Step]]) -> list[Step]:
    """The steps of a text made of parts (pages, a big file's pieces): each rule that changed
    some part, in pipeline order, its changes added up."""
    total: dict[str, int] = {}
    for steps in parts:
        for rule, n in steps:
            total[rule] = total.get(rule, 0) + n
    return [Step(name, total[name]) for name in RULE_NAMES if name in total]


def apply_steps(text: str, steps: Iterable[Step | tuple[str, int]], config: CleanConfig | None = None) -> str:
    """Replay ``steps`` (from ``clean_and_explain``) on ``text``: only their rules run, with
    ``config``'s style options; the text is the one ``clean_and_explain`` returned with them."""
    names = tuple(step[0] for step in steps)
    return clean_and_explain(text, dataclasses.replace(config or CleanConfig(), rules=names, skip=()))[0]


def clean(text: str, config: CleanConfig | None = None, **fields) -> str:
    """Clean bulletin text: ``bulletin.clean(text, spacing="pangu", skip=["punct"])``."""
    return clean_and_explain(text, config, **fields)[0]


def clean_blocks(text: str, config: CleanConfig | None = None) -> list[Block]:
    """The cleaned page as blocks (paragraphs and lines of their own) with their input lines:
    what ``split`` makes articles of. Without reflow every line is a block."""
    config = config or CleanConfig()
    draft, _ = run_rules(text, config, select_rules(config))
    if draft.blocks is None:
        return [Block(ln, i, i) for i, ln in enumerate(draft.text.split("\n"), 1) if ln.strip()]
    return draft.blocks


def configure(config: CleanConfig | None, fields: dict) -> CleanConfig:
    """``config`` (or the defaults) with ``fields`` changed."""
    config = config or CleanConfig()
    return dataclasses.replace(config, **fields) if fields else config


def run_rules(text: str, config: CleanConfig, selected: Iterable[Rule]) -> tuple[Draft, list[Step]]:
    """Apply the rules in order to one page: the last draft (its blocks' text up to date) and the
    steps, each rule that changed the page and its count."""
    draft = Draft(text)
    steps: list[Step] = []
    for rule in selected:
        after, n = rule.func(draft, config)
        if n or _changed(draft, after, config):
            steps.append(Step(rule.name, n))
        draft = after
    if draft.blocks is not None:
        for block, line in zip(draft.blocks, draft.text.split("\n")):
            block.text = line
    return draft, steps


def _changed(before: Draft, after: Draft, config: CleanConfig) -> bool:
    """Whether a rule changed the page as it would come out: its text, or its layout when the
    rule made blocks (reflow that joined no line of a page already one paragraph a line did not)."""
    if after is before:
        return False
    if after.blocks is before.blocks:
        return after.text != before.text
    return after.page(config) != before.page(config)


def layout(paragraphs: list[str], config: CleanConfig) -> str:
    """Paragraphs one a line: ``blank`` parts them by an empty line, ``indent`` starts each body
    paragraph (not headlines, bylines or credits) with two ideographic spaces; empty ones go."""
    texts = [t for t in paragraphs if t.strip()]
    if config.indent:
        texts = ["\u3000\u3000" + t.lstrip(" \u3000") if lines.is_body(t) else t for t in texts]
    sep = "\n\n" if config.paragraph_sep == "blank" else "\n"
    return sep.join(texts) + "\n" if texts else ""
