"""Numbers written in words and figures: cardinals, ordinals, and the patterns that find them."""

from collections.abc import Iterable

from .lexicon import CARDINAL_WORDS, ORDINAL_WORDS, TENS_WORDS

CARDINALS = {w: i for i, w in enumerate(CARDINAL_WORDS, 1)} | {
    w: 10 * i for i, w in enumerate(TENS_WORDS, 2)
}
ORDINALS = {w: i for i, w in enumerate(ORDINAL_WORDS, 1)} | {
    t[:-1] + "ieth": CARDINALS[t] for t in TENS_WORDS
}


def alternation(words: Iterable[str]) -> str:
    """Join words into a regex alternation, longest first."""
    return "|".join(sorted(words, key=len, reverse=True))


# A cardinal in words ("twenty-one"); an ordinal in figures or words ("19th", "sixth").
_TENS = alternation(TENS_WORDS)
CARDINAL = (
    rf"(?:(?:{_TENS})(?:-(?:{alternation(CARDINAL_WORDS[:9])}))?|{alternation(CARDINAL_WORDS)})"
)
_ORDINAL_WORD = rf"(?:{_TENS})-(?:{alternation(ORDINAL_WORDS[:9])})|{alternation(ORDINALS)}"
ORDINAL = rf"(?:\d{{1,3}}(?:st|nd|rd|th)|(?i:{_ORDINAL_WORD}))"


def parse_ordinal(word: str) -> int:
    """Read an ordinal: "19th", "sixth", "twenty-first"."""
    word = word.lower()
    if word[0].isdigit():
        return int(word[:-2])
    tens, _, unit = word.rpartition("-")
    return CARDINALS.get(tens, 0) + ORDINALS[unit]


def disjoint(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Say whether [start, end) overlaps none of the spans."""
    return all(end <= s or start >= e for s, e in spans)
