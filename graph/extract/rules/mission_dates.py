"""Read when a mission opened or closed, at the precision the text gives the date."""

import re

from rdflib import Literal, URIRef

from ...reading.clauses import Boundary, boundary_at
from ...reading.values import DateMatch, find_dates
from ...vocab import DKG

# "..., which opened in 2009", "the consulate in Toronto was closed in 2014".
DATED_VERB = re.compile(
    r"\s*\)?\s*,?\s*(?:(?:which|that|and|it)\s+)?(?:(?:is|are|was|were|has\s+been|had\s+been)\s+)?"
    r"(?:(?:first|officially|later|finally|eventually|permanently|only)\s+)?"
    r"(?P<verb>opened|established|inaugurated|set\s+up|closed(?:\s+down)?|shut(?:\s+down)?)\b"
    r"(?:\s+(?:its|their)\s+doors)?"
    r"(?:\s+(?:in|on))?\s*",
    re.I,
)
# A date that opens a clause: "In 2015, ...", "On 3 May 2001, ...".
LEADING = re.compile(r"\s*(?:in|on)\s+(?:the\s+year\s+)?", re.I)
DATE_AFTER = re.compile(r"\s*,?\s*(?:in|on)\s+", re.I)
OPENING_VERBS = {"opened", "opens", "established", "establishes", "set up", "sets up"}
CLOSING_VERBS = {"closed", "closes", "shut down"}


def sentence_dates(text: str) -> dict[int, DateMatch]:
    """Return the dates of a sentence that state a day, month or year, by their start."""
    precise = (DKG.PrecisionDay, DKG.PrecisionMonth, DKG.PrecisionYear)
    found = find_dates(text)
    return {d.start: d for d in found if d.value and d.precision in precise and not d.modifier}


def date_literal(date: DateMatch) -> Literal:
    """Type a date at the precision the text gives it."""
    return Literal(date.value, datatype=date.datatype)


def leading_date(
    text: str, clause: int, lead: int, dates: dict[int, DateMatch]
) -> DateMatch | None:
    """Return the date that opens a clause before a mission: "In 2015, the consulate ..."."""
    found = [d for d in dates.values() if clause <= d.start < lead]
    found = [d for d in found if LEADING.fullmatch(text, clause, d.start)]
    return found[0] if found else None


def open_close(
    text: str, pos: int, dates: dict[int, DateMatch], verb: str | None, leading: DateMatch | None
) -> list[tuple[URIRef, Literal, DateMatch]]:
    """Read when a mission opened or closed from the words after it, or from its verb:
    (property, date literal, the date as found in the sentence)."""
    # "which opened in 2009 and closed in 2014", "the consulate in Bergen was closed in 2014",
    # "Norway opened an embassy in Oslo in 2009", "In 2015, the consulate ... was closed".
    found: list[tuple[URIRef, Literal, DateMatch]] = []
    while m := DATED_VERB.match(text, pos):
        # A leading date goes with a verb that ends the clause: "In 2015, ... was closed."
        alone = boundary_at(text, m.end(), Boundary.CLOSE) and not found
        date = dates.get(m.end()) or (leading if alone else None)
        if date is None:
            break
        closing = m["verb"].lower().startswith(("closed", "shut"))
        found.append((DKG.closed if closing else DKG.opened, date_literal(date), date))
        if date is leading:
            break
        pos = date.end
    verb = verb and " ".join(verb.lower().split())
    if not found and verb in OPENING_VERBS | CLOSING_VERBS:
        after = DATE_AFTER.match(text, pos)
        date = (after and dates.get(after.end())) or leading
        if date is not None:
            prop = DKG.closed if verb in CLOSING_VERBS else DKG.opened
            found.append((prop, date_literal(date), date))
    return found
