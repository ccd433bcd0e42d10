"""Find how a sentence names agreements: by title or by description.

A title is a run of capitalised words that ends in an agreement noun, with what follows it
("the Treaty of Friendship, Cooperation and Consultation", "the Japan-Australia Economic
Partnership Agreement (JAEPA)", "the Treaty of Rio de Janeiro"); a description is a common
noun with what it is about ("an agreement on youth mobility", "a joint vision statement on
maritime cooperation", "the boundary treaty"). Each naming says where its words are, its kind,
its name or topic, and what the words around it add: an acronym in brackets, another name
("also known as the Belfast Agreement"), a year in brackets or after "of" ("(1957)", "of
1991"), a year or a word of novelty before it ("its 2002 Treaty", "an updated Joint
Declaration").
"""

import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace

from rdflib import URIRef

from ...reading.lexicon import (
    AGREEMENT_GENERIC,
    AGREEMENT_KINDS,
    AGREEMENT_NEW,
    AGREEMENT_NOUN,
    AGREEMENT_TITLE_NOUN,
)
from ...reading.values import DateMatch, find_dates
from ...vocab import DKG
from .agreement_topics import areas, topics

# A word of a text: (start, end, the word).
Word = tuple[int, int, str]
# modifiers(offset): the words before the noun at an offset that modify it, as Words.
Modifiers = Callable[[int], list[Word]]

WORD = re.compile(r"[\w'\u2019]+(?:[-\u2013\u2011][\w'\u2019]+)*|\S")
TITLE_NOUN = re.compile(rf"(?:{AGREEMENT_TITLE_NOUN})")
DESCRIBED = re.compile(rf"\b(?P<kind>(?i:{AGREEMENT_NOUN}))\b")
# Words that open a complement of a title: "Treaty of ...", "Agreement on ...".
CONNECTORS = {"of", "on", "for", "to", "from", "concerning", "regarding", "towards"}
# Lower-case particles of names: "Rio de Janeiro", "Pactos de Mayo".
PARTICLES = {"de", "da", "do", "dos", "das", "del", "di", "du", "des", "la", "le", "van", "von",
             "der", "den", "y", "e"}  # fmt: skip
# Capitalised words that open a sentence or a clause without being part of a name.
NOT_NAME = {"The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "His", "Her",
            "Our", "Under", "By", "In", "On", "At", "After", "Before", "With", "Through", "Since",
            "During", "For", "From", "To", "Both", "Each", "When", "While", "As", "If", "And",
            "But", "Of", "It", "Signed", "Notes", "Status", "EIF", "Also", "Then"}  # fmt: skip
DEFINITE = {"the", "this", "that", "its", "their", "his", "her", "our", "these", "those"}
INDEFINITE = {"a", "an", "another"}
ACRONYM = re.compile(r"\s*\((?P<a>[A-Z][A-Z0-9&]*(?:-[A-Z0-9&]+)*)\)")
YEAR_IN_BRACKETS = re.compile(r"\s*\((?P<y>1\d{3}|20\d\d)\)")
OF_DATE = re.compile(r"\s+of\s+")
YEAR = re.compile(r"^(?:1\d{3}|20\d\d)$")
BARE_YEAR = re.compile(r"(?:1\d{3}|20\d\d)(?!\w)")
# "X, also known as the Y", "X, officially the Y", "X (also called Y)": Y is another name of X.
ALIAS = re.compile(
    r"\s*[,(]\s*(?:also\s+(?:known\s+as|called)|officially|formally|or)\s+(?:the\s+)?$", re.I
)
# Lower-case words before a described agreement's noun that say nothing of its topic.
GENERIC_WORDS = {"bilateral", "joint", "new", "formal", "historic", "landmark", "important",
                 "first", "framework", "separate", "two", "three", "several", "numerous",
                 "many", "various", "other", "further", "cooperative", "comprehensive",
                 "final", "similar", "such", "same", "key", "major", "updated", "revised",
                 "second", "third", "amended", "renewed", "fresh"}  # fmt: skip


@dataclass
class Naming:
    """Words of a sentence that name an agreement; offsets are document offsets."""

    start: int
    end: int
    head: int  # where the agreement noun starts
    noun: str  # the agreement noun as written
    cls: URIRef | None  # None for a pronoun ("it")
    kind: str  # the kind's label: "Treaty", "Joint declaration"
    title: str | None = None  # "Treaty of Aachen"; None for a description
    topics: list[str] = field(default_factory=list)  # a description's topics
    definite: bool = False
    plural: bool = False
    new: str | None = None  # "second", "updated": another instance of one named before
    acronym: str | None = None
    aliases: list[str] = field(default_factory=list)
    date: DateMatch | None = None  # a date the naming gives: "(1957)", "of 1991", "its 2002"
    alias_of: int | None = None  # start of the naming this one is another name of
    modifier: bool = False  # its topic is the words before its noun: "the boundary treaty"

    @property
    def bare(self) -> bool:
        """Say whether the naming gives no name and no topic: "the Agreement", "a treaty"."""
        return self.title is None and not self.topics


