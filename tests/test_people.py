"""People and their posts: the labels of posts (what the Wikidata view's P39 shows), and one node
per person however the document names them.

A post's label is its office's title (one for every wording of the office: "Minister of
Foreign Affairs" and "Foreign Minister" are both "Foreign Minister"), with the body, state and
host the text names with it; the node of a post is named by the same parts, so that two
documents never give one node two English labels. The extraction cases
(tests/extraction/people/) leave labels out; these tests read them.
"""

import hashlib
from pathlib import Path

import pytest
from rdflib.namespace import RDF, RDFS

from diplokg.graph.extract.document import extract
from diplokg.graph.ingest.corpus import Document
from diplokg.graph.vocab import DKG


def read(text: str, title: str = "case") -> dict:
    """Extract a text; return {person label: sorted labels of the posts they hold}."""
    digest = hashlib.sha256(text.encode()).hexdigest()
    doc = Document(doc_id="case", path=Path("case.txt"), text=text, sha256=digest, title=title,
                   publisher="test", language="en")  # fmt: skip
    g = extract(doc).graph
    people = {}
    for p in g.subjects(RDF.type, DKG.Person):
        posts = sorted(str(g.value(r, RDFS.label)) for r in g.objects(p, DKG.holdsRole))
        people.setdefault(str(g.value(p, RDFS.label)), []).extend(posts)
    return people


@pytest.mark.parametrize(
    ("text", "person", "posts"),
    [
        ("Prime Minister Petr Fiala spoke first.", "Petr Fiala", ["Prime Minister"]),
        ("Slovakia's Prime Minister, Robert Fico, spoke first.", "Robert Fico",
         ["Prime Minister of Slovakia"]),
        ("The Minister of Foreign Affairs of Chile, Alberto van Klaveren, spoke first.",
         "Alberto van Klaveren", ["Foreign Minister of Chile"]),
        ("Ana Brnabić, now Speaker of Serbia's National Assembly, spoke first.", "Ana Brnabić",
         ["Speaker of the National Assembly of Serbia"]),
        ("The treaty was discussed by former Canadian Senator Roméo Dallaire.", "Roméo Dallaire",
         ["Senator of Canada"]),
        ("The Senate, presided over by its President, Rodrigo Pacheco, met at noon.",
         "Rodrigo Pacheco", ["President of the Senate"]),
        ("The Minister for Foreign Affairs and Trade, Helen Clark, opened the fair.",
         "Helen Clark", ["Foreign Minister"]),
        ("The Minister of Finance, Nicola Willis, opened the fair.", "Nicola Willis",
         ["Minister of Finance"]),
        ("Deputy Foreign Minister Ana Silveira of Portugal spoke.", "Ana Silveira",
         ["Deputy Foreign Minister of Portugal"]),
        ("Lt. Col. Samuel Doe, the Head of the People's Redemption Council of Liberia, spoke.",
         "Samuel Doe", ["Head of the People's Redemption Council of Liberia"]),
    ],
)  # fmt: skip
def test_a_post_is_labelled_as_the_text_names_it(text, person, posts):
    """The label of a post is its title, with the state and body the text names with it."""
    assert read(text).get(person) == posts


def test_envoys_listed_under_their_rank_hold_the_missions_post():
    """In a document about one mission, envoys listed under their rank are its sender's, to
    its host, labelled with the office the rank names first."""
    text = (
        "Embassy of Mexico to Sweden\n\nAmbassadors Extraordinary and Plenipotentiary\n"
        "- Laura Elena Carrillo, 2016-2019\n- Francisco Javier Olavarría, 2019-2022\n"
    )
    people = read(text)
    label = "Ambassador of Mexico to Sweden"
    assert people["Laura Elena Carrillo"] == [label]
    assert people["Francisco Javier Olavarría"] == [label]


def test_a_person_is_one_node_named_by_the_longest_name():
    """A surname before the full name, "Mr" and a title with the surname are one person, named
    in full; a name written family name first is that person too."""
    text = (
        "Lasso spoke first. President Guillermo Lasso of Ecuador then thanked the hosts, and "
        "Mr Lasso left at noon. Foreign Minister Park Jin arrived later; Jin Park is the name "
        "some papers give him."
    )
    people = read(text)
    assert people == {
        "Guillermo Lasso": ["President of Ecuador"],
        "Park Jin": ["Foreign Minister"],
    }


def test_a_bare_title_repeats_the_post_the_text_stated():
    """Read "President Sánchez" after "the President of the Government, Pedro Sánchez" as one post;
    "Prime Minister Kallas" after "Estonia's Prime Minister, Kaja Kallas": the state's post."""
    text = (
        "The President of the Government, Pedro Sánchez, opened the meeting. President Sánchez "
        "closed it. Estonia's Prime Minister, Kaja Kallas, spoke. Prime Minister Kallas left."
    )
    people = read(text)
    assert people["Pedro Sánchez"] == ["President of the Government"]
    assert set(people["Kaja Kallas"]) == {"Prime Minister of Estonia"}
