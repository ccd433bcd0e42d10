"""The web pages in real headless Chromium: the query page, entity pages, timeline, map, XSS."""

import os
import shutil
import urllib.parse
from pathlib import Path

import pytest
from test_web_server import web  # noqa: F401  (the session's server fixture)

from conftest import REPO, running_server
from diplokg.graph.cli import main
from diplokg.graph.resources import DEFAULT_SEEDS

sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")

# Screenshots of every page at both widths, for a reviewer to look at (README, "Tests").
SHOTS = Path(os.environ.get("DIPLOKG_SCREENSHOTS") or REPO / "out" / "screenshots")
WIDTHS = {"desktop": 1280, "phone": 390}
PAGES = {
    "home": "/",
    "entity": "/id/state/belgium",
    "mission": "/id/mission/belgium-embassy-canada",
    "timeline": "/timeline",
    "map": "/map",
    "ontology": "/ontology",
    "dumps": "/dumps/",
    "search": "/search?q=bel",
    "document": "/id/document/002_4e0d7c184a6e1586",
    "dataset": "/id/dataset/diplokg",
    "graph": "/graph/wikidata",
    "results": "/?query=" + urllib.parse.quote("SELECT * WHERE { ?s ?p ?o } LIMIT 120"),
}

XSS = "<script>alert(1)</script>"
XSS_TEXT = f"Belgium has an embassy in Ottawa {XSS} and a consulate in Toronto.\n"
XSS_META = 'title = "A note with markup"\npublisher = "Test publisher"\nlanguage = "en"\n'


@pytest.fixture(scope="module")
def browser():
    """Launch Debian's chromium headless, without the sandbox and background traffic."""
    with sync_api.sync_playwright() as p:
        args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        b = p.chromium.launch(executable_path=CHROMIUM, args=args)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """Open a page that records every request leaving 127.0.0.1 and every dialog."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    pg.outside, pg.dialogs = [], []
    pg.on("request", lambda r: _record_outside(pg, r.url))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()
    assert pg.outside == [], f"requests left 127.0.0.1: {pg.outside}"


def _record_outside(pg, url: str) -> None:
    host = urllib.parse.urlsplit(url).hostname
    if url.startswith(("http:", "https:")) and host != "127.0.0.1":
        pg.outside.append(url)


def test_example_runs_and_its_links_open_entity_pages(web, page, tmp_path):  # noqa: F811
    """Click an example, run it, see rows with highlighting; follow a result link."""
    page.goto(web + "/")
    assert page.locator(".CodeMirror").count() == 1  # the editor replaced the text area
    page.click("#examples a:has-text('Belgian posts in Canada')")
    page.wait_for_selector("#results-table tbody tr")
    assert "wdt:P137" in page.locator(".CodeMirror").inner_text()
    page.click("#run")
    page.wait_for_selector("#results-table tbody tr")
    assert page.locator("#results-table tbody tr").count() >= 6
    page.screenshot(path=tmp_path / "query.png")
    page.click("#results-table tbody a[href^='/id/mission/']")
    page.wait_for_selector("h1#label")
    assert page.url.startswith(web + "/id/mission/")
    assert page.locator("h1#label").inner_text().strip()
    assert page.locator("blockquote.evidence").count() >= 1


def test_examples_work_without_javascript(web, browser):  # noqa: F811
    """With JavaScript off the example links still show server-rendered rows."""
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(web + "/")
    pg.click("#examples a:has-text('Organisations Belgium and Canada')")
    assert pg.locator("#results-table tbody tr").count() >= 2
    pg.fill("textarea#query", "ASK { ?s ?p ?o }")
    pg.click("#run")
    assert "yes" in pg.locator("#answer").inner_text()
    context.close()


@pytest.mark.parametrize(("path", "svg", "marks"), [
    ("/timeline", "svg#timeline", "svg#timeline .mark"),
    ("/map", "#mission-map", "#mission-map a.mission-dot"),
])  # fmt: skip
def test_pictures_render(web, page, tmp_path, path, svg, marks):  # noqa: F811
    """The timeline and the map draw a non-empty picture with marks for the data."""
    page.goto(web + path)
    page.locator(marks).first.wait_for()
    box = page.locator(svg).bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 150
    assert page.locator(marks).count() >= 5
    shot = tmp_path / "picture.png"
    page.locator(svg).screenshot(path=shot)
    assert shot.stat().st_size > 5000  # a blank image of that size compresses far smaller


def _dots(page) -> list[dict]:
    """Return each mission mark on the map: its centre, radius, colour and label."""
    return page.locator("#mission-map a.mission-dot").evaluate_all(
        """els => els.map(e => { const b = e.getBoundingClientRect();
            return {x: b.x + b.width / 2, y: b.y + b.height / 2, r: b.width / 2,
                    colour: getComputedStyle(e).backgroundColor,
                    label: e.getAttribute('aria-label')}; })"""
    )


def _overlaps(dots: list[dict]) -> list[tuple[str, str]]:
    return [
        (a["label"], b["label"])
        for i, a in enumerate(dots)
        for b in dots[i + 1 :]
        if ((a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2) ** 0.5 < a["r"] + b["r"] - 0.5
    ]


def test_map_marks_apart_coloured_by_sender_and_open_their_page(web, page):  # noqa: F811
    """One mark per mission, none covering another at two zooms (Brussels and Antwerp apart),
    one colour per sending state as the legend says; a click opens the mission's page."""
    page.goto(web + "/map")
    page.locator("#mission-map a.mission-dot").first.wait_for()
    dots = _dots(page)
    assert len(dots) == page.locator("#map-list td:nth-child(2) a").count() >= 20
    assert _overlaps(dots) == []
    by_sender: dict[str, set] = {}
    for d in dots:
        by_sender.setdefault(d["label"].rsplit("sent by ", 1)[1], set()).add(d["colour"])
    assert all(len(c) == 1 for c in by_sender.values()), by_sender
    assert len({c for cs in by_sender.values() for c in cs}) == len(by_sender) >= 3
    assert page.locator("#map-legend li").count() == len(by_sender)
    assert any("Antwerp" in d["label"] for d in dots)
    assert any("Brussels" in d["label"] for d in dots)
    page.click(".leaflet-control-zoom-in")
    page.wait_for_timeout(600)  # the zoom animation, then the marks are placed again
    assert _overlaps(_dots(page)) == []
    page.click(".leaflet-control-zoom-out")
    page.wait_for_timeout(600)
    page.locator("#mission-map a.mission-dot[aria-label*='Antwerp']").first.click()
    page.wait_for_url("**/id/mission/**")
    assert "Antwerp" in page.locator("h1#label").inner_text()


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory):
    """Build the seeds plus a document whose quoted sentence holds a script tag; serve it."""
    root = tmp_path_factory.mktemp("xss")
    seeds = root / "seeds"
    shutil.copytree(DEFAULT_SEEDS, seeds, ignore=shutil.ignore_patterns("__pycache__"))
    (seeds / "900_markup.txt").write_text(XSS_TEXT, encoding="utf-8")
    (seeds / "900_markup.toml").write_text(XSS_META, encoding="utf-8")
    assert main(["build", "--seeds", str(seeds), "--out", str(root / "out"), "--quiet"]) == 0
    with running_server(root / "out") as base:
        yield base


