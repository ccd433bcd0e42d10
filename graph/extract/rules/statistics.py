"""Find the figures a sentence states about parties: trade, investment, people, rankings.

Each figure (an amount, a ranking, or a ranking with the amount of its clause: "CAD 3.2
billion in 2016 (rank 4 in the EU)") becomes one dkg:Statistic: what it measures (the noun it
counts, its ranking noun, or the nearest measure word before it), its value, qualifier,
currency or unit, the date it holds for, and the parties it is about, with the way a flow goes
where the text says so ("Canadian exports to Belgium": from Canada, to Belgium).
"""

import dataclasses
import re
from dataclasses import dataclass

from rdflib import URIRef

from ...reading.clauses import Boundary, boundaries, clause_end, parted
from ...reading.gazetteer import Entity, gazetteer
from ...reading.mentions import Mention
from ...reading.ranks import Rank, find_ranks
from ...reading.values import Amount, find_amounts, find_dates
from ...vocab import DKG
from . import Reading, Rule
from .agreement_actors import pair_before
from .parse_paths import hedged
from .statistic_facts import Claim, Figure, scope_of, state_statistic
from .statistic_measures import (
    ANAPHORA,
    COUNT_NOUNS,
    COUNTED_PEOPLE,
    KEYWORD_PATTERN,
    RESIDENCE,
    SHARE_AFTER,
    counted_noun,
    counted_noun_at,
    is_share,
    is_year,
    nearest_keyword,
    rank_measure,
)
from .statistic_parties import (
    PREPOSITIONS,
    Party,
    directed,
    holders,
    is_possessor,
    parties,
    ranking_span,
    word_before,
)

# The measure's own noun right after a figure: "US$250m credit line to Kenya".
OWN_KEYWORD = re.compile(rf"\s*(?:{KEYWORD_PATTERN})", re.I)
# A quota is a figure of an agreement: rules/agreements.py states it.
QUOTA = re.compile(r"\bquotas?\b", re.I)
BILATERAL = re.compile(r"\b(?:bilateral(?:ly)?|two-way)\b", re.I)
FROM_PLACE = re.compile(r"\bfrom\s+(?:the\s+)?[A-Z]")
RATE = re.compile(r"\s+(?:a|per|each|every)\s+(?P<per>day|week|month|year)\b")
POPULATION = re.compile(
    r"\bpopulation\s+(?:is|was|stands\s+at|stood\s+at|of|reached)\s+(?:about\s+|some\s+)?$", re.I
)
# "The Brazilian community ... resident in Portugal, numbering 200,000 people": a diaspora.
COMMUNITY = re.compile(r"\b(?:community|communities|diaspora)\b", re.I)
# A community "in" a place lives there: "The Turkish community in Germany numbers ...".
COMMUNITY_IN = re.compile(r"\b(?i:community|communities|diaspora)\s+in\s+(?:the\s+)?[A-Z]")
# People said to be of a people: "described themselves as Indian".
IDENTITY = re.compile(r"\b(?:described|identified|declared|counted)\s+themselves\s+as\s+")
# A figure after "the number of <people>": "the number of people in Sweden ... run to 470,000".
NUMBER_OF = re.compile(rf"\bnumber\s+of\s+(?P<noun>{'|'.join(COUNTED_PEOPLE)})\b", re.I)
SAME_YEAR = re.compile(r"\b(?:the\s+same|that|this)\s+year\b", re.I)
SCALE = re.compile(r"(?i:thousand|million|billion|trillion|bn)\b")
# "the stock ... ranking 11th among Canadian direct investment destinations in the EU".
_NAME = r"[A-Z](?:[\w-]|\.(?=\w))*"
SCOPE_TAIL = re.compile(rf"\s+(?:in|within)\s+(?:the\s+)?(?:{_NAME}(?:\s+{_NAME})*|world\b)")
# Dates that do not say when a figure holds: "since 2012", "by 1906", "before 1759".
NOT_PERIOD = {"since", "by", "before", "after", "until", "till", "from", "between", "circa"}
PERIOD_PRECISIONS = {DKG.PrecisionDay, DKG.PrecisionMonth, DKG.PrecisionYear}
COUNT_MEASURES = {m for m, _ in COUNT_NOUNS.values()}


