"""Extract diplomatic missions: kind, sender, city, host state, accreditation, opening and closing.

A mission phrase ("the Chilean Consulate General in Osaka", "an embassy in Oslo", "one in
Santiago") is read by mission_phrases; its sender comes, in this order, from its own words
("Chilean", "of Japan", "Norway's"), from "representatives from <senders>", from the subject of
the verb that governs it ("Norway has / maintains / opened"), from "its", from a gapped subject
("and Chile a consulate in Bergen"), from "our", from the clause's subject or the mission named
before it in the same clause, from the mission a definite phrase names again ("the consulate
in Bergen was closed"), and at last from the one state the sentence before names ("Norwegian
sailors settled in Chile. ... enough settlers to open part-time consulates in ...").
"""

import re
from dataclasses import replace

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from ...reading.clauses import Boundary, clause_start, parted
from ...reading.gazetteer import Entity, gazetteer
from ...reading.lexicon import NOT_STATED, NOT_STATED_AFTER, POLITY_KINDS
from ...reading.values import DateMatch
from ...vocab import DKG
from .. import identity
from ..facts import Statement
from . import Reading, Rule
from .mission_dates import leading_date, open_close, sentence_dates
from .mission_phrases import Reading as PhraseReading
from .mission_phrases import View, find_phrases, place_list, read_phrase
from .mission_senders import Run, run_at, sender_runs, subject_of, verb_before

CLASSES = {
    "embassy": DKG.Embassy,
    "legation": DKG.Embassy,  # no class of its own: a mission of a state's own, to a state
    "high_commission": DKG.HighCommission,
    "consulate_general": DKG.ConsulateGeneral,
    "consulate": DKG.Consulate,
    "honorary_consulate": DKG.HonoraryConsulate,
    "general_delegation": DKG.GeneralDelegation,
    "trade_office": DKG.EconomicAndTradeOffice,
}
# Posts that only a sovereign state sends.
SENT_BY_STATES = {DKG.Embassy, DKG.HighCommission, DKG.Consulate, DKG.ConsulateGeneral,
                  DKG.HonoraryConsulate}  # fmt: skip
CONSULAR = {DKG.Consulate, DKG.ConsulateGeneral, DKG.HonoraryConsulate}
# One label per identity family, so that documents that disagree on the rank (consulate or
# consulate general) still give the node one English label (shapes: sh:uniqueLang).
LABELS = {"embassy": "Embassy", "consulate": "Consulate", "mission": "Permanent Mission",
          "honorary-consulate": "Honorary Consulate", "office": "Representation",
          "part-time consulate": "Part-time Consulate"}  # fmt: skip
AND_BEFORE = re.compile(r",?\s+and\s+$")
TOPIC_COLON = re.compile(r"\s*:")
# The family of a type, to find the mission a definite phrase names again.
FAMILIES = {"embassy": "embassy", "legation": "embassy", "high_commission": "embassy",
            "consulate": "consulate",
            "consulate_general": "consulate", "honorary_consulate": "honorary-consulate",
            "general_delegation": "office", "trade_office": "office", "delegation": "office",
            "office": "office"}  # fmt: skip


