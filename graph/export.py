"""Write QuickStatements (version 1) for Wikidata editors, from a built dataset.

Two parts, in a fixed order:
1. statements about entities linked to a Wikidata item: each truthy statement of the Wikidata
   view whose subject is a checked ``wd:Q…`` item and whose value is a checked item or a date,
   when a source document states the fact it comes from (facts of the reference gazetteer and
   inferred facts have no document, so they are not offered);
2. for each diplomatic mission without an item, the commands that would create one: ``CREATE``,
   its English label, and its P31, P137, P17 and P131 where the value is a checked item, and its
   P571 (opened) and P576 (closed) where a document gives the date.

Every line ends with the source of the fact as a QuickStatements comment,
``/* source: "<title>", <publisher>: "<quote>" */``. The source becomes a reference too
(``S<property>`` columns for the title and the quote) for each role whose property ID is in the
table of checked reference properties (ontology/wikidata-reference-properties.tsv, or a table
the editor passes): the project ships that table without rows, because it writes no property ID
that was not checked. The quote is given only when a passage about the subject names the value
(by a label, or by its initials such as "NATO"); otherwise the source is the document alone.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from . import iris
from .errors import InputError
from .export_references import monolingual, reference_properties
from .link import known_qids
from .publish import current_release
from .vocab import DKG, WD, WDT
from .wikidata_view import DIRECT, INVERSE

# Wikidata property -> the facts of ours that state it: (our property, True if inverse).
SUPPORT: dict[URIRef, list[tuple[URIRef, bool]]] = {}
for _p, _wp in DIRECT:
    SUPPORT.setdefault(_wp, []).append((_p, False))
for _p, _wp in INVERSE:
    SUPPORT.setdefault(_wp, []).append((_p, True))
for _p, _wp, _inverse in (
    (RDF.type, WDT.P31, False),
    (DKG.hostState, WDT.P17, False),
    (DKG.country, WDT.P17, False),
    (DKG.city, WDT.P131, False),
    (DKG.locatedIn, WDT.P131, False),
    (DKG.accreditedTo, WDT.P1001, False),
    (DKG.diplomaticRelation, WDT.P530, False),
    (DKG.diplomaticRelation, WDT.P530, True),
):
    SUPPORT.setdefault(_wp, []).append((_p, _inverse))
# The properties of a new mission's item, after its label (CONTRACTS.md, "The Wikidata view"):
# what it is, who runs it, where; then when it opened and closed, where a document says so.
CREATE_PROPERTIES = (WDT.P31, WDT.P137, WDT.P17, WDT.P131, WDT.P571, WDT.P576)
# Time precision of QuickStatements: 9 year, 10 month, 11 day.
PRECISION = {XSD.gYear: 9, XSD.gYearMonth: 10, XSD.date: 11}


@dataclass(frozen=True)
class Source:
    """Where a fact comes from: a document, and the passage that names the value, if any."""

    title: str
    publisher: str
    quote: str | None
    language: str = ""

    def references(self, properties: dict[str, str]) -> str:
        """Return the reference columns for the roles that have a checked property."""
        values = {"title": self.title, "quote": self.quote or ""}
        columns = ""
        for role, pid in sorted(properties.items(), key=lambda rp: int(rp[1][1:])):
            value = monolingual(values[role], self.language)
            if value is not None:
                columns += f"\tS{pid[1:]}\t{value}"
        return columns

    def comment(self) -> str:
        """Return the QuickStatements comment that cites this source."""
        text = f'source: "{self.title}"' + (f", {self.publisher}" if self.publisher else "")
        if self.quote:
            text += f': "{self.quote}"'
        text = " ".join(text.split()).replace("*/", "* /")
        return f"/* {text} */"


def _qid(node) -> str | None:
    """Return the checked QID of a wd: IRI, else None."""
    if isinstance(node, URIRef) and str(node).startswith(str(WD)):
        qid = str(node)[len(str(WD)) :]
        return qid if qid in known_qids() else None
    return None


def _pid(prop: URIRef) -> str:
    return str(prop)[len(str(WDT)) :]


def time_value(value: Literal) -> str | None:
    """Return a date in QuickStatements time syntax, at the precision the literal has."""
    precision = PRECISION.get(value.datatype)
    if precision is None:
        return None
    parts = [*str(value).split("-"), "00", "00"][:3]
    return f"+{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z/{precision}"


def _value(node) -> str | None:
    """Return a statement's value in QuickStatements syntax: a checked item or a date."""
    if isinstance(node, Literal):
        return time_value(node)
    return _qid(node)


def _initials(label: str) -> str:
    return "".join(w[0] for w in label.split() if w[:1].isupper())


def _names(ds: Dataset, node) -> list[str]:
    """Return the names by which a passage may mention an entity: labels and their initials."""
    names = set()
    for label in ds.objects(node, RDFS.label):
        names.add(str(label))
        if len(initials := _initials(str(label))) > 1:
            names.add(initials)
    return sorted(names)


def _mentions(quote: str, names: list[str]) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", quote) for n in names)


