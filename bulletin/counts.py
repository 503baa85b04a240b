"""Counts of a text, an article or a page: Word's statistics dialog, Chinese figures, sentences, words.

``count(text)`` measures the text as given (the command counts the cleaned text); an Article counts
as its parts — kicker, title, subtitle, dateline, byline, paragraphs, captions — one a line, and a
Page as its articles and its notes. Every figure adds up over lines, so a page's counts are the sum
of its articles' and its notes' (the section marker is a note of the page: an article only names it).

Word's 字数 (word_count) is 中文字符和朝鲜语单词 (chinese_chars: Han characters, full-width
punctuation and other East Asian characters one each, a run of Hangul one) plus 非中文单词
(non_chinese_words: a run of other characters between spaces and East Asian characters, if it has a
letter or a digit: 1.1, PM2.5, 10:30, 5G count one each; half-width punctuation alone counts none).
The definitions, one a line, are ``FIGURES``; docs/count.md shows the same lines.

Module named ``counts``, not ``count``: importing a submodule binds its name on the package, which
would hide the function ``bulletin.count``.
"""

from __future__ import annotations

import functools
import operator
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from bulletin.chars import CJK_PUNCTUATION, HAN, RADICALS
from bulletin.document import FORM_FEED
from bulletin.lazyre import lazy
from bulletin.model import Article, Page
from bulletin.sentences import count_sentences

DEFAULT_RATE = 400
"""字 per minute read: the reading-time rate when none is given (a careful reader of news text)."""

# --- what counts as what (regex character-class fragments, from chars) ------------------------

MIDDLE_DOT = "\u00b7"
CHINESE_PUNCTUATION = CJK_PUNCTUATION + MIDDLE_DOT
"""GB/T 15834's marks in their full-width forms, ‘’“” —… among them, and the 间隔号 ·, which is set as
U+00B7 (阿卜杜拉·买买提, · 乡镇动态 ·): Word counts each one as a 字."""

HANGUL = "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff\uffa0-\uffdc"
"""Jamo, compatibility jamo and syllables (and their half-width forms): Word counts a run as one word."""

OTHER_EAST_ASIAN = (
    "\u3004-\u3006\u3012\u3013\u3020-\u303f"  # 〄々〆〒〓〠, Hangzhou numerals 〡-〩, 〰 …
    "\u3040-\u30fa\u30fc-\u30ff"  # hiragana, katakana (・ U+30FB is punctuation)
    "\u3100-\u312f\u31a0-\u31bf\u31f0-\u31ff"  # bopomofo, katakana extensions
    "\u3200-\u33ff"  # enclosed CJK letters and months, CJK compatibility (㈠ ㎡ ㎏)
    "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"  # full-width digits and letters (clean narrows them)
    "\uff66-\uff9f\uffe0-\uffe6" + RADICALS  # half-width katakana, full-width signs ￥￡
)
"""East Asian characters that are neither Han nor punctuation: one 字 each, as Word counts them."""

EAST_ASIAN = HAN + CHINESE_PUNCTUATION + HANGUL + OTHER_EAST_ASIAN

_NOT_HAN_RUN = lazy(f"[^{HAN}]+")
_PUNCT = lazy(f"[{CHINESE_PUNCTUATION}]")
_OTHER = lazy(f"[{OTHER_EAST_ASIAN}]")
_HANGUL_RUN = lazy(f"[{HANGUL}]+")
_NON_CHINESE_RUN = lazy(rf"[^\s{EAST_ASIAN}]+")
_DIGIT_RUN = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"  # ASCII, Latin-1 and Latin Extended-A/B letters
_LATIN_WORD = re.compile(f"[{_LATIN}]+(?:['-][{_LATIN}]+)*")


class Figure(NamedTuple):
    key: str  # the JSON key and column name (a contract)
    label: str  # the name editors know it by
    definition: str  # one line, shown in docs/count.md


FIGURES: tuple[Figure, ...] = (
    Figure("han", "汉字", "Han characters (CJK ideographs of every block, and 〇)"),
    Figure(
        "cjk_punct",
        "中文标点",
        "Chinese punctuation marks, one each: full-width marks, ‘’“”, ——, ……, the 间隔号 ·",
    ),
    Figure(
        "digit_runs",
        "数字串",
        "numbers in digits: a run of 0-9, a . or , between digits included (1.1万, 2024年, 4,500: one each)",
    ),
    Figure(
        "latin_words",
        "英文单词",
        "runs of Latin letters, a ' or - between letters included (CPU, e-mail; the G of 5G)",
    ),
    Figure("word_count", "字数", "Word's 字数: chinese_chars + non_chinese_words"),
    Figure(
        "chars_no_spaces",
        "字符数(不计空格)",
        "Word's 字符数(不计空格): every character but white space (spaces, 　, tabs, line breaks)",
    ),
    Figure("chars_with_spaces", "字符数(计空格)", "Word's 字符数(计空格): every character but line breaks"),
    Figure("paragraphs", "段落数", "Word's 段落数: lines with something other than white space on them"),
    Figure(
        "lines",
        "行数",
        "lines of the text, blank ones included (Word's 行数 counts lines as laid out on its page)",
    ),
    Figure(
        "non_chinese_words",
        "非中文单词",
        "Word's 非中文单词: runs between white space and East Asian characters with a letter or digit "
        "in them (PM2.5, 1.1, 10:30)",
    ),
    Figure(
        "chinese_chars",
        "中文字符和朝鲜语单词",
        "Word's 中文字符和朝鲜语单词: Han, Chinese punctuation, kana and other full-width characters "
        "one each, a run of Hangul one",
    ),
    Figure(
        "sentences",
        "句数",
        "sentences ended by 。？！ or …… (closing quotes and brackets go with them), never at ，、；： "
        "(GB/T 15834)",
    ),
    Figure(
        "words", "词数", "jieba's words (precise mode), punctuation and spaces left out; null unless asked"
    ),
    Figure("reading_minutes", "阅读时间(分钟)", "word_count / rate (字 per minute, default 400), to 0.1"),
)
"""Every figure, in the order of the JSON keys and table columns."""

