"""The headline model: the shipped weights load and read kicker (引题), title (主题) and subtitle
(副题) as county papers set them; the fit is deterministic. Headlines here are invented (the
counties of samples/README.md); no corpus text, no ../shared needed."""

import json
import math

import pytest

from bulletin import segment
from bulletin.model import Block
from bulletin.segment import model as hm
from bulletin.segment import train as ht
from bulletin.segment.headline import is_wrapped


def blocks(lines: list[str], blank_before: frozenset[int] = frozenset()) -> list[Block]:
    """Headline lines from line 3 on, a blank line above the indexes in ``blank_before``."""
    out, n = [], 3
    for i, t in enumerate(lines):
        n += i in blank_before
        out.append(Block(t, n, n, "heading"))
        n += 1
    return out


def parts(lines: list[str], phrased: bool = False, blank_before: frozenset[int] = frozenset()):
    p = segment.parse_headline(blocks(lines, blank_before), phrased=phrased)
    return p.kicker, p.title, p.subtitle


@pytest.mark.parametrize("phrased", [False, True])
@pytest.mark.parametrize(
    ("lines", "want"),
    [
        (
            ["全县上下热议乡村振兴新举措——", "让农家院里飘出好日子"],
            ("全县上下热议乡村振兴新举措——", "让农家院里飘出好日子", None),
        ),
        (
            ["翼川县干部群众热议全会精神——", "把蓝图变成实景图"],
            ("翼川县干部群众热议全会精神——", "把蓝图变成实景图", None),
        ),
    ],
)
def test_a_kicker_ending_in_a_dash_stays_the_kicker(lines, want, phrased):
    assert parts(lines, phrased) == want


@pytest.mark.parametrize(
    ("lines", "phrased", "blank_before"),
    [
        (["小山村里的大变化", "——记翼川县桃园村党支部书记"], False, frozenset()),
        (["果园里的“土专家”", "——记桑干县果农协会会长"], False, frozenset()),
        (["小山村里的大变化", "——记翼川县桃园村党支部书记"], True, frozenset({1})),
    ],
)
def test_a_subtitle_opening_with_a_dash_stays_the_subtitle(lines, phrased, blank_before):
    assert parts(lines, phrased, blank_before) == (None, lines[0], lines[1])


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        (["汝川县新建农村公路一百二十公里惠", "及沿线群众"], "汝川县新建农村公路一百二十公里惠及沿线群众"),
        (["桑干县冬季植树造林工作全面", "展开"], "桑干县冬季植树造林工作全面展开"),
        (["汝川县春季植树活动启动仪式今", "日在城郊举行"], "汝川县春季植树活动启动仪式今日在城郊举行"),
    ],
)
def test_a_title_wrapped_over_two_lines_is_one_title(lines, title):
    assert parts(lines) == (None, title, None)


def test_a_name_over_a_title_is_its_kicker():
    want = ("桑干县人民医院", "开通便民就医绿色通道", None)
    assert parts(["桑干县人民医院", "开通便民就医绿色通道"]) == want


def test_one_line_is_the_title_and_bylines_stay_bylines():
    got = segment.parse_headline(
        [Block("伊阳县麦田春管忙", 1, 1, "heading"), Block("本报记者 李明", 2, 2, "byline")], phrased=False
    )
    assert (got.kicker, got.title, got.subtitle) == (None, "伊阳县麦田春管忙", None)
    assert got.bylines == ["本报记者 李明"]


def test_the_shipped_model_loads_and_is_small():
    model = hm.load()
    assert model["version"] == hm.MODEL_VERSION
    assert tuple(model["labels"]) == hm.LABELS
    assert set(model["weights"]) == set(hm.LABELS)
    assert all(math.isfinite(w) for ws in model["weights"].values() for w in ws.values())
    assert "figures" in model and "fit" in model["figures"]
    assert hm.MODEL_PATH.stat().st_size < 100_000


