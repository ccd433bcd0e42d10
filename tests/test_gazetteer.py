"""The gazetteer finds places, organisations and peoples in text and resolves each to one entity."""

import pytest

from diplokg.graph.reading.gazetteer import Gazetteer, gazetteer, name_key, plural, read_table
from diplokg.graph.reading.mentions import document_context, find_mentions
from diplokg.graph.vocab import DKG

# name -> (text, speaker, expected mentions as (surface, kind, slug)), in the style of
# foreign-ministry pages.
CASES = {
    "capitals and a namesake-free city": (
        "Norway has an embassy in Santiago, while Chile has one in Oslo. Chile also has an "
        "honorary consulate in Bergen.",
        None,
        [
            ("Norway", "state", "norway"),
            ("Santiago", "city", "cl-santiago"),
            ("Chile", "state", "chile"),
            ("Oslo", "city", "no-oslo"),
            ("Chile", "state", "chile"),
            ("Bergen", "city", "no-bergen"),
        ],
    ),
    "a major city before its prefecture": (
        "The minister visited Tokyo and Osaka in 2019. Japanese investors employ 3,400 people "
        "in Norway.",
        None,
        [
            ("Tokyo", "city", "jp-tokyo"),
            ("Osaka", "city", "jp-osaka"),
            ("Japanese", "state", "japan"),
            ("Norway", "state", "norway"),
        ],
    ),
    "a city named like its prefecture or region": (
        "Japan opened a consulate in Hiroshima; Chile one in Valparaíso, in Valparaíso Region.",
        None,
        [
            ("Japan", "state", "japan"),
            ("Hiroshima", "city", "jp-hiroshima"),
            ("Chile", "state", "chile"),
            ("Valparaíso", "city", "cl-valparaiso"),
            ("Valparaíso Region", "region", "cl-valparaiso"),
        ],
    ),
    "a state is not its namesake town": (
        "The United States and Chile met in Nevada and in Virginia.",
        None,
        [
            ("United States", "state", "united-states"),
            ("Chile", "state", "chile"),
            ("Nevada", "us-state", "us-nevada"),
            ("Virginia", "us-state", "us-virginia"),
        ],
    ),
    "a city and its land": (
        "Germany and Chile signed the agreement in Munich, the capital of Bavaria.",
        None,
        [
            ("Germany", "state", "germany"),
            ("Chile", "state", "chile"),
            ("Munich", "city", "de-munich"),
            ("Bavaria", "region", "de-bavaria"),
        ],
    ),
    "a city before its lower-tier province": (
        "Spain maintains close ties with Chile; the Catalan government opened an office in "
        "Barcelona in 2012.",
        None,
        [
            ("Spain", "state", "spain"),
            ("Chile", "state", "chile"),
            ("Catalan", "region", "es-catalonia"),
            ("Barcelona", "city", "es-barcelona"),
        ],
    ),
    "a state capital and its state": (
        "Australia has a consulate in Brisbane, the capital of Queensland.",
        None,
        [
            ("Australia", "state", "australia"),
            ("Brisbane", "city", "au-brisbane"),
            ("Queensland", "region", "au-queensland"),
        ],
    ),
    "an organisation and its acronym in parentheses": (
        "Switzerland hosts the United Nations (UN) in Geneva.",
        None,
        [
            ("Switzerland", "state", "switzerland"),
            ("United Nations", "organisation", "un"),
            ("UN", "organisation", "un"),
            ("Geneva", "city", "ch-geneva"),
        ],
    ),
    "the province of Quebec": (
        "Canada works with the province of Quebec, which has a delegation in Paris.",
        None,
        [
            ("Canada", "state", "canada"),
            ("province of Quebec", "province", "ca-quebec"),
            ("Paris", "city", "fr-paris"),
        ],
    ),
    "Quebec City": (
        "The French Community of Belgium has a delegation in Quebec City.",
        None,
        [
            ("French Community of Belgium", "community", "be-french-community-of-belgium"),
            ("Quebec City", "city", "ca-quebec-city"),
        ],
    ),
    "Quebec alone is the province": (
        "Canada signed agreements with Quebec and Ontario.",
        None,
        [
            ("Canada", "state", "canada"),
            ("Quebec", "province", "ca-quebec"),
            ("Ontario", "province", "ca-ontario"),
        ],
    ),
    "Brussels in a document about Belgium and Canada": (
        "Belgium and Canada are partners. Canada has an embassy in Brussels.",
        "Canada",
        [
            ("Belgium", "state", "belgium"),
            ("Canada", "state", "canada"),
            ("Canada", "state", "canada"),
            ("Brussels", "city", "be-brussels"),
        ],
    ),
    "the Brussels Region": (
        "Canada welcomed the new office of the Brussels Region in Toronto.",
        None,
        [
            ("Canada", "state", "canada"),
            ("Brussels Region", "region", "be-brussels-capital"),
            ("Toronto", "city", "ca-toronto"),
        ],
    ),
    "Brussels Region spellings": (
        "The Walloon Region, the Flemish Region and the Brussels-Capital Region, also called "
        "the Region of Brussels-Capital or the Brussels Capital Region.",
        None,
        [
            ("Walloon Region", "region", "be-wallonia"),
            ("Flemish Region", "region", "be-flanders"),
            ("Brussels-Capital Region", "region", "be-brussels-capital"),
            ("Region of Brussels-Capital", "region", "be-brussels-capital"),
            ("Brussels Capital Region", "region", "be-brussels-capital"),
        ],
    ),
    "Washington is the capital": (
        "Norway opened a trade office in Washington in 1995.",
        None,
        [("Norway", "state", "norway"), ("Washington", "city", "us-washington-d-c")],
    ),
    "Washington State": (
        "Norway and the United States held talks in Washington State.",
        None,
        [
            ("Norway", "state", "norway"),
            ("United States", "state", "united-states"),
            ("Washington State", "us-state", "us-washington"),
        ],
    ),
    "Washington in a document about the United States": (
        "The United States and Chile met in Washington; Washington State hosted a trade fair.",
        "Chile",
        [
            ("United States", "state", "united-states"),
            ("Chile", "state", "chile"),
            ("Washington", "city", "us-washington-d-c"),
            ("Washington State", "us-state", "us-washington"),
        ],
    ),
    "the state of Washington": (
        "Japanese firms invest in the state of Washington.",
        None,
        [("Japanese", "state", "japan"), ("state of Washington", "us-state", "us-washington")],
    ),
    "New York is the city": (
        "Chile has a consulate general in New York.",
        None,
        [("Chile", "state", "chile"), ("New York", "city", "us-new-york-city")],
    ),
    "New York State": (
        "Chile has an honorary consul in New York State.",
        None,
        [("Chile", "state", "chile"), ("New York State", "us-state", "us-new-york")],
    ),
    "Flanders and the Flemish Community": (
        "Flanders and the Flemish Community share one government.",
        None,
        [
            ("Flanders", "region", "be-flanders"),
            ("Flemish Community", "community", "be-flemish-community"),
        ],
    ),
    "demonyms plural and with a curly apostrophe": (
        "Chileans\u2019 memories of Norwegian sailors remain strong.",
        None,
        [("Chileans", "state", "chile"), ("Norwegian", "state", "norway")],
    ),
    "two demonyms": (
        "About 12,000 Norwegians of Chilean origin live in Norway.",
        None,
        [
            ("Norwegians", "state", "norway"),
            ("Chilean", "state", "chile"),
            ("Norway", "state", "norway"),
        ],
    ),
    "our country": (
        "Japan is the largest investor in our country.",
        "Norway",
        [("Japan", "state", "japan"), ("our country", "state", "norway")],
    ),
    "our two countries": (
        "Norway and Chile signed a treaty. Relations between our two countries are excellent.",
        "Norway",
        [
            ("Norway", "state", "norway"),
            ("Chile", "state", "chile"),
            ("our two countries", "state", "chile"),
            ("our two countries", "state", "norway"),
        ],
    ),
    "both countries without a speaker": (
        "Japan and Australia are close partners. Both countries are members of the G20.",
        None,
        [
            ("Japan", "state", "japan"),
            ("Australia", "state", "australia"),
            ("Both countries", "state", "australia"),
            ("Both countries", "state", "japan"),
            ("G20", "organisation", "g20"),
        ],
    ),
    "acronyms keep their case": (
        "Chile joined the OECD in 2010 and the WTO in 1995; un día the UN will meet.",
        None,
        [
            ("Chile", "state", "chile"),
            ("OECD", "organisation", "oecd"),
            ("WTO", "organisation", "wto"),
            ("UN", "organisation", "un"),
        ],
    ),
    "a long name with its acronym": (
        "Norway is a member of the North Atlantic Treaty Organisation (NATO).",
        None,
        [
            ("Norway", "state", "norway"),
            ("North Atlantic Treaty Organisation", "organisation", "nato"),
            ("NATO", "organisation", "nato"),
        ],
    ),
    "cities named like common words": (
        "Home to many Americans, the Mission of the United States to the European Union is "
        "in Union Square.",
        None,
        [
            ("Americans", "state", "united-states"),
            ("United States", "state", "united-states"),
            ("European Union", "organisation", "eu"),
        ],
    ),
    "a place name in lower case is a word": (
        "Turkey exports turkey and chile peppers.",
        None,
        [("Turkey", "state", "turkey")],
    ),
    "never inside a longer word": (
        "Niger and Nigeria met in Indianapolis; Omani and Romanian delegates came too.",
        None,
        [
            ("Niger", "state", "niger"),
            ("Nigeria", "state", "nigeria"),
            ("Omani", "state", "oman"),
            ("Romanian", "state", "romania"),
        ],
    ),
    "a city qualified by its state": (
        "The United States hosts a Chilean honorary consulate in Portland, Maine.",
        None,
        [
            ("United States", "state", "united-states"),
            ("Chilean", "state", "chile"),
            ("Portland", "city", "us-me-portland"),
            ("Maine", "us-state", "us-maine"),
        ],
    ),
    "a man's name is not a city": (
        "The United States named a bridge after George Washington.",
        None,
        [("United States", "state", "united-states")],
    ),
    "a dynasty is not a place": (
        "The House of Orange-Nassau reigns in the Netherlands.",
        None,
        [("Netherlands", "state", "netherlands")],
    ),
    "a colony is not the state": (
        "Settlers came to New France before 1759 and to Chile later.",
        None,
        [("Chile", "state", "chile")],
    ),
    "a language is not a people": (
        "Many Swiss speak French and German.",
        None,
        [("Swiss", "state", "switzerland")],
    ),
    "accents and exonyms": (
        "Belgium has consulates in Montréal and Montreal; Ghent, Gent and Bruges host fairs.",
        None,
        [
            ("Belgium", "state", "belgium"),
            ("Montréal", "city", "ca-montreal"),
            ("Montreal", "city", "ca-montreal"),
            ("Ghent", "city", "be-ghent"),
            ("Gent", "city", "be-ghent"),
            ("Bruges", "city", "be-bruges"),
        ],
    ),
    "a city before its lower-tier namesake province": (
        "Belgium's port of Antwerp ships diamonds to Chile.",
        None,
        [
            ("Belgium", "state", "belgium"),
            ("Antwerp", "city", "be-antwerp"),
            ("Chile", "state", "chile"),
        ],
    ),
    "French and Dutch names": (
        "La Belgique et le Canada, membres de l'OTAN et des Nations Unies; België en Japan.",
        None,
        [
            ("Belgique", "state", "belgium"),
            ("Canada", "state", "canada"),
            ("OTAN", "organisation", "nato"),
            ("Nations Unies", "organisation", "un"),
            ("België", "state", "belgium"),
            ("Japan", "state", "japan"),
        ],
    ),
    "a dependency is a territory": (
        "Denmark and Greenland signed with Norway; Puerto Rico joined later.",
        None,
        [
            ("Denmark", "state", "denmark"),
            ("Greenland", "territory", "dk-greenland"),
            ("Norway", "state", "norway"),
            ("Puerto Rico", "territory", "us-puerto-rico"),
        ],
    ),
    "a continent's adjective is not a people": (
        "North American markets buy Chilean wine.",
        None,
        [("Chilean", "state", "chile")],
    ),
    "a world capital before a small namesake": (
        "Canada sent a delegation to Paris and to London.",
        "Canada",
        [
            ("Canada", "state", "canada"),
            ("Paris", "city", "fr-paris"),
            ("London", "city", "gb-london"),
        ],
    ),
    "a capital missing from the city list": (
        "Argentina opened a cultural centre in Buenos Aires.",
        None,
        [("Argentina", "state", "argentina"), ("Buenos Aires", "city", "ar-buenos-aires")],
    ),
    "abbreviations of states": (
        "The U.S. and the UK, and the USA again.",
        None,
        [
            ("U.S.", "state", "united-states"),
            ("UK", "state", "united-kingdom"),
            ("USA", "state", "united-states"),
        ],
    ),
    "a currency's sign is no state": (
        "Peru lent Bolivia US$ 40m; Australia pays in A$ and the US in dollars.",
        None,
        [
            ("Peru", "state", "peru"),
            ("Bolivia", "state", "bolivia"),
            ("Australia", "state", "australia"),
            ("US", "state", "united-states"),
        ],
    ),
    "a city after a comma-qualifier in another province": (
        "Norwegians settled in St. Boniface, Manitoba, in Canada.",
        None,
        [
            ("Norwegians", "state", "norway"),
            ("Manitoba", "province", "ca-manitoba"),
            ("Canada", "state", "canada"),
        ],
    ),
}


