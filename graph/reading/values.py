"""Find dates and amounts in a sentence, with character offsets into it (ranks: ranks.py)."""

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Protocol

from rdflib import URIRef
from rdflib.namespace import XSD

from ..vocab import DKG
from .lexicon import (
    CARDINAL_WORDS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    ROMAN_NUMERALS,
    WEEKDAYS,
)
from .numbers import CARDINAL, CARDINALS, ORDINAL, alternation, disjoint, parse_ordinal
from .ranks import find_ranks


@dataclass(frozen=True)
class DateMatch:
    """A date as precise as the text gives it; value is None when the year is not stated."""

    start: int
    end: int
    text: str
    value: str | None  # YYYY, YYYY-MM or YYYY-MM-DD; a decade or century gives its first year
    datatype: URIRef | None
    precision: URIRef
    relation: str | None = None  # the preposition before it: "in", "since", "by", "before"...
    modifier: str | None = None  # "early", "mid" or "late"
    # The end of a span: the last year of "1936-37", the last day of "from 4 to 6 May 2015"
    # ("--05-06", a day of no year yet, for "from May 4 to 6").
    end_value: str | None = None
    month: int | None = None
    day: int | None = None  # set with month when the text gives a day but no year: "on 5 May"
    # A date said against another one: "year" (shift years from the last date stated: "the
    # same year", "the following year"), "month", "day" ("the next day"), "day-of-month" ("on
    # the 29th"), or against the document's own date: "weekday" (day is 0 for Monday), "last"
    # ("last December"), "ago" ("six years ago"), "today". Its value is None until resolved.
    relative: str | None = None
    shift: int = 0


@dataclass(frozen=True)
class Amount:
    """A figure: a value, or a range (min_value, max_value), with what the text says about it."""

    start: int
    end: int
    text: str
    value: Decimal | None
    min_value: Decimal | None
    max_value: Decimal | None
    currency: str | None  # ISO 4217
    unit: str | None  # "percent", or a currency name that does not say which currency
    qualifier: URIRef | None
    percent: bool
    fraction: bool = False  # "nine in ten": a share by its very words


MONTHS = tuple(name[:3].lower() for name in MONTH_NAMES)
SCALES = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12, "bn": 9, "m": 6, "mn": 6}
# Scales written short after a figure of money only ("US$ 250m"): "250m" alone is a length.
MONEY_SCALES = {"m", "mn"}
# A bare "$" (or "dollars", "francs", "kroner") does not say which currency: no guess; nor
# does a bare yen sign, which the yuan shares.
SYMBOLS = {"US$": "USD", "U.S.$": "USD", "C$": "CAD", "CA$": "CAD", "A$": "AUD", "NZ$": "NZD",
           "HK$": "HKD", "S$": "SGD", "R$": "BRL", "JP\u00a5": "JPY", "CN\u00a5": "CNY",
           "\u20ac": "EUR", "\u00a3": "GBP", "\u20b9": "INR", "$": None,
           "\u00a5": None}  # fmt: skip
SIGN_UNITS = {"$": "dollar", "\u00a5": "yen or yuan"}
CODES = ("EUR", "USD", "CAD", "GBP", "CHF", "JPY", "CNY", "AUD", "NZD", "NOK", "SEK", "DKK",
         "ISK", "PLN", "CZK", "HUF", "RON", "RUB", "TRY", "INR", "BRL", "MXN", "ARS", "CLP",
         "ZAR", "KRW", "SGD", "HKD")  # fmt: skip
CURRENCY_NAMES = {"euro": "EUR", "canadian dollar": "CAD", "us dollar": "USD", "yen": "JPY",
                  "australian dollar": "AUD", "pound sterling": "GBP", "swiss franc": "CHF",
                  "yuan": "CNY", "norwegian krone": "NOK", "danish krone": "DKK",
                  "swedish krona": "SEK"}  # fmt: skip


