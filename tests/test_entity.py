"""Entity pages: facts grouped by meaning, evidence quotes, Wikidata link, disagreements."""

import pytest

from diplokg.graph.disagreements import disagreements
from diplokg.graph.query import load_store


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
    assert d.first.replace("'", "&#39;") in html and d.second.replace("'", "&#39;") in html


def test_alternates_are_advertised(client):
    """The HTML page links its Turtle, JSON-LD and N-Triples twins."""
    resp = client.get("/id/state/belgium", headers={"Accept": "text/html"})
    assert '</id/state/belgium.ttl>; rel="alternate"; type="text/turtle"' in resp.headers["Link"]
