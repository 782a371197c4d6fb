"""The readers the fuzzer drives, and how: shared by fuzz_readers.py (atheris) and by
tests/test_fuzz_regressions.py, which replays every crash the fuzzer ever found."""

from __future__ import annotations

import contextlib
import os

import termkit.formats.candidate_records
import termkit.formats.candidates
import termkit.formats.ooxml
import termkit.formats.tmx
import termkit.formats.xliff
import termkit.formats.xlsx
import termkit.formats.xlsx_read  # noqa: F401   the fuzzer instruments them and sees their coverage)
from termkit.errors import TermkitError
from termkit.formats.bilingual import read_bilingual
from termkit.formats.registry import read_any_csv
from termkit.formats.tbx import read as read_tbx
from termkit.formats.txt import read_text
from termkit.text.normalize import normalize
from termkit.text.segment import segment

SUFFIX = {
    "tbx": ".tbx",
    "tmx": ".tmx",
    "xliff": ".xlf",
    "csv": ".csv",
    "txt": ".txt",
    "xlsx": ".xlsx",
    "sheet": ".sheetxml",
    "jsonl": ".jsonl",
}


def read_xlsx(path: str) -> None:
    from termkit.formats.xlsx import read

    read(path)


_PARTS = {
    "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "_rels/.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    b'Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    b'<sheet name="t" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    b'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    b"</Relationships>",
    "xl/sharedStrings.xml": b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b"<si><t>en</t></si><si><t>zh-CN</t></si><si><t>HIV</t></si><si><t>\xe8\x89\xbe\xe6\xbb\x8b</t></si></sst>",
}


def read_sheet(path: str) -> None:
    """The fuzzed bytes as the sheet part of an otherwise well-formed workbook: the structure-aware
    target (a mutated zip rarely gets past its checksums)."""
    import zipfile

    with open(path, "rb") as fh:
        sheet = fh.read()
    book = path + ".xlsx"
    with zipfile.ZipFile(book, "w") as zf:
        for name, data in _PARTS.items():
            zf.writestr(name, data)
        zf.writestr("xl/worksheets/sheet1.xml", sheet)
    read_xlsx(book)


def read_jsonl(path: str) -> None:
    from termkit.formats.candidates import read_candidates

    read_candidates(path)


def read_txt(path: str) -> None:
    doc = read_text(path)
    segment(doc.text)
    normalize(doc.text)


READERS = {
    "tbx": read_tbx,
    "tmx": read_bilingual,
    "xliff": read_bilingual,
    "csv": read_any_csv,
    "txt": read_txt,
    "xlsx": read_xlsx,
    "sheet": read_sheet,
    "jsonl": read_jsonl,
}


def run_one(target: str, data: bytes, workdir: str) -> None:
    """Read ``data`` with the target's reader; InputError is a clean refusal, anything else a bug."""
    path = os.path.join(workdir, "input" + SUFFIX[target])
    with open(path, "wb") as fh:
        fh.write(data)
    with contextlib.suppress(TermkitError):
        READERS[target](path)
