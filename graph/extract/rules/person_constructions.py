"""Read which runs of name words in a sentence name people, and the posts the text gives them,
by constructions of English over the sentence's titles (person_titles.py).

A run is a person's where the text says so: a title before it ("Prime Minister X",
"Presidents X of A and Y of B"), a title in apposition ("X, Chancellor of the Federal
Republic", "the Ambassador, X", "Malaysia's Prime Minister, X", "As President, X"), a predicate
("X became the first U.S. ambassador to Norway"), "X as his envoy", an honorific ("Mr X",
"Lt. Col. X"), the relations of person_relations.py, or the recogniser's PERSON with two name
words at least and no place around it ("at X", "in X" name places).
"""

import re
from collections.abc import Sequence
from dataclasses import replace

from ...reading.clauses import Boundary, boundary_at
from ...reading.gazetteer import Entity, gazetteer
from ...reading.lexicon import SINGLE_HOLDER
from . import Reading
from . import discourse as d
from .parse_paths import parse_of
from .person_mentions import (
    Named,
    Run,
    held,
    is_subject,
    listed,
    merge,
    name_after,
    own_polity,
    run_at,
    run_ending,
    runs,
)
from .person_names import HONORIFIC, PERSON_NAME, PLAIN_HONORIFIC
from .person_relations import counterparts, first_to, respectively, successors
from .person_titles import Title, titles

_GAP_TO_NAME = re.compile(rf"[ ](?:{HONORIFIC.pattern})?")
_APPOSITION = re.compile(rf",[ ](?:{HONORIFIC.pattern})?")
# "General Security of Military Information Agreement": a thing's name, not a person's.
_OF_NAME = re.compile(r"[ ]of[ ](?:the[ ])?[A-Z]")
_LIFE = r"\d{4}[ ]?[-\u2013][ ]?\d{2,4}"
_PREDICATE = re.compile(
    rf"(?:[ ]\((?:(?P<alias>{PERSON_NAME}),[ ])?(?P<life>{_LIFE})\))?[ ]"
    r"(?:(?:thereby|later|then|subsequently|eventually|also|soon|briefly)[ ])?"
    r"(?:became|was|served[ ]as|acted[ ]as|worked[ ]as|remained"
    r"|was[ ](?:appointed|named|made|elected)(?:[ ]as)?)[ ]"
    r"(?:an?|the|one[ ]of[ ]the(?:[ ]first)?|the[ ]first)[ ]"
    r"(?P<words>(?:[\w'\u2019.-]+[ ]){0,5}?)$"
)
# "X (Y, 1861-1934)" after a name anywhere: Y is X's other name, not another person.
_OTHER_NAME = re.compile(rf"[ ]\((?P<alias>{PERSON_NAME}),[ ](?P<life>{_LIFE})\)")
_AS = re.compile(r"[ ]as[ ](?P<words>(?:[\w'\u2019.-]+[ ]){0,3}?)$")
_NOT_AS = {"well", "such", "much", "soon", "long", "far", "as"}
_OPENING_AS = re.compile(r"As[ ](?:(?:the|a|an)[ ])?")
_AFTER_AS = re.compile(r",?[ ]")
_PRONOUN = re.compile(r",?[ ](?P<he>he|she)\b")
_THEN_RESPECTIVELY = re.compile(r"[ ]respectively\b")
# Where the recogniser's PERSON alone is not enough: a verb's object is as often a thing.
_THING_ROLES = {"dobj", "dative", "iobj"}
# A PERSON of the recogniser right after these words is a place: "at Rashtrapati Bhavan".
_PLACE_BEFORE = re.compile(
    r"\b(?:at|in|on|over|near|to|from|into|across|via|of|outside|inside|towards?)[ ](?:the[ ])?$",
    re.I,
)
_PRESIDED = re.compile(
    r"(?P<body>(?:the[ ])?[A-Z][\w'\u2019-]*(?:[ ](?:of[ ]the[ ]|of[ ]|for[ ]|and[ ])?"
    r"[A-Z][\w'\u2019-]*)*),[ ](?:presided[ ]over|chaired|led|headed|directed)[ ]by[ ]$"
)


