"""Find positions in a ranking ("the sixth-largest investor") in a sentence, with offsets."""

import re
from dataclasses import dataclass

from .numbers import ORDINAL, disjoint, parse_ordinal


@dataclass(frozen=True)
class Rank:
    """A position in a ranking, such as "the sixth-largest investor", and where it holds."""

    start: int
    end: int
    text: str
    rank: int
    scope: str | None


_SUPER = r"(?:largest|biggest|greatest|highest|leading|main|top|most\s+(?:important|significant))"
_ROLE = (
    r"(?:investor|exporter|importer|supplier|producer|partner|destination|customer|client|market"
    r"|source|provider|buyer|trader|economy|contributor|donor|recipient|employer|position)\b"
)
# Up to two words between the ordinal and the noun ("export", "foreign direct"), not a clause.
_FILL = r"(?:\s+(?!(?:of|by|in|to|with|and|or|the|an?|for|on|at|from|as|that|which)\b)[\w-]+){0,2}?"
RANK_WORD = re.compile(
    rf"(?i:\brank(?:ed|s|ing)?(?:\s+(?:at|in|as))?(?:\s+the)?\s+)"
    rf"(?:(?P<n>\d{{1,3}})(?!\w|[.,]\d)|(?P<o>{ORDINAL})\b)(?i:\s+(?:position|place)\b)?"
)
# A place in a ranking by a verb of finishing: "came 15th as a source", "placed third".
RANK_PLACE = re.compile(
    rf"(?i:\b(?:came|comes|coming|placed|places|finished|finishes|finishing)\s+(?:in\s+)?)"
    rf"(?P<o>{ORDINAL})\b(?:\s+as\s+(?:an?|the){_FILL}\s+{_ROLE})?"
)
# A ranking that opens with its verb: the ranked name stands right before it.
RANK_VERB = re.compile(r"(?i:rank|came\b|comes\b|coming\b|place|finish)")
# "the third-largest investor", "the 5th export destination", "seventh among investors".
RANK_ORD = re.compile(
    rf"\b(?P<o>{ORDINAL})(?:[-\s]+{_SUPER}(?:{_FILL}\s+{_ROLE})?|{_FILL}\s+{_ROLE}|(?=\s+among\b))"
    r"\b",
    re.I,
)
RANK_FIRST = re.compile(rf"\b{_SUPER}{_FILL}\s+{_ROLE}", re.I)
THE_BEFORE = re.compile(r"\b(?:the|[A-Z][\w.-]*['\u2019]s)\s+$")
GROUP_BEFORE = re.compile(
    r"(?i:\b(?:(?:one|some|two|three|several|many|each|any)\s+of|among)\s+"
    r"(?:the\s+|[\w.-]+['\u2019]s\s+)?)$"
)
# The scope is a short phrase after the noun (maybe after "of ..."), naming a place or the world.
_WORD = r"(?:[\w'\u2019-]|\.(?=\w))+"
_STOP = r"with|and|or|of|for|in|on|at|to|during|regarding|that|which|since|by|as|from|per|was|is"
# "among" may take any group ("among foreign investors in Vietnam"); the other prepositions a
# name or the world ("in the EU", not "in goods"); "worldwide" and "globally" are the world.
SCOPE = re.compile(
    rf"(?:\s+of(?:\s+(?!in\b|within\b){_WORD}){{1,3}}?)?,?\s+(?P<scope>(?:(?:in|within|among"
    rf"|across|outside)\s+(?:the\s+)?(?:[A-Z]{_WORD}|world\b)|among\s+(?!(?:the|them|us|these|those|others|{_STOP})\b)"
    rf"[a-z]{_WORD})(?:\s+(?!(?:{_STOP})\b){_WORD}){{0,4}}|(?:worldwide|globally)\b)"
)
# Or a phrase that opens the sentence: "Within the European Union, Belgium is the sixth-...".
LEADING_SCOPE = re.compile(
    r"^(?P<s>(?:In|Within|Among|Across|Outside)\s+(?:the\s+)?[A-Z][^,\d]{0,40}),"
)


# "became the first partner" says first in time; "first" with a superlative still ranks.
BECAME_FIRST = re.compile(r"\b(?:became|become|becomes|becoming)\b[^,;.]*$", re.I)
FIRST = re.compile(rf"(?i:first|1st)\b(?![-\s]+{_SUPER})")


def find_ranks(text: str) -> list[Rank]:
    """Find positions in rankings, with the scope that follows them ("in the EU")."""
    lead = LEADING_SCOPE.match(text)
    lead_scope = lead and lead["s"][0].lower() + lead["s"][1:]
    found: list[Rank] = []
    for pattern in (RANK_WORD, RANK_PLACE, RANK_ORD, RANK_FIRST):
        for m in pattern.finditer(text):
            before = text[max(0, m.start() - 40) : m.start()]
            if GROUP_BEFORE.search(before):  # "one of the first", "among the largest"
                continue
            if pattern is RANK_FIRST and not THE_BEFORE.search(before):
                continue
            if pattern is RANK_ORD and BECAME_FIRST.search(before) and FIRST.match(m.group()):
                continue  # "Colombia became NATO's first partner": first in time, no rank
            groups = m.groupdict()  # a bare superlative ("the biggest partner") is the first
            n = int(groups.get("n") or 0) or (parse_ordinal(groups["o"]) if groups.get("o") else 1)
            scope = SCOPE.match(text, m.end())
            end = scope.end() if scope else m.end()
            if n >= 1 and disjoint([(r.start, r.end) for r in found], m.start(), end):
                scope_text = scope["scope"] if scope else lead_scope
                found.append(Rank(m.start(), end, text[m.start() : end], n, scope_text or None))
    return sorted(found, key=lambda r: r.start)
