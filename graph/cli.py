"""The diplokg command: build, validate, query, inspect and serve the graph."""

import argparse
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from rdflib import Dataset, URIRef

from . import __version__, iris
from .errors import DiplokgError, InputError, ValidationFailed
from .resources import DEFAULT_SEEDS

DEFAULT_OUT = Path("out")
FORMATS = ("json", "csv", "tsv", "xml", "ttl", "nt", "jsonld")


def cmd_build(args: argparse.Namespace) -> int:
    """Build the dataset and print a summary of what it holds."""
    from .build import build

    result = build(
        Path(args.seeds), Path(args.out), quiet=args.quiet, strict=args.strict, jobs=args.jobs
    )
    verb = "unchanged:" if result.unchanged else "built"
    print(f"{verb} version {result.version} in {result.release}")
    summary = result.summary
    print_counts(summary.classes, summary.graphs)
    print(f"claims: {summary.rule_claims} found by rules, {summary.curated_claims} curated")
    print(f"entities linked to Wikidata: {summary.linked}; unlinked: {summary.unlinked}")
    return 0


def print_counts(classes: Mapping[str, int], graphs: Mapping[str, int]) -> None:
    """Print instance counts per class and triple counts per named graph."""
    print("instances per class:")
    for cls, n in sorted(classes.items(), key=lambda kv: (-kv[1], str(kv[0]))):
        print(f"  {n:6d}  {str(cls).rsplit('#', 1)[-1]}")
    print("triples per named graph:")
    for name, n in sorted(graphs.items()):
        print(f"  {n:6d}  {name}")


def load_built(data: Path) -> Dataset:
    """Parse the published TriG of an output folder."""
    from .publish.release import current_release

    release = current_release(data)
    if release is None:
        raise InputError(f"{data}: no built dataset here; run 'diplokg build --out {data}' first")
    return Dataset(default_union=True).parse(release / "diplokg.trig", format="trig")


def cmd_validate(args: argparse.Namespace) -> int:
    """Validate a built dataset against the shapes; write and print the report."""
    from .build import check, write_report
    from .validate.shapes import load_ontology

    ds = load_built(Path(args.data))
    documents = {
        g.identifier: g
        for g in ds.graphs()
        if isinstance(g.identifier, URIRef) and "/graph/document/" in str(g.identifier)
    }
    report = check(documents, ds.graph(iris.graph("reference")), load_ontology())
    write_report(Path(args.data), report)
    print(report.text(), end="")
    return 0 if report.conforms else 1


