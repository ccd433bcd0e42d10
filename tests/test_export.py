"""The QuickStatements export: the seeds' expected commands, valid V1 syntax, checked IDs only."""

import re

from rdflib import Literal
from rdflib.namespace import XSD

from conftest import REPO, run_cli
from diplokg.graph.ingest.checked_ids import known_qids
from diplokg.graph.publish.export import quickstatements, time_value

EXPECTED = REPO / "tests" / "expected" / "seeds.qs"
VALUE = r'(?:Q[1-9]\d*|"[^"\t]*"|\+\d{4}-\d{2}-\d{2}T00:00:00Z/(?:9|10|11))'
SOURCE = r'\tS[1-9]\d*\t(?:Q[1-9]\d*|"[^"\t]*"|[a-z-]+:"[^"\t]*"|\+\d{4}-\d{2}-\d{2}T00:00:00Z/11)'
LINE = re.compile(
    rf"CREATE|(?:Q[1-9]\d*|LAST)\t(?:P[1-9]\d*|L[a-z]+)\t{VALUE}(?:{SOURCE})*(?:\t/\* .*? \*/)?"
)
# The reference properties of the checked table (ontology/wikidata-reference-properties.tsv).
REFERENCE_PROPERTIES = {"S248", "S854", "S813", "S1476"}
# The properties of the Wikidata view's table in CONTRACTS.md: the only ones the export may use.
CONTRACT_PROPERTIES = {
    "P31", "P279", "P17", "P131", "P137", "P1001", "P463", "P530", "P1891", "P710",
    "P276", "P361", "P585", "P580", "P582", "P7588", "P571", "P576", "P39",
}  # fmt: skip


def test_seeds_export_equals_the_expected_file(built):
    """The export of the built seeds is the reviewed file, byte for byte."""
    assert quickstatements(built) == EXPECTED.read_text(encoding="utf-8")


def test_export_is_deterministic(built):
    """Two exports of the same dataset are identical."""
    assert quickstatements(built) == quickstatements(built)


def test_every_line_is_quickstatements_v1_with_checked_ids():
    """Each line parses as a V1 command; items are checked IDs, properties the contract's."""
    text = EXPECTED.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines and text.endswith("\n")
    qids = known_qids()
    for line in lines:
        assert LINE.fullmatch(line), line
        command = line.split("\t/*", 1)[0]
        assert set(re.findall(r"\bQ\d+\b", command)) <= set(qids), line
        assert set(re.findall(r"\bP\d+\b", command)) <= CONTRACT_PROPERTIES, line
        assert set(re.findall(r"\tS\d+\t", command)) <= {f"\t{s}\t" for s in REFERENCE_PROPERTIES}
    # A CREATE is followed by its label and only LAST lines until the next CREATE.
    for i, line in enumerate(lines):
        if line == "CREATE":
            assert lines[i + 1].startswith("LAST\tLen\t"), lines[i + 1]
        elif line.startswith("LAST"):
            assert i > 0 and (lines[i - 1] == "CREATE" or lines[i - 1].startswith("LAST"))


def test_seeds_export_states_what_the_seeds_say():
    """Spot checks against the seeds: Belgium's embassy in Ottawa, Belgium in NATO."""
    text = EXPECTED.read_text(encoding="utf-8")
    assert re.search(
        r"^Q31\tP463\tQ7184\tS1476\ten:\"[^\"]+\"\t/\* source: .*NATO.* \*/$", text, re.M
    )
    block = text.split('LAST\tLen\t"Embassy of Belgium in Canada"', 1)[1].split("CREATE", 1)[0]
    commands = {tuple(line.split("\t")[1:3]) for line in block.strip().splitlines()[1:]}
    assert commands == {("P31", "Q3917681"), ("P137", "Q31"), ("P17", "Q16"), ("P131", "Q1930")}
    # Every command cites its source document.
    assert all(line == "CREATE" or "/* source: " in line for line in text.splitlines())


def test_time_values_keep_the_precision_of_the_text():
    """A year, a month and a day become QuickStatements times of precision 9, 10 and 11."""
    assert time_value(Literal("2005", datatype=XSD.gYear)) == "+2005-00-00T00:00:00Z/9"
    assert time_value(Literal("2005-06", datatype=XSD.gYearMonth)) == "+2005-06-00T00:00:00Z/10"
    assert time_value(Literal("2005-06-07", datatype=XSD.date)) == "+2005-06-07T00:00:00Z/11"
    assert time_value(Literal("2005")) is None


