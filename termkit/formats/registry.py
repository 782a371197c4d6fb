"""Which format a file is in: the one place that tells, by extension (and content where the
extension cannot), for every kind of file termkit reads or writes.

======================  ==========================================================================
kind                    formats (extensions; content)
======================  ==========================================================================
glossary (read)         csv (``.csv``, ``.tsv``, none; OmegaT's tab-separated ``.txt``, ``.utf8``,
                        ``.tab``; long or wide shape by the header, see :func:`csv_shape`), tbx (``.tbx``, ``.xml``, ``.tbxm``; v2 ``<martif>``
                        or v3 ``<tbx>``, told apart by the TBX reader from the root element),
                        xlsx (``.xlsx``, ``.xlsm``; long or wide by the header)
termbase (write)        tbx (``.tbx``, ``.tbxm``, ``.xml``), csv (``.csv``), xlsx (``.xlsx``)
document (read)         text (``.txt``, ``.text``), docx (``.docx``, ``.docm``), pdf (``.pdf``),
                        html (``.html``, ``.htm``, ``.xhtml``); a file named with another extension
                        by its first bytes (``%PDF-``; a zip holding ``word/document.xml``), else text
bilingual (read)        tmx (``.tmx``), xliff (``.xlf``, ``.xliff``, ``.sdlxliff``, ``.mqxliff``,
                        ``.xlz``); an ``.xml`` file by its root element (``<tmx>``, ``<xliff>``);
                        table (``.xlsx``, ``.xlsm``; a ``.docx`` whose tables are two columns,
                        English | Chinese: :func:`termkit.formats.tables.is_bilingual_docx`)
candidates (read)       jsonl (``.jsonl``, ``.ndjson``), csv (``.csv`` whose header starts
                        ``rank,text,``): the files ``termkit mine`` writes
candidates (write)      csv, jsonl (``.jsonl``, ``.ndjson``, ``.json``), else the table
report (write)          html (``.html``, ``.htm``), json, csv, text (``.txt``), else html
alignment (write)       tmx, jsonl, beads, else tsv
======================  ==========================================================================

Glossaries and termbases are read and written through here (:func:`read_glossary`,
:func:`write_termbase`); bilingual files and mined candidates by :mod:`termkit.formats.bilingual`
and :mod:`termkit.formats.candidates`, which ask here for the format; reports (:mod:`termkit.report`,
a later stage) and alignments (:mod:`termkit.formats.beads`) are written by their callers in the
format named here. The messages for an extension nobody reads are part
of the command-line interface: they stay word for word.

TBX needs lxml (and so does looking inside an ``.xml`` file): it is imported when a file is read or
written, so that choosing a format (and ``termkit --help``) never loads it.
"""

from __future__ import annotations

import csv
import os
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..errors import InputError, TermkitError
from ..model import Concept, Problem
from . import xlsx
from .csv import is_long_header, read_glossary_csv_wide, read_long_csv, write_glossary_csv, write_glossary_csv_wide

GLOSSARY_SUFFIXES = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",  # OmegaT's tab-separated glossaries (.txt and .utf8 UTF-8, .tab)
    ".utf8": "csv",
    ".tab": "csv",
    "": "csv",
    ".tbx": "tbx",
    ".xml": "tbx",
    ".tbxm": "tbx",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
}
TERMBASE_SUFFIXES = {".tbx": "tbx", ".tbxm": "tbx", ".xml": "tbx", ".csv": "csv", ".xlsx": "xlsx"}
BILINGUAL_SUFFIXES = {
    ".tmx": "tmx",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".sdlxliff": "xliff",
    ".mqxliff": "xliff",
    ".xlz": "xliff",
}
BILINGUAL_TABLE_SUFFIXES = {".xlsx": "table", ".xlsm": "table"}  # and a .docx, by its content
DOCUMENT_SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".docx": "docx",
    ".docm": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
BILINGUAL_ROOTS = {"tmx": "tmx", "xliff": "xliff"}  # for .xml files, by root element
CANDIDATES_FILE_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
CANDIDATES_CSV_HEADER = "rank,text,"  # how the CSV ``termkit mine`` writes begins (FIELDS)
CANDIDATES_OUTPUT_SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl"}
REPORT_SUFFIXES = {".html": "html", ".htm": "html", ".json": "json", ".csv": "csv", ".xlsx": "xlsx", ".txt": "text"}
REPORT_FORMATS = ("html", "json", "csv", "xlsx", "text")
ALIGNMENT_SUFFIXES = {"tmx": "tmx", "jsonl": "jsonl", "beads": "beads"}  # after the last dot


