"""Read the founding of an organisation told by its founders: "A and B are among the founding
members of X, set up in P", "A was a founder member of X in 1961".

The founders are the subject of the clause whose complement (or "among" phrase) is "founding
members of X"; the date is the clause's own, the one of a participle that says when X was set
up ("set up in Bangkok on 8 August 1967"), or the date of the timeline entry the clause opens;
the place is that participle's "in/at". "A founded X in 2018" is a dated clause of a founding
verb: what_happened.py reads it.

Formations: "A and B joined C to form D", "A merged with B in 1964 to form D": the founding of
D by its parts (the subject, the object and "with X" of the verb), two at least, dated by the
clause or its entry; a part the reference data lacks is a state where its name is a polity's
("the Federation of Malaya").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ...iris import slugify
from ...reading.gazetteer import Entity
from ...reading.lexicon import (
    FORMING_VERBS,
    FOUNDED_PARTICIPLES,
    FOUNDING_WORDS,
    PLACE_PREPOSITIONS,
)
from ...reading.values import DateMatch
from ...vocab import DKG
from . import Pair, Reading, Rule
from . import discourse as d
from . import event_labels as lb
from . import parse_paths as paths
from . import participants as pa
from . import predicates as pr
from .when import date_start, entry_date

if TYPE_CHECKING:  # spaCy loads with the pipeline (reading/pipeline.py), not with the rules
    from spacy.tokens import Token


def _founding_members(token: Token) -> bool:
    """Say whether a word is "members" qualified as founding: "founding members", "founder
    member"."""
    if token.lemma_.lower() != "member" or token.pos_ != "NOUN":
        return False
    return any(
        c.lower_ in FOUNDING_WORDS and c.dep_ in ("amod", "compound") for c in token.children
    )


def _clause_verb(noun: Token) -> Token | None:
    """Return the verb of the clause that says its subject is one of these members: "are
    (among the) founding members", "was a founding member"; else None."""
    if noun.dep_ == "attr":
        return noun.head
    among = noun.head
    if noun.dep_ == "pobj" and among.lower_ == "among" and among.dep_ == "prep":
        return among.head
    return None


def _participles(noun: Token, organisation: Token) -> list[Token]:
    """Return the participles under the members or under the organisation that say it was set
    up: "X, set up in Bangkok", "X, founded in 1961"."""
    found: list[Token] = []
    for head in (noun, organisation):
        for c in head.children:
            lemma = c.lemma_.lower()
            up = lemma != "set" or any(g.lower_ == "up" for g in c.children)
            if c.dep_ == "acl" and lemma in FOUNDED_PARTICIPLES and up:
                found.append(c)
    return found


def _date(
    reading: Reading, i: int, p: pr.Parsed, verb: Token, participles: Iterable[Token]
) -> DateMatch | None:
    """Return the date of the founding: the clause's own, its participle's, or its entry's."""
    dates = [x for x in d.dates(reading, i) if x.value and x.relation in d.WHEN]
    for word in (verb, *participles):
        said = {x.value: x for x in dates if pr.same(pr.anchor(p, x.start), word)}
        if len(said) == 1:
            return next(iter(said.values()))
        if said:
            return None  # two dates say no one date
    main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
    return entry_date(reading, i) if main else None


def foundings(reading: Reading, i: int) -> None:
    """Read the foundings that sentence i tells by their founding members."""
    p = pr.parsed(reading, i)
    if p is None:
        return
    for noun in p.tokens:
        if not _founding_members(noun):
            continue
        verb = _clause_verb(noun)
        if verb is None or verb.lemma_.lower() not in ("be", "become") or not pr.happened(verb):
            continue
        of = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        organisations = [
            e
            for g in of
            for e in pa.actors_in(reading, i, p, pa.named_by(g))
            if e.kind == "organisation"
        ]
        subject = pr.subjects(verb)
        founders = [
            e
            for s in subject
            for e in pa.actors_in(reading, i, p, pa.named_by(s))
            if e.kind != "organisation"
        ]
        if len(set(organisations)) != 1 or not founders:
            continue
        participles = _participles(noun, of[0])
        date = _date(reading, i, p, verb, participles)
        if date is None:
            continue
        places = [
            e
            for c in participles
            for g in c.children
            if g.dep_ == "prep" and g.lower_ in PLACE_PREPOSITIONS
            for e in pa.places_after(reading, i, p, g)
        ]
        words = [*subject, noun, *participles]
        name = lb.phrase_words(of[:1])  # the organisation as the text names it
        _assert(reading, i, p, (organisations[0], name), founders, places, date, words)


