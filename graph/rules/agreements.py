"""Find agreements between states: kind, parties, topic, signing and entry-into-force dates.

"A and B signed an agreement on X in 2005" makes one; "The agreement, which came into force
..." in a following sentence adds to the last one named; "the annual quota has been fixed at
750 participants" there is a figure of it (a dkg:Statistic with dkg:figureOf).
"""

import re

from rdflib import Literal
from rdflib.namespace import XSD

from .. import identity
from ..lexicon import AGREEMENT_KINDS, AGREEMENT_NOUN
from ..values import find_amounts, find_dates
from ..vocab import DKG
from . import discourse as d
from .discourse import POLITY

PARTY = POLITY | {"organisation"}

# The kind of an agreement by its noun, most specific first.
KIND = re.compile(rf"\b(?P<kind>(?i:{AGREEMENT_NOUN}))\b")
KINDS = AGREEMENT_KINDS
PLURAL = re.compile(r"(?:s|ies|da)$", re.I)
# Who signed: "A and B (also) signed", "the A and B departments of foreign affairs signed".
AGENT = (
    r"(?:\s+(?:governments?|departments?|ministr(?:y|ies)|(?:foreign\s+|prime\s+)?ministers?"
    r"|authorities|presidents?|leaders?|representatives?)(?:\s+of\s+[a-z]+(?:\s+[a-z]+){0,2})?)?"
)
# Words before the noun that say nothing of the topic; lower-case words left say it ("a free
# trade agreement"); a capitalised one is a name ("the Paris Agreement"), not ours to read.
GENERIC = (
    r"an?|the|two|three|several|numerous|many|various|other|further|new|bilateral|joint|formal"
    r"|historic|landmark|important|first|framework|cooperative|cooperation|comprehensive"
)
SIGNED = re.compile(
    rf"{AGENT}\s+(?:(?:also|have|has|had|jointly|then|formally|finally|both)\s+)*"
    rf"(?:signed|concluded)\s+(?:(?:{GENERIC})\s+)*(?P<pre>(?:[a-z][\w-]*\s+){{0,3}}?)"
    rf"(?={KIND.pattern})"
)
WITH = re.compile(r"\s+with\s+(?:the\s+)?")
BETWEEN = re.compile(r"\s+(?:(?:was|were)\s+)?(?:(?:signed|concluded)\s+)?between\s+(?:the\s+)?")
# What an agreement is about: "on youth mobility", "concerning the strengthening of ...".
TOPIC_HEAD = re.compile(
    r"\s*,?\s+(?:on|concerning|regarding|about|relating\s+to|of|for|in\s+the\s+(?:fields?|areas?"
    r"|domains?)\s+of)\s+(?:the\s+)?"
)
AREAS_HEAD = re.compile(r"\s*,?\s+in\s+the\s+(?:fields?|areas?|domains?)\s+of\b")
TOPIC_END = re.compile(
    r"\s*[,;:(]|\.(?:\s|$)|\s+(?:in|on|since|from)\s+(?:\d|[A-Z])|\s+(?:signed|which|that|was"
    r"|were|came|entered|took|between|with|by|and\s+(?:came|entered|signed))\b|$"
)
# Items of an enumeration of areas; "scientific, industrial and technological cooperation" is
# one area: adjectives that share the noun of the last item.
ITEM_SPLIT = re.compile(r",?\s+as\s+well\s+as\s+(?:in\s+)?|,\s+(?:and\s+)?|\s+and\s+")
ADJECTIVE = re.compile(r"^[a-z]+(?:ic|al|ary|ive|ous|ian|ory)$")
IN_FORCE = re.compile(
    r"\b(?:(?:came|entered|went|come|enter)\s+into\s+force|took\s+effect|became\s+effective"
    r"|in\s+force\s+since)\s*(?:on\s+|in\s+)?",
    re.I,
)
SIGNED_ON = re.compile(r"\b(?:was|were)\s+signed\s+(?:on|in)\s+", re.I)
# "The agreement, which came into force ...": a definite reference to the last one named.
REFERENCE = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:(?:new|bilateral|same)\s+)?"
    r"(?:agreement|treaty|convention|declaration|memorandum|accord)\b"
)
QUOTA = re.compile(r"\bquotas?\b", re.I)
UNIT = re.compile(r"\s+(?:(?:young|new|additional)\s+)?(?P<noun>[a-z]+)")
SIGNING_RELATIONS = {"in", "on", None}
# How far back "the agreement" may point, in sentences of the same paragraph.
BACK = 3


def kind_of(noun: str) -> tuple:
    """Return (class, label) of an agreement noun."""
    noun = noun.lower()
    return next((cls, label) for stem, cls, label in KINDS if noun.startswith(stem))


