"""Normalisation of place names as journalists, GeoNames and Arabic script write them.

Three levels, each coarser than the one before:

* :func:`normalize` -- lower case, no diacritics, no ʿayn/hamza marks or apostrophes,
  hyphens as spaces, Arabic script unified (alef forms, ta marbuta, tashkeel);
* :func:`name_key` -- that, without the article (al-, el-, ad-, ash-, ...) and descriptors,
  with common word variants unified (Kfar/Kafar -> kafr, Ain/Ein -> ayn, Tel -> tall, ...);
* :func:`skeleton` -- a consonant skeleton of the key (vowels, w/y, doubled letters,
  final -ah/-eh dropped; q/k, sh/ch, kh/k, dh/d, ... merged), the "variant" key.

The rules live in ``gazetteer/data/translit.json``; a user file of the same shape at
``<data dir>/translit.json`` extends them.
"""
from __future__ import annotations

import functools
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = [
    "soft_key",
    "Rules",
    "ParsedName",
    "rules",
    "normalize",
    "normalize_text",
    "name_key",
    "skeleton",
    "index_keys",
    "strip_attached_article",
    "parse_name",
    "is_arabic",
    "has_foreign_script",
]

_ARABIC_RE = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_NOT_LATIN_ARABIC_RE = re.compile(
    r"[^\x00-\u036f\u1e00-\u1eff\u2000-\u2bff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff\uff00-\uffef]"
)
_TASHKEEL_RE = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_SPACE_RE = re.compile(r"\s+")
_MAX_LEN = 200


