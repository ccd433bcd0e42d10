"""Find people and the posts they hold: titles, appositions, infobox envoys, life spans.

A capitalised name counts as a person's only where a role word or a role structure stands
with it ("Prime Minister X", "X, the Norwegian ambassador", "X became a Chilean agent",
"Envoy1: X" in an "A\u2013B relations" article, "X founded ..."): a bare capitalised
phrase may as well be a firm, a place or a ship.

The state a post belongs to (dkg:roleIn) is the one the text names with the title: a demonym
or possessive before it ("Belgian Prime Minister", "Norway's ambassador"), "of <state>" after
it. A head of state or government named with a bare title ("President X") belongs to the
nearest state named before it in its sentence (else the first after it), or in one of the two
sentences before it in its paragraph, that is not where something goes or happens ("to Chile",
"in Oslo"); failing that, to the state the document speaks for. Cities do not count: "made a
visit to Ottawa" says where the visit went, not whose prime minister made it.
Other posts (envoys, consuls, agents) are never guessed: without a stated state they have none.
"""

import re
from dataclasses import dataclass

from rdflib import Literal
from rdflib.namespace import SKOS

from .. import identity, iris
from ..gazetteer import Entity, fold, gazetteer
from ..lexicon import POLITY_KINDS, SINGLE_HOLDER
from ..values import find_dates
from ..vocab import DKG
from .person_names import (
    NAME,
    NOT_FIRST,
    ROLE_NOUN,
    ROLES,
    TITLE,
    is_thing,
    polity_name,
    role_key,
)

TITLED = re.compile(rf"(?<![\w-])(?P<title>{TITLE})[ ](?P<name>{NAME})")
APPOSITION = re.compile(
    rf"(?P<name>{NAME}),[ ](?:(?:the|an?)[ ])?(?:(?:former|then|current|new)[ ])?"
    rf"(?P<pol>[^,;()]{{0,40}}?)(?P<title>(?i:{ROLE_NOUN}))\b(?!['\u2019-])"
)
_LIFE = r"\d{4}[ ]?[-\u2013][ ]?\d{2,4}"
# "X became a part-time paid Canadian agent", "X (Y, 1480-1572) was one of the first ...".
PREDICATE = re.compile(
    rf"(?P<name>{NAME})(?:[ ]\((?:(?P<alias>{NAME}),[ ])?(?P<life>{_LIFE})\))?[ ]"
    r"(?:became|was|served[ ]as|acted[ ]as|worked[ ]as|was[ ]appointed(?:[ ]as)?|was[ ]named)[ ]"
    r"(?:an?|the|one[ ]of[ ]the(?:[ ]first)?|the[ ]first)[ ]"
    rf"(?P<pol>(?:[\w'\u2019-]+[ ]){{0,5}}?)(?P<title>(?i:{ROLE_NOUN}))\b(?!['\u2019-])"
)
FOUNDER = re.compile(rf"(?P<name>{NAME})[ ](?:co-)?founded[ ](?!in\b|by\b)")
INFOBOX_ENVOY = re.compile(rf"Envoy(?P<n>[12])\s*:\s*(?P<name>{NAME})\s*")
RELATIONS_TITLE = re.compile(r"(?P<a>.+?)\s*(?:[\u2013\u2014]|\s-\s)\s*(?P<b>.+?)\s+relations")
POSSESSIVE_GAP = re.compile(r"(?:['\u2019]s)?\s+")
OF_AFTER = re.compile(r"[ ]of[ ](?:the[ ])?")
TO_AFTER = re.compile(r"[ ]to[ ](?:the[ ])?")
# A state named after these words is where something goes or happens, not whose the post is.
PLACE_WORDS = re.compile(r"(?i:\b(?:to|in|at|into|visit|visited|visiting|towards?)\s+(?:the\s+)?)$")
LIST_GAP = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:,|and|or|/)\s*(?:the\s+)?$")
# How far back a bare title looks for its state: its sentence and two before, in its paragraph.
CONTEXT_SENTENCES = 2


@dataclass(frozen=True)
class Person:
    """A person found in a sentence, with the post the text gives them."""

    name: str
    start: int
    end: int
    rule: str
    title: str | None = None  # a key of ROLES
    polity: Entity | None = None
    to: Entity | None = None
    alias: str | None = None
    life: str | None = None  # "1480-1572"
    qualifier: str | None = None  # "Christian" in "Christian missionaries"
    phrase: tuple[int, int] | None = None  # the words that name the person and the post


def _polities(reading, i: int, start: int, end: int) -> list[Entity]:
    """Return the states and subdivisions mentioned within [start, end) of the document."""
    found = [m.entity for m in reading.mentions[i] if start <= m.start and m.end <= end]
    return [e for e in found if e.kind in POLITY_KINDS]


