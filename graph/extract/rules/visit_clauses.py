"""Read visits from the parse: who went where, and when.

"X visited Y", "X travelled to Y", "X came to visit Y", "X paid (made) a state visit to Y",
"X is on a state visit to Y", "X's state visit to Y in May 2011", "the state visit of X to Y",
"during their state visit to Y, X and Z were ...", "X was received in Y by Z" (X made the
visit; Z was visited), "X paid a state visit in July 2016, travelling to A, B and C". The
visitor is a person where the text names one at the phrase's head, else a state; the date is
the one the parse attaches to the visit or its verb (a span of days gives a start and an end).
visits.py reads the forms this module leaves (a visit in the document's own voice, a list of
missions each with its year).
"""

from collections.abc import Iterable, Sequence

from rdflib import URIRef
from spacy.tokens import Token

from ... import iris
from ...reading.gazetteer import Entity
from ...reading.lexicon import (
    NOT_DONE,
    PAIR_PRONOUNS,
    PERSON_PRONOUNS,
    POSSESSIVE_PRONOUNS,
    RELATIVE_PRONOUNS,
    TRAVEL_OF_PEOPLE,
    TRAVEL_VERBS,
    VISIT_KINDS,
    VISIT_NOUNS,
    VISIT_SUPPORT_VERBS,
)
from ...reading.values import DateMatch
from ...vocab import DKG
from . import Pair, Reading, Rule
from . import discourse as d
from . import participants as pa
from . import predicates as pr
from .people import state_person
from .person_mentions import Named
from .when import date_start, end_literal, entry_date

# A visitor: its IRI, its name and the slug of its name.
Visitor = tuple[URIRef, str, str]
# Visitors who made one visit together: their IRIs, their names and their slugs.
Together = tuple[tuple[URIRef, ...], tuple[str, ...], tuple[str, ...]]
# What a clause says of visits: their class, who made them, to which places, whom they
# visited, their dates and the words that state them.
Visit = tuple[
    URIRef, Sequence[Visitor | Together], list[Entity], list[Visitor], list[DateMatch], list[Token]
]


def _kind(noun: Token) -> URIRef:
    """Return the class of a visit by the words before its noun ("state visit")."""
    words = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
    if words & {"state", "royal"}:
        return DKG.StateVisit
    if words & {"official", "working"}:
        return DKG.OfficialVisit
    return DKG.Visit


def _governor(token: Token) -> Token:
    """Return the verb a word depends on (itself if it is one)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _visitors(reading: Reading, i: int, p: pr.Parsed, heads: Iterable[Token]) -> list[Visitor]:
    """Return who the phrases at these heads name: people, else states (IRI, name, slug)."""
    people: list[tuple[int, Named]] = []
    states: list[Entity] = []
    for head in heads:
        if head.lower_ in PERSON_PRONOUNS | PAIR_PRONOUNS:
            found = pa.pronoun(reading, i, head.lower_)
            if found:
                people += found[0]
                states += found[1]
            continue
        people += [(i, x) for x in pa.people_at(reading, i, p, head)]
        states += [e for e in pa.actors_in(reading, i, p, pa.phrase(head)) if e.kind == "state"]
    if people:
        named = {x.name: (k, x) for k, x in people}
        return [
            (state_person(reading, x, "event-visit-syntax"), x.name, iris.slugify(x.name))
            for _, x in named.values()
        ]
    return [(reading.facts.use(e), e.label, e.slug) for e in dict.fromkeys(states)]


def _subjects(verb: Token) -> list[Token]:
    """Return a verb's subjects; for "which"/"who", the word it stands for."""
    found = pr.subjects(verb)
    if found and found[0].lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return [verb.head]
    return found


def _plural(subjects: list[Token]) -> bool:
    """Say whether subjects are many: coordinated, a plural noun, or "they"/"we"."""
    head = subjects[0]
    return (
        len(subjects) > 1
        or any(c.dep_ == "conj" for c in head.children)
        or head.tag_ in ("NNS", "NNPS")
        or head.lower_ in ("they", "we")
    )


def _places(
    reading: Reading,
    i: int,
    p: pr.Parsed,
    heads: Iterable[Token],
    words: tuple[str, ...] = ("to",),
) -> list[Entity]:
    """Return the places after these prepositions under the given words: "to A, B and C"."""
    found: list[Entity] = []
    for head in heads:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in words:
                found += pa.places_after(reading, i, p, c)
    return list(dict.fromkeys(found))


def _onward(reading: Reading, i: int, p: pr.Parsed, verb: Token) -> list[Entity]:
    """Return the places of "travelling to A and B" (or "taking him to") under a verb."""
    found: list[Entity] = []
    for c in verb.children:
        if c.dep_ in ("advcl", "conj", "xcomp") and c.lemma_.lower() in TRAVEL_VERBS | {"take"}:
            found += _places(reading, i, p, [c])
    return found


