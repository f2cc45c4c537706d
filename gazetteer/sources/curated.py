"""Source: the curated file ``data/curated.csv`` of regions, areas and frontline places.

Rows with coordinates are places GeoNames lacks as points (Eastern Ghouta, Qalamoun,
Jabal al-Zawiya, ...) or villages missing from cities500. Rows with ``alias_of`` and no
coordinates add journalists' spellings to a GeoNames place (matched by name and admin1
when the index is built). Every row carries a ``source`` note.
"""
from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterator
from importlib import resources

from gazetteer.place import Place

__all__ = ["CuratedSource", "CURATED_COLUMNS"]

CURATED_COLUMNS = (
    "name", "alternatenames", "lat", "lon", "country_code", "admin1", "feature_code", "precision", "alias_of", "source",
)


class CuratedSource:
    """Places and aliases from the packaged curated CSV (or another file of that shape).

    Alias rows are yielded as places with NaN coordinates and ``feature_code="ALIAS"``,
    ``note`` holding the GeoNames name they belong to.

    Examples
    --------
    >>> places = list(CuratedSource().places())
    >>> any(p.name == "Eastern Ghouta" and p.admin1 == "Rif Dimashq" for p in places)
    True
    """

    name = "curated"

    def __init__(self, path: str | None = None) -> None:
        self.path = path

    def _text(self) -> str:
        if self.path:
            with open(self.path, encoding="utf-8") as fh:
                return fh.read()
        return resources.files("gazetteer").joinpath("data/curated.csv").read_text("utf-8")

    def version(self) -> str:
        return hashlib.sha256(self._text().encode()).hexdigest()[:16]

    def places(self) -> Iterator[Place]:
        for row in csv.DictReader(io.StringIO(self._text())):
            alts = tuple(a.strip() for a in (row.get("alternatenames") or "").split("|") if a.strip())
            if row.get("alias_of"):
                yield Place(
                    name=row["name"], lat=float("nan"), lon=float("nan"), country_code=row["country_code"] or "SY",
                    admin1=row.get("admin1") or None, feature_code="ALIAS", alternatenames=alts, source=self.name,
                    note=row["alias_of"],
                )
                continue
            yield Place(
                name=row["name"], lat=float(row["lat"]), lon=float(row["lon"]), country_code=row["country_code"] or "SY",
                admin1=row.get("admin1") or None, feature_code=row.get("feature_code") or "PPL",
                alternatenames=alts, source=self.name, precision=int(row.get("precision") or 1),
                note=row.get("source") or "editor's knowledge; coordinates approximate",
            )
