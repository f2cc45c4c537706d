"""Exports of the events table: GeoJSON (RFC 7946), GeoPackage and CSV, written atomically.

Every writer takes the events GeoDataFrame (:func:`geo.frame.events_to_frame` or
:meth:`geo.store.Store.events_frame`) and writes a temporary file beside the target,
then renames it: a crash leaves the old file or the new one, never half of one.

Examples
--------
>>> from geo.export import export_store                                  # doctest: +SKIP
>>> export_store("out", "csv", acled_columns=True)                         # doctest: +SKIP
PosixPath('out/events-export.csv')
"""
from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.atomic import atomic_path, write_text_atomic
from geo.errors import ExportError

if TYPE_CHECKING:  # pragma: no cover
    import geopandas as gpd
    import pandas as pd

    from geo.store import EventFilter

__all__ = [
    "FORMATS",
    "ACLED_COLUMNS",
    "ACLED_EVENT_TYPES",
    "to_feature_collection",
    "geojson_text",
    "feature_heads",
    "write_geojson",
    "write_gpkg",
    "csv_frame",
    "csv_text",
    "write_csv",
    "default_export_path",
    "export_frame",
    "read_events",
    "ExportResult",
    "export_store",
]

#: Format name -> file suffix.
FORMATS: dict[str, str] = {"geojson": ".geojson", "gpkg": ".gpkg", "csv": ".csv"}

#: strikemap event type -> ACLED (event_type, sub_event_type).
ACLED_EVENT_TYPES: dict[str, tuple[str, str]] = {
    "airstrike": ("Explosions/Remote violence", "Air/drone strike"),
    "drone_strike": ("Explosions/Remote violence", "Air/drone strike"),
    "missile_strike": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "bombing": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "ground_offensive": ("Battles", "Armed clash"),
    "raid": ("Battles", "Armed clash"),
    "attack": ("Battles", "Armed clash"),
}

#: ACLED's names for the columns of ``--acled-columns``, in order; then strikemap's own.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "country", "admin1", "location", "latitude", "longitude", "geo_precision",
    "source", "notes",
    "strikemap_actor", "strikemap_event_type", "target", "geonameid", "confidence",
    "article_id", "url",
)

_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
_COUNTRIES = {"SY": "Syria", "IQ": "Iraq", "TR": "Turkey", "LB": "Lebanon", "JO": "Jordan", "IL": "Israel"}


# -- GeoJSON --------------------------------------------------------------------------


def _to_4326(gdf: "gpd.GeoDataFrame") -> "gpd.GeoDataFrame":
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        return gdf.to_crs(4326)
    return gdf


def _plain_column(series: "pd.Series") -> list[Any]:
    """A column as plain Python values: NaN/NA -> None, numpy scalars -> builtins."""
    values = series.to_numpy(dtype=object, na_value=None).tolist()
    if series.dtype == object:  # mixed columns (extras) may hold numpy scalars or float NaN
        values = [None if isinstance(v, float) and v != v else (v.item() if hasattr(v, "item") else v)
                  for v in values]
    return values


def _properties(gdf: "gpd.GeoDataFrame") -> list[dict[str, Any]]:
    cols = [c for c in gdf.columns if c != gdf.geometry.name]
    columns = [_plain_column(gdf[c]) for c in cols]
    return [dict(zip(cols, row)) for row in zip(*columns)] if cols else [{} for _ in range(len(gdf))]


def _features(gdf: "gpd.GeoDataFrame") -> list[dict[str, Any]]:
    gdf = _to_4326(gdf)
    xs = gdf.geometry.x.round(6).tolist() if len(gdf) else []
    ys = gdf.geometry.y.round(6).tolist() if len(gdf) else []
    return [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [x, y]}, "properties": props}
        for props, x, y in zip(_properties(gdf), xs, ys)
    ]


def to_feature_collection(gdf: "gpd.GeoDataFrame") -> dict[str, Any]:
    """The events as an RFC 7946 FeatureCollection dict (lon/lat, no ``crs`` member).

    Coordinates are rounded to 6 decimals (about 0.1 m).

    Examples
    --------
    >>> from geo.frame import events_to_frame
    >>> from geo.schema import Event
    >>> fc = to_feature_collection(events_to_frame([Event("e1", "a1", "russia", "airstrike", "K", "K", 35.37, 36.6)]))
    >>> fc["features"][0]["geometry"]
    {'type': 'Point', 'coordinates': [36.6, 35.37]}
    """
    return {"type": "FeatureCollection", "features": _features(gdf)}


_SCALARS = {str, int, float, bool, type(None)}


def _encoded_column(values: list[Any]) -> list[str]:
    """Each value of a column as JSON text, in one call of the C encoder when all are scalars.

    The values are encoded as one array with NUL as the separator: a NUL inside a
    string is escaped as ``\\u0000`` by the encoder, so splitting on it is exact.
    """
    if not values:
        return []
    if not set(map(type, values)) <= _SCALARS:  # nested values (extras): one call each
        return [json.dumps(v, ensure_ascii=False) for v in values]
    return json.dumps(values, ensure_ascii=False, separators=("\x00", ": "))[1:-1].split("\x00")


