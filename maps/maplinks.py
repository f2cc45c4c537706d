"""Links between the index map and the per-actor / per-period maps."""
from __future__ import annotations

import html
import urllib.parse
from collections.abc import Sequence

from markupsafe import Markup

from maps.htmlcontrol import HtmlControl

__all__ = ["MapLinks"]


class MapLinks(HtmlControl):
    """A control listing other maps (relative links), the current one in bold.

    Parameters
    ----------
    links : sequence of (label, relative file name, is_current)
    title : str, default "Maps"
    position : str, default "bottomleft"

    Examples
    --------
    >>> ml = MapLinks([("All <events>", "index.html", False)])
    >>> 'href="index.html"' in ml.body and "All &lt;events&gt;" in ml.body
    True
    """

    style = (
        ".sm-links{background:rgba(255,255,255,.95);padding:6px 10px;font:12px/1.4 system-ui,sans-serif}"
        ".sm-links summary{font-weight:600;cursor:pointer}"
        ".sm-links ul{list-style:none;margin:2px 0 0;padding:0;max-height:30vh;overflow:auto}"
    )

    def __init__(
        self, links: Sequence[tuple[str, str, bool]], *, title: str = "Maps", position: str = "bottomleft"
    ) -> None:
        super().__init__(css_class="sm-links", position=position)
        items = []
        for label, href, current in links:
            text = html.escape(label)
            if current:
                items.append(f"<li><strong>{text}</strong></li>")
            else:
                url = html.escape(urllib.parse.quote(href, safe="/"))
                items.append(f'<li><a href="{url}">{text}</a></li>')
        self.body = Markup(
            f"<details{' open' if len(items) <= 16 else ''}><summary>{html.escape(title)}</summary>"
            f"<ul>{''.join(items)}</ul></details>"
        )
