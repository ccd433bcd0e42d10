"""Hold what the people modules find: runs of name words, people named, posts held.

A run is capitalised name words in a row, titles and honorifics left out ("Luiz Inácio Lula
da Silva", "Kishida"); person_constructions.py reads which runs name people, and the posts the
text gives them; person_coreference.py tells which of them are one person.
"""

import re
from dataclasses import dataclass, field

from ...reading.gazetteer import Entity, fold
from ...reading.lexicon import NAMESAKE_KINDS, POLITY_KINDS
from . import Reading
from .parse_paths import parse_of
from .person_names import HONORIFIC, NOT_FIRST, PARTICLE, PERSON_NAME_AT, is_thing
from .person_titles import Title, titles


@dataclass(frozen=True)
class Post:
    """A post the text gives a person: its title, whose it is, where it is held."""

    title: Title
    polity: Entity | None
    to: Entity | None
    span: tuple[int, int]  # the words that name the person and the post
    rule: str


@dataclass
class Named:
    """A person named in a sentence, with the posts the sentence gives them."""

    start: int  # the name as written (document offsets)
    end: int
    written: str
    i: int
    rule: str
    lead: int  # where the words that name the person start (a title, an honorific)
    posts: list[Post] = field(default_factory=list)
    alias: str | None = None
    life: str | None = None  # "1480-1572"
    qualifier: str | None = None  # "Lutheran" in "one of the first Lutheran missionaries"
    # the name whose post a predecessor or successor held, and where the words that say so start
    inherits: tuple[str, int] | None = None
    alias_at: tuple[int, int] | None = None  # where the other name stands: "X (Y, 1520-1590)"
    name: str = ""  # the full name, once the document is read (person_coreference.py)

    @property
    def phrase_start(self) -> int:
        """Return where the words that name the person start: their title, else the name."""
        return min(self.lead, self.start)


@dataclass(frozen=True)
class Run:
    """Capitalised name words in a row: "Luiz Inácio Lula da Silva", "Kishida"."""

    start: int
    end: int
    text: str
    placed: bool = False  # also the name of a town or region ("Busia", "Fraser")


_PARTICLES = set(PARTICLE.strip("(?:)").split("|"))
_OF_POLITY = re.compile(r"[ ]of[ ](?:the[ ])?")
_IN_BRACKETS = re.compile(r"[ ]\(")
_JOINER = re.compile(r",[ ]and[ ]|,[ ]|[ ]and[ ]")


def runs(reading: Reading, i: int) -> list[Run]:
    """Return the runs of name words of sentence i, titles and honorifics left out."""
    cache = reading.memory.name_runs
    if i in cache:
        return cache[i]
    s = reading.sentences[i]
    masked = list(s.text)
    for t in titles(reading, i):
        masked[t.start - s.start : t.end - s.start] = "\0" * (t.end - t.start)
    for h in HONORIFIC.finditer(s.text):
        masked[h.start() : h.end()] = "\0" * (h.end() - h.start())
    found: list[Run] = []
    for m in PERSON_NAME_AT.finditer("".join(masked)):
        run = _clean(reading, i, s.start + m.start(), m.group())
        if run is not None:
            found.append(run)
    cache[i] = found
    return found


def _clean(reading: Reading, i: int, start: int, text: str) -> Run | None:
    """Drop opening words that are no names; refuse runs within a place's or a thing's name."""
    opening = reading.sentences[i].start
    words = text.split(" ")
    while words and _no_name(reading, words[0], start, start == opening):
        start += len(words.pop(0)) + 1
    if not words or is_thing(words[-1:]) or not words[0][:1].isupper():
        return None
    end = start + len(" ".join(words))
    within = [m for m in reading.mentions[i] if m.start <= start and end <= m.end]
    if any(m.entity.kind not in NAMESAKE_KINDS for m in within):
        return None  # "Chile", "Lucia" of "Saint Lucia"
    return Run(start, end, " ".join(words), placed=bool(within))


def _no_name(reading: Reading, word: str, start: int, opening: bool) -> bool:
    """Say whether a capitalised word opening a run is no name: "The", or a word the document
    writes in lower case opening a sentence ("Following"), unless the recogniser says it is."""
    key = fold(word)
    if key.strip(".") in NOT_FIRST:
        return True
    common = opening and key in reading.context.common_words and key not in _PARTICLES
    return common and not _recognised_at(reading, start)


def _recognised_at(reading: Reading, start: int) -> bool:
    """Say whether the recogniser reads a person's name starting at a document offset."""
    span = parse_of(reading).char_span(start, start + 1, alignment_mode="expand")
    if not span:
        return False
    return span[0].ent_type_ == "PERSON"


def run_at(found: list[Run], start: int) -> Run | None:
    return next((r for r in found if r.start == start), None)


def run_ending(found: list[Run], end: int) -> Run | None:
    return next((r for r in found if r.end == end), None)


def name_after(
    reading: Reading, found: list[Run], at: int, gap: re.Pattern[str]
) -> tuple[Run, int] | None:
    """Return the run after a gap at an offset (", ", " ", maybe an honorific), and its lead."""
    m = gap.match(reading.doc.text, at)
    if not m:
        return None
    run = run_at(found, m.end())
    return (run, m.start() + (1 if m.group().startswith((" ", ",")) else 0)) if run else None


def own_polity(reading: Reading, i: int, at: int) -> tuple[Entity | None, int]:
    """Read "of Brazil" or " (Chile)" right after a name; return the state and where it ends."""
    text = reading.doc.text
    for pattern in (_OF_POLITY, _IN_BRACKETS):
        m = pattern.match(text, at)
        if not m:
            continue
        for x in reading.mentions[i]:
            if x.start == m.end() and x.entity.kind in POLITY_KINDS and x.via != "demonym":
                if pattern is _IN_BRACKETS and not text.startswith(")", x.end):
                    continue
                return x.entity, x.end + (1 if pattern is _IN_BRACKETS else 0)
    return None, at


def listed(
    reading: Reading, i: int, found: list[Run], at: int
) -> list[tuple[Run, Entity | None, int]]:
    """Read a list of names from an offset: "X of A and Y of B", "X (Chile) and Y (Argentina)"."""
    text = reading.doc.text
    items: list[tuple[Run, Entity | None, int]] = []
    while run := run_at(found, at):
        polity, end = own_polity(reading, i, run.end)
        items.append((run, polity, end))
        joint = _JOINER.match(text, end)
        if not joint:
            break
        at = joint.end()
    return items


def held(
    t: Title,
    span: tuple[int, int],
    rule: str,
    polity: Entity | None = None,
    to: Entity | None = None,
) -> Post:
    """Return a post of a title, with the state the words around the name add."""
    return Post(t, polity or t.polity, to or t.to, span, rule)


def is_subject(reading: Reading, n: Named) -> bool:
    """Say whether a name is the subject of its clause (the parse's nsubj)."""
    span = parse_of(reading).char_span(n.start, n.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")


def merge(named: list[Named]) -> list[Named]:
    """Merge the readings of one name: its posts together, the earliest lead."""
    by_span: dict[tuple[int, int], Named] = {}
    for n in named:
        key = (n.start, n.end)
        if key not in by_span:
            by_span[key] = n
            continue
        kept = by_span[key]
        kept.lead = min(kept.lead, n.lead)
        kept.posts += [p for p in n.posts if p not in kept.posts]
        kept.inherits = kept.inherits or n.inherits
        kept.alias, kept.life = kept.alias or n.alias, kept.life or n.life
        kept.qualifier = kept.qualifier or n.qualifier
        kept.alias_at = kept.alias_at or n.alias_at
    return list(by_span.values())
