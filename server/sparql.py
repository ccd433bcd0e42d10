"""The SPARQL endpoint at /sparql and the health check at /health."""

from flask import Blueprint, Response, current_app, request

from diplokg.graph.query import run_query

bp = Blueprint("sparql", __name__)


def dataset():
    """Return the loaded dataset of this app."""
    return current_app.extensions["diplokg"]


@bp.get("/health")
def health():
    """Answer at once, with the dataset version: for load balancers and monitors."""
    return {"status": "ok", "version": dataset().version}


@bp.route("/sparql", methods=["GET", "POST"])
def sparql():
    """Answer a SPARQL query (GET, POST form, POST direct); read-only."""
    if request.method == "POST" and request.mimetype == "application/sparql-query":
        query = request.get_data(as_text=True)
    else:
        query = request.values.get("query")
    if not query:
        return {"error": "no query: send ?query=SELECT ..."}, 400
    fmt = request.values.get("format")
    body, media_type = run_query(
        dataset().store, query, fmt, choose=request.accept_mimetypes.best_match
    )
    resp = Response(body, mimetype=media_type)
    resp.headers["Vary"] = "Accept"
    return resp
