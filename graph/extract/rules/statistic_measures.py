"""Say what a figure measures: by the noun it counts, its ranking noun, or the words around it."""

import re
from typing import Literal

from rdflib import URIRef

from ...reading.ranks import Rank
from ...reading.values import Amount
from ...vocab import DKG

# Measures of things that move from one party to another: their parties get a direction.
FLOWS = {DKG.Exports, DKG.Imports, DKG.Investment, DKG.Subsidiaries, DKG.Diaspora, DKG.Employment,
         DKG.Funding}  # fmt: skip

# The words that name a measure, most specific first: "trade surplus" is a balance, not trade.
KEYWORD_PATTERN = (
    r"\b(?:(?P<TradeBalance>(?:trade\s+)?(?:surplus|deficit)|trade\s+balance|balance\s+of\s+trade)"
    r"|(?P<Exports>export(?:s|ed|ing|ers?)?)|(?P<Imports>import(?:s|ed|ing|ers?)?)"
    r"|(?P<Investment>invest(?:ments?|ed|s|ing|ors?)?)|(?P<Trade>trade[sd]?|trading|commerce)"
    r"|(?P<Population>population|inhabitants)|(?P<Employment>employment|jobs|employees|workers)"
    r"|(?P<Subsidiaries>subsidiaries|affiliates)"
    r"|(?P<Funding>grants?|loans?|lend(?:s|ing)?|lent|(?:lines?\s+of\s+)?credit|aid|assistance"
    r"|contribut(?:es|ed|ing"
    r"|ions?)|donat(?:es|ed|ing|ions?)|pays|paid|payments?|compensation|financ(?:es|ed|ing)))\b"
)
KEYWORD = re.compile(KEYWORD_PATTERN, re.I)
# Nouns a count may count, with the unit of the count.
COUNT_NOUNS = {
    "inhabitants": (DKG.Population, "person"),
    "residents": (DKG.Population, "person"),
    "employees": (DKG.Employment, "person"),
    "workers": (DKG.Employment, "person"),
    "jobs": (DKG.Employment, "job"),
    "subsidiaries": (DKG.Subsidiaries, "company"),
    "affiliates": (DKG.Subsidiaries, "company"),
}
# What a count counts: (measure, unit), "other" for a noun we do not measure, or None.
Counted = tuple[URIRef, str] | Literal["other"] | None
# People a count may count: a dkg:Count of persons (a diaspora where they are said to live).
COUNTED_PEOPLE = {"people", "persons", "volunteers", "children", "students", "soldiers", "troops",
                  "refugees", "migrants", "tourists", "visitors", "participants", "speakers",
                  "pilgrims", "settlers", "labourers", "laborers", "traders", "prisoners",
                  "veterans", "scholars", "delegates"}  # fmt: skip
# Things a count may count between parties ("2,200 partnerships link ..."), and lengths.
COUNTED_THINGS = {
    "partnerships": "partnership",
    "twinnings": "twinning",
    "relationships": "relationship",
    "objects": "object",
    "artefacts": "artefact",
    "artifacts": "artefact",
    "scholarships": "scholarship",
    "projects": "project",
}
LENGTH_UNITS = {"km": "kilometre", "kilometres": "kilometre", "kilometers": "kilometre",
                "miles": "mile"}  # fmt: skip
COPULA_PEOPLE = re.compile(r"\s+(?:were|are)\s+(?P<who>[A-Z])")
# Capitalised plurals of peoples the gazetteer may lack: "12,500 Moluccans".
PEOPLE_NAME = re.compile(r"^[A-Z][a-z]+(?:ians|ans|eses|ites)$")
# Words before a counted noun that modify it: adjectives ("cultural objects"), compounds
# ("sister-city and sister-state relationships").
ADJECTIVE_END = re.compile(r"(?:al|ic|ish|ese|an|ive|ary|ous)$")
# What a count of a measure counts when no noun follows it ("a population of 19 million"); jobs
# and employees are both employment, so a bare count of it says no unit.
BARE_UNITS = {DKG.Population: "person", DKG.Diaspora: "person", DKG.Subsidiaries: "company"}
# People of a state abroad, after a demonym: "25,000 Belgian nationals".
PEOPLE_NOUNS = {"nationals", "citizens", "expatriates", "emigrants", "immigrants", "people"}
# Words after an adjective-like demonym that make it a noun of people: "5,000 Swiss are living".
PEOPLE_AFTER = {"are", "were", "live", "living", "reside", "residing", "who", "or", "and", "of"}
# Words that may stand between a count and its noun: "fifty Belgian subsidiaries".
COUNT_MODIFIERS = {"young", "new", "more", "other", "foreign", "local", "direct", "active",
                   "permanent", "additional", "full-time", "part-time", "registered"}  # fmt: skip
