"""Read events named by a noun: "the G20 summit in New Delhi in September", "a German air raid
at Dombås on April 21", "the award of King X of 20 November 1902", "the 1977 arbitral award",
"a popular consultation held on 25 November 1984", "X attended the 15th BRICS summit in
August 2023", "At the 11th Leaders' Retreat in Putrajaya, A and B witness ...".

The noun is one the lexicon knows as an event's (NOMINAL_EVENTS); the event is dated by the
date the parse attaches to it (or to the participle or clause that says when it was held), by
the verb that attends, hosts or holds it, or, for "At the X, ..." opening a timeline entry, by
the entry. Its label is the noun's own words ("G20 summit in New Delhi"); its participants are
"of X" and "between X and Y" under the noun, the subject of the verb that attends or holds it,
or of the clause that "At the X" opens; its place is "in/at X" under the noun (or that verb).
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from dataclasses import replace
from typing import TYPE_CHECKING

from ...reading.gazetteer import Entity
from ...reading.lexicon import (
    ATTEND_VERBS,
    ENDED_VERBS,
    HELD_VERBS,
    NOMINAL_EVENTS,
    NOT_DONE,
    PLACE_PREPOSITIONS,
)
from ...reading.values import DateMatch
from ...vocab import DKG
from . import Pair, Reading, Rule
from . import discourse as d
from . import participants as pa
from . import predicates as pr
from .people import state_person
from .when import date_start, end_literal, entry_date

if TYPE_CHECKING:  # spaCy loads with the pipeline (reading/pipeline.py), not with the rules
    from spacy.tokens import Token

    # What an event noun says: (date, end, people, actors, places, the words that state it).
    Said = tuple[
        DateMatch | None, DateMatch | None, pa.People, list[Entity], list[Entity], list[Token]
    ]

LEAVE_OUT = frozenset({"det", "relcl", "acl", "punct", "advmod", "cc"})


def event_noun(token: Token) -> bool:
    """Say whether a word names an event of the lexicon ("popular consultation", not
    "consultations")."""
    kind = NOMINAL_EVENTS.get(token.lower_) or NOMINAL_EVENTS.get(token.lemma_.lower())
    if kind is None or token.pos_ not in ("NOUN", "PROPN"):
        return False
    needs = kind[1]
    return needs is None or any(c.lower_ in needs for c in token.children)


def noun_dates(
    reading: Reading, i: int, p: pr.Parsed, noun: Token
) -> tuple[list[DateMatch], list[DateMatch]]:
    """Return (dates, ends) the parse attaches to an event noun: its own, or those of a
    participle or clause under it that says when it was held (or ended)."""
    dates = [x for x in d.dates(reading, i) if x.value and x.relation in d.WHEN | {"from"}]
    own = [x for x in dates if pr.same(pr.anchor(p, x.start), noun)]
    ends: list[DateMatch] = []
    for c in noun.children:
        if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB":
            lemma = c.lemma_.lower()
            said = [x for x in dates if pr.same(pr.anchor(p, x.start), c)]
            if lemma in ENDED_VERBS:
                ends += said
            elif lemma in HELD_VERBS or (
                lemma == "take" and any(g.lower_ == "place" for g in c.children)
            ):
                own += said
    return own, ends


def _year_before(reading: Reading, i: int, p: pr.Parsed, noun: Token) -> list[DateMatch]:
    """Return the year that qualifies an event noun ("the 1977 arbitral award", "its 2019
    election"), as a date; a year is read so only before a noun of an event."""
    from ...reading.values import find_dates

    for c in noun.children:
        if c.dep_ in ("nummod", "amod", "compound") and c.i < noun.i and c.like_num:
            det = c.i > 0 and c.nbor(-1).dep_ in ("det", "poss")
            found = find_dates(f"in {c.text}")
            if det and len(found) == 1 and found[0].end_value is None and found[0].value:
                x = found[0]
                start = p.start(c)
                return [
                    replace(x, start=start, end=start + len(c.text), text=c.text, relation=None)
                ]
    return []


def _governor(noun: Token) -> Token:
    """Return the verb a noun depends on."""
    token = noun
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _label(p: pr.Parsed, noun: Token, leave_out: Set[int]) -> str:
    """Write the event's name in its own words: "G20 summit in New Delhi"."""
    words = [
        t
        for t in pr.own_words(noun)
        if t.i not in leave_out
        and (t.dep_ not in LEAVE_OUT or (t.dep_ == "det" and t.i > noun.i))
        and not t.is_space
        and not (t.dep_ == "conj" and t.head.i != noun.i)  # a list the parse hung on it
    ]
    words = [t for t in words if not (t.dep_ == "prep" and not list(t.children))][:12]

    text, last = "", None
    for t in words:
        gap = "" if last is None else (last.whitespace_ if t.i == last.i + 1 else " ")
        text += gap + t.text
        last = t
    text = text.strip(" ,")
    return text[:1].upper() + text[1:]


def _date_words(p: pr.Parsed, dates: Iterable[DateMatch]) -> set[int]:
    """Return the token indices of dates and their prepositions."""
    found: set[int] = set()
    for x in dates:
        for t in p.tokens:
            if x.start <= p.start(t) < x.end:
                found.add(t.i)
                if t.dep_ == "pobj" and t.head.dep_ == "prep":
                    found.add(t.head.i)
    return found


def named_events(reading: Reading, i: int) -> None:
    """Read the events that sentence i names by a noun and dates."""
    p = pr.parsed(reading, i)
    if p is None:
        return
    for noun in p.tokens:
        if not event_noun(noun) or any(c.lower_ in NOT_DONE for c in noun.children):
            continue
        verb = _governor(noun)
        if not pr.happened(verb):
            continue
        found = _read(reading, i, p, noun, verb)
        if found is not None:
            _assert(reading, i, p, noun, *found)


def _read(reading: Reading, i: int, p: pr.Parsed, noun: Token, verb: Token) -> Said | None:
    """Return (date, end, people, actors, places, words) of an event noun, or None."""
    agent = noun.dep_ == "pobj" and noun.head.dep_ == "agent"
    if agent and pr.finite(verb):
        return None  # "was settled by an award of <date>": the clause says it (what_happened.py)
    own, ends = noun_dates(reading, i, p, noun)
    own += _year_before(reading, i, p, noun)
    attended = noun.dep_ == "dobj" and verb.lemma_.lower() in ATTEND_VERBS
    opening = noun.dep_ == "pobj" and noun.head.lower_ == "at" and noun.head.head.i == verb.i
    opening = opening and noun.i < verb.i  # "At the summit in X, A and B ..."
    words = [noun]
    people: pa.People = []
    actors: list[Entity] = []
    places: list[Entity] = []
    if attended or opening:
        people, actors, places = pa.parties(reading, i, p, verb)
        words.append(verb)
        if not own:
            own = [
                x for x in d.dates(reading, i) if x.value and pr.same(pr.anchor(p, x.start), verb)
            ]
        entry = entry_date(reading, i) if not own and opening and verb.dep_ == "ROOT" else None
        if entry is not None:
            own = [entry]
    values = {x.value for x in own}
    if len(values) != 1 and not ends:
        return None
    date = own[0] if len(values) == 1 else None
    end = ends[0] if len({x.value for x in ends}) == 1 else None
    heads = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "between")
             for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    for head in heads:
        people += [(i, x) for x in pa.people_at(reading, i, p, head)]
        actors += pa.actors_in(reading, i, p, pa.phrase(head))
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in PLACE_PREPOSITIONS:
            places += pa.places_after(reading, i, p, c)
    if agent and not places:  # "endorsed in Argentina by a popular consultation held on ..."
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in PLACE_PREPOSITIONS:
                places += pa.places_after(reading, i, p, c)
        words.append(verb)

    return date, end, people, list(dict.fromkeys(actors)), list(dict.fromkeys(places)), words


