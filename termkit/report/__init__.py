"""Reports of check results: html.py (one self-contained page), json.py, csv.py, text.py."""

from .csv import write_csv
from .html import render_html
from .json import report_dict, write_json
from .text import write_text

__all__ = ["render_html", "report_dict", "write_csv", "write_json", "write_text"]