def test_script_in_a_quote_shows_as_text(xss_site, page):
    """The quote with <script> shows as text on the entity page, and no dialog opens."""
    page.goto(xss_site + "/id/mission/belgium-embassy-canada")
    page.wait_for_selector("h1#label")
    page.locator("details.sources > summary").first.wait_for()
    for summary in page.locator("details.sources > summary").all():  # unfold every source
        summary.click()
    quotes = page.locator("blockquote.evidence", has_text=XSS)
    assert quotes.count() >= 1
    assert XSS in quotes.first.inner_text()
    page.goto(xss_site + "/id/document/900_markup")  # the whole text, phrases marked
    page.wait_for_selector("h1#label")
    assert XSS in page.locator(".document-text").inner_text()
    page.goto(xss_site + "/?" + urllib.parse.urlencode({"query": f'SELECT ("{XSS}" AS ?x) {{}}'}))
    assert XSS in page.locator("#results-table").inner_text()
    assert page.dialogs == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_no_page_is_wider_than_the_screen(web, browser, name, width):  # noqa: F811
    """At 1280 and at 390 px no page scrolls sideways (tables and pictures scroll in their own
    box); the map stays usable on a phone. Each page's screenshot goes to SHOTS."""
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 844})
    pg = context.new_page()
    pg.goto(web + PAGES[name])
    if name == "map":
        pg.locator("#mission-map a.mission-dot").first.wait_for()
        box = pg.locator("#mission-map").bounding_box()
        assert box["height"] >= 300 and box["width"] >= min(WIDTHS[width] - 40, 1000)
    wide = pg.evaluate(
        """() => { const w = document.documentElement.clientWidth;
            return [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > w + 1)
              .filter(e => !e.parentElement.closest('.table-wrap, .figure-wrap, .results-wrap'))
              .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + e.id); }"""
    )
    sizes = pg.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    height = min(pg.evaluate("document.documentElement.scrollHeight"), 6000)
    clip = {"x": 0, "y": 0, "width": WIDTHS[width], "height": height}
    pg.screenshot(path=SHOTS / f"{name}-{width}.png", full_page=True, clip=clip)
    context.close()
    assert sizes[0] <= sizes[1], f"{name} is {sizes[0]} px wide at {sizes[1]}: {wide}"


