"""Recognise organisations by the shape of their names, and say what kind each one is.

"University of X", "Universit\u00e9 de X", "X University" (university); "X Research Centre",
"Centre for X Studies", or "X, a ... centre" (research centre); "Soci\u00e9t\u00e9 ...",
"X Association", "X Club" (association); "X Dragoons", "X Expeditionary Force" (military unit);
"X Inc.", "X Foods", or a list after a sentence about companies (company); a region's
acronym in brackets, "Flanders (FIT)", or "X Export" (government agency). International
organisations of the gazetteer are not named again here.
"""

import re
from dataclasses import dataclass

from rdflib import URIRef

from ...reading.gazetteer import Entity, gazetteer
from ...reading.lexicon import SUBDIVISION_KINDS
from ...vocab import DKG
from . import Reading
from .person_names import CAP, NOT_FIRST

_ACR = r"[A-Z]{2,8}"
_WORD = rf"(?:{CAP}|{_ACR}|\d+(?:st|nd|rd|th))"
_BRACKET = rf"(?:[ ]\((?P<acr>{_ACR})\))?"
_FRENCH = r"(?:de|du|des|d['\u2019]|la|le|van|von|di|del|degli)"
_OF_NAME = rf"[ ]of[ ](?:the[ ])?{CAP}(?:[ ](?:and[ ])?{CAP})*"
_UNIVERSIT = r"Universi(?:t\u00e9|te|t\u00e4t|tat|teit|dad|dade|t\u00e0)"
UNIVERSITY = re.compile(
    rf"(?P<name>{_UNIVERSIT}[ ](?:(?:{_FRENCH}|[Ll]ibre|[Cc]atholique|[Ll]ibera)[ ]?)*{CAP}"
    rf"(?:[ -]{CAP})*|(?:{CAP}[ ]){{1,3}}University(?:{_OF_NAME})?|University{_OF_NAME})"
    rf"{_BRACKET}"
)
_CENTRE = r"(?:Centre|Center|Institute|Laboratory|Laboratories)"
# "Metallurgy Research Centre", "Centre for Mexican Studies", not "Centre of the University".
CENTRE = re.compile(
    rf"(?P<name>(?:{_WORD}[ ]){{0,5}}{_CENTRE}(?:[ ](?:for|of)[ ](?:the[ ])?(?!Universi){CAP}"
    rf"(?:[ ](?:and[ ]|&[ ])?{CAP})*)?){_BRACKET}"
)
# "IMEC, a microelectronics centre affiliated with": a centre named by its description.
DESCRIBED_CENTRE = re.compile(
    rf"(?<![\w-])(?P<name>{_ACR}|{CAP}(?:[ ]{CAP}){{0,4}}),[ ]an?[ ](?:[\w-]+[ ]){{0,3}}?"
    r"(?:centre|center|institute|laboratory|lab)(?=[ ](?:affiliated[ ]with|at|of|part[ ]of)[ ])"
)
RESEARCH_WORDS = {"research", "studies", "study", "science", "sciences", "technology",
                  "technologies", "innovation"}  # fmt: skip
