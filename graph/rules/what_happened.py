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

from rdflib import Literal

from ..lexicon import (
    AGREEMENT_NOUN,
    AGREEMENT_OBJECT_VERBS,
    AGREEMENT_VERBS,
    EVENT_NOUNS,
    EVENT_VERBS,
    REPORTING_VERBS,
)
from ..values import date_type
from ..vocab import DKG
from . import discourse as d
from . import predicates as pr
from .discourse import PLACE, POLITY, STATE_BODY
from .when import entry_date

ACTORS = POLITY | {"organisation"}
# A decade or a century is no date of one event: "dates back to the 19th century".
PRECISE = frozenset({DKG.PrecisionDay, DKG.PrecisionMonth, DKG.PrecisionYear})
AGREEMENT_NOUN_WORD = re.compile(rf"(?:{AGREEMENT_NOUN}|declarations?|pacts?|protocols?)")
# Prepositions whose object takes part in what the verb says.
PARTY_PREPOSITIONS = frozenset({"with", "against", "between", "among", "to", "on"})
PLACE_PREPOSITIONS = frozenset({"in", "at"})
# What a subject pronoun stands for: a person named just before, or the pair named before.
PERSON_PRONOUNS = frozenset({"he", "she"})
PAIR_PRONOUNS = frozenset({"they", "both"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})
# A clause marked as coming after the date of its entry does not happen at that date.
LATER = frozenset({"later", "afterwards", "subsequently", "eventually", "since", "then", "soon"})
MAX_LABEL_WORDS = 40
CUTS = frozenset({"\u2013", "\u2014", ";", "--"})


def _event_noun(token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in EVENT_NOUNS


def makes_agreement(verb) -> bool:
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


def _infinitival(token) -> bool:
    """Say whether a clause is an infinitive with no subject: "to impose an embargo"."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children) and not any(
        c.dep_.startswith("nsubj") for c in token.children
    )


def _order(token) -> int:
    return token.i


def clause_words(verb, label: bool = False) -> list:
    """Return the words of a verb's own clause: its own words and its subjectless infinitives
    (for a label, what it reports too: "protests that ...", "declared it null")."""
    found, todo = [], [verb]
    while todo:
        t = todo.pop()
        found.append(t)
        for c in t.children:
            inner = c.dep_ != "conj" and (_infinitival(c) or (label and c.dep_ == "ccomp"))
            if not c.is_space and (not pr.opens_clause(c) or inner):
                todo.append(c)
    return sorted(found, key=_order)


def _phrase(token) -> set:
    """Return the token indices of a phrase: a word and its own words below it."""
    return {t.i for t in pr.own_words(token)}


def _dates_of(reading, i: int, p, verb, dates: list) -> list:
    """Return the dates the parse attaches to a verb, or to the event it attends or holds
    ("attended the summit in May 2019"); a "when" clause takes its head's."""
    events = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and _event_noun(c)]
    own = [x for x in dates if any(pr.same(pr.anchor(p, x.start), t) for t in (verb, *events))]
    if own:
        return own
    if any(c.lower_ == "when" for c in verb.children):
        head = verb.head
        return [x for x in dates if x.start <= p.start(head) < x.end] or [
            x for x in dates if pr.same(pr.anchor(p, x.start), head)
        ]
    return []


def _when(reading, i: int, p, verb, dates: list):
    """Return the date of a verb's clause: its own, or its timeline entry's, or None."""
    found = [x for x in _dates_of(reading, i, p, verb, dates) if x.relation in d.WHEN | {"from"}]
    if len({x.value for x in found}) == 1:
        return found[0]
    if found:
        return None  # two dates say no one date
    entry = entry_date(reading, i)
    main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
    later = any(c.lower_ in LATER for c in verb.children)
    own_dates = any(pr.same(pr.anchor(p, x.start), verb) for x in d.dates(reading, i))
    if entry is not None and main and not later and not own_dates:
        return entry
    return None


def _read_already(reading, i: int, at: int) -> bool:
    """Say whether another rule has stated a fact with the words at this offset."""
    spans = reading.memory.get("claimed-spans")
    if spans is None:  # the other rules have read every sentence by now
        starts = [s.start for s in reading.sentences]
        spans = {}
        for c in reading.facts.claims:
            k = bisect.bisect_right(starts, c.start) - 1
            spans.setdefault(k, []).append((c.start, c.end))
        reading.memory["claimed-spans"] = spans
    return any(a <= at < b for a, b in spans.get(i, ()))


def _actors(reading, i: int, p, phrase: set) -> list:
    """Return the states, regions and organisations a phrase names (a demonym only for a
    state's body: "the Ghanaian authorities"; none in an apposition: "X, a U.S. officer")."""
    doc = reading.doc.text
    found = []
    for m in d.mentions(reading, i, ACTORS):
        token = p.token_at(m.start)
        if token is None or token.i not in phrase or _in_apposition(token, phrase):
            continue
        if m.via == "demonym" and not STATE_BODY.match(doc, m.end):
            continue
        found.append(m.entity)
    return found


