"""One layer control: base maps as radio buttons, overlays in titled groups of checkboxes."""
from __future__ import annotations

import html
from collections.abc import Sequence

from folium.elements import JSCSSMixin
from folium.template import Template
from markupsafe import Markup

from maps.safe import SafeMacroElement

__all__ = ["GroupedLayerControl", "swatch_label"]


def swatch_label(label: str, colour: str | None = None, count: int | None = None) -> Markup:
    """The HTML of a layer-control entry: a colour swatch, the escaped label, a count.

    Leaflet's layer controls insert entry names as HTML, so every label goes
    through here.

    Examples
    --------
    >>> str(swatch_label("<img src=x>", "#D55E00", 3))
    '<span class="sm-swatch" style="background:#D55E00"></span>&lt;img src=x&gt; <span class="sm-n">(3)</span>'
    """
    out = ""
    if colour:
        out += f'<span class="sm-swatch" style="background:{html.escape(colour)}"></span>'
    out += html.escape(label)
    if count is not None:
        out += f' <span class="sm-n">({int(count)})</span>'
    return Markup(out)


class GroupedLayerControl(JSCSSMixin, SafeMacroElement):
    """Leaflet.groupedlayercontrol with base layers and grouped checkbox overlays.

    folium's own :class:`folium.plugins.GroupedLayerControl` leaves out the base
    layers; this one takes both, so the map has a single control.

    Parameters
    ----------
    base_layers : sequence of (label HTML, layer)
        Radio buttons; label HTML from :func:`swatch_label`.
    groups : sequence of (group title, sequence of (label HTML, layer))
        Checkbox groups, in order.
    collapsed : bool, default False
    group_checkboxes : bool, default True
        A checkbox on each group title that toggles the whole group.

    Examples
    --------
    >>> GroupedLayerControl([], []).options["collapsed"]
    False
    """

    default_js = [
        (
            "leaflet.groupedlayercontrol.min.js",
            "https://cdnjs.cloudflare.com/ajax/libs/leaflet-groupedlayercontrol/0.6.1/leaflet.groupedlayercontrol.min.js",
        ),
    ]
    default_css = [
        (
            "leaflet.groupedlayercontrol.min.css",
            "https://cdnjs.cloudflare.com/ajax/libs/leaflet-groupedlayercontrol/0.6.1/leaflet.groupedlayercontrol.min.css",
        ),
    ]

    _template = Template(
        """
{% macro header(this, kwargs) %}
<style>
.leaflet-control-layers-expanded{font:12px/1.35 system-ui,sans-serif;padding:4px 8px 4px 6px}
.leaflet-control-layers-group-label{display:block;margin-top:3px}
.leaflet-control-layers-group{margin-bottom:.3em}
.leaflet-control-layers label .sm-swatch{display:inline-block;width:11px;height:11px;border-radius:2px;
 margin:0 4px 0 2px;vertical-align:-1px;border:1px solid rgba(0,0,0,.35)}
.leaflet-control-layers .sm-n{color:#666}
.leaflet-control-layers-expanded{max-height:60vh;overflow-y:auto}
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.control.groupedLayers(
  {
  {%- for label, layer in this.base_layers %}
    {{ label|tojson }}: {{ layer.get_name() }},
  {%- endfor %}
  },
  {
  {%- for title, items in this.groups %}
    {{ title|tojson }}: {
    {%- for label, layer in items %}
      {{ label|tojson }}: {{ layer.get_name() }},
    {%- endfor %}
    },
  {%- endfor %}
  },
  {{ this.options|tojavascript }}
).addTo({{ this._parent.get_name() }});
(function (ctl, map) {
  // The plugin leaves each group's own checkbox unchecked; keep it in step with its layers.
  var box = ctl.getContainer();
  function sync() {
    box.querySelectorAll(".leaflet-control-layers-group").forEach(function (group) {
      var all = group.querySelector(".leaflet-control-layers-group-selector");
      if (!all) return;
      var inputs = group.querySelectorAll("input.leaflet-control-layers-selector"), on = 0;
      inputs.forEach(function (i) { if (i.checked) on++; });
      all.checked = inputs.length > 0 && on === inputs.length;
      all.indeterminate = on > 0 && on < inputs.length;
    });
  }
  box.addEventListener("click", function () { setTimeout(sync, 0); });
  map.on("overlayadd overlayremove layeradd layerremove", function () { setTimeout(sync, 0); });
  sync();
})({{ this.get_name() }}, {{ this._parent.get_name() }});
{% endmacro %}
"""
    )

    def __init__(
        self,
        base_layers: Sequence[tuple[str, object]],
        groups: Sequence[tuple[str, Sequence[tuple[str, object]]]],
        *,
        collapsed: bool = False,
        group_checkboxes: bool = True,
        position: str = "topright",
    ) -> None:
        super().__init__()
        self._name = "GroupedLayerControl"
        self.base_layers = [(Markup(label), layer) for label, layer in base_layers]
        self.groups = [
            (Markup(html.escape(title)), [(Markup(label), layer) for label, layer in items]) for title, items in groups
        ]
        self.options = {"collapsed": bool(collapsed), "groupCheckboxes": bool(group_checkboxes), "position": position}
