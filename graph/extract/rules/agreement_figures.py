"""Read the figures an agreement sets: "the annual quota has been fixed at 750 participants"
(in a sentence after the agreement), "A second Water Agreement allows Singapore to draw up to
250 million gallons a day" (the agreement allows up to so much). Each is a dkg:Statistic of
measure dkg:Quota with dkg:figureOf the agreement.
"""

import re

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from ...reading.gazetteer import Entity
from ...reading.lexicon import POLITY_KINDS
from ...reading.values import find_amounts
from ...vocab import DKG
from .. import identity
from . import Pair, Reading
from . import discourse as d
from .agreement_groups import BACK
from .parse_paths import hedged, token_at

QUOTA = re.compile(r"\bquotas?\b", re.I)
UNIT = re.compile(r"\s+(?:(?:young|new|additional)\s+)?(?P<noun>[a-z]+)")
RATE = re.compile(r"\s+(?:a|per|each|every)\s+(?P<per>day|week|month|year)\b")
# Verbs by which an agreement sets a figure for its parties: "allows Singapore to draw".
ALLOW_VERBS = {"allow", "permit", "entitle", "authorise", "authorize"}
# An agreement pointed at: the sentence that names it, its IRI, parties and label.
Pointed = tuple[int, URIRef, tuple[Entity, ...], str]


def last_agreement(reading: Reading, i: int) -> Pointed | None:
    """Return the last agreement named before sentence i (or in it), near enough to point at."""
    near = [
        (j, iri, parties, label)
        for j, iri, parties, label, _ in reading.memory.agreements
        if j <= i and i - j <= BACK and d.paragraph(reading, j) == d.paragraph(reading, i)
    ]
    return max(near, key=lambda x: x[0]) if near else None


def allowing(reading: Reading, i: int) -> tuple[Pointed, int] | None:
    """Return the agreement sentence i says allows something ("A second Water Agreement allows
    Singapore to draw ..."), and where the verb ends, or None."""
    for j, iri, parties, label, head in reading.memory.agreements:
        tok = token_at(reading, head) if j == i else None
        if tok is not None and tok.dep_ == "nsubj" and tok.head.lemma_ in ALLOW_VERBS:
            return (j, iri, parties, label), tok.head.idx + len(tok.head.text)
    return None


def quota(reading: Reading, i: int) -> None:
    """Read "the annual quota has been fixed at 750 participants" as a figure of the agreement,
    and "the agreement allows Singapore to draw up to 250 million gallons a day"."""
    s = reading.sentences[i]
    word = QUOTA.search(s.text)
    last, after = (last_agreement(reading, i), s.start + word.end()) if word else (None, 0)
    if last is None and not word and (allowed := allowing(reading, i)):
        last, after = allowed
    if last is None:
        return
    _, agreement, parties, label = last
    for amount in find_amounts(s.text):
        if s.start + amount.start < after or amount.value is None or amount.currency:
            continue
        if hedged(reading, s.start + amount.start, s.start + amount.end):
            return  # "the quota may be raised to 900"
        noun = UNIT.match(s.text, amount.end)
        unit = noun and singular(noun["noun"])
        rate = noun and RATE.match(s.text, noun.end())
        unit = f"{unit} per {rate['per']}" if rate else unit
        named = {m.entity for m in d.mentions(reading, i, POLITY_KINDS)}
        about = [e for e in parties if e in named] or list(parties)
        start = s.start + amount.start
        iri = identity.statistic(reading.doc.doc_id, start, DKG.Quota)
        pairs: list[Pair] = [
            (DKG.measure, DKG.Quota),
            (DKG.value, Literal(amount.value, datatype=XSD.decimal)),
            (DKG.unit, Literal(unit) if unit else None),
            (DKG.qualifier, amount.qualifier),
            (DKG.figureOf, agreement),
        ]
        pairs += [(DKG.about, reading.facts.use(e)) for e in about]
        what = f"{amount.value} {noun['noun']}" if noun else str(amount.value)
        reading.facts.state(
            iri,
            pairs,
            d.clause(reading, i, s.start + amount.start),
            "agreement-quota",
            cls=DKG.Statistic,
            label=f"Quota of {what} ({label})",
        )
        return


def singular(noun: str) -> str:
    """Return the singular of a counted noun: participants -> participant, people -> person."""
    if noun in ("people", "persons"):
        return "person"
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
