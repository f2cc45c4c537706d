"""Fixtures of the gazetteer tests: private data/cache dirs and a Syria-and-neighbours index.

The embedded index is built once per test session in a temporary cache directory
(restricted to SY and its neighbours to keep the suite fast).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
FOCUS = "SY,IQ,LB,TR,JO,IL,PS,CY"


def shared_or_skip() -> Path:
    """The shared data folder, or skip (fail under CI=true) when it is absent."""
    if SHARED.is_dir():
        return SHARED.resolve()
    if os.environ.get("CI") == "true":
        pytest.fail(f"{SHARED} is required under CI=true")
    pytest.skip("../shared is absent")


@pytest.fixture(scope="session", autouse=True)
def _private_dirs(tmp_path_factory: pytest.TempPathFactory):
    cache = tmp_path_factory.mktemp("cache")
    data = tmp_path_factory.mktemp("data")
    old = {k: os.environ.get(k) for k in ("STRIKEMAP_CACHE_DIR", "STRIKEMAP_DATA_DIR", "STRIKEMAP_GAZETTEER_COUNTRIES")}
    os.environ["STRIKEMAP_CACHE_DIR"] = str(cache)
    os.environ["STRIKEMAP_DATA_DIR"] = str(data)
    os.environ["STRIKEMAP_GAZETTEER_COUNTRIES"] = FOCUS
    from gazetteer.core import default_gazetteer

    default_gazetteer.cache_clear()
    yield cache, data
    default_gazetteer.cache_clear()
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(scope="session")
def gz(_private_dirs):
    """The default gazetteer over the session's private directories."""
    from gazetteer import default_gazetteer

    return default_gazetteer()


@pytest.fixture()
def fresh_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _private_dirs):
    """A private data dir for one test (the embedded index cache stays shared)."""
    from gazetteer.core import default_gazetteer

    data = tmp_path / "data"
    monkeypatch.setenv("STRIKEMAP_DATA_DIR", str(data))
    default_gazetteer.cache_clear()
    yield _private_dirs[0], data
    default_gazetteer.cache_clear()


@pytest.fixture()
def shared_dir() -> Path:
    """../shared, or skip (fail under CI=true)."""
    return shared_or_skip()
