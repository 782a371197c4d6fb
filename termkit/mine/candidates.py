"""Candidate terms: jieba segmentation, then word n-grams assembled under Chinese term rules.

This module holds the *map* of the miner: :func:`count_documents` reads a chunk of documents
and returns a :class:`Counts` — plain counters that merge with ``+``/:meth:`Counts.merge`, so
the map can run per chunk in one process, a process pool or a distributed engine, and the
scoring (:mod:`.scores`) runs once on the merged counts. The miner calls it for words only and
counts longer n-grams by levels from its spool (:mod:`.levels`); called with the default
``max_words`` it counts every n-gram in one pass (the reference the levels are tested against).

Rules for a candidate (a run of 1–8 words, at most 20 characters, inside one clause):

- it never crosses punctuation (clause or sentence), white space or a line break;
- it never contains a *stop word* — a function word that cannot be part of a term (的, 了, 在,
  对, 是, 我们, 也, 等 …; see :data:`STOP_WORDS`);
- it never starts or ends with a *joiner* (和, 与, 及, /, -), a number or ordinal (2014, 第三十届,
  十五), a measure word (届, 项, 次 …) or an adverb/adjective that only modifies (进一步 …);
  these may stand inside (大会第三十届特别会议, 毒品和犯罪问题办公室, 艾滋病毒/艾滋病);
- a Latin-only candidate must look like a code or acronym (UNODC, THF-F, COVID-19).

Titles written in 《》 are also counted whole (up to 40 characters), since a title names an
instrument even when it contains 、 or 的.
"""

from __future__ import annotations

import logging
import pickle
import re
import threading
import zlib
from collections import Counter
from itertools import compress
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Sequence

from ..model import Document
from ..text.chars import HANZI
from ..text.normalize import normalize, normalize_key
from .abbreviations import find_definitions

#: Separator between the words of an n-gram key (keys keep the segmentation; surfaces drop it).
SEP = "\x1f"

MAX_WORDS = 8
MAX_CHARS = 20
MAX_TITLE_CHARS = 40

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
#: (:func:`light_verb_phrase`).
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

#: Words that end a predicate rather than a name when a candidate of their own precedes them
#: (国际麻醉品管制局 | 合作, 第十五次政策协商小组会议上 | 提出).
PREDICATE_ENDS = frozenset("合作 提出 变化 开展 举行 通过 发言 参加 出席".split())

#: Heads of names (general Chinese): what a body, an instrument or a substance class is called
#: at the end of its name. A multi-word candidate ending in one is more likely a name than a
#: free phrase (see :func:`.scores.termhood`).
NAME_HEADS = frozenset(
    """委员会 理事会 办公室 办事处 组织 署 局 处 科 股 部 司 办 厅 院 中心 网络 网 小组 工作组 工作队 联盟 集团 协会
    学会 基金 基金会 论坛 共同体 规划署 计划署 服务处 事务部 法院 法庭 银行 大会 会议 特别会议 实验室 观察站
    公约 宣言 议定书 协定 条约 规则 原则 准则 指导方针 指导原则 指南 标准 战略 方案 计划 议程 声明 报告 清单 目录
    工具包 数据库 信息库 系统 机制 举措 倡议 项目 目标 框架 守则 示范表 问卷 文件
    物质 药物 药品 化学品 制剂 类似物 兴奋剂 镇痛剂 疗法 病症 疾病 综合征""".split()
)

#: Heads that name a body or an instrument (a subset of :data:`NAME_HEADS`): a name ending in one
#: is a term whatever its other words (独立评价股, 统计委员会, 维持和平行动部), so its specificity
#: counts for at least half (:func:`.scores.termhood`). Also a last word ending in one of
#: :data:`BODY_HEAD_CHARS` (事务司, 开发署); 局, 处 and 部 are left out there (当局, 好处, 内部).
BODY_HEADS = frozenset(
    """委员会 理事会 办公室 办事处 署 局 处 科 股 部 司 厅 规划署 计划署 服务处 事务部 工作组 工作队 小组
    公约 宣言 议定书 协定 条约""".split()
)
BODY_HEAD_CHARS = frozenset("署 司 厅 股 科".split())


def body_name(words: Sequence[str]) -> bool:
    """Does a multi-word candidate end in the head of a body's or an instrument's name?"""
    if len(words) < 2:
        return False
    last = words[-1]
    return last in BODY_HEADS or (len(last) > 1 and last[-1] in BODY_HEAD_CHARS)


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
#: Modifiers of scope (international, national, of States, global, regional …). Written before a
#: term, one narrows where the term applies without making it another term: 国际毒品管制公约 are the
#: international 毒品管制公约, and 国家禁毒执法机构负责人 the national 禁毒执法机构负责人. The term
#: after one is therefore not a fragment of the longer phrase (:func:`modifier_expansion`).
SCOPE_MODIFIERS = frozenset("国际 国家 各国 全球 区域 次区域 区域间 双边 多边 全国".split())

