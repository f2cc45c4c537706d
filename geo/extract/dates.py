"""Step: dates. The article's date, and the date expressions of a sentence.

:func:`infer_article_date` reads the metadata, else the text (the latest explicit full
date, captions included; a weekday with a day of month, "Friday 13th November", fixes
the year). :func:`find_dates` finds the date expressions of a sentence and resolves
them against the article's date: explicit dates, weekdays ("on Wednesday" is the
latest Wednesday on or before the article's date, "last week on Wednesday" the
Wednesday of the previous week), "yesterday", "last week", "in September".
Without an article date, relative expressions resolve to ``None``.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from geo.extract.fastre import Alternation, scan

__all__ = ["DateMention", "find_dates", "infer_article_date", "resolve_weekday"]

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
            "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
            "sunday": 6, "sun": 6}
#: The earliest year a weekday/day-of-month agreement may pick (the war began in 2011).
EARLIEST_YEAR = 2011

_MON = r"(?P<{n}>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_WD_FULL = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
#: Before a day of month, a weekday may be abbreviated ("Wed 18 Nov", "Fri. 2 May")
_WD_ABBR = _WD_FULL + r"|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?"
_DAY = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{n}>(?:19|20)\d\d)"
_WDP = rf"(?:(?:on\s+)?(?P<wd>{_WD_FULL}),?\s+(?:the\s+)?)?"

_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?![\d])"),
    # "16/07/2019", "16.07.2019", "16-07-2019": day, month, year, as monitors and ministries write them
    # a military date-time group's day: "23FEB15", "01MAR2015"
    ("dtg", r"(?-i:(?<![\w])(?P<gd>[0-3]\d)(?P<gm>JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)(?P<gy>\d\d(?:\d\d)?))(?![\w])"),
    ("dmy_num", r"(?<![\d/.\-])(?P<nd>[0-3]?\d)(?P<sep>[/.\-])(?P<nm>[01]?\d)(?P=sep)(?P<ny>(?:19|20)\d\d|[12]\d)(?![\d/\-])"),
    # "Fri 21/01": a day and month in digits, only after a weekday (alone, "21/01" may be a score or a ratio)
    ("wd_dm_num", r"(?P<wd9>" + _WD_ABBR + r"),?\s+(?P<nd9>[0-3]?\d)/(?P<nm9>[01]?\d)(?![\d/])"),
    ("mdy", _WDP + _MON.format(n="m1") + r"\s+" + _DAY.format(n="d1") + r"(?:,\s*|\s+)" + _YEAR.format(n="y1")),
    # "2-8 October 2023", "2–8 October 2023": a span of days; its last day (a week's summary is dated by it)
    ("dmy_range", r"(?P<rd1>[0-3]?\d)\s*[\-\u2013\u2014]\s*(?P<rd2>[0-3]?\d)\s+" + _MON.format(n="rm") + r",?\s+" + _YEAR.format(n="ry")),
    # (also hyphenated, as tables write them: "03-February-2020", "3-Feb-2020")
    ("dmy", _WDP.replace("wd>", "wd2>") + _DAY.format(n="d2") + r"(?:(?:\s+of)?\s+" + _MON.format(n="m2") + r",?\s+|-"
            + _MON.format(n="m7") + r"-)" + _YEAR.format(n="y2")),
    ("md", r"(?:(?:on\s+)?(?P<wd3>" + _WD_ABBR + r"),?\s+(?:the\s+)?)?" + _MON.format(n="m3") + r"\s+" + _DAY.format(n="d3") + r"(?!\d)(?!:\d)(?!\s*(?:km|kilomet|mile|people|civilians|%))"),
    ("dm", r"(?:(?:on\s+)?(?P<wd4>" + _WD_ABBR + r"),?\s+(?:the\s+)?)?" + _DAY.format(n="d4") + r"(?:\s+of)?\s+" + _MON.format(n="m4") + r"\b"),
    ("my", r"(?:in\s+|early\s+|late\s+|mid-?)" + _MON.format(n="m5") + r",?\s+" + _YEAR.format(n="y5")),
    # "December 2016 - After months of siege ...", "(March 2011)": a capitalised month and a year
    ("my_bare", r"(?-i:(?P<m8>January|February|March|April|May|June|July|August|September|October|November|December))"
                r",?\s+" + _YEAR.format(n="y8") + r"(?![\d\-/])"),
    ("m", r"(?:in|since|during|throughout|early|late|mid-?|by|until)\s+(?:early\s+|late\s+|mid-?)?" + _MON.format(n="m6") + r"(?![\w])(?!\s+\d)"),
    ("y", r"(?:in|since|during|throughout|by|until|(?:(?:by|at|in|until|before|from|since|during|towards?)\s+)?the\s+"
          r"(?:end|start|beginning|middle|summer|spring|autumn|fall|winter|(?:first|second)\s+half)\s+of)\s+"
          r"(?:early\s+|late\s+|mid-?)?" + _YEAR.format(n="y7") + r"(?![\d\-/])"),
    ("future", r"(?:next|coming)\s+(?:week(?:end)?|month|year|spring|summer|autumn|fall|winter)|in\s+the\s+(?:coming|next)\s+(?:few\s+|several\s+)?(?:hours|days|weeks|months)|within\s+the\s+(?:next|coming)\s+(?:few\s+)?(?:hours|days|weeks|months)|later\s+this\s+(?:week|month|year)|tomorrow|before\s+(?:the\s+)?(?:spring|summer|autumn|winter|year's\s+end|the\s+end\s+of\s+the\s+year)"),
    ("dbyest", r"the\s+day\s+before\s+yesterday"),
    # "the day before", "a day later": a day next to the day told before (carried by the pipeline), else to today
    ("prevday", r"(?:on\s+)?(?:the\s+(?:day|night)\s+before(?!\s+(?:yesterday|the\b))|the\s+previous\s+(?:day|night)|"
                r"a\s+day\s+(?:earlier|before)(?!\s+the\b)|the\s+(?:day|night)\s+earlier)"),
    ("nextday", r"(?:on\s+)?(?:the\s+(?:next|following)\s+day|a\s+day\s+later|the\s+day\s+after(?!\s+(?:tomorrow|the\b)))"),
    # "two days earlier", "three days later": days from the day told before (carried by the pipeline)
    ("ndays", r"(?P<nn>two|three|four|five|six|seven|[2-9])\s+days\s+(?P<ndir>earlier|later|(?:before|after)(?=\s*[,.;:)]|\s*$))"),
    ("yesterday", r"yesterday"),
    # "on the same day", "overnight": the day the text is telling (carried by the pipeline), else today
    ("same", r"(?:on\s+|later\s+(?:on\s+)?)?(?:the\s+same\s+(?:day|evening|night|morning|afternoon)|that\s+same\s+(?:day|evening|night|morning|afternoon)|that\s+(?:day|evening|afternoon))|overnight(?!\s+(?:into|on|to)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day)"),
    ("today", r"today|tonight|this\s+(?:morning|afternoon|evening)|earlier\s+today|in\s+the\s+past\s+(?:few\s+|several\s+|24\s+|48\s+)?hours"),
    ("lastnight", r"last\s+night|(?:late\s+)?on\s+(?:the\s+)?night\s+of\s+yesterday"),
    # "on the night of Saturday to Sunday": the night ends on the second day
    ("nightof", r"(?:on\s+)?(?:the\s+)?night\s+(?:of|between|from)\s+(?P<wd11>" + _WD_FULL + r")\s+(?:to|into|and)\s+(?P<wd12>"
                + _WD_FULL + r")"),
    ("ago", r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<unit>days?|weeks?|months?|years?)\s+ago"),
    ("wkday_lastweek", r"(?:on\s+)?(?P<wd5>" + _WD_FULL + r")\s+(?:of\s+)?last\s+week|last\s+week\s+on\s+(?P<wd6>" + _WD_FULL + r")|(?:on\s+)?(?P<wd7>" + _WD_FULL + r")\s+(?:of\s+)?the\s+previous\s+week"),
    ("lastweek", r"(?:last|past|previous)\s+week(?:end)?|(?:earlier\s+)?this\s+week(?:end)?|(?:over\s+)?the\s+(?:past|last)\s+(?:few\s+|several\s+)?days"),
    ("lastmonth", r"(?:last|past|previous)\s+month|(?:earlier\s+)?this\s+month"),
    # "last autumn", "in the summer" (not "the fall of Aleppo"): a season, told by its year
    ("season", r"(?:last|(?:this\s+)?past|previous|this|(?:in|during|over|throughout)\s+the)\s+"
               r"(?P<ssn>spring|summer|autumn|fall|winter)(?!\s+of\b)"),
    ("lastyear", r"(?:last|past|previous)\s+year|(?:earlier\s+)?this\s+year"),
    # a log line headed by an abbreviated weekday: "Sun.: A car was hit ...", "Mon - Shelling of ..."
    # or marked in brackets: "(Mon) Airstrike on the M5 ..."
    ("wd_head", r"(?-i:(?P<wd10>Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun))\.?(?=\s*[:\u2013\u2014-]\s|\))"),
    ("wkday", r"(?P<wdq>last|next|this|past|previous|on|since|late|early)?\s*(?P<wd8>" + _WD_FULL + r")(?:\s+(?P<part>morning|afternoon|evening|night))?"),
]
_DATE_RE = re.compile("|".join(f"(?P<{k}>{p})" for k, p in _PATTERNS), re.I)
_DATE_ALT = Alternation([(k, p) for k, p in _PATTERNS], ignorecase=True, suffix=r"(?!\w)")
#: A quick test: no digit, month, weekday or relative word -> no date expression.
_MAYBE_DATE = re.compile(r"\d|day|yesterday|week|month|year|night|ago|hours|today|tonight|morning|evening|afternoon|"
                         r"tomorrow|spring|summer|autumn|fall|winter|"
                         r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|"
                         r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b", re.I)
#: The words :data:`_MAYBE_DATE` looks for, for a cheaper test of ASCII text (substrings of the
#: lower-cased text; the month abbreviations anywhere, a superset of its word-start test).
_MAYBE_WORDS = ("day", "week", "month", "year", "night", "ago", "hours", "morning", "evening", "noon", "tomorrow",
                "spring", "summer", "autumn", "fall", "winter", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                "sep", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DIGIT = re.compile(r"\d")


def _maybe_date(text: str) -> bool:
    """Whether ``text`` may hold a date expression (False only where :data:`_MAYBE_DATE` finds nothing)."""
    if not text.isascii():
        return _MAYBE_DATE.search(text) is not None
    low = text.lower()
    return any(w in low for w in _MAYBE_WORDS) or _DIGIT.search(text) is not None


#: The month a season begins in (northern hemisphere, as the reporting counts them)
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_WORDNUM = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10}
_ATTRIB_BEFORE = re.compile(r"(?:said|says|reported|told|announced|added|stated|confirmed|claimed|statement|speaking|"
                            r"warned|denied|tweeted|posted|wrote)\s+(?:\w+\s+){0,3}$"
                            # "a statement carried by the official SANA news agency on Thursday"
                            r"|(?:carried|quoted|broadcast|aired|published)\s+by\s+(?:[\w\-']+\s+){1,5}?(?:on\s+)?$", re.I)
_SINCE_BEFORE = re.compile(r"(?:since|beginning|start|began|begun|started|until|till)\s+(?:\w+\s+){0,5}$"
                           # "from dawn on Sunday" starts a period, "stormed X from several directions on Sunday" does not
                           r"|\bfrom\s+(?:(?:dawn|early|late|the|morning|evening|night|midnight|noon|last|this|first|light)\s+){0,3}$",
                           re.I)


_ATTRIB_WORDS = ("said", "says", "reported", "told", "announced", "added", "stated", "confirmed", "claimed", "statement",
                 "speaking", "warned", "denied", "tweeted", "posted", "wrote", "carried", "quoted", "broadcast", "aired",
                 "published")
#: "by the end of 2013": a part of that year (not a deadline, not the start of a period)
_PART_OF_YEAR = re.compile(r"by\s+the\s+(?:end|middle|summer|spring|autumn|fall|winter)\s+of\b", re.I)
_SINCE_WORDS = ("since", "beginning", "start", "began", "begun", "started", "until", "till", "from")


def _before_search(rx: re.Pattern[str], words: tuple[str, ...], before: str) -> bool:
    """``rx.search(before)`` for :data:`_ATTRIB_BEFORE` / :data:`_SINCE_BEFORE` (``words``: their cue
    words): both end with white space and need a cue word, cheap tests of ASCII text first."""
    if not before[-1:].isspace():
        return False
    if before.isascii():
        low = before.lower()
        if not any(w in low for w in words):
            return False
    return rx.search(before) is not None


_DATELINE_HEAD = re.compile(r"^[\s\W]*(?:[A-Z][\w'.\-/]*[\s,]+){0,5}(?:\(\w+\)\s*)?(?:[\-\u2013\u2014]\s+)?$")  # (CJTF's "SOUTHWEST ASIA - ")
_DATELINE_TAIL = re.compile(r"^\s*(?:\(\w+\)\s*)?[\-\u2013\u2014:]\s")


def _is_dateline(text: str, start: int, end: int) -> bool:
    """"SOUTHWEST ASIA, May 3, 2017 - ...": the date of the report, not of the events it tells."""
    if start == 0 or not _DATELINE_HEAD.match(text[:start]) or not _DATELINE_TAIL.match(text[end:]):
        return False
    # "On 18 March: Turkish troops entered ...": a timeline's entry, dated by its own day
    return text[:start].split()[-1].lower() not in ("on", "in", "since", "by", "from", "until")


@dataclass(frozen=True)
class DateMention:
    """A date expression in a sentence.

    ``date`` is None where it cannot be resolved (relative, without an article date).
    ``attribution`` is true for the date of a report ("SOHR said on Tuesday").
    ``since`` marks the start of a period ("since September 30"): not an event date.
    """

    start: int
    end: int
    text: str
    date: dt.date | None
    precision: str
    attribution: bool = False
    since: bool = False
    future: bool = False
    anaphoric: bool = False  # "on the same day", "overnight": the day told before, when there is one
    shift: int = 0  # days from the day told before: -1 for "the day before", 1 for "the next day"


def _month_capitalised(m: re.Match[str]) -> bool:
    for n in ("m1", "m2", "m7", "m3", "m4", "m5", "m6"):
        v = m.groupdict().get(n)
        if v:
            return v[0].isupper()
    return True


def _month(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def resolve_weekday(weekday: int, ref: dt.date, *, strictly_before: bool = False) -> dt.date:
    """The latest such weekday on or before ``ref`` (strictly before with ``strictly_before``).

    Examples
    --------
    >>> resolve_weekday(2, dt.date(2015, 10, 7))  # Wednesday on Wednesday 7 October
    datetime.date(2015, 10, 7)
    >>> resolve_weekday(1, dt.date(2015, 10, 7))
    datetime.date(2015, 10, 6)
    """
    delta = (ref.weekday() - weekday) % 7
    if strictly_before and delta == 0:
        delta = 7
    return ref - dt.timedelta(days=delta)


def _weekday(name: str) -> int:
    """0 for "Monday", "Mon" or "Mon.", ... 6 for Sunday."""
    return WEEKDAYS[name.lower().rstrip(".")[:3]]


def _year_for(month: int, day: int, ref: dt.date | None) -> dt.date | None:
    if ref is None:
        return None
    d = _safe_date(ref.year, month, day)
    if d is None:
        return None
    if d > ref + dt.timedelta(days=2):
        d = _safe_date(ref.year - 1, month, day)
    return d


def _year_from_weekday(month: int, day: int, weekday: int, *, min_year: int = EARLIEST_YEAR,
                       max_year: int | None = None, after: int | None = None) -> int | None:
    max_year = max_year or dt.date.today().year + 1
    years = [y for y in range(min_year, max_year + 1)
             if (d := _safe_date(y, month, day)) is not None and d.weekday() == weekday]
    if not years:
        return None
    if after is not None:
        later = [y for y in years if y >= after]
        if later:
            return later[0]
    return years[0]


def _year_near(month: int, day: int, ref: dt.date, latest: dt.date) -> dt.date | None:
    """The day of month nearest ``ref`` (a log's dated heading) that is not after ``latest`` (the article's date)."""
    cands = [d for y in (ref.year - 1, ref.year, ref.year + 1)
             if (d := _safe_date(y, month, day)) is not None and d <= latest + dt.timedelta(days=2)]
    return min(cands, key=lambda d: abs((d - ref).days)) if cands else None


def _resolve(m: re.Match[str], ref: dt.date | None, latest: dt.date | None = None) -> tuple[dt.date | None, str, bool]:
    """(date, precision, future) of one date match (``latest``: the article's date, when ``ref`` is a heading's)."""
    k = m.lastgroup
    g = m.groupdict()
    if k == "iso":
        return _safe_date(int(g["iy"]), int(g["im"]), int(g["id"])), "day", False
    if k == "mdy":
        return _safe_date(int(g["y1"]), _month(g["m1"]), int(g["d1"])), "day", False
    if k == "dmy":
        return _safe_date(int(g["y2"]), _month(g["m2"] or g["m7"]), int(g["d2"])), "day", False
    if k == "dmy_range":
        return _safe_date(int(g["ry"]), _month(g["rm"]), int(g["rd2"])), "week", False
    if k == "dmy_num":
        year = int(g["ny"]) + (2000 if len(g["ny"]) == 2 else 0)  # "09/10/19": a log's two-digit year
        return _safe_date(year, int(g["nm"]), int(g["nd"])), "day", False
    if k == "dtg":
        year = int(g["gy"]) + (2000 if len(g["gy"]) == 2 else 0)
        return _safe_date(year, _month(g["gm"]), int(g["gd"])), "day", False
    if k in ("md", "dm", "wd_dm_num"):
        if k == "wd_dm_num":
            wd, month, dayn = g["wd9"], int(g["nm9"]), int(g["nd9"])
            if not 1 <= month <= 12:
                return None, "unknown", False
        else:
            mon, day = (g["m3"], g["d3"]) if k == "md" else (g["m4"], g["d4"])
            wd = g.get("wd3") if k == "md" else g.get("wd4")
            month, dayn = _month(mon), int(day)
        if ref is not None:
            d = _year_near(month, dayn, ref, latest) if latest is not None and latest != ref else _year_for(month, dayn, ref)
            if wd and d is not None and d.weekday() != _weekday(wd):
                # "Wed 18 Nov": the weekday picks the year, the nearest to the reference that agrees
                agree = [x for y in (ref.year - 1, ref.year, ref.year + 1)
                         if (x := _safe_date(y, month, dayn)) is not None and x.weekday() == _weekday(wd)]
                if agree:
                    d = min(agree, key=lambda x: abs((x - ref).days))
            return d, ("day" if d else "unknown"), False
        if wd:
            y = _year_from_weekday(month, dayn, _weekday(wd))
            if y:
                return _safe_date(y, month, dayn), "day", False
        return None, "unknown", False
    if k == "my":
        return _safe_date(int(g["y5"]), _month(g["m5"]), 1), "month", False
    if k == "my_bare":
        return _safe_date(int(g["y8"]), _month(g["m8"]), 1), "month", False
    if k == "m":
        if ref is None:
            return None, "unknown", False
        month = _month(g["m6"])
        y = ref.year if month <= ref.month else ref.year - 1
        return _safe_date(y, month, 1), "month", False
    if k == "y":
        return _safe_date(int(g["y7"]), 1, 1), "year", False
    if k == "future":
        return None, "unknown", True
    if ref is None:
        return None, "unknown", False
    if k == "dbyest":
        return ref - dt.timedelta(days=2), "day", False
    if k == "yesterday":
        return ref - dt.timedelta(days=1), "day", False
    if k in ("today", "same"):
        return ref, "day", False
    if k in ("prevday", "nextday"):
        return ref + dt.timedelta(days=_SHIFT[k]), "day", False
    if k == "ndays":
        return ref + dt.timedelta(days=_ndays(g)), "day", False
    if k == "nightof":
        return resolve_weekday(WEEKDAYS[g["wd12"].lower()], ref), "day", False
    if k == "lastnight":
        return ref - dt.timedelta(days=1), "day", False
    if k == "ago":
        n = g["n"].lower()
        num = int(n) if n.isdigit() else _WORDNUM.get(n, 1)
        unit = g["unit"].lower().rstrip("s")
        if unit == "day":
            return ref - dt.timedelta(days=num), "day", False
        if unit == "week":
            return _monday(ref - dt.timedelta(days=7 * num)), "week", False
        if unit == "month":
            y, mth = ref.year, ref.month - num
            while mth <= 0:
                mth += 12
                y -= 1
            return dt.date(y, mth, 1), "month", False
        return dt.date(ref.year - num, 1, 1), "year", False
    if k == "wkday_lastweek":
        wd = WEEKDAYS[(g.get("wd5") or g.get("wd6") or g.get("wd7")).lower()]
        return _monday(ref) - dt.timedelta(days=7) + dt.timedelta(days=wd), "day", False
    if k == "lastweek":
        t = m.group(0).lower()
        if "this" in t:
            return _monday(ref), "week", False
        if "days" in t:
            return ref - dt.timedelta(days=3), "week", False
        return _monday(ref) - dt.timedelta(days=7), "week", False
    if k == "lastmonth":
        if "this" in m.group(0).lower():
            return ref.replace(day=1), "month", False
        first = ref.replace(day=1) - dt.timedelta(days=1)
        return first.replace(day=1), "month", False
    if k == "season":
        start = _SEASON_START[g["ssn"].lower()]
        y = ref.year if start <= ref.month else ref.year - 1  # the latest such season begun by ref
        if m.group(0).lower().split()[0] in ("last", "past", "previous") and (start + 3 > ref.month >= start):
            y -= 1  # "last summer", told in the summer: the one before
        return dt.date(y, 1, 1), "year", False
    if k == "lastyear":
        if "this" in m.group(0).lower():
            return dt.date(ref.year, 1, 1), "year", False
        return dt.date(ref.year - 1, 1, 1), "year", False
    if k == "wd_head":
        return resolve_weekday(_weekday(g["wd10"]), ref), "day", False
    if k == "wkday":
        wd = WEEKDAYS[g["wd8"].lower()]
        q = (g.get("wdq") or "").lower()
        if q == "next":
            return None, "unknown", True
        d = resolve_weekday(wd, ref, strictly_before=q in ("last", "past", "previous"))
        return d, "day", False
    return None, "unknown", False


def find_dates(text: str, ref: dt.date | None, starts: list[int] | None = None,
               latest: dt.date | None = None) -> list[DateMention]:
    """The date expressions of ``text`` resolved against the article date ``ref``.

    ``starts``: the word starts of ``text`` to try (default: those the candidate filter of
    the date patterns finds; any superset of them among its word starts finds the same).
    ``latest``: the article's date when ``ref`` is another (a log's dated heading): a day of
    month without a year is then the one nearest ``ref`` and not after ``latest``.

    Examples
    --------
    >>> ref = dt.date(2015, 10, 7)
    >>> [(d.text, str(d.date), d.precision) for d in find_dates("hit last week on Wednesday", ref)]
    [('last week on Wednesday', '2015-09-30', 'day')]
    >>> [(str(d.date), d.precision) for d in find_dates("the SOHR said on Tuesday", ref)]
    [('2015-10-06', 'day')]
    >>> find_dates("on Tuesday", None)[0].date is None
    True
    """
    out: list[DateMention] = []
    if not _maybe_date(text):
        return out
    for k, m in scan(text, (_DATE_ALT,), starts)[0]:
        s = m.group(0)
        if k in ("md", "dm", "m", "my") and not _month_capitalised(m):
            continue
        if k == "wd_head" and text[:m.start()].strip(" -*\u2022\t") and not (
                text[m.start() - 1:m.start()] == "(" and text[m.end():m.end() + 1] == ")"):
            continue  # only as the head of a line ("Sun.: ...") or in brackets ("(Mon)"), not "The Sun: ..."
        if k in ("dm", "md"):
            # "7 km", "30 May Street": small guards
            tail = text[m.end():m.end() + 8].lower()
            if tail.startswith((" street", " st.", " square", " brigade", " division", " movement")):
                continue
        try:
            date, prec, future = _resolve(m, ref, latest)
        except (KeyError, ValueError, OverflowError):
            continue
        before = text[max(0, m.start() - 40):m.start()]
        lead = s.split()[0].lower() if s.split() else ""
        out.append(DateMention(
            start=m.start(), end=m.end(), text=s, date=date, precision=prec if date else "unknown",
            attribution=_before_search(_ATTRIB_BEFORE, _ATTRIB_WORDS, text[max(0, m.start() - 60):m.start()])
            or _is_dateline(text, m.start(), m.end()),
            since=k not in _DAY_KINDS and ((lead in ("since", "until", "by") and not _PART_OF_YEAR.match(s))
                                           or _before_search(_SINCE_BEFORE, _SINCE_WORDS, before)),
            future=future, anaphoric=k in _SHIFT or k == "ndays", shift=_ndays(m.groupdict()) if k == "ndays" else _SHIFT.get(k, 0),
        ))
    return out


#: Date kinds that name a day near the report: "since this morning" still dates the event to that day
_DAY_KINDS = frozenset({"today", "yesterday", "lastnight"})

#: Anaphoric date kinds and their distance in days from the day told before
_SHIFT = {"same": 0, "prevday": -1, "nextday": 1}


def _ndays(g: dict) -> int:
    """The shift of "two days earlier" (-2), "three days later" (3)."""
    n = g["nn"].lower()
    num = int(n) if n.isdigit() else _WORDNUM[n]
    return -num if g["ndir"].lower() in ("earlier", "before") else num

_FULL_KINDS = ("iso", "dtg", "dmy_num", "mdy", "dmy_range", "dmy")
_FULL_RE = re.compile("|".join(f"(?P<{k}>{p})" for k, p in _PATTERNS if k in _FULL_KINDS), re.I)
_WDM_RE = re.compile("|".join(f"(?P<{k}>{p})" for k, p in _PATTERNS if k in ("md", "dm")), re.I)
_FULL_ALT = Alternation([(k, p) for k, p in _PATTERNS if k in _FULL_KINDS], ignorecase=True, suffix=r"(?!\w)")
_WDM_ALT = Alternation([(k, p) for k, p in _PATTERNS if k in ("md", "dm")], ignorecase=True, suffix=r"(?!\w)")
#: A year, 2000-2039, not inside a number or a numeric date. (The look-behind after the literal
#: "20" is the same test as one before it, and lets the regex engine search for the literal.)
_YEAR_RE = re.compile(r"(20(?<![\d\-/]20)[0-3]\d)(?![\d\-/])")


def infer_article_date(article: Any, *, today: dt.date | None = None) -> tuple[dt.date | None, bool]:
    """The article's date: ``(date, inferred)``.

    From the metadata (``article.published``) when it has one (``inferred`` False);
    else the latest explicit full date in the title and text ("October 7, 2015",
    "7 October 2015", "2015-10-07"), captions included; else a weekday with a day of
    month ("Friday 13th November"), which fixes the year (the first such year since
    2011, or since the latest year the text names). ``(None, False)`` when nothing fits.

    Examples
    --------
    >>> from geo.articles import Article
    >>> infer_article_date(Article(id="a", text="A site hit on October 7, 2015. Another on October 6, 2015."))
    (datetime.date(2015, 10, 7), True)
    >>> infer_article_date(Article(id="b", text="Attacks in Paris on Friday 13th November."))
    (datetime.date(2015, 11, 13), True)
    """
    published = getattr(article, "published_date", None)
    if published is not None:
        return published, False
    text = "\n".join(x for x in (getattr(article, "title", None) or "", getattr(article, "text", "") or "") if x)
    if len(text) > 2_000_000:
        text = text[:2_000_000]
    today = today or dt.date.today()
    best: dt.date | None = None
    # one pass for the full dates and the weekday dates (read only when no full date is found)
    full, wdm = scan(text, (_FULL_ALT, _WDM_ALT))
    for _k, m in full:
        if not _month_capitalised(m):
            continue
        try:
            d, _, _ = _resolve(m, None)
        except (KeyError, ValueError):
            continue
        if d is not None and dt.date(1990, 1, 1) <= d <= today + dt.timedelta(days=1):
            best = d if best is None or d > best else best
    if best is not None:
        return best, True
    years = [int(y) for y in _YEAR_RE.findall(text) if EARLIEST_YEAR <= int(y) <= today.year]
    after = max(years) if years else None
    for _k, m in wdm:
        g = m.groupdict()
        wd = g.get("wd3") or g.get("wd4")
        if not wd or not _month_capitalised(m):
            continue
        mon, day = (g["m3"], g["d3"]) if m.lastgroup == "md" else (g["m4"], g["d4"])
        try:
            y = _year_from_weekday(_month(mon), int(day), WEEKDAYS[wd.lower()], max_year=today.year, after=after)
        except (KeyError, ValueError):
            continue
        if y:
            d = _safe_date(y, _month(mon), int(day))
            if d and (best is None or d > best):
                best = d
    if best is not None:
        return best, True
    return None, False
