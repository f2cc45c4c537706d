"""Source: a GeoNames dump (``SY.txt``, ``SY.zip``, ``allCountries.zip``, ``cities500.txt``).

The 19-column tab-separated format of download.geonames.org/export/dump, optionally with
``alternateNamesV2.txt`` (or a zip holding it) for more spellings. Parsing is separate
from the index: :func:`parse_dump_line` turns one line into a :class:`Place`.
"""
from __future__ import annotations

import hashlib
import io
import os
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from gazetteer.admin import admin1_from_code
from gazetteer.errors import SourceFormatError
from gazetteer.place import PRECISION_OF_FEATURE, Place

__all__ = ["GeonamesDumpSource", "parse_dump_line", "read_alternate_names"]

#: Language codes of alternateNamesV2 rows that are not names (links, codes).
_NOT_NAMES = frozenset({"link", "post", "iata", "icao", "faac", "abbr", "wkdt", "unlc", "tcid", "fr_1793"})


def _precision(fclass: str, fcode: str) -> int:
    if fclass == "P":
        return 1
    if fcode in PRECISION_OF_FEATURE:
        return PRECISION_OF_FEATURE[fcode]
    return 2 if fclass in ("A", "L", "T", "H", "V") else 1


def parse_dump_line(line: str, source: str = "geonames_dump") -> Place | None:
    """One GeoNames dump line as a :class:`Place`; None for a blank or comment line.

    Raises
    ------
    SourceFormatError
        When the line does not have 19 tab-separated columns or bad coordinates.

    Examples
    --------
    >>> row = "1\\tKafr X\\tKafr X\\tKfar X,Kafar X\\t35.1\\t36.2\\tP\\tPPL\\tSY\\t\\t10\\t\\t\\t\\t500\\t\\t300\\tAsia/Damascus\\t2020-01-01"
    >>> p = parse_dump_line(row)
    >>> (p.name, p.admin1, p.alternatenames, p.population)
    ('Kafr X', 'Hama', ('Kfar X', 'Kafar X'), 500)
    """
    line = line.rstrip("\r\n")
    if not line or line.startswith("#"):
        return None
    cols = line.split("\t")
    if len(cols) < 19:
        raise SourceFormatError(f"expected 19 tab-separated GeoNames columns, got {len(cols)}")
    try:
        gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
        pop = int(cols[14] or 0)
    except ValueError as err:
        raise SourceFormatError(f"bad GeoNames row {cols[0]!r}: {err}") from err
    cc, fclass, fcode = cols[8], cols[6], cols[7]
    alts = tuple(a for a in cols[3].split(",") if a) if cols[3] else ()
    return Place(
        name=cols[1], lat=lat, lon=lon, country_code=cc, admin1=admin1_from_code(cols[10], cc),
        feature_code=fcode or fclass, population=pop, geonameid=gid, alternatenames=alts, source=source,
        precision=_precision(fclass, fcode),
    )


@contextmanager
def _open_text(path: Path, prefer: str | None = None) -> Iterator[io.TextIOBase]:
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as zf:
            names = [n for n in zf.namelist() if n.endswith(".txt") and "readme" not in n.lower()]
            if prefer:
                names = [n for n in names if prefer in n] or names
            if not names:
                raise SourceFormatError(f"{path}: no .txt dump inside the zip")
            with zf.open(names[0]) as raw:
                yield io.TextIOWrapper(raw, encoding="utf-8", newline="")
    else:
        with open(path, encoding="utf-8", newline="") as fh:
            yield fh


def read_alternate_names(path: str | os.PathLike[str], ids: set[int] | None = None) -> dict[int, list[str]]:
    """Spellings from ``alternateNamesV2.txt`` (or a zip of it), by geonameid.

    Rows whose language is a link, postcode or airport code are skipped.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "alt.txt"
    >>> _ = f.write_text("9\\t1\\tar\\tكفر\\t\\t\\t\\t\\t\\t\\n10\\t1\\tlink\\thttp://x\\t\\t\\t\\t\\t\\t\\n")
    >>> read_alternate_names(f)
    {1: ['كفر']}
    """
    out: dict[int, list[str]] = {}
    with _open_text(Path(path), prefer="alternateNames") as fh:
        for line in fh:
            cols = line.rstrip("\r\n").split("\t")
            if len(cols) < 4 or cols[2] in _NOT_NAMES:
                continue
            try:
                gid = int(cols[1])
            except ValueError:
                continue
            if ids is None or gid in ids:
                out.setdefault(gid, []).append(cols[3])
    return out


class GeonamesDumpSource:
    """Places from a GeoNames dump file.

    Parameters
    ----------
    path : path-like
        ``CC.txt``, ``CC.zip``, ``allCountries.zip``, ``citiesN.txt`` ...
    alternate_names : path-like, optional
        ``alternateNamesV2.txt`` (or its zip) to add spellings.
    countries : iterable of str, optional
        Keep only these country codes (useful with ``allCountries``).
    feature_classes : str
        GeoNames feature classes to keep (default: populated places, admin areas,
        areas, terrain, spots, valleys, water).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "SY.txt"
    >>> _ = f.write_text("1\\tA\\tA\\t\\t35\\t36\\tP\\tPPL\\tSY\\t\\t12\\t\\t\\t\\t0\\t\\t\\t\\t\\n")
    >>> [p.admin1 for p in GeonamesDumpSource(f).places()]
    ['Idlib']
    """

    name = "geonames_dump"

    def __init__(
        self,
        path: str | os.PathLike[str],
        alternate_names: str | os.PathLike[str] | None = None,
        countries: Iterable[str] | None = None,
        feature_classes: str = "PALTSVH",
    ) -> None:
        self.path = Path(path)
        self.alternate_names = Path(alternate_names) if alternate_names else None
        self.countries = frozenset(countries) if countries else None
        self.feature_classes = feature_classes

    def version(self) -> str:
        h = hashlib.sha256()
        for p in (self.path, self.alternate_names):
            if p is not None:
                st = p.stat()
                h.update(f"{p.resolve()}:{st.st_size}:{st.st_mtime_ns}".encode())
        h.update(f"{sorted(self.countries or [])}{self.feature_classes}".encode())
        return h.hexdigest()[:16]

    def _rows(self) -> Iterator[Place]:
        with _open_text(self.path) as fh:
            for n, line in enumerate(fh, 1):
                try:
                    place = parse_dump_line(line, self.name)
                except SourceFormatError as err:
                    raise SourceFormatError(f"{self.path}:{n}: {err}") from err
                if place is None:
                    continue
                if self.countries is not None and place.country_code not in self.countries:
                    continue
                fclass = line.split("\t", 7)[6]
                if fclass and fclass not in self.feature_classes:
                    continue
                yield place

    def places(self) -> Iterator[Place]:
        if self.alternate_names is None:
            yield from self._rows()
            return
        ids = {p.geonameid for p in self._rows() if p.geonameid is not None}
        extra = read_alternate_names(self.alternate_names, ids)
        for p in self._rows():
            more = extra.get(p.geonameid or -1)
            if more:
                seen = set(p.alternatenames)
                alts = p.alternatenames + tuple(a for a in more if a not in seen)
                p = Place(**{**_as_kwargs(p), "alternatenames": alts})
            yield p


def _as_kwargs(p: Place) -> dict:
    return {f: getattr(p, f) for f in Place.__dataclass_fields__}
