"""The documentation covers the command line and builds: every command and option appears on its
page of docs/commands/ (as sqlite-utils checks its CLI reference), and `mkdocs build --strict`
passes (broken links and missing pages fail it)."""

import re
import shutil
import subprocess
import sys

import click
import pytest

from termkit.cli import main

from conftest import ROOT

DOCS = ROOT / "docs"
MESSAGE_OPTIONS = {"--debug", "--quiet", "--verbose", "--help"}  # every command's, in commands/index.md


def commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name in group.list_commands(None):
        command = group.get_command(None, name)
        path = (*prefix, name)
        if isinstance(command, click.Group):
            yield from commands(command, path)
        else:
            yield path, command


@pytest.mark.parametrize(
    "path,command", list(commands(main)), ids=lambda x: " ".join(x) if isinstance(x, tuple) else ""
)
def test_every_command_and_option_is_documented(path, command):
    page = (DOCS / "commands" / f"{path[0]}.md").read_text(encoding="utf-8")
    assert f"termkit {' '.join(path)}" in page
    for param in command.params:
        if not isinstance(param, click.Option):
            continue
        if set(param.opts) & MESSAGE_OPTIONS:
            continue
        shown = [re.search(rf"(?<![\w-]){re.escape(flag)}(?![\w-])", page) for flag in param.opts]
        assert any(shown), f"{' '.join(path)} {param.opts[-1]} is not in docs/commands/{path[0]}.md"


def test_the_message_options_are_documented_once_for_all():
    page = (DOCS / "commands" / "index.md").read_text(encoding="utf-8")
    assert all(option in page or option.lstrip("-")[0] in page for option in ("--debug", "-q", "-v"))


def test_mkdocs_builds_strict(tmp_path):
    if (
        shutil.which("mkdocs") is None
        and subprocess.run([sys.executable, "-m", "mkdocs", "--version"], capture_output=True).returncode
    ):
        pytest.skip("mkdocs is not installed (pip install -e '.[test]')")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (tmp_path / "site" / "commands" / "run" / "index.html").exists()


def test_every_library_name_the_docs_give_exists():
    """`termkit.x.y` in the manual, README and CONTRIBUTING: importable, so the docs follow the code."""
    import importlib

    pages = [*DOCS.rglob("*.md"), ROOT / "README.md", ROOT / "CONTRIBUTING.md"]
    missing = []
    for page in pages:
        for name in sorted(set(re.findall(r"`(termkit(?:\.[A-Za-z_]\w*)+)", page.read_text(encoding="utf-8")))):
            parts = name.split(".")
            for i in range(len(parts), 0, -1):
                try:
                    obj = importlib.import_module(".".join(parts[:i]))
                except ImportError:
                    continue
                for attribute in parts[i:]:
                    obj = getattr(obj, attribute, None)
                if obj is None:
                    missing.append(f"{page.name}: {name}")
                break
    assert missing == []
