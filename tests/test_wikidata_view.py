"""The Wikidata view answers the example queries as their comments say, against the seeds."""

import json
from pathlib import Path

import pytest

from diplokg.graph.query.engine import load_dataset, run_query
from diplokg.server.query_page import EXAMPLES

# The examples are copied into the repository, in the folder the query page serves; the shared
# folder beside it, when present (../shared/examples/ in a CI clone), is the original, and the
# copies must match it.
SHARED = Path(__file__).resolve().parents[2] / "shared" / "examples"
WD = "http://www.wikidata.org/entity/"
XSD = "http://www.w3.org/2001/XMLSchema#"
VIEW = "https://w3id.org/diplokg/graph/wikidata"


@pytest.fixture(scope="module")
def store(built):
    return load_dataset(built).store


def example(name: str) -> str:
    return next(EXAMPLES.glob(f"{name}-*.rq")).read_text(encoding="utf-8")


def results(store, query: str):
    body, _ = run_query(store, query, "json")
    return json.loads(body)


def rows(store, query: str) -> list[dict]:
    return [
        {k: (v["value"], v.get("datatype"), v.get("xml:lang")) for k, v in row.items()}
        for row in results(store, query)["results"]["bindings"]
    ]


@pytest.mark.skipif(not SHARED.is_dir(), reason="no shared/examples beside the repository")
def test_the_copied_examples_are_the_shared_ones():
    """server/static/examples/ holds the same files as ../shared/examples/."""
    for path in sorted(SHARED.glob("*.rq")):
        assert (EXAMPLES / path.name).read_text(encoding="utf-8") == path.read_text(
            encoding="utf-8"
        )


def test_01_belgian_embassy_in_ottawa(store):
    """Expected: true."""
    assert results(store, example("01"))["boolean"] is True


def test_02_shared_memberships(store):
    """NATO and the UN under their wd: IRIs; the OECD, OSCE, OIF under some IRI; English labels."""
    found = rows(store, example("02"))
    orgs = {r["org"][0] for r in found}
    assert {WD + "Q7184", WD + "Q1065"} <= orgs
    labels = {r["label"][0] for r in found if "label" in r and r["label"][2] == "en"}
    for name in (
        "Organisation for Economic Co-operation and Development",
        "Organization for Security and Co-operation in Europe",
        "Organisation internationale de la Francophonie",
    ):
        assert name in labels
    assert all("label" in r for r in found), "an organisation without an English label"


def test_03_youth_mobility_agreement(store):
    """One agreement, signed "2005"^^xsd:gYear, effective "2007-01-01"^^xsd:date."""
    found = rows(store, example("03"))
    assert len(found) == 1
    assert found[0]["signed"] == ("2005", XSD + "gYear", None)
    assert found[0]["effective"] == ("2007-01-01", XSD + "date", None)


def test_04_belgian_posts_in_canada(store):
    """Embassy in Ottawa, consulate general in Montreal, Toronto closed in 2014, honoraries."""
    found = rows(store, example("04"))
    posts = {(r["type"][0], r["city"][0]) for r in found}
    assert (WD + "Q3917681", WD + "Q1930") in posts  # embassy, Ottawa
    assert (WD + "Q372690", WD + "Q340") in posts  # consulate general, Montreal
    assert (WD + "Q7843791", WD + "Q172") in posts  # consulate, Toronto
    toronto = [r for r in found if r["city"][0] == WD + "Q172"]
    assert [r["closed"] for r in toronto] == [("2014", XSD + "gYear", None)]
    honorary = {r["city"][0] for r in found if r["type"][0] == WD + "Q23891529"}
    assert WD + "Q24639" in honorary and len(honorary) >= 4  # Vancouver, Edmonton, ...
    assert not any("closed" in r for r in found if r["city"][0] != WD + "Q172")


def test_05_has_no_query():
    """Example 05 states a question for the project's own vocabulary, not a view query."""
    text = example("05")
    assert not any(w in text for w in ("SELECT", "ASK", "CONSTRUCT"))


def test_06_references(store):
    """Rows for Belgium's NATO membership, each citing a seed document by its title."""
    found = rows(store, example("06"))
    titles = {row["title"][0] for row in found if "title" in row}
    assert found and all("title" in row or "url" in row for row in found)
    assert titles <= {
        "North America",
        "Canada - Belgium Relations",
        "Belgium\u2013Canada relations",
    }
    assert "Belgium\u2013Canada relations" in titles


def test_07_claim_phrase(store):
    """Phrases that name NATO, each the text of its document at its offsets."""
    from diplokg.graph.resources import DEFAULT_SEEDS

    found = rows(store, example("07"))
    assert found
    for row in found:
        quote, start, end = row["quote"][0], int(row["start"][0]), int(row["end"][0])
        assert "NATO" in quote or "North Atlantic Treaty Organization" in quote, quote
        path = DEFAULT_SEEDS / (row["doc"][0].rsplit("/", 1)[-1] + ".txt")
        assert path.read_bytes().decode("utf-8")[start:end] == quote


