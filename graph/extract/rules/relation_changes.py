"""Read how diplomatic relations begin, break and resume: who with whom, and when.

"A and B established diplomatic relations in 1832", "A established diplomatic relations with
B", "diplomatic relations between A and B were established", "A broke off (severed) relations
with B", "relations between A and B were restored the following year". The parties come from
the parse: the subject, "with X", "between X and Y" (a capital standing for its state); with
no party named ("diplomatic relations were established the same year"), the two states the
sentence names, if it names exactly two. The date is the one the parse attaches to the verb
(or its timeline entry's).
"""

from collections.abc import Iterable

from spacy.tokens import Token

from ...reading.gazetteer import Entity, gazetteer
from ...reading.lexicon import DIPLOMATIC_WORDS, RELATION_CHANGES, RELATION_NOUNS, STATE_KINDS
from ...reading.values import DateMatch
from ...vocab import DKG
from . import Pair, Reading, Rule
from . import discourse as d
from . import participants as pa
from . import predicates as pr
from .when import date_start, entry_date

CLASSES = {
    "establishment": DKG.EstablishmentOfDiplomaticRelations,
    "severance": DKG.Event,
    "restoration": DKG.Event,
}
TITLES = {
    "establishment": "Establishment of diplomatic relations",
    "severance": "Severance of diplomatic relations",
    "restoration": "Restoration of diplomatic relations",
}


def _change(verb: Token) -> str | None:
    """Return the change a verb makes to relations: "establishment", "severance" or
    "restoration" ("broke off", "cut", "resumed"), or None."""
    lemma = verb.lemma_.lower()
    particle = " ".join(c.lower_ for c in verb.children if c.dep_ == "prt")
    return RELATION_CHANGES.get(f"{lemma} {particle}".strip()) or RELATION_CHANGES.get(lemma)


def _relations(verb: Token) -> Token | None:
    """Return the noun "relations" a verb acts on (object, or passive subject), if diplomatic
    relations: "established diplomatic relations", not "established trade relations"."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if passive and not any(c.lower_ in RELATION_NOUNS for c in found):
        # "... and diplomatic relations between them are established", parsed with its
        # subject lost inside the clause before: the relations named in the verb's words.
        found = [t for t in pr.own_words(verb) if t.i < verb.i and t.dep_ != "nsubj"]
    for c in found:
        if c.lower_ in RELATION_NOUNS:
            words = {g.lower_ for g in c.children if g.dep_ in ("amod", "compound")}
            if words <= DIPLOMATIC_WORDS and ("diplomatic" in words or c.lower_ == "relations"):
                return c
    return None


def _as_state(entity: Entity) -> Entity | None:
    """Read a city as the state it governs from ("relations between The Hague and Jakarta"
    are the Netherlands' and Indonesia's); a state as itself."""
    if entity.kind == "state":
        return entity
    if entity.kind == "city" and entity.country:
        return gazetteer().state(entity.country)
    return None


def _states(reading: Reading, i: int, p: pr.Parsed, tokens: Iterable[Token]) -> list[Entity]:
    """Return the states (capitals read as their states) named by these words."""
    where = {t.i for t in tokens}
    found: list[Entity] = []
    for m in d.mentions(reading, i, STATE_KINDS | {"city"}):
        token = p.token_at(m.start)
        if token is not None and token.i in where and (m.via != "demonym"):
            state = _as_state(m.entity)
            if state is not None and state not in found:
                found.append(state)
    return found


def _words(verb: Token, noun: Token) -> tuple[list[Token], list[Token]]:
    """Return the words of the subject, and those of "with X" and "between X and Y"."""
    subject = [
        t
        for c in pr.subjects(verb)
        if not any(t.i == noun.i for t in c.subtree)  # the relations are no subject
        for t in pr.own_words(c)
    ]
    others: list[Token] = []
    heads = (verb, noun, noun.head) if noun.dep_ == "conj" else (verb, noun)
    for head in heads:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("with", "between"):
                others += [c, *(t for g in c.children if g.dep_ == "pobj" for t in pr.own_words(g))]
    return subject, others


def _unlisted(reading: Reading, i: int, p: pr.Parsed, tokens: list[Token]) -> list[Entity]:
    """Return the states the objects of "with" among these words name that the reference data
    lacks ("the German Democratic Republic"): only states have diplomatic relations, so the
    other party of them is one."""
    objects = [t for t in tokens if t.dep_ == "pobj" and t.head.lower_ in ("with", "between")]
    found = [pa.unlisted_state(reading, i, p, t) for t in objects]
    return [e for e in found if e is not None]


def _pair(
    reading: Reading, i: int, p: pr.Parsed, verb: Token, noun: Token
) -> tuple[tuple[Entity, Entity], Entity | None] | None:
    """Return the two states whose relations change, and the state that acted, if any."""
    words = _words(verb, noun)
    subject, others = (_states(reading, i, p, w) for w in words)
    if len(subject) == 1 and not others:  # "A established diplomatic relations with X"
        others = _unlisted(reading, i, p, words[1])
    if len(subject) == 1 and len(others) == 1:
        return (subject[0], others[0]), subject[0]
    if len(subject) == 2 and not others:
        return (subject[0], subject[1]), None
    if not subject and len(others) == 2:
        return (others[0], others[1]), None
    if not subject and not others:  # "diplomatic relations were established that year"
        named = list(dict.fromkeys(m.entity for m in d.mentions(reading, i, STATE_KINDS)))
        if len(named) == 2 and not any(c.dep_ == "agent" for c in verb.children):
            return (named[0], named[1]), None
    return None


def _date(reading: Reading, i: int, p: pr.Parsed, verb: Token) -> DateMatch | None:
    """Return the date the parse attaches to the verb, or its timeline entry's."""
    dates = [x for x in d.dates(reading, i) if x.value and x.relation in d.WHEN]
    own = {x.value: x for x in dates if pr.same(pr.anchor(p, x.start), verb)}
    if len(own) == 1:
        return next(iter(own.values()))
    main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
    return entry_date(reading, i) if not own and main else None


