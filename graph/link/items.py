"""Link the reference entities to their Wikidata items, from the checked IDs only.

The IDs come from ontology/wikidata-ids.tsv and nowhere else. A row links an entity only when
the entity has the row's type (a "sovereign state" row links a state, a "province of Canada" row
a Canadian province, a "city" row a city) and its name: the entity's label, folded (accents,
case, punctuation), or, where that is unambiguous, one of the gazetteer's names of the entity.
So "Quebec" the province gets Q176 and Quebec City Q2145, "Brussels" the city Q239 and the
Brussels-Capital Region Q240, and an entity that no row fits (the state of Washington, the
Flemish Region) stays unlinked. Wars, which the documents name, are linked by link_wars: a
"war" row links a dkg:War whose label is the row's name, also when one writes the ordinal before
the noun and the other a numeral after it ("First World War", "World War I"). The link is
skos:exactMatch: unlike owl:sameAs, a reasoner never merges our node with Wikidata's, so none of
our facts is copied onto a wd: IRI.
"""

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node

from .. import iris
from ..ingest.checked_ids import Row, checked_ids
from ..reading.lexicon import CARDINAL_WORDS, ORDINAL_WORDS, ROMAN_NUMERALS
from ..vocab import DKG, WD

if TYPE_CHECKING:  # the gazetteer is imported where it is used
    from ..reading.gazetteer import Entity

STATE_KINDS = ("sovereign state", "sending or host state")
# Row kinds of sub-national entities: (entity kinds, country).
SUBNATIONAL = {
    "province of Canada": (("province",), "Canada"),
    "region of Belgium": (("region",), "Belgium"),
    "US state": (("us-state",), "United States of America"),
}
_CITY_OF = re.compile(r"city or municipality \((.+)\)")


class _Target(NamedTuple):
    """What a row of the checked IDs may link: entities of these kinds, in this country (a
    state's slug, or None for any), by their label only or by their other names too."""

    kinds: tuple[str, ...]
    country: str | None
    aliases: bool


@dataclass
class _Found:
    """The Wikidata IDs that rows give an entity: by its label, and by another of its names."""

    exact: set[str] = field(default_factory=set)
    alias: set[str] = field(default_factory=set)


def _entity_of(iri: Node) -> "Entity | None":
    """Return the gazetteer entity of one of our IRIs, or None."""
    from ..reading.gazetteer import gazetteer

    prefix = f"{iris.base()}id/"
    if not str(iri).startswith(prefix):
        return None
    kind, _, slug = str(iri)[len(prefix) :].partition("/")
    return gazetteer().get(kind, slug) if slug else None


def _target(row: Row) -> _Target | None:
    """Return the entities a row may link, or None if it links no reference entity."""
    from ..reading.gazetteer import gazetteer

    if row.kind in STATE_KINDS:
        return _Target(("state",), None, True)
    if row.kind == "international organization":
        return _Target(("organisation",), None, True)
    if row.kind == "city":
        return _Target(("city",), None, False)  # no country: the exact label only
    kinds: tuple[str, ...]
    if (m := _CITY_OF.fullmatch(row.kind)) is not None:
        kinds, country = ("city",), m.group(1)
    elif row.kind in SUBNATIONAL:
        kinds, country = SUBNATIONAL[row.kind]
    else:
        return None  # classes, wars, currencies, constituent countries: not reference entities
    state = gazetteer().state(country)
    return _Target(kinds, state.slug, True) if state is not None else None