def feature_heads(columns: dict[str, list[Any]], xs: list[float], ys: list[float]) -> list[str]:
    """Each event's GeoJSON Feature text up to its last property, without the closing ``}}``.

    ``columns`` maps property names (in order) to plain JSON values, one per event; ``xs``
    and ``ys`` are the coordinates, already rounded. The one encoder of Features: used by
    :func:`geojson_text` and by the store, which keeps each event's text.
    """
    if not xs:
        return []
    encoded = [_encoded_column(v) for v in columns.values()]
    props = ", ".join(json.dumps(str(c), ensure_ascii=False).replace("%", "%%") + ": %s" for c in columns)
    template = '{"type": "Feature", "geometry": {"type": "Point", "coordinates": [%s, %s]}, "properties": {' + props
    return [template % row for row in zip(_encoded_column(xs), _encoded_column(ys), *encoded)]


def geojson_text(gdf: "gpd.GeoDataFrame") -> str:
    """The events as RFC 7946 GeoJSON text: one Feature a line (easy to diff and to stream).

    The same JSON as ``json.dumps(to_feature_collection(gdf))``, laid out one Feature a
    line, written column by column (several times faster for large tables). Also takes
    a :class:`geo.frame.EventTable`, whose Features are already encoded.

    Examples
    --------
    >>> from geo.frame import empty_frame
    >>> geojson_text(empty_frame())
    '{"type": "FeatureCollection", "features": [\\n]}\\n'
    """
    if hasattr(gdf, "geojson_text"):  # an EventTable
        return gdf.geojson_text()
    gdf = _to_4326(gdf)
    cols = [c for c in gdf.columns if c != gdf.geometry.name]
    if not len(gdf):
        return '{"type": "FeatureCollection", "features": [\n]}\n'
    heads = feature_heads({c: _plain_column(gdf[c]) for c in cols},
                          gdf.geometry.x.round(6).tolist(), gdf.geometry.y.round(6).tolist())
    return '{"type": "FeatureCollection", "features": [\n' + "}},\n".join(heads) + "}}\n]}\n"


def write_geojson(gdf: "gpd.GeoDataFrame", path: str | Path) -> Path:
    """Write the events (a frame or a :class:`geo.frame.EventTable`) as RFC 7946 GeoJSON to ``path``.

    Written to a temporary file, then renamed.
    """
    return write_text_atomic(path, geojson_text(gdf))


# -- GeoPackage -----------------------------------------------------------------------


def write_gpkg(gdf: "gpd.GeoDataFrame", path: str | Path, *, layer: str = "events") -> Path:
    """Write the events as a GeoPackage layer (Point, EPSG:4326) with pyogrio, atomically.

    Examples
    --------
    >>> write_gpkg(gdf, "events.gpkg")    # doctest: +SKIP
    """
    import pyogrio

    gdf = _to_4326(gdf)
    with atomic_path(path) as tmp:
        tmp.unlink()  # let GDAL create the file itself
        pyogrio.write_dataframe(gdf, tmp, layer=layer, driver="GPKG", geometry_type="Point")
    return Path(path)


# -- CSV ------------------------------------------------------------------------------


def csv_frame(gdf: "gpd.GeoDataFrame", *, acled_columns: bool = False) -> "pd.DataFrame":
    """The events as a plain table, one row per event, with ``lon``/``lat`` columns.

    With ``acled_columns`` the columns are named and coded as ACLED's
    (:data:`ACLED_COLUMNS`): ``event_date``, ``actor1``, ``sub_event_type``,
    ``location``, ``latitude``, ``longitude``, ``geo_precision``, ``notes``, ``source``...
    """
    import pandas as pd

    gdf = _to_4326(gdf)
    xs = gdf.geometry.x.round(6) if len(gdf) else pd.Series([], dtype="float64")
    ys = gdf.geometry.y.round(6) if len(gdf) else pd.Series([], dtype="float64")
    df = pd.DataFrame(gdf.drop(columns=gdf.geometry.name))
    if not acled_columns:
        df["lon"] = xs.to_numpy()
        df["lat"] = ys.to_numpy()
        return df.reset_index(drop=True)
    types = [ACLED_EVENT_TYPES.get(t, ("", "")) for t in df["event_type"]]
    sources = [
        "; ".join(dict.fromkeys(s for s in (src, rep) if isinstance(s, str) and s))
        for src, rep in zip(df["source"], df["reported_by"])
    ]
    dates = df["date"]
    out = pd.DataFrame({
        "event_id_cnty": df["event_id"],
        "event_date": dates,
        "year": pd.array([int(d[:4]) if isinstance(d, str) and d[:4].isdigit() else None for d in dates], dtype="Int64"),
        "time_precision": pd.array([_TIME_PRECISION.get(p) for p in df["date_precision"]], dtype="Int64"),
        "event_type": [t[0] for t in types],
        "sub_event_type": [t[1] for t in types],
        "actor1": df["actor_label"],
        "country": [_COUNTRIES.get(c, c) for c in df["country_code"]],
        "admin1": df["admin1"],
        "location": df["place"],
        "latitude": ys.to_numpy(),
        "longitude": xs.to_numpy(),
        "geo_precision": df["geo_precision"],
        "source": sources,
        "notes": df["evidence"],
        "strikemap_actor": df["actor"],
        "strikemap_event_type": df["event_type"],
        "target": df["target"],
        "geonameid": df["geonameid"],
        "confidence": df["confidence"],
        "article_id": df["article_id"],
        "url": df["url"],
    })
    return out[list(ACLED_COLUMNS)]