def changes(reading: Reading, i: int) -> None:
    """Read the establishment, severance and restoration of relations in sentence i."""
    p = pr.parsed(reading, i)
    if p is None:
        return
    for verb in pr.predicates(p):
        change, noun = _change(verb), _relations(verb)
        if change is None or noun is None or not pr.happened(verb):
            continue
        found = _pair(reading, i, p, verb, noun)
        if found is None:
            continue
        pair, actor = found
        if pair[0] == pair[1]:
            continue
        _assert(reading, i, p, verb, noun, change, pair, actor)


def _assert(
    reading: Reading,
    i: int,
    p: pr.Parsed,
    verb: Token,
    noun: Token,
    change: str,
    pair: tuple[Entity, Entity],
    actor: Entity | None,
) -> None:
    """Assert the change (and, for an establishment or a restoration, the relation)."""
    subject, others = _words(verb, noun)
    named = [g for g in noun.children if g.dep_ in ("amod", "compound")]
    words = [*subject, *others, *named, verb, noun]  # "A and B established diplomatic relations"
    start, end = min(p.start(t) for t in words), max(p.end(t) for t in words)
    a, b = sorted(pair, key=lambda e: e.slug)
    if change != "severance":
        reading.facts.state(
            reading.facts.use(a),
            [(DKG.diplomaticRelation, reading.facts.use(b))],
            (start, end),
            "relation-" + ("established" if change == "establishment" else "restored"),
        )
    when = _date(reading, i, p, verb)
    facts: list[Pair] = [
        (DKG.participant, reading.facts.use(a)),
        (DKG.participant, reading.facts.use(b)),
    ]
    key = f"{a.slug}-{b.slug}" if change == "establishment" else f"{change}-{a.slug}-{b.slug}"
    if when is not None:
        lo, hi = start, end
        if when.start >= reading.sentences[i].start:
            lo, hi = min(start, date_start(reading, when)), max(end, when.end)
        facts.append((DKG.date, d.literal(when), (lo, hi)))
        if change != "establishment":  # relations may break and resume more than once
            key += f"-{when.value}"
    label = f"{TITLES[change]} between {a.label} and {b.label}"
    cls = CLASSES[change]
    d.event(reading, i, cls, key, label, facts, f"event-{change}", (start, end))


RULES: list[Rule] = [changes]
