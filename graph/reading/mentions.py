"""Find mentions of places, international organisations and peoples in a document's text.

Two passes: document_context() finds the states a whole document names (and whom it speaks for);
find_mentions() then finds every mention in a span, looking up cities only in those states, and
resolves each mention to one entity by the words around it.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from .gazetteer import TOKEN, Entity, Entry, fold, gazetteer, name_key, typed, written
from .lexicon import PLACE_TYPE_WORDS

# Common English words that are also the name of a place somewhere ("Mission", Texas; "Reading",
# England): never a city, nor a subdivision outside the document's states, whatever their case.
STOP = {
    "a", "about", "after", "all", "also", "an", "and", "as", "at", "before", "between", "both",
    "by", "for", "from", "in", "into", "of", "on", "or", "since", "so", "the", "then", "to",
    "under", "until", "with", "home", "union", "mission", "liberty", "independence", "commerce",
    "industry", "friendship", "justice", "trade", "security", "unity", "progress", "concord",
    "harmony", "victory", "freedom", "hope", "providence", "enterprise", "energy", "opportunity",
    "success", "reading", "bath", "nice", "split", "male", "mobile", "orange", "note", "date",
    "government", "relations", "history", "world", "war", "peace", "battle", "embassy",
    "consulate", "office", "delegation", "economy", "economic", "political", "cultural",
    "academic", "bilateral", "today", "further", "furthermore", "moreover", "however", "some",
    "more", "most", "many", "several", "number", "among", "within", "during", "over", "like",
    "such", "other", "one", "two", "three", "first", "second", "third", "last", "new", "old",
    "good", "best", "general", "royal", "federal", "national", "university", "college", "centre",
    "center", "church", "house", "mount", "lake", "river", "bay", "park", "port", "fort", "cape",
    "island", "city", "town", "village", "county", "state", "province", "region", "capital",
    "president", "minister", "prince", "princess", "king", "queen", "force", "alliance",
    "agreement", "treaty", "convention", "declaration", "program", "programme", "amount", "total",
    "rank", "rate", "export", "exports", "import", "imports", "investment", "partner", "partners",
    "member", "members", "ally", "allies", "diamond", "gold", "silver", "marine", "navy", "army",
    "air", "sea", "ocean", "coast", "north", "south", "east", "west", "western", "eastern",
    "northern", "southern", "central", "upper", "lower", "middle", "see", "print", "share", "top",
    "main", "index", "contact", "media", "news", "post", "page", "information", "search", "menu",
    "welcome", "services", "events", "business", "travel", "visa", "passport", "help", "back",
    "next", "previous", "read", "related", "links", "resources", "publications", "documents",
    "reports", "press", "release", "photos", "archive", "terms", "privacy", "feedback", "follow",
    "updated", "published", "source", "notes", "references", "overview", "background", "summary",
    "culture", "education", "science", "technology", "environment", "health", "defence", "defense",
    "development", "cooperation", "diplomacy", "ambassador", "people", "life", "love", "star",
    "sun", "rose", "grace", "faith", "wells", "fairview", "plain", "plains", "globe", "republic",
    "paradise", "eden",
}  # fmt: skip
# Words before a name that make it a person's or another feature's: "Queen Victoria", "Lake Geneva".
BEFORE_NOT_A_PLACE = {"king", "queen", "prince", "princess", "president", "minister", "sir", "lady",
                      "lord", "pope", "general", "mr", "mrs", "ms", "dr", "lake", "mount", "mont",
                      "cape", "fort", "port", "river", "bay", "gulf", "strait"}  # fmt: skip
# Surname particles: "Pieter van Gent" is a man, not Ghent.
PARTICLES = {"van", "von", "zu", "vom"}
# Capitalised words that may stand right before a city's name without being part of another name.
BEFORE_A_CITY = {"in", "at", "from", "to", "of", "and", "or", "the", "with", "by", "for", "on",
                 "near", "via", "both", "like", "between", "greater", "downtown", "metropolitan",
                 "central", "old", "north", "south", "east", "west", "northern", "southern",
                 "eastern", "western", "northeastern", "northwestern", "southeastern",
                 "southwestern", "rural", "urban", "coastal"}  # fmt: skip
# A demonym that is also a language, read as the language: "speak French", "in Dutch.".
LANGUAGE_BEFORE = {"speak", "speaks", "spoke", "spoken", "speaking", "learn", "learns", "learned",
                   "learnt", "learning", "teach", "teaches", "taught", "study", "studied",
                   "write", "writes", "wrote", "written", "into", "translated"}  # fmt: skip
LANGUAGE_AFTER = {"speaking", "speaker", "speakers", "language", "languages", "dialect",
                  "version", "translation", "lessons", "course", "courses"}  # fmt: skip
GAP = re.compile(r"[ \t\u00a0]*[-\u2010\u2011'\u2019,]?[ \t\u00a0]*")
DYNASTY = re.compile(r"\bHouse of (?:(?:[A-Z][\w'\u2019.]*|and|of|de|van|von)(?:[ \t]+|-))*"
                     r"[A-Z][\w'\u2019.]*")  # fmt: skip
SPEAKER_ONLY = re.compile(r"\bour (?:own )?country\b", re.I)
LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s+")
SPEAKER_AND_OTHER = re.compile(
    r"\b(?:our (?:two )?(?:countries|nations)|both (?:of our )?(?:countries|nations)"
    r"|the two (?:countries|nations))\b",
    re.I,
)


@dataclass(frozen=True)
class Mention:
    """A span of text that names an entity."""

    start: int
    end: int
    text: str
    entity: Entity
    via: str  # "name", "alias", "acronym", "demonym", "reference"


@dataclass
class Context:
    """What the whole document says that helps read one span: whose voice, which states."""

    speaker: Entity | None = None
    countries: set[str] = field(default_factory=set)  # slugs of the states the document names
    counts: Counter[str] = field(default_factory=Counter)  # mentions per state slug
    spans: list[tuple[int, str]] = field(default_factory=list)  # (offset, state slug), in order
    common_words: frozenset[str] = frozenset()  # words the document writes in lower case

    def isos(self) -> list[str]:
        """Return the ISO codes of the document's countries whose cities are looked up."""
        gaz = gazetteer()
        by_slug = {e.slug: iso for iso, e in gaz.states.items()}
        return sorted(by_slug[s] for s in self.countries if s in by_slug and len(by_slug[s]) == 2)


