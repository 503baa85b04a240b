"""Sentences after GB/T 15834: shared by ``count`` (how many) and ``summarize`` (which to keep).

A sentence ends at 。？！ or an ellipsis (……), together with the marks that close it (……发展。”
keeps its ”); never at a comma, 、, ； or ：. An ellipsis that a comma or another clause mark follows
(苹果、香蕉……，都有) ends nothing. Sentences never cross a line break: paragraphs are lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bulletin.chars import CLOSING_MARKS, SENTENCE_ENDS

END_MARKS = SENTENCE_ENDS + "?!"
"""。？！ (and ?! left half-width in English) and … : what a sentence ends with."""

CLAUSE_MARKS = "\uff0c\u3001\uff1b\uff1a,;:"
"""，、；： : after an ellipsis these say the sentence goes on."""

_END_MARK = re.compile(f"[{re.escape(END_MARKS)}]")
"""The next end mark: found at C speed, so the characters between marks are not looked at one by one."""


@dataclass(frozen=True)
class Sentence:
    text: str  # without the spaces around it
    start: int  # offset of text[0] in the text it came from
    ended: bool  # closed by an end mark (a headline or a cut-off line is not)


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` in order; a piece without an end mark (a title, a last line cut
    short) is a Sentence with ``ended=False``. Every non-space character is in exactly one."""
    out: list[Sentence] = []
    for line_start, line in _lines(text):
        pos = 0
        while pos < len(line):
            end = _sentence_end(line, pos)
            piece = line[pos:end]
            stripped = piece.strip()
            if stripped:
                offset = line_start + pos + (len(piece) - len(piece.lstrip()))
                out.append(Sentence(stripped, offset, _is_ended(stripped)))
            pos = end
    return out


def _lines(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _sentence_end(line: str, pos: int) -> int:
    """Where the sentence that starts at ``pos`` ends (exclusive)."""
    n = len(line)
    i = pos
    while (mark := _END_MARK.search(line, i)) is not None:
        i = j = mark.start()
        while j < n and line[j] in END_MARKS:
            j += 1
        k = j
        while k < n and line[k] in CLOSING_MARKS:
            k += 1
        ellipsis_only = all(c == "\u2026" for c in line[i:j])
        if ellipsis_only and k < n and line[k] in CLAUSE_MARKS:
            i = k + 1  # 苹果……，: the clause goes on
            continue
        if _ascii_mark_in_latin(line, i, j):
            i = j
            continue
        return k
    return n


def _ascii_mark_in_latin(line: str, i: int, j: int) -> bool:
    """A half-width ?/! between Latin letters or digits (a URL's ?, Yahoo!) ends no sentence."""
    if not all(c in "?!" for c in line[i:j]):
        return False
    after = line[j] if j < len(line) else " "
    return after.isascii() and not after.isspace()


def _is_ended(sentence: str) -> bool:
    return sentence.rstrip(CLOSING_MARKS)[-1:] in END_MARKS if sentence.rstrip(CLOSING_MARKS) else False


def count_sentences(text: str) -> int:
    """Sentences closed by an end mark (a headline without one is not a sentence): the pieces
    ``split_sentences`` gives, counted without making them (a line without an end mark has none)."""
    found = 0
    for line in text.split("\n"):
        if _END_MARK.search(line) is None:
            continue
        pos, n = 0, len(line)
        while pos < n:
            end = _sentence_end(line, pos)
            piece = line[pos:end].strip()
            if piece and _is_ended(piece):
                found += 1
            pos = end
    return found
