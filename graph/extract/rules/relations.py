"""Find memberships of states in international organisations and relations between states."""

import itertools
import re
from collections.abc import Callable, Iterable

from ...reading.gazetteer import Entity, gazetteer
from ...reading.lexicon import ORGANISATION_KINDS, STATE_KINDS
from ...vocab import DKG
from . import Reading, Rule
from . import discourse as d
from .discourse import ARTICLE

# "are members of", "is a founding member state of", "members of a variety of ..."
MEMBER_OF = re.compile(
    r"\b(?:(?:(?:founding|full|active|fellow)\s+)?members?(?:\s+(?:states?|countries|nations))?"
    r"\s+of|joined|re-?joined|acceded\s+to|belongs?\s+to|belonged\s+to"
    r"|(?:hold|holds|held|have|has|had)\s+(?:full\s+)?membership\s+(?:of|in))\s+(?:the\s+)?"
)
# "Norway works with Chile, a member of the OECD": the member is the name just before.
APPOSITION = re.compile(r"\s*,\s*(?:(?:an?|the|both|also|now|already)\s+)*(?:[a-z]+\s+)?$")
# "member states of a variety of international organizations": the list comes after.
SOME_ORGANISATIONS = re.compile(
    r"(?:a\s+(?:variety|number|range|host)\s+of|several|many|numerous|various|multiple)\s+"
    r"(?:[a-z][\w-]*\s+){0,2}?(?:organi[sz]ations|bodies|institutions|groupings|forums|fora)",
    re.I,
)
LIST_FOLLOWS = re.compile(
    r"(?:,?\s+(?:including|such\s+as|among\s+them)|:)\s+|^(?:They|These|Those)\s+"
    r"(?:include|are)\s*:?\s+",
)
# "is a reliable NATO ally", "are EU member states": the organisation's name as an adjective.
COPULA_BEFORE = re.compile(
    r"\b(?:is|are|was|were|remains?|became|become|has\s+been|have\s+been)\s+"
    r"(?:(?:a|an|the|both|also|all|now)\s+)*(?:[a-z][\w-]*\s+){0,2}$"
)
MEMBER_AFTER = re.compile(r"\s+(?:members?(?:\s+(?:states?|countries|nations))?|all(?:y|ies))\b")
# "Norway's role in the European Union": a state's role inside a body it belongs to.
ROLE_IN = re.compile(r"['\u2019]s?\s+role\s+(?:with)?in\s+(?:the\s+)?$")
NAME_ENDS = re.compile(r"\s*(?:[,.;:)]|$)|\s+(?:is|was|has|have|remains|and|as)\b")
# "Among EU countries, Norway is ...", "Among the G20 economies, ...": one of its members.
AMONG = re.compile(r"\bAmong\s+(?:the\s+)?$")
MEMBERS_NOUN = re.compile(r"\s+(?:member\s+)?(?:states|countries|members|nations|economies)\s*,\s*")
# Relations between two states, in any field: "political relations", "the relationship", "ties".
RELATIONS = r"(?:[Rr]elations|[Rr]elationship|[Tt]ies)"
BETWEEN = re.compile(rf"\b{RELATIONS}\s+between\s+(?:the\s+)?")
RELATIONS_WITH = re.compile(rf"\b{RELATIONS}\s+with\s+(?:the\s+)?")
DASH = re.compile(r"\s*[-\u2010-\u2015]\s*")
# "Norway\u2013Chile relations", "Japan \u2013 Peru bilateral relations".
TITLE_AFTER = re.compile(rf"\s+(?:[a-z][\w-]*\s+){{0,2}}?(?i:{RELATIONS})\b")
MAINTAIN = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:have|has|had|maintain(?:s|ed)?|enjoy(?:s|ed)?|share[sd]?"
    r"|develop(?:s|ed)?|built|build|keep|keeps|kept|cultivate[sd]?|foster(?:s|ed)?"
    rf"|strengthen(?:s|ed)?|deepen(?:s|ed)?)\s+(?:[\w-]+\s+){{0,4}}?{RELATIONS}\b"
)

# The words that state a membership in one organisation: its document span.
Phrase = Callable[[Entity], tuple[int, int]]

# "Canada and Belgium cooperate ... in the context of the United Nations, NATO, ...": this is
# NOT read as membership. States cooperate in the context of bodies they are not members of
# (NATO's partners, the Francophonie's observers, the OSCE's partners for cooperation), so
# the words do not state it; the memberships come from sentences that say "members of".


def _members(
    reading: Reading,
    orgs: Iterable[Entity],
    subject: Iterable[Entity] | None,
    phrase: Phrase,
    rule: str,
) -> None:
    """Assert that each state of the subject is a member of each organisation.

    phrase(org) gives the document span of the words that state the membership in that one.
    """
    for state in subject or ():
        for org in orgs:
            reading.facts.use(org)
            span = phrase(org)
            reading.facts.state(reading.facts.use(state), [(DKG.memberOf, org.iri)], span, rule)