def test_cli_export_to_stdout_and_to_a_file(built, tmp_path, capsys):
    """The command prints the export, or writes it to --output."""
    code, out, _ = run_cli(capsys, "export", "--quickstatements", "--data", built)
    assert code == 0 and out == EXPECTED.read_text(encoding="utf-8")
    target = tmp_path / "seeds.qs"
    code, out, _ = run_cli(
        capsys, "export", "--quickstatements", "--data", built, "--output", target
    )
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8") == EXPECTED.read_text(encoding="utf-8")


def test_cli_export_without_a_dataset_exits_2(tmp_path, capsys):
    """No built dataset: exit 2 with a message."""
    code, out, err = run_cli(capsys, "export", "--quickstatements", "--data", tmp_path / "none")
    assert code == 2 and out == "" and "no built dataset" in err
    code, _, err = run_cli(capsys, "export", "--data", tmp_path / "none")
    assert code == 2 and "--quickstatements" in err


def test_each_line_cites_its_own_claim_of_the_fact(built):
    """The comment quotes the phrase that states the line's own fact, not any passage about
    its subject: Belgium's memberships quote phrases naming the organisation."""
    text = EXPECTED.read_text(encoding="utf-8")
    names = {"Q7184": "NATO", "Q458": "EU", "Q1065": "United Nations"}
    for qid, name in names.items():
        lines = re.findall(rf"^Q31\tP463\t{qid}\t.*$", text, re.M)
        assert lines, qid
        for line in lines:
            quote = line.rsplit(': "', 1)[1].removesuffix('" */')
            assert name in quote, line
            assert '\tS1476\ten:"' in line, line  # the document's title as a reference


def test_every_comment_quotes_its_document(built):
    """Every line's phrase occurs in the document whose title the line cites."""
    from diplokg.graph.resources import DEFAULT_SEEDS

    texts = {}
    for path in DEFAULT_SEEDS.glob("*.toml"):
        title = re.search(r'^title = "(.*)"$', path.read_text(encoding="utf-8"), re.M)[1]
        texts[title] = path.with_suffix(".txt").read_text(encoding="utf-8")
    for line in EXPECTED.read_text(encoding="utf-8").splitlines():
        if line == "CREATE":
            continue
        found = re.search(r'/\* source: "(.*?)", .*?: "(.*)" \*/$', line)
        assert found and found[2] in " ".join(texts[found[1]].split()), line


def test_a_table_without_a_property_leaves_its_column_out(built, tmp_path, capsys):
    """A table of reference properties without the title's leaves S1476 out of every line."""
    table = tmp_path / "references.tsv"
    table.write_text("P854\treference URL\tthe URL\ta test\n", encoding="utf-8")
    code, out, _ = run_cli(
        capsys, "export", "--quickstatements", "--data", built, "--reference-properties", table
    )
    assert code == 0
    plain = EXPECTED.read_text(encoding="utf-8").splitlines()
    cited = out.splitlines()
    assert len(cited) == len(plain)
    assert "\tS1476\t" not in out and "\tS1476\t" in "".join(plain)
    for before, after in zip(plain, cited, strict=True):
        assert after == re.sub(r'\tS1476\t[a-z-]+:"[^"\t]*"', "", before)


def test_a_bad_reference_properties_table_exits_2_naming_the_line(built, tmp_path, capsys):
    """A row with a malformed ID, an unknown use or missing cells stops with file and line."""
    table = tmp_path / "references.tsv"
    for row, expected in (
        ("Q42\ttitle\tthe title\tsomewhere", "is not a Wikidata property ID"),
        ("P50\tauthor\tthe author\tsomewhere", "nothing to write under P50"),
        ("P1476\ttitle\tthe title", "expected property, label, use"),
    ):
        table.write_text(f"# a comment\n\n{row}\n", encoding="utf-8")
        code, out, err = run_cli(
            capsys, "export", "--quickstatements", "--data", built, "--reference-properties", table
        )
        assert code == 2 and out == ""
        assert f"{table}:3" in err and expected in err, err


def test_the_project_ships_the_checked_reference_properties():
    """The shipped table holds the four checked reference properties the export may use."""
    from diplokg.graph.link.references import reference_properties

    assert reference_properties() == {"P248", "P854", "P813", "P1476"}
