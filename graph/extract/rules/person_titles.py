"""Find the titles of offices in a sentence, with what the text says of whose post each is.

A title is an office word of the lexicon ("Prime Minister", "foreign ministers", "Tánaiste"),
maybe with its complement: a portfolio ("Minister of Foreign Affairs and Trade"), a state
("President of the Federative Republic of Brazil"), a body ("Speaker of Nigeria's House of
Representatives"), where an envoy goes ("minister to Norway", "ministers in Santiago and
Buenos Aires"); and the words before it that qualify it: an article or possessive ("the", "its"),
a time ("former", "then-"), an ordinal ("the first"), a state ("Kenyan", "Russia's", "US").
A state is a title's only where these words say so: never a state elsewhere in the sentence.
"""

import functools
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import NotRequired, TypedDict

from rdflib import URIRef

from ...reading.gazetteer import Entity, gazetteer
from ...reading.lexicon import (
    ACTOR_KINDS,
    CAPITALISED_OFFICES,
    COMPLEMENT_ENDS,
    OF_A_BODY,
    OF_A_PORTFOLIO,
    OFFICE_STATES,
    OFFICES,
    ORGANISATION_KINDS,
    PLACE_KINDS,
    POLITY_KINDS,
    PORTFOLIOS,
    SAME_PORTFOLIO,
    TITLE_RANKS,
    TITLE_TIMES,
)
from ...reading.mentions import Mention
from ...vocab import DKG
from . import Reading
from .parse_paths import parse_of
from .person_names import LOWER, UPPER, fold_text

_WORD = rf"[{UPPER}][{UPPER}{LOWER}'\u2019-]*"
# A portfolio or a body: capitalised words joined by "and", "&", "of (the)".
_PIECE = re.compile(rf"{_WORD}(?:[ ](?:(?:and|&|of|of[ ]the|for|on)[ ])?{_WORD})*")
_BODY = re.compile(rf"{_WORD}(?:[ ](?:(?:of|of[ ]the|for|on)[ ])?{_WORD})*")
_POLITY_FORM = re.compile(
    rf"(?:(?:{_WORD})[ ])*?(?:Republic|Kingdom|Federation|Commonwealth|Principality|Grand[ ]Duchy"
    r"|Sultanate|Emirate|Confederation|State)(?:[ ]of[ ](?:the[ ])?)?"
)
_POSSESSIVE = re.compile(r"['\u2019]s?[ ]")
_ORDINAL = r"first|second|third|fourth|fifth|last|only|new|sole"
_BEFORE = re.compile(
    rf"(?:(?<![\w-])(?P<det>[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)[ ])?"
    rf"(?:(?<![\w-])(?:{_ORDINAL})[ ])?$"
)
_RANK_BEFORE = re.compile(rf"(?<![\w-])(?P<rank>(?i:{TITLE_RANKS}))[ -]$")
_TIME_BEFORE = re.compile(rf"(?<![\w-])(?P<time>(?i:{TITLE_TIMES}))[ -]$")


@dataclass(frozen=True)
class Title:
    """A title of an office as written in a sentence, with the words that qualify it."""

    start: int  # the office words (document offsets)
    end: int  # the end of the title with its complements
    said: int  # the end of the words that say whose post it is ("of Brazil"), before "to Norway"
    lead: int  # where the words that qualify it start ("Kenyan", "former"), after an article
    det_start: int  # where the article or possessive before it starts ("the", "its")
    key: str  # the office: a key of OFFICES, or "minister of <portfolio>"
    cls: URIRef
    label: str  # "Prime Minister", "Minister for Foreign Affairs and Trade"
    plural: bool
    capital: bool  # written with a capital, as titles before names are
    det: str = ""  # "the", "its", "his" ... before it, lower case
    time: str = ""  # "former", "then", "now" ...
    polity: Entity | None = None  # whose post, as the text says
    to: Entity | None = None  # where an envoy is sent
    places: tuple[Entity, ...] = ()  # where envoys sit: "ministers in Santiago and Buenos Aires"
    body: str | None = None  # "the Assembly of the Republic"


class _After(TypedDict, total=False):
    """What follows office words: where the title ends, whose post it is, where it goes."""

    end: int
    said: int
    portfolio: tuple[str, str]  # with its preposition ("of Finance"), and alone ("Finance")
    polity: Entity
    to: Entity
    places: tuple[Entity, ...]
    body: str


class _Before(TypedDict):
    """What the words before a title say: where they start, its article, time and state."""

    lead: int
    det: str
    time: str
    polity: Entity | None
    det_start: NotRequired[int]


