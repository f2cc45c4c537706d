"""Importing gazetteer files into the user's store of places (``<data dir>/imported.sqlite``).

Reading is done by a source (:func:`gazetteer.sources.source_for_file`); this module only
stores what the source yields, under a label, replacing an earlier import of the same label.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from gazetteer.index import PlaceIndex

__all__ = ["ImportResult", "import_file", "import_source", "store_path", "remove_import"]


@dataclass(frozen=True)
class ImportResult:
    """What an import stored."""

    label: str
    places: int
    store: Path


def store_path(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """The SQLite store of imported places.

    >>> store_path("/tmp/x").name
    'imported.sqlite'
    """
    from gazetteer.paths import data_dir as _data_dir

    return Path(data_dir) / "imported.sqlite" if data_dir else _data_dir() / "imported.sqlite"


def import_source(source, label: str, data_dir: str | os.PathLike[str] | None = None) -> ImportResult:
    """Store every place of ``source`` under ``label`` (replacing an earlier import of it).

    Clears the cached :func:`gazetteer.default_gazetteer` so the next call sees the places.
    """
    from gazetteer.core import default_gazetteer

    store = PlaceIndex.open_store(store_path(data_dir))
    try:
        n = store.replace_source(label, source.places(), source.version())
    finally:
        store.close()
    default_gazetteer.cache_clear()
    return ImportResult(label=label, places=n, store=store_path(data_dir))


def import_file(path: str | os.PathLike[str], *, name_column: str | None = None, admin1_column: str | None = None,
                alternate_names: str | os.PathLike[str] | None = None, countries: list[str] | None = None,
                data_dir: str | os.PathLike[str] | None = None) -> ImportResult:
    """Import a GeoNames dump, CSV, GeoJSON or GeoPackage of places.

    Parameters
    ----------
    path : path-like
        The file (format chosen by :func:`gazetteer.sources.source_for_file`).
    name_column, admin1_column : str, optional
        For tables whose columns are not detected.
    alternate_names : path-like, optional
        ``alternateNamesV2.txt`` for a GeoNames dump.
    countries : list of str, optional
        Keep only these countries (GeoNames dumps).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "p.csv").write_text("name,lat,lon\\nKafr X,35.1,36.2\\n")
    >>> import_file(d / "p.csv", data_dir=d).places
    1
    """
    from gazetteer.sources import GeonamesDumpSource, TableSource, source_for_file

    src = source_for_file(str(path))
    if isinstance(src, GeonamesDumpSource):
        src = GeonamesDumpSource(path, alternate_names=alternate_names, countries=countries)
    elif isinstance(src, TableSource):
        src = TableSource(path, name_column=name_column, admin1_column=admin1_column)
    return import_source(src, f"import:{Path(path).name}", data_dir)


def remove_import(label: str, data_dir: str | os.PathLike[str] | None = None) -> int:
    """Forget the places imported under ``label``; return how many were removed."""
    from gazetteer.core import default_gazetteer

    path = store_path(data_dir)
    if not path.is_file():
        return 0
    store = PlaceIndex.open_store(path)
    try:
        n = store.remove_source(label)
    finally:
        store.close()
    default_gazetteer.cache_clear()
    return n
