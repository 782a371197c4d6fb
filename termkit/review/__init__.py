"""The review workbench (``termkit review``): a run's candidates judged one by one — accepted as
new concepts, merged into glossary concepts, rejected into a stop list, or deferred — and the
curated glossary exported.

- :mod:`.store`: the decisions, in SQLite in the run folder, with an audit trail, undo and
  optimistic concurrency (a version number per candidate);
- :mod:`.candidates`: what the page shows of a candidate concept (contexts, English, neighbours);
- :mod:`.decisions`: the fields of a decision, checked;
- :mod:`.export`: the curated glossary and the stop list;
- :mod:`.session`: :class:`Review`, the library behind the command and the JSON API;
- :mod:`.server` and :mod:`.page`: the local web app (needs the ``review`` extra: Starlette, uvicorn).
"""

from .decisions import BadDecision
from .session import Review
from .store import STORE, Conflict, Decision, DecisionStore, rejected_forms

__all__ = ["STORE", "BadDecision", "Conflict", "Decision", "DecisionStore", "Review", "rejected_forms"]
