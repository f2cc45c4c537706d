"""A large alternation of patterns matched fast: only at word starts, and only the alternatives
whose first letters fit the word.

Python's ``re`` tries every alternative of ``a|b|c|...`` at every position; with a few hundred
lexicon entries that dominates the extractor's time. :class:`Alternation` reads, once, the
first (up to three) characters every alternative can begin with (from the parse tree of its
regular expression, without matching anything), and at a word start tries only the
alternatives indexed under that word's first characters. Each alternative is compiled on first
use, so building the index is cheap; :meth:`Alternation.warm` compiles them all (before a fork).

:func:`scan` runs several alternations over a text in one pass over its word starts (the
extractor's lexicons share one scan).
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

try:  # Python >= 3.11
    from re import _constants as _sc  # type: ignore[attr-defined]
    from re import _parser as _sp  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sc  # type: ignore[no-redef]
    import sre_parse as _sp  # type: ignore[no-redef]

__all__ = ["Alternation", "candidate_filter", "filter_starts", "prefixes", "scan", "trie_regex", "word_starts"]

_WORD_START = re.compile(r"(?<![\w\-])[^\W_]|(?<![\w\-])_")
#: How many leading characters the index uses.
KEY_LEN = 3
_MAX_SET = 64  # more prefixes than this: keep them shorter


#: Character classes the index spells out: digits, and white space as one space (the index
#: reads text with every white-space character as a space).
_CATEGORY_CHARS = {_sc.CATEGORY_DIGIT: "0123456789", _sc.CATEGORY_SPACE: " "}
_SPACES = str.maketrans({"\t": " ", "\n": " ", "\r": " ", "\f": " ", "\v": " ", "\u00a0": " "})


def word_starts(text: str) -> list[int]:
    """Offsets of the word starts of ``text`` (a letter or digit not after a word character or hyphen)."""
    return [m.start() for m in _WORD_START.finditer(text)]


def _lit(code: int, ignorecase: bool) -> str:
    c = chr(code)
    return c.lower() if ignorecase else c


def _seq_prefixes(items: list, k: int, ignorecase: bool) -> tuple[set[str], set[str]]:
    """``(prefixes, cut)``: the prefixes (at most ``k`` characters) every match of the parsed
    sequence starts with, and those of them cut short (anything may follow).

    A prefix shorter than ``k`` and not cut means the sequence ends there. The result is
    always a necessary condition: where the parse tree is not understood, the prefix is cut.
    """
    out = {""}
    cut: set[str] = set()
    for op, av in items:
        grow = {p for p in out if len(p) < k and p not in cut}
        if not grow:
            break
        keep = out - grow
        if op is _sc.LITERAL:
            new = {p + _lit(av, ignorecase) for p in grow}
        elif op is _sc.IN:
            chars: set[str] = set()
            ok = True
            for iop, iav in av:
                if iop is _sc.LITERAL:
                    chars.add(_lit(iav, ignorecase))
                elif iop is _sc.RANGE and iav[1] - iav[0] < 10:
                    chars.update(_lit(c, ignorecase) for c in range(iav[0], iav[1] + 1))
                elif iop is _sc.CATEGORY and iav in _CATEGORY_CHARS:
                    chars.update(_CATEGORY_CHARS[iav])
                else:
                    ok = False
                    break
            if not ok:
                cut |= grow
                continue
            new = {p + c for p in grow for c in chars}
        elif op is _sc.CATEGORY and av in _CATEGORY_CHARS:
            new = {p + c for p in grow for c in _CATEGORY_CHARS[av]}
        elif op in (_sc.AT, _sc.ASSERT, _sc.ASSERT_NOT):
            continue  # zero width: ignoring a condition keeps the prefix necessary
        elif op is _sc.SUBPATTERN:
            new = _concat(grow, _seq_prefixes(list(av[-1]), k, ignorecase), k, cut)
        elif op is _sc.BRANCH:
            subs: set[str] = set()
            subcut: set[str] = set()
            for alt in av[1]:
                a, c = _seq_prefixes(list(alt), k, ignorecase)
                subs |= a
                subcut |= c
            new = _concat(grow, (subs, subcut), k, cut)
        elif op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT):
            lo, _hi, body = av
            a, _c = _seq_prefixes(list(body), k, ignorecase)
            # after one repetition the pattern is not followed further: those prefixes are cut
            once = _concat(grow, (a, a), k, cut)
            new = once | (grow if lo == 0 else set())
        else:  # ANY, CATEGORY, NOT_LITERAL, GROUPREF ...: anything may come next
            cut |= grow
            continue
        out = keep | new
        if len(out) > _MAX_SET:
            short = {p[:1] for p in out}
            return short, set(short)
    return out, cut


def _concat(heads: set[str], tails: tuple[set[str], set[str]], k: int, cut: set[str]) -> set[str]:
    subs, subcut = tails
    out = set()
    for h in heads:
        for t in subs:
            p = (h + t)[:k]
            out.add(p)
            if t in subcut and len(p) < k:
                cut.add(p)
    return out


def prefixes(body: str, *, ignorecase: bool = True, k: int = KEY_LEN) -> set[str]:
    """The leading characters a match of regex ``body`` must begin with (one of the set).

    Examples
    --------
    >>> sorted(prefixes(r"air[- ]?strikes?|(?:ground )?offensives?"))
    ['air', 'gro', 'off']
    >>> prefixes(r"\\w+ly")
    {''}
    """
    flags = _sc.SRE_FLAG_IGNORECASE if ignorecase else 0
    try:
        tree = _sp.parse(body, flags)
    except re.error:
        return {""}
    data = list(tree.data if hasattr(tree, "data") else tree)
    return _seq_prefixes(data, k, ignorecase)[0]


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

    def __init__(self, items: Sequence[tuple[str, str]], *, ignorecase: bool = True, suffix: str = "") -> None:
        self.ignorecase = ignorecase
        self._flags = re.I if ignorecase else 0
        self._suffix = suffix
        self._items = list(items)
        self._compiled: list[re.Pattern[str] | None] = [None] * len(self._items)
        index: dict[str, list[int]] = {}
        anywhere: list[int] = []
        for i, (_name, body) in enumerate(self._items):
            for p in prefixes(body, ignorecase=ignorecase):
                if p:
                    index.setdefault(p, []).append(i)
                else:
                    anywhere.append(i)
        self._index = {p: tuple(v) for p, v in index.items()}
        self._anywhere = tuple(anywhere)
        self._lengths = tuple(sorted({len(p) for p in index}, reverse=True))
        self._cands: dict[tuple[str, ...], tuple[int, ...]] = {}
        self._combos: dict[tuple[int, ...], re.Pattern[str]] = {}

    def _rx(self, i: int) -> re.Pattern[str]:
        rx = self._compiled[i]
        if rx is None:
            name, body = self._items[i]
            rx = self._compiled[i] = re.compile(f"(?P<{name}>{body}){self._suffix}", self._flags)
        return rx

    def combo(self, cands: tuple[int, ...]) -> re.Pattern[str]:
        """One regex of the alternatives ``cands`` (in order: the first that matches wins)."""
        rx = self._combos.get(cands)
        if rx is None:
            if len(cands) == 1:
                rx = self._rx(cands[0])
            else:
                body = "|".join(f"(?P<{self._items[i][0]}>{self._items[i][1]}){self._suffix}" for i in cands)
                rx = re.compile(body, self._flags)
            self._combos[cands] = rx
        return rx

    def warm(self) -> None:
        """Compile every group of alternatives now (before forking worker processes)."""
        # a word's candidates are those of its longest indexed prefix and of that prefix's
        # shorter indexed prefixes: one group per indexed prefix covers every word
        for k in self._index:
            found = set(self._anywhere)
            for n in self._lengths:
                if n <= len(k):
                    found.update(self._index.get(k[:n], ()))
            self.combo(tuple(sorted(found)))

    def candidates(self, text: str, s: int) -> tuple[int, ...]:
        """The alternatives that may match at ``s``, in their order."""
        head = text[s:s + KEY_LEN].translate(_SPACES)
        if self.ignorecase:
            head = head.lower()
        keys = tuple(head[:n] for n in self._lengths)
        c = self._cands.get(keys)
        if c is None:
            found: set[int] = set(self._anywhere)
            for key in keys:
                found.update(self._index.get(key, ()))
            c = self._cands[keys] = tuple(sorted(found))
        return c

    def match_at(self, text: str, s: int) -> re.Match[str] | None:
        """The first alternative matching at ``s`` (None if none does)."""
        c = self.candidates(text, s)
        if not c:
            return None
        m = self.combo(c).match(text, s)
        return m if m is not None and m.end() > s else None

    def finditer(self, text: str, starts: list[int] | None = None) -> Iterator[tuple[str, re.Match[str]]]:
        yield from scan(text, (self,), starts)[0]


_SCANNERS: dict[tuple[int, ...], "_Scanner"] = {}

#: How a prefix character reads in the candidate filter: white space as any of the characters
#: the index reads as a space.
_SPACE_CLASS = "[ \\t\\n\\r\\f\\v\\u00a0]"


def trie_regex(keys: set[str]) -> str:
    """A regex (a trie of alternations) matching any of the strings ``keys`` at a position."""
    trie: dict = {}
    for k in keys:
        node = trie
        for c in k:
            node = node.setdefault(c, {})
        node[""] = {}

    def ser(node: dict) -> str:
        if "" in node:
            return ""  # a whole key: what follows does not matter (a look-ahead)
        parts = []
        for c in sorted(node):
            tok = _SPACE_CLASS if c == " " else re.escape(c)
            parts.append(tok + ser(node[c]))
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return ser(trie) if trie else r"(?!x)x"


def candidate_filter(alternations: Sequence[Alternation]) -> re.Pattern[str]:
    """One regex that finds the word starts where some alternative of ``alternations`` may match.

    A word start is a letter, digit or underscore not after a word character or hyphen; it
    is a candidate when its first characters (white space read as a space, lower-cased for
    case-insensitive alternations) begin with an indexed prefix, or when one of its first
    three characters is not ASCII (where ``str.lower`` and ``re.I`` may disagree: those are
    left to the exact look-up). The filter only skips positions :meth:`Alternation.candidates`
    would find nothing for, so a scan over it finds the same matches as one over all word starts.
    """
    if any(a._anywhere for a in alternations):
        return _WORD_START
    ci: set[str] = set()
    cs: set[str] = set()
    for a in alternations:
        (ci if a.ignorecase else cs).update(a._index)
    parts = []
    if ci:
        parts.append(f"(?i:{trie_regex(ci)})")
    if cs:
        parts.append(trie_regex(cs))
    parts.append(r"(?s:.{0,2})[^\x00-\x7f]")
    return re.compile(r"(?<![\w\-])(?=\w)(?=" + "|".join(parts) + ")")


class _Scanner:
    """Several alternations indexed together: one dictionary look-up per candidate word start."""

    def __init__(self, alternations: Sequence[Alternation]) -> None:
        self.alts = tuple(alternations)
        self.cache: dict[str, tuple[tuple[int, re.Pattern[str]], ...]] = {}
        self.filter = candidate_filter(self.alts)
        # the same filter led by the character before the word start (``[^\w\-]`` for the
        # look-behind): a leading character class lets the regex engine skip ahead fast
        lb = r"(?<![\w\-])"
        self.filter_after = (re.compile(r"[^\w\-]" + self.filter.pattern[len(lb):], self.filter.flags)
                             if self.filter.pattern.startswith(lb) else None)

    def at(self, text: str, s: int) -> tuple[tuple[int, re.Pattern[str]], ...]:
        """``(alternation, regex of its candidates)`` for the word at ``s``."""
        head = text[s:s + KEY_LEN]
        r = self.cache.get(head)
        if r is None:
            r = self.cache[head] = tuple((j, alt.combo(c)) for j, alt in enumerate(self.alts)
                                         if (c := alt.candidates(head, 0)))
        return r

    def starts(self, text: str) -> list[int]:
        """The word starts of ``text`` the candidate filter finds."""
        if self.filter_after is None:
            return [m.start() for m in self.filter.finditer(text)]
        first = [0] if self.filter.match(text, 0) else []
        return first + [m.start() + 1 for m in self.filter_after.finditer(text)]


def filter_starts(text: str, alternations: Sequence[Alternation]) -> list[int]:
    """The word starts of ``text`` where some alternative of ``alternations`` may match (those
    :func:`candidate_filter` finds): what :func:`scan` visits without ``starts``. A scan of
    fewer alternations over them finds the same matches as over its own filter's."""
    return _scanner(alternations).starts(text)