#: The classifier of a kind: in ``X类Y`` (苯丙胺类兴奋剂, amphetamine-type stimulants) Y names the
#: class, X the kind of it.
CLASSIFIER = "类"


def modifier_expansion(words: Sequence[str], i: int) -> bool:
    """Is the candidate ``words`` its tail ``words[i:]`` narrowed by a modifier — a modifier of scope
    (国际|毒品管制公约) or a kind marked with 类 (苯丙胺类|兴奋剂)? Then the tail, the broader
    term, is used in it (its occurrences there are uses of the term, not of a fragment)."""
    return i >= 1 and (words[i - 1] in SCOPE_MODIFIERS or words[i - 1] == CLASSIFIER)


#: Words that end a term but never begin one: suffixes (注射毒品者, 初犯者), and 问题, which closes
#: the topic of a name (毒品问题, 合成毒品问题工具包, 资金流动问题专家工作组 — "on money flows"), so a
#: candidate starting with it is the tail of a name whose topic was cut off (问题专家工作组).
END_ONLY = frozenset("者 们 问题".split())

#: General words that jieba's dictionary lacks and would otherwise split at a stop word
#: (有|组织|犯罪, 可|持续|发展). Added to the private tokenizer, never to jieba's global one.
EXTRA_WORDS = ("有组织", "可持续")

_PUNCT_RE = re.compile(rf"^[^0-9A-Za-z{HANZI}]+$")
_NUMBER_RE = re.compile(
    r"^(?:[0-9]+(?:[.,][0-9]+)*%?|第?[0-9〇零一二三四五六七八九十百千万亿两几]+"
    r"(?:届|次|项|个|名|种|条|段|年|月|日|号|位|家|批|起|吨|倍|点|周|天|场|轮|期|份|例|所|套|笔)?)$"
)
_DIGITS_RE = re.compile(r"^[0-9][0-9.,:/%\-]*$|^[A-Za-z]?-?[0-9]+(?:[-/.][0-9]+)*$")
_ORDINAL_RE = re.compile(r"^第[0-9〇零一二三四五六七八九十百千]+[届次]$")
_LATIN_RE = re.compile(r"^[A-Za-z0-9]")
_HAS_HANZI_RE = re.compile(f"[{HANZI}]")
_TITLE_RE = re.compile(r"《([^《》\n]{2,%d})》" % MAX_TITLE_CHARS)
_CODE_RE = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+")


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
    if _ORDINAL_RE.match(token):
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


_KINDS = _Kinds()


# --- the tokenizer: one private jieba.Tokenizer per set of extra words ----------------------------

_lock = threading.Lock()
_tokenizers: dict[frozenset, object] = {}


def tokenizer(extra_words: Iterable[str] = ()):
    """A private ``jieba.Tokenizer`` whose dictionary also holds ``extra_words``.

    The global ``jieba`` tokenizer is never touched, so words added for one glossary do not leak
    into another run. The default dictionary is loaded once per process and shared (copied) by
    the extended tokenizers.
    """
    import jieba

    key = frozenset(w for w in extra_words if w)
    with _lock:
        tok = _tokenizers.get(key)
        if tok is not None:
            return tok
        jieba.setLogLevel(logging.WARNING)
        base = _tokenizers.get(frozenset())
        if base is None:
            base = jieba.Tokenizer()
            base.initialize()
            _tokenizers[frozenset()] = base
            for word in EXTRA_WORDS:
                base.add_word(word, freq=max(base.suggest_freq(word, tune=False), 10))
        if not key:
            return base
        tok = jieba.Tokenizer()
        tok.FREQ = dict(base.FREQ)
        tok.total = base.total
        tok.initialized = True
        for word in sorted(key):
            tok.add_word(word, freq=max(tok.suggest_freq(word, tune=False), 10))
        if len(_tokenizers) > 8:  # a few glossaries per process at most
            for k in list(_tokenizers):
                if k:
                    del _tokenizers[k]
                    break
        _tokenizers[key] = tok
        return tok


_tags: dict[str, str] | None = None

#: Dictionary tags of words that can be a term on their own (nouns, abbreviations, foreign words).
NOUN_TAGS = frozenset("n nz nt nrt j ng eng x".split())


