"""The extraction pipeline: sentences -> actors, triggers, dates, places -> factuality -> events.

Each step is a small module of this package; this one runs them over an article, links
what they found (which actor did which event, which places and date it governs, who
reports it) and hands the mentions to :mod:`geo.extract.assemble`.
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from gazetteer.admin import admin_mentions
from gazetteer.core import KNOWN_ONLY_OUTSIDE
from geo.extract.actors import (EARLIER_EVENT, SUPPORT_BY, ActorMention, actor_for, blamed_actor, clause_break_re, count_words, device_used, find_actors,
                                alias_of, joint_actors, release_actor, speaker_actor)
from geo.extract.assemble import Mention, merge_mentions
from geo.extract.dates import _DATE_ALT as DATE_ALT
from geo.extract.dates import DateMention, find_dates, infer_article_date
from geo.extract.fastre import filter_starts
from geo.extract.factuality import factuality, reported_by
from geo.extract.lexicon import Lexicon, lexicon_alternations, load_lexicon, scan_lexicons
from geo.extract.places import _RELATIVE_BEFORE, PlaceMention, _patterns, find_places, referent, resolve_place
from geo.extract.sentences import Sentence, normalize_text, split_sentences
from geo.extract.coref import claimant, relative_subject, restater, sentence_agent, targets, unclaimed
from geo.extract.csvrows import pipe_csv_rows
from geo.extract.truecase import restore_case
from geo.extract.triggers import GENERIC_TYPES, TriggerGroup, find_triggers, group_triggers, group_types
from geo.schema import Event

__all__ = ["ExtractionResult", "extract", "extract_events"]

#: Articles longer than this (characters) are read up to it.
MAX_CHARS = 2_000_000
#: "the town", "the besieged city", "the desert city": a town named before (not "the town of X",
#: nor "the town's defenders", who are no event place)
_ANAPHORIC_TOWN = re.compile(
    r"\b(?:the|that|this)\s+(?:besieged\s+|embattled\s+|rebel-held\s+|border\s+|strategic\s+|"
    r"(?:desert|ancient|coastal|front-?line|key|hilltop|mountain|riverside|historic|small|main|largest|industrial|"
    r"Kurdish|Christian|Druze|Alawite|Sunni|Turkmen|Assyrian|Armenian|Arab)\s+)?(?:town|city|village)\b"
    r"(?!\s+(?:of|council|hall|square|'s))"
    r"(?!['\u2019]s\s+(?:\w+\s+)?(?:defenders|residents|people|inhabitants|population|mayor|council|governor|"
    r"officials|leaders|elders|families|notables|displaced|refugees|fate)\b)", re.I)
#: A town taken, told with "it": "rebels recaptured it on Thursday" (the town named just before)
_IT_TAKEN = re.compile(r"\b(?:re-?captured|(?:re-?)?took(?:\s+control\s+of)?|captured|seized|stormed|overran|"
                       r"regained(?:\s+control\s+of)?|entered|besieged|encircled)\s+(it)\b"
                       r"(?!\s+(?:was|is|had|has|would|will)\b)", re.I)
_DEFINITE = re.compile(r"\b(?:the|those|these|such|its|their|further|more|the latest)\s+(?:\w+\s+)?$", re.I)
_CAPITALISED = re.compile(r"[A-Z]")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+|also\s+)?$", re.I)
#: Where a strike came from, inside the words between it and its place: "from Lebanese airspace"
_ORIGIN_PHRASE = re.compile(r"\bfrom\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}?(?:airspace|territory|waters|side|direction\s+of\s+[\w\-]+)\b", re.I)
#: A relative clause opening before an event word: "terrorists who opened fire"
#: Between a place and the event word of a which-clause about it: ", which was "
_WHICH_PASSIVE = re.compile(r"(?:\s+(?:on|in|last|this|early|late)\s+(?:[\w]+\s+){0,2}?[\w]+)?\s*,\s*(?:which|that)\s+(?:(?:was|were|had\s+been|has\s+been)\s+|(?:they|it|the\s+group|the\s+militants|the\s+rebels)\s+(?:had\s+|have\s+)?)(?:\w+ly\s+|briefly\s+|first\s+)?", re.I)
_RELATIVE_BEFORE_GROUP = re.compile(r"\b(?:who|which|that)\s+(?:[\w\-]+\s+){0,2}$", re.I)
#: Forces that raid on the ground, whatever carries them there
_GROUND_FORCE = re.compile(r"\b(?:special\s+(?:forces|operations|operators)|commandos?|troops|soldiers|marines|rangers)\b", re.I)
#: What parts the items of a headline: a clause break or a comma
_HEADLINE_BREAK = re.compile(r"[,;:]|\s(?:but|while|as|and)\s|\s[\u2013\u2014-]\s", re.I)
#: A dateline: the city a report was filed from, in capitals, and the outlet ("BEIRUT (Reuters) - ")
_DATELINE = re.compile(r"\s*[A-Z][A-Z'.\-]+(?:[ ,]+[A-Z][A-Za-z'.\-]+){0,3}\s*(?:\([^()]{1,60}\))?\s*[-\u2013\u2014:]\s+")
#: "the operation", "these strikes": an event word that refers back to the event told before
_ANAPHORIC_EVENT = re.compile(r"\b(?:the|this|that|these|those|such)\s+(?:same\s+|latest\s+|overnight\s+)?"
                              r"(?:operations?|attacks?|strikes?|raids?|campaign|bombardments?|assault|sorties)\b", re.I)
#: How many sentences back the event such a word refers to may be
_ANAPHOR_REACH = 2
_ANAPHORIC_PROVINCE = re.compile(r"\b(?:the|that|this)\s+(?:\w+\s+)?(?:province|governorate|countryside)\b", re.I)


def _may_contain(text: str, words: tuple[str, ...]) -> bool:
    """False only when ASCII ``text`` holds none of ``words`` (lower case) in any case: a cheap
    test before a case-insensitive regex that needs one of them (non-ASCII text: True)."""
    if not text.isascii():
        return True
    low = text.lower()
    return any(w in low for w in words)


_TOWN_WORDS = ("town", "city", "village")  # what _ANAPHORIC_TOWN needs
_PROVINCE_WORDS = ("province", "governorate", "countryside")  # what _ANAPHORIC_PROVINCE needs
#: "supported by Russian ", "backed by heavy " right before an event word: support of another operation
_SUPPORT_BEFORE = re.compile(rf"\b{SUPPORT_BY}\s+(?:[\w\-]+\s+){{0,3}}$", re.I)
_BRACKETED = re.compile(r"\([^()]{1,80}\)")
_SPECIFIC = {"airstrike", "drone_strike", "missile_strike", "shelling", "ground_offensive", "raid"}


@dataclass
class ExtractionResult:
    """What :func:`extract` found in one article."""

    events: list[Event]
    unresolved_places: list[str] = field(default_factory=list)
    article_date: dt.date | None = None
    date_inferred: bool = False
    mentions: list[Mention] = field(default_factory=list)
    rejected: list[dict[str, Any]] = field(default_factory=list)  # non-factual mentions, for debugging


@dataclass
class _Sent:
    s: Sentence
    actors: list[ActorMention]
    groups: list[TriggerGroup]
    ref: dt.date | None  # the date its date expressions resolve against (the article's, or its heading's)
    article_starts: list[int]  # the candidate word starts of the article (see _sentence_starts)
    explicit: dict[int, tuple[ActorMention | None, str]] = field(default_factory=dict)
    joint: dict[int, list[ActorMention]] = field(default_factory=dict)  # co-actors: "Russian and Syrian jets"
    facts: dict[int, tuple[bool, str | None]] = field(default_factory=dict)  # factuality by group
    _dates: list[DateMention] | None = None
    article_ref: dt.date | None = None  # the article's date, when ``ref`` is a heading's

    @property
    def dates(self) -> list[DateMention]:
        """The date expressions of the sentence, found on first use (most sentences need none:
        only those with an event, and the latest dated one before an event that carries a date)."""
        if self._dates is None:
            found = find_dates(self.s.text, self.ref, _sentence_starts(self.article_starts, self.s),
                               latest=self.article_ref)
            text = self.s.text
            # "after last night's demonstration": a possessive date dates its noun; only an event word's
            self._dates = [d for d in found if not (_POSSESSIVE_DATE.match(text, d.end) and not any(
                g.start >= d.end and count_words(text[d.end:g.start]) <= 3 and not re.search(r"[,;:]", text[d.end:g.start])
                for g in self.groups))]
        return self._dates

    @property
    def first_date(self) -> DateMention | None:
        """The first date of the sentence that can date an event (not a start, not in the future, resolved)."""
        return next((d for d in self.dates if not d.since and not d.future and d.date is not None), None)


class _DateCarry:
    """The date the narrative goes on with: ``(sentence, paragraph, date)`` of the latest sentence
    that gave one, or None.

    An event sentence sets it (:meth:`set`); a sentence without an event gives its first date
    (:attr:`_Sent.first_date`), but is only read for it when a later event asks (:meth:`get`).
    """

    def __init__(self, sents: list[_Sent]) -> None:
        self._sents = sents
        self._last: tuple[int, int, DateMention] | None = None
        self._pending: list[int] = []  # sentences without an event since the last one read

    def defer(self, i: int) -> None:
        """Sentence ``i`` has no event: its first date, if any, is carried (read on demand)."""
        self._pending.append(i)

    def set(self, i: int, paragraph: int, date: DateMention) -> None:
        """Event sentence ``i`` goes on with ``date``."""
        self._last = (i, paragraph, date)
        self._pending.clear()

    def get(self) -> tuple[int, int, DateMention] | None:
        """The carried date: that of the latest pending sentence with one, else the last set."""
        for j in reversed(self._pending):
            # (not a dateline's or a report's date: "SOUTHWEST ASIA - June 15, 2017 - On June 14, ...")
            d = next((x for x in self._sents[j].dates if not (x.since or x.future or x.attribution or x.anaphoric)
                      and x.date is not None),
                     None)
            # only a day: "a fighter who fled eastern Aleppo in 2016" is background, not the narrative's date
            if d is not None and d.precision == "day":
                self._last = (j, self._sents[j].s.paragraph, d)
                break
        self._pending.clear()
        return self._last


def _as_written(p: PlaceMention, t: str, raw: str, offset: int) -> str:
    """A place's wording as the article writes it ("Ra's al `Ayn"), where the sentence read for it
    had its marks normalised (same length: the same span of the raw text)."""
    k = t.find(p.as_written, max(0, p.start - 80))
    if k < 0:
        return p.as_written
    a = offset + k
    if a > 0 and raw[a - 1] in "`\u02bf\u02be" and t[k - 1:k] == " ":
        a -= 1  # "`Ayn `Isa": the mark that opens the name
    return raw[a:offset + k + len(p.as_written)]


def _default_gazetteer() -> Any:
    from gazetteer import default_gazetteer  # imported lazily: the gazetteer loads data

    return default_gazetteer()


def _clause_start(text: str, pos: int, lex: Lexicon, actors: list[ActorMention] = ()) -> int:
    """Where the clause of ``pos`` starts: after the last clause break before it, not counting
    a break inside an actor's name ("Syrian National Army (SNA) factions")."""
    last = 0
    asides = [(m.start(), m.end()) for m in _BRACKETED.finditer(text, 0, pos)] if "(" in text else []
    for m in clause_break_re(lex).finditer(text, 0, pos):
        if any(a.start <= m.start() and m.end() <= a.end for a in actors):
            continue
        if any(a <= m.start() and m.end() <= b for a, b in asides):
            continue  # "the Jabhat al-Nusra group (outlawed in Russia) carried out": an aside, no clause
        last = m.end()
    return last



#: How many sentences back "the jihadists" may find the group it names
_ANAPHOR_SENTENCES = 4


def _resolve_pronoun(sent: _Sent, a: ActorMention, history: list[tuple[int, str, bool]], idx: int,
                     lex: Lexicon | None = None) -> str | None:
    """its/their/it/they: the nearest actor to the left in the sentence, else in the two sentences
    before. An anaphor ("the jihadists", kind ``anaphor`` in actors.jsonl) refers only to an
    armed group (``armed_group`` in its profile): the latest agent, else the latest named, in the
    :data:`_ANAPHOR_SENTENCES` sentences before (a noun phrase reaches further than a pronoun)."""
    if lex is not None and not _PRONOUN_WORD.fullmatch(a.text):
        armed = {k for k, v in lex.profiles.items() if v.get("armed_group")}
        left = [x for x in sent.actors if x.end <= a.start and x.actor in armed and x.kind in ("name", "adjective")]
        if left:
            return left[-1].actor
        for want_agent in (True, False):
            for sidx, actor, agent in reversed(history):
                if idx - sidx > _ANAPHOR_SENTENCES:
                    break
                if actor in armed and (agent or not want_agent):
                    return actor
        return None
    left = [x for x in sent.actors if x.end <= a.start and x.actor and x.kind in ("name", "adjective", "metonym")]
    if left:
        return left[-1].actor
    if lex is not None:
        # "The coalition said it had conducted eight strikes": the speaker is an actor
        speaker = next((sa for x in reversed(sent.actors) if x.end <= a.start and x.kind == "source"
                        and (sa := speaker_actor(x.text, lex)) is not None), None)
        if speaker is not None:
            return speaker
    if history and idx - history[-1][0] <= 2:
        # in the sentence named last: its latest event agent, else its subject, the actor it names
        # first ("the HTS-led fighters controlled most of the city, meeting little resistance from
        # troops who abandoned their posts. The same day they took Saraqib": the fighters)
        last = [(actor, agent) for sidx, actor, agent in history if sidx == history[-1][0]]
        agents = [actor for actor, agent in last if agent]
        return agents[-1] if agents else last[0][0]
    return None


