"""The rule that lets a query run in the web worker (server/query_cost.py) bounds its work.

A query is answered in the web worker, without a killable worker, only when the rule finds a
small bound on the solutions of its pattern. These tests show the queries a time limit must
stop are never let through, that the bound holds (no query gives more solutions than its
bound), and that an answer given in the web worker equals the one a query worker gives.
"""

import json

import pyoxigraph as ox
import pytest
from test_differential import PREFIXES, queries
from test_endpoint_security import EXPENSIVE

from diplokg.graph.query.engine import OxigraphEngine, open_dataset
from diplokg.server.query_cost import BUDGET, bound

# One triple pattern read match by match: bounded by its LIMIT (1 for ASK), without counting.
STREAMED = {
    "a-page-of-an-entity": ("SELECT ?p ?o WHERE { wd:Q31 ?p ?o } LIMIT 3", 3),
    "a-page-of-all-triples": ("SELECT * WHERE { ?s ?p ?o } LIMIT 5 OFFSET 10", 5),
    "any-triple": ("ASK { ?s ?p ?o }", 1),
    "a-long-page": ("SELECT ?s ?l WHERE { ?s rdfs:label ?l } LIMIT 1000", 1000),
}
CHEAP = {
    "lookup": "SELECT ?p ?o WHERE { wd:Q31 ?p ?o }",
    "label": 'SELECT ?s WHERE { ?s rdfs:label "Belgium"@en }',
    "ask": "ASK { wd:Q31 wdt:P463 ?o }",
    "describe": "DESCRIBE wd:Q31",
    "join-from-an-entity": "SELECT ?m ?city WHERE { ?m dkg:sendingEntity wd:Q31 ; dkg:city ?city }",
    "filter-optional-order": "SELECT ?p ?o WHERE { wd:Q31 ?p ?o OPTIONAL { ?o rdfs:label ?l }"
    " FILTER(?p != rdfs:label) } ORDER BY ?p LIMIT 5",
    **{name: text for name, (text, _) in STREAMED.items()},
}
RUNAWAY = {
    **EXPENSIVE,
    "all-triples": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "self-join": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?b ?f FILTER(?c != ?f) }",
    "path": "SELECT ?x ?y WHERE { ?x dkg:locatedIn+ ?y }",
    "subquery": "SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } } }",
    "values": "SELECT * WHERE { VALUES ?s { wd:Q31 } ?s ?p ?o . ?x ?y ?z }",
    "graph": "SELECT * WHERE { GRAPH ?g { wd:Q31 ?p ?o } }",
    "exists": "SELECT * WHERE { wd:Q31 ?p ?o FILTER EXISTS { ?a ?b ?c } }",
    "service": "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "from": "SELECT * FROM <https://w3id.org/diplokg/graph/inferred> WHERE { wd:Q31 ?p ?o }",
    "blank-node": "SELECT * WHERE { [] ?p wd:Q31 }",
    "describe-where": "DESCRIBE ?s WHERE { ?s a dkg:Embassy }",
    "cross-product-over-the-budget": "SELECT * WHERE { ?a a dkg:Embassy . ?b rdfs:label ?l ."
    " ?c rdfs:label ?m }",
    # One pattern, but the engine may read many matches per solution or all before the first.
    "a-repeated-variable": "SELECT * WHERE { ?s ?p ?s } LIMIT 5",
    "a-filtered-page": "SELECT * WHERE { ?s ?p ?o FILTER(?o = 1) } LIMIT 5",
    "a-sorted-page": "SELECT * WHERE { ?s ?p ?o } ORDER BY ?o LIMIT 5",
    "a-distinct-page": "SELECT DISTINCT ?p WHERE { ?s ?p ?o } LIMIT 5",
    "a-page-of-groups": "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p LIMIT 5",
    "no-limit": "SELECT * WHERE { ?s ?p ?o }",
    "a-limit-over-the-budget": "SELECT * WHERE { ?s ?p ?o } LIMIT 5 OFFSET 1000000",
    # Too long for a web worker's stack: a chain of 1,990 operators killed the process.
    "a-long-chain": "SELECT (" + "+".join(["1"] * 1990) + " AS ?x) WHERE { wd:Q31 ?p ?o }",
}


@pytest.fixture(scope="module")
def store(built) -> ox.Store:
    return open_dataset(built).store


@pytest.mark.parametrize("name", CHEAP)
def test_cheap_queries_are_bounded(store, name):
    found = bound(PREFIXES + CHEAP[name], store)
    assert found is not None and found <= BUDGET


@pytest.mark.parametrize("name", RUNAWAY)
def test_queries_that_may_run_away_go_to_a_worker(store, name):
    text = RUNAWAY[name]
    assert bound(text if "PREFIX" in text else PREFIXES + text, store) is None


@pytest.mark.parametrize("name", STREAMED)
def test_one_pattern_read_match_by_match_is_bounded_by_its_limit_without_counting(store, name):
    text, most = STREAMED[name]
    counts: dict = {}
    assert bound(PREFIXES + text, store, counts) == most
    assert counts == {}  # nothing counted in the indexes


def corpus() -> dict[str, str]:
    return {**queries(), **{n: PREFIXES + t for n, t in CHEAP.items()}}


@pytest.mark.parametrize("name", sorted(corpus()))
def test_no_query_has_more_solutions_than_its_bound(store, name):
    """The bound is the product of the patterns' counts: the solutions never exceed it."""
    text = corpus()[name]
    found = bound(text, store)
    if found is None:
        pytest.skip("no bound: answered by a query worker")
    result = store.query(text)
    if isinstance(result, ox.QuerySolutions):
        assert len(list(result)) <= found


@pytest.fixture(scope="module")
def engine(built):
    loaded = open_dataset(built)
    engine = OxigraphEngine(loaded.release, workers=1)
    engine.start()
    yield engine
    engine.close()


@pytest.mark.parametrize("name", sorted(corpus()))
def test_an_answer_given_here_equals_a_query_workers(engine, store, name):
    """In every format: the same rows, the same count of rows, nothing cut."""
    text = corpus()[name]
    most = bound(text, store)
    if most is None:
        pytest.skip("no bound: answered by a query worker")
    result = store.query(text)
    form = "ASK" if isinstance(result, ox.QueryBoolean) else "SELECT"
    form = "CONSTRUCT" if isinstance(result, ox.QueryTriples) else form
    for fmt in {"SELECT": ("json", "xml", "csv", "tsv"), "ASK": ("json",)}.get(form, ("nt",)):
        here = engine.query(text, form, fmt, None, None, 10, 10_000, here=most)
        there = engine.query(text, form, fmt, None, None, 10, 10_000)
        assert (here.rows, here.truncated) == (there.rows, there.truncated), fmt
        if fmt == "json":
            assert json.loads(here.body) == json.loads(there.body)
        else:
            assert sorted(here.body.splitlines()) == sorted(there.body.splitlines()), fmt


def test_a_term_the_engine_refuses_has_no_bound(store):
    """Found by fuzzing: an IRI with a control character was a 500; now the engine says why."""
    assert (
        bound("PREFIX wd: <\x7fhttp://www.wikidata.org/entity/> ASK { wd:Q31 ?p ?o }", store)
        is None
    )
    assert bound('ASK { ?s ?p "x"@not_a_tag }', store) is None
