"""``edition workbench [SLUG]``: the editor's workbench, a local web application.

The editor confirms names, ids, quotations and corrections in the browser; each
decision is written through the same code as ``edition review --apply``.  The
server listens on 127.0.0.1 only, on a free port, and answers only requests
carrying the random token of the URL it prints and opens.  Modules:

* ``text``     the TEI text as HTML, and every mention in context (KWIC);
* ``model``    what the workbench shows of one edition, re-read when its files change;
* ``actions``  form fields → decisions, applied through ``edition.decisions``; authority suggestions;
* ``history``  undo: snapshots of the files a decision changed;
* ``session``  one open edition: view, decide, undo;
* ``app``      the Starlette application: routes, token gate, templates.

Starlette, uvicorn and Jinja2 are the optional extra ``workbench``.
"""

from __future__ import annotations

import contextlib
import importlib.util
import secrets
import socket
import threading
import time
import webbrowser

from ..authority import geonames
from ..errors import EditionError
from ..project import Project

NEEDS = ("starlette", "uvicorn", "jinja2")


def check_installed() -> None:
    """One clear error when the extra is missing, before anything starts."""
    missing = [name for name in NEEDS if importlib.util.find_spec(name) is None]
    if missing:
        raise EditionError(f"the workbench needs {', '.join(missing)}: pip install 'edition[workbench]'")


def free_socket() -> socket.socket:
    """A listening socket on 127.0.0.1 at a port the system chose (no race with another program)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    return sock


def server_for(project: Project, token: str):
    """A uvicorn server of the workbench for ``project`` (not started) and its socket."""
    import uvicorn

    from .app import create_app

    config = uvicorn.Config(create_app(project, token), log_level="warning", lifespan="off")
    return uvicorn.Server(config), free_socket()


def serve(project: Project, slug: str | None, open_browser: bool, announce) -> None:
    """Run the workbench until Ctrl-C; ``announce(url)`` is told the address first."""
    check_installed()
    if slug is not None:
        project.edition(slug).master()  # a wrong slug or an unconverted edition fails here, in one line
    token = secrets.token_urlsafe(24)
    server, sock = server_for(project, token)
    path = f"/e/{slug}" if slug else "/"
    url = f"http://127.0.0.1:{sock.getsockname()[1]}{path}?token={token}"
    announce(url)
    # GeoNames' index takes seconds to build: build it while the browser opens, not on the first entry shown.
    threading.Thread(target=geonames.suggest, args=("",), daemon=True).start()
    if open_browser:
        threading.Timer(0.5, webbrowser.open, args=(url,)).start()
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn stops cleanly on Ctrl-C, then passes the signal on
        pass


@contextlib.contextmanager
def in_background(project: Project):
    """The workbench served from a thread, for the tests and the benchmark; yields (base URL, token)."""
    token = secrets.token_urlsafe(16)
    server, sock = server_for(project, token)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the workbench did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}", token
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
