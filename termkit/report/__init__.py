"""Reports of check results, built on the cards (termkit.check.cards): html.py (one
self-contained page), json.py (everything), csv.py and xlsx.py (every occurrence; the cards),
text.py (the terminal)."""

from .csv import write_csv
from .html import render_html
from .json import report_dict, write_json
from .text import write_text
from .xlsx import write_xlsx

__all__ = ["render_html", "report_dict", "write_csv", "write_json", "write_text", "write_xlsx"]
