"""Dates, amounts and ranks are found with their offsets, and near misses yield nothing."""

from decimal import Decimal

import pytest
from rdflib.namespace import XSD

from diplokg.graph.reading.numbers import parse_ordinal
from diplokg.graph.reading.ranks import find_ranks
from diplokg.graph.reading.values import find_amounts, find_dates, parse_number_words
from diplokg.graph.vocab import DKG

D = Decimal
DAY, MONTH, YEAR = DKG.PrecisionDay, DKG.PrecisionMonth, DKG.PrecisionYear
DECADE, CENTURY = DKG.PrecisionDecade, DKG.PrecisionCentury

# (sentence, [(matched text, {field: expected value})]); fields not named are not checked.
DATES = [
    ("Norway and Chile signed the accord on March 3, 2011.",
     [("March 3, 2011",
       dict(value="2011-03-03", datatype=XSD.date, precision=DAY, relation="on"))]),
    ("The legation in Lima opened on 7 October 1962.",
     [("7 October 1962", dict(value="1962-10-07", precision=DAY))]),
    ("The reform took effect on 2004-05-01 in Warsaw.",
     [("2004-05-01", dict(value="2004-05-01", datatype=XSD.date))]),
    ("Talks resumed in September 2018 in Oslo.",
     [("September 2018", dict(value="2018-09", datatype=XSD.gYearMonth, relation="in"))]),
    ("Finland joined the union in 1995.",
     [("1995", dict(value="1995", datatype=XSD.gYear, precision=YEAR, relation="in"))]),
    ("The Dutch consulate in Recife has been open since 1948.",
     [("1948", dict(value="1948", relation="since"))]),
    ("A state visit to Santiago (2014) followed.", [("2014", dict(value="2014", relation=None))]),
    ("By 1870 a Danish post existed; before 1850 there was none; after 1990 it grew.",
     [("1870", dict(relation="by")), ("1850", dict(relation="before")),
      ("1990", dict(relation="after"))]),
    ("Exports to Peru grew in 2019 and 2020.",
     [("2019", dict(relation="in")), ("2020", dict(value="2020", relation="in"))]),
    ("Trade with Japan boomed in the 1970s.",
     [("1970s", dict(value="1970", datatype=XSD.gYear, precision=DECADE, relation="in"))]),
    ("Jesuits reached Paraguay in the seventeenth century.",
     [("seventeenth century", dict(value="1601", precision=CENTURY, modifier=None))]),
    ("Portuguese traders came in the early 15th century.",
     [("early 15th century", dict(value="1401", precision=CENTURY, modifier="early"))]),
    ("Settlers came in the late 18th and mid-19th century.",
     [("late 18th", dict(value="1701", modifier="late", relation="in")),
      ("mid-19th century", dict(value="1801", modifier="mid"))]),
    # A span of years gives its first and last year.
    ("The truce of 1814\u201315 ended; Olav Berg (1902-1984) was its envoy.",
     [("1814\u201315", dict(value="1814", end_value="1815")),
      ("1902-1984", dict(value="1902", end_value="1984"))]),
    ("The mission was active from 1991 to 1996.",
     [("1991 to 1996", dict(value="1991", end_value="1996", relation="from"))]),
    # "the 1800s" is a century beginning in 1800, as written.
    ("It was founded in 1851 and lasted until the 1900s.",
     [("1851", dict(relation="in")), ("1900s", dict(value="1900", precision=CENTURY))]),
    # A month or a day with no year: the year is not invented.
    ("The minister travels to Tokyo in July.",
     [("July", dict(value=None, datatype=None, precision=MONTH, month=7, relation="in"))]),
    ("The envoy presented her credentials on 12 June.",
     [("12 June", dict(value=None, precision=DAY, month=6, day=12))]),
    # Near misses.
    ("The agreement was dated 31 April 2003.", []),
    ("The 2000 participants met in Bergen.", []),
    ("Portugal has 10 million inhabitants and 16,000 Cape Verdeans.", []),
    ("Call +47 22 24 36 00 or (613) 996-8885 for the consular section.", []),
    ("Exports rose by 1500 euros.", []),
    ("Some 750 students may apply.", []),
]  # fmt: skip