def _plural(key: str) -> str:
    """Return the pattern of an office key, singular or plural ("heads of state")."""
    words = key.replace("'", "['\u2019]").split()
    if len(words) > 1 and words[-1] == "general":
        # A postpositive adjective: the noun before it takes the plural ("consuls general",
        # "governors general"), and some write it on the adjective ("consul generals").
        words[-2:] = [_plural_word(words[-2]), "generals?"]
        return r"[ -]+".join(words)
    at = words.index("of") - 1 if "of" in words else len(words) - 1
    words[at] = _plural_word(words[at])
    return r"[ -]+".join(words)


def _plural_word(word: str) -> str:
    """Return the pattern of a noun, singular or plural: "envoys", "secretaries", "princesses"."""
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "(?:y|ies)"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "(?:es)?"
    return word + "s?"


@functools.cache
def _office_pattern(capitalised: bool) -> re.Pattern[str]:
    """Return the pattern of office words (on folded text): longest first, plural too."""
    keys = sorted((k for k in OFFICES if (k in CAPITALISED_OFFICES) == capitalised), key=len)
    parts = [_plural(k) for k in reversed(keys)]
    if not capitalised:
        parts.insert(0, rf"(?P<portfolio>{PORTFOLIOS})[ ]ministers?")
    return re.compile(rf"(?<![\w])(?:{'|'.join(parts)})(?![\w'\u2019])")


def _key(words: str) -> str:
    """Fold office words as written to their key: "Heads of State" -> "head of state"."""
    key = re.sub(r"[\s-]+", " ", fold_text(words)).replace("\u2019", "'")
    if key in OFFICES:
        return key
    parts = key.split(" ")
    if len(parts) > 1 and parts[-1] in ("general", "generals"):
        parts[-1] = "general"  # "consuls general", "consul generals"
        at = len(parts) - 2
    else:
        at = parts.index("of") - 1 if "of" in parts else len(parts) - 1
    head = parts[at]
    if head.endswith("ies"):
        parts[at] = head[:-3] + "y"
    elif head.endswith(("sses", "xes", "ches", "shes")):
        parts[at] = head[:-2]
    elif head not in ("affaires",):
        parts[at] = head.removesuffix("s")
    return " ".join(parts)


def _mention(
    reading: Reading, i: int, start: int, kinds: Collection[str] = POLITY_KINDS
) -> Mention | None:
    """Return the mention of sentence i starting at a document offset, of these kinds."""
    for m in reading.mentions[i]:
        if m.start == start and m.entity.kind in kinds:
            return m
    return None


def _ending(reading: Reading, i: int, end: int) -> Mention | None:
    """Return the mention of a polity or an international organisation of sentence i that ends
    at a document offset ("Kenyan", "Russia's", "UN" in "UN Secretary-General")."""
    for m in reading.mentions[i]:
        if m.end == end and m.entity.kind in ACTOR_KINDS:
            return m
    return None


def _portfolio(reading: Reading, i: int, text: str, at: int) -> tuple[str, int] | None:
    """Read a portfolio at an offset: "Foreign Affairs", "Foreign Affairs, European Union and
    Cooperation" (a list of portfolios ends with "and"); never a state's name."""
    if _mention(reading, i, at, POLITY_KINDS):
        return None
    first = _PIECE.match(text, at)
    if not first:
        return None
    end = first.end()
    if " and " not in first.group():
        # "Foreign Affairs, African Cooperation and Moroccan Expatriates, Nasser Bourita"
        rest = re.match(rf"(?:,[ ]{_PIECE.pattern})*?,?[ ]and[ ]{_WORD}(?:[ ]{_WORD})*", text[end:])
        if rest and "," in rest.group():
            end += rest.end()
    end = _before_person(reading, i, at, end)
    if end == at:
        return None
    # Never into "of Brazil": the state after a portfolio is the post's.
    while True:
        of = re.search(r"[ ]of[ ](?:the[ ])?", text[at:end])
        if not of or not _mention(reading, i, at + of.end(), POLITY_KINDS):
            break
        end = at + of.start()
    return text[at:end], end


def _before_person(reading: Reading, i: int, at: int, end: int) -> int:
    """Return where capitalised words from an offset stop before a person's name the recogniser
    reads ("Minister of Foreign Affairs Ben Bot": the portfolio is "Foreign Affairs"); where the
    word before the name ends no portfolio or body ("Minister of Trade Ng Chee Meng": the
    recogniser reads "Chee Meng"), the name's start is unsure: nothing is read (the offset)."""
    s, text = reading.sentences[i], reading.doc.text
    starts = [e.start_char for e in parse_of(reading).ents if e.label_ == "PERSON"
              and s.start <= e.start_char < s.end and at < e.start_char < end]  # fmt: skip
    if not starts:
        return end
    cut = min(starts) - 1
    last = text[at:cut].rsplit(" ", 1)[-1]
    return cut if fold_text(last) in COMPLEMENT_ENDS else at