def suffix_of(path: str | os.PathLike) -> str:
    """The extension that names a file's format: ``.tbx``, ``.csv``; ``""`` for none."""
    return Path(path).suffix.lower()


# --------------------------------------------------------------------------------------------
# glossaries and termbases


def glossary_format(path: str | os.PathLike) -> str:
    """``csv``, ``tbx`` or ``xlsx``: how a glossary file is read."""
    suffix = suffix_of(path)
    if suffix not in GLOSSARY_SUFFIXES:
        raise InputError(f"unsupported glossary format {suffix!r} (expected .csv, .tbx, .xml or .xlsx)", str(path))
    return GLOSSARY_SUFFIXES[suffix]


def csv_shape(path: str | os.PathLike) -> str:
    """``long`` or ``wide``: the shape of a glossary CSV, by its header line.

    Long when the header has the long shape's columns (:func:`~termkit.formats.csv.is_long_header`);
    wide otherwise, and for UTF-16 files (CAT-tool exports). A file whose first line cannot be read
    or parsed counts as long, so that the long reader words the error.
    """
    try:
        with open(path, "rb") as fh:
            head = fh.readline(1 << 16)
    except OSError:
        return "long"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "wide"
    lines = head.decode("utf-8-sig", errors="replace").splitlines()
    first = lines[0] if lines else ""
    delimiter = max((",", "\t", ";"), key=first.count)
    try:
        header = next(csv.reader([first], delimiter=delimiter), [])
    except csv.Error:
        return "long"
    return "long" if is_long_header(header) else "wide"


def read_any_csv(path: str | os.PathLike, columns=None) -> tuple[list[Concept], list[Problem]]:
    """A glossary CSV in either shape (:func:`csv_shape`), or with its columns named by ``columns``
    (``"en,zh-CN,note"``); returns (concepts, warnings)."""
    if columns is None and csv_shape(path) == "long":
        return read_long_csv(path)
    return read_glossary_csv_wide(path, columns=columns)


def read_glossary(path: str | os.PathLike, columns=None) -> tuple[list[Concept], list[Problem]]:
    """Read one glossary file with the reader its format calls for; returns (concepts, warnings).
    ``columns`` names the columns of a CSV or XLSX table in order (TBX ignores it)."""
    fmt = glossary_format(path)
    if fmt == "csv":
        return read_any_csv(path, columns)
    if fmt == "tbx":
        from . import tbx  # lxml

        return tbx.read_concepts(path)
    return xlsx.read_concepts(path, columns=columns)


def termbase_format(path: str | os.PathLike) -> str:
    """``tbx``, ``csv`` or ``xlsx``: the termbase format an output path asks for."""
    suffix = suffix_of(path)
    if suffix not in TERMBASE_SUFFIXES:
        raise TermkitError(
            f"{path}: cannot tell the output format from {suffix or 'no extension'!r} (use .tbx, .csv or .xlsx)"
        )
    return TERMBASE_SUFFIXES[suffix]


def write_termbase(
    concepts: Iterable[Concept],
    out: str | os.PathLike,
    fmt: str,
    *,
    tbx_version: int = 3,
    lang_tags: Mapping[str, str] | None = None,
    shape: str = "wide",
    title: str = "termkit termbase",
    source: str = "",
) -> list[Problem]:
    """Write concepts as a termbase in ``fmt`` (tbx, csv or xlsx; ``shape`` wide or long for the
    last two), atomically; returns the writer's warnings (TBX reports values it had to put in notes)."""
    if fmt == "tbx":
        from . import tbx  # lxml

        return tbx.write(concepts, out, tbx_version, lang_tags, title, source=source)
    if fmt == "csv":
        if shape == "wide":
            write_glossary_csv_wide(concepts, out, lang_tags)
        else:
            write_glossary_csv(concepts, out)
        return []
    if fmt == "xlsx":
        xlsx.write(concepts, out, lang_tags, shape, title)
        return []
    raise TermkitError(f"unknown output format {fmt!r} (expected tbx, csv or xlsx)")


# --------------------------------------------------------------------------------------------
# documents


