"""Page/Article -> text: the only place a split page becomes txt, json, jsonl or markdown.

``render(page, fmt)`` gives what ``bulletin split --format FMT`` prints for one input file;
``render(article, fmt, source=...)`` what ``-o DIR`` writes in one article's file, named by
:func:`article_filename`. The JSON is ``Page.to_dict()`` / ``Article.to_dict()`` as they are (the
contract documented in docs/split.md), UTF-8 text (``ensure_ascii=False``), keys in the model's order.

Glossary: 引题 kicker, 主题 title, 副题 subtitle, 栏目 section, 电头 dateline, 署名 byline,
图片说明 caption, 版面说明 notes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from bulletin.model import Article, Page
from bulletin.render.formats import (
    FORMATS,
    Format,
    check_format,
    json_line,
    json_text,
    md_escape,
    source_line,
)
from bulletin.textio import safe_filename

RULE_WIDTH = 40  # the txt rule line between articles: "==== 1 =====..."
CAPTION_PREFIX = "图："
SECTION_PREFIX = "栏目："
UNTITLED = "untitled"  # the file name of an article without a title
NOTES_STEM = "00-notes"  # -o DIR: the page's notes (credits, section markers...), articles being 01, 02...


def render(
    doc: Page | Article, fmt: Format = "txt", *, source: str | None = None, header: bool = False
) -> str:
    """``doc`` as text in ``fmt``, ending with a newline (or empty: a txt/md page with nothing on it).

    A Page: ``json`` is one line, the whole document; ``jsonl`` one line per article, each with its
    page's "source" added first; ``txt`` and ``md`` the articles one after another, then the notes.
    ``header`` starts a txt/md page with the name of its source (several files in one output).
    An Article (one file of ``-o DIR``): ``json`` and ``jsonl`` are its line of ``jsonl``, with
    ``source`` (default: none given, null); ``txt`` and ``md`` the article alone.
    """
    check_format(fmt, FORMATS)
    if isinstance(doc, Article):
        if fmt in ("json", "jsonl"):
            return json_line({"source": source, **doc.to_dict()})
        return _article_txt(doc) if fmt == "txt" else _article_md(doc)
    return "".join(render_parts([doc], fmt, source=doc.source, encoding=doc.encoding, header=header))


def render_parts(
    parts: Iterable[Page], fmt: Format = "txt", *, source: str, encoding: str = "utf-8", header: bool = False
) -> Iterator[str]:
    """What ``render`` gives for the one page made of ``parts`` (their articles one after another,
    then their notes), a part at a time: ``split`` writes each page of a document as it is split,
    so its memory is one page's, whatever the document's size. Only the notes wait for the end."""
    check_format(fmt, FORMATS)
    notes: list[str] = []
    done = 0  # articles rendered so far
    if header and fmt in ("txt", "md"):
        yield source_line(source, fmt)
    elif fmt == "json":
        yield _json_open(source, encoding)
    for part in parts:
        notes += part.notes
        if fmt == "json":
            yield "".join(
                (", " if done + i else "") + json_text(a.to_dict()) for i, a in enumerate(part.articles)
            )
        elif fmt == "jsonl":
            yield "".join(json_line({"source": source, **a.to_dict()}) for a in part.articles)
        elif part.articles:  # txt and md: chunks parted by a blank line, the header one of them
            chunks = [_article_chunk(done + i, a, fmt) for i, a in enumerate(part.articles, 1)]
            yield ("\n" if done or header else "") + "\n".join(chunks)
        done += len(part.articles)
    if fmt == "json":
        yield f"], {json_text('notes')}: {json_text(notes)}}}\n"
    elif fmt in ("txt", "md") and notes:
        tail = f"{_rule('notes')}\n{render_notes(Page(notes=notes))}" if fmt == "txt" else _md_notes(notes)
        yield ("\n" if done or header else "") + tail


def _article_chunk(n: int, article: Article, fmt: Format) -> str:
    """The ``n``-th article of a txt or md page: in txt under its rule line."""
    return f"{_rule(_label(n, article))}\n{_article_txt(article)}" if fmt == "txt" else _article_md(article)


def render_notes(page: Page) -> str:
    """The page's notes, one a line: what ``-o DIR`` writes in ``00-notes.txt``."""
    return "".join(note + "\n" for note in page.notes)


def article_filename(number: int, title: str, fmt: Format, width: int = 2) -> str:
    """``NN-<title>.<ext>``: ``number`` zero-padded to ``width``, the title made safe (see
    :func:`bulletin.textio.safe_filename`), ``untitled`` for an empty one."""
    return safe_filename(f"{number:0{width}d}-", title, f".{fmt}", empty=UNTITLED)


def _json_open(source: str, encoding: str) -> str:
    """A page's JSON document up to its first article: ``Page.to_dict()`` with the articles to come."""
    return json_text({"source": source, "encoding": encoding})[:-1] + f", {json_text('articles')}: ["


# txt


def _rule(label: object) -> str:
    return f"==== {label} ".ljust(RULE_WIDTH, "=")


def _head_lines(article: Article) -> list[str]:
    """Kicker, title, subtitle, section and the dateline-byline line: the ones that are there."""
    lines = [article.kicker, article.title, article.subtitle]
    lines.append(SECTION_PREFIX + article.section if article.section else None)
    lines.append(_dateline(article))
    return [line for line in lines if line]


def _dateline(article: Article) -> str:
    """本报讯（记者 王五）, 本报讯 记者 王五: the byline after the dateline, a space between unless
    the byline comes in brackets."""
    if not (article.dateline and article.byline):
        return article.dateline or article.byline or ""
    space = "" if article.byline[0] in "（(〔【[" else " "
    return article.dateline + space + article.byline


def _body_lines(article: Article) -> list[str]:
    return [*article.paragraphs, *(CAPTION_PREFIX + caption for caption in article.captions)]


def _article_txt(article: Article) -> str:
    parts = ["\n".join(lines) for lines in (_head_lines(article), _body_lines(article)) if lines]
    return "".join(part + "\n\n" for part in parts)[:-1] if parts else ""


def _label(n: int, article: Article) -> str:
    """An article's rule: its number on the page, after its page's when the input has pages."""
    return str(n) if article.page is None else f"page {article.page}: {article.index}"


# md


def _article_md(article: Article) -> str:
    blocks = []
    if article.kicker:
        blocks.append("> " + md_escape(article.kicker))
    if article.title:
        blocks.append("# " + md_escape(article.title))
    if article.subtitle:
        blocks.append("> " + md_escape(article.subtitle))
    if article.section:
        blocks.append(SECTION_PREFIX + md_escape(article.section))
    dateline = _dateline(article)
    if dateline:
        blocks.append(f"**{md_escape(dateline)}**")
    blocks += [md_escape(paragraph) for paragraph in article.paragraphs]
    blocks += [f"*{CAPTION_PREFIX}{md_escape(caption)}*" for caption in article.captions]
    return "".join(block + "\n\n" for block in blocks)[:-1]


def _md_notes(notes: list[str]) -> str:
    return "---\n\n" + "".join(f"- {md_escape(note)}\n" for note in notes)
