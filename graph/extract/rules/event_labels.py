"""Write what happened in a clause's own words: its subject, verb, objects and what it
reports, without its date, its fronted phrases or the clauses of its own below it."""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import TYPE_CHECKING

from ...reading.lexicon import RELATIVE_PRONOUNS
from ...reading.values import DateMatch
from . import predicates as pr

if TYPE_CHECKING:  # spaCy loads with the pipeline (reading/pipeline.py), not with the rules
    from spacy.tokens import Token

MAX_LABEL_WORDS = 40
CUTS = frozenset({"\u2013", "\u2014", ";", "--"})


def _order(token: Token) -> int:
    return token.i


def clause_words(verb: Token, label: bool = False) -> list[Token]:
    """Return the words of a verb's own clause: its own words and its subjectless infinitives
    (for a label, what it reports too: "protests that ...", "declared it null")."""
    found: list[Token] = []
    todo = [verb]
    while todo:
        t = todo.pop()
        found.append(t)
        for c in t.children:
            inner = c.dep_ != "conj" and (pr.infinitival(c) or (label and c.dep_ == "ccomp"))
            if not c.is_space and (not pr.opens_clause(c) or inner):
                todo.append(c)
    return sorted(found, key=_order)


def label(p: pr.Parsed, verb: Token, leave_out: Set[int]) -> str:
    """Write what happened in the clause's own words, without its date and fronted phrases."""
    words = [t for t in clause_words(verb, label=True) if t.i not in leave_out]
    subject = pr.subjects(verb)
    first = min((t.i for c in subject for t in c.subtree), default=verb.i)
    words = [t for t in words if t.i >= first]  # not what comes before: "On 3 May, ..."
    if subject and subject[0].head.i != verb.i:  # "In May 2019 Chile and Peru signed ..."
        named = (t for c in subject for t in pr.own_words(c) if t.i not in leave_out)
        words = sorted({*words, *named}, key=_order)

    if subject and subject[0].lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        antecedent = [t for t in pr.own_words(verb.head) if t.i not in leave_out]
        while antecedent and antecedent[-1].is_punct:
            antecedent.pop()
        words = antecedent + [t for t in words if t.i != subject[0].i]
    while words and (words[0].is_punct or words[0].dep_ in ("cc", "mark")):
        words.pop(0)
    # No comma beside a clause left out: "Algeria, whose ambassador ..., suspended".
    words = [t for k, t in enumerate(words) if not t.is_punct or _between_kept(words, k)]
    cut = next((k for k, t in enumerate(words) if t.text in CUTS), len(words))
    words = words[:cut]  # "visits Tokyo \u2013 the first visit since ...": an aside
    words = words[:MAX_LABEL_WORDS]
    while words and (_dangling(words) or words[-1].dep_ in ("cc", "mark", "prep", "det")):
        words.pop()
    text, last = "", None
    for t in words:
        gap = "" if last is None else (last.whitespace_ if t.i == last.i + 1 else " ")
        text += gap + t.text
        last = t
    text = text.replace(" ,", ",").replace(",,", ",")
    return text[:1].upper() + text[1:]


def _dangling(words: list[Token]) -> bool:
    """Say whether the last word is a mark with nothing to close: a comma, a quote opened
    before the label."""
    last = words[-1]
    if last.text in ('"', "\u201d", ")"):
        opening = {'"': '"', "\u201d": "\u201c", ")": "("}[last.text]
        return (
            sum(t.text == opening for t in words[:-1]) % 2 == 0
            if last.text == '"'
            else (not any(t.text == opening for t in words[:-1]))
        )
    return last.is_punct


def _between_kept(words: list[Token], k: int) -> bool:
    """Say whether words[k] stands right between the kept words around it."""
    before = k == 0 or words[k - 1].i == words[k].i - 1
    after = k + 1 == len(words) or words[k + 1].i == words[k].i + 1
    return before and after


def date_words(p: pr.Parsed, dates: list[DateMatch]) -> set[int]:
    """Return the token indices of the dates, with the words that introduce them ("on the")."""
    found: set[int] = set()
    for x in dates:
        inside = [t for t in p.tokens if x.start <= p.start(t) < x.end]
        found |= {t.i for t in inside}
        for t in inside:
            if t.head.i == t.i or x.start <= p.start(t.head) < x.end:
                continue
            found |= {c.i for c in t.children if c.dep_ in ("det", "case")}
            if t.dep_ == "pobj" and t.head.dep_ == "prep":
                found.add(t.head.i)
    return found


def phrase_words(heads: Iterable[Token], leave_out: Set[int] = frozenset()) -> str:
    """Write the words of some phrases (each without the clauses of its own), in text order."""
    found = {t.i: t for h in heads for t in pr.own_words(h) if t.i not in leave_out}
    words = sorted(found.values(), key=_order)
    text, last = "", None
    for t in words:
        gap = "" if last is None else (last.whitespace_ if t.i == last.i + 1 else " ")
        text += gap + t.text
        last = t
    return text.strip(" ,")
