"""Walk the parse of a sentence: the token at an offset, the head of a phrase, a verb's
subject, agent and prepositional objects, the verbs coordinated with a verb, and whether the
verbs above a phrase say it did not, may or will happen.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from ...reading.lexicon import INTENTION_HEADS, MODAL_AUXILIARIES, TENTATIVE, TENTATIVE_HEADS
from . import Reading

if TYPE_CHECKING:  # spaCy loads with the pipeline (reading/pipeline.py), not with the rules
    from spacy.tokens import Doc, Token


def parse_of(reading: Reading) -> Doc:
    """Return the parse of a reading's whole text (rules read parsed documents only)."""
    parsed = reading.parsed
    assert parsed is not None, "a document is parsed before its rules read it"
    return parsed


def token_at(reading: Reading, offset: int) -> Token | None:
    """Return the token of the parse that holds a document offset, or None."""
    starts = reading.memory.token_starts
    if starts is None:
        starts = reading.memory.token_starts = [t.idx for t in parse_of(reading)]
    k = bisect.bisect_right(starts, offset) - 1
    if k < 0:
        return None
    tok = parse_of(reading)[k]
    return tok if tok.idx <= offset < tok.idx + max(1, len(tok.text)) else None


def span_of(tok: Token) -> tuple[int, int]:
    """Return the document span of a token's subtree."""
    sub = list(tok.subtree)
    return sub[0].idx, sub[-1].idx + len(sub[-1].text)


def stand_in(root: Token) -> Token:
    """Return the token that plays a naming's part in its clause: the naming's head, or the
    date a timeline entry opens with when the parser made the naming its apposition ("1971 -
    The Five Power Defence Arrangements ... come into effect")."""
    head = root.head
    if root.dep_ == "appos" and head.i == head.sent.start and head.like_num:
        return head
    return root


def clauses_of(root: Token) -> list[Token]:
    """Return the tokens whose clauses are a naming's own: its head and its stand-in."""
    return [root] if stand_in(root) is root else [root, stand_in(root)]


def root_of(reading: Reading, start: int, end: int) -> Token | None:
    """Return the token whose head lies outside [start, end): the head of a naming."""
    tok = token_at(reading, start)
    while tok is not None and tok.head != tok and start <= tok.head.idx < end:
        tok = tok.head
    return tok


def subject(verb: Token | None) -> Token | None:
    """Return the subject of a verb, or of the verb it is coordinated with; of two, the one
    nearer the verb ("VATICAN CITY, Nov. 29 - The ministers ... signed")."""
    first = verb
    while verb is not None:
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            at = verb.i
            return min(subj, key=lambda c: abs(at - c.i))
        verb = verb.head if verb.dep_ in ("conj", "xcomp") and verb.head != verb else None
    # "On 8 May 2019 the Tánaiste ... signed": the parser makes the names after a fronted date
    # the object of its preposition; they are the subject (predicates.subjects).
    from .predicates import subjects

    fronted = subjects(first) if first is not None and first.pos_ in ("VERB", "AUX") else []
    return fronted[0] if fronted else None


def preps(tok: Token, words: set[str]) -> list[Token]:
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ in words
            for g in c.children if g.dep_ == "pobj"]  # fmt: skip


def agent(verb: Token) -> list[Token]:
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def conjuncts(verb: Token) -> list[Token]:
    """Return a verb with the verbs coordinated with it: "was signed ... and entered ..."."""
    while verb.dep_ == "conj" and verb.head != verb and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    out, todo = [], [verb]
    while todo:
        v = todo.pop()
        out.append(v)
        todo += [c for c in v.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    return out


def hedged(reading: Reading, start: int, end: int) -> bool:
    """Say whether the parse says an agreement is not, may be or will be signed, or is only a
    draft: "may sign", "did not sign", "plans to sign", "negotiations on", "a possible treaty"."""
    root = root_of(reading, start, end)
    if root is None:
        return False
    if any(c.lower_ in TENTATIVE for c in root.children if c.dep_ in ("amod", "compound")):
        return True
    tok = root
    while tok.head != tok:
        head = tok.head
        if any(t.text == ";" for t in tok.doc[min(tok.i, head.i) : max(tok.i, head.i)]):
            return False  # the parser's link over a semicolon joins two clauses of their own
        if tok.dep_ == "pobj" and head.head.lemma_ in TENTATIVE_HEADS:
            return True
        if head.pos_ in ("VERB", "AUX"):
            if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in MODAL_AUXILIARIES)
                   for c in head.children):  # fmt: skip
                return True
            if head.lemma_ in INTENTION_HEADS or head.lemma_ in TENTATIVE_HEADS:
                return True
            if head.dep_ not in ("xcomp", "conj", "ccomp", "advcl"):
                return False
        tok = head
    return False
