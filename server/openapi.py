"""Describe the HTTP API in OpenAPI 3 at /openapi.json (from server/static/openapi.json)."""

from flask import Blueprint, Response, current_app

bp = Blueprint("openapi", __name__)


@bp.get("/openapi.json")
def openapi() -> Response:
    """Serve the OpenAPI description of the routes, their parameters and their answers."""
    return current_app.send_static_file("openapi.json")