def conjunctions(reading: Reading, i: int) -> tuple[frozenset[int], frozenset[tuple[int, int]]]:
    """Return the offsets in sentence i of the "and"s and "or"s the parse puts between two
    nouns, and the spans of those that join two clauses, each with its own subject ("70% of
    its trade is with the EU, and 3% of its exports go to Angola")."""
    s = reading.sentences[i]
    nouns: set[int] = set()
    clauses: set[tuple[int, int]] = set()
    if reading.parsed is None:  # no parse, no conjunctions read from it
        return frozenset(nouns), frozenset(clauses)
    for t in reading.parsed.char_span(s.start, s.end, alignment_mode="expand") or ():
        if t.dep_ != "cc":
            continue
        conj = [c for c in t.head.children if c.dep_ == "conj" and c.i > t.i]
        if t.head.pos_ in ("NOUN", "PROPN") and any(c.pos_ in ("NOUN", "PROPN") for c in conj):
            nouns.add(t.idx - s.start)
        elif t.head.pos_ in ("VERB", "AUX") and any(
            c.pos_ in ("VERB", "AUX") and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            for c in conj
        ):
            clauses.add((t.idx - s.start, t.idx + len(t.text) - s.start))
    return frozenset(nouns), frozenset(clauses)


def _classify(
    text: str, amount: Amount, demonyms: dict[int, bool], joins: frozenset[int]
) -> Figure | None:
    """Say what kind of figure an amount is, or None when it is no statistic.

    A count of people is a diaspora where its clause says they live (or moved) somewhere and
    whence they come (a demonym, "from X"); a count of fewer than a hundred written in words
    ("four Koreans") describes, it is no figure.
    """
    if amount.percent:
        return (
            Figure(amount, None, "share", DKG.Share, "percent") if is_share(text, amount) else None
        )
    if amount.currency or amount.unit:
        return Figure(amount, None, "money", unit=amount.unit)
    noun, noun_end = counted_noun_at(text, amount, demonyms)
    if noun == "other":
        return None  # "three regions", "the last 10 years"
    if noun is None:
        number = NUMBER_OF.search(text, 0, amount.start)
        if number and not amount.percent:  # "the number of people in Sweden ... 470,000"
            return Figure(amount, None, "count", DKG.Count, "person")
        return Figure(amount, None, "bare")
    own = text[amount.end : clause_end(text, amount.end, Boundary.FIGURE_END, len(text), joins)]
    if noun[0] == DKG.Diaspora and not RESIDENCE.search(own):
        noun = (DKG.Count, "person")  # "5,000 young Belgians visited Chile": no diaspora
    elif noun == (DKG.Count, "person"):
        whence = FROM_PLACE.search(own) or any(at < amount.start for at in demonyms)
        moved = (
            RESIDENCE.search(own)
            or COMMUNITY_IN.search(text, 0, amount.start)
            or (COMMUNITY.search(text, 0, amount.start) and RESIDENCE.search(text, 0, amount.start))
        )
        if whence and moved:  # "300,000 people moved from Indonesia to the Netherlands"
            noun = (DKG.Diaspora, "person")
    # "four Koreans", "three workers": a description, no figure; a range goes by its top
    top = amount.value if amount.value is not None else amount.max_value
    if amount.text.split()[-1].isalpha() and top is not None and top < 100:
        return None
    if noun == (DKG.Count, "person") and POPULATION.search(text[: amount.start]):
        noun = (DKG.Population, "person")  # "Chile's population is 19 million people"
    rate = RATE.match(text, noun_end)
    if rate and noun[0] in (DKG.Count, DKG.Diaspora):  # "500 Chileans a year"
        noun = (noun[0], f"{noun[1]} per {rate['per']}")
    return Figure(amount, None, "count", *noun, noun_end=noun_end)