KEYS = tuple(f.key for f in FIGURES)
WORD_KEYS = KEYS[KEYS.index("word_count") : KEYS.index("chinese_chars") + 1]
"""The seven figures of Word's statistics dialog (审阅 › 字数统计), in its order."""
TALLIES = KEYS[: KEYS.index("words")]
"""The figures that are plain tallies of the text (not jieba's words, not a time)."""


@dataclass
class Counts:
    """The figures of one text (see ``FIGURES``). Counts add up: ``a + b`` counts both texts."""

    han: int = 0
    cjk_punct: int = 0
    digit_runs: int = 0
    latin_words: int = 0
    word_count: int = 0
    chars_no_spaces: int = 0
    chars_with_spaces: int = 0
    paragraphs: int = 0
    lines: int = 0
    non_chinese_words: int = 0
    chinese_chars: int = 0
    sentences: int = 0
    words: int | None = None  # jieba's, when asked for
    vocabulary: Counter[str] | None = field(default=None, repr=False)  # each of those words, how often
    rate: float = DEFAULT_RATE  # 字 per minute, for reading_minutes

    @property
    def reading_minutes(self) -> float:
        return self.word_count / self.rate

    def __add__(self, other: Counts) -> Counts:
        if not isinstance(other, Counts):
            return NotImplemented
        if other.rate != self.rate:
            raise ValueError(f"cannot add counts at {self.rate} and {other.rate} 字 per minute")
        ints = {key: getattr(self, key) + getattr(other, key) for key in TALLIES}
        words = vocabulary = None
        if self.words is not None and other.words is not None:
            words = self.words + other.words
            if self.vocabulary is not None and other.vocabulary is not None:
                vocabulary = self.vocabulary + other.vocabulary
        return Counts(**ints, words=words, vocabulary=vocabulary, rate=self.rate)

    def top(self, n: int, stopwords: frozenset[str] | set[str] | None = None) -> list[tuple[str, int]]:
        """The ``n`` most frequent words, leaving out ``stopwords`` (default: ``bulletin.stopwords``)
        and numbers; ties in order of first use. Empty when words were not counted."""
        if self.vocabulary is None:
            return []
        if stopwords is None:
            from bulletin.stopwords import STOPWORDS

            stopwords = STOPWORDS
        ranked = (
            (word, times)
            for word, times in self.vocabulary.most_common()
            if word not in stopwords and not _is_number(word)
        )
        return [item for _, item in zip(range(n), ranked)]

    def to_dict(self) -> dict:
        """The figures under their JSON keys, in ``FIGURES`` order (a contract)."""
        d = {key: getattr(self, key) for key in KEYS}
        d["reading_minutes"] = round(self.reading_minutes, 1)
        return d


def _is_number(word: str) -> bool:
    return not any(c.isalpha() for c in word)


def count(
    doc: str | Article | Page,
    *,
    words: bool = False,
    user_dict: str | None = None,
    rate: float = DEFAULT_RATE,
) -> Counts:
    """The figures of ``doc``: a text as it is, or an Article or Page as ``text_of`` lays it out.

    ``words`` also cuts it with jieba (loaded now, not before), with ``user_dict`` if given;
    ``rate`` (字 per minute) sets ``reading_minutes``.
    """
    if rate <= 0:
        raise ValueError(f"rate must be positive, not {rate}")
    text = doc if isinstance(doc, str) else text_of(doc)
    cut = None
    vocabulary: Counter[str] | None = None
    if words:
        from bulletin.words import cutter, words_of

        cut = cutter(user_dict, len(text))
        vocabulary = Counter()
    tally = [0] * len(_TALLIED)
    for chunk in chunks(text, CHUNK):
        for i, figure in enumerate(_tally(chunk)):
            tally[i] += figure
        if vocabulary is not None and cut is not None:
            vocabulary.update(words_of(cut(chunk)))
    figures = dict(zip(_TALLIED, tally))
    chinese = figures["han"] + figures["cjk_punct"] + figures.pop("other") + figures.pop("hangul")
    return Counts(
        **figures,
        word_count=chinese + figures["non_chinese_words"],
        chinese_chars=chinese,
        words=None if vocabulary is None else sum(vocabulary.values()),
        vocabulary=vocabulary,
        rate=rate,
    )


