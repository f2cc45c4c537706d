"""Loading the extractor's lexicons (``geo/data/*.json[l]``) and compiling them once.

Every word list the extractor reads lives in a data file a user can extend:
``actors.jsonl`` (actor aliases), ``triggers.jsonl`` (event words),
``sources.jsonl`` (who reports), ``cues.json`` (factuality cues, abbreviations,
clause breaks) and ``places.json`` (words around place names). The governorates
(names, spellings, points) come from the gazetteer. :func:`load_lexicon` reads them and compiles every regular
expression once; the result is cached per data folder.
"""
from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gazetteer.admin import Governorate, governorates

__all__ = [
    "DATA_DIR",
    "DATA_FILES",
    "ActorAlias",
    "Governorate",
    "Lexicon",
    "load_lexicon",
    "lexicon_hash",
    "alternation",
    "Found",
    "warm_up",
    "scan_lexicons",
]

#: The folder of the default lexicons.
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
#: The files that make up a lexicon (their content is part of EXTRACTOR_VERSION).
_DATA_DIR_STR = str(DATA_DIR)
DATA_FILES = ("actors.jsonl", "triggers.jsonl", "sources.jsonl", "cues.json", "places.json")


@dataclass(frozen=True)
class ActorAlias:
    """One way an article names an actor."""

    text: str
    actor: str | None  # None: a blocked entity (a source, a political body)
    kind: str  # name | adjective | metonym | block
    air: bool = False


@dataclass
class Lexicon:
    """All compiled lexicons of the extractor."""

    actor_aliases: dict[str, ActorAlias]
    actor_re_cs: Any  # Alternation (case-sensitive aliases)
    actor_re_ci: Any  # Alternation
    profiles: dict[str, dict[str, Any]]
    triggers: list[dict[str, Any]]
    trigger_alt: Any
    trigger_info: dict[str, dict[str, Any]]  # regex group name -> entry
    source_re_cs: Any  # Alternation
    source_re_ci: Any  # Alternation
    source_names: dict[str, str]  # lower alias -> name
    cues: dict[str, Any]
    places: dict[str, Any]
    governorates: dict[str, Governorate]  # lower alias -> governorate
    governorate_list: list[Governorate]
    governorate_re: Any  # Alternation
    abbreviations: frozenset[str]
    nonfactual: list[tuple[str, int, re.Pattern[str]]]
    factual_infinitive_re: re.Pattern[str]
    attribution_re: re.Pattern[str]
    not_places: frozenset[str]
    version: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def home_state(self) -> str | None:
        """The actor whose forces "the army" means when no other state is named (``home_state`` in
        its profile: the Syrian government)."""
        if "home_state" not in self.extra:
            self.extra["home_state"] = next((k for k, v in self.profiles.items() if v.get("home_state")), None)
        return self.extra["home_state"]

    def governorate(self, name: str) -> Governorate | None:
        """The governorate a name stands for (``"Idleb"`` -> Idlib), or None."""
        return self.governorates.get(_norm_key(name))

    def cue_re(self, key: str, before: str = r"\b", after: str = r"\b") -> re.Pattern[str]:
        """The ``patterns`` of cue list ``key`` (cues.json) as one case-insensitive regex between
        ``before`` and ``after``, compiled once (a list that is absent matches nothing)."""
        rx = self.extra.get(("cue", key, before, after))
        if rx is None:
            pats = self.cues.get(key, {}).get("patterns", []) or [r"(?!x)x"]
            rx = self.extra[("cue", key, before, after)] = re.compile(before + "(?:" + "|".join(pats) + ")" + after, re.I)
        return rx


@functools.lru_cache(maxsize=65536)
def _norm_key(s: str) -> str:
    s = s.replace("\u2019", "'").replace("\u2018", "'").lower().strip()
    s = re.sub(r"^(?:al|ar|as|ad|ash|el|the)[- ]", "", s)
    return re.sub(r"[\s\-']+", " ", s).strip()


