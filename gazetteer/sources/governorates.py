"""Source: Syria's 14 governorates as ADM1 places (``data/governorates.json``)."""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from importlib import resources

from gazetteer.admin import governorates
from gazetteer.place import Place

__all__ = ["GovernorateSource"]


class GovernorateSource:
    """The governorates of Syria with their English spellings, precision 3.

    Examples
    --------
    >>> places = list(GovernorateSource().places())
    >>> len(places), places[0].feature_code, places[0].precision
    (14, 'ADM1', 3)
    """

    name = "governorates"

    def version(self) -> str:
        raw = resources.files("gazetteer").joinpath("data/governorates.json").read_bytes()
        return hashlib.sha256(raw).hexdigest()[:16]

    def places(self) -> Iterator[Place]:
        for g in governorates():
            yield Place(
                name=g.admin1, lat=g.lat, lon=g.lon, country_code="SY", admin1=g.admin1, feature_code="ADM1",
                population=0, geonameid=g.geonameid, alternatenames=g.aliases, source=self.name, precision=3,
                note="governorate; centroid approximate",
            )
