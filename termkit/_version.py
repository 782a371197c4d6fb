"""The package version, in one place (pyproject.toml reads it from here).

Everything that writes the version (``termkit --version``, the TBX header, TMX
``creationtoolversion``, reports) imports it from here, so no module has to import the package
root for it — or importlib.metadata, which costs a quarter of a `termkit --version`.
"""

__version__ = "0.1.0"
