"""Where the map's scripts and stylesheets come from when the CDN is out of reach.

folium writes ``<script src=CDN-URL>`` and ``<link href=CDN-URL>`` tags. The same files
are published on npm, so a ``node_modules`` folder (``.ci/setup-browser.sh`` fills one)
can stand in for the CDN: :data:`ASSET_SOURCES` maps each CDN URL prefix to a folder or
file of an npm package. :class:`AssetCache` keeps fetched files in a local cache folder
and serves them to :mod:`maps.inline` (self-contained maps) and to the browser tests.

Lookup order of :meth:`AssetCache.get`: the cache folder, then ``asset_dir`` (an npm
``node_modules`` folder or the folder holding one), then the repository's npm asset
cache (``$STRIKEMAP_NPM_CACHE``, default ``.cache/npm-assets``), then the CDN itself.
"""
from __future__ import annotations

import mimetypes
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from geo.atomic import write_bytes_atomic
from maps.errors import MapAssetError

__all__ = [
    "ASSET_SOURCES",
    "AssetSource",
    "AssetCache",
    "normalize_url",
    "default_npm_cache",
    "find_node_modules",
    "local_asset",
    "content_type",
]

_FOLIUM_TEMPLATES = "folium:templates/"


@dataclass(frozen=True)
class AssetSource:
    """One row of the URL table: a CDN ``host/path`` prefix and where npm has it.

    ``target`` is a path under ``node_modules`` (a folder when it ends with ``/``,
    else one file), ``folium:templates/`` for files shipped inside the folium
    package, or ``generated:NAME`` for the few files npm does not carry.
    """

    prefix: str
    target: str


#: CDN URL prefix (host and path, no scheme) -> npm package folder or file.
#: Longest prefix wins. Versions match folium 0.20 and ``.ci/setup-browser.sh``.
ASSET_SOURCES: tuple[AssetSource, ...] = (
    AssetSource("cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/", "leaflet/dist/"),
    AssetSource("code.jquery.com/jquery-3.7.1.min.js", "jquery/dist/jquery.min.js"),
    AssetSource("cdn.jsdelivr.net/npm/bootstrap@5.2.2/dist/", "bootstrap/dist/"),
    AssetSource("cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@6.2.0/", "@fortawesome/fontawesome-free/"),
    AssetSource(
        "cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.js",
        "drmonty-leaflet-awesome-markers/js/leaflet.awesome-markers.js",
    ),
    AssetSource(
        "cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.css",
        "drmonty-leaflet-awesome-markers/css/leaflet.awesome-markers.css",
    ),
    AssetSource(
        "cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/images/",
        "drmonty-leaflet-awesome-markers/css/images/",
    ),
    AssetSource("netdna.bootstrapcdn.com/bootstrap/3.0.0/css/bootstrap-glyphicons.css", "generated:glyphicons"),
    AssetSource("netdna.bootstrapcdn.com/bootstrap/3.0.0/fonts/", "bootstrap3/dist/fonts/"),
    AssetSource("cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/", "leaflet.markercluster/dist/"),
    AssetSource("unpkg.com/leaflet.featuregroup.subgroup@1.0.2/dist/", "leaflet.featuregroup.subgroup/dist/"),
    AssetSource(
        "cdn.jsdelivr.net/npm/leaflet.timeline@1.6.0/dist/leaflet.timeline.min.js",
        "leaflet.timeline/dist/leaflet.timeline.js",
    ),
    AssetSource("cdn.jsdelivr.net/npm/leaflet-timedimension@1.1.1/dist/", "leaflet-timedimension/dist/"),
    AssetSource("cdn.jsdelivr.net/npm/iso8601-js-period@0.2.1/iso8601.min.js", "iso8601-js-period/iso8601.js"),
    AssetSource("cdnjs.cloudflare.com/ajax/libs/moment.js/2.18.1/moment.min.js", "moment/min/moment.min.js"),
    AssetSource("cdnjs.cloudflare.com/ajax/libs/jqueryui/1.10.2/jquery-ui.min.js", "jquery-ui-dist/jquery-ui.min.js"),
    AssetSource(
        "cdn.jsdelivr.net/gh/python-visualization/folium/folium/templates/leaflet.awesome.rotate.min.css",
        "generated:awesome-rotate",
    ),
    AssetSource("cdn.jsdelivr.net/gh/python-visualization/folium/folium/templates/", _FOLIUM_TEMPLATES),
    AssetSource("cdn.jsdelivr.net/gh/python-visualization/folium@main/folium/templates/", _FOLIUM_TEMPLATES),
    AssetSource("cdn.jsdelivr.net/npm/leaflet.heat@0.2.0/dist/", "leaflet.heat/dist/"),
    AssetSource(
        "cdnjs.cloudflare.com/ajax/libs/highlight.js/8.4/styles/default.min.css", "highlight.js/styles/default.css"
    ),
    AssetSource(
        "cdn.jsdelivr.net/npm/leaflet.fullscreen@3.0.0/Control.FullScreen.min.js",
        "leaflet.fullscreen/Control.FullScreen.js",
    ),
    AssetSource("cdn.jsdelivr.net/npm/leaflet.fullscreen@3.0.0/", "leaflet.fullscreen/"),
    AssetSource(
        "cdnjs.cloudflare.com/ajax/libs/leaflet-groupedlayercontrol/0.6.1/", "leaflet-groupedlayercontrol/dist/"
    ),
    AssetSource("cdn.jsdelivr.net/npm/leaflet-search@2.9.7/dist/", "leaflet-search/dist/"),
)

