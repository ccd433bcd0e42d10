"""Read clauses from the parse: a sentence's predicates, the words of each one's own clause,
what a date is attached to, and whether a clause says that something happened.

Offsets handed out here are document offsets. A timeline entry ("18 May 2015 \u2013 The two
states sign ...") is parsed again without its opening date, which the parser would otherwise
take for the subject of the entry's first clause.
"""

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ...reading.lexicon import (
    CONDITION_WORDS,
    DURATION_WORDS,
    EVENT_NOUNS,
    INTENTION_VERBS,
    NEGATIVE_WORDS,
    STATIVE_VERBS,
    TIME_UNITS,
)
from ...reading.values import DateMatch
from . import Reading
from .when import entry_date

# Dependencies that open a clause of its own under a word: its words are not the word's.
CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "parataxis", "acl", "csubj", "conj", "list"})
# What stands between an entry's date and its body: "18 May 2015 \u2013 The ...".
ENTRY_MARK = re.compile(r"[\s\-\u2013\u2014:]*")
# The dependencies of a verb that heads a clause.
HEADS = frozenset({"ROOT", "conj", "relcl", "advcl", "ccomp", "parataxis", "acl", "dep"})
# How a date qualifies a noun ("the 1977 award", "the 2019 summit"), not the verb.
NOUN_MODIFIERS = frozenset({"compound", "nummod", "amod", "nmod", "poss", "appos"})


@dataclass(frozen=True)
class Parsed:
    """The tokens of a sentence's parse, and what to add to a token's idx for its offset."""

    tokens: Span | Doc
    offset: int
    starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", tuple(t.idx + self.offset for t in self.tokens))

    def start(self, token: Token) -> int:
        return token.idx + self.offset

    def end(self, token: Token) -> int:
        return token.idx + len(token.text) + self.offset

    def token_at(self, offset: int) -> Token | None:
        """Return the token that holds a document offset (the next one if it is a space)."""
        k = bisect.bisect_right(self.starts, offset) - 1
        if k < 0:
            return self.tokens[0] if len(self.tokens) else None
        token = self.tokens[k]
        if offset >= self.end(token) and k + 1 < len(self.tokens):
            return self.tokens[k + 1]
        return token


def parsed(reading: Reading, i: int) -> Parsed | None:
    """Return the parse of sentence i (the body of a timeline entry parsed on its own)."""
    cache = reading.memory.parsed_sentences
    if cache is None:
        cache = reading.memory.parsed_sentences = _entry_bodies(reading)
    if i in cache:
        return cache[i]
    s = reading.sentences[i]
    span = (
        None
        if reading.parsed is None
        else reading.parsed.char_span(s.start, s.end, alignment_mode="expand")
    )
    cache[i] = Parsed(span, 0) if span is not None else None
    return cache[i]


def _entry_bodies(reading: Reading) -> dict[int, Parsed | None]:
    """Parse the bodies of a document's timeline entries, all at once, without their dates."""
    text, bodies = reading.doc.text, {}
    for i, s in enumerate(reading.sentences):
        entry = entry_date(reading, i)
        if entry is not None and s.start <= entry.start < s.end:  # the entry's first sentence
            mark = ENTRY_MARK.match(text, entry.end)  # it matches, if only the empty string
            bodies[i] = mark.end() if mark else entry.end
    if not bodies:
        return {}
    from ...reading.pipeline import nlp

    ends = {i: reading.sentences[i].end for i in bodies}
    docs = nlp().pipe(text[bodies[i] : ends[i]] for i in bodies)
    return {i: Parsed(doc, bodies[i]) for i, doc in zip(bodies, docs, strict=True)}


def finite(token: Token) -> bool:
    """Say whether a verb is finite: it has a tense (or a tensed auxiliary) of its own."""
    if token.tag_ in ("VBD", "VBZ", "VBP"):
        return not any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)
    tensed = any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in token.children)
    if token.tag_ in ("VBN", "VB", "VBG") and tensed:
        return True
    # "Yoon and Kishida join ...": a present the tagger took for the bare form, heading its
    # sentence with a subject of its own (an imperative has none, an infinitive its "to").
    return (
        token.tag_ == "VB"
        and token.dep_ == "ROOT"
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
        and not any(c.dep_ in ("aux", "auxpass") for c in token.children)
    )


def predicates(p: Parsed) -> list[Token]:
    """Return the finite verbs that head a clause, in text order."""
    return [t for t in p.tokens if t.pos_ in ("VERB", "AUX") and t.dep_ in HEADS and finite(t)]


def opens_clause(token: Token) -> bool:
    """Say whether a word heads a clause of its own below its head ("which docked ...", "and
    Sweden recognised ..."); a coordinated name ("Japan and Korea") does not."""
    if token.dep_ in ("conj", "dep"):
        return token.pos_ in ("VERB", "AUX")
    return token.dep_ in CLAUSE_DEPS


def subjects(verb: Token) -> list[Token]:
    """Return the subjects of a verb. The parser reads "In May 2019 Chile and Peru signed" as
    one phrase "in May 2019 Chile and Peru": the names after the date are the subject."""
    found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if found:
        return found
    # "The Supreme Court of Korea orders ...", parsed with no subject: the name before the verb.
    found = [c for c in verb.children if c.i < verb.i and c.dep_ in ("nmod", "npadvmod", "dep")]
    if found and all(c.pos_ in ("NOUN", "PROPN") and not _date(c) for c in found):
        return found[-1:]
    for c in verb.children:
        if c.dep_ == "prep" and c.i < verb.i:
            objects = [g for g in c.children if g.dep_ == "pobj"]
            if any(_date(t) for g in objects for t in g.subtree):  # "In May 2019 Chile ..."
                return [g for g in objects if not _date(g) and g.pos_ == "PROPN"]

    return []


