"""Find who sends a mission: the subject of "has / maintains / opened", or a group of regions."""

import functools
import re
from dataclasses import dataclass, field
from typing import Literal

from ...reading.gazetteer import Entity, gazetteer, name_key
from ...reading.lexicon import POLITY_KINDS, SUBDIVISION_KINDS
from ...reading.numbers import CARDINALS
from .mission_phrases import WORD_BEFORE, SentenceMention, View

# Verbs whose subject sends the mission they govern: "Norway has / maintains / opened an embassy",
# "Belgium is represented by its embassy".
SENDING_VERB = re.compile(
    r"\b(?P<verb>has|have|had|maintains?|maintained|operates?|operated|runs?|ran|keeps?|kept"
    r"|opened|opens?|established|establishes|set\s+up|sets\s+up|closed|closes|shut\s+down"
    r"|(?:is|are|was|were)\s+(?:also\s+)?represented"
    r"(?:\s+(?P<place>in\s+[\w\s]{1,30}?|there))?(?:\s+(?:only|solely|just))?"
    r"\s+(?:by|through))\s*$",
    re.I,
)
# Words between a subject and its verb: "Belgium's regions each have", "Chile does not have".
BETWEEN_SUBJECT_AND_VERB = {"also", "now", "still", "currently", "already", "recently", "each",
                            "both", "all", "jointly", "too", "has", "have", "had", "itself",
                            "themselves", "further", "then", "does", "do", "did", "not",
                            "never", "no", "longer"}  # fmt: skip
PRONOUNS = {"it", "they"}
PREPOSITIONS = {"in", "at", "to", "from", "with", "for", "by", "on", "into", "across", "within",
                "between", "among", "after", "before", "since", "during", "throughout"}  # fmt: skip
_NUMBER = "|".join(sorted(CARDINALS, key=len, reverse=True))
# "the three Belgian regions (A, B and C)", "Belgium's three regions", "the three Regions".
GROUP = re.compile(
    r"(?:\b(?i:the|its|their)\s+)?"
    r"(?:(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)['\u2019]s\s+)?"
    rf"(?:(?P<n>\d+|(?i:{_NUMBER}))\s+)?"
    r"(?:(?P<adj>[A-Z][\w-]*)\s+)?"
    r"(?P<noun>(?i:regions|communities|provinces|cantons|territories|states))\b"
    r"(?:\s*\((?P<items>[^()]*)\))?"
)
AND_JOIN = re.compile(r",?\s+and\s+(?:the\s+)?")
COMMA_JOIN = re.compile(r",\s+(?:the\s+)?")


@dataclass
class Run:
    """Polities named together: "the Walloon Region and the French community of Belgium"."""

    start: int
    end: int
    entities: list[Entity]
    parts: list[tuple[int, int, list[Entity]]] = field(default_factory=list)
    joins: list[str] = field(default_factory=list)  # "and" or "comma", between the parts
    after_preposition: bool = False  # "In Canada, Belgium is ...": Canada is no subject


@functools.cache
def members(state: str, noun: str) -> tuple[Entity, ...]:
    """Return the regions (provinces, communities, ...) of a state, in the gazetteer's order."""
    gaz = gazetteer()
    if noun == "communities":
        return tuple(
            e for (k, _), e in gaz.entities.items() if k == "community" and e.country == state
        )
    upper = [
        e for e in gaz.subdivisions.values() if e.country == state and e.slug not in gaz.lower_tier
    ]
    # "states" are a federation's first tier: US states, or the dataset's regions elsewhere.
    kinds = {"provinces": ("province",), "territories": ("territory",),
             "states": ("us-state", "region")}.get(noun, ("region",))  # fmt: skip
    for kind in kinds:
        if found := tuple(e for e in upper if e.kind == kind):
            return found
    return ()


