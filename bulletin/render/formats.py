"""The output formats, defined once: their names, what each is, and the pieces every renderer shares
(a JSON line, markdown escaping, the line naming a source when several files share one output).

Each command takes the formats its data has: split and summarize a document per page or a line per
article (txt, json, jsonl, md); count a row per unit counted (tsv, csv, json); convert reads the
JSON and JSON lines split writes and writes them back converted (auto finds which). The option
types of ``bulletin.cli`` are the ``Literal`` types here and the format tuples are made from them,
so ``--help``, the check of a value and the renderers name the same formats.
"""

from __future__ import annotations

import json
import re
from typing import Literal, get_args

ABOUT: dict[str, str] = {
    "txt": "readable text: per article its head lines, body and captions, a rule line between",
    "json": "one JSON document per input file, on one line (docs/json.md has its keys)",
    "jsonl": "JSON lines: one object per article (or unit), each with its source first",
    "md": "markdown: the title a heading, kicker and subtitle quoted, captions in italics",
    "tsv": "a header line, then a tab-separated row per unit counted (tabs and line breaks in "
    "cells made spaces)",
    "csv": "the same rows as tsv, quoted as the csv module does",
    "auto": "convert's input: JSON or JSON lines as split writes them if the whole input parses so, "
    "else text",
}
"""Every format name a command takes, and what it is."""

Format = Literal["txt", "json", "jsonl", "md"]
"""What split and summarize write."""
CountFormat = Literal["tsv", "csv", "json"]
"""What count writes (none given: a table on a terminal, else lines like wc's)."""
ConvertFormat = Literal["auto", "txt", "json", "jsonl"]
"""What convert reads (and writes back, converted)."""

FORMATS: tuple[str, ...] = get_args(Format)
"""split's and summarize's formats, in the order --help lists them."""
COUNT_FORMATS: tuple[str, ...] = get_args(CountFormat)
CONVERT_FORMATS: tuple[str, ...] = get_args(ConvertFormat)


def check_format(fmt: str, formats: tuple[str, ...]) -> None:
    """A ``ValueError`` naming the formats there are, for a renderer given another."""
    if fmt not in formats:
        raise ValueError(f"unknown format {fmt!r}; formats are: {', '.join(formats)}")


def json_text(obj: object) -> str:
    """``obj`` as JSON on one line, UTF-8 text as it is (``ensure_ascii=False``)."""
    return json.dumps(obj, ensure_ascii=False)


def json_line(obj: object) -> str:
    """A JSON line: :func:`json_text` and a line break."""
    return json_text(obj) + "\n"


def source_line(source: str, fmt: str) -> str:
    """The line that starts a file's output in txt (``# NAME``) or md (an HTML comment, which markdown
    does not show) when several files share one output."""
    return f"# {source}\n" if fmt == "txt" else f"<!-- {source.replace('--', '- -')} -->\n"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_MD_LINE_START = re.compile(r"^(\s*(?:[-+=]|\d+(?=[.)])))")  # a list item or a heading underline


def md_escape(text: str) -> str:
    """``text`` as markdown that shows it as it is: the characters markdown reads as markup escaped."""
    return _MD_LINE_START.sub(_escape_line_start, _MD_SPECIAL.sub(r"\\\1", text))


def _escape_line_start(match: re.Match) -> str:
    """``- item`` -> ``\\- item``, ``1. item`` -> ``1\\. item``."""
    lead = match.group(1)
    return lead + "\\" if lead[-1].isdigit() else lead[:-1] + "\\" + lead[-1]