# Romance names go on in lower case: "Soci\u00e9t\u00e9 belge de bienfaisance".
_ROMANCE_BODY = (
    r"Soci\u00e9t\u00e9|Sociedade?|Societ\u00e0|Asociaci\u00f3n|Associa\u00e7\u00e3o|Cercle"
    r"|F\u00e9d\u00e9ration|Chambre|Amicale"
)
ASSOCIATION = re.compile(
    rf"(?P<name>(?:{_ROMANCE_BODY})(?:[ ](?:{_FRENCH}|[a-z\u00e0-\u00ff-]+|{CAP}))*[ ]"
    rf"(?:{CAP}|[a-z\u00e0-\u00ff-]{{3,}})|(?:Association|Society|Vereniging|Federation)[ ]"
    rf"(?:(?:of|for|{_FRENCH})[ ])?{CAP}(?:[ -](?:(?:of|for|and|{_FRENCH})[ ])?{CAP})*"
    rf"|(?:{CAP}[ ]){{1,4}}(?:Association|Society|Federation|Club|Chamber[ ]of[ ]Commerce))"
)
# English words that end a French name: "la Soci\u00e9t\u00e9 belge de bienfaisance was".
ENGLISH_BREAK = re.compile(
    r"[ ](?:was|were|is|are|has|had|have|in|on|at|by|which|that|who|with|to|from|and|or|but"
    r"|the|an?|as|its|their|since|until|after|before|also|been|will|would|merged|founded)\b.*"
)
_UNIT = (
    r"(?:Forces?|Army|Navy|Regiment|Dragoons|Hussars|Lancers|Brigade|Battalion|Fusiliers|Rifles"
    r"|Guards|Highlanders|Squadron|Fleet)"
)
MILITARY_UNIT = re.compile(rf"(?P<name>(?:{_WORD}[ ]){{1,5}}{_UNIT})\b")
COMPANY = re.compile(
    rf"(?P<name>(?:(?:{CAP}|{_ACR}|&)[ ]){{1,4}}(?:Inc\.|Ltd\.|Limited|Corp\.|Corporation|plc"
    r"|S\.A\.|N\.V\.|AG|GmbH|LLC|Airlines|Airways|Foods|Holdings|Industries|Motors"
    r"|Pharmaceuticals)(?![\w-]))"
)
AGENCY_NAME = re.compile(
    rf"(?P<name>(?:{CAP}[ ]){{1,2}}(?:Export|Invest|Investment[ ](?:&|and)[ ]Trade))(?![\w-])"
)
AGENCY_BRACKET = re.compile(rf"[ ]\((?P<acr>{_ACR})\)")
COMPANY_NOUN = re.compile(r"(?i:\b(?:compan(?:y|ies)|subsidiar(?:y|ies)|firms?|corporations?"
                          r"|multinationals?|enterprises?|businesses|manufacturers?|producers?"
                          r"|(?:car)?makers?)\b)")  # fmt: skip
# "The best-known are A and B", "companies such as A, B and C".
LIST_INTRO = re.compile(
    r"(?i:\b(?:(?:best|well)[- ]known|largest|biggest|most[ ]important|main|leading|major"
    r"|notable)(?:[ ]ones|[ ]of[ ]them)?[ ](?:are|include)|such[ ]as|including|notably)[ ]"
)
LIST_ITEM = re.compile(rf"(?:{CAP}|{_ACR}|&)(?:[ ](?:{CAP}|{_ACR}|&))*")
LIST_SEP = re.compile(r",[ ](?:and[ ])?|[ ]and[ ]")
# Words between a centre and the body it belongs to: "at the", "part of".
PART_OF = re.compile(r"[ ](?:at|of|part[ ]of)[ ](?:the[ ])?")
HAS = re.compile(r"[ ](?P<verb>has|had|hosts|houses|established|created|opened|set[ ]up)"
                 r"[ ](?:an?[ ]|its[ ]own[ ]|its[ ])?")  # fmt: skip
# A centre that a university "has": "the University of Antwerp has a Centre for ...".
HAS_BEFORE = re.compile(r"University[^,;]*?" + HAS.pattern + r"$")


@dataclass(frozen=True)
class Org:
    """An organisation's name in a sentence, with the kind its name gives."""

    name: str
    start: int
    end: int  # after the bracketed acronym, if any
    cls: URIRef
    acronym: str | None = None
    region: Entity | None = None  # the polity an agency named by its acronym belongs to
    region_at: int | None = None  # where that polity is named, just before the acronym


def _trim(name: str, start: int) -> tuple[str, int]:
    """Drop opening words that belong to the sentence, not the name: "The North ..."."""
    words = name.split(" ")
    while len(words) > 1 and words[0].lower() in NOT_FIRST:
        start += len(words.pop(0)) + 1
    return " ".join(words), start


