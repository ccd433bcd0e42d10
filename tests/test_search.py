"""/search?q=: names in every language, best first; JSON for programs, a page for people."""

import json
import urllib.parse

import pytest
from test_web_server import web  # noqa: F401  (the session's server fixture)

from conftest import get


def search(base, text: str, accept="application/json", **more):
    query = urllib.parse.urlencode({"q": text, **more})
    return get(f"{base}/search?{query}", accept)


def test_json_hits_name_iri_label_and_type_best_first(web):  # noqa: F811
    status, headers, body = search(web, "belg")
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    hits = json.loads(body)
    assert hits[0]["iri"] == "https://w3id.org/diplokg/id/state/belgium"
    assert hits[0]["label"] == "Belgium" and hits[0]["type"] == "sovereign state"
    assert all({"iri", "label", "type", "description", "href"} <= set(h) for h in hits)
    assert any("Belgium" in h["label"] and h["iri"] != hits[0]["iri"] for h in hits)


def test_the_start_of_a_name_ranks_above_a_word_inside_it(web):  # noqa: F811
    hits = json.loads(search(web, "ottawa")[2])
    assert hits[0]["href"] == "/id/city/ca-ottawa"
    assert "Canada" in hits[0]["description"]


@pytest.mark.parametrize(("text", "found"), [
    ("ambassade", "https://w3id.org/diplokg/ontology#Embassy"),  # a French label of the ontology
    ("KUL", "https://w3id.org/diplokg/id/organisation/university-of-leuven"),  # an altLabel
    ("BELGIË", None),  # folded: no accent, no case, still nothing named so
])  # fmt: skip
def test_alternative_names_and_other_languages_are_found(web, text, found):  # noqa: F811
    hits = json.loads(search(web, text)[2])
    if found is None:
        assert all("België" not in h["label"] for h in hits)
    else:
        assert hits[0]["iri"] == found and hits[0]["matched"] == text


def test_people_get_a_page_of_hits(web):  # noqa: F811
    status, headers, body = search(web, "embassy", "text/html")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b'<ol class="hits" id="hits">' in body
    assert b'href="/id/mission/belgium-embassy-canada"' in body
    status, _, body = search(web, "zzzqqq", "text/html")
    assert status == 200 and b"Nothing has that name" in body


def test_bad_searches_are_400_with_a_message(web):  # noqa: F811
    status, _, body = search(web, "x" * 201)
    assert status == 400 and "at most 200" in json.loads(body)["error"]
    status, _, body = search(web, "belg", limit="many")
    assert status == 400 and "limit" in json.loads(body)["error"]


def test_the_404_page_offers_search_not_sparql(web):  # noqa: F811
    status, _, body = get(web + "/id/state/belgum", "text/html")
    assert status == 404 and b'action="/search"' in body and b"SPARQL" not in body
