"""Step: places. Find the place names of a sentence that an event governs, then resolve them.

:func:`find_places` reads capitalised names and keeps those that the wording marks as
places: a place noun before them ("the town of X", "the northern countryside of X",
"neighbourhood of X"), a suffix after them ("X province", "X's countryside", "X gas
field"), a locative preposition ("in", "on", "near", "towards") before a name the
gazetteer knows, or a list that began so ("the towns of A, B and the village of C").
Origins ("from X"), countries, actors, sources and metonyms are not places. A
governorate or city right after a list ("... in Hama province", ", in the southern
countryside of Idlib", ", on the outskirts of Aleppo") is a *locator*: it is the context
of the list, not a place of its own.

:func:`resolve_place` turns a mention into a point with the gazetteer (and the
governorate table for province-level mentions), with ``geo_precision`` from the
wording (1 the place itself, 2 near / part of it, 3 only a governorate).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from gazetteer.admin import CITY_FIRST, admin_mentions, country_mentions, direction_in
from gazetteer.rank import NEIGHBOURS, haversine_km
from geo.extract.actors import count_words
from geo.extract.assemble import AREA_CODES
from geo.extract.fastre import prefixes, trie_regex
from geo.extract.lexicon import Governorate, Lexicon

__all__ = ["GazetteerLike", "PlaceMention", "ResolvedPlace", "find_places", "resolve_place", "is_known_place",
           "place_kind", "referent"]


class GazetteerLike(Protocol):
    """What the extractor needs of a gazetteer (``gazetteer.Gazetteer`` has it)."""

    def geocode(self, name: str, *, context: str | None = None, country: str | None = None,
                near: list[tuple[float, float]] | None = None) -> Any: ...

    def lookup(self, name: str, country: str | Iterable[str] | None = None) -> list[Any]: ...


@dataclass
class PlaceMention:
    """A place name in a sentence and what its wording says."""

    start: int
    end: int
    name: str  # as written, cleaned ("Kafr Zita", "Hama")
    as_written: str  # with the wording that marks its level ("the province of Hama", "southern Idlib")
    precision: int  # from the wording: 1, 2 or 3
    governorate: Governorate | None = None  # set when the mention stands for a whole governorate
    near: bool = False
    role: str = "item"  # item | locator
    locator: PlaceMention | None = None  # the locator that gives this item its context
    list_id: int = 0
    feature: str | None = None  # "gas field", "airbase" ...
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ResolvedPlace:
    """A point for a mention."""

    name: str
    lat: float
    lon: float
    geonameid: int | None
    admin1: str | None
    country_code: str
    precision: int
    note: str | None = None
    fallback: bool = False
    feature_code: str | None = None


_CONNECT = r"(?:al|el|ad|ash|as|az|an|ar|at|ez|es|ed|um|umm|bin|ibn|abu|bani|beni|de|du|al-|el-)"
#: Capital letters a transliterated name may open with: ASCII, Latin-1 and the Latin Extended
#: capitals of Turkish and Kurdish spellings ("Şera", "Ḩamāh")
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de" + "".join(
    c for c in map(chr, [*range(0x100, 0x180), *range(0x1E00, 0x1F00)]) if c.isupper())
_CAP = rf"(?:[{_UPPER}][\w'\-]*[\w]|[{_UPPER}])"
_NAME_RE = re.compile(
    rf"(?<![\w\-'])(?:(?:al|el|ar|as|ad|an|ash|at|az)-|(?-i:al|el)\s+(?=[A-Z]))?{_CAP}(?:(?:\s+|-)(?:{_CONNECT}[\s\-]+)?{_CAP}|\s+{_CONNECT}-{_CAP})*"
)


def _patterns(lex: Lexicon) -> dict[str, re.Pattern[str]]:
    """The compiled place-context patterns of a lexicon (compiled once, kept on the lexicon)."""
    cached = lex.extra.get("place_patterns")
    if cached is None:
        cached = lex.extra["place_patterns"] = _compile_patterns(lex)
    return cached


#: Suffixes a direction may stand before: "Hama northern countryside", "Idlib's southern countryside"
_DIRECTED_SUFFIXES = ("countryside", "province", "governorate", "region", "desert", "badia", "outskirts", "suburbs", "edge",
                      "entrance", "side", "flank", "front")

#: A list item's own date, between it and the next item: "then Hama on 5 December and Homs on Saturday"
_DATED_ITEM = (r"\s+on\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:night|morning|evening|afternoon))?|"
               r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|"
               r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2})(?=[\s,])")


def _compile_patterns(lex: Lexicon) -> dict[str, re.Pattern[str]]:
    pl = lex.places
    nouns = sorted(pl["place_nouns"], key=len, reverse=True)
    dirs = sorted(pl["directions"], key=len, reverse=True)
    sufs = sorted(pl["name_suffixes"], key=len, reverse=True)
    # "Rajo (outskirts)", "Hajin (countryside)": a log's aside that the place is the area around the town
    areas = [x for x in sufs if int(pl["name_suffixes"][x]) > 1 and not x.startswith("'")]
    preps = sorted(pl["prepositions"], key=len, reverse=True)
    nears = sorted(pl["near_words"], key=len, reverse=True)
    origins = sorted(pl["origin_words"], key=len, reverse=True)
    nonev = sorted(pl["non_event_context"], key=len, reverse=True)
    alt = lambda xs: "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in xs)  # noqa: E731
    return {
        # "the northern countryside of ", "the towns of ", "neighbourhood of " right before the name
        "noun_before": re.compile(rf"\b(?:the\s+|a\s+|an\s+)?(?:(?P<dir>{alt(dirs)})\s+)?(?:(?:rebel|opposition|regime|government|ISIS|IS|Kurdish|SDF|militant)[\s\-](?:held|controlled)\s+)?(?P<noun>{alt(nouns)})\s+(?:of|in)\s+(?:the\s+)?$", re.I),
        "dir_before": re.compile(rf"\b(?:the\s+)?(?P<dir>{alt(dirs)})\s+$", re.I),
        # "X province", "X's countryside", and with a direction: "Hama northern countryside", "Idlib's southern countryside"
        "suffix_after": re.compile(rf"^(?P<suf>\s*(?:(?:(?P<sposs>'s)\s+)?(?P<sdir>{alt(dirs)}|[NSEW]{{1,2}}\.)\s+(?P<sbase>{alt(_DIRECTED_SUFFIXES)})"
                                   rf"|{alt(sufs)}|\(\s*(?:{alt(areas)})\s*\)))(?:\b|(?<=\)))", re.I),
        "prep_before": re.compile(rf"\b(?P<prep>{alt(preps)})\s+(?:the\s+)?(?:(?:{alt(dirs)})\s+)?(?:[\w]+[\s\-](?:held|controlled|besieged)\s+)?(?:(?:{alt(dirs)})\s+)?$", re.I),
        "near_before": re.compile(rf"\b(?P<near>{alt(nears)})\s+(?:the\s+)?(?:(?:town|village|city|settlement|locality|hamlet|neighbou?rhood|area|district)\s+of\s+)?(?:the\s+)?$", re.I),
        "origin_before": re.compile(rf"\b(?:{alt(origins)})\s+(?:(?:over|above|inside|within|across|beyond|near)\s+)?(?:the\s+)?(?:(?:{alt(nouns)})\s+of\s+)?(?:the\s+)?(?:(?:{alt(dirs)})\s+)?$", re.I),
        "nonevent": re.compile(rf"\b(?:{alt(nonev)})\b", re.I),
        "pre_locator": re.compile(r"\s+(?:districts?|neighbou?rhoods?|suburbs?|quarters?|outskirts|countryside|villages|towns|areas)\s+(?:of|in)\s+"
                                  # "in Idlib province – the settlements of Kafr Nubl (4) and Saraqib (2)"
                                  r"|\s*[\u2013\u2014:-]\s*(?:the\s+)?(?:settlements?|villages?|towns?|localities|locality)\s+of\s+", re.I),
        "list_gap": re.compile(rf"^\s*(?:\(\d+\)\s*)?(?:{_DATED_ITEM})?(?:,\s*(?:(?:and|or|as well as|plus|&|then|and\s+then|and\s+later)\s+)?|\s(?:and|or|as well as|plus|&|then|and\s+then|and\s+later)\s+|\s*/\s*)(?:the\s+)?(?:(?:{alt(dirs)})\s+)?(?:(?P<noun>{alt(nouns)})\s+of\s+)?(?:the\s+)?$", re.I),
        "locator_gap": re.compile(rf"^\s*,?\s*(?:(?:both|all)\s+)?(?:in|on|near|of|at|outside|around|within|(?:(?!and\b|or\b|but\b|then\b)[\w\-]+\s+)?(?:above|overlooking|near|outside|around)|(?:(?:in|on|across|among)\s+the\s+(?:[\w\-]+\s+){{1,2}}|(?:about|some|around|roughly|nearly)\s+)?(?:[\d.,]+\s*(?:km|kilomet(?:re|er)s?|miles)\s+|\w+\s+)?(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)\s+of|close\s+to)?\s*(?:the\s+)?(?:(?:{alt(dirs)})\s+)?(?:(?P<noun>{alt(nouns)})\s+of\s+)?(?:the\s+)?(?:(?:{alt(dirs)})\s+)?$", re.I),
    }


_BOUNDARY = re.compile(r"\b")
#: Connecting words left at the end of a capitalised run cut short by an actor's mask
_TRAILING_CONNECT = re.compile(r"(?:[\s\-]+(?:al|el|ad|ash|as|az|an|ar|at|ez|es|ed|um|umm|bin|ibn|abu|bani|beni|de|du))+$")
#: A sentence that opens by bearing from a place: "North of Aleppo, ...", "Further east of Homs, ..."
_BEARING_OPENING = re.compile(r"\W*(?:(?:further|farther|just|some\s+\d+\s*km|\d+\s*km)\s+)?(?:north|south|east|west|"
                              r"north-?east|north-?west|south-?east|south-?west)(?:wards?)?\s+of\s+(?:the\s+)?", re.I)
#: A compass initial ending a capitalised run, before its period: "Saraqib E." (east), "Hajin NW."
_BEARING_END = re.compile(r"\s+(?:[NSEW]|NE|NW|SE|SW)$")
#: After a name: a street of a town ("al-Thawra st.", "Baghdad Street")
_STREET_AFTER = re.compile(r"\s+(?:st\.|street\b|avenue\b|ave\.)", re.I)
#: A road named by the towns it joins: "Saraqib-Afis", "Aleppo-Gaziantep" (before "road")
_ROAD_HYPHEN = re.compile(r"(?<=\w)-(?=[A-Z])")
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an"})


def _road_first_town(name: str) -> str | None:
    """The first town of a road named by the towns it joins ("Saraqib-Afis": Saraqib;
    "Maarat al-Numan-Saraqib": Maarat al-Numan, the hyphen after an article being the name's)."""
    for m in _ROAD_HYPHEN.finditer(name):
        left = name[:m.start()]
        if re.split(r"[\s\-]", left)[-1].lower() not in _ARTICLES:
            return left
    return None


_ROAD_AFTER = re.compile(r"\s+(?:road|rd\b\.?|highway|motorway|route)\b", re.I)
_ROAD_LOCATED = re.compile(r"\s+(?:road|rd\b\.?|highway|motorway|route)\s+(?:near|at|outside|close\s+to|by|"
                           r"(?:\w+\s+)?(?:north|south|east|west)\w*\s+of)\s", re.I)


def _tail_words(lex: Lexicon) -> dict[str, tuple[tuple[str, ...], re.Pattern[str] | None]]:
    """Per ``*_before`` pattern: the words one of its matches must end with (lower case), and
    a regex finding the word boundaries of a lower-cased window where a match may begin.

    Every ``*_before`` pattern ends with ``word\\s+$``; the last white-space token of the
    window must end with one of these words, else the pattern cannot match (a cheap test).
    It begins with ``\\b`` and one of a few leading characters (:func:`~geo.extract.fastre.prefixes`):
    the second regex finds those boundaries (None when a match may begin with anything).
    """
    cached = lex.extra.get("place_tail_words")
    if cached is None:
        pl = lex.places
        last = lambda xs: {x.split()[-1].lower() for x in xs if x.split()}  # noqa: E731
        dirs = last(pl["directions"])
        words = {
            "noun_before": ("of", "in", "the"),
            "dir_before": tuple(sorted(dirs)),
            "prep_before": tuple(sorted(last(pl["prepositions"]) | dirs | {"the", "held", "controlled", "besieged"})),
            "near_before": tuple(sorted(last(pl["near_words"]) | {"the", "of"})),
            "origin_before": tuple(sorted(last(pl["origin_words"]) | dirs | {"the", "of", "over", "above", "inside", "within", "across", "beyond", "near"})),
        }
        P = _patterns(lex)
        heads = {k: prefixes(P[k].pattern) for k in words}
        cached = lex.extra["place_tail_words"] = {
            k: (w, None if "" in heads[k] else re.compile(rf"\b(?={trie_regex(heads[k])})")) for k, w in words.items()}
    return cached


#: ASCII white space as one space (what :func:`geo.extract.fastre.prefixes` reads white space as).
_ASCII_SPACES = str.maketrans({c: " " for c in "\t\n\v\f\r\x1c\x1d\x1e\x1f"})


def _search_tail(rx: re.Pattern[str], spec: tuple[tuple[str, ...], re.Pattern[str] | None], before: str,
                 low: str | None) -> re.Match[str] | None:
    """``rx.search(before)`` for a ``\\b...\\s+$`` pattern, tried only at the word boundaries
    of ``before`` (where the pattern's leading ``\\b`` lets it start).

    ``low`` is ``before`` lower-cased, white space as spaces (None: not ASCII, no shortcut):
    the search is skipped when its last token ends with none of the pattern's last words
    (``spec[0]``), and only the boundaries where the text begins with one of the pattern's
    leading characters are tried (those ``spec[1]`` finds in ``low``: ASCII lower-casing keeps
    every offset and word boundary).
    """
    words, heads = spec
    if low is not None:
        if not low.rsplit(None, 1)[-1].endswith(words):
            return None
        if heads is not None:
            for h in heads.finditer(low):
                m = rx.match(before, h.start())
                if m is not None:
                    return m
            return None
    for b in _BOUNDARY.finditer(before):
        m = rx.match(before, b.start())
        if m is not None:
            return m
    return None


def _strip_leading(name: str, lex: Lexicon) -> tuple[str, int, str]:
    """Drop capitalised words that are not part of a place name ("Near Raqqa" -> "Raqqa")."""
    words = name.split()
    dropped = []
    while words and (words[0].lower() in lex.not_places or words[0].lower() in ("near", "in", "on", "at", "the")
                     or _OWNER_HELD.fullmatch(words[0])):  # "Kurdish-held Tal Rifaat": its owner, not its name
        # keep multiword not_places ("Middle East") whole: handled by the caller
        dropped.append(words.pop(0))
        rest = " ".join(words)
        if rest.lower() in lex.not_places:
            break
    if not dropped:
        return name, 0, ""
    rest = " ".join(words)
    off = name.find(rest) if rest else len(name)
    return rest, off, " ".join(dropped)


_OWNER_HELD = re.compile(r"[\w']+-(?:held|controlled|besieged|occupied|run|dominated)", re.I)
_LEVEL_WORD_END = re.compile(r"\s+(?:Province|Governorate|Countryside)$")
_POSSESSIVE = re.compile(r"'s\s+(?=[A-Z])")
_OPEN_BRACKET = re.compile(r"\s*\(\s*")
_CLOSE_BRACKET = re.compile(r"\s*\)")
#: Between an event word and its object: "shelled (the) X", "bombing eastern Aleppo"
_OBJECT_GAP = re.compile(r"\s*(?:the\s+)?(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?\s+|central\s+)?", re.I)
_PASSIVE_SUBJECT = re.compile(r"(?:(?:\s*,\s*|\s+and\s+|\s+or\s+)[A-Z][\w'\-]*(?:\s+(?:al-|el-)?[A-Z][\w'\-]*)*)*"
                              r"(?:\s*,\s*(?:in|near|north|south|east|west|outside|on)\b[^,;.]{1,60},)?"  # "X, in southern Idlib, was hit"
                              r"(?:\s+and\s+the\s+(?:villages?|towns?|areas?|farms?|neighbou?rhoods?)\s+(?:around|near|surrounding)\s+it)?"
                              r"\s+(?:was|were|has been|have been|had been|came under|come under|is being|are being|"
                              r"(?:fell|falls|fall|has\s+fallen|had\s+fallen)\s+(?:to|into|back\s+to)|changed\s+hands)\b")


def _looks_like_toponym(name: str, lex: Lexicon) -> bool:
    """An Arabic place-name shape: "Kafr A'wid", "Tal Abyad", "Al-Bawabiya"."""
    prefixes = lex.extra.get("toponym_prefixes")
    if prefixes is None:
        prefixes = lex.extra["toponym_prefixes"] = frozenset(p.lower() for p in lex.places.get("toponym_prefixes", []))
    first = re.split(r"[\s]", name, maxsplit=1)[0].lower()
    head = first.split("-")[0]
    return first in prefixes or (head in prefixes and "-" in first) or (len(name.split()) > 1 and head in prefixes)


#: Before a governorate that opens a sentence of a roundup: "In ", "Also in ", "Meanwhile, in "
_LEAD_IN = re.compile(r"^[\s\W]*(?:(?:also|meanwhile|elsewhere|further\s+\w+|separately)\s*,?\s+)?in\s+(?:the\s+province\s+of\s+)?$",
                      re.I)


def _sentence_initial(text: str, start: int) -> bool:
    return not text[:start].strip(" \"'([")


def is_known_place(name: str, gz: Any | None, lex: Lexicon) -> bool:
    """Whether ``name`` as written is a known place in Syria or a neighbour.

    A Syrian candidate of the gazetteer's exact/variant lookup counts; a foreign one only
    when its name is the same word (variant lookups of a worldwide gazetteer find a
    "Putian" for "Putin").
    """
    if lex.governorate(name) is not None:
        return True
    if gz is None:
        return False
    for c in _lookup(gz, name):
        cc = (getattr(c, "country_code", None) or "").upper()
        if cc == "SY":
            return True
        if cc in _NEIGHBOURS and _same_name(name, getattr(c, "name", "") or ""):
            return True
    return False


def _lookup(gz: Any, name: str) -> list[Any]:
    try:
        return list(gz.lookup(name, country=_NEIGHBOURS | {"SY"}) or [])
    except (LookupError, ValueError, TypeError):
        return []


#: Countries whose places a capitalised span may name (the gazetteer reads variants no further abroad).
_NEIGHBOURS = frozenset({"LB", "IQ", "TR", "JO", "IL", "PS"})


def _fold(s: str) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"^(?:al|el|ar|as|ad|an|ash|at|az)[\s\-]+", "", s)
    return re.sub(r"[^a-z0-9]+", "", s)