@dataclass(frozen=True, eq=False)
class Rules:
    """The loaded transliteration rules (see ``data/translit.json``)."""

    marks: str
    articles: frozenset[str]
    arabic_articles: tuple[str, ...]
    attached_article: re.Pattern[str]
    token_variants: dict[str, str]
    descriptors: dict[str, int]
    lead_descriptors: tuple[str, ...]
    directions: frozenset[str]
    skeleton: tuple[tuple[re.Pattern[str], Any], ...]
    arabic: dict[str, str]
    digest: str = field(default="")
    descriptors_by_length: tuple[tuple[str, int], ...] = field(default=())
    #: Every word sequence that can make :func:`parse_name` change a name: a lead descriptor
    #: or a direction at the start, a descriptor at the end (lower case, by word count).
    lead_words: frozenset[str] = field(default=frozenset())
    tail_words: frozenset[str] = field(default=frozenset())
    max_words: int = 0
    #: ``lead_descriptors`` by first letter and ``descriptors_by_length`` by last letter (same order).
    leads_by_initial: dict[str, tuple[str, ...]] = field(default_factory=dict)
    descriptors_by_final: dict[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in extra.items():
        if isinstance(v, list) and isinstance(out.get(k), list):
            out[k] = out[k] + v
        elif isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = {**out[k], **v}
        else:
            out[k] = v
    return out


def _user_rules_path() -> Path:
    from gazetteer.paths import data_dir

    return data_dir() / "translit.json"


@functools.lru_cache(maxsize=1)
def rules() -> Rules:
    """The transliteration rules: the packaged file, extended by the user's file.

    Examples
    --------
    >>> "al" in rules().articles
    True
    """
    raw = json.loads(resources.files("gazetteer").joinpath("data/translit.json").read_text("utf-8"))
    user = _user_rules_path()
    if user.is_file():
        raw = _merge(raw, json.loads(user.read_text("utf-8")))
    digest = hashlib.sha256(json.dumps(raw, sort_keys=True).encode()).hexdigest()[:16]
    leads = sorted(raw["lead_descriptors"], key=len, reverse=True)
    by_length = sorted(raw["descriptors"].items(), key=lambda kv: -len(kv[0]))
    return Rules(
        marks=raw["marks"],
        articles=frozenset(raw["articles"]),
        arabic_articles=tuple(raw["arabic_articles"]),
        attached_article=re.compile(raw["attached_article"]),
        token_variants=dict(raw["token_variants"]),
        descriptors=dict(raw["descriptors"]),
        lead_descriptors=tuple(sorted(raw["lead_descriptors"], key=len, reverse=True)),
        directions=frozenset(raw["directions"]),
        skeleton=_skeleton_steps(raw),
        arabic=dict(raw["arabic"]),
        digest=digest,
        descriptors_by_length=tuple(sorted(raw["descriptors"].items(), key=lambda kv: -len(kv[0]))),
        lead_words=frozenset(w.lower() for w in (*raw["lead_descriptors"], *raw["directions"])),
        tail_words=frozenset(w.lower() for w in raw["descriptors"]),
        leads_by_initial=_by_letter(leads, lambda w: w, 0),
        descriptors_by_final=_by_letter(by_length, lambda kv: kv[0], -1),
        max_words=max((w.count(" ") + 1 for w in (*raw["lead_descriptors"], *raw["directions"], *raw["descriptors"])),
                      default=0),
    )


def _by_letter(items: list, word: Any, pos: int) -> dict[str, tuple]:
    out: dict[str, list] = {}
    for it in items:
        w = word(it)
        if w:
            out.setdefault(w[pos], []).append(it)
    return {k: tuple(v) for k, v in out.items()}


def _skeleton_steps(raw: dict[str, Any]) -> tuple[tuple[re.Pattern[str], Any], ...]:
    mapping: dict[str, str] = dict(raw.get("skeleton_map", {}))
    alternation = re.compile("|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True)) or "(?!)")
    steps: list[tuple[re.Pattern[str], Any]] = []
    for step in raw["skeleton"]:
        if step == "MAP":
            steps.append((alternation, lambda m, _m=mapping: _m[m.group(0)]))
        else:
            steps.append((re.compile(step[0]), _fast_repl(step[1])))
    return tuple(steps)


_GROUP_REF_RE = re.compile(r"\\(\d)|\\g<(\d+)>")


def _fast_repl(rep: Any) -> Any:
    """``rep`` as :meth:`re.Pattern.sub` runs it fastest: a lone ``\\1`` becomes a group getter.

    A template string is parsed and expanded on every match; a literal string is not, and a
    bound ``group`` call is cheaper than template expansion.
    """
    if not isinstance(rep, str) or "\\" not in rep:
        return rep
    m = _GROUP_REF_RE.fullmatch(rep)
    if m:
        n = int(m.group(1) or m.group(2))
        return lambda mt, _n=n: mt.group(_n) or ""
    return rep


def is_arabic(text: str) -> bool:
    """True when ``text`` contains Arabic script.

    >>> is_arabic("كفر زيتا"), is_arabic("Kafr Zita")
    (True, False)
    """
    return bool(_ARABIC_RE.search(text))


def has_foreign_script(text: str) -> bool:
    """True when ``text`` has letters that are neither Latin nor Arabic (Cyrillic, CJK, ...).

    >>> has_foreign_script("Пальмира"), has_foreign_script("Palmyra")
    (True, False)
    """
    if text.isascii():
        return False
    for m in _NOT_LATIN_ARABIC_RE.finditer(text):
        if m.group(0).isalpha():
            return True
    return False


@functools.lru_cache(maxsize=200_000)
def normalize(name: str) -> str:
    """Lower-case ``name``, drop diacritics, ʿayn/hamza marks and punctuation.

    Parameters
    ----------
    name : str
        A place name in Latin or Arabic script.

    Returns
    -------
    str
        Words separated by single spaces; empty when nothing is left.

    Examples
    --------
    >>> normalize("Ma`arrat an-Nu‘mān")
    'maarrat an numan'
    >>> normalize("  Deir ez-Zor ")
    'deir ez zor'
    >>> normalize("مَعَرَّة النُّعْمَان")
    'معره النعمان'
    """
    return _normalize(name, _MAX_LEN)


def _normalize(name: str, max_len: int) -> str:
    """:func:`normalize` with at most ``max_len`` characters out."""
    if not name:
        return ""
    r = rules()
    text = name[: max_len * 4]
    if text.isascii():
        text = text.translate(_ascii_table(r.marks)).lower()
        return _SPACE_RE.sub(" ", text).strip()[:max_len]
    text = unicodedata.normalize("NFKC", text)
    if not text.isprintable():
        text = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text)
    if _ARABIC_RE.search(text):
        text = _TASHKEEL_RE.sub("", text)
        text = text.translate(_arabic_table(r))
    text = text.translate(_MARK_TABLE(r.marks))
    text = unicodedata.normalize("NFKD", text)
    text = text.translate(_DROP_COMBINING)
    text = text.lower().replace("ı", "i").replace("ß", "ss").replace("ø", "o").replace("æ", "ae").replace("đ", "d").replace("ł", "l")
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_WORD_CHARS)
    return _SPACE_RE.sub(" ", text).strip()[:max_len]


