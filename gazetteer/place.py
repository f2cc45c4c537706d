"""The record every gazetteer source yields: :class:`Place`."""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Place", "PRECISION_OF_FEATURE"]

#: geo_precision implied by a feature code when a source does not say.
PRECISION_OF_FEATURE: dict[str, int] = {
    "ADM1": 3, "ADM2": 2, "ADM3": 2, "ADMD": 2, "RGN": 3, "AREA": 2, "PPLX": 1, "MT": 2, "MTS": 3, "PLN": 2, "VAL": 2,
}


@dataclass(frozen=True, slots=True)
class Place:
    """One place as a source knows it.

    Attributes
    ----------
    name : str
        Canonical name.
    lat, lon : float
        WGS 84 degrees.
    country_code : str
        ISO 3166-1 alpha-2 ("SY").
    admin1 : str | None
        Governorate / first-level division in English ("Idlib"); for Syria one of
        :data:`gazetteer.admin.ADMIN1_NAMES`.
    feature_code : str
        GeoNames feature code ("PPL", "PPLA", "ADM1", "RGN", ...).
    population : int
        0 when unknown.
    geonameid : int | None
        GeoNames id where the place has one.
    alternatenames : tuple[str, ...]
        Other spellings, any script.
    source : str
        The registry name of the source it came from.
    precision : int
        1 a point place, 2 an area / district / part of a place, 3 a governorate or region.
    note : str | None
        Provenance remark, e.g. "editor's knowledge; coordinates approximate".

    Examples
    --------
    >>> Place("Kafr Zita", 35.37, 36.60, "SY", "Hama").precision
    1
    """

    name: str
    lat: float
    lon: float
    country_code: str
    admin1: str | None = None
    feature_code: str = "PPL"
    population: int = 0
    geonameid: int | None = None
    alternatenames: tuple[str, ...] = field(default_factory=tuple)
    source: str = ""
    precision: int = 1
    note: str | None = None