def _same_name(a: str, b: str) -> bool:
    fa, fb = _fold(a), _fold(b)
    return bool(fa) and (fa == fb or (len(fa) >= 5 and (fa.startswith(fb) or fb.startswith(fa)) and abs(len(fa) - len(fb)) <= 2))


#: A capitalised compound adjective ("Druze-majority", "UN-patrolled", "Kurdish-held"): no place name
_COMPOUND_ADJECTIVE = re.compile(r"[A-Z][\w'\u2019]*-(?:majority|dominated|populated|patrolled|held|controlled|run|led|"
                                 r"backed|allied|linked|affiliated|inhabited|speaking|administered|occupied)")
#: After a capitalised word: it qualifies the place noun that follows ("the Alawite village of X")
_ADJECTIVE_OF_NOUN = re.compile(r"\s+(?:town|village|city|hamlet)\s+of\s", re.I)


def find_places(text: str, lex: Lexicon, gz: Any | None, masks: list[tuple[int, int]],
                group_spans: list[tuple[int, int]] | None = None,
                excluded: list[tuple[int, int]] | None = None) -> list[PlaceMention]:
    """The place mentions of sentence ``text`` (items and locators), in order.

    ``masks`` are spans that cannot be places (actors, sources, dates); ``group_spans``
    the trigger groups (a list does not run across a trigger); ``excluded``, when given,
    receives the spans of names read as no place of the event (where fire came from, where
    a road or a convoy led: "a town on the road north towards Idlib province").

    Examples
    --------
    >>> from geo.extract.lexicon import load_lexicon
    >>> t = "Russian warplanes struck the towns of Al Latamneh and Kafr Zita in the northern countryside of Hama"
    >>> [(p.name, p.role, p.precision) for p in find_places(t, load_lexicon(), None, [(0, 17)])]
    [('Al Latamneh', 'item', 1), ('Kafr Zita', 'item', 1), ('Hama', 'locator', 3)]
    """
    P = _patterns(lex)
    TW = _tail_words(lex)
    group_spans = group_spans or []
    out: list[PlaceMention] = []
    list_id = 0
    prev: PlaceMention | None = None
    street_end = 0
    for m in _NAME_RE.finditer(text):
        s, e, raw = m.start(), m.end(), m.group(0)
        # trim masked parts (an actor or source inside a capitalised run)
        if any(ms <= s and e <= me for ms, me in masks):
            continue
        overl = [(ms, me) for ms, me in masks if ms < e and s < me]
        if overl:
            ms, me = overl[0]
            if ms > s:
                e = ms
            else:
                s = me
            # ("Tabqa as Iran fires ...": with "Iran" masked, "as" is no article of a name)
            raw = _TRAILING_CONNECT.sub("", text[s:e].strip(" -'"))
            s = text.find(raw, s) if raw else s
            e = s + len(raw)
            if not raw or not raw[0].isupper():
                continue
        # "Deir ez-Zor Province", "Idlib Governorate": the capitalised level word is a suffix, not the name
        lvl = _LEVEL_WORD_END.search(raw)
        if lvl is not None and lvl.start() > 0:
            raw = raw[:lvl.start()]
            e = s + len(raw)
        # possessive: "Syria's Idlib" -> Idlib; "Aleppo's countryside" -> Aleppo + suffix
        poss = _POSSESSIVE.search(raw)
        if poss:
            owner = raw[:poss.start()]
            raw2 = raw[poss.end():]
            if owner.lower() in lex.not_places or lex.governorate(owner) is None:
                s, raw = s + poss.end(), raw2
            else:
                raw = owner
            e = s + len(raw)
        if raw.endswith("'s"):
            raw, e = raw[:-2], e - 2
        bearing = _BEARING_END.search(raw) if text[e:e + 1] == "." else None
        if bearing is not None:
            raw, e = raw[:bearing.start()], e - len(bearing.group(0))  # "Saraqib E. edge": Saraqib, its east
        name, off, dropped = _strip_leading(raw, lex)
        if not name:
            continue
        s += off
        e = s + len(name)
        if _ADJECTIVE_OF_NOUN.match(text, e) or _COMPOUND_ADJECTIVE.fullmatch(name):
            continue  # "the Christian-majority town of al-Suqaylabiyah", "the UN-patrolled buffer zone": no names
        # "Ayn al-Arab (Kobani), Tal Rifaat and Derik": a name in brackets after a place is its other name
        if prev is not None and _OPEN_BRACKET.fullmatch(text, prev.end, s):
            close = _CLOSE_BRACKET.match(text[e:])
            if close:
                prev.extra.setdefault("aliases", []).append(name)
                prev.end = e + close.end()
                continue
        if name.lower() in lex.not_places or name.lower().split("-")[0] in lex.not_places and "-" not in name:
            continue
        if _AIRCRAFT_TYPE.match(name):
            continue  # "Su-25SM attack aircraft", "Mi-8 helicopters": a type of aircraft
        if name in ("A", "I"):
            continue  # "A hospital in the Sukkari district ...": the article opening the sentence
        street = _STREET_AFTER.match(text, e)
        if street is not None:
            # "al-Thawra st.", "Baghdad Street": a street of the town, not a place of its own; the town
            # it is in is the place, as a part of it: "Idlib city, al-Thawra st.", "X Street in Idlib"
            if prev is not None and re.fullmatch(r"\s*,\s*(?:the\s+)?", text[prev.end:s]):
                prev.precision = max(prev.precision, 2)
            street_end = street.end()
            continue
        first_town = _road_first_town(name) if "-" in name else None
        road_from = False
        if first_town is not None and _ROAD_AFTER.match(text, e):
            if _ROAD_LOCATED.match(text, e) or re.search(r"\bfrom\s+(?:[\w\-]+\s+){0,4}$", text[max(0, s - 60):s]):
                # "the Aleppo-Damascus highway near Khan Tuman": the place is the one named next;
                # "shelled the town from positions on the Homs-Hama highway": where fire came from
                continue
            name, e, road_from = first_town, s + len(first_town), True  # "the Saraqib-Afis road": near Saraqib
        if len(name) < 3 and not name.isupper():
            continue
        before = text[max(0, s - 80):s]
        after = text[e:e + 40]
        if dropped:
            before = before + ""  # the dropped word ("Near") acts as the preposition below
        gov = lex.governorate(name)
        # the *_before patterns all end with white space: a window that does not cannot match
        if before[-1:].isspace():
            low = before.translate(_ASCII_SPACES).lower() if before.isascii() and before.strip() else None
            noun_m = _search_tail(P["noun_before"], TW["noun_before"], before, low)
            dir_m = _search_tail(P["dir_before"], TW["dir_before"], before, low)
            prep_m = _search_tail(P["prep_before"], TW["prep_before"], before, low)
            near_m = _search_tail(P["near_before"], TW["near_before"], before, low)
            origin_m = _search_tail(P["origin_before"], TW["origin_before"], before, low)
        else:
            noun_m = dir_m = prep_m = near_m = origin_m = None
        suf_m = P["suffix_after"].match(after)
        if dropped and dropped.split()[-1].lower() in ("near",):
            near_m = near_m or re.match(r"near", dropped, re.I)
        if dropped and dropped.split()[-1].lower() in ("near", "in", "on", "at", "around", "outside", "towards"):
            prep_m = prep_m or re.match(r"\w+", dropped.split()[-1])
        # an origin ("fired from X"), or a landmark the text only measures by ("al-Qaim, an Iraqi town
        # opposite the Syrian border town of Albu Kamal"): not a place of the event
        if origin_m is not None and near_m is not None and near_m.group("near").lower().startswith("across"):
            origin_m = None  # "across from Deir Ezzor": near it, not an origin
        expelled = origin_m is not None and _EXPELLED_FROM.search(before[-60:]) is not None
        origin = (origin_m is not None and not expelled) or _REFERENCE_BEFORE.search(before[-80:]) is not None \
            or _DESTINATION_BEFORE.search(before[-90:]) is not None or _CONTROLS_BEFORE.search(before[-60:]) is not None
        # a list continuation of the previous mention
        cont = None
        if prev is not None and prev.end <= s:
            gap = text[prev.end:s]
            if not any(ps >= prev.end and pe <= s for ps, pe in group_spans):
                cont = P["list_gap"].match(gap)
        if origin and not cont:
            if excluded is not None:
                excluded.append((s, e))
            prev = None
            continue
        precision = 2 if road_from else 1
        as_written = name
        feature = None
        area_name = None
        pm_city_part = False
        is_gov_level = False
        strong = False
        if noun_m:
            noun = noun_m.group("noun").lower()
            precision = max(precision, int(lex.places["place_nouns"].get(re.sub(r"\s+", " ", noun), 1)))
            strong = True
            if noun in ("province", "provinces", "governorate", "governorates", "countryside", "region") and gov:
                is_gov_level = True
            if noun_m.group("dir") and gov and noun not in lex.places.get("city_part_nouns", ()) \
                    and int(lex.places["place_nouns"].get(noun, 1)) > 1 \
                    and not (suf_m and suf_m.group("suf").strip().lower() == "city"):
                is_gov_level = True  # "the northern countryside of Hama"; "the eastern districts of Aleppo" is the city
            if is_gov_level:
                as_written = text[s - (len(before) - noun_m.start()):e].strip()
        if suf_m:
            suf = re.sub(r"\s+", " ", suf_m.group("suf").strip(" \t()").lower())
            if suf_m.group("sdir"):
                suf = ("'s " if suf_m.group("sposs") else "") + suf_m.group("sbase").lower()
            p = int(lex.places["name_suffixes"].get(suf, lex.places["name_suffixes"].get(
                suf.replace("'s ", ""), 2 if suf_m.group("sdir") else 1)))  # "X's eastern flank": a side of X
            strong = True
            if suf.replace("'s ", "") in ("province", "governorate", "countryside", "region", "desert", "badia") and gov:
                is_gov_level = True
                precision = 3
                if suf_m.group("sdir"):
                    as_written = text[s:e + suf_m.end()].strip()  # the part: "Hama northern countryside"
            elif p == 1 and suf not in ("city", "town", "village"):
                feature = suf
                as_written = text[s:e + suf_m.end()].strip()
            else:
                precision = max(precision, p)
                as_written = text[s:e + suf_m.end()].strip()
                if p == 2 and suf in _AREA_SUFFIXES:
                    area_name = as_written  # "the Yarmouk basin": the gazetteer may know the area by that name
        if dir_m and not noun_m and gov and not (suf_m and suf_m.group("suf").strip().lower() == "city"):
            as_written = text[s - (len(before) - dir_m.start()):e + (suf_m.end() if suf_m else 0)].strip()
            if not suf_m and (((_CITY_CONTEXT.search(text) or gov.admin1 in CITY_FIRST) and not _COUNTRY_CONTEXT.search(text))
                              or dir_m.group("dir").lower() == "central"):
                # "central Damascus" is the city centre (as in the gazetteer)
                # "besieged eastern Aleppo", "the recapture of eastern Aleppo": the east of the city
                precision = 2
                pm_city_part = True
            else:
                is_gov_level = True  # "southern Idlib", "the northern Hama countryside"
        if gov is not None and not noun_m and not suf_m and not dir_m and _LEAD_IN.match(text[:s]) \
                and text[e:e + 1] == "," and not _CITY_CONTEXT.search(text) and not re.match(r",\s*where\b", text[e:]):
            is_gov_level = True  # "In Deir ez-Zor, suspected IS militants attacked ... in Dhiban": the province
        if near_m:
            precision = max(precision, 2)
            strong = strong or True
        if cont is not None and prev is not None:
            if cont.group("noun"):
                n = cont.group("noun").lower()
                precision = max(1, int(lex.places["place_nouns"].get(n, 1)))
        # the direct object of an event word: "shelled Zamalka", "striking Kafr Batna", "captured the town of X"
        obj_of_trigger = any(ge <= s and _OBJECT_GAP.fullmatch(text, ge, s) for _gs, ge in group_spans)
        strong = strong or (obj_of_trigger and not _sentence_initial(text, s))
        # the subject of a passive event: "Afrin and Tal Rifaat were hit by ..."
        passive_subject = _PASSIVE_SUBJECT.match(text, e) is not None
        located = prep_m is not None or near_m is not None or passive_subject or expelled
        accepted = strong or (cont is not None and prev is not None) or \
            (located and is_known_place(name, gz, lex)) or \
            (located and _looks_like_toponym(name, lex) and not _sentence_initial(text, s))
        if not accepted:
            prev = None
            continue
        if is_gov_level and gov is not None:
            precision = 3
        around_town = precision == 3 and gov is None
        if around_town:
            precision = 2  # "the region of Kobani", "the Jisr al-Shughur countryside": around a town, not a governorate
        new_list = not (cont is not None and prev is not None)
        if new_list:
            list_id += 1
        if street_end and re.fullmatch(r"\s+(?:in|of)\s+(?:the\s+)?", text[street_end:s]):
            precision = max(precision, 2)
        pm = PlaceMention(s, e, name, as_written, precision, gov if is_gov_level else None,
                          near=bool(near_m), list_id=list_id, feature=feature)
        if suf_m:
            pm.end = e + suf_m.end()
        if around_town:
            pm.extra["area"] = True
        if (noun_m and noun_m.group("noun").lower() in ("city", "town")) or \
                (suf_m and suf_m.group("suf").strip().lower() == "city"):
            pm.extra["city"] = True  # "the southern city of Daraa", "Daraa city": the city, not the province
        if area_name:
            pm.extra["area_name"] = area_name
        if noun_m and noun_m.group("noun").lower().rstrip("s") in ("town", "village", "city", "citie"):
            pm.extra["kind"] = noun_m.group("noun").lower()  # "the town of al-Sukhnah": a town
        if pm_city_part:
            pm.extra["city"] = True
        pre = P["pre_locator"].match(text, pm.end)
        if pre:
            pm.extra["pre_locator"] = True  # "the Damascus districts of Bab Touma": Damascus is the context  # "Homs province", "Sha'ar gas field": the list goes on after the suffix
        if cont is not None and prev is not None and prev.near and not new_list:
            pm.near = True
            pm.precision = max(pm.precision, 2)
        out.append(pm)
        prev = pm
    _mark_locators(text, out, lex, P, group_spans, gz)
    if len(out) > 1 and out[0].role == "item" and text[out[0].end:out[0].end + 1] == "," \
            and _BEARING_OPENING.fullmatch(text, 0, out[0].start) and any(p.role == "item" for p in out[1:]):
        out[0].role = "locator"  # "North of Aleppo, factions seized Tal Rifaat": where Tal Rifaat is
        for p in out[1:]:
            if p.role == "item" and p.locator is None:
                p.locator = out[0]
    _governorate_lists(text, out, lex)
    return out