def test_search_from_typing_to_the_entity_page(web, page):  # noqa: F811
    """Typing in the header's box shows suggestions; the arrow keys and Enter open one."""
    page.goto(web + "/dumps/")
    page.locator("#search").press_sequentially("otta", delay=60)
    first = page.locator("#search-suggestions li").first
    first.wait_for()
    assert "Ottawa" in first.inner_text()
    assert page.locator("#search").get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    assert first.get_attribute("aria-selected") == "true"
    page.keyboard.press("Enter")
    page.wait_for_url("**/id/**")
    assert "Ottawa" in page.locator("h1#label").inner_text()
    # Without the suggestions, the form gives the results page, best hit first.
    page.fill("#search", "antw")
    page.locator("#search").press("Enter")
    page.wait_for_url("**/search?q=antw")
    assert "Antwerp" in page.locator("ol.hits li").first.inner_text()


def test_summary_box_comes_first(web, page):  # noqa: F811
    """Belgium's page opens with a box: its kinds, its name, its Wikidata item, key facts;
    then a contents list; the statements follow."""
    page.goto(web + "/id/state/belgium")
    box = page.locator("aside#summary")
    assert box.is_visible()
    text = box.inner_text()
    assert "sovereign state" in text and "Belgium" in text and "Q31" in text
    assert "European Union" in text  # a key fact: what it is a member of
    assert box.locator("a.wikidata").get_attribute("href").endswith("/Q31")
    first_statement = page.locator(".property").first.bounding_box()
    assert box.bounding_box()["y"] < first_statement["y"]
    assert page.locator("nav.toc a").count() >= 3


def test_a_parse_error_is_marked_in_the_editor(web, page):  # noqa: F811
    """A query that does not parse comes back with one short line (line, column, what was
    expected) and the place marked in the editor."""
    page.goto(web + "/")
    bad = "SELECT ?m WHERE {\n  ?m dkg:city ?c .\n  ?m rdfs:label }\n"
    page.evaluate("text => window.diplokgEditor.setValue(text)", bad)
    page.click("#run")
    error = page.locator("#query-error")
    error.wait_for()
    message = error.inner_text()
    # The editor declared dkg: and rdfs: on top (as WDQS does): the line is counted in it.
    lines = page.evaluate("window.diplokgEditor.getValue()").split("\n")
    line = next(n for n, text in enumerate(lines, 1) if text.endswith("rdfs:label }"))
    column = lines[line - 1].index("}") + 1
    assert f"line {line}, column {column}: expected a term" in message, message
    assert error.get_attribute("data-line") == str(line)
    mark = page.locator(".CodeMirror .query-error-mark")
    assert mark.count() == 1
    assert mark.inner_text() == "}"
    assert page.locator(".CodeMirror .query-error-line").count() == 1
    assert page.locator(".CodeMirror-lint-marker-error").count() == 1


def test_results_sort_and_page(web, page):  # noqa: F811
    """A click on a heading sorts (numbers as numbers), a second click reverses; 200 rows come
    in pages of 50."""
    digits = " ".join(str(i) for i in range(10))
    query = (
        f"SELECT ?n ?s WHERE {{ VALUES ?a {{ {digits} }} VALUES ?b {{ {digits} }} "
        "VALUES ?c { 0 1 } BIND(?a * 20 + ?b * 2 + ?c AS ?n) BIND(STR(?n) AS ?s) }"
    )
    page.goto(web + "/?" + urllib.parse.urlencode({"query": query}))
    rows = page.locator("#results-table tbody tr:visible")
    rows.first.wait_for()
    assert rows.count() == 50
    assert page.locator("#results-pager").is_visible()

    def column(i: int) -> list[str]:
        return [r.locator("td").nth(i).inner_text().strip() for r in rows.all()]

    page.locator("#results-table th button.sort").first.click()
    assert column(0)[:3] == ["0", "1", "2"]
    assert page.locator("#results-table th").first.get_attribute("aria-sort") == "ascending"
    page.locator("#results-table th button.sort").first.click()
    assert column(0)[:3] == ["199", "198", "197"]
    assert page.locator("#results-table th").first.get_attribute("aria-sort") == "descending"
    page.locator("#results-pager button", has_text="next").click()
    assert column(0)[0] == "149"