def _ranks(text: str) -> list[Rank]:
    """Find the rankings, with an "among ..." scope taken on to its place: "... in the EU"."""
    found = []
    for rank in find_ranks(text):
        scope = rank.scope or ""
        tail = SCOPE_TAIL.match(text, rank.end) if scope.startswith("among") else None
        if tail:
            end = tail.end()
            rank = dataclasses.replace(rank, end=end, text=text[rank.start : end],
                                       scope=scope + tail.group())  # fmt: skip
        found.append(rank)
    return found


def _with_ranks(text: str, figures: list[Figure], ranks: list[Rank]) -> list[Figure]:
    """Join each ranking to the amount of its clause; a ranking alone is a figure of its own."""
    for rank in ranks:
        free = [f for f in figures if f.rank is None and f.kind != "share"]
        for f in sorted(free, key=lambda f: abs(f.start - rank.start)):
            gap = text[min(f.end, rank.end) : max(f.start, rank.start)]
            # A new clause or subject parts a ranking from an amount: "... and Chile ranked 9th".
            if not parted(gap, Boundary.NEW_SUBJECT):
                f.rank = rank
                break
        else:
            figures.append(Figure(None, rank, "rank"))
    return sorted(figures, key=lambda f: f.start)


def _measure(text: str, fig: Figure, lo: int, hi: int) -> URIRef | None:
    """Return what a figure measures, or None: its noun, ranking, or nearest measure word."""
    if fig.kind in ("count", "share"):
        return fig.measure
    ranked = rank_measure(fig.rank)[0] if fig.rank else None
    if ranked is not None and (ranked != DKG.Rank or fig.amount is None):
        return ranked  # "the 14th export destination ... with CAD 930 million"
    amount = fig.amount
    at = amount.start if amount else fig.end
    near = nearest_keyword(text, lo, at, before=True) or nearest_keyword(text, at, hi, False)
    # "employment reached 150,000" is a figure; a bare "fifty" is not (a bare one has an amount)
    if (
        fig.kind == "bare"
        and amount
        and not SCALE.search(amount.text)
        and near not in COUNT_MEASURES
    ):
        return None
    # A ranking that says nothing of what it ranks ("Chile ranks 5th") is a dkg:Rank.
    return near or ranked or (DKG.Rank if fig.amount is None else None)


def _dates(text: str, years: list[Amount], last_year: str | None) -> list[tuple[int, int, str]]:
    """Return the dates of a sentence that may say when a figure holds: (start, end, value).

    last_year is the last year the document gave before: "the same year" is that one.
    """
    found = [
        (d.start, d.end, d.value)
        for d in find_dates(text)
        if d.value and d.end_value is None and d.precision in PERIOD_PRECISIONS
        and d.relation not in NOT_PERIOD
    ]  # fmt: skip
    found += [(a.start, a.end, a.text) for a in years]
    if last_year:
        found += [(m.start(), m.end(), last_year) for m in SAME_YEAR.finditer(text)]
    return sorted(found)


def _last_year(text: str, last_year: str | None) -> str | None:
    """Return the last year a reader knows after this sentence."""
    stated = [(d.start, d.value[:4]) for d in find_dates(text) if d.value]
    stated += [(m.start(), last_year) for m in SAME_YEAR.finditer(text) if last_year]
    return max(stated)[1] if stated else last_year


def _period(dates: list[tuple[int, int, str]], fig: Figure, lo: int, hi: int) -> str | None:
    """Pick the date nearest a figure between its neighbours, else the one opening the sentence."""
    inside = [d for d in dates if lo <= d[0] and d[1] <= hi]
    if inside:
        return min(inside, key=lambda d: max(d[0] - fig.end, fig.start - d[1]))[2]
    return next((d[2] for d in dates if d[0] <= 3), None)  # "In 2015, ..." covers the sentence


def _flow(
    text: str, measure: URIRef, before: tuple[int, int], after: tuple[int, int]
) -> URIRef | None:
    """Return the measure whose direction the parties take: a share's is what it is a share of."""
    if measure != DKG.Share:
        return measure
    lo, hi = after if SHARE_AFTER.match(text, after[0]) else before
    return nearest_keyword(text, lo, hi, before=False)


