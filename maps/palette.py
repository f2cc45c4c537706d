"""Fixed colours per actor and marker symbols per event type.

Colours are colour-blind-safe: the eight Okabe-Ito colours first, then Paul Tol's
"muted" scheme, assigned once per actor id in :data:`geo.schema.ACTORS` so that an
actor keeps its colour across maps and runs. Symbols are small SVG shapes, one per
event type, so that type stays readable without colour.

Every value here is trusted, hard-coded markup: it is the only markup the map's
JavaScript builds as HTML; article text never is.
"""
from __future__ import annotations

import re

from geo.schema import ACTORS, EVENT_TYPES

__all__ = [
    "ACTOR_COLOURS",
    "FALLBACK_COLOUR",
    "EVENT_SYMBOLS",
    "EVENT_TYPE_LABELS",
    "GEO_PRECISION_LABELS",
    "actor_colour",
    "text_colour",
    "symbol_svg",
]

#: Actor id -> fill colour (hex). Okabe-Ito, then Tol muted.
ACTOR_COLOURS: dict[str, str] = {
    "russia": "#D55E00",  # vermillion
    "syrian_government": "#0072B2",  # blue
    "us_coalition": "#56B4E9",  # sky blue
    "turkey": "#E69F00",  # orange
    "israel": "#009E73",  # bluish green
    "france": "#332288",  # indigo (Tol)
    "uk": "#882255",  # wine (Tol)
    "isis": "#000000",  # black
    "hts_nusra": "#999933",  # olive (Tol)
    "rebels": "#117733",  # green (Tol)
    "sdf_ypg": "#CC79A7",  # reddish purple
    "iran_militias": "#AA4499",  # purple (Tol)
    "hezbollah": "#F0E442",  # yellow
    "unknown": "#888888",  # grey
}

#: Colour of an actor id that is not in :data:`geo.schema.ACTORS`.
FALLBACK_COLOUR = "#BBBBBB"

assert set(ACTOR_COLOURS) == set(ACTORS), "every actor needs a fixed colour"

#: Event type -> display label.
EVENT_TYPE_LABELS: dict[str, str] = {
    "airstrike": "Airstrike",
    "drone_strike": "Drone strike",
    "missile_strike": "Missile strike",
    "shelling": "Shelling",
    "ground_offensive": "Ground offensive",
    "raid": "Raid",
    "bombing": "Bombing",
    "attack": "Attack (unspecified)",
}

#: Event type -> SVG shape drawn in a 20x20 box (fill and stroke come from the group).
EVENT_SYMBOLS: dict[str, str] = {
    "airstrike": '<path d="M10 1.5L18.5 17.5H1.5Z"/>',  # triangle
    "drone_strike": '<path d="M10 1.5L18.5 10L10 18.5L1.5 10Z"/>',  # diamond
    "missile_strike": (  # five-pointed star
        '<path d="M10 1l2.6 5.9 6.4.6-4.8 4.3 1.4 6.3L10 14.8 4.4 18.1l1.4-6.3L1 7.5l6.4-.6Z"/>'
    ),
    "shelling": '<circle cx="10" cy="10" r="7.5"/>',  # circle
    "ground_offensive": '<rect x="2.5" y="2.5" width="15" height="15"/>',  # square
    "raid": '<path d="M10 18.5L1.5 2.5H18.5Z"/>',  # triangle pointing down
    "bombing": '<path d="M6.5 1.5h7l5 5v7l-5 5h-7l-5-5v-7Z"/>',  # octagon
    "attack": '<path d="M7 1.5h6v5.5h5.5v6H13v5.5H7V13H1.5V7H7Z"/>',  # plus
}
assert set(EVENT_SYMBOLS) == set(EVENT_TYPES) == set(EVENT_TYPE_LABELS)

#: geo_precision -> what it means.
GEO_PRECISION_LABELS: dict[int, str] = {
    1: "the town or village itself",
    2: "near a place or part of a district",
    3: "only the province or region",
}

_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


def actor_colour(actor: str) -> str:
    """Return the fixed colour of an actor id.

    Examples
    --------
    >>> actor_colour("russia")
    '#D55E00'
    >>> actor_colour("someone else")
    '#BBBBBB'
    """
    colour = ACTOR_COLOURS.get(actor, FALLBACK_COLOUR)
    if not _HEX.match(colour):  # pragma: no cover - guards the constants above
        raise ValueError(f"bad colour {colour!r}")
    return colour


def text_colour(fill: str) -> str:
    """Black or white, whichever reads better on ``fill`` (WCAG relative luminance).

    Examples
    --------
    >>> text_colour("#000000"), text_colour("#F0E442")
    ('#ffffff', '#000000')
    """
    r, g, b = (int(fill[i : i + 2], 16) / 255 for i in (1, 3, 5))

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    lum = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    return "#000000" if lum > 0.179 else "#ffffff"


def symbol_svg(event_type: str, fill: str = "#666666", *, undated: bool = False, size: int = 18) -> str:
    """Return the marker symbol of an event type as an inline SVG string.

    Unknown types get the ``attack`` symbol. Undated events get a dashed dark outline.

    Examples
    --------
    >>> symbol_svg("shelling", "#000000").startswith("<svg")
    True
    """
    shape = EVENT_SYMBOLS.get(event_type, EVENT_SYMBOLS["attack"])
    if not _HEX.match(fill):
        raise ValueError(f"bad colour {fill!r}")
    stroke = 'stroke="#222222" stroke-dasharray="2.5 1.5" fill-opacity="0.55"' if undated else 'stroke="#ffffff"'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20" width="{int(size)}" height="{int(size)}">'
        f'<g fill="{fill}" {stroke} stroke-width="1.5">{shape}</g></svg>'
    )