def _group(view: View, m: re.Match[str], speaker: Entity | None) -> list[Entity] | None:
    """Resolve a group to its members: the ones it lists, or all when its count says so."""
    # None: the words are no group of sub-national polities ("the two states").
    if m["noun"].lower() == "states" and not (m["adj"] or m["owner"] or m["n"]):
        return None
    states = [e for s, _, e, _ in view.mentions if m.start() <= s < m.start("noun")]
    states = [e for e in states if e.kind == "state"]
    state = states[0] if states else None
    n = m["n"] and (int(m["n"]) if m["n"].isdigit() else CARDINALS[m["n"].lower()])
    if state is None and n and not m["adj"] and not m["owner"]:
        state = speaker  # "the three Regions" in a document that speaks for a state
    if state is None:
        return []
    noun = m["noun"].lower()
    if m["items"]:
        inside = [x for x in view.mentions if m.start("items") <= x[0] < m.end("items")]
        listed = [_member(view, x, state) for x in inside]
        ok = listed and None not in listed and (not n or len(listed) == n)
        return list(dict.fromkeys(e for e in listed if e is not None)) if ok else []
    found = members(state.slug, noun)
    return list(found) if n and len(found) == n else []


def _member(view: View, mention: SentenceMention, state: Entity) -> Entity | None:
    """Read an item of a group's list as a sub-national polity: "Brussels" is the region here."""
    start, end, entity, _ = mention
    if entity.kind in SUBDIVISION_KINDS:
        return entity
    for entry in gazetteer().entries(name_key(view.text[start:end])):
        if entry.role == "subnational" and entry.entity and entry.entity.country == state.slug:
            return entry.entity
    return None


def sender_runs(view: View, speaker: Entity | None) -> list[Run]:
    """Find the runs of polities a sentence names, each a possible sender."""
    text = view.text
    groups = [(m.start(), m.end(), _group(view, m, speaker)) for m in GROUP.finditer(text)]
    items = [(s, e, found) for s, e, found in groups if found is not None]
    taken = [(s, e) for s, e, _ in items]
    items += [(s, e, [ent]) for s, e, ent, via in view.mentions
              if ent.kind in POLITY_KINDS and via != "demonym"
              and not any(a <= s < b for a, b in taken)]  # fmt: skip
    runs: list[Run] = []
    for part in sorted(items, key=lambda item: item[0]):
        start, end, entities = part
        word = WORD_BEFORE.search(text, 0, start)
        last = runs[-1] if runs else None
        joined = last and AND_JOIN.fullmatch(text, last.end, start)
        if last and joined and not (joined[0].startswith(",") and len(last.parts) == 1):
            join = "and"  # "A, and B" without a list before opens a clause: "to A, and B is"
        elif last and COMMA_JOIN.fullmatch(text, last.end, start) and not last.after_preposition:
            join = "comma"
        else:
            prep = bool(word and word[1].lower() in PREPOSITIONS)
            runs.append(Run(start, end, list(entities), [part], after_preposition=prep))
            continue
        last.end, last.entities = end, last.entities + list(entities)
        last.parts.append(part)
        last.joins.append(join)
    # "A, B and C" is a list; "A, B" alone is two phrases ("In Canada, Belgium has ...").
    out = []
    for run in runs:
        if run.joins and "and" not in run.joins:
            out += [Run(s, e, list(ents), [(s, e, ents)]) for s, e, ents in run.parts]
        else:
            out.append(run)
    return out


def run_at(runs: list[Run], pos: int) -> Run | None:
    """Return the run that starts at pos (after spaces)."""
    return next((r for r in runs if r.start == pos), None)


def subject_of(view: View, runs: list[Run], verb_start: int) -> Run | Literal["pronoun"] | None:
    """Return the run before a verb (its subject), "pronoun" for it/they, or None."""
    text, pos = view.text, verb_start
    while (word := WORD_BEFORE.search(text, 0, pos)) and word[
        1
    ].lower() in BETWEEN_SUBJECT_AND_VERB:
        pos = word.start()
    pos = len(text[:pos].rstrip())
    found = next((r for r in runs if r.end == pos), None)
    if found is not None:
        return found
    word = WORD_BEFORE.search(text, 0, pos)
    return "pronoun" if word and word[1].lower() in PRONOUNS else None


def verb_before(view: View, pos: int) -> re.Match[str] | None:
    """Return the sending verb that ends right before pos ("has", "is represented by")."""
    return SENDING_VERB.search(view.text, 0, pos)
