"""Turn a rendered map into one self-contained HTML file.

Every ``<script src>`` and stylesheet ``<link>`` folium wrote is replaced by the file's
content (from :class:`~maps.assets.AssetCache`): ``</script`` and ``</style`` inside
are escaped, CSS ``url()`` references become data URIs, and Leaflet's default marker
icons are set to data URIs (Leaflet would otherwise derive their path from the
stylesheet's URL). Only tiles are then fetched from the network.
"""
from __future__ import annotations

import base64
import re
import urllib.parse
from collections.abc import Callable

from maps.assets import content_type

__all__ = ["inline_html", "css_with_data_uris", "escape_script", "LEAFLET_IMAGES"]

_SCRIPT_TAG = re.compile(r'<script\s+src="(?P<url>[^"]+)"\s*>\s*</script>', re.IGNORECASE)
_CSS_LINK = re.compile(r'<link\s+rel="stylesheet"\s+href="(?P<url>[^"]+)"\s*/?>', re.IGNORECASE)
_CSS_URL = re.compile(r"""url\(\s*(?P<q>['"]?)(?P<ref>[^'")]+)(?P=q)\s*\)""")
_LEAFLET_JS = re.compile(r"/leaflet@[^/]+/dist/leaflet(-src)?\.js$")

#: Leaflet's default icon images, relative to ``leaflet.js``.
LEAFLET_IMAGES = {"iconUrl": "images/marker-icon.png", "iconRetinaUrl": "images/marker-icon-2x.png",
                  "shadowUrl": "images/marker-shadow.png"}

Fetch = Callable[[str], bytes]


def _absolute(url: str) -> str:
    return "https:" + url if url.startswith("//") else url


def _data_uri(url: str, data: bytes) -> str:
    return f"data:{content_type(url)};base64,{base64.b64encode(data).decode('ascii')}"


def escape_script(js: str) -> str:
    """Make script text safe between ``<script>`` and ``</script>``.

    Examples
    --------
    >>> escape_script('var s = "</script><!--";')
    'var s = "<\\\\/script><\\\\!--";'
    """
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)
    return js.replace("<!--", "<\\!--")


def css_with_data_uris(css: str, css_url: str, fetch: Fetch) -> str:
    """Replace every ``url(...)`` in a stylesheet by a data URI of the file it names.

    References are resolved against ``css_url``; ``data:`` URIs and ``#fragment``
    references are kept.

    Examples
    --------
    >>> css_with_data_uris(".a{background:url(img/x.png)}", "https://h/css/a.css", lambda u: b"P")
    '.a{background:url("data:image/png;base64,UA==")}'
    """

    def repl(m: re.Match[str]) -> str:
        ref = m["ref"].strip()
        if ref.startswith(("data:", "#")):
            return m.group(0)
        url = urllib.parse.urljoin(_absolute(css_url), ref)
        return f'url("{_data_uri(url, fetch(url))}")'

    out = _CSS_URL.sub(repl, css)
    return re.sub(r"</(style)", r"<\\/\1", out, flags=re.IGNORECASE)


def inline_html(html: str, fetch: Fetch) -> str:
    """Inline every external script and stylesheet of a rendered folium page.

    Parameters
    ----------
    html : str
        The page, as ``folium.Map.get_root().render()`` returns it.
    fetch : callable
        ``url -> bytes``; :meth:`maps.assets.AssetCache.get` in practice. It raises
        :class:`~maps.errors.MapAssetError` for a file it cannot find.

    Examples
    --------
    >>> inline_html('<script src="https://h/a.js"></script>', lambda u: b"alert('</script>')")
    "<script>alert('<\\\\/script>')</script>"
    """
    memo: dict[str, bytes] = {}

    def get(url: str) -> bytes:
        url = _absolute(url)
        if url not in memo:
            memo[url] = fetch(url)
        return memo[url]

    def script(m: re.Match[str]) -> str:
        url = m["url"]
        js = get(url).decode("utf-8")
        out = f"<script>{escape_script(js)}</script>"
        if _LEAFLET_JS.search(urllib.parse.urlsplit(_absolute(url)).path):
            opts = {k: _data_uri(v, get(urllib.parse.urljoin(_absolute(url), v))) for k, v in LEAFLET_IMAGES.items()}
            merge = ",".join(f'{k}:"{v}"' for k, v in opts.items())
            out += f"<script>L.Icon.Default.imagePath=\"\";L.Icon.Default.mergeOptions({{{merge}}});</script>"
        return out

    def style(m: re.Match[str]) -> str:
        url = m["url"]
        css = get(url).decode("utf-8")
        return f"<style>{css_with_data_uris(css, url, get)}</style>"

    html = _SCRIPT_TAG.sub(script, html)
    return _CSS_LINK.sub(style, html)