def _parties(
    sen: "_Sentence",
    fig: Figure,
    windows: tuple[tuple[int, int], tuple[int, int]],
    flow: URIRef | None,
) -> list[Party]:
    """Return a figure's parties: from its own words, else the words after it; its ranking's.

    windows are the figure's words before (and in) it and after it; the words of the
    sentence's other rankings are no subjects of this one.
    """
    text, mentions, ranked = sen.text, sen.mentions, sen.ranks
    before, after = windows
    first_after = fig.kind == "count" or (fig.kind == "share" and SHARE_AFTER.match(text, after[0]))
    found: list[Party] = []
    for lo, hi in (after, before) if first_after else (before, after):
        found = parties(text, mentions, lo, hi, flow)
        if found:
            break
    if fig.measure == DKG.Count:  # "the Netherlands returned 472 objects to Indonesia"
        found += [p for p in parties(text, mentions, *before, flow)
                  if word_before(text, p.start) not in PREPOSITIONS and p not in found]  # fmt: skip
    own = OWN_KEYWORD.match(text, after[0]) if after[0] < after[1] else None
    if not first_after and (nearest_keyword(text, *after, before=False) is None or own):
        # The words after a figure go on with its flow: "exported USD 400 million to Norway",
        # "posted a deficit of USD 2.6 billion with China" (the other side of a balance).
        found += [p for p in parties(text, mentions, *after, flow)
                  if (p.role or (flow == DKG.TradeBalance and word_before(text, p.start) == "with"))
                  and p not in found]  # fmt: skip
    rank = fig.rank
    if rank is None:
        return found
    # The words of another ranking, with its owner, are that ranking's: "France is Morocco's
    # leading supplier and Morocco's third biggest customer".
    spans = [ranking_span(text, mentions, r) for r in ranked]
    others = [(a, b) for (a, b), r in zip(spans, ranked, strict=True) if r != rank]
    found = [p for p in found if not any(a <= p.start < b for a, b in others)]
    # An organisation inside a ranking is its setting: "the sixth-largest EU investor".
    inside = range(rank.start, rank.end)
    found = [p for p in found if p.entity.kind != "organisation" or p.start not in inside]
    side = rank_measure(rank)[1]
    subject = holders(text, mentions, rank, spans)
    found += [dataclasses.replace(p, role=side) for p in parties(text, subject, 0, len(text), flow)]
    # The owner of a ranking is on the other side: "Chile was Germany's 3rd biggest supplier".
    owners = [m for m in mentions if is_possessor(text, m, rank)]
    found = [p for p in found if all(p.start != m.start for m in owners)]
    other = {"from": "to", "to": "from"}.get(side) if side is not None else None
    found += [dataclasses.replace(p, role=other) for p in parties(text, owners, 0, len(text), flow)]
    end = clause_end(text, rank.end, Boundary.FIGURE_END, after[1], sen.joins)
    ranked_own = parties(text, mentions, rank.start, end, flow)
    ranked_own = [p for p in ranked_own if not any(a <= p.start < b for a, b in others)]
    return found + [p for p in ranked_own if p.entity.kind != "organisation"]


@dataclass
class _Sentence:
    """A sentence read for figures: its text, mentions, rankings and dates; what came before."""

    text: str
    mentions: list[Mention]
    ranks: list[Rank]
    dates: list[tuple[int, int, str]]
    earlier: list[Claim]  # the figures of the sentence before, for "the total"
    pair: list[Entity]  # the two states "bilateral" means here
    joins: frozenset[int]  # where an "and" joins two nouns, not two clauses
    clauses: frozenset[tuple[int, int]]  # the "and"s that join two clauses


def _unplaced(found: list[Party]) -> list[Party]:
    """Return parties named in another sentence, with no place in this one."""
    return [dataclasses.replace(p, start=-1, end=-1) for p in found]


