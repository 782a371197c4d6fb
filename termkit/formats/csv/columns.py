"""The column headers of the wide CSV shape: which language or field a header names.

Read leniently (headers of glossaries made by others: ``English``, ``Chinese (PRC)``, ``zh_CN``,
``Entry_ID``, ``Domain``, ``Comment``) and written strictly (BCP 47 tags, ``<term column>_<field>``).
"""

from __future__ import annotations

import re

from ..vocabulary import canonical_lang

WIDE_FIELDS = ("status", "type", "pos", "definition", "note", "source", "valid_from", "valid_until")

ROLE_NAMES = {
    "conceptid": "concept_id",
    "id": "concept_id",
    "entryid": "concept_id",
    "cid": "concept_id",
    "stringid": "concept_id",
    "termid": "concept_id",
    "entry": "concept_id",
    "subject": "subject",
    "subjectfield": "subject",
    "domain": "subject",
    "entrysubject": "subject",
    "entrydomain": "subject",
    "conceptdomain": "subject",
    "definition": "definition",
    "description": "definition",
    "conceptdefinition": "definition",
    "entrydefinition": "definition",
    "note": "note",
    "notes": "note",
    "comment": "note",
    "comments": "note",
    "entrynote": "note",
    "conceptnote": "note",
    "remark": "note",
    "remarks": "note",
    "sourcelang": "source_lang",
    "sourcelanguage": "source_lang",
    "srclang": "source_lang",
    "targetlang": "target_lang",
    "targetlanguage": "target_lang",
    "tgtlang": "target_lang",
    "sourcestring": "source_term",
    "sourceterm": "source_term",
    "sourcetext": "source_term",
    "targetstring": "target_term",
    "targetterm": "target_term",
    "targettext": "target_term",
    "pos": "pos",
    "partofspeech": "pos",
}
LANGUAGE_NAMES = {
    "english": "en",
    "chinese": "zh",
    "chinese (simplified)": "zh-Hans",
    "simplified chinese": "zh-Hans",
    "chinese (traditional)": "zh-Hant",
    "traditional chinese": "zh-Hant",
    "chinese (prc)": "zh-CN",
    "chinese (china)": "zh-CN",
    "chinese (taiwan)": "zh-TW",
    "chinese (hong kong)": "zh-HK",
    "chinese_prc": "zh-CN",
    "chinese_simplified": "zh-Hans",
    "chinese_traditional": "zh-Hant",
    "中文": "zh",
    "汉语": "zh",
    "简体中文": "zh-Hans",
    "繁體中文": "zh-Hant",
    "英文": "en",
    "英语": "en",
    "french": "fr",
    "german": "de",
    "spanish": "es",
    "russian": "ru",
    "arabic": "ar",
    "japanese": "ja",
    "korean": "ko",
    "portuguese": "pt",
    "italian": "it",
}
# ISO 639-1 codes: a two-letter header is a language only if it is one of these.
ISO639_1 = set(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz "
    "ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik "
    "io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml "
    "mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd "
    "se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi "
    "vo wa wo xh yi yo za zh zu".split()
)
ISO639_3_COMMON = {"cmn", "yue", "wuu", "nan", "hak", "fil", "haw", "ast", "ckb", "sco", "gsw"}
WIDE_COLUMN_RE = re.compile(
    r"(?P<lang>.+?)(?:[_ ](?P<slot>\d+))?(?:[_ ](?P<field>status|type|pos|definition|note|source|valid_from|valid_until))?",
    re.I,
)
ALTERNATIVES_RE = re.compile(r" : | \| ")


# ISO 15924 scripts a language tag may name (zh-Hans); a four-letter subtag that is none of these
# is a word (en_term, zh_name), not a script.
SCRIPTS = set(
    "hans hant latn cyrl arab deva grek hebr jpan kore hira kana hang thai beng taml telu knda mlym gujr "
    "guru orya sinh tibt mong ethi geor armn khmr laoo mymr syrc thaa tfng yiii bopo".split()
)


def column_lang(name: str) -> str | None:
    """The language tag a column header names, or None."""
    low = name.strip().lower()
    if low in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[low]
    tag, _valid = canonical_lang(name)
    parts = tag.split("-")
    if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", tag):
        return None
    for sub in parts[1:]:
        s = sub.lower()
        script = len(s) == 4 and s.isalpha() and s in SCRIPTS
        region = (len(s) == 2 and s.isalpha()) or (len(s) == 3 and s.isdigit())
        variant = 5 <= len(s) <= 8 or (len(s) == 4 and s[0].isdigit())
        if not (script or region or variant):
            return None
    primary = parts[0]
    if len(primary) == 2 and primary in ISO639_1:
        return tag
    if len(primary) == 3 and (primary in ISO639_3_COMMON or len(parts) > 1):
        return tag
    return None
