"""``bulletin count``: every figure on hand-counted texts, counts that add up (page = articles + notes),
the command's formats and errors, and no jieba unless words are asked for."""

from __future__ import annotations

import csv
import dataclasses
import importlib
import io
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import OTHER, PAGE
from hypothesis import given
from hypothesis import strategies as st

import bulletin
from bulletin.counts import DEFAULT_RATE, FIGURES, KEYS, TALLIES, Counts, add_up, count, count_file
from bulletin.model import Article, Page
from bulletin.render import counts as count_render
from bulletin.stopwords import STOPWORDS

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
REFERENCE = (ROOT / "docs" / "count.md").read_text(encoding="utf-8")
CASES = json.loads((ROOT / "tests" / "cases" / "count.json").read_text(encoding="utf-8"))
LAYOUT = {"lines", "paragraphs", "chars_with_spaces"}  # the figures that depend on where lines break


def raw(path: Path) -> str:
    return bulletin.decode(path.read_bytes()).text


# every figure, counted by hand


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_hand_counted(case):
    assert set(case["expected"]) == set(TALLIES), "a case gives every figure"
    figures = count(case["text"]).to_dict()
    assert {key: figures[key] for key in TALLIES} == case["expected"], case["comment"]
    assert figures["words"] is None


def test_words_reading_time_and_top_by_hand():
    counts = count("全县10个乡镇，今天开展活动。全县今天", words=True)
    assert counts.words == 9  # 全县 10 个 乡镇 今天 开展 活动 全县 今天: no ，。
    assert counts.vocabulary == Counter(
        {"全县": 2, "今天": 2, "10": 1, "个": 1, "乡镇": 1, "开展": 1, "活动": 1}
    )
    assert counts.top(3) == [("乡镇", 1), ("活动", 1)]  # 10 is a number; 全县 个 今天 开展 stop words
    assert counts.top(2, stopwords=frozenset({"全县"})) == [("今天", 2), ("个", 1)]
    assert counts.word_count == 18
    assert counts.reading_minutes == 18 / DEFAULT_RATE
    assert count("全县10个乡镇", rate=30).to_dict()["reading_minutes"] == 0.2  # 6 / 30
    assert count(PAGE).top(5) == []  # no words counted, none to list


def test_the_figure_table_is_the_json_contract():
    assert KEYS == (
        "han",
        "cjk_punct",
        "digit_runs",
        "latin_words",
        "word_count",
        "chars_no_spaces",
        "chars_with_spaces",
        "paragraphs",
        "lines",
        "non_chinese_words",
        "chinese_chars",
        "sentences",
        "words",
        "reading_minutes",
    )
    assert list(count("甲").to_dict()) == list(KEYS)
    assert all(f.label and f.definition and "\n" not in f.definition for f in FIGURES)


def test_bad_rate_and_mixed_rates():
    with pytest.raises(ValueError, match="rate"):
        count("甲", rate=0)
    with pytest.raises(ValueError, match="字 per minute"):
        count("甲", rate=300) + count("乙", rate=400)


def test_the_library_names():
    assert bulletin.count("平遥县，PM2.5。").word_count == 6
    assert bulletin.Counts is Counts
    importlib.import_module("bulletin.counts")  # importing the submodule must not hide the function

    assert callable(bulletin.count)
    assert {"count", "Counts"} <= set(bulletin.__all__)


# counts add up


LINE = st.text(alphabet="县乡镇，。！？…“”、· 　abcXYZ0129.,:-'%한かＡ", min_size=1, max_size=30)


@given(st.lists(LINE.filter(lambda s: "\n" not in s), min_size=1, max_size=6))
def test_counts_add_up_over_lines(lines):
    whole = count("\n".join(lines))
    assert whole == add_up(count(line) for line in lines)


# the figures are counted a chunk at a time (bounded memory): the same as over the whole text at once