def names(reading: Reading, i: int) -> list[Org]:
    """Return the organisation names of sentence i; of overlapping names, the longest."""
    s, gaz = reading.sentences[i], gazetteer()
    text = s.text
    bodies = [(m.start - s.start, m.end - s.start) for m in reading.mentions[i]
              if m.entity.kind == "organisation"]  # fmt: skip
    found: list[Org] = []

    def add(m: re.Match[str], cls: URIRef, name: str | None = None) -> None:
        # A name cut short ("... bienfaisance" of "... bienfaisance was established") ends early.
        end = m.end() if name is None else m.start("name") + len(name)
        name, start = _trim(name or m["name"], m.start("name"))
        if " " not in name and m.re is not DESCRIBED_CENTRE:
            return  # "the Society": a kind, not a name
        if any(a < end and start < b for a, b in bodies):
            return  # an international organisation of the gazetteer
        acronym = m.groupdict().get("acr")
        found.append(Org(name, s.start + start, s.start + end, cls, acronym))

    for m in UNIVERSITY.finditer(text):
        add(m, DKG.University)
    for m in CENTRE.finditer(text):
        words = {w.lower() for w in m["name"].split()}
        if len(words - {"the"}) < 2:
            continue  # "the Centre" alone names nothing
        part = PART_OF.match(text, m.end())
        linked = part and UNIVERSITY.match(text, part.end())
        if words & RESEARCH_WORDS or linked or HAS_BEFORE.search(text, 0, m.start()):
            add(m, DKG.ResearchCentre)
    for m in DESCRIBED_CENTRE.finditer(text):
        add(m, DKG.ResearchCentre)
    for m in ASSOCIATION.finditer(text):
        name = ENGLISH_BREAK.sub("", m["name"])
        if " " in name:
            add(m, DKG.Association, name)
    for m in MILITARY_UNIT.finditer(text):
        if not re.search(r"\b(?:Task|Labour|Labor|Work)[ ]Force", m["name"]):
            add(m, DKG.MilitaryUnit)
    for m in COMPANY.finditer(text):
        add(m, DKG.Company)
    for m in AGENCY_NAME.finditer(text):
        if gaz.lookup(m["name"].split()[0], reading.context.isos()):
            add(m, DKG.GovernmentAgency)
    found += _listed_companies(reading, i)
    found += _agencies(reading, i)
    kept: list[Org] = []
    for org in sorted(found, key=lambda o: (o.start, o.start - o.end)):
        if all(org.end <= k.start or org.start >= k.end for k in kept):
            kept.append(org)
    return kept


def _listed_companies(reading: Reading, i: int) -> list[Org]:
    """Read "The best-known are A and B" after a sentence about companies: each a company."""
    s = reading.sentences[i]
    intro = LIST_INTRO.search(s.text)
    previous = reading.sentences[i - 1].text if i > 0 else ""
    if not intro or not (COMPANY_NOUN.search(s.text, 0, intro.start()) or (
            intro.start() < 25 and COMPANY_NOUN.search(previous))):  # fmt: skip
        return []
    found: list[Org] = []
    pos = intro.end()
    while item := LIST_ITEM.match(s.text, pos):
        start, end = s.start + item.start(), s.start + item.end()
        if any(m.start < end and start < m.end for m in reading.mentions[i]):
            return []  # "such as Chile and Peru": places, not firms
        found.append(Org(item.group(), start, end, DKG.Company))
        sep = LIST_SEP.match(s.text, item.end())
        if not sep:
            break
        pos = sep.end()
    return found


def _agencies(reading: Reading, i: int) -> list[Org]:
    """Read "Flanders (FIT)": a polity with an acronym that is not its own names its agency."""
    found: list[Org] = []
    for m in reading.mentions[i]:
        bracket = AGENCY_BRACKET.match(reading.doc.text, m.end)
        if m.entity.kind not in SUBDIVISION_KINDS or not bracket:
            continue
        acronym = bracket["acr"]
        if gazetteer().lookup(acronym) or _abbreviates(acronym, m.text):
            continue  # "Quebec (QC)", "Bavaria (BY)": the place's own short name
        found.append(Org(acronym, bracket.start("acr"), bracket.end("acr"),
                         DKG.GovernmentAgency, None, m.entity, m.start))  # fmt: skip
    return found


def _abbreviates(acronym: str, name: str) -> bool:
    """Say whether the letters of an acronym stand in a name in order, from its first letter."""
    rest = name.lower()
    if not rest.startswith(acronym[0].lower()):
        return False
    for letter in acronym.lower():
        at = rest.find(letter)
        if at < 0:
            return False
        rest = rest[at + 1 :]
    return True
