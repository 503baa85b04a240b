"""``bulletin summarize``: TextRank, the candidates, the choice under a budget, keywords, the command.

Expected values are worked by hand (a path graph's PageRank, a clause cut, a score from the table of
weights); the promises of the issue — never over ``--chars``, whole sentences only (the clause
fallback aside), original order, a budget filled as far as whole sentences allow — are properties
checked on generated texts.
"""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PAGE
from hypothesis import example, given
from hypothesis import strategies as st

import bulletin
from bulletin import newsrank, summary
from bulletin.errors import UsageError
from bulletin.model import Article
from bulletin.render.summary import render
from bulletin.sentences import split_sentences
from bulletin.summary import (
    CLAUSE_MARKS,
    ELLIPSIS,
    STOP_WORDS,
    Summary,
    bigrams,
    body_of,
    candidates,
    clause_cut,
    length,
    parts,
    score,
    select,
)
from bulletin.textrank import overlap, pagerank, rank

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "page-headline-after.txt"
REFERENCE = ROOT / "docs" / "summarize.md"
sys.path.insert(0, str(ROOT / "bench"))
import rouge  # noqa: E402


def one_line(text: str) -> str:
    lines = text.splitlines()
    assert len(lines) == 1, text
    return lines[0]


# textrank


def test_overlap_is_shared_terms_over_the_logs_of_the_sizes():
    assert overlap({"甲乙", "乙丙"}, {"乙丙", "丙丁", "丁戊"}) == pytest.approx(
        1 / (math.log(3) + math.log(4))
    )
    assert overlap({"甲乙"}, {"丙丁"}) == 0.0
    assert overlap(set(), {"丙丁"}) == 0.0


def test_pagerank_of_a_path():
    # a - b - c, equal weights: s_a = 0.15 + 0.85 s_b / 2 and s_b = 0.15 + 0.85 (s_a + s_c) give
    # s_a = s_c = 0.21375 / 0.2775, s_b = 0.15 + 1.7 s_a; scaled by s_b: a = c = 19/36.
    scores = pagerank([{1: 2.0}, {0: 2.0, 2: 2.0}, {1: 2.0}])
    assert scores == pytest.approx([19 / 36, 1.0, 19 / 36], abs=1e-5)


def test_pagerank_of_nothing_and_of_strangers():
    assert pagerank([]) == []
    assert rank([{"甲乙"}, {"丙丁"}]) == [1.0, 1.0]


# candidates


def test_body_drops_dateline_reporter_and_furniture():
    lines = [
        "标题",
        "图为县长在会上讲话。",
        "本报讯（记者 王五） 正文。",
        "责任编辑 赵六",
        "本报讯 本报驻美国记者张亮",
    ]
    assert body_of(lines, whole=True) == ["标题", "正文。"]
    lead = "本报北京1月3日电 记者罗茂城、刘裕国报道：近两年，成都市容整洁有序。"
    assert body_of([lead]) == ["近两年，成都市容整洁有序。"]
    # an Article's dateline is already off: the reporter goes from the front of the first paragraph
    assert body_of(["记者罗茂城报道：近两年，成都变了。", "记者罗茂城报道：不在第一段。"]) == [
        "近两年，成都变了。",
        "记者罗茂城报道：不在第一段。",
    ]


def test_candidates_are_whole_sentences_numbered_in_the_body():
    paragraphs = [
        "近两年，成都市容整洁有序。市民们说好。",  # 2: too short beside longer ones
        "一、加强领导",  # 3: a 小标题, no end mark
        "“我们很满意。”社区居民梁玉梅说。",  # 5: the speaker of the quotation before
        "全县共有乡镇十个。此后的工作会一直持续下去不会停下来的啊呀",  # 7: unended, but 20 long
    ]
    got = [(c.index, c.text) for c in candidates(paragraphs)]
    assert got == [
        (1, "近两年，成都市容整洁有序。"),
        (4, "“我们很满意。”"),
        (6, "全县共有乡镇十个。"),
        (7, "此后的工作会一直持续下去不会停下来的啊呀"),
    ]
    assert [c.text for c in candidates(["好。对！"])] == ["好。", "对！"]  # nothing longer: short ones stay


