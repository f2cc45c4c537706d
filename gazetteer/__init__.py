"""Place names as journalists spell them, resolved to places in Syria and around it, offline.

>>> from gazetteer import default_gazetteer          # doctest: +SKIP
>>> default_gazetteer().geocode("Kafr Zeita", context="northern countryside of Hama").admin1   # doctest: +SKIP
'Hama'
"""
from __future__ import annotations

from gazetteer.core import Gazetteer, Resolution, default_gazetteer
from gazetteer.errors import GazetteerError, PlaceNotFound
from gazetteer.normalize import normalize
from gazetteer.place import Place

__all__ = ["Gazetteer", "Resolution", "default_gazetteer", "normalize", "Place", "GazetteerError", "PlaceNotFound"]
