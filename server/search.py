"""Find entities by name (/search?q=): labels and alternative names in every language.

The index is read once per app (the dataset never changes while it is served): every entity
of ours and every term of the ontology, with its names, its type and a one-line description.
A hit ranks by how the name matches (the whole name, its start, a word's start, anywhere),
then by a name in English, then by a shorter name.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from flask import Blueprint, Response, jsonify, render_template, request

from diplokg.graph.vocab import DKG

from .lookup import cached, entity_prefix, local_path, select, short
from .negotiation import choose, vary

bp = Blueprint("search", __name__)

MAX_QUERY = 200  # characters of a search
MOST = 50  # hits a page or an answer holds at most
# Kinds of IRI that are parts of the evidence, not things people look for by name.
NOT_SOUGHT = ("claim", "evidence", "statement", "reference")
NAMES = """SELECT ?s ?name ?how WHERE {
  VALUES ?how { rdfs:label skos:altLabel skos:prefLabel dcterms:title }
  ?s ?how ?name FILTER(isIRI(?s) && isLiteral(?name))
}"""
# The most specific class of ours each entity has in the documents or the reference data, and
# the places and parties a one-line description names.
TYPES = """SELECT ?s ?type WHERE {
  GRAPH ?g { ?s a ?type } FILTER(STRSTARTS(STR(?type), STR(dkg:)))
  FILTER(CONTAINS(STR(?g), "/graph/document/") || STRENDS(STR(?g), "/graph/reference"))
}"""
CONTEXT = """SELECT ?s ?p ?o WHERE {
  VALUES ?p { dkg:sendingEntity dkg:city dkg:hostState dkg:country dkg:locatedIn
              dkg:accreditedTo dkg:holdsRole dkg:roleIn skos:exactMatch }
  ?s ?p ?o FILTER(isIRI(?o))
}"""
TERMS = """SELECT ?s ?kind WHERE { GRAPH ?g {
  VALUES ?kind { owl:Class owl:ObjectProperty owl:DatatypeProperty }
  ?s a ?kind FILTER(STRSTARTS(STR(?s), STR(dkg:))) } }"""
# How a description phrases the links: "embassy of Belgium in Ottawa, Canada".
SENDER = ("sendingEntity", "roleIn")
PLACES = ("city", "locatedIn", "hostState", "country")


@dataclass
class Entry:
    """One thing that can be found: its IRI, names (text, language), type and description."""

    iri: str
    names: list[tuple[str, str]] = field(default_factory=list)
    type: str = ""
    description: str = ""

    @property
    def label(self) -> str:
        english = [n for n, lang in self.names if lang in ("en", "")]
        return (english or [n for n, _ in self.names] or [short(self.iri)])[0]


def fold(text: str) -> str:
    """Fold a name for matching: no accents, no case, one space between words."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", plain.casefold()).split())


def index() -> list[Entry]:
    """Read every entity's and ontology term's names, type and one-line description."""
    ours = entity_prefix()
    entries: dict[str, Entry] = {}

    def sought(iri: str) -> bool:
        if iri.startswith(str(DKG)):
            return True
        return iri.startswith(ours) and iri[len(ours) :].split("/", 1)[0] not in NOT_SOUGHT

    for r in select(NAMES):
        iri = r["s"].value
        if sought(iri):
            entry = entries.setdefault(iri, Entry(iri))
            name = (r["name"].value, r["name"].language or "")
            if name not in entry.names:
                entry.names.append(name)
    labels = {iri: e.label for iri, e in entries.items()}
    for entry in entries.values():  # English first, then by language, the label first
        entry.names.sort(key=lambda n: (n[1] not in ("en", ""), n[1], n[0] != entry.label))
    kinds: dict[str, set[str]] = {}
    for r in select(TYPES):
        kinds.setdefault(r["s"].value, set()).add(r["type"].value)
    for r in select(TERMS):
        kinds.setdefault(r["s"].value, set()).add(r["kind"].value)
    parents = _superclasses()
    context: dict[str, dict[str, list[str]]] = {}
    for r in select(CONTEXT):
        local = r["p"].value.rsplit("#", 1)[-1]
        context.setdefault(r["s"].value, {}).setdefault(local, []).append(r["o"].value)
    for iri, entry in entries.items():
        types = kinds.get(iri, set())
        # The most specific: a type none of whose subclasses the entity also has.
        specific = sorted(t for t in types if not any(t in parents.get(o, ()) for o in types))
        entry.type = _type_name(specific[0], labels) if specific else ""
        entry.description = _describe(entry, context.get(iri, {}), labels)
    return sorted(entries.values(), key=lambda e: (fold(e.label), e.iri))