#: Longer texts are normalised without the cache (a paragraph is rarely a name).
_CACHE_MAX_CHARS = 120
#: How much of a running text is read (a name is cut at :data:`_MAX_LEN`, a context is not).
_MAX_TEXT_LEN = 20_000


def normalize_text(text: str) -> str:
    """:func:`normalize` for running text: short texts go through its cache, paragraphs do not.

    >>> normalize_text("Shelling hit Kafr Zita.")
    'shelling hit kafr zita'
    >>> normalize_text("x " * 300 + "in Hama province").endswith("hama province")   # not cut like a name
    True
    """
    return normalize(text) if len(text) <= _CACHE_MAX_CHARS else _normalize(text, _MAX_TEXT_LEN)


@functools.lru_cache(maxsize=4)
def _ascii_table(marks: str) -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for i in range(128):
        c = chr(i)
        if c in marks:
            table[i] = None
        elif not (c.isalnum() or c == " "):
            table[i] = " "
    return table


class _CharTable(dict):
    """A :meth:`str.translate` table that decides each character once, on first sight."""

    def __init__(self, decide: Any) -> None:
        super().__init__()
        self.decide = decide

    def __missing__(self, code: int) -> str | None:
        out = self[code] = self.decide(chr(code))
        return out


#: Combining marks go, except Arabic ones (the Arabic rules deal with those).
_DROP_COMBINING = _CharTable(lambda c: None if unicodedata.combining(c) and not _ARABIC_RE.match(c) else c)
#: Letters, digits and spaces stay; anything else becomes a space.
_WORD_CHARS = _CharTable(lambda c: c if (c.isalnum() or c == " ") else " ")


@functools.lru_cache(maxsize=4)
def _arabic_table(r: Rules) -> dict[int, str]:
    return {ord(k): v for k, v in r.arabic.items() if len(k) == 1}


@functools.lru_cache(maxsize=4)
def _MARK_TABLE(marks: str) -> dict[int, None]:  # noqa: N802 - a cached constant
    return {ord(c): None for c in marks}


def _tokens_key(tokens: list[str], r: Rules) -> list[str]:
    out: list[str] = []
    for tok in tokens:
        if _ARABIC_RE.match(tok):
            for art in r.arabic_articles:
                if tok.startswith(art) and len(tok) > len(art) + 2:
                    tok = tok[len(art):]
                    break
            out.append(tok)
            continue
        if tok in r.articles:
            continue
        out.append(r.token_variants.get(tok, tok))
    if not out:  # a name that is only an article ("As") keeps its words
        out = [r.token_variants.get(t, t) for t in tokens]
    return out


@functools.lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """The exact-match key: normalised, without articles, with word variants unified.

    Examples
    --------
    >>> name_key("Kfar Zeita")
    'kafr zeita'
    >>> name_key("Al-Lataminah")
    'lataminah'
    >>> name_key("Tell Abyad") == name_key("Tal Abyad")
    True
    """
    norm = normalize(name)
    if not norm:
        return ""
    return " ".join(_tokens_key(norm.split(" "), rules()))


