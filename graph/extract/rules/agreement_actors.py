"""Say which states a phrase names as actors: the states in it by name ("the foreign
ministers of Argentina and Chile", "Malaysia's Prime Minister", "relations between Italy and
Malta"), the pair "the two countries" (governments, sides) stand for, the pair of "the
relationship", and the states of people the document named before as their officers.
"""

import re
from dataclasses import dataclass
from typing import TypeGuard

from spacy.tokens import Token

from ...reading.gazetteer import Entity
from ...reading.lexicon import (
    ACTOR_KINDS,
    OFFICE_STATES,
    POLITY_KINDS,
    RELATIONSHIP_NOUNS,
    STATE_KINDS,
)
from ...vocab import DKG
from . import Reading
from . import discourse as d
from .parse_paths import span_of, token_at

PAIR_WORDS = re.compile(
    r"\b(?:the|both|our)\s+(?:two\s+)?(?:countries|nations|governments|states|sides|kingdoms"
    r"|neighbou?rs|republics)\b",
    re.I,
)
# Needs "two" or "both": "the governments" alone may mean any governments.
PAIR_NEEDS = re.compile(r"\b(?:two|both)\b", re.I)
# Dependencies along which a name stays the actor a phrase speaks of: "the foreign ministers
# of Argentina and Chile", "Malaysia's Prime Minister", not "a minister born in Chile".
ACTOR_PATH = {"compound", "poss", "conj", "cc", "appos", "amod", "det", "nummod", "nmod",
              "punct", "pobj", "case"}  # fmt: skip
# Prepositions after which a name is still the actor: "the ministers of Chile", "relations
# between Italy and Spain".
ACTOR_PREPS = {"of", "between"}


@dataclass(frozen=True)
class Party:
    """A party of an agreement and where the words that name it are (document offsets)."""

    entity: Entity
    start: int
    end: int
    heading: bool = False  # named by the heading of a list: its words alone state it


def pair_before(reading: Reading, i: int, offset: int) -> tuple[Entity, ...]:
    """Return the two states "the two countries" stand for: the last two named together
    before offset in its paragraph ("Argentina and Chile"), else the two the document names
    most, else the last two named together anywhere before."""
    para = d.paragraph(reading, i)
    before = list(range(i, -1, -1))
    near = [k for k in before if d.paragraph(reading, k) == para]
    for ks in (near, None, before):
        if ks is None:
            if most_named(reading):
                return most_named(reading)
            continue
        for k in ks:
            found = _pairs(reading, k, offset if k == i else None)
            if found:
                return found[-1].entities
    return ()


def _pairs(reading: Reading, k: int, hi: int | None) -> list[d.Group]:
    """Return the groups of exactly two states that sentence k names (before hi)."""
    return [
        g
        for g in d.groups(reading, k, STATE_KINDS, 0, hi)
        if len(g.entities) == 2
        and d.for_states(reading, k, g)
        and all(m.via != "reference" for m in reading.mentions[k] if g.start <= m.start < g.end)
    ]


