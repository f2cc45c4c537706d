"""The exceptions of the gazetteer, under :class:`geo.errors.StrikemapError`."""
from __future__ import annotations

from geo.errors import StrikemapError

__all__ = [
    "GazetteerError",
    "PlaceNotFound",
    "SourceFormatError",
    "IndexBuildError",
    "DownloadError",
    "OnlineLookupError",
]


class GazetteerError(StrikemapError):
    """Root of the gazetteer's errors."""


class PlaceNotFound(GazetteerError, LookupError):
    """No place fits a name (raised only where a caller asked for strictness)."""


class SourceFormatError(GazetteerError, ValueError):
    """A gazetteer file could not be read as places (bad columns, unknown format)."""


class IndexBuildError(GazetteerError, OSError):
    """The SQLite place index could not be built or opened."""


class DownloadError(GazetteerError, OSError):
    """A GeoNames dump could not be fetched or installed."""


class OnlineLookupError(GazetteerError, RuntimeError):
    """An online geocoder failed (network, quota, bad answer)."""
