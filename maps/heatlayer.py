"""An optional heatmap of the events the time filter shows."""
from __future__ import annotations

from typing import Any

from folium.elements import JSCSSMixin
from folium.map import Layer
from folium.template import Template

from maps.data import EventData
from maps.safe import SafeMacroElement

__all__ = ["EventHeatLayer"]


class EventHeatLayer(JSCSSMixin, Layer, SafeMacroElement):
    """A Leaflet.heat layer over the shown events, rebuilt when the time slider moves.

    Uses the same script as :class:`folium.plugins.HeatMap`, but takes its points
    from :class:`~maps.data.EventData` instead of embedding them a second time.

    Parameters
    ----------
    data : EventData
        The map's event data.
    name : str, default "Heatmap"
    show : bool, default False
    radius, blur : int
        Leaflet.heat options, in pixels.

    Examples
    --------
    >>> data = EventData({"actors": [], "types": [], "days": [], "strings": [], "cols": {"lat": []}})
    >>> EventHeatLayer(data).show
    False
    """

    default_js = [
        (
            "leaflet-heat.js",
            "https://cdn.jsdelivr.net/gh/python-visualization/folium@main/folium/templates/leaflet_heat.min.js",
        ),
    ]

    _template = Template(
        """
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = {{ this.data.get_name() }}.registerHeat(L.heatLayer([], {{ this.options|tojavascript }}));
{% endmacro %}
"""
    )

    def __init__(
        self, data: EventData, *, name: str = "Heatmap", show: bool = False, radius: int = 18, blur: int = 15
    ) -> None:
        super().__init__(name=name, overlay=True, control=False, show=show)
        self._name = "EventHeatLayer"
        self.data = data
        self.options: dict[str, Any] = {"radius": int(radius), "blur": int(blur), "minOpacity": 0.3, "maxZoom": 12}
