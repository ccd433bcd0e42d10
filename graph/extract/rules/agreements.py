"""Find agreements between states: kind, name or topic, parties, signing and entry-into-force.

Each sentence is read for the agreements it names (agreement_names: titles and
descriptions), their parties (agreement_parties) and dates (agreement_dates); "It", "the
Agreement" and a short name ("the Basic Treaty") point back at one named before, and the
items of a list ("A (1957), B (1976) and C (2007)") share the parties the list is given.
Once the document is read, the namings of one agreement are merged, and every agreement with
two parties or more is stated, each fact with the phrase that gives it. "The annual quota has
been fixed at 750 participants" is then a figure of the last agreement named (a
dkg:Statistic with dkg:figureOf).
"""

import re

from rdflib import Literal
from rdflib.namespace import SKOS
from spacy.tokens import Token

from ...reading.lexicon import AGREEMENT_COMMIT_VERBS
from ...reading.sentences import Sentence
from ...reading.values import DateMatch
from ...vocab import DKG
from .. import identity
from . import Pair, Reading, Rule
from . import agreement_figures as figures
from . import agreement_lists as lists
from . import agreement_parties as ap
from . import discourse as d
from . import parse_paths as pp
from .agreement_actors import Party, actors
from .agreement_dates import dates_of
from .agreement_dates import kind_of_verb as verb_kind
from .agreement_groups import Agreement, Mention, Stated, entities_of, group, same_date
from .agreement_names import Modifiers, Naming, namings, shifted

PRONOUN = re.compile(r"\b(?:It|it)\b")
# The gap between two items of a list of agreements: "A (1957), B (1976) and C".
LIST_GAP = re.compile(r"^\s*(?:\([^()]*\))?\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?$")


def _modifiers(reading: Reading, s: Sentence) -> Modifiers:
    """Return modifiers(offset): the words before the noun at a sentence offset that modify it."""

    def modifiers(offset: int) -> list[tuple[int, int, str]]:
        tok: Token | None = pp.token_at(reading, s.start + offset)
        if tok is None:
            return []
        lefts = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod", "nummod")]
        words = sorted({w for c in lefts for w in c.subtree if w.i < tok.i}, key=lambda w: w.i)
        words = [w for w in words if w.is_alpha or w.like_num or "-" in w.text]
        if not words or words[-1].i != tok.i - 1:
            return []
        return [(w.idx - s.start, w.idx - s.start + len(w.text), w.text) for w in words]

    return modifiers


def read_agreements(reading: Reading, i: int) -> None:
    """Note every agreement sentence i names, with its parties and dates."""
    s = reading.sentences[i]
    found: list[Mention] = reading.memory.agreement_mentions
    here: list[Mention] = []
    places = {m.start - s.start for m in reading.mentions[i]}
    for n in (shifted(n, s.start) for n in namings(s.text, _modifiers(reading, s), places)):
        if pp.hedged(reading, n.start, n.end):
            continue
        if n.title is None and d.hedged(reading, d.clause(reading, i, n.head)[0], n.end):
            continue
        parties = ap.parties(reading, i, n.start, n.end, n.title is not None)
        root = pp.root_of(reading, n.start, n.end)
        new = _indefinite(reading.doc.text, n)
        signed, force = dates_of(reading, i, root, n.end, new=new, lo=n.start)
        if n.alias_of is not None and here and here[-1].naming.start == n.alias_of:
            here[-1].parties += [p for p in parties if p.entity not in entities_of(here[-1])]
            continue
        for some in _bilateral(n, parties):
            here.append(Mention(i, n, some, n.date or signed, force))
    _share_list_parties(reading.doc.text, here)
    _listed(reading, i, here)
    if not here:
        here += _pronouns(reading, i)
    found += here
    if i == len(reading.sentences) - 1:
        state_agreements(reading)


