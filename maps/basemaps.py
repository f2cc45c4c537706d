"""Base maps from xyzservices: a light one first, then satellite and topographic."""
from __future__ import annotations

import urllib.parse

__all__ = ["BASEMAPS", "basemap_layers", "tile_hosts"]

#: Label -> xyzservices provider name. The first is shown when the map opens.
#: All need no API key (CARTO's tiles now do, so they are not used).
BASEMAPS: dict[str, str] = {
    "Light (Esri Light Gray)": "Esri.WorldGrayCanvas",
    "Streets (OpenStreetMap)": "OpenStreetMap.Mapnik",
    "Satellite (Esri World Imagery)": "Esri.WorldImagery",
    "Topographic (OpenTopoMap)": "OpenTopoMap",
}


def basemap_layers() -> list[tuple[str, object]]:
    """Return ``(label, folium.TileLayer)`` pairs for :data:`BASEMAPS`, the first shown.

    Examples
    --------
    >>> [label for label, _ in basemap_layers()][0]
    'Light (Esri Light Gray)'
    """
    import folium
    import xyzservices

    out = []
    for k, (label, name) in enumerate(BASEMAPS.items()):
        provider = xyzservices.providers.query_name(name)
        if provider.requires_token():  # pragma: no cover - guards BASEMAPS
            raise ValueError(f"base map {name} needs an API key")
        layer = folium.TileLayer(tiles=provider, name=label, overlay=False, control=False, show=(k == 0))
        out.append((label, layer))
    return out


def tile_hosts() -> set[str]:
    """The host names the base maps fetch tiles from (``{s}`` expanded to a/b/c/d).

    Examples
    --------
    >>> "server.arcgisonline.com" in tile_hosts()
    True
    """
    import xyzservices

    hosts = set()
    for name in BASEMAPS.values():
        provider = xyzservices.providers.query_name(name)
        url = provider.build_url(x=0, y=0, z=0, scale_factor="", fill_subdomain=False)
        host = urllib.parse.urlsplit(url).netloc
        if "{s}" in host:
            for s in provider.get("subdomains", "abc"):
                hosts.add(host.replace("{s}", s))
        else:
            hosts.add(host)
    return hosts
