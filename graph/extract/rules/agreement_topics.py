"""Read what a described agreement is about: "an agreement on youth mobility", "a memorandum
with Brazil on vocational training", "agreements in the areas of taxation, social security
and maritime transport" (one topic per area).
"""

import re

from ...reading.values import find_dates

# What an agreement is about: "on youth mobility", "concerning the strengthening of ...".
# "in the areas of", "in fields such as", "in sectors including": a list of areas follows.
_AREAS = (
    r"in\s+(?:the\s+|such\s+)?(?:fields?|areas?|domains?|sectors?)"
    r"\s+(?:of|such\s+as|like|including)"
)
TOPIC_HEAD = re.compile(
    rf"\s*,?\s+(?:on|concerning|covering|regarding|about|relating\s+to|of|for|{_AREAS})"
    r"\s+(?:the\s+)?"
)
AREAS_HEAD = re.compile(rf"\s*,?\s+{_AREAS}\b")
# "agreements on taxation, civil aviation and research": more topics of a plural noun, each
# a few lowercase words, not a clause ("agreements on taxation, which ...").
MORE_TOPICS = re.compile(
    r",\s+(?:and\s+)?(?:on\s+)?(?!(?:which|that|who|whose|where|when|while|but|signed|concluded"
    r"|including|as|the|a|an|its|their|both|each|all|most|some)\b)(?=[a-z])"
)
AND = re.compile(r"\band\b")
TOPIC_WORDS = re.compile(r"[a-z][\w-]*(?:\s+(?:and\s+(?:on\s+)?)?[a-z][\w-]*){0,5}")
TOPIC_END = re.compile(
    r"\s*[,;:(]|\.(?:\s|$)|\s+(?:in|on|since|from)\s+(?:\d|[A-Z])|\s+(?:signed|which|that|was"
    r"|were|came|entered|took|between|with|by|is|are|and\s+(?:came|entered|signed))\b|$"
)
# Names between the noun and its topic: "a convention in Geneva on ...", "a memorandum with
# Brazil on ...", "the treaty between Australia and Japan on ...".
PLACE_BETWEEN = re.compile(
    r"\s+(?:in|with|between)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+(?:and\s+(?:the\s+)?)?)+"
    r"(?=(?:on|concerning|regarding|about)\b)"
)
# Items of an enumeration of areas; "scientific, industrial and technological cooperation" is
# one area: adjectives that share the noun of the last item.
ITEM_SPLIT = re.compile(r"(?:,?\s+as\s+well\s+as\s+(?:in\s+)?|,\s+(?:and\s+)?|\s+and\s+)(?:on\s+)?")
ADJECTIVE = re.compile(r"^[a-z]+(?:ic|al|ary|ive|ous|ian|ory)$")
TRAILING = re.compile(r"\.?\s*$")


def _first(pattern: re.Pattern[str], text: str, pos: int = 0) -> int:
    """Return where a pattern that may match the empty end of a text first matches from pos."""
    found = pattern.search(text, pos)
    return found.start() if found is not None else len(text)


def topics(text: str, at: int, plural: bool) -> list[str]:
    """Return the topics stated after an agreement's noun: one, or one per area listed."""
    place = PLACE_BETWEEN.match(text, at)
    at = place.end() - 1 if place else at
    head = TOPIC_HEAD.match(text, at)
    while head is not None:  # "on December 16, 1999, concerning X": the date is no topic
        when = [x for x in find_dates(text[head.end() : head.end() + 40]) if x.start == 0]
        if not when:
            break
        head = TOPIC_HEAD.match(text, head.end() + when[0].end)
    if head is None or text[head.end() : head.end() + 1].isdigit():
        return []
    start = head.end()
    if plural and AREAS_HEAD.match(text, at):
        end = _first(TRAILING, text)
        return areas(text[start:end])
    end = longer = _first(TOPIC_END, text, start)
    while plural and (more := MORE_TOPICS.match(text, longer)):
        after = _first(TOPIC_END, text, more.end())
        if not TOPIC_WORDS.fullmatch(text[more.end() : after].strip()):
            break
        longer = after
    if AND.search(text, end, longer):  # a list closes with "and"; ", officials said" is none
        end = longer
    topic = text[start:end].strip()
    if not topic:
        return []
    return areas(topic) if plural else [topic]


def areas(listing: str) -> list[str]:
    """Split "taxation, social security, ..., as well as in scientific and X cooperation"."""
    items: list[tuple[int, int]] = []
    pos = 0
    for m in ITEM_SPLIT.finditer(listing):
        items.append((pos, m.start()))
        pos = m.end()
    items.append((pos, len(listing)))
    areas: list[str] = []
    start: int | None = None
    for a, b in items:
        word = listing[a:b].strip()
        if start is None:
            start = a
        if ADJECTIVE.match(word) and (a, b) != items[-1]:
            continue  # an adjective sharing the next item's noun
        areas.append(listing[start:b].strip())
        start = None
    return [a for a in areas if a]