def _up_to(reading: Reading, i: int, start: int, after: int, default: int) -> Phrase:
    """Return a phrase maker: from start to the first mention of the organisation after
    `after` in sentence i (the end of the list, default, when it is named otherwise)."""
    return lambda org: (start, d.mention_end(reading, i, org, after, default))


def _spanning(span: tuple[int, int]) -> Phrase:
    """Return a phrase maker that gives the membership in every organisation one span."""
    return lambda _: span


def _organisations(reading: Reading, i: int, at: int) -> tuple[Entity, ...] | None:
    """Return the organisations enumerated from offset `at` on (the first group there)."""
    group = _organisation_group(reading, i, at)
    return group[0] if group else None


def _organisation_group(reading: Reading, i: int, at: int) -> tuple[tuple[Entity, ...], int] | None:
    """Return (organisations, end of their list) enumerated from offset `at` on."""
    article = ARTICLE.match(reading.doc.text, at)  # it matches, if only the empty string
    at += len(article.group()) if article else 0
    found = d.groups(reading, i, ORGANISATION_KINDS, at)
    if found and found[0].start == at:
        orgs = tuple(e for e in found[0].entities if e.cls == DKG.InternationalOrganisation)
        return (orgs, found[0].end) if orgs else None
    return None


def members_of(reading: Reading, i: int) -> None:
    """Read "A and B are members of X and Y", "... members of several bodies. They include: X"."""
    s = reading.sentences[i]
    for m in MEMBER_OF.finditer(s.text):
        at = s.start + m.end()
        lo, _ = d.clause(reading, i, s.start + m.start())
        start = d.subject_start(reading, i, s.start + m.start(), lo)
        group = _organisation_group(reading, i, at)
        listed: tuple[tuple[Entity, ...], Phrase] | None = None
        if group is not None:
            orgs, end = group
            listed = orgs, _up_to(reading, i, start, at, end)
        elif SOME_ORGANISATIONS.match(s.text, m.end()):
            listed = _listed(reading, i, m.end(), start)
        if listed is not None and not d.hedged(reading, lo, s.start + m.end()):
            orgs, phrase = listed
            who = _member(reading, i, s.start + m.start())
            _members(reading, orgs, who, phrase, "membership-members-of")


def _member(reading: Reading, i: int, at: int) -> tuple[Entity, ...] | None:
    """Return who a "member of" at offset `at` speaks of: an apposition's name, or the subject."""
    doc = reading.doc.text
    before = d.groups(reading, i, STATE_KINDS, reading.sentences[i].start, at)
    if before and APPOSITION.fullmatch(doc, before[-1].end, at):
        return before[-1].entities
    return d.subject(reading, i, at)


def _listed(
    reading: Reading, i: int, after: int, lo: int
) -> tuple[tuple[Entity, ...], Phrase] | None:
    """Return the organisations listed after "including" or in a next "They include:", and
    the phrase maker of each one's membership (from lo to its name in the list); or None."""
    s = reading.sentences[i]
    rest = LIST_FOLLOWS.search(s.text, after)
    if rest:
        at = s.start + rest.end()
        group = _organisation_group(reading, i, at)
        if group:
            return group[0], _up_to(reading, i, lo, at, group[1])
    if i + 1 < len(reading.sentences):
        nxt = reading.sentences[i + 1]
        lead = LIST_FOLLOWS.match(nxt.text)
        if lead and lead.group().startswith(("They", "These", "Those")):
            at = nxt.start + lead.end()
            group = _organisation_group(reading, i + 1, at)
            if group:
                return group[0], _up_to(reading, i + 1, lo, at, group[1])
    return None


def organisation_as_adjective(reading: Reading, i: int) -> None:
    """Read "X is a reliable NATO ally", "X and Y are EU member states"."""
    doc = reading.doc.text
    for m in d.mentions(reading, i, ORGANISATION_KINDS):
        before = COPULA_BEFORE.search(doc[max(0, m.start - 60) : m.start])
        after = MEMBER_AFTER.match(doc, m.end)
        if before is None or not after:
            continue
        verb = m.start - len(before.group())
        lo, _ = d.clause(reading, i, m.start)
        if m.entity.cls != DKG.InternationalOrganisation or d.hedged(reading, lo, m.end):
            continue
        who = d.subject(reading, i, verb)
        end = m.end + len(after.group())
        _members(reading, (m.entity,), who, _spanning((lo, end)), "membership-ally")


