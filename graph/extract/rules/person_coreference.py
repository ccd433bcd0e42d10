"""Tell which names of a document are one person: full name, surname, title and surname.

"Charles de Gaulle" ... "De Gaulle", "Luiz Inácio Lula da Silva" ... "President Lula",
"Fumio Kishida" ... "Mr Kishida": a shorter name is the person whose longer name holds it,
word for word and in order, when exactly one person of the document has such a name. A
surname two people share ("Thomas A. Osborn", "Thomas O. Osborn": "Osborn") names neither.
Each person is named by the longest name the document gives them.

Once the names are known, the document's other runs of name words that are a short name of
exactly one person ("Ruto was received ...", "Bachelet and Fernández signed") are that person.
A bare title that repeats a post the text gave the person with its state ("Prime Minister
Rutte" after "Prime Minister of the Netherlands Mark Rutte") is that post.
"""

import re
from dataclasses import replace

from ...reading.lexicon import FEMALE_TITLES, MALE_TITLES
from . import Reading
from .parse_paths import parse_of
from .person_constructions import as_pronoun, named_in
from .person_documents import chiefs_of_mission, founders, infobox
from .person_mentions import Named, Post, Run, merge, runs
from .person_names import PARTICLE, name_tokens

_PARTICLES = set(PARTICLE.strip("(?:)").split("|"))
_MALE = re.compile(rf"\b(?:{MALE_TITLES})\b")
_FEMALE = re.compile(rf"\b(?:{FEMALE_TITLES})\b")


def _inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Say whether a name's words stand in a longer name, in a row."""
    n = len(short)
    return n < len(long) and any(long[k : k + n] == short for k in range(len(long) - n + 1))


def _significant(tokens: tuple[str, ...]) -> bool:
    """Say whether a short name has a word of its own: not only particles or initials."""
    return any(w not in _PARTICLES and len(w) > 1 for w in tokens)


def document_people(reading: Reading) -> list[list[Named]]:
    """Return the people of each sentence, names resolved (computed once per document)."""
    if reading.memory.people_by_sentence is not None:
        return reading.memory.people_by_sentence
    found = [
        sorted(
            merge(
                named_in(reading, i)
                + infobox(reading, i)
                + chiefs_of_mission(reading, i)
                + founders(reading, i, runs(reading, i))
            ),
            key=lambda n: n.start,
        )
        for i in range(len(reading.sentences))
    ]
    for i in range(1, len(found)):
        found[i] = sorted(found[i] + as_pronoun(reading, i, found[i - 1]), key=lambda n: n.start)
    names = {name_tokens(n.written): n.written for sentence in found for n in sentence}
    full = _full_names(names)
    _add_short_mentions(reading, found, full)
    for sentence in found:
        for n in sentence:
            n.name = full.get(name_tokens(n.written), "")
    _split_by_gender(reading, found)
    for sentence in found:
        sentence[:] = [n for n in sentence if n.name]
    _inherit(found)
    _settle_posts(found)
    reading.memory.people_by_sentence = found
    return found


def _full_names(names: dict[tuple[str, ...], str]) -> dict[tuple[str, ...], str]:
    """Map each name's words to the person's full name ("" where two people may be meant).

    One name written in two orders ("Etsusaburō Shiina", "Shiina Etsusaburō": family name
    first or last) is one person's, named as first written.
    """
    first: dict[tuple[str, ...], tuple[str, ...]] = {}
    for key in names:
        first.setdefault(tuple(sorted(key)) if len(key) > 1 else key, key)
    keys = sorted(set(first.values()), key=len, reverse=True)
    full: dict[tuple[str, ...], str] = {}
    for key in keys:
        longer = [k for k in keys if _inside(key, k)]
        widest = [k for k in longer if not any(_inside(k, other) for other in longer)]
        if not longer:
            full[key] = names[key]
        elif len(widest) == 1 and _significant(key):
            full[key] = full[widest[0]]
        else:
            full[key] = ""  # "Osborn" of two Osborns, or particles alone
    for key in names:
        full[key] = full[first[tuple(sorted(key)) if len(key) > 1 else key]]
    return full


