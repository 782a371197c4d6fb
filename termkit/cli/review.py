"""``termkit review``: the terminologist's workbench in the browser, and the export of its result."""

from __future__ import annotations

import click

from ..errors import InputError
from .app import glossary_option, info, main


def _needs_web_stack() -> None:
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as exc:
        raise InputError(
            f"the review workbench needs Starlette and uvicorn ({exc.name} is missing): pip install starlette uvicorn"
        ) from None


@main.command("review")
@click.argument("out_dir", metavar="OUT_DIR")
@glossary_option(required=False)
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="Port on 127.0.0.1 (default: a free one).")
@click.option("--no-browser", is_flag=True, help="Print the URL without opening the browser.")
@click.option(
    "--export",
    "-o",
    "--output",
    "export",
    default=None,
    metavar="GLOSSARY",
    help="Write the curated glossary (.csv, .tbx or .xlsx) and exit, instead of serving the page.",
)
@click.option(
    "--stop-list",
    default=None,
    metavar="FILE",
    help="Write the rejected forms, one a line, for `termkit mine --ignore` (with or without --export).",
)
@click.option("--tbx-version", type=click.Choice(["2", "3"]), default="3", show_default=True, help="TBX of --export.")
@click.option("--who", default=None, metavar="NAME", help="Whose decisions these are (default: the login name).")
def review_cmd(out_dir, glossaries, port, no_browser, export, stop_list, tbx_version, who) -> None:
    """Review the candidates of a `termkit run` folder in the browser: accept, merge, reject, defer.

    Serves a page on 127.0.0.1 (a free port unless --port) and opens it; decisions are saved at
    once in OUT_DIR/review.sqlite. With --export FILE (and/or --stop-list FILE) writes the curated
    glossary — the run's glossary (or -g) plus the accepted and merged candidates — and exits.
    """
    from ..review import Review

    review = Review.open(out_dir, glossaries or None)
    if export or stop_list:
        result = review.export(export, stop_list=stop_list, tbx_version=int(tbx_version))
        if result.glossary is not None:
            info(result.glossary.summary())
        info(f"{result.accepted} accepted, {result.merged} merged, {result.rejected} rejected")
        if result.stop_list:
            info(f"stop list: {result.stop_list}")
        review.close()
        return
    _needs_web_stack()
    from ..review.server import create_app, serve

    app = create_app(review, who=who or "")
    try:
        serve(app, port, open_browser=not no_browser, on_ready=lambda url: click.echo(url))
    finally:
        review.close()
