"""Find people by the shape of a document or of a clause: infobox envoys, lists of envoys,
founders.

"Envoy1: X" in an "A-B relations" article is A's envoy to B (Envoy2 the reverse). In a
document whose heading names a mission ("U.S. Embassy Oslo, Norway"), a list under a heading
that names envoys' ranks ("Ambassadors Extraordinary and Plenipotentiary") lists the sender's
envoys to the host. "X founded ..." says X is a person (unless the name is a thing's).
"""

import itertools
import re
from dataclasses import replace

from ...reading.gazetteer import Entity, gazetteer
from ...reading.lexicon import PLACE_KINDS
from ...reading.sentences import Sentence
from ...vocab import DKG
from . import UNREAD, Reading
from .person_mentions import Named, Post, Run
from .person_names import PERSON_NAME
from .person_titles import Title, titles

LIST_ITEM = re.compile(r"[ \t]*(?:[-*\u2022][ \t]+)?")
ITEM_NAME = re.compile(rf"(?P<name>{PERSON_NAME})(?=,|[ ]\(|$)")

INFOBOX_ENVOY = re.compile(rf"Envoy(?P<n>[12])\s*:\s*(?P<name>{PERSON_NAME})\s*")
RELATIONS_TITLE = re.compile(r"(?P<a>.+?)\s*(?:[\u2013\u2014]|\s-\s)\s*(?P<b>.+?)\s+relations")
FOUNDER = re.compile(r"[ ](?:co-)?founded[ ](?!in\b|by\b)")


def infobox(reading: Reading, i: int) -> list[Named]:
    """Read "Envoy1: X" in an "A-B relations" article: X is A's envoy to B."""
    s = reading.sentences[i]
    m = INFOBOX_ENVOY.fullmatch(s.text)
    pair = RELATIONS_TITLE.fullmatch(reading.doc.title or "")
    if not m or not pair:
        return []
    states = [gazetteer().state(pair["a"]), gazetteer().state(pair["b"])]
    if None in states:
        return []
    own, other = states if m["n"] == "1" else states[::-1]
    start, end = s.start + m.start("name"), s.start + m.end("name")
    head = s.start + m.start()
    title = Title(head, head + 6, head + 6, head, head, "envoy", DKG.Envoy, "Envoy", False, True,
                  polity=own, to=other)  # fmt: skip
    post = Post(title, own, other, (head, end), "people.infobox")
    return [Named(start, end, m["name"], i, "people.infobox", head, [post])]


def founders(reading: Reading, i: int, found: list[Run]) -> list[Named]:
    """Read "X founded ...": the founder is a person."""
    text, named = reading.doc.text, []
    for run in found:
        if FOUNDER.match(text, run.end) and " " in run.text:
            named.append(Named(run.start, run.end, run.text, i, "people.founder", run.start))
    return named


_MISSION = r"(?:[Ee]mbassy|[Mm]ission|[Ll]egation|[Hh]igh[ ][Cc]ommission)"
_SENDER_MISSION = re.compile(rf"[ ]{_MISSION}[ ](?:(?:in|to|at)[ ])?(?:the[ ])?")
_MISSION_OF = re.compile(rf"{_MISSION}[ ]of[ ](?:the[ ])?$")
_IN_HOST = re.compile(r"[ ](?:in|to|at)[ ](?:the[ ])?")
# How far into a document its heading may name the mission it is about.
HEADING_SENTENCES = 3
# Words a heading of envoys may hold beside their titles: "Envoys Extraordinary and Ministers
# Plenipotentiary", "Ambassadors Extraordinary and Plenipotentiary".
_HEADING_WORDS = {"and", "extraordinary", "plenipotentiary", "of", "mission", "the"}


def document_mission(reading: Reading) -> tuple[Entity, Entity] | None:
    """Return the sender and host of the mission a document's heading names ("U.S. Embassy
    Oslo, Norway", "Embassy of Chile in Japan"), or None."""
    if reading.memory.document_mission is not UNREAD:
        return reading.memory.document_mission
    found: tuple[Entity, Entity] | None = None
    text = reading.doc.text
    for i in range(min(HEADING_SENTENCES, len(reading.sentences))):
        ms = [m for m in reading.mentions[i] if m.entity.kind in PLACE_KINDS]
        for a, b in itertools.pairwise(ms):
            before = text[max(0, a.start - 40) : a.start]
            said = _SENDER_MISSION.fullmatch(text, a.end, b.start) or (
                _MISSION_OF.search(before) and _IN_HOST.fullmatch(text, a.end, b.start)
            )
            country = b.entity.country or ""  # a place of the gazetteer lies in a country
            host = b.entity if b.entity.kind == "state" else gazetteer().state(country)
            if said and a.entity.kind == "state" and host is not None and host != a.entity:
                found = (a.entity, host)
                break
        if found:
            break
    reading.memory.document_mission = found
    return found


def _is_line(reading: Reading, s: Sentence) -> bool:
    """Say whether a sentence is a whole line of its own (a heading, a list item)."""
    text = reading.doc.text
    line_start = text.rfind("\n", 0, s.start) + 1
    ends = text.find("\n", s.end) in (s.end, -1)
    return ends and LIST_ITEM.fullmatch(text, line_start, s.start) is not None


def _heading(reading: Reading, i: int) -> Title | None:
    """Return the envoys' title a heading line names first ("Ambassadors Extraordinary and
    Plenipotentiary": an ambassador's); None if the line is no such heading."""
    s = reading.sentences[i]
    ts = titles(reading, i)
    if not ts or not all(t.plural for t in ts) or not _is_line(reading, s):
        return None
    if ts[0].cls != DKG.Envoy and ts[0].key != "minister":
        return None
    rest: list[str] = []
    at = s.start
    for t in ts:
        rest += reading.doc.text[at : t.start].lower().split()
        at = t.end
    rest += reading.doc.text[at : s.end].lower().split()
    if any(w not in _HEADING_WORDS for w in rest):
        return None
    return ts[0]


def chiefs_of_mission(reading: Reading, i: int) -> list[Named]:
    """Read a list of envoys under a heading that names their rank, in a document about one
    mission: each is the sender's envoy to the host ("Ambassadors Extraordinary and
    Plenipotentiary" / "- Frances E. Willis, 1957-1961")."""
    s = reading.sentences[i]
    text = reading.doc.text
    line_start = text.rfind("\n", 0, s.start) + 1
    if i == 0 or not LIST_ITEM.fullmatch(text, line_start, s.start) or line_start == s.start:
        return []
    k = i - 1
    while k >= 0 and _is_line(reading, reading.sentences[k]) and _heading(reading, k) is None:
        item = reading.sentences[k]
        if text.rfind("\n", 0, item.start) + 1 == item.start:
            return []  # a line that is no list item: the list has no heading of envoys
        k -= 1
    heading = _heading(reading, k) if k >= 0 else None
    mission = document_mission(reading)
    m = ITEM_NAME.match(s.text)
    if heading is None or mission is None or not m:
        return []
    first = heading
    sender, host = mission
    start, end = s.start + m.start("name"), s.start + m.end("name")
    head = reading.sentences[k]
    title = replace(first, cls=DKG.Envoy, plural=False, polity=sender, to=host, places=())
    post = Post(title, sender, host, (head.start, end), "people.chiefs-of-mission")
    return [Named(start, end, m["name"], i, "people.chiefs-of-mission", start, [post])]
