"""Headless Chromium (Playwright, sync API) with every request served locally.

Used by the browser tests (``tests/maps/conftest.py``), the benchmark and the
screenshot script. The map page is served from a fake origin ``http://maps.test/``;
CDN URLs are answered from the npm asset cache (:data:`maps.assets.ASSET_SOURCES`);
tile requests get a blank 1x1 PNG (or are refused offline); any other request is
refused and recorded in :attr:`MapPage.unserved`.
"""
from __future__ import annotations

import base64
import os
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "CHROMIUM",
    "LAUNCH_ARGS",
    "ORIGIN",
    "BLANK_PNG",
    "browser_unavailable",
    "launch",
    "MapPage",
    "open_map",
    "FIND_API",
]

CHROMIUM = os.environ.get("STRIKEMAP_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ORIGIN = "http://maps.test/"
BLANK_PNG = base64.b64decode(  # one light grey pixel: a blank tile
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGN48+YFAAWIAsGNqJexAAAAAElFTkSuQmCC"
)
#: JavaScript expression: the map's EventData API (``map._strikemap``).
FIND_API = "Object.values(window).find(v => v instanceof L.Map)._strikemap"


def browser_unavailable() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    from maps.assets import default_npm_cache, find_node_modules

    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} missing (run: bash .ci/setup-browser.sh)"
    nm = find_node_modules(default_npm_cache())
    if nm is None or not (nm / "leaflet" / "dist" / "leaflet.js").is_file():
        return f"npm asset cache {default_npm_cache()} missing (run: bash .ci/setup-browser.sh)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e .[test])"
    return None


def launch(playwright: Any) -> Any:
    """Launch Debian's Chromium headless with the arguments that work offline."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)


@dataclass
class MapPage:
    """An opened map: the Playwright page and what happened while loading it."""

    page: Any
    errors: list[str] = field(default_factory=list)
    unserved: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    served: list[str] = field(default_factory=list)

    def api(self, expr: str, arg: Any = None) -> Any:
        """Evaluate ``expr`` (a JS function of ``api``, the map's EventData) in the page."""
        return self.page.evaluate(f"(arg) => {{ const api = {FIND_API}; return ({expr})(api, arg); }}", arg)


def _serve_folder(root: Path, mp: MapPage) -> str:
    """Serve ``root`` on 127.0.0.1 in a daemon thread; return the base URL (closed with the page)."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    mp.page.context.on("close", lambda *_: server.shutdown())
    return f"http://127.0.0.1:{server.server_address[1]}/"


def open_map(
    browser: Any,
    html_path: str | os.PathLike[str],
    *,
    offline: bool = False,
    viewport: tuple[int, int] = (1280, 800),
    wait_ms: int = 20000,
    http_server: bool = False,
) -> MapPage:
    """Open a map file in a new browser context and wait until its events are loaded.

    Parameters
    ----------
    offline : bool
        Refuse every request but the page itself (tiles included).
    http_server : bool
        Serve the page from a real local HTTP server on 127.0.0.1 instead of through
        Playwright's request interception (which is slow for pages of many MB; the
        benchmark uses this to measure what a user would see).
    """
    from maps.assets import content_type, default_npm_cache, find_node_modules, local_asset, normalize_url
    from maps.basemaps import tile_hosts

    html_path = Path(html_path)
    root = html_path.parent.resolve()
    nm = find_node_modules(default_npm_cache())
    tiles = tile_hosts()
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    mp = MapPage(page)
    page.on("pageerror", lambda exc: mp.errors.append(f"pageerror: {exc} | {(exc.stack or '')[:1500]}"))

    def console(msg: Any) -> None:
        if msg.type == "error" and "Failed to load resource" not in msg.text:
            mp.errors.append(f"console: {msg.text}")

    page.on("console", console)

    def handler(route: Any) -> None:
        url = route.request.url
        parts = urllib.parse.urlsplit(url)
        if parts.netloc == "maps.test":
            rel = urllib.parse.unquote(parts.path.lstrip("/"))
            target = (root / rel).resolve()
            if target.is_file() and target.is_relative_to(root):
                mp.served.append(url)
                route.fulfill(status=200, body=target.read_bytes(), content_type=content_type(url) if
                              not target.suffix.lower() in (".html", ".htm") else "text/html; charset=utf-8")
            else:
                route.fulfill(status=404, body=b"not found", content_type="text/plain")
            return
        if parts.netloc in tiles:
            if offline:
                mp.refused.append(url)
                route.abort()
            else:
                route.fulfill(status=200, body=BLANK_PNG, content_type="image/png")
            return
        if offline:
            mp.refused.append(url)
            route.abort()
            return
        data = local_asset(url, nm)
        if data is None:
            mp.unserved.append(normalize_url(url))
            route.abort()
            return
        mp.served.append(url)
        route.fulfill(status=200, body=data, content_type=content_type(url),
                      headers={"Access-Control-Allow-Origin": "*"})

    origin = ORIGIN
    if http_server:
        origin = _serve_folder(root, mp)

        inner = handler

        def handler(route: Any) -> None:  # noqa: F811 - wraps the handler above
            if route.request.url.startswith(origin):
                mp.served.append(route.request.url)
                route.continue_()
            else:
                inner(route)

    context.route("**/*", handler)
    page.goto(origin + urllib.parse.quote(html_path.name), wait_until="load", timeout=wait_ms)
    page.wait_for_function(
        "() => { const m = typeof L !== 'undefined' && Object.values(window).find(v => v instanceof L.Map);"
        " return !!(m && m._strikemap); }",
        timeout=wait_ms,
    )
    return mp
