"""Split a document into sentences whose offsets point into the original text."""

import re
from dataclasses import dataclass

# Words that end with a full stop without ending a sentence.
ABBREVIATIONS = {
    "e.g", "i.e", "ex", "etc", "vs", "cf", "no", "nos", "st", "ste", "mr", "mrs", "ms", "dr",
    "prof", "gen", "col", "lt", "sgt", "rev", "jr", "sr", "inc", "ltd", "co", "corp", "dept",
    "approx", "ca", "c", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "u.s", "u.k", "u.n", "d.c", "mt", "ft", "art", "para", "p", "pp", "vol",
}  # fmt: skip
LIST_MARKER = re.compile(r"^\s*(?:[-*•]\s+|\d+\.\s+(?=\S))")
# A full stop, question or exclamation mark, maybe closing quotes or brackets, then space.
# Curly quotes are written as escapes: \u2018 \u2019 \u201c \u201d.
BOUNDARY = re.compile(r"[.!?][\"'\u2019\u201d)\]]*\s+(?=[\"'\u2018\u201c(\[]?[A-Z0-9À-Ý])")


@dataclass(frozen=True)
class Sentence:
    """A sentence: its text and where it stands in the document (start inclusive, end exclusive)."""

    start: int
    end: int
    text: str


def _is_abbreviation(line: str, stop: int) -> bool:
    """Say whether the full stop at line[stop] closes an abbreviation or an initial."""
    word = re.search(r"([A-Za-z.]+)$", line[:stop])
    if not word:
        return False
    token = word.group(1).lower().strip(".")
    if token in ABBREVIATIONS:
        return True
    # A single capital letter is an initial ("J. Smith"), unless it ends a sentence: rare.
    return len(token) == 1 and line[stop - 1].isupper()


def _split_line(line: str, offset: int) -> list[Sentence]:
    sentences = []
    start = 0
    for m in BOUNDARY.finditer(line):
        if line[m.start()] == "." and _is_abbreviation(line, m.start()):
            continue
        end = m.end() - (len(m.group()) - len(m.group().rstrip()))
        sentences.append((start, end))
        start = m.end()
    sentences.append((start, len(line.rstrip())))
    return [Sentence(offset + s, offset + e, line[s:e]) for s, e in sentences if line[s:e].strip()]


def sentences(text: str) -> list[Sentence]:
    """Split text into sentences: every line is a block (headings, list items), split at stops."""
    result = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        marker = LIST_MARKER.match(line)
        skip = marker.end() if marker else len(line) - len(line.lstrip())
        if line.strip():
            result.extend(_split_line(line[skip:], pos + skip))
        pos += len(raw)
    return result
