"""Find military deployments, political consultations and meetings."""

import re

from ...reading.gazetteer import Entity
from ...reading.lexicon import ORGANISATION_KINDS, PLACE_KINDS, STATE_KINDS
from ...vocab import DKG
from . import Pair, Reading, Rule
from . import discourse as d
from .people import people_in, state_person

# "both deployed troops to X", "were involved in the war in X (under ISAF)".
DEPLOYED = re.compile(
    r"\b(?:deployed|sent|dispatched)\s+(?:[\w-]+\s+){0,2}?(?:troops|soldiers|forces|personnel"
    r"|units?)\s+(?:[\w-]+\s+){0,3}?to\s+(?:the\s+)?|\b(?:involved|participated|took\s+part"
    r"|fought)\s+in\s+the\s+(?:war|mission|operation|conflict|intervention|campaign)\s+in\s+"
    r"(?:the\s+)?"
)
UNDER = re.compile(r"\s+(?:under|as\s+part\s+of|within)\s+(?:the\s+)?")
# "consultations took place", "a round of bilateral consultations was last held": the noun, a
# short complement ("between the two ministries"), and a verb that says they happened.
CONSULTATIONS = re.compile(
    r"\b(?P<adj>(?:(?:bilateral|political|diplomatic|strategic)\s+)*)consultations\s+"
    r"(?:[\w-]+\s+){0,6}?(?:took\s+place|(?:was|were)\s+(?:(?:last|most\s+recently|recently)\s+)?"
    r"(?:held|organi[sz]ed|conducted))\b",
    re.I,
)
MET = re.compile(r"\bmet\s+(?:with\s+)?")
# "Our monarchs", "our Prime Minister": titles are as often capitalised as not.
OUR = re.compile(
    r"\b[Oo]ur\s+(?:[\w-]+\s+){0,2}?(?i:monarchs?|king|queen|prime\s+minister"
    r"|government|ministers?|president|leaders?|delegation)\b"
)


def deployments(reading: Reading, i: int) -> None:
    """Read "A and B both deployed troops to X": one deployment per deploying state."""
    s = reading.sentences[i]
    doc = reading.doc.text
    for m in DEPLOYED.finditer(s.text):
        at = s.start + m.end()
        place = [x for x in d.mentions(reading, i, PLACE_KINDS, at) if x.start == at]
        lo, hi = d.clause(reading, i, s.start + m.start())
        who = d.subject(reading, i, s.start + m.start())
        if not place or not who or d.hedged(reading, lo, at):
            continue
        under = UNDER.match(doc, place[0].end)
        orgs = [
            x.entity
            for x in d.mentions(reading, i, ORGANISATION_KINDS, place[0].end)
            if under and x.start == under.end()
        ]
        where = place[0].entity
        date = d.one_date(reading, i, lo, hi)
        for state in who:
            pairs: list[Pair] = [(DKG.participant, reading.facts.use(e)) for e in (state, *orgs)]
            pairs += [(DKG.location, reading.facts.use(where))]
            pairs += [(DKG.date, d.literal(date))] if date else []
            label = f"Military deployment of {state.label} to {where.label}"
            key = f"{state.slug}-{where.slug}"
            d.event(
                reading, i, DKG.MilitaryDeployment, key, label, pairs, "event-deployment", (lo, hi)
            )


def _host(entity: Entity) -> Entity | None:
    """Return the state a place lies in (the place itself when it is a state)."""
    from ...reading.gazetteer import gazetteer

    return entity if entity.kind == "state" else gazetteer().state(entity.country or "")


def consultations(reading: Reading, i: int) -> None:
    """Read "bilateral political consultations took place in X in November 2016"."""
    s = reading.sentences[i]
    for m in CONSULTATIONS.finditer(s.text):
        lo, hi = d.clause(reading, i, s.start + m.start())
        places = d.place_after(reading, i, s.start + m.end(), hi, "in|at")
        if not places or d.hedged(reading, lo, hi):
            continue
        where = places[0].entity
        date = d.one_date(reading, i, lo, hi)
        parties = []
        speaker, host = reading.context.speaker, _host(where)
        if "bilateral" in m["adj"].lower() and speaker and host and host != speaker:
            parties = sorted((speaker, host), key=lambda e: e.slug)
        pairs: list[Pair] = [(DKG.location, reading.facts.use(where))]
        pairs += [(DKG.participant, reading.facts.use(e)) for e in parties]
        pairs += [(DKG.date, d.literal(date))] if date else []
        when = f" ({date.value})" if date else ""
        day = (date.value or "") if date else ""  # one_date() gives dates with a value
        key = "-".join([*(e.slug for e in parties), where.slug, day])
        label = f"Political consultations in {where.label}{when}"
        d.event(
            reading, i, DKG.PoliticalConsultation, key, label, pairs, "event-consultation", (lo, hi)
        )


def meetings(reading: Reading, i: int) -> None:
    """Read "Our monarchs met the Chilean President in Oslo in May 2015"."""
    s = reading.sentences[i]
    for m in MET.finditer(s.text):
        lo, hi = d.clause(reading, i, s.start + m.start())
        met = s.start + m.start()
        places = d.place_after(reading, i, met, hi, "in|at")
        date = d.one_date(reading, i, lo, hi)
        if not (places or date) or d.hedged(reading, lo, hi):
            continue  # "they met" with no place or time names no one meeting
        where = {p.start for p in places}
        states = [
            x.entity for x in d.mentions(reading, i, STATE_KINDS, lo, hi) if x.start not in where
        ]
        if reading.context.speaker and OUR.search(s.text, lo - s.start, met - s.start):
            states.insert(0, reading.context.speaker)
        persons = [p for p in people_in(reading, i) if lo <= p.phrase_start < hi]
        if len(set(states)) + len(persons) < 2:
            continue  # a meeting has two sides: "Norway met its targets in 2015" is none
        pairs: list[Pair] = [(DKG.participant, reading.facts.use(e)) for e in dict.fromkeys(states)]
        for p in persons:
            pairs.append((DKG.participant, state_person(reading, p, "event-meeting")))
        pairs += [(DKG.location, reading.facts.use(p.entity)) for p in places[:1]]
        pairs += [(DKG.date, d.literal(date))] if date else []
        who = sorted({e.slug for e in states} | {p.name for p in persons})
        names = [e.label for e in dict.fromkeys(states)] + [p.name for p in persons]
        at = f" in {places[0].entity.label}" if places else ""
        when = f" ({date.value})" if date else ""
        day = (date.value or "") if date else ""  # one_date() gives dates with a value
        key = "-".join([*who, *(p.entity.slug for p in places[:1]), day])
        label = f"Meeting of {d.enumeration(names)}{at}{when}"
        d.event(reading, i, DKG.Meeting, key, label, pairs, "event-meeting", (lo, hi))


RULES: list[Rule] = [deployments, consultations, meetings]
# Recognitions of states: statehood.py.