def test_the_priors_name_features_the_feature_function_makes():
    """A hand-set weight on a feature that is never made would silently do nothing."""
    made = set()
    for lines, phrased, blank in [
        (["以书为伴", "“阅”享生活"], True, frozenset()),
        (["全县经济工作会议召开", "县委办"], True, frozenset({1})),
        (["县城新建了三座口袋公园", "老旧小区加装电梯二十部"], False, frozenset()),
        (["小山村里的大变化", "——记翼川县桃园村党支部书记"], False, frozenset()),
        (["全县上下热议乡村振兴新举措——", "让农家院里飘出好日子"], False, frozenset()),
        (["翼川县融媒体中心二〇二四", "春光正好", "农事正忙", "桑干县各乡镇抢抓农时"], False, frozenset()),
        (["全县各乡镇春耕生产工作全面", "铺开", "桑干县农业农村局组织技术人员下乡"], True, frozenset()),
        (["孙立华在全县干部大会上强调", "以实干实绩推动高质量发展", "周立新出席"], False, frozenset()),
        (["翼川县乡村振兴促进条例", "（2024年3月1日）"], False, frozenset()),
        (["秋收时节访农家", "县委书记孙立华", "本报记者 王晓东"], False, frozenset()),
        (["让好政策落到田间地头", "（人民时评）"], False, frozenset()),
        (["县委书记孙立华调研春耕生产", "强调要抓好粮食生产不误农时"], False, frozenset()),
        (["翼川县东关社区开展志愿服务活动", "传承农耕文化 共建美丽乡村"], True, frozenset({1})),
    ]:
        for f in hm.run_features(blocks(lines, blank), phrased):
            made |= set(f)
    named = {name for weights in hm.PRIORS.values() for name in weights}
    assert named <= made, named - made


@pytest.mark.parametrize("n", range(1, 7))
def test_every_decoded_run_keeps_the_grammar(n):
    """K* T+ S* B*: whatever the scores, one title, at most one kicker before it and one subtitle
    after, the writer's lines last."""
    allowed = set(hm.paths(n))
    assert len(allowed) == (n + 2) * (n + 1) * n // 6  # kicker, subtitle and writer lines: 0..n-1
    for seed in range(20):
        scores = [
            {label: math.sin(seed * 7 + k * 3 + j) * 5 for j, label in enumerate(hm.LABELS)} for k in range(n)
        ]
        assert tuple(hm.decode(scores)) in allowed


def test_gold_labels_are_read_off_the_gold_parts():
    assert ht.label_lines(["汝川县", "麦田春管", "正当时"], "汝川县", "麦田春管正当时", None) == [
        "K-start",
        "T-start",
        "T-cont",
    ]
    assert ht.label_lines(["麦田春管正当时", "——记汝川县"], None, "麦田春管正当时", "——记汝川县") == [
        "T-start",
        "S-start",
    ]
    assert ht.label_lines(["麦田春管", "另一篇的标题"], None, "麦田春管正当时", None) is None  # not in gold
    assert ht.label_lines(["麦田春管"], None, "麦田春管正当时", None) is None  # the title half read


SYNTHETIC: list[tuple[list[str], bool, list[str]]] = [
    (["秋收时节访农家", "张晓峰"], False, ["T-start", "B"]),
    (["写在丰收节前夕", "县农业农村局局长王建国"], False, ["T-start", "B"]),
    (["汝川县农业农村局", "全县春耕备耕有序推进"], False, ["K-start", "T-start"]),
    (["伊阳县人民医院", "开通老年人就医绿色通道"], False, ["K-start", "T-start"]),
    (["桑干县小麦春管工作全面展", "开"], False, ["T-start", "T-cont"]),
    (["翼川县新建农村公路一百公", "里"], False, ["T-start", "T-cont"]),
    (["果园里的“土专家”", "——记桑干县果农协会会长"], False, ["T-start", "S-start"]),
    (["小山村里的大变化", "——记翼川县桃园村党支部书记"], False, ["T-start", "S-start"]),
]


def synthetic_examples():
    return [ht.Example(blocks(lines), phrased, labels) for lines, phrased, labels in SYNTHETIC]


