"""Render events as a layered interactive HTML map (and per-actor / per-period maps).

The page is data-driven so that it scales: the events go in once, as compact JSON
(:class:`~maps.data.EventData`), and the browser builds one marker cluster layer per
actor, the heatmap, the popups (text only, never HTML from an article), the time
filter and the place search from it.
"""
from __future__ import annotations

import os
import re
import urllib.parse
from collections import Counter
from pathlib import Path
from typing import Any

import folium
import folium.folium
from folium.plugins import Fullscreen

from geo.atomic import write_text_atomic
from geo.schema import ACTORS, EVENT_COLUMNS
from maps.actorlayer import ActorLayer
from maps.assets import AssetCache
from maps.basemaps import basemap_layers
from maps.boundaries import BoundaryLayer, count_events, load_boundaries
from maps.data import EventData, _day, encode_events
from maps.errors import MapInputError
from maps.fitview import FitView
from maps.heatlayer import EventHeatLayer
from maps.inline import inline_html
from maps.layercontrol import GroupedLayerControl, swatch_label
from maps.legend import Legend
from maps.maplinks import MapLinks
from maps.search import PlaceSearch
from maps.timeslider import TimeSlider
from maps.title import MapTitle

__all__ = ["render_map", "build_map", "SPLITS", "SYRIA_BOUNDS"]

#: The ways ``render_map(split=...)`` can split the events into extra maps.
SPLITS = ("actor", "day", "month")

#: (south, west), (north, east) of Syria: the view of a map without events.
SYRIA_BOUNDS = ((32.3, 35.6), (37.35, 42.4))

#: Zoom range of the maps: clusters are computed for every level in it, so it is kept
#: to what a map of Syria needs (4: the Middle East; 17: streets of a town).
MIN_ZOOM, MAX_ZOOM = 4, 17

_SOURCE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json")


def _is_table(events: Any) -> bool:
    """True for a :class:`geo.frame.EventTable` (events read from the store, no pandas)."""
    from geo.frame import EventTable

    return isinstance(events, EventTable)


def _prepare(events: Any, *, table_ok: bool = False) -> Any:
    """Check the events frame and bring it to EPSG:4326 (an EventTable as is when ``table_ok``)."""
    if _is_table(events):
        return events if table_ok else events.frame()
    import geopandas as gpd

    if events is None:
        return gpd.GeoDataFrame({c: [] for c in EVENT_COLUMNS}, geometry=[], crs=4326)
    if not isinstance(events, gpd.GeoDataFrame):
        raise MapInputError(f"events must be a GeoDataFrame, not {type(events).__name__}")
    if events.crs is None:
        events = events.set_crs(4326, allow_override=True)
    elif events.crs.to_epsg() != 4326:
        events = events.to_crs(4326)
    return events


def _lean_map(**kwargs: Any) -> folium.Map:
    """A folium Map that loads Leaflet only (no jQuery, Bootstrap, Font Awesome)."""
    m = folium.Map(**kwargs)
    m.default_js = [(n, u) for n, u in folium.folium._default_js if n == "leaflet"]
    m.default_css = [(n, u) for n, u in folium.folium._default_css if n == "leaflet_css"]
    return m


