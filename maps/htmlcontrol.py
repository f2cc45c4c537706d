"""A Leaflet control holding a block of HTML that the project built and escaped itself."""
from __future__ import annotations

from folium.template import Template

from maps.safe import SafeMacroElement

__all__ = ["HtmlControl"]


class HtmlControl(SafeMacroElement):
    """A control at ``position`` whose content is ``self.body`` (trusted, already escaped HTML).

    Subclasses set ``css_class``, ``style`` (their CSS rules) and ``body``; the body goes
    into the page as a JSON string, so it cannot break out of the script.

    Examples
    --------
    >>> c = HtmlControl("<p>hi</p>", css_class="sm-x")
    >>> c.position, c.css_class
    ('bottomleft', 'sm-x')
    """

    _template = Template(
        """
{% macro header(this, kwargs) %}
<style>{{ this.style }}</style>
{% endmacro %}
{% macro script(this, kwargs) %}
(function (map) {
  var ctl = L.control({position: {{ this.position|tojson }}});
  ctl.onAdd = function () {
    var div = L.DomUtil.create("div", {{ (this.css_class ~ " leaflet-control-layers")|tojson }});
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    div.innerHTML = {{ this.body|tojson }};
    return div;
  };
  ctl.addTo(map);
})({{ this._parent.get_name() }});
{% endmacro %}
"""
    )

    style: str = ""

    def __init__(self, body: str = "", *, css_class: str, position: str = "bottomleft") -> None:
        super().__init__()
        self._name = type(self).__name__
        self.css_class = css_class
        self.position = position
        self.body = body
