"""Draw what people would rather look at than read: the timeline and the map of missions."""

import math
import re
from typing import TypedDict

from flask import Blueprint, Response, jsonify, render_template

from .lookup import PRECISION, cached, labels_of, local_path, select
from .world import countries_geojson, country_paths, project

bp = Blueprint("pictures", __name__)

TIMELINE = """SELECT ?x ?label ?prop ?date (SAMPLE(?t) AS ?type) ?agreement WHERE {
  VALUES ?prop { dkg:date dkg:startDate dkg:endDate dkg:signingDate dkg:effectiveDate }
  ?x ?prop ?date .
  { ?x a dkg:Event BIND(false AS ?agreement) } UNION { ?x a dkg:Agreement BIND(true AS ?agreement) }
  OPTIONAL { ?x rdfs:label ?label FILTER(LANG(?label) = "en") }
  OPTIONAL { GRAPH ?g { ?x a ?t } FILTER(CONTAINS(STR(?g), "/graph/document/")) }
} GROUP BY ?x ?label ?prop ?date ?agreement"""
MISSIONS = """SELECT ?m ?label ?city ?cityLabel ?lat ?lon ?sender ?senderLabel WHERE {
  ?m a dkg:DiplomaticMission ; dkg:city ?city .
  ?city schema:latitude ?lat ; schema:longitude ?lon .
  OPTIONAL { ?m rdfs:label ?label FILTER(LANG(?label) = "en") }
  OPTIONAL { ?city rdfs:label ?cityLabel FILTER(LANG(?cityLabel) = "en") }
  OPTIONAL { ?m dkg:sendingEntity ?sender
             OPTIONAL { ?sender rdfs:label ?senderLabel FILTER(LANG(?senderLabel) = "en") } }
} ORDER BY ?city ?label"""
# Colours for sending states, most missions first (Tableau 10: told apart, also in print).
PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
           "#ff9da7", "#9c755f", "#bab0ac"]  # fmt: skip
WIDTH, ROW, LEFT, TOP = 1100, 22, 30, 40
DATE = re.compile(r"^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


class Mark(TypedDict, total=False):
    """A date of an item on the timeline: what it dates, its span in years, its place."""

    prop: str
    what: str
    date: str
    precision: str
    span: tuple[float, float]
    x: float
    w: float


class Item(TypedDict, total=False):
    """An event or agreement on the timeline: a row of marks and its label's place."""

    href: str | None
    label: str
    type: str
    agreement: bool
    marks: list[Mark]
    y: int
    right: bool
    text_x: float
    bar: tuple[float, float] | None


class Mission(TypedDict):
    """A mission on the map, with its sending state."""

    href: str | None
    label: str
    sender: str
    senderLabel: str


class City(TypedDict, total=False):
    """A city on the map: its missions, its point and its label's place."""

    href: str | None
    label: str
    lat: float
    lon: float
    missions: list[Mission]
    x: float
    y: float
    r: float
    lx: float
    ly: float
    anchor: str
    lead: bool
    lead_y: float


class Sender(TypedDict, total=False):
    """A sending state in the map's legend: how many missions, in which colour."""

    label: str
    n: int
    href: str | None
    colour: str


def _span(text: str, precision: str | None) -> tuple[float, float] | None:
    """Return the time a date covers, in fractional years: a whole year, a month or a day."""
    m = DATE.match(text)
    if m is None:
        return None
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    start = year + (month - 1) / 12 + (day - 1) / 365
    length = {"year": 1.0, "month": 1 / 12}.get(precision or "", 1 / 365)
    return start, start + length


def timeline() -> dict[str, object]:
    """Lay out events and agreements on a broken time axis, one row each, dates at their
    precision, named with the ontology's labels."""
    items: dict[str, Item] = {}
    found = select(TIMELINE)
    names = labels_of({r[k].value for r in found for k in ("prop", "type") if k in r})
    for r in found:
        datatype = r["date"].datatype.value if r["date"].datatype else ""
        precision = PRECISION.get(datatype)
        span = _span(r["date"].value, precision)
        if span is None:
            continue
        x = r["x"].value
        kind = r["type"].value if "type" in r else ""
        item = items.setdefault(
            x,
            {
                "href": local_path(x),
                "label": r["label"].value if "label" in r else x.rsplit("/", 1)[-1],
                "type": names.get(kind) or kind.rsplit("#", 1)[-1],
                "agreement": r["agreement"].value == "true",
                "marks": [],
            },
        )
        prop = r["prop"].value
        item["marks"].append(
            {
                "prop": prop.rsplit("#", 1)[-1],
                "what": names.get(prop) or prop.rsplit("#")[-1],
                "date": r["date"].value,
                "precision": precision or "day",
                "span": span,
            }
        )
    rows = sorted(items.values(), key=lambda i: (min(m["span"][0] for m in i["marks"]), i["label"]))
    if not rows:
        return {"rows": [], "ticks": [], "breaks": [], "width": WIDTH, "height": TOP + ROW}
    axis = BrokenAxis([m["span"] for i in rows for m in i["marks"]], LEFT, WIDTH - LEFT)
    for n, item in enumerate(rows):
        item["y"] = TOP + n * ROW
        for mark in item["marks"]:
            start, end = mark["span"]
            mark["x"] = axis.x(start)
            mark["w"] = max(round(axis.x(end) - mark["x"], 2), 2.5)
        first = min(m["x"] for m in item["marks"])
        last = max(m["x"] + m["w"] for m in item["marks"])
        text = f"{item['label']} · " + ", ".join(m["date"] for m in item["marks"])
        # The label goes right of the marks, unless it would run past the edge (12 px type
        # is up to 7 px a character in a wide sans-serif such as DejaVu).
        item["right"] = last + 6 + 7 * len(text) > WIDTH and first > WIDTH * 0.35
        item["text_x"] = round(first - 6, 2) if item["right"] else round(last + 6, 2)
        starts = [m for m in item["marks"] if m["prop"] in ("startDate", "signingDate")]
        ends = [m for m in item["marks"] if m["prop"] in ("endDate", "effectiveDate")]
        item["bar"] = (starts[0]["x"], ends[0]["x"]) if starts and ends else None
    return {
        "rows": rows,
        "ticks": axis.ticks(),
        "breaks": axis.breaks(),
        "width": WIDTH,
        "height": TOP + len(rows) * ROW + 10,
    }


class BrokenAxis:
    """A time axis cut where nothing happens for long: each stretch of dated items gets a
    width by its length (and at least a readable minimum), the empty decades between them a
    narrow break. 1832 and 1944 then take little room and 2005-2020 most of it."""

    GAP = 12  # years without an item that make a break
    BREAK = 26  # pixels a break takes
    LEAST = 70  # pixels a stretch takes at least

    def __init__(self, spans: list[tuple[float, float]], left: float, right: float):
        stretches: list[list[float]] = []
        for start, end in sorted(spans):
            if stretches and start - stretches[-1][1] <= self.GAP:
                stretches[-1][1] = max(stretches[-1][1], end)
            else:
                stretches.append([start, end])
        # Whole years, with a year of room on each side.
        self.stretches = [(math.floor(a) - 1, math.ceil(b) + 1) for a, b in stretches]
        room = right - left - self.BREAK * (len(self.stretches) - 1)
        # The spare room goes by the years dated, not the year of room on each side, so
        # that a lone year does not take the room of three.
        years = sum(b - a - 2 for a, b in self.stretches)
        spare = room - self.LEAST * len(self.stretches)
        self.parts = []  # (first year, last year, x of first, x of last)
        x = left
        for a, b in self.stretches:
            width = self.LEAST + max(spare, 0) * (b - a - 2) / years
            self.parts.append((a, b, x, x + width))
            x += width + self.BREAK

    def x(self, year: float) -> float:
        for a, b, x0, x1 in self.parts:
            if year <= b:
                return round(x0 + (max(year, a) - a) * (x1 - x0) / (b - a), 2)
        a, b, x0, x1 = self.parts[-1]
        return round(x1, 2)

    def ticks(self) -> list[dict[str, float]]:
        out: list[dict[str, float]] = []
        for a, b, x0, x1 in self.parts:
            per_year = (x1 - x0) / (b - a)
            step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100) if s * per_year >= 40)
            first = math.ceil((a + 1) / step) * step  # the padding years a and b: no label
            out += [{"year": y, "x": self.x(y)} for y in range(first, b, step)]
        return out

    def breaks(self) -> list[float]:
        """Return the x of each break's middle, where the axis skips empty years."""
        return [round(x1 + self.BREAK / 2, 2) for _, _, _, x1 in self.parts[:-1]]


