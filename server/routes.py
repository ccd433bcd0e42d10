"""Routes: the home page, /ontology and /dumps (/sparql and /health are in sparql.py)."""

from flask import (
    Blueprint,
    abort,
    current_app,
    render_template,
    send_from_directory,
)

from diplokg.graph.dataset import FILES
from diplokg.graph.query import run_query

bp = Blueprint("main", __name__)

DUMP_TYPES = {
    "diplokg.trig": "application/trig",
    "diplokg.nq": "application/n-quads",
    "diplokg.ttl": "text/turtle",
    "diplokg.nt": "application/n-triples",
    "diplokg.jsonld": "application/ld+json",
}


def dataset():
    """Return the loaded dataset of this app."""
    return current_app.extensions["diplokg"]


@bp.get("/")
def home():
    """Show the query page with the dataset's figures."""
    rows = run_query(
        dataset().store,
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
        "json",
    )[0]
    import json

    graphs = [
        (b["g"]["value"], int(b["n"]["value"])) for b in json.loads(rows)["results"]["bindings"]
    ]
    return render_template("index.html", version=dataset().version, graphs=graphs, dumps=FILES)


@bp.get("/ontology")
def ontology():
    """Serve the ontology's HTML documentation."""
    return send_from_directory(dataset().release, "ontology.html", mimetype="text/html")


@bp.get("/dumps/<name>")
def dumps(name: str):
    """Serve a dump file of the published dataset."""
    if name not in DUMP_TYPES:
        abort(404)
    return send_from_directory(dataset().release, name, mimetype=DUMP_TYPES[name])