def test_retraining_is_deterministic_and_learns_its_examples():
    opts = {"steps": 60}
    first = ht.fit(synthetic_examples(), opts)
    second = ht.fit(synthetic_examples(), opts)
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    assert ht.evaluate(first, synthetic_examples())["run_exact"] == 1.0
    assert first["version"] == hm.MODEL_VERSION and tuple(first["labels"]) == hm.LABELS


def test_own_examples_weigh_more():
    """--own pages count ``own_weight`` times: the same runs given as own move the weights more."""
    ex = synthetic_examples()
    plain = ht.fit(ex[:2], {"steps": 30})
    own = ht.fit([], {"steps": 30, "own_weight": 5}, own=ex[:2])
    assert plain["weights"] == own["weights"]  # alone, a weight scales nothing
    mixed = ht.fit(ex[2:], {"steps": 30}, own=ex[:2])
    flat = ht.fit(ex, {"steps": 30})
    assert mixed["weights"] != flat["weights"]


@pytest.mark.parametrize(
    ("title", "writer"),
    [
        ("在新起点上推动县域经济高质量发展", "县委书记孙立华"),
        ("写在丰收节前夕", "县农业农村局局长王建国"),
    ],
)
def test_the_writer_under_a_title_is_a_byline_not_a_piece_of_the_title(title, writer):
    got = segment.parse_headline(blocks([title, writer]), phrased=False)
    assert (got.kicker, got.title, got.subtitle, got.bylines) == (None, title, None, [writer])
    assert [label for _, label in got.labels] == ["T-start", "B"]


def test_a_wrapped_tail_is_still_the_title():
    """The byline label must not take the last characters of a title cut at the column's width."""
    got = segment.parse_headline(blocks(["桑干县冬季植树造林工作全面", "展开"]), phrased=False)
    assert (got.title, got.bylines) == ("桑干县冬季植树造林工作全面展开", [])


@pytest.mark.parametrize(
    ("lines", "want"),
    [
        # e-paper copy (each element a line): a long line saying what happened over a short slogan
        (
            ["翼川县多措并举推进农村人居环境整治", "村村都有新模样"],
            ("翼川县多措并举推进农村人居环境整治", "村村都有新模样", None),
        ),
        (
            ["桑干县今年新建改建农村公路一百二十公里", "条条新路通民心"],
            ("桑干县今年新建改建农村公路一百二十公里", "条条新路通民心", None),
        ),
        # ...and who attended under the title that says what happened
        (["翼川县秋季征兵工作启动", "周立新出席"], (None, "翼川县秋季征兵工作启动", "周立新出席")),
        (
            ["翼川县人大常委会召开第十二次会议", "审议乡村振兴促进条例草案 孙立华主持会议"],
            (None, "翼川县人大常委会召开第十二次会议", "审议乡村振兴促进条例草案 孙立华主持会议"),
        ),
        (
            ["二〇二四桑干河文化论坛在翼川开幕", "周立新出席并发表主旨演讲"],
            (None, "二〇二四桑干河文化论坛在翼川开幕", "周立新出席并发表主旨演讲"),
        ),
    ],
)
def test_e_paper_headlines_of_two_lines(lines, want):
    got = segment.parse_headline(blocks(lines), phrased=False, one_per_line=True)
    assert (got.kicker, got.title, got.subtitle) == want


def test_e_paper_features_are_twins_of_the_plain_ones():
    lines = blocks(["翼川县多措并举推进农村人居环境整治", "村村都有新模样"])
    plain = hm.run_features(lines, phrased=False)
    epaper = hm.run_features(lines, phrased=False, one_per_line=True)
    for p, e in zip(plain, epaper):
        assert set(p) < set(e) and e["epaper"] == 1.0
        assert {x[3:] for x in e if x.startswith("ep&")} == {x for x in p if x.startswith(hm.EPAPER_FEATURES)}


