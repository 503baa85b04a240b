"""The parts of one headline run, read by a small learned model: which lines are the kicker (引题),
which the title (主题), which the subtitle (副题), and which line goes on the element of the line
above it (a wrapped line or a second phrase) rather than starting one of its own.

The shape is GROBID's: a feature function over one line in its run (form only: length, width
against its neighbours, position, punctuation at its ends, cue-table hits, blank lines around it,
never the words of particular articles), one label per line in ``LABELS``, per-label linear scores
fitted as a linear-chain CRF by ``python -m bulletin.segment.train``: the likelihood of the gold
sequence among all the grammar allows), and a Viterbi decoding under the grammar of a headline,
``K* T+ S* B*`` with one element of each and the writer's lines last (``GRAMMAR``).

The weights are data, ``bulletin/data/headline_model.json``, read on first use; nothing here needs
numpy or scikit-learn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from bulletin import patterns
from bulletin.lazyre import lazy  # compiled on first use: split's start-up pays nothing
from bulletin.model import Block
from bulletin.reflow import INDENT_CHARS, display_width
from bulletin.segment.thresholds import THRESHOLDS

MODEL_PATH = Path(__file__).parent.parent / "data" / "headline_model.json"
MODEL_VERSION = 2
"""Bumped when the features or labels change meaning: a model file of another version is refused."""

LABELS = ("K-start", "K-cont", "T-start", "T-cont", "S-start", "S-cont", "B")
"""Per line: the part it belongs to (K kicker, T title, S subtitle) and whether it starts that
part's one element or goes on the element of the line above (wrapped, or a second phrase); ``B``:
a line under the headline that is none of its parts, the writer's name or office (建达, 水利部部长
钮茂生) set with the headline, or a body's name that kicks off another story the page's reading order
set apart from it (新华社, 中国电影评论学会), which goes to the article's bylines."""

GRAMMAR: dict[str | None, tuple[str, ...]] = {
    None: ("K-start", "T-start"),  # a run opens with its kicker or its title
    "K-start": ("K-cont", "T-start"),
    "K-cont": ("K-cont", "T-start"),
    "T-start": ("T-cont", "S-start", "B"),
    "T-cont": ("T-cont", "S-start", "B"),
    "S-start": ("S-cont", "B"),
    "S-cont": ("S-cont", "B"),
    "B": ("B",),
}
"""Which label may follow which: at most one kicker, exactly one title, at most one subtitle, in
that order, then the writer's lines (``K* T+ S* B*``)."""
ONE_PER_LINE = {prev: tuple(x for x in nxt if not x.endswith("-cont")) for prev, nxt in GRAMMAR.items()}
"""The grammar of a page that gives each headline element a line of its own (e-paper copy: 引题,
主题, 副题 each on one line): no line goes on the element above it."""
FINAL = frozenset({"T-start", "T-cont", "S-start", "S-cont", "B"})
"""A run ends once it has its title."""

