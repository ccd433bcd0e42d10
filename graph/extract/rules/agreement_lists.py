"""Read a list of treaties: a heading that names two states and the kind of list ("Chile -
Argentina / Bilateral Treaties and Agreements"), then entries, each a paragraph that opens
with the agreement's title and gives it fields ("Signed: Santiago, 1 May 1893", "EIF: 1999",
"Notes: Comprise the General Treaty of Arbitration and ...").

The heading says who the listed agreements are between; a field says when each was signed or
came into force; an entry's notes that say it comprises other agreements give them its
parties and its signing date.
"""

import re

from spacy.tokens import Token

from ...reading.gazetteer import Entity
from ...reading.lexicon import AGREEMENT_FRAME_VERBS, STATE_KINDS
from ...reading.values import DateMatch
from . import UNREAD, Reading
from . import discourse as d
from .agreement_actors import Party, actors
from .agreement_dates import literal_year
from .parse_paths import subject, token_at

# "Chile - Argentina", "Chile and Argentina", "Chile/Argentina" alone on a line.
PAIR_LINE = re.compile(r"^\s*[^\n]+?\s*(?:[-\u2013\u2014/]|\band\b)\s*[^\n]+?\s*:?\s*$")
KIND_LINE = re.compile(
    r"\b(?:[Bb]ilateral\s+)?(?:Treaties|Agreements|Conventions|Instruments|Accords)\b"
)
FIELD = re.compile(
    r"^\s*(?P<f>Signed|Signature|Date of signature|EIF|Entry into force|In force|Effective)"
    r"\s*:\s*",
    re.I,
)
FORCE_FIELDS = {"eif", "entry into force", "in force", "effective"}
BARE_YEAR = re.compile(r"(?:1\d{3}|20\d\d)\b")
NOTES = re.compile(
    r"^\s*Notes?\s*:\s*(?:(?:It|They)\s+)?(?:comprises?|consists?\s+of|includes?)\b", re.I
)
BULLET = re.compile(r"^\s*[-*\u2022]\s+$")
# How many lines of the document's head may name the list.
HEAD_LINES = 4
# The states a list of treaties is between, and the span of its heading.
Listing = tuple[tuple[Entity, ...], tuple[int, int]]


def list_pair(reading: Reading) -> Listing | None:
    """Return the two states a list of treaties is between, and the span of its heading, or
    None when the document opens with no such heading."""
    if reading.memory.treaty_list is not UNREAD:
        return reading.memory.treaty_list
    found: Listing | None = None
    lines = range(min(HEAD_LINES, len(reading.sentences)))
    head = [k for k in lines if d.paragraph(reading, k) == 0]
    for k in head:
        s = reading.sentences[k]
        pair = PAIR_LINE.match(s.text)
        states = [m for m in d.mentions(reading, k, STATE_KINDS) if m.via == "name"]
        kind = [j for j in head if j >= k and KIND_LINE.search(reading.sentences[j].text)]
        if pair and len({m.entity for m in states}) == 2 and kind:
            end = reading.sentences[kind[0]].end
            found = (tuple(m.entity for m in states), (s.start, end))
            break
    reading.memory.treaty_list = found
    return found


def entry_of(reading: Reading, i: int) -> int | None:
    """Return the first sentence of the paragraph of sentence i when the paragraph is an entry
    of a list of treaties: it opens with a title and goes on with a field."""
    if list_pair(reading) is None:
        return None
    para = d.paragraph(reading, i)
    first = i
    while first > 0 and d.paragraph(reading, first - 1) == para:
        first -= 1
    following = [k for k in range(first + 1, min(first + 3, len(reading.sentences)))
                 if d.paragraph(reading, k) == para]  # fmt: skip
    if any(FIELD.match(reading.sentences[k].text) for k in following):
        return first
    return None


def fields(reading: Reading, first: int) -> dict[str, DateMatch]:
    """Return the dates an entry's fields give: {"signed": ..., "force": ...}."""
    found: dict[str, DateMatch] = {}
    para = d.paragraph(reading, first)
    k = first + 1
    while k < len(reading.sentences) and d.paragraph(reading, k) == para:
        s = reading.sentences[k]
        field = FIELD.match(s.text)
        if field:
            kind = "force" if field["f"].lower() in FORCE_FIELDS else "signed"
            when = [x for x in d.dates(reading, k) if x.value]
            year = BARE_YEAR.match(s.text, field.end())
            if when:
                found.setdefault(kind, when[0])
            elif year:
                found.setdefault(kind, literal_year(reading, s.start + year.start()))
        k += 1
    return found


def parts_of(reading: Reading, i: int) -> bool:
    """Say whether sentence i is an entry's note that it comprises the agreements it names."""
    return bool(NOTES.match(reading.sentences[i].text))


def _bullet(reading: Reading, i: int) -> bool:
    """Say whether sentence i is an item of a bulleted list ("- the Treaty of ...")."""
    text = reading.doc.text
    start = reading.sentences[i].start
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return bool(BULLET.match(line))


def bullet_parties(reading: Reading, i: int) -> list[Party]:
    """Return the parties of the agreements of a bulleted item: those of the sentence that
    opens the list with a colon, when it says whose framework the list is ("They build on a
    legal framework that includes:", "The relationship rests on:")."""
    if not _bullet(reading, i):
        return []
    k = i - 1
    while k >= 0 and _bullet(reading, k):
        k -= 1
    if k < 0 or not reading.sentences[k].text.rstrip().endswith(":"):
        return []
    cache = reading.memory.list_intros
    if k not in cache:
        cache[k] = _intro_parties(reading, k)
    return cache[k]


def _intro_parties(reading: Reading, k: int) -> list[Party]:
    first: Token | None = token_at(reading, reading.sentences[k].start)
    root = first.sent.root if first is not None else None
    if root is None or root.lemma_ not in AGREEMENT_FRAME_VERBS:
        return []
    subj: Token | None = subject(root)
    if subj is None:
        return []
    if subj.lower_ in ("they", "these", "both") and k > 0:
        prev = reading.sentences[k - 1]
        first = token_at(reading, prev.start)
        subj = subject(first.sent.root) if first is not None else None
        return actors(reading, k - 1, subj) if subj is not None else []
    return actors(reading, k, subj)
