"""Step: assembly. Event ids, confidence, and merging duplicate mentions of one event.

One event per actor, event type, place and date: mentions that agree on these are
merged, keeping every evidence sentence. An event of no named actor is folded into the event
of the same type, place and day whose actor the article names. A governorate-level event
(precision 3) is folded into a finer event of the same actor, type, date and governorate, and
a mention that only restates an event (an untyped "attack" beside the typed one, a headline
dated by the publication) into the event it restates.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from geo.schema import Event

__all__ = ["Mention", "event_id", "confidence", "merge_mentions"]


@dataclass
class Mention:
    """One event mention, before merging: everything an Event needs, and how it was read."""

    actor: str
    event_type: str
    place_as_written: str
    place: str
    lat: float
    lon: float
    geonameid: int | None
    admin1: str | None
    country_code: str
    geo_precision: int
    date: str | None
    date_precision: str
    evidence: str
    reported_by: str | None
    target: str | None
    actor_how: str  # modifier | agent | subject | coref_local | coref_dominant | unknown
    specific_type: bool
    sentence_index: int
    place_fallback: bool = False
    date_how: str = "none"
    notes: list[str] = field(default_factory=list)
    feature_code: str | None = None
    area: bool = False  # the wording names the area around the place ("the Afrin region")


def event_id(article_id: str, actor: str, event_type: str, place: str, date: str | None) -> str:
    """A stable id: the first 16 hex digits of SHA-1 over article, actor, type, place and date.

    Examples
    --------
    >>> event_id("a1", "russia", "airstrike", "Kafr Zita", "2015-10-06")
    '217795de81cdd134'
    """
    key = "\x1f".join([str(article_id), actor, event_type, place.strip().lower(), date or ""])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def confidence(m: Mention) -> float:
    """How strongly the text supports the event, 0 to 1.

    An explicit actor, a specific trigger and a named town in one sentence score high;
    an actor found by looking back, a vague or fallback place, or a guessed date lower.
    """
    c = 0.45
    c += {"modifier": 0.25, "agent": 0.25, "subject": 0.2, "coref_local": 0.08, "coref_dominant": 0.0,
          "unknown": -0.1}.get(m.actor_how, 0.0)
    c += 0.1 if m.specific_type else 0.0
    c += {1: 0.1, 2: 0.05, 3: -0.05}.get(m.geo_precision, 0.0)
    if m.place_fallback:
        c -= 0.1
    if m.reported_by:
        c += 0.03
    if m.date_how in ("explicit", "attribution"):
        c += 0.03
    return round(max(0.05, min(0.97, c)), 2)


def _place_key(m: Mention) -> str:
    """What makes a place distinct: the resolved place, and for a fallback also the name as written.

    Two villages the gazetteer does not know, both shown at their governorate, stay two events.
    """
    return m.place if not m.place_fallback else f"{m.place_as_written}@{m.place}"


#: Gazetteer feature codes of areas (regions, mountains, plains, districts), not settlements.
AREA_CODES = frozenset({"RGN", "RGNE", "AREA", "MTS", "MT", "HLLS", "HLL", "PLN", "PLAT", "VAL", "VALS", "DSRT",
                        "ADM1", "ADM2", "ADM3", "ADMD", "PRK", "OAS"})


def _km(a: Mention, b: Mention) -> float:
    import math

    dy = (a.lat - b.lat) * 111.2
    dx = (a.lon - b.lon) * 111.2 * math.cos(math.radians((a.lat + b.lat) / 2))
    return math.hypot(dx, dy)


def drop_area_contexts(mentions: list[Mention], km: float = 40.0) -> list[Mention]:
    """An area named with a town in the same sentence ("Zamalka and Arbin in Eastern Ghouta",
    "Kansafra in Jabal al-Zawiya") is the towns' context, not an event place of its own: drop
    it when a finer mention of the same actor and type in that sentence lies within ``km``."""
    out = []
    for m in mentions:
        if not m.place_fallback and m.geo_precision >= 2 and (m.feature_code in AREA_CODES or m.geo_precision == 3 or m.area) and any(
                o is not m and o.sentence_index == m.sentence_index and o.actor == m.actor
                and o.event_type == m.event_type and o.geo_precision < m.geo_precision
                and not o.place_fallback and _km(o, m) <= km for o in mentions):
            continue
        out.append(m)
    return out


def _same_place(a: Mention, b: Mention) -> bool:
    return _place_key(a) == _place_key(b) and _km(a, b) < 1.0


def _near_before(day: str | None, ref: str | None, days: int = 7) -> bool:
    """``day`` is ``ref`` or one of the ``days`` days before it (ISO dates)."""
    if not day or not ref:
        return False
    try:
        d, r = dt.date.fromisoformat(day), dt.date.fromisoformat(ref)
    except ValueError:
        return False
    return 0 <= (r - d).days <= days


def fold_restatements(groups: dict[tuple, list[Mention]], title: str | None = None) -> dict[tuple, list[Mention]]:
    """Fold the mentions that only restate an event already read into that event.

    * An unspecified ``attack`` on a place by an actor, on a day, when the article also gives
      that actor's event there that day a type ("air strikes ..., hitting targets near Rastan";
      "Russian jets struck X. The attack killed ..."): one event, the typed one.
    * An event dated only by the publication date or by when it was said (a headline, a sentence
      with no date of its own, "..., the General Staff said on Friday") when the article dates the same actor's event of that type at that place to a day in
      the week before ("Hezbollah joins assault on Qusayr" over "... launched an offensive on
      Qusayr on Sunday"): one event, on that day.
    * The same, when the restating mentions' actor was only guessed (the article's main actor,
      or one named in an earlier sentence) and the dated event names its own: "Russian Defence
      Ministry: drone attack on Hmeimim repelled" over "On the night of 6 January, terrorists
      attempted a massive attack with drones on the Hmeimim air base".
    * A headline that names only a governorate or a city ("army pounds Idlib") when the body
      dates that actor's events in the same governorate to a day in the week before ("government
      artillery shelled Sarmin and Darkush in Idlib province on Friday"): folded into the first.

    Parameters
    ----------
    groups : dict
        Mentions by (actor, type, place, lat, lon, date), as :func:`merge_mentions` groups them.
    title : str, optional
        The article's headline: what a headline mention's evidence is.

    Returns
    -------
    dict
        The same groups, with the restating ones merged into the events they restate.
    """
    def target_for(key: tuple, ms: list[Mention], ok) -> tuple | None:
        for k, v in groups.items():
            if k != key and v and v[0].actor == ms[0].actor and _same_place(v[0], ms[0]) and ok(v):
                return k
        return None

    head = " ".join(title.split()) if title else None
    for key in list(groups):
        ms = groups.get(key)
        if not ms:
            continue
        first = ms[0]
        if first.event_type == "attack":
            k = target_for(key, ms, lambda v: v[0].event_type != "attack" and v[0].date == first.date)
            if k is not None:
                groups[k].extend(ms)
                del groups[key]
                continue
        if first.date and all(x.date_how in _REPORT_DATED for x in ms):
            k = target_for(key, ms, lambda v: (v[0].event_type == first.event_type or first.event_type == "attack")
                           and v[0].date_precision == "day" and _near_before(v[0].date, first.date)
                           and any(x.date_how not in _REPORT_DATED for x in v))
            if k is None and all(x.actor_how in _GUESSED for x in ms):
                k = next((k2 for k2, v in groups.items() if k2 != key and v and _same_place(v[0], first)
                          and v[0].event_type == first.event_type and v[0].date_precision == "day"
                          and _near_before(v[0].date, first.date) and any(x.date_how not in _REPORT_DATED for x in v)
                          and any(x.actor_how not in _GUESSED for x in v)), None)
            if k is None and head is not None and first.geo_precision >= 2 and first.admin1 \
                    and all(" ".join(x.evidence.split()) == head for x in ms):
                k = next((k2 for k2, v in groups.items() if k2 != key and v and v[0].actor == first.actor
                          and v[0].admin1 == first.admin1 and v[0].country_code == first.country_code
                          and (v[0].event_type == first.event_type or first.event_type == "attack")
                          and v[0].date_precision == "day" and _near_before(v[0].date, first.date)
                          and any(" ".join(x.evidence.split()) != head for x in v)), None)
            if k is not None:
                groups[k].extend(ms)
                del groups[key]
    return groups


#: How a date is read when only the report dates the event: its publication, or when it was said
_REPORT_DATED = frozenset({"published", "attribution"})

#: How an actor is read when the sentence does not name it.
_GUESSED = frozenset({"coref_local", "coref_dominant"})


def merge_mentions(mentions: list[Mention], *, article_id: str, title: str | None, url: str | None,
                   source: str | None, published: str | None, published_inferred: bool) -> list[Event]:
    """Merge mentions into events (one per actor, type, place, date) and build :class:`Event` records."""
    groups: dict[tuple, list[Mention]] = {}
    mentions = drop_area_contexts(mentions)
    for m in mentions:
        key = (m.actor, m.event_type, _place_key(m), round(m.lat, 3), round(m.lon, 3), m.date)
        groups.setdefault(key, []).append(m)
    # fold governorate-level events into finer ones of the same actor/type/date/governorate
    fine = {(ms[0].actor, ms[0].event_type, ms[0].date, ms[0].admin1) for ms in groups.values()
            if min(x.geo_precision for x in ms) < 3}
    for key in list(groups):
        ms = groups[key]
        if all(x.geo_precision == 3 and not x.place_fallback for x in ms) and (ms[0].actor, ms[0].event_type, ms[0].date, ms[0].admin1) in fine:
            target = next(k for k, v in groups.items() if k != key and min(x.geo_precision for x in v) < 3
                          and (v[0].actor, v[0].event_type, v[0].date, v[0].admin1) == (ms[0].actor, ms[0].event_type, ms[0].date, ms[0].admin1))
            groups[target].extend(ms)
            del groups[key]
    # "ISIS | VBIED | ... ISIS drove a VBIED into a checkpoint": the device told without its user in
    # the sentence that names the user is the same event, not one by someone unknown
    for key in list(groups):
        ms = groups[key]
        if key[0] != "unknown" or any(x.actor_how != "unknown" for x in ms):
            continue
        target = next((k for k, v in groups.items() if k[0] not in ("unknown", key[0]) and k[1:] == key[1:]
                       and {x.sentence_index for x in v} & {x.sentence_index for x in ms}), None)
        if target is not None:
            groups[target].extend(ms)
            del groups[key]
    # "Army units recaptured Rabia on Sunday ... 'Our army has restored security to Rabia,' a
    # source said": an event of no named actor, of the type, place and day of one whose actor the
    # article names, is that event told again
    # (and one told only at the level of a governorate, "air raids in southern Idlib", is the finer
    # events of that type there that day)
    for key in list(groups):
        if key[0] != "unknown" or key[5] is None:
            continue
        ms = groups[key]
        coarse = all(x.geo_precision == 3 for x in ms) and ms[0].admin1
        target = next((k for k, v in groups.items() if k[0] != "unknown" and (k[1:] == key[1:] or (
            coarse and k[1] == key[1] and v[0].admin1 == ms[0].admin1 and min(x.geo_precision for x in v) < 3
            and (k[5] == key[5] or (all(x.date_how in _REPORT_DATED for x in ms) and _near_before(k[5], key[5])))))),
            None)
        if target is not None:
            groups[target].extend(groups.pop(key))
    groups = fold_restatements(groups, title)
    events: list[Event] = []
    for gkey, ms in groups.items():
        # the event is the group's (a restatement folded into it gives evidence, not its actor or day)
        fine_ms = sorted(ms, key=lambda x: (x.actor != gkey[0] or x.date != gkey[5], x.geo_precision, -confidence(x)))
        best = fine_ms[0]
        evidence: list[str] = []
        for x in sorted(ms, key=lambda x: x.sentence_index):
            if x.evidence not in evidence:
                evidence.append(x.evidence)
        conf = max(confidence(x) for x in ms)
        if len(evidence) > 1:
            conf = min(0.97, conf + 0.05)
        reported = next((x.reported_by for x in ms if x.reported_by), None)
        target = next((x.target for x in ms if x.target), None)
        extra: dict = {}
        if published_inferred:
            extra["published_inferred"] = True
        ev = Event(
            event_id=event_id(article_id, best.actor, best.event_type, _place_key(best), best.date),
            article_id=article_id,
            actor=best.actor,
            event_type=best.event_type,
            place_as_written=best.place_as_written,
            place=best.place,
            lat=best.lat,
            lon=best.lon,
            target=target,
            date=best.date,
            date_precision=best.date_precision if best.date else "unknown",
            geonameid=best.geonameid,
            admin1=best.admin1,
            country_code=best.country_code,
            geo_precision=best.geo_precision,
            confidence=conf,
            evidence=" ".join(evidence),
            reported_by=reported,
            title=title,
            url=url,
            source=source,
            published=published,
            extra=extra,
        )
        events.append(ev)
    events.sort(key=lambda e: (e.date or "", e.actor, e.place, e.event_type))
    return events
