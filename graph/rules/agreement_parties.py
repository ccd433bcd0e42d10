"""Say who the parties of an agreement are, from the parse of the sentence that names it.

Parties are read where English puts them: the subject of the verb that signs it ("the
foreign ministers of Argentina and Chile signed a treaty"), the agent of a passive ("was
signed by the two governments"), "between A and B", "with B" beside its signer, the owner of
"its 2002 treaty with Spain", the subject of "are among the signatories of", the states its
own title joins ("the Japan-Australia Economic Partnership Agreement", "the Treaty on
Franco-German Cooperation"), and those it commits or links ("commits the two governments",
"linking Malaysia and Singapore with Australia"). "The two countries" (governments, sides)
stand for the last two states named together before them.
"""

import bisect
import itertools
import re
from dataclasses import dataclass

from ..gazetteer import gazetteer
from ..lexicon import AGREEMENT_SIGN_VERBS, COMBINING_FORMS, MODALITY
from ..vocab import DKG
from . import discourse as d
from .discourse import POLITY

PAIR_WORDS = re.compile(
    r"\b(?:the|both|our)\s+(?:two\s+)?(?:countries|nations|governments|states|sides|kingdoms"
    r"|neighbou?rs|republics)\b",
    re.I,
)
# Needs "two" or "both": "the governments" alone may mean any governments.
PAIR_NEEDS = re.compile(r"\b(?:two|both)\b", re.I)
RELATIONSHIP = re.compile(r"\b(?:relationship|relations|ties)\b", re.I)
RELATION_NOUNS = {"relationship", "relation", "relations", "tie", "ties"}
# Verbs of a relationship resting on agreements: "the relationship rests on ...".
FRAME_VERBS = {"be", "rest", "build", "base", "include", "comprise", "underpin", "govern"}
COMMIT_VERBS = {"commit", "bind", "oblige", "link", "unite", "join"}
CESSION_VERBS = {"cede", "transfer", "hand", "return"}
# Nouns whose "of" names the agreement signed: "the signatories of", "the signing of".
SIGNING_NOUNS = {"signatory", "party", "signing", "signature", "conclusion", "signer"}
MEANS = {"through", "by", "under", "via"}
# Dependencies along which a name stays the actor a phrase speaks of: "the foreign ministers
# of Argentina and Chile", "Malaysia's Prime Minister", not "a minister born in Chile".
ACTOR_PATH = {"compound", "poss", "conj", "cc", "appos", "amod", "det", "nummod", "nmod",
              "punct", "pobj", "case"}  # fmt: skip
INTENTION_HEADS = {"plan", "hope", "intend", "expect", "want", "aim", "seek", "wish",
                   "propose", "prepare", "try", "attempt", "fail", "refuse", "decline",
                   "consider", "require", "oblige", "pledge", "promise", "offer"}  # fmt: skip
TENTATIVE = {"draft", "proposed", "possible", "planned", "future", "potential", "prospective",
             "new-generation"}  # fmt: skip
TENTATIVE_HEADS = {"negotiation", "talk", "draft", "proposal", "plan", "discussion",
                   "consultation", "bid"}  # fmt: skip
MODAL = set(MODALITY.split("|")) | {"may", "must"}
PARTY_KINDS = POLITY | {"organisation"}
# Prepositions after which a name is still the actor: "the ministers of Chile", "relations
# between Italy and Spain".
ACTOR_PREPS = {"of", "between"}


@dataclass(frozen=True)
class Party:
    """A party of an agreement and where the words that name it are (document offsets)."""

    entity: object
    start: int
    end: int
    heading: bool = False  # named by the heading of a list: its words alone state it


def token_at(reading, offset: int):
    """Return the token of the parse that holds a document offset, or None."""
    starts = reading.memory.get("token-starts")
    if starts is None:
        starts = reading.memory["token-starts"] = [t.idx for t in reading.parsed]
    k = bisect.bisect_right(starts, offset) - 1
    if k < 0:
        return None
    tok = reading.parsed[k]
    return tok if tok.idx <= offset < tok.idx + max(1, len(tok.text)) else None


def span_of(tok) -> tuple[int, int]:
    """Return the document span of a token's subtree."""
    sub = list(tok.subtree)
    return sub[0].idx, sub[-1].idx + len(sub[-1].text)


def stand_in(root):
    """Return the token that plays a naming's part in its clause: the naming's head, or the
    date a timeline entry opens with when the parser made the naming its apposition ("1971 -
    The Five Power Defence Arrangements ... come into effect")."""
    head = root.head
    if root.dep_ == "appos" and head.i == head.sent.start and head.like_num:
        return head
    return root


def clauses_of(root) -> list:
    """Return the tokens whose clauses are a naming's own: its head and its stand-in."""
    return [root] if stand_in(root) is root else [root, stand_in(root)]


def root_of(reading, start: int, end: int):
    """Return the token whose head lies outside [start, end): the head of a naming."""
    tok = token_at(reading, start)
    while tok is not None and tok.head != tok and start <= tok.head.idx < end:
        tok = tok.head
    return tok


