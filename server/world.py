"""Draw the world's country outlines as SVG paths from the vendored Natural Earth TopoJSON."""

import functools
import json
from pathlib import Path
from typing import Any  # a TopoJSON or GeoJSON document: parsed JSON

ATLAS = Path(__file__).parent / "static" / "vendor" / "world-atlas" / "countries-110m.json"
SCALE = 4.0  # SVG units per degree: an equirectangular projection, 1440 x 720 for the world


def project(lon: float, lat: float) -> tuple[float, float]:
    """Project longitude and latitude to SVG x and y (equirectangular)."""
    return (lon + 180.0) * SCALE, (90.0 - lat) * SCALE


def _arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Decode the quantized, delta-encoded arcs of a TopoJSON topology into positions."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    """Join a ring's arcs; a negative index (~i) means arc i reversed (TopoJSON spec)."""
    ring: list[tuple[float, float]] = []
    for i in indexes:
        points = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        ring.extend(points[1:] if ring else points)
    return ring


# A country's outline: its polygons, each a list of rings of (longitude, latitude).
Outline = list[list[list[tuple[float, float]]]]


@functools.cache
def _countries() -> tuple[tuple[str, Outline], ...]:
    """Read the atlas: each country's name and outline, in the atlas's order."""
    topology = json.loads(ATLAS.read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    out = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs", [])
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        outline = [[_ring(arcs, ring) for ring in polygon] for polygon in polygons]
        out.append((geometry.get("properties", {}).get("name", ""), outline))
    return tuple(out)


@functools.cache
def country_paths() -> tuple[tuple[str, str], ...]:
    """Return (country name, SVG path data) for every country of the atlas."""
    out = []
    for name, outline in _countries():
        parts = []
        for polygon in outline:
            for ring in polygon:
                xy = [project(lon, lat) for lon, lat in ring]
                parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in xy) + "Z")
        out.append((name, "".join(parts)))
    return tuple(out)


@functools.cache
def countries_geojson() -> dict[str, Any]:
    """Return the world's country outlines as GeoJSON (longitude, latitude), for the map."""
    features = [
        {
            "type": "Feature",
            "properties": {"name": name},
            "geometry": {
                "type": "MultiPolygon",
                "coordinates": [[_unwrapped(ring) for ring in polygon] for polygon in outline],
            },
        }
        for name, outline in _countries()
        if outline
    ]
    return {"type": "FeatureCollection", "features": features}


def _unwrapped(ring: list[tuple[float, float]]) -> list[list[float]]:
    """Keep a ring's longitudes continuous where it crosses the antimeridian (Russia, Fiji,
    Antarctica), so that no edge runs from 180 to -180 across the whole map."""
    out: list[list[float]] = []
    shift = 0.0
    for lon, lat in ring:
        if out:
            step = lon + shift - out[-1][0]
            shift -= 360.0 * round(step / 360.0)
        out.append([round(lon + shift, 3), round(lat, 3)])
    return out
