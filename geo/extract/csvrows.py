"""Step 0: a CSV export pasted into an article, read as a table.

Monitors and data desks paste rows of a spreadsheet as they are exported::

    date,governorate,location,actor,event,fatalities,source
    2018-03-01,Aleppo,Jindires,TAF,airstrike,9,local medics

The extractor reads tables by their field separators (" | ", "; ", " - ": see
``pipeline._table_row``), and a comma is no field separator in prose. So a block of lines
under a header that names the columns of an event table is rewritten in place, at the same
length, with its separating commas as "|" (commas inside quoted fields stay, the quotes become
spaces): offsets and evidence are unchanged. A blank line, or a line with fewer fields than the
header, ends the block; commas past the header's count belong to the last field (a notes column
written without quotes).
"""
from __future__ import annotations

import csv
import re

__all__ = ["pipe_csv_rows"]

#: Column names of an event table's header (one of them must say where, one what or who)
_WHERE = frozenset({"location", "place", "town", "village", "city", "site", "locality", "area", "admin1", "admin2",
                    "governorate", "province", "district", "region", "location_name", "place_name"})
_WHAT = frozenset({"event", "event_type", "type", "sub_event_type", "incident", "incident_type", "actor", "actor1",
                   "perpetrator", "attacker", "weapon", "means", "description", "notes", "summary"})
#: A header line: four or more short comma-separated names and nothing else
_HEADER = re.compile(r"^[ \t]*[A-Za-z][\w ./()#-]{0,30}(?:,[ \t]*[A-Za-z][\w ./()#-]{0,30}){3,}[ \t]*$", re.M)


def _fields(line: str) -> list[str] | None:
    try:
        return next(csv.reader([line], skipinitialspace=True))
    except (csv.Error, StopIteration):
        return None


def _separators(line: str) -> tuple[list[int], list[int]]:
    """Offsets of the commas that separate the fields of ``line`` (not those in quotes), and of
    the quote marks that open and close quoted fields."""
    seps, quotes, quoted = [], [], False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
            quotes.append(i)
        elif ch == "," and not quoted:
            seps.append(i)
    return seps, quotes


def pipe_csv_rows(text: str) -> str:
    """``text`` with the rows of each CSV event table (and its header) separated by "|".

    Parameters
    ----------
    text : str
        An article's text.

    Returns
    -------
    str
        The same text, at the same length; unchanged when no line is a CSV event header.

    Examples
    --------
    >>> pipe_csv_rows("date,location,actor,event\\n2018-03-01,Jindires,TAF,airstrike\\nEnd, of note.")
    'date|location|actor|event\\n2018-03-01|Jindires|TAF|airstrike\\nEnd, of note.'
    """
    if "," not in text:
        return text
    out = list(text)
    changed = False
    for m in _HEADER.finditer(text):
        names = {c.strip().lower().replace(" ", "_") for c in m.group(0).split(",")}
        if not (names & _WHERE and names & _WHAT):
            continue
        width = m.group(0).count(",")
        pos = m.start()
        rows = 0
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            line = text[pos:end]
            seps, quotes = _separators(line)
            if not line.strip() or len(seps) < width or (rows and _fields(line) is None):
                break
            for i in seps[:width]:  # commas past the header's count are the last field's own
                out[pos + i] = "|"
            for i in quotes:  # '"Maarat al-Numan, market"': the field, without its quotes
                out[pos + i] = " "
            changed = True
            rows += 1
            pos = end + 1
    return "".join(out) if changed else text
