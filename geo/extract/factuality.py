"""Step: factuality and attribution.

:func:`factuality` tells whether an event mention is reported as having happened. It is
not when a cue of ``cues.json`` governs the trigger: a modal or plan ("may soon launch",
"plans to", "would"), a negation ("no advances", "did not strike"), a denial ("Russia
denied striking"), a condition ("if Turkey decided to attack", "in case"), a warning;
when the trigger is an infinitive of purpose ("Objective: to take Barah"); or when the
sentence is a question. Each cue has a window (in words) before the trigger and stops
at a clause break.

:func:`reported_by` reads who the sentence attributes the report to ("SOHR said",
"according to Al Jazeera", "state television said") and normalises it with
``sources.jsonl``.
"""
from __future__ import annotations

import re

from geo.extract.actors import clause_break_re, count_words
from geo.extract.lexicon import Lexicon
from geo.extract.triggers import TriggerGroup

__all__ = ["factuality", "reported_by"]

_INFINITIVE = re.compile(r"\bto\s+(?:(?:launch|carry out|conduct|mount|stage|begin|start|resume|step up|intensify|"
                         r"expand|take part in|join|support|coordinate|pursue)\s+(?:\w+\s+){0,3})?$", re.I)
_LAST_WORDS = re.compile(r"(?:[\w'\-]+\W*){1,%d}$")


_WORD = re.compile(r"[\w'\-]+")


def _window(text: str, n: int, starts: list[int] | None = None) -> str:
    """The last ``n`` words of ``text`` (``starts``: its word starts, when already known)."""
    if starts is None:
        starts = [m.start() for m in _WORD.finditer(text)]
    if len(starts) <= n:
        return text
    return text[starts[-n]:]