#: How many sentences back a pronoun no event explains may find the actor named last
_NAMED_SENTENCES = 8


def _named_before(sents: list[_Sent], idx: int, lex: Lexicon) -> str | None:
    """The actor named last (a name, not a source) in the :data:`_NAMED_SENTENCES` sentences
    before sentence ``idx``, if it is an armed group or a state."""
    keep = {k for k, v in lex.profiles.items() if v.get("armed_group") or v.get("state")}
    for j in range(idx - 1, max(-1, idx - 1 - _NAMED_SENTENCES), -1):
        # (a sentence with no event word was not read for actors)
        named = [x.actor for x in (sents[j].actors or find_actors(sents[j].s.text, lex))
                 if x.kind == "name" and x.actor in keep]
        if named:
            return named[-1]
    return None


_PRONOUN_WORD = re.compile(r"its|their|it|they|his|her", re.I)


def _resolve_state_anaphors(sents: list[_Sent], lex: Lexicon, author: str | None = None) -> None:
    """"The army", "security forces", "troops" (``state_anaphor`` in actors.jsonl) name a state's
    forces: the author's when a state releases the article (SANA's "army units"), else the state
    named nearest before (in the sentence, else in the two sentences before), else the state the
    article names most, else the home state. Only states whose own army the reports show on the
    ground (``state`` in their profile) count: "Russian jets struck X as the army advanced" is
    the Syrian army."""
    states = {k for k, v in lex.profiles.items() if v.get("state")}
    home = lex.home_state()
    if not any(a.kind == "pronoun" and _alias_kind(lex, a.text) == "state_anaphor" for st in sents for a in st.actors):
        return
    main = Counter(a.actor for st in sents for a in st.actors
                   if a.actor in states and a.kind in ("name", "adjective", "metonym")).most_common(1)
    default = main[0][0] if main else home
    last: tuple[int, str] | None = None
    for i, st in enumerate(sents):
        out: list[ActorMention] = []
        for a in st.actors:
            if a.kind == "pronoun" and _alias_kind(lex, a.text) == "state_anaphor":
                left = next((x.actor for x in reversed(out) if x.actor in states and x.kind in ("name", "adjective", "metonym")), None)
                if _INTERNAL_FORCE.search(a.text):
                    # "security forces opened fire on protesters": a state's own police, at home
                    actor = (author if author in states else None) or left or home
                else:
                    actor = (author if author in states else None) or left \
                        or (last[1] if last is not None and i - last[0] <= 2 else None) or default
                if actor is None:
                    continue
                a = ActorMention(a.start, a.end, a.text, actor, "name", a.air)
            elif a.actor in states and a.kind in ("name", "adjective", "metonym") \
                    and not _STATE_AS_OBJECT.search(st.s.text, max(0, a.start - 30), a.start):
                last = (i, a.actor)  # not "leaving a Turkish observation post surrounded": an object, not who acts
            out.append(a)
        st.actors = out


#: Forces of a state's own security: the home state's, unless the sentence names another
_INTERNAL_FORCE = re.compile(r"\bsecurity\b|\bpolice\b", re.I)
#: Right before a state named as an object or an owner ("a Turkish post", "at the Russian base")
_STATE_AS_OBJECT = re.compile(r"\b(?:a|an|at|on|in|near|of|to|from|into|against|targeting|leaving|surrounding|"
                              r"surrounded|hit|struck|shelled|attacked)\s+(?:the\s+)?$", re.I)


def _alias_kind(lex: Lexicon, text: str) -> str | None:
    alias = alias_of(text, lex)
    return alias.kind if alias is not None else None


def _recent_agent(history: list[tuple[int, str, bool]], idx: int, window: int = 2,
                  named: bool = False) -> str | None:
    """The actor of the latest event in the last ``window`` sentences (``named``: or the latest actor named)."""
    for sidx, actor, agent in reversed(history):
        if idx - sidx > window:
            break
        if agent:
            return actor
    if named:
        for sidx, actor, _agent in reversed(history):
            if idx - sidx > 1:
                break
            if sidx < idx:
                return actor
    return None


_TARGET_RE = re.compile(
    r"^\s*(?:(?:on|against|at|targeting|targeted|hitting|hit|struck|pounded|destroyed|destroying)\s+)?"
    r"(?P<t>(?:(?:the|a|an|several|some|many|dozens of|numerous|two|three|four|five|\d+)\s+)?"
    r"(?:(?!(?:on|in|at|near|of|by|into)\b)[\w'\-]+\s+){0,3}?(?:positions?|targets?|bases?|depots?|strongholds?|militants?|fighters?|"
    r"vehicles?|convoys?|headquarters|hospitals?|schools?|markets?|civilians|homes|houses|buildings?|"
    r"facilities|facility|checkpoints?|units?|posts?|camps?|fighting positions?|tunnels?|soldiers|troops|"
    r"rebels|insurgents|jihadists|bastions|weapons depots|oil (?:fields?|facilities|tankers?)|"
    r"ammunition depots?|command centres?|command centers?|infrastructure|warehouses?|trucks?|tankers?|"
    r"training camps?|sites?|mosques?|bakeries|bakery|clinics?)"
    r"(?:\s+(?:of|belonging to|held by|used by)\s+(?:the\s+|a\s+)?(?:[\w'\-]+\s+){0,4}?"
    r"(?:group|rebels|militants|opposition|ISIS|IS|HTS|Nusra(?: Front)?|SDF|YPG|regime|army|forces|"
    r"Liwa [\w ]+?|fighters))?)", re.I)


#: "rebels" as a plain noun: the alliance an article described as led by one group
_PLAIN_REBELS = re.compile(r"(?:the\s+)?(?:rebels?|rebel\s+(?:fighters|forces)|insurgents)", re.I)
_LED_BY_BEFORE = re.compile(r"\b(?:rebels?|rebel\s+\w+|opposition\s+\w+|insurgents|factions|alliance|coalition)\s+"
                            r"(?:\w+\s+)?led\s+by\s+(?:the\s+)?$", re.I)
_LED_AFTER = re.compile(r"\s*(?:rebels?|rebel\s+\w+|opposition|insurgents|offensive|alliance|coalition|factions|"
                        r"forces|fighters|operations?\s+room)\b", re.I)


def _leader_named(text: str, actors: list[ActorMention]) -> str | None:
    """The armed group the sentence says leads the rebels: "rebel fighters led by Hayat Tahrir
    al-Sham", "the HTS-led offensive" (a state leads a coalition, not "the rebels": not read)."""
    for a in actors:
        if not a.actor or a.actor in ("rebels", "unknown") or a.kind == "pronoun":
            continue
        if a.text.lower().endswith("-led") and _LED_AFTER.match(text, a.end):
            return a.actor if a.actor in _REBEL_LEADERS else None
        if _LED_BY_BEFORE.search(text, max(0, a.start - 60), a.start):
            return a.actor if a.actor in _REBEL_LEADERS else None
    return None


#: The groups that lead rebel alliances in the reporting: "the rebels" may be theirs
_REBEL_LEADERS = frozenset({"hts_nusra", "isis"})


#: A field separator of a table written as text: " | ", "; "
_FIELD_SEP = re.compile(r"\s*\|\s*|;\s*|\s+[\u2013\u2014]\s+|\s+-\s+|\s+//\s+")
#: Right before an event word told as one that came before: "..., a day after a drone attack"
_AFTER_EARLIER = re.compile(EARLIER_EVENT + r"(?:an?|the)\s+(?:[\w\-]+\s+){0,2}$", re.I)
#: A table's actor field that names no one: "| unknown |", "| - |", "; unidentified;", "unknown (IED)"
_UNKNOWN_FIELD = re.compile(r"\s*(?:unknown|unidentified|unclear|not\s+known|n/?a|[-\u2013\u2014?]+)\s*"
                            r"(?:\([^()]{1,40}\)\s*)?", re.I)  # "unknown (IED)": the aside is the means
#: A log line's head before a colon: "Kafranbel, 6 May: SyAAF helicopters dropped ..."
_LINE_HEAD = re.compile(r"^\W{0,3}(?:\d{1,2}[:.h]\d{2}\b\]?\s*(?:[\u2013\u2014\-]\s*)?)?((?:[^:.;\"\[\]]|(?<=(?<![A-Za-z])[A-Za-z])\.|"
                        r"(?<=\b[Ss]t)\.|(?<=\b[Rr]d)\.|(?<=\b[Nn]r)\.|(?<=\b[Aa]ve)\.|(?<=\b[Ss]q)\.)"
                        r"{2,60}?):\s")
_LEAD_DATE = re.compile(r"\s*[\u2022*]?\s*\[?\d{1,4}(?:[/.\-]\d{1,2}){1,2}\]?\s+")
#: A line's bullet or item number, before the text of its first sentence
_BULLET_BEFORE = re.compile(r"[ \t]*(?:[-*\u2022\u25cf\u25aa]|\d{1,2}[.)])[ \t]*")
#: A line that opens with a date or a bullet: "01/03/2021; ...", "• 03/11 – Deir ez-Zor – ..."
_DATED_START = re.compile(r"^\s*(?:[\u2022\u00b7*\-]\s*)?\[?\d")


def _table_row(text: str, bulleted: bool = False) -> list[tuple[int, int]]:
    """The fields of a table row or log line written as text ("date | actor | type | location |
    notes", "01/03/2021; Tafas; Unidentified gunmen; Shot dead ...", "• 03/11 – Hajin – IS SVBIED
    attack ...", "Kafranbel, 6 May: SyAAF helicopters ..."): (start, end) of each, or [] for a
    sentence that is no row. Prose is no row: "A; B; C" and "X - Y" only count in a line that
    opens with a date or a bullet (``bulleted``: the line's bullet or number was cut off before
    ``text``: "9. Markadah - an IED struck ..."), a head of a few words before a colon only with
    another field."""
    if "\n" in text.strip():
        return []
    head = _LINE_HEAD.match(text)
    if head is not None and count_words(head.group(1)) > 6:
        head = None
    if head is None and "|" not in text and ";" not in text and "\u2013" not in text and "\u2014" not in text \
            and " - " not in text and " // " not in text:
        return []
    cols, pos = [], 0
    if head is not None:
        cols.append((head.start(1), head.end(1)))
        pos = head.end()
    for m in _FIELD_SEP.finditer(text, pos):
        cols.append((pos, m.start()))
        pos = m.end()
    cols.append((pos, len(text)))
    cols = [c for c in cols if text[c[0]:c[1]].strip()]
    # "[2018-02-20] Kafr Batna - ...": the date opening the first field is a field of its own
    if cols:
        dm = _LEAD_DATE.match(text, cols[0][0], cols[0][1])
        if dm is not None and dm.end() < cols[0][1]:
            cols = [(cols[0][0], dm.end()), (dm.end(), cols[0][1]), *cols[1:]]
    # a field headed by a place before a colon: "18.01.2016 — Rabia (Jabal al-Turkman): RuAF airstrikes ..."
    split: list[tuple[int, int]] = []
    for k, (a, b) in enumerate(cols):
        fh = _LINE_HEAD.match(text[a:b]) if k > 0 else None
        if fh is not None and count_words(fh.group(1)) <= 6 and a + fh.end() < b:
            split += [(a, a + fh.end(1)), (a + fh.end(), b)]
        else:
            split.append((a, b))
    cols = split
    if "|" in text and len(cols) >= 3:
        return cols
    if (bulleted or _DATED_START.match(text)) and len(cols) >= (2 if head is None else 3) \
            and count_words(text[cols[0][0]:cols[0][1]]) <= 4:
        return cols
    if head is not None and len(cols) >= 2:
        return cols
    return []


def _field_places(text: str, cols: list[tuple[int, int]], st: _Sent, lex: Lexicon, gz: Any) -> list[PlaceMention]:
    """The places of a table row's location fields: the names that make up a field of their own
    ("Daraya | killed: 4 | ...", "Tafas, western countryside of Daraa"), read as if the field said
    "in <field>" (a field with an event word, an actor, a date or a label is no location field)."""
    out: list[PlaceMention] = []
    for k, (a, b) in enumerate(cols):
        field = text[a:b]
        ev_head = _EVENT_THEN_PLACE.match(field)
        if ev_head is not None and _column_has_event(cols, k, st.groups) and any(
                a <= g.start < a + ev_head.end(1) for g in st.groups if g.is_event):
            # "VBIED, Qamishli (Munir Habib St), 3 k.": the event word, then where
            lead = "in "
            for p in find_places(lead + field[ev_head.end():], lex, gz, [], []):
                off = a + ev_head.end() - len(lead)
                p.start, p.end = p.start + off, p.end + off
                out.append(p)
            continue
        if not field.strip() or _column_has_event(cols, k, st.groups) or re.match(r"\s*\d", field) \
                or _MONTH_OR_DAY_START.match(field) \
                or any(a <= x.start < b and x.actor for x in st.actors) or ":" in field:
            continue
        lead = "in "
        found = find_places(lead + field, lex, gz, [], [])
        if not found:
            continue
        part = k + 1 < len(cols) and _PART_FIELD.fullmatch(text, *cols[k + 1]) is not None
        for p in found:
            if len(p.name) <= 4 and p.name.isupper():
                continue  # "MSB: ...", "IDF: ...": an acronym heading the line, no place
            p.start, p.end = p.start - len(lead) + a, p.end - len(lead) + a
            if part:
                p.precision = max(p.precision, 2)  # "Ariha - southern outskirts - ...": a part of the town
            out.append(p)
    out.sort(key=lambda p: p.start)
    return out


