"""The events as compact data in the page, and the JavaScript that turns them into markers.

Events never go into the page as HTML or as JavaScript source: :func:`encode_events`
packs them into a column-wise JSON payload (every string interned once), embedded
with :func:`script_json` (``<``, ``>``, ``&``, U+2028/9 escaped, so nothing in an
article can close the script). :class:`EventData` is the engine the other elements
share: it builds one marker per shown event on demand, popups with ``textContent``
only, and re-filters every registered layer (actor clusters, heatmap) when the time
slider moves.
"""
from __future__ import annotations

import datetime as _dt
import json
import math
import re
from collections.abc import Mapping
from typing import Any

import orjson
from maps.safe import SafeMacroElement
from folium.template import Template
from markupsafe import Markup

from geo.schema import ACTORS, EVENT_COLUMNS, EVENT_TYPES
from maps.palette import (
    EVENT_SYMBOLS,
    EVENT_TYPE_LABELS,
    GEO_PRECISION_LABELS,
    actor_colour,
    text_colour,
)

__all__ = ["encode_events", "script_json", "EventData", "DATED_STROKE", "UNDATED_STROKE"]

#: SVG attributes of a dated / an undated marker symbol (see :func:`maps.palette.symbol_svg`).
DATED_STROKE = 'stroke="#ffffff"'
UNDATED_STROKE = 'stroke="#222222" stroke-dasharray="2.5 1.5" fill-opacity="0.55"'

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")

#: Per-event string columns: payload column -> event property.
_STRING_COLUMNS: dict[str, str] = {
    "dp": "date_precision",
    "tgt": "target",
    "ev": "evidence",
    "rep": "reported_by",
}

#: Columns shared by many events, stored once in a table: table -> (payload field -> property).
_TABLES: dict[str, dict[str, str]] = {
    "loc": {"paw": "place_as_written", "place": "place", "adm": "admin1"},
    "art": {"title": "title", "url": "url", "src": "source", "pub": "published", "local": "article_id"},
}


