"""Answer SPARQL queries over a published dataset with pyoxigraph, the engine behind /sparql."""

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .errors import InputError, QueryError
from .publish import current_release

# One table maps our format names to media types and pyoxigraph formats (STYLE: rdflib-endpoint).
RESULT_FORMATS = {
    "json": ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    "xml": ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    "csv": ("text/csv", ox.QueryResultsFormat.CSV),
    "tsv": ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
}
GRAPH_FORMATS = {
    "ttl": ("text/turtle", ox.RdfFormat.TURTLE),
    "nt": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    "jsonld": ("application/ld+json", ox.RdfFormat.JSON_LD),
    "xml": ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    "trig": ("application/trig", ox.RdfFormat.TRIG),
}


@dataclass
class LoadedDataset:
    """A published dataset in a pyoxigraph store, with the version it was built as."""

    store: ox.Store
    version: str
    release: Path


def load_dataset(data: Path) -> LoadedDataset:
    """Load the published dataset of an output folder into an in-memory store."""
    release = current_release(data)
    if release is None:
        raise InputError(f"{data}: no built dataset here; run 'diplokg build --out {data}' first")
    store = ox.Store()
    store.bulk_load(path=str(release / "diplokg.trig"), format=ox.RdfFormat.TRIG)
    # The default graph is the RDF merge of all graphs, a set: a triple that three documents
    # state matches once. pyoxigraph's use_default_graph_as_union matches it once per graph,
    # which multiplied solutions (and inflated COUNTs), so the merge is stored as the default
    # graph itself.
    merged = {(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None)}
    store.bulk_extend(ox.Quad(s, p, o, ox.DefaultGraph()) for s, p, o in merged)
    return LoadedDataset(store=store, version=release.name, release=release)


def run_query(
    store: ox.Store, query: str, fmt: str | None = None, choose=None
) -> tuple[bytes, str]:
    """Run a query (default graph = merge of all graphs); return the body and its media type.

    The format is fmt if given, else choose(media types that fit the query form), else the
    form's default (JSON results, Turtle graphs): the form is known only once the query ran.
    """
    try:
        result = store.query(query)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from None
    except OSError as exc:
        raise QueryError(f"the query failed: {exc}") from None
    if isinstance(result, ox.QueryTriples):
        table, default = GRAPH_FORMATS, "ttl"
    else:
        table, default = RESULT_FORMATS, "json"
    if fmt is None and choose is not None:
        by_type = {media_type: name for name, (media_type, _) in table.items()}
        fmt = by_type.get(choose([media_type for media_type, _ in table.values()]))
    name = fmt or default
    if name not in table:
        kind = "CONSTRUCT/DESCRIBE" if table is GRAPH_FORMATS else "SELECT/ASK"
        raise QueryError(f"format {name!r} does not fit a {kind} query; use one of {sorted(table)}")
    media_type, ox_format = table[name]
    return result.serialize(format=ox_format), media_type