def pair_before(reading, i: int, offset: int) -> tuple:
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


def _pairs(reading, k: int, hi: int | None) -> list:
    """Return the groups of exactly two states that sentence k names (before hi)."""
    return [
        g
        for g in d.groups(reading, k, d.STATE, 0, hi)
        if len(g.entities) == 2
        and d.for_states(reading, k, g)
        and all(m.via != "reference" for m in reading.mentions[k] if g.start <= m.start < g.end)
    ]


def most_named(reading) -> tuple:
    """Return the two states a document names most, when they stand out from the third (the
    one it speaks for and the one it names most, if it speaks for one); a currency sign
    ("US$ 3bn") names no state."""
    if "most-named" not in reading.memory:
        text, me = reading.doc.text, reading.context.speaker
        counts: dict = {}
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
        reading.memory["most-named"] = tuple(pair) if clear else ()
    return reading.memory["most-named"]


def _actor_path(tok, top) -> bool:
    """Say whether tok names the actor of the phrase headed by top (see ACTOR_PATH)."""
    while tok != top:
        if tok.dep_ not in ACTOR_PATH and not (tok.dep_ == "prep" and tok.lower_ in ACTOR_PREPS):
            return False
        if tok.head == tok:
            return False
        tok = tok.head
    return True


def actors(reading, i: int, top) -> list[Party]:
    """Return the states (and organisations) a phrase headed by token top names as actors."""
    if top is None:
        return []
    lo, hi = span_of(top)
    found = []
    for g in d.groups(reading, i, PARTY_KINDS, lo, hi):
        if not d.for_states(reading, i, g):
            continue
        for m in reading.mentions[i]:
            if not (g.start <= m.start < g.end) or m.via == "reference":
                continue
            tok = token_at(reading, m.start)
            if tok is not None and _actor_path(tok, top) and _is_party(m.entity):
                found.append(Party(m.entity, m.start, m.end))
    for m in PAIR_WORDS.finditer(reading.doc.text, lo, hi):
        tok = token_at(reading, m.end() - 1)
        if PAIR_NEEDS.search(m.group()) and tok is not None and _actor_path(tok, top):
            found += [Party(e, m.start(), m.end()) for e in pair_before(reading, i, m.start())]
    found += _signers_named_before(reading, i, lo, hi)
    if not found and any(t.lemma_ in RELATION_NOUNS for t in top.subtree):  # of the pair named last
        end = top.idx + len(top.text)
        found += [Party(e, top.idx, end) for e in pair_before(reading, i, top.idx)]
    return found


def _signers_named_before(reading, i: int, lo: int, hi: int) -> list[Party]:
    """Return the states of the people a phrase names whom the document named before as their
    state's officers: "Singapore's Prime Minister, Lee Kuan Yew" makes "Outgoing Prime
    Minister Lee Kuan Yew" sign for Singapore."""
    text = reading.doc.text
    found = []
    for start, end in _names(reading, lo, hi):
        name = re.escape(text[start:end])
        officer = re.compile(rf"['\u2019]s\s+(?:[A-Z][\w-]*\s+){{0,3}}[A-Z][\w-]*,?\s+{name}\b")
        for k in range(i):
            for m in reading.mentions[k]:
                if m.entity.kind == "state" and m.via != "reference" and officer.match(text, m.end):
                    found.append(Party(m.entity, start, end))
    return found


def _names(reading, lo: int, hi: int) -> list[tuple[int, int]]:
    """Return the spans that may be people's names in [lo, hi): the last two to four words of
    each run of proper nouns ("Prime Minister Lee Kuan Yew": "Kuan Yew", "Lee Kuan Yew", ...)."""
    span = reading.parsed.char_span(lo, hi, alignment_mode="expand")
    runs, run = [], []
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


def _is_party(entity) -> bool:
    return entity.kind in POLITY or entity.cls == DKG.InternationalOrganisation


def subject(verb):
    """Return the subject of a verb, or of the verb it is coordinated with; of two, the one
    nearer the verb ("VATICAN CITY, Nov. 29 - The ministers ... signed")."""
    while verb is not None:
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return min(subj, key=lambda c: abs(verb.i - c.i))
        verb = verb.head if verb.dep_ in ("conj", "xcomp") and verb.head != verb else None
    return None


def _preps(tok, words: set[str]) -> list:
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ in words
            for g in c.children if g.dep_ == "pobj"]  # fmt: skip