def _claim(sen: _Sentence, fig: Figure, lo: int, hi: int, claims: list[Claim]) -> Claim | None:
    """Read what the text says of a figure between its neighbours (lo, hi); None if no statistic."""
    text = sen.text
    cut = [m.end() for m in boundaries(text, Boundary.BREAK, lo, fig.start)]
    cut += [b for a, b in sen.clauses if lo <= b <= fig.start]
    # A count's clause goes on after its noun: "100 sister-city and sister-state relationships".
    own_end = clause_end(text, max(fig.end, fig.noun_end or 0), Boundary.FIGURE_END, hi, sen.joins)
    before, after = (max([lo, *cut]), fig.end), (fig.end, own_end)
    measure = _measure(text, fig, before[0], hi)
    period = _period(sen.dates, fig, before[0], hi)
    found: list[Party] = []
    if measure is None and sen.earlier and ANAPHORA.search(text, before[0], fig.start):
        last = sen.earlier[-1]  # "Luxembourg included, the total was $8.4 billion"
        measure, period, found = last.measure, period or last.period, _unplaced(last.parties)
    if measure is None:
        return None
    flow = _flow(text, measure, before, after)
    found += _parties(sen, fig, (before, after), flow)
    if not found and claims:
        found = list(claims[-1].parties)  # "(46.9 billion euros), which account for 126,000 jobs"
    if BILATERAL.search(text, max([0, *cut]), fig.end):
        found += [Party(e, -1, -1, None) for e in sen.pair]
    identity = IDENTITY.search(text, fig.end)
    if not found and identity:  # "1,286,930 people, ..., described themselves as Indian"
        found = parties(text, sen.mentions, identity.end(), identity.end() + 40, flow)[:1]
    found = directed(text, found, measure, flow, before)
    if not found:
        return None
    share_of = flow if measure == DKG.Share else None
    scope = scope_of(text, fig.rank, sen.mentions)
    # The figure's clause, as far as an "and" that opens another clause with its own subject.
    end = min([len(text), *(a for a, _ in sen.clauses if a >= fig.end)])
    return Claim(measure, period, found, scope, share_of, max([0, *cut]), end)


def rule_statistics(reading: Reading, i: int) -> None:
    """State every figure of sentence i that is about a party it names."""
    s = reading.sentences[i]
    text = s.text
    memory = reading.memory
    last_year = memory.figure_year
    memory.figure_year = _last_year(text, last_year)
    if QUOTA.search(text):
        return
    amounts = find_amounts(text)
    # A currency sign is no mention of its state: "US$ 3bn" names no United States.
    mentions = [dataclasses.replace(m, start=m.start - s.start, end=m.end - s.start)
                for m in reading.mentions[i]
                if not any(a.start <= m.start - s.start < a.end for a in amounts)]  # fmt: skip
    adjectives = gazetteer().demonym_adjectives
    demonyms = {m.start: m.text in adjectives for m in mentions if m.via == "demonym"}
    # A bare year is a date ("the 1961 census"), unless it counts people ("2000 Belgians live").
    years = [
        a for a in amounts if is_year(a) and not isinstance(counted_noun(text, a, demonyms), tuple)
    ]
    joins, clauses = conjunctions(reading, i)
    figures = [f for a in amounts if a not in years if (f := _classify(text, a, demonyms, joins))]
    ranks = _ranks(text)
    figures = _with_ranks(text, figures, ranks)
    bilateral = BILATERAL.search(text)
    pair = list(pair_before(reading, i, s.start)) if bilateral else []
    sen = _Sentence(text, mentions, ranks, _dates(text, years, last_year),
                    memory.figure_claims.get(i - 1, []), pair, joins, clauses)  # fmt: skip
    claims: list[Claim] = []
    for k, fig in enumerate(figures):
        lo = figures[k - 1].end if k else 0
        hi = figures[k + 1].start if k + 1 < len(figures) else len(text)
        if fig.amount is not None and hedged(reading, s.start + fig.start, s.start + fig.end):
            continue  # "India will lend Kenya US$ 250m": not (yet) a figure of anything
        claim = _claim(sen, fig, lo, hi, claims)
        if claim is None and fig.amount is not None and fig.rank is not None:
            fig = Figure(None, fig.rank, "rank")  # the amount is no statistic; its ranking is
            claim = _claim(sen, fig, lo, hi, claims)
        if claim is not None:
            state_statistic(reading, s, fig, claim)
            claims.append(claim)
    memory.figure_claims[i] = claims


RULES: list[Rule] = [rule_statistics]