def script_json(obj: Any) -> Markup:
    """Serialise ``obj`` as compact JSON that is safe inside an HTML ``<script>``.

    Examples
    --------
    >>> str(script_json({"a": "</script><b>&"}))
    '{"a":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    try:  # orjson: the same compact JSON, an order of magnitude faster for a map's payload
        text = orjson.dumps(obj, option=orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS).decode()
    except TypeError:  # what orjson does not take (integers over 64 bits, odd types): the standard encoder
        text = json.dumps(obj, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    for raw, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, esc)
    return Markup(text)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _clean_text(value: Any) -> str | None:
    """Text as it may go into the page: str, valid UTF-8 (lone surrogates replaced)."""
    if _missing(value):
        return None
    text = value if isinstance(value, str) else str(value)
    return text.encode("utf-8", "replace").decode("utf-8")


def _day(value: Any) -> str | None:
    """``YYYY-MM-DD`` of a date-like value, None if missing or not a real date."""
    if _missing(value):
        return None
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "strftime"):  # pandas Timestamp
        return value.strftime("%Y-%m-%d")
    m = _DATE.match(str(value).strip())
    if not m:
        return None
    try:
        return _dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def _number(value: Any, digits: int) -> float | None:
    if _missing(value):
        return None
    try:
        num = float(value)
    except (TypeError, ValueError):
        return None
    return round(num, digits) if math.isfinite(num) else None


def _codes(values: list[Any]) -> tuple[list[int], list[Any], list[int]]:
    """Factorize: a code per value (-1 when missing), the distinct values in order of
    first appearance, and how often each occurs (as ``pandas.factorize``, in C-speed idioms)."""
    from collections import Counter

    index: dict[Any, int] = {None: -1}
    setdefault = index.setdefault
    codes = [setdefault(v, len(index) - 1) for v in values]
    uniques = list(index)[1:]
    nans = [u for u in uniques if u.__class__ is float and u != u]
    if nans:  # NaN is missing too (each NaN object is its own key above): code again without them
        index = {None: -1}
        for u in nans:
            index[u] = -1
        setdefault = index.setdefault
        uniques = []
        codes = []
        for v in values:
            k = setdefault(v, len(uniques))
            if k == len(uniques):
                uniques.append(v)
            codes.append(k)
    counts = Counter(values)
    return codes, uniques, [counts[u] for u in uniques]


def _numbers(values: list[Any]) -> list[float]:
    """Values as floats (NaN where not a number), as ``pd.to_numeric(errors="coerce")``."""
    out = []
    for v in values:
        if v is None or isinstance(v, bool):
            out.append(math.nan if v is None else float(v))
            continue
        try:
            out.append(float(v))
        except (TypeError, ValueError):
            out.append(math.nan)
    return out


def encode_events(
    events: Any,
    *,
    local_links: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Pack events into the page's compact, column-wise payload.

    Parameters
    ----------
    events : GeoDataFrame
        Events in EPSG:4326 with Point geometry and the columns of
        :data:`geo.schema.EVENT_COLUMNS` (missing columns count as empty; rows without
        a usable point are left out).
    local_links : mapping, optional
        ``article_id`` -> a relative link to the article's file, used where an event
        has no http(s) URL.

    Returns
    -------
    dict
        ``actors`` (``[id, label, fill, text colour]``), ``types`` (``[id, label, svg]``),
        ``days`` (sorted distinct dates), ``strings`` (every text once, the most used
        first), ``tables`` (places and articles, shared by many events: rows of
        string indices) and ``cols`` (one list per field, one entry per event;
        ``-1`` means none).

    Examples
    --------
    >>> import geopandas as gpd
    >>> from shapely.geometry import Point
    >>> gdf = gpd.GeoDataFrame({"actor": ["russia"], "event_type": ["airstrike"],
    ...     "date": ["2024-01-05"], "evidence": ["<b>x</b>"]}, geometry=[Point(36.6, 35.9)], crs=4326)
    >>> p = encode_events(gdf)
    >>> p["actors"][0][:2], p["days"], p["strings"][p["cols"]["ev"][0]]
    (['russia', 'Russia'], ['2024-01-05'], '<b>x</b>')
    """
    import numpy as np

    if hasattr(events, "rows") and hasattr(events, "column"):  # a geo.frame.EventTable
        xs = np.array(events.column("lon"), dtype="float64")
        ys = np.array(events.column("lat"), dtype="float64")
        keep = np.flatnonzero(np.isfinite(xs) & np.isfinite(ys) & (np.abs(ys) <= 90)).tolist()
        from geo.frame import MAP_COLUMNS

        positions = {name: k for k, name in enumerate(MAP_COLUMNS)}
        rows = events.rows if len(keep) == len(events.rows) else [events.rows[i] for i in keep]
        by_column = list(zip(*rows)) if rows else []

        def column(name: str) -> list[Any]:
            k = positions.get(name)
            return list(by_column[k]) if k is not None and rows else [None] * len(rows)

        return _encode(column, len(rows), xs[keep], ys[keep], local_links)

    # -- rows with a usable point ------------------------------------------------
    n = len(events)
    if n:
        geo = events.geometry
        valid = (geo.notna() & ~geo.is_empty).to_numpy()
        pts = geo[valid]
        not_point = (pts.geom_type != "Point").to_numpy()
        if not_point.any():
            pts = pts.copy()
            pts[not_point] = pts[not_point].representative_point()
        xs = np.full(n, np.nan)
        ys = np.full(n, np.nan)
        xs[valid] = pts.x.to_numpy()
        ys[valid] = pts.y.to_numpy()
        keep = np.flatnonzero(np.isfinite(xs) & np.isfinite(ys) & (np.abs(ys) <= 90))
    else:
        xs = ys = np.zeros(0)
        keep = np.zeros(0, dtype=int)
    frame = events.iloc[keep]
    m = len(frame)

    def frame_column(name: str) -> list[Any]:
        if name not in frame.columns:
            return [None] * m
        series = frame[name]
        return series.astype(object).where(series.notna(), None).tolist()

    return _encode(frame_column, m, xs[keep], ys[keep], local_links)


