"""Stop words for ``bulletin count --top`` and ``bulletin summarize --keywords``: the words every
county news page is full of and that say nothing about what a page is about. Data only, grouped by
why a word is here; written for this project (jieba's tokens, as ``bulletin.words.cut`` gives
them). ``--stopwords FILE`` replaces the list for count.
"""

from __future__ import annotations

from bulletin.errors import BulletinError

GROUPS: dict[str, str] = {
    # 的 了 着 过: particles that mark grammar, not content
    "particles": "的 地 得 之 了 着 过 吗 呢 吧 啊 呀 嘛 所 似的 等 等等",
    # 和 与 及: conjunctions join the words that matter
    "conjunctions": "和 与 及 以及 并 并且 而 而且 或 或者 还是 但 但是 然而 因此 所以 因为 由于 如果 虽然 "
    "不仅 也 又 还 就 才 都 即 既 则",
    # 在 对 把: prepositions and coverbs
    "prepositions": "在 对 把 被 将 从 向 往 于 以 为 为了 给 跟 同 由 按 按照 通过 根据 关于 对于 围绕 经过 "
    "随着 截至 自",
    # 我 他们 这: pronouns and demonstratives
    "pronouns": "我 你 他 她 它 我们 你们 他们 她们 大家 自己 这 那 这些 那些 这个 那个 这样 那样 此 其 "
    "该 每 各 本 其中 什么 怎么 如何 哪",
    # 是 有 要: the verbs every sentence has
    "common verbs": "是 有 没有 要 会 能 可 可以 应 应该 需要 进行 开展 做 做好 加强 推进 实现 表示 "
    "认为 指出 强调 说",
    # 一 个 不: numerals, measure words and negation that tally rather than tell
    "numbers and measures": "一 二 两 三 个 名 位 项 次 些 多 余 约 近 第 不 没 无 非",
    # 年 月 日: dates are on every line of a news page
    "dates": "年 月 日 号 时 今年 去年 明年 当天 目前 近日 日前 今天 昨天 上午 下午 晚上",
    # 本报讯 记者: the news page's own furniture (datelines, bylines, credits)
    "news furniture": "本报 讯 本报讯 记者 通讯员 报道 摄 责任编辑 编辑 图 图为 新华社 日电 编者按",
    # 进一步 积极 重要: adverbs and the vague words of official prose, that every report has
    "vague words": "它们 这种 那种 之一 一个 一些 一种 一次 一是 二是 三是 有的 有些 许多 很多 "
    "非常 十分 更加 进一步 已经 正在 曾经 将要 能够 必须 不能 不会 不是 就是 "
    "以来 以上 以下 同时 其他 另外 此外 当前 明天 近年来 方面 问题 情况 有关 "
    "相关 一定 不断 继续 积极 努力 坚持 切实 充分 提高 重要 主要 要求 全面",
    # 全县 全市: the places every county article is about
    "whole places": "全县 全市 全省 全国 全镇 全乡 全村",
    # 上 中 下: position words that follow a noun
    "positions": "上 中 下 内 外 里 前 后 间 时候",
}

STOPWORDS: frozenset[str] = frozenset(word for line in GROUPS.values() for word in line.split())


def read_stopwords(path: str) -> frozenset[str]:
    """A stop-word file: UTF-8, one word a line (or several separated by spaces); ``#`` starts a
    comment. Errors are a BulletinError naming the file."""
    try:
        with open(path, encoding="utf-8-sig") as f:
            return frozenset(word for line in f for word in line.split("#", 1)[0].split())
    except OSError as err:
        raise BulletinError(f"{path}: {err.strerror or err}") from None
    except UnicodeDecodeError:
        raise BulletinError(f"{path}: a stop-word file must be UTF-8") from None