def _mark_locators(text: str, mentions: list[PlaceMention], lex: Lexicon, P: dict[str, re.Pattern[str]],
                   group_spans: list[tuple[int, int]], gz: Any | None = None) -> None:
    """A governorate or city right after a list item is the list's context, not a place of its own;
    so is an area ("the villages of A, B and C in Jabal al-Zawiya") the gazetteer knows as one."""
    for i, cur in enumerate(mentions):
        if cur.extra.get("pre_locator") and i + 1 < len(mentions):
            cur.role = "locator"
            gov = lex.governorate(cur.name)
            if gov is not None and re.match(r"\s+countryside", text[cur.end:]):
                cur.governorate = gov
            j = i + 1
            while j < len(mentions) and mentions[j].list_id in (mentions[i + 1].list_id,) and mentions[j].role == "item":
                mentions[j].locator = cur
                j += 1
    for i in range(1, len(mentions)):
        cur, prv = mentions[i], mentions[i - 1]
        gap = text[prv.end:cur.start]
        if prv.role == "locator":
            if cur.role == "item" and _BEARING_GAP.fullmatch(gap) and not any(gs >= prv.end and ge <= cur.start
                                                                               for gs, ge in group_spans):
                cur.role = "locator"  # "in the Jabal al-Zawiya hills south of Idlib city": whereabouts, too
                if prv.locator is None:
                    prv.locator = cur
            continue
        if any(gs >= prv.end and ge <= cur.start for gs, ge in group_spans):
            continue
        if count_words(gap) > 8:
            continue
        gap_m = P["locator_gap"].match(gap)
        if not gap_m:
            continue
        if (_NEAR_GAP.match(gap) and prv.locator is None and prv.governorate is None
                and _RELATIVE_BEFORE.search(text, max(0, prv.start - 40), prv.start)):
            # "positions south of Damascus near Al-Kiswah": the place is Al-Kiswah, Damascus its bearing
            prv.role = "locator"
            cur.locator = prv
            continue
        gov = lex.governorate(cur.name)
        if prv.governorate is not None and gov is None and cur.governorate is None:
            continue  # "In the Hama province, near Kafr Zita, ...": the village is in the province, not its context
        plain_in = re.match(r"^\s*,?\s*(?:in|,)\s*$", gap) is not None
        if gov is not None and lex.governorate(prv.name) is not None and re.match(r"^\s*(?:,|and|or)?\s*$", gap):
            continue  # "Hama, Idlib and Aleppo": a list of governorates, not a locator
        is_loc = (cur.governorate is not None or cur.precision >= 2 or cur.near
                  or (gov is not None and (plain_in or gap.strip() in ("", ",")))
                  or re.search(r"\b(?:of|near|outside|around)\s*(?:the\s+)?$", gap)
                  or (re.match(r"^\s*,?\s*in\s+(?:the\s+)?$", gap) and _is_area(cur.name, gz)))
        if not is_loc:
            continue
        # items of the same run that precede it take it as their context
        cur.role = "locator"
        if gov is not None and cur.governorate is None and (plain_in or cur.precision >= 3 or re.search(r"countryside|province", gap)):
            cur.governorate = gov
        j = i - 1
        run_list = prv.list_id
        while j >= 0 and mentions[j].role == "item" and mentions[j].list_id == run_list and mentions[j].locator is None:
            mentions[j].locator = cur
            j -= 1


