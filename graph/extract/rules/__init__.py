"""Extraction rules: general patterns of language that state facts, one module per fact kind.

A rule is a function ``rule(reading, i)`` that looks at sentence ``i`` of a reading (and, for
references such as "the agreement", at the sentences before it) and records facts with
``reading.facts.state(...)``. Rules never name a particular document, sentence or entity.
"""

from dataclasses import dataclass, field

from ...ingest.corpus import Document
from ...reading.sentences import Sentence
from ..facts import DocumentFacts


@dataclass
class Reading:
    """A document being read: its sentences, the mentions in each, and the facts found so far."""

    doc: Document
    sentences: list[Sentence]
    mentions: list[list]  # per sentence: gazetteer Mentions, sorted by start
    context: object  # gazetteer Context of the whole document
    facts: DocumentFacts
    parsed: object = None  # the spaCy Doc of the whole text (graph/reading/), same offsets
    # per sentence: organisations the reference data lacks, read from the words (reading.names)
    organisations: list[list] = field(default_factory=list)
    memory: dict = field(default_factory=dict)  # discourse state: the last agreement, ...

    def sentence_start(self, offset: int) -> int:
        """Return where the sentence that holds a document offset starts."""
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s.start
        return offset

    def mentions_at(self, offset: int) -> list:
        """Return the mentions of the sentence that holds a document offset."""
        for s, found in zip(self.sentences, self.mentions, strict=True):
            if s.start <= offset < s.end:
                return found
        return []


def all_rules() -> list:
    """Return the RULES of every module of this package, modules in name order."""
    import importlib
    import pkgutil

    rules = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        rules.extend(getattr(module, "RULES", []))
    return rules
