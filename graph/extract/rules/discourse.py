"""Read whom a sentence speaks of: coordinated actors, "both" and "they", places, dates, people.

Shared by the rules on memberships, relations, agreements and events. Offsets handed out here
are offsets into the document, like the mentions'.
"""

import functools
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from rdflib import Literal, URIRef

from ...reading.clauses import clause_of
from ...reading.gazetteer import Entity
from ...reading.lexicon import (
    HEDGE,
    NOT_A_HEDGE,
    PLACE_KINDS,
    STATE_KINDS,
    TITLES_BEFORE_NAMES,
)
from ...reading.mentions import Mention
from ...reading.values import DateMatch
from .. import identity
from . import Pairs, Reading
from .when import stated_dates

# Words that join the members of an enumeration: "A, B and C", "A/B", "A as well as B".
JOINER = re.compile(
    r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s+|/|\s+as\s+well\s+as\s+"
    # "the Nordic Council and, since 2023, NATO": a short aside between the last two
    r"|\s+(?:and|or),\s+(?:since|from|until|in|as\s+of)\s[^,;]{1,40},)\s*"
)
ARTICLE = re.compile(r"(?:the\s+)?", re.I)
ACRONYM_AFTER = re.compile(r"\s*\(\s*")
# A name in front of these words is the object of a preposition, not the subject of a clause.
PREPOSITION_BEFORE = re.compile(
    r"\b(?:of|with|to|between|in|from|by|for|among|against|into|on|at|about|towards?|than"
    r"|via|under|over|through|like|including|and)\s+(?:the\s+)?$",
    re.I,
)
# "the Norwegian and Chilean governments" speak for the states; "Norwegian companies" do not.
STATE_BODY = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:governments?|authorities|forces|troops|arm(?:y|ies)|navy"
    r"|military|ministr(?:y|ies)|departments?|diplomats?|delegations?|leaders?|officials?"
    r"|monarchs?|heads?\s+of\s+(?:state|government))\b",
    re.I,
)
# A sentence that opens with "Both" or "They" speaks of the pair named just before it.
ANAPHOR = re.compile(r"^(?:Both|They|Together,? they)\b(?!\s+(?:countries|nations|states)\b)")
# "The two countries are ...": the pair named just before, where the words name none by
# themselves (mentions.py reads them as the speaker and the other, or the two states the
# paragraph names most, and a tie there names none).
THE_TWO = re.compile(r"^(?:The|These|Both|Our)\s+(?:two\s+)?(?:countries|nations|states)\b")
# The prepositions before a date that say when something happened.
WHEN = {"in", "on", None}
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# "the King and Queen of Norway", "the President of Chile": the state a title belongs to.
TITLE_OF = re.compile(rf"\b(?:{TITLES_BEFORE_NAMES})\s+of\s+(?:the\s+)?$")


@dataclass(frozen=True)
class Group:
    """Actors named together ("Norway and Chile", "our two countries"), with their span."""

    start: int
    end: int
    entities: tuple[Entity, ...]


def sentence_span(reading: Reading, i: int) -> tuple[int, int]:
    """Return the document offsets of sentence i."""
    s = reading.sentences[i]
    return s.start, s.end


def mentions(
    reading: Reading, i: int, kinds: Collection[str], lo: int = 0, hi: int | None = None
) -> list[Mention]:
    """Return the mentions of sentence i whose entity is of these kinds, within [lo, hi);
    organisations the reference data lacks, read from the words, among them."""
    hi = reading.sentences[i].end if hi is None else hi
    found = [m for m in reading.mentions[i] if m.entity.kind in kinds and lo <= m.start < hi]
    if "organisation" in kinds and i < len(reading.organisations):
        found += [m for m in reading.organisations[i] if lo <= m.start < hi]
        found.sort(key=lambda m: (m.start, m.end))
    return found


