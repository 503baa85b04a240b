"""Character and punctuation rules, each a pure ``name(text, config) -> (text, changes)``.

``clean.RULES`` decides the order: the character rules (newlines, mojibake, invisible, nfc,
lookalikes, fullwidth), then punct and ellipsis on the hard-wrapped lines, then reflow, then quotes
and spacing on paragraphs. ``changes`` counts substitutions, so ``--explain`` can say how often a
rule fired. Promises every rule keeps, checked by ``tests/test_normalize.py``:

* only ``newlines`` adds or removes "\\n": the reflow step relies on the line structure;
* idempotent: ``rule(rule(x)) == rule(x)``;
* linear time: regexes and translate tables are built once, at import, and no pattern can
  backtrack over a megabyte of ``，`` or ten thousand unmatched quotes;
* Han characters are kept, in order (``lookalikes`` and ``mojibake`` turn other characters into Han).

Context rules decide by the nearest *significant* character on each side. Whatever a rule, or a
later rule, may still change is not significant to it: punct looks through the marks it converts
(in both widths), through quotes (" becomes “ later) and through dashes and dots (-- becomes ——
later). punct and ellipsis also look across line breaks, because reflow joins wrapped lines after
them: a decision must be the same before and after the join, or ``clean`` would not be idempotent.
quotes and spacing run on paragraphs and stay on their line.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import cache
from typing import TYPE_CHECKING

from bulletin import charmaps as cm
from bulletin import chars
from bulletin.lazyre import lazy
from bulletin.patterns import (
    BYLINE_ROLES,
    LIST_NUMBER_RE,
    PADDED_NAME_RE,
    dateline_end,
    is_photo_byline,
    signature_start,
)

if TYPE_CHECKING:
    from bulletin.cleanconfig import CleanConfig


BRACKET_ROLES = (*BYLINE_ROLES, "摄")
"""A bracket holding one of these is a byline, ``（记者 孙伟华）``, ``（张学文 摄）``: spaces part names."""


def _cls(chars: str) -> str:
    """Escape ``chars`` for use inside a regex character class."""
    return "".join("\\" + c if c in "\\]^-[" else c for c in chars)


_CJK_RE = lazy(f"[{chars.HAN_LIKE}{chars.CJK_PUNCTUATION}]")
_is_han = chars.is_han_like  # (one character: a flag looked up, no regex)
_is_cjk = chars.is_cjk


def _is_alnum(c: str) -> bool:
    return c.isascii() and c.isalnum()


def _char_before(text: str, i: int) -> str:
    """The character before ``i`` on its line, or "" at a line start."""
    c = text[i - 1] if i > 0 else ""
    return "" if c == "\n" else c


def _char_at(text: str, i: int) -> str:
    """The character at ``i`` on its line, or "" at a line end."""
    c = text[i] if i < len(text) else ""
    return "" if c == "\n" else c


# --- 1. newlines ------------------------------------------------------------------------------------

_NEWLINES_RE = lazy(f"\r\n?|[{cm.LINE_BREAKS}]")


def newlines(text: str, config: CleanConfig) -> tuple[str, int]:
    """CRLF and lone CR -> LF; form feed (pdftotext page break), vertical tab, U+2028/9 -> LF."""
    return _NEWLINES_RE.subn("\n", text)


# --- 2. invisible -----------------------------------------------------------------------------------

_INVISIBLE_RE = lazy(f"[{cm.INVISIBLE}]+")
_SPACE_LIKE_RE = lazy(f"[{cm.SPACE_LIKE}]")


def invisible(text: str, config: CleanConfig) -> tuple[str, int]:
    """Zero-width, soft hyphen, bidi controls and stray C0/C1 controls removed; NBSP and kin -> space."""
    out = _INVISIBLE_RE.sub("", text)
    removed = len(text) - len(out)
    out, spaces = _SPACE_LIKE_RE.subn(" ", out)
    return out, removed + spaces


# --- 3. nfc -----------------------------------------------------------------------------------------


def nfc(text: str, config: CleanConfig) -> tuple[str, int]:
    """Unicode NFC, line by line (never NFKC: it would turn ， into ,)."""
    if unicodedata.is_normalized("NFC", text):
        return text, 0
    lines = text.split("\n")
    changes = 0
    for i, line in enumerate(lines):
        if unicodedata.is_normalized("NFC", line):
            continue
        # One change per combining mark composed or character replaced (a singleton such as a
        # compatibility ideograph); at least one for the line.
        changes += max(
            1, sum(1 for c in line if unicodedata.combining(c) or unicodedata.normalize("NFC", c) != c)
        )
        lines[i] = unicodedata.normalize("NFC", line)
    return "\n".join(lines), changes


# --- 4. lookalikes ----------------------------------------------------------------------------------

_LOOKALIKE_RE = lazy(
    "["
    + chars.fragment(
        chars.CJK_RADICALS_SUPPLEMENT,
        chars.KANGXI_RADICALS,
        chars.CJK_STROKES,
        chars.CJK_COMPATIBILITY_IDEOGRAPHS,
        chars.CJK_COMPATIBILITY_IDEOGRAPHS_SUPPLEMENT,
    )
    + "]"
)


def lookalikes(text: str, config: CleanConfig) -> tuple[str, int]:
    """Kangxi/CJK radicals and strokes -> the ideograph meant; compatibility ideographs -> NFC form."""
    changes = 0

    def swap(m: re.Match[str]) -> str:
        nonlocal changes
        c = m.group()
        new = cm.LOOKALIKES.get(ord(c), c)
        changes += new != c
        return new

    return _LOOKALIKE_RE.sub(swap, text), changes


# --- 5. fullwidth -----------------------------------------------------------------------------------

#
# Letters and digits first; then the marks of numbers, times, phone numbers and URLs that came
# full-width with them (１２．５％ ０３５９－１２３ ｈｔｔｐ：／／ａ．ｃｏｍ), judged on the converted text:
# a run of up to three such marks between ASCII letters or digits, ％ after a digit, and ，only as
# a thousands separator (１，１００). ．． and －－ are an ellipsis and a dash (the ellipsis rule's);
# ，and ： between Chinese characters, or anywhere else, stay full-width.

_FULLWIDTH_RE = lazy("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_NUMBER_MARKS = cm.FULLWIDTH_NUMBER_MARKS.replace("，", "")
# Spaces and line breaks may sit between (spacing removes the spaces next to a full-width mark,
# reflow joins the lines, and the decision must not change when they have): they stay, the mark
# narrows.
_NUMBER_MARK_RE = lazy(
    f"(?<=[A-Za-z0-9])[ \t\u3000\n]*[{_cls(_NUMBER_MARKS)}]{{1,3}}[ \t\u3000\n]*(?=[A-Za-z0-9])"
    "|(?<=[0-9])[ \t\u3000\n]*％"
    "|(?<=[0-9])[ \t\u3000\n]*，[ \t\u3000\n]*(?=[0-9]{3}(?![0-9]))"
)
_NARROW = {ord(c): ord(c) - 0xFEE0 for c in cm.FULLWIDTH_NUMBER_MARKS}
_MARK_AFTER_ALNUM_RE = lazy(f"[A-Za-z0-9][ \t\u3000\n]*[{_cls(_NUMBER_MARKS)}]")
_THOUSANDS_RE = lazy("，[ \t\u3000\n]*[0-9]{3}")
"""What _NUMBER_MARK_RE's alternatives need (a mark after a letter or digit; a ，before three
digits), looked for first: the pattern opens with a look-behind, tried at every character of a
page, where these run at C speed and find nothing on most pages (Chinese has ：and ，everywhere,
but seldom after a number)."""


def fullwidth(text: str, config: CleanConfig) -> tuple[str, int]:
    """Full-width letters and digits -> ASCII, and the marks of a number or URL between them
    (１２．５％ -> 12.5%, ｈｔｔｐ：／／ -> http://); Chinese punctuation and U+3000 stay."""
    changes = len(_FULLWIDTH_RE.findall(text))
    if changes:
        text = text.translate(cm.FULLWIDTH_ALNUM)
    if _MARK_AFTER_ALNUM_RE.search(text) is None and _THOUSANDS_RE.search(text) is None:
        return text, changes  # (no mark after a letter or digit, no ，before three: nothing to narrow)

    def narrow(m: re.Match[str]) -> str:
        nonlocal changes
        g = m.group()
        if "．．" in g or "－－" in g or "：：" in g or "，，" in g:
            return g
        changes += sum(1 for c in g if ord(c) in _NARROW)
        return g.translate(_NARROW)

    return _NUMBER_MARK_RE.sub(narrow, text), changes


# --- 6. mojibake ------------------------------------------------------------------------------------


def mojibake(text: str, config: CleanConfig) -> tuple[str, int]:
    """UTF-8 once read as GBK (鍙戝睍 -> 发展), where unambiguous: see ``bulletin.mojibake``."""
    from bulletin.mojibake import repair  # lazy: only the clean pipeline needs it

    return repair(text)


# --- 7. punct (GB/T 15834) --------------------------------------------------------------------------
#
# Two passes. Parentheses first, as pairs on a line: a pair becomes （） when its content is Chinese,
# or the text before it is, or the text after it is and no Latin word or number precedes it (so
# ``f(x)的`` stays). Then , . : ; ? ! in runs: a run is the marks with the spaces and quotes around
# them, and the significant characters just before and after the run decide. Spaces that the marks
# carried go with them once every mark of the run converted (``考核 , 根据`` -> ``考核，根据``),
# unless ``--spacing keep`` asks for every space to stay (``考核 ， 根据``).
#
# Not significant (looked through): spaces, the marks in either width, quotes and the characters
# of ellipses and dashes, which the later quotes and ellipsis rules turn from Latin (" -- ...) into
# Chinese (“ —— ……). Line breaks are looked through too, blank lines included: reflow joins
# wrapped lines (and lines cut by a column break) after this rule, and ``clean`` must be
# idempotent, so a decision may not depend on where the wrap fell (使用APP, / 方便群众 is the
# same text as 使用APP,方便群众). Only the full stop after Han tests its follower on its own line:
# 工作. ends a sentence even when the next paragraph starts with 2024.
#
# Last, a straight quote that ends a line and opens a quotation going on on the next line (强调:" /
# 要抓…, decided as the quotes rule decides) becomes “ here, before reflow: reflow joins a line
# ending in “, and it must see the same mark on the first pass as on the second.

_PUNCT_TARGETS = ",.:;?!"
_QUOTE_CHARS = "\"'“”‘’「」『』"  # quotes turns " into “ or 「
_ELLIPSIS_CHARS = ".。．…⋯·-－—"
_PUNCT_SPACES = " \t\u3000"
_PUNCT_TRANSPARENT = frozenset(
    _PUNCT_SPACES + _PUNCT_TARGETS + "，。：；？！" + _QUOTE_CHARS + _ELLIPSIS_CHARS
)
_PARENS = "()（）"
_T = _cls("".join(sorted(_PUNCT_TRANSPARENT)))

_PUNCT_ANY_RE = lazy(r"[,.:;?!()]")
_PAREN_PAIR_RE = lazy(r"[(（][^()（）]{0,200}[)）]")  # may span a wrap: reflow joins it
# A run with at least one half-width mark; the lookbehind makes it start only where a run starts,
# so a megabyte of ，(or of spaces, or of quotes) is scanned once. (It is
# (?<![T])[T]*?[marks][T]* written to open with its first character, [T], then the look-behind
# over it and the character before: re looks for a pattern's first character at C speed, where a
# pattern that opens with a look-behind is tried at every character of the page.)
_PUNCT_RUN_RE = lazy(
    f"[{_T}](?<![{_T}][{_T}])(?:(?<=[{_cls(_PUNCT_TARGETS)}])|[{_T}]*?[{_cls(_PUNCT_TARGETS)}])[{_T}]*"
)
# Chinese content of a bracket: Han or Chinese punctuation other than what this rule or quotes make.
_PAREN_CHINESE_RE = lazy(f"(?![{_T}])[{chars.HAN_LIKE}{chars.CJK_PUNCTUATION}]")
# A mark between two Han characters: what _punct_marks would convert, done in one scan (the marks
# first, so the regex engine can search for them) with a call only on a hit: one pattern, not one
# a mark, as each Han class costs re 1.5 ms to compile.
_BETWEEN_MARKS = ",:;?!"
_BETWEEN_HAN = lazy(f"[{_cls(_BETWEEN_MARKS)}](?<=[{chars.HAN_LIKE}].)(?=[{chars.HAN_LIKE}])")


def _full_mark(m: re.Match[str]) -> str:
    return cm.HALF_TO_FULL_PUNCT[m.group()]


# What a number before a half-width . is made of: 1,100  42.6  84.3%
_NUMBER_CHARS = frozenset("0123456789%,. \t\u3000\n")
_SPACE_OR_BREAK = frozenset(" \t\u3000\n")


def _context_before(text: str, start: int, transparent: frozenset[str], last: list) -> str:
    """The significant character before a run that starts a line, looking across line breaks.

    ``last`` holds the end and context of the previous run this pass handled: when the look-back
    reaches it, its context is taken over, so chains of such lines cost one step each.
    """
    j = start - 1
    while j >= 0 and (text[j] in transparent or text[j] == "\n"):
        if j < last[0]:
            return last[1]
        j -= 1
    return "" if j < 0 else text[j]


def _context_after(text: str, i: int, transparent: frozenset[str], memo: list) -> str:
    """The first significant character from ``i`` on, looking across line breaks.

    ``memo`` holds the previous look-ahead: [from, to, character]; text[from:to] is transparent,
    so a look-ahead starting inside it ends where it ended (chains of lines cost one step each).
    """
    if memo[0] <= i <= memo[1]:
        return memo[2]
    j, n = i, len(text)
    while j < n and (text[j] in transparent or text[j] == "\n"):
        j += 1
    memo[:] = [i, j, text[j] if j < n else ""]
    return memo[2]


def _parens(text: str) -> tuple[str, int]:
    changes = 0
    last = [-1, ""]  # context_before's memo: a pair is not transparent, so it never applies here
    memo = [-1, -1, ""]

    def pair(m: re.Match[str]) -> str:
        nonlocal changes
        g = m.group()
        if g[0] == "（" and g[-1] == "）":
            return g
        if not _PAREN_CHINESE_RE.search(g, 1, len(g) - 1):
            before = _context_before(text, m.start(), _PUNCT_TRANSPARENT, last)
            after = _context_after(text, m.end(), _PUNCT_TRANSPARENT, memo)
            # Another bracket next to this one is neutral: it may or may not be converted yet.
            before = " " if before in _PARENS else before
            after = " " if after in _PARENS else after
            if not (_is_cjk(before) or (_is_cjk(after) and not _is_alnum(before))):
                return g
        changes += (g[0] == "(") + (g[-1] == ")")
        return "（" + g[1:-1] + "）"

    return _PAREN_PAIR_RE.sub(pair, text), changes


def _dot_ends_sentence(text: str, start: int, before: str, after: str, same_line: str) -> bool:
    """Whether a lone half-width . is a Chinese full stop (``same_line``: what follows on its line)."""
    if _is_alnum(same_line):  # 报告.docx, 1.1万, v1.2, 工作.Next
        return False
    if _is_han(before) or before in cm.SENTENCE_CLOSERS:
        if before in cm.CHINESE_NUMERALS and text[start - 1] == before:
            # 一.加强领导 numbers an item unless the numeral ends a word (统一.今年), whether or
            # not a line break falls before it
            j = start - 1
            while j >= 0 and text[j] in cm.CHINESE_NUMERALS:
                j -= 1
            while j >= 0 and text[j] in _SPACE_OR_BREAK:
                j -= 1
            return j >= 0 and _is_han(text[j])
        return True
    if before.isascii() and before.isdigit() and text[start - 1] == before and _numbers_item(text, start):
        return False  # 1. 确保… / 97. 黔灵山: the number of a list item at the start of its line
    if before.isascii() and (before.isdigit() or before == "%") and text[start - 1] == before:
        # After a number only before Han or at the end of the text, and when Han precedes the
        # number (达到100.今年, also wrapped as 达到100. / 今年; 增长了5.2%. at the end): 1. / 5万
        # is a decimal cut by the wrap, and 2.加强 after a line start or a mark (。2.加强) numbers
        # an item.
        if after and not _is_han(after):
            return False
        j = start - 1
        while j >= 0 and text[j] in _NUMBER_CHARS:
            j -= 1
        return j >= 0 and _is_han(text[j])
    return False


def _numbers_item(text: str, dot: int) -> bool:
    """The . at ``dot`` follows the number that opens its line as a list item does (see
    ``patterns.opens_list_item``): reflow keeps such a line apart, so the next pass sees the same."""
    line_start = text.rfind("\n", 0, dot) + 1
    line_end = text.find("\n", dot)
    item = LIST_NUMBER_RE.match(text[line_start : line_end if line_end >= 0 else len(text)])
    return item is not None and line_start + item.end() == dot + 1


def _punct_marks(text: str, keep_spaces: bool) -> tuple[str, int]:
    changes = 0
    last = [-1, ""]  # end and context of the previous run
    memo = [-1, -1, ""]

    def run(m: re.Match[str]) -> str:
        nonlocal changes
        g = m.group()
        start, end = m.span()
        line_start = not _char_before(text, start)
        if line_start:
            before = _context_before(text, start, _PUNCT_TRANSPARENT, last)
        else:
            before = text[start - 1]
        last[:] = [end, before]
        same_line = _char_at(text, end)
        after = same_line or _context_after(text, end, _PUNCT_TRANSPARENT, memo)
        chinese = _is_cjk(before) or _is_cjk(after)
        out = []
        converted = kept = 0
        last_index = len(g) - 1
        for k, c in enumerate(g):
            if c in ",:;?!":
                ok = chinese
            elif c == ".":
                # .. and ... are left to the ellipsis rule
                ok = (
                    (k == 0 or g[k - 1] != ".")
                    and (k == last_index or g[k + 1] != ".")
                    and _dot_ends_sentence(text, start, before, after, same_line)
                )
            else:
                out.append(c)
                continue
            if ok:
                out.append(cm.HALF_TO_FULL_PUNCT[c])
                converted += 1
            else:
                out.append(c)
                kept += 1
        if not converted:
            return g
        changes += converted
        if kept or keep_spaces:
            return "".join(out)
        new = "".join(c for c in out if c not in _PUNCT_SPACES)
        if line_start:  # a run at the line start keeps the line's indentation
            new = g[: len(g) - len(g.lstrip(_PUNCT_SPACES))] + new
        return new

    return _PUNCT_RUN_RE.sub(run, text), changes


def punct(text: str, config: CleanConfig) -> tuple[str, int]:
    """Half-width , . : ; ? ! ( ) in Chinese text -> ，。：；？！（）; numbers, URLs, Latin stay.
    A straight quote that opens a quotation at a line end becomes “ (‘) already here."""
    changes = 0
    if _PUNCT_ANY_RE.search(text):
        if "(" in text or ")" in text:
            text, changes = _parens(text)
        if any(mark in text for mark in _BETWEEN_MARKS):  # the common case at C speed; the general
            text, n = _BETWEEN_HAN.subn(_full_mark, text)  # pass agrees (compiled only when needed)
            changes += n
        text, n = _punct_marks(text, config.spacing == "keep")
        changes += n
    text, n = _open_line_final_quotes(text)
    return text, changes + n


# --- 8. ellipsis ------------------------------------------------------------------------------------
#
# A token is a run of dots, ellipses, middle dots, hyphens and dashes with the spaces, quotes and
# line breaks among them; the significant characters just before and after it say whether it is
# in Chinese text. The marks of one ellipsis or dash may be split by a wrap (… / …, 。。 / 。),
# which reflow later joins: such a piece is judged whole, its line breaks kept after the …… or ——.

_ELLIPSIS_FILL = " \t\u3000\n" + _QUOTE_CHARS
_E = _cls(_ELLIPSIS_CHARS)
_ES = _cls(_ELLIPSIS_CHARS + _ELLIPSIS_FILL)
# A token: the longest run there, with at least one mark. A lone mark (every 。 and — of a page)
# is no token unless it is … or ⋯, so it costs the scan and no call: [FILL]*[E][ES]* less the runs
# of one mark, which ``ellipsis`` would give back unchanged (FILL and E share no character).
_ELLIPSIS_TOKEN_RE = lazy(f"(?<![{_ES}])(?:[{_cls(_ELLIPSIS_FILL)}]+[{_E}][{_ES}]*|[{_E}][{_ES}]+|[…⋯])")
_GAP = r"[ \t\u3000\n]*"
_ELLIPSIS_PIECE_RE = lazy(
    "|".join(
        f"{m}(?:{_GAP}{m}){{{n - 1},}}"
        for m, n in ((r"\.", 3), ("。", 3), ("．", 3), ("…", 1), ("⋯", 1), ("·", 3), ("-", 2), ("－", 2))
    )
)


def ellipsis(text: str, config: CleanConfig) -> tuple[str, int]:
    """``...`` ``。。。`` ``．．．`` and a lone ``…`` -> ……; ``--`` next to Chinese -> ——."""
    # A token changes only where it holds a piece (most tokens are a 。 and the line break after
    # it): a text without any piece is left as it is, and a token without one costs a search.
    if _ELLIPSIS_PIECE_RE.search(text) is None:
        return text, 0
    changes = 0

    def token(m: re.Match[str]) -> str:
        nonlocal changes
        g = m.group()
        if _ELLIPSIS_PIECE_RE.search(g) is None:
            return g
        start, end = m.span()
        if len(g) < 2 and g != "…" and g != "⋯":
            return g
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        chinese = _is_cjk(before) or _is_cjk(after)

        def piece(p: re.Match[str]) -> str:
            nonlocal changes
            s = p.group()
            c = s[0]
            marks = len(s) - sum(s.count(x) for x in " \t\u3000\n")
            if c in "。．":  # only Chinese text has these
                new = cm.ELLIPSIS
            elif c in "…⋯":
                new = cm.ELLIPSIS if chinese and marks <= (1 if c == "…" else 2) else s
            elif c in "-－":
                follower = g[p.end()] if p.end() < len(g) else after
                new = cm.DASH if chinese and not _is_alnum(follower) else s  # --help, --2 stay
            else:  # ... and ···
                new = cm.ELLIPSIS if chinese else s
            if new == s:
                return s
            changes += 1
            return new + "\n" * s.count("\n")

        return _ELLIPSIS_PIECE_RE.sub(piece, g)

    return _ELLIPSIS_TOKEN_RE.sub(token, text), changes


# --- 9. quotes --------------------------------------------------------------------------------------
#
# Per line (a paragraph, after reflow), quotes of each kind are paired in order: an opening mark
# opens, a closing one closes, a straight one does whichever the state asks. Chinese paragraphs of
# one quotation each open with “ and only the last closes, so a quote left open at the line end is
# fine; but a last straight quote with nothing quotable after it closes (…说好"。 -> …说好”。),
# unless it ends the line after Han or ：，and another line follows: then it opens a quotation that
# goes on there (强调：" / 要抓实绩实效。). Mis-sided marks are repaired where the pairing is plain: a
# closing mark met while closed whose next mark also closes (”abc” -> “abc”), an opening mark met
# while open that is the last or whose next mark also opens (“abc“， -> “abc”，).
#
# Across a line break: when reflow could not join a wrapped line, a quotation left open on a line
# that stops mid-sentence goes on on the next line when that line's quotes of the kind are odd in
# number and the first is not at its start (通过"四 / 抓四严"，… -> 通过“四 / 抓四严”，…); a first
# quote at the line start opens a paragraph of a quotation of several paragraphs.
#
# A straight pair around text without Chinese, after an English word or mark and before a space, an
# English mark or the line end, is English typography and stays (He said: "It is fine." 然后).

_DOUBLE = ('"', "“", "”", "「", "」")
_SINGLE = ("'", "‘", "’", "『", "』")
_QUOTE_ANY_RE = lazy("[\"'“”‘’「」『』]")
_DOUBLE_RE = lazy('["“”「」]')
_SINGLE_RE = lazy("['‘’『』]")
_QUOTE_LINE_RE = lazy(f"[{chars.HAN_LIKE}「」『』]")
_QUOTABLE_RE = lazy(f"[{chars.HAN_LIKE}A-Za-z0-9]")
# Chinese inside a quotation: Han or Chinese punctuation other than the quotes (which this rule may
# change, so they cannot decide).
_CHINESE_TEXT_RE = lazy(f"(?![{_QUOTE_CHARS}])[{chars.HAN_LIKE}{chars.CJK_PUNCTUATION}]")
_OPENS_NEXT_LINE_AFTER = "，："
# What may follow a sentence end and still end the line with it: closing marks and every quote.
_LINE_END_CLOSERS = chars.CLOSING_MARKS + _QUOTE_CHARS + _PUNCT_SPACES


def _english_pair(line: str, i: int, j: int) -> bool:
    """Straight quotes at ``i`` and ``j`` around English: no Chinese inside, an English word or mark
    before (spaces between), and after a space (not before Chinese punctuation, which the spacing
    rule would remove), an English mark or the line end."""
    inner = line[i + 1 : j]
    if not inner or inner[0].isspace() or inner[-1].isspace() or _CHINESE_TEXT_RE.search(inner):
        return False
    k = i - 1
    while k >= 0 and line[k] in _PUNCT_SPACES:
        k -= 1
    if k < 0 or not line[k].isascii() or line[k] in "\"'":
        return False
    k = j + 1
    while k < len(line) and line[k] in _PUNCT_SPACES:
        k += 1
    after = line[k] if k < len(line) else ""
    if not after or (k > j + 1 and (_is_han(after) or _is_alnum(after))):  # spacing keeps such a space
        return True
    return after.isascii() and not after.isalnum() and after not in "\"'"


def _ends_sentence(line: str) -> bool:
    t = line.rstrip(_LINE_END_CLOSERS)
    return not t or t[-1] in chars.SENTENCE_ENDS


def _pair_quotes(
    line: str, positions: list[int], kind: str, mode: str, out: list[str], carried: bool, more: bool
) -> bool:
    """Decide each quote of ``kind`` at ``positions`` into ``out``; return whether the line ends open.

    ``carried``: a quotation open on the line before goes on here. ``more``: a line follows.
    """
    straight, c_open, c_close, k_open, k_close = _DOUBLE if kind == "double" else _SINGLE
    closers = (c_close, k_close, straight)
    openers = (c_open, k_open)
    is_open = carried
    last = len(positions) - 1
    decided: list[bool] = []
    for t, i in enumerate(positions):
        c = line[i]
        if c in openers:
            opening = not (is_open and (t == last or line[positions[t + 1]] in openers))
        elif c in (c_close, k_close):
            opening = not is_open and t < last and line[positions[t + 1]] in closers
        elif is_open:
            opening = False
        elif t == last and i > 0 and not line[i - 1].isspace() and not _QUOTABLE_RE.search(line, i + 1):
            opening = (
                more
                and (_is_han(line[i - 1]) or line[i - 1] in _OPENS_NEXT_LINE_AFTER)
                and not line[i + 1 :].strip(_PUNCT_SPACES)
            )
        else:
            opening = True
        is_open = opening
        decided.append(opening)
    for t, i in enumerate(positions):
        c = line[i]
        if c == straight:
            if decided[t] and t < last and not decided[t + 1] and line[positions[t + 1]] == straight:
                if _english_pair(line, i, positions[t + 1]):
                    continue
            if not decided[t] and t > 0 and decided[t - 1] and line[positions[t - 1]] == straight:
                if _english_pair(line, positions[t - 1], i):
                    continue
        corner = c in (k_open, k_close)
        style = "corner" if mode == "corner" or (mode == "keep" and corner) else "curly"
        out[i] = cm.QUOTE_STYLES[kind][style][0 if decided[t] else 1]
    return is_open


def _carries(line: str, positions: list[int]) -> bool:
    """A quotation left open on the line before goes on into ``line``: its quotes of the kind are
    odd in number and the first is not at the line start."""
    return len(positions) % 2 == 1 and bool(line[: positions[0]].strip(_PUNCT_SPACES))


def _apostrophe(line: str, i: int) -> bool:
    """don't, People's, People’s: a single quote between two Latin letters or digits."""
    return 0 < i < len(line) - 1 and _is_alnum(line[i - 1]) and _is_alnum(line[i + 1])


def _paired_lines(lines: list[str], mode: str):
    """Each line with quotes in a Chinese line: (index, line, its marks decided, the quote positions)."""
    open_double = open_single = False  # the line before ends open, mid-sentence
    last_text = next((n for n in range(len(lines) - 1, -1, -1) if lines[n].strip(_PUNCT_SPACES)), -1)
    for n, line in enumerate(lines):
        if not line.strip(_PUNCT_SPACES):  # blank lines are gone after reflow: they decide nothing
            continue
        if not _QUOTE_ANY_RE.search(line):  # a quotation goes on through a line without quotes
            if open_double or open_single:  # (closed stays closed: nothing to ask)
                goes_on = not _ends_sentence(line)
                open_double, open_single = open_double and goes_on, open_single and goes_on
            continue
        if not _QUOTE_LINE_RE.search(line):
            open_double = open_single = False
            continue
        out = list(line)
        double = [m.start() for m in _DOUBLE_RE.finditer(line)]
        single = [
            m.start()
            for m in _SINGLE_RE.finditer(line)
            # don't, don‘t: no quote; nor 0『0, which would read as one once made 0‘0 (idempotence)
            if not _apostrophe(line, m.start())
        ]
        more = n < last_text
        ends_open = not _ends_sentence(line)
        d = _pair_quotes(line, double, "double", mode, out, open_double and _carries(line, double), more)
        s = _pair_quotes(line, single, "single", mode, out, open_single and _carries(line, single), more)
        open_double, open_single = d and ends_open, s and ends_open
        yield n, line, out, double + single


def quotes(text: str, config: CleanConfig) -> tuple[str, int]:
    """Straight quotes paired as “” ‘’ in Chinese text; ``--quotes curly|corner`` converts 「」 <-> “”."""
    if not _QUOTE_ANY_RE.search(text):
        return text, 0
    lines = text.split("\n")
    changes = 0
    for n, line, out, positions in _paired_lines(lines, config.quotes):
        diff = sum(1 for i in positions if out[i] != line[i])
        if diff:
            lines[n] = "".join(out)
            changes += diff
    return "\n".join(lines), changes


def _open_line_final_quotes(text: str) -> tuple[str, int]:
    """A straight quote that opens a quotation at a line end -> “ or ‘, before reflow (see punct)."""
    if '"' not in text and "'" not in text:
        return text, 0
    lines = text.split("\n")
    changes = 0
    for n, line, out, positions in _paired_lines(lines, "keep"):
        end = len(line.rstrip(_PUNCT_SPACES)) - 1
        for i in positions:
            if i == end and line[i] in "\"'" and out[i] in "“‘":
                lines[n] = line[:i] + out[i] + line[i + 1 :]
                changes += 1
    return ("\n".join(lines), changes) if changes else (text, 0)


# --- 10. spacing (GB/T 15835 newspaper practice) ----------------------------------------------------
#
# Per line. Leading indentation stays (reflow reads it), trailing spaces go, and each run of
# spaces inside a line is judged by the characters on either side:
#   Chinese punctuation on either side      -> removed  (“” ‘’ next to a Latin word count as Latin)
#   digit | unit sign (% ‰ ℃ ° ...)         -> removed  (20 % -> 20%, 20 ℃ -> 20℃)
#   Han | Han                               -> removed, except on a headline/byline (none of
#                                              ，。；：、！？; a photo byline), inside “…” 《…》
#                                              「…」 『…』, a byline bracket or the dateline,
#                                              where it separates words:
#                                              one space (an ideographic one stays ideographic)
#   Han | digit, Han | Latin (either order) -> removed (newspaper), exactly one space (pangu)
#   anything else (Latin words, numbers,    -> one space
#   English marks: He said: "OK." 然后)
# After a dateline at the line start (本报讯 去年以来) there is always one ASCII space. Lines without
# Chinese are left alone but for trailing spaces. ``pangu`` also inserts the Han | Latin spaces;
# ``keep`` changes nothing.

_SPACES = " \t\u3000"
_SPACE_RUN_RE = lazy("[ \t\u3000]+")
_ANY_SPACE_RE = lazy("[ \t\u3000]")
_SENTENCE_RE = lazy(f"[{chars.SENTENCE_PUNCTUATION}]")
_PROTECTED_RE = lazy(r"“[^“”\n]*”|《[^《》\n]*》|「[^「」\n]*」|『[^『』\n]*』|[（(][^（）()\n]*[）)]")
_PANGU_GAP_RE = lazy(
    f"(?<=[{chars.HAN_LIKE}])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9{_cls(cm.NUMBER_UNITS)}])(?=[{chars.HAN_LIKE}])"
)


@cache  # (a page has a few thousand distinct characters and spacing asks of each gap's two)
def _kind(c: str) -> str:
    if _is_han(c):
        return "han"
    if c.isascii() and c.isalpha():
        return "latin"
    if (c.isascii() and c.isdigit()) or c in cm.NUMBER_UNITS:
        return "num"
    if c in chars.AMBIGUOUS_QUOTES:
        return "quote"
    if chars.is_cjk_punctuation(c):
        return "punct"
    return "other"


def _protected_spans(body: str, dateline: int | None) -> tuple[list[int], list[int]]:
    """Merged [start, end) spans where spaces between Han characters separate words."""
    spans = [(0, dateline)] if dateline else []
    for m in _PROTECTED_RE.finditer(body):
        g = m.group()
        if g[0] in "（(" and not any(role in g for role in BRACKET_ROLES):
            continue
        spans.append(m.span())
    spans.sort()
    starts: list[int] = []
    ends: list[int] = []
    for s, e in spans:
        if starts and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def _space_line(line: str, pangu: bool) -> tuple[str, int]:
    end = len(line.rstrip(_SPACES))
    changes = int(end < len(line))
    if not end:
        return "", changes
    start = len(line) - len(line.lstrip(_SPACES))
    lead, body = line[:start], line[start:end]
    if not _CJK_RE.search(body):
        return lead + body, changes
    headline: bool | None = None  # words keep their spaces: decided at the first Han | Han gap
    signed = signature_start(body)  # names from here on keep their spaces, one each
    if signed is not None:
        names, n = PADDED_NAME_RE.subn(r"\1\2", body[signed:])
        body, changes = body[:signed] + names, changes + n
    found = dateline_end(line) if _SPACE_RUN_RE.search(body) else None
    dateline = found - start if found is not None and found > start else None
    starts: list[int] | None = None
    ends: list[int] = []

    def gap(m: re.Match[str]) -> str:
        nonlocal changes, starts, ends, headline
        run = m.group()
        s, e = m.span()
        one = "\u3000" if run[0] == "\u3000" else " "
        left, right = _kind(body[s - 1]), _kind(body[e])
        if s == dateline:
            new = " "
        elif body[s - 1].isascii() and body[s - 1].isdigit() and body[e] in cm.NUMBER_UNITS:
            new = ""
        else:
            if left == "quote":
                left = "other" if _kind(body[e]) in ("latin", "num") else "punct"
            if right == "quote":
                right = "other" if _kind(body[s - 1]) in ("latin", "num") else "punct"
            if left == "punct" or right == "punct":
                new = ""
            elif left == "han" and right == "han":
                if starts is None:
                    starts, ends = _protected_spans(body, dateline)
                k = bisect_right(starts, s) - 1
                if headline is None:
                    headline = not _SENTENCE_RE.search(body) or is_photo_byline(body)  # 张三、李四 摄
                signature = signed is not None and s >= signed
                new = one if headline or signature or (k >= 0 and s < ends[k]) else ""
            elif "han" in (left, right) and ("num" in (left, right) or "latin" in (left, right)):
                new = " " if pangu else ""
            else:
                new = one
        changes += new != run
        return new

    return lead + _SPACE_RUN_RE.sub(gap, body), changes


def spacing(text: str, config: CleanConfig) -> tuple[str, int]:
    """Spaces settled by what they separate. ``newspaper``: none next to Chinese punctuation, between
    Han and Han (but words on headlines, bylines, datelines and in quoted titles keep one), between
    Han and digits or Latin, or between a number and its unit sign; one between Latin words and
    numbers, and one after a dateline. ``pangu``: the same, but exactly one space between Han and
    digits or Latin (inserted where missing). ``keep``: nothing changes."""
    mode = config.spacing
    if mode == "keep":
        return text, 0
    pangu = mode == "pangu"
    changes = 0
    if _ANY_SPACE_RE.search(text):
        lines = text.split("\n")
        for n, line in enumerate(lines):
            if " " in line or "\t" in line or "\u3000" in line:
                new, k = _space_line(line, pangu)
                if k:
                    lines[n] = new
                    changes += k
        text = "\n".join(lines)
    if pangu:
        text, inserted = _PANGU_GAP_RE.subn(" ", text)
        changes += inserted
    return text, changes