@functools.lru_cache(maxsize=100_000)
def _skel_token(tok: str, r: Rules) -> str:
    if _ARABIC_RE.match(tok):
        # long vowels and the final ha are spelt inconsistently in Arabic too
        core = tok[0] + re.sub("[اوي]", "", tok[1:])
        return core[:-1] if len(core) > 2 and core.endswith("ه") else core
    if tok.isdigit():
        return tok
    for pat, rep in r.skeleton:
        tok = pat.sub(rep, tok)
    return tok


@functools.lru_cache(maxsize=200_000)
def skeleton(key: str) -> str:
    """The variant key: a consonant skeleton of a :func:`name_key`, words joined.

    Examples
    --------
    >>> skeleton(name_key("Latamneh")) == skeleton(name_key("al-Lataminah"))
    True
    >>> skeleton(name_key("Kafr Zita")) == skeleton(name_key("Kfar Zeita"))
    True
    >>> skeleton(name_key("Ain Issa")) == skeleton(name_key("`Ayn `Isa"))
    True
    """
    if not key:
        return ""
    r = rules()
    return "".join(_skel_token(t, r) for t in key.split(" "))


#: What a spelling of the same word may vary by, within its vowels and endings: a final
#: -ah/-eh/-a, doubled letters, ee/i, ou/oo/u, ei/ey/ay, a glottal stop or an ʿayn mark.
_SOFT_RULES = tuple((re.compile(p), r) for p, r in (
    (r"['`\u2019\u02bf\u02be]", ""), (r"ee|ie\b", "i"), (r"ou|oo", "u"), (r"([a-z])\1", r"\1"),
    (r"(?:ah|eh|ih|a|e)\b", "a"), (r"e[iy]|ai", "ay"), (r"iy", "i"), (r"uw", "u"),
))


@functools.lru_cache(maxsize=100_000)
def soft_key(key: str) -> str:
    """A :func:`name_key` with the spelling of its vowels and endings unified: two keys with the
    same soft key spell the same word ("ash shajara", "ash shajarah"), unlike a mere consonant
    :func:`skeleton` match ("tall" and "tell" are one, "halab" and "hilbah" too).

    Examples
    --------
    >>> soft_key("ash shajarah") == soft_key("ash shajara")
    True
    >>> soft_key("latamneh") == soft_key("latamna")
    True
    >>> soft_key("kafr zita") == soft_key("kafr zeta")
    False
    """
    for pat, rep in _SOFT_RULES:
        key = pat.sub(rep, key)
    return key


def index_keys(name: str) -> tuple[str, str]:
    """``(name_key(name), skeleton(name_key(name)))`` without filling the per-name caches.

    For building an index: hundreds of thousands of names, each seen once, would only
    churn the caches the queries need (the per-word skeleton cache is still used).

    >>> index_keys("Kfar Zeita") == (name_key("Kfar Zeita"), skeleton(name_key("Kfar Zeita")))
    True
    """
    norm = normalize.__wrapped__(name)
    if not norm:
        return "", ""
    r = rules()
    key = " ".join(_tokens_key(norm.split(" "), r))
    return key, ("".join(_skel_token(t, r) for t in key.split(" ")) if key else "")


def strip_attached_article(key: str) -> str:
    """Remove an article glued to a word ("alhasakah", "ezzor"); '' when there is none.

    Examples
    --------
    >>> strip_attached_article("deir ezzor")
    'deir zor'
    >>> strip_attached_article("alhasakah")
    'hasakah'
    >>> strip_attached_article("idlib")
    ''
    """
    r = rules()
    changed = False
    out = []
    for tok in key.split(" "):
        new = r.attached_article.sub("", tok, count=1)
        changed |= new != tok
        out.append(new)
    return " ".join(t for t in out if t) if changed else ""


