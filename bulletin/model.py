"""The page model: blocks of a cleaned page, and the articles made of them.

Glossary: 引题 kicker, 主题 title, 副题 subtitle, 栏目 section marker, 电头 dateline, 署名 byline,
图片说明 caption, 版面说明 credit / page note. Line numbers are 1-based lines of the input file, so a
script can go back from an article to where it stood.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # the trace module loads only when a trace is asked for
    from bulletin.segment.trace import Trace

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


@dataclass
class Page:
    articles: list[Article] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    source: str = "<stdin>"
    encoding: str = "utf-8"
    explain: Trace | None = field(default=None, repr=False, compare=False)
    """Why split made these articles (``split(text, trace=True)``): each block's role and reasons."""

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "encoding": self.encoding,
            "articles": [a.to_dict() for a in self.articles],
            "notes": list(self.notes),
        }
