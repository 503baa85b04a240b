"""What real pages need at the ends of articles (bulletin/signoffs.py and its cues in patterns):
column tags, closing bylines, letters' signatures; also section names and photo credits. Pages are
our own writing in the style of a county paper."""

from __future__ import annotations

import pytest

import bulletin
from bulletin import patterns

OPINION = """翼川县召开春耕备耕工作会

本报讯 3月4日，翼川县召开春耕备耕工作会，安排部署全县春耕生产。县委副书记周立新出席会议并讲话。

会议要求，各乡镇要抓好种子、化肥、农药等农资供应，确保不误农时。

让好政策落到田间地头（人民时评）

春耕时节，翼川县的田野里一片繁忙。惠农政策能不能落地，关键在基层干部肯不肯跑腿。

政策好不好，农民说了算。只有把政策讲清楚、把服务送上门，才能让群众真正得实惠。

周 明

小城夜市的烟火气（钟声）

翼川县的夜市又热闹起来了。一排排摊位，一盏盏灯，照亮了小城的夜晚。

烟火气里有民生，也有城市治理的智慧。
"""


def test_a_byline_under_an_opinion_piece_ends_it():
    page = bulletin.split(OPINION)
    assert [a.title for a in page.articles] == [
        "翼川县召开春耕备耕工作会",
        "让好政策落到田间地头（人民时评）",
        "小城夜市的烟火气（钟声）",
    ]
    assert page.articles[1].byline == "周 明"
    assert page.articles[2].kicker is None and page.articles[2].byline is None


FEATURE_THEN_COMMENTARY = """山村里的“蔬菜银行”

本报记者 王晓东

走进河东镇西关村，一排排蔬菜大棚整齐排列。村党支部书记李建国告诉记者，这些大棚是全村人的“银行”。

去年，全村蔬菜收入突破800万元，户均增收两万余元。

让好政策落到田间地头（人民时评）

春耕时节，翼川县的田野里一片繁忙。惠农政策能不能落地，关键在基层干部肯不肯跑腿。

政策好不好，农民说了算。只有把政策讲清楚、把服务送上门，才能让群众真正得实惠。
"""


def test_a_headline_with_a_column_tag_is_never_a_subhead():
    page = bulletin.split(FEATURE_THEN_COMMENTARY)
    assert [a.title for a in page.articles] == ["山村里的“蔬菜银行”", "让好政策落到田间地头（人民时评）"]
    assert len(page.articles[0].paragraphs) == 2


@pytest.mark.parametrize(
    ("line", "tagged"),
    [
        ("让好政策落到田间地头（人民时评）", True),
        ("小城夜市的烟火气(钟声)", True),
        ("选好种子 种好庄稼（走近农技专家（3））", True),
        ("翼川县召开春耕备耕工作会", False),
        ("（人民时评）", False),  # a tag alone closes no headline
        ("他说（笑）。", False),
    ],
)
def test_column_tag(line, tagged):
    assert patterns.has_column_tag(line) is tagged


LETTER = """习近平给翼川县农民合作社社员回信

翼川县农民合作社的社员们：

你们好！来信收到了，得知你们合作社的苹果丰收了，我很高兴。

希望你们再接再厉，带动更多乡亲增收致富。

习近平
2019年10月6日

河东镇新建冷库投入使用

本报讯 日前，河东镇新建的万吨冷库正式投入使用，可满足全镇苹果、梨等水果的储存需求。
"""

NOTICE = """致全县广大农民朋友的一封信

广大农民朋友们：

春耕时节到了。希望大家抓住有利时机，科学种田，多打粮食，过上更加红火的日子。

让我们携起手来，共同建设美丽富饶的新翼川！

翼川县人民政府
二〇二四年三月一日

河东镇新建冷库投入使用

本报讯 日前，河东镇新建的万吨冷库正式投入使用，可满足全镇苹果、梨等水果的储存需求。
"""


@pytest.mark.parametrize(
    ("text", "signer", "date"),
    [(LETTER, "习近平", "2019年10月6日"), (NOTICE, "翼川县人民政府", "二〇二四年三月一日")],
)
def test_a_letters_signature_and_date_stay_in_the_letter(text, signer, date):
    page = bulletin.split(text)
    assert [a.title for a in page.articles][1] == "河东镇新建冷库投入使用"
    assert page.articles[0].paragraphs[-2:] == [signer, date]
    assert page.articles[1].kicker is None and page.notes == []


SECTIONS = """■ 基层传真

河东镇新建冷库投入使用

本报讯 日前，河东镇新建的万吨冷库正式投入使用，可满足全镇苹果、梨等水果的储存需求。

西关村举办农民丰收节

本报讯 9月23日，西关村举办第三届农民丰收节，村民们晒出了自家的丰收果实。

□ 文明实践

翼川县志愿者走进敬老院

本报讯 重阳节前夕，翼川县新时代文明实践中心组织志愿者走进县敬老院，为老人们理发、打扫卫生。
"""


def test_section_markers_label_the_articles_under_them_without_their_marks():
    page = bulletin.split(SECTIONS)
    assert [a.section for a in page.articles] == ["基层传真", "基层传真", "文明实践"]
    assert page.notes == ["■ 基层传真", "□ 文明实践"]


