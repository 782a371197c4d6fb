"""The workbench's local web app (Starlette, served by uvicorn on 127.0.0.1): the page, its
script and style, and the JSON API the page itself uses.

- ``GET /api/candidates`` — a page of candidate concepts; query parameters ``status`` (comma-
  separated glossary statuses; ``unknown``: any but known, the page's default), ``min_score``, ``doc``, ``q``, ``decision`` (``undecided``,
  ``accept``, ``merge``, ``reject``, ``defer``), ``offset``, ``limit``;
- ``GET /api/candidates/{id}`` — one with its contexts, English proposals, glossary neighbours,
  evidence and audit trail;
- ``GET /api/concepts?q=`` — concepts to merge into;
- ``POST /api/decisions`` — ``{"candidate", "action", "version", "fields"}``: 200 with the saved
  decision, 400 for bad fields, 404 for an unknown candidate, 409 with the newer decision when the
  candidate changed since ``version``;
- ``POST /api/export`` — ``{"file", "stop_list"}``: file names in the run folder.

Every request must name this server as its Host (127.0.0.1 or localhost: no DNS rebinding);
every POST must carry the session's token in ``X-Termkit-Token`` (the page has it) and, when the
browser sends an Origin, come from this server's own — else 403. Nothing from the corpus is
put into HTML here: the page builds its text with ``textContent``.
"""

from __future__ import annotations

import json
import logging
import secrets
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from ..errors import TermkitError
from .candidates import STATUSES, UNKNOWN
from .decisions import BadDecision
from .page import render_page
from .session import Review, UnknownCandidate
from .store import ACTIONS, Conflict

STATIC = Path(__file__).parent / "static"
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")
TOKEN_HEADER = "x-termkit-token"
EXPORT_SUFFIXES = (".csv", ".tbx", ".xlsx")
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
log = logging.getLogger("termkit.review")


def _error(status: int, message: str, **extra) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status, headers=SECURITY_HEADERS)


def _ok(data, status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status, headers=SECURITY_HEADERS)


def _int(params, key: str, default: int, low: int = 0) -> int:
    value = params.get(key)
    if value in (None, ""):
        return default
    try:
        n = int(value)
    except ValueError:
        raise BadDecision(f"{key} must be a whole number, not {value!r}") from None
    if n < low:
        raise BadDecision(f"{key} must be at least {low}")
    return n


def _float(params, key: str) -> float | None:
    value = params.get(key)
    if value in (None, ""):
        return None
    try:
        return float(value)
    except ValueError:
        raise BadDecision(f"{key} must be a number, not {value!r}") from None


def _file_name(value, key: str) -> str:
    """A file name in the run folder (no folders: the page cannot write elsewhere)."""
    if not isinstance(value, str) or not value.strip():
        raise BadDecision(f"{key} must be a file name")
    name = value.strip()
    if "/" in name or "\\" in name or name.startswith(".") or len(name) > 120:
        raise BadDecision(f"{key} must be a plain file name in the run folder, not {name!r}")
    return name


def create_app(review: Review, token: str | None = None, who: str = "", export_name: str = "curated.csv") -> Starlette:
    """The app for one review session; ``token`` (default: a fresh random one) guards every POST."""
    token = token or secrets.token_urlsafe(24)

    async def page(request: Request) -> Response:
        first = review.list(status=[UNKNOWN], limit=100)
        html = render_page(review, token, first, export_name)
        return HTMLResponse(html, headers=SECURITY_HEADERS)

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in ("review.js", "review.css"):
            return _error(404, "not found")
        kind = "text/javascript" if name.endswith(".js") else "text/css"
        return FileResponse(STATIC / name, media_type=f"{kind}; charset=utf-8", headers=SECURITY_HEADERS)

    async def candidates(request: Request) -> Response:
        p = request.query_params
        status = [s.strip() for s in (p.get("status") or "").split(",") if s.strip()]
        bad = [s for s in status if s not in (UNKNOWN, *STATUSES)]
        if bad:
            raise BadDecision(f"status {bad[0]!r}: expected {', '.join((UNKNOWN, *STATUSES))}")
        decision = p.get("decision") or ""
        if decision and decision not in ("undecided", *ACTIONS):
            raise BadDecision(f"decision {decision!r}: expected undecided, {', '.join(ACTIONS)}")
        return _ok(
            review.list(
                status=status,
                min_score=_float(p, "min_score"),
                doc=p.get("doc") or "",
                query=(p.get("q") or "").strip(),
                decision=decision,
                offset=_int(p, "offset", 0),
                limit=_int(p, "limit", 100),
            )
        )

    async def candidate(request: Request) -> Response:
        return _ok(review.detail(request.path_params["id"]))

    async def concepts(request: Request) -> Response:
        return _ok({"items": review.concepts(request.query_params.get("q") or "")})

    async def decisions(request: Request) -> Response:
        body = await _json(request)
        for key in ("candidate", "action"):
            if not isinstance(body.get(key), str) or not body[key]:
                raise BadDecision(f"{key} is missing or not a string")
        unknown = sorted(set(body) - {"candidate", "action", "version", "fields"})
        if unknown:
            raise BadDecision(f"unknown key(s): {', '.join(unknown)}")
        if "version" not in body:
            raise BadDecision("version is missing (the decision's version the change is made on; 0 for none)")
        saved = review.decide(body["candidate"], body["action"], body.get("fields"), body["version"], who)
        entry = review.entry(body["candidate"])
        return _ok({"decision": saved.as_dict(), "item": review.summary(entry)})

    async def export(request: Request) -> Response:
        body = await _json(request)
        name = _file_name(body.get("file", export_name), "file")
        if Path(name).suffix.lower() not in EXPORT_SUFFIXES:
            raise BadDecision(f"file must end in {', '.join(EXPORT_SUFFIXES)}")
        stop = body.get("stop_list", "rejected.txt")
        stop_name = _file_name(stop, "stop_list") if stop else None
        result = review.export(review.out_dir / name, stop_list=review.out_dir / stop_name if stop_name else None)
        return _ok(result.as_dict())

    routes = [
        Route("/", page),
        Route("/static/{name}", static),
        Route("/api/candidates", candidates),
        Route("/api/candidates/{id}", candidate),
        Route("/api/concepts", concepts),
        Route("/api/decisions", decisions, methods=["POST"]),
        Route("/api/export", export, methods=["POST"]),
    ]
    app = Starlette(routes=routes)
    app.add_middleware(_Guard, token=token)
    app.state.token = token
    return app


