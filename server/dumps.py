"""Serve the dataset files at /dumps/, with a downloads page listing sizes and triple counts."""

from pathlib import Path

from flask import Blueprint, Response, abort, render_template, send_from_directory

from diplokg.graph.publish.dumps import INDEX, read_index

from .lookup import dataset

bp = Blueprint("dumps", __name__)


def _release() -> Path:
    return dataset().release


@bp.get("/dumps/")
def downloads() -> str:
    """List every dump with its format, size and triple (or quad) count."""
    index = read_index(_release())
    return render_template("dumps.html", index=sorted(index.items()))


@bp.get("/dumps/<name>")
def dump(name: str) -> Response:
    """Serve one dump file of the published dataset (a .gz twin as gzip, to be saved)."""
    index = read_index(_release())
    if name == INDEX and (_release() / INDEX).is_file():
        return send_from_directory(_release(), name, mimetype="application/json")
    if name not in index:
        abort(404)
    gzipped = index[name].get("encoding") == "gzip"
    media_type = "application/gzip" if gzipped else index[name]["media_type"]
    return send_from_directory(_release(), name, mimetype=media_type, as_attachment=gzipped)