def own_words(token: Token) -> list[Token]:
    """Return a word and the words under it, leaving out the clauses of their own below it."""
    found, todo = [], [token]
    while todo:
        t = todo.pop()
        if not t.is_space:
            found.append(t)
        todo.extend(c for c in t.children if not opens_clause(c))
    return sorted(found, key=lambda t: t.i)


def anchor(p: Parsed, start: int) -> Token | None:
    """Return the word a phrase at a document offset (a date) belongs to: the first verb above
    it in the parse, or the noun it qualifies: "the War of 1870", "the War (1939-40)", "the
    1977 award", "the summit in May" (a noun of an event)."""
    first = p.token_at(start)
    if first is None:
        return None
    token = first
    bracketed = first.i > 0 and first.nbor(-1).text == "("
    qualifier = first.i > 0 and first.nbor(-1).dep_ in ("det", "poss")  # "the 1977 award"
    while token.head.i != token.i:
        if token.pos_ in ("VERB", "AUX") and token.dep_ == "prep":  # "following X on <date>"
            noun = next((c for c in token.children if c.dep_ == "pobj"), None)
            return noun if noun is not None and names_event(noun) else token
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass", "amod"):
            return token
        head = token.head

        if head.pos_ in ("NOUN", "PROPN") and not _date(head):
            event = names_event(head) and token.dep_ in NOUN_MODIFIERS | {"prep"}
            if bracketed or event or (qualifier and token.dep_ in NOUN_MODIFIERS):
                return head
        if token.dep_ == "pobj" and head.lower_ == "of":
            owner = head.head
            if owner.pos_ in ("NOUN", "PROPN") and not _date(owner):
                return owner
        token = head
    return token


def names_event(token: Token) -> bool:
    """Say whether a word is a noun of the lexicon's events: "summit", "talks"."""
    return token.lower_ in EVENT_NOUNS or token.lemma_.lower() in EVENT_NOUNS


def _date(token: Token) -> bool:
    """Say whether a word is part of a date the recogniser found: "22 August 1944"."""
    return token.ent_type_ == "DATE"


def date_object(p: Parsed, date: DateMatch, verb: Token) -> Token | None:
    """Return the word of a date a verb acts on, or None: a date with no preposition right
    after the verb ("recognises 17 August 1945 as ..."), not "were restored the next year"."""
    if date.relation is not None or date.relative is not None:
        return None
    first = p.token_at(date.start)
    if first is None:
        return None
    token = first
    while token.head.i != token.i and date.start <= p.start(token.head) < date.end:
        token = token.head
    between = verb.doc[verb.i + 1 : first.i]
    after = first.i > verb.i and all(t.is_punct or t.pos_ == "ADV" for t in between)
    return token if token.head.i == verb.i and after else None


def same(a: Token | None, b: Token | None) -> bool:
    """Say whether two tokens of one parse are the same word."""
    return a is not None and b is not None and a.i == b.i


def happened(verb: Token) -> bool:
    """Say whether a clause states that something happened: no modal, negation, condition,
    intention or question."""
    if verb.lemma_.lower() in INTENTION_VERBS:
        return False
    for c in verb.children:
        if c.dep_ in ("aux", "auxpass") and c.tag_ == "MD":
            return False
        if c.dep_ == "neg" or (c.lower_ in NEGATIVE_WORDS and c.dep_ in ("advmod", "det", "cc")):
            return False
        if c.dep_ == "mark" and c.lower_ in CONDITION_WORDS:
            return False
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
            g.dep_ == "det" and g.lower_ == "no" for g in c.children
        ):
            return False
    if verb.lemma_ == "be" and any(c.dep_ == "xcomp" and _infinitive(c) for c in verb.children):
        return False  # "South Ledge is to belong to ..."
    if any(c.dep_ == "prep" and c.lower_ in DURATION_WORDS for c in verb.children):
        return False  # "is ruled as a colony until 1945": a state that lasted
    if any(c.dep_ == "prep" and c.lower_ in ("for", "over") and _lasting(c) for c in verb.children):
        return False  # "is disputed for the next two decades"
    head = verb.head
    if verb.dep_ in ("conj", "xcomp") and head.i != verb.i and head.pos_ in ("VERB", "AUX"):
        shares = not any(
            c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ == "aux" and c.tag_ != "TO")
            for c in verb.children
        )

        if shares and not happened(head):
            return False  # "would cut tariffs and remove quotas"
    sent = verb.sent
    return not sent.text.rstrip().endswith("?")


def _lasting(prep: Token) -> bool:
    """Say whether a preposition's object is a length of time: "for two decades"."""
    return any(g.dep_ == "pobj" and g.lemma_.lower() in TIME_UNITS for g in prep.children)


def _infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)


def infinitival(token: Token) -> bool:
    """Say whether a clause is an infinitive with no subject: "to impose an embargo"."""
    return _infinitive(token) and not any(c.dep_.startswith("nsubj") for c in token.children)


def stative(verb: Token) -> bool:
    """Say whether a verb states a lasting state, not an event: "is", "has", "remains"."""
    return verb.lemma_.lower() in STATIVE_VERBS