async def _json(request: Request) -> dict:
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise BadDecision("send JSON (Content-Type: application/json)")
    try:
        body = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadDecision(f"the body is not JSON: {exc}") from None
    if not isinstance(body, dict):
        raise BadDecision("the body must be a JSON object")
    return body


class _Guard:
    """Host, Origin and token checks before any route, and errors as JSON after it."""

    def __init__(self, app, token: str):
        self.app = app
        self.token = token

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        request = Request(scope, receive)
        refused = self._refuse(request)
        if refused is not None:
            return await refused(scope, receive, send)
        try:
            await self.app(scope, receive, send)
        except BadDecision as exc:
            await _error(400, str(exc))(scope, receive, send)
        except UnknownCandidate as exc:
            await _error(404, str(exc))(scope, receive, send)
        except Conflict as exc:
            await _error(409, str(exc), current=exc.current.as_dict())(scope, receive, send)
        except TermkitError as exc:
            await _error(400, str(exc))(scope, receive, send)
        except Exception as exc:  # a bug: one line to the page, the traceback to the log
            log.exception("review: internal error")
            await _error(500, f"internal error: {type(exc).__name__}: {exc}")(scope, receive, send)

    def _refuse(self, request: Request):
        host = request.headers.get("host", "")
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if name not in LOCAL_HOSTS:
            return _error(403, f"this server answers to 127.0.0.1 only, not to Host {host!r}")
        if request.method in ("GET", "HEAD"):
            return None
        origin = request.headers.get("origin")
        if origin is not None and origin != f"http://{host}":
            return _error(403, f"cross-origin request refused (Origin {origin!r})")
        given = request.headers.get(TOKEN_HEADER, "")
        if not given or not secrets.compare_digest(given, self.token):
            return _error(403, "missing or wrong session token (reload the page)")
        return None


def _bind(port: int):
    import socket

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Accepted connections inherit it: no Nagle delay between a response's head and body, which
    # with the browser's delayed ACK cost every keep-alive request 40 ms.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind(("127.0.0.1", port))
        sock.listen(128)  # the URL works as soon as it is printed: connections wait for the server
    except OSError as exc:
        sock.close()
        raise TermkitError(f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}") from None
    return sock, f"http://127.0.0.1:{sock.getsockname()[1]}/"


def _server(app):
    import uvicorn

    return uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off"))


def serve(app: Starlette, port: int = 0, *, open_browser: bool = True, on_ready=None) -> None:
    """Serve ``app`` on 127.0.0.1 (``port`` 0: a free one) until Ctrl-C; ``on_ready(url)`` is
    called once the socket is bound, then the browser opened unless ``open_browser`` is false."""
    import threading
    import webbrowser

    sock, url = _bind(port)
    if on_ready is not None:
        on_ready(url)
    if open_browser:
        threading.Timer(0.5, webbrowser.open, (url,)).start()
    _server(app).run(sockets=[sock])


def serve_in_thread(app: Starlette, port: int = 0):
    """Serve ``app`` from a background thread (tests, benchmarks): returns ``(url, stop)``."""
    import threading
    import time

    sock, url = _bind(port)
    server = _server(app)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.01)

    def stop() -> None:
        server.should_exit = True
        thread.join(10)

    return url, stop
