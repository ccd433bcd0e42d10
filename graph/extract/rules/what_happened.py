"""Read what happened: a clause whose verb reports something at a stated date is an event.

"Germany invaded Norway on 9 April 1940", "In August 2019 Nigeria closed its land borders",
"the Truro, which docked at Durban on 16 November 1860": an event of the kind its verb says
where the lexicon knows it (else dkg:Event), labelled with the clause's own words, with its
participants (subject, agent, object, "with X", "against X", "to X"), its place ("in/at X")
and its date. A clause another rule has already read (a visit, a mission, an agreement, a
figure) is left to that rule: this module is named to run after all the others.
"""

import bisect
import re

from rdflib import Literal, URIRef
from spacy.tokens import Token

from ...reading.gazetteer import Entity
from ...reading.lexicon import (
    AGREEMENT_NOUN,
    AGREEMENT_OBJECT_VERBS,
    AGREEMENT_VERBS,
    EVENT_VERBS,
    LATER_WORDS,
    MISSION_NOUNS,
    MISSION_VERBS,
    RELATIVE_PRONOUNS,
    REPORTING_VERBS,
)
from ...reading.values import DateMatch
from ...vocab import DKG
from . import Pair, Reading, Rule
from . import discourse as d
from . import event_labels as lb
from . import parse_paths as paths
from . import participants as pa
from . import predicates as pr
from .people import state_person
from .person_mentions import Named
from .when import end_literal, entry_date

YEAR = re.compile(r"\d{4}")
# The things whose facts a clause may state beside the event it reports: the people, posts
# and organisations it names and the agreement it acts on ("suspended its 2002 treaty"); the
# verbs that make an agreement are left out before (makes_agreement). An agreement dated by
# the clause's own date was made by it ("agreed on a treaty in 1990"): that clause is read.
NOT_EVENTS = ("person", "role", "organisation", "agreement")

# A decade or a century is no date of one event: "dates back to the 19th century".

PRECISE = frozenset({DKG.PrecisionDay, DKG.PrecisionMonth, DKG.PrecisionYear})
AGREEMENT_NOUN_WORD = re.compile(rf"(?:{AGREEMENT_NOUN}|declarations?|pacts?|protocols?)")
MISSION_WORD = re.compile(MISSION_NOUNS)


def _event_noun(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and pr.names_event(token)


def makes_agreement(verb: Token) -> bool:
    """Say whether a clause makes an agreement or brings one into force (the agreements'
    rules read those): "signed a treaty", "adopted a declaration", "entered into force"."""
    lemma = verb.lemma_.lower()
    if lemma in AGREEMENT_VERBS:
        return True
    words = {c.lower_ for c in verb.subtree if c.head.i == verb.i or c.head.head.i == verb.i}
    if lemma in ("enter", "come") and ("force" in words or "effect" in words):
        return True
    if lemma == "take" and "effect" in words:
        return True
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return lemma in AGREEMENT_OBJECT_VERBS and any(
        AGREEMENT_NOUN_WORD.fullmatch(c.lower_) for c in objects
    )


def opens_a_mission(verb: Token) -> bool:
    """Say whether a clause opens, closes or raises a diplomatic mission (the missions' rules
    read those): "opened embassies in each other's capitals", "the legation was closed"."""
    if verb.lemma_.lower() not in MISSION_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(MISSION_WORD.fullmatch(c.lower_) for c in objects)


def _phrase(token: Token) -> set[int]:
    """Return the token indices of a phrase: a word and its own words below it."""
    return {t.i for t in pr.own_words(token)}


def _dates_of(
    reading: Reading, i: int, p: pr.Parsed, verb: Token, dates: list[DateMatch]
) -> list[DateMatch]:
    """Return the dates the parse attaches to a verb, or to the event it attends or holds
    ("attended the summit in May 2019"); a "when" clause takes its head's."""
    events = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and _event_noun(c)]
    events += [  # "was settled by an arbitral award of 21 October 1994"
        g for c in verb.children if c.dep_ == "agent" for g in c.children if _event_noun(g)
    ]
    own = [x for x in dates if any(pr.same(pr.anchor(p, x.start), t) for t in (verb, *events))]
    if own:
        return own
    when = any(c.lower_ == "when" for c in verb.children)
    if when or (verb.dep_ == "relcl" and verb.head.ent_type_ == "DATE"):  # "..., by which"
        head = verb.head
        return [x for x in dates if x.start <= p.start(head) < x.end] or [
            x for x in dates if pr.same(pr.anchor(p, x.start), head)
        ]
    return []


def _when(
    reading: Reading, i: int, p: pr.Parsed, verb: Token, dates: list[DateMatch]
) -> DateMatch | None:
    """Return the date of a verb's clause: its own, or its timeline entry's, or None."""
    found = [x for x in _dates_of(reading, i, p, verb, dates) if x.relation in d.WHEN | {"from"}]
    if len({x.value for x in found}) == 1:
        habitual = verb.tag_ in ("VBZ", "VBP") or any(
            c.tag_ in ("VBZ", "VBP") for c in verb.children
        )
        if habitual and not YEAR.search(found[0].text) and entry_date(reading, i) is None:
            return None  # "is celebrated on 4 July": every year, not in the year last stated
        return found[0]
    if found:
        return None  # two dates say no one date
    entry = entry_date(reading, i)
    main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
    later = any(c.lower_ in LATER_WORDS for c in verb.children)
    own_dates = any(pr.same(pr.anchor(p, x.start), verb) for x in d.dates(reading, i))
    if entry is not None and main and not later and not own_dates:
        return entry
    return None