class _Sentence:
    """One sentence being read for missions: its view, runs of polities and dates."""

    def __init__(self, reading: Reading, i: int):
        s = reading.sentences[i]
        self.reading, self.i, self.s = reading, i, s
        self.view = View(s.text, s.start, reading.mentions[i])
        self.speaker = reading.context.speaker
        self.runs = sender_runs(self.view, self.speaker)
        # "Japan: Embassy in Seoul; Consulates-General in Busan": the line's topic.
        self.topic = next((run for run in self.runs if run.start == 0
                           and TOPIC_COLON.match(s.text, run.end)), None)  # fmt: skip
        self.dates = sentence_dates(s.text)
        self.last: tuple[PhraseReading, list[Entity]] | None = None
        self.subject: list[Entity] = []  # the last subject of a sending verb
        self.subject_start: int | None = None  # where it starts in the sentence
        # The last sending verb's offset, its subject, and where that subject starts.
        self.governing: tuple[int, list[Entity], int | None] | None = None

    def boundary_between(self, start: int, end: int) -> bool:
        """Say whether a new clause begins between two offsets."""
        return parted(self.s.text, Boundary.OPENING, start, end)

    def clause_start(self, pos: int) -> int:
        """Return where the clause holding pos begins."""
        return clause_start(self.s.text, pos, Boundary.OPENING)

    def stated(self, r: PhraseReading) -> bool:
        """Say whether the clause states the mission: not negated, planned or hypothetical."""
        text, start = self.s.text, r.phrase.start
        negated = NOT_STATED.search(text, self.clause_start(start), start)
        return not negated and not NOT_STATED_AFTER.match(text, r.end)

    def senders(self, r: PhraseReading) -> tuple[list[Entity], str | None, bool, int | None]:
        """Return a mission's senders, its governing verb, whether they are from the sentence
        before, and where (in the sentence) the words that name them start."""
        verb = verb_before(self.view, r.lead)
        word = verb["verb"] if verb else None
        if r.own:
            return r.own, word, False, r.lead
        if r.senders_from is not None:
            run = run_at(self.runs, r.senders_from)
            if run is not None:
                place_list(self.view, r, run.end)
            return (run.entities if run else []), None, False, r.lead
        found, start = self._subject(verb.start()) if verb else ([], None)
        if verb and found:
            self.governing = (verb.start(), found, start)
        if not found and r.its:  # "its embassy": the subject of this clause or the last
            found, start = self.subject, self.subject_start
            if not found and (found := self._last_subject()):
                return found, word, True, None  # named in the sentence before
        if not found and (owner := self._subject_owner(r)):
            found, start = owner  # "Its consular network includes consulates in X"
            if start is None:
                return found, word, True, None
        if not found and not verb and r.counted:
            gapped = subject_of(self.view, self.runs, r.lead)  # "and Chile a consulate in Bergen"
            if isinstance(gapped, Run):  # not None, nor "pronoun"
                found, start = gapped.entities, gapped.start
        if not found and r.our and self.speaker is not None:
            found, start = [self.speaker], r.lead
        # A list item without its own sender: the clause's subject ("Belgium has an embassy in
        # Ottawa, one consulate (...) and four honorary consulates"), else the item before's
        # ("the Belgian Embassy in Washington or the Consulates General in Atlanta").
        # A verb without a known subject heads a clause of its own: nothing to inherit.
        before_item = self.last and (self.last[0].end, self.last[1], self.last[0].lead)
        for before in (self.governing, before_item):
            if (
                not (found or verb)
                and before
                and not self.boundary_between(before[0], r.phrase.start)
            ):
                found, start = before[1], before[2]
        if not found and self.topic is not None:
            found, start = self.topic.entities, self.topic.start
        if found:
            return found, word, False, self.clause_start(r.phrase.start) if start is None else start
        if r.definite:  # "the consulate in Bergen was closed": the one named before
            found, where = self._antecedent(r)
            if where is not None and where < self.s.start:
                return found, word, True, where  # a document offset: a sentence before
            return found, word, False, r.lead
        return self._previous_sentence(r), word, True, None

    def _antecedent(self, r: PhraseReading) -> tuple[list[Entity], int | None]:
        """Return the sender of the one mission of this family and city stated before, and
        where (a document offset) the sentence that stated it starts."""
        family = FAMILIES.get(r.phrase.kind)
        places = {c.slug for c in r.cities}
        minted = self.reading.memory.missions_minted
        found = {(sender, at) for f, place, sender, at in minted if f == family and place in places}
        senders = {sender for sender, _ in found}
        if len(senders) != 1:
            return [], None
        return list(senders), self.reading.sentence_start(min(at for _, at in found))

    def _subject(self, verb_start: int) -> tuple[list[Entity], int | None]:
        """Return the subject of a verb and where it starts; "it" and "they" are the subject
        of a clause before (its words start where this clause does)."""
        memory = self.reading.memory
        subject = subject_of(self.view, self.runs, verb_start)
        if subject == "pronoun":
            i, entities = memory.mission_subject
            return (entities if self.i - i <= 1 else []), None
        if subject is None:
            # "Chile closed its embassy in Oslo and opened a consulate in Bergen": one subject.
            joined = AND_BEFORE.search(self.s.text, 0, verb_start)
            if (
                joined
                and self.governing
                and not self.boundary_between(self.governing[0], verb_start)
            ):
                return self.governing[1], self.governing[2]
            return [], None
        self.subject, self.subject_start = subject.entities, subject.start
        memory.mission_subject = (self.i, subject.entities)
        return subject.entities, subject.start

    def _last_subject(self) -> list[Entity]:
        """Return the subject of the sentence before, when it names states ("France
        established relations with X. Its embassy in Y ...")."""
        if self.i == 0:
            return []
        i, entities = self.reading.memory.mission_subject
        if self.i - i == 1:
            return entities
        return subject_states(self.reading, self.i - 1)

    def _subject_owner(self, r: PhraseReading) -> tuple[list[Entity], int | None] | None:
        """Return the owner of the subject of the verb that governs the mission, and where it
        is named: "Morocco's network includes consulates in X", "Its posts include ..."."""
        parsed = self.reading.parsed
        if parsed is None:
            return None
        at = self.s.start + r.phrase.start
        token = next((t for t in parsed if t.idx == at), None)
        while token is not None and token.dep_ in ("compound", "amod"):  # "Consulates-General"
            token = token.head
        if token is None or token.dep_ not in ("dobj", "attr", "conj", "appos"):
            return None
        while token.dep_ == "conj":
            token = token.head
        verb = token.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        owner = subject and next((c for c in subject.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        if owner.lower_ in ("its", "their"):
            if self.subject:
                return self.subject, self.subject_start
            found = self._last_subject()
            return (found, None) if found else None  # named in the sentence before
        named = [m for m in self.reading.mentions[self.i]
                 if m.start <= owner.idx < m.end and m.entity.kind in POLITY_KINDS]  # fmt: skip
        return ([named[0].entity], named[0].start - self.s.start) if named else None

    def _previous_sentence(self, r: PhraseReading) -> list[Entity]:
        """Return the one state the sentence before names, other than where the mission is."""
        # Only when this sentence names no polity, and both are in one paragraph.
        if self.i == 0 or any(run.entities for run in self.runs):
            return []
        prev = self.reading.sentences[self.i - 1]
        if "\n\n" in self.reading.doc.text[prev.end : self.s.start]:
            return []
        hosts = {r.host, *(_host(c) for c in r.cities)}
        found = {m.entity for m in self.reading.mentions[self.i - 1] if m.entity.kind == "state"}
        found -= hosts
        return list(found) if len(found) == 1 else []


def subject_states(reading: Reading, i: int) -> list[Entity]:
    """Return the states that are the subject of sentence i's main verb, by the parse."""
    parsed, s = reading.parsed, reading.sentences[i]
    if parsed is None:
        return []
    roots = [t for t in parsed.char_span(s.start, s.end, alignment_mode="expand") or ()
             if t.dep_ == "ROOT"]  # fmt: skip
    for root in roots:
        for subject in (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")):
            lo, hi = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
            named = [m.entity for m in reading.mentions[i] if lo <= m.start and m.end <= hi
                     and m.entity.kind == "state" and m.via != "demonym"]  # fmt: skip
            if named:
                return list(dict.fromkeys(named))
    return []


def _place_of_verb(sentence: _Sentence, r: PhraseReading, senders: list[Entity]) -> int | None:
    """Place a mission by its verb: "X is represented in Y by an honorary consul"; "there" is
    the last place named before it, in its sentence or the one before, that sends nothing.

    Return where the place that "there" stands for is named (in the sentence; -1: the sentence
    before), or None."""
    verb = verb_before(sentence.view, r.lead)
    if verb is None or not verb["place"]:
        return None
    start, there = verb.start("place"), verb["place"].lower() == "there"
    named = [(m[0], m[1], m[2]) for m in sentence.view.mentions
             if m[2].kind in ("city", "state") and m[2] not in senders]  # fmt: skip
    if there:
        places = [(at, p) for at, end, p in named if end <= start]
        if not places and sentence.i > 0:
            before = sentence.reading.mentions[sentence.i - 1]
            kept = [m.entity for m in before if m.entity.kind in ("city", "state")]
            places = [(-1, p) for p in kept if p not in senders]
        at, place = places[-1] if places else (None, None)
    else:
        found = [p for at, end, p in named if start <= at and end <= verb.end("place")]
        at, place = None, (found[0] if len(found) == 1 else None)
    if place is not None and place.kind == "city":
        r.cities = [place]
    elif place is not None:
        r.host = place
    return at if place is not None and there else None


WHERE = re.compile(r",\s*where\s+")


def _place_of_where(sentence: _Sentence, r: PhraseReading) -> None:
    """Place a mission by "<place>, where it keeps a permanent mission to X": the place named
    right before "where", in the clause that holds the mission."""
    text = sentence.s.text
    where = [m for m in WHERE.finditer(text, 0, r.lead) if m.end() <= r.lead]
    if not where or sentence.boundary_between(where[-1].end(), r.lead):
        return
    before = [m for m in sentence.view.mentions if m[1] == where[-1].start()]
    if before and before[0][2].kind == "city":
        r.cities = [before[0][2]]


def _kind(reading: Reading, sentence: _Sentence, r: PhraseReading) -> str | None:
    """Return a phrase's type; "one" takes the last singular type named, here or just before."""
    memory = reading.memory
    if r.phrase.kind != "one":
        if r.phrase.plural:
            memory.mission_kinds = (sentence.i, r.phrase.kind)
        else:
            memory.mission_kind = (sentence.i, r.phrase.kind)
        return r.phrase.kind
    # "one" stands for a singular noun named last, here or just before ("an embassy in X and
    # consulates in Y, while Z has one in W": an embassy); failing that, for a plural noun of
    # its own sentence ("consulates in X and Y, and Chile one in Z": a consulate).
    i, kind = memory.mission_kind
    if i == sentence.i:
        return kind
    plural_at, plural = memory.mission_kinds
    if plural_at == sentence.i:
        return plural
    return kind if sentence.i - i <= 1 else None


def _class(kind: str, sender: Entity, r: PhraseReading) -> URIRef | None:
    """Return the class of a mission of this kind sent by this sender, or None if it is none."""
    if kind in ("permanent_mission", "delegation", "mission"):
        if any(e.kind == "organisation" for e in r.accredited):
            return DKG.PermanentMission
        return (
            DKG.SubnationalRepresentation
            if kind == "delegation" and sender.kind != "state"
            else None
        )
    if kind == "office":
        return DKG.SubnationalRepresentation if sender.kind != "state" else None
    cls = CLASSES[kind]
    return cls if cls not in SENT_BY_STATES or sender.kind == "state" else None


def _host(city: Entity) -> Entity | None:
    """Return the sovereign state a city lies in."""
    return gazetteer().state(city.country) if city.country else None


def _targets(
    cls: URIRef, r: PhraseReading
) -> list[tuple[str, str, Entity | None, Entity | None, list[Entity]]]:
    """Return (where slug, where label, city, host, accreditation) of each mission of a phrase."""
    states = [e for e in r.accredited if e.kind != "organisation"]
    if cls == DKG.PermanentMission:
        city = r.cities[0] if len(r.cities) == 1 else None
        host = _host(city) if city else r.host
        bodies = [e for e in r.accredited if e.kind == "organisation"]
        return [(b.slug, f"to the {b.label}", city, host, [b]) for b in bodies]
    if cls in (DKG.Embassy, DKG.HighCommission):
        # Without a city, an embassy is placed only by whom it is accredited to ("the Embassy
        # of Japan to the Kingdom of Spain"), in the state it is located in or else the first.
        places: list[tuple[Entity | None, Entity | None]] = [(c, _host(c)) for c in r.cities] or [
            (None, r.host or (states[0] if states else None))
        ]
        return [(h.slug, f"in {h.label}", c, h, states) for c, h in places if h is not None]
    if not r.cities and r.host is not None and not r.phrase.plural and cls in CONSULAR:
        # "an honorary consul in Chile": one post, in a state, its city not said.
        return [(r.host.slug, f"in {r.host.label}", None, r.host, states)]
    return [(c.slug, f"in {c.label}", c, _host(c), states) for c in r.cities]


def _city_end(
    reading: Reading, r: PhraseReading, city: Entity | None, span: tuple[int, int]
) -> tuple[int, int]:
    """Return a mission's phrase: for one city of a list ("in Atlanta, Los Angeles and New
    York"), up to that city's name; else the whole phrase."""
    if city is None or len(r.cities) < 2 or city.slug not in r.place_ends:
        return span
    return span[0], reading.sentence_start(span[1] - 1) + r.place_ends[city.slug]


def _mint(
    reading: Reading,
    r: PhraseReading,
    kind: str,
    sender: Entity,
    extra: list[tuple[URIRef, Literal, DateMatch]],
    span: tuple[int, int],
) -> None:
    """State one mission of a sender, with its place, accreditation and dates.

    span is the phrase that states the mission (its sender, type and place); a date's claim
    reaches from that phrase to the date.
    """
    facts = reading.facts
    cls = _class(kind, sender, r)
    if cls is None:
        return
    part_time = r.part_time and cls == DKG.Consulate
    for slug, where, city, host, accredited in _targets(cls, r):
        if cls in SENT_BY_STATES and host is not None and host.slug == sender.slug:
            continue  # a state has no embassy or consulate at home: a misread
        accredited = [*accredited, *r.also, *([host] if r.also and host else [])]
        iri = identity.mission(cls, sender.slug, slug, part_time=part_time)
        family = "part-time consulate" if part_time else identity.MISSION_FAMILY[cls]
        noun = LABELS.get(family, family.capitalize())
        pairs: list[Statement] = [(DKG.sendingEntity, facts.use(sender))]
        pairs += [(DKG.city, facts.use(city))] if city else []
        pairs += [(DKG.hostState, facts.use(host))] if host else []
        pairs += [(DKG.accreditedTo, facts.use(e)) for e in dict.fromkeys(accredited)]
        pairs += [(DKG.partTime, Literal(True, datatype=XSD.boolean))] if part_time else []
        if city is not None:
            minted = reading.memory.missions_minted
            minted.append((identity.MISSION_FAMILY[cls], city.slug, sender, span[0]))
        phrase = _city_end(reading, r, city, span)
        dated = [(p, o, (min(phrase[0], d.start), max(phrase[1], d.end))) for p, o, d in extra]
        facts.state(iri, [*pairs, *dated], phrase, "missions.mission", cls=cls,
                    label=f"{noun} of {sender.label} {where}")  # fmt: skip


def read_missions(reading: Reading, i: int) -> None:
    """Find the missions a sentence states, with their senders, places, dates and accreditation."""
    sentence = _Sentence(reading, i)
    text, s = sentence.s.text, sentence.s
    for phrase in find_phrases(text):
        r = read_phrase(sentence.view, phrase)
        if r is None or r.as_place:
            continue
        kind = _kind(reading, sentence, r)
        senders, verb, far, named_at = sentence.senders(r)
        placed = r.cities or r.host
        there = _place_of_verb(sentence, r, senders) if senders and not placed else None
        if senders and not (r.cities or r.host):
            _place_of_where(sentence, r)
        if senders:
            sentence.last = (r, senders)
        if not (kind and senders and sentence.stated(r)):
            continue
        clause = sentence.clause_start(phrase.start)
        leading = leading_date(text, clause, r.lead, sentence.dates)
        extra = [
            (p, o, replace(d, start=s.start + d.start, end=s.start + d.end))
            for p, o, d in open_close(text, r.end, sentence.dates, verb, leading)
        ]
        # The phrase: from the words that name the sender (the phrase's own, the subject of its
        # verb, the list item before it) to the end of the mission's place and accreditation;
        # from the sentence before for a sender named there.
        if far:  # from the sentence before, or the antecedent's sentence
            start = reading.sentences[i - 1].start if named_at is None else named_at
        else:
            assert named_at is not None  # a sender of this sentence: where its words start
            start = s.start + min(named_at, r.lead)
        if there is not None:  # "there": from the place it stands for
            start = min(start, s.start + there if there >= 0 else reading.sentences[i - 1].start)
        for sender in senders:
            _mint(reading, r, kind, sender, extra, (start, s.start + r.end))


RULES: list[Rule] = [read_missions]