def mentions(text: str, speaker: str | None) -> list[tuple[str, str, str]]:
    context = document_context(text, speaker)
    found = find_mentions(text, 0, len(text), context)
    return [(m.text, m.entity.kind, m.entity.slug) for m in found]


@pytest.mark.parametrize("name", sorted(CASES))
def test_mentions_are_found_and_resolved(name):
    """Each case finds exactly the expected mentions, resolved to the expected entities."""
    text, speaker, expected = CASES[name]
    assert mentions(text, speaker) == expected


def test_mention_offsets_point_into_the_text():
    """A mention's offsets slice its surface out of the document, also inside a sentence span."""
    text = "Intro line.\nChile has an embassy in Oslo. Norway has one in Santiago."
    context = document_context(text)
    start = text.index("Norway")
    found = find_mentions(text, start, len(text), context)
    assert [m.text for m in found] == ["Norway", "Santiago"]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_lookup_folds_case_accents_and_reads_type_words():
    """lookup() folds accents and case, and a type word picks the city or the subdivision."""
    gaz = gazetteer()
    assert [e.slug for e in gaz.lookup("MONTREAL", ["CA"])] == ["ca-montreal"]
    assert [e.slug for e in gaz.lookup("Quebec City", ["CA"])] == ["ca-quebec-city"]
    assert [e.slug for e in gaz.lookup("Province of Quebec")] == ["ca-quebec"]
    assert [e.slug for e in gaz.lookup("Brussels Region")] == ["be-brussels-capital"]
    assert gaz.state("BE") is gaz.state("belgium") is gaz.state("Belgique")
    assert [e.slug for e in gaz.demonym("Canadians")] == ["canada"]
    assert [e.slug for e in gaz.demonym("Walloon")] == ["be-wallonia"]