def _is_area(name: str, gz: Any | None) -> bool:
    """Whether the gazetteer knows ``name`` in Syria as an area (a region, mountains, a plain)."""
    if gz is None:
        return False
    return any((getattr(p, "country_code", "") or "").upper() == "SY" and getattr(p, "feature_code", None) in AREA_CODES
               for p in _lookup(gz, name))


#: "opposite the Syrian border town of ", "across the border from ", "facing " right before a name
_REFERENCE_BEFORE = re.compile(r"\b(?:opposite|across\s+the\s+(?:border|frontier)\s+from|facing|"
                               # "near al-Qaim in Iraq, a few kilometres from the Syrian border town of Albu Kamal"
                               r"(?:kilomet(?:re|er)s?|km|miles)\s+(?:away\s+)?from(?=\s+the\s+(?:Syrian|Iraqi|Lebanese|Turkish|Jordanian)\s+border)|"
                               r"(?:strongholds?|enclaves?|pockets?|corridor|road|highway|motorway|route|railway)\s+between|"
                               # "Sinjar, which lies about 50 km east of the Rabia border crossing" (another place's
                               # whereabouts; "a facility located 13 km south of Aleppo was destroyed" is near Aleppo)
                               r"(?:which|that)\s+(?:lies|is\s+located|is\s+situated|sits)\s+(?:(?:about|some|around|roughly|nearly)\s+)?"
                               r"(?:[\d.,]+\s*(?:km|kilomet(?:re|er)s?|miles)\s+)?(?:(?:north|south)(?:-?(?:east|west))?|east|west)\s+of|"
                               # "the M5 highway linking Aleppo to Damascus"
                               r"(?:road|highway|motorway|route|railway|line)\s+(?:linking|connecting|joining)"
                               r"(?:\s+(?:[\w\-']+\s+){0,4}?(?:to|and|with))?)\s+"
                               r"(?:the\s+)?(?:[\w\-]+\s+){0,4}?(?:of\s+)?$", re.I)
