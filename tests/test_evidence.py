"""Every quote in the built seeds is the text at its offsets; the README's evidence query works."""

import json
import re

from conftest import REPO
from diplokg.graph.query.engine import load_dataset, run_query
from diplokg.graph.resources import DEFAULT_SEEDS

README = (REPO / "README.md").read_text(encoding="utf-8")
SPANS = """PREFIX dkg: <https://w3id.org/diplokg/ontology#>
SELECT ?doc ?quote ?start ?end WHERE {
  ?e a dkg:Evidence ; dkg:source ?doc ; dkg:quote ?quote ; dkg:start ?start ; dkg:end ?end }"""


def rows(data, query: str) -> list[dict]:
    body, _ = run_query(load_dataset(data).store, query, "json")
    return [{k: v["value"] for k, v in r.items()} for r in json.loads(body)["results"]["bindings"]]


def texts() -> dict[str, str]:
    """The seeds' texts, read here from the files, not through the code under test."""
    return {p.stem: p.read_bytes().decode("utf-8") for p in DEFAULT_SEEDS.glob("*.txt")}


def test_every_quote_is_the_text_at_its_offsets(built):
    """For every passage of the seeds, the file's text from start to end equals the quote."""
    spans, seeds = rows(built, SPANS), texts()
    assert spans
    for r in spans:
        text = seeds[r["doc"].rsplit("/", 1)[-1]]
        assert text[int(r["start"]) : int(r["end"])] == r["quote"], r


def test_readme_evidence_query_gives_each_document_its_own_words(built):
    """The README's query finds the Montreal post in all three documents, and each kind's
    claim quotes the words that name that kind: the disagreement can be read."""
    query = re.search(r"```sparql\n([^`]*?dkg:ConsulateGeneral[^`]*?)```", README, re.S).group(1)
    found = rows(built, query)
    assert len({r["document"] for r in found}) == 3, found
    seeds = texts()
    for r in found:
        assert (
            seeds[r["document"].rsplit("/", 1)[-1]][int(r["start"]) : int(r["end"])] == r["quote"]
        )
        general = re.search(r"(?i)consulates?[- ]general", r["quote"])
        if r["kind"].endswith("#ConsulateGeneral"):
            assert general, r
        else:
            assert re.search(r"(?i)consulate", r["quote"]) and not general, r