PRIORS: dict[str, dict[str, float]] = {
    "T-cont": {
        # On a page that parts headline elements by blank lines, two short phrases set tight are
        # one title (以书为伴 / “阅”享生活, 春光正好 / 农事正忙). The corpus's 1998 pages, all made
        # from one paper, set a place as a kicker over its title in that form (海南岛 / 投入——播种
        # 希望) and outvote the county pages; the county papers' habit is said here by hand.
        "ph-tight&phrases": 4.0,
        # On such a page a blank line parts two elements: that is what makes it "phrased".
        "ph-blank": -3.0,
        # A column cuts a title into lines of one width (县城新建了三座口袋公园 / 老旧小区加装电梯
        # 二十部: a roundup's title); the cue tables read 小区 as a place and 部 as a body there.
        "np-tight:same": 2.0,
        # A line ending in a dash closes its element (全县上下热议乡村振兴新举措—— / 让农家院里飘出
        # 好日子: the kicker, then the title). The 1998 pages cut some titles after a dash (历史深处
        # 的回音—— / 读《…》), which the county papers never do.
        "prev:end:dash": -3.0,
        # A column tag set on a line of its own under its title (让好政策落到田间地头 / （人民时评））
        # is the title's, as when it closes the title's line; the training pages never set one so.
        "tag_line": 3.0,
    },
    "S-start": {
        # A subtitle opens with a dash (——记南京东路警察署) and a kicker ends with one (…引起热烈
        # 反响——): a few dozen of the training runs show either, too few for the fit to trust the
        # cue as county pages do, where it never fails (patterns.SUBTITLE_OPENERS).
        "start:dash": 3.0,
        # A line opening with a verb of saying (指出…, 强调…) goes on the title's sentence with what
        # was said: the training pages set few such subtitles, the county papers many.
        "start:speech": 3.0,
        # A line narrower than the next after a wrapped one ends the title that wrapped: the next
        # line starts an element (忠诚的…无产 / 阶级革命家 / 刘澜涛同志遗体在京火化).
        "after_wrapped_tail": 3.0,
        # Who attended or spoke (韩正参加会见, 刘鹤出席并讲话) under the title that says what
        # happened, and a speech's or a document's date in brackets: subtitles (patterns).
        "cue:attendance": 3.0,
        "cue:dated": 6.0,  # (more than a bracketed tag ending a title line weighs against it)
    },
    # A line saying that someone spoke (…并作讲话强调) kicks off the title that says what was said.
    "K-start": {"end:dash": 3.0, "cue:speech": 3.0},
    "T-start": {
        # A title's wrapped lines are equally wide: a first line wider than the second, in a run of
        # three or more, stands alone as the kicker (哥斯达黎加波阿斯 / “花园”景美 / 游客多——…).
        "np-tight&first_vs_second:narrower": 3.0,
        # A line of a few characters under one four times as wide is no title (全县经济发展战略
        # 研讨会召开 / 县委办): a title is the widest line of its run or near it.
        "width/widest:0": -3.0,
    },
    # The writer's office and name under a title (县委书记孙立华, 水利部部长钮茂生), or a byline the
    # cue tables know (本报记者 王晓东), is the article's byline: a title does not end in a name.
    # The training pages show a dozen such lines, too few for the fit to outweigh a title's tail.
    "B": {
        "cue:author": 3.0,
        "cue:byline": 3.0,
        # Two matched phrases of a title (传承雷锋精神 共建幸福家园) are no writers' names, which
        # the fit may read them as: names spaced apart (姚祥明 羊盘初) share the couplet's form, but
        # a name has two or three characters and a phrase four and more (``PHRASE_MIN``).
        "couplet:phrases": -3.0,
    },
    "K-cont": {"ph-blank": -3.0},
    "S-cont": {"ph-blank": -3.0},
}
"""Hand-set weights added to the fitted ones at run time, each with its reason: the habits of the
pages a newsroom cares about that the training pages do not show."""

LENGTH_BUCKETS = (2, 4, 6, 8, 12, 16, 24)
"""Upper bounds of the length classes: a kicker or a subtitle tail is short, a title mid-length,
a subtitle long; a learned weight per class, not a threshold."""

SPACES = INDENT_CHARS
DASHES = ("——", "—", "－－", "--")
SPEECH_OPENINGS = ("指出", "强调", "提出", "表示", "要求")
"""Verbs of saying that open a line going on the sentence of the title above it (江泽民观看话剧… /
指出优秀的艺术作品…): the subtitle says what was said; no title opens with one."""
TAG_END_RE = lazy(rf"[（(][^（）()]{{1,{THRESHOLDS.tag_max}}}[)）]$")
SENTENCE_PUNCT = frozenset("，、；")
ENDINGS = {"——": "dash", "：": "colon", "！": "bang", "？": "ask", "，": "comma", "。": "stop", "”": "quote"}
"""Line endings each with a weight of its own: a kicker often ends with —— or ：, a title with ！ or ？."""


def _ending(t: str) -> str | None:
    for end, name in ENDINGS.items():
        if t.endswith(end):
            return name
    return None


def _bucket(n: int) -> str:
    for top in LENGTH_BUCKETS:
        if n <= top:
            return f"len<={top}"
    return f"len>{LENGTH_BUCKETS[-1]}"


def wraps(ta: str, tb: str) -> bool:
    """``tb`` is the rest of ``ta`` cut at the headline's width (``form.lines_wrap`` on texts)."""
    if len(tb) <= THRESHOLDS.tail_max and len(ta) > len(tb):
        return True
    return len(ta) >= THRESHOLDS.wrap_min and display_width(ta) >= display_width(tb)


def _compare(name: str, w: int, other: int) -> str:
    same = THRESHOLDS.width_same
    if other > w + same:
        return f"{name}:wider"
    if other < w - same:
        return f"{name}:narrower"
    return f"{name}:same"


