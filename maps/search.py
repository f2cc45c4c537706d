"""A client-side search over the events' place names (as written and as resolved)."""
from __future__ import annotations

from folium.template import Template

from maps.data import EventData
from maps.safe import SafeMacroElement

__all__ = ["PlaceSearch"]


class PlaceSearch(SafeMacroElement):
    """A search box that finds events by place name, zooms to them and opens a popup.

    The suggestions (an HTML ``datalist``) and the matching run in the browser over
    :class:`~maps.data.EventData`; names go in as DOM values, never as HTML. An exact
    (case-insensitive) match wins, else every place whose name contains the query.
    Only events the time filter shows are found.

    Parameters
    ----------
    data : EventData
    position : str, default "topleft"
    max_suggestions : int, default 5000

    Examples
    --------
    >>> data = EventData({"actors": [], "types": [], "days": [], "strings": [], "cols": {"lat": []}})
    >>> PlaceSearch(data).max_suggestions
    5000
    """

    _template = Template(
        """
{% macro header(this, kwargs) %}
<style>
.sm-search{background:#fff;padding:4px;font:12px/1.3 system-ui,sans-serif}
.sm-search input{width:190px;padding:3px 5px;font-size:13px}
.sm-search .sm-search-status{color:#555;max-width:200px;margin-top:2px}
.sm-search .sm-search-status:empty{display:none}
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
(function (api, map) {
  var D = api.data, C = D.cols, S = D.strings, N = C.lat.length;
  var loc = (D.tables && D.tables.loc) || {fields: [], rows: []};
  var fPlace = loc.fields.indexOf("place"), fPaw = loc.fields.indexOf("paw");
  function low(k) { return (k === undefined || k < 0) ? "" : S[k].toLowerCase(); }
  var names = {}, list = [];
  // one entry per distinct place (as resolved and as written), from the shared place table
  var rowNames = loc.rows.map(function (r) {
    [r[fPlace], r[fPaw]].forEach(function (k) {
      if (k === undefined || k < 0 || list.length >= {{ this.max_suggestions }}) return;
      var key = S[k].toLowerCase();
      if (!(key in names)) { names[key] = true; list.push(S[k]); }
    });
    return [low(r[fPlace]), low(r[fPaw])];
  });
  list.sort(function (a, b) { return a.localeCompare(b); });
  function matches(q) {
    var kind = rowNames.map(function (nm) {
      return (nm[0] === q || nm[1] === q) ? 2 : (nm[0].indexOf(q) >= 0 || nm[1].indexOf(q) >= 0) ? 1 : 0;
    });
    var exact = [], part = [];
    for (var i = 0; i < N; i++) {
      var r = C.loc ? C.loc[i] : -1;
      if (r < 0 || !kind[r] || !api.isShown(i)) continue;
      (kind[r] === 2 ? exact : part).push(i);
    }
    return exact.length ? exact : part;
  }
  var ctl = L.control({position: {{ this.position|tojson }}});
  ctl.onAdd = function () {
    var div = L.DomUtil.create("div", "sm-search leaflet-bar");
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    var id = "sm-places-" + L.Util.stamp(div);
    var input = L.DomUtil.create("input", "sm-search-input", div);
    input.type = "search"; input.placeholder = "Search a place\u2026";
    input.setAttribute("aria-label", "Search a place"); input.setAttribute("list", id);
    var dl = L.DomUtil.create("datalist", "", div); dl.id = id;
    list.forEach(function (s) { var o = document.createElement("option"); o.value = s; dl.appendChild(o); });
    var status = L.DomUtil.create("div", "sm-search-status", div);
    function go() {
      var q = input.value.trim().toLowerCase();
      if (!q) { status.textContent = ""; return; }
      var rows = matches(q);
      if (!rows.length) { status.textContent = "No shown event at \u201c" + input.value.trim() + "\u201d"; return; }
      status.textContent = rows.length + " event" + (rows.length > 1 ? "s" : "") + " found";
      var first = rows[0], m = api.marker(first), g = api.groupOf(first);
      var bounds = L.latLngBounds(rows.map(function (i) { return [C.lat[i], C.lon[i]]; }));
      if (g && map.hasLayer(g)) {
        if (bounds.getNorthEast().equals(bounds.getSouthWest())) g.zoomToShowLayer(m, function () { m.openPopup(); });
        else { map.fitBounds(bounds, {maxZoom: 12, padding: [30, 30]}); g.zoomToShowLayer(m, function () { m.openPopup(); }); }
      } else {
        map.fitBounds(bounds, {maxZoom: 11, padding: [30, 30]});
        L.popup().setLatLng([C.lat[first], C.lon[first]]).setContent(api.popupFor(first)).openOn(map);
      }
    }
    input.addEventListener("change", go);
    input.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); go(); } });
    return div;
  };
  ctl.addTo(map);
  api.search = ctl;
})({{ this.data.get_name() }}, {{ this._parent.get_name() }});
{% endmacro %}
"""
    )

    def __init__(self, data: EventData, *, position: str = "topleft", max_suggestions: int = 5000) -> None:
        super().__init__()
        self._name = "PlaceSearch"
        self.data = data
        self.position = position
        self.max_suggestions = int(max_suggestions)
