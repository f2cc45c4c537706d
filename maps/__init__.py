"""Layered interactive HTML maps of strike and offensive events.

``render_map`` is the entry point; each map element folium lacks is one module
(:mod:`maps.data`, :mod:`maps.actorlayer`, :mod:`maps.timeslider`, ...).
Importing :mod:`maps` imports folium; :mod:`geo` never imports :mod:`maps`.
"""
from __future__ import annotations

from maps.errors import MapAssetError, MapError, MapInputError
from maps.render import SPLITS, build_map, render_map

__all__ = ["render_map", "build_map", "SPLITS", "MapError", "MapInputError", "MapAssetError"]