def _superclasses() -> dict[str, set[str]]:
    rows = select("SELECT ?c ?super WHERE { ?c rdfs:subClassOf+ ?super FILTER(isIRI(?super)) }")
    found: dict[str, set[str]] = {}
    for r in rows:
        found.setdefault(r["c"].value, set()).add(r["super"].value)
    return found


def _type_name(iri: str, labels: dict[str, str]) -> str:
    if iri.startswith("http://www.w3.org/2002/07/owl#"):
        return {"Class": "class", "ObjectProperty": "property", "DatatypeProperty": "property"}[
            iri.rsplit("#", 1)[-1]
        ]
    return labels.get(iri) or iri.rsplit("#", 1)[-1]


def _describe(entry: Entry, links: dict[str, list[str]], labels: dict[str, str]) -> str:
    """Say in one line what the entity is: its type and the links that place it."""

    def names(props: Iterable[str]) -> list[str]:
        found = []
        for prop in props:
            for o in links.get(prop, []):
                name = labels.get(o) or short(o)
                if name not in found:
                    found.append(name)
        return found

    words = [entry.type] if entry.type else []
    if senders := names(SENDER):
        words.append("of " + " and ".join(senders[:2]))
    if roles := names(["holdsRole"]):
        words.append("as " + " and ".join(roles[:2]))
    places = names(PLACES)
    if places:
        words.append("in " + ", ".join(places[:3]))
    if accredited := [n for n in names(["accreditedTo"]) if n not in places]:
        words.append("accredited to " + " and ".join(accredited[:3]))
    parts = [" ".join(words)]
    others = [(n, lang) for n, lang in entry.names if n != entry.label]
    if others:
        parts.append("also " + ", ".join(f"{n} ({lang})" if lang else n for n, lang in others[:3]))
    wikidata = [o.rsplit("/", 1)[-1] for o in links.get("exactMatch", []) if "wikidata" in o]
    if wikidata:
        parts.append("Wikidata " + ", ".join(wikidata[:2]))
    if entry.iri.startswith(str(DKG)):
        parts.append(f"dkg:{entry.iri[len(str(DKG)) :]}")
    return " · ".join(p for p in parts if p)


def rank(entries: list[Entry], text: str) -> list[tuple[Entry, str]]:
    """Return the entries a text finds, best first, each with the name it matched."""
    wanted = fold(text)
    if not wanted:
        return []
    scored = []
    for entry in entries:
        best = None
        for name, lang in entry.names:
            folded = fold(name)
            if folded == wanted:
                how = 0
            elif folded.startswith(wanted):
                how = 1
            elif f" {wanted}" in f" {folded}":
                how = 2
            elif wanted in folded:
                how = 3
            else:
                continue
            key = (how, lang not in ("en", ""), len(folded), folded)
            if best is None or key < best[0]:
                best = (key, name)
        if best is not None:
            scored.append((best[0], entry.iri, entry, best[1]))
    scored.sort(key=lambda s: (s[0], s[1]))
    return [(entry, name) for _, _, entry, name in scored]


def hit_view(entry: Entry, matched: str) -> dict[str, str | None]:
    return {
        "iri": entry.iri,
        "label": entry.label,
        "type": entry.type,
        "description": entry.description,
        "matched": matched if matched != entry.label else None,
        "href": local_path(entry.iri) or entry.iri,
    }


SEARCH_TYPES = {"html": ("text/html", None), "json": ("application/json", None)}


@bp.get("/search")
@bp.get("/search.json")
def search() -> Response:
    """Find entities by name: a page for people, JSON for Accept: application/json."""
    text = request.args.get("q", "")
    key = "json" if request.path.endswith(".json") else choose(SEARCH_TYPES)
    try:
        limit = min(max(int(request.args.get("limit", MOST)), 1), MOST)
    except ValueError:
        return _refuse(key, f"limit={request.args['limit']!r}: give a whole number", text)
    if len(text) > MAX_QUERY:
        return _refuse(key, f"the search is {len(text)} characters; at most {MAX_QUERY}", text)
    found = rank(cached("search index", index), text)
    hits = [hit_view(entry, name) for entry, name in found[:limit]]
    if key == "json":
        return vary(jsonify(hits))
    page = render_template("search.html", q=text, hits=hits, total=len(found))
    return vary(page)


def _refuse(key: str, message: str, text: str) -> Response:
    if key == "json":
        return vary((jsonify({"error": message}), 400))
    return vary((render_template("search.html", q=text[:MAX_QUERY], hits=[], total=0,
                                 error=message), 400))  # fmt: skip