def test_bigrams_never_cross_punctuation():
    assert bigrams("平遥县，考核。县") == {"平遥", "遥县", "考核", "县"}


def test_length_leaves_out_white_space():
    assert length(" 平遥 县\u3000\n5G ") == 5


# ranking and choosing

PATH = "甲乙丙。乙丙丁。丙丁戊。"  # bigrams: a-b share 乙丙, b-c share 丙丁, a-c nothing: a path


NEWS = {name: w.value for name, w in newsrank.WEIGHTS.items()}


def test_score_is_the_table_of_weights():
    cands = candidates([PATH])
    central = [19 / 36, 1.0, 19 / 36]  # the path's PageRank, above
    lead = [1, 1 / 2, 1 / 3]
    expected = [NEWS["lead"] * p + NEWS["centrality"] * c for c, p in zip(central, lead)]
    assert score(cands) == pytest.approx(expected, abs=1e-5)
    assert score(cands, method="textrank") == pytest.approx(central, abs=1e-5)
    assert score(cands, method="lead") == lead
    # another table, as the fit tries: the lead prior alone
    alone = {name: float(name == "lead") for name in newsrank.FEATURES}
    assert score(cands, weights=alone) == pytest.approx(lead)


def test_the_features_of_news():
    texts = [
        "县里召开春耕备耕会议部署工作。",
        "“春耕不等人。”",
        "县长在会上说：“抓早抓实。”",
        "据了解，该县去年粮食增产。",
        "此前，县里已发放种子。",
    ]
    grams = [bigrams(t) for t in texts]
    feats = newsrank.features(texts, grams, bigrams("县里部署春耕备耕"))
    assert [f["lead"] for f in feats] == [1, 1 / 2, 1 / 3, 1 / 4, 1 / 5]
    assert [f["quotation"] for f in feats] == [0, 1, 1, 0, 0]
    assert [f["background"] for f in feats] == [0, 0, 0, 1, 1]
    # headline: bigrams shared over the bigrams of both; 县里 里部 部署 署春 春耕 耕备 备耕 against
    # the first sentence's 13: 县里 春耕 耕备 备耕 部署 shared, 7 + 13 - 5 = 15 in all
    assert feats[0]["headline"] == pytest.approx(5 / 15)
    assert feats[4]["headline"] == pytest.approx(1 / 13)  # 县里 of 此前 县里 里已 已发 发放 放种 种子
    assert all(f["headline"] == 0.0 for f in newsrank.features(texts, grams))  # no headline
    assert max(f["centrality"] for f in feats) == 1.0


def test_the_headline_lifts_the_sentence_that_shares_its_words():
    paragraphs = [
        "全县今年的天气总体偏暖偏湿降水偏多日照偏少对农业生产影响不大但要防范病虫害。",  # no fit, no clause
        "县里组织农技人员下乡指导。",
        "县里启动小麦春灌工作。",
    ]
    plain = bulletin.summarize("\n".join(paragraphs), chars=15, clean=False)
    assert plain.text == "县里组织农技人员下乡指导。"  # the earlier of the two that fit
    article = Article(1, "县里启动小麦春灌工作", paragraphs=paragraphs)
    assert bulletin.summarize(article, chars=15).text == "县里启动小麦春灌工作。"
    kicker = Article(1, "", kicker="县里启动小麦春灌工作", paragraphs=paragraphs)  # kicker, subtitle too
    assert bulletin.summarize(kicker, chars=15).text == "县里启动小麦春灌工作。"