#: What a group is described as ruling: "HTS, the alliance that dominates Idlib province, said ...":
#: a description of the actor, not a place of the event
_CONTROLS_BEFORE = re.compile(r"\b(?:that|which|who)\s+(?:now\s+|still\s+)?(?:dominates|dominated|controls|controlled|rules|ruled|"
                              r"governs|governed|runs|holds\s+sway\s+(?:in|over))\s+(?:much\s+of\s+|most\s+of\s+|parts\s+of\s+|"
                              r"all\s+of\s+)?(?:the\s+)?$", re.I)
#: Where something was on its way to ("a convoy moving from Raqqa towards Palmyra", "a town on the
#: road north towards Idlib"): not where it was hit
_DESTINATION_BEFORE = re.compile(r"\b(?:road|highway|motorway|route)\s+(?:(?:north|south|east|west)\w*\s+)?towards?\s+(?:the\s+)?$|"
                                 r"\b(?:moving|heading|headed|travell?ing|driving|on\s+(?:its|their|the)\s+way|en\s+route|"
                                 r"bound|retreating|retreated|withdrawing|withdrew|withdrawn|fleeing|fled|escaping|escaped|leads?|leading)\s+"
                                 r"(?:(?:overnight|quickly|hastily|later|eventually|gradually|then|back)\s+)?"
                                 r"(?:from\s+(?:[\w\-']+\s+){1,4}?)?(?:(?:north|south|east|west)\w*\s+)?"
                                 r"(?:towards?|to|into|for)\s+(?:the\s+)?(?:(?:Syrian|Lebanese|Iraqi|Turkish|Jordanian)\s+)?"
                                 r"(?:(?:town|village|city|area)\s+of\s+)?$", re.I)
