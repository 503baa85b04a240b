"""The clean pipeline: named rules applied in a fixed, visible order.

decode (bytes -> str, see ``decode.py``) happens before; then characters are normalised, columns of
``pdftotext -layout`` output are read one after another, punctuation is fixed line by line, wrapped
lines are joined into paragraphs, quotes are paired and spacing is settled. Every step is a pure
function ``(text, options) -> (text, changes)`` registered under the name used by ``--no-RULE``,
``--rules`` and ``--explain``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal, get_args

from bulletin import columns, letterspacing, lines, normalize, reflow
from bulletin.document import FORM_FEED
from bulletin.errors import UsageError
from bulletin.model import Block

Quotes = Literal["keep", "curly", "corner"]
Spacing = Literal["newspaper", "pangu", "keep"]
ParagraphSep = Literal["line", "blank"]


@dataclass(frozen=True)
class CleanOptions:
    """Choices that change what the rules produce (not which rules run)."""

    quotes: Quotes = "keep"
    spacing: Spacing = "newspaper"
    paragraph_sep: ParagraphSep = "line"
    indent: bool = False

    def __post_init__(self) -> None:
        for name, allowed in (("quotes", Quotes), ("spacing", Spacing), ("paragraph_sep", ParagraphSep)):
            value = getattr(self, name)
            if value not in get_args(allowed):
                raise UsageError(f"{name} must be one of {', '.join(get_args(allowed))}, not {value!r}")


RuleFunc = Callable[[str, CleanOptions], "tuple[str, int]"]


@dataclass(frozen=True)
class Rule:
    name: str
    func: RuleFunc
    doc: str


RULES: tuple[Rule, ...] = (
    Rule("newlines", normalize.newlines, "CRLF and CR become LF"),
    # mojibake comes first: the other rules would change the characters a repair needs back.
    Rule("mojibake", normalize.mojibake, "UTF-8 once read as GBK (鍙戝睍 -> 发展), where unambiguous"),
    Rule("invisible", normalize.invisible, "zero-width characters, soft hyphens and stray controls removed"),
    Rule("nfc", normalize.nfc, "Unicode NFC (never NFKC: it would turn ，into ,)"),
    Rule("lookalikes", normalize.lookalikes, "Kangxi/CJK radicals and compatibility ideographs -> unified"),
    Rule("fullwidth", normalize.fullwidth, "full-width Latin letters and digits -> half-width"),
    Rule("columns", columns.columns, "side-by-side columns of pdftotext -layout read one after another"),
    Rule("punct", normalize.punct, "half-width , . : ; ? ! ( ) in Chinese text -> ，。：；？！（）"),
    Rule("ellipsis", normalize.ellipsis, "... and 。。。 -> ……; -- -> ——"),
    Rule("reflow", reflow.reflow, "hard-wrapped lines and column-broken fragments joined into paragraphs"),
    Rule(
        "letter-spacing",
        letterspacing.letter_spacing,
        "Han characters set one space apart closed up (本 报 讯 -> 本报讯)",
    ),
    Rule("quotes", normalize.quotes, "straight quotes paired as “” ‘’; --quotes curly/corner converts 「」"),
    Rule("spacing", normalize.spacing, "no spaces by Chinese punctuation, nor Han–Han/digit/Latin"),
)

RULE_NAMES: tuple[str, ...] = tuple(r.name for r in RULES)


def select_rules(only: Iterable[str] | None = None, skip: Iterable[str] = ()) -> tuple[Rule, ...]:
    """The rules to run, in pipeline order, from ``--rules`` (only) and ``--no-RULE`` (skip)."""
    if isinstance(only, str) or isinstance(skip, str):
        raise UsageError("rules and skip take a list of rule names, not a string")
    only = list(only) if only is not None else None
    skip = list(skip)
    unknown = [n for n in (only or []) + skip if n not in RULE_NAMES]
    if unknown:
        raise UsageError(f"unknown rule {unknown[0]!r}; rules are: {', '.join(RULE_NAMES)}")
    return tuple(r for r in RULES if (only is None or r.name in only) and r.name not in skip)


def clean_report(
    text: str,
    options: CleanOptions | None = None,
    *,
    rules: Iterable[str] | None = None,
    skip: Iterable[str] = (),
) -> tuple[str, dict[str, int]]:
    """Clean ``text``; also return, per rule that changed something, how many changes it made.

    Text parted by form feeds (``pdftotext`` of a whole issue) is cleaned page by page, each page
    exactly as it would be cleaned alone, and the form feeds stay where they were: a page's column
    width and indent are its own, and ``split`` or ``--pages`` downstream still find the pages."""
    options = options or CleanOptions()
    selected = select_rules(rules, skip)
    if FORM_FEED not in text:
        return _clean_page(text, options, selected)
    pages, report = [], Counter[str]()
    for page in text.split(FORM_FEED):
        cleaned, changes = _clean_page(page, options, selected)
        pages.append(cleaned)
        report.update(changes)
    return FORM_FEED.join(pages), {r.name: report[r.name] for r in selected if report[r.name]}


def _clean_page(text: str, options: CleanOptions, selected: tuple[Rule, ...]) -> tuple[str, dict[str, int]]:
    text, paragraphs, report = run_rules(text, options, selected)
    return (text if paragraphs is None else render(paragraphs, options)), report


def clean_blocks(
    text: str,
    options: CleanOptions | None = None,
    *,
    rules: Iterable[str] | None = None,
    skip: Iterable[str] = (),
) -> list[Block]:
    """The cleaned page as blocks (paragraphs and lines of their own) with their input lines:
    what ``split`` makes articles of. Without reflow every line is a block."""
    text, paragraphs, _ = run_rules(text, options or CleanOptions(), select_rules(rules, skip))
    if paragraphs is None:
        paragraphs = [Block(ln, i, i) for i, ln in enumerate(text.split("\n"), 1) if ln.strip()]
    return paragraphs


def run_rules(
    text: str, options: CleanOptions, selected: Iterable[Rule]
) -> tuple[str, list[Block] | None, dict[str, int]]:
    """Apply the rules in order. Two keep track of input lines on the way: ``columns`` says where
    each line it reorders came from, and ``reflow`` makes the blocks; the rules after reflow then
    work on the blocks' text (they never add or remove a line break)."""
    report: dict[str, int] = {}
    origin: list[int] | None = None
    paragraphs: list[Block] | None = None
    for rule in selected:
        if rule.func is columns.columns:  # the same reading, keeping each line's origin
            read = columns.read_columns(text)
            n = 0 if read is None else read[2]
            if read is not None:
                text, origin = read[0], read[1]
        elif rule.func is reflow.reflow:  # the same joining, keeping the blocks
            paragraphs, n = reflow.blocks(text, origin)
            text = "\n".join(p.text for p in paragraphs)
        else:
            text, n = rule.func(text, options)
        if n:
            report[rule.name] = n
    if paragraphs is not None:
        for p, line in zip(paragraphs, text.split("\n")):
            p.text = line
    return text, paragraphs, report


def clean(
    text: str,
    options: CleanOptions | None = None,
    *,
    rules: Iterable[str] | None = None,
    skip: Iterable[str] = (),
    **option_values,
) -> str:
    """Clean bulletin text: ``bulletin.clean(text, spacing="pangu", skip=["punct"])``."""
    if option_values:
        options = CleanOptions(**{**(options or CleanOptions()).__dict__, **option_values})
    return clean_report(text, options, rules=rules, skip=skip)[0]


def render(paragraphs: list[Block], options: CleanOptions) -> str:
    """Reflowed text, one paragraph per line: ``blank`` parts them by an empty line, ``indent``
    starts each body paragraph (not headlines, bylines or credits) with two ideographic spaces."""
    texts = [p.text for p in paragraphs if p.text.strip()]
    if options.indent:
        texts = ["\u3000\u3000" + t.lstrip(" \u3000") if lines.is_body(t) else t for t in texts]
    sep = "\n\n" if options.paragraph_sep == "blank" else "\n"
    return sep.join(texts) + "\n" if texts else ""
