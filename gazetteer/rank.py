"""Ranking candidate places for a name in the light of its context.

Pure functions over :class:`Candidate` records: no index, no I/O. The score mixes match
quality, country focus, agreement with the governorate the context names, coherence
with other places of the same article, and importance (capital, governorate seat,
population, feature class).
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from gazetteer.place import Place

__all__ = ["Candidate", "Context", "rank", "haversine_km", "NEIGHBOURS", "WEIGHTS"]

#: Countries next to Syria: a small bonus when Syria is the focus.
NEIGHBOURS = frozenset({"IQ", "LB", "TR", "JO", "IL", "PS"})

#: Weights of the score's parts; they sum to 1.
WEIGHTS = {"quality": 0.50, "country": 0.18, "admin": 0.12, "coherence": 0.12, "importance": 0.08}

_FEATURE_IMPORTANCE = {"PPLC": 1.0, "PPLA": 0.85, "ADM1": 0.75, "PPLA2": 0.6, "PPLA3": 0.45, "RGN": 0.5, "MTS": 0.5,
                       "PLN": 0.45, "AIRB": 0.45, "AIRP": 0.45, "PPLX": 0.35, "MILB": 0.4}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place that might be meant, with how well its name matched (0..1) and how."""

    place: Place
    quality: float
    how: str  # "exact", "variant", "fuzzy", "online"


@dataclass(frozen=True)
class Context:
    """What the surroundings of a name say.

    Attributes
    ----------
    country : str | None
        Country focus ("SY"); None for no preference.
    admin1 : str | None
        The governorate the context names most firmly.
    allowed_admin1 : frozenset[str] | None
        When set, a Syrian place must lie in one of these (a firm statement of the context).
    countries : tuple[str, ...]
        Countries the text names ("in Iraq").
    near : tuple[tuple[float, float], ...]
        Other places of the same article.
    """

    country: str | None = "SY"
    admin1: str | None = None
    allowed_admin1: frozenset[str] | None = None
    countries: tuple[str, ...] = ()
    near: tuple[tuple[float, float], ...] = ()


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres.

    >>> round(haversine_km(33.51, 36.29, 36.20, 37.16))
    309
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


_IMPORTANCE: dict[tuple[str, int], float] = {}


def _importance(p: Place) -> float:
    key = (p.feature_code, p.population)
    v = _IMPORTANCE.get(key)
    if v is None:
        base = _FEATURE_IMPORTANCE.get(p.feature_code, 0.2)
        pop = min(1.0, math.log10(p.population + 1) / 6.5) if p.population else 0.0
        v = max(base, 0.25 + 0.75 * pop if p.population else base)
        if len(_IMPORTANCE) < 200_000:
            _IMPORTANCE[key] = v
    return v


def _coherence(p: Place, near: Sequence[tuple[float, float]]) -> float:
    if not near:
        return 0.5
    d = min(haversine_km(p.lat, p.lon, lat, lon) for lat, lon in near)
    if d < 25:
        return 1.0
    if d < 75:
        return 0.8
    if d < 150:
        return 0.6
    if d < 300:
        return 0.35
    return 0.0


def _country(p: Place, ctx: Context) -> float:
    if ctx.countries and p.country_code in ctx.countries and p.country_code != ctx.country:
        return 0.9
    if ctx.country is None:
        return 0.5
    if p.country_code == ctx.country:
        return 1.0
    if ctx.country == "SY" and p.country_code in NEIGHBOURS:
        return 0.45
    return 0.0


def _admin(p: Place, ctx: Context) -> float:
    if ctx.admin1 is None:
        return 0.5
    if p.admin1 == ctx.admin1:
        return 1.0
    if ctx.allowed_admin1 and p.admin1 in ctx.allowed_admin1:
        return 0.8
    return 0.1


def admissible(p: Place, ctx: Context) -> bool:
    """False when the context firmly puts the place in another governorate."""
    if ctx.allowed_admin1 is None:
        return True
    return p.country_code == "SY" and p.admin1 in ctx.allowed_admin1


def rank(cands: Sequence[Candidate], ctx: Context) -> list[tuple[float, Candidate]]:
    """Score and sort candidates, best first; inadmissible ones are dropped.

    Examples
    --------
    >>> a = Candidate(Place("Babila", 33.47, 36.33, "SY", "Rif Dimashq"), 1.0, "exact")
    >>> b = Candidate(Place("Babila", 35.60, 36.60, "SY", "Idlib"), 1.0, "exact")
    >>> [c.place.admin1 for _, c in rank([a, b], Context(admin1="Idlib", allowed_admin1=frozenset({"Idlib"})))]
    ['Idlib']
    """
    w = WEIGHTS
    wq, wc, wa, wh, wi = w["quality"], w["country"], w["admin"], w["coherence"], w["importance"]
    allowed, near = ctx.allowed_admin1, ctx.near
    # the parts that depend only on the context, once per call
    admin_none = wa * 0.5 if ctx.admin1 is None else None
    coh_none = wh * 0.5 if not near else None
    out = []
    for c in cands:
        p = c.place
        if allowed is not None and not (p.country_code == "SY" and p.admin1 in allowed):
            continue
        s = wq * c.quality + wc * _country(p, ctx) + wi * _importance(p)
        s += admin_none if admin_none is not None else wa * _admin(p, ctx)
        s += coh_none if coh_none is not None else wh * _coherence(p, near)
        out.append((round(min(1.0, max(0.0, s)), 4), c))
    if len(out) > 1:
        out.sort(key=lambda sc: (-sc[0], -sc[1].quality, -sc[1].place.population, sc[1].place.name))
    return out