_MONTH = rf"(?:(?:{'|'.join(MONTH_NAMES)})\b|(?:{'|'.join(MONTH_ABBREVIATIONS)})\b\.?)"
_CODE = rf"(?:{alternation(CODES)})\b"
_NAME = (
    r"(?i:(?:canadian|u\.?s\.?|australian)\s+dollars?|dollars?|euros?|pounds?\s+sterling"
    r"|(?:swiss\s+)?francs?|yen|yuan|(?:norwegian|danish)\s+kron(?:e|er)|swedish\s+kron(?:a|or))\b"
)
_MOD = r"(?:(?P<mod>(?i:early|mid|late))[-\s]+)?"
_YEAR = r"(?:1\d{3}|20\d\d|2100|[5-9]\d\d)"  # 500 to 2100
_B = r"(?<![\w.,:/$#\u20ac\u00a3-])"  # a number starts here, not inside a word or a figure
# "by 1500 euros" or "in 2000 million" is a figure, not a year.
_SCALE = r"(?i:thousand|million|billion|trillion|bn)\b"
_NOT_FIGURE = rf"(?!\w|[.,:/]\d|\s*(?:%|(?i:per\s?cent)|{_SCALE}|{_NAME}|{_CODE}))"

FULL_DATES = (
    re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?![\d-])"),
    re.compile(
        rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{3,4}})\b)?"
    ),
    re.compile(
        rf"{_B}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m>{_MONTH})(?:\s+(?P<y>\d{{3,4}})\b)?"
    ),
)
MONTH_YEAR = re.compile(rf"\b{_MOD}(?P<m>{_MONTH}),?\s+(?P<y>\d{{4}})\b")
YEAR_RANGES = (  # "1480-1572", "1936-7", "from 1990 to 1995"
    re.compile(
        rf"{_B}(?P<y>1\d{{3}}|20\d\d)\s?[-\u2013]\s?(?P<y2>\d{{4}}|\d{{1,2}})(?![\w-]|[.,/]\d)"
    ),
    re.compile(
        rf"(?i:\b(?P<rel>from|between)\s+)(?P<y>{_YEAR})\s+(?i:to|until|and)\s+"
        rf"(?P<y2>{_YEAR}){_NOT_FIGURE}"
    ),
)
DECADE = re.compile(rf"{_B}{_MOD}(?P<y>(?:1\d|20)\d0)['\u2019]?s\b")
# "the late 19th and early 20th century": "late 19th" is a century too.
CENTURY = re.compile(
    rf"(?<![\w-]){_MOD}(?P<o>{ORDINAL})\b(?:[-\s]+(?i:centur(?:y|ies))\b|(?=\s+(?i:and|or|to)\s+"
    rf"(?:the\s+)?(?:(?i:early|mid|late)[-\s]+)?{ORDINAL}[-\s]+(?i:centur)))"
)
YEAR = re.compile(rf"{_B}{_MOD}(?P<y>{_YEAR}){_NOT_FIGURE}")
MONTH_ONLY = re.compile(rf"\b{_MOD}(?P<m>{_MONTH})(?!,?\s+\d)")
RELATION = re.compile(
    r"(?i:\b(in|on|since|by|before|after|from|until|till|during|between|circa)\s+"
    r"(?:the\s+)?(?:year\s+)?)$"
)
# A year opening a line, then a dash or a colon, opens a timeline entry: "1971 \u2013 ...".
ENTRY_AFTER = re.compile(r"[ \t]*(?:[\u2013\u2014:]|-[ \t])")
# "2015 and 2016", "2013, 2014 and 2015": a comma alone joins years only if the list goes on.
AND_YEAR = re.compile(r"\s*,?\s*(?:and|or)\s+")
COMMA_YEAR = re.compile(r"\s*,\s*")
LIST_GOES_ON = re.compile(rf"\s*(?:,|,?\s*(?:and|or))\s*{_YEAR}\b")
# Runs of digit groups (phone or fax numbers, references) are neither dates nor amounts; a
# day written with figures ("2004-05-01", "28-05-1902", "28.05.1902") is a date.
DIGIT_RUN = re.compile(
    r"(?<![\d-])(?!\d{4}-\d\d-\d\d\b|\d\d?([-.])\d\d?\1\d{4}\b)\+?\(?\d+\)?(?:[ ./-]\(?\d+\)?){2,}"
    r"|\+\d+(?:[ ./-]\d+)+"
)
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
# Days written otherwise: "1910 Aug. 22", "28-05-1902" (day first, as outside the US; a day
# that could be either is read only as its year), "16-XII-1998" (a Roman month).
OTHER_DAYS = (
    re.compile(rf"{_B}(?P<y>1\d{{3}}|20\d\d)\s+(?P<m>{_MONTH})\s+{_DAY}\b(?!,?\s+\d{{4}})"),
    re.compile(r"(?<![\d.-])(?P<d>\d\d?)([-.])(?P<n>\d\d?)\2(?P<y>\d{4})(?![\d-]|\.\d)"),
    re.compile(
        r"(?<![\w.-])(?P<d>\d\d?)([-./ ])(?P<r>(?i:xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i))\2"
        r"(?P<y>\d{4})\b"
    ),
)
# Spans of days: "from 22 to 25 April 2015", "22\u201325 April", "from 21 February to 18
# December 1916", "from December 4 to 6", "May 4\u20136, 2015".
_TO = r"\s*(?:[-\u2013]|(?i:to|until|till|and)\b)\s*"
_FROM = r"(?:(?i:(?P<rel>from|between))\s+)?"
DAY_RANGES = (
    re.compile(
        rf"\b{_FROM}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?P<m>{_MONTH}))?{_TO}"
        rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH})(?:,?\s+(?P<y>\d{{4}})\b)?"
    ),
    re.compile(
        rf"\b{_FROM}(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?{_TO}"
        rf"(?:(?P<m2>{_MONTH})\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:%|[.,]\d))"
        rf"(?:,?\s+(?P<y>\d{{4}})\b)?"
    ),
)
# "the autumn of 1905", "in the spring of 2021": the year is all a season says.
SEASON = re.compile(rf"\b{_MOD}(?i:spring|summer|autumn|fall|winter)\s+of\s+(?P<y>{_YEAR})\b")
# Dates said against the last date stated: "on 2 July of the same year", "In May of that year".
_OF_YEAR = (
    r"\s+of\s+(?:(?P<same>(?i:the\s+same|that))|(?P<next>(?i:the\s+(?:following|next)))"
    r"|(?P<prev>(?i:the\s+(?:previous|preceding))))\s+year\b"
)
OF_YEAR = re.compile(
    rf"(?:\b(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b|{_B}{_DAY}(?:\s+of)?\s+"
    rf"(?P<m2>{_MONTH})|\b(?P<m3>{_MONTH}))(?i:{_OF_YEAR})"
)
_COUNT = rf"(?P<n>\d{{1,2}}|(?i:a|an|one|{alternation(CARDINAL_WORDS[1:10])}))"
RELATIVE = re.compile(
    r"(?i:\b(?:(?P<same>the\s+same|that\s+same|that)|(?P<next>the\s+(?:following|next))"
    r"|(?P<prev>the\s+(?:previous|preceding)))\s+(?P<unit>year|month|day)\b"
    r"|(?P<unit2>\b(?:year|month|day))\s+(?P<after>after|before)(?=\s*[,.;)]|$)"
    rf"|\b{_COUNT}\s+(?P<unit3>year|month|day)s?\s+(?P<way>later|afterwards|earlier|before"
    r"|ago)\b(?!\s+(?:that|than|when)\b))"
)
# "on the 29th" (of the month last stated); not "the 29th anniversary".
DAY_OF_MONTH = re.compile(
    r"(?i:\bon\s+the\s+)(?P<d>\d{1,2})(?:st|nd|rd|th)\b(?=\s*(?:[,.;:)]|$|and\b|of\s+that))"
)
WEEKDAY = re.compile(rf"(?i:\b(?:on|last)\s+)(?P<w>{'|'.join(WEEKDAYS)})\b")
LAST_MONTH = re.compile(rf"(?i:\blast\s+)(?P<m>{_MONTH})(?!,?\s+\d)")
TODAY = re.compile(r"\btoday\b(?![-\u2010\u2011]|['\u2019]s)")