RATIOS = (0.5, 0.8, 1.25, 2.0)
"""Bounds of the classes of a line's length against its neighbour's: much shorter, shorter, as
long, longer, much longer (a kicker over a shorter title, a name under a title); a learned weight
per class."""


def _ratio(name: str, n: int, other: int) -> str:
    r = n / max(1, other)
    k = sum(r > bound for bound in RATIOS)
    return f"{name}:{k}"


def line_facts(t: str) -> list[str]:
    """The binary features of one line on its own (its form, its cue-table hits)."""
    facts = [_bucket(len(t))]
    end = _ending(t)
    if end:
        facts.append(f"end:{end}")
    if t.startswith(DASHES):
        facts.append("start:dash")
    if t.startswith(SPEECH_OPENINGS):
        facts.append("start:speech")
    if "“" in t or "”" in t or '"' in t:
        facts.append("quotes")
    if "《" in t:
        facts.append("book")
    if "（" in t or "(" in t:
        facts.append("bracket")
    if TAG_END_RE.search(t):
        facts.append("end:tag")
    if " " in t or "\u3000" in t:
        facts.append("space")
    if any(c.isdigit() for c in t):
        facts.append("digits")
    commas = sum(c in SENTENCE_PUNCT for c in t)
    if commas:
        facts.append("commas:1" if commas == 1 else "commas:2+")
    if "：" in t[:-1] or ":" in t[:-1]:
        facts.append("colon_inside")
    if patterns.is_kicker_name(t) and len(t) <= THRESHOLDS.kicker_max:
        facts.append("cue:kicker_name")
    facts.extend(name for name, fires in CUE_FACTS if fires(t))
    if "cue:couplet" in facts and min(map(len, t.split())) >= PHRASE_MIN:
        facts.append("couplet:phrases")
    return facts


PHRASE_MIN = 4
"""A phrase of a couplet (传承雷锋精神 共建幸福家园) has at least this many characters; a name
(姚祥明 羊盘初) fewer."""


CUE_FACTS: tuple[tuple[str, Callable[[str], object]], ...] = (
    ("cue:couplet", lambda t: patterns.KICKER_COUPLET_RE.match(t)),
    ("cue:actor", lambda t: patterns.ACTOR_OPENING_RE.match(t)),
    ("cue:names", patterns.is_bare_names),
    ("cue:speech", patterns.ends_with_speech),
    ("cue:attendance", patterns.names_attendance),
    ("cue:dated", patterns.is_dated_line),
    ("cue:byline", patterns.is_byline),
    ("cue:author", patterns.is_author_line),
)
"""The cue tables a headline line is read against, each a feature of its own (in this order) when it
fires: the tables are features of the model, never verdicts."""


EPAPER_FEATURES = ("len<=", "len>", "np-tight&len/prev", "next:", "prev:", "pos:", "space", "end:", "commas")
"""Features that get a twin of their own on a page giving each headline element a line (e-paper
copy: 引题, 主题, 副题 one a line, ``one_per_line``), where the habits differ from a page that
wraps them (a kicker there is as long as a sentence, a title a short slogan): the fit weighs the
twin from such pages and the plain feature from all."""


