"""Readers and writers, one module per file format. Only this package touches files.

:mod:`.registry` tells which format a file is in, for every kind of file (glossary, termbase,
bilingual, candidates, report, alignment); :mod:`.vocabulary` holds what the glossary formats
share (statuses, term types, parts of speech, language tags), below all of them, and
:mod:`.problems` the warnings their readers and writers collect.
"""