def factuality(text: str, group: TriggerGroup, lex: Lexicon, *, is_question: bool = False) -> tuple[bool, str | None]:
    """``(factual, reason)`` for the event mention ``group`` of sentence ``text``.

    Examples
    --------
    >>> from geo.extract.lexicon import load_lexicon
    >>> from geo.extract.triggers import find_triggers, group_triggers
    >>> lex = load_lexicon()
    >>> t = "There are concerns that Turkey may soon launch a large-scale offensive."
    >>> g = group_triggers(t, find_triggers(t, lex), [])[0]
    >>> factuality(t, g, lex)
    (False, 'modal: may')
    """
    if is_question:
        return False, "question"
    if _FACT_CHECK_LABEL.match(text):
        return False, "claim: a fact-check's claim"  # "CLAIM: Posts on X say Israeli jets bombed ..."
    # up to the first event word: "aircraft did not carry out any strikes" is negated
    first = next((t for t in group.triggers if t.role == "event"), group.triggers[0])
    head = text[:first.start]
    # the clause the trigger sits in
    cb = list(clause_break_re(lex).finditer(head))
    clause = head[cb[-1].end():] if cb else head
    # the word starts of the clause and of the head, read once for every cue category
    starts: dict[bool, list[int]] = {}
    for cat, window, rx in lex.nonfactual:
        whole = cat in ("denial", "condition", "warning")
        scope = head if whole else clause
        ws = starts.get(whole)
        if ws is None:
            ws = starts[whole] = [m.start() for m in _WORD.finditer(scope)]
        w = _window(scope, window, ws)
        ms = list(rx.finditer(w))
        if not ms:
            continue
        m = ms[-1]
        if cat in ("modal", "negation"):
            # "not only", "no doubt", "without warning" are not negations of the event
            tail = w[m.start():].lower()
            if re.match(r"(?:not only|no doubt|no fewer|no less|not least|without warning|none other|"
                        r"nothing but|no sooner|not just|not far|no more than|not stop|not cease|not let up|"
                        r"never stopped|never ceased)", tail):
                continue
            between = w[m.end():]
            if cat == "negation" and re.search(r"[,;]", between):
                continue
            if cat == "modal" and re.search(r"[,;]", between):
                continue
            if cat == "modal" and m.group(0) == "May" and (
                    re.match(r"\s*\d", w[m.end():]) or re.search(r"\d\s*(?:st|nd|rd|th)?\s*$", w[:m.start()])):
                continue  # the month: "21 May 2015 - Strikes hit Tadmur", "May 20: IS took Tadmur"
        if cat == "condition":
            # a condition governs until the next comma; "as if" is not a condition
            if re.search(r",", w[m.end():]) and count_words(w[m.end():]) > 6:
                continue
        if cat == "denial" and re.search(r"\b(?:but|however)\b", w[m.end():], re.I):
            continue
        if cat == "denial" and w.count("(", 0, m.start()) > w.count(")", 0, m.start()) \
                and ")" in w[m.end():] and _REPORTED_AFTER.search(text[group.end:group.end + 40]):
            continue  # "...; Russian aircraft (denied by Russian MoD); air strikes reported by monitor"
        if cat == "natural" and m.group(0)[:1].isupper() and m.start() > 0:
            continue  # "Operation Jazira Storm", "Desert Storm": a name, not the weather
        if cat == "modal" and m.group(0).lower() == "planned" and _OUTCOME_AFTER.match(text, group.end):
            continue  # "He planned the January 2019 bombing in Manbij, in which IS killed four Americans": it happened
        return False, f"{cat}: {m.group(0)}"
    # an example of what may come: "HTS might then try to sabotage it, for example by targeting patrols"
    ex = _EXAMPLE_BEFORE.search(head)
    if ex is not None and _MODAL_BEFORE_EXAMPLE.search(head, max(0, ex.start() - 120), ex.start()):
        return False, f"modal: {ex.group(0).strip()}"
    # inside the group: "any offensive would probably begin with air and drone strikes on Tal Rifaat"
    last = next((t for t in reversed(group.triggers) if t.role == "event"), first)
    inner = _INNER_MODAL.search(text, first.end, last.start) if last.start > first.end else None
    if inner is None:
        # ... or just before it: "would probably begin with air and drone strikes"
        inner = _INNER_MODAL.search(_window(clause, 8, starts.get(False)))
    if inner is None and _FOLLOWED_BY.search(head):
        inner = _INNER_MODAL.search(head)  # "... would begin with air strikes on X, followed by a ground push"
    if inner is not None:
        return False, f"modal: {inner.group(0)}"
    neg = _negated_agent(clause)
    if neg:
        return False, f"negation: {neg}"
    # a claim that is then called false: "The claims that our forces struck a prison in Qamishli are baseless"
    claim = _CLAIM_THAT.search(head)
    if claim is not None:
        false = _CALLED_FALSE.search(text, group.end)
        if false is not None and not clause_break_re(lex).search(text, claim.end(), first.start):
            return False, f"denial: {false.group(0).strip()}"
    # announced, not reported: "The offensive on Idlib is expected to begin next week"
    post = _post_trigger(lex)
    if post is not None:
        tail = text[group.end:]
        cb2 = clause_break_re(lex).search(tail)
        if cb2:
            tail = tail[:cb2.start()]
        m = post[0].search(tail)
        if m and count_words(tail[:m.start()]) <= post[2] and not post[1].search(tail[:m.start()]):
            return False, f"announced: {m.group(0)}"
    # an infinitive of purpose: "to attack", "to launch an offensive" (but "continued to pound")
    w8 = _window(clause, 8, starts.get(False))
    inf = _INFINITIVE.search(w8)
    if inf:
        pre = clause[:len(clause) - len(w8)] + w8[:inf.start()]
        if not lex.factual_infinitive_re.search(pre.rstrip() + " to "):  # ("to" opens the infinitive)
            return False, "infinitive"
    return True, None


#: After a denial noted in brackets: the event as the monitor reports it
_REPORTED_AFTER = re.compile(r"\b(?:reported|recorded|documented|confirmed|according)\b|\bper\s", re.I)
#: An example opening right before the event word: "..., for example by targeting", "such as"
_EXAMPLE_BEFORE = re.compile(r"\b(?:for\s+example|for\s+instance|e\.g\.|such\s+as)\s*,?\s*(?:by\s+)?$", re.I)
#: ... after a modal: the example is of what may happen
_MODAL_BEFORE_EXAMPLE = re.compile(r"\b(?:would|could|might|may|will|can)\b[^.;:]*$", re.I)
#: A modal between the event words of one group
_INNER_MODAL = re.compile(r"\b(?:would|could|might|may|will|should)\s+(?:\w+ly\s+)?(?:begin|start|open|include|involve|"
                          r"come|follow|mean|see)\s+(?:with\s+)?", re.I)