def role_in(reading: Reading, i: int) -> None:
    """Read "Norway's role in the European Union" and "Among EU countries, Norway is ..."."""
    doc = reading.doc.text
    states = d.mentions(reading, i, STATE_KINDS)
    for m in d.mentions(reading, i, ORGANISATION_KINDS):
        if m.entity.cls != DKG.InternationalOrganisation:
            continue
        head = ROLE_IN.search(doc[max(0, m.start - 30) : m.start])
        owner = [s for s in states if head and s.end == m.start - len(head.group())]
        if owner and NAME_ENDS.match(doc, m.end):
            span = (owner[0].start, m.end)
            rule = "membership-role-in"
            _members(reading, (m.entity,), (owner[0].entity,), _spanning(span), rule)
        noun = MEMBERS_NOUN.match(doc, m.end)
        among = AMONG.search(doc[max(0, m.start - 12) : m.start])
        if among and noun:
            first = [s for s in states if s.start == m.end + len(noun.group())]
            if first:
                span = (m.start - len(among.group()), first[0].end)
                rule = "membership-among"
                _members(reading, (m.entity,), (first[0].entity,), _spanning(span), rule)


def _relate(
    reading: Reading, a: Entity | None, b: Entity | None, span: tuple[int, int], rule: str
) -> None:
    """Assert that two states have diplomatic relations (one direction: it is symmetric)."""
    if a is None or b is None or a.slug == b.slug:
        return
    a, b = sorted((a, b), key=lambda e: e.slug)
    reading.facts.state(
        reading.facts.use(a), [(DKG.diplomaticRelation, reading.facts.use(b))], span, rule
    )


def _as_state(entity: Entity) -> Entity | None:
    """Read a capital as its state ("relations between Oslo and Santiago"); a state as itself."""
    if entity.kind == "state":
        return entity
    gaz = gazetteer()
    if entity.kind == "city" and entity.slug in gaz.capitals and entity.country:
        return gaz.state(entity.country)
    return None


def relations_between(reading: Reading, i: int) -> None:
    """Read "relations between A and B", "ties between the two countries"."""
    s = reading.sentences[i]
    for m in BETWEEN.finditer(s.text):
        at = s.start + m.end()
        found = [g for g in d.groups(reading, i, STATE_KINDS | {"city"}, at) if g.start == at]
        lo, hi = d.clause(reading, i, at)
        if not found or not d.for_states(reading, i, found[0]) or d.hedged(reading, lo, hi):
            continue
        states = [e for e in map(_as_state, found[0].entities) if e is not None]
        if len(states) == 2:
            span = (s.start + m.start(), found[0].end)
            _relate(reading, states[0], states[1], span, "relation-between")


def relations_title(reading: Reading, i: int) -> None:
    """Read a title or phrase "A\u2013B relations"."""
    doc = reading.doc.text
    found = d.mentions(reading, i, STATE_KINDS)
    for a, b in itertools.pairwise(found):
        if a.via == "reference" or b.via == "reference":
            continue
        title = TITLE_AFTER.match(doc, b.end)
        if DASH.fullmatch(doc[a.end : b.start]) and title:
            _relate(reading, a.entity, b.entity, (a.start, title.end()), "relation-title")


def relations_with(reading: Reading, i: int) -> None:
    """Read "X has close relations with Y", and "the relationship with Y" in X's own voice."""
    s = reading.sentences[i]
    for m in RELATIONS_WITH.finditer(s.text):
        at = s.start + m.end()
        other = [g for g in d.groups(reading, i, STATE_KINDS, at) if g.start == at]
        lo, hi = d.clause(reading, i, at)
        if not other or not d.for_states(reading, i, other[0]) or d.hedged(reading, lo, hi):
            continue
        who = d.subject(reading, i, s.start + m.start())
        if who is None and reading.context.speaker is not None:
            who = (reading.context.speaker,)
        if not who or len(who) != 1:
            continue
        for state in other[0].entities:
            end = d.mention_end(reading, i, state, at, other[0].end)
            _relate(reading, who[0], state, (lo, end), "relation-with")


def relations_maintained(reading: Reading, i: int) -> None:
    """Read "A and B maintain excellent relations", "our countries have maintained ... ties"."""
    doc = reading.doc.text
    for g in d.groups(reading, i, STATE_KINDS):
        if len(g.entities) != 2 or d.is_object(reading, g.start):
            continue
        if not d.for_states(reading, i, g):
            continue
        m = MAINTAIN.match(doc, g.end)
        lo, _ = d.clause(reading, i, g.start)
        if m and not d.hedged(reading, lo, m.end()):
            a, b = g.entities
            _relate(reading, a, b, (g.start, m.end()), "relation-maintained")


RULES: list[Rule] = [
    members_of,
    organisation_as_adjective,
    role_in,
    relations_between,
    relations_title,
    relations_with,
    relations_maintained,
]
# The establishment, severance and restoration of relations: relation_changes.py.
