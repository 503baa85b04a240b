"""PDF input: pages the tests make themselves (tests/pdfmaker.py), read through the real commands."""

from __future__ import annotations

import json
import re

import pytest
from clirun import run as invoke
from pdfmaker import Rule, Text, column, make_pdf, wrap

from bulletin import document, pdf
from bulletin.errors import UsageError

BODY, WIDTH = 10.0, 18
LEFT, RIGHT = 40.0, 320.0

FIRST = [
    "本报讯（记者 王晓燕）3月10日，汾源县春季招聘会在县城文化广场举行，四十余家企业提供岗位"
    "一千二百多个，当天达成就业意向三百余人。",
    "招聘会现场人头攒动，前来求职的群众络绎不绝。县人社局工作人员介绍，今年的岗位以制造业和服务业为主。",
    "据悉，今年全县还将举办专场招聘会六场，帮助农民工就近就业。",
]
SECOND = [
    "本报讯 入春以来，城关镇对老城区十二条街巷进行修缮，铺设青石路面两千多平方米，更换路灯八十盏。",
    "镇里还请来老匠人修补沿街的门楼和砖雕，老街既保住了原貌，又方便了居民出行。",
]
THIRD = [
    "本报讯（通讯员 刘建国）3月8日，杏花村首届农民读书节开幕，村里的农家书屋新添图书五百余册。",
    "读书节期间，村里还将举办读书分享会和少儿绘画比赛，让村民在家门口感受书香。",
]


def two_columns(y: float, paragraphs: list[str]) -> list[Text]:
    """An article's body set in two columns from ``y``, the first column filled first."""
    lines = wrap(paragraphs, WIDTH)
    half = (len(lines) + 1) // 2
    return column(LEFT, y, lines[:half], BODY) + column(RIGHT, y, lines[half:], BODY)


def front_page(title: str = "汾源县春季招聘会送岗一千二百个", spacing: float = 0.0) -> list[Text | Rule]:
    return [
        Text(LEFT, 30, "汾源报", 9),
        Text(260, 30, "2026年3月12日 星期四", 9),
        Text(500, 30, "第1版", 9),
        Text(LEFT, 70, title, 22, spacing=spacing),
        *two_columns(110, FIRST),
        Text(LEFT, 330, "城关镇修缮老街巷道", 20),
        *two_columns(365, SECOND),
        Text(420, 800, "责任编辑 赵六", 9),
    ]


def second_page() -> list[Text | Rule]:
    return [Text(LEFT, 60, "杏花村举办首届农民读书节", 20), *two_columns(95, THIRD)]


SCAN = [Rule(0, 0, 595, 842)]  # a page that is one picture: no text layer


@pytest.fixture
def issue(tmp_path):
    path = tmp_path / "issue.pdf"
    path.write_bytes(make_pdf([front_page(), second_page()]))
    return path


def run_split(path, *args: str):
    """``bulletin split --format json [ARGS] PATH`` through the real command."""
    return invoke("split", "--format", "json", *args, str(path))


def articles(result) -> list[dict]:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["articles"]


def body(article: dict) -> list[str]:
    """The paragraphs as printed, the dateline put back at the head of the first."""
    paragraphs = list(article["paragraphs"])
    if article["dateline"]:
        paragraphs[0] = article["dateline"] + paragraphs[0]
    return [re.sub(r"\s", "", p) for p in paragraphs]


def test_a_two_column_page_splits_into_its_articles(issue):
    found = articles(run_split(issue, "--pages", "1"))
    assert [a["title"] for a in found] == ["汾源县春季招聘会送岗一千二百个", "城关镇修缮老街巷道"]
    assert body(found[0]) == [re.sub(r"\s", "", p) for p in FIRST]
    assert body(found[1]) == [re.sub(r"\s", "", p) for p in SECOND]


def test_articles_are_numbered_per_page_with_their_page(issue):
    found = articles(run_split(issue))
    assert [(a["page"], a["index"], a["title"]) for a in found] == [
        (1, 1, "汾源县春季招聘会送岗一千二百个"),
        (1, 2, "城关镇修缮老街巷道"),
        (2, 1, "杏花村举办首届农民读书节"),
    ]


def test_header_and_footer_bands_are_page_notes(issue):
    done = run_split(issue, "--pages", "1")
    assert json.loads(done.stdout)["notes"] == ["汾源报", "2026年3月12日 星期四", "第1版", "责任编辑 赵六"]