def test_select_best_first_printed_in_reading_order():
    cands = candidates([PATH])
    scores = [0.1, 0.9, 0.5]
    # textrank: every sentence may follow the best
    assert [s.index for s in select(cands, scores, 2, None, "textrank")[0]] == [2, 3]
    assert [s.index for s in select(cands, scores, None, 8, "textrank")[0]] == [2, 3]
    assert [s.index for s in select(cands, scores, None, 7, "textrank")[0]] == [2]
    # news: only those of at least CHOICE["share"] of the best score (0.5 < 0.7 x 0.9)
    assert [s.index for s in select(cands, scores, None, 12)[0]] == [2]
    assert [s.index for s in select(cands, [0.1, 0.9, 0.7], None, 12)[0]] == [2, 3]
    # lead: reading order, whatever the scores, up to the first that does not fit
    assert [s.index for s in select(cands, scores, None, 8, "lead")[0]] == [1, 2]
    assert select(cands, scores, None, 3)[0] == []  # 4 characters each, no clause mark to cut at
    assert select(cands, scores, None, 3)[1] is True


def test_a_repeated_fact_is_taken_once():
    text = "县里召开春耕备耕会议。县里召开春耕备耕工作会议。会后各乡镇分头落实了任务。"
    cands = candidates([text])
    got, _ = select(cands, [1.0, 0.9, 0.8], 2, None)
    assert [s.index for s in got] == [1, 3]


def test_clause_cut():
    sentence = "去年以来，平遥县不断探索，完善考核机制。"
    assert clause_cut(sentence, 12) == "去年以来……"
    assert clause_cut(sentence, 14) == "去年以来，平遥县不断探索……"
    assert clause_cut(sentence, 5) is None
    quoted = "他说：“好，很好”，大家都笑了。"  # never inside the quotation
    assert clause_cut(quoted, 10) == "他说……"
    assert clause_cut(quoted, 11) == "他说：“好，很好”……"
    # nor inside a figure: half-width , and : are thousands and times there
    assert clause_cut("月薪5,200元，离家近，还能照顾孩子。", 12) == "月薪5,200元……"
    assert clause_cut("比赛7:30开跑，报名已经启动。", 10) == "比赛7:30开跑……"


def test_parts_are_runs_of_whole_clauses():
    sentence = "去年以来，平遥县不断探索，完善考核机制。"
    assert parts(sentence, 30) == [(sentence, False)]  # it fits: the sentence alone
    assert parts(sentence, 9) == [("去年以来……", False), ("平遥县不断探索……", True), ("完善考核机制。", True)]
    assert ("去年以来，平遥县不断探索……", False) in parts(sentence, 14)
    assert ("平遥县不断探索，完善考核机制。", True) in parts(sentence, 15)  # runs to the end: its own 。
    assert parts(sentence, 3) == []


@pytest.mark.parametrize(
    "opening",
    [
        "5月4日，",
        "26日上午，",
        "2014年3月14日，",
        "近日，",
        "据新华社报道，",
        "数据显示，",
        "记者从县教育局获悉，",
        "记者王五从县统计局获悉：",
    ],
)
def test_a_cut_never_keeps_the_date_or_source_it_opens_with(opening):
    sentence = opening + "平遥县出台综合考核办法，考核结果与干部任用挂钩。"
    got = parts(sentence, 14)
    assert got and not any(text.startswith(opening[:-1]) for text, _ in got)
    assert ("平遥县出台综合考核办法……", False) in got  # after the formula: not inside the sentence


def test_lead_formula_is_only_the_opening():
    assert not summary.LEAD_FORMULA.match("平遥县5月4日召开会议，部署工作。")
    assert not summary.LEAD_FORMULA.match("10月1日起，新规施行。")  # the news: from when it holds
    assert not summary.LEAD_FORMULA.match("截至3月底，全县已发放良种两万斤。")
    assert not summary.LEAD_FORMULA.match("12，13，14。")


