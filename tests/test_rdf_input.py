"""RDF files given as input: strict parsing, located errors, no network, bounded work."""

from __future__ import annotations

import json
import re
import socket
import time
from pathlib import Path

import pytest

from seminargraph import SourceError, load_graph
from seminargraph.rdfio import MAX_BNODE_DEPTH, parse_file

PREFIX = "@prefix ex: <http://example.org/> .\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "text", "line", "message"),
    [
        ("missing-dot.ttl", PREFIX + "ex:a ex:b ex:c .\nex:a ex:b ex:d\nex:e ex:f ex:g .\n", 4, "dot"),
        ("undefined-prefix.ttl", PREFIX + "ex:a ex:b ex:c .\nex:a foo:b ex:d .\n", 3, "foo"),
        ("bad-escape.ttl", PREFIX + 'ex:a ex:b "x\\q" .\n', 2, "Turtle"),
        ("bad-language.ttl", PREFIX + 'ex:a ex:b "x"@123-- .\n', 2, "language"),
        (
            "bad-iri.nt",
            "<http://example.org/a b> <http://example.org/p> <http://example.org/c> .\n",
            1,
            "IRI",
        ),
        (
            "missing-dot.nt",
            "<http://e.org/a> <http://e.org/b> <http://e.org/c> .\n<http://e.org/a> <http://e.org/b> <http://e.org/c>\n",
            3,
            "N-Triples",
        ),
        ("bad.trig", PREFIX + "ex:g { ex:a ex:b ex:c . \n ex:a ex:b }\n", 3, "TriG"),
    ],
)
def test_malformed_rdf_names_file_line_and_keeps_nothing(
    run_cli, tmp_path: Path, name: str, text: str, line: int, message: str
) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(SourceError) as info:
        parse_file(path)
    assert info.value.path == str(path)
    assert info.value.line == line
    assert message in str(info.value)
    result = run_cli("query", "participants", "-d", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {path}:{line}:")


def test_a_good_file_after_a_bad_one_is_never_half_loaded(tmp_path: Path) -> None:
    good = write(tmp_path, "a.ttl", PREFIX + "ex:a ex:b ex:c .\n")
    bad = write(tmp_path, "b.ttl", PREFIX + "ex:x ex:y ex:z .\nex:broken\n")
    with pytest.raises(SourceError):
        load_graph(good, bad)


def test_jsonld_with_a_remote_context_is_refused_without_fetching(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(
        tmp_path,
        "remote.jsonld",
        json.dumps({"@context": "http://198.51.100.1/context.jsonld", "@id": "http://e.org/a", "name": "x"}),
    )
    attempts: list[object] = []

    def connect(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", connect)
    with pytest.raises(SourceError, match=re.escape("remote @context 'http://198.51.100.1/context.jsonld'")):
        parse_file(path)
    assert attempts == [], "refused before any connection attempt"


def test_jsonld_with_an_inline_context_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "inline.jsonld",
        json.dumps({"@context": {"name": "http://schema.org/name"}, "@id": "http://e.org/a", "name": "Anna"}),
    )
    assert len(parse_file(path)) == 1


def test_rdfxml_with_an_entity_bomb_is_refused_at_once(tmp_path: Path) -> None:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    text = (
        f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [{entities}]>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://e.org/">'
        '<rdf:Description rdf:about="http://e.org/a"><ex:p>&j;</ex:p></rdf:Description></rdf:RDF>'
    )
    path = write(tmp_path, "bomb.rdf", text)
    started = time.monotonic()
    with pytest.raises(SourceError, match="DTD") as info:
        parse_file(path)
    # Expanded, the bomb is 10 GB of text; refusing it at once takes milliseconds. The bound is loose
    # so a busy machine cannot fail it, and tight enough that an expansion would.
    assert time.monotonic() - started < 20
    assert info.value.line == 2


def test_rdfxml_with_an_external_entity_is_refused(tmp_path: Path) -> None:
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://e.org/">'
        '<rdf:Description rdf:about="http://e.org/a"><ex:p>&x;</ex:p></rdf:Description></rdf:RDF>'
    )
    with pytest.raises(SourceError, match="DTD"):
        parse_file(write(tmp_path, "xxe.rdf", text))


def test_deeply_nested_blank_nodes_are_refused_by_a_limit(tmp_path: Path) -> None:
    depth = 10_000
    text = PREFIX + "ex:a ex:b " + "[ ex:p " * depth + "ex:c" + " ]" * depth + " .\n"
    with pytest.raises(SourceError, match=f"more than {MAX_BNODE_DEPTH} deep"):
        parse_file(write(tmp_path, "deep.ttl", text))


def test_literals_with_control_characters_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "control.ttl", PREFIX + 'ex:a ex:name "Eva\\u0007Lind" .\n')
    with pytest.raises(SourceError, match="U\\+0007"):
        parse_file(path)


def test_a_url_as_input_path_is_refused(run_cli) -> None:
    result = run_cli("validate", "http://198.51.100.1/data.ttl")
    assert result.exit_code == 1
    assert "URL" in result.stderr


def test_latin1_turtle_is_named_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.ttl"
    path.write_bytes((PREFIX + 'ex:a ex:name "Nyström" .\n').encode("latin-1"))
    with pytest.raises(SourceError, match="not UTF-8 at line 2 column 20"):
        parse_file(path)


def test_an_unknown_file_type_is_refused(run_cli, tmp_path: Path) -> None:
    path = write(tmp_path, "notes.docx", "x")
    result = run_cli("validate", str(path))
    assert result.exit_code == 1
    assert "neither authored YAML" in result.stderr


def test_a_ten_megabyte_literal_is_refused_by_the_limit(run_cli, tmp_path: Path) -> None:
    path = write(tmp_path, "huge.ttl", PREFIX + 'ex:a ex:text "' + "x" * 10_000_000 + '" .\n')
    out = tmp_path / "out"
    result = run_cli("build", str(path), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {path}: a literal of 10,000,000 characters is over the limit")
    assert len(result.stderr.splitlines()) == 1 and not out.exists()


def test_an_authored_file_over_the_size_limit_is_refused_before_parsing(run_cli, tmp_path: Path) -> None:
    from seminargraph.textfile import MAX_YAML_BYTES

    path = write(tmp_path, "big.yaml", "# " + "x" * MAX_YAML_BYTES + "\nsource: x\n")
    out = tmp_path / "out"
    result = run_cli("build", str(path), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {path}: the file is ")
    assert f"over the limit of {MAX_YAML_BYTES:,}" in result.stderr and not out.exists()
