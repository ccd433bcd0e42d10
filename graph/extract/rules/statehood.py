"""Read how states come to be and come to be recognised: independence and recognition.

Independence: "X declared (proclaimed, won, gained) its independence", "A and B proclaimed
the independence of X", "X became independent" (or "an independent state"), "the
independence proclaimed by X on <date>", "X's independence, proclaimed on <date>", and "Y
followed on <date>" right after one of them.
Recognition: "X recognised Y", "X recognised the independence of Y" (or "proclaimed by Y"),
"X recognised the new state" (the state whose independence was just stated), "Y was
recognised as ... by X", and "X said that Y recognises ..." (a recognition made by saying
it, dated by the saying). The date is the one the parse attaches to the verb; a clause "by
which ..." after a dated noun ("the Treaty of 29 August 1825, by which X recognised Y") takes
that date.
"""

from collections.abc import Iterable

from spacy.tokens import Token

from ...reading.gazetteer import Entity
from ...reading.lexicon import (
    INDEPENDENCE_NOUNS,
    INDEPENDENCE_VERBS,
    NEW_STATE_NOUNS,
    REPORTING_VERBS,
    STATE_KINDS,
)
from ...reading.values import DateMatch
from ...vocab import DKG
from .. import identity
from . import Pair, Reading, Rule
from . import discourse as d
from . import event_labels as lb
from . import participants as pa
from . import predicates as pr
from .people import state_person
from .person_mentions import Named
from .when import date_start, entry_date

# An independence: the state, and the noun of its verb ("Declaration"), if it has one.
Independence = tuple[Entity, str | None]
# People named with the sentence they are named in.
People = list[tuple[int, Named]]
# Who recognised (people, a state) what (states), with the words of what was recognised and
# the indices of the words naming who did it.
Recognition = tuple[People, list[Entity], list[Entity], list[Token], set[int]]


def _states(reading: Reading, i: int, p: pr.Parsed, tokens: Iterable[Token]) -> list[Entity]:
    """Return the states these words name (not by a demonym)."""
    where = {t.i for t in tokens}
    found: list[Entity] = []
    for m in d.mentions(reading, i, STATE_KINDS):
        token = p.token_at(m.start)
        if token is not None and token.i in where and m.via != "demonym":
            found.append(m.entity)
    return list(dict.fromkeys(found))


def _date(
    reading: Reading, i: int, p: pr.Parsed, verb: Token, objects: Iterable[Token] = ()
) -> DateMatch | None:
    """Return the date of a verb: its own, the dated noun of "by which", its entry's; not a
    date it acts on ("recognises 17 August 1945 as ...")."""
    inside = {t.i for o in objects for t in o.subtree}
    dates = [
        x
        for x in d.dates(reading, i)
        if x.value
        and x.relation in d.WHEN
        and (at := p.token_at(x.start)) is not None
        and at.i not in inside
    ]
    own = {x.value: x for x in dates if pr.same(pr.anchor(p, x.start), verb)}
    if len(own) == 1:
        return next(iter(own.values()))
    if own:
        return None
    if verb.dep_ in ("relcl", "advcl"):  # "of 29 August 1825, by which ...", "when ..."
        head = verb.head
        holding = [x for x in dates if x.start <= p.start(head) < x.end]
        owner = [x for x in dates if pr.same(pr.anchor(p, x.start), head)]
        if len(holding or owner) == 1:
            return (holding or owner)[0]
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING_VERBS:
        return _date(reading, i, p, verb.head)  # recognised by saying so
    main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
    return entry_date(reading, i) if main else None


def _span(
    reading: Reading, i: int, p: pr.Parsed, words: Iterable[Token], date: DateMatch | None
) -> tuple[int, int]:
    """Return the span of these words, with the date if the sentence states it."""
    toks = [t for w in words for t in pr.own_words(w) if t.dep_ not in ("cc", "punct")]
    lo, hi = min(p.start(t) for t in toks), max(p.end(t) for t in toks)
    if date is not None and date.start >= reading.sentences[i].start:
        lo, hi = min(lo, date_start(reading, date)), max(hi, date.end)
    return lo, hi