def test_entities_carry_their_class_country_and_iri():
    """Entities know their class, sovereign state, parent and IRI."""
    gaz = gazetteer()
    montreal = gaz.city("CA", "Montréal")
    assert (montreal.label, montreal.cls, montreal.country, montreal.parent) == (
        "Montreal",
        DKG.City,
        "canada",
        "ca-quebec",
    )
    assert montreal.iri.endswith("/id/city/ca-montreal")
    assert gaz.capital("US").slug == "us-washington-d-c"
    assert gaz.state("US").cls == DKG.SovereignState and gaz.state("US").iso == "US"
    assert gaz.place("CA-QC").cls == DKG.Province and gaz.place("CA-QC").iso == "CA-QC"
    assert gaz.place("US-NY").cls == DKG.USState
    assert gaz.get("organisation", "isaf").cls == DKG.MilitaryUnit


def test_slugs_are_stable_and_unique():
    """Two independent builds give the same slugs, and (kind, slug) names one entity."""
    countries = ["BE", "CA", "US", "CH", "ES"]
    first, second = Gazetteer(), Gazetteer()
    for gaz in (first, second):
        for iso2 in countries:
            gaz.cities(iso2)
    assert sorted(first.entities) == sorted(second.entities)
    for (kind, slug), entity in first.entities.items():
        assert (entity.kind, entity.slug) == (kind, slug)
    assert len({(e.kind, e.slug) for e in first.entities.values()}) == len(first.entities)
    slugs = [city.slug for iso2 in countries for city in first.cities(iso2)]
    assert len(slugs) == len(set(slugs))


