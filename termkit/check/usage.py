"""How documents use the forms of one concept: shared by the cross-document check and the
variant clusters found without a glossary."""

from __future__ import annotations


def disagreeing(forms_by_doc: dict[str, set[str]]) -> list[tuple[str, str]]:
    """Pairs of documents each of which uses a form the other does not (sorted by name)."""
    docs = sorted(forms_by_doc)
    return [
        (a, b)
        for i, a in enumerate(docs)
        for b in docs[i + 1 :]
        if forms_by_doc[a] - forms_by_doc[b] and forms_by_doc[b] - forms_by_doc[a]
    ]