class _Choice(NamedTuple):
    """The entity a name is read as, and how the name names it ("name", "alias"...)."""

    entity: Entity
    via: str


def _entity(entry: Entry) -> Entity:
    """Return the entity of an index entry that names a loaded one (all but a city's reference
    and a non-place)."""
    if entry.entity is None:
        raise ValueError(f"the index entry {entry.name!r} names no loaded entity")
    return entry.entity


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str
    key: str


def _tokens(text: str, lo: int, hi: int) -> list[_Token]:
    return [
        _Token(m.start(), m.end(), m.group(), fold(m.group())) for m in TOKEN.finditer(text, lo, hi)
    ]


def _joined(text: str, a: _Token, b: _Token) -> bool:
    """Say whether two tokens may belong to one name: a space, hyphen or apostrophe between."""
    gap = text[a.end : b.start]
    if GAP.fullmatch(gap):
        return True
    # A full stop inside a name only after an abbreviation: "St. John's", "D.C.", "U.S."
    return (
        gap.startswith(".")
        and GAP.fullmatch(gap[1:]) is not None
        and (len(a.text) <= 2 or a.key in {"st", "ste", "mt", "ft"})
    )


def _case_ok(entry: Entry, tokens: list[_Token]) -> bool:
    """Check the case of the text against the name: 'UN' is not 'un', 'Turkey' not 'turkey'."""
    for word, token in zip(written(entry.name), tokens, strict=False):
        if len(word) > 1 and word.isupper():  # an acronym keeps its case
            if fold(word) != token.key or not token.text.isupper():
                return False
        elif (
            word[:1].isupper()
            and not token.text[:1].isupper()
            and word.lower() not in PLACE_TYPE_WORDS
        ):
            return False
    return True