def test_the_clause_fallback_when_no_sentence_fits():
    text = "去年以来，平遥县不断探索，完善考核机制。抓制度建设，严格制定考核办法和考核细则。"
    # no sentence fits in 14; the second scores under the share of the first, and of the first's
    # runs the one worth most is its longest head (14 characters; 平遥县不断探索…… 9, and inside)
    got = bulletin.summarize(text, chars=14, clean=False)
    assert got.text == "去年以来，平遥县不断探索……"
    assert [(s.index, s.cut) for s in got.sentences] == [(1, True)]
    nothing = bulletin.summarize(text, chars=4, clean=False)
    assert nothing.sentences == [] and nothing.unfit
    # lead: the first sentence's head, as lead has always been cut
    assert bulletin.summarize(text, chars=9, clean=False, method="lead").text == "去年以来……"


# the promises, on generated texts

CLAUSE = st.text(alphabet="县乡镇村民工作会议发展经济春耕备", min_size=1, max_size=10)
SENTENCE = st.builds(
    lambda clauses, mark, end: ("“" if end.endswith("”") else "") + mark.join(clauses) + end,
    st.lists(CLAUSE, min_size=1, max_size=4),
    st.sampled_from("，；：、"),
    st.sampled_from(["。", "！", "？", "……", "。”"]),
)
TEXT = st.lists(st.lists(SENTENCE, min_size=1, max_size=4).map("".join), min_size=1, max_size=5).map(
    "\n".join
)


def is_run_of_clauses(text: str, sentence: str) -> bool:
    """``text`` is whole clauses of ``sentence`` one after another: it starts at the sentence's start
    or after a clause mark, and ends with the sentence or is cut at a clause mark and ended with …….
    A text ending in …… is read both ways: the sentence may end in …… itself (乡，乡乡…… cut to 乡……)."""
    readings = [(text, False)] + ([(text[: -len(ELLIPSIS)], True)] if text.endswith(ELLIPSIS) else [])
    for body, cut in readings:
        for k in (m.start() for m in re.finditer(re.escape(body), sentence)):
            starts = not sentence[:k].strip() or sentence[:k].rstrip()[-1] in CLAUSE_MARKS
            rest = sentence[k + len(body) :].lstrip()
            if starts and (rest[:1] in tuple(CLAUSE_MARKS) if cut else not rest):
                return True
    return False


@given(TEXT, st.none() | st.integers(1, 80), st.none() | st.integers(1, 5), st.sampled_from(summary.METHODS))
@example("乡，乡乡……", 3, None, "lead")  # a sentence that ends in …… itself, cut at its first clause
def test_budget_whole_sentences_order_and_fill(text, chars, sentences, method):
    got = bulletin.summarize(text, chars=chars, sentences=sentences, clean=False, method=method)
    pieces = [p.text for line in text.split("\n") for p in split_sentences(line)]
    indexes = [s.index for s in got.sentences]
    assert indexes == sorted(set(indexes))  # original order, no sentence twice
    limit = sentences if sentences is not None else (3 if chars is None else None)
    assert limit is None or len(indexes) <= limit
    if chars is not None:
        assert length(got.text) <= chars
    cands = candidates(text.split("\n"))
    cut = [s for s in got.sentences if s.cut]
    assert len(cut) <= 1  # at most one sentence is cut: when it does not fit whole
    for s in got.sentences:
        whole = pieces[s.index - 1]
        assert is_run_of_clauses(s.text, whole) and (s.text != whole) == s.cut
        assert not s.cut or length(whole) > chars
    taken = [c for c in cands if c.index in indexes]
    if method == "lead" and got.sentences:  # the first sentences, in order: a cut only of the first
        assert indexes == [c.index for c in cands[: len(indexes)]]
        assert not cut or (len(indexes) == 1 and got.sentences[0].text == clause_cut(cands[0].text, chars))
    if method == "textrank" and chars is not None and not cut and (limit is None or len(indexes) < limit):
        # filled as far as whole sentences allow: any other candidate is too long or a repeat
        room = chars - length(got.text)
        for c in cands:
            if c.index not in indexes:
                assert c.length > room or any(summary._repeats(c, t) for t in taken)
    assert got.unfit == (chars is not None and not got.sentences and bool(cands))


