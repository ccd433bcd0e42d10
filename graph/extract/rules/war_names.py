"""Read wars by their names and dates, and liberations said with a possessive.

"the Franco-Prussian War of 1870-71", "the Finnish War (1808-09) against the Russian Empire",
"the Winter War against the Soviet Union (1939-40)": a war named by capitalised words ending
in "War" (the world wars are wars.py's), dated by the years in brackets or after "of" that
follow its name, with the states it was fought "against", "with" or "between". "after
Norway's liberation in May 1945": the liberation of the possessor. dated_after() gives
wars.py the date written right after a battle's name ("the Battle of X, fought from ... to
...").
"""

import re

from spacy.tokens import Token

from ...reading.lexicon import PLACE_KINDS, STATE_KINDS
from ...reading.values import DateMatch
from ...vocab import DKG
from .. import identity
from . import Pair, Reading, Rule
from . import discourse as d
from . import predicates as pr
from .when import end_literal

# What may stand between a name and its date: "(1808-09)", "of 1870-71", ", fought from ...".
DATE_AFTER = re.compile(
    r"\s*\(\s*|\s+of\s+|\s*,\s*(?:fought|waged|held|lasting|which\s+lasted)\s+(?:on\s+|in\s+)?",
    re.I,
)
WORLD_WAR = re.compile(r"\bWorld\s+Wars?\b|\bGreat\s+War\b")
NAME_WORD = re.compile(r"[A-Z][\w'\u2019]*|-|\u2013|of|the")


def dated_after(reading: Reading, i: int, end: int) -> DateMatch | None:
    """Return the date written right after a name ending at offset `end`, or None."""
    doc = reading.doc.text
    for x in d.dates(reading, i):
        m = DATE_AFTER.match(doc, end)
        if x.value and m and m.end() == x.start:
            return x
        if x.value and m and x.relation == "from" and doc[m.end() : x.start] == "":
            return x
    return None


def _name(p: pr.Parsed, war: Token) -> tuple[int, int] | None:
    """Return the tokens of a war's name ending at the word "War": "Franco-Prussian War",
    "War of the Pacific"; None for "the war" or a world war."""
    if war.text != "War":
        return None
    first = war.i
    while (
        first > 0
        and NAME_WORD.fullmatch(war.doc[first - 1].text)
        and war.doc[first - 1].lower_ != "the"
    ):
        first -= 1
    while first < war.i and not war.doc[first].text[:1].isupper():
        first += 1
    last = war.i
    after = war.doc[war.i + 1 : war.i + 4]
    if len(after) >= 2 and after[0].text == "of" and not after[1].like_num:
        k = 1 + (after[1].text == "the")
        if k < len(after) and after[k].text[:1].isupper():
            last = after[k].i
    if first == war.i and last == war.i:
        return None
    return first, last


def named_wars(reading: Reading, i: int) -> None:
    """Read the wars sentence i names, with their dates and the states they were fought
    against."""
    p = pr.parsed(reading, i)
    if p is None:
        return
    doc = reading.doc.text
    for war in p.tokens:
        found = _name(p, war)
        if found is None:
            continue
        first, last = war.doc[found[0]], war.doc[found[1]]
        lo, hi = p.start(first), p.end(last)
        name = doc[lo:hi]
        if WORLD_WAR.search(name) or not pr.happened(pr.anchor(p, lo) or war):
            continue
        against = [
            t
            for c in war.children
            if c.dep_ == "prep" and c.lower_ in ("against", "with", "between")
            for t in c.subtree
        ]
        tail = max([hi] + [p.end(t) for t in against])
        when = dated_after(reading, i, hi) or dated_after(reading, i, tail)
        _assert_war(reading, i, p, name, against, when, (lo, max(tail, when.end if when else hi)))


def _assert_war(
    reading: Reading,
    i: int,
    p: pr.Parsed,
    name: str,
    against: list[Token],
    when: DateMatch | None,
    span: tuple[int, int],
) -> None:
    """Assert a named war, its dates and the states it was fought against."""
    where = {t.i for t in against}
    states = [
        m.entity
        for m in d.mentions(reading, i, STATE_KINDS)
        if m.via != "demonym" and (at := p.token_at(m.start)) is not None and at.i in where
    ]
    pairs: list[Pair] = [(DKG.participant, reading.facts.use(e)) for e in dict.fromkeys(states)]
    if when is not None and when.end_value:
        pairs += [(DKG.startDate, d.literal(when)), (DKG.endDate, end_literal(when))]
    elif when is not None:
        pairs.append((DKG.date, d.literal(when)))
    iri = identity.event(DKG.War, name)
    reading.facts.state(iri, pairs, span, "event-war", cls=DKG.War, label=name)


def possessive_liberations(reading: Reading, i: int) -> None:
    """Read "X's liberation (in May 1945)": the liberation of X, dated as the parse says."""
    p = pr.parsed(reading, i)
    if p is None:
        return
    for noun in p.tokens:
        if noun.lemma_.lower() != "liberation":
            continue
        head = pr.anchor(p, p.start(noun))  # None only for a parse with no words
        if head is None or not pr.happened(head):
            continue
        owners = [c for c in noun.children if c.dep_ == "poss"]
        where = {t.i for o in owners for t in o.subtree}
        places = [
            m.entity
            for m in d.mentions(reading, i, PLACE_KINDS)
            if m.via not in ("demonym", "reference")
            and (at := p.token_at(m.start)) is not None
            and at.i in where
        ]
        if len(places) != 1:
            continue
        dates = [x for x in d.dates(reading, i) if x.value and pr.same(pr.anchor(p, x.start), noun)]
        when = dates[0] if len({x.value for x in dates}) == 1 else None
        lo = min(p.start(t) for o in owners for t in o.subtree)
        hi = max([p.end(noun)] + ([when.end] if when else []))
        place = places[0]
        pairs: list[Pair] = [(DKG.location, reading.facts.use(place))]
        pairs += [(DKG.date, d.literal(when))] if when else []
        key = f"{place.slug}-{when.value}" if when else place.slug
        label = f"Liberation of {place.label}" + (f" ({when.value})" if when else "")
        d.event(reading, i, DKG.Liberation, key, label, pairs, "event-liberation", (lo, hi))


RULES: list[Rule] = [named_wars, possessive_liberations]
