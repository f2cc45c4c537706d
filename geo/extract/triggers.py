"""Step: triggers. Find the words that name an attack, group them, and decide the event type.

:func:`find_triggers` matches the trigger lexicon (``triggers.jsonl``). Triggers a few
words apart ("Russian warplanes carried out further air strikes", "attacking the
soldiers with rockets") form one :class:`TriggerGroup`, one event mention.
:func:`group_type` then reads the event type: the most specific word wins (a drone
over an air strike over a missile over shelling ...); a bare "strike" takes the actor's
default (an air strike for Russia, the coalition, Israel), and a generic word next to an
air actor ("Russian air force bombardments") becomes an air strike.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from geo.extract.actors import ActorMention, count_words
from geo.extract.lexicon import Lexicon

__all__ = ["Trigger", "TriggerGroup", "find_triggers", "group_triggers", "group_type", "group_types", "TYPE_PRIORITY"]

#: Which type wins when a group holds several (first wins).
TYPE_PRIORITY = ("drone_strike", "airstrike", "missile_strike", "shelling", "raid", "ground_offensive",
                 "bombing", "strike", "attack")
_CLASS = {"drone_strike": "fire", "airstrike": "fire", "missile_strike": "fire", "shelling": "fire",
          "raid": "ground", "ground_offensive": "ground", "bombing": "any", "strike": "any", "attack": "any"}


@dataclass(frozen=True)
class Trigger:
    """One trigger word or phrase."""

    start: int
    end: int
    text: str
    type: str
    role: str  # event | instrument
    coref: str  # any | local | none
    unattributed: bool = False  # a device (IED, car bomb): names no user


@dataclass
class TriggerGroup:
    """Triggers close together: one event mention."""

    triggers: list[Trigger] = field(default_factory=list)
    #: instruments named later in the clause ("... with artillery"): they type the event, not its span
    instruments: list[Trigger] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.triggers[0].start

    @property
    def end(self) -> int:
        return self.triggers[-1].end

    @property
    def is_event(self) -> bool:
        return any(t.role == "event" for t in self.triggers)

    @property
    def coref(self) -> str:
        kinds = {t.coref for t in self.triggers if t.role == "event"} or {t.coref for t in self.triggers}
        for k in ("any", "local", "none"):
            if k in kinds:
                return k
        return "none"

    @property
    def unattributed(self) -> bool:
        """An event word of the group names a device, not who used it ("an IED", "a car bomb")."""
        return any(t.unattributed for t in self.triggers if t.role == "event")

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.triggers)


def find_triggers(text: str, lex: Lexicon, found: list[tuple[int, int, str, str]] | None = None) -> list[Trigger]:
    """The triggers of ``text`` in order.

    Examples
    --------
    >>> from geo.extract.lexicon import load_lexicon
    >>> [(t.text, t.type) for t in find_triggers("Russian jets carried out air strikes", load_lexicon())]
    [('jets', 'airstrike'), ('air strikes', 'airstrike')]
    """
    out = []
    items = found if found is not None else [(m.start(), m.end(), m.group(0), n) for n, m in lex.trigger_alt.finditer(text)]
    info = lex.trigger_info
    things = _thing_head_re(lex)
    for s, e, t, name in items:
        row = info.get(name)
        if row is None:
            continue
        if things.match(text, e) and not _VERB_FORM.search(t):
            # "a vehicle bomb factory", "an ISIS artillery system": a thing, not an event
            # (after a verb the noun is its object: "rebels seized parts of Morek", "jets bombed plants")
            continue
        out.append(Trigger(s, e, t, row["type"], row.get("role", "event"), row.get("coref", "any"),
                           bool(row.get("unattributed", False))))
    return out


#: A trigger that is a verb in the past: what follows it is its object
_VERB_FORM = re.compile(r"(?:[a-z]ed|\b(?:struck|hit|overran|overrun|took|taken|shot|fought|blew\s+up))$", re.I)


def _thing_head_re(lex: Lexicon) -> re.Pattern[str]:
    """A noun right after a trigger that makes it the name of a thing (``thing_heads`` of cues.json)."""
    return lex.cue_re("thing_heads", before=r"[\s\-]")


_RAID_NOUN = re.compile(r"raids?", re.I)
#: Trigger types that name no particular weapon ("strikes", "attack", "bombing"): typed by the means
#: named with them; and the event nouns that can be such means.
GENERIC_TYPES = frozenset({"strike", "attack", "bombing"})
_MEANS = frozenset({"shelling", "airstrike", "drone_strike", "missile_strike"})
_WITH_INSTRUMENT = re.compile(r"\b(?:with|using)\s+(?:[\w\-]+\s+){0,3}$", re.I)
_PLACE_BETWEEN = re.compile(r"\b(?:near|in|at|outside|around|south|north|east|west|of)\s+(?:the\s+)?(?:(?:town|village|city)\s+of\s+)?[A-Z]")


#: An event word "<aircraft> killed" and, after its victims, "in a strike": the strike that killed them
_KILLED_BY = re.compile(r"\bkilled$", re.I)
_KILLED_IN = re.compile(r"[^;:.()\"]*\b(?:in|during|with)\s+(?:an?|the|two|three|several|\d+)\s+(?:[\w\-]+\s+){0,2}", re.I)


#: Between a weapon and the generic event word it did: who owns it ("a drone belonging to the SDF militia struck")
_OWNER_GAP = re.compile(r"\s+(?:belonging\s+to|operated\s+by|launched\s+by|flown\s+by|fired\s+by)\s+(?:the\s+)?"
                        r"[^,;:()\"]{1,40}?\s+", re.I)


def group_triggers(text: str, triggers: list[Trigger], actors: list[ActorMention], *,
                   max_gap: int = 5) -> list[TriggerGroup]:
    """Group triggers at most ``max_gap`` words apart with no punctuation, actor or clash of kind between."""
    groups: list[TriggerGroup] = []
    for t in triggers:
        if groups:
            g = groups[-1]
            prev = g.triggers[-1]
            gap = text[prev.end:t.start]
            classes = {_CLASS[x.type] for x in g.triggers} | {_CLASS[t.type]}
            clash = "fire" in classes and "ground" in classes
            if clash and t.type == "raid" and _RAID_NOUN.fullmatch(t.text) \
                    and any(x.type == "airstrike" for x in g.triggers) and not any(_CLASS[x.type] == "ground" for x in g.triggers):
                clash = False  # "warplanes carried out raids": air raids
            # (an adjective counts right before the second word: "attacks near X and Israeli strikes")
            actor_between = any(prev.end <= a.start and a.end <= t.start and a.actor
                                and (a.kind != "adjective" or (not text[a.end:t.start].strip() and t.role == "event"
                                                               and re.search(r"\band\b", text[prev.end:a.start])))
                                for a in actors)
            # "Two strikes near Raqqa struck ...": a located place between two event words parts them
            place_between = _PLACE_BETWEEN.search(gap) is not None
            if actor_between and prev.role == "instrument" and t.type in GENERIC_TYPES and _OWNER_GAP.fullmatch(gap):
                g.triggers.append(t)  # "a drone belonging to the SDF struck": the drone's strike, by its owner
                continue
            if (count_words(gap) <= max_gap and not re.search(r"[,;:()\"]|\b(?:as|while|after|before|despite|amid|following|and then|towns?|villages?|cities|city|areas?|positions|sites?)\b", gap)
                    and not clash and not actor_between and not place_between):
                g.triggers.append(t)
                continue
        groups.append(TriggerGroup([t]))
    # "targeted hideouts of terrorists on the outskirts of Ariha with artillery": the instrument
    # at the end of the clause says how the event word before it was done
    # "hit 14 targets near Tel Rifat with artillery fire": an event noun after "with" is the means
    # of a generic event word before it, not an event of its own
    merged: list[TriggerGroup] = []
    for g in groups:
        if merged and merged[-1].is_event and g.is_event and _KILLED_BY.search(merged[-1].triggers[-1].text) \
                and _KILLED_IN.fullmatch(text[merged[-1].end:g.start]) and count_words(text[merged[-1].end:g.start]) <= 20:
            # "coalition warplanes killed 23 civilians in an airstrike on X": one strike
            merged[-1] = TriggerGroup([*merged[-1].triggers, *g.triggers], [*merged[-1].instruments, *g.instruments])
            continue
        if merged and merged[-1].is_event:
            gap = text[merged[-1].end:g.start]
            means = not g.is_event or (
                "," not in gap and {t.type for t in merged[-1].triggers} <= GENERIC_TYPES
                and all(t.type in _MEANS for t in g.triggers))
            if means and _WITH_INSTRUMENT.search(gap) and not re.search(r"[;:()\"]|\.\s", gap) and count_words(gap) <= 20:
                merged[-1].instruments.extend(g.triggers)
                continue
        merged.append(g)
    return merged


def group_type(group: TriggerGroup, actor: str | None, actor_air: bool, lex: Lexicon) -> str:
    """The event type of a group, given its actor.

    Examples
    --------
    >>> from geo.extract.lexicon import load_lexicon
    >>> lex = load_lexicon()
    >>> g = TriggerGroup([Trigger(0, 7, "strikes", "strike", "event", "any")])
    >>> group_type(g, "russia", False, lex), group_type(g, "turkey", False, lex)
    ('airstrike', 'attack')
    """
    types = {t.type for t in group.triggers}
    if types <= GENERIC_TYPES:  # a generic word: the instrument named later types it
        types |= {t.type for t in group.instruments}
    best = next(t for t in TYPE_PRIORITY if t in types)
    if best in ("bombing", "strike", "attack") and actor_air:
        return "airstrike"
    if best == "strike":
        prof = lex.profiles.get(actor or "", {})
        return prof.get("default_strike", "attack")
    if best == "bombing" and lex.profiles.get(actor or "", {}).get("default_strike") == "airstrike":
        return "airstrike"
    return best


_SPECIFIC = ("drone_strike", "airstrike", "missile_strike", "shelling", "raid", "ground_offensive")


def group_types(text: str, group: TriggerGroup, actor: str | None, actor_air: bool, lex: Lexicon) -> list[str]:
    """Event types of a group: several when the text coordinates them ("air strikes and shelling",
    "warplanes and artillery"), else the one of :func:`group_type`.

    Examples
    --------
    >>> from geo.extract.lexicon import load_lexicon
    >>> t = "were hit by air strikes and shelling"
    >>> g = group_triggers(t, find_triggers(t, load_lexicon()), [])[0]
    >>> group_types(t, g, "turkey", False, load_lexicon())
    ['airstrike', 'shelling']
    """
    first = group_type(group, actor, actor_air, lex)
    seen: list[tuple[str, Trigger]] = []
    for t in group.triggers:
        if t.type in _SPECIFIC and t.type not in [x for x, _ in seen]:
            seen.append((t.type, t))
    if len(seen) < 2:
        return [first]
    out = [first] if first in _SPECIFIC else []
    for typ, t in seen:
        if typ in out:
            continue
        # coordinated with another specific trigger of the group: "X and Y", "X, Y"
        for typ2, t2 in seen:
            if typ2 == typ:
                continue
            a, b = (t, t2) if t.end <= t2.start else (t2, t)
            gap = text[a.end:b.start]
            if re.fullmatch(r"\s*(?:,|and|or|&|as well as|,\s*and)\s*(?:with\s+)?", gap, re.I):
                out.append(typ)
                break
    return out or [first]
