"""The diplokg web app: the SPARQL endpoint, the query page, the ontology and the dumps."""

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any  # a Flask config's values, of any kind

from flask import Flask

from diplokg.graph.errors import DiplokgError


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Create the app for the dataset in DIPLOKG_DATA (default: ./out)."""
    test_config = test_config or {}
    data = Path(test_config.get("DATA") or os.environ.get("DIPLOKG_DATA", "out")).resolve()
    # diplokg is a namespace package, where Flask cannot guess an instance folder: name one.
    app = Flask(__name__, instance_path=str(data / "instance"))
    # The settings (server/settings.py, from DIPLOKG_* variables) first, a test's config last.
    from .settings import from_environment

    app.config.from_mapping({"DATA": str(data), **from_environment()})
    app.config.update(test_config)

    from diplokg.graph.query.engine import open_dataset

    # The release's on-disk store, read-only, shared with every other worker (page cache).
    app.extensions["diplokg"] = open_dataset(data)

    from . import dumps, entity, graphs, openapi, pictures, routes, search, sparql, void

    app.register_blueprint(routes.bp)
    app.register_blueprint(sparql.bp)
    app.register_blueprint(entity.bp)
    app.register_blueprint(graphs.bp)
    app.register_blueprint(search.bp)
    app.register_blueprint(dumps.bp)
    app.register_blueprint(void.bp)
    app.register_blueprint(pictures.bp)
    app.register_blueprint(openapi.bp)

    from .lookup import local_path

    app.add_template_filter(lambda iri: local_path(iri) or iri, "local_path")

    from .drain import DrainBody
    from .reload import Stamped, lifecycle

    # Middleware goes in as Flask documents it; Flask's types call wsgi_app a method.
    app.wsgi_app = DrainBody(app.wsgi_app, app.config["MAX_CONTENT_LENGTH"])  # type: ignore[method-assign]
    # Outermost, so that every answer names its release, cached ones and errors included.
    version = app.extensions["diplokg.engine"].version
    app.wsgi_app = Stamped(app.wsgi_app, version, lifecycle())  # type: ignore[method-assign]

    @app.errorhandler(DiplokgError)
    def expected_failure(exc: DiplokgError) -> tuple[dict[str, str], int]:
        return {"error": str(exc)}, 400

    return app