def _bilateral(n: Naming, parties: list[Party]) -> list[list[Party]]:
    """Return the parties of each agreement a naming names: "A signed agreements with B, C and
    D" names one with each; one agreement otherwise."""
    if not (n.plural and n.title is None and len(parties) > 2):
        return [parties]
    signers = [p for p in parties if p.start < n.start]
    if len(signers) != 1:
        return [parties] if len(signers) == len(parties) else []
    return [[signers[0], p] for p in parties if p is not signers[0]]


def _listed(reading: Reading, i: int, here: list[Mention]) -> None:
    """Give the agreements of a list of treaties the heading's parties, an entry's title its
    fields' dates, and the agreements an entry's notes say it comprises its signing date."""
    bulleted = lists.bullet_parties(reading, i)
    for m in here:
        if m.naming.title is not None and len({p.entity for p in m.parties}) < 2:
            m.parties += [Party(p.entity, p.start, m.naming.end) for p in bulleted
                          if p.entity not in entities_of(m)]  # fmt: skip
    listing = lists.list_pair(reading)
    if listing is None:
        return
    entities, (lo, hi) = listing
    entry = lists.entry_of(reading, i)
    dated = lists.fields(reading, entry) if entry is not None else {}
    s = reading.sentences[i]
    for m in here:
        if m.naming.title is None:
            continue
        if len({p.entity for p in m.parties}) < 2:
            m.parties += [Party(e, lo, hi, heading=True) for e in entities
                          if e not in entities_of(m)]  # fmt: skip
        opens = entry == i and not s.text[: m.naming.start - s.start].strip()
        if opens or (entry is not None and entry != i and lists.parts_of(reading, i)):
            m.signed = m.signed or dated.get("signed")
            m.force = (m.force or dated.get("force")) if opens else m.force


def _indefinite(text: str, n: Naming) -> bool:
    """Say whether a naming brings in an agreement: "a second Water Agreement", "an accord"."""
    first = text[n.start : n.end].split()[0].lower()
    return not n.plural and (first in ("a", "an", "another") or n.new is not None)


def _pronouns(reading: Reading, i: int) -> list[Mention]:
    """Return "it" where it is the subject of signing, coming into force or committing."""
    s = reading.sentences[i]
    found: list[Mention] = []
    for word in PRONOUN.finditer(s.text):
        tok: Token | None = pp.token_at(reading, s.start + word.start())
        if tok is None or tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if any(verb_kind(v) or v.lemma_ in AGREEMENT_COMMIT_VERBS for v in pp.conjuncts(tok.head)):
            at = s.start + word.start()
            n = Naming(at, s.start + word.end(), at, "it", None, "", definite=True)
            signed, force = dates_of(reading, i, tok, n.end)
            parties = [p for top in ap.tops(reading, tok) for p in actors(reading, i, top)]
            found.append(Mention(i, n, parties, signed, force, pronoun=True))
    return found


def _share_list_parties(text: str, here: list[Mention]) -> None:
    """Give the items of one list of agreements the parties any of them was given."""
    run: list[Mention] = []
    for m in [*here, None]:
        joined = (
            m is not None
            and run
            and m.naming.title is not None
            and LIST_GAP.match(text[run[-1].naming.end : m.naming.start])
        )
        if joined and m is not None:
            run.append(m)
            continue
        if len(run) > 1:
            shared = [p for x in run for p in x.parties]
            for x in run:
                x.parties += [p for p in shared if p.entity not in entities_of(x)]
        run = [m] if m is not None and m.naming.title is not None else []


def _choose(dated: list[tuple[DateMatch, Mention]]) -> tuple[DateMatch, Mention] | None:
    """Return the date of an agreement its namings give: the most precise of those that agree
    with the first given (a year and a day of that year agree), with its naming."""
    if not dated:
        return None
    first = dated[0][0].value or ""  # every date of an agreement has a value (_dates)
    agreeing = [(x, m, x.value) for x, m in dated if x.value and same_date(x.value, first)]
    x, m, _ = max(agreeing, key=lambda xmv: len(xmv[2]))
    return x, m


