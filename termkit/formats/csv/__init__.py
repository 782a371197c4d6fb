"""Glossary CSV files, in two shapes (see DESIGN.md):

- the **long** curated shape (:mod:`.long`), one row per term — ``concept_id, lang, term, status,
  type, pos, subject, definition, note, source`` — the lossless source of truth;
- the **wide** CAT shape (:mod:`.wide`), one row per concept and a column per language, what CAT
  tools import, read leniently from glossaries made by others.

Both read through :mod:`.table` (encoding, delimiter, line numbers). Which shape a file is in is
told by its header: :func:`termkit.formats.registry.read_any_csv` reads either.
"""

from .detect import content_lang, parse_columns
from .long import (
    COLUMNS,
    CONCEPT_COLUMNS,
    DATE_COLUMNS,
    REQUIRED,
    CsvGlossary,
    Row,
    concept_rows,
    is_long_header,
    long_header,
    read_glossary_csv,
    read_long_csv,
    read_rows,
    rows_to_concepts,
    write_glossary_csv,
)
from .wide import (
    CELL_LINE_BREAK,
    WIDE_FIELDS,
    one_line,
    read_glossary_csv_wide,
    table_to_concepts,
    wide_rows_to_concepts,
    wide_table,
    write_glossary_csv_wide,
)

__all__ = [
    "CELL_LINE_BREAK",
    "COLUMNS",
    "CONCEPT_COLUMNS",
    "DATE_COLUMNS",
    "REQUIRED",
    "WIDE_FIELDS",
    "CsvGlossary",
    "Row",
    "concept_rows",
    "content_lang",
    "is_long_header",
    "long_header",
    "one_line",
    "parse_columns",
    "read_glossary_csv",
    "read_glossary_csv_wide",
    "read_long_csv",
    "read_rows",
    "rows_to_concepts",
    "table_to_concepts",
    "wide_rows_to_concepts",
    "wide_table",
    "write_glossary_csv",
    "write_glossary_csv_wide",
]
