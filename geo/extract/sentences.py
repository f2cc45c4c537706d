"""Step 1: split an article into sentences, keeping character offsets.

Every line break ends a sentence (headlines, captions and bullet items carry no final
punctuation); inside a line, a sentence ends at ``.``, ``!`` or ``?`` (after any closing
quote or bracket) followed by a space and an upper-case letter, a digit or an opening
quote, unless the word before the stop is an abbreviation (``U.S.``, ``Gen.``) or a
single initial.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from geo.extract.lexicon import Lexicon, load_lexicon

__all__ = ["Sentence", "split_sentences", "normalize_text"]


@dataclass(frozen=True)
class Sentence:
    """A sentence: its text, where it starts in the article text, its paragraph and index."""

    text: str
    start: int
    end: int
    paragraph: int
    index: int

    @property
    def is_question(self) -> bool:
        return self.text.rstrip(" \"'\u201d\u2019)").endswith("?")


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ",
                         "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u00ad": " ", "\u200b": " "})


def normalize_text(text: str) -> str:
    """Typographic quotes to ASCII, no-break spaces and hashtag marks to spaces: same length,
    same offsets.

    Examples
    --------
    >>> normalize_text("Assad\u2019s air force")
    "Assad's air force"
    >>> normalize_text("jets bombed #Qusayr")
    'jets bombed  Qusayr'

    """
    if "#" in text:
        text = _HASHTAG.sub(" ", text)  # "shelled #Qusayr": the tagged name read as a word
    if "`" in text or "\u02bf" in text or "\u02be" in text:
        # transliterated 'ayn and hamza ("`Ayn `Isa", "Ma`arrat an Nu`man"): a space before a name,
        # an apostrophe inside a word
        text = _AYN_START.sub(" ", text)
        text = text.replace("`", "'").replace("\u02bf", "'").replace("\u02be", "'")
    if text.isascii():
        return text  # nothing to map (every mapped character is non-ASCII)
    return _QUOTE_RE.sub(_quote, text)


#: An 'ayn or hamza mark opening a name: "`Ayn `Isa", "\u02bfAfrin"
_AYN_START = re.compile(r"(?<![\w'`\u02bf\u02be])[`\u02bf\u02be](?=[A-Z])")
#: A hashtag's mark before a name or a word: "#Qusayr", "#Hezbollah"
_HASHTAG = re.compile(r"(?<![\w&])#(?=[^\W\d_])")


#: The characters :data:`_QUOTES` maps: one regex pass finds them (``str.translate`` with a
#: non-ASCII table reads the whole text character by character in a slow path).
_QUOTE_RE = re.compile("[" + "".join(chr(c) for c in _QUOTES) + "]")


def _quote(m: re.Match[str]) -> str:
    return _QUOTES[ord(m.group(0))]  # type: ignore[return-value]


_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25cf\u25aa\u2013\u2014>]+|\d{1,2}[.)])\s+")
_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9\u0600-\u06ff])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.\-']*)$")


def _is_abbreviation(line: str, stop: int, abbreviations: frozenset[str]) -> bool:
    if line[stop] != ".":
        return False
    # the word before the stop, read from a short window (a whole-line search is quadratic)
    lo = max(0, stop - 48)
    m = _WORD_BEFORE.search(line, lo, stop)
    if lo and (m is None or m.start() == lo):
        m = _WORD_BEFORE.search(line, 0, stop)  # the word may begin before the window
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "George W. Bush"
    w = word.rstrip(".").lower()
    if w in abbreviations:
        return True
    if word in ("n", "s", "e", "w", "ne", "nw", "se", "sw"):
        return True  # a bearing in a note: "(n. aleppo countryside)"
    if "." in word and len(word.replace(".", "")) <= 3:
        return True  # U.S. / U.N. / a.m.
    return False


def split_sentences(text: str, lexicon: Lexicon | None = None) -> list[Sentence]:
    """Split ``text`` into :class:`Sentence` objects (offsets into ``text``).

    Examples
    --------
    >>> [s.text for s in split_sentences("U.S. jets struck Raqqa. Gen. Smith said so.\\nA headline")]
    ['U.S. jets struck Raqqa.', 'Gen. Smith said so.', 'A headline']
    """
    lex = lexicon or load_lexicon()
    out: list[Sentence] = []
    paragraph = -1
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        paragraph += 1  # every non-empty line is a paragraph (a headline, a caption, a block)
        b = _BULLET.match(line)
        offset = b.end() if b else 0
        start = offset
        for m in _BOUNDARY.finditer(line, offset):
            if _is_abbreviation(line, m.start(), lex.abbreviations):
                continue
            end = m.end()
            _emit(out, line, start, end, line_start, paragraph)
            start = end
        _emit(out, line, start, len(line), line_start, paragraph)
    return out


def _emit(out: list[Sentence], line: str, a: int, b: int, base: int, paragraph: int) -> None:
    seg = line[a:b]
    stripped = seg.strip()
    if not stripped:
        return
    lead = len(seg) - len(seg.lstrip())
    s = base + a + lead
    out.append(Sentence(stripped, s, s + len(stripped), paragraph, len(out)))