AMOUNTS = [
    ("Norway's exports to Chile reached NOK 4.5 billion in 2019.",
     [("NOK 4.5 billion", dict(value=D(4500000000), currency="NOK", qualifier=None))]),
    ("Danish investment in Ghana stood at 12.75 billion euros.",
     [("12.75 billion euros", dict(value=D(12750000000), currency="EUR"))]),
    ("Swedish imports fell to EUR 640 million.",
     [("EUR 640 million", dict(value=D(640000000), currency="EUR"))]),
    ("Chile bought \u20ac7 million of Finnish machinery and \u00a33.2bn of British goods.",
     [("\u20ac7 million", dict(value=D(7000000), currency="EUR")),
      ("\u00a33.2bn", dict(value=D(3200000000), currency="GBP"))]),
    ("The fund holds US$ 2 million.", [("US$ 2 million", dict(value=D(2000000), currency="USD"))]),
    # A bare dollar sign does not say which dollar.
    ("Austrian investment was $1.25 billion.",
     [("$1.25 billion", dict(value=D(1250000000), currency=None, unit="dollar"))]),
    ("Aid to Mali reached half a billion euros.",
     [("half a billion euros", dict(value=D(500000000), currency="EUR"))]),
    ("Oslo ran a surplus of just over half a million euros.",
     [("just over half a million euros", dict(value=D(500000), qualifier=DKG.JustOver))]),
    ("Trade is worth roughly 14 billion euros a year.",
     [("roughly 14 billion euros", dict(value=D(14000000000), qualifier=DKG.Approximately))]),
    # "almost N" is below N: LessThan.
    ("Almost 3,000 Chileans live in Norway.",
     [("Almost 3,000", dict(value=D(3000), qualifier=DKG.LessThan))]),
    ("More than 12,500 Norwegians visited Peru and over 40 firms followed.",
     [("More than 12,500", dict(value=D(12500), qualifier=DKG.MoreThan)),
      ("over 40", dict(value=D(40), qualifier=DKG.MoreThan))]),
    ("The programme admits at least 300 students for no more than 90 days.",
     [("at least 300", dict(value=D(300), qualifier=DKG.AtLeast)),
      ("no more than 90", dict(value=D(90), qualifier=DKG.AtMost))]),
    # "a year" is an article and a duration, not a stated figure: nothing.
    ("Young Chileans may stay for no more than a year.", []),
    ("Sales to Oman varied between 3.4 and 4.1 billion euros.",
     [("between 3.4 and 4.1 billion euros",
       dict(value=None, min_value=D(3400000000), max_value=D(4100000000), currency="EUR",
            qualifier=DKG.Between))]),
    ("Its market share fluctuated between 12 and 15% last decade.",
     [("between 12 and 15%", dict(min_value=D(12), max_value=D(15), percent=True))]),
    # A count's unit is left to the caller.
    ("Portugal has 10 million inhabitants.", [("10 million", dict(value=D(10000000), unit=None))]),
    ("Copper accounts for 37% of Chilean exports.",
     [("37%", dict(value=D(37), percent=True, unit="percent"))]),
    ("Norway runs seven honorary consulates and some forty trade offices.",
     [("seven", dict(value=D(7))), ("some forty", dict(value=D(40), qualifier=DKG.Approximately))]),
    ("A dozen diplomats and twenty-five experts came.",
     [("A dozen", dict(value=D(12))), ("twenty-five", dict(value=D(25)))]),
    ("The 2000 participants met in Bergen.", [("2000", dict(value=D(2000)))]),
    ("Route 66 crosses eight states.", [("eight", dict(value=D(8)))]),
    ("Norway lends Ghana NOK 250m; Peru paid US$ 12.5 million.",
     [("NOK 250m", dict(value=D(250000000), currency="NOK")),
      ("US$ 12.5 million", dict(value=D(12500000), currency="USD"))]),
    ("Brazil sent R$ 40 million and Japan \u00a52 billion.",
     [("R$ 40 million", dict(currency="BRL")),
      ("\u00a52 billion", dict(currency=None, unit="yen or yuan", value=D(2000000000)))]),
    ("Two-way trade topped A$60 billion; estimates run as high as 30,000.",
     [("topped A$60 billion", dict(currency="AUD", qualifier=DKG.MoreThan)),
      ("as high as 30,000", dict(value=D(30000), qualifier=DKG.AtMost))]),
    ("Around three in four homes, and one out of five farms, use it.",
     [("Around three in four", dict(value=D(75), percent=True, fraction=True,
                                    qualifier=DKG.Approximately)),
      ("one out of five", dict(value=D(20), percent=True))]),
    # Near misses.
    ("The tower is 250m tall; one in 2,000 is a two-way street.", [("2,000", dict(value=D(2000)))]),
    ("There are several dozen clubs and tens of thousands of members.", []),
    ("The G7 met in Elmau.", []),
    ("Call +47 22 24 36 00 or (613) 996-8885 for the consular section.", []),
    ("Portugal ranked 4th and was rank 9 in the OECD.", []),
    ("Finland joined in 1995 and hosted the talks in June 2016.", []),
    ("Sweden was one of the first states to recognise Latvia; Oslo has one in Riga.", []),
]  # fmt: skip

