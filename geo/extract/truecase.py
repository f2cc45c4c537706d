"""Step 0: the capitals of a note written all in lower case.

Monitors' field notes are often typed without capitals ("- tal rifaat (n. aleppo countryside):
regime mig bombed the town centre"; "fsa attacked army checkpoint"). The extractor reads place
names, acronyms and dates by their capitals, so a line with no capital letter at all is given
them back, in place and at the same length (offsets and evidence are unchanged):

* the words of a place the gazetteer knows in Syria or a neighbour, by the same name
  ("aleppo", "tal rifaat", "da'el"; not "homes" for Homs nor "dawn" for Ad Dana);
* the actor acronyms of the lexicon of three letters or more ("fsa", "sdf", "isis"), and the
  nationality words that name actors ("turkish jets");
* month and weekday names next to a day number ("thu 9 aug").

Lines with any capital letter are left as they are.
"""
from __future__ import annotations

import re
from typing import Any

from geo.extract.lexicon import Lexicon

__all__ = ["restore_case"]

#: A line with a lower-case letter and no ASCII capital: a quick test before the exact one
_NO_CAPITAL_LINE = re.compile(r"^[^A-Z\n]*[a-z][^A-Z\n]*$", re.M)
_TOKEN = re.compile(r"[a-z][a-z'\-]*[a-z]|[a-z]")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
           "february", "march", "april", "june", "july", "august", "september", "october", "november", "december")
_WEEKDAYS = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday",
             "wednesday", "thursday", "friday", "saturday", "sunday")
_NEXT_TO_DAY = re.compile(r"\d")
#: The nationality words that name actors ("turkish jets", "russian airstrikes")
_NATIONALITIES = frozenset({"syrian", "russian", "turkish", "israeli", "iranian", "iraqi", "lebanese", "kurdish",
                            "american", "jordanian", "british", "french"})
#: Common English words of the notes that are never read as places, however the gazetteer spells
#: a village (checked before any lookup)
_STOP = frozenset("""a an the and or of on in at to from by for with near into onto over under after before since
during until about against around between across along off out up down no not yet still again also only just all
some any most many more less few several this that these those it its their his her they them there here when
while where which who what how than then as is are was were be been being has have had do does did will would could
should may might can must day days night week weeks month year years today yesterday morning evening afternoon
dawn noon hours hour time times heavy light big small new old main centre center edge entrance area areas part
parts north south east west northern southern eastern western town towns village villages city district districts
neighbourhood neighborhood street road roads house houses home homes people civilians woman women man men child
children family families soldier soldiers fighters forces troops army regime rebels rebel tanks tank mortar mortars
shelling shells rockets rocket jets jet helicopter helicopters plane planes aircraft drone drones fire fired firing
storm stormed trying tried holding held killed wounded dead martyr martyrs martyred arrested raids raid raided
bombed bombing strike strikes struck attack attacked attacks siege continues continued destroyed damage damaged
casualties casualty report reports reported unverified confirmed confirmation rumours rumour notes field compiled
coordinators airport base checkpoint checkpoints market hospital school mosque bakery searches search
countryside province governorate outskirts weapons chemical moved coast border line front toll deal daily said
made side call salt bread tell total help very same both below blow read ready site stay short share shape host hall
half harm hand jail joint mayor navy ranks seen sent third threat trade treat tribe truth urban whole aimed amid
aired adds aware bans bare board boat chain comes counter dark deadly dire door downs draw drew headed marked massed
midday million punish radio resume retake reward safety saved square swath talk terms thirty toward traded syria
mig""".split())


def restore_case(text: str, lex: Lexicon, gz: Any | None) -> str:
    """``text`` with the capitals of its all-lower-case lines restored (same length).

    Examples
    --------
    >>> from geo.extract.lexicon import load_lexicon
    >>> restore_case("- idlib / sarmin: fsa attacked a checkpoint, thu 9 aug", load_lexicon(), None)
    '- idlib / sarmin: FSA attacked a checkpoint, Thu 9 Aug'
    """
    if not _NO_CAPITAL_LINE.search(text):
        return text
    out = list(text)
    changed = False
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if any(c.isupper() for c in line) or sum(1 for _ in _TOKEN.finditer(line)) < 3:
            continue
        for s, e, repl in _restorations(line, lex, gz):
            out[start + s:start + e] = repl
            changed = True
    return "".join(out) if changed else text


def _restorations(line: str, lex: Lexicon, gz: Any | None) -> list[tuple[int, int, str]]:
    toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(line)]
    acronyms = _acronyms(lex)
    out: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    # places: the longest run of up to three words the gazetteer knows by that name
    for i in range(len(toks)):
        if i in taken:
            continue
        for n in (3, 2, 1):
            run = toks[i:i + n]
            if len(run) < n or any(j in taken for j in range(i, i + n)):
                continue
            if any(line[a[1]:b[0]] not in (" ", "-") for a, b in zip(run, run[1:])):
                continue  # one name: words apart by a space or a hyphen only
            words = [w for _s, _e, w in run]
            if words[0] in _STOP or words[-1] in _STOP or (n == 1 and len(words[0]) < 4):
                continue
            name = line[run[0][0]:run[-1][1]]
            if gz is not None and _known(name, gz):
                out.append((run[0][0], run[-1][1], _title(name)))
                taken.update(range(i, i + n))
                break
    for i, (s, e, w) in enumerate(toks):
        if i in taken:
            continue
        if w in acronyms:
            out.append((s, e, w.upper()))
        elif w in _NATIONALITIES:
            out.append((s, e, w[:1].upper() + w[1:]))
        elif (w in _MONTHS or w in _WEEKDAYS) and (_NEXT_TO_DAY.search(line, max(0, s - 4), s)
                                                     or _NEXT_TO_DAY.match(line, e + 1)):
            out.append((s, e, w[:1].upper() + w[1:]))
    return out


def _title(name: str) -> str:
    """"tal rifaat" -> "Tal Rifaat", "salah al-din" -> "Salah al-Din", "da'el" -> "Da'el"."""
    parts = re.split(r"([ \-])", name)
    return "".join(p if p in (" ", "-") or p in ("al", "el") else p[:1].upper() + p[1:] for p in parts)


def _known(name: str, gz: Any) -> bool:
    """Whether the gazetteer knows a place in Syria by this name or a close spelling of it
    ("da'el" for Da'il, "tal rifaat" for Tall Rif'at; not "bread" for Yabrud, a loose variant)."""
    from rapidfuzz.fuzz import ratio

    from gazetteer.normalize import name_key
    from geo.extract.places import _lookup

    key = name_key(name)
    for c in _lookup(gz, _title(name)):
        if (getattr(c, "country_code", None) or "").upper() != "SY":
            continue
        names = [getattr(c, "name", "") or "", *(getattr(c, "alternatenames", None) or ())]
        if any(ratio(key, name_key(n)) >= 74 for n in names if n):
            return True
    return False


def _acronyms(lex: Lexicon) -> frozenset[str]:
    """The actor acronyms of the lexicon ("FSA", "SDF", "ISIS"), lower-cased."""
    cached = lex.extra.get("lower_acronyms")
    if cached is None:
        cached = lex.extra["lower_acronyms"] = frozenset(
            a.text.lower() for a in lex.actor_aliases.values() if a.text.isupper() and a.text.isalpha() and len(a.text) >= 3)
    return cached
