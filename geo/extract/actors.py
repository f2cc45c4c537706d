"""Step: actors. Find the actor mentions of a sentence, then tell which one carried out an event.

:func:`find_actors` matches the alias lexicon (``actors.jsonl``): names ("the Russian
air force", "SAA"), nationality adjectives ("Russian", "Turkish"), metonyms ("Moscow")
and blocked entities (sources and bodies that look like actors: "Syrian Observatory",
"Syrian National Coalition"). :func:`actor_for` then reads who did an event, in this
order: a modifier just before the trigger ("Russian air strikes", "its air raids"), an
agent after it ("carried out by the Russian air force", "bombings by the SAA"), a
subject to its left in the same clause ("ISIS seizing", "the regime has intensified"),
else nothing (the pipeline then looks back to earlier sentences).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from geo.extract.lexicon import Lexicon

__all__ = ["ActorMention", "find_actors", "actor_for", "blamed_actor", "release_actor", "count_words", "clause_break_re",
           "device_used", "joint_actors", "speaker_actor", "alias_of"]


@dataclass(frozen=True)
class ActorMention:
    """An actor named in a sentence (``actor`` None for a blocked entity; kind "pronoun" for its/their)."""

    start: int
    end: int
    text: str
    actor: str | None
    kind: str
    air: bool = False


# (with a hyphen: "rebel-held", "Turkish-occupied"; with a space only "rebel held": "forces besieged X" is a verb)
_HELD = re.compile(r"-(?:held|controlled|occupied|besieged|dominated|run|aligned|affiliated|linked|allied)\b|\s+held\b", re.I)
#: "SDF-linked group", "IS-affiliated militants": a group of that side, who may act
_LINKED_GROUP = re.compile(r"-(?:linked|affiliated|aligned|allied)\s+(?:armed\s+|local\s+)?(?:groups?|militants|fighters|cells?|"
                           r"militias?|factions?|gunmen|units?)\b", re.I)
_WORD = re.compile(r"[\w'\-]+")
_PRONOUN = re.compile(r"\b(?i:its|their|it|they)\b|\b(?:[Hh]is|[Hh]er)\s+(?:[\w\-]+\s+)?(?:forces|men|units|troops|fighters|"
                      r"soldiers|brigades?|division|columns?)\b")


def count_words(s: str) -> int:
    """The number of words in ``s``."""
    return len(_WORD.findall(s))


def clause_break_re(lex: Lexicon) -> re.Pattern[str]:
    """A regex that finds clause breaks (``;``, " but ", " while ", brackets, dashes)."""
    pat = lex.extra.get("clause_breaks")
    if pat is None:
        parts = [re.escape(b) for b in lex.cues.get("clause_breaks", [])]
        pat = lex.extra["clause_breaks"] = re.compile("|".join(parts) if parts else r"(?!x)x", re.I)
    return pat


def find_actors(text: str, lex: Lexicon, found: list[tuple[int, int, str, str]] | None = None) -> list[ActorMention]:
    """All actor mentions of ``text``, longest first where they overlap, in text order.

    ``found``: the alias matches of :func:`geo.extract.lexicon.scan_lexicons` for this text
    (``(start, end, text, name)``), when the caller has scanned already.

    Examples
    --------
    >>> from geo.extract.lexicon import load_lexicon
    >>> [(m.text, m.actor) for m in find_actors("Russian warplanes and the SAA hit Idlib", load_lexicon())]
    [('Russian warplanes', 'russia'), ('SAA', 'syrian_government')]
    """
    if found is None:
        from geo.extract.lexicon import scan_lexicons

        found = scan_lexicons(text, lex).actors
    found = [(s, e, t) for s, e, t, _n in found]
    # longest first, then earliest: drop overlaps
    found.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
    taken: list[tuple[int, int]] = []
    out: list[ActorMention] = []
    for s, e, t in found:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        alias = alias_of(t, lex)
        if alias is None:
            out.append(ActorMention(s, e, t, None, "source"))
            continue
        if alias.kind in ("anaphor", "state_anaphor"):
            # "the jihadists" (an armed group), "the army" (a state's forces): resolved like "its"
            out.append(ActorMention(s, e, t, None, "pronoun"))
            continue
        if alias.kind == "name" and t.isupper() is False and alias.text.isupper():
            continue  # "is" is not IS
        if _HELD.match(text, e) and not _LINKED_GROUP.match(text, e):
            out.append(ActorMention(s, e, t, None, "source"))  # "rebel-held", "ISIS-controlled": a place's owner
            continue
        out.append(ActorMention(s, e, t, alias.actor, alias.kind, alias.air))
    for m in _PRONOUN.finditer(text):
        if any(m.start() < te and ts < m.end() for ts, te in taken):
            continue
        out.append(ActorMention(m.start(), m.end(), m.group(0), None, "pronoun"))
    low = text.lower()
    if "our" in low or "we " in low:
        for m in _FIRST_PERSON.finditer(text):
            # "our army units": first person, whatever alias the force noun has
            clash = [a for a in out if m.start() < a.end and a.start < m.end()]
            if all(a.kind == "pronoun" for a in clash):
                out = [a for a in out if a not in clash]
                air = bool(m.group("force")) and _AIR_FORCE.search(m.group("force")) is not None
                out.append(ActorMention(m.start(), m.end(), m.group(0), None, "first_person", air))
    out.sort(key=lambda a: a.start)
    return _join_names(text, out)


_GENERIC_GAP = re.compile(r"[\s\-]*(?:(?:linked|affiliated|aligned|allied)\s+)?")  # ("IS-affiliated militants")
#: "Turkish forces (TAF)": an acronym in brackets right after a name is part of it
_ACRONYM = re.compile(r"\s*\([A-Z][\w\-/]{1,14}\)")
#: "SNA factions", "YPG units": a force noun right after a name is part of it
_FORCE_NOUN = re.compile(r"[\s\-]+(?:(?:linked|affiliated|aligned|allied)\s+(?:armed\s+)?(?:groups?|cells?|militants|gunmen)\b|"
                         r"special\s+(?:forces|operations\s+forces)|commandos|factions?|fighters|forces|troops|"
                         r"units?|militiamen|militias?|soldiers|"
                         r"brigades?|battalions?|formations)\b", re.I)
#: "Militants of the Jabhat al-Nusra group": a generic attacker of a named group is the group
_OF_NAMED = re.compile(r"\s+of\s+(?:the\s+)?", re.I)


def _join_names(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """Mentions that are one name: "ISIS gunmen", "Nusra terrorists" (a generic attacker right
    after an actor), "Turkish forces (TAF)", "Militants of the Jabhat al-Nusra group"."""
    out: list[ActorMention] = []
    skip_to = -1
    for k, m in enumerate(mentions):
        if m.start < skip_to:
            continue  # inside a bracket joined to the name before it
        prev = out[-1] if out else None
        if m.actor == "unknown" and prev is not None and prev.actor and prev.actor != "unknown" \
                and prev.kind in ("name", "adjective") and _GENERIC_GAP.fullmatch(text, prev.end, m.start):
            out[-1] = ActorMention(prev.start, m.end, text[prev.start:m.end], prev.actor, "name", prev.air or m.air)
            continue
        if m.actor and m.kind in ("name", "adjective"):
            am = _ACRONYM.match(text, m.end)
            if am is not None:
                m = ActorMention(m.start, am.end(), text[m.start:am.end()], m.actor, m.kind, m.air)
                skip_to = am.end()
            fm = _FORCE_NOUN.match(text, m.end) if m.actor != "unknown" else None
            nxt_start = next((x.start for x in mentions[k + 1:] if x.start >= m.end), len(text))
            if fm is not None and fm.end() <= nxt_start:
                # "Syrian National Army (SNA) factions", "YPG units": the name with the force it names
                m = ActorMention(m.start, fm.end(), text[m.start:fm.end()], m.actor, "name", m.air)
                skip_to = max(skip_to, fm.end())
        if m.actor == "unknown" and k + 1 < len(mentions):
            nxt = mentions[k + 1]
            om = _OF_NAMED.match(text, m.end)
            if om is not None and om.end() == nxt.start and nxt.actor and nxt.actor != "unknown" and nxt.kind == "name":
                m = ActorMention(m.start, nxt.end, text[m.start:nxt.end], nxt.actor, "name", m.air or nxt.air)
                skip_to = nxt.end
        out.append(m)
    return out


#: "our heroic commandos", "our armed UAVs", "we": the author's forces (a ministry's release)
_FIRST_PERSON = re.compile(
    r"\b(?:[Oo]ur\s+(?:[\w\-]+\s+){0,2}?(?P<force>forces|troops|soldiers|commandos|units|army|navy|air\s+force|"
    r"aircraft|jets|warplanes|planes|helicopters|UAVs|drones|artillery|fighters|gunners|servicemen|personnel|"
    r"elements|teams|ships|warships|submarines|air\s+defen[cs]es?|men|mujahideen|heroes|comrades|brothers)|\b[Ww]e)\b(?![\-'])")
_AIR_FORCE = re.compile(r"air|aircraft|jets|warplanes|planes|helicopters|UAVs|drones", re.I)


def speaker_actor(text: str, lex: Lexicon) -> str | None:
    """The actor a reporting phrase names as its speaker ("The coalition said" -> us_coalition), if any.

    Examples
    --------
    >>> from geo.extract.lexicon import load_lexicon
    >>> speaker_actor("The coalition said", load_lexicon())
    'us_coalition'
    """
    verbs = lex.extra.get("attribution_tail")
    if verbs is None:
        verbs = lex.extra["attribution_tail"] = re.compile(
            r"\s+(?:" + "|".join(lex.cues.get("attribution_verbs", []) or ["said"]) + r")\b.*$", re.I | re.S)
    core = re.sub(r"^(?:the|a|an)\s+", "", verbs.sub("", text.strip()), flags=re.I)
    if not core:
        return None
    alias = alias_of(core, lex) or alias_of("the " + core, lex)
    if alias is None or not alias.actor or alias.actor == "unknown" or alias.kind not in ("name", "adjective", "metonym"):
        return None
    return alias.actor


def alias_of(text: str, lex: Lexicon):
    """The lexicon entry (:class:`~geo.extract.lexicon.ActorAlias`) of an alias as written, or None.

    Examples
    --------
    >>> from geo.extract.lexicon import load_lexicon
    >>> alias_of("the  army", load_lexicon()).kind
    'state_anaphor'
    """
    key = re.sub(r"[\s\-]+", " ", text.replace("\u2019", "'")).lower()
    return lex.actor_aliases.get(key) or _lookup_loose(lex, text)


def _lookup_loose(lex: Lexicon, t: str):
    table = lex.extra.get("alias_norm")
    if table is None:
        table = lex.extra["alias_norm"] = {re.sub(r"[\s\-]+", " ", a.text.lower()): a for a in lex.actor_aliases.values()}
    return table.get(re.sub(r"[\s\-]+", " ", t.lower().replace("\u2019", "'")))


_MOD_WORDS = (r"recent|further|fresh|heavy|heavier|renewed|new|own|latest|massive|intense|intensive|continued|"
              r"continuing|separate|ongoing|deadly|suspected|reported|alleged|repeated|overnight|early|late|first|"
              r"second|third|two|three|four|five|several|numerous|dozens of|hundreds of|fierce|large-scale|wide-scale|"
              r"major|huge|precision|retaliatory|punitive|cross-border|joint|air|aerial|ground|naval|artillery|military|"
              r"surface-to-surface|ballistic|cruise|guided|armed|combat|fighter|attack|war|backed|aided|led|[\w]+-led|"
              r"[\w]+-backed|[\w]+-made|day-long|weeks-long|months-long|night-time|nighttime|daytime|dawn|morning|"
              r"more|other|similar|also|have|has|had|were|was|which|that|then|reportedly|allegedly|apparently|again|"
              r"sustained|concentrated|carpet|indiscriminate|intensified|escalating|stepped-up|unprecedented|suicide|booby-trapped|"
              r"explosive-laden|truck|car|vehicle")
_BETWEEN_MODIFIER = re.compile(rf"^(?:'s|s')?\s*(?:(?:and|or|&)\s+[\w\-']+\s+)?(?:(?:{_MOD_WORDS})\s+){{0,3}}$", re.I)
_AGENT = re.compile(r"^[\s,)]*(?:(?:carried out|conducted|launched|led|staged|mounted|executed|performed|"
                    r"done|made|fired|dropped|came|come|comes|being|been|was|were|is|are|reportedly|allegedly|apparently|believed to be|"
                    r"said to be|thought to be|blamed on|claimed|also|already|last|this|on|week|month|morning|evening|night|afternoon|"
                    r"[A-Z][a-z]+day|yesterday|today|earlier|again|repeatedly|heavily|in|the|area|of|"
                    r"[\w\-]+ly)\s+){0,7}?(?:by|from)\s+(?:the\s+)?(?:our\s+)?(?:(?:heroic|brave|valiant|gallant)\s+)?$"
                    # a place between: "the shelling of Saraqib by regime forces" (not "seized X from IS")
                    r"|^\s*(?:(?:of|on|in|into|onto|at|near|across|inside|the|al|el|neighbou?rhoods?|districts?|quarters?|"
                    r"outskirts|countryside|[\w]+-held|[\w]+-controlled|(?-i:[A-Z][\w'\-]*))\s+){1,8}?by\s+(?:the\s+)?$", re.I)
#: "by aircraft that residents said were Russian": the aircraft's actor, named after a description
_DESCRIBED_BY = re.compile(r"\bby\s+(?:the\s+)?(?:aircraft|jets|warplanes|planes|drones|helicopters)\s+(?:that|which)\s+"
                           r"(?:[\w\-]+\s+){0,3}?(?:said|say|says|believed|thought|identified|described)\s+"
                           r"(?:were|was|as|to\s+be|them\s+as)\s+$", re.I)
#: "were neutralised", "was hit": before a participle, the subject suffered the event ("were pounding" did it)
_BE_AUX = re.compile(r"\b(?:was|were|been|being|is|are)\b", re.I)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|got|get|gets)\s+(?:\w+ly\s+|also\s+|again\s+|not\s+)?$", re.I)
# (not inside a compound: "Turkish-backed SNA factions" are the subject)
_TARGET_PREP = re.compile(r"(?<![\w\-])(?:against|on|at|targeting|of|with|to|toward|towards|over|into|fighting|"
                          r"backed|supported|aided|versus|vs|from|for|between|among|including|like|"
                          r"held|controlled|positions)\s+(?:the\s+)?(?:[\w\-]+\s+)?$", re.I)


#: A military body speaking of an event it tells as its own: "The Pentagon says the strikes ..."
_MILITARY_BODY = re.compile(r"\b(?:Pentagon|ministry|MoD|CENTCOM|IDF|command|army|military|armed\s+forces)\b", re.I)
_OWN_EVENT_GAP = re.compile(r"\s+(?:says|said|stated|announced|confirmed)\s+(?:that\s+)?(?:the|its|their)\s+", re.I)

#: Right before the agent of an earlier event word, and between it and a verb coordinated with the main one
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
_AND_THEN = re.compile(r"\s*,?\s+and\s+(?:(?:later|then|also|subsequently|eventually|soon)\s+)?$", re.I)

#: An agent in a relative clause after the event and its place: ", which (rescue workers said) was carried out by "
_RELATIVE_AGENT = re.compile(r"[^.;:]{0,120}?,\s+(?:which|that)\s+(?:(?:[\w'\-]+\s+){1,4}?(?:said|say|says|believe[sd]?)\s+)?"
                             r"(?:was|were|had\s+been|has\s+been|is|are)\s+(?:(?:allegedly|reportedly|apparently|widely)\s+)?"
                             r"(?:carried\s+out|conducted|launched|staged|perpetrated|committed|blamed\s+on)\s+(?:by\s+)?"
                             r"(?:the\s+|a\s+|an\s+)?$", re.I)

_ASIDE = re.compile(r"\([^()]{1,60}\)")

#: An appositive that names the subject again: ", the group formerly known as "
_APPOSITIVE_NAME = re.compile(r",\s*(?:the|a|an)\s+(?:[\w\-']+\s+){0,4}?(?:formerly\s+|previously\s+|once\s+|also\s+)?"
                              r"(?:known\s+as|called|named)\s+(?:the\s+)?$", re.I)

#: "..., in which ": the event's own clause, whose subject did it (see _IN_WHICH_VERB)
_IN_WHICH_AGENT = re.compile(r"[^.;:,]{0,80}?,\s+in\s+which\s+(?:the\s+)?$", re.I)
_IN_WHICH_VERB = re.compile(r"\s+(?:fighters\s+|militants\s+|forces\s+)?(?:killed|wounded|injured|targeted|hit|struck)\b", re.I)

#: After an earlier event word, the end of its clause and the start of the next: "to stop our advance, ISIS ..."
_AFTER_CLAUSE = re.compile(r"[^,;]*[,;]\s*")

#: Between a clearing word and whom the place was cleared of: "cleared of ", "purged of the "
_EXPELLED_GAP = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?(?:remaining\s+)?", re.I)

#: "fell to ": the actor right after it took the place
_FELL_TO = re.compile(r"\bf(?:e|a)ll(?:s|en)?\s+to$", re.I)
#: "Fighters of the ", "units of ": the members of the actor that follows, not its target
_MEMBERS_OF = re.compile(r"\b(?:fighters|militants|members|units|elements|soldiers|troops|forces|gunmen|formations|detachments|"
                         r"militiamen|jets|warplanes|aircraft|drones|helicopters)\s+of\s+(?:the\s+)?$", re.I)
#: "on Thursday ", "in March ", "on 3 May ": a date before a subject, not a target
_DATE_PREP = re.compile(r"\b(?:on|in|at|since)\s+(?:the\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|"
                        r"april|may|june|july|august|september|october|november|december|\d[\w]*)\s+$", re.I)


#: The verbs of support: "X backed by Y", "X, supported by Y,": Y helps, X is the subject
#: An event noun that names the support itself ("backed by US-led coalition air strikes")
_SUPPORT_NOUN = re.compile(r"(?:air\s*strikes?|airstrikes?|air\s+raids?|raids|strikes|shelling|bombardment|"
                           r"artillery(?:\s+fire)?|drone\s+strikes?|air\s+power|air\s+support|warplanes|jets|aircraft)", re.I)
SUPPORT_BY = r"(?:backed|supported|aided|assisted|accompanied|helped|reinforced|joined|escorted|covered)\s+by"
#: A supporter right before here: "backed by (the) ", "alongside ", "with the help of "
_SUPPORTER = re.compile(rf"\b(?:{SUPPORT_BY}|alongside|with\s+the\s+(?:help|support|backing)\s+of|"
                        r"with\s+(?:the\s+)?(?:close\s+)?(?:air|aerial)\s+(?:support|cover)\s+(?:of|from)|"
                        r"under\s+(?:the\s+)?(?:air\s+)?cover\s+of)\s+"
                        r"(?:the\s+)?(?:[\w\-'\u2019]+\s+){0,6}$", re.I)
#: A supporter phrase that ends in "and" right before a support noun: "backed by Russian special
#: forces and air support", "with Turkish artillery and air cover": the support is the supporter's
_SUPPORTER_AND = re.compile(rf"\b(?:{SUPPORT_BY}|alongside|with)\s+(?:the\s+)?(?:[\w\-'\u2019]+\s+){{0,4}}$", re.I)
_AIR_SUPPORT = re.compile(r"(?:air|aerial)\s+(?:support|cover)", re.I)


#: Between a subject and an event word: the subject suffered it
_VICTIM_GAP = re.compile(r"\b(?:(?:were|was|have\s+been|has\s+been|had\s+been|are|is|got)\s+(?:\w+\s+)?"
                         r"(?:killed|wounded|injured|hurt|maimed|trapped|caught|buried|martyred)|died|perished)\b", re.I)


#: Right before an actor that is the object of a killing: "killed three SDF commanders"
_VICTIM_LEAD = re.compile(r"\b(?:killed|killing|kills|wounded|wounding|injured|injuring|assassinated|detained|detaining|arrested|arresting|"
                          r"captured|capturing)\s+(?:(?:at\s+least|some|about|around|nearly|up\s+to|more\s+than)\s+)?"
                          r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|dozens\s+of|"
                          r"scores\s+of|many|a\s+number\s+of|the|its|their)?\s*(?:[\w\-]+\s+)?$", re.I)


#: After an actor in a bracketed gloss, before the event word: ")", "), 10"
_GLOSS_GAP = re.compile(r"\)\s*(?:,\s*)?(?:\d{1,3}\s*x?\s*)?")
#: Between a subject and a second verb it shares: its first verb's phrase, then "and"
_SHARED_SUBJECT_GAP = re.compile(
    r"\s+(?:[a-z]+ed|went|came|drove|took|broke|made|swept|overran|fought|struck|hit|shot|began)\b"
    r"(?:(?!\b(?:who|which|that|but|while|whereas|after|before|when|said|says|killing|and)\b)[^\n;:.\"\u201c\u201d])*?"
    r",?\s+and\s+(?:then\s+|later\s+|also\s+)?", re.I)
#: After an actor in brackets: the bracket's end, with at most a word or two ("(RuAF)", "(unk. a/c)")
_BRACKET_REST = re.compile(r"(?:\s*[\w/.\-]+){0,2}\s*\)")


def actor_for(text: str, g_start: int, g_end: int, actors: list[ActorMention], lex: Lexicon,
              *, clause_start: int = 0, prev_group_end: int = 0) -> tuple[ActorMention | None, str]:
    """Who carried out the event whose trigger group spans ``text[g_start:g_end]``.

    Returns ``(mention, how)``: how is ``modifier``, ``agent``, ``subject`` or ``none``.
    A pronoun mention ("its") comes back as is: the caller resolves it.

    Examples
    --------
    >>> from geo.extract.lexicon import load_lexicon
    >>> lex = load_lexicon()
    >>> t = "airstrikes carried out by the Russian air force in the town of Babila"
    >>> m, how = actor_for(t, 0, 10, find_actors(t, lex), lex)
    >>> (m.actor, how)
    ('russia', 'agent')
    """
    real = [a for a in actors if a.kind != "source"]
    # 1. overlapping the group or a modifier just before it
    for a in real:
        if a.start < g_end and g_start < a.end and a.kind != "pronoun" and a.actor:
            return a, "modifier"
    before = [a for a in real if a.end <= g_start]
    if before:
        a = before[-1]
        gap = text[a.end:g_start]
        if a.actor and a.kind != "pronoun" and re.fullmatch(r"\s+and\s+(?:its\s+|their\s+)?", gap) \
                and _AIR_SUPPORT.fullmatch(text[g_start:g_end]) \
                and _SUPPORTER_AND.search(text, max(0, a.start - 40), a.start):
            return a, "modifier"  # "with Russian special forces and air support": Russia's air support
        if _BETWEEN_MODIFIER.match(gap) and not any(ch in gap for ch in ",;:()") and count_words(gap) <= 3 \
                and not re.search(r"\b(?:of|on|against|at|in|by|for|to|after)\b", gap, re.I) \
                and not (_BE_AUX.search(gap) and not re.search(r"ing\b", text[g_start:g_end].split(" ")[0], re.I)) \
                and not (a.kind == "name" and len(before) > 1 and _SUPPORTER.search(text[max(0, a.start - 40):a.start])
                         # "troops backed by Hezbollah fighters stormed X": the troops stormed it; but in
                         # "SDF fighters backed by coalition air strikes", the strikes are the coalition's
                         and not _SUPPORT_NOUN.fullmatch(text[g_start:g_end])):
            if a.actor or a.kind == "pronoun":
                return a, "modifier"
    # 2. an agent after the group: "by the Russian air force"; "fell to government forces"
    after = [a for a in real if a.start >= g_end and a.kind != "pronoun" and a.actor]
    if after and _FELL_TO.search(text[g_start:g_end]) and re.fullmatch(r"\s*(?:the\s+)?", text[g_end:after[0].start]):
        return after[0], "agent"
    if after and text[g_start:g_end].lower() == "loss":
        # "the loss of the southern town of Busra al-Sham to rebels": who took it
        a = after[0]
        if re.search(r"\bto\s+(?:the\s+)?$", text[g_end:a.start]) and count_words(text[g_end:a.start]) <= 12 \
                and not re.search(r"[,;:]", text[g_end:a.start]):
            return a, "agent"
    gap_from = g_end
    if len(after) > 1 and _EXPELLED_GAP.fullmatch(text, g_end, after[0].start) and \
            _AGENT.match(text[after[0].end:after[1].start]) and count_words(text[g_end:after[1].start]) <= 9:
        gap_from = after[0].end  # "cleared of terrorists by the Syrian National Army": who cleared it
        after = after[1:]
    if after:
        a = after[0]
        # (a gloss in brackets is no gap: "qasf madfa'i (artillery) by regime forces")
        gap = _ASIDE.sub(lambda m: " " * len(m.group(0)), text[gap_from:a.start])
        if (_AGENT.match(gap) and count_words(text[g_end:a.start]) <= 9) or \
                (_DESCRIBED_BY.search(gap) and count_words(text[g_end:a.start]) <= 16):
            pre = text[max(0, g_end - 25):g_end].lower()
            if not any(b in gap.lower() or pre.rstrip().endswith(b) for b in lex.cues.get("agent_blockers", [])):
                return a, "agent"
    if after and text[g_end:after[0].start].strip() == "(" and _BRACKET_REST.match(text, after[0].end) \
            and count_words(text[g_start:g_end]) <= 3:
        return after[0], "agent"  # a note's "6x airstrikes (RuAF)", "rocket fire (YPG)": who, in brackets
    if after and _RELATIVE_AGENT.match(text[g_end:after[0].start]):
        # "a chemical attack on Douma, ..., which rescue workers said was carried out by a government helicopter"
        return after[0], "agent"
    if after and after[0].kind == "name" and _IN_WHICH_AGENT.match(text[g_end:after[0].start]) \
            and _IN_WHICH_VERB.match(text, after[0].end):
        # "the January 2019 suicide bombing in Manbij, in which ISIS killed four Americans"
        return after[0], "agent"
    # 3. the subject: the nearest actor to the left in the same clause (not for a passive: "X was hit")
    if _PASSIVE.search(text[max(0, g_start - 30):g_start]) and not re.match(r"\w+ing\b", text[g_start:g_end]):
        return None, "none"  # "X was hit" (but "forces that were advancing" did it)
    lo = clause_start
    reach = 14
    for a in reversed(before):
        if a.start < lo:
            break
        # a short aside in brackets is no clause: "the Jabhat al-Nusra group (outlawed in Russia) carried out"
        gap = _ASIDE.sub(lambda m: " " * len(m.group(0)), text[a.end:g_start])
        if a.actor and a.kind == "name" and re.fullmatch(r"\s*,\s*", gap) \
                and _APPOSITIVE_NAME.search(text, max(0, a.start - 80), a.start):
            return a, "subject"  # "fighters of HTS, the group formerly known as the Nusra Front, stormed X"
        if prev_group_end and a.start >= prev_group_end and not _AFTER_CLAUSE.fullmatch(text, prev_group_end, a.start):
            continue  # after an earlier event word: its object ("struck an ISIS unit and destroyed ...")
        if a is before[-1] and a.actor and a.kind in ("name", "adjective") and _GLOSS_GAP.fullmatch(gap) \
                and "(" in text[max(lo, a.start - 40):a.start]:
            return a, "subject"  # a note's gloss: "fasa'il (rebel factions) fired ...", "(Russian warplanes), 10 gharat"
        if a is before[-1] and a.actor and a.kind in ("name", "adjective") and count_words(gap) <= 35 \
                and _SHARED_SUBJECT_GAP.fullmatch(gap):
            # "fighters from the X militia crossed the border into Syria west of Y, in the Homs
            # countryside, and attacked ...": the subject of the first verb does the second
            return a, "subject"
        if count_words(gap) > reach or clause_break_re(lex).search(gap):
            break
        if _BY_BEFORE.search(text, max(0, a.start - 12), a.start) and _AND_THEN.match(gap):
            # "troops seized X after days of bombardment by Russian aircraft, and later took Y": the
            # agent of the bombardment is not who took Y; the sentence's subject is
            reach = 30
            continue
        if _VICTIM_GAP.search(gap):
            break  # "33 Turkish soldiers were killed in an air strike": the victims, not who struck
        if _EARLIER_EVENT_GAP.search(gap):
            break  # "Government forces bombarded X on Friday, a day after a drone attack on Homs killed dozens"
        if _reaction_re(lex).search(gap):
            break  # "The government in Damascus condemned the raids": it reacts to what someone else did
        lead = text[max(0, a.start - 30):a.start]
        if _TARGET_PREP.search(lead) and not _DATE_PREP.search(lead) and not _MEMBERS_OF.search(lead):
            continue  # "against IS", "fighting the regime": an object, not the subject ("on Thursday our army": a date)
        if _VICTIM_LEAD.search(lead):
            continue  # "Turkish drones killed three SDF commanders in a strike": the victims
        if _SUPPORTER.search(text[max(0, a.start - 50):a.start]) and any(b.start < a.start and b.actor for b in before):
            continue  # "regime troops backed by heavy Russian air strikes stormed X": the troops stormed it
        if re.match(r"^(?:'s|s')?\s+(?:[\w\-]+\s+){0,2}(?:spokes(?:man|woman|person)|minister|ministry|official|"
                    r"officials|envoy|leader|president|commander|head|chief|director|media|sources?|said|says|"
                    r"told|advisers|advisors|side|delegation|foreign)\b", gap, re.I) and a.kind != "pronoun":
            if a.actor and a.actor != "unknown" and _OWN_EVENT_GAP.fullmatch(gap) and _MILITARY_BODY.search(a.text):
                return a, "speaker"  # "The Pentagon says the strikes targeted ...": its own strikes
            continue
        if a.actor or a.kind == "pronoun":
            return a, "subject"
    return None, "none"


def _blame_verbs(lex: Lexicon) -> str:
    verbs = lex.cues.get("blame_verbs", []) or [r"(?!x)x"]
    return "(?:" + "|".join(verbs) + ")"


def _reaction_re(lex: Lexicon) -> re.Pattern[str]:
    """``reaction_verbs`` of cues.json: "condemned", "denounced" (whose subject only reacts)."""
    return lex.cue_re("reaction_verbs")


def _blame_re(lex: Lexicon) -> re.Pattern[str]:
    rx = lex.extra.get("blame_re")
    if rx is None:
        rx = lex.extra["blame_re"] = re.compile(r"\b" + _blame_verbs(lex) + r"\b", re.I)
    return rx


def _blame_after_re(lex: Lexicon) -> re.Pattern[str]:
    """", which Ankara blamed on ": a blame clause between an event and the actor it names."""
    rx = lex.extra.get("blame_after_re")
    if rx is None:
        rx = lex.extra["blame_after_re"] = re.compile(
            r",?\s*\b(?:which|that)\b[^.;]{0,80}?\b" + _blame_verbs(lex) + r"\b(?:\s+[\w\-]+){0,3}?\s+(?:on|to)\s+(?:the\s+)?$",
            re.I)
    return rx


def _blame_participle_re(lex: Lexicon) -> re.Pattern[str]:
    """" blamed on the ", " attributed to ": a blame participle right after the event word."""
    rx = lex.extra.get("blame_participle_re")
    if rx is None:
        rx = lex.extra["blame_participle_re"] = re.compile(
            r"\s*,?\s*(?:(?:widely|largely|also)\s+)?" + _blame_verbs(lex) + r"\s+(?:on|to)\s+(?:the\s+)?", re.I)
    return rx


_BLAME_ON = re.compile(r"\b(?:on|to)\s+(?:the\s+)?$", re.I)


def blamed_actor(text: str, g_start: int, g_end: int, actors: list[ActorMention], lex: Lexicon,
                 *, clause_start: int = 0) -> ActorMention | None:
    """The actor an event is blamed on: "Ankara blamed the strike on Tal Rifaat on the YPG" -> the YPG.

    The blame verb stands at most eight words before the trigger in its clause; the actor is the
    first one after the trigger that follows "on" or "to" ("attributed the attack to ISIS").

    Examples
    --------
    >>> from geo.extract.lexicon import load_lexicon
    >>> lex = load_lexicon()
    >>> t = "Turkey blamed the attack on Afrin on the YPG"
    >>> blamed_actor(t, 18, 24, find_actors(t, lex), lex).actor
    'sdf_ypg'
    """
    head = text[clause_start:g_start]
    m = None
    for m in _blame_re(lex).finditer(head):
        pass
    if m is None or count_words(head[m.end():]) > 8:
        # after it: "... killed in an air strike on their positions, which Ankara blamed on government
        # forces"; "a drone strike blamed on the US-led coalition"
        after = _blame_after_re(lex)
        for a in actors:
            if a.start < g_end or not a.actor or a.kind == "pronoun":
                continue
            gap = text[g_end:a.start]
            if count_words(gap) <= 25 and after.search(gap):
                return a
            if _blame_participle_re(lex).fullmatch(gap):
                return a
        return None
    brk = clause_break_re(lex)
    for a in actors:
        if a.start < g_end or not a.actor or a.kind == "pronoun":
            continue
        gap = text[g_end:a.start]
        if brk.search(gap) or count_words(gap) > 15:
            return None
        if _BLAME_ON.search(gap):
            return a
    return None


def release_actor(text: str, group: object, lex: Lexicon) -> str | None:
    """The actor whose strike-release wording a trigger group is in (``release_actors`` of cues.json).

    "Near Raqqa, three strikes engaged an ISIS tactical unit": the coalition's releases name
    ISIS as the target and no one as the actor; "14 PKK/YPG terrorists were neutralised": the
    Turkish ministry's. A rule has a trigger, what must follow it (``after``) and what the
    sentence must hold (``sentence``, case-sensitive).

    Examples
    --------
    >>> from geo.extract.lexicon import load_lexicon
    >>> from geo.extract.triggers import Trigger, TriggerGroup
    >>> t = "Nine PKK/YPG terrorists were neutralised near Tal Rifaat"
    >>> g = TriggerGroup([Trigger(31, 42, "neutralised", "strike", "event", "any")])
    >>> release_actor(t, g, load_lexicon())
    'turkey'
    """
    rules = lex.extra.get("release_rules")
    if rules is None:
        rules = lex.extra["release_rules"] = [
            (r["actor"], re.compile(r["trigger"], re.I), re.compile(r.get("after", ""), re.I),
             re.compile(r["sentence"]) if r.get("sentence") else None)
            for r in lex.cues.get("release_actors", []) if "actor" in r]
    triggers = getattr(group, "triggers", [])
    for actor, trig, after, sentence in rules:
        if any(trig.fullmatch(t.text) and after.match(text, t.end) for t in triggers) \
                and (sentence is None or sentence.search(text)):
            return actor
    return None


def device_used(text: str, g_start: int, lex: Lexicon) -> bool:
    """Whether the device word at ``g_start`` is the object of a verb of use ("ISIS detonated a car bomb").

    Only then may its actor be a subject or an actor of earlier sentences; "a car bomb
    exploded", "an IED hit a bus carrying soldiers" name no user (``device_use_verbs`` of cues.json).

    Examples
    --------
    >>> from geo.extract.lexicon import load_lexicon
    >>> device_used("The attackers detonated a car bomb", 24, load_lexicon())
    True
    >>> device_used("Soldiers were killed when an IED", 32, load_lexicon())
    False
    """
    rx = lex.extra.get("device_use_re")
    if rx is None:
        pats = lex.cues.get("device_use_verbs", {}).get("patterns", []) or [r"(?!x)x"]
        rx = lex.extra["device_use_re"] = re.compile(
            r"\b(?:" + "|".join(pats) + r")\s+(?:(?:a|an|the|two|three|several|\d+|another|their|its|his|"
            r"powerful|large|massive|second|first)\s+)?(?:[\w\-]+\s+){0,2}$", re.I)
    return rx.search(text[max(0, g_start - 60):g_start]) is not None


_JOINT_GAP = re.compile(r"^(?:(?:['\u2019]s)?\s+(?:(?:ground|special|armed|land|regular|elite|border)\s+)?"  # "Turkey's army and ..."
                        r"(?:army|forces|troops|military|soldiers|units|militias?|air\s+force|warplanes|jets|aircraft|drones|artillery))?"
                        r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+|\+\s*|/\s*|as well as\s+|along with\s+|together with\s+|alongside\s+)"
                        # "Syrian troops and fighters from Lebanon's Hezbollah", "HTS and allied factions of the SNA"
                        r"(?:(?:allied\s+)?(?:fighters|forces|troops|militiamen|members|units|gunmen|factions|brigades)"
                        r"\s+(?:from|of|loyal\s+to)\s+)?"
                        r"(?:the\s+|their\s+|its\s+|allied\s+|(?:Turkish|Russian|Iranian)-backed\s+|[A-Z][a-z]+'s\s+|(?-i:[A-Z][a-z]+)\s+){0,2}$", re.I)
#: Between two names of one actor that form one phrase: "allied factions of the Turkish-backed SNA"
_SAME_PHRASE_GAP = re.compile(r"^\s+(?:of|from)\s+(?:the\s+)?(?:(?:Turkish|Russian|Iranian|US)-backed\s+)?$", re.I)


_SUPPORT_GAP = re.compile(rf"^\s*,?\s*{SUPPORT_BY}\s+"
                          r"(?:(?:fighters|forces|troops|militiamen|members|units|gunmen|factions)\s+(?:from|of)\s+)?"
                          r"(?:the\s+|their\s+|its\s+|allied\s+|(?:Turkish|Russian|Iranian)-backed\s+|[A-Z][a-z]+'s\s+)?$", re.I)


_FORCE_WORD = re.compile(r"\b(?:fighters|forces|troops|soldiers|militias?|militiamen|army|units?|tanks|gunmen|"
                         r"brigades?|battalions?|paramilitar(?:y|ies)|commandos|special\s+forces|guards?|factions|rebels|"
                         r"division|regiment|corps)\b", re.I)


#: "Syrian and Russian warplanes": a word that names an actor only with the head noun it shares
_SHARED_HEAD = re.compile(r"\b([A-Z][\w\-]+)\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)$")


def joint_actors(text: str, a: ActorMention | None, actors: list[ActorMention], how: str,
                 lex: Lexicon | None = None) -> list[ActorMention]:
    """Actors coordinated with the actor ``a`` of an event: "Russian and Syrian warplanes",
    "Hezbollah and government forces", "Turkish troops and allied Syrian rebels".

    Each is an actor of the event too (one event per actor). A nationality adjective
    shares the head of the phrase ("Russian and Syrian warplanes": Russian warplanes).

    Examples
    --------
    >>> from geo.extract.lexicon import load_lexicon
    >>> t = "Russian aircraft and regime helicopters bombed Sarmin"
    >>> acts = find_actors(t, load_lexicon())
    >>> [x.actor for x in joint_actors(t, acts[1], acts, "modifier")]
    ['russia']
    >>> t = "Government forces backed by Hezbollah fighters recaptured Yabroud"
    >>> acts = find_actors(t, load_lexicon())
    >>> [x.actor for x in joint_actors(t, acts[0], acts, "subject")]
    ['hezbollah']
    """
    if a is None or not a.actor or a.kind == "pronoun" or how not in ("modifier", "agent", "subject"):
        return []
    real = [x for x in actors if x.kind != "source"]
    out: list[ActorMention] = []
    i = real.index(a) if a in real else -1
    if i < 0:
        return []
    # to the left: "A, B and <a>"
    j, cur, cur_start = i - 1, a, a.start
    while j >= 0:
        x = real[j]
        if x.kind != "pronoun" and x.actor == cur.actor and _SAME_PHRASE_GAP.match(text[x.end:cur_start]):
            cur, cur_start, j = x, x.start, j - 1
            continue
        if x.kind == "pronoun" and x.text.lower() in ("their", "its") and _OWNER_GAP.fullmatch(text, x.end, cur_start):
            cur_start, j = x.start, j - 1  # "Turkish forces and their Syrian rebel allies": the allies' owner
            continue
        if x.kind == "pronoun" or not _JOINT_GAP.match(text[x.end:cur_start]):
            break
        if x.actor and x.actor != a.actor and x.actor not in {o.actor for o in out}:
            out.append(ActorMention(x.start, x.end, x.text, x.actor, x.kind, x.air or (x.kind == "adjective" and a.air)))
        cur, cur_start, j = x, x.start, j - 1
    # "Syrian and Russian warplanes": "Syrian warplanes" is an alias although "Syrian" is none
    m = _SHARED_HEAD.search(text, max(0, a.start - 40), a.start) if lex is not None and not out and " " in a.text else None
    if m is not None and not any(x.end > m.start(1) and x.start < m.end(1) for x in real):
        entry = alias_of(f"{m.group(1)} {a.text.split()[-1]}", lex)
        if entry is not None and getattr(entry, "actor", None) and entry.actor != a.actor:
            out.append(ActorMention(m.start(1), m.end(1), m.group(1), entry.actor, "name", bool(getattr(entry, "air", False))))
    # to the right: "<a> and B" (B before the event word, or in the agent phrase), "<a> backed by B"
    j, cur = i + 1, a
    while j < len(real):
        x = real[j]
        gap = text[cur.end:x.start]
        if x.kind == "pronoun":
            break
        if not _JOINT_GAP.match(gap):
            # a ground force backing the subject takes part ("government forces backed by Hezbollah
            # fighters recaptured X"); air support ("backed by Russian air strikes") is an event of its own
            # a state backing it ("rebels backed by Turkey") is a sponsor: only named forces take part
            if not (_SUPPORT_GAP.match(gap) and x.kind == "name" and not x.air
                    and (_FORCE_WORD.search(x.text) or _FORCE_WORD.search(gap))):
                break
        if x.actor and x.actor != a.actor and x.actor not in {o.actor for o in out}:
            out.append(x)
        cur, j = x, j + 1
    return [_ally_of(x, a.actor) for x in out]


#: Between an actor and an event told as one that came before: "..., a day after a drone attack"
EARLIER_EVENT = (r"\b(?:(?:a|one|two|three|four|five|six|several|\d+)\s+(?:days?|hours?|weeks?|months?)|"
                 r"a\s+week|shortly|soon|hours|days|weeks)\s+after\s+")
_EARLIER_EVENT_GAP = re.compile(EARLIER_EVENT + r"(?:an?|the|last\s+\w+'s)\b", re.I)
#: Between "their" and the allies it owns: "their Syrian rebel allies", "its local partners"
_OWNER_GAP = re.compile(r"\s+(?:[\w\-]+\s+){0,2}")
#: Whom "allied fighters" of an actor are: "government forces, backed by allied fighters" are
#: Iran-backed militias; "Turkish troops and allied fighters" Syrian rebels
_ALLIES = {"syrian_government": "iran_militias", "russia": "syrian_government", "turkey": "rebels",
           "us_coalition": "sdf_ypg", "hts_nusra": "rebels", "iran_militias": "syrian_government"}


def _ally_of(x: ActorMention, head: str | None) -> ActorMention:
    """``x`` read as the allies of ``head`` when its words say only that it is allied ("allied fighters")."""
    ally = _ALLIES.get(head or "")
    if ally is None or x.actor == ally or not re.match(r"(?:its\s+|their\s+)?allied\s+(?:fighters|forces|militias?|"
                                                       r"factions|groups|troops)$", x.text, re.I):
        return x
    return ActorMention(x.start, x.end, x.text, ally, x.kind, x.air)