def groups(
    reading: Reading, i: int, kinds: Collection[str], lo: int = 0, hi: int | None = None
) -> list[Group]:
    """Return the enumerations of entities of these kinds in sentence i, in text order.

    "the United Nations (UN), NATO and the OECD" is one group of three; "our two countries"
    (a reference naming two states at one span) is one group of two.
    """
    doc = reading.doc.text
    found: list[Group] = []
    start = end = 0
    members: list[Entity] = []
    for m in mentions(reading, i, kinds, lo, hi):
        if members:
            gap = doc[end : m.start]
            if m.start < end or (m.entity in members and ACRONYM_AFTER.fullmatch(gap)):
                close = doc.find(")", m.end)
                end = max(end, close + 1 if 0 <= close - m.end < 2 else m.end)
                if m.entity not in members:
                    members.append(m.entity)
                continue
            if joined(gap):
                if m.entity not in members:
                    members.append(m.entity)
                end = m.end
                continue
            found.append(Group(start, end, tuple(members)))
        start, end, members = m.start, m.end, [m.entity]
    if members:
        found.append(Group(start, end, tuple(members)))
    return found


def joined(gap: str) -> bool:
    """Say whether the text between two names joins them into one enumeration."""
    m = JOINER.match(gap)
    return m is not None and ARTICLE.fullmatch(gap, m.end()) is not None


def for_states(reading: Reading, i: int, group: Group) -> bool:
    """Say whether a group names states, not people or firms: "Norway and Chile", "the
    Norwegian and Chilean governments", but not "Norwegian and Chilean universities"."""
    demonyms = [m for m in reading.mentions[i] if group.start <= m.start < group.end]
    if all(m.via != "demonym" for m in demonyms):
        return True
    return bool(STATE_BODY.match(reading.doc.text, group.end))


def is_object(reading: Reading, start: int) -> bool:
    """Say whether a name at this offset follows a preposition (so is not a subject)."""
    return bool(PREPOSITION_BEFORE.search(reading.doc.text[max(0, start - 40) : start]))


def subject(
    reading: Reading, i: int, before: int, kinds: Collection[str] = STATE_KINDS
) -> tuple[Entity, ...] | None:
    """Return the actors a clause ending at `before` is about: its subject, or the antecedent.

    The subject is the last group of these kinds before the offset that is not the object
    of a preposition; "Both" or "They" opening the sentence stand for the pair just before.
    """
    s = reading.sentences[i]
    candidates = [g for g in groups(reading, i, kinds, s.start, before) if g.end <= before]
    candidates = [g for g in candidates if not is_object(reading, g.start)]
    candidates = [g for g in candidates if for_states(reading, i, g)]
    if candidates:
        return candidates[-1].entities
    if ANAPHOR.match(s.text) or THE_TWO.match(s.text):
        return antecedent(reading, i)
    return None


def antecedent(reading: Reading, i: int, back: int = 3) -> tuple[Entity, ...] | None:
    """Return the states that "both" or "they" stand for: the last pair named just before."""
    found = antecedent_group(reading, i, back)
    return found[1].entities if found else None


def antecedent_group(reading: Reading, i: int, back: int = 3) -> tuple[int, Group] | None:
    """Return the sentence and the group of the last pair named just before sentence i."""
    for k in range(i - 1, max(-1, i - 1 - back), -1):
        if paragraph(reading, k) != paragraph(reading, i):
            return None
        pairs = [
            g
            for g in groups(reading, k, STATE_KINDS)
            if len(g.entities) >= 2 and for_states(reading, k, g)
        ]
        if pairs:
            return k, pairs[0]
    return None


def subject_start(reading: Reading, i: int, before: int, lo: int) -> int:
    """Return where the words naming a clause's subject start: the clause (lo), or, for "Both",
    "They" or "The two countries" standing for a pair named before, the sentence naming it."""
    s = reading.sentences[i]
    named = [g for g in groups(reading, i, STATE_KINDS, s.start, before) if g.end <= before]
    anaphor = ANAPHOR.match(s.text) or THE_TWO.match(s.text)
    if not named and anaphor and (found := antecedent_group(reading, i)):
        return reading.sentences[found[0]].start
    return lo


