"""Find wars, battles and liberations: the battle's war, the liberated place and its liberator."""

import re

from rdflib import URIRef
from spacy.tokens import Token

from ...reading.gazetteer import Entity
from ...reading.lexicon import PLACE_KINDS, STATE_KINDS
from ...reading.mentions import Mention
from ...vocab import DKG
from .. import identity
from . import Pair, Reading, Rule
from . import discourse as d
from .parse_paths import preps, subject, token_at
from .war_names import dated_after
from .when import end_literal

# The world wars by any of their names; a pair "the First (...) and the Second (...) World Wars"
# carries, in each parenthesis, what belongs to that war.
FIRST, SECOND = "First World War", "Second World War"
ORDINALS = {"first": FIRST, "i": FIRST, "one": FIRST, "1": FIRST, "great": FIRST,
            "second": SECOND, "ii": SECOND, "two": SECOND, "2": SECOND}  # fmt: skip
WAR = re.compile(
    r"\b(?:(?P<ord>First|Second)\s+World\s+War\b|World\s+War\s+(?P<num>II|I|One|Two|1|2)\b"
    r"|the\s+(?P<great>Great)\s+War\b)"
)
WAR_PAIR = re.compile(
    r"\b(?P<o1>First|Second)(?P<p1>\s*\([^()]*\))?\s+and\s+(?:the\s+)?(?P<o2>First|Second)"
    r"(?P<p2>\s*\([^()]*\))?\s+World\s+Wars\b"
)
_NAME = r"[A-Z][\w'\u2019-]*(?:\s+(?:[A-Z][\w'\u2019-]*|de|la|du|of))*"
BATTLE_OF = re.compile(rf"\bBattle\s+of\s+(?P<name>(?:the\s+)?{_NAME})")
# "It was ... at Mont Sorrel that one of the most famous battles ... took place".
BATTLE_WORD = re.compile(r"\bbattles?\b")
BATTLE_HAPPENED = re.compile(r"\b(?:took\s+place|(?:was|were)\s+fought)\b")
AT_NAME = re.compile(rf"\bat\s+(?P<name>{_NAME})")
PLACE_APPOSED = re.compile(r",\s+in\s+(?:the\s+)?")
# "Canadian soldiers", "Norwegian troops": the state whose forces fought.
FORCES_AFTER = re.compile(r"\s+(?:soldiers|troops|forces|army|armies|regiments?|divisions?)\b")
LIBERATION_OF = re.compile(r"\bliberation\s+of\s+(?:the\s+)?")
CONTRIBUTION = re.compile(
    r"['\u2019]s?\s+(?:[\w-]+\s+)?(?:contribution|role|part|participation)\s+(?:to|in)\s+the\s+$"
)
LIBERATED = re.compile(r"\b(?:was|were)\s+liberated\b")
BY = re.compile(r"\bby\s+(?:the\s+)?")
BACK = 2


def wars_in(reading: Reading, i: int) -> list[tuple[int, int, str]]:
    """Return the wars sentence i names: (start, end, name), offsets into the document.

    For a pair "the First (e.g. X) and the Second (e.g. Y) World Wars", each war's span is its
    ordinal and its parenthesis, so that what the parenthesis names belongs to that war.
    """
    return [(a, b, name) for a, b, _, name in _wars(reading, i)]


