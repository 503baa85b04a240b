"""``bulletin summarize``: each article of each file (or each file whole) summarized, with keywords."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from bulletin import document
from bulletin.commands import Errors, Job, Outcome, Source, check_encoding, replaced_notes
from bulletin.errors import BulletinError
from bulletin.render import Format

if TYPE_CHECKING:  # pragma: no cover
    from bulletin.summary import Method


@dataclass(frozen=True)
class SummarizeJob(Job):
    """``bulletin summarize``'s options; the defaults are the command's."""

    name: ClassVar[str] = "summarize"

    sentences: int | None = None
    chars: int | None = None
    whole: bool = False
    keywords: int = 0
    method: Method = "news"
    format: Format = "txt"
    encoding: str | None = None
    errors: Errors = "strict"
    pages: str | None = None
    header: bool = False  # (made by ready: several files in one output, each names its source)

    def ready(self, names: list[str], output: str | None, jobs: int | None) -> SummarizeJob:
        check_encoding(self.encoding)
        document.parse_pages(self.pages)
        return dataclasses.replace(self, header=len(names) > 1)

    def work(self, source: Source) -> Outcome:
        """Summarize one file's articles (or the whole file)."""
        import bulletin
        from bulletin.render.summary import render

        name = source.name
        options: dict[str, Any] = {
            "sentences": self.sentences,
            "chars": self.chars,
            "keywords": self.keywords,
        }
        options["method"] = self.method
        try:
            decoded = source.read(self.encoding, self.errors, document.parse_pages(self.pages))
            if self.whole:
                results = [bulletin.summarize(decoded.text, **options)]
            else:
                pages = document.split_sheets(
                    decoded.pages, paged=decoded.paged, source=name, encoding=decoded.encoding
                )
                # (page by page: a page's articles are dropped once summarized)
                results = [
                    bulletin.summarize(article, **options) for page in pages for article in page.articles
                ]
            out = render(
                results,
                self.format,
                source=name,
                encoding=decoded.encoding,
                whole=self.whole,
                header=self.header,
            )
        except BulletinError as err:
            return Outcome.failed(err)
        messages = replaced_notes(name, decoded.replaced, "U+FFFD written for undecodable bytes")
        messages += decoded.failures
        for result in results:
            if result.unfit:
                where = name if self.whole else f"{name}: article {result.index}"
                messages.append(f"{where}: not even one clause fits in {self.chars} characters; no summary")
        return Outcome(out.encode("utf-8"), messages, 1 if decoded.failures else 0)