# The Wikidata RDF model's statement and reference nodes, and its vocabulary: no labels there.
WIKIBASE = "http://wikiba.se/ontology#"
STATEMENT_PARTS = ("http://www.wikidata.org/prop/", "http://www.w3.org/ns/prov#", WIKIBASE)


def test_every_node_of_the_view_has_an_english_label(store):
    """Every entity of the view (subject or value of a truthy statement) has an English label."""
    query = f"""SELECT DISTINCT ?n WHERE {{ GRAPH <{VIEW}> {{
      {{ ?n ?p ?o }} UNION {{ ?s ?p ?n FILTER(isIRI(?n)) }}
      FILTER(STRSTARTS(STR(?p), "http://www.wikidata.org/prop/direct/"))
      FILTER NOT EXISTS {{ ?n <http://www.w3.org/2000/01/rdf-schema#label> ?l
                           FILTER(LANG(?l) = "en") }} }} }}"""
    assert rows(store, query) == []


def test_every_truthy_statement_is_a_statement_node(store):
    """Each S wdt:P O is also S p:P st . st ps:P O, of normal rank, as in Wikidata's RDF."""
    query = f"""SELECT ?s ?p ?o WHERE {{ GRAPH <{VIEW}> {{ ?s ?p ?o
      FILTER(STRSTARTS(STR(?p), "http://www.wikidata.org/prop/direct/"))
      BIND(IRI(REPLACE(STR(?p), "/direct/", "/")) AS ?claim)
      BIND(IRI(REPLACE(STR(?p), "/direct/", "/statement/")) AS ?value)
      FILTER NOT EXISTS {{ ?s ?claim ?st . ?st ?value ?o ;
                           <{WIKIBASE}rank> <{WIKIBASE}NormalRank> }} }} }}"""
    assert rows(store, query) == []


def test_the_view_uses_only_wikidata_properties_and_labels(store):
    query = f"SELECT DISTINCT ?p WHERE {{ GRAPH <{VIEW}> {{ ?s ?p ?o }} }}"
    props = {r["p"][0] for r in rows(store, query)}
    rdfs_label = "http://www.w3.org/2000/01/rdf-schema#label"
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    assert all(
        p.startswith("http://www.wikidata.org/prop/direct/P")
        or p in (rdfs_label, rdf_type)
        or p.startswith(STATEMENT_PARTS)
        for p in props
    ), props
    # References hold only the checked reference properties.
    refs = {p for p in props if p.startswith("http://www.wikidata.org/prop/reference/")}
    assert refs <= {f"http://www.wikidata.org/prop/reference/{p}" for p in
                    ("P248", "P854", "P813", "P1476")}  # fmt: skip
    for pid in ("P31", "P279", "P17", "P131", "P137", "P463", "P530", "P1891", "P710", "P276",
                "P361", "P585", "P7588", "P571", "P576", "P39"):  # fmt: skip
        assert f"http://www.wikidata.org/prop/direct/{pid}" in props, pid


def test_diplomatic_relations_go_both_ways(store):
    query = f"""ASK {{ GRAPH <{VIEW}> {{ ?a <http://www.wikidata.org/prop/direct/P530> ?b
      FILTER NOT EXISTS {{ ?b <http://www.wikidata.org/prop/direct/P530> ?a }} }} }}"""
    assert results(store, query)["boolean"] is False


def test_a_consulate_general_is_a_subclass_of_consulate_in_the_view(store):
    p279 = "<http://www.wikidata.org/prop/direct/P279>"
    query = f"ASK {{ GRAPH <{VIEW}> {{ <{WD}Q372690> {p279}+ <{WD}Q213283> }} }}"
    assert results(store, query)["boolean"] is True


def test_a_document_with_url_and_retrieval_day_gives_them_to_its_references(seeds, tmp_path):
    """The metadata's url and retrieved become pr:P854 and pr:P813 of the document's reference."""
    from diplokg.graph.cli import main

    meta = seeds / "002_4e0d7c184a6e1586.toml"
    meta.write_text(
        meta.read_text(encoding="utf-8")
        + 'url = "https://en.wikipedia.org/wiki/Belgium%E2%80%93Canada_relations"\n'
        + 'retrieved = "2016-08-01"\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["build", "--seeds", str(seeds), "--out", str(out), "--quiet"]) == 0
    found = rows(load_dataset(out).store, example("06"))
    urls = {row["url"][0] for row in found if "url" in row}
    assert urls == {"https://en.wikipedia.org/wiki/Belgium%E2%80%93Canada_relations"}
    query = """PREFIX pr: <http://www.wikidata.org/prop/reference/>
    SELECT ?day WHERE { ?ref pr:P854 ?url ; pr:P813 ?day }"""
    days = {row["day"] for row in rows(load_dataset(out).store, query)}
    assert days == {("2016-08-01T00:00:00Z", "http://www.w3.org/2001/XMLSchema#dateTime", None)}
