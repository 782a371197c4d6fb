"""``python -m termkit.cli``."""

from . import main

main()