def _agent(verb):
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def tops(reading, root, words: tuple = ()) -> list:
    """Return the heads of the phrases that name an agreement's parties, by the frame it is in.

    words are the tokens of the naming: "a memorandum of understanding with Brazil".
    """
    own = [t for t in words if t != root]
    found = _preps(root, {"between"}) + [p for t in own for p in _preps(t, {"between"})]
    for child in (c for t in clauses_of(root) for c in t.children):  # "the treaty, signed by"
        signers = [c for c in child.children if c.dep_ in ("acl", "relcl")]
        if child.dep_ == "appos" and any(c.lemma_ in AGREEMENT_SIGN_VERBS for c in signers):
            found.append(child)  # "the treaty the two countries signed" (read as apposition)
        if child.dep_ in ("acl", "relcl"):
            found += [t for c in child.subtree if c.lower_ == "between" for t in c.children
                      if t.dep_ == "pobj"]  # fmt: skip
            if child.lemma_ in AGREEMENT_SIGN_VERBS:
                found += _agent(child)
                subj = subject(child) if child.dep_ == "relcl" else None
                found += [subj] if subj is not None and subj.lower_ not in ("which", "that") else []
            if child.lemma_ in COMMIT_VERBS:
                found += [c for c in child.children if c.dep_ == "dobj"] + _preps(child, {"with"})
    tok = stand_in(root)
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head  # "signed the Treaty of X and the Convention on Y"
    head, dep = tok.head, tok.dep_
    if dep in ("dobj", "attr", "oprd") and head.lemma_ in AGREEMENT_SIGN_VERBS:
        found += [s for s in [subject(head)] if s is not None] + _preps(head, {"with"})
        found += _preps(root, {"with"}) + [p for t in own for p in _preps(t, {"with"})]
    elif dep in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        for verb in conjuncts(head):  # "It was signed by ...", "It ... and commits A and B"
            if verb.lemma_ in AGREEMENT_SIGN_VERBS and (dep == "nsubjpass" or verb != head):
                found += _agent(verb) + _preps(verb, {"between"})
            if verb.lemma_ in COMMIT_VERBS:
                found += [c for c in verb.children if c.dep_ == "dobj"] + _preps(verb, {"with"})
    elif dep in ("attr", "pobj", "dobj") and _frame(head) is not None:
        found.append(_frame(head))
    if dep == "pobj":
        found += _through(tok.head)
    if any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in root.children):
        verb = head if head.pos_ in ("VERB", "AUX") else None
        found += [s for s in [subject(verb)] if s is not None] + _preps(root, {"with"})
        found += _preps(verb, {"with"}) if verb is not None else []
    return found


def conjuncts(verb) -> list:
    """Return a verb with the verbs coordinated with it: "was signed ... and entered ..."."""
    while verb.dep_ == "conj" and verb.head != verb and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    out, todo = [], [verb]
    while todo:
        v = todo.pop()
        out.append(v)
        todo += [c for c in v.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    return out


def _frame(tok):
    """Return the subject of "the relationship rests on / is ..." governing tok, or None."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head != tok:
        tok = tok.head
    subj = subject(tok)
    if tok.lemma_ in FRAME_VERBS and subj is not None:
        lo, hi = span_of(subj)
        if RELATIONSHIP.search(subj.doc.text[lo - subj.doc[0].idx : hi - subj.doc[0].idx]):
            return subj
    return None


def _through(prep) -> list:
    """Return the actors of "A launched X through the Y", "the signatories of the Y"."""
    head = prep.head
    if prep.lower_ in MEANS and head.pos_ == "VERB":
        found = [s for s in [subject(head)] if s is not None] + _preps(head, {"with"})
        if head.lemma_ in CESSION_VERBS:
            found += _preps(head, {"to"})
        return found
    if prep.lower_ == "of" and head.lemma_ in SIGNING_NOUNS:
        verb = head
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head
        subj = subject(verb)
        return [subj] if subj is not None else []
    if prep.lower_ in ("including", "such") and head.pos_ in ("NOUN", "PROPN"):
        return tops_of_list(head)
    return []


def tops_of_list(noun) -> list:
    """Return the parties' phrases of a list's noun: "agreements, including ..."."""
    tok = noun
    while tok.dep_ in ("pobj", "prep") and tok.head != tok:
        tok = tok.head
    frame = _frame(tok)
    return [frame] if frame is not None else []


def in_title(reading, i: int, start: int, end: int) -> list[Party]:
    """Return the states a title joins with a dash: "Japan-Australia", "Franco-German"."""
    text = reading.doc.text
    found = []
    inside = [m for m in reading.mentions[i] if start <= m.start < end and _is_party(m.entity)]
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


def _span(m) -> tuple[int, int]:
    return m.start, m.end


def parties(reading, i: int, start: int, end: int, title: bool) -> list[Party]:
    """Return the parties of the agreement named at [start, end) of sentence i."""
    root = root_of(reading, start, end)
    found = in_title(reading, i, start, end) if title else []
    if root is not None:
        words = tuple(t for t in root.doc[root.i - 20 if root.i > 20 else 0 : root.i + 20]
                      if start <= t.idx < end)  # fmt: skip
        for top in tops(reading, root, words):
            found += actors(reading, i, top)
    out, seen = [], set()
    for p in found:
        if p.entity not in seen:
            seen.add(p.entity)
            out.append(p)
    return out


def hedged(reading, start: int, end: int) -> bool:
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
            if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in MODAL)
                   for c in head.children):  # fmt: skip
                return True
            if head.lemma_ in INTENTION_HEADS or head.lemma_ in TENTATIVE_HEADS:
                return True
            if head.dep_ not in ("xcomp", "conj", "ccomp", "advcl"):
                return False
        tok = head
    return False
