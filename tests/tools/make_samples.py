#!/usr/bin/env python3
"""Build the sample pages under samples/ and their gold answers under tests/golden/.

    python tests/tools/make_samples.py            # (re)write samples/*.txt and tests/golden/*
    python tests/tools/make_samples.py --check    # verify the files on disk are what this makes

Each page is first written below as a structured truth (kicker / title / subtitle / dateline /
bylines / paragraphs / captions, page notes), then turned into damaged text with a seeded random
generator, in one of the two looks of the real seed pages:

  after   headline AFTER its body, text hard-wrapped at a column width (seed 000): the 2-character
          first-line indent lost, blank lines between paragraphs and at column breaks (also in
          mid-paragraph and mid-word), kicker / title / subtitle lines after the body, captions and
          photo bylines, a picture story without dateline, a page credit, a caption pushed to the
          end of the page, stray spaces around digits, Kangxi/radical lookalike glyphs.
  before  headline BEFORE its body, one line per paragraph with blank lines between (seed 004):
          paragraphs broken mid-sentence (even mid-word) by blank lines, half-width , ; : ( ) ! ?
          in Chinese text, spaces around digits, 「」 quotes, a section marker, datelines, byline
          lines, a 责任编辑 credit.

Gold (tests/golden/NAME.gold.json, corpus format) and NAME.clean.txt (what `bulletin clean`
should print: every paragraph, title, kicker, subtitle, section marker, byline, caption and credit
on its own line, in page order) come from the same truth. A self-check runs every time: the Han
characters of each damaged page (lookalikes mapped back) equal, in order, those of its clean text.

Every text is original writing about fictional counties (汾源县, 涑水县, 伊阳县, 翼川县, 汝川县,
桑干县); names, figures and quotes are invented. Truth texts are CLEAN: full-width Chinese
punctuation, half-width digits and Latin, no spaces between Han and digits.

A page is a dict: name (file stem under samples/), layout ("after" | "before"), items (articles and
{"note": ...} section markers / credits, in page order). An article: kicker, title (a list of lines
for a title set on two lines), subtitle, dateline, bylines, paragraphs (without the dateline),
captions, late_captions (captions the extraction pushed to the end of the page), photo (a picture
story: text, photo byline, then title).
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import re
import sys
import zlib
from pathlib import Path


def art(
    title,
    paragraphs,
    *,
    kicker=None,
    subtitle=None,
    dateline="本报讯",
    bylines=(),
    captions=(),
    late_captions=(),
    photo=False,
):
    return {
        "kicker": kicker,
        "title": title,
        "subtitle": subtitle,
        "dateline": dateline,
        "bylines": list(bylines),
        "paragraphs": list(paragraphs),
        "captions": list(captions),
        "late_captions": list(late_captions),
        "photo": photo,
    }


def note(text):
    return {"note": text}


# --------------------------------------------------------------------------- page A
PAGE_AFTER = {
    "name": "page-headline-after",
    "layout": "after",
    "county": "汾源县",
    "items": [
        art(
            "汾源县部署春耕备耕暨安全生产工作",
            [
                "3月1日，汾源县召开2024年春耕备耕暨安全生产工作会议，总结去年农业生产和安全生产工作，"
                "安排部署今年重点任务。县委副书记、县长李建军出席会议并讲话。",
                "会议指出，2023年，全县粮食播种面积稳定在42.6万亩，总产量达到2.1亿公斤，农村居民人均可"
                "支配收入增长7.8%。今年全县计划落实粮食播种面积43万亩以上，其中玉米28万亩、谷子等小杂粮"
                "9.5万亩，确保粮食产量稳中有增。",
                "会议要求，各乡镇要抓住当前有利时机，做好化肥、种子、农药等农资储备和调运。目前全县已储备"
                "化肥1.2万吨、良种860吨，能够满足春播需要。农业农村部门要组织120名农技人员下沉一线，开展"
                "“包村联户”技术指导，力争主要农作物良种覆盖率达到98%以上。",
                "“春耕生产和安全生产都是一年的开局，哪一头都不能松。”李建军在讲话中强调，要紧盯农机作业、"
                "道路交通、燃气使用、森林防火等重点领域，扎实开展隐患排查整治，对排查出的问题建立台账、"
                "限时销号，坚决遏制各类事故发生。",
            ],
        ),
        art(
            "“春风行动”专场招聘会送出岗位1.1万个",
            [
                "2月26日上午，汾源县2024年“春风行动”暨就业援助月专场招聘会在县文体中心广场举行，186家"
                "企业带来岗位1.1万个，吸引3200余名求职者到场咨询。",
                "招聘会现场设置了企业招聘区、政策咨询区、技能培训报名区和直播带岗区。不到10:30，各展位前"
                "已排起长队。一家本地新能源企业开出的技术员岗位月薪4,500元至8,000元，还提供免费食宿，"
                "不少年轻人驻足咨询。",
                "“过去找工作要跑到太原，现在家门口就有这么多选择。”来自东阳镇的求职者王海燕说，她在现场"
                "和一家电商企业达成了初步意向，“月薪5,200元，离家近，还能照顾孩子。”",
                "据县人社局局长赵文斌介绍，今年招聘会首次开通线上报名通道，求职者通过“汾源就业”APP即可"
                "浏览岗位、投递简历，当天线上访问量超过2.6万人次。截至下午4时，现场初步达成就业意向"
                "1460人。",
            ],
            kicker="汾源县人社局",
        ),
        art(
            "小杂粮“种”出乡村振兴好光景",
            [
                "走进东阳镇南庄村的小米加工车间，一袋袋包装精美的富硒小米正被装箱打包，准备发往北京、上海"
                "等地。“去年合作社收购谷子180万斤，带动周边5个村350多户种植户增收。”南庄谷丰种植专业"
                "合作社理事长刘春生说。",
                "近年来，东阳镇立足旱垣地多、光照充足的优势，把谷子产业作为乡村振兴的主导产业来抓，推行"
                "“合作社+基地+农户”模式，统一供种、统一技术、统一收购。去年全镇谷子种植面积扩大到3.2万"
                "亩，亩均增收300元以上。",
                "为解决“卖难”问题，镇上建起了电商服务站，借助5G网络开展直播带货。“以前小米论斤卖，现在"
                "做成礼盒，一盒能卖到128元。”返乡大学生、主播张晓婷一边整理直播设备一边说，去年她的直播"
                "间共卖出小米4.5万单。",
                "东阳镇党委书记郭建平表示，下一步将继续延长产业链条，引进杂粮深加工项目，让小杂粮真正成为"
                "群众增收致富的“金豆豆”。",
            ],
            kicker="东阳镇",
            subtitle="全镇谷子种植面积扩大到3.2万亩",
        ),
        art(
            "非遗闹元宵 古城年味浓",
            [
                "2月24日是元宵节，汾源县“我们的节日·元宵”非遗展演活动在县城鼓楼广场举行。威风锣鼓、"
                "背棍、高跷、旱船等18支民间文艺队伍、1300余名演员轮番登场，吸引了数万名群众驻足观看。",
                "上午9时许，随着一阵铿锵有力的锣鼓声响起，展演活动拉开序幕。城关镇威风锣鼓队的60名队员"
                "身着红色演出服，鼓点时而如万马奔腾，时而如细雨落地，赢得现场观众阵阵喝彩。",
                "“我今年71岁了，从小就爱看背棍。今天带着孙子来，就是想让娃娃们也知道咱老祖宗留下来的好"
                "东西。”家住城关镇西街的市民武桂兰说。",
                "据了解，汾源县现有省级非物质文化遗产代表性项目6项、市级23项。近年来，该县通过建设非遗"
                "传习所、开展非遗进校园等方式，培养年轻传承人200余名，让传统技艺焕发新活力。",
            ],
            captions=["图为城关镇威风锣鼓队在展演现场表演。"],
        ),
        art(
            "志愿服务暖人心 文明新风进万家",
            [
                "3月5日是第61个“学雷锋纪念日”，汾源县新时代文明实践中心组织全县420余支志愿服务队伍，"
                "开展形式多样的学雷锋志愿服务活动。",
                "在县城新华社区，志愿者们为居民义务理发、测量血压、维修小家电，现场还设置了反诈宣传咨询"
                "台。“手机里装了国家反诈中心APP，接到陌生电话心里就有底了。”社区居民梁玉梅说。",
                "在城东敬老院，县第二中学的30名学生志愿者为老人们打扫房间、表演节目。高二学生王子涵说："
                "“雷锋精神离我们并不遥远，从身边的小事做起就是最好的传承。”",
                "据统计，全县注册志愿者已达5.6万人，占常住人口的20%以上。今年以来，累计开展各类志愿服务"
                "活动1800余场次，服务群众12万人次。",
            ],
        ),
        art(
            "汾源县首届“村BA”篮球联赛开赛",
            [
                "3月2日晚，汾源县首届“村BA”篮球联赛在县体育馆开赛。来自全县12个乡镇的32支农民篮球队将"
                "在为期一个月的比赛中展开角逐。",
                "开幕式后，东阳镇队与城关镇队进行了揭幕战。双方队员你来我往，比分交替上升，最终东阳镇队以"
                "68比65险胜。场边观众的加油声、呐喊声此起彼伏，气氛十分热烈。",
                "“白天在地里干活，晚上来打球，这就是我们庄稼人的快乐。”东阳镇队队长、种植大户韩志勇说，"
                "为了这次比赛，队员们利用农闲时间练了两个多月。",
                "县文化和旅游局相关负责人介绍，本届联赛采取小组循环赛和淘汰赛相结合的方式，比赛全程通过"
                "“汾源融媒”APP进行直播，让更多群众在家门口感受体育运动的魅力。",
            ],
            late_captions=["比赛现场，队员们奋力拼抢。"],
        ),
        art(
            ["春光正好", "农事正忙"],
            [
                "连日来，汾源县各地抢抓农时，农民群众翻地、施肥、覆膜，田间地头一派繁忙景象。"
                "图为东阳镇南庄村村民驾驶旋耕机平整土地。",
            ],
            dateline=None,
            captions=["本报通讯员 郭志强 摄"],
            photo=True,
        ),
        note("本版文图均由汾源县融媒体中心提供"),
    ],
}

# --------------------------------------------------------------------------- page B
PAGE_AFTER_2 = {
    "name": "page-headline-after-2",
    "layout": "after",
    "county": "涑水县",
    "items": [
        art(
            "涑水县部署安全生产大检查工作",
            [
                "3月4日，涑水县召开安全生产大检查动员部署会，对全县安全生产工作进行再安排、再部署。副县长、"
                "县安委会副主任陈志刚出席会议并讲话。",
                "会议通报了1至2月全县安全生产形势，分析了当前工作中存在的薄弱环节。会议要求，从即日起至5月"
                "底，在全县范围内开展为期三个月的安全生产大检查，重点检查危险化学品、建筑施工、道路交通、"
                "燃气、消防等行业领域，做到全覆盖、无死角。",
                "陈志刚强调，各级各部门要坚持“管行业必须管安全、管业务必须管安全、管生产经营必须管安全”，"
                "主要负责人要亲自带队检查，对发现的重大隐患实行挂牌督办。对隐患整改不力、弄虚作假的，一律"
                "依法依规严肃追责。",
                "会后，县应急管理局组织6个检查组分赴各乡镇开展督导检查。截至目前，已检查企业137家，排查"
                "一般隐患286处，已整改到位241处，整改率达84.3%。",
            ],
            kicker="压紧压实责任 全面排查隐患",
        ),
        art(
            "苹果园里有了“数字管家”",
            [
                "清晨，在涑水县三合村的苹果园里，一排排传感器静静矗立在果树间。果农杨长福打开手机，土壤"
                "湿度、空气温度、光照强度等数据一目了然。“以前靠经验，现在看数据，哪块地该浇水、该施肥，"
                "手机上都能看得清清楚楚。”杨长福说。",
                "三合村种植苹果已有30多年历史，全村苹果面积2800亩。2023年，村里与县农业农村局、电信公司"
                "合作，投入资金96万元，建成覆盖1200亩果园的5G物联网监测系统，配备虫情测报灯、气象站、"
                "高清摄像头等设备。",
                "“系统后台的CPU每隔10分钟就会分析一次数据，一旦发现病虫害风险，会自动给果农发送预警信息。”"
                "村党支部书记、村委会主任薛长江介绍，智慧果园建成后，农药使用量减少了20%，亩均节省人工"
                "成本400元。",
                "尝到了甜头，村民们的积极性更高了。今年，三合村计划再扩建智慧果园800亩，并发展苹果深加工"
                "和乡村旅游，进一步拓宽群众增收渠道。",
            ],
            subtitle="三合村借力5G物联网发展智慧果业",
        ),
        art(
            "去年全县空气质量优良天数同比增加21天",
            [
                "记者从涑水县生态环境局获悉，2023年，全县环境空气质量优良天数达到268天，同比增加21天；"
                "PM2.5平均浓度为38微克/立方米，同比下降12.5%，空气质量改善幅度位居全市前列。",
                "成绩的取得，得益于大气污染综合治理的持续发力。去年以来，该县累计完成清洁取暖改造1.3万户，"
                "淘汰老旧车辆620辆，对46家涉气企业实施深度治理，并在城区主要路段增加洒水、雾炮作业频次。",
                "“现在出门抬头就能看到蓝天，心情也跟着好起来了。”每天坚持在滨河公园晨练的市民张秀英说。",
                "县生态环境局局长吴长海表示，今年将继续聚焦重点行业、重点区域，力争全县PM2.5平均浓度控制"
                "在36微克/立方米以内，让群众享有更多蓝天白云。",
            ],
            kicker="涑水县",
        ),
        art(
            "蒲剧进校园 戏韵润童心",
            [
                "“一招一式要到位，眼神要跟着手走……”3月6日下午，在涑水县实验小学的排练厅里，县蒲剧团青年"
                "演员李婷正手把手地教孩子们练习身段。这是该县“戏曲进校园”活动的一个场景。",
                "蒲剧是山西四大梆子之一，被列入第一批国家级非物质文化遗产名录。为让传统戏曲在青少年中生根"
                "发芽，涑水县从2022年起在全县15所中小学开设蒲剧兴趣课堂，每周安排2个课时，由专业演员上门"
                "授课。",
                "“刚开始觉得蒲剧离我们很远，学了之后才发现它特别有意思。”五年级学生王雨萱说，她最喜欢的是"
                "《挂画》里的踢鞋表演，现在已经能完整地唱下一个选段了。",
                "县蒲剧团团长贾长青说，两年来，剧团共为学生授课600余节，培养了一批“小戏迷”，其中12名学生"
                "在省、市少儿戏曲比赛中获奖。",
            ],
            captions=["图为蒲剧演员为学生示范身段动作。", "本报记者 薛丽 摄"],
        ),
        art(
            "县职业中学举办无人机植保技能培训班",
            [
                "3月7日，涑水县职业中学无人机植保技能培训班开班，来自全县8个乡镇的56名农民学员走进课堂，"
                "学习无人机操控、农药配比、飞行安全等知识。",
                "培训为期10天，采取理论教学与田间实操相结合的方式。学员考核合格后，可获得相应的职业技能"
                "等级证书，并享受每人1,200元的培训补贴。",
                "“一台无人机一天能喷800多亩地，比人工快几十倍。”学员刘晓东说，他家流转了300亩土地，学会"
                "了无人机操作，今年不仅能管好自家的地，还能给周边村民提供植保服务，增加一份收入。",
                "据了解，今年涑水县计划开展各类职业技能培训3000人次，重点围绕农业机械、电子商务、家政服务"
                "等领域，帮助农村劳动力提升就业创业能力。",
            ],
            kicker="家门口学技能 掌握一技之长",
        ),
        note("本版图片均由涑水县融媒体中心提供"),
    ],
}

# --------------------------------------------------------------------------- page C
PAGE_AFTER_3 = {
    "name": "page-headline-after-3",
    "layout": "after",
    "county": "伊阳县",
    "items": [
        art(
            "伊阳县召开优化营商环境工作推进会",
            [
                "2月28日，伊阳县召开优化营商环境工作推进会，通报2023年全县营商环境评价结果，安排部署今年"
                "重点工作。县委书记周明远出席会议并讲话。",
                "会议指出，去年以来，全县持续深化“放管服”改革，政务服务事项网上可办率达到98.6%，企业开办"
                "时间压缩至0.5个工作日，新增市场主体4860户，同比增长15.2%。",
                "周明远强调，营商环境没有最好，只有更好。要聚焦企业和群众办事的难点堵点，大力推行“一件事"
                "一次办”，让数据多跑路、群众少跑腿；要建立县级领导分包联系重点企业制度，对企业反映的问题"
                "做到件件有回音、事事有着落。",
                "会上，县发展改革委、县市场监管局等6个单位作了表态发言，12家企业代表获颁“营商环境监督员”"
                "聘书。",
            ],
        ),
        art(
            "伊阳县42万亩小麦进入返青管理关键期",
            [
                "眼下，伊阳县42万亩小麦陆续进入返青期。连日来，该县组织农技人员深入田间地头，指导农户开展"
                "镇压划锄、追肥浇水和病虫害防治，为夏粮丰收打牢基础。",
                "在城关镇东王村的麦田里，县农技推广中心高级农艺师李长生正蹲在地头查看苗情。“今年墒情总体"
                "不错，但部分地块出现了旺长，要及时镇压控旺，防止后期倒伏。”他一边说，一边向围拢过来的"
                "村民讲解。",
                "为确保技术指导到位，伊阳县成立了15个科技服务小分队，分包全县14个乡镇，通过现场培训、发放"
                "明白纸、微信群答疑等方式，累计培训农民6800余人次。同时，县里统一调配植保无人机90架，对条"
                "锈病、蚜虫等开展统防统治。",
                "“有了专家指导，心里踏实多了。”种粮大户马振国说，他今年种了260亩小麦，已经全部追施了返青"
                "肥，“只要后期天帮忙，亩产上千斤没问题。”",
            ],
            kicker="抢抓农时促苗情转化",
        ),
        art(
            "伊阳县第五届乡村文化旅游节开幕",
            [
                "3月9日，伊阳县第五届乡村文化旅游节在伊河湾景区开幕。本届旅游节以“赏春花、品民俗、游伊阳”"
                "为主题，将持续至4月底。",
                "开幕式上，豫剧、舞狮、唢呐等民间艺术轮番上演，现场还设置了非遗手作、特色美食和农特产品"
                "展销区。伊阳粉条、土蜂蜜、手工挂面等200多种农特产品吸引了大批游客选购。",
                "“听说这里的桃花开了，一大早就从洛阳市区开车过来，没想到还能看到这么多非遗表演，不虚此行。”"
                "游客陈思雨说。",
                "据介绍，旅游节期间，该县还将推出“乡村四季游”精品线路8条，举办摄影大赛、农民丰收市集等"
                "活动20余场。去年旅游节期间，全县共接待游客86万人次，实现旅游综合收入4.3亿元。",
            ],
            captions=["图为开幕式现场的舞狮表演。"],
        ),
        art(
            "“家门口”招聘会搭起就业“连心桥”",
            [
                "3月3日，伊阳县在县人力资源市场举办“春暖伊阳 就业启航”专场招聘会，92家企业提供就业岗位"
                "3600个。",
                "现场，求职者们手拿简历，穿梭在各个招聘展位之间，仔细了解岗位要求和薪资待遇。县人社局还"
                "设置了社保咨询、创业担保贷款申请等服务台，为求职者提供“一站式”服务。",
                "“我在外地打工好几年了，今年想在家附近找个稳定的工作。”在一家服装企业的展位前，求职者赵红霞"
                "填写了登记表。她应聘的缝纫工岗位月薪在3,800元左右，“虽然比外面少一点，但能照顾家里，"
                "挺好。”",
                "据统计，当天共有2100余名求职者进场，达成初步就业意向870人。",
            ],
        ),
        art(
            "伊阳县“迎春长跑”活动鸣枪开跑",
            [
                "3月10日上午8时，伊阳县2024年“迎春长跑”活动在县体育中心鸣枪开跑，来自机关单位、学校、"
                "企业和社会各界的1500余名长跑爱好者参加活动。",
                "本次活动设5公里健康跑和10公里挑战跑两个项目，路线沿伊河滨河大道往返。参赛选手中，年龄"
                "最大的68岁，最小的只有9岁。",
                "“跑在河边，看着两岸的春景，感觉特别舒服。”在县第一高级中学任教的王长军已经连续3年参加这项"
                "活动，他说，跑步已经成为他生活中不可缺少的一部分。",
            ],
            kicker="全民健身",
        ),
        art(
            ["智慧农机", "助力春播"],
            [
                "3月8日，在伊阳县白沙镇的一处高标准农田里，农机手正操作北斗导航播种机进行作业。该播种机"
                "可实现厘米级精准作业，每天播种面积可达150亩。",
            ],
            dateline=None,
            captions=["本报记者 杜晓峰 摄"],
            photo=True,
        ),
        note("本版文图均由伊阳县融媒体中心提供"),
    ],
}

# --------------------------------------------------------------------------- page D
PAGE_BEFORE = {
    "name": "page-headline-before",
    "layout": "before",
    "county": "翼川县",
    "items": [
        art(
            "翼川县召开2024年乡村振兴重点工作推进会",
            [
                "3月1日，翼川县召开2024年乡村振兴重点工作推进会，总结2023年巩固拓展脱贫攻坚成果和乡村振兴"
                "工作，安排部署今年重点任务。县委书记孙立华出席会议并讲话。",
                "会议指出，2023年，全县脱贫人口人均纯收入达到13860元，同比增长14.1%；新建和改造提升高标准"
                "农田5.2万亩；新培育市级以上农业产业化龙头企业4家，村级集体经济收入全部达到10万元以上。",
                "孙立华强调，要守牢不发生规模性返贫底线，对易返贫致贫人口做到早发现、早干预、早帮扶；要"
                "做强特色产业，围绕花椒、核桃、中药材等主导产业，延链补链强链；要扎实推进和美乡村建设，"
                "今年完成农村户厕改造3000户，打造示范村12个。",
                "会议以视频形式开到各乡镇，各乡镇党委书记、乡镇长，县直有关部门主要负责人共200余人参加会议。",
            ],
            bylines=["本报记者 王晓东"],
        ),
        art(
            "山西今年将新改建农村公路3000公里",
            [
                "记者从山西省交通运输厅获悉，2024年山西将新改建农村公路3000公里，实施农村公路安全生命防护"
                "工程1500公里，改造危旧桥梁100座，进一步提升农村公路通行能力和安全水平。",
                "据介绍，今年山西将继续推进“四好农村路”建设，重点加强资源路、旅游路、产业路建设，推动"
                "农村公路与乡村产业、旅游景区融合发展。同时，深化农村公路管理养护体制改革，全面推行"
                "“路长制”，力争全省农村公路优良中等路率达到85%以上。",
                "此外，山西还将加快城乡交通运输一体化发展，推动具备条件的建制村通客车，完善县、乡、村三级"
                "物流服务体系，让群众出行更便捷、农产品运输更顺畅。",
            ],
            dateline="新华社太原3月1日电",
        ),
        art(
            "翼川县以「三张清单」为基层减负松绑",
            [
                "为切实减轻基层负担，让基层干部把更多精力用在抓落实上，今年以来，翼川县推行「事项清单、考核"
                "清单、督查清单」三张清单制度，对面向乡镇、村的各类事项进行全面梳理和规范。",
                "在事项清单上，县委组织部会同县委编办等部门，逐项梳理乡镇职责，明确乡镇履行职责事项86项、"
                "配合上级部门履行职责事项47项。对清单之外的事项，县直部门一律不得随意转嫁给乡镇。",
                "在考核清单上，将原来的32项考核指标精简为18项，取消“留痕式”考核，更多采取实地查看、群众"
                "评议等方式，真正把干部从填表格、报数据中解放出来。",
                "“过去一个月要报十几张表，现在少了一大半，有更多时间到村里、到群众家里走一走了。”翼川县"
                "东坡乡党委副书记张丽说。",
            ],
            dateline="河东新闻网讯",
        ),
        art(
            "县应急管理局开展燃气安全专项检查",
            [
                "为切实防范化解燃气安全风险，近日，翼川县应急管理局联合县住建局、县市场监管局组成联合检查组，"
                "对全县餐饮场所、燃气经营企业开展燃气安全专项检查。",
                "检查组重点检查了燃气管道、阀门、报警装置的安装和使用情况，以及液化气钢瓶是否超期使用、从业"
                "人员是否掌握应急处置知识等。在县城一家火锅店，检查人员发现燃气报警器未正常通电，当即要求"
                "店主立行立改。",
                "“燃气安全无小事！一旦发生泄漏，后果不堪设想。”县应急管理局副局长杨光明说，此次检查共检查"
                "经营场所173家，发现问题隐患65处，已全部督促整改。",
                "下一步，该县将建立燃气安全常态化监管机制，通过“双随机、一公开”等方式开展执法检查，并利用"
                "广播、电视和微信公众号（翼川发布）广泛宣传燃气安全知识。",
            ],
            bylines=["通讯员 李娜"],
        ),
        note("· 乡镇动态 ·"),
        art(
            "南樊镇：小蒜苗铺就致富路",
            [
                "初春时节，走进南樊镇西张村的蒜苗种植大棚，一垄垄蒜苗长势喜人，村民们正忙着收割、捆扎、装箱。",
                "“我们的蒜苗在大棚里种，一年能收三茬，每亩收入能达到1.5万元。”西张村党支部书记刘建国介绍，"
                "村里采取“党支部+合作社+农户”模式，统一提供种苗、技术和销售服务，目前全村蒜苗种植面积已"
                "发展到460亩，带动120户群众稳定增收。",
                "今年52岁的村民王秀兰在合作社打工已经3年了。“在家门口上班，一天能挣120元，还不耽误照顾"
                "老人和孩子！”她笑着说。",
            ],
        ),
        art(
            "北坡乡开展“法律明白人”进村宣讲活动",
            [
                "为提升群众法治意识，近日，北坡乡组织“法律明白人”志愿服务队走进全乡14个行政村，开展"
                "“送法进村”宣讲活动。",
                "宣讲中，志愿者们结合农村土地流转、婚姻家庭、赡养老人、防范电信诈骗等群众关心的问题，用身边"
                "的真实案例进行讲解，并现场发放宣传资料1500余份，解答群众咨询230余人次。",
                "“以前遇到纠纷不知道找谁，现在村里有了‘法律明白人’，有事随时能问。”北坡乡后沟村村民马长贵说。",
                "据了解，北坡乡共培养“法律明白人”42名，实现每个行政村至少3名的全覆盖。",
            ],
        ),
        note("责任编辑：王晓燕"),
    ],
}

# --------------------------------------------------------------------------- page E
# Also converted to Traditional (Big5): no 里 (inside), 着, 面 (noodles) or other characters whose
# OpenCC form Big5 lacks.
PAGE_BEFORE_2 = {
    "name": "page-headline-before-2",
    "layout": "before",
    "county": "汝川县",
    "items": [
        art(
            "汝川县召开2024年重点项目建设推进会",
            [
                "2月29日，汝川县召开2024年重点项目建设推进会，听取全县重点项目建设情况汇报，研究部署下一步"
                "工作。县委副书记、县长高建国出席会议并讲话。",
                "会议通报，今年全县共谋划重点项目126个，总投资428.6亿元，年度计划投资135亿元。截至目前，"
                "已开工项目58个，开工率46%，完成投资21.3亿元。",
                "高建国指出，项目建设是推动高质量发展的“硬支撑”。各级各部门要强化土地、资金、用能等要素"
                "保障，落实县级领导分包重点项目制度，对项目建设中遇到的困难和问题，能现场解决的现场解决，"
                "不能现场解决的明确时限、跟踪督办。",
                "会议要求，要以“拼”的精神、“抢”的劲头，全力以赴抓开工、促进度，确保一季度新开工项目不少于"
                "40个，实现“开门红”。",
            ],
            bylines=["本报记者 张鹏", "通讯员 刘晓燕"],
        ),
        art(
            "河南春耕备播有序推进",
            [
                "眼下正值春耕备播关键时期，河南各地抢抓农时，组织农资供应和农机检修，全力推进春耕生产。",
                "河南省农业农村厅介绍，全省今年计划春播粮食作物面积稳定在7500万亩以上。目前，全省已储备"
                "化肥超过400万吨，种子供应充足，完成农机具检修保养35万台（套）。",
                "为保障春耕用工，各地还组织农技人员进村入户开展技术服务，推广小麦“一喷三防”、玉米密植精准"
                "调控等关键技术，力争全年粮食产量稳定在1300亿斤以上。",
            ],
            dateline="新华社郑州3月1日电",
        ),
        art(
            "汝川县「互联网+医疗健康」让群众少跑腿",
            [
                "“以前看病要排好几个小时的队，现在手机上就能预约挂号，到医院直接看病，太方便了！”3月2日，"
                "在汝川县人民医院门诊大厅，市民李秀梅拿起手机说。",
                "近年来，汝川县大力推进「互联网+医疗健康」建设，建成县域远程医疗协作平台，实现县、乡、村"
                "三级医疗机构互联互通。群众通过“健康汝川”APP，可在线完成预约挂号、报告查询、费用支付等"
                "12项服务。",
                "在乡镇卫生院，医生通过5G远程会诊系统，可以实时与县医院专家“面对面”交流。去年以来，全县"
                "累计开展远程会诊4100余例、远程心电诊断2.6万例，让群众在家门口就能享受到优质医疗服务。",
            ],
            dateline="鹰城新闻网讯",
        ),
        art(
            "汝瓷传承人：让千年窑火生生不息",
            [
                "走进汝川县蟒川镇的一家汝瓷工作室，拉坯、修坯、施釉、烧制……工作人员正在有条不紊地忙碌。"
                "工作室负责人、市级非遗传承人陈建伟拿起一只刚出窑的天青釉茶盏，仔细端详。",
                "“汝瓷讲究‘青如天、面如玉’，一件好作品，从选料到出窑要经过70多道工序，哪一道都马虎不得。”"
                "陈建伟说，他从18岁开始学艺，至今已有30年。",
                "为让汝瓷技艺后继有人，陈建伟先后带徒46名，还在工作室开设研学课堂，每年接待中小学生3000余"
                "人次。去年，他的工作室线上线下销售汝瓷产品1.8万件，销售额达到560万元。",
                "“希望更多年轻人爱上汝瓷，把这门手艺传下去。”陈建伟说。",
            ],
        ),
        note("· 文明实践 ·"),
        art(
            "汝川县“银发”志愿者活跃在城乡社区",
            [
                "每天早上7时，68岁的退休教师周桂芳都会准时出现在汝川县城东社区的“爱心驿站”，为过往的环卫"
                "工人、外卖骑手送上热水和早餐。",
                "“退休了还能做点什么？身体还硬朗，能为大家做点事，我觉得很快乐！”周桂芳说。",
                "近年来，汝川县积极引导退休干部、教师、医生等群体加入志愿服务队伍，目前全县已组建“银发”"
                "志愿服务队56支，注册志愿者2300余人，常态化开展政策宣讲、文明劝导、邻里互助等志愿服务。",
                "据统计，去年全县“银发”志愿者共开展服务活动3200余场次，受益群众超过8万人次。",
            ],
        ),
        art(
            "汝川县举办返乡创业就业对接会",
            [
                "3月5日，汝川县举办“春风送岗 情暖返乡”创业就业对接会，58家企业现场提供岗位2100余个，涵盖"
                "智能制造、电子商务、物流运输等领域。对接会从上午9:30持续到中午12:00。",
                "对接会现场，县人社局工作人员向返乡人员详细讲解创业担保贷款政策：个人最高可申请30万元，"
                "小微企业最高可申请400万元，符合条件的还可享受财政贴息。",
                "“我在深圳做了8年电子商务，这次回来想和乡亲们一起在网上卖山货。”返乡青年张浩说，听了政策"
                "讲解，心中更有底了。",
                "据了解，当天现场达成就业意向620人，12名返乡人员提交了创业贷款申请。",
            ],
        ),
        note("责任编辑：赵敏"),
    ],
}

# --------------------------------------------------------------------------- page F
PAGE_BEFORE_3 = {
    "name": "page-headline-before-3",
    "layout": "before",
    "county": "桑干县",
    "items": [
        art(
            "桑干县黄花产业迎来“春管”忙",
            [
                "3月中旬，桑干县西岭乡的黄花地里，村民们正忙着清理残叶、松土施肥。“黄花是我们的‘致富花’，"
                "春管抓得好，夏天才能有好收成。”西岭村种植户马金花说。",
                "近年来，桑干县把黄花作为乡村振兴的主导产业，全县黄花种植面积达到6.8万亩，年产值3.2亿元，"
                "带动2.1万名群众增收。今年，县里投入资金2600万元，新建黄花烘干生产线4条，进一步提升产业"
                "附加值。",
                "县农业农村局局长王志刚表示，下一步将加快推进黄花品牌建设，发展黄花酱、黄花饼等深加工产品，"
                "让“小黄花”变成“大产业”。",
            ],
            bylines=["本报记者 李文静"],
        ),
        art(
            "桑干县开展煤矿安全生产“春季攻势”",
            [
                "3月8日，桑干县召开煤矿安全生产“春季攻势”动员会，部署开展为期两个月的煤矿安全隐患排查"
                "整治行动。",
                "行动期间，县能源局将组织专业检查组，对全县9座生产煤矿逐一开展“体检式”检查，重点排查瓦斯"
                "防治、顶板管理、机电运输、通风系统等方面存在的隐患，同时严厉打击超能力生产、违法分包转包"
                "等行为。",
                "“安全生产是煤矿企业的生命线，来不得半点马虎！”县能源局局长高振华说，对检查发现的问题，"
                "将实行清单管理、限期整改，整改不到位的一律停产整顿。",
            ],
        ),
        note("· 文体新闻 ·"),
        art(
            "2024桑干河半程马拉松赛报名启动",
            [
                "记者从桑干县文化和旅游局获悉，2024桑干河半程马拉松赛将于5月19日7:30鸣枪开跑，目前报名"
                "工作已经启动。",
                "本次赛事设半程马拉松（21.0975公里）和健康跑（5公里）两个项目，总规模5000人。赛道沿桑干河"
                "国家湿地公园布设，跑友们可以一边奔跑一边欣赏湿地风光。参赛者可通过“桑干马拉松”微信小程序"
                "或APP报名，报名截止时间为4月20日。",
                "“举办马拉松赛，既能推动全民健身，也能带动餐饮、住宿等消费，让更多人了解桑干。”县文化和旅游"
                "局副局长孙晓梅说。",
            ],
        ),
        art(
            "剪纸艺人张凤英：一把剪刀剪出多彩生活",
            [
                "一张红纸，一把剪刀，在张凤英的手中翻飞。不到10分钟，一幅栩栩如生的《喜鹊登梅》就完成了。",
                "今年63岁的张凤英是县级非物质文化遗产“桑干剪纸”代表性传承人，从12岁开始跟着母亲学习剪纸，"
                "至今已有50多年。她的作品多次在省、市民间艺术展中获奖。",
                "近年来，张凤英在县文化馆开设免费剪纸培训班，累计培训学员800余人。“剪纸是老祖宗留下的手艺，"
                "不能在我们这一代断了。”她说。",
            ],
            kicker="指尖上的非遗",
        ),
        art(
            "桑干县实现5G网络行政村全覆盖",
            [
                "近日，随着西岭乡最后一座5G基站开通，桑干县实现了全县186个行政村5G网络全覆盖。",
                "据县工信局介绍，2023年以来，该县累计投资1.6亿元，新建5G基站420座，城区和乡镇重点区域平均"
                "下载速率超过500Mbps。",
                "5G网络的普及，为智慧农业、远程医疗、在线教育等应用提供了有力支撑。“现在在村里就能用手机"
                "开直播卖土豆，网速一点都不卡！”西岭村电商带头人刘亮说。",
            ],
        ),
        note("责任编辑：郭晓燕"),
    ],
}

PAGES = [PAGE_AFTER, PAGE_AFTER_2, PAGE_AFTER_3, PAGE_BEFORE, PAGE_BEFORE_2, PAGE_BEFORE_3]


# =========================================================================== generator
ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"

# How each page is damaged. Widths are in Chinese characters (a Han char = 2 display columns,
# an ASCII char = 1); column heights in text lines.
SETTINGS = {
    "page-headline-after": dict(
        width=15, photo_width=18, col_lines=(14, 20), digit_spaces=0.5, lookalikes="日人", lead_space=True
    ),
    "page-headline-after-2": dict(
        width=14, photo_width=17, col_lines=(12, 18), digit_spaces=0.6, lookalikes="行长", lead_space=False
    ),
    "page-headline-after-3": dict(
        width=17, photo_width=20, col_lines=(10, 16), digit_spaces=0.4, lookalikes="日长", lead_space=True
    ),
    "page-headline-before": dict(
        ascii_punct="，；（）！",
        ascii_mode=1.0,
        digit_spaces=0.85,
        midbreak=0.35,
        lead_blanks=2,
        final_newline=False,
    ),
    "page-headline-before-2": dict(
        ascii_punct="，：；（）！？",
        ascii_mode=1.0,
        digit_spaces=0.6,
        midbreak=0.4,
        lead_blanks=1,
        final_newline=True,
    ),
    "page-headline-before-3": dict(
        ascii_punct="，！", ascii_mode=0.7, digit_spaces=0.5, midbreak=0.3, lead_blanks=0, final_newline=True
    ),
}

# Copies in other encodings / line ends: name -> (source page, encoding, how)
COPIES = {
    "page-headline-before.gbk": ("page-headline-before", "gbk", "GBK bytes"),
    "page-headline-after.utf16": ("page-headline-after", "utf-16-le", "UTF-16-LE bytes, no BOM"),
    "page-headline-before.crlf": ("page-headline-before", "utf-8", "UTF-8 with CRLF line ends"),
}
TRADITIONAL = ("page-traditional.big5", "page-headline-before-2")  # OpenCC s2t + t2tw, then Big5

LOOKALIKE = {"日": "\u2f47", "人": "\u2f08", "行": "\u2f8f", "长": "\u2ed3"}  # ⽇ ⼈ ⾏ ⻓
UNLOOK = {v: k for k, v in LOOKALIKE.items()}
HALF = {"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "！": "!", "？": "?"}
FW_PUNCT = set("，。、；：？！“”‘’《》（）…—·「」")
CLOSING = set("，。、；：？！”’》）」…")
OPENING = set("“‘《（「")
ENDERS = set("。！？!?”’」")
CLOSING_ANY = CLOSING | set(",;:!?)")  # after half-width damage
OPENING_ANY = OPENING | {"("}


def is_han(c):
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or c in UNLOOK


def is_digit(c):
    return c.isascii() and c.isdigit()


def in_run(c):
    """Part of a half-width run that typesetting never breaks (numbers, Latin words)."""
    return c.isascii() and (c.isalnum() or c in ".,:%")


def em(c):
    """Width in em (1 em = one Chinese character = 2 display columns)."""
    if c.isascii():
        return 0.5
    if c in FW_PUNCT:
        return 0.75  # justified text squeezes punctuation: punctuation-heavy lines hold more
    return 1.0


def ems(s):
    return sum(em(c) for c in s)


def seed_of(name):
    return zlib.crc32(name.encode("utf-8"))


# --------------------------------------------------------------------------- damage
def digit_spaces(s, p, rng):
    """Stray spaces at Han|digit boundaries ('由 21 个', '3 月 1 日'), as pdftotext leaves them."""
    out = []
    for i, c in enumerate(s):
        if i and ((is_han(s[i - 1]) and is_digit(c)) or (is_digit(s[i - 1]) and is_han(c))):
            if rng.random() < p:
                out.append(" ")
        out.append(c)
    return "".join(out)


def ascii_punct(s, chars, rate, rng):
    return "".join(HALF[c] if c in chars and rng.random() < rate else c for c in s)


def lookalikes(s, chars):
    return "".join(LOOKALIKE[c] if c in chars else c for c in s)


class Damager:
    def __init__(self, cfg, rng):
        self.cfg, self.rng = cfg, rng

    def __call__(self, s):
        cfg, rng = self.cfg, self.rng
        if cfg.get("lookalikes"):
            s = lookalikes(s, cfg["lookalikes"])
        if cfg.get("ascii_punct"):
            s = ascii_punct(s, cfg["ascii_punct"], cfg["ascii_mode"], rng)
        if cfg.get("digit_spaces"):
            s = digit_spaces(s, cfg["digit_spaces"], rng)
        return s


# --------------------------------------------------------------------------- layout: after
def wrap(s, width, rng, indent=2, jitter=0.15):
    """Hard-wrap one paragraph as a justified PDF column would, first-line indent lost.

    Lines hold `width` em; punctuation is squeezed (0.75 em) so lines with more of it hold more
    characters; closing punctuation hangs at the line end, opening punctuation never ends a line,
    numbers and Latin words are not split; now and then the justification gives half an em.
    """
    lines, i, n, first = [], 0, len(s), True
    while i < n:
        cap = width - (indent if first else 0)
        if rng.random() < jitter:
            cap += rng.choice((-0.5, 0.5))
        w, j = 0.0, i
        while j < n and w + em(s[j]) <= cap + 1e-9:
            w += em(s[j])
            j += 1
        if j < n:
            k = 0
            while j < n and s[j] in CLOSING and k < 2:  # hanging punctuation
                j += 1
                k += 1
            while j - 1 > i and s[j - 1] in OPENING:
                j -= 1
            if j < n and j - 1 > i and s[j - 1] == s[j] and s[j] in "…—":
                j -= 1
            if j < n and in_run(s[j - 1]) and in_run(s[j]):
                k = j
                while k > i and in_run(s[k - 1]):
                    k -= 1
                if k > i:
                    j = k
        lines.append(s[i:j].strip(" "))
        i, first = j, False
        while i < n and s[i] == " ":
            i += 1
    return lines


def render_after(page, cfg, rng):
    """Return (text lines, clean lines) for a headline-after page."""
    dmg = Damager(cfg, rng)
    W = cfg["width"]
    out, clean, late = [], [], []
    counts = {"column_breaks_mid_paragraph": 0, "paragraph_blank_lost": 0}
    skipped_blank = False

    def blank():
        if out and out[-1] != "":
            out.append("")

    for item in page["items"]:
        if "note" in item:
            blank()
            out.append(dmg(item["note"]))
            clean.append(item["note"])
            continue
        a = item
        paras = clean_paragraphs(a)
        width = cfg["photo_width"] if a["photo"] else W
        col_h = rng.randint(*cfg["col_lines"])
        counter = rng.randint(0, col_h - 1)
        for pi, para in enumerate(paras):
            d = dmg(para)
            if a["photo"]:
                d = d.replace("。图为", "。 图为")
            plines = wrap(d, width, rng)
            if pi:
                short_prev = ems(out[-1]) <= W - 4 and out[-1][-1:] in ENDERS
                if short_prev and not skipped_blank and rng.random() < 0.25:
                    skipped_blank = True  # blank lost where a column break was near (seed 000)
                    counts["paragraph_blank_lost"] += 1
                else:
                    blank()
            for li, line in enumerate(plines):
                out.append(line)
                counter += 1
                if counter >= col_h:
                    counter = 0
                    if li < len(plines) - 1:
                        out.append("")  # column break in mid-paragraph
                        counts["column_breaks_mid_paragraph"] += 1
            clean.append(para)
        for cap in a["captions"]:
            blank()
            out.append(dmg(cap))
            clean.append(cap)
        blank()
        if a["kicker"]:
            out.append(dmg(a["kicker"]))
            clean.append(a["kicker"])
            if rng.random() < 0.5:
                out.append("")
        for tl in title_lines(a):
            out.append(dmg(tl))
        clean.append(title_text(a))
        if a["subtitle"]:
            out.append(dmg(a["subtitle"]))
            clean.append(a["subtitle"])
        if rng.random() < 0.7:
            out.append("")
        late.extend(a["late_captions"])
    for cap in late:
        blank()
        out.append(dmg(cap))
        clean.append(cap)
    if cfg.get("lead_space"):
        out[0] = " " + out[0]
    return out, clean, counts


# --------------------------------------------------------------------------- layout: before
def midbreaks(s, rng, p, avoid_head=0):
    """Split a paragraph line by blank lines in mid-sentence (seed 004: '科学' / '公正评价')."""
    if rng.random() >= p or len(s) < 40:
        return [s]
    n_breaks = 2 if len(s) > 160 and rng.random() < 0.3 else 1
    cands = [
        k
        for k in range(max(14, avoid_head + 4), len(s) - 8)
        if s[k - 1] not in ENDERS
        and s[k - 1] not in OPENING_ANY
        and s[k] not in CLOSING_ANY
        and s[k] not in ENDERS
        and " " not in (s[k - 1], s[k])
        and not (in_run(s[k - 1]) and in_run(s[k]))
        and (any(c in s[:k] for c in "，,、；;：:") or k >= 25)
    ]
    if not cands:
        return [s]
    ks = sorted(set(rng.sample(cands, min(n_breaks, len(cands)))))
    ks = [k for idx, k in enumerate(ks) if idx == 0 or k - ks[idx - 1] >= 20]
    parts, last = [], 0
    for k in ks:
        parts.append(s[last:k])
        last = k
    parts.append(s[last:])
    return parts


def render_before(page, cfg, rng):
    dmg = Damager(cfg, rng)
    out, clean = [""] * cfg["lead_blanks"], []
    counts = {"midsentence_breaks": 0}

    def blanks():
        out.extend([""] * (3 if rng.random() < 0.12 else 1))

    for item in page["items"]:
        if "note" in item:
            out.append(dmg(item["note"]))
            clean.append(item["note"])
            blanks()
            continue
        a = item
        if a["kicker"]:
            out.append(dmg(a["kicker"]))
            clean.append(a["kicker"])
        out.append(dmg(title_text(a)))
        clean.append(title_text(a))
        blanks()
        for b in a["bylines"]:
            out.append(dmg(b))
            clean.append(b)
            out.append("")
        for pi, para in enumerate(clean_paragraphs(a)):
            head = len(a["dateline"]) + 1 if pi == 0 and a["dateline"] else 0
            d = dmg(para)
            parts = midbreaks(d, rng, cfg["midbreak"], avoid_head=head)
            counts["midsentence_breaks"] += len(parts) - 1
            for part in parts:
                out.append(part)
                out.append("")
            clean.append(para)
        if rng.random() < 0.12:
            out.extend(["", ""])
    while out and out[-1] == "":
        out.pop()
    return out, clean, counts


# --------------------------------------------------------------------------- gold
def title_lines(a):
    return a["title"] if isinstance(a["title"], list) else [a["title"]]


def title_text(a):
    return " ".join(title_lines(a))  # a title set on two lines is one title (seed 000 gold)


def clean_paragraphs(a):
    paras = list(a["paragraphs"])
    if a["dateline"]:
        paras[0] = a["dateline"] + " " + paras[0]
    return paras


def gold_of(page, encoding, generator):
    arts, notes = [], []
    for item in page["items"]:
        if "note" in item:
            notes.append(item["note"])
            continue
        a = item
        arts.append(
            {
                "kicker": a["kicker"],
                "title": title_text(a),
                "subtitle": a["subtitle"],
                "dateline": a["dateline"],
                "bylines": a["bylines"],
                "paragraphs": clean_paragraphs(a),
                "captions": a["captions"] + a["late_captions"],
            }
        )
    return {
        "name": page["name"],
        "articles": arts,
        "page_notes": notes,
        "encoding": encoding,
        "generator": generator,
    }


def build(page):
    cfg = SETTINGS[page["name"]]
    seed = seed_of(page["name"])
    rng = random.Random(seed)
    if page["layout"] == "after":
        lines, clean, counts = render_after(page, cfg, rng)
        route = "wrap"
    else:
        lines, clean, counts = render_before(page, cfg, rng)
        route = "flow"
    text = "\n".join(lines) + ("\n" if cfg.get("final_newline", True) else "")
    gen = {
        "route": route,
        "layout": page["layout"],
        "county": page["county"],
        "seed": seed,
        "settings": cfg,
        "counts": counts,
        "source": "tests/tools/make_samples.py",
    }
    return text, clean, gen


def to_traditional(page, name):
    import opencc  # in the project venv

    # s2t gives OpenCC's standard forms (爲, 裏, 着, 衆 ...), several of which Big5 lacks; t2tw then
    # picks the Taiwan forms a Big5 page really carries (為, 裡, 著, 眾). Same as s2tw.
    s2t, t2tw = opencc.OpenCC("s2t"), opencc.OpenCC("t2tw")
    t = copy.deepcopy(page)

    def conv(v):
        if isinstance(v, str):
            return t2tw.convert(s2t.convert(v))
        if isinstance(v, list):
            return [conv(x) for x in v]
        if isinstance(v, dict):
            return {k: (conv(x) if k not in ("name", "layout") else x) for k, x in v.items()}
        return v

    t = conv(t)
    t["name"] = name
    return t


# --------------------------------------------------------------------------- checks
def han_seq(s):
    return "".join(UNLOOK.get(c, c) for c in s if is_han(c))


GOLD_BAD = [
    (re.compile(r"(?<=[\u4e00-\u9fff])[,;:!?()]|[,;:!?()](?=[\u4e00-\u9fff“”])"), "half-width punctuation"),
    (re.compile(r"[\u4e00-\u9fff] +[0-9]|[0-9] +[\u4e00-\u9fff]"), "space between Han and digit"),
    (
        re.compile(r"[\u2e80-\u2fdf\u3000\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]"),
        "lookalike / full-width digit or Latin / ideographic space",
    ),
    (re.compile(r"^\s|\s$|\s\s"), "stray whitespace"),
]


def check(name, text, clean, gold, raw, encoding):
    problems = []
    if han_seq(text) != han_seq("".join(clean)):
        a, b = han_seq(text), han_seq("".join(clean))
        k = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
        problems.append(
            f"Han sequence differs at {k}: page {a[k - 5 : k + 10]!r} clean {b[k - 5 : k + 10]!r}"
        )
    items = []
    for a in gold["articles"]:
        items += [a["title"]] + a["paragraphs"] + a["bylines"] + a["captions"]
        items += [x for x in (a["kicker"], a["subtitle"]) if x]
    items += gold["page_notes"]
    if sorted(items) != sorted(clean):
        problems.append("clean lines and gold items differ")
    datelines = {a["dateline"] + " " for a in gold["articles"] if a["dateline"]}
    for s in items:
        s = next((s[len(d) :] for d in datelines if s.startswith(d)), s)
        for rx, what in GOLD_BAD:
            if rx.search(s):
                problems.append(f"gold has {what}: {s[:30]!r}")
    for a in gold["articles"]:
        if a["dateline"] and not a["paragraphs"][0].startswith(a["dateline"] + " "):
            problems.append(f"dateline not at head of first paragraph: {a['title']}")
        if not 2 <= len(a["paragraphs"]) <= 6 and a["dateline"]:
            problems.append(f"article with {len(a['paragraphs'])} paragraphs: {a['title']}")
    if raw.decode(encoding, errors="strict").replace("\r\n", "\n") != text.replace("\r\n", "\n"):
        problems.append("encoded bytes do not decode back to the text")
    if encoding == "utf-16-le" and raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        problems.append("UTF-16 copy has a BOM")
    if problems:
        raise SystemExit(f"{name}: " + "; ".join(problems))


def stats(gold):
    paras = sum(len(a["paragraphs"]) for a in gold["articles"])
    counts = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in gold["generator"]["counts"].items())
    return f"{len(gold['articles'])} articles, {paras} paragraphs, {counts}"


# --------------------------------------------------------------------------- main
def outputs():
    """name -> (bytes of samples/NAME.txt, gold dict, clean text)."""
    res, built = {}, {}
    for page in PAGES:
        text, clean, gen = build(page)
        gold = gold_of(page, "utf-8", gen)
        raw = text.encode("utf-8")
        check(page["name"], text, clean, gold, raw, "utf-8")
        built[page["name"]] = (page, text, clean, gen)
        res[page["name"]] = (raw, gold, clean)
        print(f"{page['name']:28} {stats(gold)}", file=sys.stderr)
    for name, (src, enc, how) in COPIES.items():
        page, text, clean, gen = built[src]
        if name.endswith(".crlf"):
            text = text.replace("\n", "\r\n")
        raw = text.encode(enc, errors="strict")
        gold = gold_of(page, enc, dict(gen, copy_of=src, copy=how))
        gold["name"] = name
        check(name, text, clean, gold, raw, enc)
        res[name] = (raw, gold, clean)
    name, src = TRADITIONAL
    page = to_traditional(next(p for p in PAGES if p["name"] == src), name)
    SETTINGS[name] = SETTINGS[src]
    text, clean, gen = build(page)
    raw = text.encode("big5", errors="strict")  # fails loudly on a character Big5 lacks
    gold = gold_of(page, "big5", dict(gen, copy_of=src, copy="OpenCC s2t then t2tw, Big5 bytes"))
    check(name, text, clean, gold, raw, "big5")
    res[name] = (raw, gold, clean)
    return res


def files(res):
    out = {}
    for name, (raw, gold, clean) in res.items():
        out[SAMPLES / f"{name}.txt"] = raw
        out[GOLDEN / f"{name}.gold.json"] = (json.dumps(gold, ensure_ascii=False, indent=2) + "\n").encode()
        out[GOLDEN / f"{name}.clean.txt"] = ("\n".join(clean) + "\n").encode()
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="only verify that the files on disk are current")
    args = ap.parse_args(argv)
    want = files(outputs())
    if args.check:
        stale = [str(p.relative_to(ROOT)) for p, b in want.items() if not p.exists() or p.read_bytes() != b]
        if stale:
            print("stale: " + ", ".join(stale), file=sys.stderr)
            return 1
        print(f"{len(want)} files current", file=sys.stderr)
        return 0
    for p, b in want.items():
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b)
    print(f"wrote {len(want)} files", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
