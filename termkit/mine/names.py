"""Names: which candidates name a body, an instrument, an organization or a country.

Judged on a candidate's words against the heads names end in (委员会, 公约, 物质 …) and jieba's
dictionary tags (nt for an organization, ns for a place). Termhood counts a name as a term
whatever its subject (:mod:`.termhood`); abbreviations are inferred for bodies
(:func:`.abbreviations.infer`); an organization's name before a term is its edge
(:func:`.termhood._edge_entropy`).
"""

from __future__ import annotations

from collections.abc import Sequence

from .segmenter import NOUN_TAGS, dictionary_tag

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


def named(words: Sequence[str]) -> bool:
    """Does the candidate end in a name head (委员会, 公约, 物质, 事务司) or is it an organization's name?"""
    if len(words) == 1:
        return dictionary_tag(words[0]) == "nt"
    return words[-1] in NAME_HEADS or body_name(words)


#: Last words of country names (伊朗伊斯兰共和国, 大不列颠及北爱尔兰联合王国).
COUNTRY_HEADS = frozenset("共和国 王国 联合王国 联邦 合众国 酋长国 公国 大公国 多民族国".split())


def country_name(words: Sequence[str]) -> bool:
    """A country's name: it ends in a country head, or every word is a place name."""
    if words and words[-1].endswith(tuple(COUNTRY_HEADS)):  # 朝鲜民主主义人民共和国 is one word
        return True
    return len(words) > 1 and all(dictionary_tag(w) == "ns" for w in words)


def noun_like(word: str) -> bool:
    """Can this word be a term on its own? Nouns and words the dictionary lacks (new words,
    codes); not verbs, adjectives, adverbs, idioms or place and person names."""
    tag = dictionary_tag(word)
    return tag is None or tag in NOUN_TAGS


#: Classes of substances named by their effect (stimulants, analgesics, sedatives …). Like the
#: other heads of :data:`NAME_HEADS` they end longer names (苯丙胺类兴奋剂), but unlike 物质, 药物
#: or 化学品 (a substance, a drug, a chemical), which say only what kind of thing is named, each
#: is a pharmacological class and a term on its own.
EFFECT_CLASSES = frozenset("兴奋剂 镇痛剂 镇静剂 致幻剂 抑制剂 麻醉剂".split())


def bare_head(word: str) -> bool:
    """Is this word, standing alone, only the head of names (公约, 委员会, 物质), naming nothing
    in particular? Classes of substances by effect (:data:`EFFECT_CLASSES`) are not."""
    return word in NAME_HEADS and word not in EFFECT_CLASSES


#: Last words of the names of instruments, which BODY_HEADS also holds: not organizations.
INSTRUMENT_HEADS = frozenset("公约 宣言 议定书 协定 条约".split())


def organization(words: Sequence[str]) -> bool:
    """Is the candidate an organization's or a body's name: one ending in a body's head
    (委员会, 办公室, 事务司, 服务处 …) or an organization in the dictionary (联合国)?"""
    if len(words) == 1:
        return dictionary_tag(words[0]) == "nt"
    return body_name(words) and words[-1] not in INSTRUMENT_HEADS