def test_never_title_captions_byline_or_dateline():
    article = Article(
        index=2,
        title="县里召开春耕备耕会议",
        dateline="本报讯",
        byline="记者 王五",
        paragraphs=["记者王五报道：县里召开春耕备耕会议。会议安排了春耕备耕工作。"],
        captions=["图为县里召开春耕备耕会议的现场。"],
    )
    got = bulletin.summarize(article, sentences=5, method="lead")
    assert (got.index, got.title) == (2, "县里召开春耕备耕会议")
    assert got.text == "县里召开春耕备耕会议。会议安排了春耕备耕工作。"


def test_every_article_of_a_sample_page():
    page = bulletin.split(SAMPLE.read_text(encoding="utf-8"))
    for article in page.articles:
        got = bulletin.summarize(article, chars=60)
        assert 0 < length(got.text) <= 60
        body = "\n".join(article.paragraphs)
        assert all(s.text in body for s in got.sentences if not s.cut)
        assert article.title not in got.text


# the library call


def test_a_str_is_cleaned_first_unless_told():
    got = bulletin.summarize(PAGE)
    assert got.title is None and got.index == 1
    assert got.text.startswith("去年以来，平遥县不断探索、创新、完善考核机制，通过“四抓四严”")
    raw = bulletin.summarize("去年以来,平遥县不断探索.", clean=False)
    assert raw.sentences == []  # a half-width full stop ends no sentence: clean makes it 。


@pytest.mark.parametrize(
    "options", [{"sentences": 0}, {"chars": -1}, {"chars": 2.5}, {"keywords": -1}, {"terms": "trigrams"}]
)
def test_bad_options_are_usage_errors(options):
    with pytest.raises(UsageError):
        bulletin.summarize("县里召开会议。", **options)


def test_bulletin_summarize_is_the_function_after_the_module_is_imported():
    import bulletin.summary  # noqa: F401

    assert callable(bulletin.summarize)
    assert bulletin.summarize.__module__ == "bulletin.summary"


def test_words_as_terms_rank_too():
    got = bulletin.summarize(PAGE, sentences=1, terms="words", method="textrank")
    assert len(got.sentences) == 1


# keywords


def test_keywords_with_weights_best_first():
    article = Article(
        1,
        "南樊镇：小蒜苗铺就致富路",
        paragraphs=["初春时节，走进南樊镇西张村的蒜苗大棚，一垄垄蒜苗长势喜人。全村蒜苗种植面积达460亩。"],
    )
    got = bulletin.summarize(article, keywords=4).keywords
    assert len(got) == 4 and got[0][0] == "蒜苗"
    weights = [w for _, w in got]
    assert weights == sorted(weights, reverse=True) and all(isinstance(w, float) and w > 0 for w in weights)
    assert bulletin.summarize(article).keywords is None


def test_keywords_leave_out_stop_words_and_figures():
    text = "全县1997年新增3个乡镇，我们进行了认真检查。1997年全县检查了3个乡镇的粮仓。粮仓检查发现问题。"
    words = [w for w, _ in bulletin.summarize(text, keywords=10).keywords]
    assert "粮仓" in words and "检查" in words
    assert not set(words) & (STOP_WORDS | {"1997", "1997年", "3个", "全县"})
    assert all(summary._is_keyword(w) for w in words)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("1997年", False), ("万亩", False), ("第一", False), ("公里", False), ("十九大", True), ("PM2.5", True)],
)
def test_figures_are_no_keywords(word, expected):
    assert summary._is_keyword(word) is expected


# rendering

ONE = Summary(1, "县里召开会议", [summary.Sentence(1, "县里召开春耕会议。")], [("春耕", 0.5)])
UNTITLED = Summary(2, "", [summary.Sentence(3, "会议要求", cut=False), summary.Sentence(4, "抓落实。")])


def test_txt():
    assert (
        render([ONE, UNTITLED])
        == "县里召开会议\n县里召开春耕会议。\n关键词：春耕\n\n（无题）\n会议要求 抓落实。\n"
    )
    assert render([ONE], whole=True) == "县里召开春耕会议。\n关键词：春耕\n"
    assert render([ONE], source="a.txt", header=True).startswith("# a.txt\n\n县里召开会议\n")