class _Scanner:
    """Find the mentions in one span of a document, given the document's context."""

    def __init__(self, text: str, start: int, end: int, context: Context, cities: bool = True):
        self.gaz = gazetteer()
        self.text, self.start, self.end, self.ctx = text, start, end, context
        self.isos = context.isos() if cities else []
        self.cities = cities
        self.starts = self.gaz.first_words(self.isos)
        lo = text.rfind("\n", 0, start) + 1
        hi = text.find("\n", end)
        self.tokens = _tokens(text, lo, len(text) if hi < 0 else hi)
        self.blocked = [m.span() for m in DYNASTY.finditer(text, lo, len(text) if hi < 0 else hi)]
        self.found: list[Mention] = []

    def run(self, skip: list[tuple[int, int]]) -> list[Mention]:
        """Scan the span left to right, taking the longest name at each word."""
        toks, i = self.tokens, 0
        while i < len(toks) and toks[i].start < self.start:
            i += 1
        while i < len(toks) and toks[i].end <= self.end:
            if any(a <= toks[i].start < b for a, b in skip):
                i += 1
                continue
            match = self._longest(i)
            if match is None:
                i += 1
                continue
            j, entries = match
            mention = self._resolve(i, j, entries)
            if mention:
                self.found.append(mention)
                while j < len(toks) and toks[j].start < mention.end:
                    j += 1
            i = j
        return self.found

    def _longest(self, i: int) -> tuple[int, list[Entry]] | None:
        toks = self.tokens
        if toks[i].key not in self.starts:
            return None
        last = i + 1
        while last < len(toks) and last - i < 12 and toks[last].end <= self.end:
            if not _joined(self.text, toks[last - 1], toks[last]):
                break
            last += 1
        for j in range(last, i, -1):
            key = " ".join(t.key for t in toks[i:j])
            entries = self.gaz.entries(key, self.isos)
            if not self.cities:
                entries = [e for e in entries if e.role != "city"]
            entries = [e for e in entries if _case_ok(e, toks[i:j])]
            if entries:
                return j, entries
        return None

    def _resolve(self, i: int, j: int, entries: list[Entry]) -> Mention | None:
        toks = self.tokens
        start, end = toks[i].start, toks[j - 1].end
        if any(a <= start < b for a, b in self.blocked):
            return None  # a dynasty: "House of Windsor"
        if self.text[end : end + 1] == "$":
            return None  # a currency's sign: "US$ 250m", "NZ$", "R$"
        kept, start, end = self._type_word(i, j, entries, start, end)
        entries = kept or [e for e in entries if not e.needs_type]
        chosen = self._choose(i, j, entries, key=" ".join(t.key for t in toks[i:j]))
        if chosen is None:
            return None
        entity, via = chosen
        if self.text[end : end + 1] == "." and any(e.name.endswith(".") for e in entries):
            end += 1  # "U.S.", "Washington, D.C."
        return Mention(start, end, self.text[start:end], entity, via)

    def _type_word(
        self, i: int, j: int, entries: list[Entry], start: int, end: int
    ) -> tuple[list[Entry], int, int]:
        """Read a type word around the name: 'Quebec City', 'the province of Quebec'."""
        toks = self.tokens
        word, after = None, False
        if (
            j < len(toks)
            and toks[j].end <= self.end
            and toks[j].key in PLACE_TYPE_WORDS | {"city"}
            and _joined(self.text, toks[j - 1], toks[j])
            and "," not in self.text[toks[j - 1].end : toks[j].start]
        ):
            word, after = toks[j].key, True
        elif (
            i >= 2
            and toks[i - 1].key == "of"
            and toks[i - 2].key in PLACE_TYPE_WORDS
            and toks[i - 2].start >= self.start
        ):
            word = toks[i - 2].key
        if word is None:
            return [], start, end
        kept = typed(entries, word)
        if not kept:
            return [], start, end
        return kept, (start if after else toks[i - 2].start), (toks[j].end if after else end)

    def _choose(self, i: int, j: int, entries: list[Entry], key: str) -> _Choice | None:
        roles = {e.role for e in entries}
        if "non-place" in roles:
            return None
        if self._in_a_list_of_cities(i) and {"country", "city"} <= roles:
            # "São Paulo, Rio de Janeiro, Salvador and Recife": the city, not El Salvador.
            city = self._place(i, j, [e for e in entries if e.role == "city"], key)
            if city and city.entity.country == self.found[-1].entity.country:
                return city
        for role in ("country", "organisation", "community"):
            group = [e for e in entries if e.role == role]
            if group:
                inside = [e for e in group if self._in_context(e.entity)]
                return _Choice(_entity((inside or group)[0]), (inside or group)[0].via)
        if "demonym" in roles:
            if self._language(i, j):
                return None
            group = [e for e in entries if e.role == "demonym"]
            inside = [e for e in group if self._in_context(e.entity)]
            return _Choice(_entity((inside or group)[0]), "demonym")
        return self._place(i, j, entries, key)

    def _in_context(self, entity: Entity | None) -> bool:
        countries = self.ctx.countries
        return entity is not None and (entity.slug in countries or entity.country in countries)

    def _language(self, i: int, j: int) -> bool:
        """Say whether a demonym is used as a language's name: 'speak French', 'in Dutch.'."""
        toks = self.tokens
        before = toks[i - 1].key if i > 0 else ""
        after = toks[j].key if j < len(toks) else ""
        if before in LANGUAGE_BEFORE or after in LANGUAGE_AFTER:
            return True
        if before in {"and", "or"} and i >= 2 and toks[i - 2].text in self.gaz.demonym_adjectives:
            return self._language(i - 2, i - 1)  # "speak French and German"
        # A bare adjective as the subject of a verb names the language: "French is spoken",
        # "with French being official"; the people take an article ("the French are").
        adjective = self.gaz.demonym_adjectives
        if toks[i].text in adjective and after in {"is", "was", "being"}:
            return before not in {"the", "a", "an"}
        # "in Dutch." but not "in Dutch ports"
        return before == "in" and self.text[toks[j - 1].end : toks[j - 1].end + 1] in ".,;:)"

    def _place(self, i: int, j: int, entries: list[Entry], key: str) -> _Choice | None:
        toks, gaz = self.tokens, self.gaz
        before = toks[i - 1] if i > 0 else None
        if before and before.text[:1].isupper() and before.key in BEFORE_NOT_A_PLACE:
            return None
        if before and before.key in PARTICLES and i > 1 and toks[i - 2].text[:1].isupper():
            return None
        if i > 1 and self._inside_a_name(i):
            return None  # the end of a longer proper name: "George Washington"
        if j < len(toks):
            nxt, gap = toks[j], self.text[toks[j - 1].end : toks[j].start]
            if (
                nxt.text[:1].isupper()
                and nxt.key not in PLACE_TYPE_WORDS
                and not gap.strip(" \t\u00a0")
            ):
                return None  # the start of a longer proper name: "Paris Agreement"
            if gap == "-" and nxt.text[:1].islower():
                return None  # a compound word: "Post-war", "Home-grown"
        subs = [e for e in entries if e.role == "subnational"]
        # A subdivision of another state is taken only by a name that says little else.
        subs = [e for e in subs if self._in_context(e.entity) or (e.anywhere and key not in STOP)]
        cities = self._cities(i, j, [e for e in entries if e.role == "city"], key)
        by_entity: dict[Entity, Entry] = {}
        for e in cities:
            entity = gaz.resolve(e)
            if entity is not None:
                by_entity.setdefault(entity, e)
        local = [c for c in by_entity if self._in_context(c)]
        far = [c for c in by_entity if not self._in_context(c)]
        subs_here = [e for e in subs if self._in_context(e.entity)]
        subs_here.sort(key=lambda e: _entity(e).slug in gaz.lower_tier)
        # 1. the capital of a state of the document ("Brussels", "Washington"), 2. a city that its
        # name means before its namesakes ("New York", "Geneva").
        capitals = [c for c in local if c.slug in gaz.capitals]
        principal = [c for c in local if c.slug in gaz.principal_slugs]
        for group in (capitals, principal):
            if group:
                return _Choice(group[0], by_entity[group[0]].via)
        ordinary = self._by_focus(i, [c for c in local if c.slug not in gaz.capitals])
        if subs_here:
            sub = subs_here[0]
            if ordinary and self._city_over_region(ordinary[0], _entity(sub), key):
                return _Choice(ordinary[0], by_entity[ordinary[0]].via)
            return _Choice(_entity(sub), sub.via)
        # 3. a capital or major city of another state, before a small namesake of the document's.
        for group in ([c for c in far if c.slug in gaz.capitals], far, ordinary):
            if group:
                return _Choice(group[0], by_entity[group[0]].via)
        return _Choice(_entity(subs[0]), subs[0].via) if subs else None

    def _city_over_region(self, city: Entity, sub: Entity, key: str) -> bool:
        """Decide a bare name shared by a city and a subdivision of the document's states."""
        if name_key(city.label) == f"{key} city":
            return False  # the city goes by "<name> City" (Quebec City): the name is the region's
        # A subdivision named after its seat city (Hiroshima, Valparaíso) or a lower-tier one (a
        # Belgian province: Antwerp) leaves the bare name to the city; a town named after another
        # subdivision (Nevada, Missouri) leaves it to the subdivision.
        return city.parent == sub.slug or sub.slug in self.gaz.lower_tier

    def _cities(self, i: int, j: int, entries: list[Entry], key: str) -> list[Entry]:
        """Drop city readings that the words around the name rule out."""
        if not entries:
            return []
        if len(key.split()) == 1 and key in STOP:
            return []
        if key in self.ctx.common_words:  # the document writes the word in lower case
            entries = [e for e in entries if e.ref is not None]
        qualifier = self._qualifier(j)
        if qualifier is not None:
            resolved = [(e, self.gaz.resolve(e)) for e in entries]
            return [e for e, c in resolved if c and qualifier.slug in (c.country, c.parent)]
        return entries

    def _inside_a_name(self, i: int) -> bool:
        """Say whether the word before a name is a capitalised word of the same proper name."""
        toks, text = self.tokens, self.text
        before = toks[i - 1]
        if not before.text[:1].isupper() or before.key in BEFORE_A_CITY:
            return False
        if text[before.end : toks[i].start].strip(" \t\u00a0") != "":
            return False
        if any(m.end == before.end for m in self.found):
            return False  # the word ends another mention: "Belgian Antwerp"
        # A capital at the start of a sentence says nothing: "Visiting Montreal, ..."
        return text[toks[i - 2].end : before.start].strip(" \t\u00a0") == ""

    def _qualifier(self, j: int) -> Entity | None:
        """Return the place named after a comma, 'St. Boniface, Manitoba': the city lies there."""
        toks = self.tokens
        if j >= len(toks) or self.text[toks[j - 1].end : toks[j].start].strip() != ",":
            return None
        for k in range(min(len(toks), j + 4), j, -1):
            key = " ".join(t.key for t in toks[j:k])
            for e in self.gaz.index.get(key, ()):
                if (
                    not e.needs_type
                    and _case_ok(e, toks[j:k])
                    and (
                        e.role == "country"
                        or (e.role == "subnational" and self._in_context(e.entity))
                    )
                    and not self._list_goes_on(k)
                ):
                    return e.entity
        return None

    def _in_a_list_of_cities(self, i: int) -> bool:
        """Say whether the name at token i comes right after a city, joined as a list item."""
        if not self.found or self.found[-1].entity.kind != "city":
            return False
        gap = self.text[self.found[-1].end : self.tokens[i].start]
        return LIST_GAP.fullmatch(gap) is not None

    def _list_goes_on(self, k: int) -> bool:
        """Say whether a list of names goes on after token k: "Tangier, Tetouan, Nador and
        Larache" names four places, not Tangier in a province Tetouan."""
        toks = self.tokens
        if k >= len(toks):
            return False
        gap = self.text[toks[k - 1].end : toks[k].start].strip()
        word = toks[k].text
        return (gap == "," and word[:1].isupper()) or (gap == "" and word in ("and", "or"))

    def _by_focus(self, i: int, cities: list[Entity]) -> list[Entity]:
        """Order cities by the states the text spoke of last, then by how often it names them."""
        offset = self.tokens[i].start
        recent = [s for o, s in self.ctx.spans if o < offset]
        recent += [
            m.entity.slug if m.entity.country is None else m.entity.country for m in self.found
        ]
        order = list(dict.fromkeys(reversed(recent)))
        order += [s for s, _ in self.ctx.counts.most_common() if s not in order]

        def rank(city: Entity) -> int:
            return order.index(city.country) if city.country in order else len(order)

        return sorted(cities, key=rank)