def _seat(places: Sequence[Entity]) -> Entity | None:
    """Return the state an envoy is sent to from where they sit: a state, or a city's state."""
    if len(places) != 1:
        return None
    place = places[0]
    if place.kind != "city":
        return place
    return gazetteer().state(place.country) if place.country else None


def _titled(reading: Reading, i: int, t: Title, found: list[Run]) -> list[Named]:
    """Read "Prime Minister X", "King X of Norway", "Presidents X of A and Y of B"."""
    if not t.capital and not (t.plural and t.det == "the"):
        return []
    gap = name_after(reading, found, t.end, _GAP_TO_NAME)
    if gap is None:
        return []
    if not t.plural:
        run = gap[0]
        polity, end = own_polity(reading, i, run.end)
        post = held(t, (t.lead, max(end, run.end)), "people.titled", polity)
        return [Named(run.start, run.end, run.text, i, "people.titled", t.lead, [post])]
    named = []
    for run, polity, end in listed(reading, i, found, gap[0].start):
        post = held(t, (t.lead, end), "people.titled-list", polity)
        named.append(Named(run.start, run.end, run.text, i, "people.titled-list", t.lead, [post]))
    return named


def _title_first(
    reading: Reading, i: int, t: Title, ts: list[Title], found: list[Run]
) -> list[Named]:
    """Read "the Ambassador, X", "Malaysia's Prime Minister, X", "the Tánaiste and Minister
    for Foreign Affairs, X", "the ministers in A and B, X and Y respectively"."""
    s, text = reading.sentences[i], reading.doc.text
    joined = [u for u in ts if u.end < t.start and text[u.end : t.det_start] == " and "][-1:]
    first = joined[0] if joined else t
    if not (first.det or first.polity or first.time or first.det_start == s.start):
        return []
    if first.det in ("a", "an"):
        return []
    gap = name_after(reading, found, t.end, _APPOSITION)
    if gap is None:
        return []
    items = listed(reading, i, found, gap[0].start) if t.plural else [(gap[0], None, gap[0].end)]
    if any(run.placed for run, _, _ in items):
        return []
    last = items[-1][2]
    respectively = _THEN_RESPECTIVELY.match(text, last)
    if not boundary_at(text, respectively.end() if respectively else last, Boundary.APPOSITION_END):
        return []
    possessed = _possessed(reading, i, t)
    if possessed is None:
        return []
    t = possessed
    named = []
    for k, (run, polity, end) in enumerate(items):
        to = None
        if t.places and ((len(t.places) == len(items) and respectively) or len(items) == 1):
            to = _seat([t.places[k]] if respectively else t.places)
        posts = [held(t, (t.lead, end), "people.apposition", polity, to)]
        posts += [held(u, (u.lead, end), "people.apposition") for u in joined]
        named.append(Named(run.start, run.end, run.text, i, "people.apposition", t.lead, posts))
    return named


def _possessed(reading: Reading, i: int, t: Title) -> Title | None:
    """Read whose post "its President" is: a body "presided over by its President", the state
    that is the clause's subject ("Morocco recalled its Ambassador"); None where unknown and
    the post would be a state's head."""
    if t.det != "its" or t.polity is not None:
        return t
    text = reading.doc.text
    body = _PRESIDED.search(text[reading.sentences[i].start : t.det_start])
    if body:
        name, lead = (
            re.sub(r"^The ", "the ", body["body"]),
            reading.sentences[i].start + body.start(),
        )
        return replace(t, body=name, label=f"{t.label} of {name}", lead=lead)
    subject = d.subject(reading, i, t.det_start)
    if subject and len(subject) == 1:
        named = [m.start for m in reading.mentions[i]
                 if m.entity == subject[0] and m.end <= t.det_start]  # fmt: skip
        return replace(t, polity=subject[0], lead=named[-1] if named else t.lead)
    return None if t.cls in SINGLE_HOLDER and t.cls.endswith(("State", "Government")) else t


