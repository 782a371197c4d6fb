"""The bounds of one lookup: how long a query may be, how long a term gets a pinyin key."""

from __future__ import annotations

from ..errors import InputError

MAX_PINYIN_CHARS = 64  # nobody types the pinyin of a longer term
# A longer query is not a term: only exact and normalized matches are looked for (the ``lookup``
# command refuses it with a message, :func:`check_query`).
MAX_QUERY_CHARS = 1000


def check_query(query: str, path: str | None = None, line: int | None = None) -> None:
    """Refuse a query too long to be a term (what ``termkit lookup`` says about it)."""
    if len(query.strip()) > MAX_QUERY_CHARS:
        raise InputError(
            f"query of {len(query.strip()):,} characters is longer than a term lookup takes ({MAX_QUERY_CHARS:,}); "
            "look up a term, not a passage (termkit check finds the terms of a text)",
            path,
            line,
        )
