"""The workbench as a Starlette application: pages, decisions, undo, and the token check.

Every request must carry the session's random token in its query string
(``?token=…``); links and form actions on every page carry it, so a page of
another site, or another user of the machine, cannot read or change anything.
Only the editions of the one project folder are reachable: slugs are checked,
entry ids are looked up (never joined into a path) and static files come from
the package.  Responses forbid inline scripts, framing and referrers (the
token is in the URL).
"""

from __future__ import annotations

import secrets
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import EditionError
from ..project import Project
from ..register import KINDS
from . import actions
from .model import stamp, watched
from .session import Session

HERE = Path(__file__).parent
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}
STATUSES = ("proposed", "confirmed")


class TokenGate:
    """ASGI middleware: refuse (403) any HTTP request whose ``token`` query parameter is not the session's."""

    def __init__(self, app, token: str):
        self.app = app
        self.token = token

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            given = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1"))).get("token", "")
            if not secrets.compare_digest(given.encode(), self.token.encode()):
                response = PlainTextResponse("refused: this workbench needs the token of its URL\n", status_code=403)
                await response(scope, receive, send)
                return
        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]
            await send(message)
        await self.app(scope, receive, send_with_headers)


class Workbench:
    """Routes and page rendering for one project."""

    def __init__(self, project: Project, token: str):
        self.project = project
        self.token = token
        self.sessions: dict[str, Session] = {}
        self.templates = Environment(
            loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True
        )
        self.templates.globals.update(url=self.url, kinds=list(KINDS), statuses=STATUSES)

    # -- helpers ---------------------------------------------------------

    def url(self, path: str, **params: str) -> str:
        """``path`` with the token and ``params`` (empty values left out) in its query string."""
        query = {"token": self.token, **{k: v for k, v in params.items() if v}}
        return f"{path}?{urlencode(query)}"

    def session(self, slug: str) -> Session:
        """The session of edition ``slug`` (an unknown or malformed slug raises EditionError)."""
        if slug not in self.sessions:
            self.sessions[slug] = Session(self.project.edition(slug), lambda i, s=slug: self.url(f"/e/{s}/entity/{i}"))
        return self.sessions[slug]

    def page(self, request: Request, template: str, status_code: int = 200, **context) -> HTMLResponse:
        """A page; it shows the outcome of the last decision (``done``) and keeps the filters."""
        context.setdefault("done", request.query_params.get("done", ""))
        html = self.templates.get_template(template).render(request_path=request.url.path, token=self.token, **context)
        return HTMLResponse(html, status_code=status_code)

    # -- pages -----------------------------------------------------------

    async def index(self, request: Request) -> Response:
        slugs = self.project.slugs()
        if len(slugs) == 1:
            return RedirectResponse(self.url(f"/e/{slugs[0]}"), status_code=303)
        return self.page(request, "index.html", slugs=slugs)

    async def reading(self, request: Request) -> Response:
        session = self.session(request.path_params["slug"])
        view = session.view()
        kind, status = _choice(request, "kind", KINDS), _choice(request, "status", STATUSES)
        marks = {name: request.query_params.get(name) == "1" for name in ("quotes", "corrections")}
        return self.page(
            request, "reading.html", session=session, view=view, kind=kind, status=status,
            proposals=view.proposals(kind, status), current=None, marks=marks,
        )

    async def entity(self, request: Request) -> Response:
        session = self.session(request.path_params["slug"])
        view = session.view()
        entity = view.entity(request.path_params["entity"])
        if entity is None:
            return self.page(request, "missing.html", 404, session=session, view=view, what="entry")
        kind, status = _choice(request, "kind", KINDS), _choice(request, "status", STATUSES)
        proposals = view.proposals(kind, status)
        order = [e.id for e in proposals]
        position = order.index(entity.id) if entity.id in order else -1
        neighbours = {
            "previous": proposals[position - 1] if position > 0 else None,
            "next": proposals[position + 1] if 0 <= position < len(proposals) - 1 else None,
        }
        online = request.query_params.get("online") == "1"
        suggestions, problems = actions.suggestions(session.edition, entity, online)
        return self.page(
            request, "entity.html", session=session, view=view, entity=entity, mentions=view.mentions_of(entity.id),
            proposals=proposals, kind=kind, status=status, current=entity.id, neighbours=neighbours,
            targets=view.merge_targets(entity), only=request.query_params.get("only", ""),
            occurrence=next((m for m in view.mentions_of(entity.id) if m.id == request.query_params.get("occurrence")
                             and entity.id not in view.unpublished), None),
            suggestions=suggestions, problems=problems, online=online,
        )

    async def quotations(self, request: Request) -> Response:
        session = self.session(request.path_params["slug"])
        view = session.view()
        low = [q for q in view.index.quotations if q.cert == "low"]
        ids = [q.id for q in low]
        at = request.query_params.get("at", "")
        index = ids.index(at) if at in ids else 0
        current = low[index] if low else None
        return self.page(request, "quotations.html", session=session, view=view, quotations=low, current=current,
                         next_index=(index + 1) % len(low) if len(low) > 1 else -1)

    async def corrections(self, request: Request) -> Response:
        session = self.session(request.path_params["slug"])
        view = session.view()
        return self.page(request, "corrections.html", session=session, view=view, corrections=session.corrections(), choices=view.index.choices)

    async def stamp(self, request: Request) -> Response:
        """The stamp of the edition's files: a page polls it and refreshes when it changes (a second tab)."""
        session = self.session(request.path_params["slug"])
        return PlainTextResponse(stamp(watched(session.edition)))

    # -- decisions -------------------------------------------------------

    async def decide(self, request: Request) -> Response:
        session = self.session(request.path_params["slug"])
        form = dict(parse_qsl((await request.body()).decode("utf-8"), keep_blank_values=True))
        try:
            message = session.decide(form)
        except EditionError as exc:
            return self.page(request, "refused.html", 400, session=session, view=session.view(), message=str(exc), back=self._back(session, form))
        return RedirectResponse(self._back(session, form, message), status_code=303)

    async def undo(self, request: Request) -> Response:
        session = self.session(request.path_params["slug"])
        form = dict(parse_qsl((await request.body()).decode("utf-8"), keep_blank_values=True))
        message = session.undo()
        return RedirectResponse(self._back(session, form, message), status_code=303)

    def _back(self, session: Session, form: dict[str, str], message: str = "") -> str:
        """Where a decision returns to: a page of the same edition named by the form, else its reading view."""
        slug = session.edition.slug
        back = form.get("back", "")
        entity = back.removeprefix("entity/")
        if back.startswith("entity/") and session.view().entity(entity) is not None:
            path = f"/e/{slug}/entity/{entity}"
        elif back in ("quotations", "corrections"):
            path = f"/e/{slug}/{back}"
        else:
            path = f"/e/{slug}"
        return self.url(path, kind=form.get("kind", ""), status=form.get("status", ""), done=message)

    # -- application -----------------------------------------------------

    def app(self) -> Starlette:
        async def refused(request: Request, exc: EditionError) -> Response:
            return PlainTextResponse(f"not found: {exc}\n", status_code=404)

        routes = [
            Route("/", self.index),
            Route("/e/{slug}", self.reading),
            Route("/e/{slug}/entity/{entity}", self.entity),
            Route("/e/{slug}/quotations", self.quotations),
            Route("/e/{slug}/corrections", self.corrections),
            Route("/e/{slug}/stamp", self.stamp),
            Route("/e/{slug}/decide", self.decide, methods=["POST"]),
            Route("/e/{slug}/undo", self.undo, methods=["POST"]),
            Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        ]
        middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=["127.0.0.1", "localhost"]),
                      Middleware(TokenGate, token=self.token)]
        return Starlette(routes=routes, middleware=middleware, exception_handlers={EditionError: refused})


def _choice(request: Request, name: str, allowed) -> str:
    value = request.query_params.get(name, "")
    return value if value in allowed else ""


def create_app(project: Project, token: str) -> Starlette:
    return Workbench(project, token).app()
