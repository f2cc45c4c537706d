"""The map's title, shown over the top of the map."""
from __future__ import annotations

from folium.template import Template

from maps.safe import SafeMacroElement

__all__ = ["MapTitle"]


class MapTitle(SafeMacroElement):
    """A title box centred over the map; the text is set with ``textContent``.

    Parameters
    ----------
    title : str
    subtitle : str, optional

    Examples
    --------
    >>> MapTitle("Strikes <2024>").title
    'Strikes <2024>'
    """

    _template = Template(
        """
{% macro header(this, kwargs) %}
<style>
.sm-title{position:absolute;z-index:1000;top:10px;left:50%;transform:translateX(-50%);pointer-events:none;
 background:rgba(255,255,255,.9);padding:4px 12px;border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.3);
 font:600 15px/1.3 system-ui,sans-serif;text-align:center;max-width:40%}
.sm-title small{display:block;font-weight:400;font-size:12px;color:#555}
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
(function (map) {
  var box = L.DomUtil.create("div", "sm-title", map.getContainer());
  box.appendChild(document.createTextNode({{ this.title|tojson }}));
  {%- if this.subtitle %}
  L.DomUtil.create("small", "", box).textContent = {{ this.subtitle|tojson }};
  {%- endif %}
})({{ this._parent.get_name() }});
{% endmacro %}
"""
    )

    def __init__(self, title: str, subtitle: str | None = None) -> None:
        super().__init__()
        self._name = "MapTitle"
        self.title = title
        self.subtitle = subtitle
