"""Names: which candidates name a body, an instrument, an organization or a country.

Judged on a candidate's words against the heads names end in (委员会, 公约, 物质 …) and jieba's
dictionary tags (nt for an organization, ns for a place). Termhood counts a name as a term
whatever its subject (:mod:`.termhood`); abbreviations are inferred for bodies
(:func:`.abbreviations.infer`); an organization's name before a term is its edge
(:func:`.termhood._edge_entropy`).
"""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import lexicon
from .segmenter import NOUN_TAGS, dictionary_tag

# The word lists are data (:mod:`.lexicon`): name_heads (heads of names: what a body, an
# instrument or a substance class is called at the end of its name), body_heads and
# body_head_chars (heads that name a body or an instrument: such a name is a term whatever its
# other words), country_heads, effect_classes (classes of substances by effect, each a term on
# its own), instrument_heads (instruments are not organizations).


def body_name(words: Sequence[str]) -> bool:
    """Does a multi-word candidate end in the head of a body's or an instrument's name?"""
    if len(words) < 2:
        return False
    last = words[-1]
    lex = lexicon()
    return last in lex.body_heads or (len(last) > 1 and last[-1] in lex.body_head_chars)


def named(words: Sequence[str]) -> bool:
    """Does the candidate end in a name head (委员会, 公约, 物质, 事务司) or is it an organization's name?"""
    if len(words) == 1:
        return dictionary_tag(words[0]) == "nt"
    return words[-1] in lexicon().name_heads or body_name(words)


def country_name(words: Sequence[str]) -> bool:
    """A country's name: it ends in a country head, or every word is a place name."""
    if words and words[-1].endswith(tuple(lexicon().country_heads)):  # 朝鲜民主主义人民共和国 is one word
        return True
    return len(words) > 1 and all(dictionary_tag(w) == "ns" for w in words)


def noun_like(word: str) -> bool:
    """Can this word be a term on its own? Nouns and words the dictionary lacks (new words,
    codes); not verbs, adjectives, adverbs, idioms or place and person names."""
    tag = dictionary_tag(word)
    return tag is None or tag in NOUN_TAGS()


def bare_head(word: str) -> bool:
    """Is this word, standing alone, only the head of names (公约, 委员会, 物质), naming nothing
    in particular? Classes of substances by effect (list effect_classes) are not."""
    lex = lexicon()
    return word in lex.name_heads and word not in lex.effect_classes


def organization(words: Sequence[str]) -> bool:
    """Is the candidate an organization's or a body's name: one ending in a body's head
    (委员会, 办公室, 事务司, 服务处 …) or an organization in the dictionary (联合国)?"""
    if len(words) == 1:
        return dictionary_tag(words[0]) == "nt"
    return body_name(words) and words[-1] not in lexicon().instrument_heads


def verb_like(word: str) -> bool:
    """Is the word a verb or a fixed phrase in the dictionary (洗钱, 药物滥用: lexicon list verb_tags)?"""
    return dictionary_tag(word) in lexicon().verb_tags


def place_phrase(words: Sequence[str]) -> bool:
    """A phrase about a State or a place rather than a term: its name with a head of place_heads
    (伊拉克政府 — one dictionary word —, 阿富汗|当局, 黎巴嫩|境内), a State's name before anything
    but the name of a body (塞浦路斯共和国|领空; not 中非共和国|国际支助团), or a place's name
    at its end (占领国|以色列)."""
    heads = lexicon().place_heads
    if len(words) == 1:
        w = words[0]
        return any(w.endswith(h) and len(w) > len(h) and dictionary_tag(w[: -len(h)]) == "ns" for h in heads)
    if words[-1] in heads and all(dictionary_tag(w) == "ns" for w in words[:-1]):
        return True
    if dictionary_tag(words[-1]) == "ns":
        return True
    country_heads = tuple(lexicon().country_heads)
    for k in range(1, len(words)):
        if words[k - 1].endswith(country_heads):
            return not body_name(words[k:]) and not (len(words) - k == 1 and body_name(["", words[k]]))
    return False