# A count of people is a diaspora only where the text says they live there, or whence they come.
RESIDENCE = re.compile(
    r"\b(?:registered|living|lives?|resid(?:e|es|ing|ent)|settled|based|moved|migrated"
    r"|emigrated|immigrated|relocated|of\s+\w+\s+"
    r"(?:origin|ancestry|descent|heritage|extraction))\b",
    re.I,
)
HOST_DEMONYM = re.compile(
    r"\s+(?:(?:are|were|is|was)\s+)?of\s+[A-Z][\w-]*\s+(?:origin|ancestry|descent|heritage"
    r"|extraction)\b"
)
# A share is a percentage "of" something, or one something "accounts for".
SHARE_BEFORE = re.compile(
    r"(?:account(?:s|ed|ing)?\s+for|represent(?:s|ed|ing)?|makes?\s+up|made\s+up|"
    r"constitut(?:es?|ed|ing))\s+(?:about\s+|some\s+|over\s+|nearly\s+|almost\s+)?$",
    re.I,
)
SHARE_AFTER = re.compile(r"\s*(?:of\b|share\b)", re.I)
# A figure that the text refers back to: "Luxembourg included, the total was $8.4 billion".
ANAPHORA = re.compile(r"\b(?:the|this|that)\s+(?:total|figure|amount|sum)\b", re.I)

# What a ranking noun ranks, and which side of the flow the ranked party is on ("from": it
# sends, "to": it receives, None: both or neither). A supplier sells to the market it is
# ranked in: its figure is exports; a producer's ranking (of production) has no measure of its
# own, so it is a dkg:Rank.
RANK_NOUNS: dict[str, tuple[URIRef | None, str | None]] = {
    "investor": (DKG.Investment, "from"),
    "exporter": (DKG.Exports, "from"),
    "supplier": (DKG.Exports, "from"),
    "provider": (DKG.Exports, "from"),
    "importer": (DKG.Imports, "to"),
    "buyer": (DKG.Imports, "to"),
    "customer": (DKG.Exports, "to"),
    "client": (DKG.Exports, "to"),
    "market": (DKG.Exports, "to"),
    "destination": (DKG.Exports, "to"),
    "recipient": (DKG.Investment, "to"),
    "employer": (DKG.Employment, "from"),
    # A source sends what the words around it name: "the 4th largest source of imports".
    "source": (None, "from"),
    "partner": (DKG.Trade, None),
    "trader": (DKG.Trade, None),
}
RANK_NOUN = re.compile(rf"\b(?P<noun>{'|'.join(RANK_NOUNS)}|producer|position)s?\b", re.I)
LABELS = {
    DKG.Exports: "Exports",
    DKG.Imports: "Imports",
    DKG.Trade: "Trade",
    DKG.TradeBalance: "Trade balance",
    DKG.Investment: "Investment",
    DKG.Population: "Population",
    DKG.Diaspora: "Diaspora",
    DKG.Employment: "Employment",
    DKG.Subsidiaries: "Subsidiaries",
    DKG.Share: "Share",
    DKG.Rank: "Ranking",
    DKG.Count: "Count",
    DKG.Funding: "Funding",
    DKG.Length: "Length",
}
# Words after a figure that say it counts no noun: "reached 150,000 in 2015".
NOT_NOUNS = {"in", "per", "a", "an", "of", "to", "for", "from", "with", "by", "on", "at", "and",
             "or", "annually", "each", "every", "is", "are", "was", "were", "during", "since",
             "which", "that", "according", "as", "than", "last"}  # fmt: skip
WORD = re.compile(r"[\w'\u2019-]+|[^\w\s]")


