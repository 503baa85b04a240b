"""render: a hand-built Page in each format, as golden strings (whatever segment makes of real pages)."""

from __future__ import annotations

import json

import pytest

from bulletin.model import Article, Page
from bulletin.render import FORMATS, article_filename, render, render_notes

FULL = Article(
    index=1,
    title="举办“警民同心”主题晚会",
    kicker="平遥县公安局",
    subtitle="——三百余名群众到场",
    section="乡镇动态",
    dateline="本报讯",
    byline="（记者 王五）",
    paragraphs=["1月10日晚，晚会在县文化馆举行。", "晚会分为三个篇章。"],
    captions=["图为晚会现场。"],
    lines=(1, 9),
)
BARE = Article(
    index=2,
    title="以书为伴 “阅”享生活",
    dateline="本报讯",
    byline="通讯员 李四",
    paragraphs=["*世界读书日*前夕，<县图书馆>开展活动。", "1. 共读一本书"],
    lines=(10, 14),
)
PAGE = Page(
    articles=[FULL, BARE],
    notes=["本版文图均由县委宣传部提供", "责任编辑 赵六"],
    source="pages/page.txt",
    encoding="gb18030",
)

TXT = """\
==== 1 =================================
平遥县公安局
举办“警民同心”主题晚会
——三百余名群众到场
栏目：乡镇动态
本报讯（记者 王五）

1月10日晚，晚会在县文化馆举行。
晚会分为三个篇章。
图：图为晚会现场。

==== 2 =================================
以书为伴 “阅”享生活
本报讯 通讯员 李四

*世界读书日*前夕，<县图书馆>开展活动。
1. 共读一本书

==== notes =============================
本版文图均由县委宣传部提供
责任编辑 赵六
"""

MD = """\
> 平遥县公安局

# 举办“警民同心”主题晚会

> ——三百余名群众到场

栏目：乡镇动态

**本报讯（记者 王五）**

1月10日晚，晚会在县文化馆举行。

晚会分为三个篇章。

*图：图为晚会现场。*

# 以书为伴 “阅”享生活

**本报讯 通讯员 李四**

\\*世界读书日\\*前夕，\\<县图书馆\\>开展活动。

1\\. 共读一本书

---

- 本版文图均由县委宣传部提供
- 责任编辑 赵六
"""

FULL_JSON = (
    '{"index": 1, "title": "举办“警民同心”主题晚会", "kicker": "平遥县公安局", '
    '"subtitle": "——三百余名群众到场", "section": "乡镇动态", "dateline": "本报讯", '
    '"byline": "（记者 王五）", "paragraphs": ["1月10日晚，晚会在县文化馆举行。", "晚会分为三个篇章。"], '
    '"captions": ["图为晚会现场。"], "lines": [1, 9]}'
)
BARE_JSON = (
    '{"index": 2, "title": "以书为伴 “阅”享生活", "kicker": null, "subtitle": null, "section": null, '
    '"dateline": "本报讯", "byline": "通讯员 李四", '
    '"paragraphs": ["*世界读书日*前夕，<县图书馆>开展活动。", "1. 共读一本书"], "captions": [], '
    '"lines": [10, 14]}'
)


def test_txt():
    assert render(PAGE) == TXT
    assert render(PAGE, "txt") == TXT


def test_txt_with_the_source_first():
    assert render(PAGE, "txt", header=True) == "# pages/page.txt\n\n" + TXT


def test_md():
    assert render(PAGE, "md") == MD


def test_json_is_the_documented_document_on_one_line():
    expected = (
        '{"source": "pages/page.txt", "encoding": "gb18030", "articles": ['
        + FULL_JSON
        + ", "
        + BARE_JSON
        + '], "notes": ["本版文图均由县委宣传部提供", "责任编辑 赵六"]}\n'
    )
    assert render(PAGE, "json") == expected
    assert json.loads(expected) == PAGE.to_dict()


def test_jsonl_is_one_article_a_line_with_its_source_first():
    expected = [
        '{"source": "pages/page.txt", ' + FULL_JSON[1:] + "\n",
        '{"source": "pages/page.txt", ' + BARE_JSON[1:] + "\n",
    ]
    assert render(PAGE, "jsonl").splitlines(keepends=True) == expected
    for line, article in zip(expected, PAGE.articles):
        assert json.loads(line) == {"source": "pages/page.txt", **article.to_dict()}


def test_json_keys_in_a_stable_order():
    article = json.loads(render(PAGE, "json"))["articles"][0]
    assert list(article) == [
        "index",
        "title",
        "kicker",
        "subtitle",
        "section",
        "dateline",
        "byline",
        "paragraphs",
        "captions",
        "lines",
    ]


def test_one_article_as_its_own_file():
    assert render(BARE, "txt") == (
        "以书为伴 “阅”享生活\n本报讯 通讯员 李四\n\n*世界读书日*前夕，<县图书馆>开展活动。\n1. 共读一本书\n"
    )
    assert render(BARE, "md") == (
        "# 以书为伴 “阅”享生活\n\n**本报讯 通讯员 李四**\n\n"
        "\\*世界读书日\\*前夕，\\<县图书馆\\>开展活动。\n\n1\\. 共读一本书\n"
    )
    line = '{"source": "p.txt", ' + BARE_JSON[1:] + "\n"
    assert render(BARE, "json", source="p.txt") == line
    assert render(BARE, "jsonl", source="p.txt") == line


def test_an_article_with_only_paragraphs():
    article = Article(index=1, title="", paragraphs=["图片新闻一则。"])
    assert render(article, "txt") == "图片新闻一则。\n"
    assert render(article, "md") == "图片新闻一则。\n"


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_empty_page(fmt):
    page = Page(source="empty.txt")
    expected = '{"source": "empty.txt", "encoding": "utf-8", "articles": [], "notes": []}\n'
    assert render(page, fmt) == (expected if fmt == "json" else "")


def test_notes():
    assert render_notes(PAGE) == "本版文图均由县委宣传部提供\n责任编辑 赵六\n"
    assert (
        render(Page(notes=["· 乡镇动态 ·"]), "txt")
        == "==== notes =============================\n· 乡镇动态 ·\n"
    )


def test_markdown_markup_in_the_text_is_escaped():
    article = Article(
        index=1, title="#1 [通知]", paragraphs=["- 一", "+ 二", "=", "2.1亿元", "a_b `c` |d| ~e~"]
    )
    assert render(article, "md") == (
        "# \\#1 \\[通知\\]\n\n\\- 一\n\n\\+ 二\n\n\\=\n\n2\\.1亿元\n\na\\_b \\`c\\` \\|d\\| \\~e\\~\n"
    )


def test_unknown_format():
    with pytest.raises(ValueError, match="unknown format 'csv'"):
        render(PAGE, "csv")  # type: ignore[arg-type]


def test_article_filename():
    assert article_filename(1, "举办“警民同心”主题晚会", "txt") == "01-举办“警民同心”主题晚会.txt"
    assert article_filename(12, "", "md") == "12-untitled.md"
    assert article_filename(7, "a/b", "json", width=3) == "007-a_b.json"
