"""Draw what people would rather look at than read: the timeline and the map of missions."""

import math
import re

from flask import Blueprint, render_template

from .lookup import PRECISION, cached, local_path, select
from .world import country_paths, project

bp = Blueprint("pictures", __name__)

TIMELINE = """SELECT ?x ?label ?prop ?date (SAMPLE(?t) AS ?type) ?agreement WHERE {
  VALUES ?prop { dkg:date dkg:startDate dkg:endDate dkg:signingDate dkg:effectiveDate }
  ?x ?prop ?date .
  { ?x a dkg:Event BIND(false AS ?agreement) } UNION { ?x a dkg:Agreement BIND(true AS ?agreement) }
  OPTIONAL { ?x rdfs:label ?label FILTER(LANG(?label) = "en") }
  OPTIONAL { GRAPH ?g { ?x a ?t } FILTER(CONTAINS(STR(?g), "/graph/document/")) }
} GROUP BY ?x ?label ?prop ?date ?agreement"""
MISSIONS = """SELECT ?m ?label ?city ?cityLabel ?lat ?lon WHERE {
  ?m a dkg:DiplomaticMission ; dkg:city ?city .
  ?city schema:latitude ?lat ; schema:longitude ?lon .
  OPTIONAL { ?m rdfs:label ?label FILTER(LANG(?label) = "en") }
  OPTIONAL { ?city rdfs:label ?cityLabel FILTER(LANG(?cityLabel) = "en") }
} ORDER BY ?city ?label"""
WIDTH, ROW, LEFT, TOP = 1100, 22, 30, 40
DATE = re.compile(r"^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def _span(text: str, precision: str | None) -> tuple[float, float] | None:
    """Return the time a date covers, in fractional years: a whole year, a month or a day."""
    m = DATE.match(text)
    if m is None:
        return None
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    start = year + (month - 1) / 12 + (day - 1) / 365
    length = {"year": 1.0, "month": 1 / 12}.get(precision or "", 1 / 365)
    return start, start + length


def timeline() -> dict:
    """Lay out events and agreements on a time axis, one row each, dates at their precision."""
    items: dict[str, dict] = {}
    for r in select(TIMELINE):
        datatype = r["date"].datatype.value if r["date"].datatype else ""
        precision = PRECISION.get(datatype)
        span = _span(r["date"].value, precision)
        if span is None:
            continue
        x = r["x"].value
        item = items.setdefault(
            x,
            {
                "href": local_path(x),
                "label": r["label"].value if "label" in r else x.rsplit("/", 1)[-1],
                "type": r["type"].value.rsplit("#", 1)[-1] if "type" in r else "",
                "agreement": r["agreement"].value == "true",
                "marks": [],
            },
        )
        mark = {"prop": r["prop"].value.rsplit("#", 1)[-1], "date": r["date"].value}
        item["marks"].append({**mark, "precision": precision or "day", "span": span})
    rows = sorted(items.values(), key=lambda i: (min(m["span"][0] for m in i["marks"]), i["label"]))
    if not rows:
        return {"rows": [], "ticks": [], "width": WIDTH, "height": TOP + ROW}
    low = math.floor(min(m["span"][0] for i in rows for m in i["marks"]) / 10) * 10
    high = math.ceil(max(m["span"][1] for i in rows for m in i["marks"]) / 10) * 10
    step = next(s for s in (5, 10, 20, 25, 50, 100, 200, 500) if (high - low) / s <= 12)
    scale = (WIDTH - 2 * LEFT) / max(high - low, 1)

    def x_of(year: float) -> float:
        return round(LEFT + (year - low) * scale, 2)

    for n, item in enumerate(rows):
        item["y"] = TOP + n * ROW
        for mark in item["marks"]:
            start, end = mark["span"]
            mark["x"], mark["w"] = x_of(start), max(round((end - start) * scale, 2), 2.5)
        first = min(m["x"] for m in item["marks"])
        last = max(m["x"] + m["w"] for m in item["marks"])
        item["right"] = first > WIDTH * 0.6  # label to the left of marks near the right edge
        item["text_x"] = round(first - 6, 2) if item["right"] else round(last + 6, 2)
        starts = [m for m in item["marks"] if m["prop"] in ("startDate", "signingDate")]
        ends = [m for m in item["marks"] if m["prop"] in ("endDate", "effectiveDate")]
        item["bar"] = (starts[0]["x"], ends[0]["x"]) if starts and ends else None
    ticks = [{"year": y, "x": x_of(y)} for y in range(low, high + 1, step)]
    return {"rows": rows, "ticks": ticks, "width": WIDTH, "height": TOP + len(rows) * ROW + 10}


def mission_map() -> dict:
    """Place the missions on a map by their city's coordinates (reference data)."""
    cities: dict[str, dict] = {}
    for r in select(MISSIONS):
        lat, lon = float(r["lat"].value), float(r["lon"].value)
        city = cities.setdefault(
            r["city"].value,
            {
                "href": local_path(r["city"].value),
                "label": r["cityLabel"].value if "cityLabel" in r else r["city"].value,
                "lat": lat,
                "lon": lon,
                "missions": [],
            },
        )
        mission = {
            "href": local_path(r["m"].value),
            "label": r["label"].value if "label" in r else "",
        }
        if mission not in city["missions"]:
            city["missions"].append(mission)
    points = sorted(cities.values(), key=lambda c: c["label"])
    for c in points:
        c["x"], c["y"] = (round(v, 2) for v in project(c["lon"], c["lat"]))
    if points:
        xs, ys = [c["x"] for c in points], [c["y"] for c in points]
        pad = 60
        x0, x1, y0, y1 = min(xs) - pad, max(xs) + 2.5 * pad, min(ys) - pad, max(ys) + pad  # labels
        # Keep a landscape frame, at least 2:1, centred on the points.
        w, h = x1 - x0, y1 - y0
        if w < 2 * h:
            x0, w = x0 - (2 * h - w) / 2, 2 * h
        view = f"{x0:.1f} {y0:.1f} {w:.1f} {h:.1f}"
    else:
        w, view = 1440.0, "0 0 1440 720"
    unit = w / 1000  # SVG units per pixel of a 1000-pixel-wide map: sizes stay readable
    for c in points:
        c["r"] = round(unit * (4 + 2.5 * math.sqrt(len(c["missions"]))), 2)
    place_labels(points, unit)
    return {"cities": points, "view": view, "unit": round(unit, 3), "countries": country_paths()}


def place_labels(points: list[dict], unit: float) -> None:
    """Set each city label's position so that no two labels overlap (close cities: Ottawa and
    Montreal, Antwerp and Brussels): right of the point, else left, else above or below."""
    size = 12 * unit  # the font size; a character is about 0.6 of it wide
    # Boxes already taken: every circle first, then each label as it is placed.
    placed = [(c["x"] - c["r"], c["y"] - c["r"], c["x"] + c["r"], c["y"] + c["r"]) for c in points]

    def free(box) -> bool:
        return all(
            box[2] <= b[0] or b[2] <= box[0] or box[3] <= b[1] or b[3] <= box[1] for b in placed
        )

    for c in sorted(points, key=lambda c: (c["y"], c["x"])):
        width = 0.6 * size * (len(c["label"]) + 4)  # " (n)" after the name
        gap = c["r"] + 3 * unit
        candidates = []
        for dy in (0, -1, 1, -2, 2, -3, 3):
            shift = dy * 1.1 * size
            candidates.append(("start", c["x"] + gap, c["y"] + 4 * unit + shift))
            candidates.append(("end", c["x"] - gap, c["y"] + 4 * unit + shift))
        for anchor, x, y in candidates:
            left = x if anchor == "start" else x - width
            box = (left, y - size, left + width, y + 0.3 * size)
            if free(box):
                break
        else:  # nowhere free: the first place, as before
            anchor, x, y = candidates[0]
            box = (x, y - size, x + width, y + 0.3 * size)
        placed.append(box)
        c["lx"], c["ly"], c["anchor"] = round(x, 2), round(y, 2), anchor
        # A label moved off its row gets a thin line to its circle, so it reads as its own.
        c["lead"] = abs(y - (c["y"] + 4 * unit)) > 1e-9
        c["lead_y"] = round(y - 0.35 * size, 2)


@bp.get("/timeline")
def timeline_page():
    """Show the timeline of events and agreements."""
    return render_template("timeline.html", t=cached("timeline", timeline))


@bp.get("/map")
def map_page():
    """Show the map of missions by city."""
    return render_template("map.html", m=cached("map", mission_map))
