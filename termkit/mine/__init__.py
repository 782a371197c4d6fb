"""The term miner: Chinese term candidates ranked by termhood (see :mod:`.miner`).

One module per role: :mod:`.candidates` (segmentation, n-gram assembly, the counting map),
:mod:`.scores` (one function per statistic), :mod:`.abbreviations` (全称（简称） definitions),
:mod:`.contexts` (occurrences, neighbours and example sentences), :mod:`.miner` (``mine()``).
"""

from .candidates import Counts, count_documents, count_files
from .contexts import Occurrences, fill_sentences, scan_documents
from .miner import MineResult, mine

__all__ = ["Counts", "MineResult", "Occurrences", "count_documents", "count_files", "fill_sentences", "mine", "scan_documents"]
