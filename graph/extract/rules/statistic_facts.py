"""State a figure as a dkg:Statistic: its value, unit, period, rank, parties and label."""

from dataclasses import dataclass
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from ...reading.mentions import Mention
from ...reading.ranks import Rank
from ...reading.sentences import Sentence
from ...reading.values import Amount
from ...vocab import DKG
from .. import identity
from ..document import date_literal
from . import Pair, Reading
from .discourse import clause
from .statistic_measures import BARE_UNITS, LABELS, RANK_NOUN
from .statistic_parties import Party

RULE = "statistics.figure"


@dataclass
class Figure:
    """One figure of a sentence: an amount, a ranking, or both; offsets into the sentence."""

    amount: Amount | None
    rank: Rank | None
    kind: str  # "count", "share", "money", "bare" (a number alone) or "rank"
    measure: URIRef | None = None
    unit: str | None = None
    noun_end: int | None = None  # where the words of a count's noun end

    @property
    def start(self) -> int:
        return min(x.start for x in (self.amount, self.rank) if x)

    @property
    def end(self) -> int:
        return max(x.end for x in (self.amount, self.rank) if x)


@dataclass
class Claim:
    """What the text says of a figure besides its number: measure, period, parties, scope."""

    measure: URIRef
    period: str | None
    parties: list[Party]
    scope: str | None = None  # within what its ranking holds
    of: URIRef | None = None  # what a share is a share of ("exports")
    start: int = 0  # where, in its sentence, the clause of the figure begins
    end: int | None = None  # and where it ends, if before the sentence's end


def scope_of(text: str, rank: Rank | None, mentions: list[Mention]) -> str | None:
    """Return within what a ranking holds; "the sixth-largest EU investor in Canada" ranks
    among EU investors in Canada."""
    if rank is None:
        return None
    noun = RANK_NOUN.search(rank.text)
    if noun:
        head = range(rank.start, rank.start + noun.start())
        for m in mentions:
            if m.entity.kind == "organisation" and m.start in head:
                if rank.scope and m.text in rank.scope:
                    return rank.scope  # "ranks second among EU investors in Morocco"
                among = f"among {m.text} {noun['noun'].lower()}s"
                return f"{among} {rank.scope}" if rank.scope else among
    return rank.scope


def _literal(value: Decimal | str | None) -> Literal | None:
    """Type a value as RDF: a Decimal as xsd:decimal, a string as a plain literal."""
    return None if value is None else Literal(value)


def _names(parties: list[Party]) -> str:
    names = [p.entity.label for p in parties]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def label(claim: Claim, rank: int | None) -> str:
    """Describe a statistic in a few English words: "Exports from Canada to Belgium in 2016"."""
    words = [LABELS[claim.measure]]
    if claim.of is not None:
        words.append(f"of {LABELS[claim.of].lower()}")
    froms = [p for p in claim.parties if p.role == "from"]
    tos = [p for p in claim.parties if p.role == "to"]
    others = [p for p in claim.parties if p.role is None]
    if froms:
        words.append(f"from {_names(froms)}")
    if tos:
        words.append(f"to {_names(tos)}")
    if others:
        joined = "between" if claim.measure == DKG.Trade and len(others) > 1 else "of"
        words.append(f"{'also ' if froms or tos else ''}{joined} {_names(others)}")
    if claim.period:
        words.append(f"in {claim.period}")
    text = " ".join(words)
    if rank:
        text += f", rank {rank}" + (f" {claim.scope}" if claim.scope else "")
    return text


def state_statistic(reading: Reading, sentence: Sentence, fig: Figure, claim: Claim) -> None:
    """Assert a figure as a dkg:Statistic, stated by the clause that gives it."""
    amount, rank = fig.amount, fig.rank
    first = amount or rank  # where its amount starts, else its ranking
    if first is None:
        raise ValueError("a figure has an amount, a ranking or both")
    at = sentence.start + first.start
    node = identity.statistic(reading.doc.doc_id, at, claim.measure)
    pairs: list[Pair] = [(DKG.measure, claim.measure)]
    if amount is not None:
        pairs += [
            (DKG.value, _literal(amount.value)),
            (DKG.minValue, _literal(amount.min_value)),
            (DKG.maxValue, _literal(amount.max_value)),
            (DKG.qualifier, amount.qualifier),
            (DKG.currency, _literal(amount.currency)),
        ]
    # A count with no noun after it ("a population of 19 million") counts what its measure does.
    unit = fig.unit or (BARE_UNITS.get(claim.measure) if fig.kind == "bare" else None)
    pairs.append((DKG.unit, _literal(unit)))
    if claim.period:
        pairs.append((DKG.period, date_literal(claim.period)))
    if rank is not None:
        pairs.append((DKG.rank, Literal(rank.rank, datatype=XSD.positiveInteger)))
        pairs.append((DKG.rankScope, _literal(claim.scope)))
    for p in claim.parties:
        iri = reading.facts.use(p.entity)
        pairs.append((DKG.about, iri))
        if p.role == "from":
            pairs.append((DKG.fromParty, iri))
        elif p.role == "to":
            pairs.append((DKG.toParty, iri))
    name = label(claim, rank.rank if rank else None)
    # The clause that gives the figure, stretched to the parties it names elsewhere.
    lo, hi = clause(reading, reading.sentences.index(sentence), at)
    lo = max(lo, sentence.start + claim.start)
    hi = hi if claim.end is None else min(hi, sentence.start + claim.end)
    named = [(sentence.start + p.start, sentence.start + p.end) for p in claim.parties
             if p.start >= 0]  # fmt: skip
    span = (min([lo, *(a for a, _ in named)]), max([hi, *(b for _, b in named)]))
    reading.facts.state(node, pairs, span, RULE, DKG.Statistic, name)
