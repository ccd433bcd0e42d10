"""Know the world's states, regions, cities and international organisations, and their names.

Places come from the countrystatecity-countries package, whose data is licensed under the Open
Database License (ODbL 1.0); the tables in reference/ add the general knowledge it lacks.

Slugs (stable: they depend on the data, never on the documents built):
- a state: slugify(label), where the label is the dataset's English name ("united-states"), or
  the name in reference/countries.tsv where the dataset's carries a qualifier ("Man (Isle of)");
- a subdivision: "<iso2>-<slugify(name)>" ("be-flanders", "ca-quebec"); the dataset's code is
  inserted for the second of two subdivisions of one name in one country;
- a dependency: its subdivision slug when its sovereign lists it ("us-puerto-rico"), else
  "<sovereign iso2>-<slugify(label)>" ("gb-gibraltar");
- a city: "<iso2>-<slugify(English name)>" ("ca-montreal", "ca-quebec-city"), with the dataset's
  subdivision code inserted when the country has several cities of that English name
  ("us-ga-atlanta");
- a community or organisation: "<iso2>-<slugify(name)>" / slugify(key) from the reference tables.
"""

import csv
import difflib
import functools
import importlib.util
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from rdflib import URIRef

from .. import iris
from ..vocab import DKG
from .lexicon import LISTED_SUBDIVISION_KINDS, PLACE_TYPE_WORDS

REFERENCE = Path(__file__).resolve().parents[1] / "reference"
TOKEN = re.compile(r"[^\W_]+")
# Letters that NFKD does not split into a base letter and an accent.
_LETTERS = str.maketrans({"ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe",
                          "Œ": "OE", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "\u0131": "i",
                          "þ": "th"})  # fmt: skip
# In countries that list two tiers side by side (Belgium: regions and provinces), these are the
# upper tier; the lower tier is mostly named after its seat city, so a bare name means the city.
_UPPER_TYPES = {"region", "autonomous community", "metropolitan region", "country",
                "autonomous region", "state", "land"}  # fmt: skip
_SKIPPED_TYPES = {"military postal region"}  # postal codes, not polities
_TERRITORY_TYPES = ("territory", "dependency", "outlying", "overseas", "special administrative")
# Words that alone do not single out a subdivision anywhere in the world ("Central", "North West").
GENERIC = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
           "central", "centre", "center", "capital", "upper", "lower", "middle", "new", "greater",
           "coast", "coastal", "island", "islands", "lake", "lakes", "river", "valley", "sea",
           "highlands", "plateau", "delta", "metropolitan", "federal", "national", "city", "sud",
           "nord", "est", "ouest", "littoral", "interior", "border", "mountain", "mountains",
           "of", "the", "and", *PLACE_TYPE_WORDS}  # fmt: skip
# Suffixes by which the dataset sets a capital apart from its namesakes ("Washington D.C.").
_CAPITAL_SUFFIXES = ("d c", "dc", "city")
_CAPITAL_TYPES = ("capital", "federal", "district")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_CAPITAL_NAME = re.compile(r"(.+?)[- ]Capital")
_SAINT = re.compile(r"(Saint|Sainte|St\.?|Ste\.?)[- ](.+)")
_CLS = {"state": DKG.SovereignState, "region": DKG.Region, "province": DKG.Province,
        "territory": DKG.Territory, "us-state": DKG.USState, "community": DKG.Community,
        "city": DKG.City}  # fmt: skip
# A record of the countrystatecity JSON data (a country, subdivision or city): parsed JSON.
Record = dict[str, Any]
_ORG_TYPES = {
    "international organisation": ("organisation", DKG.InternationalOrganisation),
    "military mission": ("organisation", DKG.MilitaryUnit),
    "trade agreement": ("agreement", DKG.Treaty),
}


def deaccent(text: str) -> str:
    """Strip accents, keeping case: 'Québec' -> 'Quebec'."""
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.translate(_LETTERS)))