def whole_text_counts(text: str) -> dict[str, int]:
    """The tallies by their definitions, over the whole text in one go (as count did before it
    streamed): the oracle the chunked count must equal."""
    from bulletin import counts as c
    from bulletin.sentences import split_sentences

    lines = text.splitlines()
    runs = re.findall(rf"[^\s{c.EAST_ASIAN}]+", text)
    non_chinese = sum(1 for run in runs if any(ch.isalnum() for ch in run))
    han = len(re.findall(f"[{c.HAN}]", text))
    punct = len(re.findall(f"[{c.CHINESE_PUNCTUATION}]", text))
    chinese = han + punct + len(re.findall(f"[{c.OTHER_EAST_ASIAN}]", text))
    chinese += len(re.findall(f"[{c.HANGUL}]+", text))
    return {
        "han": han,
        "cjk_punct": punct,
        "digit_runs": len(c._DIGIT_RUN.findall(text)),
        "latin_words": len(c._LATIN_WORD.findall(text)),
        "word_count": chinese + non_chinese,
        "chars_no_spaces": len(text) - len(re.findall(r"\s", text)),
        "chars_with_spaces": sum(map(len, lines)),
        "paragraphs": sum(1 for line in lines if line.strip()),
        "lines": len(lines),
        "non_chinese_words": non_chinese,
        "chinese_chars": chinese,
        "sentences": sum(1 for s in split_sentences(text) if s.ended),
    }


TEXT = st.text(alphabet="县乡镇，。！？…“”、· 　abcXYZ0129.,:-'%한かＡ\n\r\f\t\u2028", max_size=200)


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_chunked_counts_equal_whole_text_counts_on_the_samples(path, monkeypatch):
    text = raw(path)
    expected = whole_text_counts(text)
    assert {k: count(text).to_dict()[k] for k in TALLIES} == expected
    monkeypatch.setattr("bulletin.counts.CHUNK", 7)  # many chunks, each cut after a line break
    assert {k: count(text).to_dict()[k] for k in TALLIES} == expected


@given(TEXT, st.integers(1, 50))
def test_chunked_counts_equal_whole_text_counts_on_any_text(text, size):
    from bulletin import counts

    assert "".join(counts.chunks(text, size)) == text
    assert all(piece.endswith("\n") for piece in list(counts.chunks(text, size))[:-1])
    expected = whole_text_counts(text)
    assert {k: count(text).to_dict()[k] for k in TALLIES} == expected
    old = counts.CHUNK
    counts.CHUNK = size
    try:
        assert {k: count(text).to_dict()[k] for k in TALLIES} == expected
    finally:
        counts.CHUNK = old