def paragraph(reading: Reading, i: int) -> int:
    """Return the number of the paragraph (blocks split by blank lines) of sentence i."""
    starts = reading.memory.paragraph_starts
    if starts is None:
        starts = [m.end() for m in PARAGRAPH_BREAK.finditer(reading.doc.text)]
        reading.memory.paragraph_starts = starts
    start = reading.sentences[i].start
    return sum(1 for p in starts if p <= start)


def clause(reading: Reading, i: int, at: int) -> tuple[int, int]:
    """Return the document span of the clause of sentence i that holds offset `at`."""
    return clause_of(reading.sentences[i], at)


def mention_end(reading: Reading, i: int, entity: Entity | None, after: int, default: int) -> int:
    """Return where the first mention of an entity (None: of anything) at or after an offset
    in sentence i ends."""
    found = reading.mentions[i] + (reading.organisations[i] if reading.organisations else [])
    for m in sorted(found, key=lambda m: m.start):
        if m.start >= after and entity in (None, m.entity):
            return m.end
    return default


def hedged(reading: Reading, start: int, end: int) -> bool:
    """Say whether a span says that something did not, may or will happen (no fact then)."""
    span = NOT_A_HEDGE.sub(" ", reading.doc.text[start:end])
    return bool(HEDGE.search(span))


def dates(reading: Reading, i: int, lo: int = 0, hi: int | None = None) -> list[DateMatch]:
    """Return the dates of sentence i within [lo, hi), with offsets into the document; a date
    said against another ("the same year", "on the 29th") is resolved (when.py)."""
    hi = reading.sentences[i].end if hi is None else hi
    return [d for d in stated_dates(reading)[i] if lo <= d.start and d.end <= hi]


def enumeration(names: Iterable[str]) -> str:
    """Write names as an English enumeration: "A", "A and B", "A, B and C"."""
    listed = list(names)
    return ", ".join(listed[:-1]) + " and " + listed[-1] if len(listed) > 1 else "".join(listed)


def one_date(reading: Reading, i: int, lo: int, hi: int) -> DateMatch | None:
    """Return the one date a clause gives for a thing ("in 2015", "on 5 May 2015"), or None.

    Dates after "since", "before", "until" and the like do not say when it happened, and
    two dates say no one date.
    """
    when = {x.value: x for x in dates(reading, i, lo, hi) if x.relation in WHEN}
    return next(iter(when.values())) if len(when) == 1 and None not in when else None


def event(
    reading: Reading,
    i: int,
    cls: URIRef,
    key: str,
    label: str,
    pairs: Pairs,
    rule: str,
    span: tuple[int, int] | None = None,
) -> URIRef:
    """Assert an event (named by its kind and key) stated by the phrase at span (document
    offsets; by default sentence i)."""
    iri = identity.event(cls, key)
    span = sentence_span(reading, i) if span is None else span
    return reading.facts.state(iri, pairs, span, rule, cls=cls, label=label)


def literal(match: DateMatch) -> Literal:
    """Return a date match as a literal typed at its precision (xsd:date, gYearMonth, gYear)."""
    return Literal(match.value, datatype=match.datatype)


def heads_of(reading: Reading, i: int, lo: int, hi: int) -> list[Entity]:
    """Return the states named as the state of a title within [lo, hi): "the King of Norway"."""
    doc = reading.doc.text
    return [
        m.entity
        for m in mentions(reading, i, STATE_KINDS, lo, hi)
        if m.via != "demonym" and TITLE_OF.search(doc[max(0, m.start - 60) : m.start])
    ]


@functools.cache
def _preposition(words: str) -> re.Pattern[str]:
    """Return the pattern of one of these prepositions ending a text: "in (the) (western)"."""
    return re.compile(rf"\b(?:{words})\s+(?:the\s+)?(?:[a-z]+ern\s+)?$", re.I)


def place_after(reading: Reading, i: int, lo: int, hi: int, words: str = "in|at") -> list[Mention]:
    """Return the places named right after one of these prepositions within [lo, hi)."""
    before = _preposition(words)
    doc = reading.doc.text
    return [
        m
        for m in mentions(reading, i, PLACE_KINDS, lo, hi)
        if m.via not in ("demonym", "reference")
        and before.search(doc[max(0, m.start - 30) : m.start])
    ]
