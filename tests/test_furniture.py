"""Page furniture (bulletin/furniture.py): which lines are furniture, and that split files them in
the page's notes, never in a title or a sentence."""

from __future__ import annotations

import pytest

import bulletin
from bulletin.furniture import FURNITURE, furniture_kind, is_furniture

LINES = [
    ("人民日报 2019年10月8日 星期二", "running-head"),
    ("翼川日报 2024年3月5日 星期二 农历二月初五", "running-head"),
    ("第 5 页", "page-number"),
    ("第15页", "page-number"),
    ("- 5 -", "page-number"),
    ("— 12 —", "page-number"),
    ("国内统一连续出版物号 CN14-0021", "serial-number"),
    ("邮发代号 21-75", "serial-number"),
    ("责任编辑：李文华  美术编辑：王小燕", "staff"),
    ("责任校对：赵 明", "staff"),
    ("本版责编：周明 本版校对：孙丽", "staff"),
    ("責任編輯：李文華", "staff"),
    ("（010）84528274", "phone"),
    ("新闻热线：0359-6281234", "phone"),
    # must not be furniture
    ("责任编辑要对每一篇稿件负责。", None),
    ("翼川县召开春耕备耕工作会", None),
    ("2024年翼川县十件民生实事", None),
    ("第五届农民丰收节开幕", None),
    ("全年完成产量6000万吨", None),
]


@pytest.mark.parametrize(("line", "kind"), LINES)
def test_furniture_kind(line, kind):
    assert furniture_kind(line) == kind


def test_every_row_has_a_reason_and_a_case():
    assert all(f.reason for f in FURNITURE)
    assert {f.name for f in FURNITURE} == {k for _, k in LINES if k}


PAGE = """翼川日报 2024年3月5日 星期二
第 5 页

翼川县召开春耕备耕工作会
本报讯 3月4日，翼川县召开春耕备耕工作会，安排部署全县春耕生产。县委副书记周立新出席会议并讲话。
会议要求，各乡镇要抓好种子、化肥、农药等农资供应，确保不误农时。

河东镇新建冷库投入使用
本报讯 日前，河东镇新建的万吨冷库正式投入使用，可满足全镇苹果、梨等水果的储存需求。
冷库由镇村集体经济合作社建设运营，年可增加集体收入30余万元。

责任编辑：李文华  美术编辑：王小燕
责任校对：赵 明
- 5 -
国内统一连续出版物号 CN14-0021
"""


def test_split_files_furniture_in_the_notes():
    page = bulletin.split(PAGE)
    assert [a.title for a in page.articles] == ["翼川县召开春耕备耕工作会", "河东镇新建冷库投入使用"]
    assert all(a.kicker is None and a.subtitle is None for a in page.articles)
    assert page.notes == [
        "翼川日报2024年3月5日 星期二",
        "第5页",
        "责任编辑：李文华 美术编辑：王小燕",
        "责任校对：赵明",
        "- 5 -",
        "国内统一连续出版物号CN14-0021",
    ]


def test_a_page_number_is_never_read_into_a_sentence():
    text = (
        "翼川县召开春耕备耕工作会\n\n"
        "本报讯 3月4日，翼川县召开春耕备耕工作会。县委副书记周立新出席会议并讲\n"
        "第 5 页\n"
        "话，要求各级干部深入田间地头，帮助群众解决实际困难。\n"
    )
    page = bulletin.split(text)
    assert page.notes == ["第5页"]
    assert not any("页" in p for a in page.articles for p in a.paragraphs + [a.title])
    (article,) = page.articles
    assert article.paragraphs == [
        "3月4日，翼川县召开春耕备耕工作会。县委副书记周立新出席会议并讲话，要求各级干部深入田间地头，帮助群众解决实际困难。"
    ]


@pytest.mark.parametrize(("line", "kind"), LINES)
def test_is_furniture_agrees_with_the_rows(line, kind):
    """``is_furniture`` looks for a digit, 号 or a role's character before it runs the rows
    (FURNITURE_CHARACTERS): it answers what the rows answer."""
    assert is_furniture(line) == (kind is not None)


def test_the_cheap_look_misses_no_furniture():
    import random

    from bulletin.furniture import FURNITURE_RE
    from bulletin.patterns import cue_text

    rng = random.Random(5)
    atoms = [ln for ln, _ in LINES] + list("0123456789０５号编編校设筹排制版第页-－— \u3000：（）年月日报")
    for _ in range(3000):
        line = "".join(rng.choice(atoms) for _ in range(rng.randint(1, 5)))
        assert is_furniture(line) == (FURNITURE_RE.match(cue_text(line)) is not None), line
