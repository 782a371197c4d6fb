"""Lookup benchmark: a 100,000-concept glossary, 10,000 queries, against brute-force rapidfuzz.

    python bench/lookup.py [--concepts 100000] [--queries 10000] [--baseline-sample 1000]

The glossary is synthetic but made of real vocabulary: Chinese words and compounds from jieba's
own dictionary, English phrases from the English side of the UN Parallel Corpus dev set, plus
every concept of glossaries/un-drug-control.csv. Queries mix exact hits, known variants,
one-character typos and misses. Prints index build time, queries per second, peak memory, and
the same for a brute-force ``rapidfuzz.process.extractOne`` over every term (timed on a sample,
since it is slow), with the share of typo queries where both give the same best answer.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import time
from pathlib import Path

import jieba
from rapidfuzz import process

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from termkit.glossary import GlossaryIndex, load_glossary  # noqa: E402
from termkit.glossary.index import SCORES, key_for, scorer_for  # noqa: E402
from termkit.model import Concept, Term  # noqa: E402

UNPC_EN = ROOT / "tests" / "data" / "unpc" / "UNv1.0.devset.en"
COMMON_HANZI = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质"


def chinese_vocabulary(rng: random.Random) -> list[str]:
    path = Path(jieba.__file__).parent / "dict.txt"
    words = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            word = line.split(" ", 1)[0]
            if 2 <= len(word) <= 8 and re.fullmatch(r"[\u4e00-\u9fff]+", word):
                words.append(word)
    rng.shuffle(words)
    return words


def english_vocabulary(rng: random.Random, n: int) -> list[str]:
    words = re.findall(r"[a-z][a-z-]{2,}", UNPC_EN.read_text(encoding="utf-8").lower())
    vocab = sorted(set(words))
    phrases = set()
    while len(phrases) < n:
        k = rng.choice((1, 2, 2, 3, 3, 4))
        phrases.add(" ".join(rng.choice(vocab) for _ in range(k)))
    return sorted(phrases)


def typo(text: str, rng: random.Random) -> str:
    i = rng.randrange(len(text))
    if re.match(r"[\u4e00-\u9fff]", text[i]):
        pool = COMMON_HANZI
    else:
        pool = "abcdefghijklmnopqrstuvwxyz"
    new = rng.choice(pool)
    while new == text[i]:
        new = rng.choice(pool)
    return text[:i] + new + text[i + 1 :]


def build_glossary(n_concepts: int, rng: random.Random):
    real = load_glossary([ROOT / "glossaries" / "un-drug-control.csv"]).concepts
    zh_words = chinese_vocabulary(rng)
    en_phrases = english_vocabulary(rng, n_concepts)
    concepts = list(real)
    used = {t.text for c in real for t in c.terms}
    zi = ei = 0
    while len(concepts) < n_concepts:
        # half single dictionary words, half two-word compounds (longer names, like real terms)
        if rng.random() < 0.5:
            zh = zh_words[zi % len(zh_words)]
        else:
            zh = zh_words[zi % len(zh_words)] + zh_words[(zi * 7 + 3) % len(zh_words)]
        zi += 1
        en = en_phrases[ei % len(en_phrases)]
        ei += 1
        if zh in used or en in used:
            continue
        used.update((zh, en))
        terms = [Term(en, "en"), Term(zh, "zh")]
        if rng.random() < 0.2 and len(zh) >= 3:  # a known variant: a short form
            variant = zh[: len(zh) - 1]
            if variant not in used:
                used.add(variant)
                terms.append(Term(variant, "zh", status="admitted", type="shortForm"))
        concepts.append(Concept(id=f"s{len(concepts)}", terms=terms, subject="synthetic"))
    return concepts, used


def build_queries(concepts, used, n: int, rng: random.Random):
    queries = []
    zh_words = [w for w in chinese_vocabulary(random.Random(7))[-50000:] if w not in used]
    for _ in range(n):
        c = rng.choice(concepts)
        kind = rng.random()
        if kind < 0.3:
            queries.append(("exact", rng.choice(c.terms).text))
        elif kind < 0.5:
            forms = [t.text for t in c.terms if t.status != "preferred"] or [c.terms[0].text.upper()]
            queries.append(("variant", rng.choice(forms)))
        elif kind < 0.8:
            long_terms = [t.text for t in c.terms if len(t.text) >= 4]
            if not long_terms:
                continue
            q = typo(rng.choice(long_terms), rng)
            if q in used:
                continue
            queries.append(("typo", q))
        else:
            queries.append(("miss", rng.choice(zh_words) + rng.choice(zh_words)))
    return queries


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--concepts", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=10_000)
    ap.add_argument("--baseline-sample", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    jieba.setLogLevel(60)

    concepts, used = build_glossary(args.concepts, rng)
    queries = build_queries(concepts, used, args.queries, rng)
    n_terms = sum(len(c.terms) for c in concepts)
    print(
        f"glossary: {len(concepts):,} concepts, {n_terms:,} terms; queries: {len(queries):,} "
        f"({', '.join(f'{k} {sum(1 for q in queries if q[0] == k)}' for k in ('exact', 'variant', 'typo', 'miss'))})"
    )

    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    # the whole index, built here: a lookup otherwise builds the parts its queries need when they
    # first need them (n-grams of one script, readings of one length), or reads them from the cache
    index = GlossaryIndex(concepts).prepare()
    build = time.perf_counter() - t0

    t0 = time.perf_counter()
    answers = [index.lookup(q, limit=1) for _, q in queries]
    elapsed = time.perf_counter() - t0
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    found = {
        k: sum(1 for (kind, _), a in zip(queries, answers) if kind == k and a)
        for k in ("exact", "variant", "typo", "miss")
    }

    print(
        f"index build: {build:.2f} s; process peak RSS {rss1 / 1024:.0f} MiB "
        f"(glossary alone {rss0 / 1024:.0f} MiB: the index adds {(rss1 - rss0) / 1024:.0f} MiB)"
    )
    print(
        f"termkit index: {len(queries):,} queries in {elapsed:.2f} s = {len(queries) / elapsed:,.0f} queries/s "
        f"(target: all in < 5 s)"
    )
    print("  answered: " + ", ".join(f"{k} {found[k]}/{sum(1 for q in queries if q[0] == k)}" for k in found))

    # brute force: every term of the query's script, the same scorer and cut-off as fuzzy lookup
    zh_keys = [e.key for e in index.entries if e.chinese]
    en_keys = [e.key for e in index.entries if not e.chinese]
    typos = [q for kind, q in queries if kind == "typo"][: args.baseline_sample]
    cutoff = 70.0 / SCORES["fuzzy_weight"]
    t0 = time.perf_counter()
    base = []
    for q in typos:
        keys = zh_keys if re.search(r"[\u4e00-\u9fff]", q) else en_keys
        base.append(process.extractOne(key_for(q), keys, scorer=scorer_for(q), score_cutoff=cutoff))
    base_elapsed = time.perf_counter() - t0
    base_qps = len(typos) / base_elapsed
    print(
        f"brute-force extractOne: {len(typos)} typo queries in {base_elapsed:.2f} s = {base_qps:,.0f} queries/s "
        f"(all {len(queries):,} queries would take ~{len(queries) / base_qps:.0f} s); "
        f"termkit is {len(queries) / elapsed / base_qps:.0f}x faster"
    )

    same_key = same_score = both_none = 0
    for q, b in zip(typos, base):
        mine = index.lookup(q, limit=1, kinds=["fuzzy"])
        if b is None:
            both_none += not mine
            continue
        if mine:
            m_key = key_for(mine[0].term.text)
            m_sim = mine[0].score / SCORES["fuzzy_weight"]
            same_key += m_key == b[0]
            same_score += m_key == b[0] or abs(m_sim - b[1]) < 0.1
    agree = same_score + both_none
    print(
        f"typo queries, top-1 vs brute force: same term {same_key}/{len(typos)}, "
        f"same best score (ties count) {agree}/{len(typos)} = {100 * agree / len(typos):.1f}% (target ≥ 99%)"
    )


if __name__ == "__main__":
    main()
