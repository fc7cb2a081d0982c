"""`loupe.annotate` / `annotate_many`: the CLI's document, code-point offsets, order, errors,
and type stubs that match what comes back."""

import ast
import doctest
import json
import pathlib
import subprocess
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import corpus  # noqa: E402
from common import ROOT, cli  # noqa: E402

import loupe  # noqa: E402

SAMPLE = "Zoë Ng 😀 visited Tromsø.\n\n“The ferry runs again 🎉,” said Mayor Ana Ruiz of Lisbon."


def test_annotate_is_the_cli_document():
    out = subprocess.run([cli(), "annotate"], input=SAMPLE.encode(), capture_output=True, check=True)
    assert loupe.annotate(SAMPLE) == json.loads(out.stdout)


def test_offsets_are_code_points_into_the_python_string():
    doc = loupe.annotate(SAMPLE)
    assert doc["entities"] and doc["quotes"]
    for e in doc["entities"]:
        assert SAMPLE[e["start"] : e["end"]] == e["text"]
    q = doc["quotes"][0]
    assert SAMPLE[q["start"] : q["end"]] == "“The ferry runs again 🎉,”"
    for part in (q["speaker"], q["cue"]):
        assert SAMPLE[part["start"] : part["end"]] == part["text"]


def test_lone_surrogates_keep_offsets():
    text = "\ud800 Ana Ruiz met Wei Tanaka in Osaka."
    doc = loupe.annotate(text)
    assert [text[e["start"] : e["end"]] for e in doc["entities"]] == [e["text"] for e in doc["entities"]]
    assert doc == loupe.annotate("\ufffd" + text[1:])


@pytest.mark.parametrize("threads", [None, 1, 2, 7])
def test_annotate_many_keeps_input_order(threads):
    texts = [r["text"] for r in corpus.documents(60)] + ["", "   ", SAMPLE]
    assert loupe.annotate_many(texts, threads=threads) == [loupe.annotate(t) for t in texts]


def test_annotate_many_takes_any_iterable():
    assert loupe.annotate_many(iter([SAMPLE]), threads=1) == [loupe.annotate(SAMPLE)]
    assert loupe.annotate_many((), threads=3) == []


def test_errors_are_clear_python_exceptions():
    with pytest.raises(TypeError, match=r"item 2: expected str, got int"):
        loupe.annotate_many(["a", "b", 3])
    with pytest.raises(TypeError, match=r"not one str"):
        loupe.annotate_many("a text")
    with pytest.raises(ValueError, match=r"threads must be at least 1"):
        loupe.annotate_many(["a"], threads=0)
    with pytest.raises(TypeError, match=r"expected str, got bytes"):
        loupe.annotate(b"bytes")


def test_the_package_docstring_example_holds():
    assert doctest.testmod(loupe, raise_on_error=True).attempted > 0


def test_stubs_match_the_documents():
    """Every TypedDict in __init__.pyi lists exactly the keys of the dicts it describes."""
    stub = pathlib.Path(loupe.__file__).with_name("__init__.pyi")
    assert stub.with_name("py.typed").is_file()
    fields = {
        node.name: [s.target.id for s in node.body if isinstance(s, ast.AnnAssign)]
        for node in ast.parse(stub.read_text()).body
        if isinstance(node, ast.ClassDef)
    }
    doc = loupe.annotate(SAMPLE)
    quote = doc["quotes"][0]
    assert fields["Document"] == list(doc)
    assert fields["Range"] == list(doc["sentences"][0])
    assert fields["Entity"] == list(doc["entities"][0])
    assert fields["Quote"] == list(quote)
    assert fields["SpanText"] == list(quote["speaker"]) == list(quote["cue"])
    assert fields["Cluster"] == list(doc["clusters"][0])
    assert fields["Value"] == list(loupe.annotate("It cost $5 million.")["values"][0])
    assert (ROOT / "python" / "loupe" / "__init__.pyi").read_text() == stub.read_text()


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q"]))
