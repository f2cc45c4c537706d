"""Run the examples in the docstrings of :mod:`maps`."""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import maps

MODULES = [info.name for info in pkgutil.walk_packages(maps.__path__, prefix="maps.")]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