def test_json_and_jsonl_are_the_contract():
    doc = json.loads(render([ONE, UNTITLED], "json", source="a.txt", encoding="gb18030"))
    assert list(doc) == ["source", "encoding", "articles"]
    assert doc["articles"][0] == {
        "index": 1,
        "title": "县里召开会议",
        "summary": "县里召开春耕会议。",
        "chars": 9,
        "sentences": [{"index": 1, "text": "县里召开春耕会议。", "cut": False}],
        "keywords": [{"word": "春耕", "weight": 0.5}],
    }
    assert doc["articles"][1]["keywords"] is None
    lines = [json.loads(line) for line in render([ONE, UNTITLED], "jsonl", source="a.txt").splitlines()]
    assert [list(line)[0] for line in lines] == ["source", "source"]
    assert lines[1] == {"source": "a.txt", **UNTITLED.to_dict()}


def test_md_escapes():
    starred = Summary(1, "*要闻*", [summary.Sentence(1, "#1 县里召开会议。")])
    assert render([starred], "md") == "# \\*要闻\\*\n\n\\#1 县里召开会议。\n"
    assert render([starred], "md", whole=True) == "\\#1 县里召开会议。\n"


# the command


def summaries_of(text: str, whole: bool = False, **options) -> list[Summary]:
    if whole:
        return [bulletin.summarize(text, **options)]
    return [bulletin.summarize(a, **options) for a in bulletin.split(text).articles]


def test_stdin_to_stdout(run):
    result = run("summarize", input=PAGE)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == render(summaries_of(PAGE)) and result.stderr == ""
    assert run("summarize", "-", input=PAGE).stdout == result.stdout


@pytest.mark.parametrize("fmt", ["txt", "json", "jsonl", "md"])
def test_each_format(run, page, fmt):
    result = run("summarize", "--chars", "40", "--keywords", "2", "-f", fmt, str(page))
    assert result.exit_code == 0, result.stderr
    expected = summaries_of(PAGE, chars=40, keywords=2)
    assert result.stdout == render(expected, fmt, source=str(page))


def test_whole_prints_the_summary_alone(run, page):
    result = run("summarize", "--whole", "--chars", "30", str(page))
    assert result.exit_code == 0
    # the first sentence (44 characters) cannot fit, and the other two (14 and 25) score under the
    # share of its: its longest head that fits
    assert one_line(result.stdout) == "去年以来，平遥县不断探索、创新、完善考核机制……"
    lead = run("summarize", "--whole", "--chars", "30", "--method", "lead", str(page))
    assert one_line(lead.stdout) == "去年以来，平遥县不断探索、创新、完善考核机制……"
    textrank = run("summarize", "--whole", "--chars", "30", "--method", "textrank", str(page))
    assert one_line(textrank.stdout) == "平遥县制定出台《平遥县2023年度综合考核办法》。"


def test_several_files_and_a_missing_one(run, page, other, tmp_path):
    missing = tmp_path / "missing.txt"
    result = run("summarize", "--format", "jsonl", str(page), str(missing), str(other))
    assert result.exit_code == 1
    assert one_line(result.stderr) == f"bulletin: {missing}: No such file or directory"
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()][-1] == str(other)
    txt = run("summarize", str(page), str(other)).stdout
    assert txt.startswith(f"# {page}\n\n") and f"\n# {other}\n\n" in txt


def test_a_budget_nothing_fits_in_warns(run):
    result = run("summarize", "--whole", "--chars", "4", input="去年以来，平遥县不断探索，完善考核机制。\n")
    assert result.exit_code == 0
    assert result.stdout == "\n"
    assert (
        one_line(result.stderr) == "bulletin: <stdin>: not even one clause fits in 4 characters; no summary"
    )