def _fine_or_any(field_places: list[PlaceMention], lex: Lexicon) -> list[PlaceMention]:
    """The event places a table row's location fields give: the finer ones, when a field is only
    the governorate of another ("02 November 2015 | Homs | Sadad | ..."), else all."""
    items = [p for p in field_places if p.role == "item"]
    fine = [p for p in items if p.governorate is None and lex.governorate(p.name) is None]
    return fine or items


#: Aircraft named without their owner: "a jet", "warplanes", "an aircraft"
_AIRCRAFT_WORD = re.compile(r"\b(?:jets?|warplanes?|war\s+planes|aircraft|planes?|bombers?)\b", re.I)
#: A count right before an event word: "1 raid", "2x raids"
_COUNTED = re.compile(r"(?<![\w.,])\d{1,3}\s*x?\s*$")
#: A row's field after the town's that says which part of it: "southern outskirts", "near the national hospital"
_PART_FIELD = re.compile(r"\s*(?:near\s+[^|;]{3,60}|(?:the\s+)?(?:(?:north|south|east|west)\w*\s+)?(?:outskirts|neighbou?rhoods?|"
                         r"farmland|farms|fields|edge|suburbs?|districts?|quarters?|entrance|outskirt|vicinity|"
                         r"surroundings|hills?|countryside|area))\s*", re.I)