def test_counting_a_long_text_holds_no_string_per_character():
    import tracemalloc

    text = "全县今年新修农村公路一百二十公里，乡镇通客车率达到百分之百。\n" * 20_000  # 640 000 characters
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        counts = count(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert counts.han == 28 * 20_000 and counts.sentences == 20_000
    assert peak < 2_000_000  # a chunk's worth (findall built 28 strings a line: ~40 MB here)


@given(LINE)
def test_word_count_is_chinese_plus_non_chinese(text):
    c = count(text)
    assert c.word_count == c.chinese_chars + c.non_chinese_words
    assert c.han + c.cjk_punct <= c.chinese_chars
    assert c.chars_no_spaces <= c.chars_with_spaces
    assert c.paragraphs <= c.lines
    assert c.non_chinese_words <= c.digit_runs + c.latin_words  # here every run has an ASCII letter or digit


PART = st.text(alphabet="县乡镇春耕，。“”、 ab12", min_size=0, max_size=12)
ARTICLE = st.builds(
    Article,
    index=st.integers(1, 9),
    title=PART,
    kicker=st.none() | PART,
    subtitle=st.none() | PART,
    section=st.none() | PART,
    dateline=st.none() | PART,
    byline=st.none() | PART,
    paragraphs=st.lists(PART, max_size=4),
    captions=st.lists(PART, max_size=2),
)


@given(st.builds(Page, articles=st.lists(ARTICLE, max_size=4), notes=st.lists(PART, max_size=3)))
def test_a_page_is_the_sum_of_its_articles_and_notes(page):
    notes = count("\n".join(note for note in page.notes if note))
    assert count(page) == add_up([*(count(a) for a in page.articles), notes])
    for article in page.articles:  # the section marker is the page's note: never counted twice
        assert count(article) == count(dataclasses.replace(article, section=None))


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_each_sample_page_is_its_articles_plus_notes(path):
    text = raw(path)
    page = bulletin.split(text)
    by_article = count_file(text, by="article", words=True)
    assert [index for index, _, _ in by_article.articles] == [a.index for a in page.articles]
    assert by_article.counts == count(page, words=True)
    assert by_article.counts.vocabulary == count(page, words=True).vocabulary
    # and the page split into articles has the characters and words of the cleaned text
    whole = count_file(text, words=True).counts.to_dict()
    parts = by_article.counts.to_dict()
    assert {k: whole[k] for k in KEYS if k not in LAYOUT} == {k: parts[k] for k in KEYS if k not in LAYOUT}


# the command


def lines_of(result) -> list[str]:
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def plain(counts: Counts, label: str) -> str:
    numbers = [counts.paragraphs, counts.sentences, *([counts.words] if counts.words is not None else [])]
    return " ".join(f"{n:>7}" for n in [*numbers, counts.word_count]) + " " + label


def test_stdin_gives_a_wc_line(run):
    assert lines_of(run("count", input=PAGE)) == [plain(count(bulletin.clean(PAGE)), "<stdin>")]
    assert run("count", "-", input=PAGE).stdout == run("count", input=PAGE).stdout


def test_several_files_and_a_total(run, page, other):
    a, b = count(bulletin.clean(PAGE)), count(bulletin.clean(OTHER))
    assert lines_of(run("count", str(page), str(other))) == [
        plain(a, str(page)),
        plain(b, str(other)),
        plain(a + b, "total"),
    ]


def test_a_missing_file_is_one_error_and_the_others_are_counted(run, page):
    result = run("count", "missing.txt", str(page))
    assert result.exit_code == 1
    assert result.stderr == "bulletin: missing.txt: No such file or directory\n"
    assert result.stdout.splitlines() == [plain(count(bulletin.clean(PAGE)), str(page))] + [
        plain(count(bulletin.clean(PAGE)), "total")
    ]


def test_words_column(run, page):
    counts = count(bulletin.clean(PAGE), words=True)
    assert counts.words and counts.words > 10
    assert lines_of(run("count", "--words", str(page))) == [plain(counts, str(page))]


def test_tsv_every_figure_under_its_key(run, page):
    rows = [line.split("\t") for line in lines_of(run("count", "-f", "tsv", str(page)))]
    assert rows[0] == ["source", *KEYS]
    expected = count(bulletin.clean(PAGE)).to_dict()
    assert dict(zip(rows[0], rows[1])) == {
        "source": str(page),
        **{k: str(v) for k, v in expected.items()},
    } | {"words": ""}
    assert len(rows) == 2


def test_csv_by_article_rows_add_up(run):
    text = raw(SAMPLES[0])
    result = run("count", "--by", "article", "--format", "csv", "--words", input=text)
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert result.exit_code == 0
    articles = [r for r in table if r["article"].isdigit()]
    notes = [r for r in table if r["article"] == "notes"]
    (whole,) = [r for r in table if r["article"] == ""]
    assert [r["title"] for r in articles] == [a.title for a in bulletin.split(text).articles]
    assert len(notes) == 1 and table[-1] is whole
    for key in TALLIES + ("words",):
        assert int(whole[key]) == sum(int(r[key]) for r in articles + notes), key


def test_json_document_shape(run, page, other):
    result = run("count", "--format", "json", str(page), str(other))
    doc = json.loads(result.stdout)
    assert result.stdout.count("\n") == 1
    assert list(doc) == ["files", "total"]
    assert [list(f) for f in doc["files"]] == [["source", "encoding", *KEYS]] * 2
    assert doc["files"][0] == {
        "source": str(page),
        "encoding": "utf-8",
        **count(bulletin.clean(PAGE)).to_dict(),
    }
    assert doc["files"][0]["words"] is None
    assert doc["total"] == (count(bulletin.clean(PAGE)) + count(bulletin.clean(OTHER))).to_dict()


def test_json_by_article_with_top(run):
    text = raw(SAMPLES[0])
    doc = json.loads(run("count", "-f", "json", "--by", "article", "--top", "3", input=text).stdout)
    (entry,) = doc["files"]
    assert list(entry) == ["source", "encoding", *KEYS, "top", "articles", "notes"]
    assert list(entry["articles"][0]) == ["index", "title", *KEYS, "top"]
    assert list(entry["notes"]) == [*KEYS, "top"]
    page = bulletin.split(text)
    first = count(page.articles[0], words=True)
    assert entry["articles"][0] == {"index": 1, "title": page.articles[0].title, **first.to_dict()} | {
        "top": [list(item) for item in first.top(3)]
    }
    assert doc["total"] == {key: entry[key] for key in (*KEYS, "top")}


def test_top_lists_words_without_stop_words(run, tmp_path):
    text = "县里的春耕。县里的春耕。县里的春耕备耕。的的的。\n"
    result = run("count", "--top", "2", input=text)
    assert lines_of(result) == ["      3 县里 <stdin>", "      3 春耕 <stdin>"]
    stop = tmp_path / "stop.txt"
    stop.write_text("# ours\n县里 春耕\n", encoding="utf-8")
    result = run("count", "--top", "2", "--stopwords", str(stop), "-f", "tsv", input=text)
    assert lines_of(result) == ["source\trank\tword\tcount", "<stdin>\t1\t的\t6", "<stdin>\t2\t备耕\t1"]
    assert "的" in STOPWORDS


def test_user_dict_joins_a_local_name(run, tmp_path):
    user = tmp_path / "places.txt"
    user.write_text("汾源县 10 ns\n", encoding="utf-8")
    text = "汾源县召开会议。汾源县部署春耕。\n"
    assert "汾源县" not in run("count", "--top", "3", input=text).stdout
    assert lines_of(run("count", "--top", "1", "--user-dict", str(user), input=text)) == [
        "      2 汾源县 <stdin>"
    ]


def test_rate(run):
    text = "全县10个乡镇开展活动。\n"  # 11 字
    doc = json.loads(run("count", "-f", "json", "--rate", "10", input=text).stdout)
    assert doc["total"]["word_count"] == 11 and doc["total"]["reading_minutes"] == 1.1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--stopwords", "s.txt"], "count: --stopwords goes with --top"),
        (["--user-dict", "u.txt"], "count: --user-dict goes with --words or --top"),
        (["--rate", "0"], "--rate"),
        (["--top", "0"], "--top"),
        (["--format", "xml"], "--format"),
        (["--by", "page"], "--by"),
        (["--encoding", "klingon"], "count: unknown encoding 'klingon'"),
    ],
)
def test_usage_errors(run, args, message):
    result = run("count", *args, input="甲\n")
    assert result.exit_code == 2
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert result.stdout == ""