def nearest_keyword(text: str, lo: int, hi: int, before: bool) -> URIRef | None:
    """Return the measure named nearest the end (before=True) or the start of text[lo:hi]."""
    found = [DKG[m.lastgroup] for m in KEYWORD.finditer(text, lo, hi)]
    if not found:
        return None
    return found[-1] if before else found[0]


def _next_word(text: str, pos: int) -> re.Match[str] | None:
    return WORD.match(text, len(text) - len(text[pos:].lstrip()))


def counted_noun_at(text: str, amount: Amount, demonyms: dict[int, bool]) -> tuple[Counted, int]:
    """Read the noun a count counts and where its words end: ((measure, unit), end), ("other",
    end) for a noun we do not measure, or (None, end).

    demonyms maps the start of each demonym mention to whether it is written as an adjective
    ("Belgian subsidiaries", "Swiss") rather than as a plural of people ("Belgians").
    """
    pos, modified = amount.end, False
    copula = COPULA_PEOPLE.match(text, amount.end)
    if copula and copula.start("who") in demonyms and not demonyms[copula.start("who")]:
        return (DKG.Count, "person"), copula.end()  # "about one million were Ghanaians"
    for _ in range(6):
        m = _next_word(text, pos)
        key = m.group().lower() if m else ""
        if m is not None and key in ("and", "or") and modified:
            pos = m.end()
            continue  # "sister-city and sister-state relationships"
        if m is None or not m.group()[0].isalnum() or key in NOT_NOUNS:
            return None, pos  # "amounted to 38 million.", "reached 150,000 in 2015": no noun
        word, pos = m.group(), m.end()
        if key in COUNT_NOUNS:
            return COUNT_NOUNS[key], pos
        if key in COUNTED_PEOPLE:
            return (DKG.Count, "person"), pos
        if key in COUNTED_THINGS:
            return (DKG.Count, COUNTED_THINGS[key]), pos
        if key in LENGTH_UNITS:
            return (DKG.Length, LENGTH_UNITS[key]), pos
        if m.start() in demonyms:
            nxt = _next_word(text, pos)
            following = nxt.group().lower() if nxt else ""
            if not demonyms[m.start()] or following in PEOPLE_NOUNS | PEOPLE_AFTER:
                return (DKG.Diaspora, "person"), pos
            modified = True
            continue
        if PEOPLE_NAME.match(word):
            return (DKG.Count, "person"), pos
        if key in COUNT_MODIFIERS or word[0].isupper() or "-" in key or ADJECTIVE_END.search(key):
            modified = True
            continue
        return "other", pos  # "three regions", "10 years", "20 universities"
    return "other", pos


def counted_noun(text: str, amount: Amount, demonyms: dict[int, bool]) -> Counted:
    """Read the noun a count counts: (measure, unit), "other" for a noun we do not measure, or None.

    demonyms maps the start of each demonym mention to whether it is written as an adjective
    ("Belgian subsidiaries", "Swiss") rather than as a plural of people ("Belgians").
    """
    return counted_noun_at(text, amount, demonyms)[0]


def is_year(amount: Amount) -> bool:
    """Say whether a bare four-digit number is a year ("the 1961 census"), not a figure."""
    return (
        amount.text.isdigit()
        and len(amount.text) == 4
        and 1000 <= int(amount.text) <= 2100
        and amount.qualifier is None
    )


def is_share(text: str, amount: Amount) -> bool:
    """Say whether a percentage is a share ("23% of ...", "accounting for 23%", "nine in ten")."""
    return amount.fraction or bool(
        SHARE_AFTER.match(text, amount.end) or SHARE_BEFORE.search(text[: amount.start])
    )


def rank_measure(rank: Rank) -> tuple[URIRef | None, str | None]:
    """Return what a ranking ranks (a measure, or None) and the side of the ranked party."""
    noun = RANK_NOUN.search(rank.text)
    word = noun["noun"].lower() if noun else None
    measure, side = RANK_NOUNS.get(word, (None, None)) if word else (None, None)
    # "export destination", "investment destination", "trading partner": the modifier says it.
    head = rank.text[: noun.start() if noun else len(rank.text)]
    measure = nearest_keyword(head, 0, len(head), before=True) or measure
    if word == "producer":
        measure = measure or DKG.Rank
    return measure, side
