"""Dates in other forms, spans of days, and dates said against another date, resolved."""

import pytest
from rdflib.namespace import XSD

from diplokg.graph.extract.rules import Reading
from diplokg.graph.extract.rules.when import entry_date, stated_dates
from diplokg.graph.ingest.corpus import Document
from diplokg.graph.reading.sentences import sentences
from diplokg.graph.reading.values import find_dates, resolve_date
from diplokg.graph.vocab import DKG

DAY, MONTH, YEAR = DKG.PrecisionDay, DKG.PrecisionMonth, DKG.PrecisionYear

# (sentence, [(matched text, {field: expected value})]); fields not named are not checked.
FORMS = [
    ("1921 Mar. 14 \u2013 The Riga treaty is signed.",
     [("1921 Mar. 14", dict(value="1921-03-14", datatype=XSD.date, precision=DAY))]),
    ("Signed: Lima, 14-09-1936", [("14-09-1936", dict(value="1936-09-14"))]),
    ("Signed: 3-XI-1954", [("3-XI-1954", dict(value="1954-11-03"))]),
    # Which figure is the month is not plain: only the year is sure.
    ("Signed on 04.07.1911 in Bern.", [("04.07.1911", dict(value="1911", precision=YEAR))]),
    ("The fair ran from 3 to 9 June 2019 in Oslo.",
     [("from 3 to 9 June 2019",
       dict(value="2019-06-03", end_value="2019-06-09", relation="from"))]),
    ("The siege lasted from 12 March to 4 October 1809.",
     [("from 12 March to 4 October 1809", dict(value="1809-03-12", end_value="1809-10-04"))]),
    ("The envoy stays in Quito from March 8 to 11.",
     [("from March 8 to 11", dict(value=None, month=3, day=8, end_value="--03-11"))]),
    ("Greece recognised Albania in the spring of 1922.",
     [("spring of 1922", dict(value="1922", precision=YEAR, relation="in"))]),
    ("It took effect on 9 May of the same year.",
     [("9 May of the same year", dict(value=None, relative="year", shift=0, month=5, day=9))]),
    ("By April of that year the talks had ended.",
     [("April of that year", dict(relative="year", month=4, precision=MONTH))]),
    ("Ties were restored the following year.",
     [("the following year", dict(relative="year", shift=1, precision=YEAR))]),
    ("It opened two years later, in a new building.",
     [("two years later", dict(relative="year", shift=2))]),
    ("From the next day, trains stop at Dover.",
     [("the next day", dict(relative="day", shift=1, relation="from"))]),
    ("The pact is signed; it takes effect on the 14th.",
     [("14th", dict(relative="day-of-month", day=14, relation="on"))]),
    ("Voters approved it on Sunday, and the king signed it last March, three years ago.",
     [("Sunday", dict(relative="weekday", day=6)),
      ("last March", dict(relative="last", month=3)),
      ("three years ago", dict(relative="doc-year", shift=-3))]),
    # A year that opens a timeline entry, before its dash or colon.
    ("1948 \u2013 Burma leaves the Commonwealth.",
     [("1948", dict(value="1948", precision=YEAR, relation=None))]),
    ("- 1955: the two ports are linked by rail.", [("1955", dict(value="1955"))]),
    # Near misses: ordinals that are no days, a day after which a clause follows; a year
    # inside a line before a dash, a figure opening a line.
    ("Burma 1948 \u2013 a study.", []),
    ("1948 soldiers crossed the border.", []),
    ("It marked the 40th anniversary of the 12th summit.", []),
    ("He resigned the day after he was elected.", []),
    ("Call 22-33-44 for the consulate.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), FORMS, ids=[t[:40] for t, _ in FORMS])
def test_date_forms(text, expected):
    """Dates in other forms are found as precise as the text gives them."""
    found = find_dates(text)
    assert [m.text for m in found] == [t for t, _ in expected], found
    for match, (_, fields) in zip(found, expected, strict=True):
        assert {k: getattr(match, k) for k in fields} == fields, match


# (date text in a sentence, last date stated, document date, expected value, expected end)
RESOLVED = [
    ("It takes effect on the 14th.", "1921-03-02", None, "1921-03-14", None),
    ("on 9 May of the same year", "1948-01-30", None, "1948-05-09", None),
    ("Ties were restored the following year.", "1962-08", None, "1963", None),
    ("From the next day, trains stop.", "2011-12-31", None, "2012-01-01", None),
    ("The talks failed in July.", "1975", None, "1975-07", None),
    # A dated document reads a month of no year as the nearest one.
    ("The talks failed in July.", "1975", "1990-11-20", "1990-07", None),
    ("The fair opens on 2 February.", None, "2014-12-28", "2015-02-02", None),
    ("He stays from December 30 to January 3.", None, "2019-12-01", "2019-12-30", "2020-01-03"),
    ("Voters approved it on Sunday.", None, "2001-06-14", "2001-06-10", None),
    ("He took office last March.", None, "2001-06-14", "2001-03", None),
    ("He took office last August.", None, "2001-06-14", "2000-08", None),
    ("It ended three years ago.", None, "2001-06-14", "1998", None),
    ("They signed it today.", None, "2001-06-14", "2001-06-14", None),
    # Nothing to read it against: no value is invented.
    ("It takes effect on the 14th.", "1921", None, None, None),
    ("The talks failed in July.", None, None, None, None),
    ("Voters approved it on Sunday.", "1999-01-01", None, None, None),
    ("the same day", "1965", None, None, None),
]


@pytest.mark.parametrize(("text", "last", "today", "value", "end"), RESOLVED)
def test_resolve_date(text, last, today, value, end):
    """A date said against another takes its value from it, at the precision it allows."""
    (match,) = find_dates(text)
    got = resolve_date(match, last, today)
    assert (got.value, got.end_value) == (value, end)
    if value:
        assert got.datatype == {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}[len(value)]


def _reading(text: str, date: str | None = None) -> Reading:
    doc = Document("t", None, text, "0", "t", "test", "en", date=date)
    found = sentences(text)
    return Reading(doc, found, [[] for _ in found], None, None)


def test_dates_are_read_against_the_last_date_stated():
    """Each relative date is read against the date stated last before it, in reading order."""
    text = (
        "Peru recognised Bolivia on 3 May 1826. Chile followed the next day. "
        "Talks resumed in 1840, and a treaty came the following year. "
        "It was ratified on 2 June of the same year, and took effect on the 20th."
    )
    got = [(x.text, x.value) for found in stated_dates(_reading(text)) for x in found]
    assert got == [
        ("3 May 1826", "1826-05-03"),
        ("the next day", "1826-05-04"),
        ("1840", "1840"),
        ("the following year", "1841"),
        ("2 June of the same year", "1841-06-02"),
        ("20th", "1841-06-20"),
    ]


def test_a_relative_date_glossed_by_its_date_is_left_out():
    """ "a year later, on 9 May 2001" states one date, not two."""
    text = "It was signed on 9 May 2000. It came into force a year later, on 9 May 2001."
    got = [(x.text, x.value) for found in stated_dates(_reading(text)) for x in found]
    assert got == [("9 May 2000", "2000-05-09"), ("9 May 2001", "2001-05-09")]


def test_a_date_opening_an_entry_dates_its_sentences():
    """A line "DATE \u2013 ..." dates every sentence of the line; other lines have none."""
    text = (
        "Chronology\n\n"
        "4 March 1990 \u2013 The two states sign a pact. It is ratified later.\n\n"
        "- 12 May: the minister travels to Rome.\n"
        "In 1995 the pact lapsed.\n"
    )
    reading = _reading(text, "1990-05-01")
    got = [(s.text, e and e.value) for s, e in zip(reading.sentences, map(
        lambda i: entry_date(reading, i), range(len(reading.sentences))), strict=True)]  # fmt: skip
    assert got == [
        ("Chronology", None),
        ("4 March 1990 \u2013 The two states sign a pact.", "1990-03-04"),
        ("It is ratified later.", "1990-03-04"),
        ("12 May: the minister travels to Rome.", "1990-05-12"),
        ("In 1995 the pact lapsed.", None),
    ]


def test_a_date_alone_on_its_line_dates_the_paragraph_after_it():
    """A heading "1998" dates the sentences of the paragraph under it, and no other."""
    text = (
        "## 1998\n\n"
        "The two states open a border post. Trade grows.\n\n"
        "Some notes on the trade.\n\n"
        "March 2004:\n"
        "A pact is signed.\n"
    )
    reading = _reading(text)
    got = [(s.text, e and e.value) for s, e in zip(reading.sentences, map(
        lambda i: entry_date(reading, i), range(len(reading.sentences))), strict=True)]  # fmt: skip
    assert got == [
        ("## 1998", None),
        ("The two states open a border post.", "1998"),
        ("Trade grows.", "1998"),
        ("Some notes on the trade.", None),
        ("March 2004:", None),
        ("A pact is signed.", "2004-03"),
    ]


def test_one_date_alone_on_its_line_is_the_page_date_not_a_heading():
    """A single date line ("July 2016" at a page's foot) heads nothing."""
    reading = _reading(
        "Chile and Peru work together.\n\nJuly 2016\n\nA print version is available.\n"
    )
    assert [entry_date(reading, i) for i in range(len(reading.sentences))] == [None, None, None]
