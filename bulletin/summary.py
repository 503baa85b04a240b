"""Article -> extractive summary and keywords: what ``bulletin summarize`` prints.

The candidates are the body's whole sentences (GB/T 15834 ends, :mod:`bulletin.sentences`): never
the title, captions, bylines or the dateline (电头), which is taken off the front of a paragraph with
the reporter's 记者XXX报道： after it. Each gets a score by ``method``: ``news`` (the default) the
features of news writing weighted as :mod:`bulletin.newsrank` says (lead, the headline's words,
TextRank, quotations and background), ``textrank`` centrality alone, ``lead`` reading order. The
first taken is the one worth most, cut to its best run of clauses (，；：, ended with ……) when it does
not fit in ``chars``; the others follow best first, whole, a sentence too similar to one already
taken skipped, until ``sentences`` are taken or no other fits; they are given back in their
original order (:func:`select`).

Keywords are jieba's TF-IDF over the title and body, without ``STOP_WORDS`` and bare numbers.

The module is not called ``summarize``: a submodule of that name would shadow the function
``bulletin.summarize`` as soon as it was imported.
"""

from __future__ import annotations

import copy
import functools
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, get_args

from bulletin import newsrank, patterns
from bulletin.bigrams import run_bigrams as bigrams
from bulletin.chars import CLOSING_MARKS
from bulletin.errors import UsageError
from bulletin.model import Article
from bulletin.sentences import END_MARKS, split_sentences
from bulletin.stopwords import STOPWORDS as STOP_WORDS
from bulletin.textrank import rank

if TYPE_CHECKING:  # pragma: no cover
    from jieba.analyse import TFIDF

Terms = Literal["bigrams", "words"]
Method = Literal["news", "lead", "textrank"]
METHODS: tuple[str, ...] = get_args(Method)

# --- the choice ----------------------------------------------------------------------------------

REDUNDANT = 0.6
"""A sentence is skipped when this share of its character bigrams (of the shorter one's) is in a
sentence already taken: the same fact said twice."""

SHORT = 8
"""A sentence of fewer characters (孩子呢？”, 市场更加繁荣。) says too little out of its context: it
is a candidate only when the body has no longer one."""

ATTRIBUTION = re.compile(r"^[^，。！？；：“”]{0,20}(?:说|表示|介绍|告诉记者|笑着说|感慨地说)[。！]$")
"""……。”社区居民梁玉梅说。: the speaker of the quotation before, nothing without it."""

UNENDED_MIN = 20
"""A paragraph's last piece without an end mark (text cut short, a missing 。) is a candidate when it
follows a whole sentence of its paragraph and is at least this long; a paragraph that is a single
such piece (a 小标题, a list item) is not."""

CLAUSE_MARKS = "，；："
"""Where the clause fallback may cut a sentence: never at 、, which joins the items of a list, nor at
a half-width , or : (5,200元, 7:30), which clean leaves only in figures and Latin text."""
ELLIPSIS = "……"
BRACKETS = {"“": "”", "‘": "’", "《": "》", "（": "）", "(": ")", "「": "」", "『": "』", "【": "】"}
"""A clause mark inside these is not a clause boundary of the sentence (a quotation's comma)."""

REPORTER_LEAD = re.compile(
    r"^(?:(?:本报|新华社)?(?:特派|特约|驻[^\s，。：]{1,8})?(?:记者|通讯员)[^，。：；\n]{1,24}?报道[：:，]"
    r"|[（(](?:记者|通讯员)[^（）()\n]{1,24}[)）])\s*"
)
"""记者罗茂城、刘裕国报道：, （记者 王五） after the dateline: a byline inside the first sentence."""

# --- keywords: stop words of our own (jieba's own list is English only), shared with count --------

NUMBERS = (
    "0123456789０１２３４５６７８９.．%％‰·一二三四五六七八九十百千万亿零〇两几多余第"
    "年月日号时分秒天周岁个元角亩斤公吨米里克升人户家次场名项件台辆座所位届批株头只条间倍"
)
"""Digits, numerals and the units counted with them: a word made only of these (1997年, 3个,
第一, 万亩, 余名, 公里) is a figure, not a keyword."""

