"""Say when an agreement was signed and when it came into force, from the parse of a sentence.

A date belongs to the verb it hangs from: "was signed in Canberra on 8 July 2014 and entered
into force on 15 January 2015" gives one date to each verb. A date that opens the sentence
("On 22 January 2019, ...", "1998-10-08 - ...", the date at the head of a timeline entry)
holds for its verbs that give none; so does the date of a clause for "where" and "when" in
it ("visited Perth on 22 October 2022, where the two leaders signed ..."). "Today" in a dated
document is its date, "2 July of the same year" takes the year last stated, "the same day"
the day last stated, "of the following year" the year after it.
"""

import re
from dataclasses import replace

from rdflib.namespace import XSD
from spacy.tokens import Token

from ...reading.lexicon import AGREEMENT_SIGN_VERBS, AGREEMENT_SIGNING_NOUNS
from ...reading.values import DateMatch
from ...vocab import DKG
from . import Reading
from . import discourse as d
from .parse_paths import clauses_of, conjuncts, stand_in, token_at

FORCE_NOUNS = {"force", "effect", "operation"}
OPENING = re.compile(r"^\s*(?:(?:on|in|by|from)\s+)?$", re.I)
ENTRY_DASH = re.compile(r"\s*[\u2013\u2014-]\s+")
YEAR_HEAD = re.compile(r"^\s*(?P<y>1\d{3}|20\d\d)\s*[\u2013\u2014-]\s+")
SAME_YEAR = re.compile(
    r"\s+of\s+(?:the\s+same|that|(?P<next>the\s+(?:following|next)))\s+year\b", re.I
)
SAME_DAY = re.compile(r"\b(?:on\s+)?the\s+same\s+day\b", re.I)
TODAY = re.compile(r"\btoday\b", re.I)
IN_FORCE_SINCE = re.compile(r"\bin\s+force\s+since\s+", re.I)


def kind_of_verb(verb: Token) -> str | None:
    """Say whether a verb signs ("signed", "concluded") or brings into force ("entered into
    force", "took effect", "became effective"), or neither."""
    lemma = verb.lemma_
    if lemma in ("enter", "come", "go", "bring", "put"):
        for c in verb.children:
            if (
                c.dep_ == "prep"
                and c.lower_ in ("into", "in")
                and any(g.lower_ in FORCE_NOUNS for g in c.children)
            ):
                return "force"
    if lemma == "take" and any(c.lower_ == "effect" for c in verb.children):
        return "force"
    if lemma == "become" and any(c.lower_ in ("effective", "operative") for c in verb.children):
        return "force"
    return "signed" if lemma in AGREEMENT_SIGN_VERBS else None


def signing_verb(root: Token) -> Token | None:
    """Return the verb of "are among the signatories of the agreement", "witness the signing
    of the agreement": the verb whose clause says it was signed, or None."""
    prep = root.head
    if (
        root.dep_ != "pobj"
        or prep.lower_ != "of"
        or prep.head.lemma_ not in AGREEMENT_SIGNING_NOUNS
    ):
        return None
    verb = prep.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    return verb


def verbs_of(root: Token) -> list[Token]:
    """Return the verbs whose dates are an agreement's: the one it is the subject or object
    of, and those of its own clauses ("the treaty, signed in Paris on ...")."""
    tok: Token = stand_in(root)
    while tok.dep_ == "conj" and tok.head != tok and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    found: list[Token] = []
    if tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and tok.head.pos_ in ("VERB", "AUX"):
        # An agreement signs nothing: as the subject of an active "signed" it is misread.
        active = tok.dep_ == "nsubj" and kind_of_verb(tok.head) == "signed"
        found += [v for v in conjuncts(tok.head) if not (active and v == tok.head)]
    if (signer := signing_verb(tok)) is not None:
        found.append(signer)
    for child in (c for t in clauses_of(root) for c in t.children):
        if child.dep_ in ("acl", "relcl") and child.pos_ in ("VERB", "AUX"):
            found += conjuncts(child)
        if child.dep_ == "appos":  # "the treaty the two countries signed" (read as apposition)
            found += [v for c in child.children if c.dep_ in ("acl", "relcl")
                      and c.lemma_ in AGREEMENT_SIGN_VERBS for v in conjuncts(c)]  # fmt: skip
    return found