@pytest.mark.parametrize(
    ("marker", "name"),
    [
        ("· 乡镇动态 ·", "乡镇动态"),
        ("■ 基层传真", "基层传真"),
        ("□基层传真", "基层传真"),
        ("【部门动态】", "部门动态"),
        ("— 简讯 —", "简讯"),
    ],
)
def test_section_name(marker, name):
    assert patterns.section_name(marker) == name


PHOTOS = """翼川县召开春耕备耕工作会

本报讯 3月4日，翼川县召开春耕备耕工作会，安排部署全县春耕生产。县委副书记周立新出席会议并讲话。

会议要求，各乡镇要抓好麦苗管护和农资供应，确保不误农时。

图为农民在田间管护麦苗。
陈文武摄（影像中国）

河东镇新建冷库投入使用

本报讯 日前，河东镇新建的万吨冷库正式投入使用，可满足全镇苹果、梨等水果的储存需求。

本报记者 王晓东摄

（0359）84528274
"""


def test_photo_credits_and_phone_numbers_are_never_titles():
    page = bulletin.split(PHOTOS)
    assert [a.title for a in page.articles] == ["翼川县召开春耕备耕工作会", "河东镇新建冷库投入使用"]
    assert all(a.kicker is None and a.subtitle is None for a in page.articles)
    captions = [c for a in page.articles for c in a.captions]
    assert "陈文武摄（影像中国）" in captions and "本报记者 王晓东摄" in captions
    assert page.notes == ["（0359）84528274"]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "翼川县河东镇党委书记周立新——\n把群众的事当成自家的事\n本报记者 王晓东\n"
            "本报讯 在河东镇，提起党委书记周立新，群众都竖起大拇指。\n",
            ("翼川县河东镇党委书记周立新——", "把群众的事当成自家的事", None),
        ),
        (
            "五个关键词读懂翼川发展\n——2024年翼川县政府工作报告解读\n"
            "本报讯 3月1日，翼川县第十八届人民代表大会第三次会议开幕。\n",
            (None, "五个关键词读懂翼川发展", "——2024年翼川县政府工作报告解读"),
        ),
    ],
)
def test_a_kicker_ending_and_a_subtitle_opening_with_a_dash_stay_headline_parts(text, parts):
    (article,) = bulletin.split(text).articles
    assert (article.kicker, article.title, article.subtitle) == parts


EPAPER = (
    "全县秋粮收购工作顺利推进\n"
    "农民售粮收入同比增长\n"
    "　　本报讯 入秋以来，翼川县各收购网点敞开收购农民余粮，全县已收购秋粮二点三万吨。\n"
    "　　县粮食局在各乡镇设立服务点，为农民提供免费检测和上门收购服务。\n"
    "河东镇新建冷库投入使用\n"
    "　　本报讯 日前，河东镇新建的万吨冷库正式投入使用，可满足全镇苹果、梨等水果的储存需求。\n"
    "　　冷库由镇村集体经济合作社建设运营，年可增加集体收入三十余万元。\n"
    "　　冷库建成后，全镇水果错峰销售，每斤平均多卖两毛钱。\n"
)


def test_an_e_paper_page_gives_each_headline_element_a_line():
    """E-paper copy sets kicker, title and subtitle one a line, headlines flush, paragraphs indented:
    two headline lines are two elements there, never one title wrapped (as a PDF column would)."""
    first, second = bulletin.split(EPAPER).articles
    assert (first.kicker, first.title) == ("全县秋粮收购工作顺利推进", "农民售粮收入同比增长")
    assert second.title == "河东镇新建冷库投入使用"


@pytest.mark.parametrize(
    ("lines", "parts"),
    [
        (["翼川县委书记孙立华在全县干部大会上强调", "以实干实绩推动高质量发展"], ("K", "T")),
        (["翼川县第十八届人民代表大会第三次会议开幕", "孙立华周立新出席"], ("T", "S")),
        (["翼川县乡村振兴促进条例", "（2024年3月1日）"], ("T", "S")),
    ],
)
def test_what_a_headline_line_says_tells_its_element(lines, parts):
    """News conventions, not the words of a story: who stressed something kicks off the title, who
    attended and a bracketed date come under it."""
    from bulletin.model import Block
    from bulletin.segment import model as headline_model

    blocks = [Block(t, n, n, "heading") for n, t in enumerate(lines, 1)]
    labels = headline_model.label_run(blocks, phrased=False, one_per_line=True)
    assert tuple(label[0] for label in labels) == parts


def test_a_column_tag_on_its_own_line_stays_with_its_headline():
    text = (
        "让好政策落到田间地头\n（人民时评）\n\n"
        "春耕时节，翼川县的田野里一片繁忙。惠农政策能不能落地，关键在基层干部肯不肯跑腿。\n\n"
        "政策好不好，农民说了算。只有把政策讲清楚、把服务送上门，才能让群众真正得实惠。\n\n"
        "周 明\n\n"
        "小城夜市的烟火气\n\n"
        "翼川县的夜市又热闹起来了。一排排摊位，一盏盏灯，照亮了小城的夜晚。\n"
    )
    first, second = bulletin.split(text).articles
    assert first.title == "让好政策落到田间地头（人民时评）"
    assert first.paragraphs[0].startswith("春耕时节") and first.byline == "周 明"
    assert second.title == "小城夜市的烟火气"
