"""Read the names of organisations the reference data lacks, from the recogniser and the words.

A name the pipeline's recogniser tags as an organisation, or capitalised words ending in the
head noun of a body's name ("the British-Irish Council"), becomes an organisation read from
the document, unless a gazetteer mention already covers those words. An acronym in brackets
after it ("(CPLP)") is its short name, and the acronym alone later in the document names it
too. Such an organisation is an international one when its name says so (its head noun is a
body's, or it speaks of nations, countries or states), else an organisation of no finer kind.
"""

import re
from typing import TYPE_CHECKING

from ..iris import slugify
from ..vocab import DKG
from .gazetteer import Entity
from .lexicon import AGREEMENT_NOUN, INTERNATIONAL_HEADS, INTERNATIONAL_WORDS, MISSION_TYPES
from .mentions import Mention

if TYPE_CHECKING:  # spaCy loads only with the pipeline (pipeline.py), when a text is parsed
    from spacy.tokens import Doc

ARTICLE = re.compile(r"^(?:the|The)\s+")
HEADS = INTERNATIONAL_HEADS.split("|")
ACRONYM_AFTER = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z]{1,9})\)")
# Capitalised words (hyphens and slashes within: "British-Irish", "North/South") ending in a
# body's head noun.
HEADED = re.compile(
    rf"\b(?:[A-Z][\w'\u2019./-]*\s+){{0,6}}?(?:[A-Z][\w'\u2019./-]*[ -])(?:{INTERNATIONAL_HEADS})\b"
)
INTERNATIONAL = re.compile(rf"\b(?:{INTERNATIONAL_HEADS}|{INTERNATIONAL_WORDS})\b|^[A-Z]{{2,}}\w*$")
# Words that end names other rules read: missions, agreements.
NOT_A_BODY = re.compile(
    "|".join(rf"(?:{p})" for _, p in MISSION_TYPES) + rf"|{AGREEMENT_NOUN}|Embassy|Declaration",
    re.I,
)


# The words before a name that make it part of an agreement's title: "the Treaty on Franco-German
# Cooperation", "the Agreement on the European Economic Area".
IN_A_TITLE = re.compile(
    rf"\b(?:{AGREEMENT_NOUN}|Declaration|Protocol|Charter)\s+(?:on|of|for|concerning|between)"
    r"\s+(?:the\s+)?$",
    re.I,
)


def _entity(name: str, start: int, end: int, acronym: str | None) -> Entity:
    cls = DKG.InternationalOrganisation if INTERNATIONAL.search(name) else DKG.Organisation
    return Entity("organisation", slugify(name), name, cls, phrase=(start, end), acronym=acronym)


def _free(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return all(end <= a or start >= b for a, b in taken)


def without_covered(mentions: list[Mention], bodies: list[Mention]) -> list[Mention]:
    """Return the mentions that no recognised organisation's name covers."""
    return [m for m in mentions
            if not any(b.start <= m.start and m.end <= b.end for b in bodies)]  # fmt: skip


def organisation_names(
    text: str,
    parsed: "Doc | None",
    lo: int,
    hi: int,
    mentions: list[Mention],
    known: dict[str, Entity],
) -> list[Mention]:
    """Return mentions of the organisations named in text[lo:hi] that no mention covers.

    known maps acronyms (and names) already read in the document to their entity; it grows
    with what this sentence names, so that a later acronym alone names the same body.
    """
    # A people's name inside a capitalised name is part of it: "the British-Irish Council".
    demonyms = [(m.start, m.end) for m in mentions if m.via == "demonym"]
    # A body's head noun is no town: "the British-Irish Council", not Council, Idaho.
    heads = [m for m in mentions if m.entity.kind == "city" and m.text in HEADS]
    taken = [(m.start, m.end) for m in mentions if m.via != "demonym" and m not in heads]
    spans: list[tuple[int, int]] = []
    if parsed is not None:
        span = parsed.char_span(lo, hi, alignment_mode="expand")
        spans += [(e.start_char, e.end_char) for e in (span.ents if span is not None else ())
                  if e.label_ == "ORG"]  # fmt: skip
    spans += [m.span() for m in HEADED.finditer(text, lo, hi)]
    found: list[Mention] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if article := ARTICLE.match(text[start:end]):
            start += article.end()
        name = " ".join(text[start:end].split())
        if (
            not name[:1].isupper()
            or NOT_A_BODY.search(name)
            or IN_A_TITLE.search(text, max(lo, start - 40), start)
            or not _free(start, end, taken)
            or name.lower() in ("the", "government")
        ):
            continue
        if any(start < b and a < end and not (start <= a and b <= end) for a, b in demonyms):
            continue  # a people's name half inside: not one name
        if not any(text[end - len(h) : end] == h for h in HEADS) and any(
            start <= a and b <= end for a, b in demonyms
        ):
            continue  # "the Irish Government": a people's body, not an organisation's name
        acronym = ACRONYM_AFTER.match(text, end)
        entity = known.get(name) or _entity(
            name, start, acronym.end() if acronym else end, acronym and acronym["acr"]
        )
        known.setdefault(name, entity)
        if acronym:
            known.setdefault(acronym["acr"], entity)
        found.append(Mention(start, end, text[start:end], entity, "recognised"))
        taken.append((start, acronym.end() if acronym else end))
    # An acronym (or a one-word name) alone names the body it stood for before.
    for word, entity in known.items():
        if not re.fullmatch(r"[A-Z][A-Za-z]+", word):
            continue
        for m in re.finditer(rf"\b{re.escape(word)}\b", text[lo:hi]):
            start, end = lo + m.start(), lo + m.end()
            if _free(start, end, taken):
                found.append(Mention(start, end, word, entity, "acronym"))
                taken.append((start, end))
    return sorted(found, key=lambda m: (m.start, m.end))