def _party_span(reading: Reading, first: Mention, m: Mention, p: Party) -> tuple[int, int]:
    """Return the phrase that gives a party: the clause that names the agreement, stretched
    to the party; or, from another naming, the words from that naming to the party."""
    if p.heading:
        return p.start, p.end
    if m is first:
        lo, hi = d.clause(reading, m.i, m.naming.head)
        return min(lo, p.start), max(hi, p.end)
    return min(m.naming.start, p.start), max(m.naming.end, p.end)


def _date_span(reading: Reading, first: Mention, m: Mention, x: DateMatch) -> tuple[int, int]:
    """Return the phrase that gives a date: from the clause that names the agreement through
    the date; or, from another naming, the words from that naming to the date."""
    end = x.end + 1 if reading.doc.text[x.start - 1 : x.start] == "(" else x.end  # "(1957)"
    if m is first:
        lo, hi = d.clause(reading, m.i, m.naming.head)
        if x.start >= lo:
            return lo, max(end, m.naming.head) if x.start > m.naming.head else hi
        return x.start, hi
    return min(m.naming.start, x.start), max(m.naming.end, end)


def state_agreements(reading: Reading) -> None:
    """State every agreement of the document that has two parties or more."""
    for g in group(reading):
        parties: list[tuple[Party, Mention]] = []
        for m in g.mentions:
            parties += [(p, m) for p in m.parties if p.entity not in [q.entity for q, _ in parties]]
        if len(parties) < 2:
            continue
        _state(reading, g, parties)


def _state(reading: Reading, g: Agreement, parties: list[tuple[Party, Mention]]) -> None:
    first = g.first
    n = first.naming
    if n.cls is None:  # "it": a pronoun joins an agreement named before, never opens one
        return
    signed = _choose([(m.signed, m) for m in g.mentions if m.signed is not None])
    force = _choose([(m.force, m) for m in g.mentions if m.force is not None])
    entities = sorted((p.entity for p, _ in parties), key=lambda e: e.slug)
    names = d.enumeration(e.label for e in entities)
    about: str | None
    if n.title is not None:
        title = n.title
        about = g.key
        label = f"{title} ({signed[0].value})" if n.new and signed else title
    else:
        about = g.topic or (signed and signed[0].value) or (force and force[0].value)
        if not about:
            return  # neither topic nor date: nothing tells this agreement apart
        if g.topic and n.modifier:  # "the boundary treaty": "Boundary treaty between ..."
            label = f"{g.topic[0].upper()}{g.topic[1:]} {n.kind.lower()} between {names}"
        else:
            label = f"{n.kind} between {names}" + (f" on {g.topic}" if g.topic else f" ({about})")
    iri = identity.agreement(n.cls, [e.slug for e in entities], about)
    span = d.clause(reading, first.i, n.head)
    pairs: list[Pair] = [(DKG.party, reading.facts.use(p.entity), _party_span(reading, first, m, p))
                         for p, m in parties]  # fmt: skip
    if g.topic:
        pairs.append((DKG.topic, Literal(g.topic)))
    for prop, chosen in ((DKG.signingDate, signed), (DKG.effectiveDate, force)):
        if chosen is not None:
            x, m = chosen
            pairs.append((prop, d.literal(x), _date_span(reading, first, m, x)))
    for m in g.mentions:
        for alias in [*m.naming.aliases, m.naming.acronym]:
            if alias and alias != label:
                end = reading.doc.text.find(alias, m.naming.start) + len(alias)
                pairs.append((SKOS.altLabel, Literal(alias, lang="en"), (m.naming.start, end)))
    reading.facts.state(iri, pairs, span, "agreement-named" if n.title else "agreement-signed",
                        cls=n.cls, label=label)  # fmt: skip
    for m in g.mentions:
        reading.memory.agreements.append(Stated(m.i, iri, tuple(entities), label, m.naming.head))


RULES: list[Rule] = [read_agreements, figures.quota]
