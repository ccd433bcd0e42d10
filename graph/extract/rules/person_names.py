"""Know how people's names are written: name words, particles, honorifics; fold them to compare.

No rules here: the people modules read people with these patterns, organisation_names.py
borrows the name word (CAP). Names are written in any Latin script ("Keizō Obuchi", "Lee
Tong-won", "Willem-Alexander", "Abdel Fattah al-Burhan"); titles are person_titles.py's.
"""

import functools
import re
import unicodedata
from collections.abc import Callable

from ...reading.gazetteer import Entity, fold
from ...reading.lexicon import HONORIFICS

_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_LO = "a-z\u00df-\u00f6\u00f8-\u00ff"
# One word of a name: "Charles", "McCain", "O'Brien", "Jean-Claude", or an initial "J.".
CAP = (
    rf"(?:[{_UP}](?:['\u2019][{_UP}])?[{_LO}]+(?:[{_UP}][{_LO}]+)?(?:-[{_UP}][{_LO}]+)*"
    rf"|[{_UP}]\.)"
)


def _letters(test: Callable[[str], bool]) -> str:
    """Return the letters of the Latin, Greek and Cyrillic blocks that pass a test, as a class."""
    blocks = [range(0xC0, 0x530), range(0x1E00, 0x1F00)]
    return "".join(c for block in blocks for c in map(chr, block) if test(c))


UPPER = "A-Z" + _letters(str.isupper)
LOWER = "a-z" + _letters(str.islower)
# One word of a name in any Latin script: "Keizō", "Tong-won", "Willem-Alexander", "D.".
NAME_WORD = (
    rf"(?!(?:Jr|Sr)\.?(?![\w-]))(?:(?:al|el|ad|ash|at|az|ul)-)?"
    rf"(?:[{UPPER}](?:['\u2019][{UPPER}])?[{LOWER}]+(?:[{UPPER}][{LOWER}]+)?"
    rf"(?:-[{UPPER}{LOWER}][{LOWER}]+)*|[{UPPER}]\.)"
)
PARTICLE = r"(?:de|del|della|di|da|das|do|dos|du|van|von|der|den|ter|ten|zu|la|le|bin|binti|ibn)"
REGNAL = r"(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)"
# A full name: name words with particles between them, then maybe a regnal number or "Jr.".
PERSON_NAME = (
    rf"(?:{PARTICLE}[ ])*{NAME_WORD}(?:[ ](?:{PARTICLE}[ ])*{NAME_WORD})*"
    rf"(?:[ ]{REGNAL}(?![\w-]))?(?:,?[ ](?:Jr|Sr)\.?(?![\w-]))?"
)
PERSON_NAME_AT = re.compile(PERSON_NAME)
# "Mr", "Lt. Col.", "Cardinal": words that mark a person without naming a post.
HONORIFIC = re.compile(rf"(?<![\w-])(?:(?:{HONORIFICS})\.?[ ])+")
# Honorifics that are no other word: after the others ("General", "Father", "Saint") a name
# is a person's only where the recogniser reads one ("General Electric" is a firm).
PLAIN_HONORIFIC = re.compile(r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame)\.?|[A-Z][a-z]{1,4}\.)[ ]$")

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
    "railway", "railways", "summit", "conference", "forum", "declaration", "convention",
    "accord", "pact", "protocol", "war", "battle", "channel", "canal", "zone", "port", "church",
    "cathedral", "temple", "mosque", "monastery", "embassy", "consulate", "commission", "court",
    "parliament", "assembly", "congress", "senate", "party", "union", "republic", "kingdom",
    "empire", "federation", "state", "states", "region", "province", "district", "county",
}  # fmt: skip
# Words that open a sentence without being a first name.
NOT_FIRST = {"the", "a", "an", "in", "on", "at", "by", "since", "after", "before", "during",
             "when", "while", "then", "later", "today", "yesterday", "both", "our", "their",
             "his", "her", "its", "this", "that", "these", "those", "some", "former", "late",
             "also", "meanwhile", "moreover", "furthermore", "however", "mr", "mrs", "ms", "dr",
             "sir", "lady", "lord"}  # fmt: skip


def polity_name(entity: Entity) -> str:
    """Write a polity's name as it stands after "of": "the United States", "Belgium"."""
    label = entity.label
    if label.startswith("United ") or label.endswith("s") or "Republic" in label:
        return "the " + label
    return label


def is_thing(words: list[str]) -> bool:
    """Say whether a word of a capitalised phrase makes it a thing's name, not a person's."""
    return any(fold(w).strip(".") in NOT_PERSON for w in words)


@functools.lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    """Fold one character to one: no accent, lower case ("É" -> "e"); others stay."""
    base = unicodedata.normalize("NFKD", c)[0].lower()
    return base if len(base) == 1 else c


def fold_text(text: str) -> str:
    """Fold a text character by character, keeping its length (offsets stay valid)."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(c) if ord(c) > 127 else c.lower() for c in text)


def name_tokens(name: str) -> tuple[str, ...]:
    """Fold a name to the words that tell it apart: "Mr. De Gaulle" -> ("de", "gaulle")."""
    words = fold_text(name).replace(".", " ").replace(",", " ").split()
    return tuple(w for w in words if w not in ("jr", "sr"))
