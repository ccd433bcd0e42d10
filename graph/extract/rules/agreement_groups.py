"""Merge the namings of a document's agreements: one agreement, however often it is named.

A title names again the agreement of the same title (unless the dates or parties say it is
another: "its 2002 Treaty of Friendship ... with Spain" is not the 1991 one), of its acronym,
or of a longer title holding all its words ("the Basic Treaty"); "a second Water Agreement" is
a new one, between the same parties as the first. "It" points at the agreement named in the
sentence before, "the Agreement" at the last one named near before. Descriptions with a topic
merge by kind and topic.
"""

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from rdflib import URIRef

from ...reading.gazetteer import Entity
from ...reading.values import DateMatch
from . import Reading
from . import discourse as d
from .agreement_actors import Party
from .agreement_names import Naming

STOP_WORDS = {"of", "on", "the", "and", "for", "to", "from", "concerning"}
# How far back "the agreement" may point, in sentences of the same paragraph.
BACK = 3


@dataclass
class Mention:
    """One naming of an agreement in sentence i, with what its sentence says of it."""

    i: int
    naming: Naming
    parties: list[Party]
    signed: DateMatch | None
    force: DateMatch | None
    pronoun: bool = False


class Stated(NamedTuple):
    """An agreement stated, as one of its namings gave it: the naming's sentence, the
    agreement's IRI, parties and label, and where the naming's noun starts."""

    i: int
    iri: URIRef
    parties: tuple[Entity, ...]
    label: str
    head: int


@dataclass
class Agreement:
    """The namings of one agreement, merged."""

    key: str
    mentions: list[Mention] = field(default_factory=list)
    topic: str | None = None

    @property
    def first(self) -> Mention:
        return self.mentions[0]


def entities_of(m: Mention) -> list[Entity]:
    return [p.entity for p in m.parties]


def same_date(a: str, b: str) -> bool:
    """Say whether two dates agree: a year and a day of that year do."""
    return a.startswith(b) or b.startswith(a)


def _words(title: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\w+", title)} - STOP_WORDS


def _norm(title: str) -> str:
    return " ".join(re.findall(r"\w+", title.lower()))


def _antecedent(reading: Reading, m: Mention, found: list[Agreement]) -> Agreement | None:
    """Return the agreement "It" or "the Agreement" points at: the last one named before,
    near enough (the sentence before, for a pronoun) and of the kind the noun says."""
    back = 1 if m.pronoun else BACK
    noun = m.naming.noun.lower()
    here = (m.i, m.naming.start)
    candidates = [
        ((x.i, x.naming.start), g)
        for g in found
        for x in g.mentions
        if (x.i, x.naming.start) < here
        and _agrees(g, m)
        and m.i - x.i <= back
        and d.paragraph(reading, x.i) == d.paragraph(reading, m.i)
        and (m.pronoun or noun[:4] in ("agre", "acco") or noun[:4] == x.naming.noun.lower()[:4])
    ]
    return max(candidates, key=lambda c: c[0])[1] if candidates else None


def _named(
    m: Mention, title: str, found: list[Agreement], by_name: dict[str, Agreement]
) -> Agreement | None:
    """Return the agreement a title (m's) names again: the same name, its acronym, or a
    shorter name whose words are all in its name ("the Basic Treaty")."""
    n = m.naming
    key = _norm(title)
    if key in by_name:
        return by_name[key]
    for g in reversed(found):
        first = g.first.naming
        if first.acronym and title == first.acronym:
            return g
        same_kind = first.noun[:4] == n.noun[:4]
        if n.definite and first.title and same_kind and _words(title) <= _words(first.title):
            return g
    return None


def parties_of(g: Agreement) -> list[Party]:
    found: list[Party] = []
    for m in g.mentions:
        found += [p for p in m.parties if p.entity not in [q.entity for q in found]]
    return found


def _agrees(g: Agreement, m: Mention) -> bool:
    """Say whether a naming may be of an agreement named before under the same name: no other
    signing date, and no party that the other's do not hold (one name, two treaties)."""
    dates = [x.signed.value for x in g.mentions if x.signed is not None and x.signed.value]
    signed = m.signed.value if m.signed is not None else None
    if signed and any(not same_date(v, signed) for v in dates):
        return False
    known = {p.entity for p in parties_of(g)}
    return not known or len(known) < 2 or {p.entity for p in m.parties} <= known


def group(reading: Reading) -> list[Agreement]:
    """Merge the namings of the document into agreements."""
    found: list[Agreement] = []
    by_name: dict[str, Agreement] = {}
    mentions = sorted(reading.memory.agreement_mentions, key=lambda x: x.naming.start)
    for m in mentions:
        n = m.naming
        if m.pronoun or (n.bare and n.definite):
            g = _antecedent(reading, m, found)
            if g is not None:
                g.mentions.append(m)
            continue
        if n.title is not None:
            g = _named(m, n.title, found, by_name)
            if g is not None and not n.new and _agrees(g, m):
                g.mentions.append(m)
                continue
            key = _norm(n.title)
            if g is not None or n.new:  # "a second Water Agreement", "its 2002 Treaty of ..."
                key += " " + (n.new or (m.signed and m.signed.value) or str(len(found)))
                if n.new and g is not None and not m.parties:  # a new one of the same name
                    lo = d.clause(reading, g.first.i, g.first.naming.head)[0]
                    m.parties = [Party(p.entity, min(lo, p.start), p.end) for p in parties_of(g)]
            g = Agreement(key, [m])
            by_name.setdefault(_norm(n.title), g)
            if n.acronym:
                by_name.setdefault(_norm(n.acronym), g)
            found.append(g)
            continue
        if n.plural and not n.topics:
            continue  # "numerous agreements": no telling which
        topics: list[str | None] = [*n.topics] or [None]
        for topic in topics:
            key = f"{n.cls}|{topic}"
            same = [g for g in found if g.key == key and _agrees(g, m)] if topic else []
            if same:
                same[-1].mentions.append(m)
            else:
                found.append(Agreement(key, [m], topic))
    return found