# --- the result ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    """A summary sentence: its number among the body's sentences (1, 2, … in reading order) and its
    text; ``cut`` when it is not the whole sentence but a run of its clauses, the budget's fallback
    (ended with …… unless it runs to the sentence's end)."""

    index: int
    text: str
    cut: bool = False


@dataclass
class Summary:
    index: int  # the article's number on the page (1 for --whole)
    title: str | None  # None for a text summarized whole
    sentences: list[Sentence] = field(default_factory=list)
    keywords: list[tuple[str, float]] | None = None  # (word, TF-IDF weight), best first; None: not asked
    unfit: bool = False  # the budget holds not even one clause of any sentence, so nothing was taken

    @property
    def text(self) -> str:
        """The summary: its sentences one after another (a space after one without an end mark)."""
        out = ""
        for s in self.sentences:
            out += (" " if out and not _ended(out) else "") + s.text
        return out

    def to_dict(self) -> dict:
        """The JSON shape documented in docs/summarize.md (a contract: keys never change meaning)."""
        return {
            "index": self.index,
            "title": self.title,
            "summary": self.text,
            "chars": length(self.text),
            "sentences": [{"index": s.index, "text": s.text, "cut": s.cut} for s in self.sentences],
            "keywords": None
            if self.keywords is None
            else [{"word": w, "weight": weight} for w, weight in self.keywords],
        }


def length(text: str) -> int:
    """What ``--chars`` counts: characters, white space left out."""
    return sum(map(len, text.split()))  # (split() cuts at what isspace() says is white space)


# --- the library call ----------------------------------------------------------------------------


def summarize(
    doc: str | Article,
    *,
    sentences: int | None = None,
    chars: int | None = None,
    keywords: int = 0,
    clean: bool = True,
    terms: Terms = "bigrams",
    method: Method = "news",
) -> Summary:
    """The extractive summary of an article, or of a text taken whole.

    ``doc``: an :class:`~bulletin.Article` (from :func:`bulletin.split`), or a str, taken as one text:
    cleaned first as :func:`bulletin.clean` does (unless ``clean=False``), its datelines, captions,
    bylines, credits and section markers left out. At most ``sentences`` sentences (3 when neither
    limit is given) and at most ``chars`` characters, white space not counted. ``keywords``: how many
    keywords to give (0: none, ``Summary.keywords`` is None). ``method``: ``news``, ``lead`` or
    ``textrank`` (see :func:`score`). ``terms``: what ``textrank`` compares, character ``bigrams``
    or jieba ``words`` (slower, and scored lower on the dev corpus); ``news`` compares bigrams.
    The headline ``news`` reads is an Article's kicker, title and subtitle.
    """
    for name, value in (("sentences", sentences), ("chars", chars)):
        if value is not None and (not isinstance(value, int) or value < 1):
            raise UsageError(f"{name} must be a whole number of at least 1, not {value!r}")
    if not isinstance(keywords, int) or keywords < 0:
        raise UsageError(f"keywords must be a whole number of at least 0, not {keywords!r}")
    if terms not in ("bigrams", "words"):
        raise UsageError(f"terms must be bigrams or words, not {terms!r}")
    if method not in METHODS:
        raise UsageError(f"method must be one of {', '.join(METHODS)}, not {method!r}")
    if sentences is None and chars is None:
        sentences = 3
    headline = ""
    if isinstance(doc, Article):
        index, title, paragraphs = doc.index, doc.title, body_of(doc.paragraphs)
        headline = "\n".join(h for h in (doc.kicker, doc.title, doc.subtitle) if h)
    else:
        if clean:
            from bulletin.clean import clean as clean_text

            doc = clean_text(doc)
        index, title, paragraphs = 1, None, body_of(doc.split("\n"), whole=True)
    cands = candidates(paragraphs)
    summary = Summary(index, title)
    scores = score(cands, terms, method, headline)
    summary.sentences, summary.unfit = select(cands, scores, sentences, chars, method)
    if keywords:
        text = "\n".join(([title] if title else []) + paragraphs)
        summary.keywords = keywords_of(text, keywords)
    return summary


# --- candidates ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    index: int  # 1-based number among all the body's sentences
    text: str
    length: int  # length(text)
    bigrams: frozenset[str]


def body_of(lines: Sequence[str], whole: bool = False) -> list[str]:
    """The body's paragraphs, each without a dateline at its front, nor the 记者XXX报道： after it
    (or at the front of the first: an Article's dateline is off already). Lines that are captions,
    photo bylines, bylines, credits or section markers are left out: in a text taken whole
    (``whole``), and after a dateline (本报讯 本报驻美国记者张亮); an Article has them apart already."""
    body: list[str] = []
    for line in lines:
        line = line.strip()
        end = patterns.dateline_end(line)
        if end is not None:
            line = line[end:].lstrip()
        if end is not None or not body:
            line = REPORTER_LEAD.sub("", line, count=1)
        if line and not ((whole or end is not None) and _furniture(line)):
            body.append(line)
    return body


FURNITURE = (
    patterns.CAPTION_RE,
    patterns.PHOTO_BYLINE_RE,
    patterns.BYLINE_RE,
    patterns.CREDIT_RE,
    patterns.SECTION_RE,
    patterns.PAGE_DATE_RE,
)
"""What ``patterns.is_caption_start``, ``is_photo_byline``, ``is_byline``, ``is_credit`` and
``is_section`` match."""


def _furniture(line: str) -> bool:
    """A caption, photo byline, byline, credit or section marker: the matchers of ``FURNITURE`` on
    one ``cue_text`` of the line (the ``is_*`` functions would make it once each)."""
    cue = patterns.cue_text(line)
    return any(pattern.match(cue) for pattern in FURNITURE)


def candidates(paragraphs: Sequence[str]) -> list[Candidate]:
    """The sentences a summary may take, in reading order (see ``UNENDED_MIN``, ``ATTRIBUTION``
    and ``SHORT``)."""
    out, number = [], 0
    for paragraph in paragraphs:
        pieces = split_sentences(paragraph)
        for k, piece in enumerate(pieces):
            number += 1
            last_of_several = k == len(pieces) - 1 and k > 0 and pieces[k - 1].ended
            if not (piece.ended or (last_of_several and len(piece.text) >= UNENDED_MIN)):
                continue
            if not ATTRIBUTION.match(piece.text):
                out.append(Candidate(number, piece.text, length(piece.text), bigrams(piece.text)))
    longer = [c for c in out if c.length >= SHORT]
    return longer or out


# --- ranking and choosing ------------------------------------------------------------------------


RANKED = 300
"""TextRank compares every pair of sentences, in time and memory that grow with their square: a text
of more sentences than this (a book, pages run together) is ranked on its first ``RANKED``, and the
others get no centrality. An article has a few dozen."""


def score(
    cands: Sequence[Candidate],
    terms: Terms = "bigrams",
    method: Method = "news",
    headline: str = "",
    weights: Mapping[str, float] | None = None,
) -> list[float]:
    """Each candidate's score under ``method``: ``news`` the rows of :data:`bulletin.newsrank.WEIGHTS`
    added up (``weights`` instead, to try others), ``textrank`` the centrality alone, ``lead`` the
    lead prior alone (1/(n+1), so reading order)."""
    if method == "lead":
        return [1 / (n + 1) for n in range(len(cands))]
    ranked = cands[:RANKED]
    if method == "textrank" and terms == "words":
        from bulletin.words import cut

        grams = [frozenset(w for w in cut(c.text) if w not in STOP_WORDS) for c in ranked]
    else:
        grams = [c.bigrams for c in ranked]
    if method == "textrank":
        return rank(grams) + [0.0] * (len(cands) - len(ranked))
    feats = newsrank.features([c.text for c in ranked], grams, bigrams(headline))
    return newsrank.combine(feats, weights) + [0.0] * (len(cands) - len(ranked))


def select(
    cands: Sequence[Candidate],
    scores: Sequence[float],
    sentences: int | None,
    chars: int | None,
    method: Method = "news",
    share: float = newsrank.CHOICE["share"].value,
    worth: float = newsrank.CHOICE["worth"].value,
    inner: float = newsrank.CHOICE["inner"].value,
) -> tuple[list[Sentence], bool]:
    """The sentences to keep, in reading order, and whether ``chars`` left nothing to keep.

    The first is the unit worth most (see :data:`bulletin.newsrank.CHOICE`): a sentence, or when it
    does not fit in ``chars`` a run of its clauses (``parts``), among the sentences whose score is
    at least ``share`` of the best one's (``news``; all of them for ``textrank``; the first sentence
    or its head for ``lead``). The others follow best score first, whole, while they fit and say
    something new (``REDUNDANT``); ``lead`` takes them in reading order, repeats and all, and stops
    at the first that does not fit. Up to ``sentences`` in all; given back in reading order.
    """
    if not cands:
        return [], False
    if method == "lead":  # the first sentence, or else its head: what lead has always meant
        order = eligible = list(range(len(cands)))
        head = part_of_lead(cands[0].text, chars)
        first = [] if head is None else [(0, head, False)]
    else:
        order = sorted(range(len(cands)), key=lambda i: (-scores[i], i))
        top = scores[order[0]]
        eligible = [i for i in order if scores[i] >= share * top] if method == "news" and top > 0 else order
        first = [(i, text, inside) for i in eligible for text, inside in parts(cands[i].text, chars)]
        if not first:  # none of the best fits, not even a clause of it: the others
            first = [(i, text, inside) for i in order for text, inside in parts(cands[i].text, chars)]
    if not first:
        return [], True
    if chars is None:
        worth = 0.0  # no budget: characters cost nothing, the best score comes first
    i, text, _ = max(
        first,
        key=lambda f: (max(scores[f[0]], 1e-9) * length(f[1]) ** worth * (inner if f[2] else 1.0), -f[0]),
    )
    kept = {i: Sentence(cands[i].index, text, cut=text != cands[i].text)}
    material = set(eligible)
    room = None if chars is None else chars - length(text)
    for j in order:
        if sentences is not None and len(kept) >= sentences:
            break
        if j in kept or j not in material:
            continue
        c = cands[j]
        if room is not None and c.length > room:
            if method == "lead":
                break
            continue
        if method != "lead" and any(_repeats(c, cands[k]) for k in kept):
            continue
        kept[j] = Sentence(c.index, c.text)
        if room is not None:
            room -= c.length
    return [kept[k] for k in sorted(kept)], False


def _repeats(a: Candidate, b: Candidate) -> bool:
    shorter = min(len(a.bigrams), len(b.bigrams))
    return shorter > 0 and len(a.bigrams & b.bigrams) >= REDUNDANT * shorter


LEAD_FORMULA = re.compile(
    r"^(?:(?:(?=\d)(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日|[初中底末])?"
    r"|近日|日前|前天|昨天|昨日|今天|今日|前不久|近期|当天|当日|周[一二三四五六日])"
    r"(?:[上中下]午|晚间?|凌晨|早间)?(?:\d{1,2}时(?:\d{1,2}分)?)?"
    r"|据[^，。“”]{0,20}?(?:报道|消息|介绍|透露|显示|了解|统计)|(?:数据|资料|调查|统计)显示"
    r"|记者[^，。“”]{0,20}?(?:获悉|了解到|获知|统计))[，：]"
)
"""5月4日，…… 26日上午，…… 近日，…… 据新华社报道，…… 数据显示，…… 记者从市教育局获悉，……: when,
and who told the reporter; never the part of a sentence a summary cut to its clauses keeps (as the
dateline is never kept). 10月1日起，…… (from when a rule holds) and 截至3月底，…… are news."""


def clauses(sentence: str) -> list[tuple[int, int]]:
    """The clauses of ``sentence`` as (start, end) offsets: cut at ``CLAUSE_MARKS`` outside brackets
    and quotes, each end at its mark (left out), the last one's at the sentence's end."""
    out: list[tuple[int, int]] = []
    start = 0
    closing: list[str] = []
    for i, c in enumerate(sentence):
        if closing and c == closing[-1]:
            closing.pop()
        elif c in BRACKETS:
            closing.append(BRACKETS[c])
        elif c in CLAUSE_MARKS and not closing:
            out.append((start, i))
            start = i + 1
    out.append((start, len(sentence)))
    return out


def parts(sentence: str, chars: int | None) -> list[tuple[str, bool]]:
    """What of ``sentence`` may stand in ``chars``: the whole sentence, if it fits; else every run of
    its clauses that fits, ended with …… unless it runs to the sentence's end, each with whether it
    starts inside the sentence (after a clause that is not a ``LEAD_FORMULA``); a run never starts
    with a ``LEAD_FORMULA``."""
    if chars is None or length(sentence) <= chars:
        return [(sentence, False)]
    spans = clauses(sentence)
    formula = LEAD_FORMULA.match(sentence)
    counted = list(itertools.accumulate((not c.isspace() for c in sentence), initial=0))  # length() of heads
    out = []
    for i, (start, _) in enumerate(spans):
        if i == 0 and formula:
            continue  # when, and who told: never what a cut sentence keeps
        inside = i > 0 and not (i == 1 and formula)
        for j in range(i, len(spans)):
            last = j == len(spans) - 1
            end = len(sentence) if last else spans[j][1]
            kept = counted[end] - counted[start]
            if kept + (0 if last else len(ELLIPSIS)) > chars:
                break
            if kept and not (i == 0 and last):
                text = sentence[start:] if last else sentence[start:end].rstrip() + ELLIPSIS
                out.append((text.lstrip(), inside))
    return out


def part_of_lead(sentence: str, chars: int | None) -> str | None:
    """The lead baseline's first sentence: all of it when it fits, else ``clause_cut`` of it."""
    return sentence if chars is None or length(sentence) <= chars else clause_cut(sentence, chars)


def clause_cut(sentence: str, chars: int) -> str | None:
    """The longest head of ``sentence`` that ends at a clause mark outside brackets and quotes, the
    mark replaced by ……, in at most ``chars`` characters; None when not even the first clause fits."""
    best = None
    for _, end in clauses(sentence)[:-1]:  # each clause that a mark ends
        head = sentence[:end].rstrip()
        if length(head) + len(ELLIPSIS) > chars:
            break
        if head:
            best = head + ELLIPSIS
    return best


def _ended(text: str) -> bool:
    return text.rstrip().rstrip(CLOSING_MARKS)[-1:] in END_MARKS


# --- keywords ------------------------------------------------------------------------------------


def keywords_of(text: str, k: int) -> list[tuple[str, float]]:
    """The ``k`` words of ``text`` with the highest TF-IDF (jieba's IDF table), best first, stop
    words and figures left out; weights rounded to 4 places."""
    tags = _tfidf().extract_tags(text, topK=None, withWeight=True)
    return [(w, round(weight, 4)) for w, weight in tags if _is_keyword(w)][:k]


@functools.cache
def _tfidf() -> TFIDF:
    """jieba's TF-IDF extractor, quiet: our tokenizer (see :mod:`bulletin.words`) and stop words.

    A shallow copy of jieba's default, which shares its IDF table instead of reading it again.
    """
    import jieba.analyse

    from bulletin.words import tokenizer

    extractor = copy.copy(jieba.analyse.default_tfidf)
    extractor.tokenizer = tokenizer()
    extractor.stop_words = set(extractor.stop_words) | STOP_WORDS
    return extractor


def _is_keyword(word: str) -> bool:
    return any(c.isalpha() and c not in NUMBERS for c in word)