_REPO = Path(__file__).resolve().parent.parent


def normalize_url(url: str) -> str:
    """Reduce a URL to ``host/path``: no scheme, query or fragment.

    Examples
    --------
    >>> normalize_url("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js?v=1#x")
    'cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js'
    >>> normalize_url("//netdna.bootstrapcdn.com/a.css")
    'netdna.bootstrapcdn.com/a.css'
    """
    parts = urllib.parse.urlsplit(url if "//" in url else "//" + url)
    return parts.netloc.lower() + parts.path


def default_npm_cache() -> Path:
    """The npm asset cache that ``.ci/setup-browser.sh`` fills (``$STRIKEMAP_NPM_CACHE``)."""
    env = os.environ.get("STRIKEMAP_NPM_CACHE")
    return Path(env) if env else _REPO / ".cache" / "npm-assets"


def find_node_modules(folder: str | os.PathLike[str] | None) -> Path | None:
    """Return ``folder/node_modules`` if it exists, else ``folder`` itself, else None."""
    if folder is None:
        return None
    path = Path(folder)
    if (path / "node_modules").is_dir():
        return path / "node_modules"
    return path if path.is_dir() else None


def _source_for(key: str) -> tuple[AssetSource, str] | None:
    best: AssetSource | None = None
    for src in ASSET_SOURCES:
        if key.startswith(src.prefix) and (best is None or len(src.prefix) > len(best.prefix)):
            best = src
    if best is None:
        return None
    return best, key[len(best.prefix) :]


def _inside(base: Path, rel: str) -> Path | None:
    """``base/rel`` if it stays inside ``base`` (no ``..`` escapes)."""
    target = (base / rel).resolve()
    try:
        target.relative_to(base.resolve())
    except ValueError:
        return None
    return target


def _generated(name: str, node_modules: Path | None) -> bytes | None:
    if name == "awesome-rotate":
        rules = "".join(
            f".fa-rotate-{d}{{-webkit-transform:rotate({d}deg);transform:rotate({d}deg)}}" for d in range(0, 360, 15)
        )
        return rules.encode()
    if name == "glyphicons" and node_modules is not None:
        css_path = node_modules / "bootstrap3" / "dist" / "css" / "bootstrap.css"
        if not css_path.is_file():
            return None
        css = css_path.read_text(encoding="utf-8")
        blocks = re.findall(r"[^{}]*\{[^{}]*\}", css)
        keep = [b.strip() for b in blocks if "glyphicon" in b.lower()]
        return "\n".join(keep).encode()
    return None


def local_asset(url: str, node_modules: str | os.PathLike[str] | None) -> bytes | None:
    """Return the bytes of a CDN ``url`` from an npm ``node_modules`` folder, or None.

    None when the URL is not in :data:`ASSET_SOURCES` or the file is not installed.

    Examples
    --------
    >>> local_asset("https://example.org/x.js", None) is None
    True
    """
    found = _source_for(normalize_url(url))
    if found is None:
        return None
    src, rest = found
    nm = Path(node_modules) if node_modules is not None else None
    if src.target.startswith("generated:"):
        return _generated(src.target.split(":", 1)[1], nm)
    if src.target == _FOLIUM_TEMPLATES:
        import folium

        base = Path(folium.__file__).parent / "templates"
    elif nm is None:
        return None
    elif src.target.endswith("/"):
        base = nm / src.target
    else:
        path = nm / src.target
        return path.read_bytes() if not rest and path.is_file() else None
    path = _inside(base, rest)
    if path is None or not path.is_file():
        return None
    return path.read_bytes()