RANKS = [
    ("Chile is the fourth-largest investor in Peru.",
     [("fourth-largest investor in Peru", dict(rank=4, scope="in Peru"))]),
    ("Norway is the second largest supplier of gas in Europe.",
     [("second largest supplier of gas in Europe", dict(rank=2, scope="in Europe"))]),
    ("Japan is the ninth foreign investor in the world, with 300 firms.",
     [("ninth foreign investor in the world", dict(rank=9, scope="in the world"))]),
    ("Sweden was the 21st export destination of Finnish timber.",
     [("21st export destination", dict(rank=21, scope=None))]),
    ("In 2018 Denmark ranked at the 12th position for services.",
     [("ranked at the 12th position", dict(rank=12))]),
    ("Austria was rank 3 in the EU.", [("rank 3 in the EU", dict(rank=3, scope="in the EU"))]),
    ("Peru is Chile's 7th biggest trading partner.",
     [("7th biggest trading partner", dict(rank=7))]),
    ("Italy is the second most important customer among EU countries.",
     [("second most important customer among EU countries",
       dict(rank=2, scope="among EU countries"))]),
    ("Poland was the twentieth investor.", [("twentieth investor", dict(rank=20))]),
    ("Within the Nordic Council, Iceland is the fifth-largest exporter of fish.",
     [("fifth-largest exporter", dict(rank=5, scope="within the Nordic Council"))]),
    ("Norway is the biggest trading partner of Iceland.",
     [("biggest trading partner", dict(rank=1))]),
    # Near misses.
    ("Sweden was one of the first states to recognise Estonia.", []),
    ("Norway is one of the largest investors in Chile.", []),
    ("After the First World War, a second office opened in Oslo.", []),
    ("A third wave of migrants came; the 12th Lancers fought in the 19th century.", []),
]  # fmt: skip


def _check(found, expected):
    """Compare the matches with the expected (text, fields) pairs, in order."""
    assert [m.text for m in found] == [text for text, _ in expected], found
    for match, (_, fields) in zip(found, expected, strict=True):
        assert {k: getattr(match, k) for k in fields} == fields, match


def _ids(cases):
    return [text[:40] for text, _ in cases]


@pytest.mark.parametrize(("text", "expected"), DATES, ids=_ids(DATES))
def test_dates(text, expected):
    """Dates are found as precise as the text gives them."""
    _check(find_dates(text), expected)


@pytest.mark.parametrize(("text", "expected"), AMOUNTS, ids=_ids(AMOUNTS))
def test_amounts(text, expected):
    """Figures are found with their currency, qualifier and range."""
    _check(find_amounts(text), expected)


@pytest.mark.parametrize(("text", "expected"), RANKS, ids=_ids(RANKS))
def test_ranks(text, expected):
    """Ranks are found with the scope that follows them."""
    _check(find_ranks(text), expected)


@pytest.mark.parametrize("text", [t for t, _ in DATES + AMOUNTS + RANKS])
def test_offsets_point_into_the_sentence(text):
    """Every match is the text at its offsets."""
    for match in find_dates(text) + find_amounts(text) + find_ranks(text):
        assert text[match.start : match.end] == match.text


def test_values_are_exact():
    """Scaled values are exact decimals written without an exponent."""
    (amount,) = find_amounts("Exports reached CAD 3.2 billion.")
    assert str(amount.value) == "3200000000"
    (amount,) = find_amounts("Imports reached 46.9 billion euros.")
    assert str(amount.value) == "46900000000"


@pytest.mark.parametrize(
    ("words", "value"),
    [("fifty", 50), ("twenty-five", 25), ("a dozen", 12), ("two hundred", 200),
     ("half a", D("0.5")), ("several", None)],
)  # fmt: skip
def test_parse_number_words(words, value):
    """Numbers written in words are read, and anything else gives None."""
    assert parse_number_words(words) == value


@pytest.mark.parametrize(
    ("word", "value"), [("19th", 19), ("sixth", 6), ("twelfth", 12), ("twenty-first", 21)]
)
def test_parse_ordinal(word, value):
    """Ordinals in figures and in words are read."""
    assert parse_ordinal(word) == value