def document_format(path: str | os.PathLike) -> str:
    """``text``, ``docx``, ``pdf`` or ``html``: how a document of a corpus is read. By extension;
    a file named otherwise by its first bytes (``%PDF-``, a zip holding ``word/document.xml``),
    else text."""
    fmt = DOCUMENT_SUFFIXES.get(suffix_of(path))
    if fmt:
        return fmt
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError:
        return "text"  # the text reader words the error
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as zf:
                if "word/document.xml" in zf.namelist():
                    return "docx"
        except (zipfile.BadZipFile, OSError, ValueError):
            pass
    return "text"


def is_document(path: str | os.PathLike) -> bool:
    """A file a corpus folder yields: text, Word, PDF or HTML by its extension (a Word lock file,
    ``~$name.docx``, is not one)."""
    return suffix_of(path) in DOCUMENT_SUFFIXES and not Path(path).name.startswith("~$")


# --------------------------------------------------------------------------------------------
# bilingual files


def bilingual_format(path: str | os.PathLike, look_inside: bool = False) -> str | None:
    """``tmx``, ``xliff`` or ``table`` by extension, or ``None``; with ``look_inside``, an ``.xml``
    file by its root element (which parses it). A ``.docx`` is a ``table`` when its content is a
    two-column English–Chinese table, which is always looked at (it reads the file)."""
    suffix = suffix_of(path)
    fmt = BILINGUAL_SUFFIXES.get(suffix) or BILINGUAL_TABLE_SUFFIXES.get(suffix)
    if fmt is None and look_inside and suffix == ".xml":
        from .xmlsafe import local_name, parse_xml  # lxml

        fmt = BILINGUAL_ROOTS.get(local_name(parse_xml(path).getroot()))
    if fmt is None and DOCUMENT_SUFFIXES.get(suffix) == "docx" and Path(path).is_file():
        from .tables import is_bilingual_docx  # lxml

        fmt = "table" if is_bilingual_docx(path) else None
    return fmt


def is_bilingual(path: str | os.PathLike) -> bool:
    """A TMX, XLIFF or workbook file by its extension, or a Word document that is a two-column
    English–Chinese table (what ``termkit check`` reads as bilingual)."""
    return bilingual_format(path) is not None


def is_parallel(path: str | os.PathLike) -> bool:
    """Parallel input for bilingual mining: a TMX or XLIFF file, or an aligned TSV (``.tsv``)."""
    return Path(path).is_file() and (is_bilingual(path) or suffix_of(path) == ".tsv")


# --------------------------------------------------------------------------------------------
# mined candidates


def is_candidates_file(path: str | os.PathLike) -> bool:
    """A file written by ``termkit mine``: ``.jsonl``, or a ``.csv`` whose header starts ``rank,text``."""
    fmt = CANDIDATES_FILE_SUFFIXES.get(suffix_of(path))
    if fmt == "csv":
        try:
            with open(path, "rb") as fh:
                head = fh.readline(4096).decode("utf-8-sig", errors="replace")
        except OSError:
            return False
        return head.startswith(CANDIDATES_CSV_HEADER)
    return fmt is not None


def candidates_file_format(path: str | os.PathLike) -> str:
    """How a candidates file is read: ``jsonl`` for JSON Lines (``.jsonl``, ``.ndjson``), else ``csv``."""
    return "jsonl" if CANDIDATES_FILE_SUFFIXES.get(suffix_of(path)) == "jsonl" else "csv"


def candidates_format(path: str | None, fmt: str | None) -> str:
    """The format ``termkit mine`` writes: as given, else by the output file's extension, else the table."""
    if fmt:
        return fmt
    if path and path != "-":
        lower = path.lower()  # the end of the path as written: ``-o .csv`` is a CSV file
        for suffix, name in CANDIDATES_OUTPUT_SUFFIXES.items():
            if lower.endswith(suffix):
                return name
    return "table"


# --------------------------------------------------------------------------------------------
# reports and alignments


def report_format(path: str | os.PathLike, fmt: str | None = None) -> str:
    """The format of a report written to ``path``: as given, else by extension, else HTML."""
    if fmt:
        return fmt
    return REPORT_SUFFIXES.get(suffix_of(path), "html")


def alignment_format(path: str | None, fmt: str | None = None) -> str:
    """The format ``termkit align`` writes: as given, else by the text after the output path's last
    dot (``.tmx``, ``.jsonl``, ``.beads``), else TSV."""
    if fmt:
        return fmt
    suffix = path.rsplit(".", 1)[-1].lower() if path and "." in path else ""
    return ALIGNMENT_SUFFIXES.get(suffix, "tsv")
