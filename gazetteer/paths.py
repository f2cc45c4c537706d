"""Where the gazetteer keeps its files: the user's data and cache directories.

``STRIKEMAP_DATA_DIR`` and ``STRIKEMAP_CACHE_DIR`` override the platform defaults
(tests point them at temporary directories).
"""
from __future__ import annotations

import os
from pathlib import Path

__all__ = ["data_dir", "cache_dir", "DATA_ENV", "CACHE_ENV"]

DATA_ENV = "STRIKEMAP_DATA_DIR"
CACHE_ENV = "STRIKEMAP_CACHE_DIR"


def data_dir() -> Path:
    """The directory for user data (imported gazetteers, downloaded dumps).

    Examples
    --------
    >>> import os
    >>> os.environ["STRIKEMAP_DATA_DIR"] = "/tmp/sm-data"
    >>> str(data_dir())
    '/tmp/sm-data'
    >>> del os.environ["STRIKEMAP_DATA_DIR"]
    """
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("strikemap", appauthor=False))


def cache_dir() -> Path:
    """The directory for rebuildable files (the SQLite place index, the online cache).

    Examples
    --------
    >>> import os
    >>> os.environ["STRIKEMAP_CACHE_DIR"] = "/tmp/sm-cache"
    >>> str(cache_dir())
    '/tmp/sm-cache'
    >>> del os.environ["STRIKEMAP_CACHE_DIR"]
    """
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("strikemap", appauthor=False))