def _mention_at(reading, i: int, start: int, by_name: bool = False) -> Entity | None:
    """Return the polity whose mention starts at a document offset."""
    kept = [m.entity for m in reading.mentions[i] if m.start == start
            and m.entity.kind in POLITY_KINDS and not (by_name and m.via == "demonym")]  # fmt: skip
    return kept[0] if kept else None


def _clean_name(reading, i: int, start: int, name: str) -> tuple[int, str] | None:
    """Drop opening words that are no first names; refuse names that overlap a place or body."""
    words = name.split(" ")
    while words and (fold(words[0]).strip(".") in NOT_FIRST or (
            fold(words[0]) in reading.context.common_words)):  # fmt: skip
        start += len(words.pop(0)) + 1
    end = start + len(" ".join(words))
    if len(words) < 2 or is_thing(words):
        return None
    if any(m.start < end and start < m.end for m in reading.mentions[i]):
        return None
    return start, " ".join(words)


def _titled(reading, i: int, s) -> list[Person]:
    """Read "Prime Minister X", "Belgian King X", "King X of Norway": a title before a name."""
    found = []
    for m in TITLED.finditer(s.text):
        if is_thing(m["name"].split(" ")):
            continue  # "King Baudouin Foundation"
        start, end = s.start + m.start("name"), s.start + m.end("name")
        # A name stops at a state, organisation or people's name: "President Lula Brazil's ...".
        cut = [x.start for x in reading.mentions[i] if start < x.start < end and x.entity.kind
               in ("state", "organisation", "community")]  # fmt: skip
        end = min(cut, default=end)
        name = reading.doc.text[start:end].strip()
        if not name:
            continue
        title_start = s.start + m.start("title")
        # "Belgian Prime Minister X", "Norway's King X": the polity just before the title.
        before = [x.entity for x in reading.mentions[i] if x.entity.kind in POLITY_KINDS
                  and POSSESSIVE_GAP.fullmatch(reading.doc.text, x.end, title_start)]  # fmt: skip
        polity = before[0] if before else None
        phrase = [before_start(reading, i, title_start) if before else title_start, end]
        of = OF_AFTER.match(reading.doc.text, s.start + m.end("name"))
        if polity is None and of and (polity := _mention_at(reading, i, of.end(), by_name=True)):
            phrase[1] = d_end(reading, i, of.end())
        key = role_key(m["title"])
        if polity is None and ROLES[key][0] in SINGLE_HOLDER:
            polity = _context_state(reading, i, title_start)
        found.append(Person(name, start, start + len(name), "people.titled", key, polity,
                            phrase=tuple(phrase)))  # fmt: skip
    return found


def before_start(reading, i: int, title_start: int) -> int:
    """Return where the polity named just before a title starts ("Belgian Prime Minister")."""
    text = reading.doc.text
    found = [x.start for x in reading.mentions[i]
             if POSSESSIVE_GAP.fullmatch(text, x.end, title_start)]  # fmt: skip
    return min(found, default=title_start)


def d_end(reading, i: int, start: int) -> int:
    """Return where the mention starting at a document offset ends."""
    return next((m.end for m in reading.mentions[i] if m.start == start), start)


def _context_state(reading, i: int, offset: int) -> Entity | None:
    """Return the state a bare head's title belongs to: the nearest one named, else the speaker."""
    text = reading.doc.text
    paragraph = text.rfind("\n\n", 0, reading.sentences[i].start)
    for k in range(i, max(i - CONTEXT_SENTENCES, 0) - 1, -1):
        if reading.sentences[k].start < paragraph:
            break
        named = _named_states(reading, k)
        before = [m for m in named if m.end <= offset] if k == i else named
        after = [m for m in named if m.start >= offset] if k == i else []
        if before or after:
            return (before[-1] if before else after[0]).entity
    return reading.context.speaker


def _named_states(reading, k: int) -> list:
    """Return the mentions of states in sentence k that are not places things go to or happen in."""
    text, lo = reading.doc.text, reading.sentences[k].start
    kept, placed = [], None
    for m in reading.mentions[k]:
        before = text[lo : m.start]
        # "visits to Chile and Peru": the list goes on from a place.
        placed = bool(PLACE_WORDS.search(before) or (placed and LIST_GAP.search(before)))
        lo = m.end
        if m.entity.kind == "state" and m.via != "reference" and not placed:
            kept.append(m)
    return kept