class Exporter:
    """The graphs of a built dataset, and what the export needs to know about them."""

    def __init__(self, ds: Dataset, references: dict[str, str] | None = None):
        self.ds = ds
        self.references = references or {}
        self.view = ds.graph(iris.graph("wikidata"))
        self.documents = sorted(
            (g for g in ds.graphs() if "/graph/document/" in str(g.identifier)),
            key=lambda g: str(g.identifier),
        )
        # Our node -> its view node: checked items, and the Wikidata classes of our classes.
        self.node: dict[URIRef, URIRef] = {}
        for s, o in ds.subject_objects(SKOS.exactMatch):
            if _qid(o) is not None:
                self.node[s] = o

    def view_node(self, x):
        return self.node.get(x, x)

    def sources(self, subject, prop: URIRef, value) -> list[tuple[int, str, int, Source]]:
        """Return the sources of a view statement found in the documents, best first."""
        found = []
        for g in self.documents:
            for p, inverse in SUPPORT.get(prop, ()):
                for s, o in g.subject_objects(p):
                    s_, o_ = (o, s) if inverse else (s, o)
                    if self.view_node(s_) != subject or self.view_node(o_) != value:
                        continue
                    found += self._passages(g, s, o)
        return sorted(found, key=lambda f: f[:3])

    def _passages(self, g, s, o) -> list[tuple[int, str, int, Source]]:
        """Return the passages of document graph g about s: rank 0 if one names o, else 1."""
        out = []
        if isinstance(o, URIRef):
            names = _names(self.ds, o)
        else:  # a date: a passage that gives its year states it
            names = [str(o)[:4]] if time_value(o) is not None else []
        for ev in sorted(g.objects(s, DKG.evidence)):
            doc = g.value(ev, DKG.source)
            quote = str(g.value(ev, DKG.quote) or "")
            # A passage about the subject that names the value supports the fact: quote it.
            rank = 0 if quote and _mentions(quote, names) else 1
            quote = quote if rank == 0 else None
            start = int(g.value(ev, DKG.start) or 0)
            out.append((rank, str(doc), start, self._source(g, doc, quote)))
        return out

    def _source(self, g, doc, quote) -> Source:
        title = str(g.value(doc, DCTERMS.title) or doc)
        publisher = str(g.value(doc, DCTERMS.publisher) or "")
        language = str(g.value(doc, DCTERMS.language) or "")
        return Source(title, publisher, quote, language)

    def cite(self, source: Source) -> str:
        """Return the reference columns and the comment that end a line."""
        return f"{source.references(self.references)}\t{source.comment()}"

    def linked_lines(self) -> list[str]:
        """Return the statements about linked entities, one line each with its source."""
        rows = []
        for s, p, o in self.view:
            if _qid(s) is None or not str(p).startswith(str(WDT)) or p == WDT.P279:
                continue
            value = _value(o)
            if value is None:
                continue
            found = self.sources(s, p, o)
            if found:
                rows.append((str(s), int(_pid(p)[1:]), value, _pid(p), found[0][3]))
        rows.sort(key=lambda r: r[:3])
        return [f"{_qid(URIRef(s))}\t{pid}\t{v}{self.cite(src)}" for s, _, v, pid, src in rows]

    def missions(self) -> list[URIRef]:
        """Return our missions that have no Wikidata item, sorted by IRI."""
        classes = {DKG.DiplomaticMission}
        ontology = self.ds.graph(iris.graph("ontology"))
        while True:
            more = {c for c, d in ontology.subject_objects(RDFS.subClassOf) if d in classes}
            if more <= classes:
                break
            classes |= more
        found = set()
        for g in self.documents:
            for s, c in g.subject_objects(RDF.type):
                if c in classes and s not in self.node:
                    found.add(s)
        return sorted(found)

    def create_lines(self, mission: URIRef) -> list[str]:
        """Return the CREATE block of one mission: label, P31, P137, P17, P131, P571, P576."""
        lines = []
        for p in CREATE_PROPERTIES:
            for o in sorted(self.view.objects(mission, p)):
                value = _value(o)
                found = self.sources(mission, p, o) if value else []
                if found:
                    lines.append(f"LAST\t{_pid(p)}\t{value}{self.cite(found[0][3])}")
        # The label's source: the first passage about the mission, which names it.
        passages = sorted(
            (str(g.identifier), int(g.value(ev, DKG.start) or 0), g, ev)
            for g in self.documents
            for ev in g.objects(mission, DKG.evidence)
        )
        label = self.view.value(mission, RDFS.label)
        if label is None or not passages:
            return []
        _, _, g, ev = passages[0]
        first = self._source(g, g.value(ev, DKG.source), str(g.value(ev, DKG.quote) or ""))
        # A label takes no reference in Wikidata: its source stays a comment.
        return ["CREATE", f'LAST\tLen\t"{label}"\t{first.comment()}', *lines]


def quickstatements(data: Path, references: Path | None = None) -> str:
    """Return the QuickStatements V1 export of the dataset built in the folder data.

    references names a table of checked reference properties (default: the project's own).
    """
    properties = reference_properties(references)
    release = current_release(data)
    if release is None:
        raise InputError(f"{data}: no built dataset here; run 'diplokg build --out {data}' first")
    ds = Dataset(default_union=True).parse(release / "diplokg.trig", format="trig")
    exporter = Exporter(ds, properties)
    lines = exporter.linked_lines()
    for mission in exporter.missions():
        lines += exporter.create_lines(mission)
    return "".join(line + "\n" for line in lines)