def cmd_stats(args: argparse.Namespace) -> int:
    """Print what the dataset holds, how facts were found, and where documents disagree."""
    from .query.disagreements import disagreements, fact_counts, summary, unlinked
    from .query.engine import load_dataset

    store = load_dataset(Path(args.data)).store
    classes, graphs = summary(store)
    print_counts(classes, graphs)
    counts = fact_counts(store)
    total = sum(counts.values()) or 1
    print(
        f"claims: {counts['rule']} found by rules, {counts['curated']} curated "
        f"({counts['curated'] / total:.1%} curated)"
    )
    found = disagreements(store)
    print(f"where documents disagree: {len(found)}")
    for d in found:
        print(f"  {d.subject} [{d.what}]\n      {d.first.text()}\n      {d.second.text()}")
    missing = unlinked(store)
    print(f"entities without a Wikidata link: {sum(map(len, missing.values()))}")
    for cls, labels in missing.items():
        print(f"  {cls} ({len(labels)}): {'; '.join(labels)}")
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    """Run a SPARQL query on the built dataset and print the results."""
    from .query.engine import load_dataset, run_query

    if args.file and args.query:
        raise InputError("give the query as text or with --file, not both")
    if args.file:
        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{args.file}: cannot read the query file: {exc.strerror}") from None
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{args.file}: not UTF-8 text (byte {exc.start}); save the query as UTF-8"
            ) from None
    elif args.query:
        text = args.query
    else:
        raise InputError("give a query, or --file F")
    loaded = load_dataset(Path(args.data))
    body, _ = run_query(loaded.store, text, args.format, offered=FORMATS)
    sys.stdout.buffer.write(body if body.endswith(b"\n") else body + b"\n")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write the QuickStatements export of the built dataset to stdout or a file."""
    from .publish.export import quickstatements

    if args.dump and args.quickstatements:
        raise InputError("--dump and --quickstatements are two exports: give one of them")
    if args.gzip and not args.dump:
        raise InputError("--gzip compresses a dump: use it with --dump FORMAT")
    if args.reference_properties and not args.quickstatements:
        raise InputError("--reference-properties is for --quickstatements only")
    if args.dump:
        return export_dump(args)
    if not args.quickstatements:
        raise InputError("say what to export: --quickstatements or --dump FORMAT")
    references = Path(args.reference_properties) if args.reference_properties else None
    text = quickstatements(Path(args.data), references)
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{args.output}: cannot write: {exc.strerror}") from None
    else:
        sys.stdout.write(text)
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    """Upload every graph of the built dataset to an external store; report each graph."""
    from .query.store import GraphReport, StoreClient, UpdateClient, publish_to_store

    if args.store:
        client = StoreClient(args.store, args.auth, args.timeout)
    else:
        client = UpdateClient(args.update, args.auth, args.timeout, args.batch)

    def show(r: GraphReport) -> None:
        print(f"  {r.status:9s} {r.triples:7d} triples {r.bytes:9d} bytes  {r.graph}", flush=True)

    print(f"publishing {args.data} to {client.url}:")
    reports = publish_to_store(Path(args.data), client, args.default_graph, progress=show)
    bad = [r for r in reports if not r.complete]
    for r in bad:
        print(f"  {r.graph}: {r.status}{': ' + r.detail if r.detail else ''}", file=sys.stderr)
    if bad:
        print(
            f"diplokg: {len(bad)} of {len(reports)} graphs are incomplete or out of date in the "
            "store; run the same 'diplokg publish' again to replace them",
            file=sys.stderr,
        )
        return 1
    print(f"published {len(reports)} graphs, {sum(r.triples for r in reports)} triples")
    return 0


def export_dump(args: argparse.Namespace) -> int:
    """Write one published dump (gzipped with --gzip) to a file or stdout."""
    from .publish.dumps import export_dump as dump_bytes
    from .publish.release import current_release

    release = current_release(Path(args.data))
    if release is None:
        raise InputError(f"{args.data}: no built dataset here; run 'diplokg build' first")
    data = dump_bytes(release, args.dump, args.gzip)
    if not args.output:
        sys.stdout.buffer.write(data)
        return 0
    try:
        Path(args.output).write_bytes(data)
    except OSError as exc:
        raise InputError(f"{args.output}: cannot write: {exc.strerror}") from None
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the built dataset with a production WSGI server."""
    from diplokg.server.wsgi import serve

    if args.backend:
        from .query.remote import BACKEND_ENV, backend_url

        backend_url(args.backend)  # a bad value stops here, not in every worker
        os.environ[BACKEND_ENV] = args.backend  # the server's workers inherit it
    return serve(Path(args.data), args.host, args.port, args.workers, args.threads, args.server)


