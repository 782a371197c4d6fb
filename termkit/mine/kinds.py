"""Token kinds: what each word may be to a term, from general word lists of written Chinese.

A candidate is a run of words (:mod:`.candidates` assembles them); each word's *kind*
(:func:`token_kind`, cached in :data:`KINDS`) says whether it breaks a run (punctuation, numbers),
can never be part of a term (stop words, reporting verbs), may stand only inside one (joiners,
measure words, modifiers), or may start or end one. Also the shape of a candidate's key: its
words joined by :data:`SEP`.
"""

from __future__ import annotations

import re

from ..text.chars import HANZI
from .segmenter import dictionary_tag, tokenizer

#: Separator between the words of an n-gram key (keys keep the segmentation; surfaces drop it).
SEP = "\x1f"

MAX_WORDS = 8
MAX_CHARS = 20

# Token kinds.
BREAK = 0  # punctuation, white space: nothing crosses it
STOP = 1  # a function word: never part of a term
INNER = 2  # only inside a term (joiners, numbers, measure words)
EDGE = 3  # a content word: may start and end a term
START = 4  # may start or stand inside, never end (第 …)
END = 5  # may end or stand inside, never start

#: Function words that cannot be part of a term: particles, pronouns, prepositions, adverbs,
#: clause conjunctions, copulas and modal verbs. A general list for written Chinese (not tuned to
#: a corpus); 和, 与, 及 are not here because they join the parts of names.
STOP_WORDS = frozenset(
    """
    的 地 得 了 着 过 吗 呢 吧 啊 嘛 呀 么 哦 之 乎 也 矣 焉 哉 作为 及其 并就 就此 有关的
    我 我们 你 你们 他 他们 她 她们 它 它们 其 其他 其它 其余 该 此 这 那 这些 那些 这个 那个 这种 这样
    那样 这项 这次 这一 此类 此项 本身 自身 自己 各自 彼此 有些 某些 某 一些 任何 所有 每 每个 各 各个
    各种 各类 各项 诸 本 另 另外 另一 他人 之间 之一 其中 其间 之后 之前 以后 以前 以来 之内 之外 以上 以下 等 等等
    是 为 乃 系 有 没有 不 没 未 别 勿 莫 否 不再 不仅 不但 并非
    要 会 能 能够 可 可以 可能 应 应当 应该 须 必须 需 需要 得以 愿 愿意 敢 肯 宜 将要 就要 值得
    也 都 就 又 还 已 已经 曾 曾经 将 正 正在 在 仍 仍然 依然 均 皆 亦 才 只 仅 仅仅 很 更 最 太 极 较 比较
    非常 十分 尤其 尤为 格外 更加 越来越 日益 日趋 逐步 逐渐 继续 进一步 一直 始终 总是 往往 常常 经常 时常
    已于 早已 业已 即将 随时 立即 马上 及时 同时 一起 一道 一同 分别 相互 互相 大力 积极 切实 充分 广泛
    全面 深入 努力 大约 约 近 几乎 左右 上述 下述 前述 所述 如下 下列 以下 此外 另外 因此 所以 因而 从而 于是 然而 但 但是
    而 而且 并 并且 并将 且 或 或者 或是 还是 以及 以便 以期 以免 以 以求 以至 以致 即 即使 即便 虽然 虽 尽管 如果 若
    倘若 假如 只要 只有 除非 无论 不论 不管 因为 由于 既 既然 为了 为此 对此 据此 如此 因 故 则 便 乃至 甚至 至于 关于
    对于 对 把 被 给 让 使 令 叫 由 从 自 自从 向 往 朝 在于 于 至 到 按 按照 根据 依照 依据 遵照 本着 通过 经过 经 随着
    除 除了 除外 包括 例如 比如 诸如 如 像 好像 似乎 一样 一般 同 跟 连 所 所以 凡 凡是 就是 即是 便是 也是 都是 还是
    而是 不是 只是 正是 乃是 亦是 此次 今后 目前 当前 现在 如今 已有 尚 尚未 尚无 请 谨 兹
    """.split()
)

#: Verbs of reporting (强调, 指出, 重申 …): the voice of a report, never part of a term.
REPORTING_VERBS = frozenset(
    """强调 指出 表示 认为 重申 欢迎 鼓励 呼吁 吁请 促请 敦促 承认 申明 赞扬 赞赏 感谢 注意到 认识到 意识到 获悉
    介绍 概述 说明 题为 称 称赞 认可 同意 希望 期待 决心 坚信 相信 确认 各级 酌情 会同 连同 源自 始于 来自 位于
    旨在 据 截至 迄今 届时 当时 其时 所载 所列 所述 所定 所作 所做 所需 所示 载于 见 针对 时 更好 之时 欣见""".split()
)

#: Light verbs (加强, 促进, 开展, 打击 …): they end no term, and begin one only when it names
#: something — three words or more ending in a noun (打击洗钱全球方案, 执行支持科), never a
#: predicate (加强国际合作, 打击跨国有组织犯罪); that test runs on the merged table
#: (:func:`.filters.light_verb_phrase`).
LIGHT_VERBS = frozenset(
    """加强 促进 开展 提供 进行 实施 执行 落实 推动 推进 确保 采取 支持 参与 协助 应对 处理 解决 提高 增强 利用 发挥
    建立 制定 作出 做出 达成 召开 举行 举办 发布 编写 审议 分享 交流 了解 考虑 关注 关切 实现 保持 维护 帮助
    致力于 参加 出席 主持 主办 设立 成立 创建 启动 调整 更新 完善 巩固 深化 涉及 用于 获得 改善 改进 扩大
    强化 增进 推广 邀请 开始 完成 负责 对付 面临 构成 造成 导致 产生 形成 带来 具有 存在 属于 成为 列入 纳入
    牵头 瓦解 遏制 防止 打击 捣毁 摧毁 阻止 查明 侦查 拦截 积极参与 领导 负责领导""".split()
)