_MONTH_OR_DAY_START = re.compile(r"\s*[\u2022*\-]?\s*(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                                 r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon|tue|wed|thu|fri|sat|sun|"
                                 r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\.?(?:\s+\d|\s*$)", re.I)
#: A log field that opens with its event word and then names the place: "VBIED, Qamishli ..."
_EVENT_THEN_PLACE = re.compile(r"\s*((?:[\w\-/]+\s+){0,2}[\w\-/]+),\s+(?=[A-Z])")
_VICTIM_FIELD = re.compile(r"\b(?:killed|wounded|injured|dead|died|martyrs?|casualt\w+|detained|arrested|captured)\b", re.I)


def _actor_field(text: str, col: tuple[int, int]) -> bool:
    """Whether a row's field can name who acted: short, and not a toll ("4 regime soldiers killed")."""
    field = text[col[0]:col[1]]
    if text[col[1]:col[1] + 1] == ":":
        return False  # "Russian Defence Ministry: drone attack on Hmeimim repelled": who speaks, not who acted
    return count_words(field) <= 6 and not _VICTIM_FIELD.search(field)


#: A numbered item's heading: "1. Kafranbel surgical hospital.", "4. Maarat Misrin."
_ITEM_HEAD = re.compile(r"\s*(?:\d{1,2}[.)]\s+)?[^.;:!?,]{2,60}[.:]?\s*")


def _heading_places(text: str, st: _Sent, lex: Lexicon, gz: Any) -> list[PlaceMention]:
    """The places an item heading names, read as "in <heading>" (none when it tells an event)."""
    if any(g.is_event for g in st.groups) or count_words(text) > 6 or st.actors:
        return []
    body = re.sub(r"^\s*\d{1,2}[.)]\s+", "", text)
    lead = "in "
    return [p for p in find_places(lead + body, lex, gz, [], [])
            if p.role == "item" and p.governorate is None and not (len(p.name) <= 4 and p.name.isupper())]


def _column_of(cols: list[tuple[int, int]], pos: int) -> int:
    return next((k for k, (a, b) in enumerate(cols) if a <= pos < b or (pos == b and k == len(cols) - 1)), len(cols) - 1)


def _column_has_event(cols: list[tuple[int, int]], k: int, groups: list[TriggerGroup]) -> bool:
    """Whether field ``k`` of a row holds an event word of its own (a notes field tells its own event)."""
    a, b = cols[k]
    return any(g.is_event and a <= g.start < b for g in groups)


def _own_dates(text: str, places: list[PlaceMention], dates: list[DateMention], lex: Lexicon) -> dict[int, DateMention]:
    """The dates that places of one event word take one each: "hit A on Monday, and B on Sunday
    night"; "seized X, then Hama on 5 December and Homs on Saturday". Only when two places of the
    group have different days right after them (within a few words, before the next place and any
    clause break); keyed by ``id`` of the place."""
    ps = sorted(places, key=lambda p: p.start)
    out: dict[int, DateMention] = {}
    for k, p in enumerate(ps):
        nxt = ps[k + 1].start if k + 1 < len(ps) else len(text)
        for d in dates:
            if d.start < p.end or d.start >= nxt:
                continue
            if d.date is None or d.precision != "day" or d.attribution or d.since or d.future or d.anaphoric:
                break
            gap = text[p.end:d.start]
            if count_words(gap) <= 6 and not re.search(r"[;:()]", gap) and not clause_break_re(lex).search(gap):
                out[id(p)] = d
            break
    if len({d.date for d in out.values()}) < 2:
        return {}
    return out


def _target(text: str, g: TriggerGroup) -> str | None:
    m = _TARGET_RE.match(text[g.end:g.end + 140])
    if not m:
        return None
    t = m.group("t").strip(" ,.")
    t = re.sub(r"^(?:the|a|an)\s+", "", t, flags=re.I)
    if not t or count_words(t) > 10:
        return None
    return t


#: An item of a strike release or list: "- Near Raqqa, 14 strikes engaged ...", "2. Near Hajin, a strike ..."
_LISTED_STRIKE = re.compile(r"^\s*(?:(?:[-\u2013\u2014*\u2022]+|\d{1,2}[.)]|[a-z][.)])\s*)?(?:Near|In|Around|Vicinity of)\s+"
                            r"[^,;:]{2,40},\s+(?:\w+\s+){0,2}(?:air\s*)?strikes?\b", re.I)
_DAY_PAIR_GAP = re.compile(r"\s*(?:,\s*)?(?:and|&)\s+(?:on\s+)?", re.I)
_IN_SUPPORT_OF = re.compile(r"\bin\s+(?:direct\s+|close\s+)?support\s+of\b", re.I)
#: Present-tense moves a headline or a timeline tells: "take", "enter", "drive ... out", "shell"
_PRESENT_MOVE = re.compile(r"(?:takes?|enters?|drives?|shell)", re.I)
#: Before an event word that led up to the one before it: "after days of ", "following weeks of heavy "
_AFTER_DAYS_OF = re.compile(r"\b(?:after|following)\s+(?:(?:several|many|two|three|four|five|ten)\s+)?"
                            r"(?:days|weeks|months|hours)\s+of\s+(?:(?:heavy|intense|intensive|relentless|fierce)\s+)?$", re.I)
_ACTOR_LOCATION = re.compile(r"\s+(?:in|inside|based\s+in|stationed\s+in|positioned\s+in)\s+(?:the\s+)?", re.I)
_WHEN_AFTER = re.compile(r",?\s+when\b", re.I)


def _assign_dates(sent: _Sent) -> dict[int, DateMention | None]:
    """Each date expression goes to the nearest trigger group of its clause (a date before a
    comma ends the clause before it); report dates stay apart."""
    out: dict[int, DateMention | None] = {i: None for i in range(len(sent.groups))}
    if not sent.groups:
        return out
    text = sent.s.text
    dates = list(sent.dates)
    for k in range(len(dates) - 1, 0, -1):
        a, b = dates[k - 1], dates[k]
        if a.date and b.date and a.precision == b.precision == "day" and _DAY_PAIR_GAP.fullmatch(text, a.end, b.start) \
                and not (a.since or b.since or a.attribution or b.attribution):
            # "struck X on Tuesday and Wednesday": one event (the seeds' convention), of the later day
            dates[k - 1:k + 1] = [dataclasses.replace(a, end=b.end, date=max(a.date, b.date))]
    for d in dates:
        if d.since and _WHEN_AFTER.match(text, d.end):
            # "The offensive began on Wednesday, when HTS fighters attacked ...": the day of the
            # when-clause, and of what began with it
            day = dataclasses.replace(d, since=False)
            nxt = next((i for i, g in enumerate(sent.groups) if g.start >= d.end), None)
            prv = next((i for i in range(len(sent.groups) - 1, -1, -1) if sent.groups[i].end <= d.start), None)
            for gi in (nxt, prv):
                if gi is not None and out[gi] is None:
                    out[gi] = day
            continue
        if d.since or d.attribution:
            continue
        best, bd = None, None
        for i, g in enumerate(sent.groups):
            dist = d.start - g.end if d.start >= g.end else g.start - d.end
            if d.start >= g.end:
                gap = text[g.end:d.start]
            else:
                gap = text[d.end:g.start]
                if "," in gap or ";" in gap:
                    # "... near Armanaz yesterday evening, in the first such strikes": the date ends its clause
                    dist += 1000
            if ";" in gap:
                dist += 1000
            if bd is None or dist < bd:
                best, bd = i, dist
        if best is not None and (out[best] is None or (d.precision == "day" and d.date is not None
                                                      and out[best].precision in ("month", "year"))):
            out[best] = d  # (a day beats a year: "rebels who signed deals in 2018 attacked X on Thursday")
    # "had fired rockets at a post near Mhardeh and launched drones at Hmeimim on Sunday": the day
    # told after the last of coordinated event words is the day of each
    for gi in range(len(sent.groups) - 2, -1, -1):
        nxt = out.get(gi + 1)
        if out[gi] is not None or nxt is None or nxt.start < sent.groups[gi + 1].end or nxt.date is None:
            continue
        gap = text[sent.groups[gi].end:sent.groups[gi + 1].start]
        if re.search(r"\band\b", gap) and not re.search(r"[;:()]|\b(?:but|while|whereas|before|after|when)\b", gap) \
                and not any(sent.groups[gi].end <= x.start < sent.groups[gi + 1].start for x in sent.dates) \
                and count_words(gap) <= 20:
            out[gi] = nxt
    return out


def extract(article: Any, gazetteer: Any | None = None, *, date_override: dt.date | None = None,
            lexicon: Lexicon | None = None) -> ExtractionResult:
    """Extract the strike and offensive events of one article.

    Parameters
    ----------
    article : geo.articles.Article
        The article (``id``, ``text``, ``title``, ``published``, ``url``, ``source``).
    gazetteer : gazetteer.Gazetteer, optional
        Resolves place names; ``None`` loads :func:`gazetteer.default_gazetteer`.
    date_override : datetime.date, optional
        The article's date, set by hand (wins over the metadata and the text).
    lexicon : Lexicon, optional
        Compiled lexicons (default: ``geo/data``).

    Returns
    -------
    ExtractionResult
        The events, the names of event places that could not be resolved, and the
        article date used.

    Examples
    --------
    >>> from geo.articles import Article
    >>> r = extract(Article(id="x", text="No strikes today."), gazetteer=False)
    >>> r.events
    []
    """
    lex = lexicon or load_lexicon()
    gz = _default_gazetteer() if gazetteer is None else (gazetteer or None)
    if date_override is not None:
        ref, inferred = date_override, False
    else:
        ref, inferred = infer_article_date(article)
    raw = (getattr(article, "text", "") or "")[:MAX_CHARS]
    raw_title = getattr(article, "title", None) or ""
    text, title = normalize_text(raw), normalize_text(raw_title)
    if title and not text.lstrip().startswith(title.strip()[:60]):
        text, raw = title + "\n\n" + text, raw_title + "\n\n" + raw
    text = pipe_csv_rows(text)  # "2018-03-01,Aleppo,Jindires,TAF,airstrike": a CSV export's rows as a table's
    text = restore_case(text, lex, gz)  # "- idlib / sarmin: fsa attacked ...": a note typed without capitals
    split = split_sentences(text, lex)
    # one scan of the article for every lexicon, shared out to the sentences
    # (the word starts where a lexicon entry or a date expression may begin: found once, for both)
    starts = filter_starts(text, lexicon_alternations(lex) + (DATE_ALT,))
    scanned = scan_lexicons(text, lex, starts)
    found = scanned.split([(s.start, s.end) for s in split])
    trig = [find_triggers(s.text, lex, found[i].triggers) for i, s in enumerate(split)]
    split, list_items = _join_lists(text, split, trig)
    if list_items:
        found = scanned.split([(s.start, s.end) for s in split])
        trig = [find_triggers(s.text, lex, found[i].triggers) for i, s in enumerate(split)]
    # actors are read where an event word is, and in the two sentences before it (for "its", "the strikes")
    need = {j for i, tr in enumerate(trig) if tr for j in (i - 2, i - 1, i)}
    author = _actor_from_metadata(article, lex)  # whose release it is: who "our forces" are
    # a dated heading ("Aleppo province, Friday 2 May 2014:", a log's title) dates what follows it:
    # "today" there is that day, and an event line without a date of its own happened that day
    heading = _heading_dates(split, ref)
    legend = _legend_aliases(text, lex) if "=" in text or ":" in text else {}
    sents = [_analyse(s, lex, heading[i] or ref, trig[i], i in need, found[i].actors, starts, author,
                      prev_text=split[i - 1].text if i else None, legend=legend,
                      bulleted=_BULLET_BEFORE.fullmatch(text, text.rfind("\n", 0, s.start) + 1, s.start) is not None)
             for i, s in enumerate(split)]
    for i, st in enumerate(sents):
        if heading[i] is not None:
            st.article_ref = ref
    _resolve_state_anaphors(sents, lex, author)
    # pass 1: explicit actors of every event mention; the article's dominant strike actor
    counts: Counter[str] = Counter()
    air_actors: set[str] = set()  # the air forces the article says struck, each on its own
    for i, st in enumerate(sents):
        prev_gi: int | None = None
        for gi, g in enumerate(st.groups):
            if not g.is_event:
                continue
            cs = _clause_start(st.s.text, g.start, lex, st.actors)
            prev_end = st.groups[prev_gi].end if prev_gi is not None and st.groups[prev_gi].end > cs else 0
            a, how = actor_for(st.s.text, g.start, g.end, st.actors, lex, clause_start=cs, prev_group_end=prev_end)
            if a is None:
                a, how = relative_subject(st, g.start, a, how)  # "government troops, who recaptured X"
            if a is not None and a.kind == "pronoun" and a.text.lower() in ("their", "its"):
                # "JFS and Ahrar al-Sham fighters pressed their offensive": the subject of the clause
                # owns it (and whoever is coordinated with it)
                left = [x for x in st.actors if x.kind not in ("pronoun", "source") and x.actor
                        and cs <= x.start and x.end <= a.start]
                if left and not any(left[-1].end <= g2.start and g2.end <= a.start for g2 in st.groups) \
                        and count_words(st.s.text[left[-1].end:a.start]) <= 4 \
                        and not clause_break_re(lex).search(st.s.text[left[-1].end:a.start]):
                    a, how = left[-1], "subject"
            blamed = blamed_actor(st.s.text, g.start, g.end, st.actors, lex, clause_start=cs)
            if blamed is not None:
                a, how = blamed, "agent"  # "Ankara blamed the strike on government forces"
            used = not g.unattributed or device_used(st.s.text, g.start, lex)
            if not used and how == "subject":
                a, how = None, "none"  # "soldiers were killed when an IED hit their bus": victims, not users
            earlier = _AFTER_EARLIER.search(st.s.text, max(0, g.start - 40), g.start) is not None
            if a is None and prev_gi is not None and used and not earlier:
                # coordination: "pounded X on Wednesday, striking Y" / "struck a unit and destroyed a position"
                pa, phow = st.explicit.get(prev_gi, (None, "none"))
                gap = st.s.text[st.groups[prev_gi].end:g.start]
                if pa is not None and not clause_break_re(lex).search(gap) and count_words(gap) <= 20 \
                        and not _PASSIVE_BEFORE.search(st.s.text[max(0, g.start - 30):g.start]):
                    a, how = pa, phow
            st.explicit[gi] = (a, how)
            st.joint[gi] = joint_actors(st.s.text, a, st.actors, how, lex)
            prev_gi = gi
            st.facts[gi] = factuality(st.s.text, g, lex, is_question=st.s.is_question)
            if not st.facts[gi][0]:
                continue  # "YPG terrorists preparing to attack our base" did not act: not the article's actor
            for x in ([a] if a is not None else []) + st.joint[gi]:
                if x.actor and x.actor != "unknown":
                    counts[x.actor] += 2 if i == 0 else 1
                    if (x.air or any(tr.type in ("airstrike", "drone_strike") for tr in g.triggers)) and not st.joint[gi] \
                            and a is not None and not lex.profiles.get(x.actor, {}).get("armed_group"):
                        air_actors.add(x.actor)  # (not "Russian and Syrian jets": both, not either)
    for st in sents:
        # "an aircraft that observers identified as Russian struck X": one air force, in a sentence of aircraft
        own = {x.actor for x in st.actors if x.actor and x.actor != "unknown" and x.kind in ("name", "adjective")
               and not lex.profiles.get(x.actor, {}).get("armed_group")}
        if len(own) == 1 and st.groups and _AIRCRAFT_WORD.search(st.s.text):
            air_actors |= own
    dominant = counts.most_common(1)[0][0] if counts else None
    if dominant is None:
        dominant = _actor_from_metadata(article, lex)
    if dominant and len(counts) > 1:
        (a1, n1), (a2, n2) = counts.most_common(2)
        if n1 == n2:
            dominant = next((a for st in sents for (a_m, _h) in st.explicit.values()
                             if a_m is not None and (a := a_m.actor) in (a1, a2)), a1)
    if author and lex.profiles.get(author, {}).get("state") and lex.profiles.get(dominant or "", {}).get("armed_group"):
        # a state's release names the group it fights more often than itself: what it leaves
        # unattributed is its own ("air operations were conducted against terrorist targets")
        dominant = author
    # pass 2: events
    history: list[tuple[int, str, bool]] = []  # (sentence, actor, was an event agent)
    # by actor, (sentence, type) of its last factual event of a specific type: what "the operation" was
    last_type: dict[str, tuple[int, str]] = {}
    carry = _DateCarry(sents)  # the date told last: (sentence, paragraph, date)
    mentions: list[Mention] = []
    rejected: list[dict[str, Any]] = []
    unresolved: list[str] = []
    near_pts: list[tuple[float, float]] = []
    cache: dict = {}
    P = _patterns(lex)
    last_gov: str | None = None  # the governorate named last: what "the province" refers to
    section: str | None = None  # the country a heading or a lead ending in ':' put what follows in
    last_town: PlaceMention | None = None  # the town named last: what "the town" refers to
    pending_towns: list[int] = []  # sentences with no event since last_town, not yet read for towns
    earlier_towns: list[PlaceMention] = []  # the other towns of last_town's sentence, before it
    leader: str | None = None  # "rebel fighters led by HTS", "the HTS-led offensive": who "the rebels" are then
    para_head: tuple[int, list[PlaceMention]] | None = None  # the places a paragraph's heading names
    for i, st in enumerate(sents):
        s = st.s
        t = s.text
        if _may_contain(t, ("led",)):
            leader = _leader_named(t, st.actors) or leader
        row_cols = _table_row(t, _BULLET_BEFORE.fullmatch(text, text.rfind("\n", 0, s.start) + 1, s.start) is not None)
        if i == 0 or sents[i - 1].s.paragraph != s.paragraph:
            # "4. Maarat Misrin." heading an item: the place of the events its paragraph leaves unplaced
            para_head = (s.paragraph, _heading_places(t, st, lex, gz)) if _ITEM_HEAD.fullmatch(t) else None
        govs_here = [lex.governorate(g[2]) for g in found[i].governorates]
        govs_here = [g for g in govs_here if g is not None]
        dl = _DATELINE.match(t) if i == 0 or sents[i - 1].s.paragraph != s.paragraph else None
        # where the report was filed ("AMMAN (Jordan Valley Courier) -", "GAZIANTEP, Turkey -") says
        # nothing about where the places are: a foreign country it names is not the places' country
        context = t[dl.end():] if dl and _names_foreign_country(dl.group(0), lex) else t
        if not govs_here and last_gov and _may_contain(t, _PROVINCE_WORDS):
            am = _ANAPHORIC_PROVINCE.search(t)
            if am is not None:
                # "the province" -> "the province of Idlib", in place: the wording around it ("on the
                # eastern edge of the province", "the southern countryside") is read as for any name
                context = f"{t[:am.end()]} of {last_gov}{t[am.end():]}"
        if govs_here:
            last_gov = govs_here[-1].admin1
        lead = _section_country(t, lex)
        if lead is not None:
            section = lead  # "Strikes in Iraq": the country of what follows, until the next such heading
        group_actors: dict[int, tuple[str | None, str, bool]] = {}
        subject_weapon: dict[int, str] = {}  # the type a weapon in the actor's name gives a generic word
        for gi, g in enumerate(st.groups):
            if not g.is_event:
                continue
            a, how = st.explicit.get(gi, (None, "none"))
            a_unknown = False
            if row_cols and (a is None or (a.actor == "unknown" and a.kind != "pronoun")):
                # a table row: the actor field ("...; Regime forces (4th Division); Raid and house searches")
                col = _column_of(row_cols, g.start)
                others = [x for x in st.actors if x.actor and x.kind in ("name", "adjective")
                          and (a is None or x.actor != "unknown") and _column_of(row_cols, x.start) != col
                          and not _column_has_event(row_cols, _column_of(row_cols, x.start), st.groups)
                          and _actor_field(t, row_cols[_column_of(row_cols, x.start)])]
                if others and "(" in t:
                    # "Russian aircraft (denied by Russian MoD)": the aside is who denies, not who acted
                    asides = [(m.start(), m.end()) for m in _BRACKETED.finditer(t)]
                    others = [x for x in others if not any(b0 <= x.start < b1 for b0, b1 in asides)] or others
                if others:
                    a, how = ([x for x in others if x.start < g.start] or others)[-1], "subject"
                    if not st.joint.get(gi):
                        # "...; Iranian-backed militias and Hezbollah; ground assault on the town": both
                        st.joint[gi] = joint_actors(t, a, st.actors, how, lex)
                elif any(_UNKNOWN_FIELD.fullmatch(t, c0, c1) for c0, c1 in row_cols) and a is None:
                    a_unknown = True  # "Afrin | 12 Jun 2021 | unknown | rocket fire on ...": no one named
            actor, air = None, False
            if a is not None:
                if a.kind == "pronoun" and a.text[:4].lower() in ("his ", "her "):
                    # "His forces captured Saraqeb": a commander's; the article's main actor is his side
                    actor, how = (dominant, "coref_dominant") if dominant else (None, "none")
                elif a.kind == "pronoun":
                    actor = _resolve_pronoun(st, a, history, i, lex)
                    how = "coref_local" if actor else "none"
                    if actor is None and _PRONOUN_WORD.fullmatch(a.text):
                        # "The group knows this terrain well. In May 2015 its fighters overran Tadmur": the
                        # actor named last, a few sentences back, before the article's main actor
                        actor = _named_before(sents, i, lex)
                        how = "coref_named" if actor else "none"
                    if actor is None and dominant and g.coref == "any":
                        actor, how = dominant, "coref_dominant"
                else:
                    actor, air = a.actor, a.air
                    if actor == "rebels" and leader and _PLAIN_REBELS.fullmatch(a.text):
                        actor = leader  # "Within days the rebels seized Aleppo", after "rebels led by HTS"
                    # "Turkish drones killed three commanders in a strike": the subject names the weapon
                    instr = next((tr.type for g2 in st.groups for tr in g2.triggers
                                  if tr.role == "instrument" and a.start <= tr.start and tr.end <= a.end), None)
                    if instr is not None:
                        subject_weapon[gi] = instr
            if actor is None and (a_unknown or (_AFTER_EARLIER.search(t, max(0, g.start - 40), g.start)
                                                and not re.search(r"\bby\s", t[g.end:g.end + 60])
                                                and any(unclaimed(sents, j) for j in range(i, min(len(sents), i + 4))
                                                        if sents[j].s.paragraph == s.paragraph))):
                # "..., a day after a drone attack on the military academy in Homs killed dozens. ... No
                # group has claimed the Homs attack": an earlier event no one is named for
                actor, how = "unknown", "unknown"
            if actor is None and g.unattributed and not device_used(t, g.start, lex):
                actor, how = "unknown", "unknown"  # "a car bomb exploded in X": no one named, no one guessed
            if actor is None and g.coref != "none":
                # "First Russian airstrikes reported; strikes on A and B killed 36": the actor of an
                # earlier event of the sentence, when this one is the same kind or a generic word
                actor = sentence_agent(st, gi, group_actors)
                if actor is None:
                    actor = _recent_agent(history, i)
                how = "coref_local" if actor else "none"
                if actor is None:
                    # a strike release: "Near Raqqa, three strikes engaged an ISIS tactical unit"
                    rel = release_actor(t, g, lex)
                    if rel is not None and dominant in (None, rel):
                        actor, how = rel, "subject"
                if actor is None and g.coref == "any" and dominant:
                    actor, how = dominant, "coref_dominant"
                    if len(air_actors) > 1 and (any(tr.type in ("airstrike", "drone_strike") for tr in g.triggers)
                                                or _AIRCRAFT_WORD.search(t)):
                        # "two missiles fired by a jet struck the market" in a report of Syrian and of
                        # Russian air strikes: either's, the text does not say
                        actor, how = "unknown", "unknown"
                if actor is None and g.coref == "any" and _DEFINITE.search(t[max(0, g.start - 20):g.start]):
                    # "those strikes" after a sentence that named an actor but reported no event
                    actor = _recent_agent(history, i, named=True)
                    how = "coref_local" if actor else "none"
                if actor is None and g.coref == "any" and any(tr.type in _SPECIFIC - {"ground_offensive"} for tr in g.triggers):
                    actor, how = "unknown", "unknown"
            if (actor is None or how in ("coref_local", "coref_dominant", "unknown")) and not g.unattributed:
                restated = restater(sents, i, lex)  # "X was struck. The barrels were dropped by army helicopters."
                if restated is not None:
                    (actor, air), how = restated, "restated"
            if actor in (None, "unknown") or how in ("coref_local", "coref_dominant"):
                claimed_by = claimant(sents, i, lex)
                if claimed_by is not None and (actor in (None, "unknown") or how != "unknown"):
                    # "... car bombs struck Jableh. Daesh claimed responsibility for the crimes."
                    actor, how = claimed_by, "claim"
            if how in ("coref_local", "coref_dominant") and author and actor != author \
                    and lex.profiles.get(author, {}).get("state") \
                    and _PASSIVE_BEFORE.search(t, max(0, g.start - 30), g.start):
                # a state's release: "terrorist positions were hit with howitzers" is its own forces' doing
                actor, how = author, "author"
            if how in ("coref_local", "coref_dominant") and author and actor != author \
                    and (lex.profiles.get(author, {}).get("state")
                         or lex.profiles.get(author, {}).get("default_strike") == "airstrike") \
                    and any(tr.role == "instrument" and tr.type in ("airstrike", "drone_strike") for tr in g.triggers):
                # a state's release: "Su-25 attack aircraft also hit an ISIS convoy" are its own aircraft
                actor, how = author, "author"
            in_sentence = a is not None and a.kind == "pronoun" and any(
                x.end <= a.start and x.actor == actor for x in st.actors)  # "The HTS-led room said its fighters ..."
            if how in ("coref_local", "coref_dominant") and not in_sentence and unclaimed(sents, i):
                # "a drone attack ... killed 89. No group has claimed responsibility.": no one to read back
                actor, how = "unknown", "unknown"
            if how in ("coref_local", "coref_dominant") and actor in targets(st, g):
                # "drones struck a military academy ..., in one of the deadliest attacks on the army":
                # the army was hit; the sentence names no one who struck
                actor, how = "unknown", "unknown"
            if how in ("coref_local", "coref_dominant") and lex.profiles.get(actor or "", {}).get("armed_group") \
                    and any(tr.type == "airstrike" for tr in g.triggers):
                # an air strike read back to a group that flies no aircraft: the article's main actor
                # if it does, else no one named
                alt = dominant if dominant and not lex.profiles.get(dominant, {}).get("armed_group") else None
                actor, how = (alt, "coref_dominant") if alt else ("unknown", "unknown")
            if (actor in (None, "unknown") or how in ("coref_local", "coref_dominant")) and how != "claim" \
                    and any(_BARREL_BOMB.search(tr.text) for tr in g.triggers):
                # "a helicopter dropped barrel bombs on a market in al-Bab": only the government's air force drops them
                actor, how = _BARREL_ACTOR, "weapon"
            if actor is None and any(tr.type in ("airstrike", "drone_strike") for tr in g.triggers):
                # "a Su-34 bomber hit a training camp" in a state's release is its own (or the article's main
                # actor's, when it flies aircraft); "jets coming from the south hit two homes" in an article
                # that names no one: an air strike by someone unknown
                flies = [x for x in (author, dominant) if x and (lex.profiles.get(x, {}).get("state")
                                                                   or lex.profiles.get(x, {}).get("default_strike") == "airstrike")
                         and (x == author or len(air_actors) < 2)]  # (two air forces: either's)
                actor, how = (flies[0], "author" if flies[0] == author else "coref_dominant") if flies else ("unknown", "unknown")
            # an instrument naming aircraft makes a generic word an air strike
            group_actors[gi] = (actor, how, air)
        # record actors for later coreference; not the subject of an aim ("bases of the YPG, which
        # are used to attack our people"): it did not act
        for gi, (actor, how, _air) in group_actors.items():
            if actor and actor != "unknown" and how in ("modifier", "agent", "subject"):
                if st.facts[gi][1] == "infinitive":
                    continue
                history.append((i, actor, True))
                history.extend((i, x.actor, True) for x in st.joint.get(gi, []) if x.actor != "unknown")
        for a in st.actors:
            if a.actor and a.kind in ("name", "metonym") and a.actor != "unknown":
                history.append((i, a.actor, False))
            elif a.kind == "pronoun" and not _PRONOUN_WORD.fullmatch(a.text) and _alias_kind(lex, a.text) == "anaphor":
                # "The jihadists have controlled the province since 2014. In January 2016 they killed ...":
                # the group the anaphor names is who "they" are next
                named = _resolve_pronoun(st, a, history, i, lex)
                if named:
                    history.append((i, named, False))
        if not any(g.is_event for g in st.groups):
            if not _CAPTION.match(t):
                carry.defer(i)  # its date is read only if a later event needs it (a caption's never)
            if _CAPITALISED.search(t[1:]):
                pending_towns.append(i)  # read only if a later "the town" needs it
            continue
        # dates of the sentence
        n_sent = len(mentions)
        caption = _CAPTION.match(t) is not None
        dates_by_group = _assign_dates(st)
        attrib = next((d for d in st.dates if d.attribution and not d.since), None)
        first_date = st.first_date
        # places of the sentence
        masks = [(a.start, a.end) for a in st.actors if a.kind != "pronoun"]
        masks += [(d.start, d.end) for d in st.dates]
        masks += [(tr.start, tr.end) for g in st.groups for tr in g.triggers]
        spans = [(g.start, g.end) for g in st.groups]
        excluded: list[tuple[int, int]] = []
        places = find_places(t, lex, gz, masks, spans, excluded)
        for a, b in excluded:
            # "Mhardeh, a town on the road north towards Idlib province": no context for the others
            context = re.sub(re.escape(t[a:b]) + r"(?:\s+(?:province|governorate|countryside))?",
                             lambda m: " " * len(m.group(0)), context, count=1)
        field_places = _field_places(t, row_cols, st, lex, gz) if row_cols else []
        items = [p for p in places if p.role == "item" or not any(q.locator is p for q in places)]
        # "the town", "the city": the town named last (in an earlier sentence)
        town_words = _may_contain(t, _TOWN_WORDS)
        if pending_towns and town_words and _ANAPHORIC_TOWN.search(t):
            for j in reversed(pending_towns):
                stj = sents[j]
                acts = stj.actors or find_actors(stj.s.text, lex, found[j].actors)
                masks0 = [(a.start, a.end) for a in acts if a.kind != "pronoun"]
                towns = [p for p in find_places(stj.s.text, lex, gz, masks0, []) if p.role == "item" and p.governorate is None]
                if towns:
                    last_town, earlier_towns = towns[-1], towns[:-1]
                    break
        pending_towns = []
        if last_town is not None or places:
            for am in (_ANAPHORIC_TOWN.finditer(t) if town_words else ()):
                if any(p.start <= am.start() < p.end for p in places):
                    continue
                if _RELATIVE_BEFORE.search(t, max(0, am.start() - 30), am.start()):
                    continue  # "the town of Shahba, north of the city": a bearing from it, not an event place
                ref_town = referent(am.group(0), am.start(), places, last_town, earlier_towns)  # "Inside Raqqa, ... the city"
                if ref_town is None:
                    continue
                items.append(PlaceMention(am.start(), am.end(), ref_town.name, am.group(0), max(1, ref_town.precision),
                                          None, near=ref_town.near, locator=ref_town.locator,
                                          list_id=-1, feature=ref_town.feature))
            items.sort(key=lambda p: p.start)
        # "rebels recaptured it on Thursday": the town named last, in this sentence or before it
        if (last_town is not None or places) and _may_contain(t, (" it",)):
            for am in _IT_TAKEN.finditer(t):
                before = [p for p in items if p.end <= am.start(1)]
                if before and (before[-1].near or before[-1].list_id == -1):
                    continue  # "stormed the base on the outskirts of Raqqa and took control of it": the base
                ref_town = before[-1] if before else (last_town if not items else None)
                if ref_town is None or ref_town.governorate is not None:
                    continue
                items.append(PlaceMention(am.start(1), am.end(1), ref_town.name, ref_town.name, max(1, ref_town.precision),
                                          None, locator=ref_town.locator, list_id=-1, feature=ref_town.feature))
            items.sort(key=lambda p: p.start)
        towns = [p for p in places if p.role == "item" and p.governorate is None]
        if towns:
            last_town, earlier_towns = towns[-1], towns[:-1]
        by_group: dict[int, list[PlaceMention]] = {gi: [] for gi in range(len(st.groups))}
        unbracketed = _BRACKETED.sub(lambda m: " " * len(m.group(0)), t)  # "A (B), C": another name, not a clause
        headline = t.rstrip()[-1:] not in ".!?\"'\u201d:;" and count_words(t) <= _HEADING_WORDS
        spans_here = list_items.get(i)
        lead_gi = None
        if spans_here:  # a list of targets: its items' places are those of the event before the list
            lead_gi = next((gi for gi in range(len(st.groups) - 1, -1, -1)
                            if st.groups[gi].is_event and st.groups[gi].end <= spans_here[0][0]), None)
        for p in items:
            if lead_gi is not None and any(a <= p.start < b for a, b in spans_here):
                gi = lead_gi
            else:
                gi = _group_for_place(unbracketed, p, st.groups, lex, P, headline=headline)
                if gi is None and headline:
                    # "Russian jets pound Idlib, Hama and Aleppo": a list item goes with its list's head
                    gi = next((g2 for g2, ps in by_group.items() if any(q.list_id == p.list_id for q in ps)), None)
            if gi is not None:
                by_group[gi].append(p)
        # "Regime forces shelled Saraqeb, which was captured by rebels in 2012": the which-clause's
        # event happened at the place it follows too
        for gi2, g2 in enumerate(st.groups):
            if not g2.is_event or by_group[gi2]:
                continue
            prev_p = next((p for p in reversed(items) if p.end <= g2.start), None)
            if prev_p is not None and _WHICH_PASSIVE.fullmatch(t, prev_p.end, g2.start):
                by_group[gi2] = [prev_p]
        if para_head is not None and para_head[0] == s.paragraph and para_head[1] and st is not sents[0] \
                and not row_cols and i > 0 and sents[i - 1].s.paragraph == s.paragraph:
            for gi2, g2 in enumerate(st.groups):
                if g2.is_event and not by_group[gi2] and not places:
                    by_group[gi2] = list(para_head[1])
        if row_cols:
            # a table row ("01/03/2021; Tafas, western countryside of Daraa; Unidentified gunmen; Shot dead
            # ..."): an event word with no place in its own field takes the row's place fields
            for gi, ps in by_group.items():
                if ps and all(p.list_id == -1 for p in ps) and _fine_or_any(field_places, lex):
                    by_group[gi] = _fine_or_any(field_places, lex)  # "... in the town" of the row's place field
            placed_cols = {_column_of(row_cols, st.groups[gi].start) for gi, ps in by_group.items() if ps}
            for gi, g in enumerate(st.groups):
                if placed_cols:
                    break  # "...; houses destroyed", "...; IS expelled from the centre": beside an event the row placed
                if g.is_event and not by_group[gi]:
                    # (not "struck positions near X in support of the SDF advance": its field told its place)
                    # a governorate field ("02 November 2015 | Homs | Sadad | ...") is the context of a finer one
                    by_group[gi] = _fine_or_any(field_places, lex)
        # "Rebel factions in Waer fired mortars at the Akrama district": where the actor is, not what it hit,
        # when the event word has a place of its own after it
        for gi, ps in by_group.items():
            g = st.groups[gi]
            if any(p.start >= g.end for p in ps):
                by_group[gi] = [p for p in ps if p.start >= g.end or not any(
                    a.actor and _ACTOR_LOCATION.fullmatch(t, a.end, p.start) for a in st.actors)]
        # "terrorists who opened fire on our forces in the Manbij region were neutralised": the main
        # clause's event happened where its subject's relative clause says
        for gi in range(1, len(st.groups)):
            if by_group[gi] or gi not in group_actors or not by_group.get(gi - 1):
                continue
            gap = t[st.groups[gi - 1].end:st.groups[gi].start]
            if _RELATIVE_BEFORE_GROUP.search(t, max(0, st.groups[gi - 1].start - 60), st.groups[gi - 1].start) \
                    and _PASSIVE_BEFORE.search(gap) and not clause_break_re(lex).search(gap) and count_words(gap) <= 12:
                by_group[gi] = list(by_group[gi - 1])
        if headline:
            # a headline's present tense ("Turkish forces and FSA take Jinderes in Afrin operation") restates
            # the body's event; the body tells where and when
            for gi, g in enumerate(st.groups):
                evs = [tr for tr in g.triggers if tr.role == "event"]
                if evs and all(_PRESENT_MOVE.fullmatch(tr.text) for tr in evs):
                    by_group[gi] = []
        # "seized the town of al-Hirak after days of bombardment by Russian aircraft": what softened it up hit it
        for gi in range(1, len(st.groups)):
            if not by_group[gi] and by_group.get(gi - 1) and _AFTER_DAYS_OF.search(t, max(0, st.groups[gi].start - 40),
                                                                                    st.groups[gi].start) \
                    and gi in group_actors and gi - 1 in group_actors \
                    and group_actors[gi][0] not in (None, "unknown", group_actors[gi - 1][0]):  # (by another actor)
                by_group[gi] = list(by_group[gi - 1])
        # a group with no places shares those of the next group of the same actor ("towns already hit ..., which are A, B")
        for gi in range(len(st.groups) - 1):
            if by_group[gi] or gi not in group_actors:
                continue
            nxt = gi + 1
            if nxt in group_actors and by_group[nxt] and group_actors[nxt][0] == group_actors[gi][0]:
                gap = t[st.groups[gi].end:st.groups[nxt].start]
                if not clause_break_re(lex).search(gap) and count_words(gap) <= 12:
                    by_group[gi] = list(by_group[nxt])
            elif nxt in group_actors and by_group[nxt] and _IN_SUPPORT_OF.search(t[st.groups[gi].end:st.groups[nxt].start]) \
                    and count_words(t[st.groups[gi].end:st.groups[nxt].start]) <= 8:
                # "flew 41 sorties in support of the Syrian army's offensive near Palmyra": where it went
                by_group[gi] = list(by_group[nxt])
            elif nxt in group_actors and by_group[nxt] and _SUPPORT_BEFORE.search(t, max(0, st.groups[gi].start - 60),
                                                                                  st.groups[gi].start):
                # "government forces, backed by Russian air strikes, recaptured Rabia": the support hit
                # where the operation it backed went
                gap = t[st.groups[gi].end:st.groups[nxt].start]
                if count_words(gap) <= 4 and not re.search(r"[;:.]", gap):
                    by_group[gi] = list(by_group[nxt])
        src: str | None = None  # who reports it: read for the sentence's first event only
        src_read = False
        # the date this sentence's event words took (not a dateline's): the one the narrative goes on with
        used_date = next((d for d in dates_by_group.values() if d is not None and d.date is not None and not d.future
                          and not d.anaphoric), None)
        for gi, g in enumerate(st.groups):
            if gi not in group_actors:
                continue
            actor, how, air = group_actors[gi]
            ok, reason = st.facts[gi]
            if not by_group[gi]:
                if ok and actor:  # no place, so no event; but "the operation" may refer back to it
                    _note_type(last_type, i, actor, group_types(t, g, actor, air, lex))
                continue  # no place: no event (and nothing to reject)
            dm = dates_by_group.get(gi)
            if dm is not None and dm.future:
                ok, reason = False, "future date"
            if not ok or actor is None:
                rejected.append({"sentence": t, "trigger": g.text, "actor": actor,
                                 "reason": reason or ("no actor" if actor is None else "")})
                continue
            etypes = group_types(t, g, actor, air, lex)
            if gi in subject_weapon and (not any(e in _SPECIFIC for e in etypes)
                                         or (etypes == ["raid"] and subject_weapon[gi] in ("airstrike", "drone_strike"))):
                etypes = [subject_weapon[gi]]  # "Russian helicopters raided Ariha": from the air
            owned = _owned_weapons(t, g, st.actors)
            if owned.get(actor):
                etypes = owned[actor]  # "TAF artillery and Turkish jets struck X": shelling and air strikes
            named = st.explicit.get(gi, (None, ""))[0]
            if etypes == ["raid"] and lex.profiles.get(actor or "", {}).get("default_strike") == "airstrike" \
                    and all(tr.text.lower() == "raids" or _COUNTED.search(t, max(0, tr.start - 8), tr.start)
                            for tr in g.triggers if tr.type == "raid") \
                    and not (named is not None and _GROUND_FORCE.search(named.text)) and not _GROUND_FORCE.search(t):
                etypes = ["airstrike"]  # "the US-led coalition kept up its raids on Raqqa", "... - 1 raid": air raids
            if etypes == ["airstrike"] and any(tr.type == "raid" for tr in g.triggers) and named is not None \
                    and _GROUND_FORCE.search(named.text):
                etypes = ["raid"]  # "special forces killed an IS leader in a helicopter raid": landed, not bombed
            prev = last_type.get(actor)
            if prev is not None and i - prev[0] <= _ANAPHOR_REACH and _ANAPHORIC_EVENT.search(t, 0, g.end) and (
                    not any(e in _SPECIFIC for e in etypes)
                    # "Israeli warplanes struck ... Damascus condemned the raids": the air raids told before
                    or (etypes == ["raid"] and prev[1] in ("airstrike", "drone_strike") and how.startswith("coref"))):
                etypes = [prev[1]]  # "The air operation was carried out ... In the operation, depots were destroyed"
            _note_type(last_type, i, actor, etypes)
            # the date: its own expression, the report's date, the narrative's, the article's
            date_how = "explicit"
            last_date = carry.get() if dm is None or dm.anaphoric else None
            if dm is not None and dm.anaphoric and first_date is not None and not first_date.anaphoric \
                    and not first_date.attribution and first_date.date is not None and first_date.end <= dm.start:
                # "On 6 June, ... intense shelling of X was reported the same day": the day this sentence told
                last_date = (i, s.paragraph, first_date)
            if dm is not None and dm.anaphoric and last_date is not None and (
                    s.paragraph == last_date[1] or (i - last_date[0] <= 2 and s.paragraph - last_date[1] <= 1)
                    # "3/ The same evening insurgents ..." opening the paragraph after the dated one
                    or (s.paragraph - last_date[1] == 1 and i - last_date[0] <= 4 and dm.start <= 8)):
                shift, dm, date_how = dm.shift, last_date[2], "carried"  # "On the same day, ..." (also opening the next paragraph)
                if shift and dm.date is not None and dm.precision == "day":
                    dm = dataclasses.replace(dm, date=dm.date + dt.timedelta(days=shift))  # "The day before, ..."
            if dm is None and attrib is not None and not attrib.anaphoric:
                dm, date_how = attrib, "attribution"  # (not "was reported the same day": the day told before)
            if dm is None and first_date is not None and not first_date.attribution and not first_date.anaphoric \
                    and first_date.date is not None and first_date.end <= g.start:
                # a date before the event word ("12 July 2012, Hama countryside: helicopters pounded X
                # before troops stormed the village"; "The offensive began on Wednesday, when HTS
                # fighters attacked ...") dates it rather than one told in an earlier sentence
                dm, date_how = first_date, "sentence"
            if dm is None and not caption:
                # "forces have pounded X since Thursday morning": the day it began, the sentence's only day
                since_day = next((d for d in st.dates if d.since and d.precision == "day" and d.date is not None
                                  and not d.future and not d.attribution), None)
                if since_day is not None and not any(d.precision == "day" and not d.since for d in st.dates):
                    dm, date_how = dataclasses.replace(since_day, since=False), "since"
            if dm is None and last_date is not None and not caption and not (row_cols and heading[i] is not None) and (
                    s.paragraph == last_date[1] or (i - last_date[0] <= 2 and s.paragraph - last_date[1] <= 1)
                    # a release's list ("On June 14, Coalition military forces conducted 22 strikes ... -
                    # Near Manbij, five strikes engaged ..."): every item has the lead's date
                    or (_LISTED_STRIKE.match(t) and last_date[2].precision == "day")):
                dm, date_how = last_date[2], "carried"  # (a caption stands alone: it takes no date from the text before it)
            if dm is None and first_date is not None and not first_date.attribution and not first_date.anaphoric \
                    and not any(d2 is first_date and st.groups[g2].is_event and g2 in group_actors and g2 != gi
                                and _RELATIVE_BEFORE_GROUP.search(t, max(0, st.groups[g2].start - 25), st.groups[g2].start)
                                for g2, d2 in dates_by_group.items()):
                # the sentence's own date, given to another event word (not the date of a which-clause's
                # event: "Regime forces shelled Saraqeb, which was captured by rebels in 2012")
                dm, date_how = first_date, "sentence"
            if dm is not None:
                date = dm.date.isoformat() if dm.date else None
                dprec = dm.precision if dm.date else "unknown"
            elif heading[i] is not None:
                date, dprec, date_how = heading[i].isoformat(), "day", "heading"
            elif ref is not None:
                date, dprec, date_how = ref.isoformat(), "week", "published"
            else:
                date, dprec, date_how = None, "unknown", "none"
            if date is not None and date < _HISTORY_BEFORE:
                # "In February 1982 artillery shelled the old quarters of Hama": history, not this war
                rejected.append({"sentence": t, "trigger": g.text, "actor": actor, "reason": f"before {_HISTORY_BEFORE[:4]}"})
                continue
            target = _target(t, g)
            if not src_read:
                src, src_read = reported_by(t, lex, found[i].actors), True
            prof = lex.profiles.get(actor, {})
            n0 = len(mentions)
            own = _own_dates(t, by_group[gi], st.dates, lex) if len(by_group[gi]) >= 2 and len(st.dates) >= 2 else {}
            group_date = (date, dprec, date_how)
            for etype, p in ((et, pl) for et in etypes for pl in by_group[gi]):
                d_own = own.get(id(p))
                date, dprec, date_how = (d_own.date.isoformat(), d_own.precision, "explicit") if d_own else group_date
                rp = resolve_place(p, gz, lex, context=context, near=near_pts[-6:], cache=cache,
                                   governorate_hint=last_gov)
                if rp is not None and rp.fallback and KNOWN_ONLY_OUTSIDE in (rp.note or "") and p.locator is None:
                    # "villages around Ain Issa in the northern Raqqa countryside and the outskirts of
                    # ad-Darbasiyah": the governorate named for an earlier place is not this one's
                    # (or a later one's: "struck Atarib and the outskirts of Idlib city")
                    lo = max((q.end for q in places if q.end <= p.start and q is not p), default=0)
                    hi = min((q.start for q in places if q.start >= p.end and q is not p), default=len(t))
                    if (lo or hi < len(t)) and not admin_mentions(t[lo:hi]):
                        rp2 = resolve_place(p, gz, lex, context=t[lo:hi], near=near_pts[-6:], cache=cache)
                        if rp2 is not None and not rp2.fallback and rp2.country_code == "SY":
                            rp = rp2
                if (rp is None or rp.fallback) and field_places and (p not in field_places or p.governorate is None):
                    # "[2018-02-22] Damascus - rebel mortars hit Bab Touma": a place the gazetteer lacks,
                    # in the row of the place its location field names
                    loc = next((q for q in _fine_or_any(field_places, lex) if q is not p and q.name != p.name), None)
                    rl = resolve_place(loc, gz, lex, context=context, near=near_pts[-6:], cache=cache) if loc else None
                    if rl is not None and not rl.fallback and (rp is None or rl.admin1 == rp.admin1) \
                            and rl.country_code == "SY":
                        rp = dataclasses.replace(rl, precision=2, note=f"{p.name} not in the gazetteer: in {rl.name}")
                if rp is None or rp.fallback:
                    # not in the gazetteer: no point, or only its governorate (or a part of it) as a stand-in
                    if p.name not in unresolved:
                        unresolved.append(p.name)
                    if rp is None:
                        continue
                if rp.country_code in prof.get("home_countries", []) and rp.country_code != "SY":
                    continue  # the actor's own country: an origin, not a target
                abroad = _abroad(t, p, lex) or _side_of(t, p, lex) or _lead_country(t, lex) \
                    or (section if section != "SY" else None) or _listed_abroad(t, p, by_group[gi], lex)
                if abroad is not None and abroad != rp.country_code:
                    # "near Sinjar in northern Iraq", a release's "Strikes in Iraq": not the Syrian homonym
                    rp = resolve_place(p, gz, lex, context=context, near=near_pts[-6:], cache=cache, country=abroad)
                    if rp is None:
                        continue
                if not rp.fallback and rp.precision < 3:
                    near_pts.append((rp.lat, rp.lon))
                mentions.append(Mention(
                    actor=actor, event_type=etype, place_as_written=_as_written(p, t, raw, s.start), place=rp.name,
                    lat=rp.lat, lon=rp.lon, geonameid=rp.geonameid, admin1=rp.admin1,
                    country_code=rp.country_code, geo_precision=rp.precision, date=date,
                    # (with the next sentence where that one says who did it: "The jets were Russian")
                    date_precision=dprec, evidence=raw[s.start:sents[i + 1].s.end if how == "restated" else s.end],
                    reported_by=src, target=target, actor_how=how,
                    specific_type=etype in _SPECIFIC, sentence_index=i, place_fallback=rp.fallback,
                    date_how=date_how, feature_code=rp.feature_code, area=bool(p.extra.get("area")),
                ))
            # joint actors ("Russian and Syrian warplanes struck X"): one event each, at the same places
            for co in st.joint.get(gi, []) if how in ("modifier", "agent", "subject") else []:
                for m0 in {(m.place, m.lat, m.lon): m for m in mentions[n0:] if m.actor == actor}.values():
                    for et in owned.get(co.actor) or group_types(t, g, co.actor, co.air, lex):
                        mentions.append(dataclasses.replace(m0, actor=co.actor, event_type=et, specific_type=et in _SPECIFIC))
        if len(mentions) == n_sent:
            carry.defer(i)  # every event word denied or unplaced: read as a sentence without an event
        elif used_date is None and first_date is not None and first_date.anaphoric and carry.get() is not None:
            pass  # "The same evening, ...": the narrative stays on the day told before
        elif used_date is not None or first_date is not None:
            carry.set(i, s.paragraph, used_date or first_date)
    published = ref.isoformat() if ref is not None else (getattr(article, "published", None) or None)
    events = merge_mentions(mentions, article_id=str(getattr(article, "id", "")), title=getattr(article, "title", None),
                            url=getattr(article, "url", None), source=getattr(article, "source", None),
                            published=published, published_inferred=inferred)
    return ExtractionResult(events, unresolved, ref, inferred, mentions, rejected)


def _note_type(last_type: dict[str, tuple[int, str]], i: int, actor: str, etypes: list[str]) -> None:
    """Remember the specific type of ``actor``'s event in sentence ``i``, for a later "the operation"."""
    spec = [e for e in etypes if e in _SPECIFIC]
    if len(spec) == 1:
        last_type[actor] = (i, spec[0])


def _country_re(lex: Lexicon, key: str, pattern: str) -> re.Pattern[str]:
    """``pattern`` with ``{alt}`` the country names of :func:`_countries`, compiled once per lexicon."""
    rx = lex.extra.get(key)
    if rx is None:
        rx = lex.extra[key] = re.compile(pattern.replace("{alt}", _countries(lex)[0]), re.I)
    return rx


def _foreign_code(lex: Lexicon, m: re.Match[str]) -> str | None:
    """The code of the country group ``c`` of ``m`` names, unless it is Syria."""
    code = _countries(lex)[1].get(re.sub(r"\s+", " ", m.group("c").lower()))
    return code if code != "SY" else None


_DIRECTIONS_ADJ = (r"(?:far\s+)?(?:north|south|east|west|northern|southern|eastern|western|north-?eastern|north-?western|"
                   r"south-?eastern|south-?western|central)")


def _abroad(text: str, p: PlaceMention, lex: Lexicon) -> str | None:
    """The country code of "in (northern) Iraq" right after place ``p`` (within six words), else None."""
    m = _abroad_re_match(text, p, lex)
    return _foreign_code(lex, m) if m is not None else None


def _listed_abroad(text: str, p: PlaceMention, places: list[PlaceMention], lex: Lexicon) -> str | None:
    """The country of the place listed just before ``p`` when that one is abroad: "in the Sinjar
    district of northern Iraq and in the Qandil mountains" (the list goes on in Iraq)."""
    prev = [q for q in places if q.end <= p.start]
    if not prev:
        return None
    q = prev[-1]
    m = _abroad_re_match(text, q, lex)
    if m is None or not _LIST_ON.fullmatch(text, m.end(), p.start):
        return None
    return _foreign_code(lex, m)


#: Between a listed place abroad and the next item: " and in the ", ", "
_LIST_ON = re.compile(r"\s*(?:,\s*)?(?:and|or)?\s*(?:in|on|near|at)?\s*(?:the\s+)?", re.I)


def _abroad_re_match(text: str, p: PlaceMention, lex: Lexicon) -> re.Match[str] | None:
    rx = _country_re(lex, "abroad_re", r"(?:[^,;.()]{0,40}?\s)?(?:in|of|inside)\s+(?:the\s+)?(?:" + _DIRECTIONS_ADJ
                     + r"\s+)?(?P<c>{alt})\b")
    m = rx.match(text, p.end)
    if m is None or count_words(text[p.end:m.start("c")]) > 8:
        return None
    return m


def _lead_country(text: str, lex: Lexicon) -> str | None:
    """The country code of a foreign country a sentence opens with ("In Yemen, US and British forces
    struck ... Hodeidah"), else None."""
    rx = _country_re(lex, "lead_country_re", r"^\W*(?:(?:also|meanwhile|elsewhere|separately|across\s+the\s+(?:region|border)|further\s+\w+)\s*,?\s+)?(?:in|inside)\s+"
                     r"(?:" + _DIRECTIONS_ADJ + r"\s+)?(?P<c>{alt})\s*,")
    m = rx.match(text)
    return _foreign_code(lex, m) if m is not None else None


def _names_foreign_country(text: str, lex: Lexicon) -> bool:
    """Whether ``text`` names a country other than Syria (the names of :func:`_countries`)."""
    codes = _countries(lex)[1]
    rx = _country_re(lex, "country_name_re", r"\b(?:{alt})\b")
    return any(codes.get(re.sub(r"\s+", " ", m.group(0).lower())) not in (None, "SY") for m in rx.finditer(text))


#: "the Lebanese side of the Masnaa crossing": the nationality of the side, by adjective
_SIDE_OF = re.compile(r"\b(?P<adj>Lebanese|Turkish|Iraqi|Jordanian|Israeli)\s+side\s+of\s+(?:the\s+)?$")
_SIDE_COUNTRY = {"Lebanese": "LB", "Turkish": "TR", "Iraqi": "IQ", "Jordanian": "JO", "Israeli": "IL"}


def _side_of(text: str, p: PlaceMention, lex: Lexicon) -> str | None:
    """The country of "the Lebanese side of X" right before place ``p``, else None."""
    m = _SIDE_OF.search(text, max(0, p.start - 40), p.start)
    return _SIDE_COUNTRY[m.group("adj")] if m else None


def _countries(lex: Lexicon) -> tuple[str, dict[str, str]]:
    """A regex alternation of the country names of ``places.json`` (``foreign_countries``) and
    Syria's, and their codes by lower-case name."""
    got = lex.extra.get("countries")
    if got is None:
        names = {k: v for k, v in lex.places.get("foreign_countries", {}).items() if not k.startswith("_")}
        names.update({"Syria": "SY", "Syrian Arab Republic": "SY"})
        alt = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(names, key=len, reverse=True))
        got = lex.extra["countries"] = (alt, {k.lower(): v for k, v in names.items()})
    return got