_FOLLOWED_BY = re.compile(r"\bfollowed\s+by\s+(?:an?\s+|the\s+)?(?:[\w\-]+\s+){0,2}$", re.I)

#: What an event did, told after it: "..., in which ISIS killed four Americans", "that killed 12"
_OUTCOME_AFTER = re.compile(r"[^.;]*?\b(?:in\s+which|which|that)\s+(?:[\w\-]+\s+){0,3}?(?:killed|wounded|injured|"
                            r"left\s+(?:\d+|dozens|scores|hundreds))\b", re.I)

#: A fact-check's label for what it checks, opening the sentence: "CLAIM: ...", "Fact check: Viral '...'"
_FACT_CHECK_LABEL = re.compile(r"^\W*(?:\d{1,2}\s*/\s*)?(?:the\s+)?(?:claims?|fact[\s-]?check(?:ed)?|what\s+was\s+claimed|"
                               r"unconfirmed|unverified|rumou?rs?|not\s+(?:yet\s+)?(?:confirmed|verified)|assessment|outlook|forecast|"
                               r"what\s+(?:comes\s+)?next|scenarios?)\s*:", re.I)

#: An event told inside a claim: "the claims by the terrorist organisation that ...", "Reports that ..."
_CLAIM_THAT = re.compile(r"\b(?:claims?|reports?|allegations?|accusations?|rumou?rs?|assertions?|statements?|publications?)\s+"
                         r"(?:(?:published|made|circulated|spread|carried|aired|posted)\s+)?(?:(?:by|of|in|from)\s+(?:[\w'\-]+\s+){1,7}?)?(?:that|about|of)\s+(?:[\w'\-]+\s+){0,12}$", re.I)
#: ... which the sentence then calls false
_CALLED_FALSE = re.compile(r"\b(?:is|are|was|were|been)\s+(?:\w+\s+)?(?:false|baseless|untrue|unfounded|groundless|"
                           r"fabricated|fabrications|lies|not true|a lie|fake|disinformation|a provocation|an information provocation)\b"
                           r"|\b(?:do|does|did)\s+not\s+correspond\s+to\s+(?:the\s+)?reality\b", re.I)

#: A negative determiner opening a clause, or the clause a reporting verb governs ("said no ...").
_NEG_SUBJECT = re.compile(r"(?:^\W*|[,.]\s+\W*|\b(?:and|or|that|said|says|stated|insisted|added|stressed)\s+)"
                          r"((?:no|none of|neither|not a single|not one|not any)\s+)", re.I)
#: Nouns that name who could act: a clause whose negated subject has one denies the act.
_AGENT_NOUNS = frozenset(
    "unit units aircraft plane planes jet jets warplane warplanes helicopter helicopters drone drones force forces "
    "troop troops soldier soldiers army military coalition fighter fighters militant militants group groups faction "
    "factions one party side artillery battery batteries vessel vessels ship ships navy personnel element elements "
    "regime".split())
_AUX = frozenset("has have had was were is are did does do will would been being ever yet not also".split())
_PASSIVE_AUX = frozenset("was were is are been being".split())
#: What a negated subject may do without denying the event: "No group has claimed the bombing",
#: "No one saw the strike"; and what ends the subject: "No one was hurt when jets struck".
_NOT_DENYING = frozenset("claimed claims claim admitted confirmed reported saw seen witnessed heard noticed knew "
                         "commented said says responded survived escaped died".split())
_SUBORDINATORS = frozenset("when after as because since where before until if although though whereas whose who "
                           "which".split())
_IRREGULAR_VERBS = frozenset("struck hit shot fired fought took seized made hurt led ran sent flew threw won lost "
                             "began begun broke beat".split())