def _in_apposition(token, phrase: set) -> bool:
    """Say whether a word lies in an apposition inside a phrase."""
    while token.i in phrase and token.head.i != token.i:
        if token.dep_ == "appos":
            return True
        token = token.head
    return False


def _people(reading, i: int, p, head) -> list:
    """Return the people a phrase names as its head: "President X", "the minister, X", "X and
    Y"; not "X's nominee" nor "the government of X"."""
    heads = {t.i for t in head.subtree if t.i == head.i or _heads_chain(t, head)}
    return [x for x in d.people(reading, i) if p.token_at(x.end - 1).i in heads]


def _heads_chain(token, head) -> bool:
    """Say whether a word stands for its phrase's head: a compound, conjunct or apposition."""
    while token.i != head.i:
        if token.dep_ not in ("compound", "conj", "appos", "flat", "cc", "punct", "nmod"):
            return False
        token = token.head
    return True


def _pronoun(reading, i: int, word: str):
    """Return what a subject pronoun stands for: (people, states), or None."""
    if word in PERSON_PRONOUNS and i > 0:
        before = {x.name: x for x in d.people(reading, i - 1)}
        if len(before) == 1:
            return [(i - 1, next(iter(before.values())))], []
    if word in PAIR_PRONOUNS:
        pair = d.antecedent(reading, i)
        if pair:
            return [], list(pair)
    return None


def _parties(reading, i: int, p, verb) -> tuple[list, list, list]:
    """Return the people, actors and places of a verb's clause, by their place in the parse."""
    people, actors, places = [], [], []
    subjects = pr.subjects(verb)
    for c in [*verb.children, *(t for t in subjects if t.head.i != verb.i)]:
        heads = []
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") or c in subjects:
            if c.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                c = verb.head  # "South Africa, which had left ...": the antecedent
            elif c.dep_.startswith("nsubj") and c.lower_ in PERSON_PRONOUNS | PAIR_PRONOUNS:
                found = _pronoun(reading, i, c.lower_)
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
                places += _places(reading, i, p, c)
            continue
        if c.dep_ in ("dobj", "xcomp", "advcl") or (c.dep_ == "relcl" and _infinitival(c)):
            heads += _party_objects(c)  # "imposed an embargo on X", "to sign a pact with X"
        for head in heads:
            people += [(i, x) for x in _people(reading, i, p, head)]
            actors += _actors(reading, i, p, _phrase(head))
    for c in verb.children:  # "talks ... in Bern broke down": the place of an event noun
        if (c.dep_ in ("nsubj", "nsubjpass", "dobj")) and c.lemma_.lower() in EVENT_NOUNS:
            for g in c.children:
                if g.dep_ == "prep" and g.lower_ in PLACE_PREPOSITIONS:
                    places += _places(reading, i, p, g)
    return people, list(dict.fromkeys(actors)), list(dict.fromkeys(places))


def _party_objects(token) -> list:
    """Return the objects of the party prepositions under an object or an infinitive: "an
    embargo on X", "to impose an embargo on X", "a treaty with X"."""
    if token.dep_ in ("xcomp", "advcl", "relcl") and not _infinitival(token):
        return []
    found = []
    for t in pr.own_words(token):
        if t.dep_ == "prep" and t.lower_ in PARTY_PREPOSITIONS and t.head.pos_ in ("NOUN", "VERB"):
            found += [g for g in t.children if g.dep_ == "pobj"]
        elif t.dep_ == "dobj" and t.head.i == token.i and token.pos_ == "VERB":
            found.append(t)
    return found


def _places(reading, i: int, p, prep) -> list:
    """Return the places a preposition "in"/"at" names as its object's head: "in Bern,
    Switzerland", not "in the hills north of Accra"."""
    heads = set()
    for g in prep.children:
        if g.dep_ == "pobj":
            heads |= {t.i for t in g.subtree if _heads_chain(t, g)}
    found = []
    for m in d.mentions(reading, i, PLACE):
        token = p.token_at(m.start)
        if m.via not in ("demonym", "reference") and token is not None and token.i in heads:
            found.append(m.entity)
    return found