def parse_number_words(words: str) -> Decimal | None:
    """Read a number written in words ("fifty", "twenty-five", "a dozen", "half a"), or None."""
    total, seen = Decimal(0), False
    for token in re.split(r"[\s-]+", words.lower().strip()):
        if token in ("a", "an"):
            total = total or Decimal(1)  # "a hundred" is 100; "half a" stays a half
        elif token == "half":
            total = Decimal("0.5")
        elif token in CARDINALS:
            total += CARDINALS[token]
        elif token in ("hundred", "dozen"):
            total = (total or Decimal(1)) * (100 if token == "hundred" else 12)
        else:
            return None
        seen = True
    return total if seen else None


def _year(y: int | str) -> str:
    """Write a year as xsd:gYear wants it: at least four digits."""
    return f"{int(y):04d}"


def _month(name: str) -> int:
    return int(name) if name.isdigit() else MONTHS.index(name[:3].lower()) + 1


def _relation(text: str, start: int) -> str | None:
    m = RELATION.search(text[max(0, start - 30) : start])
    return m.group(1).lower() if m else None


def _day(y: int | str | None, month: int, d: int | str) -> date | None:
    """Return a day, or None if there is no such day (with no year, 29 February is one)."""
    try:
        return date(int(y or 2000), month, int(d))
    except ValueError:
        return None


