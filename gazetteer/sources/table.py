"""Source: a table of places -- CSV, GeoJSON, GeoPackage or shapefile with a name column.

The OCHA / IOM gazetteers look like this: a name column, other name columns
(Arabic, other spellings), admin names, and point geometry (or lat/lon columns in a CSV).
Columns are detected by name unless given.
"""
from __future__ import annotations

import csv
import hashlib
import math
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from gazetteer.admin import governorate_for_name
from gazetteer.errors import SourceFormatError
from gazetteer.place import Place

__all__ = ["TableSource", "NAME_COLUMNS", "ADMIN1_COLUMNS"]

NAME_COLUMNS = ("name", "name_en", "location_name", "placename", "place_name", "adm4_name", "adm4_en",
                "admin4name_en", "hot_name_en", "featurename", "town", "village", "nom")
ADMIN1_COLUMNS = ("admin1", "adm1_name", "adm1_en", "admin1name_en", "admin1name", "governorate", "province", "muhafaza")
ADMIN2_COLUMNS = ("admin2", "adm2_name", "adm2_en", "admin2name_en", "district")
LAT_COLUMNS = ("lat", "latitude", "y", "lat_y", "point_y")
LON_COLUMNS = ("lon", "lng", "long", "longitude", "x", "lon_x", "point_x")
COUNTRY_COLUMNS = ("country_code", "countrycode", "iso2", "country")
_ALT_HINTS = ("name", "alt", "ar", "arabic", "latin", "spelling")
_NOT_ALT = ("pcode", "source", "status", "type", "index", "score", "id", "rank", "order")


def _pick(columns: Sequence[str], wanted: Sequence[str]) -> str | None:
    low = {c.lower(): c for c in columns}
    for w in wanted:
        if w in low:
            return low[w]
    return None


class TableSource:
    """Places from a CSV / GeoJSON / GeoPackage / shapefile.

    Parameters
    ----------
    path : path-like
        The file.
    name_column, admin1_column : str, optional
        Detected when omitted (see :data:`NAME_COLUMNS`, :data:`ADMIN1_COLUMNS`).
    alt_columns : sequence of str, optional
        Columns with other spellings; detected (columns whose name says "name", "alt",
        "arabic", "latin") when omitted. Cells may hold several names separated by ``|`` or ``;``.
    country_code : str
        For rows without a country column ("SY").
    layer : str, optional
        Layer of a GeoPackage.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "p.csv"
    >>> _ = f.write_text("name,name_ar,adm1_name,lat,lon\\nKafr X,كفر,Hama,35.1,36.2\\n", encoding="utf-8")
    >>> [(p.name, p.admin1, p.alternatenames) for p in TableSource(f).places()]
    [('Kafr X', 'Hama', ('كفر',))]
    """

    name = "table"

    def __init__(
        self,
        path: str | os.PathLike[str],
        name_column: str | None = None,
        alt_columns: Sequence[str] | None = None,
        admin1_column: str | None = None,
        country_code: str = "SY",
        layer: str | None = None,
    ) -> None:
        self.path = Path(path)
        self.name_column = name_column
        self.alt_columns = tuple(alt_columns) if alt_columns is not None else None
        self.admin1_column = admin1_column
        self.country_code = country_code
        self.layer = layer

    def version(self) -> str:
        st = self.path.stat()
        key = f"{self.path.resolve()}:{st.st_size}:{st.st_mtime_ns}:{self.name_column}:{self.alt_columns}:{self.admin1_column}:{self.layer}"
        return hashlib.sha256(key.encode()).hexdigest()[:16]

    def _records(self) -> tuple[list[str], Iterator[tuple[dict, float | None, float | None]]]:
        suffix = self.path.suffix.lower()
        if suffix == ".csv":
            fh = open(self.path, encoding="utf-8-sig", newline="")
            reader = csv.DictReader(fh)
            columns = list(reader.fieldnames or [])
            lat_c, lon_c = _pick(columns, LAT_COLUMNS), _pick(columns, LON_COLUMNS)
            if not lat_c or not lon_c:
                fh.close()
                raise SourceFormatError(f"{self.path}: a CSV of places needs latitude and longitude columns (lat/lon)")

            def rows() -> Iterator[tuple[dict, float | None, float | None]]:
                with fh:
                    for row in reader:
                        try:
                            yield row, float(row[lat_c]), float(row[lon_c])
                        except (TypeError, ValueError):
                            yield row, None, None

            return columns, rows()
        try:
            import pyogrio
        except ImportError as err:  # pragma: no cover - pyogrio is a dependency
            raise SourceFormatError(f"{self.path}: reading {suffix} needs pyogrio") from err
        try:
            df = pyogrio.read_dataframe(self.path, layer=self.layer)
        except Exception as err:  # noqa: BLE001 - GDAL raises many types; re-raised precisely
            raise SourceFormatError(f"{self.path}: cannot read: {err}") from err
        if df.crs is not None and not df.crs.equals("EPSG:4326"):
            df = df.to_crs("EPSG:4326")
        columns = [c for c in df.columns if c != "geometry"]

        def geo_rows() -> Iterator[tuple[dict, float | None, float | None]]:
            for rec, geom in zip(df[columns].to_dict("records"), df.geometry):
                if geom is None or geom.is_empty:
                    yield rec, None, None
                    continue
                pt = geom if geom.geom_type == "Point" else geom.representative_point()
                yield rec, pt.y, pt.x

        return columns, geo_rows()

    def places(self) -> Iterator[Place]:
        columns, rows = self._records()
        name_c = self.name_column or _pick(columns, NAME_COLUMNS)
        if not name_c or name_c not in columns:
            raise SourceFormatError(f"{self.path}: no name column (tried {', '.join(NAME_COLUMNS)}); pass name_column")
        admin_c = self.admin1_column or _pick(columns, ADMIN1_COLUMNS)
        country_c = _pick(columns, COUNTRY_COLUMNS)
        if self.alt_columns is not None:
            alt_cs = list(self.alt_columns)
        else:
            alt_cs = [
                c for c in columns
                if c != name_c and c != admin_c and c.lower() not in ADMIN1_COLUMNS + ADMIN2_COLUMNS
                and any(h in c.lower() for h in _ALT_HINTS) and not any(x in c.lower() for x in _NOT_ALT)
                and not c.lower().startswith(("adm1", "adm2", "adm3", "hot_adm", "admin"))
            ]
        for rec, lat, lon in rows:
            name = str(rec.get(name_c) or "").strip()
            if not name or lat is None or lon is None or math.isnan(lat) or math.isnan(lon):
                continue
            alts: list[str] = []
            for c in alt_cs:
                val = rec.get(c)
                if isinstance(val, str):
                    for a in val.replace(";", "|").split("|"):
                        a = a.strip()
                        if a and a != name and a not in alts:
                            alts.append(a)
            admin_raw = str(rec.get(admin_c) or "").strip() if admin_c else ""
            cc = str(rec.get(country_c) or "").strip().upper()[:2] if country_c else ""
            cc = cc if len(cc) == 2 else self.country_code
            admin1 = governorate_for_name(admin_raw) if cc == "SY" and admin_raw else (admin_raw or None)
            yield Place(
                name=name, lat=float(lat), lon=float(lon), country_code=cc, admin1=admin1, feature_code="PPL",
                alternatenames=tuple(alts), source=f"{self.name}:{self.path.name}", precision=1,
            )
