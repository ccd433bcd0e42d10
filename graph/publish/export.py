"""Write QuickStatements (version 1) for Wikidata editors, from a built dataset.

Two parts, in a fixed order:
1. statements about entities linked to a Wikidata item: each truthy statement of the Wikidata
   view whose subject is a checked ``wd:Q…`` item and whose value is a checked item or a date,
   when a document's claim states the fact it comes from (facts of the reference gazetteer and
   inferred facts have no document, so they are not offered);
2. for each diplomatic mission without an item, the commands that would create one: ``CREATE``,
   its English label, and its P31, P137, P17 and P131 where the value is a checked item, and its
   P571 (opened) and P576 (closed) where a document gives the date.

Each line cites the claim that states it (the first, by document and offset): its document
becomes the reference (``S`` columns: title, URL, item and retrieval date, each under a property
of the checked table ontology/wikidata-reference-properties.tsv, or of a table the editor
passes), and the claim's own phrase ends the line as a comment,
``/* source: "<title>", <publisher>: "<phrase>" */``.
"""

from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import Node

from .. import iris
from ..errors import InputError
from ..ingest.checked_ids import known_qids
from ..link.references import ReferenceProperties, monolingual, reference_properties
from ..link.wikidata_statements import Source, sources, supports
from ..link.wikidata_view import ViewNodes
from ..terms import ordered
from ..vocab import DKG, WD, WDT
from .release import current_release

# The properties of a new mission's item, after its label (CONTRACTS.md, "The Wikidata view"):
# what it is, who runs it, where; then when it opened and closed, where a document says so.
CREATE_PROPERTIES = (WDT.P31, WDT.P137, WDT.P17, WDT.P131, WDT.P571, WDT.P576)
# Time precision of QuickStatements: 9 year, 10 month, 11 day.
PRECISION = {XSD.gYear: 9, XSD.gYearMonth: 10, XSD.date: 11}


@dataclass(frozen=True)
class Citation:
    """The claim a line cites: its document as a reference, and its phrase."""

    source: Source
    phrase: str

    def references(self, allowed: ReferenceProperties) -> str:
        """Return the reference columns, in property order, for the checked properties."""
        s = self.source
        values = {
            "P248": _qid(s.item) if s.item is not None else None,
            "P854": f'"{s.url}"' if s.url is not None and '"' not in s.url else None,
            "P813": time_value(Literal(str(s.retrieved), datatype=XSD.date))
            if s.retrieved is not None
            else None,
            "P1476": monolingual(str(s.title or ""), s.language),
        }
        return "".join(
            f"\tS{pid[1:]}\t{value}"
            for pid, value in sorted(values.items(), key=lambda kv: int(kv[0][1:]))
            if value is not None and pid in allowed
        )

    def comment(self) -> str:
        """Return the QuickStatements comment that cites the phrase."""
        s = self.source
        text = f'source: "{s.title}"' + (f", {s.publisher}" if s.publisher else "")
        text += f': "{self.phrase}"'
        text = " ".join(text.split()).replace("*/", "* /")
        return f"/* {text} */"


def _qid(node: Node | None) -> str | None:
    """Return the checked QID of a wd: IRI, else None."""
    if isinstance(node, URIRef) and str(node).startswith(str(WD)):
        qid = str(node)[len(str(WD)) :]
        return qid if qid in known_qids() else None
    return None


def _pid(prop: Node) -> str:
    return str(prop)[len(str(WDT)) :]


def time_value(value: Literal) -> str | None:
    """Return a date in QuickStatements time syntax, at the precision the literal has."""
    precision = PRECISION.get(value.datatype) if value.datatype is not None else None
    if precision is None:
        return None
    parts = [*str(value).split("-"), "00", "00"][:3]
    return f"+{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z/{precision}"


def _value(node: Node) -> str | None:
    """Return a statement's value in QuickStatements syntax: a checked item or a date."""
    if isinstance(node, Literal):
        return time_value(node)
    return _qid(node)