class _Add(Protocol):
    """find_dates()'s adder: keep a date unless its span overlaps one taken; say if kept."""

    def __call__(  # the parameters of DateMatch, but text (read from the span)
        self, start: int, end: int, value: str | None, datatype: URIRef | None,
        precision: URIRef, rel: str | None = None, mod: str | None = None, *,
        end_value: str | None = None, month: int | None = None, day: int | None = None,
        relative: str | None = None, shift: int = 0,
    ) -> bool: ...  # fmt: skip


def _day_ranges(text: str, add: _Add, taken: list[tuple[int, int]]) -> None:
    """Find spans of days: "from 22 to 25 April 2015", "from May 4 to 6"."""
    for m in (m for pattern in DAY_RANGES for m in pattern.finditer(text)):
        m1, m2 = _month(m["m"] or m["m2"]), _month(m["m2"] or m["m"])
        first, last = _day(m["y"], m1, m["d"]), _day(m["y"], m2, m["d2"])
        crosses_new_year = m["y"] is None and m2 < m1  # "from December 30 to January 2"
        if first is None or last is None or (first >= last and not crosses_new_year):
            taken.append(m.span())  # nor a day out of "from 30 to 31 February"
            continue
        rel = m["rel"] and m["rel"].lower()
        if m["y"]:
            add(*m.span(), first.isoformat(), XSD.date, DKG.PrecisionDay, rel,
                end_value=last.isoformat(), month=m1)  # fmt: skip
        else:
            add(*m.span(), None, None, DKG.PrecisionDay, rel, month=m1, day=first.day,
                end_value=f"--{m2:02d}-{last.day:02d}")  # fmt: skip


def _other_days(text: str, add: _Add, taken: list[tuple[int, int]]) -> None:
    """Find days written year first, in figures or with a Roman month."""
    year_first, figures, roman = OTHER_DAYS
    for m in year_first.finditer(text):
        day = _day(m["y"], _month(m["m"]), m["d"])
        if day:
            add(*m.span(), day.isoformat(), XSD.date, DKG.PrecisionDay, month=day.month)
    for m in figures.finditer(text):
        a, b = int(m["d"]), int(m["n"])
        if a == b or (a > 12) != (b > 12):  # which is the month is plain
            day = _day(m["y"], b if a > 12 or a == b else a, a if a > 12 or a == b else b)
            if day:
                add(*m.span(), day.isoformat(), XSD.date, DKG.PrecisionDay, month=day.month)
                continue
        elif a <= 12 and b <= 12:  # 05-06-1902: the year is all that is sure
            add(*m.span(), _year(m["y"]), XSD.gYear, DKG.PrecisionYear)
            continue
        taken.append(m.span())
    for m in roman.finditer(text):
        day = _day(m["y"], ROMAN_NUMERALS.index(m["r"].lower()) + 1, m["d"])
        if day:
            add(*m.span(), day.isoformat(), XSD.date, DKG.PrecisionDay, month=day.month)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else int(parse_number_words(word) or 0)


def _relative_dates(text: str, add: _Add) -> None:
    """Find dates said against another date: the last one stated, or the document's own."""

    def way(m: re.Match[str]) -> int:
        return 0 if m["same"] else 1 if m["next"] else -1

    for m in OF_YEAR.finditer(text):
        month, day = _month(m["m1"] or m["m2"] or m["m3"]), m["d1"] or m["d"]
        if day and _day(None, month, day) is None:
            continue
        precision = DKG.PrecisionDay if day else DKG.PrecisionMonth
        add(*m.span(), None, None, precision, relative="year", shift=way(m), month=month,
            day=int(day) if day else None)  # fmt: skip
    for m in RELATIVE.finditer(text):
        unit = (m["unit"] or m["unit2"] or m["unit3"]).lower()
        precision = {"year": DKG.PrecisionYear, "month": DKG.PrecisionMonth}.get(
            unit, DKG.PrecisionDay
        )
        if m["unit3"]:
            n = _count(m["n"])
            shift = n if m["way"].lower() in ("later", "afterwards") else -n
            relative = f"doc-{unit}" if m["way"].lower() == "ago" else unit
        else:
            shift = way(m) if m["unit"] else 1 if m["after"].lower() == "after" else -1
            relative = unit
        add(*m.span(), None, None, precision, relative=relative, shift=shift)
    for m in DAY_OF_MONTH.finditer(text):
        if 1 <= int(m["d"]) <= 31:
            add(m.start("d"), m.end(), None, None, DKG.PrecisionDay, relative="day-of-month",
                day=int(m["d"]))  # fmt: skip
    for m in WEEKDAY.finditer(text):
        w = [d.lower() for d in WEEKDAYS].index(m["w"].lower())
        add(m.start("w"), m.end(), None, None, DKG.PrecisionDay, relative="weekday", day=w)
    for m in LAST_MONTH.finditer(text):
        add(*m.span(), None, None, DKG.PrecisionMonth, relative="last", month=_month(m["m"]))
    for m in TODAY.finditer(text):
        add(*m.span(), None, None, DKG.PrecisionDay, relative="today")