def build_map(
    events: Any,
    *,
    title: str = "strikemap",
    subtitle: str | None = None,
    boundaries: Any = None,
    links: list[tuple[str, str, bool]] | None = None,
    local_links: dict[str, str] | None = None,
    heatmap: bool = True,
) -> folium.Map:
    """Build the folium map of a set of events (without writing it).

    Parameters
    ----------
    events : GeoDataFrame or EventTable
        Events in EPSG:4326 with the columns of :data:`geo.schema.EVENT_COLUMNS`, or a
        :class:`geo.frame.EventTable` read from the store.
    title, subtitle : str
        Shown over the map; ``title`` is also the page title.
    boundaries : GeoDataFrame, optional
        Governorate polygons (see :func:`maps.boundaries.load_boundaries`).
    links : list of (label, href, is_current), optional
        Other maps to link to (split maps).
    local_links : dict, optional
        ``article_id`` -> relative link to the article file.
    heatmap : bool, default True
        Add the (initially hidden) heatmap layer.

    Returns
    -------
    folium.Map

    Examples
    --------
    >>> m = build_map(None)
    >>> "_strikemap" in m.get_root().render()
    True
    """
    import html as _html

    events = _prepare(events, table_ok=boundaries is None)
    payload = encode_events(events, local_links=local_links)
    cols = payload["cols"]

    m = _lean_map(
        location=[(SYRIA_BOUNDS[0][0] + SYRIA_BOUNDS[1][0]) / 2, (SYRIA_BOUNDS[0][1] + SYRIA_BOUNDS[1][1]) / 2],
        zoom_start=7,
        tiles=None,
        control_scale=True,
        max_zoom=MAX_ZOOM,
        min_zoom=MIN_ZOOM,
    )
    m.get_root().title = _html.escape(title)
    # Fit first: a zoom change while the clusters are still loading in chunks breaks
    # Leaflet.markercluster ("Cannot read properties of undefined (reading 'lat')").
    if cols["lat"]:
        south, north = min(cols["lat"]), max(cols["lat"])
        west, east = min(cols["lon"]), max(cols["lon"])
        FitView([[south, west], [north, east]]).add_to(m)
    else:
        FitView(SYRIA_BOUNDS).add_to(m)

    bases = basemap_layers()
    for _label, layer in bases:
        layer.add_to(m)

    boundary_layer = None
    if boundaries is not None:
        boundary_layer = BoundaryLayer(boundaries, count_events(boundaries, events))
        boundary_layer.add_to(m)

    data = EventData(payload)
    data.add_to(m)
    counts = Counter(cols["actor"])
    actor_layers = []
    for a, actor in enumerate(payload["actors"]):
        layer = ActorLayer(data, a)
        layer.add_to(m)
        actor_layers.append((swatch_label(actor[1], actor[2], counts[a]), layer))
    heat = None
    if heatmap and cols["lat"]:
        heat = EventHeatLayer(data)
        heat.add_to(m)

    overlays = []
    if heat is not None:
        overlays.append((swatch_label("Heatmap of shown events"), heat))
    if boundary_layer is not None:
        overlays.append((swatch_label("Governorates (event counts)"), boundary_layer))
    groups: list[tuple[str, list[tuple[str, Any]]]] = []
    if actor_layers:
        groups.append(("Actors", actor_layers))
    if overlays:
        groups.append(("Overlays", overlays))
    GroupedLayerControl([(swatch_label(label), layer) for label, layer in bases], groups).add_to(m)

    Fullscreen(position="topleft").add_to(m)
    PlaceSearch(data).add_to(m)
    TimeSlider(data).add_to(m)
    Legend(
        [],  # actor colours and counts are in the layer control
        [(t[0], t[1]) for t in payload["types"]],
        has_undated=any(d < 0 for d in cols["day"]),
    ).add_to(m)
    MapTitle(title, subtitle).add_to(m)
    if links:
        MapLinks(links).add_to(m)

    return m


