"""Read the posts one person's words give another: "his Chilean counterpart, X", "Ruto's
predecessor, X", "X visited Darwin, the first Japanese prime minister to do so", "A, B and C
..., led respectively by President X, President Y and Prime Minister Z".
"""

import re
from dataclasses import replace

from ...reading.lexicon import POLITY_KINDS
from . import Reading
from . import discourse as d
from .person_mentions import Named, Post, Run, held, is_subject, run_at
from .person_names import PERSON_NAME
from .person_titles import Title

_COUNTERPART = re.compile(
    rf"(?:(?<![\w-])(?:[Hh]is|[Hh]er|[Tt]heir)|(?P<owner>{PERSON_NAME})['\u2019]s)[ ]"
    r"(?:(?P<pol>[\w.'\u2019 -]{2,30}?)[ ])?counterparts?,[ ]"
)
_PREDECESSOR = re.compile(
    rf"(?P<owner>{PERSON_NAME})['\u2019]s[ ](?:immediate[ ])?(?:predecessor|successor),[ ]"
)
_FIRST_TO = re.compile(r",[ ]the[ ](?:first|only|last|second|third)[ ]")
_TO_DO = re.compile(r"[ ]to[ ]")
_RESPECTIVELY = re.compile(r"\brespectively\b")


def counterparts(reading: Reading, i: int, named: list[Named], found: list[Run]) -> list[Named]:
    """Read "X, Argentina's Foreign Minister, and his Chilean counterpart, Y": Y holds the
    same office as X, of the state named before "counterpart"."""
    s, out = reading.sentences[i], []
    for m in _COUNTERPART.finditer(s.text):
        at = s.start + m.start()
        run = run_at(found, s.start + m.end())
        before = [n for n in named if n.posts and n.end <= at]
        if run is None or not before:
            continue
        polity = None
        if m["pol"]:
            lo, hi = s.start + m.start("pol"), s.start + m.end("pol")
            kept = [x for x in reading.mentions[i] if x.start == lo and x.end == hi
                    and x.entity.kind in POLITY_KINDS]  # fmt: skip
            if not kept:
                continue
            polity = kept[0].entity
        origin = before[-1].posts[0]
        t = replace(origin.title, polity=polity, to=None, places=())
        post = Post(t, polity, None, (at, run.end), "people.counterpart")
        out.append(Named(run.start, run.end, run.text, i, "people.counterpart", at, [post]))
    return out


def successors(reading: Reading, i: int, found: list[Run]) -> list[Named]:
    """Read "Ruto's predecessor, X": X held the post Ruto holds (settled once the document is
    read, by person_coreference.py)."""
    s, out = reading.sentences[i], []
    for m in _PREDECESSOR.finditer(s.text):
        run = run_at(found, s.start + m.end())
        owner = run_at(found, s.start + m.start("owner"))
        if run is not None and owner is not None:
            start = s.start + m.start()
            out.append(Named(run.start, run.end, run.text, i, "people.predecessor", start,
                             inherits=(owner.text, start)))  # fmt: skip
    return out


def first_to(reading: Reading, i: int, t: Title, named: list[Named]) -> list[Post]:
    """Read "X visited Darwin, the first Japanese prime minister to do so": the clause's
    subject X holds the office the closing apposition names."""
    text = reading.doc.text
    if t.polity is None or not _TO_DO.match(text, t.said):
        return []
    m = _FIRST_TO.match(text, t.det_start - 2)
    if not m or m.end() > t.start:
        return []
    subjects = [n for n in named if n.end <= m.start() and is_subject(reading, n)]
    if len(subjects) != 1:
        return []
    n = subjects[0]
    n.posts.append(held(t, (n.lead, t.said), "people.first-to"))
    return []


def respectively(reading: Reading, i: int, named: list[Named]) -> None:
    """Read "A, B and C founded it, then led respectively by President X, President Y and
    Prime Minister Z": the k-th person's post is the k-th state's."""
    s = reading.sentences[i]
    m = _RESPECTIVELY.search(s.text)
    if not m:
        return
    at = s.start + m.start()
    after = [n for n in named if n.lead >= at and n.posts and n.rule == "people.titled"]
    groups = [g for g in d.groups(reading, i, POLITY_KINDS, s.start, at)
              if len(g.entities) == len(after) > 1]  # fmt: skip
    if len(groups) != 1:
        return
    for n, polity in zip(after, groups[0].entities, strict=True):
        post = n.posts[0]
        if post.polity is None:
            n.posts[0] = replace(post, polity=polity, span=(groups[0].start, post.span[1]),
                                 rule="people.respectively")  # fmt: skip