def run_features(
    lines: Sequence[Block], phrased: bool, one_per_line: bool = False, wrapped: bool = True
) -> list[dict[str, float]]:
    """One feature record per line of a headline run (bylines left out by the caller);
    ``one_per_line``: the page gives each headline element a line of its own; ``wrapped``: the page
    is cut at a column's width (else no line is the rest of the line above it)."""
    texts = [b.text.strip(SPACES) for b in lines]
    widths = [display_width(t) for t in texts]
    widest = max(widths) or 1
    scale = THRESHOLDS.len_scale
    n = len(lines)
    own = [line_facts(t) for t in texts]
    out: list[dict[str, float]] = []
    for i, (b, t, w) in enumerate(zip(lines, texts, widths)):
        f: dict[str, float] = {"bias": 1.0, "len": min(len(t), scale) / scale, "width/widest": w / widest}
        for x in own[i]:
            f[x] = 1.0
        f[f"pos:{min(i, 3)}"] = 1.0
        f[f"n:{min(n, 5)}"] = 1.0
        f[f"pos:{min(i, 3)}/n:{min(n, 4)}"] = 1.0
        if i == n - 1:
            f["pos:last"] = 1.0
            if i and "cue:kicker_name" in own[i]:
                f["last&cue:kicker_name"] = 1.0  # a body's name under a title kicks off nothing
        if w == widest:
            f["widest"] = 1.0
        f[f"width/widest:{min(4, int(4 * w / widest))}"] = 1.0  # a quarter, a half... of the widest
        if phrased:
            f["phrased"] = 1.0
        if i > 0:
            p, tp = lines[i - 1], texts[i - 1]
            blank = b.first > p.last + 1
            gap = ("ph-" if phrased else "np-") + ("blank" if blank else "tight")
            f[_compare("prev", w, widths[i - 1])] = 1.0
            f[_compare(gap, w, widths[i - 1])] = 1.0
            f["blank_above" if blank else "tight_above"] = 1.0
            f[gap] = 1.0  # a blank line parts elements only where the page parts them so
            f[f"{gap}&prev:{_bucket(len(tp))}"] = 1.0
            f[f"{gap}&{_bucket(len(t))}"] = 1.0
            f[_ratio(f"{gap}&len/prev", len(t), len(tp))] = 1.0
            if patterns.is_column_tag_line(t):  # （人民时评） on its own line: the title's tag
                f["tag_line"] = 1.0
            elif patterns.is_names_only(t):  # 建达, 姚祥明 羊盘初 under a title: its writer, or its tail
                f["names_under:spaced" if " " in t or "\u3000" in t else "names_under"] = 1.0
            if wraps(tp, t) and (wrapped or abs(w - widths[i - 1]) <= THRESHOLDS.width_same):
                f["prev:wraps"] = 1.0  # (two lines of one width are a column's cut on any page)
                f[f"{gap}&prev:wraps"] = 1.0
            elif wraps(tp, t):
                f["unwrapped&prev:wraps"] = 1.0  # a page not cut at a width wraps no shorter line
            if len(t) <= THRESHOLDS.tail_max < len(tp):
                f["tail"] = 1.0
            for x in own[i - 1]:
                if x.startswith(("end:", "cue:", "start:", "len<=")):
                    f[f"prev:{x}"] = 1.0
                if x.startswith("cue:"):
                    f[f"{gap}&prev:{x}"] = 1.0
            if "cue:kicker_name" not in own[i - 1] and "cue:couplet" not in own[i - 1]:
                f[f"{gap}&prev:no_kicker_cue"] = 1.0  # no name of a place or a body above
                if max(len(tp), len(t)) <= THRESHOLDS.phrase_max and not _ending(tp):
                    f[f"{gap}&phrases"] = 1.0  # two short phrases: 以书为伴 / “阅”享生活
            if i >= 2 and wraps(texts[i - 2], tp) and widths[i - 1] < w - THRESHOLDS.width_same:
                f["after_wrapped_tail"] = 1.0  # 忠诚的…无产 / 阶级革命家 / 刘澜涛同志…: a new element
            if i == 1 and n >= 3:
                f[_compare("first_vs_second", widths[0], w)] = 1.0
                f[_compare(f"{gap}&first_vs_second", widths[0], w)] = 1.0
        if i + 1 < n:
            nb, tn = lines[i + 1], texts[i + 1]
            blank = nb.first > b.last + 1
            gap = ("ph-" if phrased else "np-") + ("blank" if blank else "tight")
            f[_compare("next", w, widths[i + 1])] = 1.0
            f[_compare(f"next-{gap}", w, widths[i + 1])] = 1.0
            f["blank_below" if blank else "tight_below"] = 1.0
            if phrased:
                f["phrased&blank_below" if blank else "phrased&tight_below"] = 1.0
            if wraps(t, tn):
                f["next:wraps"] = 1.0
            for x in own[i + 1]:
                if x.startswith(("start:", "cue:", "len<=")):
                    f[f"next:{x}"] = 1.0
        if one_per_line:
            f["epaper"] = 1.0
            f.update({f"ep&{x}": v for x, v in list(f.items()) if x.startswith(EPAPER_FEATURES)})
        out.append(f)
    return out


@cache
def load(path: str | None = None) -> dict:
    """The model file: ``{"version", "labels", "weights": {label: {feature: weight}}, ...}``."""
    import json  # only here: a page whose headlines are all one line never reads the model

    data = json.loads(Path(path or MODEL_PATH).read_text(encoding="utf-8"))
    if data.get("version") != MODEL_VERSION or tuple(data.get("labels", ())) != LABELS:
        raise ValueError(f"{path or MODEL_PATH}: headline model of another version")
    return data