@pytest.mark.parametrize("n", range(1, 6))
def test_one_element_a_line_allows_no_wrapped_line_in_short_runs(n):
    got = hm.paths(n, one_per_line=True)
    wrapped = [p for p in got if any(y.endswith("-cont") for y in p)]
    assert (wrapped == []) == (n <= 3)
    assert set(got) <= set(hm.paths(n))


def test_the_writers_lines_are_read_off_the_gold_bylines():
    lines = ["秋收时节访农家", "县委书记孙", "立华"]
    assert ht.label_lines(lines, None, "秋收时节访农家", None, ["县委书记 孙立华"]) == ["T-start", "B", "B"]
    assert (
        ht.label_lines(lines, None, "秋收时节访农家", None, ["县长 周立新"]) is None
    )  # not the gold's writer
    assert (
        ht.label_lines(["县委书记孙立华", "秋收时节访农家"], None, "秋收时节访农家", None, ["县委书记孙立华"])
        is None
    )


def test_split_puts_the_writer_under_a_title_in_the_byline():
    page = "\n".join(
        [
            "在新起点上推动县域经济高质量发展",
            "县委书记孙立华",
            "",
            "　　今年以来，全县上下坚持稳中求进工作总基调，工业、农业、服务业齐头并进，县域经济稳中有进。",
            "",
            "翼川县召开秋季征兵工作会议",
            "",
            "　　本报讯 9月2日，翼川县召开秋季征兵工作会议，安排部署今年征兵各项工作。",
        ]
    )
    first = segment.split(page, trace=True)
    art = first.articles[0]
    assert (art.title, art.byline) == ("在新起点上推动县域经济高质量发展", "县委书记孙立华")
    assert "县委书记孙立华" not in art.paragraphs
    role = [b for b in first.explain.blocks if b.text.startswith("县委书记")][0]
    assert role.role == "byline" and ("model", "B") in role.reasons
    # --explain says which features weighed most for the label, against the closest other label
    name, value = role.reasons[role.reasons.index(("model", "B")) + 1]
    assert name == "model:cue:author" and value.startswith("+") and " B over " in value


def test_a_page_not_cut_at_a_width_wraps_no_headline():
    """On a page of a paragraph a line, a name's line over a title is the kicker, never the start of a
    title that wrapped (on a hard-wrapped page both are read by the model)."""
    lines = blocks(["翼川县桃园村党支部委员会", "小山村里的大变化"])
    got = segment.parse_headline(lines, phrased=False, wrapped=False)
    assert (got.kicker, got.title) == ("翼川县桃园村党支部委员会", "小山村里的大变化")
    assert all("prev:wraps" not in f for f in hm.run_features(lines, phrased=False, wrapped=False))


def test_a_page_is_wrapped_when_its_bodies_run_over_several_lines():
    head = Block("翼川县召开秋季征兵工作会议", 1, 1, "heading")
    flowing = [head, Block("本报讯 9月2日，翼川县召开秋季征兵工作会议。", 3, 3), Block("会议要求……。", 4, 4)]
    cut = [head, Block("本报讯 9月2日，翼川县召开秋季征兵工", 3, 4), Block("会议要求……。", 5, 5)]
    assert not is_wrapped(flowing)
    assert is_wrapped(cut)
    assert not is_wrapped([head])


E_PAPER_FEATURE = "\n".join(
    [
        "翼川县推进数字乡村建设",
        "——三个关键词看乡村新变化",
        "　　今年以来，翼川县把数字乡村建设作为乡村振兴的重要抓手，网络、电商、服务一起推进。",
        "　　县委、县政府出台实施方案，明确了时间表和路线图，各乡镇推出一批特色项目。",
        "　　关键词一——",
        "　　网络通村",
        "　　案例：全县一百八十个行政村全部通了光纤，村里的广场上也有了免费无线网络。",
        "　　点评：网络通了，村民办事不出村，农产品信息也能第一时间发出去。",
        "　　关键词二——",
        "　　电商进村",
        "　　案例：桃园村建起电商服务站，去年帮助村民在网上卖出苹果二十万斤。",
        "　　点评：电商让小苹果走出大山，村民的腰包鼓了起来。",
    ]
)