def test_encodings_are_reported(run):
    gbk = next(p for p in SAMPLES if p.name.endswith(".gbk.txt"))
    doc = json.loads(run("count", "-f", "json", str(gbk)).stdout)
    assert doc["files"][0]["encoding"] == bulletin.decode(gbk.read_bytes()).encoding != "utf-8"
    assert doc["files"][0]["han"] == count(bulletin.clean(raw(gbk))).han


def export(renderable, width: int = 80) -> str:
    from rich.console import Console

    console = Console(record=True, width=width)
    console.print(renderable)
    return console.export_text()


def test_the_terminal_table_of_ten_files_is_readable_at_80_columns():
    from rich.cells import cell_len

    names = [f"archive/2024/县融媒体中心/平遥县综合考核专刊/第{n:02d}版.txt" for n in range(1, 11)]
    results = [count_file(PAGE * n * 40, source=name) for n, name in enumerate(names, 1)]
    units = [row for result in results for row in count_render.rows(result)]
    total = add_up([result.counts for result in results])
    text = export(count_render.table([*units, count_render.total_row(total)], words=False, width=80))
    lines = text.splitlines()
    assert max(map(cell_len, lines)) <= 80
    headings = [
        "字数",
        "字符",
        "(不计空格)",
        "(计空格)",
        "段落",
        "行数",
        "非中文",
        "中文字符",
        "汉字",
        "句数",
    ]
    assert all(heading in text for heading in headings)
    word_table, ours = text.split("汉字、标点、句子")
    assert "Word 字数统计" in word_table
    for result, name in zip(results, names):
        figures = result.counts.to_dict()
        # a row per file: its name shortened in the middle (the edition's number kept), numbers whole
        (row,) = [line for line in word_table.splitlines() if name[-8:] in line]
        assert row.startswith("archive/") and "…" in row
        assert row.split()[-7:] == [str(figures[key]) for key in count_render.GROUPS[0][1]]
        (row,) = [line for line in ours.splitlines() if name[-8:] in line]
        assert row.split()[-6:] == [str(figures[key]) for key in count_render.GROUPS[1][1] if key != "words"]
    assert word_table.strip().splitlines()[-1].split()[:2] == ["total", str(total.word_count)]


def test_the_terminal_table_by_article_and_of_words():
    two = "平遥县召开2023年度综合考核工作会议\n" + PAGE + "\n\n县疾控中心部署工作\n\n"
    counted = count_file(two + OTHER, by="article")
    second = bulletin.split(two + OTHER).articles[1].title  # (kicker or title: the headline model's call)
    text = export(count_render.table(count_render.rows(counted), words=False))
    assert re.search(r"^1 平遥县召开2023\S*…\s+\d", text, re.M)  # a title cut at its end to fit
    assert re.search(r"^1 平遥县召开2023年度综合考核工作会议\s+\d", text, re.M)  # in full where it fits
    assert re.search(rf"^2 {second}\s+\d", text, re.M)
    assert re.search(r"^notes\s", text, re.M)
    assert "│ words" not in text and "词数" not in text  # not counted, not shown
    assert "词数" in export(count_render.table(count_render.rows(count_file(PAGE, words=True)), words=True))
    top = count_render.table(count_render.rows(count_file(PAGE, words=True)), words=False, top=2)
    assert "平遥县" in export(top)