@functools.lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Fold one word for lookup: no accents, lower case."""
    return deaccent(word).lower()


@functools.lru_cache(maxsize=262144)
def name_key(name: str) -> str:
    """Fold a name to its lookup key: words without accents, case or punctuation, space-joined."""
    if name.isascii() and name.replace(" ", "").isalpha() and "  " not in name:
        return name.strip().lower()  # most names: plain words, nothing to strip
    return " ".join(TOKEN.findall(deaccent(name).lower()))


@functools.lru_cache(maxsize=65536)
def written(name: str) -> tuple[str, ...]:
    """Return the words of a name as written (accents stripped), for the case check."""
    return tuple(TOKEN.findall(deaccent(name)))


class Exonym(NamedTuple):
    """The English name of a city the dataset names otherwise, and its other English names."""

    english: str
    others: list[str]


@dataclass(frozen=True)
class Entity:
    """A place or organisation that mentions resolve to."""

    kind: str
    slug: str
    label: str
    cls: URIRef
    country: str | None = None
    parent: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    iso: str | None = None
    # Set for a thing the reference data lacks, read from a document: the words that name it
    # there (document offsets) and its acronym. Its description comes from that document.
    phrase: tuple[int, int] | None = field(default=None, compare=False)
    acronym: str | None = field(default=None, compare=False)

    @property
    def iri(self) -> URIRef:
        """Return the entity's IRI: <base>id/<kind>/<slug>."""
        return iris.entity(self.kind, self.slug)


class CapitalRef(NamedTuple):
    """The national capital of a country whose cities are not loaded yet."""

    iso2: str


class CityRef(NamedTuple):
    """A city of a country whose cities are not loaded yet (in a subdivision, if code is set)."""

    iso2: str
    name: str
    code: str | None


@dataclass(frozen=True)
class Entry:
    """One way of writing an entity's name, as the name index holds it."""

    # "country", "organisation", "community", "subnational", "demonym", "city" or "non-place"
    role: str
    via: str  # "name", "alias", "acronym", "demonym"
    name: str  # as written
    entity: Entity | None = None
    ref: CapitalRef | CityRef | None = None  # a city whose country is not loaded yet
    anywhere: bool = True  # a subdivision name specific enough to look for in any document
    needs_type: bool = False  # a stem that names the entity only before a type word ("Brussels")


def data_dir() -> Path:
    """Locate the countrystatecity data folder without importing the package (it pulls pydantic)."""
    spec = importlib.util.find_spec("countrystatecity_countries")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the countrystatecity-countries package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def read_table(name: str, columns: int) -> list[list[str]]:
    """Read a reference table: tab-separated rows padded to `columns`; '#' lines are comments."""
    with open(REFERENCE / name, encoding="utf-8", newline="") as f:
        lines = (line for line in f if line.strip() and not line.startswith("#"))
        rows = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [([cell.strip() for cell in row] + [""] * columns)[:columns] for row in rows]


def split(cell: str) -> list[str]:
    """Split a '|'-separated cell into its non-empty parts."""
    return [part.strip() for part in cell.split("|") if part.strip()]


def spelling_variants(name: str) -> set[str]:
    """Return the name with British and American spellings of organisation words."""
    variants = {name}
    for a, b in (("Organisation", "Organization"), ("Co-operation", "Cooperation")):
        variants |= {v.replace(a, b) for v in variants} | {v.replace(b, a) for v in variants}
    return variants


def plural(noun: str) -> str:
    """Derive the plural of a people's noun: Belgian -> Belgians, Frenchman -> Frenchmen."""
    # A compound of an adjective in -ch/-sh/-s and "man" (Frenchman, Irishman, Scotsman), not
    # a noun that merely ends so (German).
    if re.search(r"(ch|sh|s)(wo)?man$", noun):
        return noun[:-3] + "men"
    if noun.endswith(("ese", "ss", "sh", "s", "x", "y")):
        return noun
    return noun + "s"


def saint_variants(name: str) -> list[str]:
    """Return 'Saint-X' also as 'St. X' and 'St X', and back; the dataset writes both."""
    m = _SAINT.match(name) if name[:1] == "S" else None
    if not m:
        return []
    long = {"St": "Saint", "Ste": "Sainte"}.get(m.group(1).rstrip("."), m.group(1))
    short = {"Saint": "St", "Sainte": "Ste"}[long]
    return [f"{long} {m.group(2)}", f"{short}. {m.group(2)}", f"{short} {m.group(2)}"]


def _float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _kind_of(country: str, subdivision_type: str) -> str:
    if country == "US" and subdivision_type == "state":
        return "us-state"
    if country == "US" or any(word in subdivision_type for word in _TERRITORY_TYPES):
        return "territory"  # the District of Columbia and the outlying areas too
    return "province" if "province" in subdivision_type else "region"