#: "Photo: ...", "Picture: ...": a caption
_CAPTION = re.compile(r"\s*(?:photo|picture|image|caption|pictured|file\s+photo)\s*(?::|-|\u2013)", re.I)
#: A heading has at most this many words
_HEADING_WORDS = 16
_NUMERIC_DATE = re.compile(r"\d")


#: At most this many words besides the date in a line that heads the lines under it
_DATE_LINE_WORDS = 3


def _heading_dates(split: list[Sentence], ref: dt.date | None) -> list[dt.date | None]:
    """By sentence, the date of the dated heading it stands under, if any.

    A heading is a line that ends with ':' ("Aleppo province, Friday 2 May 2014:"), or the title
    or first line when it has no final stop and at most :data:`_HEADING_WORDS` words ("Air
    activity log, Idleb, Sunday 14 March 2021"), or, further down, a line without a final stop that
    is a date and at most :data:`_DATE_LINE_WORDS` words more ("Thursday, 27 February 2020",
    "Incident CS1012 - June 8, 2017"); its date must be written out (a day, a month, digits). It
    holds until the next dated heading.
    """
    out: list[dt.date | None] = []
    cur: dt.date | None = None
    for k, s in enumerate(split):
        t = s.text.strip()
        # a line ending in ':' anywhere; a line without a final stop only as the title or first line
        # (a caption further down is not a heading)
        short = bool(t) and t[-1:] not in ".!?\"'" and count_words(t) <= _HEADING_WORDS
        if t and (t.endswith(":") or short) and _NUMERIC_DATE.search(t) and not _CAPTION.match(t):
            for d in find_dates(t, ref):
                if d.date is not None and d.precision == "day" and _NUMERIC_DATE.search(d.text) \
                        and not (d.since or d.future or d.anaphoric or d.attribution) \
                        and (ref is None or d.date <= ref) \
                        and (t.endswith(":") or k == 0 or count_words(t[:d.start] + " " + t[d.end:]) <= _DATE_LINE_WORDS):
                    # further down, a line that is a date ("Thursday, 27 February 2020", "Incident CS1012 -
                    # June 8, 2017") heads the lines under it
                    cur = d.date
                    break
        out.append(cur)
    return out