def test_every_figure_has_a_terminal_column():
    assert sorted(key for _, keys in count_render.GROUPS for key in keys) == sorted(KEYS)
    assert set(count_render.HEADERS) == set(KEYS)


# real processes


def test_count_without_words_imports_no_jieba(tmp_path, page):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "bulletin", "count", str(page)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    imported = [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()]
    assert "bulletin.counts" in imported
    assert not [name for name in imported if name.split(".")[0] == "jieba"]
    assert done.stdout == plain(count(bulletin.clean(PAGE)), str(page)) + "\n"
    assert not (tmp_path / "bulletin").exists()  # no dictionary made, nor anything else kept


def test_count_words_into_a_pipe(page):
    counter = subprocess.Popen(
        [sys.executable, "-m", "bulletin", "count", "--words", "-f", "tsv", str(page), str(page)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    head = subprocess.run(["head", "-2"], stdin=counter.stdout, capture_output=True, check=True)
    counter.stdout.close()
    stderr = counter.stderr.read()
    counter.stderr.close()
    assert counter.wait(timeout=60) == 0 and stderr == b""
    header, row = head.stdout.decode("utf-8").splitlines()
    assert dict(zip(header.split("\t"), row.split("\t")))["words"] == str(
        count(bulletin.clean(PAGE), words=True).words
    )


# the docs


def test_every_count_option_is_on_its_page(run):
    from test_docs import section

    options = set(
        re.findall(r"(?<![\w-])(--?[a-zA-Z][a-zA-Z-]*)", section(run("count", "--help").stdout, "Options"))
    )
    text = REFERENCE
    assert {"--by", "--words", "--top", "--stopwords", "--user-dict", "--rate", "--format"} <= options
    assert not sorted(
        o for o in options - {"-h", "--help"} if not re.search(rf"(?<![\w-]){o}(?![\w-])", text)
    )


def test_every_figure_is_defined_on_its_page():
    text = REFERENCE
    for figure in FIGURES:
        assert f"| `{figure.key}` | {figure.label} | {figure.definition} |" in text, figure.key


def test_the_readme_shows_the_terminal_tables_as_they_are():
    block = re.search(r"^```text\n\$ bulletin count (.*?)\n(.*?)^```\n", REFERENCE, re.S | re.M)
    names = block.group(1).split()
    results = [count_file(raw(ROOT / name), source=name) for name in names]
    units = [row for result in results for row in count_render.rows(result)]
    units.append(count_render.total_row(add_up([result.counts for result in results])))
    shown = export(count_render.table(units, words=False, width=80))
    assert [line.rstrip() for line in shown.splitlines()] == block.group(2).splitlines()


def test_an_issue_is_counted_page_by_page():
    """Text parted by form feeds: each page cleaned (or split) alone and the figures added up, the
    articles numbered through the issue; no article runs across a page end."""
    first = "县里召开冬季农田水利建设推进会\n本报讯 会议要求各乡镇抓住农闲时节，\n加快进度。\n"
    second = "城关镇老街改造完工\n本报讯 历时半年的老街改造工程日前完工，\n街面焕然一新。\n"
    issue = first + "\f" + second + "\f"
    whole = count_file(issue).counts
    assert whole == add_up([count(bulletin.clean(first)), count(bulletin.clean(second))])
    assert whole.paragraphs == 4 and whole.lines == 4
    by_article = count_file(issue, by="article")
    assert [(n, title) for n, title, _ in by_article.articles] == [
        (1, "县里召开冬季农田水利建设推进会"),
        (2, "城关镇老街改造完工"),
    ]
    assert by_article.counts.han == whole.han


@given(st.text(alphabet="县委𠀀〇，。 a1\u3000\t\n한カ·"))
def test_han_and_characters_without_spaces_are_counted_as_defined(text):
    # counted by the runs between Han characters and by split(): the per-character definitions
    from bulletin.chars import is_han

    counts = count(text)
    assert counts.han == sum(1 for c in text if is_han(c))
    assert counts.chars_no_spaces == sum(1 for c in text if not c.isspace())
