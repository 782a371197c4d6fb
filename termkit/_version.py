"""The package version, in one place: the installed distribution's, else a source-tree marker.

Everything that writes the version (``termkit --version``, the TBX header, TMX
``creationtoolversion``, reports) imports it from here, so no module has to import the package
root for it.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("termkit")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"