CHUNK = 2**16
"""Characters counted at a time (then up to the next line break): the tallies' working memory is
bounded by a chunk, whatever the size of the text (a whole issue of 8 MB counts in a few MB)."""

_TALLIED = (
    "han",
    "cjk_punct",
    "other",
    "hangul",
    "digit_runs",
    "latin_words",
    "non_chinese_words",
    "chars_no_spaces",
    "chars_with_spaces",
    "paragraphs",
    "lines",
    "sentences",
)
"""What ``_tally`` returns, in order: the figures that add up over lines (``other`` and ``hangul``
are parts of ``chinese_chars``)."""


def chunks(text: str, size: int = CHUNK) -> Iterator[str]:
    """``text`` in pieces of about ``size`` characters, each ending after a line break (the last
    after the text's end): no figure spans a line break, so the figures of the pieces add up."""
    start, end = 0, len(text)
    while start < end:
        stop = text.find("\n", start + size)
        stop = end if stop < 0 else stop + 1
        yield text[start:stop]
        start = stop


def _tally(chunk: str) -> tuple[int, ...]:
    """The ``_TALLIED`` figures of ``chunk``, each by one C-speed pass that builds no string per
    match (``subn`` counts matches; only the few non-Chinese runs are looked at one by one). Han
    characters, most of a page, are what is left when the runs between them are taken out: a match
    per run, not per character (a third of the time)."""
    lines = chunk.splitlines()
    return (
        len(_NOT_HAN_RUN.sub("", chunk)),
        _PUNCT.subn("", chunk)[1],
        _OTHER.subn("", chunk)[1],
        _HANGUL_RUN.subn("", chunk)[1],
        _DIGIT_RUN.subn("", chunk)[1],
        _LATIN_WORD.subn("", chunk)[1],
        sum(1 for run in _NON_CHINESE_RUN.findall(chunk) if any(map(str.isalnum, run))),
        sum(map(len, chunk.split())),  # (split() cuts at white space as \s and isspace() say)
        sum(map(len, lines)),
        sum(1 for line in lines if line.strip()),
        len(lines),
        count_sentences(chunk),
    )


def add_up(counts: Iterable[Counts], *, words: bool = False, rate: float = DEFAULT_RATE) -> Counts:
    """The sum of ``counts``; with none, the counts of no text (words 0 when ``words``)."""
    start = Counts(words=0, vocabulary=Counter(), rate=rate) if words else Counts(rate=rate)
    return functools.reduce(operator.add, counts, start)


def text_of(doc: Article | Page) -> str:
    """The text counted for an article (kicker, title, subtitle, dateline, byline, paragraphs,
    captions) or a page (its articles, then its notes): each part on a line, empty parts left out."""
    if isinstance(doc, Article):
        head = [doc.kicker, doc.title, doc.subtitle, doc.dateline, doc.byline]
        parts = [*head, *doc.paragraphs, *doc.captions]
    else:
        parts = [*(text_of(a) for a in doc.articles), *doc.notes]
    return "\n".join(part for part in parts if part)


@dataclass
class FileCounts:
    """What ``bulletin count`` reports for one input: its counts, and with ``by="article"`` those of
    each article and of the page's notes (the file's counts are then their sum)."""

    source: str
    encoding: str
    counts: Counts
    articles: list[tuple[int, str, Counts]] | None = None  # (index, title, counts)
    notes: Counts | None = None


def count_file(
    text: str,
    *,
    source: str = "<stdin>",
    encoding: str = "utf-8",
    by: str = "file",
    words: bool = False,
    user_dict: str | None = None,
    rate: float = DEFAULT_RATE,
) -> FileCounts:
    """Count a text as ``bulletin count`` does: the cleaned text (``by="file"``), or each article
    of ``bulletin.split`` and the page's notes (``by="article"``). Text parted by form feeds (a whole
    issue) is cleaned or split page by page, as ``bulletin clean`` and ``bulletin split`` do, and
    its figures added up: the memory of a page's work, whatever the size of the text. Articles are
    numbered through the text, as ``split``'s plain output numbers them."""

    def tally(doc: str | Article) -> Counts:
        return count(doc, words=words, user_dict=user_dict, rate=rate)

    pages = text.split(FORM_FEED)
    if by == "file":
        from bulletin.clean import clean

        counts = add_up((tally(clean(page)) for page in pages), words=words, rate=rate)
        return FileCounts(source, encoding, counts)
    if by != "article":
        raise ValueError(f"by must be 'file' or 'article', not {by!r}")
    from bulletin.segment import split

    articles: list[tuple[int, str, Counts]] = []
    notes: list[str] = []
    for page in pages:
        part = split(page, source=source, encoding=encoding)
        for article in part.articles:
            articles.append((len(articles) + 1, article.title, tally(article)))
        notes.extend(part.notes)
    noted = tally("\n".join(notes))
    total = add_up([*(c for _, _, c in articles), noted], words=words, rate=rate)
    return FileCounts(source, encoding, total, articles, noted)