def most_named(reading: Reading) -> tuple[Entity, ...]:
    """Return the two states a document names most, when they stand out from the third (the
    one it speaks for and the one it names most, if it speaks for one); a currency sign
    ("US$ 3bn") names no state."""
    if reading.memory.most_named is None:
        text, me = reading.doc.text, reading.context.speaker
        counts: dict[Entity, int] = {}
        for m in (m for found in reading.mentions for m in found):
            sign = text[m.end : m.end + 1] == "$"
            if m.entity.kind == "state" and m.via != "reference" and m.entity != me and not sign:
                counts[m.entity] = counts.get(m.entity, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        wanted = 1 if me else 2
        clear = len(ranked) >= wanted and (
            len(ranked) == wanted or ranked[wanted - 1][1] > ranked[wanted][1]
        )
        pair = ([me] if me else []) + [e for e, _ in ranked[:wanted]]
        reading.memory.most_named = tuple(pair) if clear else ()
    return reading.memory.most_named


def _actor_path(tok: Token, top: Token) -> bool:
    """Say whether tok names the actor of the phrase headed by top (see ACTOR_PATH)."""
    while tok != top:
        if tok.dep_ not in ACTOR_PATH and not (tok.dep_ == "prep" and tok.lower_ in ACTOR_PREPS):
            return False
        if tok.head == tok:
            return False
        tok = tok.head
    return True


def actors(reading: Reading, i: int, top: Token | None) -> list[Party]:
    """Return the states (and organisations) a phrase headed by token top names as actors."""
    if top is None:
        return []
    lo, hi = span_of(top)
    found: list[Party] = []
    for g in d.groups(reading, i, ACTOR_KINDS, lo, hi):
        if not d.for_states(reading, i, g):
            continue
        for m in reading.mentions[i]:
            if not (g.start <= m.start < g.end) or m.via == "reference":
                continue
            tok: Token | None = token_at(reading, m.start)
            if tok is not None and _actor_path(tok, top) and is_party(m.entity):
                found.append(Party(m.entity, m.start, m.end))
    for w in PAIR_WORDS.finditer(reading.doc.text, lo, hi):
        tok = token_at(reading, w.end() - 1)
        if PAIR_NEEDS.search(w.group()) and tok is not None and _actor_path(tok, top):
            found += [Party(e, w.start(), w.end()) for e in pair_before(reading, i, w.start())]
    found += _signers_named_before(reading, i, lo, hi)
    found += _offices_of_states(reading, top, lo, hi)
    found += _posts_of_signers(reading, i, top)
    if not found and any(
        t.lemma_ in RELATIONSHIP_NOUNS for t in top.subtree
    ):  # of the pair named last
        end = top.idx + len(top.text)
        found += [Party(e, top.idx, end) for e in pair_before(reading, i, top.idx)]
    return found


def _offices_of_states(reading: Reading, top: Token, lo: int, hi: int) -> list[Party]:
    """Return the states whose offices a phrase names by a title that belongs to one state
    alone: "the Tánaiste, Simon Coveney" signs for Ireland (OFFICE_STATES)."""
    from ...reading.gazetteer import fold, gazetteer

    text = fold(reading.doc.text[lo:hi])  # accents folded: the same length, the same offsets
    found: list[Party] = []
    for title, slug in OFFICE_STATES.items():
        for m in re.finditer(rf"\b{re.escape(title)}\b", text):
            tok: Token | None = token_at(reading, lo + m.start())
            state = gazetteer().state(slug)
            if tok is not None and state is not None and _actor_path(tok, top):
                found.append(Party(state, lo + m.start(), lo + m.end()))
    return found


def _posts_of_signers(reading: Reading, i: int, top: Token) -> list[Party]:
    """Return the states of the people a phrase names whose posts the sentence gives them:
    "the Tánaiste and Minister for Foreign Affairs, Simon Coveney" signs for Ireland."""
    from .people import people_in

    while top.dep_ == "conj" and top.head != top:  # "A, B and C signed": the whole list
        top = top.head
    heads = [top]
    if top.dep_ == "nsubj":  # "X, and Y signed", parsed as two subjects of one verb
        heads += [c for c in top.head.children if c.dep_ == "nsubj" and c != top]
    found: list[Party] = []
    for head in heads:
        lo, hi = span_of(head)
        for n in people_in(reading, i):
            tok: Token | None = token_at(reading, n.end - 1)
            if not (lo <= n.start < hi) or tok is None or not _actor_path(tok, head):
                continue
            found += [Party(q.polity, *q.span) for q in n.posts if _a_state(q.polity)]
    return found


def _a_state(entity: Entity | None) -> TypeGuard[Entity]:
    return entity is not None and entity.kind == "state"


def _signers_named_before(reading: Reading, i: int, lo: int, hi: int) -> list[Party]:
    """Return the states of the people a phrase names whom the document named before as their
    state's officers: "Singapore's Prime Minister, Lee Kuan Yew" makes "Outgoing Prime
    Minister Lee Kuan Yew" sign for Singapore."""
    text = reading.doc.text
    found: list[Party] = []
    for start, end in _names(reading, lo, hi):
        name = re.escape(text[start:end])
        officer = re.compile(rf"['\u2019]s\s+(?:[A-Z][\w-]*\s+){{0,3}}[A-Z][\w-]*,?\s+{name}\b")
        for k in range(i):
            for m in reading.mentions[k]:
                if m.entity.kind == "state" and m.via != "reference" and officer.match(text, m.end):
                    found.append(Party(m.entity, start, end))
    return found


def _names(reading: Reading, lo: int, hi: int) -> list[tuple[int, int]]:
    """Return the spans that may be people's names in [lo, hi): the last two to four words of
    each run of proper nouns ("Prime Minister Lee Kuan Yew": "Kuan Yew", "Lee Kuan Yew", ...)."""
    parsed = reading.parsed
    span = parsed.char_span(lo, hi, alignment_mode="expand") if parsed is not None else None
    if span is None:  # no parse, or offsets outside it: no names
        return []
    runs: list[list[Token]] = []
    run: list[Token] = []
    for tok in [*span, None]:
        if tok is not None and tok.pos_ == "PROPN" and tok.text[:1].isupper():
            run.append(tok)
            continue
        if len(run) >= 2:
            runs.append(run)
        run = []
    return [
        (r[-n].idx, r[-1].idx + len(r[-1].text)) for r in runs for n in range(2, min(4, len(r)) + 1)
    ]


def is_party(entity: Entity) -> bool:
    return entity.kind in POLITY_KINDS or entity.cls == DKG.InternationalOrganisation