#: At most this many words in an item of a list
_ITEM_WORDS = 40


def _join_lists(text: str, split: list[Sentence], trig: list[list]) -> tuple[list[Sentence], dict[int, list[tuple[int, int]]]]:
    """Join a list of targets to the event it itemises: one sentence, with the items' spans.

    "IDF jets struck dozens of targets in Syria. Among the targets were:" followed by lines
    "- a headquarters near Kanaker;", "- ... at the Mezzeh military airport": a lead ending in
    ':' (the event in it, or in the sentence before it when the lead has no event word), then
    items on lines of their own with no event word. Returns the sentences (joined ones span the
    event, the lead and the items) and, by sentence number, the items' spans within it.
    """
    def has_event(k: int) -> bool:
        return any(t.role == "event" for t in trig[k])

    out: list[Sentence] = []
    items: dict[int, list[tuple[int, int]]] = {}
    k = 0
    n = len(split)
    while k < n:
        s = split[k]
        if s.text.rstrip().endswith(":") and k + 1 < n and "\n" in text[s.end:split[k + 1].start]:
            j = k + 1
            while j < n and not has_event(j) and count_words(split[j].text) <= _ITEM_WORDS \
                    and "\n" in text[split[j - 1].end:split[j].start]:
                j += 1
                if split[j - 1].text.rstrip().endswith("."):
                    break  # the last item
            first = k
            if not has_event(k) and out and has_event(k - 1) and out[-1].start == split[k - 1].start:
                first = k - 1
            if j > k + 1 and has_event(first):
                if first == k - 1:
                    out.pop()
                a = split[first]
                b = split[j - 1]
                joined = Sentence(text[a.start:b.end], a.start, b.end, a.paragraph, len(out))
                items[len(out)] = [(x.start - a.start, x.end - a.start) for x in split[k + 1:j]]
                out.append(joined)
                k = j
                continue
        out.append(s if s.index == len(out) else Sentence(s.text, s.start, s.end, s.paragraph, len(out)))
        k += 1
    return out, items


