"""Bad input stops the build with exit code 2, names the file, and keeps the last good dataset."""

import pytest

from conftest import checksums, run_cli

DOC = "000_2680ecc8f6fed484"


def spoil(seeds, name: str, data: bytes) -> str:
    path = seeds / name
    path.write_bytes(data)
    return path.name


CASES = {
    "empty document": (f"{DOC}.txt", b"", "empty"),
    "whitespace-only document": (f"{DOC}.txt", b" \n\n\t\n", "empty"),
    "binary document": (f"{DOC}.txt", b"PK\x03\x04\x00\x00binary", "binary"),
    "control characters": (f"{DOC}.txt", b"text\x01\x02 more", "binary"),
    "invalid UTF-8": (f"{DOC}.txt", b"line one\nBelgi\xe9 line two\n", "not valid UTF-8"),
    "malformed metadata": (
        f"{DOC}.toml",
        b'title = "x"\npublisher = \nlanguage = "en"\n',
        "line 2",
    ),
    "metadata lacking a key": (f"{DOC}.toml", b'title = "x"\nlanguage = "en"\n', "publisher"),
    "metadata with unknown key": (
        f"{DOC}.toml",
        b'title = "x"\npublisher = "y"\nlanguage = "en"\nauthor = "z"\n',
        "unknown metadata key",
    ),
    "metadata with a made-up date": (
        f"{DOC}.toml",
        b'title = "x"\npublisher = "y"\nlanguage = "en"\ndate = "2016-13"\n',
        "not YYYY",
    ),
    "metadata with a retrieval month, not a day": (
        f"{DOC}.toml",
        b'title = "x"\npublisher = "y"\nlanguage = "en"\nretrieved = "2016-08"\n',
        "not a day",
    ),
    "metadata with a URL that is none": (
        f"{DOC}.toml",
        b'title = "x"\npublisher = "y"\nlanguage = "en"\nurl = "www.example.org"\n',
        "not an http(s) URL",
    ),
    "metadata with an unchecked Wikidata item": (
        f"{DOC}.toml",
        b'title = "x"\npublisher = "y"\nlanguage = "en"\nwikidata = "Q999999999"\n',
        "not in the table of checked",
    ),
    "document without metadata": ("extra.txt", b"A new document.\n", "metadata file missing"),
    "metadata without document": ("orphan.toml", b'title = "x"\n', "without a document"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_exits_2_names_file_and_keeps_dataset(case, seeds, published, capsys):
    """A bad document or metadata file fails with exit 2 and leaves the dataset unchanged."""
    name, data, words = CASES[case]
    before = checksums(published)
    spoil(seeds, name, data)
    code, _out, err = run_cli(capsys, "build", "--seeds", seeds, "--out", published, "--quiet")
    assert code == 2
    assert name in err
    assert words in err
    assert checksums(published) == before


def test_invalid_utf8_names_the_line(seeds, capsys, tmp_path):
    """The message for invalid UTF-8 names the line of the bad byte."""
    spoil(seeds, f"{DOC}.txt", b"one\ntwo\nthree \xff\n")
    code, _, err = run_cli(capsys, "build", "--seeds", seeds, "--out", tmp_path / "o", "--quiet")
    assert code == 2
    assert f"{DOC}.txt:3:" in err


def test_missing_seeds_folder_is_a_usage_error(tmp_path, capsys):
    """A seeds folder that does not exist is named in the error."""
    code, _, err = run_cli(capsys, "build", "--seeds", tmp_path / "nope", "--out", tmp_path / "o")
    assert code == 2
    assert "nope" in err
