"""Read when: every date of a document, with the dates said against another date resolved.

"the same year", "on the 29th" and "the following day" are read against the last date the
text stated before them; "today", "on Sunday" and "last December" against the document's own
date (its metadata), and so is a month with no year in a dated document ("in July" in a news
story); in an undated one, a month with no year takes the year last stated. A date that opens
a timeline entry ("18 May 2015 \u2013 ...", "- 24 April: ...") is the date of the entry's
clauses that state none of their own.
"""

import bisect
import re
from dataclasses import replace

from rdflib import Literal

from ...reading.values import date_type, find_dates, resolve_date
from ...vocab import DKG

# Dates precise enough to read "the same year" or "the next day" against.
ANCHORS = {DKG.PrecisionYear, DKG.PrecisionMonth, DKG.PrecisionDay}
# A relative date glossed by the date it stands for: "a year later, on 22 January 2020".
GLOSS = re.compile(r"\s*,?\s*(?:(?:in|on)\s+)?$")
# What follows the date that opens an entry: a dash or a colon; before it, a list marker.
ENTRY_MARK = re.compile(r"\s*(?:[-\u2013\u2014:]\s+|[\u2013\u2014])")
LINE_START = re.compile(r"[ \t]*(?:[-*\u2022#]+[ \t]+)?")
HEADING_REST = re.compile(r"[ \t]*:?[ \t]*")
BLANK_LINE = re.compile(r"\n[ \t]*\n")


def stated_dates(reading) -> list[list]:
    """Return the dates of each sentence, document offsets, resolved in reading order."""
    found = reading.memory.dates
    if found is not None:
        return found
    text, today, last = reading.doc.text, reading.doc.date, None
    found = []
    for s in reading.sentences:
        here = [
            replace(x, start=x.start + s.start, end=x.end + s.start) for x in find_dates(s.text)
        ]
        kept = []
        for k, x in enumerate(here):
            nxt = here[k + 1] if k + 1 < len(here) else None
            x = resolve_date(x, last, today)
            glossed = (
                x.relative
                and nxt is not None
                and nxt.value
                and GLOSS.fullmatch(text, x.end, nxt.start)
                and (x.value is None or nxt.value.startswith(x.value))
            )
            if glossed:
                continue
            span_of_years = x.end_value and x.precision == DKG.PrecisionYear
            if x.value and x.precision in ANCHORS and not span_of_years:
                last = x.value
            kept.append(x)
        found.append(kept)
    reading.memory.dates = found
    return found


def entry_date(reading, i: int):
    """Return the date that opens the timeline entry (a line "DATE \u2013 ...") holding
    sentence i, or None."""
    entries = reading.memory.entry_dates
    if entries is None:
        entries = _entry_dates(reading)
        reading.memory.entry_dates = entries
    return entries[i]


def _entry_dates(reading) -> list:
    """Return, for each sentence, the date opening its line if the line is a dated entry, or
    the date heading its paragraph (a line that is only a date, over the paragraph after it)."""
    text = reading.doc.text
    dates = stated_dates(reading)
    breaks = [m.end() for m in BLANK_LINE.finditer(text)]
    entries, current, line, heading = [], None, -1, None
    for i, s in enumerate(reading.sentences):
        start = text.rfind("\n", 0, s.start) + 1
        if start != line:  # the first sentence of a line: does a date open it?
            line, current = start, None
            at = LINE_START.match(text, start).end()
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            first = next((x for x in dates[i] if x.start == at and x.value), None)
            paragraph = bisect.bisect_right(breaks, start)
            if first is not None and HEADING_REST.fullmatch(text, first.end, end):
                heading = (first, None)  # "1998" alone on its line: over the next paragraph
            elif first is not None and ENTRY_MARK.match(text, first.end):
                current, heading = first, None

            elif heading is not None:
                date, own = heading
                own = paragraph if own is None else own
                heading = (date, own) if own == paragraph else None
                current = (date, "heading") if heading else None
        entries.append(current)
    # Dates alone on their lines head paragraphs only where there are several of them (a
    # chronology); one such line is rather the date of the page ("July 2016" at its foot).
    headed = [e for e in entries if isinstance(e, tuple)]
    several = len({id(e[0]) for e in headed}) > 1
    return [(e[0] if several else None) if isinstance(e, tuple) else e for e in entries]


def date_start(reading, date) -> int:
    """Return where the words of a date start: with the preposition before it ("in 1978")."""
    if date.relation is None:
        return date.start
    before = reading.doc.text[max(0, date.start - 20) : date.start]
    m = re.search(rf"\b{date.relation}\s+(?:the\s+)?$", before, re.I)
    return date.start - len(m.group()) if m else date.start


def end_literal(date) -> Literal:
    """Return the end of a span of dates ("from 4 to 6 May 2015") as a literal."""
    return Literal(date.end_value, datatype=date_type(date.end_value)[0])
