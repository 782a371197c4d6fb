"""The records of a candidates file (``termkit mine --format jsonl``) checked against their
documented shape before anything is built from them: a line that is not one JSON object, a
number where an object belongs, a non-numeric ``start``, ``NaN``/``Infinity``, a 10,000-deep
nesting — each a one-line error with the line number, never an exception from deep inside."""

from __future__ import annotations

import json
import math

from ..errors import InputError
from .clean import clean_text, needs_cleaning


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


_STRINGS = ("text", "pinyin", "status", "abbreviation_of", "head", "role", "concept", "preferred")
_NUMBERS = ("freq", "doc_freq", "score")  # and the ``statistics`` (candidates.STATISTICS)


def json_record(line: str, path: str, n: int, statistics: tuple = ()) -> dict:
    """One line of a candidates file, checked against the documented shape (``termkit mine
    --format jsonl``): an object; strings where strings are written, finite numbers where
    numbers are, ``contexts`` a list of objects with a string ``doc`` and ``sentence`` and
    whole-number ``start``/``end``; ``abbreviations`` and ``evidence`` lists of strings."""
    try:
        r = json.loads(line, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON Lines: {exc.msg} (column {exc.colno})", path, n) from None
    except ValueError as exc:
        raise InputError(f"not JSON Lines: {exc}", path, n) from None
    except RecursionError:
        raise InputError("not JSON Lines: nested too deeply", path, n) from None
    if not isinstance(r, dict):
        raise InputError(f"expected one JSON object per line, found {_json_type(r)}", path, n)

    def bad(key: str, expected: str, value) -> InputError:
        return InputError(f"{key!r} should be {expected}, found {_json_type(value)}", path, n)

    for key in _STRINGS:
        v = r.get(key)
        if v is not None and not isinstance(v, str):
            raise bad(key, "a string", v)
    for key in (*_NUMBERS, *statistics):
        v = r.get(key)
        if v is None or v == "":
            continue
        if not _is_number(v):
            raise bad(key, "a number", v)
    contexts = r.get("contexts")
    if contexts is not None and not isinstance(contexts, (list, str)):
        raise bad("contexts", "a list of objects", contexts)
    for x in contexts if isinstance(contexts, list) else []:
        if not isinstance(x, dict):
            raise bad("contexts", "a list of objects", x)
        for key in ("doc", "sentence"):
            if key in x and not isinstance(x[key], (str, type(None))):
                raise bad(f"contexts.{key}", "a string", x[key])
        for key in ("start", "end"):
            v = x.get(key)
            if v is not None and (isinstance(v, bool) or not isinstance(v, int) or not 0 <= v < 2**53):
                raise bad(f"contexts.{key}", "a whole number of 0 or more", v)
    for key in ("abbreviations", "evidence"):
        v = r.get(key)
        if (
            v is not None
            and not isinstance(v, str)
            and not (isinstance(v, list) and all(isinstance(a, str) for a in v))
        ):
            raise bad(key, "a list of strings", v)
    return {k: clean_text(v, path, n) if isinstance(v, str) and needs_cleaning(v) else v for k, v in r.items()}


def _is_number(v) -> bool:
    """A finite number of a sane size (or the text of one, as a CSV written back as JSON holds)."""
    if isinstance(v, str):
        try:
            v = float(v)
        except ValueError:
            return False
    return not isinstance(v, bool) and isinstance(v, (int, float)) and math.isfinite(v) and abs(v) < 1e15


def _json_type(v) -> str:
    if isinstance(v, bool):
        return "true/false"
    if v is None:
        return "null"
    if isinstance(v, (int, float)):
        return f"the number {v!r}"
    if isinstance(v, str):
        return f"the string {v[:30]!r}"
    return "a list" if isinstance(v, list) else "an object"
