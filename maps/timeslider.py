"""A from/to date slider that drives every actor layer (and the heatmap) together."""
from __future__ import annotations

from folium.template import Template

from maps.data import EventData
from maps.safe import SafeMacroElement

__all__ = ["TimeSlider"]


class TimeSlider(SafeMacroElement):
    """A Leaflet control with two range inputs over the events' distinct dates.

    It shows the chosen date range and how many events are shown, and has a checkbox
    for undated events (on by default: they stay visible at every date and their
    markers have a dashed outline). Moving a handle re-filters
    :class:`~maps.data.EventData`, which rebuilds every registered layer.

    Parameters
    ----------
    data : EventData
    position : str, default "bottomleft"
    delay_ms : int, default 150
        How long the slider waits after the last move before re-filtering.

    Examples
    --------
    >>> data = EventData({"actors": [], "types": [], "days": [], "strings": [], "cols": {"lat": []}})
    >>> TimeSlider(data).position
    'bottomleft'
    """

    _template = Template(
        """
{% macro header(this, kwargs) %}
<style>
.sm-timeslider{background:rgba(255,255,255,.95);padding:6px 10px;font:12px/1.3 system-ui,sans-serif;min-width:250px}
.sm-timeslider .sm-ts-title{font-weight:600;margin-bottom:2px}
.sm-timeslider .sm-ts-range{font-size:13px;margin-bottom:3px}
.sm-timeslider label{display:flex;align-items:center;gap:6px;margin:1px 0}
.sm-timeslider label span{width:2.5em;color:#555}
.sm-timeslider input[type=range]{flex:1;margin:2px 0}
.sm-timeslider .sm-ts-count{color:#555;margin-top:2px}
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
(function (api, map) {
  var D = api.data, ND = D.days.length;
  var ctl = L.control({position: {{ this.position|tojson }}});
  ctl.onAdd = function () {
    var div = L.DomUtil.create("div", "sm-timeslider leaflet-control-layers");
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    L.DomUtil.create("div", "sm-ts-title", div).textContent = "Event dates";
    var range = L.DomUtil.create("div", "sm-ts-range", div);
    function slider(label, value) {
      var row = L.DomUtil.create("label", "", div);
      L.DomUtil.create("span", "", row).textContent = label;
      var input = L.DomUtil.create("input", "sm-ts-" + label, row);
      input.type = "range"; input.min = 0; input.max = Math.max(ND - 1, 0); input.step = 1;
      input.value = value; input.disabled = ND < 2;
      input.setAttribute("aria-label", label + " date");
      return input;
    }
    var from = slider("from", 0), to = slider("to", Math.max(ND - 1, 0));
    var urow = L.DomUtil.create("label", "", div);
    var und = L.DomUtil.create("input", "sm-ts-undated", urow);
    und.type = "checkbox"; und.checked = true;
    var ulabel = L.DomUtil.create("em", "", urow);
    var count = L.DomUtil.create("div", "sm-ts-count", div);
    function label() {
      range.textContent = ND ? D.days[+from.value] + " \u2013 " + D.days[+to.value] : "no dated events";
    }
    var timer = null;
    function apply() {
      clearTimeout(timer); timer = null;
      api.setFilter(+from.value, +to.value, und.checked);
    }
    function moved(e) {
      if (+from.value > +to.value) { if (e.target === from) to.value = from.value; else from.value = to.value; }
      label();
      clearTimeout(timer);
      timer = setTimeout(apply, {{ this.delay_ms }});
    }
    [from, to].forEach(function (input) {
      input.addEventListener("input", moved);
      input.addEventListener("change", function (e) { moved(e); apply(); });
    });
    und.addEventListener("change", apply);
    api.onChange(function (inf) {
      ulabel.textContent = "undated events (" + inf.undated + "), shown at every date";
      count.textContent = inf.shown + " of " + inf.total + " events shown";
    });
    label();
    return div;
  };
  ctl.addTo(map);
  api.timeSlider = ctl;
})({{ this.data.get_name() }}, {{ this._parent.get_name() }});
{% endmacro %}
"""
    )

    def __init__(self, data: EventData, *, position: str = "bottomleft", delay_ms: int = 150) -> None:
        super().__init__()
        self._name = "TimeSlider"
        self.data = data
        self.position = position
        self.delay_ms = int(delay_ms)