def kind_of(noun: str) -> tuple[URIRef, str]:
    """Return (class, label) of an agreement noun: the class its kind says, the noun's name."""
    noun = noun.lower()
    if noun.startswith(("statement", "communiqu")):
        return DKG.JointDeclaration, "Joint statement"
    if noun in ("act", "charter") or noun.startswith(("protocol", "arrangement", "accord")):
        return DKG.Agreement, re.sub(r"s$", "", noun).capitalize()
    return next((cls, label) for stem, cls, label in AGREEMENT_KINDS if noun.startswith(stem))


def _words(text: str) -> list[Word]:
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def _cap(word: str) -> bool:
    return word[:1].isupper() and not word.endswith(("'s", "\u2019s")) and word not in NOT_NAME


def _run(words: list[Word], k: int) -> int:
    """Return the end index of the run of capitalised words (with particles) from k."""
    while k < len(words) and (
        _cap(words[k][2])
        or (words[k][2] in PARTICLES and k + 1 < len(words) and _cap(words[k + 1][2]))
    ):
        k += 1
    return k


def _holds_noun(words: list[Word], a: int, b: int) -> bool:
    return any(TITLE_NOUN.fullmatch(w) for _, _, w in words[a:b])


def _left(words: list[Word], h: int, places: AbstractSet[int]) -> int:
    """Return the index of the first word of a title whose noun is words[h]; places holds
    where names of places start, which "and" does not join into a title."""
    j = h
    while j > 0:
        w = words[j - 1][2]
        if _cap(w) and not YEAR.match(w):
            j -= 1
        elif (w == "of" or w in PARTICLES) and j > 1 and _cap(words[j - 2][2]):
            j -= 2  # "Japan-Republic of Korea Joint Declaration", "Points of Agreement"
        elif (
            w == "and"
            and j > 1
            and _cap(words[j - 2][2])
            and not {words[j - 2][0], words[j][0]} & places
            and (j == 2 or words[j - 3][2].lower() in DEFINITE | INDEFINITE)
        ):
            j -= 2  # "the Additional and Explanatory Protocol"
        else:
            break
    return j


def _list_end(words: list[Word], k: int) -> int | None:
    """Return where ", B, C and D" ends inside a title ("of Friendship, Cooperation and
    Consultation"), or None when it is no such list."""
    m = k
    while m < len(words) and words[m][2] == ",":
        end = _run(words, m + 1)
        if end == m + 1 or _holds_noun(words, m + 1, end):
            return None
        m = end
    if m < len(words) and words[m][2] == "and" and m > k:
        end = _run(words, m + 1)
        if end > m + 1 and not _holds_noun(words, m + 1, end):
            return end
    return None


def _right(words: list[Word], h: int) -> int:
    """Return the index after the last word of a title whose noun is words[h]."""
    k, inside = h + 1, False
    while k < len(words):
        w = words[k][2]
        m = k + 1
        if w in CONNECTORS or (w == "and" and m < len(words) and words[m][2] in CONNECTORS):
            m += 1 if w == "and" else 0
            m += 1 if m < len(words) and words[m][2] == "the" else 0
        elif w == "and" or (w == "the" and inside):
            pass
        elif w == ",":
            end = _list_end(words, k) if inside else None
            if end is None:
                break
            k = end
            continue
        else:
            break
        end = _run(words, m)
        if end == m or YEAR.match(words[m][2]) or _holds_noun(words, m, end):
            break
        k, inside = end, True
    return k


def _before(words: list[Word], j: int) -> tuple[str | None, int | None, bool, int]:
    """Return the word of novelty, the index of a year, whether a definite word stand before
    a title, and the index of the first of those words ("its 2002 Treaty", "an updated ...")."""
    new = year = None
    k = j - 1
    if k >= 0 and YEAR.match(words[k][2]):
        year, k = k, k - 1
    if k >= 0 and words[k][2].lower() in AGREEMENT_NEW | {"first"}:
        new, k = words[k][2].lower(), k - 1
    article = k >= 0 and words[k][2].lower() in DEFINITE | INDEFINITE
    definite = article and words[k][2].lower() in DEFINITE
    return new, year, definite, k if article else k + 1


def _date_after(text: str, pos: int) -> DateMatch | None:
    """Return the date a title's words go on with: "(1957)", "of 1991", "of 29 August 1825"."""
    m = YEAR_IN_BRACKETS.match(text, pos)
    if m:
        return _year(text, m.start("y"))
    m = OF_DATE.match(text, pos)
    if m:
        when = [x for x in find_dates(text[m.end() : m.end() + 40]) if x.start == 0 and x.value]
        if when:
            return replace(when[0], start=when[0].start + m.end(), end=when[0].end + m.end())
        year = BARE_YEAR.match(text, m.end())
        if year:
            return _year(text, m.end())
    return None


