"""Syria's governorates: their English names, codes, spellings, and hints in context text.

``admin1`` is always the English governorate name of :data:`ADMIN1_NAMES`. A context
such as "in the southern countryside of Idlib" yields the hint ``"Idlib"``;
"the countryside of Damascus" yields ``"Rif Dimashq"``.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources

from gazetteer.normalize import name_key, normalize, normalize_text
from gazetteer.sectors import direction_of

__all__ = [
    "Governorate",
    "AdminMention",
    "governorates",
    "ADMIN1_NAMES",
    "admin1_from_code",
    "governorate_for_name",
    "admin_mentions",
    "admin1_hint",
    "direction_in",
    "compatible_admin1",
    "country_mentions",
]


@dataclass(frozen=True)
class Governorate:
    """One governorate of Syria (GeoNames admin1 code ``SY.<code>``)."""

    code: str
    admin1: str
    geonameid: int | None
    lat: float
    lon: float
    seat: str
    aliases: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def governorates() -> tuple[Governorate, ...]:
    """The 14 governorates from ``data/governorates.json``.

    Examples
    --------
    >>> len(governorates()), governorates()[11].admin1
    (14, 'Idlib')
    """
    raw = json.loads(resources.files("gazetteer").joinpath("data/governorates.json").read_text("utf-8"))
    return tuple(
        Governorate(
            code=g["code"], admin1=g["admin1"], geonameid=g.get("geonameid"), lat=g["lat"], lon=g["lon"],
            seat=g["seat"], aliases=tuple(g["aliases"]),
        )
        for g in raw["governorates"]
    )


ADMIN1_NAMES: tuple[str, ...] = (
    "Al-Hasakah", "Latakia", "Quneitra", "Raqqa", "As-Suwayda", "Daraa", "Deir ez-Zor",
    "Rif Dimashq", "Aleppo", "Hama", "Homs", "Idlib", "Damascus", "Tartus",
)

#: Governorates whose mutual confusion is not a contradiction: the city of Damascus
#: is its own governorate, and "the outskirts of Damascus" are in Rif Dimashq.
_COMPATIBLE = {"Damascus": {"Damascus", "Rif Dimashq"}, "Rif Dimashq": {"Rif Dimashq", "Damascus"}}


def compatible_admin1(hint: str) -> frozenset[str]:
    """The admin1 values a place may have when the context names ``hint``.

    >>> sorted(compatible_admin1("Damascus"))
    ['Damascus', 'Rif Dimashq']
    >>> sorted(compatible_admin1("Idlib"))
    ['Idlib']
    """
    return frozenset(_COMPATIBLE.get(hint, {hint}))


def admin1_from_code(code: str | None, country_code: str = "SY") -> str | None:
    """The English governorate for a GeoNames admin1 code ("12" or "SY.12").

    >>> admin1_from_code("12"), admin1_from_code("SY.08"), admin1_from_code("99")
    ('Idlib', 'Rif Dimashq', None)
    """
    if not code or country_code != "SY":
        return None
    code = code.split(".")[-1].zfill(2)
    for g in governorates():
        if g.code == code:
            return g.admin1
    return None


@functools.lru_cache(maxsize=1)
def _alias_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for g in governorates():
        for alias in (g.admin1, *g.aliases):
            key = name_key(alias)
            if key:
                table.setdefault(key, g.admin1)
    for word in ("governorate", "province", "countryside", "suburbs", "city"):
        for g in governorates():
            for alias in (g.admin1, *g.aliases):
                k = name_key(alias)
                if k.endswith(" " + word):
                    table.setdefault(k[: -len(word) - 1], g.admin1)
    return table


def governorate_for_name(name: str) -> str | None:
    """The governorate a name designates by itself, or None.

    >>> governorate_for_name("Rural Damascus"), governorate_for_name("Idleb"), governorate_for_name("Kafr Zita")
    ('Rif Dimashq', 'Idlib', None)
    """
    return _alias_table().get(name_key(name))


@dataclass(frozen=True)
class AdminMention:
    """A governorate named in a text: where, which, and how firmly.

    ``strength`` is 2 for an explicit administrative phrase ("Hama province",
    "the countryside of Idlib", "northern Aleppo"), 1 for a bare mention ("in Hama").
    """

    start: int
    end: int
    admin1: str
    strength: int
    #: the part of the governorate the wording names ("north", "south-east"), else None:
    #: "the northern countryside of Hama", "eastern Idlib", "Idlib's southern countryside"
    direction: str | None = None


_STRONG_BEFORE = re.compile(
    r"(?:countryside|province|governorate|rural|outskirts|suburbs|environs|vicinity|countrysides|"
    r"north|south|east|west|northern|southern|eastern|western|northeastern|northwestern|southeastern|southwestern|"
    r"northeast|northwest|southeast|southwest|central|reef|rif)(?: of| in)?(?: the)? $"
)
_DIR = r"(?:(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?|central|rural) "
_STRONG_AFTER = re.compile(r"^ (?:s )?(?:" + _DIR + r")?(?:province|governorate|countryside|suburbs|outskirts|region|area|muhafazat|rural)\b")
_RIF_BEFORE = re.compile(r"(?:countryside|rural|suburbs|outskirts|environs|reef|rif|province)(?: of| in)?(?: the)? $")
_RIF_AFTER = re.compile(r"^ (?:s )?(?:" + _DIR + r")?(?:countryside|suburbs|outskirts|province|governorate)\b")


_POSSESSIVE_RE = re.compile(r"['’‘`ʼ]s\b")

_DIRWORD = r"(north east|north west|south east|south west|northeast|northwest|southeast|southwest|north|south|east|west)(?:ern)?"
_PART = r"(?:countryside|countrysides|part|parts|edge|edges|side|outskirts|areas|reaches|region|districts|suburbs|border|borders|flank|corner|sector|fringes|province|governorate)"
#: "the northern countryside of ", "the eastern edge of the province of ", "northern ", "eastern rural "
_DIR_BEFORE = re.compile(rf"(?:^| ){_DIRWORD}(?: (?:rural|{_PART})(?: of| in)?(?: the)?(?: (?:province|governorate|countryside) of)?(?: the)?)? $")
#: " s northern countryside", " northern countryside", " province s eastern edge"
_DIR_AFTER = re.compile(rf"^ (?:(?:province|governorate) )?(?:s )?{_DIRWORD} {_PART}\b")
#: Governorates whose bare "eastern X" names a part of the city rather than of the province
#: ("eastern Aleppo" in 2016 was the besieged half of the city): a direction counts there
#: only with a word for the countryside or province.
CITY_FIRST = frozenset({"Aleppo"})


def _direction(before: str, after: str, admin1: str) -> str | None:
    m = _DIR_BEFORE.search(before)
    if m is not None:
        part = m.group(0).strip().split(" ")
        if admin1 in CITY_FIRST and len(part) == 1 and not _STRONG_AFTER.match(after):
            return None
        return direction_of(m.group(1))
    m = _DIR_AFTER.match(after)
    return direction_of(m.group(1)) if m is not None else None


@functools.lru_cache(maxsize=1)
def _mention_re() -> re.Pattern[str]:
    words = set()
    for g in governorates():
        for alias in (g.admin1, *g.aliases):
            n = normalize(alias)
            if n:
                words.add(n)
                k = name_key(alias)
                if k:
                    words.add(k)
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:(?:al|el|ar|as|ad|ad|az) )?({alts})(?![a-z0-9])")


@functools.lru_cache(maxsize=20_000)
def admin_mentions(text: str) -> tuple[AdminMention, ...]:
    """Every governorate a text names, with its position in the normalised text.

    Examples
    --------
    >>> [(m.admin1, m.strength) for m in admin_mentions("shelling in the southern countryside of Idlib and in Hama")]
    [('Idlib', 2), ('Hama', 1)]
    >>> [m.admin1 for m in admin_mentions("raids on the Damascus countryside")]
    ['Rif Dimashq']
    >>> [(m.admin1, m.direction) for m in admin_mentions("in the northern countryside of Hama, east of Idlib and in eastern Aleppo")]
    [('Hama', 'north'), ('Idlib', None), ('Aleppo', None)]
    >>> [m.direction for m in admin_mentions("Idlib's southern countryside and the north-eastern Hama countryside")]
    ['south', 'north-east']
    >>> [m.direction for m in admin_mentions("in the north-western parts of the governorate of Hama")]
    ['north-west']
    """
    norm = normalize_text(_POSSESSIVE_RE.sub(" s", text[:20_000])) if text else ""
    if not norm:
        return ()
    table = _alias_table()
    out: list[AdminMention] = []
    for m in _mention_re().finditer(norm):
        admin = table.get(name_key(m.group(1)))
        if admin is None:
            continue
        before, after = norm[max(0, m.start() - 40): m.start()], norm[m.end(): m.end() + 30]
        strong = bool(_STRONG_BEFORE.search(before) or _STRONG_AFTER.match(after))
        if admin == "Damascus" and (_RIF_BEFORE.search(before) or _RIF_AFTER.match(after)):
            admin = "Rif Dimashq"
        if name_key(m.group(1)) != name_key(admin) and admin == "Rif Dimashq":
            strong = True  # "Rural Damascus", "Rif Dimashq" name the governorate itself
        # a part is named in a longer run: "the north western parts of the governorate of "
        out.append(AdminMention(m.start(), m.end(), admin, 2 if strong else 1,
                                _direction(norm[max(0, m.start() - 64): m.start()], after, admin)))
    return tuple(out)


def direction_in(text: str | None, admin1: str) -> str | None:
    """The part of governorate ``admin1`` that ``text`` names, else None.

    Examples
    --------
    >>> direction_in("the northern countryside of Hama", "Hama"), direction_in("southern Idlib", "Idlib")
    ('north', 'south')
    >>> direction_in("east of Idlib", "Idlib"), direction_in("in Hama province", "Hama"), direction_in("eastern Aleppo", "Aleppo")
    (None, None, None)
    """
    if not text:
        return None
    return next((m.direction for m in admin_mentions(text) if m.admin1 == admin1 and m.direction), None)


def admin1_hint(text: str | None, near: int | None = None) -> str | None:
    """The governorate a context text names, preferring explicit phrases.

    Parameters
    ----------
    text : str | None
        The sentence or paragraph.
    near : int | None
        A character position in the normalised text (where the place name stands);
        among equally firm mentions the closest one wins, else the first.

    Examples
    --------
    >>> admin1_hint("in the southern countryside of Idlib")
    'Idlib'
    >>> admin1_hint("on the outskirts of Aleppo"), admin1_hint("in Hama province")
    ('Aleppo', 'Hama')
    >>> admin1_hint("no governorate here") is None
    True
    """
    if not text:
        return None
    mentions = admin_mentions(text)
    if not mentions:
        return None
    if near is None:
        best = max(mentions, key=lambda m: (m.strength, -m.start))
    else:
        best = max(mentions, key=lambda m: (m.strength, -abs(m.start - near) - (0 if m.start >= near else 5)))
    return best.admin1


_COUNTRIES = {
    "iraq": "IQ", "lebanon": "LB", "turkey": "TR", "turkiye": "TR", "jordan": "JO", "israel": "IL",
    "syria": "SY", "iran": "IR", "cyprus": "CY", "egypt": "EG", "russia": "RU", "gaza": "PS", "west bank": "PS",
}
#: After a country that acts rather than is a place: "Turkey attacked", "Israel says", "Turkey's army"
_ACTS = (r"attacked|attacks|struck|strikes|shelled|shells|launched|launches|bombed|bombs|fired|fires|hit|hits|targeted|"
         r"pounded|raided|stormed|captured|seized|sent|deployed|carried|says|said|has|have|had|will|would|denied|denies|"
         r"accused|accuses|claimed|claims|warned|threatened|began|begins|continued|continues|joined|joins|and its|"
         r"s army|s forces|s military|s air force|s troops|s jets|s drones|s warplanes|s defence|s defense")
_COUNTRY_RE = re.compile(r"(?<![a-z])(" + "|".join(sorted(_COUNTRIES, key=len, reverse=True)) + r")(?! backed| led| based)"
                         r"(?! (?:" + _ACTS + r")\b)(?![a-z])")


@functools.lru_cache(maxsize=20_000)
def country_mentions(text: str) -> tuple[str, ...]:
    """ISO codes of the countries a text names as places (not "Turkey-backed", not "Turkey attacked").

    >>> country_mentions("a drone strike in Iraq near the Syrian border")
    ('IQ',)
    >>> country_mentions("Turkey-backed factions shelled Tal Rifaat")
    ()
    >>> country_mentions("Turkey attacked the town of Ras al-Ain; Turkey's army shelled it from Turkey")
    ('TR',)
    """
    norm = normalize_text(text[:20_000]) if text else ""
    seen: list[str] = []
    for m in _COUNTRY_RE.finditer(norm):
        cc = _COUNTRIES[m.group(1)]
        if cc not in seen:
            seen.append(cc)
    return tuple(seen)