def test_pages_keeps_some_pages(issue):
    found = articles(run_split(issue, "--pages", "2"))
    assert [(a["page"], a["title"]) for a in found] == [(2, "杏花村举办首届农民读书节")]


def test_a_page_not_there_is_an_error_after_the_others(issue):
    done = run_split(issue, "--pages", "2,7")
    assert done.exit_code == 1
    assert [a["page"] for a in json.loads(done.stdout)["articles"]] == [2]
    assert done.stderr == f"bulletin: {issue}: no page 7 (it has 2 pages)\n"


def test_a_founder_pdf_gives_the_same_articles(tmp_path, issue):
    """Founder (方正) systems set every glyph at font size 1 and scale the text matrix."""
    founder = tmp_path / "founder.pdf"
    founder.write_bytes(make_pdf([front_page(), second_page()], founder=True))
    assert articles(run_split(founder)) == articles(run_split(issue))


def test_a_letter_spaced_headline_is_closed_up(tmp_path):
    path = tmp_path / "spaced.pdf"
    path.write_bytes(make_pdf([front_page(title="汾源新闻速览", spacing=1.0)]))
    assert articles(run_split(path))[0]["title"] == "汾源新闻速览"


CLOSE_UP = [
    ("中 国 海 油", "中国海油", "letter-spaced headline"),
    ("▲ 本 版 关 注", "▲ 本版关注", "section marker: the bullet keeps its space"),
    ("· 要 闻 ·", "· 要闻 ·", "two characters are enough in a section marker"),
    ("记者 王平", "记者 王平", "a word of two characters: not letter-spaced"),
    ("王 平", "王 平", "two single characters outside a marker: a name spaced out, left alone"),
    ("2026年3月12日 星期四", "2026年3月12日 星期四", "words"),
    ("A B C D", "A B C D", "Latin letters are not Han"),
]


@pytest.mark.parametrize(("spaced", "closed", "why"), CLOSE_UP, ids=[c[2] for c in CLOSE_UP])
def test_close_up(spaced, closed, why):
    assert pdf.close_up(spaced) == closed


def test_a_scanned_page_needs_ocr(run, tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([SCAN]))
    done = run("clean", str(path))
    assert done.exit_code == 1
    assert done.stdout == ""
    assert done.stderr == f"bulletin: {path}: page 1 has no text layer (a scan?): OCR it first\n"


def test_a_failing_page_does_not_stop_the_others(tmp_path):
    path = tmp_path / "mixed.pdf"
    path.write_bytes(make_pdf([second_page(), SCAN]))
    done = run_split(path)
    assert done.exit_code == 1
    assert [a["title"] for a in json.loads(done.stdout)["articles"]] == ["杏花村举办首届农民读书节"]
    assert done.stderr == f"bulletin: {path}: page 2 has no text layer (a scan?): OCR it first\n"