def _slug(text: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")
    return slug[:60] or "x"


def _split_parts(events: Any, split: str) -> list[tuple[str, str, Any]]:
    """``(key, label, subset)`` per actor / day / month, in display order."""
    if split == "actor":
        ids = events["actor"].fillna("unknown").astype(str) if "actor" in events else None
        if ids is None:
            return [("unknown", ACTORS["unknown"], events)] if len(events) else []
        present = set(ids)
        order = [a for a in ACTORS if a in present] + sorted(present - set(ACTORS))
        labels = {}
        if "actor_label" in events:
            for a, lab in zip(ids, events["actor_label"]):
                labels.setdefault(a, lab if isinstance(lab, str) and lab else a)
        return [(a, ACTORS.get(a) or labels.get(a, a), events[(ids == a).to_numpy()]) for a in order]
    dates = [_day(v) for v in (events["date"] if "date" in events else [None] * len(events))]
    keys = [(d[:7] if split == "month" else d) if d else None for d in dates]
    out = []
    for key in sorted({k for k in keys if k}):
        mask = [k == key for k in keys]
        out.append((key, key, events[mask]))
    undated = [k is None for k in keys]
    if any(undated):
        out.append(("undated", "Undated", events[undated]))
    return out


def _local_links(events: Any, source_dir: str | os.PathLike[str], out_dir: Path) -> dict[str, str]:
    """``article_id`` -> relative URL of the article file named after it in ``source_dir``."""
    if "article_id" not in events or not len(events):
        return {}
    wanted = {str(a) for a in events["article_id"].dropna()}
    found: dict[str, str] = {}
    root = Path(source_dir)
    if not root.is_dir():
        raise MapInputError(f"source_dir {source_dir} is not a folder")
    for path in sorted(root.rglob("*")):
        if path.suffix.lower() in _SOURCE_SUFFIXES and path.stem in wanted and path.stem not in found:
            rel = Path(os.path.relpath(path.resolve(), out_dir.resolve())).as_posix()
            found[path.stem] = urllib.parse.quote(rel)
    return found


def render_map(
    events: Any,
    out_path: str | os.PathLike[str],
    *,
    title: str = "strikemap",
    boundaries: str | os.PathLike[str] | None = None,
    inline_assets: bool = False,
    asset_dir: str | os.PathLike[str] | None = None,
    split: str | None = None,
    source_dir: str | os.PathLike[str] | None = None,
) -> list[Path]:
    """Write the events as an interactive HTML map, and optionally one map per actor or period.

    Parameters
    ----------
    events : GeoDataFrame or EventTable
        EPSG:4326 points with the columns of :data:`geo.schema.EVENT_COLUMNS`; may be
        empty (a map of Syria with no event layers). A :class:`geo.frame.EventTable`
        (what ``update`` reads from the store) is used as is, without pandas.
    out_path : path
        The main map, e.g. ``DIR/index.html``.
    title : str, default "strikemap"
    boundaries : path, optional
        A GeoJSON / GeoPackage of governorates: adds a layer with event counts.
    inline_assets : bool, default False
        Write self-contained files: every script and stylesheet inlined, so the map
        works with no network (tiles aside).
    asset_dir : path, optional
        An npm ``node_modules`` folder (or its parent) to take the inlined files from;
        otherwise the local asset cache, then the CDN.
    split : {None, "actor", "day", "month"}
        Also write ``<stem>-<split>-<key>.html`` next to ``out_path``, one per actor /
        day / month (plus ``...-undated.html`` for undated events), all linked from
        the main map and from each other.
    source_dir : path, optional
        Folder of the source articles: events without an http(s) URL link to their
        article's file (matched by ``article_id`` = file stem).

    Returns
    -------
    list of Path
        The files written, the main map first.

    Raises
    ------
    MapInputError
        Bad events, split, boundaries or source_dir.
    MapAssetError
        ``inline_assets`` and a script or stylesheet is nowhere to be found.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "index.html"
    >>> [p.name for p in render_map(None, out)]
    ['index.html']
    """
    if split not in (None, *SPLITS):
        raise MapInputError(f"split must be one of {', '.join(SPLITS)} or None, not {split!r}")
    out_path = Path(out_path)
    out_dir = out_path.parent
    events = _prepare(events, table_ok=not (split or boundaries is not None or source_dir is not None))
    bounds = load_boundaries(boundaries) if boundaries is not None else None
    local = _local_links(events, source_dir, out_dir) if source_dir is not None else None
    cache = AssetCache(asset_dir=asset_dir) if inline_assets else None

    parts = _split_parts(events, split) if split else []
    used: set[str] = set()
    pages: list[tuple[str, Path, Any]] = []
    for key, label, subset in parts:
        name = f"{out_path.stem}-{split}-{_slug(key)}"
        base, k = name, 2
        while name.lower() in used:
            name, k = f"{base}-{k}", k + 1
        used.add(name.lower())
        pages.append((label, out_path.with_name(name + (out_path.suffix or ".html")), subset))

    def nav(current: Path | None) -> list[tuple[str, str, bool]] | None:
        if not pages:
            return None
        items = [("All events", out_path.name, current is None)]
        items += [(label, path.name, path == current) for label, path, _ in pages]
        return items

    def write(path: Path, subset: Any, subtitle: str | None, current: Path | None) -> Path:
        m = build_map(subset, title=title, subtitle=subtitle, boundaries=bounds, links=nav(current),
                      local_links=local)
        html = m.get_root().render()
        if cache is not None:
            html = inline_html(html, cache.get)
        return write_text_atomic(path, html)

    written = []
    for label, path, subset in pages:
        written.append(write(path, subset, label, path))
    main = write(out_path, events, None, None)
    return [main, *written]