def _section_country(text: str, lex: Lexicon) -> str | None:
    """The country a section heading or list lead names: "Strikes in Iraq", "Strikes in Syria:
    Near Tabqah, ...", "... conducted 19 strikes in Iraq, coordinated with ...:" ("SY" for Syria)."""
    head, colon, _rest = text.partition(":")
    words = count_words(head)
    if not ((colon and words <= 40) or (words <= 6 and not re.search(r"[.!?]\s*$", head))):
        return None
    rx = lex.extra.get("section_re")
    alt, codes = _countries(lex)
    if rx is None:
        rx = lex.extra["section_re"] = re.compile(rf"\b(?:in|inside|across|over)\s+(?:the\s+)?(?P<c>{alt})\b", re.I)
    found = {codes.get(re.sub(r"\s+", " ", m.group("c").lower())) for m in rx.finditer(head)}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _actor_from_metadata(article: Any, lex: Lexicon) -> str | None:
    """The actor whose releases these are, from the source, address or title ("CJTF-OIR press release")."""
    meta = " ".join(str(getattr(article, k, None) or "") for k in ("source", "url", "title")).lower()
    if not meta.strip():
        return None
    hints = lex.extra.get("source_hint_res")
    if hints is None:
        # whole words only: "SANA" is not in "Hassana"
        hints = lex.extra["source_hint_res"] = [
            (actor, re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(h.lower()) for h in prof["source_hints"])
                               + r")(?![a-z0-9])"))
            for actor, prof in lex.profiles.items() if prof.get("source_hints")]
    return next((actor for actor, rx in hints if rx.search(meta)), None)


def _sentence_starts(starts: list[int], s: Sentence) -> list[int]:
    """The candidate word starts of the article inside sentence ``s``, relative to it (a
    sentence is ``text[s.start:s.end]``), and its first character when it is a word
    character (a word start of the sentence whatever precedes it in the article)."""
    lo, hi = bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end)
    out = [p - s.start for p in starts[lo:hi]]
    if s.text[:1].isalnum() or s.text[:1] == "_":
        if not out or out[0] != 0:
            out.insert(0, 0)
    return out


#: A legend's entry: "SAA = Syrian Arab Army and allied forces", "UNK = unknown"
_LEGEND_ENTRY = re.compile(r"(?<![\w=])([A-Z][A-Za-z]{1,5})\s*=\s*([^;=\n]{3,60}?)\s*(?=[;\n]|$|,\s*[A-Z][A-Za-z]{1,5}\s*=)")
#: A key written as a line of "ABBR expansion" pairs: "Abbrev: RuAF Russian air force; SAA Syrian army; unk. unknown."
_LEGEND_LINE = re.compile(r"^[ \t]*(?:abbrev(?:iation)?s?\.?|key|legend|glossary)[ \t]*:[ \t]*([^\n]+)", re.I | re.M)
_LEGEND_PAIR = re.compile(r"(?:^|;)\s*([A-Za-z][A-Za-z]{1,5}\.?)\s+(?!=)([^;\n]{3,60}?)\s*\.?\s*(?=;|$)")
_UNKNOWN_WORDS = re.compile(r"(?:unknown|unidentified|unattributed|unclear)\b", re.I)