class Exporter:
    """The graphs of a built dataset, and the claims that state each statement of its view."""

    def __init__(self, ds: Dataset, allowed: ReferenceProperties):
        self.ds = ds
        self.allowed = allowed
        self.view = ds.graph(iris.graph("wikidata"))
        self.documents: dict[URIRef, Graph] = {
            g.identifier: g
            for g in ds.graphs()
            if isinstance(g.identifier, URIRef) and "/graph/document/" in str(g.identifier)
        }
        nodes = ViewNodes(ds.graph(iris.graph("reference")), ds.graph(iris.graph("ontology")))
        self.support = supports(self.documents, nodes)
        self.sources = sources(self.documents)

    def citations(self, s: Node, p: Node, o: Node | None) -> list[Citation]:
        """Return the claims that state a view statement, by document and offset."""
        found: list[tuple[str, int, Citation]] = []
        for name, claim in self.support.get((s, p, o), ()) if o is not None else ():
            g = self.documents[name]
            for ev in g.objects(claim, DKG.evidence):
                start = int(str(g.value(ev, DKG.start)))  # an xsd:integer's lexical form
                phrase = str(g.value(ev, DKG.quote))
                found.append((str(name), start, Citation(self.sources[name], phrase)))
        return [c for *_, c in sorted(found, key=lambda f: f[:2])]

    def cite(self, citation: Citation) -> str:
        """Return the reference columns and the comment that end a line."""
        return f"{citation.references(self.allowed)}\t{citation.comment()}"

    def linked_lines(self) -> list[str]:
        """Return the statements about linked entities, one line each with its source."""
        rows: list[tuple[str, int, str, str, Citation]] = []
        for s, p, o in self.view:
            if _qid(s) is None or not str(p).startswith(str(WDT)) or p == WDT.P279:
                continue
            value = _value(o)
            if value is None:
                continue
            found = self.citations(s, p, o)
            if found:
                rows.append((str(s), int(_pid(p)[1:]), value, _pid(p), found[0]))
        rows.sort(key=lambda r: r[:3])
        return [f"{_qid(URIRef(s))}\t{pid}\t{v}{self.cite(c)}" for s, _, v, pid, c in rows]

    def missions(self) -> list[URIRef]:
        """Return our missions that have no Wikidata item, sorted by IRI."""
        classes: set[Node] = {DKG.DiplomaticMission}
        ontology = self.ds.graph(iris.graph("ontology"))
        while True:
            more = {c for c, d in ontology.subject_objects(RDFS.subClassOf) if d in classes}
            if more <= classes:
                break
            classes |= more
        found: set[URIRef] = set()
        for g in self.documents.values():
            for s, c in g.subject_objects(RDF.type):
                if not isinstance(s, URIRef):
                    continue  # a mission is named by its IRI (extract/identity.py)
                if c in classes and _qid(s) is None and (s, None, None) in self.view:
                    found.add(s)
        return sorted(found)

    def create_lines(self, mission: URIRef) -> list[str]:
        """Return the CREATE block of one mission: label, P31, P137, P17, P131, P571, P576."""
        lines = []
        for p in CREATE_PROPERTIES:
            for o in ordered(self.view.objects(mission, p)):
                value = _value(o)
                found = self.citations(mission, p, o) if value else []
                if found:
                    lines.append(f"LAST\t{_pid(p)}\t{value}{self.cite(found[0])}")
        label = self.view.value(mission, RDFS.label)
        first = self.citations(mission, WDT.P31, next(self.view.objects(mission, WDT.P31), None))
        if label is None or not first:
            return []
        # A label takes no reference in Wikidata: its source stays a comment.
        return ["CREATE", f'LAST\tLen\t"{label}"\t{first[0].comment()}', *lines]


def quickstatements(data: Path, references: Path | None = None) -> str:
    """Return the QuickStatements V1 export of the dataset built in the folder data.

    references names a table of checked reference properties (default: the project's own).
    """
    allowed = reference_properties(references)
    release = current_release(data)
    if release is None:
        raise InputError(f"{data}: no built dataset here; run 'diplokg build --out {data}' first")
    ds = Dataset(default_union=True).parse(release / "diplokg.trig", format="trig")
    exporter = Exporter(ds, allowed)
    lines = exporter.linked_lines()
    for mission in exporter.missions():
        lines += exporter.create_lines(mission)
    return "".join(line + "\n" for line in lines)
