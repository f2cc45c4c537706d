"""The exceptions of strikemap: one root, precise subclasses.

Each subclass also inherits the built-in exception it resembles, so callers can
catch either ``StrikemapError`` or the familiar built-in.
"""
from __future__ import annotations

__all__ = [
    "StrikemapError",
    "ArticleError",
    "ArticleReadError",
    "ArticleFormatError",
    "StoreError",
    "StoreLockedError",
    "ExportError",
]


class StrikemapError(Exception):
    """Root of every error strikemap raises on purpose."""


class ArticleError(StrikemapError):
    """An input article could not be used."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class ArticleReadError(ArticleError, OSError):
    """The file could not be read or decoded (missing, binary, bad encoding)."""


class ArticleFormatError(ArticleError, ValueError):
    """The file was read but its content is not an article (broken JSON, no text, ...)."""


class StoreError(StrikemapError):
    """The event store could not be opened or written."""


class StoreLockedError(StoreError, TimeoutError):
    """Another process holds the store's lock."""


class ExportError(StrikemapError, ValueError):
    """An export was asked in an unknown format or with bad filters."""
