"""Write samples/issue.pdf: two pages of a county paper, our own text, made by tests/pdfmaker.py.

    python tests/tools/make_pdf_sample.py

The examples of docs/pdf.md read it; the tests make their own PDFs.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from pdfmaker import Text, column, make_pdf, wrap  # noqa: E402

BODY, WIDTH = 10.0, 20  # type size, characters a column
LEFT, RIGHT = 40.0, 320.0  # where the two columns start


def two_columns(top: float, paragraphs: list[str]) -> list:
    """A story's paragraphs wrapped at the column width, set in the two columns from ``top`` down."""
    lines = wrap(paragraphs, WIDTH)
    half = (len(lines) + 1) // 2
    return column(LEFT, top, lines[:half], BODY) + column(RIGHT, top, lines[half:], BODY)


def page_one() -> list:
    items: list = [
        Text(LEFT, 30, "汾源报", 9),
        Text(260, 30, "2026年3月12日 星期四", 9),
        Text(500, 30, "第1版 要闻", 9),
        Text(LEFT, 70, "乡村振兴一线", 13),
        Text(LEFT, 90, "汾源县春季招聘会送岗一千二百个", 22),
        Text(LEFT, 118, "——四十余家企业进场 农民工就近就业", 13),
    ]
    items += two_columns(
        150,
        [
            "本报讯（记者 王晓燕）3月10日，汾源县2026年春季招聘会在县城文化广场举行，全县四十余家企业"
            "提供岗位一千二百多个，当天达成就业意向三百余人。",
            "招聘会现场人头攒动，前来求职的群众络绎不绝。县人社局工作人员介绍，今年的岗位以制造业和服务业"
            "为主，平均月薪比去年提高了一成。",
            "据悉，今年全县还将举办专场招聘会六场，并在各乡镇设立就业服务站，帮助农民工就近就业。",
        ],
    )
    items += [Text(LEFT, 420, "城关镇修缮老街巷道", 20)]
    items += two_columns(
        455,
        [
            "本报讯 入春以来，城关镇对老城区十二条街巷进行修缮，铺设青石路面两千多平方米，更换路灯八十盏。",
            "镇里还请来老匠人修补沿街的门楼和砖雕，老街既保住了原貌，又方便了居民出行。",
        ],
    )
    return items


def page_two() -> list:
    items: list = [
        Text(LEFT, 30, "汾源报", 9),
        Text(260, 30, "2026年3月12日 星期四", 9),
        Text(500, 30, "第2版 综合", 9),
        Text(LEFT, 70, "■ 乡 镇 动 态", 12, spacing=0.6),
        Text(LEFT, 100, "杏花村举办首届农民读书节", 20),
    ]
    items += two_columns(
        135,
        [
            "本报讯（通讯员 刘建国）3月8日，杏花村首届农民读书节开幕，村里的农家书屋新添图书五百余册。",
            "读书节期间，村里还将举办读书分享会和少儿绘画比赛，让村民在家门口感受书香。",
        ],
    )
    items += [Text(420, 800, "责任编辑 赵六", 9)]
    return items


def main() -> None:
    out = ROOT / "samples" / "issue.pdf"
    out.write_bytes(make_pdf([page_one(), page_two()], founder=True))
    print(out)


if __name__ == "__main__":
    main()