def _independence_of(reading: Reading, i: int, p: pr.Parsed, verb: Token) -> Independence | None:
    """Return (state, label words) of an independence a verb states, or None."""
    lemma = verb.lemma_.lower()
    subject = [t for s in pr.subjects(verb) for t in pr.own_words(s)]
    if lemma == "become":
        words = [c for c in verb.children if c.dep_ in ("acomp", "attr")]
        independent = any(t.lower_ == "independent" for w in words for t in w.subtree)
        states = _states(reading, i, p, subject) if independent else []
        return (states[0], None) if len(states) == 1 else None
    if lemma not in INDEPENDENCE_VERBS:
        return None
    noun = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if noun is None or noun.lemma_.lower() not in INDEPENDENCE_NOUNS:
        return None
    of = [t for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
    states = _states(reading, i, p, of) or _states(reading, i, p, subject)
    return (states[0], INDEPENDENCE_VERBS[lemma]) if len(states) == 1 else None


def independence(reading: Reading, i: int) -> None:
    """Read the independence of a state in sentence i."""
    p = pr.parsed(reading, i)
    if p is None:
        return
    for verb in pr.predicates(p) + [t for t in p.tokens if _proclaimed_independence(t)]:
        if not pr.happened(verb):
            continue
        found = _independence_of(reading, i, p, verb) or _participle(reading, i, p, verb)
        if found is None and verb.lemma_.lower() == "follow":
            found = _followed(reading, i, p, verb)
        if found is None:
            continue
        state, noun = found
        date = _date(reading, i, p, verb)
        people: People = [(i, x) for s in pr.subjects(verb) for x in pa.people_at(reading, i, p, s)]
        words = [verb.head, verb] if _proclaimed_independence(verb) else [verb]
        span = _span(reading, i, p, words, date)
        _assert_independence(reading, i, state, noun, date, people, span)


def _proclaimed_independence(token: Token) -> bool:
    """Say whether a word is "proclaimed" in "the independence proclaimed by X"."""
    return token.dep_ == "acl" and token.head.lemma_.lower() in INDEPENDENCE_NOUNS


def _participle(reading: Reading, i: int, p: pr.Parsed, verb: Token) -> Independence | None:
    """Read "the independence proclaimed by X", "X's independence, proclaimed on <date>":
    (X, the verb's noun)."""
    if not _proclaimed_independence(verb):
        return None
    agent = [t for c in verb.children if c.dep_ == "agent" for t in c.subtree]
    owner = [t for c in verb.head.children if c.dep_ == "poss" for t in c.subtree]
    states = _states(reading, i, p, agent) or _states(reading, i, p, owner)
    return (states[0], INDEPENDENCE_VERBS.get(verb.lemma_.lower())) if len(states) == 1 else None


def _followed(reading: Reading, i: int, p: pr.Parsed, verb: Token) -> Independence | None:
    """Read "Y followed on <date>" said right after an independence: Y's independence."""
    before = [k for k, _ in _independent(reading) if k in (i - 1, i)]
    if not before or any(c.dep_ == "dobj" for c in verb.children):
        return None
    states = _states(reading, i, p, [t for s in pr.subjects(verb) for t in pr.own_words(s)])
    return (states[0], None) if len(states) == 1 else None


def _independent(reading: Reading) -> list[tuple[int, Entity]]:
    """Return the (sentence, state) of each independence read so far, in reading order."""
    return reading.memory.independence


def _assert_independence(
    reading: Reading,
    i: int,
    state: Entity,
    noun: str | None,
    date: DateMatch | None,
    people: People,
    span: tuple[int, int],
) -> None:
    """Assert the independence of a state (its declaration or proclamation, if so stated)."""
    label = f"{noun} of the independence of {state.label}" if noun else None
    label = label or f"Independence of {state.label}"
    pairs: list[Pair] = [(DKG.participant, reading.facts.use(state))]
    pairs += [(DKG.participant, state_person(reading, x, "event-independence")) for _, x in people]
    pairs += [(DKG.date, d.literal(date))] if date else []
    key = f"independence-{state.slug}" + (f"-{date.value}" if date else "")
    d.event(reading, i, DKG.Event, key, label, pairs, "event-independence", span)
    _independent(reading).append((i, state))


def recognitions(reading: Reading, i: int) -> None:
    """Read the recognition of a state, or of something about one, in sentence i."""
    p = pr.parsed(reading, i)
    if p is None:
        return
    for verb in pr.predicates(p):
        if verb.lemma_.lower() not in ("recognise", "recognize") or not pr.happened(verb):
            continue
        if verb.dep_ == "ccomp" and verb.tag_ not in ("VBZ", "VBP"):
            continue  # "said that X had recognised ...": what was said, not done by saying
        found = _recognition(reading, i, p, verb)
        if found is not None:
            _assert_recognition(reading, i, p, verb, *found)


def _recognition(reading: Reading, i: int, p: pr.Parsed, verb: Token) -> Recognition | None:
    """Return (who recognised, what was recognised: its words and its states), or None."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    words = pr.own_words(verb)
    by = [g for t in words if t.lower_ == "by" and t.dep_ in ("agent", "prep") for g in t.children]
    whose = by if passive else pr.subjects(verb)
    objects = pr.subjects(verb) if passive else [c for c in verb.children if c.dep_ == "dobj"]
    objects += [
        o for x in d.dates(reading, i) if (o := pr.date_object(p, x, verb)) is not None
    ]  # "recognises 17 August 1945 as ..."
    objects += [t for t in words if t.dep_ == "prep" and t.lower_ == "as"]
    people: People = [(i, x) for h in whose for x in pa.people_at(reading, i, p, h)]
    states = _states(reading, i, p, [t for h in whose for t in pr.own_words(h)])
    if not people and len(states) != 1:
        return None
    agents = {t.i for g in by for t in g.head.subtree}
    what = [t for o in objects for t in o.subtree if t.i not in agents]
    recognised = [e for e in _states(reading, i, p, what) if e not in states]
    if not recognised and any(t.lemma_.lower() in NEW_STATE_NOUNS for t in what):
        recognised = [e for k, e in _independent(reading) if k in (i - 1, i)][-1:]
    if not recognised and not people:
        return None
    objects = [o for o in objects if o.i not in agents]
    return people, states[:1], recognised, objects, agents


def _assert_recognition(
    reading: Reading,
    i: int,
    p: pr.Parsed,
    verb: Token,
    people: People,
    states: list[Entity],
    recognised: list[Entity],
    objects: list[Token],
    agents: set[int],
) -> None:
    """Assert a recognition: "Recognition of <what> by <whom>", in the text's words."""
    date = _date(reading, i, p, verb, [*objects, *(t for t in p.tokens if t.lower_ == "as")])
    who = [x.name for _, x in people] or [e.label for e in states]
    head = objects[0] if objects else None
    if recognised and head is not None and head.lemma_.lower() in INDEPENDENCE_NOUNS:
        what = f" of the independence of {recognised[0].label}"
    elif (
        recognised
        and head is not None
        and (head.ent_type_ == "GPE" or head.lemma_ in NEW_STATE_NOUNS)
    ):
        what = f" of {recognised[0].label}"
    else:
        words = lb.phrase_words([o for o in objects if o.lower_ != "as"], agents)
        rest = lb.phrase_words([o for o in objects if o.lower_ == "as"], agents)
        what = (f" of {words}" if words else "") + (f" {rest}" if rest else "")
    label = f"Recognition{what} by {d.enumeration(who)}"
    pairs: list[Pair] = [(DKG.participant, reading.facts.use(e)) for e in (*states, *recognised)]
    pairs += [(DKG.participant, state_person(reading, x, "event-recognition")) for _, x in people]
    pairs += [(DKG.date, d.literal(date))] if date else []
    if states and recognised:
        key = f"{states[0].slug}-{recognised[0].slug}"
    else:
        key = f"{what[:60]}-{date.value if date else ''}"
    span = _span(reading, i, p, [verb], date)
    iri = identity.event(DKG.Recognition, key)
    reading.facts.state(iri, pairs, span, "event-recognition", cls=DKG.Recognition, label=label)


RULES: list[Rule] = [independence, recognitions]