def _described(reading, i: int, s, pattern, rule: str) -> list[Person]:
    """Read "X, the Norwegian ambassador" and "X became a Chilean agent": a post in words."""
    found = []
    for m in pattern.finditer(s.text):
        cleaned = _clean_name(reading, i, s.start + m.start("name"), m["name"])
        if cleaned is None:
            continue
        start, name = cleaned
        key = role_key(m["title"])
        lo, hi = s.start + m.start("pol"), s.start + m.start("title")
        polities = _polities(reading, i, lo, hi)
        of = OF_AFTER.match(reading.doc.text, s.start + m.end("title"))
        polity = polities[-1] if polities else of and _mention_at(reading, i, of.end(), True)
        if polity is None and ROLES[key][0] != DKG.Missionary:
            continue  # "X, the ambassador, said": whose ambassador, the text does not say
        to = TO_AFTER.match(reading.doc.text, s.start + m.end("title"))
        to = to and _mention_at(reading, i, to.end(), by_name=True)
        # "one of the first Christian missionaries": a capitalised word that names no state.
        words = [] if polities else reading.doc.text[lo:hi].split()
        qualifier = next((w for w in words if w[:1].isupper()), None)
        groups = m.groupdict()
        phrase = (start, s.start + m.end())
        alias, life = groups.get("alias"), groups.get("life")
        found.append(Person(name, start, start + len(name), rule, key, polity, to, alias, life,
                            qualifier, phrase))  # fmt: skip
    return found


def _infobox(reading, i: int, s) -> list[Person]:
    """Read "Envoy1: X" in an "A-B relations" article: X is A's envoy to B (Envoy2 the reverse)."""
    m = INFOBOX_ENVOY.fullmatch(s.text)
    pair = RELATIONS_TITLE.fullmatch(reading.doc.title or "")
    if not m or not pair:
        return []
    states = [gazetteer().state(pair["a"]), gazetteer().state(pair["b"])]
    if None in states:
        return []
    own, other = states if m["n"] == "1" else states[::-1]
    start = s.start + m.start("name")
    phrase = (s.start + m.start(), start + len(m["name"]))  # "Envoy1: X": the post and the name
    return [Person(m["name"], start, start + len(m["name"]), "people.infobox", "envoy", own, other,
                   phrase=phrase)]  # fmt: skip


def _founders(reading, i: int, s) -> list[Person]:
    """Read "X founded ...": the founder is a person (unless the name is a thing's)."""
    found = []
    for m in FOUNDER.finditer(s.text):
        cleaned = _clean_name(reading, i, s.start + m.start("name"), m["name"])
        if cleaned:
            start, name = cleaned
            found.append(Person(name, start, start + len(name), "people.founder"))
    return found


def people_in(reading, i: int) -> list[Person]:
    """Return the people sentence i names, each once, in order (computed once per sentence)."""
    cache = reading.memory.setdefault("people", {})
    if i not in cache:
        s = reading.sentences[i]
        found = _infobox(reading, i, s) + _titled(reading, i, s)
        found += _described(reading, i, s, APPOSITION, "people.apposition")
        found += _described(reading, i, s, PREDICATE, "people.predicate")
        found += _founders(reading, i, s)
        taken, kept = [], []
        for p in sorted(found, key=lambda p: (p.start, p.title is None)):
            if all(p.end <= a or p.start >= b for a, b in taken):
                taken.append((p.start, p.end))
                kept.append(p)
        cache[i] = kept
    return cache[i]


def _role(reading, p: Person, span: tuple[int, int]):
    """State the post a person holds; return its IRI, or None when the text gives none."""
    cls, title = ROLES[p.title]
    if p.polity is None and cls in SINGLE_HOLDER:
        return None  # "the President": of what, the text does not say
    if p.polity is not None:
        # A post of no finer class is told apart by its title: "role-united-states-vice-president".
        of = p.polity.slug if cls != DKG.Role else f"{p.polity.slug}-{iris.slugify(title)}"
        holder = None if cls in SINGLE_HOLDER else p.name
        label = f"{title} of {polity_name(p.polity)}"
    else:  # no state stated ("Ambassador X", a missionary): the post is the person's own
        of, holder = iris.slugify(p.name), None
        label = f"{p.qualifier} {title.lower()}" if p.qualifier else title
    if p.to is not None:
        label += f" to {polity_name(p.to)}"
    node = identity.role(cls, of, holder)
    polity = reading.facts.use(p.polity) if p.polity is not None else None
    return reading.facts.state(node, [(DKG.roleIn, polity)], span, p.rule, cls=cls, label=label)


def people(reading, i: int) -> None:
    """State the people of a sentence, their other names, life dates and posts."""
    for p in people_in(reading, i):
        span = p.phrase or (p.start, p.end)
        pairs = []
        if p.title:
            pairs.append((DKG.holdsRole, _role(reading, p, span)))
        if p.alias:
            pairs.append((SKOS.altLabel, Literal(p.alias, lang="en")))
        for d in find_dates(p.life or ""):
            born = Literal(d.value, datatype=d.datatype)
            died = Literal(d.end_value, datatype=d.datatype) if d.end_value else None
            pairs += [(DKG.birthDate, born), (DKG.deathDate, died)]
        node = identity.person(p.name)
        reading.facts.state(node, pairs, span, p.rule, cls=DKG.Person, label=p.name)


RULES = [people]