def alternation(phrases: list[str], *, literal: bool = True) -> str:
    """A regex alternation of phrases, longest first; spaces match any run of spaces or a hyphen.

    Examples
    --------
    >>> bool(re.fullmatch(alternation(["air strike"]), "air-strike"))
    True
    """
    items = sorted(set(phrases), key=lambda p: (-len(p), p))
    out = []
    for p in items:
        if literal:
            q = re.escape(p.replace("\u2019", "'"))
            q = q.replace(r"\ ", r"[\s\-]+").replace("'", "['\u2019]")
        else:
            q = p
        out.append(q)
    return "|".join(out) if out else r"(?!x)x"


def _wb(body: str) -> str:
    """Whole-word wrapper that also works for aliases ending in '.' or starting with a digit."""
    return rf"(?<![\w\-])(?:{body})(?![\w]|-\w)"


def _literal_alternation(phrases: list[str], *, ignorecase: bool, tag: str) -> Any:
    from geo.extract.fastre import Alternation

    alts = alternation(phrases).split("|") if phrases else []
    # (not inside a compound, "Turkish-backed", but before "-linked": "SDF-linked group" names the SDF's side)
    return Alternation([(f"{tag}{i}", q) for i, q in enumerate(alts)], ignorecase=ignorecase,
                       suffix=r"(?![\w]|-(?!(?:linked|affiliated|aligned|allied)\b)\w)")


@dataclass
class Found:
    """What one scan of a text found: ``(start, end, text, name)`` per lexicon, in order."""

    triggers: list[tuple[int, int, str, str]]
    actors: list[tuple[int, int, str, str]]  # actor and source aliases, overlapping allowed
    governorates: list[tuple[int, int, str, str]]

    def split(self, spans: list[tuple[int, int]]) -> list["Found"]:
        """The matches inside each span ``(start, end)`` (in order, not overlapping), with
        offsets relative to the span's start."""
        import bisect

        def cut(xs: list[tuple[int, int, str, str]]) -> list[list[tuple[int, int, str, str]]]:
            starts = [x[0] for x in xs]
            out = []
            for a, b in spans:
                lo, hi = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
                out.append([(s - a, e - a, t, n) for s, e, t, n in xs[lo:hi] if e <= b])
            return out
        tr, ac, gv = cut(self.triggers), cut(self.actors), cut(self.governorates)
        return [Found(tr[i], ac[i], gv[i]) for i in range(len(spans))]


def lexicon_alternations(lex: "Lexicon") -> tuple[Any, ...]:
    """The alternations :func:`scan_lexicons` runs, in its order."""
    return (lex.trigger_alt, lex.actor_re_ci, lex.actor_re_cs, lex.source_re_ci, lex.source_re_cs,
            lex.governorate_re)


def scan_lexicons(text: str, lex: "Lexicon", starts: list[int] | None = None) -> Found:
    """Match every lexicon of ``lex`` over ``text`` in one pass over its word starts.

    ``starts``: the word starts to try (default: those the lexicons' candidate filter finds;
    any superset of them among the word starts of ``text`` finds the same).

    Examples
    --------
    >>> f = scan_lexicons("Russian jets struck Idlib", load_lexicon())
    >>> [t for _s, _e, t, _n in f.triggers], [t for _s, _e, t, _n in f.governorates]
    (['jets', 'struck'], ['Idlib'])
    """
    from geo.extract.fastre import scan

    res = scan(text, lexicon_alternations(lex), starts)
    conv = [[(m.start(), m.end(), m.group(0), n) for n, m in r] for r in res]
    actors = sorted(conv[1] + conv[2] + conv[3] + conv[4])
    return Found(conv[0], actors, conv[5])


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for no, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            obj = json.loads(line)
            if "_about" in obj:
                continue
            rows.append(obj)
    return rows


