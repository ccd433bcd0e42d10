"""Know how people's names and titles are written: name words, particles, role words.

No rules here: people.py reads people with these patterns, organisation_names.py borrows the
name word. A role word names the class of the post it is ("ambassador" an envoy's post).
"""

import re

from ..gazetteer import Entity, fold
from ..lexicon import OFFICES

_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_LO = "a-z\u00df-\u00f6\u00f8-\u00ff"
# One word of a name: "Charles", "McCain", "O'Brien", "Jean-Claude", or an initial "J.".
CAP = (
    rf"(?:[{_UP}](?:['\u2019][{_UP}])?[{_LO}]+(?:[{_UP}][{_LO}]+)?(?:-[{_UP}][{_LO}]+)*"
    rf"|[{_UP}]\.)"
)
_PARTICLE = r"(?:de|van|von|da|der|den|du|del|di|dos|das|la|le|ter|zu)"
# Capitalised words with surname particles between them ("Pedro de Gante"), maybe a regnal number.
NAME = rf"{CAP}(?:[ ](?:{_PARTICLE}[ ])*{CAP})*(?:[ ](?:II|III|IV|V|VI|VII|VIII|IX|X)\b)?"
# Words that make a capitalised phrase a thing's name, not a person's: "King Baudouin
# Foundation", "Premier League", "Envoy Extraordinary", "Bombardier Transport founded".
NOT_PERSON = {
    "foundation", "institute", "university", "college", "school", "centre", "center", "hospital",
    "street", "avenue", "boulevard", "square", "park", "airport", "bridge", "road", "station",
    "prize", "award", "medal", "cup", "trophy", "hall", "building", "museum", "library", "fund",
    "trust", "group", "company", "corporation", "act", "law", "treaty", "agreement", "day",
    "island", "islands", "bay", "lake", "river", "mountains", "land", "strait", "stadium",
    "theatre", "theater", "order", "line", "class", "era", "government", "administration",
    "league", "club", "hotel", "palace", "house", "office", "council", "committee", "ministry",
    "department", "cabinet", "programme", "program", "emeritus", "extraordinary",
    "plenipotentiary", "transport", "foods", "airlines", "airways", "energy", "solutions",
    "systems", "industries", "holdings", "motors", "bank", "inc", "ltd", "association", "society",
}  # fmt: skip
# Words that open a sentence without being a first name.
NOT_FIRST = {"the", "a", "an", "in", "on", "at", "by", "since", "after", "before", "during",
             "when", "while", "then", "later", "today", "yesterday", "both", "our", "their",
             "his", "her", "its", "this", "that", "these", "those", "some", "former", "late",
             "also", "meanwhile", "moreover", "furthermore", "however", "mr", "mrs", "ms", "dr",
             "sir", "lady", "lord"}  # fmt: skip

ROLES = OFFICES
_BY_LENGTH = sorted(ROLES, key=len, reverse=True)
_BEFORE_NAME = [k for k in _BY_LENGTH if k not in ("missionary", "agent", "monarch")]
# A title written before a name: "Prime Minister", "Vice-President", "Consul General".
TITLE = "|".join("[ -]".join(w.capitalize() for w in k.split()) for k in _BEFORE_NAME)


def _noun(key: str) -> str:
    """Return the pattern of a role word in running text, singular or plural."""
    words = r"[\s-]+".join(key.split())
    return words[:-1] + "(?:y|ies)" if key.endswith("y") else words + "s?"


ROLE_NOUN = "|".join(_noun(k) for k in _BY_LENGTH)


def role_key(words: str) -> str:
    """Fold a role word as written to its key in ROLES: "Missionaries" -> "missionary"."""
    key = re.sub(r"[\s-]+", " ", words.lower())
    if key.endswith("ies"):
        return key[:-3] + "y"
    return key if key in ROLES else key.removesuffix("s")


def polity_name(entity: Entity) -> str:
    """Write a polity's name as it stands after "of": "the United States", "Belgium"."""
    label = entity.label
    if label.startswith("United ") or label.endswith("s") or "Republic" in label:
        return "the " + label
    return label


def is_thing(words: list[str]) -> bool:
    """Say whether a word of a capitalised phrase makes it a thing's name, not a person's."""
    return any(fold(w).strip(".") in NOT_PERSON for w in words)