def _add_short_mentions(
    reading: Reading, found: list[list[Named]], full: dict[tuple[str, ...], str]
) -> None:
    """Add the runs that are the short name of one person: "Ruto was received by ..."."""
    people = {v for v in full.values() if v}
    shorts: dict[tuple[str, ...], str] = {}
    for person in people:
        words = name_tokens(person)
        for n in range(1, len(words)):
            for k in range(len(words) - n + 1):
                part = words[k : k + n]
                if _significant(part):
                    shorts.setdefault(part, person)
                    if shorts[part] != person:
                        shorts[part] = ""
    for i, sentence in enumerate(found):
        taken = {(n.start, n.end) for n in sentence}
        for run in runs(reading, i):
            if (run.start, run.end) in taken:
                continue
            key = name_tokens(run.text)
            named = full.get(key) or shorts.get(key)
            if named and _proper(reading, run):
                sentence.append(Named(run.start, run.end, run.text, i, "people.short-name",
                                      run.start))  # fmt: skip
                full.setdefault(key, named)
        sentence.sort(key=lambda n: n.start)


def _gender(reading: Reading, n: Named) -> str:
    """Return "m" or "f" where the words before a name say it ("Mrs", "King"), else ""."""
    words = reading.doc.text[n.lead : n.start]
    return "m" if _MALE.search(words) else "f" if _FEMALE.search(words) else ""


def _split_by_gender(reading: Reading, found: list[list[Named]]) -> None:
    """Part a short name from a person the document names otherwise as of the other sex ("Mrs
    Starmer" after "Sir Keir Starmer"): the short name then names no one."""
    by_name: dict[str, list[tuple[Named, str]]] = {}
    for n in (n for sentence in found for n in sentence):
        by_name.setdefault(n.name, []).append((n, _gender(reading, n)))
    for name, items in by_name.items():
        if len({g for _, g in items if g}) < 2:
            continue
        full = name_tokens(name)
        own = {g for n, g in items if g and name_tokens(n.written) == full}
        for n, g in items:
            if g and g not in own and name_tokens(n.written) != full:
                n.name = ""


def _proper(reading: Reading, run: Run) -> bool:
    """Say whether the parse reads a run as a proper name, not the start of a thing's name
    ("White" of "the White House" is no run of its own; "Bay of Biscay" is a place)."""
    text = reading.doc.text
    if text.startswith(" of ", run.end) and text[run.end + 4 : run.end + 5].isupper():
        return False
    span = parse_of(reading).char_span(run.start, run.end, alignment_mode="expand")
    return span is not None and all(t.pos_ == "PROPN" for t in span if t.is_alpha)


def _settle_posts(found: list[list[Named]]) -> None:
    """Give a bare title the post the document states it is: "Prime Minister Kallas" after
    "Estonia's Prime Minister, Kaja Kallas"; "President Sánchez" after "the President of the
    Government, Pedro Sánchez" (the one post of the person whose title it begins)."""
    everyone = [n for sentence in found for n in sentence]
    held: dict[str, list[Post]] = {}
    for n in everyone:
        held.setdefault(n.name, []).extend(n.posts)
    for n in everyone:
        for k, p in enumerate(n.posts):
            if p.polity is not None or p.title.body is not None:
                continue
            same = {(q.polity, q.to): q for q in held[n.name]
                    if q.title.key == p.title.key and q.polity}  # fmt: skip
            if len(same) == 1:
                stated = next(iter(same.values()))
                n.posts[k] = replace(p, polity=stated.polity, to=stated.to)
                continue
            opening = p.title.label.lower() + " "
            fuller = {(q.title.label, q.polity, q.to): q for q in held[n.name]
                      if q.title.label.lower().startswith(opening)}  # fmt: skip
            if len(fuller) == 1:
                n.posts[k] = replace(next(iter(fuller.values())), span=p.span, rule=p.rule)


def _inherit(found: list[list[Named]]) -> None:
    """Give "Ruto's predecessor, X" the one post with a state Ruto holds in the document."""
    everyone = [n for sentence in found for n in sentence]
    by_written = {name_tokens(n.written): n.name for n in everyone}
    for n in everyone:
        if not n.inherits:
            continue
        owner_text, start = n.inherits
        owner = by_written.get(name_tokens(owner_text))
        posts = {(p.title.key, p.polity): p for m in everyone if m.name == owner
                 for p in m.posts if p.polity is not None}  # fmt: skip
        if owner and len(posts) == 1:
            p = next(iter(posts.values()))
            n.posts.append(replace(p, span=(start, n.end), rule="people.predecessor"))