def _name_first(reading: Reading, i: int, t: Title, found: list[Run]) -> list[Named]:
    """Read "X, Chancellor of the Federal Republic", "X, Argentina's Foreign Minister,",
    "X, the Norwegian ambassador to Japan", "X, now Prime Minister"."""
    text = reading.doc.text
    if t.plural or t.det in ("its", "his", "her", "their"):
        return []
    before = t.det_start if t.det else t.lead
    if text[before - 2 : before] != ", " or not boundary_at(text, t.end, Boundary.APPOSITION_END):
        return []
    run = run_ending(found, before - 2)
    if run is None or run.placed:
        return []
    post = held(t, (run.start, t.said), "people.apposition")
    return [Named(run.start, run.end, run.text, i, "people.apposition", run.start, [post])]


def _predicate(reading: Reading, i: int, t: Title, found: list[Run]) -> list[Named]:
    """Read "X became the first U.S. ambassador to Norway", "X (Y, 1520-1590) was one of the
    first Lutheran missionaries"."""
    text = reading.doc.text
    for run in found:
        if run.end >= t.start:
            break
        m = _PREDICATE.fullmatch(text, run.end, t.start)
        if not m or run.placed:
            continue
        words = m["words"].split()
        known = [x for x in reading.mentions[i] if m.start("words") <= x.start < t.start]
        qualifier = next((w for w in words if w[:1].isupper()), None) if not known else None
        post = held(t, (run.start, t.said), "people.predicate")
        alias_at = m.span("alias") if m["alias"] else None
        return [Named(run.start, run.end, run.text, i, "people.predicate", run.start, [post],
                      alias=m["alias"], life=m["life"], qualifier=qualifier,
                      alias_at=alias_at)]  # fmt: skip
    return []


def _as(reading: Reading, i: int, t: Title, found: list[Run]) -> list[Named]:
    """Read "sent X as his personal envoy", "with X as its first commissioner"."""
    text = reading.doc.text
    for run in found:
        if run.end >= t.start:
            break
        m = _AS.fullmatch(text, run.end, t.start)
        if m and not run.placed and not _NOT_AS & set(m["words"].split()):
            post = held(t, (run.start, t.said), "people.as")
            return [Named(run.start, run.end, run.text, i, "people.as", run.start, [post])]
    return []


def _as_title(reading: Reading, i: int, t: Title, found: list[Run]) -> list[Named]:
    """Read "As Prime Minister, X visited ...": X held the post."""
    s, text = reading.sentences[i], reading.doc.text
    if not _OPENING_AS.fullmatch(text, s.start, t.det_start) or t.plural:
        return []
    gap = name_after(reading, found, t.end, _AFTER_AS)
    if gap is None or gap[0].placed:
        return []
    run = gap[0]
    post = held(t, (s.start, run.end), "people.as-title")
    return [Named(run.start, run.end, run.text, i, "people.as-title", s.start, [post])]


def as_pronoun(reading: Reading, i: int, before: list[Named]) -> list[Named]:
    """Read "X was awarded ... . As President of South Africa he was ...": "he" or "she" is the
    one person the sentence before names, its subject, in the same paragraph."""
    s, text = reading.sentences[i], reading.doc.text
    people = {n.written for n in before} | set(_recognised_names(reading, i - 1))
    if i == 0 or len(people) != 1 or d.paragraph(reading, i - 1) != d.paragraph(reading, i):
        return []
    subject = [n for n in before if is_subject(reading, n)]
    for t in titles(reading, i):
        if t.plural or not _OPENING_AS.fullmatch(text, s.start, t.det_start):
            continue
        m = _PRONOUN.match(text, t.end)
        if m and subject:
            post = held(t, (s.start, m.end()), "people.as-title")
            return [Named(m.start("he"), m.end("he"), subject[0].written, i, "people.as-title",
                          s.start, [post])]  # fmt: skip
    return []