def mission_map() -> dict[str, object]:
    """Place the missions on a map by their city's coordinates (reference data)."""
    cities: dict[str, City] = {}
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
        mission: Mission = {
            "href": local_path(r["m"].value),
            "label": r["label"].value if "label" in r else "",
            "sender": r["sender"].value if "sender" in r else "",
            "senderLabel": r["senderLabel"].value if "senderLabel" in r else "unknown",
        }
        if mission["href"] not in {m["href"] for m in city["missions"]}:
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
    senders: dict[str, Sender] = {}
    for c in points:
        for mi in c["missions"]:
            href = local_path(mi["sender"]) if mi["sender"] else None
            new: Sender = {"label": mi["senderLabel"], "n": 0, "href": href}
            entry = senders.setdefault(mi["sender"], new)
            entry["n"] += 1
    legend = sorted(senders.items(), key=lambda kv: (-kv[1]["n"], kv[1]["label"]))
    colours = {}
    for i, (sender, entry) in enumerate(legend):
        entry["colour"] = colours[sender] = PALETTE[i % len(PALETTE)]
    marks = [
        {
            "href": mi["href"],
            "label": mi["label"],
            "city": c["label"],
            "lat": c["lat"],
            "lon": c["lon"],
            "colour": colours[mi["sender"]],
            "sender": mi["senderLabel"],
        }
        for c in points
        for mi in c["missions"]
    ]
    return {
        "cities": points,
        "view": view,
        "unit": round(unit, 3),
        "countries": country_paths(),
        "marks": marks,
        "legend": [entry for _, entry in legend],
        "colours": colours,
    }


def place_labels(points: list[City], unit: float) -> None:
    """Set each city label's position so that no two labels overlap (close cities: Ottawa and
    Montreal, Antwerp and Brussels): right of the point, else left, else above or below."""
    size = 12 * unit  # the font size; a character is about 0.6 of it wide
    # Boxes already taken: every circle first, then each label as it is placed.
    placed = [(c["x"] - c["r"], c["y"] - c["r"], c["x"] + c["r"], c["y"] + c["r"]) for c in points]

    def free(box: tuple[float, float, float, float]) -> bool:
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
def timeline_page() -> str:
    """Show the timeline of events and agreements."""
    return render_template("timeline.html", t=cached("timeline", timeline))


@bp.get("/map")
def map_page() -> str:
    """Show the map of missions by city."""
    return render_template("map.html", m=cached("map", mission_map))


@bp.get("/map/countries.json")
def countries() -> Response:
    """Serve the country outlines as GeoJSON, for the map's zoomable layer."""
    resp = jsonify(countries_geojson())
    resp.cache_control.max_age = 86400
    return resp
