"""Sentences keep their offsets into the original text and do not break at abbreviations."""

import pytest

from diplokg.graph.reading.sentences import sentences
from diplokg.graph.resources import DEFAULT_SEEDS

CASES = {
    "two sentences": ("Norway has an embassy in Rome. Italy has one in Oslo.", 2),
    "abbreviation e.g.": ("It fought in the war (e.g. in the Battle of Verdun) and won.", 1),
    "abbreviation St.": ("They settled in St. Albert, Alberta. Others went east.", 2),
    "decimal number": ("Exports reached 2.37 billion euros. Imports fell.", 2),
    "list items": ("- Chile has an embassy in Lima.\n- Peru has one in Santiago.", 2),
    "heading then text": ("== Trade ==\nTrade grew. It doubled.", 3),
    "initial": ("The envoy J. Smith arrived in 1990. He left.", 2),
    "quote ends sentence": ('They signed a "privileged dialogue." Then they met.', 2),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_sentence_count(name):
    """Each case splits into the expected number of sentences."""
    text, count = CASES[name]
    assert len(sentences(text)) == count, [s.text for s in sentences(text)]


def test_list_marker_is_not_part_of_the_sentence():
    """A list item's sentence starts after its marker."""
    assert sentences("- Chile has an embassy in Lima.")[0].text == "Chile has an embassy in Lima."


@pytest.mark.parametrize("path", sorted(DEFAULT_SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_every_sentence_is_the_text_at_its_offsets(path):
    """Over the seeds, text[start:end] is the sentence, stripped of surrounding space."""
    text = path.read_text(encoding="utf-8")
    for s in sentences(text):
        assert text[s.start : s.end] == s.text == s.text.strip()
