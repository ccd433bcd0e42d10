"""Entity pages: facts grouped by meaning, evidence quotes, Wikidata link, disagreements."""

import re
from html import escape, unescape

import pytest

from diplokg.graph.query.disagreements import disagreements
from diplokg.graph.query.engine import load_store
from diplokg.graph.resources import DEFAULT_SEEDS


@pytest.fixture(scope="module")
def client(built):
    from diplokg.server import create_app

    return create_app({"DATA": str(built)}).test_client()


def page(client, path: str) -> str:
    resp = client.get(path, headers={"Accept": "text/html"})
    assert resp.status_code == 200, resp.data[:500]
    return resp.data.decode()


def test_state_page_groups_missions_and_links_wikidata(client):
    """Belgium's page lists the missions it sends, its Wikidata item, and quotes documents."""
    html = page(client, "/id/state/belgium")
    assert "<h2>Missions it sends</h2>" in html
    assert 'href="http://www.wikidata.org/entity/Q31"' in html
    assert 'href="/id/mission/belgium-embassy-canada"' in html
    assert 'class="evidence"' in html and 'href="/id/document/' in html


def test_host_state_page_lists_missions_it_hosts(client):
    """Canada's page has the missions it hosts."""
    html = page(client, "/id/state/canada")
    assert "<h2>Missions it hosts</h2>" in html


def test_mission_page_quotes_each_document_that_states_it(client):
    """The consulate general in Montreal is quoted from all three documents."""
    html = page(client, "/id/mission/belgium-consulate-ca-montreal")
    for doc in ("000_2680ecc8f6fed484", "001_c79dc30b814765aa", "002_4e0d7c184a6e1586"):
        assert f'href="/id/document/{doc}"' in html


def test_disagreements_are_shown_side_by_side(client, built):
    """An entity two documents disagree about shows both claims."""
    found = disagreements(load_store(built / "current" / "diplokg.trig"))
    single = [d for d in found if " / " not in d.subject]
    if not single:
        pytest.skip("the seeds hold no disagreement about one entity")
    d = single[0]
    path = "/id/" + d.subject.split("/id/", 1)[1]
    html = page(client, path)
    assert 'class="side-by-side"' in html
    for side in (d.first, d.second):
        assert side.value in html
        for phrase in side.phrases:  # each side's own words, under its document's title
            assert f"<mark>{escape(phrase.quote)}</mark>" in html
            assert f">{escape(phrase.title)}</a>" in html


def test_each_fact_shows_its_own_phrase_in_its_sentence(client):
    """Belgium's NATO membership shows a phrase naming NATO, marked inside its sentence."""
    html = page(client, "/id/state/belgium")
    statements = html.split('<section class="group"', 1)[1]  # below the summary box
    fact = statements.split('title="https://w3id.org/diplokg/id/organisation/nato"', 1)[1]
    fact = fact.split('<div class="fact">', 1)[0]
    marked = re.findall(r"<mark>(.*?)</mark>", fact)
    assert marked and all("NATO" in m for m in marked), marked


def test_a_passage_page_lists_the_facts_it_states(client):
    """The passage "Canada has an embassy in Brussels" states Canada's embassy's facts."""
    html = page(client, "/id/mission/canada-embassy-belgium")
    href = re.search(r'href="(/id/evidence/[^"]+)">passage</a>', html).group(1)
    passage = page(client, href)
    assert "<mark>" in passage and "What these words state" in passage
    assert 'href="/id/mission/canada-embassy-belgium"' in passage
    assert 'href="/id/state/canada"' in passage


def test_a_document_page_marks_every_claimed_phrase(client):
    """A document's page shows its text with its claimed phrases linked to their passages."""
    html = page(client, "/id/document/002_4e0d7c184a6e1586")
    links = re.findall(r'<a class="claimed depth-\d" href="(/id/evidence/[^"]+)">', html)
    assert len(set(links)) > 20
    text = re.sub(r"<[^>]+>", "", html.split('class="document-text">', 1)[1].split("</div>", 1)[0])
    source = (DEFAULT_SEEDS / "002_4e0d7c184a6e1586.txt").read_text(encoding="utf-8")
    assert unescape(text) == source  # the whole text, word for word
    title = re.search(r'^title = "(.*)"$', source_meta("002_4e0d7c184a6e1586"), re.M).group(1)
    assert re.search(r'<h1 id="label">([^<]*)</h1>', html).group(1) == title  # not the slug
    assert "<th>publisher</th>" in html and 'id="facts"' in html  # its metadata, its facts


def source_meta(doc: str) -> str:
    return (DEFAULT_SEEDS / f"{doc}.toml").read_text(encoding="utf-8")


def test_alternates_are_advertised(client):
    """The HTML page links its Turtle, JSON-LD and N-Triples twins."""
    resp = client.get("/id/state/belgium", headers={"Accept": "text/html"})
    assert '</id/state/belgium.ttl>; rel="alternate"; type="text/turtle"' in resp.headers["Link"]


def test_the_summary_box_states_what_it_is_and_its_key_facts(client):
    """A mission's summary box: its kind, its name by language, Wikidata, sender, host, city."""
    html = page(client, "/id/mission/belgium-embassy-canada")
    box = html.split('<aside class="summary"', 1)[1].split("</aside>", 1)[0]
    assert ">embassy</a>" in box and '<dd lang="en">Embassy of Belgium in Canada</dd>' in box
    for fact, value in (("sending entity", "/id/state/belgium"), ("host state", "/id/state/canada"),
                        ("city", "/id/city/ca-ottawa")):  # fmt: skip
        assert f'<dt>{fact}</dt><dd><a href="{value}"' in box


def test_each_value_appears_once_with_its_sources_folded(client):
    """Statements grouped by property: a value once, its phrases folded under it."""
    html = page(client, "/id/mission/belgium-embassy-canada")
    statements = html.split('<section class="group"', 1)[1]
    whats = re.findall(r'<h3 title="([^"]+)">.*?</h3>|<div class="what">(.*?)</div>', statements)
    current, seen = None, set()
    for prop, what in whats:
        current = prop or current
        if what:
            assert (current, what) not in seen, (current, what)
            seen.add((current, what))
    assert '<details class="sources"><summary>' in statements


def test_a_long_page_has_a_contents_list(client):
    html = page(client, "/id/state/belgium")
    contents = html.split('<nav class="toc" id="contents"', 1)[1].split("</nav>", 1)[0]
    for anchor in re.findall(r'href="#([^"]+)"', contents):
        assert f'id="{anchor}"' in html
    assert 'href="#g-missions-it-sends"' in contents