def topics(text: str, at: int, plural: bool) -> list[str]:
    """Return the topics stated after an agreement's noun: one, or one per area listed."""
    head = TOPIC_HEAD.match(text, at)
    while head is not None:  # "on December 16, 1999, concerning X": the date is no topic
        when = [x for x in find_dates(text[head.end() : head.end() + 40]) if x.start == 0]
        if not when:
            break
        head = TOPIC_HEAD.match(text, head.end() + when[0].end)
    if head is None:
        return []
    start = head.end()
    if plural and AREAS_HEAD.match(text, at):
        end = re.search(r"\.?\s*$", text).start()
        return _areas(text[start:end])
    topic = text[start : TOPIC_END.search(text, start).start()].strip()
    if not topic:
        return []
    return _areas(topic) if plural else [topic]


def _areas(listing: str) -> list[str]:
    """Split "taxation, social security, ..., as well as in scientific and X cooperation"."""
    items, pos = [], 0
    for m in ITEM_SPLIT.finditer(listing):
        items.append((pos, m.start()))
        pos = m.end()
    items.append((pos, len(listing)))
    areas, start = [], None
    for a, b in items:
        word = listing[a:b].strip()
        if start is None:
            start = a
        if ADJECTIVE.match(word) and (a, b) != items[-1]:
            continue  # an adjective sharing the next item's noun
        areas.append(listing[start:b].strip())
        start = None
    return [a for a in areas if a]


def parties_of(reading, i: int, kind_at: int) -> tuple | None:
    """Return the signers of an agreement whose noun is at kind_at, the words before the noun
    that say its topic ("a free trade agreement"), and where its topic may follow."""
    doc = reading.doc.text
    s = reading.sentences[i]
    for g in d.groups(reading, i, PARTY, s.start, kind_at):
        signed = SIGNED.match(doc, g.end)
        if not signed or signed.end() != kind_at or d.is_object(reading, g.start):
            continue
        after = KIND.match(doc, kind_at).end()
        if len(g.entities) >= 2:
            return g.entities, signed["pre"].strip(), after
        w = WITH.match(doc, after)
        other = w and [x for x in d.groups(reading, i, PARTY, w.end()) if x.start == w.end()]
        if other and len(other[0].entities) == 1 and other[0].entities[0] != g.entities[0]:
            return (g.entities[0], other[0].entities[0]), signed["pre"].strip(), other[0].end
    return None


def _between(reading, i: int, after: int) -> tuple | None:
    """Return the parties named in "(signed) between A and B" right after the noun."""
    m = BETWEEN.match(reading.doc.text, after)
    if m:
        found = [g for g in d.groups(reading, i, PARTY, m.end()) if g.start == m.end()]
        if found and len(found[0].entities) >= 2:
            return found[0].entities, found[0].end
    return None


def _in_force(reading, i: int, lo: int, hi: int):
    """Return the date a span says an agreement came into force, or None."""
    doc = reading.doc.text
    for m in IN_FORCE.finditer(doc, lo, hi):
        when = [x for x in d.dates(reading, i, m.end(), hi) if x.value and x.start == m.end()]
        if when:
            return when[0]
    return None


def agreements_signed(reading, i: int) -> None:
    """Read "A and B signed an agreement on X in 2005" and "the treaty between A and B"."""
    s = reading.sentences[i]
    doc = reading.doc.text
    for m in KIND.finditer(s.text):
        at, after = s.start + m.start(), s.start + m.end()
        signers = parties_of(reading, i, at)
        if signers is None:
            between = _between(reading, i, after)
            if between is None:
                continue
            signers = (*between[:1], "", between[1])
        parties, pre, topic_at = signers
        parties = [e for e in parties if e.kind in POLITY or e.cls == DKG.InternationalOrganisation]
        lo, _ = d.clause(reading, i, at)
        if len(parties) < 2 or d.hedged(reading, lo, after):
            continue
        plural = bool(PLURAL.search(m["kind"]))
        found = topics(doc[: s.end], topic_at, plural)
        if not found and pre:  # "a free trade agreement", "tax and customs agreements"
            found = _areas(pre) if plural else [pre]
        if plural and not found:
            continue  # "numerous agreements": no telling which
        _state(reading, i, m["kind"], parties, found or [None], at)


