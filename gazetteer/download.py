"""Fetching a GeoNames country dump (``CC.zip``) and installing it atomically.

Fetching (:func:`fetch`) is separate from installing and importing; the base URL is
configurable so it can be tested against a local server.
"""
from __future__ import annotations

import os
import re
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

from gazetteer.errors import DownloadError

__all__ = ["GEONAMES_DUMP_URL", "fetch", "download_country", "USER_AGENT"]

GEONAMES_DUMP_URL = "https://download.geonames.org/export/dump/"
USER_AGENT = "strikemap-gazetteer/1.0 (+https://github.com/strikemap)"
_CC_RE = re.compile(r"^[A-Z]{2}$|^allCountries$|^cities(500|1000|5000|15000)$")


def fetch(url: str, dest: str | os.PathLike[str], *, progress: bool = True, timeout: float = 60.0) -> Path:
    """Download ``url`` to ``dest`` atomically (a temporary file renamed on success).

    A rich progress bar is shown when ``progress`` is true.

    Raises
    ------
    DownloadError
        On HTTP or network errors; ``dest`` is then left untouched.
    """
    from geo.atomic import atomic_path

    dest = Path(dest)
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp, atomic_path(dest) as tmp:
            total = int(resp.headers.get("Content-Length") or 0) or None
            with open(tmp, "wb") as out:
                if progress:
                    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TransferSpeedColumn

                    with Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
                                  transient=True) as bar:
                        task = bar.add_task(f"downloading {dest.name}", total=total)
                        while chunk := resp.read(1 << 16):
                            out.write(chunk)
                            bar.advance(task, len(chunk))
                else:
                    while chunk := resp.read(1 << 16):
                        out.write(chunk)
    except urllib.error.HTTPError as err:
        raise DownloadError(f"{url}: HTTP {err.code} {err.reason}") from err
    except (urllib.error.URLError, TimeoutError, ConnectionError) as err:
        raise DownloadError(f"{url}: {getattr(err, 'reason', err)}") from err
    return dest


def download_country(cc: str, *, url_base: str = GEONAMES_DUMP_URL, data_dir: str | os.PathLike[str] | None = None,
                     progress: bool = True, do_import: bool = True):
    """Fetch ``CC.zip`` from GeoNames into ``<data dir>/geonames/`` and import it.

    Parameters
    ----------
    cc : str
        ISO country code ("SY"), or "allCountries" / "cities500".
    url_base : str
        Where the dumps are (default the GeoNames export server).
    do_import : bool
        Import the places into the store (see :mod:`gazetteer.importer`).

    Returns
    -------
    pathlib.Path | gazetteer.importer.ImportResult
        The installed zip, or the import result when ``do_import``.

    Examples
    --------
    >>> download_country("SY", url_base="http://127.0.0.1:8765/")   # doctest: +SKIP
    """
    from gazetteer.paths import data_dir as _data_dir

    cc = cc.strip()
    cc = cc.upper() if len(cc) == 2 else cc
    if not _CC_RE.match(cc):
        raise DownloadError(f"{cc!r}: expected a two-letter country code such as SY")
    base = Path(data_dir) if data_dir else _data_dir()
    dest = base / "geonames" / f"{cc}.zip"
    url = url_base.rstrip("/") + f"/{cc}.zip"
    fetch(url, dest, progress=progress)
    try:
        with zipfile.ZipFile(dest) as zf:
            bad = zf.testzip()
    except zipfile.BadZipFile as err:
        dest.unlink(missing_ok=True)
        raise DownloadError(f"{url}: not a zip file") from err
    if bad is not None:
        dest.unlink(missing_ok=True)
        raise DownloadError(f"{url}: corrupt member {bad}")
    if not do_import:
        return dest
    from gazetteer.importer import import_file

    return import_file(dest, data_dir=base)
