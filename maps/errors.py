"""The exceptions of :mod:`maps`, under strikemap's one root :class:`StrikemapError`."""
from __future__ import annotations

from geo.errors import StrikemapError

__all__ = ["MapError", "MapInputError", "MapAssetError"]


class MapError(StrikemapError):
    """A map could not be rendered or written."""


class MapInputError(MapError, ValueError):
    """The events or boundaries given to the map are unusable (wrong CRS, geometry, option)."""


class MapAssetError(MapError, LookupError):
    """A script or stylesheet needed to inline a map is neither cached, in ``asset_dir``, nor fetchable."""
