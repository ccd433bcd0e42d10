"""Find memberships stated by founding, making up, relative clauses, "as members" and pairs.

relations.py reads "A and B are members of X", "X joined Y" and "a NATO ally"; here:
- "A, B and C founded / launched / set up X" (and "With C, A and B launched X"): its founders
  are its members;
- "A, B and C (together) make up / form / constitute X": X's members, X named by the words
  (a body the reference data lacks is read from the capitalised name there);
- "X, of which A is a member";
- "As (fellow) members of X, A and B ...";
- "the two X members / countries" for the pair of states a document is about;
- "X brings together A, B and C" (X named before, or "the latter");
- "A and B cooperate / work together within X": states that work in a body belong to it
  ("cooperate with X" says nothing of the kind).
Only international organisations (of the reference data, or read as such from their name)
take states as members.
"""

import re
from collections.abc import Callable

from ...iris import slugify
from ...reading.gazetteer import Entity
from ...reading.lexicon import ORGANISATION_KINDS, POLITY_KINDS, STATE_KINDS
from ...reading.mentions import pair
from ...vocab import DKG
from . import Reading, Rule
from . import discourse as d
from .relations import _members

FOUNDED = re.compile(
    r"\b(?:co-?)?(?:founded|launched|created|set\s+up|established|formed)\s+(?:the\s+)?"
)
WITH_FIRST = re.compile(r"(?:[A-Z][\w-]*\s+){0,3}?[Ww]ith\s+(?:the\s+)?")
MAKE_UP = re.compile(
    r"\b(?:(?:together|jointly)\s+)?(?:make|makes|made)\s+up\s+(?:the\s+)?"
    r"|\b(?:constitute|constitutes|constituted|comprise|comprises|comprised)\s+(?:the\s+)?"
)
# A capitalised name right after the verb, for a body the reference data lacks: "the Quad".
NAME = re.compile(r"(?:[A-Z][\w'\u2019-]*)(?:\s+[A-Z][\w'\u2019-]*){0,4}")
OF_WHICH = re.compile(
    r"\s*,\s+of\s+which\s+(?P<who>.+?)\s+(?:is|are|was|were|has\s+been|have\s+been)\s+"
    r"(?:(?:also|still|now|already)\s+)?(?:a\s+|an\s+)?(?:founding\s+|full\s+)?members?\b"
)
AS_MEMBERS = re.compile(
    r"\b[Aa]s\s+(?:an?\s+)?(?:fellow\s+|founding\s+|full\s+)?members?\s+of\s+(?:the\s+)?"
)
# "As a NATO ally since 1952, Greece ...", "As EU members, A and B ...": the name as adjective.
AS_BEFORE = re.compile(r"\b[Aa]s\s+(?:[a-z][\w-]*\s+){0,3}$")
AS_NOUN = re.compile(r"\s+(?:member(?:\s+state)?s?|all(?:y|ies))\b[^,;.]{0,40},\s*(?:the\s+)?")
TWO_MEMBERS = re.compile(r"\b[Tt]he\s+two\s+$")
BRINGS = re.compile(r"\b(?:brings|brought|bring)\s+together\s+(?:the\s+)?|\bunites\s+(?:the\s+)?")
THE_LATTER = re.compile(r"(?:[Tt]he\s+latter|[Ii]t)\s")
WORK_WITHIN = re.compile(
    r"\b(?:co-?operat(?:e|es|ed|ing)|collaborat(?:e|es|ed|ing)"
    r"|work(?:s|ed|ing)?\s+(?:together|closely|side\s+by\s+side))"
    r"(?:\s+(?:closely|together|further))?\s+(?:within|inside|in)\s+(?:the\s+)?"
)
MEMBERS_NOUN = re.compile(r"\s+(?:member\s+)?(?:members|countries|nations|states)\b")


def _whole(span: tuple[int, int]) -> Callable[[Entity], tuple[int, int]]:
    """Return the phrase of a membership in any of the organisations: the one span given."""
    return lambda _: span


def _bodies(reading: Reading, i: int, at: int) -> tuple[tuple[Entity, ...], int] | None:
    """Return the international organisations listed from offset at on, and where they end."""
    found = [g for g in d.groups(reading, i, ORGANISATION_KINDS, at) if g.start == at]
    if not found:
        return None
    bodies = tuple(e for e in found[0].entities if e.cls == DKG.InternationalOrganisation)
    return (bodies, found[0].end) if bodies else None


def _states_at(reading: Reading, i: int, at: int) -> d.Group | None:
    """Return the states listed from offset at on (a group of names or "the two countries")."""
    found = [g for g in d.groups(reading, i, STATE_KINDS, at) if g.start >= at]
    return found[0] if found else None


def founders(reading: Reading, i: int) -> None:
    """Read "A and B founded X", "With C, A and B launched X": X's founders are members."""
    s = reading.sentences[i]
    for m in FOUNDED.finditer(s.text):
        at = s.start + m.end()
        lo, _ = d.clause(reading, i, s.start + m.start())
        listed = _bodies(reading, i, at)
        if listed is None or d.hedged(reading, lo, at):
            continue
        who = list(d.subject(reading, i, s.start + m.start(), POLITY_KINDS) or ())
        first = WITH_FIRST.match(reading.doc.text, lo)
        if first and (group := _states_at(reading, i, first.end())) and group.end <= at:
            # "With Brazil, A and B launched X": the list runs over the comma; all founded it.
            who += [e for e in group.entities if e not in who]
        bodies, end = listed
        _members(reading, bodies, who, _whole((lo, end)), "membership-founders")


