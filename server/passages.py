"""Gather what a passage and a document page show: the words, and the facts they state."""

import itertools
from typing import NotRequired, TypedDict

import pyoxigraph as ox

from .entity_facts import phrase_view
from .lookup import Row, TermView, labels_of, local_path, select, short, term_view

# A passage: its document, offsets and words, its sentence, and the claims that cite it.
PASSAGE = """SELECT ?doc ?quote ?start ?end ?sentence ?from ?in ?c ?s ?p ?o ?rule ?curated WHERE {
  #VALUES
  ?ev dkg:source ?doc ; dkg:quote ?quote ; dkg:start ?start ; dkg:end ?end .
  OPTIONAL { ?ev dkg:sentence ?in . ?in dkg:quote ?sentence ; dkg:start ?from }
  OPTIONAL { ?c dkg:evidence ?ev ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
             OPTIONAL { ?c dkg:extractionRule ?rule } OPTIONAL { ?c dkg:curated ?curated } }
}"""
# The phrases that stand in a sentence, when the passage is one.
INSIDE = """SELECT DISTINCT ?ev ?quote ?start WHERE {
  #VALUES
  ?ev dkg:sentence ?sentence ; dkg:quote ?quote ; dkg:start ?start .
} ORDER BY ?start"""
# A document: its metadata and text, and every phrase its claims cite, with what they state.
DOCUMENT = """SELECT ?p ?o WHERE { #VALUES
  ?doc ?p ?o FILTER(?p != dkg:text) }"""
TEXT = """SELECT ?text WHERE { #VALUES
  ?doc dkg:text ?text }"""
CLAIMED = """SELECT ?ev ?start ?end ?s ?p ?o WHERE {
  #VALUES
  ?ev dkg:source ?doc ; dkg:start ?start ; dkg:end ?end .
  ?c dkg:evidence ?ev ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
} ORDER BY ?start ?end"""


# The RDF terms every claim may name, in words.
PLAIN = {
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type": "is a",
    "http://www.w3.org/2000/01/rdf-schema#label": "is named",
    "http://www.w3.org/2004/02/skos/core#altLabel": "is also named",
}


class FactView(TypedDict):
    """A claimed triple as a page says it; on a passage's page, how it was found."""

    subject: TermView
    property: str
    object: TermView
    how: NotRequired[str]


class SubjectFacts(TypedDict):
    """What a document states of one subject."""

    subject: TermView
    facts: list[FactView]


def _fact(row: Row, labels: dict[str, str]) -> FactView:
    """Describe one claimed triple for a page: subject, property, value."""
    p = row["p"].value
    return {
        "subject": term_view(row["s"], labels),
        "property": PLAIN.get(p) or labels.get(p) or short(p),
        "object": term_view(row["o"], labels),
    }


def _named(rows: list[Row], *keys: str) -> set[str]:
    return {r[k].value for r in rows for k in keys if isinstance(r.get(k), ox.NamedNode)}


def passage(node: ox.NamedNode) -> dict[str, object]:
    """Return a passage page's content: its words in their sentence, and the facts it states."""
    rows = select(PASSAGE, ev=node)
    first = rows[0]
    labels = labels_of(_named(rows, "s", "p", "o", "doc"))
    start, end = int(first["start"].value), int(first["end"].value)
    sentence = first.get("sentence")
    facts, seen = [], set()
    for r in rows:
        if "c" in r and r["c"].value not in seen:
            seen.add(r["c"].value)
            fact = _fact(r, labels)
            fact["how"] = "curated" if "curated" in r else (r["rule"].value if "rule" in r else "")
            facts.append(fact)
    facts.sort(key=lambda f: (f["subject"]["text"], f["property"], f["object"]["text"]))
    inside = [
        {"quote": r["quote"].value, "href": local_path(r["ev"].value)}
        for r in select(INSIDE, sentence=node)
    ]
    return {
        "iri": node.value,
        "doc": term_view(first["doc"], labels),
        "start": start,
        "end": end,
        "words": phrase_view(
            first["quote"].value,
            start,
            end,
            sentence.value if sentence else None,
            int(first["from"].value) if sentence else None,
        ),
        "sentence_href": local_path(first["in"].value) if "in" in first else None,
        "facts": facts,
        "inside": inside,
    }


def segments(text: str, spans: list[tuple[int, int, str | None]]) -> list[dict[str, object]]:
    """Cut a text at every edge of its claimed phrases; each piece says which phrase it is in.

    Where phrases overlap, a piece links to the shortest phrase that holds it, and counts how
    many hold it (the page shades it darker).
    """
    edges = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    pieces = []
    for a, b in itertools.pairwise(edges):
        holding = [(e - s, href) for s, e, href in spans if s <= a and b <= e]
        piece: dict[str, object] = {"text": text[a:b], "depth": len(holding)}
        if holding:
            piece["href"] = min(holding)[1]
        pieces.append(piece)
    return pieces


# A document's metadata from other vocabularies, in words.
META = {
    "http://purl.org/dc/terms/title": "title",
    "http://purl.org/dc/terms/language": "language",
    "http://purl.org/dc/terms/publisher": "publisher",
    "http://purl.org/dc/terms/source": "source",
    "http://purl.org/dc/terms/license": "licence",
    "http://purl.org/dc/terms/issued": "issued",
    "http://purl.org/dc/terms/modified": "modified",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type": "kind",
    "http://www.w3.org/2000/01/rdf-schema#label": "label",
}


def document(node: ox.NamedNode) -> dict[str, object]:
    """Return a document page's content: metadata, its text with every claimed phrase marked,
    and the facts it states, by subject."""
    meta = select(DOCUMENT, doc=node)
    text_rows = select(TEXT, doc=node)
    claimed = select(CLAIMED, doc=node)
    labels = labels_of(_named(meta, "p", "o") | _named(claimed, "s", "p", "o") | {node.value})
    spans = sorted(
        {(int(r["start"].value), int(r["end"].value), local_path(r["ev"].value)) for r in claimed}
    )
    by_subject: dict[str, SubjectFacts] = {}
    for r in claimed:
        subject = by_subject.setdefault(
            r["s"].value, {"subject": term_view(r["s"], labels), "facts": []}
        )
        fact = _fact(r, labels)
        if fact not in subject["facts"]:
            subject["facts"].append(fact)
    text = text_rows[0]["text"].value if text_rows else ""
    said = [
        (META.get(r["p"].value) or labels.get(r["p"].value) or short(r["p"].value), r["o"])
        for r in meta
    ]
    return {
        "iri": node.value,
        "label": labels.get(node.value) or short(node.value),
        "meta": [
            {"property": name, "value": term_view(value, labels)}
            for name, value in sorted(said, key=lambda m: m[0])
        ],
        "pieces": segments(text, spans),
        "claims": len(spans),
        "subjects": sorted(by_subject.values(), key=lambda x: x["subject"]["text"]),
    }