@pytest.mark.parametrize(
    "args",
    [["--chars", "0"], ["--sentences", "0"], ["--keywords", "-1"], ["-f", "csv"], ["--encoding", "nope"]],
)
def test_usage_errors(run, page, args):
    result = run("summarize", *args, str(page))
    assert result.exit_code == 2
    assert one_line(result.stderr).startswith("bulletin: summarize: ")
    assert result.stdout == ""


def test_every_option_is_on_its_page(run):
    help_text = run("summarize", "--help").stdout
    options = set(re.findall(r"(?<![\w-])(--?[a-zA-Z][a-zA-Z-]*)", help_text.split("Options:")[1]))
    section = REFERENCE.read_text(encoding="utf-8")
    assert not sorted(o for o in options - {"-h", "--help"} if o not in section)


def test_a_real_pipe():
    """``bulletin summarize --whole --chars 60 - < a.txt``: one line for a script, nothing else."""
    done = subprocess.run(
        [sys.executable, "-m", "bulletin", "summarize", "--whole", "--chars", "60", "-"],
        input=SAMPLE.read_bytes(),
        capture_output=True,
        check=True,
    )
    assert done.stderr == b""
    assert 0 < length(one_line(done.stdout.decode("utf-8"))) <= 60


def test_keywords_are_quiet(capfd):
    """jieba's default tokenizer, which logs to stderr and caches in /tmp, is never woken: the
    keywords use ours (bulletin.words: quiet, cached in the user's folder)."""
    import jieba

    bulletin.summarize("县里召开春耕备耕会议，部署春耕备耕工作。", keywords=3)
    assert not jieba.dt.initialized
    assert capfd.readouterr().err == ""


# the bench's ROUGE, on a worked example


def test_rouge_by_hand():
    # summary 县召开会议 / reference 县里召开工作会议 (punctuation and spaces left out):
    # unigrams in common 县召开会议 = 5 of 5 and of 8: F1 = 2 * 1 * 5/8 / (1 + 5/8) = 10/13
    # bigrams in common 召开 会议 = 2 of 4 and of 7: F1 = 2 * 1/2 * 2/7 / (1/2 + 2/7) = 4/11
    # LCS 县召开会议 = 5: as ROUGE-1
    got = rouge.scores("县 召开会议。", "县里召开，工作会议")
    assert got == pytest.approx({"R1": 10 / 13, "R2": 4 / 11, "RL": 10 / 13})
    assert rouge.lcs("ABCBDAB", "BDCABA") == 4
    assert rouge.scores("", "县里") == {"R1": 0.0, "R2": 0.0, "RL": 0.0}


def test_the_cli_offers_the_library_s_methods():
    from typing import get_args

    from bulletin import cli

    assert set(get_args(cli.Method)) == set(summary.METHODS) and get_args(cli.Method)[0] == "news"


def _pagerank_by_definition(edges, damping=0.85):
    # the textbook loop, written plainly: pagerank must give these floats to the last bit
    n = len(edges)
    strength = [sum(row.values()) for row in edges]
    scores = [1.0] * n
    for _ in range(100):
        share = [s / w if w else 0.0 for s, w in zip(scores, strength)]
        new = [(1 - damping) + damping * sum(share[j] * w for j, w in row.items()) for row in edges]
        moved = max(abs(x - y) for x, y in zip(new, scores))
        scores = new
        if moved < 1e-6:
            break
    top = max(scores)
    return [s / top for s in scores]


@given(st.lists(st.frozensets(st.sampled_from("甲乙丙丁戊己庚辛"), max_size=6), min_size=1, max_size=12))
def test_pagerank_gives_the_definitions_floats_exactly(sets):
    edges: list[dict[int, float]] = [{} for _ in sets]
    for i, a in enumerate(sets):
        for j in range(i + 1, len(sets)):
            if a & sets[j]:
                edges[i][j] = edges[j][i] = overlap(a, sets[j])
    assert pagerank(edges) == _pagerank_by_definition(edges)  # isolated nodes included


@given(st.text(alphabet="县委 \u3000\t\n，a"))
def test_length_is_every_character_but_white_space(text):
    assert summary.length(text) == sum(1 for c in text if not c.isspace())