def csv_text(gdf: "gpd.GeoDataFrame", *, acled_columns: bool = False) -> str:
    """The events as CSV text (UTF-8, ``\\n`` line ends, a header row)."""
    buf = io.StringIO()
    csv_frame(gdf, acled_columns=acled_columns).to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue()


def write_csv(gdf: "gpd.GeoDataFrame", path: str | Path, *, acled_columns: bool = False) -> Path:
    """Write the events as CSV to ``path`` (temporary file, then rename)."""
    return write_text_atomic(path, csv_text(gdf, acled_columns=acled_columns))


# -- from the store -------------------------------------------------------------------


def default_export_path(out: str | Path, fmt: str) -> Path:
    """Where ``strikemap export`` writes when no ``--output`` is given: ``OUT/events-export.<ext>``."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    return Path(out) / f"events-export{FORMATS[fmt]}"


def export_frame(gdf: "gpd.GeoDataFrame", fmt: str, path: str | Path, *, acled_columns: bool = False) -> Path:
    """Write an events frame in ``fmt`` (``geojson``, ``gpkg`` or ``csv``) to ``path``."""
    writers: dict[str, Callable[[], Path]] = {
        "geojson": lambda: write_geojson(gdf, path),
        "gpkg": lambda: write_gpkg(gdf, path),
        "csv": lambda: write_csv(gdf, path, acled_columns=acled_columns),
    }
    if fmt not in writers:
        raise ExportError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    if acled_columns and fmt != "csv":
        raise ExportError("--acled-columns applies to --format csv only")
    return writers[fmt]()


def read_events(out: str | Path, filters: "EventFilter | None" = None) -> "gpd.GeoDataFrame":
    """The events stored in ``OUT/strikemap.gpkg`` that pass ``filters`` (no lock needed).

    Examples
    --------
    >>> from geo.store import EventFilter
    >>> gdf = read_events("out", EventFilter(types=("airstrike",)))  # doctest: +SKIP
    """
    from geo.store import STORE_NAME, EventFilter, Store

    filters = (filters or EventFilter()).validate()
    with Store(Path(out) / STORE_NAME, create=False, lock=False) as store:
        return store.events_frame(filters)


@dataclass(frozen=True)
class ExportResult:
    """What :func:`export_store` wrote."""

    path: Path
    events: int


def export_store(
    out: str | Path,
    fmt: str,
    *,
    filters: "EventFilter | None" = None,
    output: str | Path | None = None,
    acled_columns: bool = False,
) -> ExportResult:
    """Write the events stored in ``OUT/strikemap.gpkg`` (that pass ``filters``) in ``fmt``.

    Parameters
    ----------
    out
        The output folder of ``build``/``update`` (it holds the store).
    fmt
        ``geojson``, ``gpkg`` or ``csv``.
    filters
        Actors, event types and a date range (:class:`geo.store.EventFilter`).
    output
        The file to write; by default ``OUT/events-export.<ext>``.
    acled_columns
        For CSV: name and code the columns as ACLED does.

    Returns
    -------
    ExportResult
        The file written and the number of events in it.

    Examples
    --------
    >>> from geo.store import EventFilter
    >>> export_store("out", "gpkg", filters=EventFilter(actors=("russia",)))  # doctest: +SKIP
    ExportResult(path=PosixPath('out/events-export.gpkg'), events=12)
    """
    from geo.store import STORE_NAME

    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    if acled_columns and fmt != "csv":
        raise ExportError("--acled-columns applies to --format csv only")
    path = Path(output) if output is not None else default_export_path(out, fmt)
    if path.resolve() == (Path(out) / STORE_NAME).resolve():
        raise ExportError(f"refusing to overwrite the store {path} with an export")
    if fmt == "geojson":  # the store keeps each event's Feature text: no frame needed
        from geo.store import EventFilter, Store

        with Store(Path(out) / STORE_NAME, create=False, lock=False) as store:
            table = store.event_table((filters or EventFilter()).validate())
        return ExportResult(write_geojson(table, path), len(table))
    gdf = read_events(out, filters)
    return ExportResult(export_frame(gdf, fmt, path, acled_columns=acled_columns), len(gdf))