def _scanner(alternations: Sequence[Alternation]) -> _Scanner:
    key = tuple(id(a) for a in alternations)
    sc = _SCANNERS.get(key)
    if sc is None or sc.alts != tuple(alternations):
        sc = _SCANNERS[key] = _Scanner(alternations)
    return sc


def scan(text: str, alternations: Sequence[Alternation],
         starts: list[int] | None = None) -> list[list[tuple[str, re.Match[str]]]]:
    """Run several alternations over ``text`` in one pass over its word starts.

    Returns one list of ``(name, match)`` per alternation, as :meth:`Alternation.finditer` would.
    Without ``starts``, only the word starts a compiled candidate filter finds are visited.
    """
    sc = _scanner(alternations)
    outs: list[list[tuple[str, re.Match[str]]]] = [[] for _ in alternations]
    pos = [0] * len(alternations)
    at = sc.at
    cache = sc.cache
    if starts is None:
        starts = sc.starts(text)
    for s in starts:
        if not isinstance(s, int):
            s = s.start()
        hits = cache.get(text[s:s + KEY_LEN])
        if hits is None:
            hits = at(text, s)
        for j, rx in hits:
            if s < pos[j]:
                continue
            m = rx.match(text, s)
            if m is not None:
                e = m.end()
                if e > s:
                    pos[j] = e
                    outs[j].append((m.lastgroup or "", m))
    return outs
