"""Step: who an event mention's actor is when the sentence does not say it plainly.

Small readers the pipeline asks once it has a sentence's actors and trigger groups
(:class:`geo.extract.pipeline._Sent`): the antecedent of a relative clause ("troops, who
recaptured X"), a claim of responsibility or its absence in the next sentence, the actors a
sentence names as targets ("attacks on the army", "attacked regime positions"), and the actor
an event word of the same sentence goes on with ("First Russian air strikes reported; strikes
on A and B killed 36").
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from geo.extract.actors import ActorMention, alias_of, find_actors
from geo.extract.lexicon import Lexicon
from geo.extract.triggers import GENERIC_TYPES, TriggerGroup

if TYPE_CHECKING:  # the sentence record is the pipeline's
    from geo.extract.pipeline import _Sent

__all__ = ["relative_subject", "claimant", "restater", "unclaimed", "targets", "sentence_agent", "GENERIC_TYPES", "CONTRAST"]

#: Words that open a clause about someone else: "..., while fighters of X fired rockets at B"
CONTRAST = re.compile(r"\b(?:while|whereas|but|although|though|meanwhile|however|as)\b", re.I)

#: Between an actor and the event word of a relative clause about it: "troops, who recaptured"
_RELATIVE_GAP = re.compile(r"\s*,?\s*(?:who|which|that)\s+(?:(?:had|have|has|also|then|later|first|eventually|"
                           r"finally|already|recently)\s+){0,2}", re.I)


def relative_subject(st: _Sent, g_start: int, a: ActorMention | None, how: str) -> tuple[ActorMention | None, str]:
    """The actor a relative clause opening right before ``g_start`` is about, else ``(a, how)``."""
    t = st.s.text
    before = [x for x in st.actors if x.end <= g_start and x.actor and x.kind not in ("pronoun", "source")]
    if before and _RELATIVE_GAP.fullmatch(t, before[-1].end, g_start):
        return before[-1], "subject"
    return a, how


#: Said of an attack whose author is not known: "No group has claimed responsibility"
_UNCLAIMED = re.compile(r"\b(?:no\s+(?:group|one|party|faction|organi[sz]ation)\s+(?:has\s+|had\s+|immediately\s+)*"
                        r"(?:yet\s+)?claimed|(?:has|had|was|were)\s+not\s+(?:yet\s+|immediately\s+)?(?:been\s+)?claimed|"
                        r"unclaimed|no\s+claim\s+of\s+responsibility|without\s+saying\s+whose|"
                        # "unclear whose drone", "it was not clear who fired"
                        r"(?:unclear|unknown|not\s+(?:yet\s+)?(?:clear|known))\s+(?:whose|who\s+(?:fired|launched|carried|was|flew|is|"
                        r"operated|dropped|planted))|"
                        # "the Observatory could not tell whether the aircraft were Syrian or Russian"
                        r"(?:could|can|did|do|does|was|were)\s*(?:not|n't)\s+(?:be\s+)?(?:tell|establish|establishe?d?|determine|determined|"
                        r"confirm|verify|say|know|identify|identified)\s+(?:whether|who|whose|which)|"
                        r"unclear\s+whether|"
                        # a note's "source unknown", "perpetrator unidentified"
                        r"(?:source|perpetrator|attacker|origin)s?\s*(?::\s*)?(?:unknown|unidentified|unconfirmed|not\s+known))\b", re.I)


_CLAIMED = re.compile(r"\s*(?:(?!claimed\b)[\w\-]+\s+){0,3}?(?:(?:has|have|had|later|also|quickly|swiftly|reportedly)\s+)*claimed\s+"
                      r"(?:responsibility|the\s+(?:attacks?|bombings?|blasts?|crimes?|operations?|explosions?|killings?))"
                      r"|\s*claimed\s*(?:it\s*)?[.;]?\s*$", re.I)  # a log's "...; IS claimed."


#: Blaming an actor for what the sentence before told: "blamed Islamic State fighters for the massacre"
_BLAMED_BEFORE = re.compile(r"\b(?:blamed|blames|blaming|accused|accuses|accusing)\s+(?:the\s+)?$", re.I)
_BLAMED_FOR = re.compile(r"\s+(?:(?:fighters|militants|members|cells|gunmen|aircraft|warplanes|jets|planes|drones|forces|troops|artillery)\s+)?(?:for|of)\s+(?:carrying\s+out\s+)?"
                         r"(?:the|this|that|these|those)\s+(?:\w+\s+)?(?:massacre|attacks?|bombings?|blasts?|killings?|"
                         r"ambush|explosions?|crimes?|assault|shelling|strikes?)\b", re.I)


def claimant(sents: Sequence[_Sent], i: int, lex: Lexicon) -> str | None:
    """The actor that claims the events of sentence ``i``, or is blamed for them, in it or in the next
    two sentences of its paragraph ("Daesh claimed responsibility for the crimes", "state media
    blamed Islamic State fighters for the massacre"), if any."""
    for j in (i, i + 1, i + 2):
        if j >= len(sents) or sents[j].s.paragraph - sents[i].s.paragraph > 1 \
                or (j == i + 2 and sents[j].s.paragraph != sents[i].s.paragraph):
            break
        t = sents[j].s.text
        if "claim" not in t and "blam" not in t and "accus" not in t:
            continue
        # a sentence with no event word was not read for actors (see _analyse)
        for a in sents[j].actors or find_actors(t, lex):
            if a.actor and a.actor != "unknown" and a.kind in ("name", "adjective") and (
                    _CLAIMED.match(t, a.end)
                    # "Syrian state media blamed Islamic State fighters for the massacre"
                    or (_BLAMED_BEFORE.search(t, max(0, a.start - 30), a.start) and _BLAMED_FOR.match(t, a.end))):
                return a.actor
    return None


#: The event just told, named again with its author: "The explosive barrels were dropped by army
#: helicopters", "The strike was carried out by Syrian government aircraft", "The fire came from
#: army artillery", "The jets were Russian" (not "that attack": another one, told as a contrast)
_RESTATED = re.compile(r"^\W*(?:[\w\-]+\s+){0,3}?(?:the|these|this)\s+(?:same\s+|explosive\s+|deadly\s+|latest\s+)?"
                       r"(?:attacks?|strikes?|air\s*strikes?|raids?|bombardment|assault|bombing|shelling|barrels|"
                       r"barrel\s+bombs|bombs|missiles|rockets|shells|fire)\s+(?:(?:was|were|had\s+been|has\s+been|"
                       r"have\s+been)\s+(?:\w+ly\s+)?(?:carried\s+out|conducted|launched|dropped|fired|staged|"
                       r"mounted|executed)\s+by|came\s+from)\s+(?:the\s+)?$"
                       # "The jets were Russian, the Observatory said"
                       r"|^\W*(?:the|these)\s+(?:jets|warplanes|aircraft|planes|helicopters|drones|bombers)\s+(?:were|was)\s+"
                       r"(?:(?:probably|likely|almost\s+certainly|believed\s+to\s+be|thought\s+to\s+be|identified\s+as)\s+)?$",
                       re.I)


def restater(sents: Sequence[_Sent], i: int, lex: Lexicon) -> tuple[str, bool] | None:
    """The actor the next sentence names as the author of the event sentence
    ``i`` told without one ("The market of al-Bab was struck twice on Monday. The explosive
    barrels were dropped by army helicopters."): ``(actor, air)``, or None. "The army" there is
    the home state's (the pipeline resolves such words only in sentences with an event word)."""
    j = i + 1
    if j >= len(sents) or sents[j].s.paragraph - sents[i].s.paragraph not in (0, 1):
        return None  # (the next sentence: of the paragraph, or the one opening the next)
    t = sents[j].s.text
    if " by " not in t and "came from" not in t and " were " not in t and " was " not in t:
        return None
    for a in sents[j].actors or find_actors(t, lex):
        if not _RESTATED.match(t[:a.start]):
            continue
        if a.actor and a.actor != "unknown" and a.kind in ("name", "adjective", "metonym"):
            return a.actor, a.air
        if a.kind == "pronoun" and not a.actor:
            alias = alias_of(a.text, lex)
            if alias is not None and alias.kind == "state_anaphor" and lex.home_state():
                return lex.home_state(), False
        return None
    return None


def unclaimed(sents: Sequence[_Sent], i: int) -> bool:
    """Whether sentence ``i`` or the next one of its paragraph says no one claimed the attack."""
    t = sents[i].s.text
    if i + 1 < len(sents) and sents[i + 1].s.paragraph == sents[i].s.paragraph \
            and not _HEADED_LINE.match(sents[i + 1].s.text):  # (a log's next line tells its own incident)
        t += " " + sents[i + 1].s.text
    return _UNCLAIMED.search(t) is not None


#: A log line headed by its place: "Mhardeh: mortar shells on the town, source unknown"
_HEADED_LINE = re.compile(r"[^.:;\n]{2,60}:\s")


#: Right before an actor named as what was hit: "attacks on the army", "a strike against the SDF"
_TARGET_BEFORE = re.compile(r"\b(?:attacks?|strikes?|assaults?|raids?|offensives?)\s+(?:on|against|targeting)\s+(?:the\s+)?$", re.I)


#: An actor as the object of an event verb: "attacked regime positions", "struck ISIS targets"
_OBJECT_BEFORE = re.compile(r"\b(?:attacked|struck|shelled|hit|targeted|targeting|bombed|pounded|raided|stormed)\s+"
                            r"(?:the\s+)?$", re.I)
_OBJECT_AFTER = re.compile(r"\s+(?:positions?|targets?|posts?|checkpoints?|bases?|sites?|headquarters|convoys?|"
                           r"vehicles?|barracks|outposts?)\b", re.I)


def targets(st: _Sent, g: TriggerGroup) -> set[str]:
    """The actors a sentence names as the target of the attack ``g`` is ("the deadliest attacks on
    the army", "fighters attacked regime positions"), in its clause (not "... as the militants pushed")."""
    t = st.s.text
    out = set()
    for a in st.actors:
        if not a.actor or a.kind == "pronoun":
            continue
        if not (_TARGET_BEFORE.search(t, max(0, a.start - 40), a.start)
                or (_OBJECT_BEFORE.search(t, max(0, a.start - 30), a.start) and _OBJECT_AFTER.match(t, a.end))):
            continue
        lo, hi = (g.end, a.start) if a.start >= g.end else (a.end, g.start)
        if not CONTRAST.search(t, lo, hi) and ";" not in t[lo:hi]:
            out.add(a.actor)
    return out



def sentence_agent(st: _Sent, gi: int, group_actors: dict[int, tuple[str | None, str, bool]]) -> str | None:
    """The named actor of the nearest earlier event group of the sentence that group ``gi`` may
    refer back to: one of the same type, or any when ``gi`` is a generic word ("strikes")."""
    mine = {t.type for t in st.groups[gi].triggers}
    for gj in range(gi - 1, -1, -1):
        got = group_actors.get(gj)
        if got is None or got[0] in (None, "unknown") or got[1] not in ("modifier", "agent", "subject"):
            continue
        if CONTRAST.search(st.s.text, st.groups[gj].end, st.groups[gi].start):
            return None  # "Regime forces shelled A, while fighters of X fired rockets at B": someone else
        if mine <= GENERIC_TYPES or mine & {t.type for t in st.groups[gj].triggers}:
            return got[0]
        return None
    return None