def test_an_indented_intertitle_of_an_e_paper_page_stays_in_its_body():
    """关键词一—— / 网络通村, indented like the paragraphs, are the feature's intertitles (reflow joins
    the kicker-like line ending in —— to the next; set apart again, each keeps its line's indent),
    not the kicker and title of new articles."""
    page = segment.split(E_PAPER_FEATURE)
    assert len(page.articles) == 1
    art = page.articles[0]
    assert (art.kicker, art.title, art.subtitle) == (
        None,
        "翼川县推进数字乡村建设",
        "——三个关键词看乡村新变化",
    )
    assert "关键词一——" in art.paragraphs and "电商进村" in art.paragraphs


def test_a_speech_s_salutation_on_an_e_paper_page_is_not_a_headline_line():
    """A flush line that ends in ， or ： goes on as a sentence does (女士们，先生们， / 同志们，朋友们：):
    the speech's first paragraph, not a piece of the headline over it."""
    page = "\n".join(
        [
            "在翼川县第十八届人民代表大会第三次会议上的讲话",
            "（2024年1月10日）",
            "各位代表，",
            "同志们：",
            "　　翼川县第十八届人民代表大会第三次会议，在全县上下奋力推进高质量发展的关键时刻召开了。",
            "　　过去的一年，全县经济运行稳中有进，城乡面貌持续改善，群众生活水平稳步提高。",
            "　　今年是全面落实县第十五次党代会部署的重要一年，做好今年的工作意义重大。",
            "　　我们要坚持项目为王，抓好重点工程建设，为全县发展积蓄后劲。",
            "　　我们要坚持民生为本，办好群众身边的实事，让发展成果惠及全县人民。",
            "　　我们要坚持从严治党，锻造过硬干部队伍，营造风清气正的政治生态。",
            "　　让我们更加紧密地团结起来，为建设更加美好的翼川而努力奋斗！",
        ]
    )
    art = segment.split(page).articles[0]
    assert (art.title, art.subtitle) == (
        "在翼川县第十八届人民代表大会第三次会议上的讲话",
        "（2024年1月10日）",
    )
    assert "同志们：" in "".join(art.paragraphs)


@pytest.mark.parametrize("phrased", [False, True])
def test_a_line_opening_with_a_verb_of_saying_is_the_subtitle(phrased):
    """江泽民观看… / 指出…: the line under the title goes on its sentence with what was said."""
    lines = ["县委书记孙立华调研春耕生产", "强调要抓好粮食生产不误农时"]
    assert parts(lines, phrased=phrased) == (None, lines[0], lines[1])
    assert "start:speech" in hm.line_facts(lines[1])
    assert "start:speech" not in hm.line_facts(lines[0])


def test_a_couplet_of_phrases_is_no_writers_names():
    """Two phrases side by side are a title's; two names side by side may be its writers'."""
    assert "couplet:phrases" in hm.line_facts("传承农耕文化 共建美丽乡村")
    assert "couplet:phrases" not in hm.line_facts("王晓东 李建华")
    got = segment.parse_headline(
        blocks(["翼川县东关社区联合驻区单位开展志愿服务活动", "传承农耕文化 共建美丽乡村"], frozenset({1})),
        phrased=True,
    )
    assert "传承农耕文化 共建美丽乡村" not in got.bylines


def test_a_body_s_name_left_under_a_read_headline_is_labelled_none_of_its_parts():
    """The kicker of another story that the page's reading order set under a headline (县农业农村局
    under 春耕备耕正当时) is read as ``B`` for the fit; a line that is no name of a body is not."""
    got = ht.label_lines(["春耕备耕正当时", "县农业农村局"], None, "春耕备耕正当时", None)
    assert got == ["T-start", "B"]
    assert ht.label_lines(["春耕备耕正当时", "另一篇的标题"], None, "春耕备耕正当时", None) is None