def _assert(
    reading: Reading,
    i: int,
    p: pr.Parsed,
    noun: Token,
    date: DateMatch | None,
    end: DateMatch | None,
    people: pa.People,
    actors: list[Entity],
    places: list[Entity],
    words: list[Token],
) -> None:
    """Assert the event a noun names, stated by its words (and the verb that holds it)."""
    dates = [x for x in (date, end) if x is not None]
    label = _label(p, noun, _date_words(p, dates))
    kind = NOMINAL_EVENTS.get(noun.lower_, NOMINAL_EVENTS.get(noun.lemma_.lower()))
    assert kind is not None, "event_noun() read the noun as an event's"
    cls = kind[0]
    toks = [t for w in words for t in pr.own_words(w) if t.dep_ not in ("cc", "punct")]
    lo, hi = min(p.start(t) for t in toks), max(p.end(t) for t in toks)
    for x in dates:
        if x.start >= reading.sentences[i].start:
            lo, hi = min(lo, date_start(reading, x)), max(hi, x.end)
    pairs: list[Pair] = [(DKG.participant, reading.facts.use(e)) for e in actors]
    pairs += [(DKG.participant, state_person(reading, x, "event-named")) for _, x in people]
    pairs += [(DKG.location, reading.facts.use(e)) for e in places]
    if date is not None and date.end_value:
        pairs += [(DKG.startDate, d.literal(date)), (DKG.endDate, end_literal(date))]
    elif date is not None:
        pairs.append((DKG.date, d.literal(date)))
    if end is not None:
        pairs.append((DKG.endDate, d.literal(end)))
    when = date or end
    assert when is not None, "an event noun is read with a date or an end"
    key = f"{label[:60]}-{when.value}"
    d.event(reading, i, cls, key, label, pairs, "event-named", (lo, hi))


RULES: list[Rule] = [named_events]
