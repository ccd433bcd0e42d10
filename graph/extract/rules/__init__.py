"""Extraction rules: general patterns of language that state facts, one module per fact kind.

A rule is a function ``rule(reading, i)`` that looks at sentence ``i`` of a reading (and, for
references such as "the agreement", at the sentences before it) and records facts with
``reading.facts.state(...)``. Rules never name a particular document, sentence or entity.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final, Protocol

from rdflib import URIRef

from ...claims.evidence import Claim
from ...ingest.corpus import Document
from ...reading.gazetteer import Entity
from ...reading.mentions import Context, Mention
from ...reading.sentences import Sentence
from ...reading.values import DateMatch
from ..facts import DocumentFacts, Statement

if TYPE_CHECKING:  # types of the rule modules, which import this one; spaCy only to annotate
    from spacy.tokens import Doc

    from .agreement_actors import Party
    from .agreement_groups import Mention as AgreementMention
    from .agreement_groups import Stated
    from .person_mentions import Named, Run
    from .person_titles import Title
    from .predicates import Parsed
    from .statistic_facts import Claim as FigureClaim


# A fact about a subject: (predicate, object), stated by the subject's phrase, or (predicate,
# object, (start, end)) with a phrase of its own; an object None states nothing.
Pair = Statement
Pairs = Iterable[Pair]


class Unread(enum.Enum):
    """The mark of a memory not worked out yet, where None is a worked-out answer ("none")."""

    UNREAD = enum.auto()


UNREAD: Final = Unread.UNREAD


@dataclass
class Memory:
    """What the rules remember of a document while reading it, one field per kind of thing.

    A field whose default is None (or UNREAD) is worked out once, on first use, from the whole
    document; a list or a dict grows as the rules read the sentences in order.
    """

    # Sentences: their dates, parses, paragraphs and tokens.
    dates: list[list[DateMatch]] | None = None  # per sentence, resolved in reading order
    entry_dates: list[DateMatch | None] | None = None  # per sentence: the date opening its entry
    paragraph_starts: list[int] | None = None  # offsets where paragraphs start (after a break)
    token_starts: list[int] | None = None  # offset of each token of the parse
    parsed_sentences: dict[int, Parsed | None] | None = None  # sentence -> its own parse
    # Agreements: every naming, and the agreements stated, once per naming.
    agreement_mentions: list[AgreementMention] = field(default_factory=list)
    agreements: list[Stated] = field(default_factory=list)
    most_named: tuple[Entity, ...] | None = None  # the two states a document names most, or ()
    # The two states a list of treaties is between, and the span of its heading.
    treaty_list: tuple[tuple[Entity, ...], tuple[int, int]] | Unread | None = UNREAD
    list_intros: dict[int, list[Party]] = field(default_factory=dict)  # "...:" -> its parties
    # Missions: the last subject (sentence, states), the last singular and plural type named
    # (sentence, type), and each mission minted (family, city slug, sender, offset).
    mission_subject: tuple[int, list[Entity]] = field(default_factory=lambda: (-9, []))
    mission_kind: tuple[int, str | None] = (-9, None)
    mission_kinds: tuple[int, str | None] = (-9, None)
    missions_minted: list[tuple[str, str, Entity, int]] = field(default_factory=list)
    # The sender and host of the mission a document's heading names.
    document_mission: tuple[Entity, Entity] | Unread | None = UNREAD
    # Events: the spans of dated literals per value, and the spans of facts per sentence
    # (start, end, a membership), both from the claims of the rules before.
    dated_spans: dict[str, list[tuple[int, int]]] | None = None
    claimed_spans: dict[int, list[tuple[int, int, bool]]] | None = None
    independence: list[tuple[int, Entity]] = field(default_factory=list)  # (sentence, state)
    # Organisations stated so far (sentence, start, node), for a later "it".
    organisations_stated: list[tuple[int, int, URIRef]] = field(default_factory=list)
    # Statistics: the last year a reader knows, and the figures' claims per sentence.
    figure_year: str | None = None
    figure_claims: dict[int, list[FigureClaim]] = field(default_factory=dict)
    # People: titles and runs of name words per sentence, the text folded, people resolved.
    titles: dict[int, list[Title]] = field(default_factory=dict)
    name_runs: dict[int, list[Run]] = field(default_factory=dict)
    folded: str | None = None
    people_by_sentence: list[list[Named]] | None = None


@dataclass
class Reading:
    """A document being read: its sentences, the mentions in each, and the facts found so far."""

    doc: Document
    sentences: list[Sentence]
    mentions: list[list[Mention]]  # per sentence: gazetteer Mentions, sorted by start
    context: Context  # gazetteer Context of the whole document
    facts: DocumentFacts
    parsed: Doc | None = None  # the spaCy Doc of the whole text (graph/reading/), same offsets
    # per sentence: organisations the reference data lacks, read from the words (reading.names)
    organisations: list[list[Mention]] = field(default_factory=list)
    memory: Memory = field(default_factory=Memory)  # discourse state: the last agreement, ...

    def sentence_start(self, offset: int) -> int:
        """Return where the sentence that holds a document offset starts."""
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s.start
        return offset

    def mentions_at(self, offset: int) -> list[Mention]:
        """Return the mentions of the sentence that holds a document offset."""
        for s, found in zip(self.sentences, self.mentions, strict=True):
            if s.start <= offset < s.end:
                return found
        return []


class Rule(Protocol):
    """A rule: reads sentence i of a reading and records what it states in reading.facts.

    The caller also takes claims a rule returns; the rules of this package return None.
    """

    def __call__(self, reading: Reading, i: int, /) -> Iterable[Claim] | None: ...


def all_rules() -> list[Rule]:
    """Return the RULES of every module of this package, modules in name order."""
    import importlib
    import pkgutil

    rules: list[Rule] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        rules.extend(getattr(module, "RULES", []))
    return rules
