"""Every quote in the built seeds is the text at its offsets; the README's evidence query works."""

import json
import re

from conftest import REPO
from diplokg.graph.query import load_dataset, run_query
from diplokg.graph.resources import DEFAULT_SEEDS

README = (REPO / "README.md").read_text(encoding="utf-8")
SPANS = """PREFIX dkg: <https://w3id.org/diplokg/ontology#>
SELECT ?doc ?quote ?start ?end WHERE {
  ?e a dkg:Evidence ; dkg:source ?doc ; dkg:quote ?quote ; dkg:start ?start ; dkg:end ?end }"""


def rows(data, query: str) -> list[dict]:
    body, _ = run_query(load_dataset(data).store, query, "json")
    return [{k: v["value"] for k, v in r.items()} for r in json.loads(body)["results"]["bindings"]]


def test_every_quote_is_the_text_at_its_offsets(built):
    """For every evidence span of the seeds, text[start:end] equals the quote."""
    texts = {p.stem: p.read_text(encoding="utf-8") for p in DEFAULT_SEEDS.glob("*.txt")}
    spans = rows(built, SPANS)
    assert spans
    for r in spans:
        text = texts[r["doc"].rsplit("/", 1)[-1]]
        assert text[int(r["start"]) : int(r["end"])] == r["quote"], r


def test_readme_evidence_query_finds_three_documents(built):
    """The README's query finds the consulate general in Montreal in all three documents."""
    query = re.search(r"```sparql\n(.*?dkg:ConsulateGeneral.*?)```", README, re.S).group(1)
    found = rows(built, query)
    assert len({r["document"] for r in found}) == 3, found