def _negated_agent(clause: str) -> str | None:
    """The negated subject that denies the event of ``clause`` (which ends at its trigger), if any.

    "No unit of the Turkish Armed Forces has opened fire in ...", "the ministry said no Russian
    aircraft struck ...": a negative determiner, a subject that names who could act, and only
    auxiliaries before the event word or the subject's own verb. Not "No civilians were hurt in
    the shelling" (a passive, and no agent), nor "No group has claimed the bombing".
    """
    ms = list(_NEG_SUBJECT.finditer(clause))
    if not ms:
        return None
    m = ms[-1]
    words = _WORD.findall(clause[m.end(1):])
    agent = False
    prev = ""
    for w in words:
        lw = w.lower()
        if lw in _SUBORDINATORS:
            return None
        if lw in _AUX:
            prev = lw
            continue
        verbish = lw in _IRREGULAR_VERBS or lw in _NOT_DENYING or (
            len(lw) > 4 and lw.endswith("ed") and "-" not in lw and not w[0].isupper() and lw not in ("armed", "allied", "unmanned"))
        if verbish:
            if prev in _PASSIVE_AUX or lw in _NOT_DENYING or not agent:
                return None
            break
        if lw in _AGENT_NOUNS:
            agent = True
        prev = lw
    return m.group(1).strip().lower() if agent else None


def _post_trigger(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], int] | None:
    """The compiled ``post_trigger_nonfactual`` cues of ``lex`` (cue, blockers, window)."""
    if "post_trigger" not in lex.extra:
        spec = lex.cues.get("post_trigger_nonfactual")
        if not spec:
            lex.extra["post_trigger"] = None
        else:
            cue = re.compile(r"(?<![\w\-])(?:" + "|".join(spec["patterns"]) + r")(?![\w])", re.I)
            words = [re.escape(b) for b in spec.get("blockers", []) if b.isalpha()]
            puncts = "".join(re.escape(b) for b in spec.get("blockers", []) if not b.isalpha())
            parts = [r"\b(?:" + "|".join(words) + r")\b"] if words else []
            if puncts:
                parts.append(f"[{puncts}]")
            block = re.compile("|".join(parts) or r"(?!x)x", re.I)
            lex.extra["post_trigger"] = (cue, block, int(spec.get("window", 8)))
    return lex.extra["post_trigger"]


def reported_by(text: str, lex: Lexicon, found: list[tuple[int, int, str, str]] | None = None) -> str | None:
    """Who the sentence attributes its report to, normalised (``"SOHR"``), or None.

    Examples
    --------
    >>> from geo.extract.lexicon import load_lexicon
    >>> reported_by("Russian air strikes pounded Hama on Wednesday, SOHR said.", load_lexicon())
    'SOHR'
    >>> reported_by("State television said government forces had targeted militants.", load_lexicon())
    'state media'
    """
    verbs = list(lex.attribution_re.finditer(text))
    if not verbs:
        # a source named after a dash or in brackets ("... (SOHR)") still counts
        return None
    best: tuple[int, str] | None = None
    if found is None:
        hits = [(m.start(), m.end(), m.group(0)) for rx in (lex.source_re_ci, lex.source_re_cs) for _n, m in rx.finditer(text)]
    else:
        # the source aliases the article's scan found in this sentence (``s*`` case-insensitive, ``r*`` not),
        # in the order the two scans above would give them
        hits = [(s, e, t) for tag in ("s", "r") for s, e, t, n in found if n[:1] == tag]
    for ms, me, mt in hits:
        name = lex.source_names.get(mt.lower().replace("\u2019", "'"))
        if name is None:
            continue
        dist = min(min(abs(ms - v.end()), abs(v.start() - me)) for v in verbs)
        if dist <= 40 and (best is None or dist < best[0]):
            best = (dist, name)
    if best:
        return best[1]
    # "according to X" / "X said" with an unlisted X
    m = re.search(r"according to (?:the |a |an )?((?:[A-Z][\w\-']+\s?){1,4})", text)
    if m:
        return m.group(1).strip()
    m = re.search(r"((?:[A-Z][\w\-']+\s){0,3}[A-Z][\w\-']+) (?:said|reported|told)\b", text)
    if m and m.start() > 0:
        return None
    return None