def find_dates(text: str) -> list[DateMatch]:
    """Find dates, year spans, decades and centuries, each as precise as the text states it."""
    found: list[DateMatch] = []
    taken = [m.span() for m in DIGIT_RUN.finditer(text)]

    def add(
        start: int, end: int, value: str | None, datatype: URIRef | None, precision: URIRef,
        rel: str | None = None, mod: str | None = None, *, end_value: str | None = None,
        month: int | None = None, day: int | None = None, relative: str | None = None,
        shift: int = 0,
    ) -> bool:  # fmt: skip
        if not disjoint(taken, start, end):
            return False
        taken.append((start, end))
        rel, mod = rel or _relation(text, start), mod and mod.lower()
        found.append(DateMatch(start, end, text[start:end], value, datatype, precision, rel, mod,
                               end_value, month, day, relative, shift))  # fmt: skip
        return True

    _day_ranges(text, add, taken)
    _other_days(text, add, taken)
    _relative_dates(text, add)
    for m in (m for pattern in FULL_DATES for m in pattern.finditer(text)):
        try:  # no 31 February; with no year, a leap year lets 29 February through
            day = date(int(m["y"] or 2000), _month(m["m"]), int(m["d"]))
        except ValueError:
            taken.append(m.span())  # nor "February 1920" out of "31 February 1920"
            continue
        if m["y"]:
            add(*m.span(), day.isoformat(), XSD.date, DKG.PrecisionDay, month=day.month)
        else:  # the callers must not invent the year
            add(*m.span(), None, None, DKG.PrecisionDay, month=day.month, day=day.day)
    for m in MONTH_YEAR.finditer(text):
        month = _month(m["m"])
        value = f"{_year(m['y'])}-{month:02d}"
        add(*m.span(), value, XSD.gYearMonth, DKG.PrecisionMonth, None, m["mod"], month=month)
    for m in (m for pattern in YEAR_RANGES for m in pattern.finditer(text)):
        first, last = m["y"], m["y"][: 4 - len(m["y2"])] + m["y2"]  # "1936-7" ends in 1937
        rel = m.groupdict().get("rel")
        if int(first) < int(last):
            add(m.start("y"), m.end(), _year(first), XSD.gYear, DKG.PrecisionYear,
                rel and rel.lower(), end_value=_year(last))  # fmt: skip
    for m in DECADE.finditer(text):
        # "the 1800s" is a century, from 1800 as written; "the 2000s" is still a decade.
        century = m["y"].endswith("00") and m["y"] < "2000"
        precision = DKG.PrecisionCentury if century else DKG.PrecisionDecade
        add(*m.span(), _year(m["y"]), XSD.gYear, precision, None, m["mod"])
    for m in CENTURY.finditer(text):
        # The Nth century starts at year (N-1)*100+1, as the ontology states (1801 for the 19th).
        if 1 <= (n := parse_ordinal(m["o"])) <= 21:
            add(*m.span(), _year(n * 100 - 99), XSD.gYear, DKG.PrecisionCentury, None, m["mod"])
    for m in SEASON.finditer(text):
        add(*m.span(), _year(m["y"]), XSD.gYear, DKG.PrecisionYear, None, m["mod"])
    # A bare year is a date only in a date context: after a preposition, after "early", "mid" or
    # "late", alone in brackets or on its line, or joined to a year just found ("in 2015 and 2016").

    last_end, last_rel = None, None
    for m in YEAR.finditer(text):
        start, end = m.span()
        bracketed = text[start - 1 : start] == "(" and text[end : end + 1] == ")"
        joined = last_end is not None and bool(
            AND_YEAR.fullmatch(text, last_end, start)
            or (COMMA_YEAR.fullmatch(text, last_end, start) and LIST_GOES_ON.match(text, end))
        )
        rel = _relation(text, start) or (last_rel if joined else None)
        first = not text[:start].strip(" \t#*-\u2022")
        alone = first and not text[end:].strip(" \t:.")  # "1998"
        entry = first and ENTRY_AFTER.match(text, end)  # "1971 \u2013 The treaty ..."
        in_context = rel or m["mod"] or bracketed or joined or alone or entry

        if in_context and add(
            start, end, _year(m["y"]), XSD.gYear, DKG.PrecisionYear, rel, m["mod"]
        ):
            last_end, last_rel = end, rel
    # A month with no year: the callers must not invent one, so value is None.
    for m in MONTH_ONLY.finditer(text):
        if _relation(text, m.start()):
            add(*m.span(), None, None, DKG.PrecisionMonth, None, m["mod"], month=_month(m["m"]))
    return sorted(found, key=lambda d: d.start)