def _encode(column: Any, m: int, xs: Any, ys: Any, local_links: Mapping[str, str] | None) -> dict[str, Any]:
    """:func:`encode_events` of ``m`` rows with usable points: ``column(name)`` gives a property's values."""
    import numpy as np

    # -- actors, in legend order, then unknown ids sorted --------------------------
    a_codes, a_uniques, _ = _codes(column("actor"))
    a_ids = [_clean_text(u) or "unknown" for u in a_uniques]
    present = set(a_ids) | ({"unknown"} if -1 in a_codes else set())
    order = [a for a in ACTORS if a in present] + sorted(present - set(ACTORS))
    labels_seen: dict[str, str] = {}
    if m:
        lab_col = column("actor_label")
        first: set[int] = set()
        for pos, code in enumerate(a_codes):
            if code in first:
                continue
            first.add(code)
            aid = a_ids[code] if code >= 0 else "unknown"
            labels_seen.setdefault(aid, _clean_text(lab_col[pos]) or aid)
    actors = []
    for a in order:
        fill = actor_colour(a)
        actors.append([a, ACTORS.get(a) or labels_seen.get(a, a), fill, text_colour(fill)])
    actor_pos = {a: k for k, a in enumerate(order)}
    a_map = [actor_pos[a] for a in a_ids] + [actor_pos.get("unknown", 0)]  # -1 -> last entry: unknown
    actor_col = [a_map[c] for c in a_codes]

    # -- event types ----------------------------------------------------------------
    t_codes, t_uniques, _ = _codes(column("event_type"))
    t_ids = [_clean_text(u) or "attack" for u in t_uniques]
    tpresent = set(t_ids) | ({"attack"} if -1 in t_codes else set())
    torder = [t for t in EVENT_TYPES if t in tpresent] + sorted(tpresent - set(EVENT_TYPES))
    types = [
        [t, EVENT_TYPE_LABELS.get(t) or t.replace("_", " ").capitalize(), EVENT_SYMBOLS.get(t, EVENT_SYMBOLS["attack"])]
        for t in torder
    ]
    type_pos = {t: k for k, t in enumerate(torder)}
    t_map = [type_pos[t] for t in t_ids] + [type_pos.get("attack", 0)]
    type_col = [t_map[c] for c in t_codes]

    # -- dates -------------------------------------------------------------------------
    d_codes, d_uniques, _ = _codes(column("date"))
    d_days = [_day(u) for u in d_uniques]
    days = sorted({d for d in d_days if d})
    day_pos = {d: k for k, d in enumerate(days)}
    d_map = [day_pos[d] if d else -1 for d in d_days] + [-1]
    day_col = [d_map[c] for c in d_codes]

    # -- strings: per-event columns and shared tables, interned by frequency -----------
    counts: dict[str, int] = {}

    def add_strings(values: list[Any]) -> tuple[list[int], list[str | None]]:
        codes, uniques, freq = _codes(values)
        cleaned = [(_clean_text(u) or None) for u in uniques]
        for text, f in zip(cleaned, freq):
            if text is not None:
                counts[text] = counts.get(text, 0) + f
        return codes, cleaned

    cols: dict[str, Any] = {}
    string_cols = {}
    for key, prop in _STRING_COLUMNS.items():
        string_cols[key] = add_strings(column(prop))
    tables: dict[str, dict[str, Any]] = {}
    table_parts = {}
    for tname, fields in _TABLES.items():
        values = {}
        for key, prop in fields.items():
            if key == "local":
                if not local_links:
                    continue
                values[key] = [local_links.get(_clean_text(v) or "") for v in column(prop)]
            else:
                values[key] = column(prop)
        if not values:
            continue
        keys = list(values)
        per_field = {k: add_strings(values[k]) for k in keys}
        combos = list(zip(*(per_field[k][0] for k in keys)))
        uniq = sorted(set(combos))
        where = {u: i for i, u in enumerate(uniq)}
        table_parts[tname] = (keys, uniq, [where[c] for c in combos], per_field)

    strings = sorted(counts, key=lambda t: (-counts[t], t))
    index = {t: k for k, t in enumerate(strings)}

    def to_global(codes: list[int], cleaned: list[str | None]) -> list[int]:
        lookup = [index[t] if t is not None else -1 for t in cleaned] + [-1]
        return [lookup[c] for c in codes]

    for key, (codes, cleaned) in string_cols.items():
        cols[key] = to_global(codes, cleaned)
    for tname, (keys, uniq, inverse, per_field) in table_parts.items():
        field_cols = [to_global([u[j] for u in uniq], per_field[k][1]) for j, k in enumerate(keys)]
        tables[tname] = {"fields": keys, "rows": [list(r) for r in zip(*field_cols)]}
        cols[tname] = inverse

    gp = _numbers(column("geo_precision"))
    conf = np.round(np.array(_numbers(column("confidence")), dtype="float64"), 2).tolist()
    cols.update({
        "lat": np.round(np.asarray(ys, dtype="float64"), 5).tolist(),
        "lon": np.round(np.asarray(xs, dtype="float64"), 5).tolist(),
        "actor": actor_col,
        "type": type_col,
        "day": day_col,
        "gp": [int(v) if math.isfinite(v) else -1 for v in gp],
        "conf": [float(v) if math.isfinite(v) else -1 for v in conf],
    })
    return {
        "actors": actors,
        "types": types,
        "days": days,
        "strings": strings,
        "tables": tables,
        "cols": cols,
        "gp_labels": {str(k): v for k, v in GEO_PRECISION_LABELS.items()},
        "sym": [DATED_STROKE, UNDATED_STROKE],
    }