#: Modifiers and locatives: inside a name at most, never at its edges (相关利益攸关方, 框架内).
NO_EDGE_WORDS = frozenset(
    """相关 有关 重要 主要 必要 具体 有效 一定 许多 很多 大量 多项 不同 更多 现有 已有 综合 平衡 密切 切实 适当
    良好 持续 不断 日益 各方 方面 情况 工作 上 中 下 内 外 里 间 后 沿线 框架内 范围内 期间 之际 一级 层面 全体
    干事 协调员 处长 科长 司长 局长 主任 副主任 主席 副主席 官员 顾问 部长 副部长 大使 代表 发言者 与会者""".split()
)

_STOP_CHARS = frozenset(w for w in STOP_WORDS if len(w) == 1) | {"日", "月", "年"}

#: Words that join the parts of a name but never begin or end a term.
JOINERS = frozenset("和 与 及 暨 / - · & ＆ +".split())

#: Measure words and similar: inside a term only (大会第三十届特别会议).
MEASURE_WORDS = frozenset(
    """届 项 次 个 名 种 条 段 份 批 起 吨 倍 年 月 日 号 场 轮 例 笔 部分 方面 期间 多 余 年代 世纪 季度 小时
    分钟 千克 公斤 公里 美元 亿 万 千 百""".split()
)

#: Words that begin a term but never end one: prefixes (第三十届…, 非列管前体, 无毒品区域) and 非法,
#: which qualifies what follows it (非法药物, 非法种植; 麻醉药品和精神药物非法|需求 is cut mid-phrase).
START_ONLY = frozenset("第 非 无 反 亚 超 副 总 前 非法".split())

#: Words that end a term but never begin one: suffixes (注射毒品者, 初犯者), and 问题, which closes
#: the topic of a name (毒品问题, 合成毒品问题工具包, 资金流动问题专家工作组 — "on money flows"), so a
#: candidate starting with it is the tail of a name whose topic was cut off (问题专家工作组).
END_ONLY = frozenset("者 们 问题".split())

_PUNCT_RE = re.compile(rf"^[^0-9A-Za-z{HANZI}]+$")
_NUMBER_RE = re.compile(
    r"^(?:[0-9]+(?:[.,][0-9]+)*%?|第?[0-9〇零一二三四五六七八九十百千万亿两几]+"
    r"(?:届|次|项|个|名|种|条|段|年|月|日|号|位|家|批|起|吨|倍|点|周|天|场|轮|期|份|例|所|套|笔)?)$"
)
_DIGITS_RE = re.compile(r"^[0-9][0-9.,:/%\-]*$|^[A-Za-z]?-?[0-9]+(?:[-/.][0-9]+)*$")
ORDINAL_RE = re.compile(r"^第[0-9〇零一二三四五六七八九十百千]+[届次]$")


def token_kind(token: str) -> int:
    """The kind of one token (cached per token in :class:`_Kinds`)."""
    if token in STOP_WORDS or token in REPORTING_VERBS:
        return STOP
    if len(token) == 2 and (token[0] in _STOP_CHARS or token[1] in _STOP_CHARS) and not tokenizer().FREQ.get(token):
        return STOP  # a pair the segmenter's HMM glued across a function word (由毒 | 罪办, 等国)
    if len(token) >= 4 and _adverb_and_verb(token):
        return STOP  # one dictionary entry for an adverb and its verb (继续加强, 进一步推动) or a
        # light verb and its object (保持稳定): a predicate
    if token in JOINERS or token in NO_EDGE_WORDS:
        return INNER
    if token in LIGHT_VERBS:
        return START
    if ORDINAL_RE.match(token):
        return START
    if token.isspace() or _PUNCT_RE.match(token):
        return BREAK
    if _NUMBER_RE.match(token) or _DIGITS_RE.match(token) or (len(token) == 1 and token.isascii()):
        return BREAK  # a number ends a term (麻醉药品委员会 | 2014 年会员国)
    if token in MEASURE_WORDS:
        return INNER
    if token in START_ONLY:
        return START
    if token in END_ONLY:
        return END
    return EDGE


def _adverb_and_verb(token: str) -> bool:
    """Is the token a function word followed by a light verb or another function word
    (继续|加强, 进一步|促进, 积极|参与), or a light verb followed by an adjective or adverb
    (保持|稳定, 保持|一致)? jieba's dictionary has some such phrases as one word, tagged as
    nouns; a light verb and a noun or verbal noun (打击|犯罪) may begin a name and is left alone."""
    for i in range(2, len(token) - 1):
        head, rest = token[:i], token[i:]
        if head in STOP_WORDS and (rest in LIGHT_VERBS or rest in STOP_WORDS):
            return True
        if head in LIGHT_VERBS and (dictionary_tag(rest) or "n")[0] in "ad":
            return True
    return False


class _Kinds(dict):
    """token → kind, filled on first sight (a dict lookup per token in the hot loop)."""

    def __missing__(self, token: str) -> int:
        kind = token_kind(token)
        if len(self) < 2_000_000:
            self[token] = kind
        return kind


KINDS = _Kinds()


def surface(key: str) -> str:
    """The candidate as text: its words joined."""
    return key.replace(SEP, "")


def words_of(key: str) -> list[str]:
    return key.split(SEP)