def test_every_sovereign_state_has_a_demonym():
    """The demonym table covers every sovereign state of the dataset."""
    gaz = gazetteer()
    with_demonym = {e.entity.slug for entries in gaz.index.values() for e in entries
                    if e.role == "demonym"}  # fmt: skip
    states = {e.slug for e in gaz.states.values() if e.kind == "state"}
    assert states - with_demonym == set()


def test_reference_rows_name_real_places():
    """Every exonym and principal city row names a city of the dataset."""
    gaz = gazetteer()
    for iso2, kind, name, *_ in read_table("english_exonyms.tsv", 5):
        if kind == "city":
            assert gaz.city(iso2, name), (iso2, name)
        else:
            assert name in {e.label for e in gaz.subdivisions.values()}, (iso2, name)
    for iso2, code, name in read_table("principal_cities.tsv", 3):
        assert gaz.city(iso2, name, code), (iso2, code, name)


def test_plurals_and_keys():
    """Plurals and folded keys follow the documented rules."""
    words = ("Belgian", "Frenchman", "Swiss", "Japanese", "Czech", "German", "Irishwoman")
    assert [plural(w) for w in words] == [
        "Belgians",
        "Frenchmen",
        "Swiss",
        "Japanese",
        "Czechs",
        "Germans",
        "Irishwomen",
    ]
    assert name_key("Brussels-Capital Région") == name_key("brussels capital region")
