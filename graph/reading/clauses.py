"""Find where a sentence's clauses part: the one splitter the rules ask for clause boundaries.

A boundary is of a kind: the construction a rule reads says which marks and words end the
clause it needs ("X has an embassy in A, while Y has one in B" parts at ", while"; a figure's
own words end at a comma or a relative pronoun). Each kind is one pattern made of the
lexicon's words; every function here takes the kind it looks for. Offsets are into the text
given (a sentence's text, or a whole document's with a sentence's span).
"""

import re
from collections.abc import Collection, Iterator
from enum import Enum

from .lexicon import CLOSING_ADVERBS, CONTRAST, RELATIVE_PRONOUNS
from .sentences import Sentence

# "which" and "who" open a relative clause; "that" opens as many noun phrases ("that year").
_RELATIVE = "|".join(sorted(RELATIVE_PRONOUNS - {"that"}))
# A semicolon, a colon, a conjunction of contrast or "when", wherever they stand, in any case.
_OPENING = rf"[;:]|\b(?:{CONTRAST}|when)\b"


class Boundary(Enum):
    """A kind of clause boundary, by the construction it parts."""

    # Where a sentence's clauses part: a semicolon, or a comma before a conjunction of contrast
    # (the break takes the conjunction with it), or "but". A full stop inside a sentence ends an
    # abbreviation ("e.g. X"), not a clause.
    BREAK = re.compile(rf";|,\s+(?:{CONTRAST})\b|\sbut\b")
    # Where a new clause may begin, for a subject to stop reaching over it (_OPENING).
    OPENING = re.compile(_OPENING, re.I)
    # Where a clause with a subject of its own may begin: an opening, or "and" before a name
    # ("... and Chile ranked 9th"); this parts a ranking from an amount.
    NEW_SUBJECT = re.compile(rf"(?i:{_OPENING})|\band\s+(?:the\s+)?[A-Z]")
    # Where a figure's own words end after it: a comma, semicolon or bracket, an "and" before
    # lower-case words (not "and the Netherlands"), a conjunction of contrast, a relative clause.
    FIGURE_END = re.compile(
        rf"[,;(]|\s+and\s+(?!the\s+[A-Z])(?=[a-z])|\s+(?:{CONTRAST}|{_RELATIVE})\b"
    )
    # ", and" after an item of a list of one: "in Paris, and Quebec maintains ...".
    AND_AFTER_COMMA = re.compile(r",\s*and\b")
    # The end of a clause right here, maybe after the adverbs that close one: "was closed (for
    # good)." The end of the text is one too.
    CLOSE = re.compile(rf"(?:\s*(?:{CLOSING_ADVERBS}))?\s*(?:[.,;)]|$)")
    # What may follow a name or a title in apposition: a comma, a stop, a dash, "and", "who",
    # the end of the text.
    APPOSITION_END = re.compile(r"\s*(?:[,.;:)\u2013\u2014]|[ ]-[ ]|[ ]and[ ]|[ ]who[ ]|$)")


def boundaries(
    text: str, kind: Boundary, lo: int = 0, hi: int | None = None
) -> Iterator[re.Match[str]]:
    """Return the boundaries of a kind within text[lo:hi], in order (offsets into text)."""
    return kind.value.finditer(text, lo, len(text) if hi is None else hi)


def parted(text: str, kind: Boundary, lo: int = 0, hi: int | None = None) -> bool:
    """Say whether a boundary of a kind stands within text[lo:hi]."""
    return kind.value.search(text, lo, len(text) if hi is None else hi) is not None


def boundary_at(text: str, at: int, kind: Boundary) -> bool:
    """Say whether a boundary of a kind opens right at an offset of the text."""
    return kind.value.match(text, at) is not None


def clause_start(text: str, at: int, kind: Boundary, lo: int = 0) -> int:
    """Return where the clause that holds an offset begins: after the last boundary within
    text[lo:at], else at lo."""
    return max([lo, *(m.end() for m in boundaries(text, kind, lo, at))])


def clause_end(text: str, at: int, kind: Boundary, hi: int | None = None,
               joins: Collection[int] = ()) -> int:  # fmt: skip
    """Return where the clause that goes on at an offset ends: at the first boundary within
    text[at:hi], else at hi (the text's end). A boundary whose first word stands at an offset
    in joins is passed over: an "and" that joins two nouns ("machinery and cars") ends nothing.
    """
    end = len(text) if hi is None else hi
    for m in boundaries(text, kind, at, end):
        if m.start() + len(m.group()) - len(m.group().lstrip()) not in joins:
            return m.start()
    return end


def clause_span(text: str, at: int, kind: Boundary = Boundary.BREAK) -> tuple[int, int]:
    """Return the span of the clause of a text that holds an offset: from the end of the last
    boundary that starts before it to the start of the first that starts at or after it."""
    lo, hi = 0, len(text)
    for m in boundaries(text, kind):
        if m.start() >= at:
            hi = m.start()
            break
        lo = m.end()
    return lo, hi


def clause_of(sentence: Sentence, at: int, kind: Boundary = Boundary.BREAK) -> tuple[int, int]:
    """Return the document span of the clause of a sentence that holds a document offset."""
    lo, hi = clause_span(sentence.text, at - sentence.start, kind)
    return sentence.start + lo, sentence.start + hi