_TYPES = {4: (XSD.gYear, DKG.PrecisionYear), 7: (XSD.gYearMonth, DKG.PrecisionMonth),
          10: (XSD.date, DKG.PrecisionDay)}  # fmt: skip
# Said against the document's own date (a news story's "today", "last December", "on Sunday").
DOCUMENT_RELATIVE = frozenset({"weekday", "last", "today", "doc-year", "doc-month", "doc-day"})


def _parts(value: str) -> tuple[int, int | None, int | None]:
    """Split YYYY, YYYY-MM or YYYY-MM-DD into (year, month or None, day or None)."""
    bits = [int(x) for x in value.split("-")]
    return bits[0], (bits[1] if len(bits) > 1 else None), (bits[2] if len(bits) > 2 else None)


def _write(y: int, month: int | None = None, day: int | None = None) -> str | None:
    """Write a date at the precision given, or None if there is no such day."""
    if month is None:
        return _year(y)
    if day is None:
        return f"{_year(y)}-{month:02d}"
    found = _day(y, month, day) if 1 <= y <= 9999 else None
    return found.isoformat() if found else None


def _nearest_year(month: int, day: int | None, today: str) -> int:
    """Return the year that puts a month (and day) of no stated year nearest to the document's
    date: "on 24 April" in a text of 22 April 2023 is 2023, "in July" in one of November 1984
    is 1984."""
    y, m, d = _parts(today)
    now = date(y, m or 7, d or 15)
    return min(
        (y - 1, y, y + 1),
        key=lambda k: abs((date(k, month, min(day or 15, 28)) - now).days),
    )


