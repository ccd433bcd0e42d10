"""Say who the parties of an agreement are, from the parse of the sentence that names it.

Parties are read where English puts them: the subject of the verb that signs it ("the
foreign ministers of Argentina and Chile signed a treaty"), the agent of a passive ("was
signed by the two governments"), "between A and B", "with B" beside its signer, the owner of
"its 2002 treaty with Spain", the subject of "are among the signatories of", the states its
own title joins ("the Japan-Australia Economic Partnership Agreement", "the Treaty on
Franco-German Cooperation"), and those it commits or links ("commits the two governments",
"linking Malaysia and Singapore with Australia"). Which states a phrase names is
agreement_actors' to say.
"""

import itertools
import re

from spacy.tokens import Token

from ...reading.gazetteer import Entity, gazetteer
from ...reading.lexicon import (
    AGREEMENT_CESSION_VERBS,
    AGREEMENT_COMMIT_VERBS,
    AGREEMENT_FRAME_VERBS,
    AGREEMENT_MEANS,
    AGREEMENT_SIGN_VERBS,
    AGREEMENT_SIGNING_NOUNS,
    COMBINING_FORMS,
)
from ...reading.mentions import Mention
from . import Reading
from .agreement_actors import Party, actors, is_party
from .parse_paths import agent, clauses_of, conjuncts, preps, root_of, span_of, stand_in, subject

RELATIONSHIP = re.compile(r"\b(?:relationship|relations|ties|partnership|cooperation)\b", re.I)


def tops(reading: Reading, root: Token, words: tuple[Token, ...] = ()) -> list[Token]:
    """Return the heads of the phrases that name an agreement's parties, by the frame it is in.

    words are the tokens of the naming: "a memorandum of understanding with Brazil".
    """
    own = [t for t in words if t != root]
    found: list[Token] = preps(root, {"between"}) + [p for t in own for p in preps(t, {"between"})]
    for child in (c for t in clauses_of(root) for c in t.children):  # "the treaty, signed by"
        signers = [c for c in child.children if c.dep_ in ("acl", "relcl")]
        if child.dep_ == "appos" and any(c.lemma_ in AGREEMENT_SIGN_VERBS for c in signers):
            found.append(child)  # "the treaty the two countries signed" (read as apposition)
        if child.dep_ in ("acl", "relcl"):
            found += [t for c in child.subtree if c.lower_ == "between" for t in c.children
                      if t.dep_ == "pobj"]  # fmt: skip
            if child.lemma_ in AGREEMENT_SIGN_VERBS:
                found += agent(child)
                subj = subject(child) if child.dep_ == "relcl" else None
                found += [subj] if subj is not None and subj.lower_ not in ("which", "that") else []
            if child.lemma_ in AGREEMENT_COMMIT_VERBS:
                found += [c for c in child.children if c.dep_ == "dobj"] + preps(child, {"with"})
    tok: Token = stand_in(root)
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head  # "signed the Treaty of X and the Convention on Y"
    head, dep = tok.head, tok.dep_
    if dep in ("dobj", "attr", "oprd") and head.lemma_ in AGREEMENT_SIGN_VERBS:
        found += [s for s in [subject(head)] if s is not None] + preps(head, {"with"})
        found += preps(root, {"with"}) + [p for t in own for p in preps(t, {"with"})]
    elif dep in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        for verb in conjuncts(head):  # "It was signed by ...", "It ... and commits A and B"
            if verb.lemma_ in AGREEMENT_SIGN_VERBS and (dep == "nsubjpass" or verb != head):
                found += agent(verb) + preps(verb, {"between"})
            if verb.lemma_ in AGREEMENT_COMMIT_VERBS:
                found += [c for c in verb.children if c.dep_ == "dobj"] + preps(verb, {"with"})
    elif dep in ("attr", "pobj", "dobj") and (frame := _frame(head)) is not None:
        found.append(frame)
    if dep == "pobj":
        found += _through(tok.head)
    if any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in root.children):
        owner = head if head.pos_ in ("VERB", "AUX") else None  # the verb "its" hangs from
        found += [s for s in [subject(owner)] if s is not None] + preps(root, {"with"})
        found += preps(owner, {"with"}) if owner is not None else []
    return found


def _frame(tok: Token) -> Token | None:
    """Return the subject of "the relationship rests on / is ..." governing tok, or None."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head != tok:
        tok = tok.head
    subj: Token | None = subject(tok)
    if tok.lemma_ in AGREEMENT_FRAME_VERBS and subj is not None:
        lo, hi = span_of(subj)
        if RELATIONSHIP.search(subj.doc.text[lo - subj.doc[0].idx : hi - subj.doc[0].idx]):
            return subj
    return None


def _through(prep: Token) -> list[Token]:
    """Return the actors of "A launched X through the Y", "the signatories of the Y"."""
    head = prep.head
    if prep.lower_ in AGREEMENT_MEANS and head.pos_ == "VERB":
        found: list[Token] = [s for s in [subject(head)] if s is not None] + preps(head, {"with"})
        if head.lemma_ in AGREEMENT_CESSION_VERBS:
            found += preps(head, {"to"})
        return found
    if prep.lower_ == "of" and head.lemma_ in AGREEMENT_SIGNING_NOUNS:
        verb = head
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head
        subj: Token | None = subject(verb)
        return [subj] if subj is not None else []
    if prep.lower_ in ("including", "such") and head.pos_ in ("NOUN", "PROPN"):
        return tops_of_list(head)
    return []


def tops_of_list(noun: Token) -> list[Token]:
    """Return the parties' phrases of a list's noun: "agreements, including ..."."""
    tok = noun
    while tok.dep_ in ("pobj", "prep") and tok.head != tok:
        tok = tok.head
    frame = _frame(tok)
    return [frame] if frame is not None else []


def in_title(reading: Reading, i: int, start: int, end: int) -> list[Party]:
    """Return the states a title joins with a dash: "Japan-Australia", "Franco-German"."""
    text = reading.doc.text
    found: list[Party] = []
    inside = [m for m in reading.mentions[i] if start <= m.start < end and is_party(m.entity)]
    for a, b in itertools.pairwise(inside):
        if re.fullmatch(r"\s*[-\u2013]\s*", text[a.end : b.start]) and a.entity != b.entity:
            found += [Party(a.entity, a.start, a.end), Party(b.entity, b.start, b.end)]
    for m in re.finditer(rf"\b({'|'.join(COMBINING_FORMS)})-(?=[A-Z])", text[start:end]):
        after = [x for x in inside if x.start == start + m.end()]
        state = gazetteer().state(COMBINING_FORMS[m[1]])
        if after and state is not None and state != after[0].entity:
            at = start + m.start()
            found += [Party(state, at, at + len(m[1])), Party(after[0].entity, *_span(after[0]))]
    return found


def _span(m: Mention) -> tuple[int, int]:
    return m.start, m.end


def parties(reading: Reading, i: int, start: int, end: int, title: bool) -> list[Party]:
    """Return the parties of the agreement named at [start, end) of sentence i."""
    root: Token | None = root_of(reading, start, end)
    found = in_title(reading, i, start, end) if title else []
    if root is not None:
        words = tuple(t for t in root.doc[root.i - 20 if root.i > 20 else 0 : root.i + 20]
                      if start <= t.idx < end)  # fmt: skip
        for top in tops(reading, root, words):
            found += actors(reading, i, top)
    out: list[Party] = []
    seen: set[Entity] = set()
    for p in found:
        if p.entity not in seen:
            seen.add(p.entity)
            out.append(p)
    return out