def _legend_aliases(text: str, lex: Lexicon) -> dict[str, str]:
    """The abbreviations a table's key defines for actors: ``{"RU": "russia", "UNK": "unknown"}``
    from "Key: RU = Russian Aerospace Forces; UNK = unknown" (an entry whose expansion names no
    actor of the lexicon is left out)."""
    out: dict[str, str] = {}
    entries = [(m.group(1), m.group(2)) for m in _LEGEND_ENTRY.finditer(text)] if "=" in text else []
    for line in _LEGEND_LINE.finditer(text):
        # "Abbrev: RuAF Russian air force; SAA Syrian army; Hezb. Hezbollah; unk. unknown."
        entries += [(m.group(1), m.group(2)) for m in _LEGEND_PAIR.finditer(line.group(1))]
    for abbr, expansion in entries:
        if _UNKNOWN_WORDS.match(expansion):
            out[abbr] = "unknown"
            continue
        named = [a for a in find_actors(expansion, lex) if a.actor and a.kind in ("name", "metonym")]
        if named and named[0].start <= 4:
            out[abbr] = named[0].actor
    return out


def _analyse(s: Sentence, lex: Lexicon, ref: dt.date | None, triggers: list, with_actors: bool,
             found_actors: list, starts: list[int], author: str | None = None,
             prev_text: str | None = None, legend: dict[str, str] | None = None, bulleted: bool = False) -> _Sent:
    """The actors (``with_actors``) and trigger groups of sentence ``s``; its dates are read on
    first use (``starts``: the candidate word starts of the article). First-person mentions
    ("our armed UAVs", "we") name the speaker of the quote they stand in ('"We stormed X," said
    a Free Syrian Army commander'; ``prev_text``, the sentence before, for '..., he added'), else
    ``author``, the actor whose release the article is, else an unknown actor."""
    actors = find_actors(s.text, lex, found_actors) if with_actors else []
    if legend and with_actors:
        # "2021-06-06 | Idlib | Ariha | RU | airstrike": an abbreviation the table's key defined
        added = [ActorMention(m.start(), m.end(), m.group(0), legend[m.group(0)], "name")
                 for m in re.finditer(r"(?<!\w)(?:" + "|".join(map(re.escape, legend)) + r")(?!\w)", s.text)
                 if not any(a.start < m.end() and m.start() < a.end for a in actors)
                 and not (m.end() < len(s.text) and s.text[m.end():].lstrip()[:1] == "=")]
        if added:
            actors = sorted(actors + added, key=lambda a: a.start)
    if actors and "(" in s.text:
        # "the Jabhat al-Nusra terrorist group (outlawed in Russia)": where it is banned, not who acts
        actors = [a for a in actors if not _BANNED_IN.search(s.text, max(0, a.start - 60), a.start)]
    if any(a.kind == "first_person" for a in actors):
        # without an author, "our forces" are someone the article does not name
        speaker = _quote_speaker(s.text, actors, lex, prev_text)
        actors = [ActorMention(a.start, a.end, a.text,
                               (speaker if speaker and _inside_quote(s.text, a.start) else None) or author or "unknown",
                               "name", a.air)
                  if a.kind == "first_person" else a for a in actors]
    # a trigger inside an actor name ("Russian warplanes") still counts; one inside a source does not
    # nor an event word that is part of a group's name ("National Front for Liberation": inside it,
    # or capitalised after its first word; "coalition air strikes" is an event and its actor)
    triggers = [t for t in triggers if not any(
        a.start <= t.start and t.end <= a.end and (a.kind == "source" or (t.role == "event" and (
            t.end < a.end or (t.start > a.start and t.text[:1].isupper()))))
        for a in actors)]
    if any(t.role == "instrument" for t in triggers) and any(c in s.text for c in ("|", ";", ":", " - ", "\u2013", "\u2014",
                                                                                  " // ")):
        triggers = _type_fields(s.text, triggers, bulleted)
    groups = group_triggers(s.text, triggers, actors)
    return _Sent(s, actors, groups, ref, starts)


def _type_fields(text: str, triggers: list, bulleted: bool = False) -> list:
    """A table row's type field that is only a weapon ("2021-06-05 | Idlib | Ihsem | SAA |
    artillery | 2 | ..."): the weapon stands for its event (artillery is shelling) where the
    row has no event word, and types the row's event words where they are generic ("... howitzers
    fired on positions"); beside a specific one ("Unidentified drone; Drone strike on ...") it
    adds nothing."""
    cols = _table_row(text, bulleted)
    if len(cols) >= 2 and _LINE_HEAD.match(text):
        triggers = _weapon_note(text, cols[1], triggers)
        if len(cols) == 2:
            return triggers
    if len(cols) < 3:
        return triggers
    out = list(triggers)
    for a, b in cols:
        inside = [k for k, t in enumerate(out) if a <= t.start and t.end <= b]
        if not inside or count_words(text[a:b]) > 3 or any(out[k].role == "event" for k in inside):
            continue
        covered = sum(count_words(out[k].text) for k in inside)
        if covered < count_words(text[a:b]) - 1:
            continue  # "Grad rockets on the town": a note, not a type
        typ = out[inside[0]].type
        others = [k for k, t in enumerate(out) if t.role == "event" and not (a <= t.start < b)]
        if not others:
            for k in inside:
                out[k] = dataclasses.replace(out[k], role="event")
        elif all(out[k].type in GENERIC_TYPES for k in others):
            for k in others:
                out[k] = dataclasses.replace(out[k], type=typ)
    return out


#: After a note's weapon word: the end of what the note says it did ("rebel rockets, 1 KIA", "TAF drones vs SAA armour")
_WEAPON_NOTE_END = re.compile(r"\s*(?:$|[,;(]|\s(?:on|at|vs\.?|against|into|hit|x\d|and|since|all|through)\b)", re.I)


def _weapon_note(text: str, col: tuple[int, int], triggers: list) -> list:
    """A log line whose note opens with a weapon ("Suqaylabiyah: rebel rockets, 1 KIA", "Kafr Nabl
    area: TAF drones vs SAA armour, 4x hits claimed"): the weapon is the event where the line has
    no event word, and types its generic event words."""
    a, b = col
    lead = [k for k, t in enumerate(triggers) if a <= t.start < b and t.role == "instrument"]
    if not lead:
        return triggers
    k = lead[0]
    t = triggers[k]
    if count_words(text[a:t.start]) > 3 or any(x.role == "event" and x.start < t.start for x in triggers) \
            or not _WEAPON_NOTE_END.match(text, t.end):
        return triggers
    out = list(triggers)
    events = [j for j, x in enumerate(out) if x.role == "event"]
    if not events:
        out[k] = dataclasses.replace(t, role="event")
        for j in range(k + 1, len(out)):  # "turkish jets and artillery since wednesday": both
            x = out[j]
            if x.role != "instrument" or x.type == t.type or not re.fullmatch(r"\s+and\s+", text[out[j - 1].end:x.start]):
                break
            out[j] = dataclasses.replace(x, role="event")
    elif all(out[j].type in GENERIC_TYPES for j in events):
        for j in events:
            out[j] = dataclasses.replace(out[j], type=t.type)
    return out


_BANNED_IN = re.compile(r"\((?:[^()]{0,30}?\b)?(?:outlawed|banned|prohibited|proscribed|designated\s+(?:as\s+)?(?:a\s+)?terrorist\w*"
                        r"(?:\s+organi[sz]ation)?)\s+in\s+(?:the\s+)?$", re.I)
_QUOTES = "\"\u201c\u201d"
_HE_ADDED = re.compile(r"[\"\u201d]\s*,?\s*(?:he|she)\s+(?:added|said|continued|went\s+on)\b", re.I)
_SPEAKER_ROLE = re.compile(r"\s*(?:commander|fighter|spokes(?:man|woman|person)|official|officer|leader|member|"
                           r"soldier|militant|media\s+officer)\b", re.I)


def _inside_quote(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation of ``text`` (an odd number of quote marks before it)."""
    return sum(text.count(q, 0, pos) for q in _QUOTES) % 2 == 1


def _speaker_in(text: str, actors: list[ActorMention] | None, lex: Lexicon) -> str | None:
    """The armed actor a speaker after a quote belongs to: '," said Abu Omar, a Free Syrian Army commander'."""
    close = max(text.rfind(q) for q in ('"', "\u201d"))
    if close < 0:
        return None
    acts = actors if actors is not None else find_actors(text, lex)
    for a in acts:
        if a.start > close and a.actor and a.kind in ("name", "adjective") and _SPEAKER_ROLE.match(text, a.end) \
                and re.search(r"\b(?:said|says|added|told)\b", text[close:a.start]):
            return a.actor
    return None


def _quote_speaker(text: str, actors: list[ActorMention], lex: Lexicon, prev_text: str | None) -> str | None:
    """Who speaks the quote of sentence ``text``: an actor named with the speaker after the quote,
    or, for '..., he added', with the speaker of the sentence before."""
    sp = _speaker_in(text, actors, lex)
    if sp is None and prev_text and _HE_ADDED.search(text):
        sp = _speaker_in(prev_text, None, lex)
    return sp


def _owned_weapons(text: str, g: TriggerGroup, actors: list[ActorMention]) -> dict[str, list[str]]:
    """The event types of a group's weapons by the actor each belongs to, when the subject
    coordinates two actors' weapons: "Regime artillery and Russian jets pounded X" (the regime
    shelled, Russia struck from the air); "TAF artillery and Turkish jets" (Turkey did both).
    Empty unless at least two weapons of different types each have their own actor."""
    out: dict[str, list[str]] = {}
    weapons = [tr for tr in g.triggers if tr.role == "instrument" and tr.type in _SPECIFIC]
    if len({tr.type for tr in weapons}) < 2:
        return {}
    owned = 0
    for tr in weapons:
        owner = next((a for a in actors if a.actor and a.kind != "pronoun"
                      and ((a.start <= tr.start and tr.end <= a.end)
                           or (a.end <= tr.start and re.fullmatch(r"[\s'\u2019s]*", text[a.end:tr.start])))), None)
        if owner is None:
            continue
        owned += 1
        if tr.type not in out.setdefault(owner.actor, []):
            out[owner.actor].append(tr.type)
    return out if owned >= 2 else {}



#: Barrel bombs: in the reporting of this war, dropped by the government's helicopters alone
_BARREL_BOMB = re.compile(r"barrel|\bbarrels\b|\bbarameel\b|\bbaramil\b", re.I)
_BARREL_ACTOR = "syrian_government"

#: Events dated before this day are history told as background, not events of the war the tool maps
_HISTORY_BEFORE = "2011-01-01"

#: A date that owns a noun: "last night's demonstration", "Monday's strike"
_POSSESSIVE_DATE = re.compile(r"['\u2019]s?\s", re.I)

#: A gathering that the event word hit, right after it: "opened fire on a funeral procession in X"
#: ("a funeral", "a protest" elsewhere in a sentence say where no event happened)
_TARGETED_GATHERING = re.compile(r"\s*(?:on|at|against|into|targeting)?\s*(?:an?|the)\s+(?:[\w\-]+\s+)?"
                                 r"(?:funeral|protest|demonstration|rally|sit-in|wedding|meeting|festival|court|market)"
                                 r"(?:\s+(?:procession|crowd|gathering|hall|building|tent|march|place))?s?\s+"
                                 r"(?:in|at|near|of)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}?$", re.I)


def _group_for_place(text: str, p: PlaceMention, groups: list[TriggerGroup], lex: Lexicon,
                     P: dict[str, re.Pattern[str]], headline: bool = False) -> int | None:
    """The trigger group that governs place ``p``: the nearest before it in the clause, else a fronted place.

    ``text`` is the sentence with its short bracketed parts blanked out (:data:`_BRACKETED`).
    In a ``headline`` a comma parts the items too ("Assad falls, Israel strikes, fighting around Manbij").
    """
    brk = _HEADLINE_BREAK if headline else clause_break_re(lex)
    inside = [i for i, g in enumerate(groups) if g.start <= p.start and p.end <= g.end and g.is_event]
    if inside:  # "shelled Zamalka and Jobar with rockets and artillery": one group around its places
        return inside[0]
    left = [i for i, g in enumerate(groups) if g.end <= p.start and g.is_event]
    if left:
        gi = left[-1]
        gap = text[groups[gi].end:p.start]
        if not brk.search(gap) and (not P["nonevent"].search(_ORIGIN_PHRASE.sub(" ", gap))
                                    or _TARGETED_GATHERING.match(gap)):
            return gi  # ("fired missiles from Lebanese airspace at targets near Homs": where from is no context)
    right = [i for i, g in enumerate(groups) if g.start >= p.end and g.is_event]
    if right:
        gi = right[0]
        gap = text[p.end:groups[gi].start]
        if count_words(gap) <= 10 and not brk.search(gap) and not P["nonevent"].search(gap):
            if not left or brk.search(text[groups[left[-1]].end:p.start]) or P["nonevent"].search(text[groups[left[-1]].end:p.start]):
                return gi
    return None


def extract_events(article: Any, gazetteer: Any | None = None, *, date_override: dt.date | None = None,
                   unresolved: list[str] | None = None) -> list[Event]:
    """The events of one article (see :func:`extract`).

    Names of event places that could not be resolved are appended to ``unresolved``
    when a list is given.

    Examples
    --------
    >>> from geo.articles import Article
    >>> extract_events(Article(id="x", text="Talks resumed in Geneva."), gazetteer=False)
    []
    """
    res = extract(article, gazetteer, date_override=date_override)
    if unresolved is not None:
        unresolved.extend(n for n in res.unresolved_places if n not in unresolved)
    return res.events