def dictionary_tag(word: str) -> str | None:
    """The part of speech jieba's dictionary gives ``word`` (None for a word it does not have).

    Read once from the dictionary file: a lookup, not jieba.posseg's tagging of running text.
    """
    global _tags
    if _tags is None:
        tags: dict[str, str] = {}
        with tokenizer().get_dict_file() as fh:
            for raw in fh:
                parts = raw.decode("utf-8").split()
                if len(parts) >= 3:
                    tags[parts[0]] = parts[2]
        _tags = tags
    return _tags.get(word)


def light_verb_phrase(words: Sequence[str], freq: int = 0, freq_of=None) -> bool:
    """Does this candidate start with a light verb without naming something?

    A name may begin with one (打击洗钱全球方案, 执行支持科): three words or more, ending in a
    noun, and what follows the verb is not used without it. A predicate (加强国际合作,
    应对世界毒品问题) fails one of these: its object stands on its own elsewhere in the corpus.
    """
    if words[0] not in LIGHT_VERBS:
        return False
    if len(words) < 3 or dictionary_tag(words[-1]) not in NOUN_TAGS:
        return True
    return freq_of is not None and predicate(words, freq, freq_of)


def predicate(words: Sequence[str], freq: int, freq_of) -> bool:
    """Is this candidate a clause rather than a term — a light verb applied to something that is
    a candidate on its own (应对世界毒品问题, 会员国执行第三十届特别会议成果文件, 国际麻醉品管制局合作)?

    True when a light verb (:data:`LIGHT_VERBS`) stands anywhere but last and the longest
    candidate after it is used more than 1.5 times as often on its own; or when the candidate ends
    with a predicate word (:data:`PREDICATE_ENDS`, a light verb) and the longest candidate of two
    words or more before it is. A name that merely holds a verb (执行支持科, 打击洗钱全球方案,
    联合国促进性别平等和增强妇女权能署) passes: what follows its verb is not used without it.
    """
    n = len(words)
    if n < 2:
        return False
    limit = 1.5 * freq
    for i in range(n - 1):
        if words[i] in LIGHT_VERBS:
            for k in range(i + 1, n):
                f = freq_of("".join(words[k:]))
                if f:
                    if f > limit:
                        return True
                    break
    if n >= 3 and (words[-1] in PREDICATE_ENDS or words[-1] in LIGHT_VERBS):
        for j in range(n - 1, 1, -1):
            f = freq_of("".join(words[:j]))
            if f:
                return f > limit
    return False


def glossary_words(terms: Iterable[str]) -> tuple[str, ...]:
    """Glossary forms worth adding to the segmenter's dictionary (normalized, with hanzi, ≥ 2 chars)."""
    out = set()
    for t in terms:
        k = normalize_key(t)
        if len(k) >= 2 and _HAS_HANZI_RE.search(k) and not any(c.isspace() for c in k):
            out.add(k)
    return tuple(sorted(out))


# --- counts: the map's output ----------------------------------------------------------------------

@dataclass
class Counts:
    """Mergeable counts from one chunk of a corpus (the output of the map).

    - ``ngrams``: candidate key (words joined by :data:`SEP`) → occurrences
    - ``doc_freq``: candidate key → number of documents it occurs in
    - ``words``: every token → occurrences (for cohesion and domain specificity)
    - ``titles``: text inside 《》 → occurrences
    - ``definitions``: (short form, full-form window) → occurrences (see :mod:`.abbreviations`)
    - ``n_zh_docs``: documents holding Chinese text
    """

    ngrams: Counter = field(default_factory=Counter)
    doc_freq: Counter = field(default_factory=Counter)
    words: Counter = field(default_factory=Counter)
    titles: Counter = field(default_factory=Counter)
    title_docs: Counter = field(default_factory=Counter)
    definitions: Counter = field(default_factory=Counter)
    n_docs: int = 0
    n_chars: int = 0
    n_zh_docs: int = 0
    n_tokens: int = 0

    def merge(self, other: "Counts") -> "Counts":
        """Add ``other`` into this one (in place) and return self.

        Keys keep their order of first appearance (this one's, then the new ones of ``other``):
        an associative ordered union, so any merge tree over the same chunks in the same order
        (a linear fold, Dask's tree reduction) gives the same counts in the same order."""
        for name in ("ngrams", "doc_freq", "words", "titles", "title_docs", "definitions"):
            getattr(self, name).update(getattr(other, name))
        self.n_docs += other.n_docs
        self.n_chars += other.n_chars
        self.n_zh_docs += other.n_zh_docs
        self.n_tokens += other.n_tokens
        return self

    def __add__(self, other: "Counts") -> "Counts":
        return Counts().merge(self).merge(other)

    def __iadd__(self, other: "Counts") -> "Counts":
        return self.merge(other)