def _state(reading, i: int, noun: str, parties, found: list, at: int) -> None:
    """Assert one agreement per topic, with the dates the sentence gives."""
    cls, kind_label = kind_of(noun)
    s = reading.sentences[i]
    force = _in_force(reading, i, s.start, s.end)
    signing = {
        x.value: x
        for x in d.dates(reading, i)
        if x.value and x.relation in SIGNING_RELATIONS and (force is None or x.start != force.start)
    }
    signed = next(iter(signing.values())) if len(signing) == 1 else None
    parties = sorted(parties, key=lambda e: e.slug)
    names = d.enumeration(e.label for e in parties)
    for topic in found:
        about = topic or (signed and signed.value) or (force and force.value)
        if not about:
            continue  # neither topic nor date: nothing tells this agreement apart
        iri = identity.agreement(cls, [e.slug for e in parties], about)
        pairs = [(DKG.party, reading.facts.use(e)) for e in parties]
        pairs.append((DKG.topic, Literal(topic) if topic else None))
        pairs.append((DKG.signingDate, d.literal(signed) if signed else None))
        pairs.append((DKG.effectiveDate, d.literal(force) if force else None))
        label = f"{kind_label} between {names}" + (f" on {topic}" if topic else f" ({about})")
        # The clause that names the agreement and its parties; a date's claim reaches it.
        span = d.clause(reading, i, at)
        for k, (prop, value) in enumerate(pairs):
            when = {DKG.signingDate: signed, DKG.effectiveDate: force}.get(prop)
            if when is not None and value is not None and when.start > at:
                pairs[k] = (prop, value, (span[0], max(when.end, at)))
        reading.facts.state(iri, pairs, span, "agreement-signed", cls=cls, label=label)
        reading.memory.setdefault("agreements", []).append((i, iri, tuple(parties), label))


def last_agreement(reading, i: int):
    """Return the last agreement named before sentence i (or in it), near enough to point at."""
    for j, iri, parties, label in reversed(reading.memory.get("agreements", [])):
        if j <= i and i - j <= BACK and d.paragraph(reading, j) == d.paragraph(reading, i):
            return j, iri, parties, label
    return None


def agreement_reference(reading, i: int) -> None:
    """Read "The agreement, which came into force January 1, 2007, ..." about the last one."""
    s = reading.sentences[i]
    ref = REFERENCE.search(s.text)
    named_here = any(j == i for j, *_ in reading.memory.get("agreements", []))
    last = last_agreement(reading, i - 1) if ref and not named_here else None
    if last is None or d.hedged(reading, s.start, s.start + ref.end()):
        return
    force = _in_force(reading, i, s.start, s.end)
    if force is not None and not d.hedged(reading, s.start + ref.start(), force.end):
        span = (s.start + ref.start(), force.end)
        reading.facts.state(
            last[1], [(DKG.effectiveDate, d.literal(force))], span, "agreement-in-force"
        )
    for m in SIGNED_ON.finditer(s.text):
        when = [x for x in d.dates(reading, i) if x.value and x.start == s.start + m.end()]
        if when:
            span = (s.start + ref.start(), when[0].end)
            reading.facts.state(
                last[1], [(DKG.signingDate, d.literal(when[0]))], span, "agreement-signed-on"
            )


def quota(reading, i: int) -> None:
    """Read "the annual quota has been fixed at 750 participants" as a figure of the agreement."""
    s = reading.sentences[i]
    word = QUOTA.search(s.text)
    last = last_agreement(reading, i) if word else None
    if last is None or d.hedged(reading, s.start, s.end):
        return
    _, agreement, parties, label = last
    for amount in find_amounts(s.text):
        if amount.start < word.end() or amount.value is None or amount.currency:
            continue
        noun = UNIT.match(s.text, amount.end)
        unit = noun and singular(noun["noun"])
        named = {m.entity for m in d.mentions(reading, i, POLITY)}
        about = [e for e in parties if e in named] or list(parties)
        start = s.start + amount.start
        iri = identity.statistic(reading.doc.doc_id, start, DKG.Quota)
        pairs = [
            (DKG.measure, DKG.Quota),
            (DKG.value, Literal(amount.value, datatype=XSD.decimal)),
            (DKG.unit, Literal(unit) if unit else None),
            (DKG.qualifier, amount.qualifier),
            (DKG.figureOf, agreement),
        ] + [(DKG.about, reading.facts.use(e)) for e in about]
        what = f"{amount.value} {noun['noun']}" if noun else str(amount.value)
        reading.facts.state(
            iri,
            pairs,
            d.clause(reading, i, s.start + amount.start),
            "agreement-quota",
            cls=DKG.Statistic,
            label=f"Quota of {what} ({label})",
        )
        return


def singular(noun: str) -> str:
    """Return the singular of a counted noun: participants -> participant, people -> person."""
    if noun in ("people", "persons"):
        return "person"
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


RULES = [agreements_signed, agreement_reference, quota]
