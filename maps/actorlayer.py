"""One clustered marker layer per actor, fed from :class:`~maps.data.EventData`."""
from __future__ import annotations

from typing import Any

from folium.elements import JSCSSMixin
from folium.map import Layer
from folium.template import Template

from maps.data import EventData
from maps.safe import SafeMacroElement

__all__ = ["ActorLayer", "MARKERCLUSTER_JS", "MARKERCLUSTER_CSS"]

MARKERCLUSTER_JS = [
    (
        "markerclusterjs",
        "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/leaflet.markercluster.js",
    ),
]
MARKERCLUSTER_CSS = [
    ("markerclustercss", "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.css"),
]


class ActorLayer(JSCSSMixin, Layer, SafeMacroElement):
    """The events of one actor as an ``L.markerClusterGroup({chunkedLoading: true})``.

    The markers are not in the page: :class:`~maps.data.EventData` creates them from
    the compact data for the events the time filter shows, so the layer scales to
    100,000 events and its checkbox in the layer control still hides exactly this
    actor's markers. Clusters take the actor's colour.

    Parameters
    ----------
    data : EventData
        The map's event data (already added to the map).
    actor_index : int
        Index of the actor in ``data.payload["actors"]``.
    name : str, optional
        Layer name (the layer control shows its own label; see
        :class:`~maps.layercontrol.GroupedLayerControl`).
    show : bool, default True
        Whether the layer is on when the map opens.
    max_cluster_radius : int, default 45
        ``maxClusterRadius`` of Leaflet.markercluster, in pixels.

    Examples
    --------
    >>> data = EventData({"actors": [["russia", "Russia", "#D55E00", "#000000"]], "types": [],
    ...                   "days": [], "strings": [], "cols": {"lat": []}})
    >>> ActorLayer(data, 0).layer_name
    'Russia'
    """

    default_js = MARKERCLUSTER_JS
    default_css = MARKERCLUSTER_CSS

    _template = Template(
        """
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = {{ this.data.get_name() }}.registerActor(
    {{ this.actor_index }},
    {{ this.data.get_name() }}.clusterGroup({{ this.actor_index }}, {{ this.options|tojavascript }})
);
{% endmacro %}
"""
    )

    def __init__(
        self,
        data: EventData,
        actor_index: int,
        *,
        name: str | None = None,
        show: bool = True,
        max_cluster_radius: int = 45,
    ) -> None:
        actor = data.payload["actors"][actor_index]
        super().__init__(name=name or actor[1], overlay=True, control=False, show=show)
        self._name = "ActorLayer"
        self.data = data
        self.actor_index = int(actor_index)
        self.actor_id: str = actor[0]
        self.colour: str = actor[2]
        self.options: dict[str, Any] = {
            "chunkedLoading": True,
            "showCoverageOnHover": False,
            "maxClusterRadius": int(max_cluster_radius),
            "spiderfyOnMaxZoom": True,
        }