# --- the map ---------------------------------------------------------------------------------------

def document_text(doc: Document) -> str:
    """The document as the miner reads it: normalized as a whole — lines broken inside a
    sentence joined (also across a page's footnotes, which move after the paragraph), footnote
    marks dropped, full-width letters and digits folded, spaces next to hanzi removed
    (``2014 年`` → ``2014年``). The same text as the segments' content, without splitting it
    into sentences, which only the example sentences need."""
    return normalize(doc.text).text


def write_normalized(fh, norm) -> None:
    """Append a document's normalized text and offset map to a binary spool file (the offsets,
    consecutive numbers for the most part, compress to almost nothing)."""
    if norm is None:
        pickle.dump(None, fh, protocol=pickle.HIGHEST_PROTOCOL)
    else:
        pickle.dump((norm.text, norm.offsets.typecode, zlib.compress(norm.offsets.tobytes(), 1)), fh,
                    protocol=pickle.HIGHEST_PROTOCOL)


def read_normalized(fh):
    """The documents' :class:`..text.normalize.Normalized` from a spool file, in order (None for
    a document without text)."""
    from array import array

    from ..text.normalize import Normalized

    while True:
        try:
            record = pickle.load(fh)
        except EOFError:
            return
        if record is None:
            yield None
        else:
            text, typecode, packed = record
            offsets = array(typecode)
            offsets.frombytes(zlib.decompress(packed))
            yield Normalized(text, offsets)


def _merge_codes(tokens: list[str], text: str) -> list[str]:
    """Rejoin Latin codes that jieba splits at hyphens (THF-F, UR-144, COVID-19)."""
    codes = {m.group() for m in _CODE_RE.finditer(text) if sum(c.isalpha() for c in m.group()) >= 2}
    if not codes:
        return tokens
    out: list[str] = []
    done = 0  # tokens before this index are in ``out``
    n = len(tokens)
    hyphen = -1
    while True:
        try:  # only the hyphens matter: find them at C speed
            hyphen = tokens.index("-", hyphen + 1)
        except ValueError:
            break
        i = hyphen - 1
        if i < done or not _LATIN_RE.match(tokens[i]) or hyphen + 1 >= n:
            continue
        j = i
        s = tokens[i]
        while j + 2 < n and tokens[j + 1] == "-" and tokens[j + 2].isascii() and tokens[j + 2].isalnum():
            s2 = s + "-" + tokens[j + 2]
            if not any(c.startswith(s2) or s2 in c for c in codes):
                break
            s = s2
            j += 2
        if j > i:
            out.extend(tokens[done:i])
            out.append(s)
            done = j + 1
            hyphen = j
    if not done:
        return tokens
    out.extend(tokens[done:])
    return out


def ngram_keys(tokens: Sequence[str], kinds: Sequence[int], out: list[str], max_words: int = MAX_WORDS) -> None:
    """Append the candidate keys of one token sequence to ``out`` (the hot loop)."""
    n = len(tokens)
    for i in range(n):
        k = kinds[i]
        if k != EDGE and k != START:
            continue
        s = tokens[i]
        if k == EDGE:
            out.append(s)
        length = len(s)
        stop = i + max_words
        if stop > n:
            stop = n
        for j in range(i + 1, stop):
            kj = kinds[j]
            if kj <= STOP:
                break
            t = tokens[j]
            length += len(t)
            if length > MAX_CHARS:
                break
            s = s + SEP + t
            if kj == EDGE or kj == END:
                out.append(s)


#: Two tokens or more, none of them punctuation, white space or a stop word (on kinds as bytes).
_RUN_RE = re.compile(b"[%c-%c]{2,}" % (INNER, END))


def runs(tokens: Sequence[str], kinds: Sequence[int]) -> list[str]:
    """The stretches of a token sequence that n-grams of two words or more can come from: maximal
    runs of two tokens or more with no punctuation, white space or stop word inside (as keys:
    words joined by :data:`SEP`)."""
    return [SEP.join(tokens[m.start():m.end()]) for m in _RUN_RE.finditer(bytes(kinds))]