def _shifted(unit: str, shift: int, base: str) -> str | None:
    """Move a date by whole years, months or days, keeping the precision the unit needs."""
    y, m, d = _parts(base)
    if unit == "year":
        return _year(y + shift)
    if unit == "month" and m is not None:
        k = y * 12 + m - 1 + shift
        return _write(k // 12, k % 12 + 1)
    if unit == "day" and m is not None and d is not None:
        return (date(y, m, d) + timedelta(days=shift)).isoformat()
    return None


def _resolved_value(x: DateMatch, last: str | None, today: str | None) -> str | None:
    """Return the value of a date said against the last date stated or the document's date."""
    if x.relative in DOCUMENT_RELATIVE:
        base = today
    elif x.relative is None:  # a month or a day of no year: the document's, else the last's
        if today and x.month is not None:
            return _write(_nearest_year(x.month, x.day, today), x.month, x.day)
        base = last
    else:
        base = last
    if base is None:
        return None
    y, m, d = _parts(base)
    if x.relative is None:
        return _write(y, x.month, x.day)
    if x.relative == "year":
        return _write(y + x.shift, x.month, x.day)
    if x.relative in ("month", "day"):
        return _shifted(x.relative, x.shift, base)
    if x.relative.startswith("doc-"):
        return _shifted(x.relative[4:], x.shift, base)
    if x.relative == "day-of-month":
        return _write(y, m, x.day) if m is not None else None
    if x.relative == "weekday" and m is not None and d is not None and x.day is not None:
        now = date(y, m, d)
        return (now - timedelta(days=(now.weekday() - x.day) % 7)).isoformat()
    if x.relative == "last" and m is not None and x.month is not None:
        return _write(y if x.month < m else y - 1, x.month)
    if x.relative == "today":
        return base
    return None


def date_type(value: str) -> tuple[URIRef, URIRef]:
    """Return the datatype and precision of a date written YYYY, YYYY-MM or YYYY-MM-DD."""
    return _TYPES[len(value)]


def resolve_date(x: DateMatch, last: str | None, today: str | None) -> DateMatch:
    """Give a date said against another its value: `last` is the last date the text stated
    before it, `today` the document's own date (YYYY, YYYY-MM or YYYY-MM-DD, or None). A date
    that cannot be resolved (no year to read it against) keeps its value None."""
    if x.value is not None:
        return x
    value = _resolved_value(x, last, today)
    if value is None:
        return x
    datatype, precision = _TYPES[len(value)]
    end = x.end_value
    y, m, _ = _parts(value)
    # "from December 30 to January 2": the next year
    if end and end.startswith("--") and m is not None:
        em, ed = (int(k) for k in end[2:].split("-"))
        end = _write(y + (em < m), em, ed)
    return replace(x, value=value, datatype=datatype, precision=precision, end_value=end)


# "almost N" and "nearly N" say the real number is below N: LessThan, the ontology having no
# "just under"; Approximately would lose the direction the text states.
QUALIFIERS = {
    phrase: qualifier
    for qualifier, phrases in (
        (DKG.Approximately, "approximately|about|around|some|roughly|circa|an estimated"),
        (
            DKG.MoreThan,
            "more than|over|above|in excess of|upwards of|exceeded|exceeds"
            "|exceeding|topped|tops|surpassed|surpasses",
        ),
        (DKG.LessThan, "less than|fewer than|under|below|almost|nearly|just under"),
        (DKG.JustOver, "just over|just above|slightly more than|slightly over|a little over"),
        (DKG.AtLeast, "at least|no fewer than|no less than|not less than|a minimum of"),
        (
            DKG.AtMost,
            "at most|no more than|not more than|up to|a maximum of|as high as"
            "|as many as|as much as",
        ),
    )
    for phrase in phrases.split("|")
}
_PREFIX = "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True))
_QUAL = "|".join(q.replace(" ", r"\s+") for q in sorted(QUALIFIERS, key=len, reverse=True))
_WORDNUM = rf"(?i:\b(?:half\s+an?|an?|{CARDINAL})(?:\s+(?:hundred|dozen))?\b)"


def _figure_pattern(t: str) -> str:
    """Return the pattern of one figure: currency sign or code, number, percent, scale word."""
    return (
        rf"(?:(?P<pre{t}>{_PREFIX}|{_CODE}(?=\s?\d))\s?)?(?:(?P<num{t}>\d{{1,3}}(?:,\d{{3}})+"
        rf"(?:\.\d+)?|\d+(?:\.\d+)?)(?![.,]\d)(?:(?=(?:bn|mn|m)\b)|(?![\w:/]))"
        rf"|(?P<words{t}>{_WORDNUM})(?!-\w))"
        rf"(?:\s*(?P<pct{t}>%|(?i:per\s?cent\b)))?(?:\s*(?P<scale{t}>{_SCALE}|mn\b|m\b))?"
    )


_POST = rf"(?:\s+(?P<post>{_CODE}|{_NAME}))?"
AMOUNT = re.compile(rf"{_B}(?:(?P<qual>(?i:{_QUAL}))\s+)?{_figure_pattern('')}{_POST}")
# The scale word and the currency of "between 1.86 and 2.37 billion euros" apply to both ends.
BETWEEN = re.compile(
    rf"{_B}(?P<qual>(?i:between))\s+{_figure_pattern('1')}\s+(?i:and)\s+{_figure_pattern('2')}{_POST}"
)
# A number right after a capitalised word other than these is part of a name: "Route 66".
SENTENCE_WORDS = frozenset(QUALIFIERS) | {
    "the", "in", "only", "just", "at", "no", "by", "of", "for", "with", "and", "but", "or", "to",
    "from", "since", "after", "before", "until", "all", "these", "those", "its", "their", "our",
    "his", "her", "exactly", "a", "an", "between", "among", "while", "although", "today",
    "currently", "also", "then", "now", "when", "during", "each", "every", "per", "as", "total",
}  # fmt: skip
# "nine in ten", "one out of five", "3 in 4": a share of what follows.
_SMALL = rf"(?:\d{{1,3}}|(?i:{CARDINAL}))"
FRACTION = re.compile(
    rf"{_B}(?:(?P<qual>(?i:{_QUAL}))\s+)?(?P<n>{_SMALL})\s+(?:in|out\s+of)\s+(?P<of>{_SMALL})\b"
    r"(?![.,]\d|\s*(?:%|per\s?cent))"
)
NAME_BEFORE = re.compile(r"\b([A-Z][\w.]*)\s+$")


def _currency(token: str | None) -> tuple[str | None, str | None]:
    """Return (ISO 4217 code, unit) of a currency sign, code or name."""
    if not token or token in CODES:
        return token, None
    if token in SYMBOLS:
        return SYMBOLS[token], None if SYMBOLS[token] else SIGN_UNITS[token]
    name = re.sub(r"\s+", " ", token.lower().replace(".", ""))
    name = re.sub(r"(dollar|euro|pound|franc)s\b", r"\1", name)
    name = name.replace("kroner", "krone").replace("kronor", "krona")
    code = CURRENCY_NAMES.get(name)
    return code, None if code else name


def _figure(m: re.Match[str], t: str, scale: str | None) -> Decimal | None:
    """Return the value of one figure of a match, times its scale word (or the shared one)."""
    number: Decimal | None
    if m[f"num{t}"]:
        number = Decimal(m[f"num{t}"].replace(",", ""))
    else:
        words = m[f"words{t}"]
        # "a", "an" and "one" alone are articles or pronouns ("one of", "has one in"), and
        # "no more than a year" states no figure either.
        if not scale and words.lower().split()[-1] in ("a", "an", "one"):
            return None
        number = parse_number_words(words)
    if number is None:
        return None
    # Exact and without exponent: "3.2 billion" is 3200000000, not 3.2E+9.
    number = number.scaleb(SCALES[scale.lower()] if scale else 0).normalize()
    return number.quantize(Decimal(1)) if number == number.to_integral_value() else number


def find_amounts(text: str) -> list[Amount]:
    """Find figures: money, counts, percentages and ranges, with their qualifiers."""
    taken = [(d.start, d.end) for d in find_dates(text)]
    taken += [(r.start, r.end) for r in find_ranks(text)]
    taken += [m.span() for p in (DIGIT_RUN, *FULL_DATES) for m in p.finditer(text)]
    found: list[Amount] = []
    for m in FRACTION.finditer(text):
        if not disjoint(taken, *m.span()):
            continue
        part = parse_number_words(m["n"]) or Decimal(0)
        whole = parse_number_words(m["of"]) or Decimal(0)
        if m["n"].isdigit() or m["of"].isdigit():
            part, whole = (
                Decimal(m["n"]) if m["n"].isdigit() else part,
                (Decimal(m["of"]) if m["of"].isdigit() else whole),
            )
        if 0 < part < whole:
            share = (part * 100 / whole).quantize(Decimal("0.01")).normalize()
            share = share.quantize(Decimal(1)) if share == share.to_integral_value() else share
            qualifier = m["qual"] and QUALIFIERS.get(re.sub(r"\s+", " ", m["qual"].lower()))
            taken.append(m.span())
            found.append(Amount(*m.span(), m.group(), share, None, None, None, "percent",
                                qualifier or None, True, fraction=True))  # fmt: skip
    for pattern, ends in ((BETWEEN, ("1", "2")), (AMOUNT, ("",))):
        for m in pattern.finditer(text):
            name = NAME_BEFORE.search(text, max(0, m.start() - 40), m.start())
            named = name and name[1].lower() not in SENTENCE_WORDS and not m["pre" + ends[0]]
            if not disjoint(taken, *m.span()) or named:
                continue
            scale = next((m[f"scale{t}"] for t in ends if m[f"scale{t}"]), None)
            values = [_figure(m, t, m[f"scale{t}"] or scale) for t in ends]
            sign = next((m[f"pre{t}"] for t in ends if m[f"pre{t}"]), None)
            currency, unit = _currency(sign or m["post"])
            if None in values or (scale in MONEY_SCALES and not (currency or unit)):
                continue
            percent = any(m[f"pct{t}"] for t in ends)
            qualifier = m["qual"] and QUALIFIERS.get(re.sub(r"\s+", " ", m["qual"].lower()))
            value, low, high = (None, *values) if len(values) == 2 else (values[0], None, None)
            qualifier = DKG.Between if len(values) == 2 else qualifier or None
            taken.append(m.span())
            found.append(Amount(*m.span(), m.group(), value, low, high, currency,
                                "percent" if percent else unit, qualifier, percent))  # fmt: skip
    return sorted(found, key=lambda a: a.start)
