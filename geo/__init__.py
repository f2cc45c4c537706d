"""strikemap's core: reading articles, extracting events, the events table, exports, store and CLI.

The library API (the CLI only wraps it)::

    from geo.pipeline import extract_frame, build
    gdf = extract_frame(["seeds"])        # events as a GeoDataFrame, EPSG:4326
    build(["seeds"], "out")               # events.geojson, index.html, strikemap.gpkg
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

__all__ = ["__version__"]

try:
    __version__ = version("strikemap")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"