class EventData(SafeMacroElement):
    """The events of a map as data, and the engine the layers and controls share.

    Add it to the map before any :class:`~maps.actorlayer.ActorLayer`,
    :class:`~maps.heatlayer.EventHeatLayer`, :class:`~maps.timeslider.TimeSlider` or
    :class:`~maps.search.PlaceSearch`: they call the JavaScript object it defines.

    Parameters
    ----------
    payload : dict
        The output of :func:`encode_events`.

    Examples
    --------
    >>> EventData({"actors": [], "types": [], "days": [], "strings": [], "cols": {"lat": []}})._name
    'EventData'
    """

    _template = Template(
        """
{% macro header(this, kwargs) %}
<style>
.sm-marker{background:none;border:none}
.sm-marker svg{display:block;filter:drop-shadow(0 0 1px rgba(0,0,0,.6))}
.sm-cluster{background:none;border:none}
.sm-cluster div{width:100%;height:100%;border-radius:50%;border:2px solid rgba(255,255,255,.9);
 box-shadow:0 0 3px rgba(0,0,0,.6);display:flex;align-items:center;justify-content:center;
 font:bold 12px/1 system-ui,sans-serif;opacity:.9}
.sm-popup{font:13px/1.35 system-ui,sans-serif;max-width:340px}
.sm-popup-head{font-size:14px;margin-bottom:4px}
.sm-swatch{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:5px;
 vertical-align:-1px;border:1px solid rgba(0,0,0,.35)}
.sm-popup table{border-collapse:collapse;margin:2px 0 4px}
.sm-popup th{text-align:left;font-weight:600;padding:1px 8px 1px 0;vertical-align:top;white-space:nowrap;color:#444}
.sm-popup td{padding:1px 0;overflow-wrap:anywhere}
.sm-evidence{margin:4px 0;padding:4px 8px;border-left:3px solid #999;background:#f6f6f6;
 max-height:9em;overflow:auto;white-space:pre-wrap;overflow-wrap:anywhere}
.sm-source{overflow-wrap:anywhere}
.sm-undated-note{color:#a33;font-style:italic}
</style>
{% endmacro %}
{% macro html(this, kwargs) %}
<script type="application/json" id="{{ this.get_name() }}_json">{{ this.payload_json }}</script>
{% endmacro %}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function (map, D) {
  "use strict";
  var S = D.strings, C = D.cols, N = C.lat.length, ND = D.days.length;
  var state = {from: 0, to: Math.max(ND - 1, 0), undated: true};
  var groups = [], heats = [], listeners = [], markers = new Array(N), icons = {};
  var byActor = D.actors.map(function () { return []; });
  var undatedTotal = 0;
  for (var i = 0; i < N; i++) { byActor[C.actor[i]].push(i); if (C.day[i] < 0) undatedTotal++; }

  var T = D.tables || {}, where = {};
  Object.keys(T).forEach(function (t) { T[t].fields.forEach(function (f, k) { where[f] = [t, k]; }); });
  function str(k) { return (k === undefined || k === null || k < 0) ? null : S[k]; }
  // the text of field f of event i (a per-event column or a shared-table field)
  function sv(i, f) {
    var w = where[f];
    if (w) { var r = C[w[0]][i]; return r < 0 ? null : str(T[w[0]].rows[r][w[1]]); }
    return C[f] ? str(C[f][i]) : null;
  }
  function isShown(i) {
    var d = C.day[i];
    return d < 0 ? state.undated : (d >= state.from && d <= state.to);
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function safeHttpUrl(u) {
    if (!u) return null;
    try {
      var p = new URL(u);
      return (p.protocol === "http:" || p.protocol === "https:") ? p.href : null;
    } catch (e) { return null; }
  }
  function iconFor(i) {
    var a = C.actor[i], t = C.type[i], u = C.day[i] < 0 ? 1 : 0, key = a + "/" + t + "/" + u;
    var ic = icons[key];
    if (!ic) {
      ic = icons[key] = L.divIcon({
        className: "sm-marker" + (u ? " sm-undated" : ""),
        html: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20" width="18" height="18"><g fill="' +
              D.actors[a][2] + '" ' + D.sym[u] + ' stroke-width="1.5">' + D.types[t][2] + "</g></svg>",
        iconSize: [18, 18], iconAnchor: [9, 9], popupAnchor: [0, -8]
      });
    }
    return ic;
  }
  function popupFor(i) {
    var a = D.actors[C.actor[i]], t = D.types[C.type[i]];
    var root = el("div", "sm-popup");
    var head = el("div", "sm-popup-head");
    var sw = el("span", "sm-swatch"); sw.style.background = a[2]; head.appendChild(sw);
    head.appendChild(el("strong", null, a[1]));
    head.appendChild(document.createTextNode(" \u2014 " + t[1]));
    root.appendChild(head);
    var tbl = el("table");
    root.appendChild(tbl);
    function row(label, value, cls) {
      if (value === null || value === undefined || value === "") return;
      var tr = tbl.insertRow();
      tr.appendChild(el("th", null, label));
      tr.appendChild(el("td", cls || null, value));
    }
    var d = C.day[i], dp = str(C.dp[i]);
    if (d < 0) row("Date", "undated (no date found; shown at every date)", "sm-undated-note");
    else row("Date", D.days[d] + (dp ? " (precision: " + dp + ")" : ""));
    row("Place as written", sv(i, "paw"));
    var place = sv(i, "place"), adm = sv(i, "adm");
    if (place || adm) row("Resolved place", [place, adm].filter(Boolean).join(", "));
    var gp = C.gp[i];
    if (gp >= 0) row("Geo precision", gp + (D.gp_labels[gp] ? " \u2014 " + D.gp_labels[gp] : ""));
    row("Target", str(C.tgt[i]));
    row("Reported by", str(C.rep[i]));
    if (C.conf[i] >= 0) row("Confidence", C.conf[i].toFixed(2));
    var ev = str(C.ev[i]);
    if (ev) root.appendChild(el("blockquote", "sm-evidence", ev));
    var url = sv(i, "url"), title = sv(i, "title"), src = sv(i, "src"), pub = sv(i, "pub");
    var local = sv(i, "local");
    if (url || title || src || local) {
      var box = el("div", "sm-source");
      box.appendChild(document.createTextNode("Source: "));
      var href = safeHttpUrl(url);
      if (!href && local && !/^[a-z][a-z0-9+.-]*:/i.test(local)) href = local;
      var label = title || url || local || src;
      if (href) {
        var link = el("a", null, label);
        link.href = href; link.target = "_blank"; link.rel = "noopener noreferrer";
        box.appendChild(link);
      } else {
        box.appendChild(el("span", null, label));
      }
      var extra = [];
      if (src && src !== label) extra.push(src);
      if (pub) extra.push(pub);
      if (extra.length) box.appendChild(document.createTextNode(" (" + extra.join(", ") + ")"));
      if (url && !href) box.appendChild(el("div", "sm-source-url", "URL (not a web link): " + url));
      root.appendChild(box);
    }
    return root;
  }
  function marker(i) {
    var m = markers[i];
    if (!m) {
      m = markers[i] = L.marker([C.lat[i], C.lon[i]], {icon: iconFor(i)});
      m._smRow = i;
    }
    return m;
  }
  // Popups are bound on first use: a Popup object per marker would cost 100,000 of them.
  function withPopup(m) {
    if (!m.getPopup()) {
      var i = m._smRow;
      m.bindPopup(function () { return popupFor(i); }, {maxWidth: 360, minWidth: 220});
    }
    return m;
  }
  function onMarkerEvent(e) {
    var m = e.layer;
    if (!m || m._smRow === undefined || m.getPopup()) return;
    if (e.type === "keypress" && e.originalEvent && e.originalEvent.keyCode !== 13) return;
    withPopup(m).openPopup();
  }
  function clusterGroup(a, options) {
    var fill = D.actors[a][2], ink = D.actors[a][3];
    options = options || {};
    options.chunkProgress = function (done, total) {
      group._smLoading = done < total;
      if (!group._smLoading) {
        setTimeout(group._smReplay, 0);  // after the group's own end-of-load work
        if (ready()) window.__strikemapReadyAt = performance.now();
      }
    };
    options.iconCreateFunction = function (cluster) {
      var n = cluster.getChildCount(), size = n < 10 ? 28 : n < 100 ? 34 : n < 1000 ? 40 : 46;
      return L.divIcon({
        html: '<div style="background:' + fill + ";color:" + ink + '"><span>' + n + "</span></div>",
        className: "sm-cluster", iconSize: L.point(size, size)
      });
    };
    var group = L.markerClusterGroup(options);
    group.on("click keypress", onMarkerEvent);
    // Leaflet.markercluster computes cluster bounds only when a chunked load ends; a
    // zoom or pan in between throws. Hold those events back until the load is done.
    var zoomEnd = group._zoomEnd, moveEnd = group._moveEnd, held = {};
    group._zoomEnd = function () { if (group._smLoading) held.zoom = true; else zoomEnd.apply(group, arguments); };
    group._moveEnd = function () { if (group._smLoading) held.move = true; else moveEnd.apply(group, arguments); };
    group._smReplay = function () {
      var m = group._map, moved = held.zoom || held.move;
      held = {};
      if (m && moved) { m.removeLayer(group); m.addLayer(group); }  // redraw at the current view
    };
    return group;
  }
  function ready() {
    for (var a = 0; a < groups.length; a++) if (groups[a] && groups[a]._smLoading) return false;
    return true;
  }
  function heatPoints() {
    var pts = [];
    for (var i = 0; i < N; i++) if (isShown(i)) pts.push([C.lat[i], C.lon[i], 1]);
    return pts;
  }
  function info() {
    var shown = 0;
    for (var i = 0; i < N; i++) if (isShown(i)) shown++;
    return {shown: shown, total: N, undated: undatedTotal, from: state.from, to: state.to,
            undatedShown: state.undated, fromDay: ND ? D.days[state.from] : null, toDay: ND ? D.days[state.to] : null};
  }
  var inGroup = new Uint8Array(N);  // 1 where the event's marker is in its actor's group
  function fill(a) {
    var g = groups[a];
    if (!g) return;
    var rows = byActor[a], add = [], drop = [], k, i, now;
    for (k = 0; k < rows.length; k++) {
      i = rows[k]; now = isShown(i) ? 1 : 0;
      if (now && !inGroup[i]) add.push(i); else if (!now && inGroup[i]) drop.push(i);
    }
    if (!add.length && !drop.length) return;
    if (add.length + drop.length > rows.length / 2) {  // big change: rebuild
      g.clearLayers();
      var all = [];
      for (k = 0; k < rows.length; k++) { i = rows[k]; inGroup[i] = isShown(i) ? 1 : 0; if (inGroup[i]) all.push(marker(i)); }
      g.addLayers(all);
    } else {  // small step of the slider: move only the difference
      drop.forEach(function (j) { inGroup[j] = 0; });
      add.forEach(function (j) { inGroup[j] = 1; });
      if (drop.length) g.removeLayers(drop.map(marker));
      if (add.length) g.addLayers(add.map(marker));
    }
  }
  function refresh() {
    for (var a = 0; a < groups.length; a++) fill(a);
    if (heats.length) { var pts = heatPoints(); heats.forEach(function (h) { h.setLatLngs(pts); }); }
    var inf = info();
    listeners.forEach(function (fn) { fn(inf); });
  }
  var api = {
    map: map, data: D, state: state,
    clusterGroup: clusterGroup,
    registerActor: function (a, group) { groups[a] = group; fill(a); return group; },
    registerHeat: function (h) { heats.push(h); h.setLatLngs(heatPoints()); return h; },
    onChange: function (fn) { listeners.push(fn); fn(info()); },
    setFilter: function (from, to, undated) {
      state.from = Math.max(0, Math.min(from, to)); state.to = Math.max(from, to);
      state.undated = !!undated; refresh();
    },
    isShown: isShown, ready: ready, text: sv,
    marker: function (i) { return withPopup(marker(i)); },
    openPopup: function (i, done) {
      var m = withPopup(marker(i)), g = groups[C.actor[i]];
      if (g && map.hasLayer(g) && g.hasLayer(m)) g.zoomToShowLayer(m, function () { m.openPopup(); if (done) done(m); });
      else { map.setView([C.lat[i], C.lon[i]], Math.max(map.getZoom(), 10));
             L.popup({maxWidth: 360}).setLatLng([C.lat[i], C.lon[i]]).setContent(popupFor(i)).openOn(map);
             if (done) done(null); }
    }, popupFor: popupFor, info: info, refresh: refresh,
    groupOf: function (i) { return groups[C.actor[i]]; },
    groups: groups,
    visibleCount: function () {
      var n = 0;
      groups.forEach(function (g) { if (g && map.hasLayer(g)) n += g.getLayers().length; });
      return n;
    }
  };
  map._strikemap = api;
  return api;
})({{ this._parent.get_name() }}, JSON.parse(document.getElementById("{{ this.get_name() }}_json").textContent));
{% endmacro %}
"""
    )

    def __init__(self, payload: dict[str, Any]) -> None:
        super().__init__()
        self._name = "EventData"
        self.payload = payload
        self.payload_json = script_json(payload)
