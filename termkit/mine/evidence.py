"""The evidence of a candidate's rank, in words: what raised it or lowered it.

Each mined candidate carries a short list of reasons a person can check against its example
sentence — ``title in 《》``, ``defined abbreviation of 麻醉药品委员会``, ``name head 委员会``,
``general-language word 国际`` — read off what the scoring found (:mod:`.termhood`) and the
scan's neighbours. They explain the rank; they do not compute it.
"""

from __future__ import annotations

from collections.abc import Sequence

from .scores import PARAMS
from .table import Entry

#: Branching entropy (bits) below which a side of a candidate is reported as fixed.
FIXED_SIDE_BITS = 1.0
#: Specificity (bits against general Chinese) from which a candidate is reported as typical.
TYPICAL_BITS = 8.0


def evidence(
    e: Entry,
    h_left: float,
    h_right: float,
    abbreviation_of: str = "",
    inferred: bool = False,
    shorts: Sequence[str] | None = None,
) -> list[str]:
    """The reasons for ``e``'s rank, most telling first."""
    out: list[str] = []
    if e.title:
        out.append("title in 《》")
    if abbreviation_of:
        out.append(("inferred abbreviation of " if inferred else "defined abbreviation of ") + abbreviation_of)
    if shorts:
        out.append("abbreviated as " + ", ".join(shorts))
    if e.institution:
        out.append("UN institutional vocabulary")
    if e.named and len(e.words) > 1:
        out.append(("body or instrument name, head " if e.body else "name head ") + e.words[-1])
    elif e.generic:
        out.append(f"generic head {e.words[-1]} after general words")
    if e.verb:
        out.append("a verb far more typical of the corpus than of general text")
    if e.specificity >= TYPICAL_BITS:
        out.append(f"typical of the corpus ({e.specificity:.0f} bits over the reference)")
    if e.general_words and not (e.named or e.title or e.institution):
        out.append("general-language word " + ", ".join(dict.fromkeys(e.general_words)))
    if e.coordination < PARAMS["coordination"]:
        out.append("a coordination that is not fixed (its parts are mostly used apart)")
    fixed = [side for side, h in (("left", h_left), ("right", h_right)) if h < FIXED_SIDE_BITS and e.freq > 2]
    if fixed:
        out.append("always the same neighbour on the " + " and ".join(fixed) + " (a fragment?)")
    if e.containers and e.cvalue < e.freq:
        out.append("mostly inside longer candidates")
    return out
