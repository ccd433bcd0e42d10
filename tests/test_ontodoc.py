"""Check the ontology documentation page: anchors, texts, links, escaping, determinism."""

from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from rdflib import Graph

from diplokg.graph.publish.ontodoc import render_ontology_html

ONTOLOGY_FILE = Path(__file__).resolve().parents[1] / "ontology" / "diplokg.ttl"
SHAPES_FILE = ONTOLOGY_FILE.with_name("shapes.ttl")

TTL = """
@prefix ex: <https://example.org/onto#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix vann: <http://purl.org/vocab/vann/> .
@prefix schema: <https://schema.org/> .

<https://example.org/onto> a owl:Ontology ;
    dcterms:title "Example ontology"@en , "Ontologie d'exemple"@fr ;
    dcterms:description "A tiny ontology for tests."@en ;
    dcterms:license <https://www.apache.org/licenses/LICENSE-2.0> ;
    owl:versionIRI <https://example.org/onto/1.0> ;
    owl:versionInfo "1.0" ;
    vann:preferredNamespacePrefix "ex" ;
    vann:preferredNamespaceUri "https://example.org/onto#" .

ex:Mission a owl:Class ;
    rdfs:label "Mission"@en , "Mission diplomatique"@fr , "Diplomatieke missie"@nl ;
    skos:definition "A permanent representation abroad."@en ;
    rdfs:subClassOf schema:Place ;
    skos:exactMatch <http://www.wikidata.org/entity/Q2001305> .

ex:Embassy a owl:Class ;
    rdfs:label "Embassy"@en , "Ambassade"@fr ;
    rdfs:comment "A mission headed by an ambassador."@en ;
    rdfs:subClassOf ex:Mission ,
        [ a owl:Restriction ; owl:onProperty ex:hostState ; owl:someValuesFrom ex:Country ] .

schema:Place a owl:Class .

ex:DateValue a rdfs:Datatype ;
    owl:equivalentClass [ a rdfs:Datatype ; owl:unionOf ( xsd:date xsd:gYear ) ] .

ex:Country a owl:Class ; rdfs:label "<script>alert(1)</script>"@en .

ex:hostState a owl:ObjectProperty ;
    rdfs:label "host state"@en ;
    rdfs:domain ex:Mission ;
    rdfs:range ex:Country .

ex:partOf a owl:ObjectProperty , owl:TransitiveProperty ; owl:inverseOf ex:hasPart .
ex:hasPart a owl:ObjectProperty ; rdfs:subPropertyOf ex:related .
ex:related a owl:ObjectProperty , owl:SymmetricProperty .

ex:opened a owl:DatatypeProperty ;
    rdfs:label "opened"@en ;
    rdfs:domain ex:Mission ;
    rdfs:range xsd:date .

ex:Precision a skos:ConceptScheme ; rdfs:label "Date precision"@en .
ex:Year a skos:Concept ; skos:inScheme ex:Precision ; skos:prefLabel "year"@en .
"""

SHAPES = """
@prefix ex: <https://example.org/onto#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .

ex:MissionShape a sh:NodeShape ;
    sh:targetClass ex:Mission ;
    sh:property [ sh:path ex:hostState ; sh:minCount 1 ;
                  sh:message "A mission needs a host state."@en ] .
"""


class _Ids(HTMLParser):
    """Collect every id attribute and every intra-page link target."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.targets: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag == "a" and (attributes.get("href") or "").startswith("#"):
            self.targets.append(attributes["href"][1:])


def _parse(page: str) -> _Ids:
    parser = _Ids()
    parser.feed(page)
    parser.close()
    return parser


def _article(page: str, anchor: str) -> str:
    start = page.index(f'id="{anchor}"')
    return page[start : page.index("</article>", start)]


def _render(shapes: str | None = SHAPES) -> str:
    graph = Graph().parse(data=TTL, format="turtle")
    shapes_graph = Graph().parse(data=shapes, format="turtle") if shapes else None
    return render_ontology_html(graph, shapes_graph)


def test_every_term_has_a_unique_anchor_and_every_link_lands() -> None:
    parser = _parse(_render())
    for name in ("Mission", "Embassy", "hostState", "partOf", "opened", "DateValue", "Year"):
        assert name in parser.ids
    assert [i for i, n in Counter(parser.ids).items() if n > 1] == []
    assert set(parser.targets) <= set(parser.ids)


def test_metadata_labels_and_definitions_appear() -> None:
    page = _render()
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in page and "<title>Example ontology</title>" in page
    assert '<meta name="description" content="A tiny ontology for tests.">' in page
    assert 'href="https://www.apache.org/licenses/LICENSE-2.0"' in page
    assert "https://example.org/onto/1.0" in page
    for text in ("Mission diplomatique", "Diplomatieke missie", "Ambassade", "year"):
        assert text in page
    assert '<span class="tag">nl</span>' in page
    assert "A permanent representation abroad." in page
    assert "A mission headed by an ambassador." in page  # rdfs:comment when no definition
    for section in ("Classes", "Object properties", "Datatype properties", "Concept schemes"):
        assert f"<h2>{section}</h2>" in page


def test_hierarchy_domains_alignments_and_shapes_are_linked() -> None:
    page = _render()
    assert '<a href="#Mission" title="https://example.org/onto#Mission">ex:Mission</a>' in page
    assert '<a href="#Embassy" title="https://example.org/onto#Embassy">ex:Embassy</a>' in page
    assert 'href="https://schema.org/Place" title="https://schema.org/Place">schema:Place' in page
    assert 'href="http://www.w3.org/2001/XMLSchema#date"' in page
    assert 'href="http://www.wikidata.org/entity/Q2001305"' in page
    assert "Used as domain of" in page and "Used as range of" in page
    part_of, related = _article(page, "partOf"), _article(page, "related")
    assert "transitive" in part_of and 'href="#hasPart"' in part_of
    assert "symmetric" in related and 'href="#hasPart"' in related  # computed sub-property
    assert "A mission needs a host state." in page and "1..*" in page
    assert "SHACL constraints" not in _render(shapes=None)


def test_external_terms_are_listed_apart_and_unions_read_as_or() -> None:
    page = _render()
    parser = _parse(page)
    assert "Place" not in parser.ids and "external-terms" in parser.ids
    external = page[page.index('id="external-terms"') :]
    assert 'href="https://schema.org/Place"' in external
    assert ">xsd:date</a> <em>or</em> <a" in _article(page, "DateValue")
    embassy = _article(page, "Embassy")
    assert "anonymous" not in embassy and "owl:Restriction" not in embassy


def test_graph_text_is_escaped() -> None:
    page = _render()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page.lower()


def test_output_is_deterministic() -> None:
    assert _render() == _render()


def test_real_ontology_renders() -> None:
    ontology = Graph().parse(ONTOLOGY_FILE, format="turtle")
    shapes = Graph().parse(SHAPES_FILE, format="turtle") if SHAPES_FILE.exists() else None
    page = render_ontology_html(ontology, shapes)
    parser = _parse(page)
    assert [i for i, n in Counter(parser.ids).items() if n > 1] == []
    assert set(parser.targets) <= set(parser.ids)
    assert "Embassy" in parser.ids
    assert page == render_ontology_html(ontology, shapes)
