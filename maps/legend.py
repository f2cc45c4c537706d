"""The legend: actor colours and event-type symbols, and how undated events look."""
from __future__ import annotations

import html
from collections.abc import Sequence

from markupsafe import Markup

from maps.palette import symbol_svg
from maps.htmlcontrol import HtmlControl

__all__ = ["Legend"]


class Legend(HtmlControl):
    """A collapsible legend control built from the map's own actors and event types.

    All text is HTML-escaped here; colours and symbols are the trusted constants of
    :mod:`maps.palette`.

    Parameters
    ----------
    actors : sequence of (id, label, colour, count)
    types : sequence of (id, label)
    has_undated : bool
        Whether to explain the dashed outline of undated events.
    position : str, default "bottomright"

    Examples
    --------
    >>> lg = Legend([("russia", "Russia <b>", "#D55E00", 3)], [("airstrike", "Airstrike")], True)
    >>> "Russia &lt;b&gt;" in lg.body
    True
    """

    style = (
        ".sm-legend{background:rgba(255,255,255,.95);padding:6px 10px;font:12px/1.4 system-ui,sans-serif;max-height:45vh;overflow:auto}"
        ".sm-legend summary{font-weight:600;cursor:pointer}"
        ".sm-legend h4{margin:4px 0 2px;font-size:12px}"
        ".sm-legend ul{list-style:none;margin:0;padding:0}"
        ".sm-legend li{display:flex;align-items:center;gap:6px;white-space:nowrap}"
        ".sm-legend .sm-swatch{margin-right:0}"
        ".sm-legend svg{flex:none}"
        ".sm-legend .sm-n{color:#666}"
    )

    def __init__(
        self,
        actors: Sequence[tuple[str, str, str, int]],
        types: Sequence[tuple[str, str]],
        has_undated: bool,
        *,
        position: str = "bottomright",
    ) -> None:
        super().__init__(css_class="sm-legend", position=position)
        parts = ['<details open><summary>Legend</summary>']
        if actors:
            parts.append("<h4>Actors</h4><ul>")
            for _id, label, colour, count in actors:
                parts.append(
                    f'<li><span class="sm-swatch" style="background:{html.escape(colour)}"></span>'
                    f'{html.escape(label)} <span class="sm-n">({int(count)})</span></li>'
                )
            parts.append("</ul>")
        if types:
            parts.append("<h4>Event types</h4><ul>")
            for type_id, label in types:
                parts.append(f"<li>{symbol_svg(type_id, '#666666', size=14)}{html.escape(label)}</li>")
            parts.append("</ul>")
        if has_undated:
            parts.append(
                f"<h4>Dates</h4><ul><li>{symbol_svg('shelling', '#666666', undated=True, size=14)}"
                "undated: shown at every date</li></ul>"
            )
        if not actors and not types:
            parts.append("<p>No events to show.</p>")
        parts.append("</details>")
        self.body = Markup("".join(parts))