#: A sentence about a city's parts: "eastern Aleppo" is then the east of the city, not of its governorate
_CITY_CONTEXT = re.compile(r"\b(?:besieged|siege|neighbou?rhoods?|districts?|quarters?|city|streets?|rebel-held|"
                           r"government-held|opposition-held|regime-held|recapture[ds]?)\b", re.I)
#: ... unless it speaks of the countryside
_COUNTRY_CONTEXT = re.compile(r"\b(?:countryside|province|governorate|rural|villages?)\b", re.I)
#: "drove Daesh from ", "expelled the rebels from ": the place was taken, not where they came from
_EXPELLED_FROM = re.compile(r"\b(?:drove|driven|drive|drives|driving|expelled|expelling|expel|ousted|ousting|oust|"
                            r"chased|pushed|cleared|clearing|evicted|routed|flushed)\s+(?:[\w\-]+\s+){0,4}?"
                            r"(?:out\s+)?(?:of|from)\s+(?:the\s+)?(?:[\w\-]+\s+)?$", re.I)
#: "north of ", "south-east of the " right before a name: a bearing from it, not the place itself
_RELATIVE_BEFORE = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?$", re.I)
#: An aircraft or drone designation: "Su-25SM", "MiG-29", "Mi-8", "F-16", "MQ-9", "Tu-22M3"
_AIRCRAFT_TYPE = re.compile(r"(?:Su|MiG|Mi|Ka|Tu|Il|An|Yak|L|F|A|B|E|C|KC|MQ|RQ|AH|UH|CH|OH|TB|S)-\d", re.I)

