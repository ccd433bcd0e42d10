"""The clause splitter: each kind of boundary parts the construction it is named for."""

import pytest

from diplokg.graph.reading.clauses import (
    Boundary,
    boundary_at,
    clause_end,
    clause_of,
    clause_span,
    clause_start,
    parted,
)
from diplokg.graph.reading.sentences import Sentence


def clause(text: str, word: str, kind: Boundary = Boundary.BREAK) -> str:
    lo, hi = clause_span(text, text.index(word), kind)
    return text[lo:hi]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        (
            "Peru has an embassy in Rome, whereas Italy has one in Lima.",
            "Italy",
            " Italy has one in Lima.",
        ),
        (
            "Peru has an embassy in Rome, whereas Italy has one in Lima.",
            "Rome",
            "Peru has an embassy in Rome",
        ),
        ("Ghana signed the pact; Togo signed it later.", "Togo", " Togo signed it later."),
        ("Ghana signed the pact but Togo did not.", "Ghana", "Ghana signed the pact"),
        # A comma alone parts nothing, nor does "and".
        (
            "Ghana, Togo and Benin signed the pact in 1998.",
            "Benin",
            "Ghana, Togo and Benin signed the pact in 1998.",
        ),
    ],
)
def test_a_sentence_breaks_at_semicolons_and_contrast(text, word, expected):
    assert clause(text, word) == expected


def test_the_clause_of_a_sentence_is_in_document_offsets():
    document = "Intro. Fiji opened an office; Samoa closed one."
    sentence = Sentence(7, len(document), document[7:])
    lo, hi = clause_of(sentence, document.index("Samoa"))
    assert document[lo:hi] == " Samoa closed one."


def test_an_opening_stops_a_subject_wherever_it_stands():
    text = "When Laos opened a consulate, Vietnam had an embassy: it was in Vientiane."
    assert clause_start(text, text.index("it was"), Boundary.OPENING) == text.index(" it was")
    assert parted(text, Boundary.OPENING, 0, text.index("Laos"))  # "When", in any case
    assert not parted(text, Boundary.OPENING, text.index("Laos"), text.index(":"))


def test_a_figure_ends_at_a_comma_a_relative_or_and_before_lower_case_words():
    text = "exports of 40 tonnes of coffee and tea to Oman, which grew"
    assert text[: clause_end(text, 0, Boundary.FIGURE_END)] == "exports of 40 tonnes of coffee"
    # The "and" that joins two nouns (the parse says which) ends nothing.
    joins = {text.index("and")}
    end = clause_end(text, 0, Boundary.FIGURE_END, joins=joins)
    assert text[:end] == "exports of 40 tonnes of coffee and tea to Oman"
    assert clause_end(text, 0, Boundary.FIGURE_END, hi=10) == 10


def test_a_clause_starts_after_the_last_break_before_an_offset():
    text = "Imports fell, while exports rose to 9%, though"
    assert clause_start(text, text.index("9%"), Boundary.BREAK) == text.index(" exports")
    assert clause_start(text, text.index("Imports"), Boundary.BREAK) == 0


@pytest.mark.parametrize(
    ("gap", "new"),
    [(" and Chile ranked ", True), (" and the Netherlands ", True), (" while ", True),
     ("; ", True), (" when ", True), (" and ranked ", False), (", ranking ", False)],
)  # fmt: skip
def test_a_new_subject_parts_a_ranking_from_an_amount(gap, new):
    assert parted(gap, Boundary.NEW_SUBJECT) is new


@pytest.mark.parametrize(
    ("text", "at", "kind", "expected"),
    [
        (", and Quebec", 0, Boundary.AND_AFTER_COMMA, True),
        (" and Quebec", 0, Boundary.AND_AFTER_COMMA, False),
        ("was closed for good. Later", 10, Boundary.CLOSE, True),
        ("was closed in 2014", 10, Boundary.CLOSE, False),
        ("was closed", 10, Boundary.CLOSE, True),
        ("Ana Lima, who", 8, Boundary.APPOSITION_END, True),
        ("Ana Lima \u2013 the envoy", 8, Boundary.APPOSITION_END, True),
        ("Ana Lima of Peru", 8, Boundary.APPOSITION_END, False),
    ],
)
def test_a_boundary_opens_right_at_an_offset(text, at, kind, expected):
    assert boundary_at(text, at, kind) is expected
