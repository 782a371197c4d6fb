"""What TBX reading and writing share: the namespaces, and the marks a termkit file carries so that
reading it back restores the glossary exactly (the language-tag header, the concept-id note, the
proposed-status note)."""

from __future__ import annotations

import re

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANG_HEADER = "termkit-language-tags:"
ID_NOTE = "concept_id: "
ID_NOTE_RE = re.compile(r"concept_id: (\S[^\n]*)")  # used with fullmatch
# A proposed term is written without administrativeStatus (TBX-Basic has no value for "not yet
# reviewed"; CAT tools then treat it as allowed) and with this note, which reads back as the status.
PROPOSED_NOTE = "status: proposed (mined by termkit, not yet reviewed by a terminologist)"
# When a form was right (TBX-Basic has no data category for it): a note each, read back as dates.
VALID_FROM_NOTE = "valid from: "
VALID_UNTIL_NOTE = "valid until: "
VALIDITY_NOTE_RE = re.compile(r"valid (from|until): (\d{4}(?:-\d{2}(?:-\d{2})?)?)")  # used with fullmatch
