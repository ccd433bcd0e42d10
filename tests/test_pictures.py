"""The timeline and the map over real HTTP: the axis gives the busy years room, names are the
ontology's labels, and the map's marks carry their mission, city and sending state."""

import re
import xml.etree.ElementTree as ET

from test_web_server import web  # noqa: F401  (the session's server fixture)

from conftest import get

SVG = ""  # inline SVG in HTML: no namespace
YEAR = re.compile(r"\b(\d{4})(?:-\d{2}){0,2} \(")


def _timeline(base: str) -> tuple[str, ET.Element]:
    status, _, body = get(base + "/timeline", "text/html")
    assert status == 200
    html = body.decode()
    svg = re.search(r'<svg id="timeline".*?</svg>', html, re.S)
    assert svg, "no timeline drawn"
    return html, ET.fromstring(svg.group(0))


def test_timeline_axis_gives_the_busy_years_room(web):  # noqa: F811
    """The items of 2005-2017 (most of them) spread over a good part of the width (a linear
    axis from 1830 gave them 6 %); the empty decades between 1832, 1944 and 1999 are cut out
    of the axis and drawn as breaks."""
    _, svg = _timeline(web)
    width = float(svg.get("width"))
    recent = []
    for item in svg.iter(SVG + "g"):
        if item.get("class") != "item":
            continue
        title = item.find(SVG + "title").text
        years = [int(y) for y in YEAR.findall(title)]
        xs = [float(m.get("x", m.get("cx"))) for m in item if m.get("class") == "mark"]
        if years and min(years) >= 2000:
            recent.append(min(xs))
    assert len(recent) >= 10
    assert max(recent) - min(recent) > 0.4 * width
    breaks = [g for g in svg.iter(SVG + "g") if g.get("class") == "axis-break"]
    assert len(breaks) >= 1


def test_timeline_speaks_the_ontologys_labels(web):  # noqa: F811
    """Kinds and dates are named by their labels, never by raw class or property names."""
    html, _ = _timeline(web)
    text = re.sub(r"<[^>]+>", " ", html)
    for raw in ("EstablishmentOfDiplomaticRelations", "signingDate", "startDate", "StateVisit"):
        assert raw not in text
    assert "establishment of diplomatic relations" in text
