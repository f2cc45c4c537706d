"""Fit the map to the events at once (no pan animation)."""
from __future__ import annotations

from collections.abc import Sequence

from folium.template import Template

from maps.safe import SafeMacroElement

__all__ = ["FitView"]


class FitView(SafeMacroElement):
    """``map.fitBounds(bounds, {animate: false, ...})``, to run before any layer is added.

    folium's :class:`~folium.map.FitBounds` animates the move, and the ``moveend``
    it fires later lands in the middle of the clusters' chunked loading.

    Parameters
    ----------
    bounds : ((south, west), (north, east))
    padding : int, default 30
        Pixels kept free around the bounds.
    max_zoom : int, default 11

    Examples
    --------
    >>> FitView(((32.3, 35.6), (37.3, 42.4))).bounds
    [[32.3, 35.6], [37.3, 42.4]]
    """

    _template = Template(
        """
{% macro script(this, kwargs) %}
{{ this._parent.get_name() }}.fitBounds({{ this.bounds|tojson }},
    {padding: [{{ this.padding }}, {{ this.padding }}], maxZoom: {{ this.max_zoom }}, animate: false});
{% endmacro %}
"""
    )

    def __init__(self, bounds: Sequence[Sequence[float]], *, padding: int = 30, max_zoom: int = 11) -> None:
        super().__init__()
        self._name = "FitView"
        self.bounds = [[float(v) for v in corner] for corner in bounds]
        self.padding = int(padding)
        self.max_zoom = int(max_zoom)
