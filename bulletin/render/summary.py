"""Summaries -> text: what ``bulletin summarize --format FMT`` prints for one input file."""

from __future__ import annotations

from collections.abc import Sequence

from bulletin.render.formats import FORMATS, Format, check_format, json_line, md_escape, source_line
from bulletin.summary import Summary

UNTITLED = "（无题）"  # the txt title line of an article without a title
KEYWORDS_PREFIX = "关键词："
KEYWORDS_SEP = "、"


def render(
    summaries: Sequence[Summary],
    fmt: Format = "txt",
    *,
    source: str = "<stdin>",
    encoding: str = "utf-8",
    whole: bool = False,
    header: bool = False,
) -> str:
    """What ``bulletin summarize --format FMT`` prints for one input file, ending with a newline.

    ``txt``: per article its title line (``UNTITLED`` for none), the summary line, and with keywords
    a line ``关键词：a、b``; a blank line between articles; ``whole``: the summary (and keywords)
    alone. ``json``: one line, ``{"source", "encoding", "articles": [...]}``; ``jsonl``: a line per
    article with ``source`` first; ``md``: ``# title``, the summary, the keywords in italics.
    ``header`` starts txt/md with the source's name (several files in one output).
    """
    check_format(fmt, FORMATS)
    if fmt == "json":
        doc = {"source": source, "encoding": encoding, "articles": [s.to_dict() for s in summaries]}
        return json_line(doc)
    if fmt == "jsonl":
        return "".join(json_line({"source": source, **s.to_dict()}) for s in summaries)
    if fmt == "txt":
        head = [source_line(source, fmt)] if header else []
        return "\n".join(head + [_txt(s, whole) for s in summaries])
    head = [source_line(source, fmt)] if header else []
    return "\n".join(head + [_md(s, whole) for s in summaries])


def _keyword_line(s: Summary) -> list[str]:
    return [] if s.keywords is None else [KEYWORDS_PREFIX + KEYWORDS_SEP.join(w for w, _ in s.keywords)]


def _txt(s: Summary, whole: bool) -> str:
    lines = ([] if whole else [s.title or UNTITLED]) + [s.text] + _keyword_line(s)
    return "".join(line + "\n" for line in lines)


def _md(s: Summary, whole: bool) -> str:
    blocks = [] if whole else ["# " + md_escape(s.title or UNTITLED)]
    blocks += [md_escape(s.text)] if s.text else []
    blocks += [f"*{md_escape(line)}*" for line in _keyword_line(s)]
    return "".join(block + "\n\n" for block in blocks)[:-1] if blocks else ""