def _recognised_names(reading: Reading, i: int) -> list[str]:
    """Return the runs of sentence i the recogniser reads as people's, whatever their role."""
    s = reading.sentences[i]
    ents = [(e.start_char, e.end_char) for e in parse_of(reading).ents
            if e.label_ == "PERSON" and s.start <= e.start_char < s.end]  # fmt: skip
    return [r.text for r in runs(reading, i) if any(a < r.end and r.start < b for a, b in ents)]


def _honorifics(reading: Reading, i: int, found: list[Run]) -> list[Named]:
    """Read "Mr Kishida", "Lt. Col. Yakubu Gowon": a person, no post."""
    s, named = reading.sentences[i], []
    people = set(_recognised_names(reading, i))
    for h in HONORIFIC.finditer(s.text):
        run = run_at(found, s.start + h.end())
        if run is None or _OF_NAME.match(reading.doc.text, run.end):
            continue
        if PLAIN_HONORIFIC.search(h.group()) or run.text in people:
            start = s.start + h.start()
            named.append(Named(run.start, run.end, run.text, i, "people.honorific", start))
    return named


def _recognised(reading: Reading, i: int, found: list[Run]) -> list[Named]:
    """Read the recogniser's PERSON names of two words or more, where no place is meant."""
    s, text, named = reading.sentences[i], reading.doc.text, []
    ents = [e for e in parse_of(reading).ents if e.label_ == "PERSON"
            and s.start <= e.start_char < s.end]  # fmt: skip
    for run in found:
        if run.placed or len(re.findall(r"\b[A-Z\u00c0-\u024f][\w'\u2019-]+", run.text)) < 2:
            continue
        if not any(e.start_char < run.end and run.start < e.end_char for e in ents):
            continue
        if _PLACE_BEFORE.search(text[max(s.start, run.start - 12) : run.start]):
            continue
        span = parse_of(reading).char_span(run.start, run.end, alignment_mode="expand")
        if span is None or span.root.dep_ in _THING_ROLES:
            continue  # "you may require Acrobat Reader": objects are as often things
        named.append(Named(run.start, run.end, run.text, i, "people.recognised", run.start))
    return named


def named_in(reading: Reading, i: int) -> list[Named]:
    """Return the people sentence i names by a construction, each name once, in text order."""
    found = runs(reading, i)
    ts = titles(reading, i)
    named = []
    for t in ts:
        named += _titled(reading, i, t, found) + _title_first(reading, i, t, ts, found)
        named += _name_first(reading, i, t, found) + _predicate(reading, i, t, found)
        named += _as(reading, i, t, found) + _as_title(reading, i, t, found)
    named += _honorifics(reading, i, found) + successors(reading, i, found)
    merged = merge(named)
    merged = merge(merged + counterparts(reading, i, merged, found))
    for t in ts:
        first_to(reading, i, t, merged)
    respectively(reading, i, merged)
    _other_names(reading, merged)
    known = {(n.start, n.end) for n in merged} | {n.alias_at for n in merged if n.alias_at}
    extra = [n for n in _recognised(reading, i, found) if (n.start, n.end) not in known]
    _other_names(reading, extra)
    aliases = {n.alias_at for n in extra if n.alias_at}
    merged += [n for n in extra if (n.start, n.end) not in aliases]
    return sorted(merged, key=lambda n: n.start)


def _other_names(reading: Reading, named: list[Named]) -> None:
    """Give each person followed by "(Y, 1861-1934)" that other name and life dates."""
    text = reading.doc.text
    for n in named:
        m = _OTHER_NAME.match(text, n.end)
        if m and not n.alias:
            n.alias, n.life, n.alias_at = m["alias"], m["life"], m.span("alias")
