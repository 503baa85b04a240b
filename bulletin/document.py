"""A document is a list of pages: what every command reads, from text or from a PDF.

One idea, defined here once. A PDF (known by its content, ``%PDF-``, not by its name) is read page
by page by :mod:`bulletin.pdf` (imported only then: text input never loads pypdfium2). Text is one
page, or, when form feeds part it (``pdftotext`` of a whole issue), one page per form feed.
``--pages 1-3,5`` keeps some pages (1-based). ``split`` splits each page on its own and records
each article's page; the other commands read :attr:`Document.text`, the pages one after another.

A page of a PDF that cannot be read (no text layer, damaged) does not stop the others: its one-line
message is in :attr:`Document.failures`, and the command ends with status 1.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from bulletin.decode import decode
from bulletin.errors import UsageError
from bulletin.model import Article, Page, Sheet

PDF_MAGIC = b"%PDF-"
FORM_FEED = "\f"
PAGES_RE = re.compile(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # as bulletin.segment counts lines


def is_pdf(data: bytes) -> bool:
    """Is ``data`` a PDF file? (By its signature: the name does not matter.)"""
    return data.startswith(PDF_MAGIC)


@dataclass(frozen=True)
class Document:
    pages: tuple[Sheet, ...]
    encoding: str = "utf-8"
    replaced: int = 0  # U+FFFD written for undecodable bytes
    failures: tuple[str, ...] = ()  # one line for each page that could not be read
    from_pdf: bool = False
    count: int = 1  # pages in the source, kept or not

    @property
    def text(self) -> str:
        """The pages one after another, parted by form feeds (as ``pdftotext`` writes an issue)."""
        return FORM_FEED.join(page.whole for page in self.pages)

    @property
    def paged(self) -> bool:
        """Do page numbers mean something here? A PDF's do; text's when form feeds part it."""
        return self.from_pdf or self.count > 1


def parse_pages(spec: str | None) -> frozenset[int] | None:
    """``--pages 1-3,5`` as a set of page numbers; None keeps every page."""
    if spec is None:
        return None
    numbers: set[int] = set()
    for part in spec.split(","):
        m = PAGES_RE.fullmatch(part)
        first, last = (int(m[1]), int(m[2] or m[1])) if m else (0, 0)
        if not m or first < 1 or last < first:
            raise UsageError(f"--pages {spec}: give page numbers from 1, like 1-3,5")
        numbers.update(range(first, last + 1))
    return frozenset(numbers)


def read(
    data: bytes,
    encoding: str | None = None,
    errors: str = "strict",
    source: str = "<stdin>",
    pages: frozenset[int] | None = None,
) -> Document:
    """The document in ``data``: a PDF read page by page, or text decoded (see ``decode``) and
    parted at form feeds; only ``pages`` when given. A page asked for that is not there is a failure."""
    if is_pdf(data):
        return _read_pdf(data, source, pages)
    decoded = decode(data, encoding, errors, source=source)
    parts = decoded.text.split(FORM_FEED)
    if len(parts) > 1 and not parts[-1].strip():  # pdftotext ends every page with a form feed
        end = parts.pop()
        parts[-1] += FORM_FEED + end
    sheets = tuple(Sheet(n, text) for n, text in enumerate(parts, 1) if pages is None or n in pages)
    missing = _missing(pages, len(parts), source)
    return Document(sheets, decoded.encoding, decoded.replaced, missing, count=len(parts))


def _read_pdf(data: bytes, source: str, pages: frozenset[int] | None) -> Document:
    from bulletin import pdf

    doc = pdf.open_pdf(data, source)
    count = pdf.page_count(doc)
    sheets: list[Sheet] = []
    failures = list(_missing(pages, count, source))
    for number in range(1, count + 1):
        if pages is not None and number not in pages:
            continue
        try:
            sheets.append(pdf.read_page(doc, number, source))
        except pdf.PageFailure as err:
            failures.append(str(err))
    if count == 0:
        failures.append(f"{source}: the PDF has no pages")
    return Document(tuple(sheets), failures=tuple(failures), from_pdf=True, count=count)


def _missing(pages: frozenset[int] | None, count: int, source: str) -> tuple[str, ...]:
    absent = sorted(n for n in pages or () if n > count)
    if not absent:
        return ()
    shown = ", ".join(map(str, absent[:5])) + (", …" if len(absent) > 5 else "")
    return (f"{source}: no page {shown} (it has {count} page{'s' if count != 1 else ''})",)


def split(doc: Document, *, source: str = "<stdin>", layout: str = "auto") -> Page:
    """Split each page of ``doc`` into its articles (see ``bulletin.split``): articles numbered
    per page, each with its page number when the document has pages; a page's header and footer
    items first among the notes. Article lines are lines of :attr:`Document.text`."""
    return merge(doc, split_pages(doc, source=source, layout=layout), source=source)


def split_pages(
    doc: Document, *, source: str = "<stdin>", layout: str = "auto", trace: bool = False
) -> list[Page]:
    """Each page of ``doc`` split on its own (``bulletin.split``, ``trace`` as there), in a list."""
    import bulletin

    return [
        bulletin.split(sheet.text, source=source, encoding=doc.encoding, layout=layout, trace=trace)
        for sheet in doc.pages
    ]


def merge(doc: Document, pages: Iterable[Page], *, source: str = "<stdin>") -> Page:
    """The pages of ``doc``, split one by one, as one page (see :func:`merged_sheets`)."""
    whole = Page(source=source, encoding=doc.encoding)
    for page in merged_sheets(doc.pages, pages, paged=doc.paged, source=source, encoding=doc.encoding):
        whole.articles.extend(page.articles)
        whole.notes.extend(page.notes)
    return whole


def merged_sheets(
    sheets: Iterable[Sheet], pages: Iterable[Page], *, paged: bool, source: str, encoding: str
) -> Iterator[Page]:
    """The pages of ``sheets``, split one by one, each made a part of the whole, one at a time: lines
    counted in :attr:`Document.text`, page numbers given when the document has pages, the PDF's
    bylines taken into their articles, the page's header and footer items first among its notes.
    :func:`merge` gathers them; ``split`` renders them as they come (its memory: one page's). The
    sheets need not all be in memory (see :func:`stream_sheets`)."""
    offset = 0
    for sheet, page in zip(sheets, pages):
        shift = offset + len(sheet.notes)
        names = {_bare(b) for b in sheet.bylines}  # (a PDF's; text has none)
        for article in page.articles:
            if names:
                _take_bylines(article, names)
            article.lines = (article.lines[0] + shift, article.lines[1] + shift)
            if paged:
                article.page = sheet.number
        yield Page(page.articles, [*sheet.notes, *page.notes], source=source, encoding=encoding)
        offset += len(_LINE_BREAK.findall(sheet.whole + FORM_FEED))


def split_sheets(
    sheets: Iterable[Sheet], *, paged: bool, source: str, encoding: str, layout: str = "auto"
) -> Iterator[Page]:
    """Each of ``sheets`` split (``bulletin.split``) and made a part of the whole (see
    :func:`merged_sheets`) as it comes: a document's pages, or a big file's, read one at a time
    (:func:`stream_sheets`)."""
    import bulletin

    sheets, texts = itertools.tee(sheets)  # (tee holds a sheet between the two: one page)
    pages = (bulletin.split(s.text, source=source, encoding=encoding, layout=layout) for s in texts)
    return merged_sheets(sheets, pages, paged=paged, source=source, encoding=encoding)


def stream_sheets(chunks: Iterable[str]) -> tuple[bool, Iterator[Sheet]]:
    """The pages of a text that arrives in ``chunks`` (a big file, decoded block by block), as
    :func:`read` parts the whole text, one at a time; and whether it has pages (more than one: known
    from its first two). Its memory is a page's and a chunk's, whatever the size of the text."""
    sheets = (Sheet(n, text) for n, text in enumerate(_with_last(_between_form_feeds(chunks)), 1))
    ahead = list(itertools.islice(sheets, 2))
    return len(ahead) > 1, itertools.chain(ahead, sheets)


def _between_form_feeds(chunks: Iterable[str]) -> Iterator[str]:
    """The texts between form feeds (``text.split(FORM_FEED)``), each as soon as its end has come."""
    rest = ""
    for chunk in chunks:
        parts = chunk.split(FORM_FEED)
        if len(parts) == 1:
            rest += chunk
            continue
        yield rest + parts[0]
        yield from parts[1:-1]
        rest = parts[-1]
    yield rest


def _with_last(parts: Iterable[str]) -> Iterator[str]:
    """``parts``, a blank last one put back on the end of the one before, after its form feed (as
    :func:`read` does: ``pdftotext`` ends every page with a form feed)."""
    held: list[str] = []
    for part in parts:
        held.append(part)
        if len(held) > 2:
            yield held.pop(0)
    if len(held) == 2 and not held[1].strip():
        held = [held[0] + FORM_FEED + held[1]]
    yield from held


def explained(doc: Document, pages: list[Page], name: str | None = None) -> list[str]:
    """``split --explain``: each page's trace (see ``bulletin.split(trace=True)``), a line per block
    and per article, under a ``# page N`` line when the document has pages; all under a ``# name``
    line when ``name`` is given (one input of several)."""
    out = [f"# {name}"] if name is not None else []
    for sheet, page in zip(doc.pages, pages):
        if doc.paged:
            out.append(f"# page {sheet.number}")
        if page.explain is not None:
            out.extend(page.explain.report())
    return out


def _take_bylines(article: Article, names: set[str]) -> None:
    """Paragraphs that the PDF set apart as ``names`` alone (丰子义, （王虎）, white space aside) are
    the article's byline (after the one split found, if any)."""
    named = [_bare(p) in names for p in article.paragraphs]
    taken = [p.strip() for p, is_name in zip(article.paragraphs, named) if is_name]
    if taken and len(taken) < len(article.paragraphs):
        article.paragraphs = [p for p, is_name in zip(article.paragraphs, named) if not is_name]
        article.byline = " ".join(([article.byline] if article.byline else []) + taken)


def _bare(text: str) -> str:
    return "".join(text.split())
