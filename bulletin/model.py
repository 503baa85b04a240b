"""The page model: blocks of a cleaned page, and the articles made of them.

Glossary: 引题 kicker, 主题 title, 副题 subtitle, 栏目 section marker, 电头 dateline, 署名 byline,
图片说明 caption, 版面说明 credit / page note. Line numbers are 1-based lines of the input file, so a
script can go back from an article to where it stood.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal, Protocol

BlockKind = Literal[
    "heading",  # a headline line not yet told apart (kicker, title or subtitle)
    "kicker",
    "title",
    "subtitle",
    "section",
    "dateline",
    "byline",
    "body",
    "caption",
    "photo_byline",
    "credit",
]


@dataclass
class Block:
    """A paragraph or a line of its own, as reflow leaves it, with where it came from."""

    text: str
    first: int  # 1-based input line where it starts
    last: int  # and where it ends
    kind: BlockKind = "body"
    indent: int = 0  # display columns its first line was indented by on the page


@dataclass
class Article:
    index: int
    title: str
    kicker: str | None = None
    subtitle: str | None = None
    section: str | None = None
    dateline: str | None = None
    byline: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    lines: tuple[int, int] = (0, 0)
    page: int | None = None  # 1-based page of a PDF or of form-fed text; None for a single text page

    def to_dict(self) -> dict:
        """The JSON shape documented in docs/split.md (a contract: keys never change meaning). ``page``
        is there only when the input has pages (a PDF, or text parted by form feeds)."""
        d = asdict(self)
        d["lines"] = list(self.lines)
        if self.page is None:
            del d["page"]
        return d


class Explanation(Protocol):
    """What :attr:`Page.explain` holds: a ``bulletin.segment.trace.Trace`` (its blocks and articles,
    each with its reasons), named here by what a page needs of it, so that the model imports
    nothing of the passes that fill it."""

    def report(self) -> list[str]:
        """One readable line per block, then one per article (``split --explain``)."""
        ...


@dataclass
class Page:
    articles: list[Article] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    source: str = "<stdin>"
    encoding: str = "utf-8"
    explain: Explanation | None = field(default=None, repr=False, compare=False)
    """Why split made these articles (``split(text, trace=True)``): each block's role and reasons."""

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "encoding": self.encoding,
            "articles": [a.to_dict() for a in self.articles],
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class Sheet:
    """One page of a document: its number (1-based), its text, and (from a PDF) the items of its
    header and footer bands, which are page notes."""

    number: int
    text: str
    notes: tuple[str, ...] = ()
    bylines: tuple[str, ...] = ()  # lines the PDF sets apart as names (署名)

    @property
    def whole(self) -> str:
        """The page as text: its notes (a line each), then its text."""
        return "".join(note + "\n" for note in self.notes) + self.text