def _wars(reading: Reading, i: int) -> list[tuple[int, int, int, str]]:
    """Return (start, end of its own part, end of its name, name) of each war of sentence i:
    a war of a pair is named from its ordinal to "World Wars"."""
    s = reading.sentences[i]
    found: list[tuple[int, int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for m in WAR_PAIR.finditer(s.text):
        for n in ("1", "2"):
            end = m.end(f"p{n}") if m[f"p{n}"] else m.end(f"o{n}")
            name = ORDINALS[m[f"o{n}"].lower()]
            found.append((s.start + m.start(f"o{n}"), s.start + end, s.start + m.end(), name))
        taken.append(m.span())
    for m in WAR.finditer(s.text):
        if not any(a <= m.start() < b for a, b in taken):
            key = (m["ord"] or m["num"] or m["great"]).lower()
            found.append((s.start + m.start(), s.start + m.end(), s.start + m.end(), ORDINALS[key]))
    return sorted(found)


def war_of(reading: Reading, i: int, at: int) -> str | None:
    """Return the war something at offset `at` belongs to, by the words around it.

    The war whose parenthesis holds it; else the one war of the sentence; else the one war
    of the nearest sentence before it in the same paragraph.
    """
    wars = wars_in(reading, i)
    inside = [name for a, b, name in wars if a <= at < b]
    if inside:
        return inside[0]
    if len({name for _, _, name in wars}) == 1:
        return wars[0][2]
    if wars:
        return None
    for k in range(i - 1, max(-1, i - 1 - BACK), -1):
        if d.paragraph(reading, k) != d.paragraph(reading, i):
            return None
        names = {name for _, _, name in wars_in(reading, k)}
        if names:
            return names.pop() if len(names) == 1 else None
    return None


def war_span(reading: Reading, i: int, name: str) -> tuple[int, int]:
    """Return where sentence i, or the nearest sentence before it, names a war."""
    for k in range(i, max(-1, i - 1 - BACK), -1):
        found = [(a, end) for a, _, end, n in _wars(reading, k) if n == name]
        if found:
            return found[0]
    return d.sentence_span(reading, i)


def state_war(reading: Reading, name: str, span: tuple[int, int], rule: str) -> URIRef:
    """Assert a war (by its name) and return its IRI."""
    iri = identity.event(DKG.War, name)
    return reading.facts.state(iri, [], span, rule, cls=DKG.War, label=name)


def forces(reading: Reading, i: int) -> list[Entity]:
    """Return the states whose soldiers the sentence names ("Canadian soldiers")."""
    doc = reading.doc.text
    return [m.entity for m in d.mentions(reading, i, STATE_KINDS) if FORCES_AFTER.match(doc, m.end)]


def _battle_is_subject(reading: Reading, at: int) -> bool:
    """Say whether what "took place" or "was fought" at offset `at` is a battle ("one of the
    bloodiest battles ... was fought"), not a debate about one."""
    verb: Token | None = token_at(reading, at)
    while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    if verb is not None and verb.pos_ == "AUX":
        verb = verb.head  # "was fought": the auxiliary hangs from the participle
    subj: Token | None = subject(verb) if verb is not None else None
    if subj is not None and subj.lower_ == "one":  # "one of the ... battles"
        subj = next(iter(preps(subj, {"of"})), subj)
    return subj is not None and subj.lemma_ == "battle"


def battles(reading: Reading, i: int) -> None:
    """Read "the Battle of X" and "at X ... one of the most famous battles took place"."""
    s = reading.sentences[i]
    # (where the battle is named, its name, where its name ends: None for "at X ... battles")
    found: list[tuple[int, str, int | None]] = [
        (s.start + m.start(), m["name"], s.start + m.end()) for m in BATTLE_OF.finditer(s.text)
    ]
    happened = BATTLE_HAPPENED.search(s.text)
    if (
        BATTLE_WORD.search(s.text)
        and happened
        and _battle_is_subject(reading, s.start + happened.start())
    ):
        found += [(s.start + m.start(), m["name"], None) for m in AT_NAME.finditer(s.text)]
    doc = reading.doc.text
    for at, name, end in found:
        lo, hi = d.clause(reading, i, at)
        if d.hedged(reading, lo, hi):
            continue
        name = re.sub(r"\s+of$", "", name)
        key = re.sub(r"^the\s+", "", name)
        pairs: list[Pair] = [(DKG.participant, reading.facts.use(e)) for e in forces(reading, i)]
        war = war_of(reading, i, at)
        if war:
            iri = state_war(reading, war, war_span(reading, i, war), "event-war")
            pairs.append((DKG.partOf, iri))
        # "in Norway, at Narvik" or "at Ypres, in Belgium": the place around the battle's name
        after = end
        if after is None:
            named = AT_NAME.match(doc, at)  # it matched there in the sentence
            after = at + len(named.group()) if named else at
        places = [
            m
            for m in d.place_after(reading, i, lo, hi, "in")
            if m.start < at or PLACE_APPOSED.fullmatch(doc, after, m.start)
        ]
        pairs += [(DKG.location, reading.facts.use(m.entity)) for m in places[-1:]]
        when = dated_after(reading, i, end) if end else None
        if when is not None and when.end_value:  # "the Battle of X, fought from ... to ..."
            pairs += [(DKG.startDate, d.literal(when)), (DKG.endDate, end_literal(when))]
        elif when is not None:
            pairs.append((DKG.date, d.literal(when)))

        label = f"Battle of {name}"
        d.event(reading, i, DKG.Battle, key, label, pairs, "event-battle", (lo, hi))


def _liberation(
    reading: Reading,
    i: int,
    place: Entity,
    liberators: list[Entity],
    at: int,
    span: tuple[int, int],
) -> None:
    """Assert the liberation of a place: one per war it is said to belong to, or one dated;
    the clause at span states it."""
    wars = [name for a, _, name in wars_in(reading, i) if a > at]
    date = d.one_date(reading, i, *d.sentence_span(reading, i))
    for war in dict.fromkeys(wars) or [None]:
        pairs: list[Pair] = [(DKG.location, reading.facts.use(place))]
        pairs += [(DKG.participant, reading.facts.use(e)) for e in liberators]
        if war:
            iri = state_war(reading, war, war_span(reading, i, war), "event-war")
            pairs.append((DKG.partOf, iri))
        elif date:
            pairs.append((DKG.date, d.literal(date)))
        qualifier = war or (date and date.value)
        key = f"{place.slug}-{qualifier}" if qualifier else place.slug
        label = f"Liberation of {place.label}" + (f" ({qualifier})" if qualifier else "")
        d.event(reading, i, DKG.Liberation, key, label, pairs, "event-liberation", span)


def _places(reading: Reading, i: int, lo: int, hi: int | None = None) -> list[Mention]:
    """Return the places named (not by a demonym) in sentence i within [lo, hi)."""
    found = d.mentions(reading, i, PLACE_KINDS, lo, hi)
    return [m for m in found if m.via not in ("demonym", "reference")]


def liberations(reading: Reading, i: int) -> None:
    """Read "Y's contribution to the liberation of X" and "X was liberated ... by Y"."""
    s = reading.sentences[i]
    doc = reading.doc.text
    states = d.mentions(reading, i, STATE_KINDS)
    for m in LIBERATION_OF.finditer(s.text):
        at = s.start + m.end()
        place = [x for x in _places(reading, i, at) if x.start == at]
        lo, hi = d.clause(reading, i, at)
        if not place or d.hedged(reading, lo, hi):
            continue
        head = CONTRIBUTION.search(doc[max(0, s.start + m.start() - 40) : s.start + m.start()])
        who = [
            x.entity for x in states if head and x.end == s.start + m.start() - len(head.group())
        ]
        _liberation(reading, i, place[0].entity, who, at, (lo, hi))
    for m in LIBERATED.finditer(s.text):
        at = s.start + m.start()
        lo, hi = d.clause(reading, i, at)
        place = [x for x in _places(reading, i, lo, at) if x.end <= at]
        if not place or d.hedged(reading, lo, hi):
            continue
        by = BY.search(s.text, m.end())
        who = [x.entity for x in states if by and x.start == s.start + by.end()]
        _liberation(reading, i, place[-1].entity, who, at, (lo, hi))


RULES: list[Rule] = [battles, liberations]