def _complements(reading: Reading, i: int, text: str, key: str, end: int) -> _After:
    """Read what follows office words: portfolio, state, body, "to" and "in" places."""
    found: _After = {"end": end}
    of = re.match(r"[ ](of|for)[ ](?:the[ ])?", text[end:])
    if of and key in OF_A_PORTFOLIO:
        read = _portfolio(reading, i, text, end + of.end())
        if read:
            found["portfolio"] = (text[end + 1 : end + of.end()] + read[0], read[0])
            end = found["end"] = read[1]
            of = re.match(r"[ ](of)[ ](?:the[ ])?", text[end:])
    if of and of.group(1) == "of":
        at = end + of.end()
        polity = _polity_at(reading, i, text, at)
        if polity is not None:
            found["polity"], found["end"] = polity
        elif key in OF_A_BODY:
            found.update(_body(reading, i, text, at, of.group().endswith("the ")))
    found["said"] = found["end"]
    to = re.match(r"[ ]to[ ](?:the[ ])?", text[found["end"] :])
    if to and (m := _mention(reading, i, found["end"] + to.end(), ACTOR_KINDS)):
        found["to"], found["end"] = m.entity, m.end
    inn = re.match(r"[ ]in[ ](?:the[ ])?", text[found["end"] :])
    if inn:
        places: list[Entity] = []
        at = found["end"] + inn.end()
        while (m := _mention(reading, i, at, PLACE_KINDS)) and _named(text, m):
            places.append(m.entity)
            found["end"] = m.end
            joint = re.match(r",[ ](?:and[ ])?|[ ]and[ ]", text[m.end :])
            if not joint:
                break
            at = m.end + joint.end()
        if places:
            found["places"] = tuple(places)
    return found


def _polity_at(reading: Reading, i: int, text: str, at: int) -> tuple[Entity, int] | None:
    """Read a state named after "of": "Brazil", "the Federative Republic of Brazil", "the
    Portuguese Republic"; return it and where its name ends."""
    m = _mention(reading, i, at)
    if m is not None and re.match(r"['\u2019]s?[ ]", text[m.end :]):
        return None  # "of Nigeria's House of Representatives": a body of the state
    if m is not None and m.via != "demonym":
        return m.entity, m.end
    form = _POLITY_FORM.match(text, at)
    if not form:
        return None
    m = _mention(reading, i, form.end())
    if m is not None:
        return m.entity, m.end
    # "the Portuguese Republic": a demonym names the republic.
    inner = [x for x in reading.mentions[i] if at <= x.start and x.end <= form.end()]
    if len(inner) == 1 and inner[0].entity.kind == "state" and not form.group().endswith(" "):
        return inner[0].entity, form.end()
    return None


def _body(reading: Reading, i: int, text: str, at: int, the: bool) -> _After:
    """Read a body after "of": "the Assembly of the Republic", "Nigeria's House of
    Representatives", "the Federal Military Government of Nigeria", "the United Nations"."""
    org = _mention(reading, i, at, ORGANISATION_KINDS)
    if org is not None:
        return {"polity": org.entity, "end": org.end}
    found: _After = {}
    poss = re.match(rf"({_WORD}(?:[ ]{_WORD})*)['\u2019]s[ ]", text[at:])
    if poss and (owner := _mention(reading, i, at)) and owner.end == at + len(poss[1]):
        found["polity"] = owner.entity
        at += poss.end()
        the = True  # "Speaker of Nigeria's House": the Speaker of the House of Nigeria
    body = _BODY.match(text, at)
    if not body:
        return found
    words = text[at : _before_person(reading, i, at, body.end())]
    if not words:
        return found
    # "... Government of Nigeria": the state the body belongs to ends it.
    last = list(re.finditer(r"[ ]of[ ](?:the[ ])?", words))
    found["end"] = at + len(words)
    if last and (m := _mention(reading, i, at + last[-1].end())) and m.end == at + len(words):
        found["polity"], words = m.entity, words[: last[-1].start()]
    found["body"] = ("the " if the else "") + words
    return found


def _named(text: str, m: Mention) -> bool:
    """Say whether a mention names a place by its name, not within a longer name."""
    return m.via != "demonym" and not re.match(rf"[ ]{_WORD}", text[m.end :])