def scores(features: dict[str, float], weights: dict[str, dict[str, float]]) -> dict[str, float]:
    """The linear score of each label for one line (fitted weights plus ``PRIORS``)."""
    return {
        label: sum(
            v * (weights[label].get(name, 0.0) + PRIORS.get(label, {}).get(name, 0.0))
            for name, v in features.items()
        )
        for label in LABELS
    }


def one_element_a_line(one_per_line: bool, n: int) -> bool:
    """Whether a run of ``n`` lines is read with ``ONE_PER_LINE`` (no line goes on the one above):
    on a page that gives each element a line, a run of at most three lines."""
    return one_per_line and n <= 3


SHOWN_FEATURES = 2
"""``label_reasons`` gives this many features per line: those that weigh most for its label."""


def label_reasons(
    lines: Sequence[Block],
    labels: Sequence[str],
    phrased: bool,
    one_per_line: bool = False,
    wrapped: bool = True,
) -> list[list[tuple[str, str]]]:
    """Why each line got its label (for ``split --explain``): the features that weigh most for it
    against the label that came closest on that line, as ``("model:" + feature, "+w over label")``.
    A run of one line is a title without reading the model: no reasons."""
    if len(lines) == 1:
        return [[]]
    weights = load()["weights"]

    def weight(label: str, name: str) -> float:
        return weights[label].get(name, 0.0) + PRIORS.get(label, {}).get(name, 0.0)

    out = []
    for f, label in zip(run_features(lines, phrased, one_per_line, wrapped), labels):
        line_scores = scores(f, weights)
        rival = max((x for x in LABELS if x != label), key=lambda x: line_scores[x])
        gains = sorted(((v * (weight(label, k) - weight(rival, k)), k) for k, v in f.items()), reverse=True)
        out.append(
            [(f"model:{k}", f"{g:+.2f} {label} over {rival}") for g, k in gains[:SHOWN_FEATURES] if g > 0]
        )
    return out


def paths(n: int, one_per_line: bool = False) -> list[tuple[str, ...]]:
    """Every label sequence of ``n`` lines the grammar allows: a kicker of ``a`` lines, a title of
    ``b`` >= 1, a subtitle of ``c``, the writer's lines the rest (a headline has a handful of lines)."""
    out = []
    for a in range(n):
        for b in range(1, n - a + 1):
            for c in range(n - a - b + 1):
                d = n - a - b - c
                out.append(
                    tuple(
                        (["K-start"] + ["K-cont"] * (a - 1) if a else [])
                        + ["T-start"]
                        + ["T-cont"] * (b - 1)
                        + (["S-start"] + ["S-cont"] * (c - 1) if c else [])
                        + ["B"] * d
                    )
                )
    if one_element_a_line(one_per_line, n):
        return [p for p in out if not any(y.endswith("-cont") for y in p)]
    return out


def decode(line_scores: list[dict[str, float]], grammar: dict = GRAMMAR) -> list[str]:
    """The best label sequence the grammar allows (Viterbi over the lines' scores)."""
    best: dict[str, tuple[float, list[str]]] = {}
    for label in grammar[None]:
        best[label] = (line_scores[0][label], [label])
    for s in line_scores[1:]:
        nxt: dict[str, tuple[float, list[str]]] = {}
        for prev, (total, path) in best.items():
            for label in grammar[prev]:
                cand = total + s[label]
                if label not in nxt or cand > nxt[label][0]:
                    nxt[label] = (cand, [*path, label])
        best = nxt
    finals = [(total, path) for label, (total, path) in best.items() if label in FINAL]
    return max(finals, key=lambda x: x[0])[1]


def label_run(
    lines: Sequence[Block],
    phrased: bool,
    model: dict | None = None,
    one_per_line: bool = False,
    wrapped: bool = True,
) -> list[str]:
    """One label of ``LABELS`` per line of a headline run; ``one_per_line``: the page gives each
    element a line (a run of more than three lines then still may wrap one)."""
    if len(lines) == 1:
        return ["T-start"]
    weights = (model or load())["weights"]
    grammar = ONE_PER_LINE if one_element_a_line(one_per_line, len(lines)) else GRAMMAR
    return decode([scores(f, weights) for f in run_features(lines, phrased, one_per_line, wrapped)], grammar)