def _counts(reading: Reading) -> set[URIRef]:
    """Return the figures that count the people or things a clause acts on ("returned 472
    objects", "resettled 3,000 refugees"): the clause is an event beside its count, where a
    figure of trade or investment is all its clause says."""
    return {
        c.subject
        for c in reading.facts.claims
        if c.predicate == DKG.measure and c.object == DKG.Count
    }


def _dated_already(reading: Reading, when: DateMatch) -> bool:
    """Say whether another rule dated an event by these very words ("the state visit of X to
    Y in May 2011" read as a visit: the clause around it is no other event)."""
    dated = reading.memory.dated_spans
    if dated is None:  # the other rules have read every sentence by now
        dated = {}
        counts = _counts(reading)
        for c in reading.facts.claims:
            if (
                isinstance(c.object, Literal)
                and c.rule != "event-clause"
                and c.subject not in counts
            ):
                dated.setdefault(str(c.object), []).append((c.start, c.end))
        reading.memory.dated_spans = dated
    return when.value is not None and any(a <= when.start < b for a, b in dated.get(when.value, ()))


def _read_already(reading: Reading, i: int, at: int, founding: bool = False) -> bool:
    """Say whether another rule has stated a fact with the words at this offset (a fact about a
    thing the clause names, NOT_EVENTS, leaves the clause unread)."""
    spans = reading.memory.claimed_spans
    if spans is None:  # the other rules have read every sentence by now
        starts = [s.start for s in reading.sentences]
        spans = {}
        counts = _counts(reading)
        for c in reading.facts.claims:
            if any(f"/id/{kind}/" in str(c.subject) for kind in NOT_EVENTS) or c.subject in counts:
                continue
            k = bisect.bisect_right(starts, c.start) - 1
            spans.setdefault(k, []).append((c.start, c.end, c.predicate == DKG.memberOf))
        reading.memory.claimed_spans = spans
    # The founders of an organisation are its first members, and its founding an event:
    # "A and B founded X" states both.
    return any(a <= at < b and not (member and founding) for a, b, member in spans.get(i, ()))


def happenings(reading: Reading, i: int) -> None:
    """Read each dated clause of sentence i that no other rule read as an event."""
    p = pr.parsed(reading, i)
    if p is None:
        return
    dates = [x for x in d.dates(reading, i) if x.value and x.precision in PRECISE]
    entry = entry_date(reading, i)
    if not dates and entry is None:
        return
    for verb in pr.predicates(p):
        copula = verb.lemma_ == "be" and not any(c.dep_ == "auxpass" for c in verb.children)
        if (pr.stative(verb) and not copula) or not pr.happened(verb) or makes_agreement(verb):
            continue
        if opens_a_mission(verb):
            continue

        if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING_VERBS:
            continue  # "Tokyo protests that all claims were settled": what Tokyo says
        when = _when(reading, i, p, verb, dates)
        founding = EVENT_VERBS.get(verb.lemma_.lower()) == DKG.Founding
        if (
            when is None
            or _read_already(reading, i, p.start(verb), founding)
            or _dated_already(reading, when)
        ):
            continue
        if copula and when.precision != DKG.PrecisionDay and when is not entry:
            continue  # "in 2011 the population was ...": a state, not an event
        if founding and not (pr.subjects(verb) or paths.agent(verb)):
            continue  # a founding with no founder the parse can find tells who founded nothing
        people, actors, places = pa.parties(reading, i, p, verb)
        named = when.precision == DKG.PrecisionDay and any(
            t.pos_ == "PROPN" for s in pr.subjects(verb) for t in pr.own_words(s)
        )  # "The Laguna del Desierto boundary was settled ... on 21 October 1994"
        if not (people or actors or places or entry is not None or named):
            continue

        _assert(reading, i, p, verb, when, (people, actors, places), dates)


def _assert(
    reading: Reading,
    i: int,
    p: pr.Parsed,
    verb: Token,
    when: DateMatch,
    parties: tuple[list[tuple[int, Named]], list[Entity], list[Entity]],
    dates: list[DateMatch],
) -> None:
    """Assert the event of a verb's clause, stated by the clause's words."""
    people, actors, places = parties
    words = lb.clause_words(verb)
    subject = pr.subjects(verb)
    if subject and subject[0].lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        words += pr.own_words(verb.head)  # "the Truro, which docked at ...": its antecedent
    words = [t for t in words if t.dep_ not in ("cc", "punct")] or words  # not ", and"
    lo, hi = min(p.start(t) for t in words), max(p.end(t) for t in words)
    if when.start >= reading.sentences[i].start:  # the date in the sentence is part of it
        lo, hi = min(lo, when.start), max(hi, when.end)
    label = lb.label(p, verb, lb.date_words(p, dates))
    cls = EVENT_VERBS.get(verb.lemma_.lower(), DKG.Event)
    if cls == DKG.Meeting and len(actors) + len(people) < 2:
        cls = DKG.Event  # a meeting has two sides: "Japan met its targets" is none
    pairs: list[Pair] = [(DKG.participant, reading.facts.use(e)) for e in actors]
    for _, person in people:
        pairs.append((DKG.participant, state_person(reading, person, "event-clause")))
    pairs += [(DKG.location, reading.facts.use(e)) for e in places]
    if when.end_value:
        pairs += [(DKG.startDate, d.literal(when)), (DKG.endDate, end_literal(when))]
    else:
        pairs.append((DKG.date, d.literal(when)))
    key = f"{label[:80]}-{when.value}"
    d.event(reading, i, cls, key, label, pairs, "event-clause", (lo, hi))


RULES: list[Rule] = [happenings]
