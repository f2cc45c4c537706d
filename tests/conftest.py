"""Project-wide test configuration."""
from __future__ import annotations

import doctest

import pytest


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out docstring examples that are all marked ``+SKIP``.

    They show library use that needs a full build or the network; they are
    documentation, not tests, and would otherwise count as skipped tests.
    """
    keep, drop = [], []
    for item in items:
        dt = getattr(item, "dtest", None)
        if isinstance(item, pytest.DoctestItem) and dt is not None and dt.examples and all(
            ex.options.get(doctest.SKIP) for ex in dt.examples
        ):
            drop.append(item)
        else:
            keep.append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
