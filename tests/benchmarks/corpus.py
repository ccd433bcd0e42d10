"""Make a large corpus for benchmarks: the sixteen documents of corpus/ again and again, each
copy with other states, demonyms and cities.

corpus/ holds a copy of the development corpus's documents (other pairs of states, other
genres: news, timelines, ministry pages, treaty lists). Copy 0 is the documents as they are;
in copy k every state a document names (by name or demonym) becomes another sovereign state,
chosen by a seeded draw, and each city of a replaced state one of the new state's cities (its
capital first). The names are found with the project's own reader, so a copy reads like the
original with other names, and every copy is extracted, linked and reasoned over anew.

Run: python tests/benchmarks/corpus.py OUT [--documents 1000]
"""

import argparse
import random
import sys
from pathlib import Path

SOURCE = Path(__file__).resolve().parent / "corpus"


def _adjectives() -> dict[str, tuple[str, str]]:
    """Return ISO2 -> (adjective, plural noun for its people) of the sovereign states."""
    from diplokg.graph.reading.gazetteer import plural, read_table

    found = {}
    for place, adjective, nouns in read_table("demonyms.tsv", 3):
        if len(place) == 2 and adjective:
            noun = nouns.split("|")[0].strip() if nouns else adjective
            found.setdefault(place, (adjective, plural(noun)))
    return found


class Renamer:
    """Give each state of a document another state, and its cities that state's cities."""

    def __init__(self):
        from diplokg.graph.reading.gazetteer import gazetteer

        self.gaz = gazetteer()
        self.adjectives = _adjectives()
        # States with an adjective, a capital and another city the reader finds unambiguously.
        self.pool = []
        for iso2, state in sorted(self.gaz.states.items()):
            if state.kind != "state" or iso2 not in self.adjectives:
                continue
            cities = self._cities(iso2)
            if len(cities) >= 3:
                self.pool.append((state, cities))

    def _cities(self, iso2: str) -> list[str]:
        """Return names of the state's cities that name one city alone, its capital first."""
        capital = self.gaz.capital(iso2)
        names = [capital.label] if capital else []
        for city in self.gaz.cities(iso2)[:400]:
            if len(names) == 6:
                break
            hits = self.gaz.lookup(city.label, (iso2,))
            if city.label not in names and [h.slug for h in hits] == [city.slug]:
                names.append(city.label)
        return names

    def rename(self, text: str, meta: str, seed: int) -> tuple[str, str]:
        """Return the text and its metadata with every state and its cities renamed."""
        from diplokg.graph.reading.mentions import document_context, find_mentions

        context = document_context(text)
        mentions = []  # names as written, not "the two countries"; none inside another
        for m in find_mentions(text, 0, len(text), context):
            if m.via == "reference" or text.startswith("$", m.end):  # "US$ 300 million"
                continue
            if mentions and m.start < mentions[-1].end:
                if m.end - m.start <= mentions[-1].end - mentions[-1].start:
                    continue
                mentions.pop()
            mentions.append(m)
        states = {m.entity.slug for m in mentions if m.entity.kind == "state"}
        draw = random.Random(seed)
        choices = [s for s in self.pool if s[0].slug not in states]
        new = dict(zip(sorted(states), draw.sample(choices, len(states)), strict=True))
        cities: dict[str, str] = {}  # old city slug -> new name
        given: dict[str, int] = {}  # old state slug -> cities of its new state given out
        edits = []
        for m in mentions:
            e = m.entity
            owner = self.gaz.state(e.country) if e.kind == "city" and e.country else None
            if e.kind == "state" and e.slug in new:
                state, _ = new[e.slug]
                if m.via == "demonym":
                    adjective, people = self.adjectives[state.iso]
                    word = people if m.text.endswith("s") and m.text != adjective else adjective
                    edits.append((m.start, m.end, word))
                else:
                    edits.append((m.start, m.end, state.label))
            elif owner is not None and owner.slug in new:
                _, names = new[owner.slug]
                if e.slug not in cities:
                    used = given.get(owner.slug, 0)
                    cities[e.slug] = names[min(used, len(names) - 1)]
                    given[owner.slug] = used + 1
                edits.append((m.start, m.end, cities[e.slug]))
        for start, end, word in sorted(edits, reverse=True):
            text = text[:start] + word + text[end:]
        for old, (state, _) in new.items():
            meta = meta.replace(self.gaz.get("state", old).label, state.label)
        return text, meta


def make_corpus(target: Path, documents: int) -> int:
    """Write that many documents into target; return their size in bytes."""
    renamer = Renamer()
    sources = sorted(SOURCE.glob("*.txt"))
    target.mkdir(parents=True, exist_ok=True)
    size = 0
    for n in range(documents):
        copy, src = divmod(n, len(sources))
        text = sources[src].read_text(encoding="utf-8")
        meta = sources[src].with_suffix(".toml").read_text(encoding="utf-8")
        if copy:
            text, meta = renamer.rename(text, meta, seed=n)
        stem = f"{copy:03d}_{sources[src].stem}"
        (target / f"{stem}.txt").write_text(text, encoding="utf-8")
        (target / f"{stem}.toml").write_text(meta, encoding="utf-8")
        size += len(text.encode())
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the documents into")
    parser.add_argument("--documents", type=int, default=1000, help="how many (default 1000)")
    args = parser.parse_args()
    size = make_corpus(args.out, args.documents)
    print(f"{args.documents} documents, {size / 1024:.0f} KB, in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