def _assert(
    reading: Reading,
    i: int,
    p: pr.Parsed,
    organisation: tuple[Entity, str],
    founders: list[Entity],
    places: list[Entity],
    date: DateMatch,
    words: list[Token],
) -> None:
    """Assert the founding of an organisation by its founders, stated by the clause."""
    toks = [t for w in words for t in pr.own_words(w) if t.dep_ not in ("cc", "punct")]
    lo, hi = min(p.start(t) for t in toks), max(p.end(t) for t in toks)
    if date.start >= reading.sentences[i].start:
        lo, hi = min(lo, date_start(reading, date)), max(hi, date.end)
    pairs: list[Pair] = [(DKG.participant, reading.facts.use(e)) for e in dict.fromkeys(founders)]
    body, name = organisation
    pairs.append((DKG.participant, reading.facts.use(body)))
    pairs += [(DKG.location, reading.facts.use(e)) for e in dict.fromkeys(places)]
    pairs.append((DKG.date, d.literal(date)))
    label = f"Founding of {name}"
    key = f"{body.slug}-{date.value}"
    d.event(reading, i, DKG.Founding, key, label, pairs, "event-founding", (lo, hi))


def _formed(verb: Token) -> tuple[Token, Token] | None:
    """Return the infinitive "to form X" under a verb, and X: "join B to form C"."""
    for c in verb.children:
        if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in FORMING_VERBS and pr.infinitival(c):
            made = [g for g in c.children if g.dep_ == "dobj"]
            if made:
                return c, made[0]
    return None


def _members(reading: Reading, i: int, p: pr.Parsed, phrases: Sequence[Token]) -> list[Entity]:
    """Return the polities and organisations these phrases name, or the state one names that
    the reference data lacks ("the Federation of Malaya")."""
    found: list[Entity] = []
    heads = [t for h in phrases for t in h.subtree if t is h or pa.heads_chain(t, h)]
    heads = [t for t in heads if t.dep_ not in ("cc", "punct", "compound", "flat")]
    for head in heads:
        named = pa.actors_in(reading, i, p, pa.named_by(head))
        unlisted = None if named else pa.unlisted_state(reading, i, p, head)
        found += named or ([unlisted] if unlisted else [])
    return list(dict.fromkeys(found))


def formations(reading: Reading, i: int) -> None:
    """Read "A and B joined C to form D", "A merged with B in 1964 to form D": the formation
    of D by its parts, dated by the clause (or its entry)."""
    p = pr.parsed(reading, i)
    if p is None:
        return
    for verb in pr.predicates(p):
        found = _formed(verb)
        if found is None or not pr.happened(verb):
            continue
        form, made = found
        parts = [*pr.subjects(verb), *(c for c in verb.children if c.dep_ == "dobj")]
        parts += paths.preps(verb, {"with"})
        members = [e for e in _members(reading, i, p, parts) if e.kind != "organisation"]
        formed = _members(reading, i, p, [made])
        date = _date(reading, i, p, verb, [])
        if len(members) < 2 or date is None:
            continue  # a formation joins two parts at least, at a time the text says
        name = lb.phrase_words([made])
        words = [*parts, verb, form, made]
        toks = [t for w in words for t in pr.own_words(w) if t.dep_ not in ("cc", "punct")]
        lo, hi = min(p.start(t) for t in toks), max(p.end(t) for t in toks)
        if date.start >= reading.sentences[i].start:
            lo, hi = min(lo, date_start(reading, date)), max(hi, date.end)
        pairs: list[Pair] = [
            (DKG.participant, reading.facts.use(e)) for e in dict.fromkeys(members + formed)
        ]
        pairs.append((DKG.date, d.literal(date)))
        key = f"formation-{slugify(name)}-{date.value}"
        label = f"Formation of {name}"
        d.event(reading, i, DKG.Founding, key, label, pairs, "event-formation", (lo, hi))


RULES: list[Rule] = [foundings, formations]