def _dates(reading: Reading, i: int, p: pr.Parsed, words: list[Token]) -> list[DateMatch]:
    """Return the one date the parse attaches to these words (a visit or its verb), or to the
    event it was made for: "travelled to Tokyo for the summit on 24 May 2022"."""
    dates = [x for x in d.dates(reading, i) if x.value and x.relation in d.WHEN | {"from"}]
    purposes = [
        g
        for c in words[-1].children
        if c.dep_ == "prep" and c.lower_ == "for"
        for g in c.children
        if pr.names_event(g)
    ]
    for word in [*words, *purposes]:
        own = {x.value: x for x in dates if pr.same(pr.anchor(p, x.start), word)}
        if len(own) == 1:
            return list(own.values())
        if own:
            return []
    main = words[-1].dep_ == "ROOT" or words[-1].head.dep_ == "ROOT"
    entry = entry_date(reading, i)
    return [entry] if entry is not None and main else []


def _from_verb(reading: Reading, i: int, p: pr.Parsed, verb: Token) -> Visit | None:
    """Read "X visited Y", "X came to visit Y", "X travelled to Y"."""
    lemma = verb.lemma_.lower()
    tensed = verb
    if lemma == "visit" and not pr.finite(verb):
        head = verb.head
        if not (pr.infinitival(verb) and head.lemma_.lower() in ("come", "go") and pr.finite(head)):
            return None
        tensed = head  # "came to visit Oslo"
    if not pr.happened(tensed):
        return None
    if lemma == "visit":
        places = [
            e for c in verb.children if c.dep_ == "dobj" for e in pa.places_at(reading, i, p, c)
        ]
    else:
        places = _places(reading, i, p, [verb])
    who = _visitors(reading, i, p, _subjects(tensed))
    if lemma in TRAVEL_OF_PEOPLE and not any("/person/" in str(w[0]) for w in who):
        return None
    return DKG.Visit, who, places, [], _dates(reading, i, p, [verb, tensed]), [verb, tensed]