def subdivision_names(s: Record) -> list[tuple[str, str, bool]]:
    """Return (name, via, needs a type word) for a subdivision of the dataset."""
    name = s["name"]
    names = [(name, "name", False)]
    if ", " in name:  # "Asturias, Principality of" -> "Principality of Asturias", "Asturias"
        head, tail = name.split(", ", 1)
        names += [(f"{tail} {head}", "alias", False), (head, "alias", False)]
    if "(" in name:  # "Laayoune (EH)" -> "Laayoune"
        names.append((re.sub(r"\s*\(.*?\)", "", name), "alias", False))
    native = s.get("native") or ""
    # The dataset's native names are partly machine-translated noise ("Down" for Alaska); keep
    # one only when it is in Latin script and still looks like the name (Vlaanderen, Flanders).
    if native and not native.isupper() and deaccent(native).isascii():
        a, b = name_key(name), name_key(native)
        if a != b and difflib.SequenceMatcher(None, a, b).ratio() >= 0.6:
            names.append((native, "alias", False))
    capital = _CAPITAL_NAME.fullmatch(name) if "Capital" in name else None
    if capital:  # "Brussels-Capital": "the Brussels Region" but not "Brussels" alone
        names.append((capital.group(1), "alias", True))
    return names


def typed(entries: list[Entry], word: str) -> list[Entry]:
    """Keep the entries a type word allows: a city before "City", a subdivision before "Region"."""
    if word == "city":
        return [e for e in entries if e.role == "city"]
    # "Walloon Region": a region's adjective before a type word names the region.
    return [
        Entry("subnational", "alias" if e.role == "demonym" else e.via, e.name, e.entity)
        for e in entries
        if e.role == "subnational"
        or (
            e.role == "demonym"
            and e.entity is not None
            and e.entity.kind in LISTED_SUBDIVISION_KINDS
        )
    ]


