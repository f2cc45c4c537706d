"""Points for the parts of a governorate that news names: "eastern Idlib", "the northern
countryside of Hama", "the eastern edge of the province".

When a village is unknown but the text says in which part of a governorate it lies, the
governorate's centroid is a poor point: the northern countryside of Hama is 30-40 km from
it. A *sector point* is the mean of the governorate's known populated places that lie
furthest in that direction (the outer third along it), so it follows the governorate's
real shape and settlement pattern, and improves as bigger gazetteers are imported. It is
still only a governorate-level answer (``geo_precision`` 3).

Parsing (:func:`direction_of`) is kept apart from the geometry (:func:`sector_centre`).
"""
from __future__ import annotations

import math
import re
from collections.abc import Sequence

__all__ = ["DIRECTIONS", "direction_of", "direction_adjective", "sector_centre"]

#: Unit vectors (north, east) of the eight directions, by canonical name.
DIRECTIONS: dict[str, tuple[float, float]] = {
    "north": (1.0, 0.0), "south": (-1.0, 0.0), "east": (0.0, 1.0), "west": (0.0, -1.0),
    "north-east": (math.sqrt(0.5), math.sqrt(0.5)), "north-west": (math.sqrt(0.5), -math.sqrt(0.5)),
    "south-east": (-math.sqrt(0.5), math.sqrt(0.5)), "south-west": (-math.sqrt(0.5), -math.sqrt(0.5)),
}

_DIR_RE = re.compile(r"^(north|south)?[\s\-]?(east|west)?(?:ern)?$")


def direction_of(word: str | None) -> str | None:
    """The canonical direction a word names ("northern" -> "north", "north-eastern",
    "northeast", "north east" -> "north-east"), else None.

    Examples
    --------
    >>> [direction_of(w) for w in ("northern", "Southeastern", "north-west", "south west", "east", "central")]
    ['north', 'south-east', 'north-west', 'south-west', 'east', None]
    """
    if not word:
        return None
    m = _DIR_RE.match(word.strip().lower())
    if not m or not (m.group(1) or m.group(2)):
        return None
    ns, ew = m.group(1), m.group(2)
    return f"{ns}-{ew}" if ns and ew else (ns or ew)


def direction_adjective(direction: str) -> str:
    """"north" -> "northern", "south-east" -> "south-eastern".

    >>> direction_adjective("south-east")
    'south-eastern'
    """
    return direction + "ern"


def sector_centre(points: Sequence[tuple[float, float]], direction: str,
                  share: float = 1 / 3, min_points: int = 3) -> tuple[float, float] | None:
    """The mean of the ``share`` of ``points`` that lie furthest in ``direction``.

    Parameters
    ----------
    points : sequence of (lat, lon)
        The populated places of one governorate.
    direction : str
        A key of :data:`DIRECTIONS`.
    share : float
        The outer part of the points kept (a third by default).
    min_points : int
        Fewer points than this give None (too few to say where a part lies).

    Returns
    -------
    (lat, lon) or None

    Examples
    --------
    >>> pts = [(35.0, 36.0), (35.5, 36.0), (36.0, 36.0)]
    >>> sector_centre(pts, "north")
    (36.0, 36.0)
    >>> sector_centre(pts, "up") is None, sector_centre(pts[:2], "north") is None
    (True, True)
    """
    vec = DIRECTIONS.get(direction)
    if vec is None or len(points) < min_points:
        return None
    lat0 = sum(p[0] for p in points) / len(points)
    k = math.cos(math.radians(lat0))
    # order by the projection on the direction, in a local metric frame (degrees of longitude shrink)
    ranked = sorted(points, key=lambda p: p[0] * vec[0] + p[1] * k * vec[1], reverse=True)
    keep = ranked[: max(1, round(len(ranked) * share))]
    return (round(sum(p[0] for p in keep) / len(keep), 5), round(sum(p[1] for p in keep) / len(keep), 5))
