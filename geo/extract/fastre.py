"""A large alternation of patterns matched fast: only at word starts, and only the alternatives
that can begin with the word's first character.

Python's ``re`` tries every alternative of ``a|b|c|...`` at every position; with a few hundred
lexicon entries that dominates the extractor's time. :class:`Alternation` splits the
alternatives by their possible first character once (with the ``regex`` module's partial
matching) and compiles one smaller regex per character.
"""
from __future__ import annotations

import re
import string
from collections.abc import Iterator

__all__ = ["Alternation"]

_WORD_START = re.compile(r"(?<![\w\-])[^\W_]|(?<![\w\-])_")


def _first_chars(body: str, ignorecase: bool) -> set[str] | None:
    """Characters a match of ``body`` can start with (None: could not tell, try everywhere)."""
    try:
        import regex
    except ImportError:  # pragma: no cover - regex is a dependency of dateparser/trafilatura
        return None
    flags = regex.I if ignorecase else 0
    alphabet = string.ascii_lowercase + string.digits if ignorecase else string.ascii_letters + string.digits
    try:
        rx = regex.compile(body, flags)
    except regex.error:
        return None
    out = {c for c in alphabet if rx.fullmatch(c, partial=True) is not None}
    # non-ASCII first letters: keep the alternative for any of them
    out.add("\x00")
    return out


class Alternation:
    """Named alternatives ``[(name, regex), ...]``; ``finditer`` yields ``(name, match)`` leftmost first.

    Within one start position the first alternative that matches wins, as in ``a|b|c``.
    ``suffix`` is appended to every alternative (a word-end guard).

    Examples
    --------
    >>> alt = Alternation([("air", r"air ?strikes?"), ("strike", r"strikes?")], ignorecase=True, suffix=r"(?!\\w)")
    >>> [(n, m.group(0)) for n, m in alt.finditer("Air strikes and strikes")]
    [('air', 'Air strikes'), ('strike', 'strikes')]
    """

    def __init__(self, items: list[tuple[str, str]], *, ignorecase: bool = True, suffix: str = "") -> None:
        self.ignorecase = ignorecase
        flags = re.I if ignorecase else 0
        buckets: dict[str, list[tuple[str, str]]] = {}
        anywhere: list[tuple[str, str]] = []
        order = {name: i for i, (name, _) in enumerate(items)}
        for name, body in items:
            chars = _first_chars(body, ignorecase)
            if chars is None:
                anywhere.append((name, body))
                continue
            for c in chars:
                buckets.setdefault(c, []).append((name, body))
        self._table: dict[str, re.Pattern[str]] = {}
        keys = set(buckets) | ({"\x00"} if anywhere else set())
        for c in keys:
            alts = sorted(buckets.get(c, []) + anywhere, key=lambda x: order[x[0]])
            self._table[c] = re.compile("|".join(f"(?P<{n}>{b}){suffix}" for n, b in alts), flags)
        self._other = self._table.get("\x00")

    def finditer(self, text: str) -> Iterator[tuple[str, re.Match[str]]]:
        pos = 0
        table = self._table
        lower = self.ignorecase
        for w in _WORD_START.finditer(text):
            s = w.start()
            if s < pos:
                continue
            c = text[s]
            if lower:
                c = c.lower()
            rx = table.get(c) if c.isascii() else self._other
            if rx is None:
                continue
            m = rx.match(text, s)
            if m is not None and m.end() > s:
                pos = m.end()
                yield m.lastgroup or "", m