def _verb_of_date(tok: Token, root: Token | None) -> Token:
    """Return the verb a date hangs from, or root if it hangs from the agreement's words."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head != tok:
        if tok == root:
            return root
        tok = tok.head
    return tok


def _opening(reading: Reading, i: int) -> DateMatch | None:
    """Return the date that opens sentence i or heads its timeline entry, or None."""
    s = reading.sentences[i]
    year = YEAR_HEAD.match(s.text)
    if year:  # "1971 - The ... come into effect": a timeline entry of a year
        return literal_year(reading, s.start + year.start("y"))
    for x in _dates(reading, i):
        if OPENING.match(s.text[: x.start - s.start]):
            return x
        break
    para = d.paragraph(reading, i)
    first = next(k for k in range(i, -1, -1) if k == 0 or d.paragraph(reading, k - 1) != para)
    if first != i:
        head = reading.sentences[first]
        when = [x for x in _dates(reading, first) if x.start == head.start]
        if when and ENTRY_DASH.match(reading.doc.text, when[0].end):
            return when[0]
    return None


def _dates(reading: Reading, i: int) -> list[DateMatch]:
    """Return the dates of sentence i with a value (document offsets), relative ones read."""
    s = reading.sentences[i]
    text = reading.doc.text
    found: list[DateMatch] = []
    for x in d.dates(reading, i):
        if x.value:
            found.append(x)
        elif x.day and (same := SAME_YEAR.match(text, x.end)):
            year = _last_value(reading, i, x.start)
            if year:
                # "of the following year" counts on from the year last stated
                value = f"{int(year[:4]) + bool(same['next']):04d}-{x.month:02d}-{x.day:02d}"
                end = same.end()
                found.append(replace(x, end=end, text=text[x.start : end], value=value,
                                     datatype=XSD.date))  # fmt: skip
    if reading.doc.date:
        for m in TODAY.finditer(s.text):
            at = s.start + m.start()
            found.append(_literal_date(at, at + 5, "today", reading.doc.date))
    for m in SAME_DAY.finditer(s.text):
        day = _last_value(reading, i, s.start + m.start(), length=10)
        if day:
            at = s.start + m.start()
            found.append(_literal_date(at, at + len(m.group()), m.group(), day))
    return sorted(found, key=lambda x: x.start)


def literal_year(reading: Reading, at: int) -> DateMatch:
    """Return the year written at a document offset as a date."""
    year = reading.doc.text[at : at + 4]
    return _literal_date(at, at + 4, year, year)


def _literal_date(start: int, end: int, text: str, value: str) -> DateMatch:
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}[len(value)]
    precision = {4: DKG.PrecisionYear, 7: DKG.PrecisionMonth, 10: DKG.PrecisionDay}[len(value)]
    return DateMatch(start, end, text, value, datatype, precision)


def _last_value(reading: Reading, i: int, before: int, length: int = 4) -> str | None:
    """Return the last date stated before an offset, at least `length` characters precise."""
    for k in range(i, max(-1, i - 6), -1):
        found = [x.value for x in d.dates(reading, k) if x.value and x.end <= before]
        found = [v for v in found if len(v) >= length]
        if found:
            return found[-1]
    return None


def dates_of(
    reading: Reading, i: int, root: Token | None, force_from: int, new: bool = False, lo: int = 0
) -> tuple[DateMatch | None, DateMatch | None]:
    """Return (signed, in force) of the agreement whose words' head is root in sentence i:
    each a DateMatch (document offsets) or None. force_from is where the words that may say
    "in force since" start; new says the words bring in an agreement ("a second Water
    Agreement"), which a timeline entry then dates when no verb says otherwise; lo is where
    the agreement's words start (a date of its own words comes after: "the Treaty of 1991")."""
    verbs = verbs_of(root) if root is not None else []
    signer = signing_verb(root) if root is not None else None

    def verb_kind(verb: Token) -> str | None:
        return "signed" if verb == signer else kind_of_verb(verb)

    found: dict[str, DateMatch | None] = {"signed": None, "force": None}
    dated: list[tuple[DateMatch, Token]] = []
    for x in _dates(reading, i):
        tok: Token | None = token_at(reading, x.start)
        if tok is not None:
            dated.append((x, _verb_of_date(tok, root)))
    for x, verb in dated:
        own = verb == root and x.start >= lo
        kind = "signed" if own else verb_kind(verb) if verb in verbs else None
        if kind and found[kind] is None:
            found[kind] = x
    for v in verbs:  # "..., where the two leaders signed": the date of the clause it is in
        kind = verb_kind(v)
        if v.dep_ != "relcl" or not kind or found[kind] is not None:
            continue
        if any(c.lower_ in ("where", "when") for c in v.children):
            anchor = _verb_of_date(v.head, None)
            found[kind] = next((x for x, verb in dated if x.start <= v.head.idx < x.end
                                or verb == anchor), None)  # fmt: skip
    s = reading.sentences[i]
    since = IN_FORCE_SINCE.search(reading.doc.text, force_from, s.end)
    if found["force"] is None and since:
        found["force"] = next((x for x, _ in dated if x.start == since.end()), None)
    opening = _opening(reading, i)
    kinds = {verb_kind(v) for v in verbs}
    if opening is not None and opening not in found.values():
        if found["signed"] is None and ("signed" in kinds or (new and not kinds - {None})):
            found["signed"] = opening
        elif found["force"] is None and "force" in kinds and "signed" not in kinds:
            found["force"] = opening
    return found["signed"], found["force"]