def lexicon_hash(data_dir: str | Path = DATA_DIR) -> str:
    """SHA-1 of the lexicon files (12 hex digits): changes whenever a lexicon does."""
    h = hashlib.sha1()
    for name in DATA_FILES:
        p = Path(data_dir) / name
        h.update(name.encode())
        if p.exists():
            h.update(p.read_bytes())
    return h.hexdigest()[:12]


def load_lexicon(data_dir: str | Path = DATA_DIR) -> Lexicon:
    """Read and compile the lexicons of ``data_dir`` (cached: compiled once per folder).

    ``load_lexicon()``, ``load_lexicon(DATA_DIR)`` and ``load_lexicon(str(DATA_DIR))`` are
    the same object (what :func:`warm_up` compiles is what the extractor uses).

    Examples
    --------
    >>> lex = load_lexicon()
    >>> lex.actor_aliases["russian warplanes"].actor
    'russia'
    >>> load_lexicon(DATA_DIR) is lex
    True
    """
    if data_dir is DATA_DIR:  # already resolved: the common call, made once per article
        return _load_lexicon(_DATA_DIR_STR)
    return _load_lexicon(str(Path(data_dir).resolve()))


#: Head nouns whose other number an alias also matches: "Turkish drones" is "a Turkish drone" too
_NUMBER_HEADS = {"drone": "drones", "jet": "jets", "warplane": "warplanes", "plane": "planes",
                 "helicopter": "helicopters", "bomber": "bombers", "gunship": "gunships", "soldier": "soldiers",
                 "fighter": "fighters", "militant": "militants", "tank": "tanks", "aircraft": "aircraft"}
_SINGULAR = {v: k for k, v in _NUMBER_HEADS.items()}


def _number_variants(alias: str) -> list[str]:
    """The alias with its last word in the other number, when that word is a head noun of
    :data:`_NUMBER_HEADS` and the alias has a word before it ("Turkish drones" -> "Turkish drone")."""
    head, sep, last = alias.rpartition(" ")
    if not sep or not head:
        return []
    low = last.lower()
    other = _NUMBER_HEADS.get(low) or _SINGULAR.get(low)
    if not other or other == low:
        return []
    return [f"{head} {other.capitalize() if last[:1].isupper() else other}"]


