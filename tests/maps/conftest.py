"""Fixtures of the map tests: synthetic and hostile events, and a real browser.

Browser tests (``@pytest.mark.browser``) use the ``browser`` fixture: it skips when
Chromium, Playwright or the npm asset cache is missing, except under ``CI=true``,
where it fails instead (never a quiet skip in CI). ``bash .ci/setup-browser.sh``
installs what they need.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
for p in (str(HERE), str(REPO / "bench")):
    if p not in sys.path:
        sys.path.insert(0, p)

from browser import MapPage, browser_unavailable, launch, open_map  # noqa: E402
from synthetic import synthetic_events  # noqa: E402

from hostile import HOSTILE_TEXT, JS_URL, PAYLOADS  # noqa: E402


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


@pytest.fixture(scope="session")
def _playwright():
    reason = browser_unavailable()
    if reason:
        if _in_ci():
            pytest.fail(f"browser tests cannot run under CI=true: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(_playwright):
    b = launch(_playwright)
    yield b
    b.close()


@pytest.fixture
def open_page(browser):
    """``open_page(path, offline=False) -> MapPage``; checks no unserved request afterwards."""
    pages: list[MapPage] = []

    def _open(path, **kwargs) -> MapPage:
        mp = open_map(browser, path, **kwargs)
        pages.append(mp)
        return mp

    yield _open
    for mp in pages:
        mp.page.context.close()
    for mp in pages:
        assert not mp.unserved, f"requests neither served locally nor tiles: {mp.unserved}"


@pytest.fixture(scope="session")
def events_small():
    """60 synthetic events: every actor, dated and undated."""
    return synthetic_events(60, seed=3, undated_share=0.1, days=90)


def hostile_events():
    """Events whose article fields all carry script-injection payloads."""
    import geopandas as gpd
    from shapely.geometry import Point

    rows = []
    for k, (key, payload) in enumerate(PAYLOADS.items()):
        rows.append({
            "event_id": f"x{k}", "article_id": f"evil{k}", "actor": "russia" if k % 2 else "evil<actor>",
            "actor_label": payload, "target": payload, "event_type": "airstrike" if k % 2 else payload,
            "date": "2024-03-0%d" % (k + 1) if k < 5 else None, "date_precision": payload if k == 3 else "day",
            "place_as_written": f"Town {key} {payload}", "place": f"Place {key} {payload}", "geonameid": None,
            "admin1": payload, "country_code": "SY", "geo_precision": 1, "confidence": 0.5,
            "evidence": f"EVIDENCE-{key}: {HOSTILE_TEXT}", "reported_by": payload,
            "title": f"TITLE-{key} {payload}", "url": JS_URL if k % 2 else f"https://example.org/{key}?q={payload}",
            "source": payload, "published": payload,
        })
    geoms = [Point(36.0 + 0.5 * k, 35.0 + 0.2 * k) for k in range(len(rows))]
    return gpd.GeoDataFrame(rows, geometry=geoms, crs=4326)


@pytest.fixture(scope="session")
def events_hostile():
    return hostile_events()


@pytest.fixture(scope="session")
def npm_assets():
    """The npm ``node_modules`` folder of the asset cache (skip, or fail under CI, when missing)."""
    from maps.assets import default_npm_cache, find_node_modules

    nm = find_node_modules(default_npm_cache())
    if nm is None or not (nm / "leaflet" / "dist" / "leaflet.js").is_file():
        reason = f"npm asset cache {default_npm_cache()} missing (run: bash .ci/setup-browser.sh)"
        if _in_ci():
            pytest.fail(reason)
        pytest.skip(reason)
    return nm