def count(text: str) -> int:
    """Read a count of at least one (argparse turns the error into exit code 2)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: at least 1")
    return value


def parser() -> argparse.ArgumentParser:
    """Declare the verbs and their options (the README documents each)."""
    p = argparse.ArgumentParser(prog="diplokg", description=__doc__)
    p.add_argument("--version", action="version", version=f"diplokg {__version__}")
    sub = p.add_subparsers(dest="verb", metavar="VERB")

    b = sub.add_parser("build", help="extract, link, reason, validate and write the dataset")
    b.add_argument("--seeds", default=str(DEFAULT_SEEDS), help="folder of documents (*.txt)")
    b.add_argument("--out", default=str(DEFAULT_OUT), help="output folder (default: out)")
    b.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    b.add_argument(
        "--strict",
        action="store_true",
        help="any violation of the shapes stops the build (else a rule's wrong claim is "
        "withdrawn into the quarantine graph and the rest is published)",
    )
    b.add_argument(
        "--jobs",
        type=count,
        default=None,
        help="processes that read documents (default: one per processor; 1: in this process)",
    )
    b.set_defaults(func=cmd_build)

    for name, func, text in (
        ("validate", cmd_validate, "validate a built dataset against the shapes"),
        ("stats", cmd_stats, "count instances per class and triples per graph"),
    ):
        v = sub.add_parser(name, help=text)
        v.add_argument("--data", default=str(DEFAULT_OUT), help="output folder of a build")
        v.set_defaults(func=func)

    q = sub.add_parser("query", help="run SPARQL on the built dataset")
    q.add_argument("query", nargs="?", help="the SPARQL query text")
    q.add_argument("--file", help="read the query from this file")
    q.add_argument("--format", choices=FORMATS, help="output format (default: json or ttl)")
    q.add_argument("--data", default=str(DEFAULT_OUT), help="output folder of a build")
    q.set_defaults(func=cmd_query)

    e = sub.add_parser("export", help="write a dump, or QuickStatements for Wikidata editors")
    e.add_argument(
        "--quickstatements", action="store_true", help="QuickStatements version 1 commands"
    )
    e.add_argument("--dump", metavar="FORMAT", help="a dataset dump: ttl, nt, jsonld, trig or nq")
    e.add_argument("--gzip", action="store_true", help="with --dump: the gzipped dump")
    e.add_argument("--data", default=str(DEFAULT_OUT), help="output folder of a build")
    e.add_argument("--output", help="write to this file (default: stdout)")
    e.add_argument(
        "--reference-properties",
        metavar="FILE",
        help="table of checked Wikidata reference properties (role, property, source) to cite"
        " sources with S columns (default: the project's table, which has none)",
    )
    e.set_defaults(func=cmd_export)

    u = sub.add_parser("publish", help="upload the dataset to a SPARQL store (Graph Store HTTP)")
    where = u.add_mutually_exclusive_group(required=True)
    where.add_argument("--store", help="the store's Graph Store Protocol URL")
    where.add_argument("--update", help="or its SPARQL Update URL (batches, staging graph, MOVE)")
    u.add_argument("--batch", type=int, default=1000, help="triples per update (with --update)")
    u.add_argument("--data", default=str(DEFAULT_OUT), help="output folder of a build")
    u.add_argument(
        "--auth",
        choices=("none", "basic", "digest"),
        default="none",
        help="HTTP auth; user and password from DIPLOKG_STORE_USER, DIPLOKG_STORE_PASSWORD",
    )
    u.add_argument(
        "--default-graph",
        default="default",
        metavar="default|none|IRI",
        help="where the merge of all graphs goes: the store's default graph (default), "
        "nowhere, or this named graph (for stores without a default graph)",
    )
    u.add_argument("--timeout", type=float, default=60.0, help="seconds per request")
    u.set_defaults(func=cmd_publish)

    s = sub.add_parser("serve", help="serve the dataset over HTTP (granian, or gunicorn)")
    s.add_argument("--data", default=str(DEFAULT_OUT), help="output folder of a build")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on")
    s.add_argument("--port", type=int, default=8000, help="port to listen on")
    s.add_argument("--workers", type=int, default=2, help="web worker processes")
    s.add_argument("--threads", type=int, default=4, help="threads per worker")
    s.add_argument(
        "--server",
        choices=("gunicorn", "granian"),
        default="granian",
        help="WSGI server: granian (default; its HTTP layer is Rust) or gunicorn",
    )
    s.add_argument(
        "--backend",
        metavar="sparql:URL",
        help="answer queries with this external SPARQL endpoint (default: the embedded engine)",
    )
    s.set_defaults(func=cmd_serve)
    return p


def verbs(p: argparse.ArgumentParser) -> str:
    """Return the verbs with their one-line help, one a line."""
    sub = next(a for a in p._actions if isinstance(a, argparse._SubParsersAction))
    width = max(map(len, sub.choices))
    return "\n".join(f"  {c.dest:{width}}  {c.help}" for c in sub._choices_actions)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; exit 0 on success, 1 on shape violations, 2 on bad input,
    130 when interrupted (Ctrl-C)."""
    p, args = parser(), None
    try:
        args = p.parse_args(argv)
        if args.verb is None:
            print(f"{p.format_usage()}diplokg: give a verb:\n{verbs(p)}", file=sys.stderr)
            return 2
        code: int = args.func(args)  # the verb's cmd_* function
        return code
    except KeyboardInterrupt:
        # A build publishes in one atomic step that an interrupt never splits (publish.py).
        building = args is not None and args.verb == "build"
        after = "; nothing was published, the last good dataset stays" if building else ""
        print(f"diplokg: interrupted{after}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (diplokg query ... | head): stop quietly, as other tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except ValidationFailed as exc:
        print(exc.report.text(), end="", file=sys.stderr)
        print("diplokg: nothing was published; the last good dataset stays.", file=sys.stderr)
        return exc.exit_code
    except DiplokgError as exc:
        print(f"diplokg: error: {exc}", file=sys.stderr)
        return exc.exit_code


def entry() -> None:
    """Run the command as a program, and leave without tearing down what it loaded."""
    code = main()
    # A build holds some hundred thousand objects (the gazetteer's cities, the graphs):
    # freeing them one by one at exit took 0.4 s of a 4.5 s build, for nobody's benefit.
    # Everything is written and closed by now; only the standard streams need flushing.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    entry()