class RunSpool:
    """The runs of a chunk's documents, each distinct run once with how often and in which
    documents (numbered in the chunk) it occurs: formulaic text repeats clauses, and the later
    passes then handle each once. Written as lines ``count<TAB>doc,doc…<TAB>run``."""

    def __init__(self):
        self.runs: dict[str, list] = {}  # run → [count, document numbers]

    def add(self, doc_no: int, found: Iterable[str]) -> None:
        runs = self.runs
        for r in found:
            entry = runs.get(r)
            if entry is None:
                runs[r] = [1, [doc_no]]
            else:
                entry[0] += 1
                if entry[1][-1] != doc_no:
                    entry[1].append(doc_no)

    def add_many(self, run: str, count: int, docs: Sequence[int]) -> None:
        """A run seen ``count`` times in ``docs`` (a stretch of a run of the previous pass)."""
        entry = self.runs.get(run)
        if entry is None:
            self.runs[run] = [count, list(docs)]
        else:
            entry[0] += count
            entry[1] = sorted(set(entry[1]).union(docs))

    def write(self, fh) -> None:
        for r, (count, docs) in self.runs.items():
            fh.write(f"{count}\t{','.join(map(str, docs))}\t{r}\n")


def read_runs(fh) -> Iterator[tuple[int, list[int], str]]:
    """``(count, document numbers, run)`` from a spool written by :class:`RunSpool`."""
    for line in fh:
        count, docs, run = line.rstrip("\n").split("\t", 2)
        yield int(count), [int(d) for d in docs.split(",")], run


def count_documents(docs: Iterable[Document], extra_words: Sequence[str] = (), hmm: bool = True,
                    max_words: int = MAX_WORDS, spool=None, text_spool=None) -> Counts:
    """The map: count candidate n-grams, words, titles and abbreviation definitions in ``docs``.

    A pure function of its inputs (documents with their segments, and the words added to the
    segmenter's dictionary), so chunks can be counted anywhere and merged with ``+``.

    ``max_words``: longest n-gram counted here (1 for the first pass of the counting by levels,
    :mod:`.levels`, which counts longer ones from ``spool``). ``spool``: a text file to which
    the documents' :func:`runs` are written (:class:`RunSpool`), so later passes need not
    segment again.
    ``text_spool``: a binary file to which each document's normalized text is written
    (:func:`write_normalized`), so the scan for contexts need not normalize again.
    """
    tok = tokenizer(extra_words)
    kinds_of = _KINDS
    counts = Counts()
    ngrams = counts.ngrams
    words = counts.words
    run_spool = RunSpool() if spool is not None else None
    for doc_no, doc in enumerate(docs):
        norm = normalize(doc.text) if doc.text else None
        joined = norm.text if norm is not None else ""
        if text_spool is not None:
            write_normalized(text_spool, norm)
        counts.n_docs += 1
        counts.n_chars += len(doc.text)
        if not joined:
            continue
        if _HAS_HANZI_RE.search(joined):
            counts.n_zh_docs += 1  # documents with Chinese
        tokens = tok.lcut(joined, HMM=hmm)
        if "-" in joined:
            tokens = _merge_codes(tokens, joined)
        words.update(tokens)
        counts.n_tokens += len(tokens)
        kinds = list(map(kinds_of.__getitem__, tokens))
        if max_words == 1:  # one-word candidates only: the content words
            keys = list(compress(tokens, map(EDGE.__eq__, kinds)))
        else:
            keys = []
            ngram_keys(tokens, kinds, keys, max_words)
        ngrams.update(keys)
        counts.doc_freq.update(set(keys))
        if run_spool is not None:
            run_spool.add(doc_no, runs(tokens, kinds))
        if "《" in joined:
            found = [m.group(1) for m in _TITLE_RE.finditer(joined)]
            counts.titles.update(found)
            counts.title_docs.update(set(found))
        if "（" in joined or "(" in joined or "=" in joined or "＝" in joined:
            counts.definitions.update(find_definitions(tokens, kinds, joined))
    if run_spool is not None:
        run_spool.write(spool)
    return counts


def count_files(paths: Iterable[str], extra_words: Sequence[str] = (), hmm: bool = True, encoding: str | None = None) -> Counts:
    """The map over files: read and count (what a worker process runs on its chunk)."""
    from ..formats.txt import read_corpus

    return count_documents(read_corpus(paths, encoding=encoding), extra_words, hmm)


def surface(key: str) -> str:
    """The candidate as text: its words joined."""
    return key.replace(SEP, "")


def words_of(key: str) -> list[str]:
    return key.split(SEP)


def acceptable(text: str) -> bool:
    """Final shape checks on a candidate's surface form."""
    if len(text) < 2:
        return False
    if _HAS_HANZI_RE.search(text):
        return True
    # Latin only: a code or acronym (two capitals at least), never a document symbol or URL.
    if "/" in text or "." in text:
        return False
    return sum(1 for c in text if c.isupper()) >= 2