def made_up(reading: Reading, i: int) -> None:
    """Read "A, B and C together make up X": each a member; X read from its name if need be."""
    s = reading.sentences[i]
    for m in MAKE_UP.finditer(s.text):
        at = s.start + m.end()
        lo, _ = d.clause(reading, i, s.start + m.start())
        who = d.subject(reading, i, s.start + m.start(), POLITY_KINDS)
        if not who or len(who) < 2 or d.hedged(reading, lo, at):
            continue
        listed = _bodies(reading, i, at)
        if listed is None and (name := NAME.match(reading.doc.text, at)):
            end = at + len(name.group())
            body = Entity("organisation", slugify(name.group()), name.group(),
                          DKG.InternationalOrganisation, phrase=(at, end))  # fmt: skip
            listed = ((body,), end)
        if listed is not None:
            bodies, end = listed
            _members(reading, bodies, who, _whole((lo, end)), "membership-made-up")


def of_which(reading: Reading, i: int) -> None:
    """Read "the African Union, of which Kenya is a member"."""
    doc = reading.doc.text
    for org in d.mentions(reading, i, ORGANISATION_KINDS):
        m = OF_WHICH.match(doc, org.end, reading.sentences[i].end)
        if m is None or org.entity.cls != DKG.InternationalOrganisation:
            continue
        group = _states_at(reading, i, m.start("who"))
        if group and group.end <= m.end("who") and not d.hedged(reading, org.start, m.end()):
            span = (org.start, m.end())
            rule = "membership-of-which"
            _members(reading, (org.entity,), group.entities, _whole(span), rule)


def as_members(reading: Reading, i: int) -> None:
    """Read "As (fellow) members of X, A and B ...", "As a NATO ally since 1952, Greece ...":
    the subject that follows is a member."""
    s = reading.sentences[i]
    doc = reading.doc.text
    for org in d.mentions(reading, i, ORGANISATION_KINDS):
        head = AS_BEFORE.search(doc, max(s.start, org.start - 40), org.start)
        tail = AS_NOUN.match(doc, org.end)
        if not (head and tail) or org.entity.cls != DKG.InternationalOrganisation:
            continue
        group = _states_at(reading, i, tail.end())
        if group is None or group.start != tail.end():
            continue
        span = (head.start(), group.end)
        _members(reading, (org.entity,), group.entities, _whole(span), "membership-as-members")
    for m in AS_MEMBERS.finditer(s.text):
        listed = _bodies(reading, i, s.start + m.end())
        if listed is None:
            continue
        bodies, end = listed
        group = _states_at(reading, i, end)
        if group is None or d.is_object(reading, group.start):
            continue
        span = (s.start + m.start(), group.end)
        _members(reading, bodies, group.entities, _whole(span), "membership-as-members")


def two_members(reading: Reading, i: int) -> None:
    """Read "the two Commonwealth members" as the document's two states, members of it."""
    doc = reading.doc.text
    for org in d.mentions(reading, i, ORGANISATION_KINDS):
        head = TWO_MEMBERS.search(doc[max(0, org.start - 12) : org.start])
        noun = MEMBERS_NOUN.match(doc, org.end)
        if not (head and noun) or org.entity.cls != DKG.InternationalOrganisation:
            continue
        states = pair(doc, org.start, reading.context)
        if len(states) == 2:
            span = (org.start - len(head.group()), noun.end())
            _members(reading, (org.entity,), states, _whole(span), "membership-pair")


def brought_together(reading: Reading, i: int) -> None:
    """Read "X brings together A, the B government and the C administration": members of X,
    X the body named before the verb or, for "the latter" or "it", the last one named."""
    s = reading.sentences[i]
    for m in BRINGS.finditer(s.text):
        verb, at = s.start + m.start(), s.start + m.end()
        lo, hi = d.clause(reading, i, verb)
        named = [g for g in d.groups(reading, i, ORGANISATION_KINDS, lo, verb) if g.end <= verb]
        if named:
            bodies = tuple(e for e in named[-1].entities if e.cls == DKG.InternationalOrganisation)
            start = named[-1].start
        elif THE_LATTER.match(reading.doc.text, lo) and (last := _last_body(reading, i)):
            bodies, start = (last,), lo
        else:
            continue
        members = [x for x in d.mentions(reading, i, POLITY_KINDS, at, hi) if x.via != "reference"]
        if not bodies or not members or d.hedged(reading, lo, at):
            continue
        for x in members:
            span = (start, x.end)
            _members(reading, bodies, (x.entity,), _whole(span), "membership-brought")


def work_within(reading: Reading, i: int) -> None:
    """Read "A and B cooperate closely within X and Y": the subject's states are members."""
    s = reading.sentences[i]
    for m in WORK_WITHIN.finditer(s.text):
        verb, at = s.start + m.start(), s.start + m.end()
        listed = _bodies(reading, i, at)
        lo, _ = d.clause(reading, i, verb)
        who = d.subject(reading, i, verb, STATE_KINDS)
        if listed is None or not who or d.hedged(reading, lo, at):
            continue
        bodies, end = listed
        start = d.subject_start(reading, i, verb, lo)
        _members(reading, bodies, who, _whole((start, end)), "membership-within")


def _last_body(reading: Reading, i: int) -> Entity | None:
    """Return the last international organisation named in sentence i - 1 (or earlier in i)."""
    for k in (i - 1, i):
        found = [x.entity for x in d.mentions(reading, k, ORGANISATION_KINDS)
                 if x.entity.cls == DKG.InternationalOrganisation]  # fmt: skip
        if found:
            return found[-1]
    return None


RULES: list[Rule] = [
    founders,
    made_up,
    of_which,
    as_members,
    two_members,
    brought_together,
    work_within,
]