class Gazetteer:
    """The names of states, subdivisions, communities and organisations; cities per country."""

    def __init__(self, data: Path | None = None):
        self._data = data or data_dir()
        self.index: dict[str, list[Entry]] = defaultdict(list)
        self.entities: dict[tuple[str, str], Entity] = {}
        self.countries: dict[str, Record] = {}  # iso2 -> countries.json record
        self.states: dict[str, Entity] = {}  # iso2 -> state, or dependency listed as a country
        self.subdivisions: dict[tuple[str, str], Entity] = {}  # (iso2, dataset code) -> entity
        self.subdivision_types: dict[str, str] = {}  # slug -> the dataset's type
        self.lower_tier: set[str] = set()  # slugs of lower-tier subdivisions
        exonyms = read_table("english_exonyms.tsv", 5)
        self.exonyms = {
            (c, n): Exonym(e, split(o)) for c, kind, n, e, o in exonyms if kind == "city"
        }
        self._subdivision_exonyms = [
            (c, n, [e, *split(o)]) for c, kind, n, e, o in exonyms if kind == "subdivision"
        ]
        self.principal = {tuple(r) for r in read_table("principal_cities.tsv", 3)}
        self.capitals: set[str] = set()  # city slugs, filled as countries' cities load
        self.principal_slugs: set[str] = set()
        self._cities: dict[str, list[Record]] = {}  # iso2 -> the dataset's rows
        self._city_entities: dict[str, dict[int, Entity]] = {}  # made on first use
        self._city_index: dict[str, dict[str, list[tuple[str, int]]]] = {}
        self._city_shared: dict[str, Counter[str]] = {}
        self._capital: dict[str, Entity | None] = {}
        self._first_words: dict[tuple[str, ...], frozenset[str]] = {}
        self._load_countries()
        self._load_subdivisions()
        self._load_reference()
        self._state_slugs = {e.slug: e for e in self.states.values()}

    # -- building -------------------------------------------------------------------------

    def add(
        self,
        name: str,
        role: str,
        via: str,
        entity: Entity | None = None,
        ref: CapitalRef | CityRef | None = None,
        anywhere: bool = True,
        needs_type: bool = False,
    ) -> None:
        """Index one name of an entity (or of a city whose country is not loaded yet)."""
        key = name_key(name)
        if key:
            entry = Entry(role, via, name, entity, ref, anywhere, needs_type)
            entries = self.index[key]
            if not entries or entry not in entries:
                entries.append(entry)

    def _register(self, entity: Entity) -> Entity:
        if (entity.kind, entity.slug) in self.entities:
            raise ValueError(f"two entities with the IRI {entity.iri}")
        self.entities[(entity.kind, entity.slug)] = entity
        return entity

    def _load_countries(self) -> None:
        extra = {r[0]: r for r in read_table("countries.tsv", 4)}
        text = (self._data / "countries.json").read_text(encoding="utf-8")
        records: list[Record] = json.loads(text)
        self.countries = {c["iso2"]: c for c in records}
        # Sovereign states first: a dependency's entity names the state it belongs to.
        records.sort(key=lambda c: bool(extra.get(c["iso2"], ["", ""])[1]))
        for c in records:
            iso2 = c["iso2"]
            _, sovereign, label, aliases = extra.get(iso2, [iso2, "", "", ""])
            label = label or c["name"]
            if sovereign:
                entity = self._dependency(c, sovereign, label)
            else:
                lat, lon = _float(c["latitude"]), _float(c["longitude"])
                slug = iris.slugify(label)
                entity = self._register(
                    Entity("state", slug, label, _CLS["state"], None, None, lat, lon, iso2)
                )
                if c.get("capital"):
                    self.add(c["capital"], "city", "name", ref=CapitalRef(iso2))
            self.states[iso2] = entity
            self.add(label, "country", "name", entity)
            names = [c["name"], c.get("native") or ""]
            names += [c["translations"].get(lang) or "" for lang in ("fr", "nl", "de")]
            for name in names + split(aliases):
                if name and not re.search(r"[\[\]()]", name):
                    via = "acronym" if name.replace(".", "").isupper() else "alias"
                    self.add(name, "country", via, entity)

    def _dependency(self, c: Record, sovereign: str, label: str) -> Entity:
        # A territory that countries.json lists as a country (Puerto Rico); when its sovereign's
        # subdivision list holds it too, both are one entity.
        owner = self.states.get(sovereign)
        keys = {name_key(n) for n in (c["name"], label, c.get("native") or "") if n}
        for s in self._read_states(sovereign) if owner else []:
            if s["state_code"] == c["iso2"] or name_key(s["name"]) in keys:
                return self._subdivision(sovereign, s)
        slug = f"{sovereign.lower()}-{iris.slugify(label)}" if owner else iris.slugify(label)
        lat, lon = _float(c["latitude"]), _float(c["longitude"])
        country = owner.slug if owner else None
        territory = Entity("territory", slug, label, _CLS["territory"], country, None, lat, lon)
        return self._register(Entity(**{**territory.__dict__, "iso": c["iso2"]}))

    def sovereign(self, iso2: str) -> str | None:
        """Return the slug of the sovereign state of a country or dependency (ISO2)."""
        entity = self.states.get(iso2)
        if entity is None:
            return None
        return entity.slug if entity.kind == "state" else entity.country

    def _read_states(self, iso2: str) -> list[Record]:
        try:
            rows: list[Record] = json.loads(
                (self._data / "by-country" / iso2 / "states.json").read_bytes()
            )
            return rows
        except FileNotFoundError:  # a few territories list no subdivisions
            return []

    def _subdivision(self, iso2: str, s: Record) -> Entity:
        known = self.subdivisions.get((iso2, s["state_code"]))
        if known:
            return known
        kind = _kind_of(iso2, s.get("type") or "")
        slug = f"{iso2.lower()}-{iris.slugify(s['name'])}"
        if any((k, slug) in self.entities for k in LISTED_SUBDIVISION_KINDS):
            # Two subdivisions of one name in one country (Cantabria the province and the
            # autonomous community): the lower tier carries its code.
            slug = f"{iso2.lower()}-{iris.slugify(s['state_code'])}-{iris.slugify(s['name'])}"
        lat, lon = _float(s.get("latitude")), _float(s.get("longitude"))
        iso = s.get("iso3166_2") or f"{iso2}-{s['state_code']}"
        country = self.sovereign(iso2)
        entity = self._register(
            Entity(kind, slug, s["name"], _CLS[kind], country, None, lat, lon, iso)
        )
        self.subdivisions[(iso2, s["state_code"])] = entity
        self.subdivision_types[entity.slug] = s.get("type") or ""
        return entity

    def _load_subdivisions(self) -> None:
        counts: Counter[str] = Counter()
        pending: list[tuple[Entity, list[tuple[str, str, bool]]]] = []
        for iso2 in sorted(self.countries):
            rows = [s for s in self._read_states(iso2) if s.get("type") not in _SKIPPED_TYPES]
            rows.sort(key=lambda s: (s.get("type") not in _UPPER_TYPES, s["name"], s["state_code"]))
            types = {s.get("type") for s in rows}
            two_tier = bool(types & _UPPER_TYPES) and bool(types - _UPPER_TYPES)
            for s in rows:
                entity = self._subdivision(iso2, s)
                if two_tier and s.get("type") not in _UPPER_TYPES:
                    self.lower_tier.add(entity.slug)
                names = subdivision_names(s)
                pending.append((entity, names))
                counts.update({name_key(name) for name, _, _ in names})
        for entity, names in pending:
            for name, via, needs_type in names:
                anywhere = not needs_type and self._specific(name, counts)
                self.add(name, "subnational", via, entity, anywhere=anywhere, needs_type=needs_type)

    @staticmethod
    def _specific(name: str, counts: Counter[str]) -> bool:
        # Outside the document's countries only a name that can hardly mean anything else is
        # looked up: several words, not all generic ("British Columbia"), or one long word that
        # names one subdivision in the world ("Bavaria").
        words = name_key(name).split()
        if all(w in GENERIC for w in words):
            return False
        return len(words) > 1 or (counts[words[0]] == 1 and len(words[0]) >= 5)

    def _load_reference(self) -> None:
        for key, kind_name, name, aliases in read_table("international_organisations.tsv", 4):
            kind, cls = _ORG_TYPES[kind_name]
            entity = self._register(Entity(kind, iris.slugify(key), name, cls))
            for alias in [name, *split(aliases)]:
                bare = alias.replace(".", "").replace("-", "")
                via = "name" if alias == name else "acronym" if bare.isupper() else "alias"
                for variant in spelling_variants(alias):
                    self.add(variant, "organisation", via, entity)
        for country, name, aliases in read_table("communities.tsv", 3):
            slug = f"{country.lower()}-{iris.slugify(name)}"
            owner = self.states[country].slug
            entity = self._register(Entity("community", slug, name, _CLS["community"], owner))
            for alias in [name, *split(aliases)]:
                self.add(alias, "community", "name" if alias == name else "alias", entity)
        self.demonym_adjectives: set[str] = set()  # "French", not "Frenchmen": may name a language
        for place, adjective, nouns in read_table("demonyms.tsv", 3):
            entity = self.place(place)
            self.demonym_adjectives.add(adjective)
            # Listed nouns (Frenchman) mean the adjective is no noun: no "Frenchs".
            people = split(nouns) or [adjective]
            for word in dict.fromkeys([adjective, *people, *map(plural, people)]):
                if not any(e.entity == entity for e in self.index.get(name_key(word), [])):
                    self.add(word, "demonym", "demonym", entity)
        for iso2, name, others in self._subdivision_exonyms:
            entity = next(
                e for (c, _), e in self.subdivisions.items() if c == iso2 and e.label == name
            )
            for other in others:
                self.add(other, "subnational", "alias", entity)
        for (name,) in read_table("non_places.tsv", 1):
            self.add(name, "non-place", "name")
        for (iso2, name), (english, others) in self.exonyms.items():
            for alias in dict.fromkeys([name, english, *others]):
                self.add(alias, "city", "name", ref=CityRef(iso2, name, None))
        for iso2, code, name in sorted(self.principal):
            self.add(name, "city", "name", ref=CityRef(iso2, name, code))

    def _load_cities(self, iso2: str) -> None:
        rows: list[Record] = []
        index: dict[str, list[tuple[str, int]]] = defaultdict(list)
        labels: list[str] = []
        seen: set[tuple[str, str]] = set()
        folder = self._data / "by-country" / iso2 / "states"
        for path in sorted(folder.glob("*/cities.json")) if folder.exists() else []:
            code = path.parent.name
            sub = self.subdivisions.get((iso2, code))
            sub_key = name_key(sub.label) if sub else None
            for row in json.loads(path.read_bytes()):
                name = row["name"]
                if (code, name) in seen:
                    continue  # the data repeats a few cities
                seen.add((code, name))
                i = len(rows)
                rows.append(row)
                key = name_key(name)
                index[key].append((name, i))
                names = []
                exonym = self.exonyms.get((iso2, name))
                if exonym:
                    names += [exonym.english, *exonym.others]
                    labels.append(name_key(exonym.english))
                else:
                    labels.append(key)
                if key == sub_key:  # a city named like its province: "Quebec City"
                    names.append(f"{exonym.english if exonym else name} City")
                if name[0] == "S":
                    names += saint_variants(name)
                for other in names:
                    if (other, i) not in index[name_key(other)]:
                        index[name_key(other)].append((other, i))
        shared = Counter(labels)
        self._cities[iso2] = rows
        self._city_entities[iso2] = {}
        self._city_index[iso2] = index
        self._city_shared[iso2] = shared
        self._capital[iso2] = capital = self._find_capital(iso2)
        if capital:
            self.capitals.add(capital.slug)
        for country, code, name in self.principal:
            city = self.city(iso2, name, code) if country == iso2 else None
            if city:
                self.principal_slugs.add(city.slug)

    def _city_at(self, iso2: str, i: int) -> Entity:
        entity = self._city_entities[iso2].get(i)
        if entity is not None:
            return entity
        row = self._cities[iso2][i]
        exonym = self.exonyms.get((iso2, row["name"]))
        label = exonym.english if exonym else row["name"]
        sub = self.subdivisions.get((iso2, row["state_code"]))
        base = iris.slugify(deaccent(label))
        slug = f"{iso2.lower()}-{base}"
        # A country with several cities of one English name: the subdivision code tells them apart.
        if self._city_shared[iso2][name_key(label)] > 1:
            slug = f"{iso2.lower()}-{iris.slugify(row['state_code'])}-{base}"
        if ("city", slug) in self.entities:
            slug = f"{slug}-{row['id']}"
        country = self.sovereign(iso2)
        parent = sub.slug if sub else (self.states[iso2].slug if iso2 in self.states else None)
        lat, lon = _float(row.get("latitude")), _float(row.get("longitude"))
        entity = self._register(
            Entity("city", slug, label, _CLS["city"], country, parent, lat, lon)
        )
        self._city_entities[iso2][i] = entity
        return entity

    def _find_capital(self, iso2: str) -> Entity | None:
        name = self.countries[iso2].get("capital")
        if not name or self.states[iso2].kind != "state":
            return None
        key = name_key(name)
        index = self._city_index[iso2]
        found = [i for _, i in index.get(key, [])]
        for suffix in _CAPITAL_SUFFIXES:
            found += [i for _, i in index.get(f"{key} {suffix}", [])]
        if found:
            # Several cities bear the capital's name (Washington): the capital is the one in a
            # capital district (District of Columbia), else the first in the data.
            def rank(i: int) -> bool:
                sub = self.subdivisions.get((iso2, self._cities[iso2][i]["state_code"]))
                kind = self.subdivision_types.get(sub.slug, "") if sub else ""
                return not any(word in kind for word in _CAPITAL_TYPES)

            best = sorted(dict.fromkeys(found), key=rank)[0]
            if (name, best) not in index[key]:
                index[key].insert(0, (name, best))  # "Washington" names Washington, D.C.
            return self._city_at(iso2, best)
        # No city of that name in the data (Buenos Aires): the capital is its own entity, in the
        # subdivision named after it when there is one.
        subs = [
            e for (c, _), e in self.subdivisions.items() if c == iso2 and key in name_key(e.label)
        ]
        parent = subs[0] if subs else None
        slug = f"{iso2.lower()}-{iris.slugify(deaccent(name))}"
        where = parent or self.states[iso2]
        entity = self._register(Entity("city", slug, name, _CLS["city"], self.sovereign(iso2),
                                       where.slug, where.latitude, where.longitude))  # fmt: skip
        self._cities[iso2].append({"name": name, "state_code": ""})
        self._city_entities[iso2][len(self._cities[iso2]) - 1] = entity
        index[key].insert(0, (name, len(self._cities[iso2]) - 1))
        return entity

    # -- queries --------------------------------------------------------------------------

    def place(self, code: str) -> Entity:
        """Return a state by ISO 3166-1 code ('BE'), a subdivision by '<iso2>-<code>' ('BE-WAL')."""
        iso2, _, sub = code.partition("-")
        entity = self.subdivisions.get((iso2, sub)) if sub else self.states.get(iso2)
        if entity is None:
            raise KeyError(f"no place {code!r} in the countrystatecity data")
        return entity

    def state(self, name_or_slug: str) -> Entity | None:
        """Return the state (or dependency listed as a country) with this slug, ISO code or name."""
        if name_or_slug in self._state_slugs:
            return self._state_slugs[name_or_slug]
        if len(name_or_slug) == 2 and name_or_slug.upper() in self.states:
            return self.states[name_or_slug.upper()]
        found = [
            e.entity for e in self.index.get(name_key(name_or_slug), []) if e.role == "country"
        ]
        return found[0] if found else None

    def demonym(self, word: str) -> list[Entity]:
        """Return the places a demonym or adjective names: 'Belgians' -> [Belgium]."""
        entries = self.index.get(name_key(word), [])
        found = [e.entity for e in entries if e.role == "demonym" and e.entity is not None]
        return list(dict.fromkeys(found))

    def lookup(self, name: str, countries: Sequence[str] = ()) -> list[Entity]:
        """Return every entity a name may mean; cities are searched in the given countries (ISO2).

        A type word picks the reading: "Quebec City" is a city, "Province of Quebec" and
        "Brussels Region" are subdivisions.
        """
        key = name_key(name)
        entries = [e for e in self.entries(key, countries) if not e.needs_type]
        words = key.split()
        if not entries and len(words) > 1 and words[-1] in PLACE_TYPE_WORDS | {"city"}:
            entries = typed(self.entries(" ".join(words[:-1]), countries), words[-1])
        elif not entries and len(words) > 2 and words[0] in PLACE_TYPE_WORDS and words[1] == "of":
            entries = typed(self.entries(" ".join(words[2:]), countries), words[0])
        found = [self.resolve(e) for e in entries if e.role != "non-place"]
        return list(dict.fromkeys(e for e in found if e is not None))

    def entries(self, key: str, countries: Sequence[str] = ()) -> list[Entry]:
        """Return the index entries of a folded name, with the cities of the given countries."""
        entries = list(self.index.get(key, ()))
        for iso2 in countries:
            for name, i in self.city_index(iso2).get(key, ()):
                city = self._city_at(iso2, i)
                own = name in (city.label, self._cities[iso2][i]["name"])
                entries.append(Entry("city", "name" if own else "alias", name, city))
        return entries

    def first_words(self, countries: Sequence[str] = ()) -> frozenset[str]:
        """Return the first word of every name that entries(key, countries) may find.

        A scanner asks this before trying the names that start at a word: most words start
        none, and the answer saves building a dozen keys for each of them.
        """
        key = tuple(countries)
        words = self._first_words.get(key)
        if words is None:
            found = {name.split(" ", 1)[0] for name in self.index}
            for iso2 in countries:
                found.update(name.split(" ", 1)[0] for name in self.city_index(iso2))
            words = self._first_words[key] = frozenset(found)
        return words

    def resolve(self, entry: Entry) -> Entity | None:
        """Return the entity of an index entry, loading the cities of its country if needed."""
        if entry.entity is not None or entry.ref is None:
            return entry.entity
        if isinstance(entry.ref, CapitalRef):
            return self.capital(entry.ref.iso2)
        return self.city(entry.ref.iso2, entry.ref.name, entry.ref.code)

    def city_index(self, iso2: str) -> dict[str, list[tuple[str, int]]]:
        """Return the names of a country's cities, loading them on first use."""
        if iso2 not in self._city_index:
            self._load_cities(iso2)
        return self._city_index[iso2]

    def cities(self, iso2: str) -> list[Entity]:
        """Return a country's cities."""
        self.city_index(iso2)
        return [self._city_at(iso2, i) for i in range(len(self._cities[iso2]))]

    def capital(self, iso2: str) -> Entity | None:
        """Return the national capital of a country (ISO2)."""
        self.city_index(iso2)
        return self._capital.get(iso2)

    def city(self, iso2: str, name: str, code: str | None = None) -> Entity | None:
        """Return the city of a country with this name (in this subdivision, if given)."""
        for _, i in self.city_index(iso2).get(name_key(name), []):
            if code is None or self._cities[iso2][i]["state_code"] == code:
                return self._city_at(iso2, i)
        return None

    def get(self, kind: str, slug: str) -> Entity | None:
        """Return the entity with this kind and slug; a city loads its country's cities."""
        if kind == "city" and (kind, slug) not in self.entities:
            iso2 = slug.split("-")[0].upper()
            if iso2 in self.countries:
                self.cities(iso2)
        return self.entities.get((kind, slug))


@functools.cache
def gazetteer() -> Gazetteer:
    """Return the process-wide gazetteer, built on first use."""
    return Gazetteer()