def _during_visit(prep: Token) -> bool:
    """Say whether a phrase is "during (their) visit ..."."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ in ("during", "on")
        and any(g.dep_ == "pobj" and g.lemma_.lower() in VISIT_NOUNS for g in prep.children)
    )


def _hosts(
    reading: Reading, i: int, p: pr.Parsed, verb: Token
) -> tuple[list[Entity], list[Visitor]]:
    """Return the places where a verb's subject was received, and by whom: "were received by
    X at the palace in Bogor"."""
    if verb.lemma_.lower() != "receive":
        return [], []
    places = _places(reading, i, p, [verb], ("in", "at"))
    places += [
        e
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("in", "at")
        for o in c.children
        for e in _places(reading, i, p, [o], ("in",))  # "at his home in Colombey"
    ]
    hosts = [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    return places, _visitors(reading, i, p, hosts)


def _received(reading: Reading, i: int, p: pr.Parsed, verb: Token) -> Visit | None:
    """Read "X was received in Y by Z" and "Z received X in Y": X's visit to Z in Y."""
    if not pr.finite(verb) or not pr.happened(verb):
        return None
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if any(_during_visit(c) for c in verb.children):
        return None  # "during their visit to X, they were received ...": read with the visit
    if passive:
        guests = _subjects(verb)
        hosts = [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    else:
        guests = [c for c in verb.children if c.dep_ == "dobj"]
        hosts = _subjects(verb)
    places, _ = _hosts(reading, i, p, verb)
    who = _visitors(reading, i, p, guests)
    if not places or not who:
        return None
    visited = _visitors(reading, i, p, hosts)
    return (
        DKG.Visit,
        who,
        list(dict.fromkeys(places)),
        visited,
        _dates(reading, i, p, [verb]),
        [verb],
    )


def _from_noun(reading: Reading, i: int, p: pr.Parsed, noun: Token) -> Visit | None:
    """Read a visit named by its noun: "X paid a state visit to Y", "X's visit to Y in 2011",
    "the state visit of X to Y", "during their visit to Y, X ...", "X is on a visit to Y"."""
    if any(c.lower_ in NOT_DONE for c in noun.children) or noun.tag_ == "NNS":
        return None
    verb = _governor(noun)
    if not pr.happened(verb):
        return None
    support = noun.dep_ == "dobj" and verb.lemma_.lower() in VISIT_SUPPORT_VERBS
    on_visit = noun.dep_ == "pobj" and noun.head.lower_ == "on" and noun.head.head.lemma_ == "be"
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += [
        g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
    ]
    joint = bool(owners) and (owners[0].lower_ == "their" or owners[0].head.lower_ == "of")
    if owners and owners[0].lower_ in POSSESSIVE_PRONOUNS:
        subjects = _subjects(verb)
        inside = any(noun.i in {t.i for t in s.subtree} for s in subjects)
        if not inside and subjects and (owners[0].lower_ == "their") != _plural(subjects):
            return None  # "X welcomed A and B ..., at the start of their visit": not X's
        owners = [] if inside else subjects  # "during their visit, X and Y ..."
    elif support or on_visit:
        owners = owners or _subjects(verb)
    who = _visitors(reading, i, p, owners)
    places = _places(reading, i, p, [noun])
    if support or on_visit:
        places += _places(reading, i, p, [verb]) + _onward(reading, i, p, verb)
    words = [noun, verb] if support or on_visit or _during_visit(noun.head) else [noun]
    if not places:  # "symbolised by the visit of X to Y in May 2011": the parse's "to Y"
        after = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" and c.i > noun.i]
        places = [e for c in after for e in pa.places_after(reading, i, p, c)]
        words += after
    hosted, visited = _hosts(reading, i, p, verb) if _during_visit(noun.head) else ([], [])
    places += hosted
    dates = _dates(reading, i, p, [noun, verb])
    if not who or not places or not (dates or support or on_visit):
        return None  # an undated "X's visit to Y" does not say it was made
    visitors: Sequence[Visitor | Together] = who
    if joint and len(who) > 1:
        visitors = [_together(who)]  # one visit of both
    return _kind(noun), visitors, list(dict.fromkeys(places)), visited, dates, words


def _together(who: list[Visitor]) -> Together:
    """Return visitors who made one visit together: their IRIs, names and slugs."""
    return tuple(w[0] for w in who), tuple(w[1] for w in who), tuple(w[2] for w in who)


def visit_clauses(reading: Reading, i: int) -> None:
    """Read the visits of sentence i from its parse."""
    p = pr.parsed(reading, i)
    if p is None:
        return
    for t in p.tokens:
        lemma = t.lemma_.lower()
        found: Visit | None = None
        if t.pos_ == "VERB" and (lemma == "visit" or (lemma in TRAVEL_VERBS and pr.finite(t))):
            found = _from_verb(reading, i, p, t)
        elif t.pos_ == "VERB" and lemma == "receive":
            found = _received(reading, i, p, t)
        elif t.pos_ in ("NOUN", "PROPN") and lemma in VISIT_NOUNS:
            found = _from_noun(reading, i, p, t)
        if found is not None and found[1] and found[2]:
            _assert(reading, i, p, *found)


def _assert(
    reading: Reading,
    i: int,
    p: pr.Parsed,
    cls: URIRef,
    who: Sequence[Visitor | Together],
    places: list[Entity],
    visited: list[Visitor],
    dates: list[DateMatch],
    words: list[Token],
) -> None:
    """Assert one visit per visitor, stated by the words from the first named to the last."""
    spans = [(p.start(t), p.end(t)) for w in words for t in pr.own_words(w)]
    lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
    date = dates[0] if dates else None
    if date is not None and date.start >= reading.sentences[i].start:
        lo, hi = min(lo, date_start(reading, date)), max(hi, date.end)
    for visitor in who:
        state_visit(reading, i, cls, visitor, places, date, (lo, hi), visited)


def state_visit(
    reading: Reading,
    i: int,
    cls: URIRef,
    who: Visitor | Together,
    places: list[Entity],
    date: DateMatch | None,
    span: tuple[int, int],
    visited: Iterable[Visitor] = (),
    rule: str = "event-visit-syntax",
) -> None:
    """Assert one visit of a visitor (IRI, name, slug), or of several together (a tuple of
    IRIs, one of names, one of slugs), to some places, at a date (or a span of days) or none,
    stated by the words at span; visited are whom the visit was paid to."""

    iris, names, slugs = who if isinstance(who[0], tuple) else ((who[0],), (who[1],), (who[2],))
    year = date.value if date else None
    key = "-".join([*slugs, *(p.slug for p in places), year or ""])
    where = d.enumeration(p.label for p in places)
    label = f"{VISIT_KINDS[cls]} of {d.enumeration(names)} to {where}"
    label += f" ({year})" if year else ""
    pairs: list[Pair] = [(DKG.visitor, iri) for iri in iris]
    pairs += [(DKG.location, reading.facts.use(p)) for p in places]
    pairs += [(DKG.visited, x[0]) for x in visited if x[0] not in iris]

    if date is not None and date.end_value:
        pairs += [(DKG.startDate, d.literal(date)), (DKG.endDate, end_literal(date))]
    elif date is not None:
        pairs.append((DKG.date, d.literal(date)))
    d.event(reading, i, cls, key, label, pairs, rule, span)


RULES: list[Rule] = [visit_clauses]