@pytest.mark.parametrize("damage", ["truncated", "garbage"])
def test_a_damaged_pdf_is_one_clean_error(run, tmp_path, issue, damage):
    data = issue.read_bytes()
    bad = tmp_path / "bad.pdf"
    garbage = b"%PDF-1.4\n" + bytes(range(256)) * 4
    bad.write_bytes(data[: len(data) // 3] if damage == "truncated" else garbage)
    done = run("split", str(bad))
    assert done.exit_code == 1, done.stdout
    lines = done.stderr.splitlines()
    assert lines and all(line.startswith(f"bulletin: {bad}: ") for line in lines)
    assert "Traceback" not in done.stderr
    assert not isinstance(done.exception, Exception) or isinstance(done.exception, SystemExit)


def test_a_pdf_is_known_by_its_content_on_stdin_too(run, issue):
    done = run("split", "--format", "json", "-", input=issue.read_bytes())
    assert [a["title"] for a in articles(done)][:1] == ["汾源县春季招聘会送岗一千二百个"]


def test_clean_keeps_every_han_character_in_order(run, issue):
    done = run("clean", str(issue))
    assert done.exit_code == 0, done.stderr
    han = re.compile(r"[\u4e00-\u9fff]")
    source = [t.text for page in (front_page(), second_page()) for t in page if isinstance(t, Text)]
    expected = "".join(han.findall("".join(source)))
    got = "".join(han.findall(done.stdout))
    assert sorted(got) == sorted(expected)
    for paragraph in FIRST + SECOND + THIRD:  # each paragraph whole, in order
        assert "".join(han.findall(paragraph)) in got


def test_han_beyond_the_basic_plane_survives(run, tmp_path):
    """PDFium gives U+20000 and up as two UTF-16 halves: 王𫖮 (U+2B5AE), 𠀀 (U+20000) stay whole."""
    path = tmp_path / "rare.pdf"
    path.write_bytes(make_pdf([[Text(40, 40, "通讯员 王𫖮 报道𠀀完", 10)]]))
    done = run("clean", str(path))
    assert done.exit_code == 0, done.stderr
    assert done.stdout == "通讯员 王𫖮 报道𠀀完\n"


@pytest.mark.parametrize("command", [["count"], ["summarize"], ["convert", "--to", "t2s"]])
def test_every_command_reads_a_pdf(run, issue, command):
    done = run(*command, "--pages", "2", str(issue))
    assert done.exit_code == 0, done.stderr
    assert done.stdout


def test_in_place_never_writes_text_over_a_pdf(run, issue):
    before = issue.read_bytes()
    done = run("clean", "-i", str(issue))
    assert done.exit_code == 1
    assert "not rewritten in place" in done.stderr
    assert issue.read_bytes() == before


def test_form_feeds_part_text_into_pages(run, tmp_path):
    path = tmp_path / "issue.txt"
    page = "杏花村举办首届农民读书节\n" + "".join("　　" + p + "\n" for p in THIRD)
    other = "城关镇修缮老街巷道\n" + "".join("　　" + p + "\n" for p in SECOND)
    path.write_text(page + "\f" + other + "\f", encoding="utf-8")
    found = articles(run("split", "--format", "json", str(path)))
    assert [(a["page"], a["index"], a["title"]) for a in found] == [
        (1, 1, "杏花村举办首届农民读书节"),
        (2, 1, "城关镇修缮老街巷道"),
    ]
    assert found[1]["lines"][0] == page.count("\n") + 1
    only = articles(run("split", "--format", "json", "--pages", "2", str(path)))
    assert [(a["page"], a["title"]) for a in only] == [(2, "城关镇修缮老街巷道")]


def test_one_page_of_text_has_no_page_key(run, tmp_path):
    path = tmp_path / "page.txt"
    text = "杏花村举办首届农民读书节\n" + "".join("　　" + p + "\n" for p in THIRD)
    path.write_text(text + "\f", encoding="utf-8")  # pdftotext ends each page with a form feed
    assert "page" not in articles(run("split", "--format", "json", str(path)))[0]


PAGES = [("1", {1}), ("1-3,5", {1, 2, 3, 5}), (" 2 - 4 ", {2, 3, 4}), ("7,7", {7})]


@pytest.mark.parametrize(("spec", "numbers"), PAGES)
def test_parse_pages(spec, numbers):
    assert document.parse_pages(spec) == numbers


@pytest.mark.parametrize("spec", ["0", "3-1", "a", "", "1,,2", "-2"])
def test_parse_pages_refuses(spec):
    with pytest.raises(UsageError, match="--pages"):
        document.parse_pages(spec)


def test_a_bad_pages_option_is_a_usage_error(run, issue):
    done = run("split", "--pages", "0", str(issue))
    assert done.exit_code == 2
    assert "--pages" in done.stderr


FOURTH = [
    "本报讯 近日，汾源县农机推广站组织技术人员深入田间地头，为种粮大户检修播种机械四十余台，"
    "讲解农机安全操作规程，发放明白纸五百余份。",
    "站长李明说，春播在即，农机检修要赶在前头，今年全站还将开展农机手培训班三期，让农民用上放心机械。",
]


def test_a_headline_at_the_foot_of_its_first_column_heads_its_article(tmp_path):
    """A headline set under the first part of its article's first column, the article running on
    into the next column, on a page whose other headline stands over its body."""
    lines = wrap(FOURTH, WIDTH)
    page = [
        Text(LEFT, 40, "汾源县春季招聘会送岗一千二百个", 22),
        *two_columns(80, FIRST),
        *column(LEFT, 300, lines[:3], BODY),  # the second article's first lines...
        Text(LEFT, 360, "农机检修赶在春播前", 20),  # ...its headline under them...
        *column(RIGHT, 300, lines[3:], BODY),  # ...and the rest, mid-sentence, in the next column
    ]
    path = tmp_path / "foot.pdf"
    path.write_bytes(make_pdf([page]))
    found = articles(run_split(path))
    assert [a["title"] for a in found] == ["汾源县春季招聘会送岗一千二百个", "农机检修赶在春播前"]
    assert body(found[1]) == [re.sub(r"\s", "", p) for p in FOURTH]