#: A bearing between two place names: "hills south of ", ", 30 km north of the "
_BEARING_GAP = re.compile(r"\s*,?\s*(?:[\w\-]+\s+)?(?:(?:about|some|around|roughly|nearly)\s+)?(?:[\d.,]+\s*(?:km|kilomet(?:re|er)s?|miles)\s+)?"
                          r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?", re.I)
_NEAR_GAP = re.compile(r"^\s*,?\s*(?:near|close\s+to|next\s+to|around|outside)\s+(?:the\s+)?(?:(?:town|village|city)\s+of\s+)?$", re.I)


def _governorate_lists(text: str, mentions: list[PlaceMention], lex: Lexicon) -> None:
    """"regions in Hama, Idlib and Aleppo": a list of three or more governorate names is governorates."""
    by_list: dict[int, list[PlaceMention]] = {}
    for m in mentions:
        if m.role == "item":
            by_list.setdefault(m.list_id, []).append(m)
    for items in by_list.values():
        if len(items) >= 3 and all(lex.governorate(m.name) for m in items) \
                and not any(m.extra.get("city") or m.extra.get("kind") for m in items):
            # (not "seized Aleppo city, then Hama and Homs": one named a city, the list is of cities)
            for m in items:
                if m.precision == 1:
                    m.governorate = lex.governorate(m.name)
                    m.precision = 3


# -- resolution -------------------------------------------------------------------------


def _gov_place(g: Governorate, precision: int = 3, note: str | None = None, fallback: bool = False, *,
               gz: Any | None = None, wording: str | None = None) -> ResolvedPlace:
    """The governorate ``g`` as a place; the part of it that ``wording`` names ("the northern
    countryside of Hama") where the gazetteer can place parts (``governorate_point``)."""
    direction = direction_in(wording, g.admin1) if wording else None
    if direction and gz is not None and hasattr(gz, "governorate_point"):
        try:
            part = gz.governorate_point(g.admin1, direction)
        except (LookupError, ValueError, TypeError):
            part = None
        if part is not None and part.name != g.admin1:
            return ResolvedPlace(part.name, float(part.lat), float(part.lon), None, g.admin1, "SY", 3, note, fallback,
                                 feature_code="ADM1")
    return ResolvedPlace(g.admin1, g.lat, g.lon, g.geonameid, g.admin1, "SY", precision, note, fallback)


def _province_phrase(g: Governorate) -> str:
    """Words naming governorate ``g`` as a context: "Hama province"; for Damascus, a city that
    is a governorate of its own, "Damascus city" ("Damascus province" reads as Rif Dimashq)."""
    return g.admin1 + (" city" if g.admin1 == "Damascus" else " province")


def _geocode(gz: Any, name: str, context: str | None, near: list[tuple[float, float]] | None,
             country: str | None = "SY") -> Any | None:
    try:
        r = gz.geocode(name, context=context, country=country, near=near or None)
    except (LookupError, ValueError, TypeError):
        return None
    if r is None or not getattr(r, "matched", bool(getattr(r, "lat", None) is not None)) or getattr(r, "lat", None) is None:
        return None
    cc = (getattr(r, "country_code", None) or "").upper()
    if cc and cc != (country or "SY") and not _same_name(name, getattr(r, "name", "") or ""):
        return None  # a fuzzy match abroad for a Syrian-looking name ("Talhia" -> Talkha, Egypt)
    if cc and cc != country and cc != "SY" and cc not in NEIGHBOURS and cc not in country_mentions(context or ""):
        return None  # "al-Kindi hospital" in Aleppo is not Kindi in Burkina Faso: far abroad only when named
    return r


#: Name suffixes of natural areas: "X valley" may be an area the gazetteer knows by that name
_AREA_SUFFIXES = frozenset({"basin", "valley", "plain", "plains", "mountains", "hills", "desert"})


def resolve_place(m: PlaceMention, gz: Any | None, lex: Lexicon, *, context: str | None = None,
                  near: list[tuple[float, float]] | None = None, cache: dict | None = None,
                  country: str = "SY", governorate_hint: str | None = None) -> ResolvedPlace | None:
    """A point for mention ``m`` (None when nothing fits).

    Governorate-level mentions resolve to the governorate (precision 3). Others go to
    the gazetteer with the locator and sentence as context; the precision is the
    coarser of the wording's and the gazetteer's. An unknown name with a locator falls
    back to the locator (precision 2 for a town, 3 for a governorate). ``country``: where
    the text puts the place ("near Sinjar in northern Iraq", a release's "Strikes in Iraq"
    section); a place elsewhere is not answered. ``governorate_hint``: the governorate the text
    was last about, read only for a city's district when the sentence names no governorate: to
    refuse a mere look-alike elsewhere, and to place an unknown district at that city.
    """
    if country != "SY":
        return _resolve_abroad(m, gz, context, near, country)
    if m.governorate is not None:
        return _gov_place(m.governorate, 3, gz=gz, wording=m.as_written)
    loc = m.locator
    if loc is None and context and m.end < len(context):
        # "Atshan, a town to the east of ... in Hama province": the appositive says where it is,
        # whatever other governorates the sentence names
        am = _APPOSITIVE.match(context, m.end)
        if am is not None and admin_mentions(am.group(0)):
            context = context[m.start:am.end()]
    ctx_parts = []
    if loc is not None:
        ctx_parts.append(loc.as_written if loc.as_written else loc.name)
        if loc.governorate is not None:
            ctx_parts.append(_province_phrase(loc.governorate))
    if context:
        ctx_parts.append(context)
    ctx = ". ".join(ctx_parts) or None
    key = (m.name, m.feature, m.extra.get("area_name"), ctx, tuple(near or ()))
    if cache is not None and key in cache:
        r = cache[key]
    else:
        r = None
        if gz is not None:
            if m.extra.get("area_name"):
                r = _geocode(gz, m.extra["area_name"], ctx, near, "SY")
                if r is not None and (getattr(r, "feature_code", None) not in AREA_CODES
                                      or getattr(r, "feature_code", None) == "ADM1" or getattr(r, "note", None)):
                    r = None  # "the Yarmouk basin" is the basin when the gazetteer knows it, else read "Yarmouk"
            names = [m.name + " " + m.feature] if m.feature else []
            names.append(m.name)
            names += m.extra.get("aliases", [])
            for nm in names if r is None else ():
                r = _geocode(gz, nm, ctx, near, "SY")
                if r is not None:
                    break
            if r is None or (getattr(r, "country_code", "SY") or "SY").upper() != "SY":
                r2 = _geocode(gz, m.name, ctx, near, None)
                if r2 is not None and (r is None or _same_name(m.name, getattr(r2, "name", "") or "")):
                    r = r2
            if r is not None and (getattr(r, "country_code", "SY") or "SY").upper() != "SY" and ctx \
                    and admin_mentions(ctx):
                # "the Aleppo neighbourhoods of al-Midan and al-Sulaymaniyah": not the Iraqi city. Here, not in
                # the gazetteer: the mention's locator ("Hims city") then places it better than the
                # governorate the gazetteer would fall back to (tried: sets B and E lose events)
                r = None
        if cache is not None:
            cache[key] = r
    gov = lex.governorate(m.name)
    if r is not None and ctx and ("fuzzy" in (getattr(r, "note", None) or "")
                                  or float(getattr(r, "score", 1.0) or 1.0) < _WEAK_MATCH
                                  # "In Hama city itself, ... raided homes in the al-Hamidiyeh district":
                                  # a district of the city the sentence names, not a namesake elsewhere
                                  or (loc is None and _names_city_part(m))):
        # "the Aleppo neighbourhoods of al-Midan": a look-alike in a governorate the text does not
        # name is no answer; the named city (a district of it) or governorate is
        named = {mt.admin1 for mt in admin_mentions(ctx)}
        if not named and governorate_hint and _CITY_PART_OF.search(ctx):
            named = {governorate_hint}  # "the government-held districts of al-Midan", Aleppo named before
        if named and getattr(r, "admin1", None) not in named and len(named) == 1:
            g = lex.governorate(next(iter(named)))
            if g is not None:
                note = f"{m.name} not in the gazetteer (only look-alikes elsewhere)"
                if loc is not None and loc.governorate is None:
                    # "the Tharda heights above Deir ez-Zor": near its locator
                    rl = resolve_place(loc, gz, lex, context=context, near=near, cache=cache)
                    if rl is not None and rl.admin1 == g.admin1 and rl.precision <= 2 and not rl.fallback:
                        return ResolvedPlace(rl.name, rl.lat, rl.lon, rl.geonameid, rl.admin1, rl.country_code, 2,
                                             f"{m.name} not in the gazetteer: near {rl.name}", True)
                return _city_part(m, ctx, g, gz, note) or _gov_place(g, 3, note=note, fallback=True)
    if r is not None and getattr(r, "feature_code", None) == "ADM1" and gov is None:
        # the gazetteer answered a governorate for a place it does not know
        g = lex.governorate(getattr(r, "admin1", None) or getattr(r, "name", "") or "")
        if g is not None and loc is not None and loc.governorate is None:
            # "the Handarat camp north of Aleppo": near its locator, which is better than its governorate
            rl = resolve_place(loc, gz, lex, context=context, near=near, cache=cache)
            if rl is not None and rl.admin1 == g.admin1 and rl.precision <= 2:
                return ResolvedPlace(rl.name, rl.lat, rl.lon, rl.geonameid, rl.admin1, rl.country_code, 2,
                                     f"{m.name} not in the gazetteer: near {rl.name}", True)
        if g is not None:
            cp = _city_part(m, ctx, g, gz, getattr(r, "note", None))
            if cp is not None:
                return cp  # "the al-Kallaseh district" of Aleppo: the city, not the governorate
            if (getattr(r, "name", None) or g.admin1) != g.admin1:  # a part of it ("eastern Idlib")
                return ResolvedPlace(r.name, float(r.lat), float(r.lon), None, g.admin1, "SY", 3,
                                     getattr(r, "note", None), True, feature_code="ADM1")
            return _gov_place(g, 3, note=getattr(r, "note", None), fallback=True)
    if r is not None and loc is not None and loc.governorate is None and _names_city_part(m):
        # "the Hamidiyah neighbourhood of Hama": a part of that city, not a namesake village elsewhere
        rl = resolve_place(loc, gz, lex, context=context, near=near, cache=cache)
        if rl is not None and not rl.fallback and rl.precision <= 2 \
                and haversine_km(rl.lat, rl.lon, float(r.lat), float(r.lon)) > _CITY_PART_KM:
            return ResolvedPlace(rl.name, rl.lat, rl.lon, rl.geonameid, rl.admin1, rl.country_code, 2,
                                 f"{m.name} not in the gazetteer as a part of {rl.name}: the city", False,
                                 feature_code=rl.feature_code)
    if r is not None:
        precision = max(m.precision, int(getattr(r, "geo_precision", 1) or 1))
        if gov is not None and m.precision == 1 and (getattr(r, "admin1", None) == gov.admin1) \
                and not m.extra.get("city"):
            precision = 2  # a bare governorate name: the city or the province
        if m.near:
            precision = max(precision, 2)
        gid = getattr(r, "geonameid", None)
        return ResolvedPlace(getattr(r, "name", m.name) or m.name, float(r.lat), float(r.lon),
                             int(gid) if gid is not None else None, getattr(r, "admin1", None),
                             (getattr(r, "country_code", None) or "SY").upper(), min(precision, 3),
                             getattr(r, "note", None), feature_code=getattr(r, "feature_code", None))
    if gov is not None:
        return _gov_place(gov, 3 if m.precision >= 3 else 2)
    if loc is not None:
        if loc.governorate is not None:
            return _gov_place(loc.governorate, 3, note=f"{m.name} not in the gazetteer: its governorate", fallback=True,
                              gz=gz, wording=loc.as_written)
        rl = resolve_place(loc, gz, lex, context=context, near=near, cache=cache)
        if rl is not None:
            return ResolvedPlace(rl.name, rl.lat, rl.lon, rl.geonameid, rl.admin1, rl.country_code,
                                 max(2, rl.precision), f"{m.name} not in the gazetteer: near {rl.name}", True)
    g = lex.governorate(governorate_hint) if governorate_hint and r is None else None
    if g is not None:
        # "fighting in the surrounding Al-Zuhour neighbourhood" after "the city of Hasakah": a district of it
        return _city_part(m, ctx, g, gz, f"{m.name} not in the gazetteer: a district of {g.seat or g.admin1}")
    return None


#: How far from its city a district or neighbourhood of it may lie
_CITY_PART_KM = 15.0


def _names_city_part(m: PlaceMention) -> bool:
    """The wording calls the place a part of a city: "the Hamidiyah neighbourhood", "the district of X"."""
    part = _KIND_RE.search(m.as_written if m.as_written != m.name else "")
    return part is not None and part.group(1).lower() in _CITY_PARTS


def _city_part(m: PlaceMention, ctx: str | None, g: Governorate, gz: Any | None, note: str | None) -> ResolvedPlace | None:
    """An unknown district or neighbourhood of governorate ``g``'s city: that city at precision 2
    (one place with the city, not a fallback), when the wording says it is a part of a city."""
    part = _KIND_RE.search(m.as_written if m.as_written != m.name else "")
    named_part = part is not None and part.group(1).lower() in _CITY_PARTS
    # "the districts of A and B", "the A and B districts"
    listed = bool(ctx) and (_CITY_PART_OF.search(ctx) is not None or re.search(
        re.escape(m.name) + r"[\w\s,'\-]{0,40}?\b(?:districts|neighbou?rhoods|quarters)\b", ctx) is not None)
    if not (named_part or listed):
        return None
    if m.locator is not None and m.locator.governorate is not None:
        g = m.locator.governorate  # "the neighbourhood of Bab Touma in Damascus": that city
    city = _geocode(gz, g.seat or g.admin1, None, None, "SY") if gz is not None else None
    if city is None or not str(getattr(city, "feature_code", "") or "").startswith("PPL"):
        return None
    return ResolvedPlace(city.name, float(city.lat), float(city.lon), getattr(city, "geonameid", None),
                         g.admin1, "SY", 2, note, False, feature_code=city.feature_code)


def _resolve_abroad(m: PlaceMention, gz: Any | None, context: str | None, near: list[tuple[float, float]] | None,
                    country: str) -> ResolvedPlace | None:
    if gz is None or m.governorate is not None:
        return None
    r = _geocode(gz, m.name, context, near, country)
    if r is None or (getattr(r, "country_code", None) or "").upper() != country:
        return None
    gid = getattr(r, "geonameid", None)
    return ResolvedPlace(getattr(r, "name", m.name) or m.name, float(r.lat), float(r.lon),
                         int(gid) if gid is not None else None, getattr(r, "admin1", None), country,
                         min(3, max(m.precision, 2 if m.near else 1, int(getattr(r, "geo_precision", 1) or 1))),
                         getattr(r, "note", None), feature_code=getattr(r, "feature_code", None))


#: ", a town in ...", ", a village to the east of ...": an appositive that describes the place before it
_APPOSITIVE = re.compile(r",\s+(?:a|an)\s+(?:[\w\-]+\s+){0,3}?(?:town|village|city|suburb|hamlet|neighbou?rhood|"
                         r"district|area|locality|settlement)\b[^.;:()\[\]]{0,140}")

_KIND_RE = re.compile(r"\b(town|city|village|district|neighbou?rhood|quarter|suburb|area|camp|base|airbase|airport|"
                      r"field|dam|crossing|province|governorate|countryside|region)s?\b", re.I)


#: Below this gazetteer score a match is only a look-alike ("al-Midan" -> Ma'dan, 0.67; "Tadmir" -> Tadmur is 0.77)
_WEAK_MATCH = 0.72
_CITY_PART_OF = re.compile(r"\b(?:neighbou?rhoods?|districts?|quarters?)\s+of\b", re.I)
#: Parts of a city: an unknown one is placed at its city (precision 2)
_CITY_PARTS = frozenset({"district", "neighbourhood", "neighborhood", "quarter", "suburb"})


def place_kind(p: PlaceMention) -> str | None:
    """The kind of place the wording names ("the town of X", "X city", "X district"), else None."""
    m = _KIND_RE.search(p.extra.get("kind") or (p.as_written if p.as_written != p.name else ""))
    return m.group(1).lower() if m else None


def referent(anaphor: str, start: int, here: list[PlaceMention], last: PlaceMention | None,
             earlier: Iterable[PlaceMention] = ()) -> PlaceMention | None:
    """What "the city" / "the town" / "the village" at ``start`` refers to: the last place of that kind
    named before it in the sentence (``here``), else the last one named before the sentence (``last``),
    unless ``last`` is of another kind and an ``earlier`` place of that sentence is of the kind named.

    A place whose wording names another kind ("the village of X" for "the city") is passed over.

    Examples
    --------
    >>> a = PlaceMention(0, 5, "Raqqa", "Raqqa", 1)
    >>> b = PlaceMention(10, 30, "Tabqa", "the town of Tabqa", 1)
    >>> referent("the city", 40, [a, b], None).name
    'Raqqa'
    """
    m = _KIND_RE.search(anaphor)
    kind = m.group(1).lower() if m else None
    # a locator counts only when its wording names the kind ("the al-Badu neighbourhood of Raqqa city ... the
    # city"), not as a bearing ("al-Qaryatayn, south-west of Palmyra ... the town's residents")
    cands = [p for p in here if p.end <= start and p.governorate is None
             and (p.role != "locator" or (kind is not None and place_kind(p) == kind))]
    best = next((p for p in reversed(cands) if place_kind(p) in (None, kind) or kind is None), None)
    if best is None and kind is not None and last is not None and place_kind(last) != kind:
        # "seized the town of al-Sukhnah, opening the road toward Deir ez-Zor. ... around the town":
        # a place named before the last one with the very kind the anaphor names
        best = next((p for p in reversed(list(earlier)) if place_kind(p) == kind), None)
    return best or last