def _label(p, verb, leave_out: set) -> str:
    """Write what happened in the clause's own words, without its date and fronted phrases."""
    words = [t for t in clause_words(verb, label=True) if t.i not in leave_out]
    subject = pr.subjects(verb)
    first = min((t.i for c in subject for t in c.subtree), default=verb.i)
    words = [t for t in words if t.i >= first]  # not what comes before: "On 3 May, ..."
    if subject and subject[0].head.i != verb.i:  # "In May 2019 Chile and Peru signed ..."
        words = sorted({*words, *(t for c in subject for t in pr.own_words(c))}, key=_order)
    if subject and subject[0].lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        antecedent = [t for t in pr.own_words(verb.head) if t.i not in leave_out]
        while antecedent and antecedent[-1].is_punct:
            antecedent.pop()
        words = antecedent + [t for t in words if t.i != subject[0].i]
    while words and (words[0].is_punct or words[0].dep_ in ("cc", "mark")):
        words.pop(0)
    # No comma beside a clause left out: "Algeria, whose ambassador ..., suspended".
    words = [t for k, t in enumerate(words) if not t.is_punct or _between_kept(words, k)]
    cut = next((k for k, t in enumerate(words) if t.text in CUTS), len(words))
    words = words[:cut]  # "visits Tokyo \u2013 the first visit since ...": an aside
    words = words[:MAX_LABEL_WORDS]
    while words and (_dangling(words) or words[-1].dep_ in ("cc", "mark", "prep", "det")):
        words.pop()
    text, last = "", None
    for t in words:
        gap = "" if last is None else (last.whitespace_ if t.i == last.i + 1 else " ")
        text += gap + t.text
        last = t
    text = text.replace(" ,", ",").replace(",,", ",")
    return text[:1].upper() + text[1:]


def _dangling(words: list) -> bool:
    """Say whether the last word is a mark with nothing to close: a comma, a quote opened
    before the label."""
    last = words[-1]
    if last.text in ('"', "\u201d", ")"):
        opening = {'"': '"', "\u201d": "\u201c", ")": "("}[last.text]
        return (
            sum(t.text == opening for t in words[:-1]) % 2 == 0
            if last.text == '"'
            else (not any(t.text == opening for t in words[:-1]))
        )
    return last.is_punct


def _between_kept(words: list, k: int) -> bool:
    """Say whether words[k] stands right between the kept words around it."""
    before = k == 0 or words[k - 1].i == words[k].i - 1
    after = k + 1 == len(words) or words[k + 1].i == words[k].i + 1
    return before and after


def _date_words(p, dates: list) -> set:
    """Return the token indices of the dates, with the words that introduce them ("on the")."""
    found = set()
    for x in dates:
        inside = [t for t in p.tokens if x.start <= p.start(t) < x.end]
        found |= {t.i for t in inside}
        for t in inside:
            if t.head.i == t.i or x.start <= p.start(t.head) < x.end:
                continue
            found |= {c.i for c in t.children if c.dep_ in ("det", "case")}
            if t.dep_ == "pobj" and t.head.dep_ == "prep":
                found.add(t.head.i)
    return found


def happenings(reading, i: int) -> None:
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
        if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING_VERBS:
            continue  # "Tokyo protests that all claims were settled": what Tokyo says
        when = _when(reading, i, p, verb, dates)
        if when is None or _read_already(reading, i, p.start(verb)):
            continue
        if copula and when.precision != DKG.PrecisionDay and when is not entry:
            continue  # "in 2011 the population was ...": a state, not an event
        people, actors, places = _parties(reading, i, p, verb)
        if not (people or actors or places or entry is not None):
            continue
        _assert(reading, i, p, verb, when, (people, actors, places), dates)


def _assert(reading, i: int, p, verb, when, parties, dates) -> None:
    """Assert the event of a verb's clause, stated by the clause's words."""
    people, actors, places = parties
    words = clause_words(verb)
    subject = pr.subjects(verb)
    if subject and subject[0].lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        words += pr.own_words(verb.head)  # "the Truro, which docked at ...": its antecedent
    lo, hi = min(p.start(t) for t in words), max(p.end(t) for t in words)
    if when.start >= reading.sentences[i].start:  # the date in the sentence is part of it
        lo, hi = min(lo, when.start), max(hi, when.end)
    label = _label(p, verb, _date_words(p, dates))
    cls = EVENT_VERBS.get(verb.lemma_.lower(), DKG.Event)
    if cls == DKG.Meeting and len(actors) + len(people) < 2:
        cls = DKG.Event  # a meeting has two sides: "Japan met its targets" is none
    pairs = [(DKG.participant, reading.facts.use(e)) for e in actors]
    for k, person in people:
        pairs.append((DKG.participant, d.state_person(reading, k, person, "event-clause")))
    pairs += [(DKG.location, reading.facts.use(e)) for e in places]
    if when.end_value:
        pairs += [(DKG.startDate, d.literal(when)), (DKG.endDate, _end(when))]
    else:
        pairs.append((DKG.date, d.literal(when)))
    key = f"{label[:80]}-{when.value}"
    d.event(reading, i, cls, key, label, pairs, "event-clause", (lo, hi))


def _end(when) -> Literal:
    """Return the last day (or year) of a span of dates as a literal."""
    return Literal(when.end_value, datatype=date_type(when.end_value)[0])


RULES = [happenings]
