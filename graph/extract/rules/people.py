"""State the people a document names and the posts the text gives them.

People and posts are read by person_mentions.py (constructions of English over titles and
names), person_documents.py (infobox envoys, founders) and person_coreference.py (one person,
one node, named by the longest name the document gives them). Here they become claims.

A post belongs to the state (or body) the text names with its title: a demonym or possessive
before it ("Kenyan President", "Russia's President"), "of <state>" after it or after the name,
a state in brackets after the name in a list, the k-th state of a list read "respectively". A
title whose state the text does not state is a post of no state, labelled with the title alone
("President"): never the post of a state that merely stands in the sentence, in the sentences
around it, or that the document speaks for.
"""

from collections.abc import Iterable

from rdflib import Literal, URIRef
from rdflib.namespace import SKOS

from ... import iris
from ...reading.lexicon import MANY_HOLDERS, SINGLE_HOLDER
from ...reading.values import find_dates
from ...vocab import DKG
from .. import identity
from ..facts import Span, Statement
from . import Reading, Rule
from .person_coreference import document_people
from .person_mentions import Named, Post
from .person_names import polity_name


def people_in(reading: Reading, i: int) -> list[Named]:
    """Return the people sentence i names, each name once, in order, with their full names."""
    return document_people(reading)[i]


def state_person(
    reading: Reading,
    person: Named,
    rule: str,
    pairs: Iterable[Statement] = (),
    span: Span | None = None,
) -> URIRef:
    """State a person, named by their full name, and facts of them stated by the phrase at span
    (by default the words that name them: "President Gabriel Boric"); return the IRI."""
    span = (person.phrase_start, person.end) if span is None else span
    node = identity.person(person.name)
    return reading.facts.state(node, pairs, span, rule, cls=DKG.Person, label=person.name)


def _role(reading: Reading, n: Named, p: Post) -> URIRef:
    """State the post a person holds; return its IRI.

    The post is named by its class, its state (or holder), its title and, for an envoy, where
    it is sent, so that every document that names it alike gives it one label: "Prime
    Minister of Spain" and "President of the Government of Spain" are two nodes, never one
    node with two English names (a shape allows one)."""
    t = p.title
    cls, label = t.cls, t.label
    many = cls not in SINGLE_HOLDER or t.key in MANY_HOLDERS
    kind = iris.slugify(t.label)
    # "missionary-johann-weber", not "missionary-johann-weber-missionary": a title that is the
    # class's own name adds nothing.
    kind = "" if identity.kind_slug(cls).endswith(kind) else f"-{kind}"
    if p.polity is not None:
        of = f"{p.polity.slug}{kind}"
        label += f" of {polity_name(p.polity)}"
    else:  # no state stated ("Ambassador X", "President X"): the post is the person's own
        of, many = f"{iris.slugify(n.name)}{kind}", False
        if n.qualifier:
            label = f"{n.qualifier} {label.lower()}"
    if p.to is not None:
        label += f" to {polity_name(p.to)}"
        if cls == DKG.Envoy:  # an envoy to one state holds another post than to the next
            of += f"-to-{p.to.slug}"
    node = identity.role(cls, of, n.name if many else None)
    polity = reading.facts.use(p.polity) if p.polity is not None else None
    return reading.facts.state(node, [(DKG.roleIn, polity)], p.span, p.rule, cls=cls, label=label)


def people(reading: Reading, i: int) -> None:
    """State the people of a sentence, their other names, life dates and posts."""
    for n in people_in(reading, i):
        if not (n.posts or n.alias or n.life) and n.rule == "people.short-name":
            continue  # named in full elsewhere: nothing new to state
        pairs: list[Statement] = [(DKG.holdsRole, _role(reading, n, p), p.span) for p in n.posts]
        if n.alias:
            pairs.append((SKOS.altLabel, Literal(n.alias, lang="en")))
        for x in find_dates(n.life or ""):
            born = Literal(x.value, datatype=x.datatype)
            died = Literal(x.end_value, datatype=x.datatype) if x.end_value else None
            pairs += [(DKG.birthDate, born), (DKG.deathDate, died)]
        span = n.posts[0].span if n.posts else (n.lead, n.end)
        if n.alias_at and n.alias_at[1] > span[1]:  # "X (Y, 1861-1934)": the brackets state them
            span = (span[0], reading.doc.text.index(")", n.alias_at[1]) + 1)
        state_person(reading, n, n.rule, pairs, span)


RULES: list[Rule] = [people]