def _year(text: str, at: int) -> DateMatch:
    from rdflib.namespace import XSD

    return DateMatch(at, at + 4, text[at : at + 4], text[at : at + 4], XSD.gYear, DKG.PrecisionYear)


def titles(text: str, places: AbstractSet[int] = frozenset()) -> list[Naming]:
    """Return the agreements a text names by title, offsets into the text; places holds where
    the names of places start."""
    words = _words(text)
    found: list[Naming] = []
    for h, (hs, _, noun) in enumerate(words):
        if not TITLE_NOUN.fullmatch(noun) or (h + 1 < len(words) and _cap(words[h + 1][2])):
            continue  # "Treaty Series", "the North Atlantic Treaty Organization"
        j, k = _left(words, h, places), _right(words, h)
        name_words = [w for _, _, w in words[j:k]]
        if noun == "Act" and (k == h + 1 or words[h + 1][2] != "of"):
            continue  # "the Investment Promotion Centre Act": a law
        if noun in ("Statement", "Communiqu\u00e9", "Communique") and "Joint" not in name_words:
            continue
        if any(found_ for found_ in found if found_.start <= words[j][0] < found_.end):
            continue
        plural = noun.endswith("s")
        generic = all(w in AGREEMENT_GENERIC or w == noun for w in name_words)
        if generic and (plural or "and" in name_words):
            continue  # "Bilateral Treaties and Agreements": a category
        new, year, definite, lead = _before(words, j)
        start, end = words[j][0], words[k - 1][1]
        cls, kind = kind_of(noun.rstrip("s") if noun.endswith("s") else noun)
        if "Joint" in name_words and cls == DKG.JointDeclaration:
            kind = "Joint declaration"
        title = None if generic else text[start:end]
        naming = Naming(words[lead][0], end, hs, noun, cls, kind, title, definite=definite, new=new)
        if year is not None:
            naming.date = _year(text, words[year][0])
        acronym = ACRONYM.match(text, end)
        if acronym and len(acronym["a"]) >= 2:
            naming.acronym = acronym["a"]
        after = acronym.end() if acronym else end
        naming.date = _date_after(text, after) or naming.date
        alias = ALIAS.search(text[max(0, naming.start - 40) : naming.start])
        if alias and found:
            naming.alias_of = found[-1].start
            found[-1].aliases.append(naming.title or "")
        found.append(naming)
    return found


def described(text: str, taken: list[tuple[int, int]], modifiers: Modifiers) -> list[Naming]:
    """Return the agreements a text names by a common noun, outside the titles' spans.

    modifiers(offset) returns the words before the noun at offset that modify it, as
    (start, end, word): "the boundary treaty", "a free trade agreement".
    """
    found: list[Naming] = []
    words = _words(text)
    for m in DESCRIBED.finditer(text):
        if any(a <= m.start() < b for a, b in taken) or m.group()[0].isupper():
            continue  # a capitalised noun is a title's, or one of no title ("Treaty Series")
        noun = m["kind"]
        pre = modifiers(m.start())
        before = [(s, w) for s, _, w in words if s < (pre[0][0] if pre else m.start())]
        det = before[-1][1].lower() if before else ""
        lead = before[-1][0] if det in DEFINITE | INDEFINITE else pre[0][0] if pre else m.start()
        new = next((w.lower() for _, _, w in pre if w.lower() in AGREEMENT_NEW), None)
        said = [w for _, _, w in pre if w.lower() not in GENERIC_WORDS and not YEAR.match(w)]
        topic = " ".join(said)
        if noun.lower().startswith("joint"):
            cls, kind = DKG.JointDeclaration, "Joint declaration"
        else:
            cls, kind = kind_of(noun)
        plural = bool(re.search(r"(?:s|ies|da)$", noun, re.I))
        head_end = m.end()
        stated = topics(text, head_end, plural)
        naming = Naming(lead, m.end(), m.start(), noun, cls, kind, None,
                        stated or ([topic] if topic else []), definite=det in DEFINITE,
                        plural=plural, new=new, modifier=not stated and bool(topic))  # fmt: skip
        if not stated and topic and plural:
            naming.topics = areas(topic)
        found.append(naming)
    return found


def namings(
    text: str, modifiers: Modifiers, places: AbstractSet[int] = frozenset()
) -> list[Naming]:
    """Return every naming of an agreement in a text, in text order."""
    named = titles(text, places)
    found = named + described(text, [(n.start, n.end) for n in named], modifiers)
    return sorted(found, key=lambda n: n.start)


def shifted(n: Naming, by: int) -> Naming:
    """Return a naming with its offsets moved by `by` (sentence to document offsets)."""
    date = n.date and replace(n.date, start=n.date.start + by, end=n.date.end + by)
    alias_of = None if n.alias_of is None else n.alias_of + by
    return replace(n, start=n.start + by, end=n.end + by, head=n.head + by, date=date,
                   alias_of=alias_of)  # fmt: skip