@functools.lru_cache(maxsize=8)
def _load_lexicon(data_dir: str) -> Lexicon:
    from geo.extract.fastre import Alternation

    d = Path(data_dir)
    # -- actors
    aliases: dict[str, ActorAlias] = {}
    profiles: dict[str, dict[str, Any]] = {}
    cs, ci = [], []
    for row in _read_jsonl(d / "actors.jsonl"):
        kind = row.get("kind", "name")
        if kind == "profile":
            profiles[row["actor"]] = row
            continue
        listed = [a.replace("\u2019", "'") for a in row.get("aliases", [])]
        own = {a.lower() for a in listed}
        for a in [*listed, *(v for a in listed for v in _number_variants(a) if v.lower() not in own)]:
            key = a.lower()
            if key in aliases and aliases[key].kind != "adjective" and kind == "adjective":
                continue
            if key not in own and key in aliases:
                continue  # a derived form never overrides an alias some row lists
            aliases[key] = ActorAlias(a, row.get("actor"), kind, bool(row.get("air")))
            (cs if not any(c.islower() for c in a) else ci).append(a)
    # "air raids by aircraft believed to be Russian": the aircraft of the actor the adjective names
    for key, al in list(aliases.items()):
        if al.kind != "adjective" or not al.actor or not al.text[:1].isupper() or " " in al.text:
            continue
        for noun in ("aircraft", "jets", "warplanes", "planes", "drones", "helicopters"):
            for verb in ("believed", "thought", "suspected"):
                name = f"{noun} {verb} to be {al.text}"
                if name.lower() not in aliases:
                    aliases[name.lower()] = ActorAlias(name, al.actor, "name", True)
                    ci.append(name)
    actor_re_cs = _literal_alternation(cs, ignorecase=False, tag="c")
    actor_re_ci = _literal_alternation(ci, ignorecase=True, tag="a")
    # -- triggers
    triggers = _read_jsonl(d / "triggers.jsonl")
    parts, info = [], {}
    flat: list[tuple[str, str, dict[str, Any]]] = []
    for i, row in enumerate(triggers):
        for j, p in enumerate(row.get("patterns", [])):
            flat.append((p, f"t{i}_{j}", row))
    # longest literal first gives the longest match priority in the alternation
    flat.sort(key=lambda x: -len(x[0]))
    for p, name, row in flat:
        parts.append(f"(?P<{name}>{p})")
        info[name] = row
    trigger_alt = Alternation([(name, p) for p, name, _row in flat], ignorecase=True, suffix=r"(?![\w]|-\w)")
    # -- sources
    s_cs, s_ci, names = [], [], {}
    for row in _read_jsonl(d / "sources.jsonl"):
        for a in row.get("aliases", []):
            names[a.lower().replace("\u2019", "'")] = row["name"]
            (s_cs if not any(c.islower() for c in a) else s_ci).append(a)
    source_re_cs = _literal_alternation(s_cs, ignorecase=False, tag="r")
    source_re_ci = _literal_alternation(s_ci, ignorecase=True, tag="s")
    # -- cues, places
    with open(d / "cues.json", encoding="utf-8") as fh:
        cues = json.load(fh)
    with open(d / "places.json", encoding="utf-8") as fh:
        places = json.load(fh)
    nonfactual = []
    for cat, spec in cues.get("nonfactual", {}).items():
        nonfactual.append((cat, int(spec.get("window", 5)),
                           re.compile(_wb("|".join(sorted(spec["patterns"], key=len, reverse=True))), re.I)))
    fact_inf = re.compile(_wb("|".join(cues.get("factual_infinitive", []) or [r"(?!x)x"])) + r"\s*$", re.I)
    attribution_re = re.compile(_wb("|".join(sorted(cues.get("attribution_verbs", []), key=len, reverse=True))), re.I)
    # -- governorates
    govs: dict[str, Governorate] = {}
    glist: list[Governorate] = []
    galiases: list[str] = []
    for g in governorates():  # the gazetteer owns the governorates: names, spellings, points
        glist.append(g)
        for a in (*g.aliases, g.admin1):
            govs[_norm_key(a)] = g
            galiases.append(a)
    governorate_re = _literal_alternation(galiases, ignorecase=True, tag="g")
    lex = Lexicon(
        actor_aliases=aliases,
        actor_re_cs=actor_re_cs,
        actor_re_ci=actor_re_ci,
        profiles=profiles,
        triggers=triggers,
        trigger_alt=trigger_alt,
        trigger_info=info,
        source_re_cs=source_re_cs,
        source_re_ci=source_re_ci,
        source_names=names,
        cues=cues,
        places=places,
        governorates=govs,
        governorate_list=glist,
        governorate_re=governorate_re,
        abbreviations=frozenset(a.lower() for a in cues.get("abbreviations", [])),
        nonfactual=nonfactual,
        factual_infinitive_re=fact_inf,
        attribution_re=attribution_re,
        not_places=frozenset(p.lower() for p in places.get("not_places", [])),
    )
    lex.version = lexicon_hash(d)
    return lex


def warm_up(data_dir: str | Path = DATA_DIR) -> Lexicon:
    """Load the lexicon and compile every pattern now: call before forking worker processes,
    so that they share the compiled lexicon instead of each compiling it again."""
    lex = load_lexicon(data_dir)
    for alt in (lex.trigger_alt, lex.actor_re_ci, lex.actor_re_cs, lex.source_re_ci, lex.source_re_cs,
                lex.governorate_re):
        alt.warm()
    return lex


load_lexicon.cache_clear = _load_lexicon.cache_clear  # type: ignore[attr-defined]