def content_type(url: str) -> str:
    """A Content-Type for a served asset, from its file name.

    Examples
    --------
    >>> content_type("https://a/b/leaflet.js")
    'application/javascript'
    """
    path = normalize_url(url)
    for ext, ctype in ((".js", "application/javascript"), (".css", "text/css"), (".svg", "image/svg+xml"),
                       (".woff2", "font/woff2"), (".woff", "font/woff"), (".ttf", "font/ttf"),
                       (".png", "image/png")):
        if path.endswith(ext):
            return ctype
    return mimetypes.guess_type(path)[0] or "application/octet-stream"


def _default_cache_root() -> Path:
    env = os.environ.get("STRIKEMAP_ASSET_CACHE")
    if env:
        return Path(env)
    try:
        import platformdirs

        return Path(platformdirs.user_cache_dir("strikemap")) / "assets"
    except ImportError:  # pragma: no cover - platformdirs is a declared dependency
        return Path.home() / ".cache" / "strikemap" / "assets"


class AssetCache:
    """A folder of CDN files keyed by ``host/path``, filled on demand.

    Parameters
    ----------
    root : path, optional
        The cache folder; default ``$STRIKEMAP_ASSET_CACHE`` or the user cache
        folder (``~/.cache/strikemap/assets`` on Linux).
    asset_dir : path, optional
        An npm ``node_modules`` folder (or the folder holding one) to take files from.
    online : bool, default True
        Whether files found nowhere else may be downloaded from their CDN URL.

    Examples
    --------
    >>> import tempfile
    >>> cache = AssetCache(tempfile.mkdtemp(), online=False)
    >>> cache.path_for("https://cdn.example/a/b.js").parts[-3:]
    ('cdn.example', 'a', 'b.js')
    """

    def __init__(
        self,
        root: str | os.PathLike[str] | None = None,
        *,
        asset_dir: str | os.PathLike[str] | None = None,
        online: bool = True,
        timeout: float = 20.0,
    ) -> None:
        self.root = Path(root) if root is not None else _default_cache_root()
        self.asset_dir = Path(asset_dir) if asset_dir is not None else None
        self.online = online
        self.timeout = timeout

    def path_for(self, url: str) -> Path:
        """The cache file of ``url`` (it may not exist yet)."""
        key = normalize_url(url)
        safe = [re.sub(r"[^A-Za-z0-9@._+-]", "_", p) for p in key.split("/") if p not in ("", ".", "..")]
        return self.root.joinpath(*safe) if safe else self.root / "_"

    def _node_modules(self) -> list[Path]:
        out = []
        for folder in (self.asset_dir, default_npm_cache()):
            nm = find_node_modules(folder)
            if nm is not None and nm not in out:
                out.append(nm)
        return out

    def get(self, url: str) -> bytes:
        """Return the bytes of ``url`` from the cache, ``asset_dir``, the npm cache or the CDN.

        Raises
        ------
        MapAssetError
            When the file is found nowhere (or the download fails).
        """
        cached = self.path_for(url)
        if cached.is_file():
            return cached.read_bytes()
        data = None
        for nm in self._node_modules():
            data = local_asset(url, nm)
            if data is not None:
                break
        if data is None and _source_for(normalize_url(url)) is not None:
            data = local_asset(url, None)  # folium's own templates / generated files
        if data is None:
            data = self._download(url)
        try:
            write_bytes_atomic(cached, data)
        except OSError:
            pass  # a read-only cache still serves this run
        return data

    def _download(self, url: str) -> bytes:
        full = url if "://" in url else "https:" + url if url.startswith("//") else "https://" + url
        if not self.online:
            raise MapAssetError(
                f"{url}: not in the asset cache {self.root} nor in an npm folder; "
                "give asset_dir (a node_modules folder, see .ci/setup-browser.sh) or allow downloads"
            )
        if urllib.parse.urlsplit(full).scheme != "https":
            raise MapAssetError(f"{url}: only https assets are downloaded")
        try:
            with urllib.request.urlopen(full, timeout=self.timeout) as resp:  # noqa: S310 - https only
                return resp.read()
        except (urllib.error.URLError, OSError) as err:
            raise MapAssetError(
                f"{url}: could not be downloaded ({err}); give asset_dir (a node_modules folder "
                "filled by .ci/setup-browser.sh) to build maps offline"
            ) from err