def _before(reading: Reading, i: int, text: str, start: int) -> _Before:
    """Read the words before a title that qualify it: time, state, ordinal, article."""
    lo = reading.sentences[i].start
    found: _Before = {"lead": start, "det": "", "time": "", "polity": None}
    time = _TIME_BEFORE.search(text, lo, start)
    if time:
        found["time"], start = time["time"].lower(), time.start()
    # "Kenyan President", "Russia's President", "US Senator", "Malaysia's Finance Minister"
    gap = re.search(r"(?:['\u2019]s?)?[ ]$", text[lo:start])
    if gap:
        m = _ending(reading, i, start - len(gap.group()))
        if m is not None and m.via != "reference":
            found["polity"], start = m.entity, m.start
            time = _TIME_BEFORE.search(text, lo, start)
            if time and not found["time"]:
                found["time"], start = time["time"].lower(), time.start()
    found["lead"] = found["det_start"] = start
    det = _BEFORE.search(text, max(lo, start - 30), start)
    if det and det.group():
        found["det"] = (det["det"] or "").lower()
        found["det_start"] = det.start()
        if not det["det"]:
            found["lead"] = det.start()  # "first Japanese prime minister"
        elif det.end("det") + 1 < start:
            found["lead"] = det.end("det") + 1
    return found


def titles(reading: Reading, i: int) -> list[Title]:
    """Return the titles of offices in sentence i, in text order (computed once per sentence)."""
    cache = reading.memory.titles
    if i in cache:
        return cache[i]
    s = reading.sentences[i]
    text = reading.doc.text
    folded = reading.memory.folded
    if folded is None:
        folded = reading.memory.folded = fold_text(text)
    matches = [
        m
        for capitalised in (True, False)
        for m in _office_pattern(capitalised).finditer(folded, s.start, s.end)
        if not capitalised or text[m.start()].isupper()
    ]
    found: list[Title] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(matches, key=lambda m: (m.start() - m.end(), m.start())):
        if all(m.end() <= a or m.start() >= b for a, b in taken):
            taken.append((m.start(), m.end()))
            found.append(_title(reading, i, m))
    found = sorted(found, key=lambda t: t.start)
    cache[i] = found
    return found


def _title(reading: Reading, i: int, m: re.Match[str]) -> Title:
    """Build a title from its office words, what follows them and what stands before them."""
    text = reading.doc.text
    written = text[m.start() : m.end()]
    if m.groupdict().get("portfolio"):
        portfolio = fold_text(m["portfolio"])
        key, cls = SAME_PORTFOLIO.get(portfolio, f"{portfolio} minister"), DKG.Role
    else:
        key = _key(written)
        cls = OFFICES[key][0]
    plural = _key(written) != re.sub(r"[\s-]+", " ", fold_text(written))
    after = _complements(reading, i, text, key, m.end())
    if "portfolio" in after:
        said, portfolio = after["portfolio"]
        folded = fold_text(portfolio)
        same = next((v for k, v in SAME_PORTFOLIO.items()
                     if re.match(rf"{k}(?:$|,| and )", folded)), None)  # fmt: skip
        key = same or f"{key} {said.split()[0].lower()} {iris_key(folded)}"
    start = m.start()
    rank = _RANK_BEFORE.search(text, reading.sentences[i].start, start)
    if rank:
        # "Deputy Foreign Minister": another post, of no finer class.
        key, cls, start = f"{rank['rank'].lower()} {key}", DKG.Role, rank.start()
    before = _before(reading, i, text, start)
    polity = before["polity"] or after.get("polity")
    if polity is None and key in OFFICE_STATES:
        polity = gazetteer().state(OFFICE_STATES[key])
    if after.get("to") is not None and key == "minister":
        cls = DKG.Envoy  # "minister to Norway": an envoy's rank, not a cabinet post
    if after.get("places") and key == "minister" and polity is not None:
        cls = DKG.Envoy  # "the United States ministers in Santiago"
    body = after.get("body")
    label = office_title(key) + (f" of {body}" if body else "")
    return Title(
        start=start,
        end=after["end"],
        said=after["said"],
        lead=before["lead"],
        det_start=before["det_start"],
        key=key,
        cls=cls,
        label=label,
        plural=plural,
        capital=text[start].isupper(),
        det=before["det"],
        time=before["time"],
        polity=polity,
        to=after.get("to"),
        places=after.get("places", ()),
        body=body,
    )


def office_title(key: str) -> str:
    """Write an office's title from its key, the same for every wording of the office: the
    lexicon's ("Tánaiste"), or its words capitalised ("Deputy Foreign Minister", "Minister of
    Finance")."""
    if key in OFFICES:
        return OFFICES[key][1]
    rank, _, rest = key.partition(" ")
    if rest in OFFICES:
        return f"{rank.capitalize()} {OFFICES[rest][1]}"
    return " ".join(w if w in ("of", "for", "and", "the") else w.capitalize() for w in key.split())


def iris_key(words: str) -> str:
    """Return a portfolio as a key: words without punctuation."""
    return " ".join(re.findall(r"\w+", words))
