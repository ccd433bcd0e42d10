"""Read who and where a clause names, by the parse: the people at a phrase's head, the states,
regions and organisations in it, a pronoun's antecedent, the places after "in" and "at".

Shared by the readers of events (what_happened.py, visit_clauses.py, named_events.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...iris import slugify
from ...reading.gazetteer import Entity
from ...reading.lexicon import (
    ACTOR_KINDS,
    LANDFORMS,
    MEETING_VERBS,
    PAIR_PRONOUNS,
    PARTY_PREPOSITIONS,
    PERSON_PRONOUNS,
    PLACE_KINDS,
    PLACE_PREPOSITIONS,
    POLITY_HEADS,
    RELATIVE_PRONOUNS,
)
from ...reading.mentions import Mention
from ...vocab import DKG
from . import Reading
from . import discourse as d
from . import predicates as pr
from .discourse import STATE_BODY
from .people import people_in
from .person_mentions import Named

if TYPE_CHECKING:  # spaCy loads with the pipeline (reading/pipeline.py), not with the rules
    from spacy.tokens import Token

# The people a clause names, each with the sentence that names them.
People = list[tuple[int, Named]]

# The recogniser's kinds of names that a place read from a document may have.
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def actors_in(reading: Reading, i: int, p: pr.Parsed, phrase: set[int]) -> list[Entity]:
    """Return the states, regions and organisations a phrase names (a demonym only for a
    state's body: "the Ghanaian authorities"; none in an apposition: "X, a U.S. officer")."""
    doc = reading.doc.text
    found: list[Entity] = []
    for m in d.mentions(reading, i, ACTOR_KINDS):
        token = p.token_at(m.start)
        if token is None or token.i not in phrase or in_apposition(token, phrase):
            continue
        if m.via == "demonym" and not STATE_BODY.match(doc, m.end):
            continue
        if m.entity.kind == "organisation" and m.entity.cls != DKG.InternationalOrganisation:
            continue  # a name the recogniser took for a body ("the Investment Promotion Act")
        found.append(m.entity)
    return found


def in_apposition(token: Token, phrase: set[int]) -> bool:
    """Say whether a word lies in an apposition inside a phrase."""
    while token.i in phrase and token.head.i != token.i:
        if token.dep_ == "appos":
            return True
        token = token.head
    return False


def people_at(reading: Reading, i: int, p: pr.Parsed, head: Token) -> list[Named]:
    """Return the people a phrase names as its head: "President X", "the minister, X", "X and
    Y"; not "X's nominee" nor "the government of X"."""
    heads = {t.i for t in head.subtree if t.i == head.i or heads_chain(t, head)}
    for t in [t for t in head.subtree if t.i in heads]:  # "the award of King X"
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                heads |= {g.i for o in c.children for g in o.subtree if heads_chain(g, o)}
    # The word a name ends on stands in the parse (token_at gives None on an empty parse only).
    return [
        x
        for x in people_in(reading, i)
        if (last := p.token_at(x.end - 1)) is not None and last.i in heads
    ]


def heads_chain(token: Token, head: Token) -> bool:
    """Say whether a word stands for its phrase's head: a compound, conjunct or apposition."""
    while token.i != head.i:
        if token.dep_ not in ("compound", "conj", "appos", "flat", "cc", "punct", "nmod"):
            return False
        token = token.head
    return True


def pronoun(reading: Reading, i: int, word: str) -> tuple[People, list[Entity]] | None:
    """Return what a subject pronoun stands for: (people, states), or None."""
    if word in PERSON_PRONOUNS and i > 0:
        before = {x.name: x for x in people_in(reading, i - 1)}
        if len(before) == 1:
            return [(i - 1, next(iter(before.values())))], []
    if word in PAIR_PRONOUNS:
        pair = d.antecedent(reading, i)
        if pair:
            return [], list(pair)
    return None


def parties(
    reading: Reading, i: int, p: pr.Parsed, verb: Token
) -> tuple[People, list[Entity], list[Entity]]:
    """Return the people, actors and places of a verb's clause, by their place in the parse."""
    people: People = []
    actors: list[Entity] = []
    places: list[Entity] = []
    subjects = pr.subjects(verb)
    # "he was chief guest at the parade in New Delhi": the place said of the complement
    complements = [g for c in verb.children if c.dep_ in ("attr", "acomp") for g in c.children]
    for c in [*verb.children, *(t for t in subjects if t.head.i != verb.i), *complements]:
        heads: list[Token] = []
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") or c in subjects:
            if c.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                c = verb.head  # "South Africa, which had left ...": the antecedent
            elif c.dep_.startswith("nsubj") and c.lower_ in PERSON_PRONOUNS | PAIR_PRONOUNS:
                found = pronoun(reading, i, c.lower_)
                if found:
                    people += [(k, x) for k, x in found[0]]
                    actors += found[1]
                continue
            heads = [c]
        elif c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in PARTY_PREPOSITIONS):
            heads = [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ == "advmod" and c.lower_ == "together":
            heads = [g for g in c.subtree if g.dep_ == "pobj"]
        if c.dep_ == "prep" and c.lower_ in PLACE_PREPOSITIONS and c not in subjects:
            if not any(g in subjects for g in c.children):
                places += places_after(reading, i, p, c)
            continue
        if c.dep_ in ("dobj", "xcomp", "advcl") or (c.dep_ == "relcl" and pr.infinitival(c)):
            heads += party_objects(c)  # "imposed an embargo on X", "to sign a pact with X"
        for head in heads:
            people += [(i, x) for x in people_at(reading, i, p, head)]
            actors += actors_in(reading, i, p, named_by(head))
    for c in verb.children:
        # "talks between ... officials in Bern broke down": where an event noun was; "a
        # building ... in Accra was demolished": where what the clause befell stood.
        event = c.dep_ in ("nsubj", "nsubjpass", "dobj") and pr.names_event(c)
        patient = c.dep_ == "nsubjpass" and not places
        # "join President X at Camp David": the parser hangs the place on the person met (not
        # "recalled its Ambassador in Madrid": where the ambassador serves)
        met = c.dep_ == "dobj" and c.pos_ == "PROPN" and not places
        met = met and verb.lemma_.lower() in MEETING_VERBS
        if event or patient or met:
            for g in pr.own_words(c):
                if g.dep_ == "prep" and g.lower_ in PLACE_PREPOSITIONS:
                    places += places_after(reading, i, p, g)
    return people, list(dict.fromkeys(actors)), list(dict.fromkeys(places))


def party_objects(token: Token) -> list[Token]:
    """Return the objects of the party prepositions under an object or an infinitive: "an
    embargo on X", "to impose an embargo on X", "a treaty with X"."""
    if token.dep_ in ("xcomp", "advcl", "relcl") and not pr.infinitival(token):
        return []
    heads = [token]
    if token.pos_ in ("VERB", "AUX"):  # "to impose an embargo on X": the verb and its object
        heads += [c for c in token.children if c.dep_ == "dobj"]
    found = [c for c in heads[1:]]
    for head in heads:
        for t in head.children:
            if t.dep_ == "prep" and t.lower_ in PARTY_PREPOSITIONS:
                found += [g for g in t.children if g.dep_ == "pobj"]
    return found


def places_after(reading: Reading, i: int, p: pr.Parsed, prep: Token) -> list[Entity]:
    """Return the places a preposition "in"/"at" names as its object's head: "in Bern,
    Switzerland", not "in the hills north of Accra"."""
    found: list[Entity] = []
    for g in prep.children:
        if g.dep_ == "pobj":
            found += places_at(reading, i, p, g)
            if pr.names_event(g):  # "at the parade in New Delhi"
                for c in g.children:
                    if c.dep_ == "prep" and c.lower_ in PLACE_PREPOSITIONS:
                        found += [e for o in c.children for e in places_at(reading, i, p, o)]
    return found


def places_at(reading: Reading, i: int, p: pr.Parsed, head: Token) -> list[Entity]:
    """Return the places a phrase names as its head: "Bern, Switzerland", "A, B and C"; a
    name the reference data lacks, placed by the known place after it ("Camp David,
    Maryland"), is a place read from the document."""
    heads = {t.i for t in head.subtree if heads_chain(t, head)}
    dated = [(x.start, x.end) for x in d.dates(reading, i)]  # "In August 2019": no place
    found: list[Entity] = []
    at_head = False
    for m in d.mentions(reading, i, PLACE_KINDS):
        token = p.token_at(m.start)
        if m.via in ("demonym", "reference") or token is None or token.i not in heads:
            continue
        if not any(a <= m.start < b for a, b in dated) and not _elsewhere(reading, i, p, token, m):
            found.append(m.entity)
            at_head = at_head or token.i in {t.i for t in _name(head)}
    appositions = [t for t in head.children if t.dep_ == "appos"]
    if found and not at_head and appositions and (place := _unlisted_place(reading, i, p, head)):
        found.insert(0, place)
    return found


def _name(head: Token) -> list[Token]:
    """Return the words of a head's own name: it and its compounds ("Camp David")."""
    found: list[Token] = []
    todo = [head]
    while todo:
        t = todo.pop()
        found.append(t)
        todo += [c for c in t.children if c.dep_ == "compound"]
    return sorted(found, key=lambda t: t.i)


def _unlisted_place(reading: Reading, i: int, p: pr.Parsed, head: Token) -> Entity | None:
    """Return the place a proper name at a phrase's head names, if the recogniser takes it for
    a place or a facility and no mention covers it; else None."""
    words = _name(head)
    if any(t.pos_ != "PROPN" or t.ent_type_ not in PLACE_ENTITIES for t in words):
        return None
    start, end = p.start(words[0]), p.end(words[-1])
    if end - start != len(" ".join(t.text for t in words)):
        return None  # words not in a row
    if any(m.start < end and start < m.end for m in reading.mentions[i]):
        return None
    name = reading.doc.text[start:end]
    return Entity("place", slugify(name), name, DKG.Place, phrase=(start, end))


def _elsewhere(reading: Reading, i: int, p: pr.Parsed, token: Token, mention: Mention) -> bool:
    """Say whether a place is said to lie in a place of another state than the one it was
    linked to ("Lisbon's Belém district" read as a Belém of Brazil): then it is no place."""
    home = mention.entity.country or mention.entity.slug
    for m in d.mentions(reading, i, PLACE_KINDS):
        owner = p.token_at(m.start)
        if owner is not None and owner.dep_ == "poss" and owner.head.i in (token.i, token.head.i):
            return (m.entity.country or m.entity.slug) != home
    return False


def named_by(head: Token) -> set[int]:
    """Return the token indices of the words of a phrase that can name its actor: its head
    (with compounds, conjuncts, appositions), possessors and "of" complements ("Norway's
    union", "the Council of the League"), not what it says of something else ("the signing
    of the agreement on X": X)."""
    found = _chain_and_modifiers(head)
    for t in [t for t in head.subtree if t.i in found]:
        for c in t.children:
            if c.dep_ == "poss":
                found |= {g.i for g in c.subtree}
            elif c.dep_ in ("prep", "cc") and (
                c.lower_ in ("of", "between", "with") or _together(c)
            ):
                found |= {i for o in c.children for i in _chain_and_modifiers(o)}
    return found


def _chain_and_modifiers(head: Token) -> set[int]:
    """Return a head's chain and the words before each word of it ("British and Argentine
    officials": the demonyms)."""
    chain = [t for t in head.subtree if heads_chain(t, head)]
    found = {t.i for t in chain}
    for t in chain:
        for c in t.children:
            if c.dep_ in ("amod", "compound") and c.i < t.i:
                found |= {g.i for g in c.subtree if heads_chain(g, c)}  # "British and Argentine"
    return found


def _together(prep: Token) -> bool:
    """Say whether a preposition is "together with" or "along with"."""
    return prep.lower_ == "with" and any(c.lower_ in ("together", "along") for c in prep.children)


def phrase(token: Token) -> set[int]:
    """Return the token indices of a phrase: a word and its own words below it."""
    return {t.i for t in pr.own_words(token)}


def unlisted_state(reading: Reading, i: int, p: pr.Parsed, head: Token) -> Entity | None:
    """Return the state a phrase names that the reference data lacks: a polity's name ("the
    Federation of Malaya", "the Kingdom of Hawaii") or a name the recogniser takes for a
    state ("the United Arab Republic"), where no mention stands; else None."""
    words: list[Token] = []
    todo = [head]
    while todo:  # the name's own words: not the names coordinated with it
        t = todo.pop()
        words.append(t)
        todo += [c for c in t.children if c.dep_ in ("compound", "prep", "pobj", "amod", "flat")]
    words.sort(key=lambda t: t.i)
    if not words or any(not t.text[:1].isupper() and t.lower_ != "of" for t in words):
        return None
    if any(t.lower_ in LANDFORMS for t in words):
        return None
    of = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"]
    polity = head.lower_ in POLITY_HEADS and of
    if not (polity or all(t.ent_type_ == "GPE" for t in words)):
        return None
    start, end = p.start(words[0]), p.end(words[-1])
    if any(m.start < end and start < m.end and m.via != "demonym" for m in reading.mentions[i]):
        return None
    name = reading.doc.text[start:end]
    return Entity("state", slugify(name), name, DKG.SovereignState, phrase=(start, end))