def _references(text: str, start: int, end: int, context: Context) -> list[Mention]:
    """Find 'our country' (the speaker) and 'our two countries' (the speaker and the other)."""
    found: list[Mention] = []
    for m in SPEAKER_ONLY.finditer(text, start, end):
        if context.speaker:
            found.append(Mention(m.start(), m.end(), m.group(), context.speaker, "reference"))
    for m in SPEAKER_AND_OTHER.finditer(text, start, end):
        for entity in pair(text, m.start(), context):
            found.append(Mention(m.start(), m.end(), m.group(), entity, "reference"))
    return found


def pair(text: str, offset: int, context: Context) -> list[Entity]:
    """Return the two states a 'both countries' means: the speaker and the paragraph's other."""
    gaz = gazetteer()
    lo = max(text.rfind("\n\n", 0, offset), 0)
    hi = text.find("\n\n", offset)
    hi = len(text) if hi < 0 else hi
    local = Counter(s for o, s in context.spans if lo <= o < hi)
    me = context.speaker.slug if context.speaker else None

    def ranked() -> list[tuple[str, tuple[int, int]]]:
        slugs = set(local) | set(context.counts)
        scores = {s: (local[s], context.counts[s]) for s in slugs if s != me}
        return sorted(scores.items(), key=lambda kv: kv[1], reverse=True)

    order = ranked()
    wanted = 1 if me else 2
    # The other party only when it stands out: a tie says the text does not tell.
    if len(order) < wanted or (len(order) > wanted and order[wanted - 1][1] == order[wanted][1]):
        return [context.speaker] if context.speaker else []
    others = [gaz.state(s) for s, _ in order[:wanted]]
    return ([context.speaker] if context.speaker else []) + [e for e in others if e]


def document_context(text: str, speaker: str | None = None) -> Context:
    """Read a whole document once: whom it speaks for and which states it names, how often."""
    gaz = gazetteer()
    me = gaz.state(speaker) if speaker else None
    context = Context(speaker=me, countries={me.slug} if me else set())
    context.common_words = frozenset(
        fold(m.group()) for m in TOKEN.finditer(text) if m.group()[:1].islower()
    )
    states = {e.slug for e in gaz.states.values()}
    for mention in _Scanner(text, 0, len(text), context, cities=False).run([]):
        entity = mention.entity
        if entity.slug in states:
            context.counts[entity.slug] += 1
            context.spans.append((mention.start, entity.slug))
            context.countries.add(entity.slug)
        elif mention.via == "demonym" and entity.country:  # "Walloon": Belgium
            context.countries.add(entity.country)
    return context


def find_mentions(text: str, start: int, end: int, context: Context) -> list[Mention]:
    """Find the mentions in text[start:end], each resolved to one entity, sorted by offset."""
    references = _references(text, start, end, context)
    skip = [(m.start, m.end) for m in references]
    found = _Scanner(text, start, end, context).run(skip)
    return sorted(references + found, key=lambda m: (m.start, m.end, m.entity.slug))