def link(reference: Graph) -> Graph:
    """Return skos:exactMatch links from the reference graph's entities to Wikidata items."""
    from ..reading.gazetteer import gazetteer, name_key

    gaz = gazetteer()
    entities: dict[URIRef, Entity] = {}
    for s in set(reference.subjects(RDFS.label)):
        e = _entity_of(s)
        if e is not None and (e.kind != "organisation" or e.cls == DKG.InternationalOrganisation):
            entities[e.iri] = e  # s itself: _entity_of() found its entity by its IRI
    countries = {e.country for e in entities.values()}
    by_label: dict[str, list[URIRef]] = {}
    for iri, e in entities.items():
        by_label.setdefault(name_key(e.label), []).append(iri)
    found: dict[URIRef, _Found] = {}
    for row in checked_ids():
        target = _target(row)
        if target is None:
            continue
        kinds, country, aliases = target
        if country is not None and country not in countries:
            continue  # no entity of that country in the graph: nothing to look up

        def fits(
            iri: URIRef, kinds: tuple[str, ...] = kinds, country: str | None = country
        ) -> bool:
            e = entities.get(iri)
            return e is not None and e.kind in kinds and (country is None or e.country == country)

        exact = [iri for iri in by_label.get(name_key(row.label), []) if fits(iri)]
        if not aliases and len(exact) != 1:
            continue  # a country-less city row: one city of that name in the graph, or none
        for iri in exact:
            found.setdefault(iri, _Found()).exact.add(row.qid)
        if aliases:
            state = gaz.get("state", country) if country else None
            iso2 = [state.iso] if state is not None and state.iso else []
            named = [e.iri for e in gaz.lookup(row.label, iso2) if fits(e.iri)]
            if len(named) == 1 and named[0] not in exact:
                found.setdefault(named[0], _Found()).alias.add(row.qid)
    chosen: dict[URIRef, str] = {}
    for iri, how in found.items():
        qids = how.exact or how.alias
        if len(qids) == 1:  # two IDs for one entity: ambiguous, no link
            chosen[iri] = next(iter(qids))
    claimed: dict[str, list[URIRef]] = {}
    for iri, qid in chosen.items():
        claimed.setdefault(qid, []).append(iri)
    links = Graph()
    for qid, holders in claimed.items():
        if len(holders) == 1:  # one ID for two entities: ambiguous, no link
            links.add((holders[0], SKOS.exactMatch, WD[qid]))
    return links


# The numbers of recurring events, one to nine, in three ways of writing them.
ORDINALS, ROMAN, CARDINALS = ORDINAL_WORDS[:9], ROMAN_NUMERALS[:9], CARDINAL_WORDS[:9]


def numbered_names(key: str) -> set[str]:
    """Return the folded ways of writing a numbered name: "first world war" is "world war i".

    English puts the number of a recurring event either first, as an ordinal, or last, as a
    Roman numeral, a digit or a cardinal word; all name the same thing.
    """
    words = key.split()
    if len(words) < 2:
        return {key}
    n = None
    if words[0] in ORDINALS:
        n, core = ORDINALS.index(words[0]), words[1:]
    else:
        for table in (ROMAN, CARDINALS, [str(i) for i in range(1, 10)]):
            if words[-1] in table:
                n, core = table.index(words[-1]), words[:-1]
                break
    if n is None:
        return {key}
    core_text = " ".join(core)
    return {
        f"{ORDINALS[n]} {core_text}",
        f"{core_text} {ROMAN[n]}",
        f"{core_text} {CARDINALS[n]}",
        f"{core_text} {n + 1}",
    }


def link_wars(*graphs: Graph) -> Graph:
    """Return skos:exactMatch links from the wars the documents name to checked war items."""
    from ..reading.gazetteer import name_key

    rows: dict[str, set[str]] = {}
    for row in checked_ids():
        if row.kind == "war":
            for key in numbered_names(name_key(row.label)):
                rows.setdefault(key, set()).add(row.qid)
    links = Graph()
    claimed: dict[str, set[Node]] = {}
    wars = {w for g in graphs for w in g.subjects(RDF.type, DKG.War)}
    for war in sorted(wars, key=str):  # IRIs: rdflib orders them so too
        qids: set[str] = set()
        for label in {label for g in graphs for label in g.objects(war, RDFS.label)}:
            for key in numbered_names(name_key(str(label))):
                qids |= rows.get(key, set())
        if len(qids) == 1:  # two IDs for one war: ambiguous, no link
            claimed.setdefault(qids.pop(), set()).add(war)
    for qid, holders in claimed.items():
        if len(holders) == 1:  # one ID for two wars: ambiguous, no link
            links.add((holders.pop(), SKOS.exactMatch, WD[qid]))
    return links