def _may_have_descriptors(text: str, r: Rules) -> bool:
    """False when no rule of :func:`parse_name` can apply to ``text`` (single-spaced)."""
    if "(" in text or "[" in text or "," in text:
        return True
    words = text.lower().split(" ")
    for n in range(1, min(r.max_words, len(words) - 1) + 1):
        if " ".join(words[:n]) in r.lead_words or " ".join(words[-n:]) in r.tail_words:
            return True
    return False


@dataclass(frozen=True)
class ParsedName:
    """A name taken apart: the core name, what surrounded it, and what it implies.

    Attributes
    ----------
    core : str
        The place name itself, descriptors removed (original spelling).
    qualifier : str | None
        Text in brackets or after a comma ("Babila (Idlib)" -> "Idlib").
    precision : int
        1 unless a descriptor says "near", "district", "countryside", ...
    area : bool
        True when the descriptor names an area of the place (countryside, province, ...).
    direction : str | None
        A compass word that preceded the name ("northern Hama" -> "northern").
    """

    core: str
    qualifier: str | None = None
    precision: int = 1
    area: bool = False
    direction: str | None = None


_BRACKET_RE = re.compile(r"^(.*?)\s*[\(\[]([^\)\]]*)[\)\]]\s*(.*)$")


def parse_name(text: str) -> ParsedName:
    """Split descriptors and qualifiers off a name as written in an article.

    Examples
    --------
    >>> parse_name("Kafr Nabudah village")
    ParsedName(core='Kafr Nabudah', qualifier=None, precision=1, area=False, direction=None)
    >>> parse_name("Babila (Idlib)").qualifier
    'Idlib'
    >>> p = parse_name("the southern countryside of Idlib")
    >>> (p.core, p.area, p.direction)
    ('Idlib', True, 'southern')
    >>> parse_name("al-Midan neighbourhood, Damascus").qualifier
    'Damascus'
    """
    r = rules()
    text = text[: _MAX_LEN * 4]
    if not text.isprintable():
        text = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text)
    text = _SPACE_RE.sub(" ", text).strip()
    if not _may_have_descriptors(text, r):
        return ParsedName(core=text.strip(" -'\"."))
    qualifier = None
    m = _BRACKET_RE.match(text)
    if m and m.group(1):
        qualifier = m.group(2).strip() or None
        text = (m.group(1) + " " + m.group(3)).strip()
    if "," in text:
        head, _, tail = text.partition(",")
        if head.strip():
            text, qualifier = head.strip(), (tail.strip() or qualifier)
    precision, area, direction = 1, False, None
    changed = True
    while changed and text:
        changed = False
        low = text.lower()
        for lead in r.leads_by_initial.get(low[:1], ()):
            if low.startswith(lead + " ") and len(text) > len(lead) + 1:
                text = text[len(lead) + 1:].strip()
                level = r.descriptors.get(lead.split(" ")[0], 1)
                if lead in ("near", "around", "outside"):
                    level = 2
                if level > precision:
                    precision = level
                area |= level == 3
                changed = True
                break
        words = text.split(" ")
        if len(words) > 1 and words[0].lower() in r.directions:
            direction = direction or words[0].lower()
            text = " ".join(words[1:])
            changed = True
            continue
        if len(words) > 2 and f"{words[0]} {words[1]}".lower() in r.directions:
            direction = direction or f"{words[0]} {words[1]}".lower()
            text = " ".join(words[2:])
            changed = True
            continue
        for desc, level in r.descriptors_by_final.get(low[-1:], ()):
            if low.endswith(" " + desc) and len(text) > len(desc) + 1:
                text = text[: -len(desc) - 1].strip().rstrip("-").strip()
                if level > precision:
                    precision = level
                area |= level == 3
                changed = True
                break
    return ParsedName(core=text.strip(" -'\"."), qualifier=qualifier, precision=precision, area=area, direction=direction)
