"""Hostile data in: the cases 1-11 of ../shared/HOSTILE.md ("Data in"), one or more tests each.

Each test is named after its case (``test_caseNN_...``) and checks what the case says must happen:
the error's class and what it names (file, line, column, field), the exit code of the command line,
that no output was written or changed, that no request reached a loopback listener standing in
for an outside host. The "Also" items about stores and graphs are at the end.
"""

from __future__ import annotations

import csv
import http.server
import io
import json
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from seminargraph import EXPORT_FORMATS, QueryError, SourceError, export_network, load_graph
from seminargraph.build import build
from seminargraph.inputs.authoring import load_file
from seminargraph.rdfio import MAX_BNODE_DEPTH, parse_file, union_graph
from seminargraph.textfile import LIMIT_VARIABLE, MAX_TEXT_BYTES, MAX_YAML_BYTES
from test_authoring import case, line_of, refused
from test_export import HOSTILE, hostile_network, read_back, unholdable
from test_programme import FIXTURES, TABLES, _refused, _run_import, _table
from test_rdf_input import PREFIX, write

MINIMAL = Path(__file__).parent / "data" / "minimal"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


class Listener:
    """A loopback HTTP server standing in for an outside host; it answers and records every request."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        seen = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                seen.append(f"{self.command} {self.path}")
                body = b'{"@context": {"name": "http://schema.org/name"}}'
                self.send_response(200)
                self.send_header("Content-Type", "application/ld+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET

            def log_message(self, *args: Any) -> None:
                return

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def outside() -> Iterator[Listener]:
    listener = Listener()
    try:
        yield listener
    finally:
        listener.close()


def _store_count(root: Path) -> int:
    store = ox.Store.read_only(str(root / "active"))
    try:
        result = store.query(COUNT)
        assert isinstance(result, ox.QuerySolutions)
        return int(next(iter(result))[0].value)
    finally:
        del store


def _one_line_error(result: Any, code: int = 1) -> str:
    assert result.exit_code == code, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error: ")
    return str(result.stderr)


# --- 1. malformed Turtle and TriG ----------------------------------------------------------------


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
def test_case01_malformed_turtle_and_trig_name_the_file_line_and_column(
    run_cli, tmp_path: Path, name: str, text: str, line: int, message: str
) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(SourceError) as info:
        parse_file(path)
    assert info.value.path == str(path)
    assert info.value.line == line and info.value.column is not None
    assert message in str(info.value)
    assert str(info.value).startswith(f"{path}:{line}:{info.value.column}: malformed ")
    result = run_cli("query", "participants", "-d", str(path))
    assert _one_line_error(result).startswith(f"error: {path}:{line}:")


def test_case01_a_malformed_file_keeps_nothing_read_before_its_error(run_cli, tmp_path: Path) -> None:
    good = write(tmp_path, "a.ttl", PREFIX + "ex:a ex:b ex:c .\n")
    bad = write(tmp_path, "b.ttl", PREFIX + "ex:x ex:y ex:z .\nex:broken\n")
    with pytest.raises(SourceError):
        load_graph(good, bad)
    out = tmp_path / "out"
    _one_line_error(run_cli("build", str(good), str(bad), "-o", str(out), "--no-validate"))
    assert not out.exists()
    # Into a store that holds data already: the load of both files is refused, and the store still
    # holds exactly what it held.
    root = tmp_path / "kg"
    assert run_cli("load", "--store", f"oxigraph:{root}", str(good), "--no-validate").exit_code == 0
    before = _store_count(root)
    _one_line_error(run_cli("load", "--store", f"oxigraph:{root}", str(good), str(bad), "--no-validate"))
    assert _store_count(root) == before


# --- 2. malformed YAML and tables ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (lambda t: "source: [unclosed\n", "malformed YAML"),
        (
            lambda t: t.replace("  - id: karl-nystrom\n    name", "  - id: karl-nystrom\n   name"),
            "malformed YAML",
        ),
        (lambda t: t.replace("name: Eva Lind", 'name: "Eva Lind'), "malformed YAML"),
        (lambda t: t.replace("name: Eva Lind", "name: Eva\x00Lind"), "a NUL byte"),
    ],
    ids=["unclosed bracket", "bad indentation", "unclosed quote", "NUL byte"],
)
def test_case02_malformed_yaml_names_the_file_and_writes_nothing(
    run_cli, tmp_path: Path, edit: Callable[[str], str], problem: str
) -> None:
    folder = tmp_path / "bad"
    shutil.copytree(MINIMAL, folder)
    yaml_path = folder / "seminar.yaml"
    yaml_path.write_text(edit(yaml_path.read_text("utf-8")), "utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("old", "utf-8")
    message = _one_line_error(run_cli("build", str(folder), "-o", str(out)))
    assert message.startswith(f"error: {yaml_path}:") and problem in message
    assert re.match(rf"error: {re.escape(str(yaml_path))}:\d+:", message), "the line is named"
    assert (out / "graph.ttl").read_text("utf-8") == "old"
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl"]


#: Bad tables: how the fixture is broken, and what the message must say (with {table} and its line).
BAD_TABLES: dict[str, tuple[Callable[[str], str], tuple[str, ...]]] = {
    "a missing column": (lambda t: t.replace(",place,", ",plats,", 1), ("{table}:1:", "'place'")),
    "a ragged row": (
        lambda t: t.replace(",12,9001", ",12,9001,extra"),
        ("{table}:2:", "23 cells where the header has 22"),
    ),
    "an empty file": (lambda t: "", ("the table is empty",)),
    "an unclosed quote": (
        lambda t: t.replace('"Alfa kommun, Beta AB"', '"Alfa kommun, Beta AB'),
        ("{table}:2:", "malformed row", "check the quotes"),
    ),
    "duplicate programme ids with other cells": (
        lambda t: t.replace(",3,9002", ",3,9001"),
        ("{table}:3:", "'9001' is also the id of line 2"),
    ),
    "an unparseable date": (
        lambda t: t.replace("2031-07-02 13:00:00", "2 juli 13.00"),
        ("{table}:3: start:", "'2 juli 13.00'"),
    ),
    "a NUL byte": (lambda t: t.replace("Om broar.", "Om\x00broar."), ("{table}:2:", "a NUL byte at line 2")),
    "a control character in a name": (
        lambda t: t.replace("Karin Ek, kommunstyrelsens", "Karin\x07Ek, kommunstyrelsens", 1),
        ("{table}:2: speakers:", "U+0007"),
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_TABLES))
def test_case02_a_malformed_table_is_refused_with_its_file_and_line(
    tmp_path: Path, run_cli: Callable[..., Any], case: str
) -> None:
    edit, expected = BAD_TABLES[case]
    table = _table(tmp_path, edit)
    message = _refused(tmp_path, run_cli, table)
    for text in expected:
        assert text.format(table=table) in message, message


def _as_jsonl(csv_text: str) -> str:
    rows = csv.DictReader(io.StringIO(csv_text, newline=""))
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def _as_tsv(csv_text: str) -> str:
    # The fixture's cells hold no tabs; a line break in one becomes a space.
    rows = csv.reader(io.StringIO(csv_text, newline=""))
    return "".join("\t".join(cell.replace("\n", " ") for cell in row) + "\n" for row in rows)


@pytest.mark.parametrize(
    ("name", "edit", "expected"),
    [
        ("2031.tsv", lambda t: _as_tsv(t).replace("\t12\t9001", "\t12\t9001\textra"), "{table}:2:"),
        ("2031.jsonl", lambda t: _as_jsonl(t) + '{"title": "Halv\n', "{table}:5:"),
        ("2031.jsonl", lambda t: _as_jsonl(t).replace('"id": "9002"', '"id": {"x": 1}'), "{table}:2: id:"),
    ],
    ids=["ragged tsv row", "jsonl line not json", "jsonl cell an object"],
)
def test_case02_malformed_tsv_and_json_lines_are_refused_with_their_line(
    tmp_path: Path, run_cli: Callable[..., Any], name: str, edit: Callable[[str], str], expected: str
) -> None:
    table = tmp_path / "in" / name
    table.parent.mkdir()
    table.write_text(edit((FIXTURES / "2031.csv").read_text("utf-8")), "utf-8")
    message = _refused(tmp_path, run_cli, table)
    assert expected.format(table=table) in message, message


def test_case02_a_malformed_review_file_is_refused_with_its_line(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    review = tmp_path / "review.tsv"
    assert _run_import(run_cli, tmp_path, TABLES[0]).exit_code == 0
    before = _store_count(tmp_path / "kg")
    lines = review.read_text("utf-8").splitlines()
    review.write_text("\n".join([lines[0], "accept\tperson\t0.9", *lines[1:]]) + "\n", "utf-8")
    result = _run_import(run_cli, tmp_path, TABLES[0])
    message = _one_line_error(result)
    assert message.startswith(f"error: {review}:2: ") and "tab-separated cells" in message
    assert _store_count(tmp_path / "kg") == before


# --- 3. YAML that parses but means something else ----------------------------------------------


def test_case03_duplicate_keys_are_refused_not_overwritten(tmp_path: Path) -> None:
    path = case(
        tmp_path,
        ("  - id: eva-lind\n    name: Eva Lind", "  - id: eva-lind\n    name: Eva Lind\n    name: Eva Lund"),
    )
    error = refused(path)
    assert "'name' appears twice" in str(error)
    assert error.line == line_of(path, "name: Eva Lund")


def _mapping(tmp_path: Path, edit: Callable[[str], str]) -> Path:
    from seminargraph.programme import load_mapping

    builtin = Path(load_mapping("almedalsveckan").path).read_text("utf-8")
    mapping = tmp_path / "mine.yaml"
    mapping.write_text(edit(builtin), "utf-8")
    return mapping


def test_case03_a_mapping_with_a_duplicate_key_is_refused(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    mapping = _mapping(tmp_path, lambda t: t.replace("  place: place", "  place: place\n  place: title"))
    root = tmp_path / "kg"
    result = run_cli("import", str(TABLES[0]), "-m", str(mapping), "--store", f"oxigraph:{root}")
    message = _one_line_error(result)
    assert message.startswith(f"error: {mapping}:{line_of(mapping, 'place: title')}:")
    assert "'place' appears twice" in message
    assert not root.exists()


def test_case03_no_off_and_dates_stay_the_strings_they_were_written_as(tmp_path: Path) -> None:
    path = case(
        tmp_path,
        ("name: Eva Lind", "name: NO"),
        ("name: {sv: Exempelbyrån, en: Example Agency}", "name: {sv: off, en: 2015-07-01}"),
        ("type: seminar", "type: seminar\n    year: 2015"),
    )
    records = load_file(path)
    assert {p.name for p in records.people} >= {"NO"}
    assert dict(records.organisations[0].name) == {"sv": "off", "en": "2015-07-01"}
    assert records.events[0].year == "2015"


BOMB = 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\n'


def test_case03_alias_bombs_are_refused_in_authored_data(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(BOMB, "utf-8")
    error = refused(path)
    assert "anchors and aliases" in str(error) and error.line == 1


def test_case03_alias_bombs_are_refused_in_a_mapping(tmp_path: Path, run_cli: Callable[..., Any]) -> None:
    mapping = _mapping(tmp_path, lambda t: BOMB + t)
    result = run_cli("import", str(TABLES[0]), "-m", str(mapping), "--store", f"oxigraph:{tmp_path / 'kg'}")
    assert _one_line_error(result).startswith(f"error: {mapping}:1:")
    assert "anchors and aliases" in result.stderr and not (tmp_path / "kg").exists()


def test_case03_custom_tags_are_refused(tmp_path: Path) -> None:
    path = case(tmp_path, ("name: Eva Lind", "name: !!python/object:os.system echo"))
    assert "tag" in str(refused(path))


def test_case03_an_authored_file_over_the_size_limit_is_refused_before_parsing(
    run_cli, tmp_path: Path
) -> None:
    path = write(tmp_path, "big.yaml", "# " + "x" * MAX_YAML_BYTES + "\nsource: x\n")
    out = tmp_path / "out"
    result = run_cli("build", str(path), "-o", str(out))
    assert _one_line_error(result).startswith(f"error: {path}: the file is ")
    assert f"over the limit of {MAX_YAML_BYTES:,}" in result.stderr and not out.exists()


def test_case03_the_size_limit_is_changed_by_its_environment_variable(
    run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    size = (MINIMAL / "seminar.yaml").stat().st_size
    monkeypatch.setenv(LIMIT_VARIABLE, str(size - 1))
    message = _one_line_error(run_cli("validate", str(MINIMAL)))
    assert f"over the limit of {size - 1:,}" in message and LIMIT_VARIABLE in message
    monkeypatch.setenv(LIMIT_VARIABLE, str(size * 10))
    assert run_cli("validate", str(MINIMAL)).exit_code == 0


# --- 4. wrong encodings --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("Frukost om öppna data".encode("latin-1"), "not UTF-8 at line 1 column 12"),
        ("source: x".encode("utf-16"), "UTF-16"),
        (b"\xef\xbb\xbfsource: x\n", "byte-order mark"),
        (b"source:\n  id: x\x00y\n", "NUL byte at line 2 column 8"),
    ],
)
def test_case04_authored_yaml_in_another_encoding_is_named_with_its_position(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(data)
    assert message in str(refused(path))


@pytest.mark.parametrize(
    ("suffix", "encode", "message", "line"),
    [
        (".ttl", lambda t: t.encode("latin-1"), "not UTF-8 at line 2 column 20", 2),
        (
            ".ttl",
            lambda t: t.encode("utf-16"),
            "not UTF-8 at line 1 column 1: the file looks like UTF-16",
            None,
        ),
        (".nt", lambda t: b"\xef\xbb\xbf" + t.encode(), "byte-order mark", None),
        (".jsonld", lambda t: t.encode("latin-1"), "not UTF-8 at line 1 column", 1),
    ],
    ids=["latin-1 turtle", "utf-16 turtle", "bom n-triples", "latin-1 json-ld"],
)
def test_case04_rdf_in_another_encoding_is_named_not_a_decode_error(
    run_cli, tmp_path: Path, suffix: str, encode: Callable[[str], bytes], message: str, line: int | None
) -> None:
    texts = {
        ".ttl": PREFIX + 'ex:a ex:name "Nyström" .\n',
        ".nt": '<http://e.org/a> <http://e.org/name> "Nyström" .\n',
        ".jsonld": '{"@id": "http://e.org/a", "http://e.org/name": "Nyström"}',
    }
    path = tmp_path / f"data{suffix}"
    path.write_bytes(encode(texts[suffix]))
    with pytest.raises(SourceError, match=re.escape(message)) as info:
        parse_file(path)
    assert info.value.line == line
    for command in (["validate", str(path)], ["load", "--store", f"oxigraph:{tmp_path / 'kg'}", str(path)]):
        result = run_cli(*command)
        assert message in _one_line_error(result) and "UnicodeDecodeError" not in result.stderr
    assert not (tmp_path / "kg" / "active").exists()


@pytest.mark.parametrize(
    ("encode", "message"),
    [
        (lambda t: t.encode("latin-1"), "not UTF-8 at line 2"),
        (lambda t: t.encode("utf-16"), "looks like UTF-16"),
        (lambda t: b"\xef\xbb\xbf" + t.encode(), "byte-order mark"),
    ],
    ids=["latin-1", "utf-16", "bom"],
)
def test_case04_a_table_in_another_encoding_is_named_with_its_position(
    tmp_path: Path, run_cli: Callable[..., Any], encode: Callable[[str], bytes], message: str
) -> None:
    table = tmp_path / "in" / "2031.csv"
    table.parent.mkdir()
    table.write_bytes(encode((FIXTURES / "2031.csv").read_text("utf-8")))
    assert message in _refused(tmp_path, run_cli, table)


# --- 5. ids and names that would build broken IRIs ---------------------------------------------


@pytest.mark.parametrize("bad_id", ["Eva Lind", "eva>lind", 'eva"lind', "eva\nlind", "eva--", "-eva", "Eva"])
def test_case05_authored_ids_that_would_break_iris_are_refused(tmp_path: Path, bad_id: str) -> None:
    path = case(tmp_path, ("  - id: eva-lind\n", f"  - id: {json.dumps(bad_id)}\n"))
    error = refused(path)
    assert error.field == "people.id" and "not a valid id" in str(error)


@pytest.mark.parametrize(
    "iri",
    ["http://e.org/a\\u0020b", "http://e.org/a\\u003Eb", "http://e.org/a\\u0022b", "http://e.org/a\\u000Ab"],
)
def test_case05_rdf_iris_spelled_with_escapes_are_refused(run_cli, tmp_path: Path, iri: str) -> None:
    path = write(tmp_path, "escaped.ttl", PREFIX + f"ex:a ex:b <{iri}> .\n")
    with pytest.raises(SourceError, match="malformed Turtle: Invalid IRI code point") as info:
        parse_file(path)
    assert (info.value.line, info.value.column) == (2, 11)
    loaded = run_cli("load", "--store", f"oxigraph:{tmp_path / 'kg'}", str(path))
    assert _one_line_error(loaded).startswith(f"error: {path}:2:11: malformed Turtle: Invalid IRI")
    assert not (tmp_path / "kg" / "active").exists()


_SAFE_IRI = re.compile(r'^[^<>"{}|^`\\\x00-\x20]+$')


def test_case05_table_cells_never_break_an_iri_or_inject_a_triple(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    hostile_title = 'Broar" . <http://evil.example/a> <http://evil.example/b> "c" . #'
    table = _table(
        tmp_path,
        lambda t: t.replace(",12,9001", ',12,"90 01> <x\n"').replace(
            "Vem bygger bron?", f'"{hostile_title.replace(chr(34), chr(34) * 2)}"'
        ),
    )
    assert _run_import(run_cli, tmp_path, table).exit_code == 0
    out = tmp_path / "out"
    built = run_cli(
        "build", "--store", f"oxigraph:{tmp_path / 'kg'}", "-o", str(out), "-f", "ntriples", "-f", "turtle"
    )
    assert built.exit_code == 0, built.stderr
    triples = list(ox.parse(path=str(out / "graph.nt"), format=ox.RdfFormat.N_TRIPLES))
    for triple in triples:
        for term in (triple.subject, triple.predicate, triple.object):
            if isinstance(term, ox.NamedNode):
                assert _SAFE_IRI.match(term.value), term
                assert "evil.example" not in term.value
    literals = {t.object.value for t in triples if isinstance(t.object, ox.Literal)}
    assert hostile_title in literals and "90 01> <x" in literals, "the cells are kept as text"
    turtle = Graph().parse(out / "graph.ttl", format="turtle")
    assert isomorphic(turtle, Graph().parse(out / "graph.nt", format="nt"))


# --- 6. ill-typed literals and bad language tags -------------------------------------------------

ILL_TYPED = """@prefix sg: <https://seminargraph.example/ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://seminargraph.example/id/event/x> a sg:Seminar ; sg:identifier "x" ; sg:name "X"@sv ;
    sg:startTime "igår"^^xsd:dateTime .
"""


def test_case06_an_ill_typed_literal_is_a_validation_error_naming_the_property(
    run_cli, tmp_path: Path
) -> None:
    path = write(tmp_path, "ill.ttl", ILL_TYPED)
    for command in (["validate", str(path)], ["load", "--store", f"oxigraph:{tmp_path / 'kg'}", str(path)]):
        result = run_cli(*command)
        assert result.exit_code == 3, result.stderr
        problems = [line for line in result.stderr.splitlines() if "Violation" in line]
        assert problems and "sg:startTime" in problems[0] and "'igår'" in problems[0]
        # rdflib logs a traceback for the literal it cannot convert; none reaches the user.
        assert "Traceback" not in result.stderr and "Failed to convert" not in result.stderr
    assert not (tmp_path / "kg" / "active").exists()


@pytest.mark.parametrize(
    ("name", "text", "field"),
    [
        (
            "lang.jsonld",
            '{"@id": "http://e.org/a", "http://e.org/b": {"@value": "x", "@language": "12 3--"}}',
            "@language",
        ),
        (
            "lang.rdf",
            '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns:ex="http://e.org/"><rdf:Description rdf:about="http://e.org/a">'
            '<ex:p xml:lang="12 3--">x</ex:p></rdf:Description></rdf:RDF>',
            None,
        ),
    ],
)
def test_case06_a_bad_language_tag_is_refused_never_dropped(
    run_cli, tmp_path: Path, name: str, text: str, field: str | None
) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(SourceError, match="12 3--") as info:
        parse_file(path)
    assert info.value.field == field and info.value.path == str(path)
    assert _one_line_error(run_cli("validate", str(path))).startswith(f"error: {path}:")


def test_case06_a_bad_language_in_authored_yaml_names_the_field(tmp_path: Path) -> None:
    path = case(
        tmp_path,
        ("name: {sv: Exempelbyrån, en: Example Agency}", "name: {sv: Exempelbyrån, 'e n': Example Agency}"),
    )
    error = refused(path)
    assert error.field == "organisations.name.e n" and "is not a language tag" in str(error)


# --- 7. control characters and lone surrogates ---------------------------------------------------


def test_case07_control_characters_in_authored_names_are_refused(tmp_path: Path) -> None:
    path = case(tmp_path, ("name: Eva Lind", 'name: "Eva\\x07Lind"'))
    error = refused(path)
    assert "U+0007" in str(error) and error.field == "people.name"


def test_case07_lone_surrogates_in_authored_names_are_refused(tmp_path: Path) -> None:
    path = case(tmp_path, ("name: Eva Lind", 'name: "Eva \\ud800Lind"'))
    assert "surrogate" in str(refused(path))


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("control.ttl", PREFIX + 'ex:a ex:name "Eva\\u0007Lind" .\n', "U+0007"),
        ("surrogate.nt", '<http://e.org/a> <http://e.org/b> "x\\uD800y" .\n', "surrogate"),
        ("control.jsonld", '{"@id": "http://e.org/a", "http://e.org/b": "Eva\\u001bLind"}', "U+001B"),
    ],
)
def test_case07_control_characters_in_rdf_literals_are_refused(
    run_cli, tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(SourceError, match=re.escape(message)):
        parse_file(path)
    loaded = run_cli("load", "--store", f"oxigraph:{tmp_path / 'kg'}", str(path))
    assert message in _one_line_error(loaded) and not (tmp_path / "kg" / "active").exists()


HOSTILE_NAME = 'Exempel "Byrå" <b>\\ {x} ; . # @prefix ex: <http://evil/> . <a> <b> <c> . \U0001f642'


def test_case07_hostile_text_in_names_reads_back_the_same_from_every_rdf_format(tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    shutil.copytree(MINIMAL, folder)
    yaml_path = folder / "seminar.yaml"
    quoted = json.dumps(HOSTILE_NAME, ensure_ascii=False)
    text = yaml_path.read_text("utf-8").replace(
        "name: {sv: Exempelbyrån, en: Example Agency}", f"name: {{sv: {quoted}, en: Example Agency}}"
    )
    yaml_path.write_text(text, "utf-8")
    formats = ["turtle", "ntriples", "jsonld", "trig", "nquads", "rdfxml"]
    build([folder], tmp_path / "out", formats=formats)
    reference = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    names = {str(o) for o in reference.objects(None, URIRef("https://seminargraph.example/ns#name"))}
    assert HOSTILE_NAME in names
    for name, fmt in [("graph.nt", "nt"), ("graph.jsonld", "json-ld"), ("graph.rdf", "xml")]:
        assert isomorphic(reference, Graph().parse(tmp_path / "out" / name, format=fmt)), name
    for name, fmt in [("graph.trig", "trig"), ("graph.nq", "nquads")]:
        dataset = Dataset()
        dataset.parse(tmp_path / "out" / name, format=fmt)
        assert isomorphic(reference, union_graph(dataset)), name
    assert "http://evil/" not in {str(s) for s in reference.subjects()}


@pytest.mark.parametrize("fmt", list(EXPORT_FORMATS))
def test_case07_hostile_text_never_makes_a_network_export_unreadable(tmp_path: Path, fmt: str) -> None:
    network = hostile_network()
    path = tmp_path / f"hostile{EXPORT_FORMATS[fmt].suffix}"
    summary = export_network(network, path)
    back = read_back(path)
    assert back.number_of_nodes() == len(HOSTILE) + 1 and back.number_of_edges() == len(HOSTILE)
    names = {d["label"] for _, d in back.nodes(data=True)}
    notes = {d["note"] for *_, d in back.edges(data=True)}
    if fmt == "json":
        # JSON escapes every character: the text comes back exactly
        assert summary.replaced == 0
        assert names == set(HOSTILE) and notes == set(HOSTILE)
    else:
        # XML cannot hold these characters at all: each is written as U+FFFD, and counted
        assert summary.replaced == unholdable(network) > 0
        assert "<img src=x onerror=alert(1)>" in names
        assert "</script>]]><!-- & &amp; \"quotes\" 'apostrophes'" in names
        assert "bell\ufffd nul\ufffd escape\ufffd vertical\ufffd" in names
        assert "line\u2028separator, tab\tand newline\nand é, ö, 漢字, 🙂" in names


# --- 8. RDF/XML with a DTD or external entities --------------------------------------------------

RDF_TAIL = (
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://e.org/">'
    '<rdf:Description rdf:about="http://e.org/a"><ex:p>&x;</ex:p></rdf:Description></rdf:RDF>'
)


@pytest.mark.parametrize("entity", ["file", "http", "parameter", "doctype"])
def test_case08_rdfxml_with_external_entities_is_refused_without_reading_or_fetching(
    run_cli, tmp_path: Path, outside: Listener, entity: str
) -> None:
    secret = write(tmp_path, "secret.txt", "the secret")
    declarations = {
        "file": f'<!DOCTYPE r [<!ENTITY x SYSTEM "{secret.as_uri()}">]>',
        "http": f'<!DOCTYPE r [<!ENTITY x SYSTEM "{outside.url("/entity")}">]>',
        "parameter": f'<!DOCTYPE r [<!ENTITY % p SYSTEM "{outside.url("/dtd")}"> %p;]>',
        "doctype": f'<!DOCTYPE r SYSTEM "{outside.url("/doctype.dtd")}">',
    }
    path = write(tmp_path, "xxe.rdf", f'<?xml version="1.0"?>\n{declarations[entity]}\n{RDF_TAIL}')
    with pytest.raises(SourceError, match="DTD") as info:
        parse_file(path)
    assert info.value.line == 2
    for command in (["validate", str(path)], ["load", "--store", f"oxigraph:{tmp_path / 'kg'}", str(path)]):
        message = _one_line_error(run_cli(*command))
        assert message.startswith(f"error: {path}:2: ") and "the secret" not in message
    assert outside.requests == []


# --- 9. an entity-expansion bomb -----------------------------------------------------------------


def _entity_bomb() -> str:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    return f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [{entities}]>\n' + RDF_TAIL.replace("&x;", "&j;")


def test_case09_an_entity_bomb_is_refused_at_once(tmp_path: Path) -> None:
    path = write(tmp_path, "bomb.rdf", _entity_bomb())
    assert path.stat().st_size < 1500, "the bomb is about 1 KB"
    started = time.monotonic()
    with pytest.raises(SourceError, match="DTD") as info:
        parse_file(path)
    # Expanded, the bomb is 10 GB of text; refusing it takes milliseconds. The bound is loose so a
    # busy machine cannot fail it, and tight enough that an expansion would.
    assert time.monotonic() - started < 20
    assert info.value.line == 2


_MEASURED = """
import resource, sys, time
from click.testing import CliRunner
from seminargraph.cli import cli
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.monotonic()
result = CliRunner().invoke(cli, sys.argv[1:])
print(result.exit_code, time.monotonic() - started,
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
"""


@pytest.mark.slow
def test_case09_an_entity_bomb_loaded_into_a_store_stays_within_a_second_and_bounded_memory(
    tmp_path: Path,
) -> None:
    # pyoxigraph 0.5.13 expands this file to gigabytes; the load path must refuse it first.
    path = write(tmp_path, "bomb.rdf", _entity_bomb())
    run = subprocess.run(
        [sys.executable, "-c", _MEASURED, "load", "--store", f"oxigraph:{tmp_path / 'kg'}", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    code, seconds, grown_kb = run.stdout.split()
    assert code == "1"
    assert float(seconds) < 5, f"refused after {seconds} s"
    assert int(grown_kb) < 200_000, f"the refusal used {grown_kb} kB more memory"


# --- 10. remote references in data ---------------------------------------------------------------


@pytest.mark.parametrize("key", ["@context", "@import"])
def test_case10_a_remote_jsonld_context_is_refused_without_fetching(
    run_cli, tmp_path: Path, outside: Listener, key: str
) -> None:
    context: Any = outside.url("/context.jsonld")
    if key == "@import":
        context = {"@import": context}
    path = write(
        tmp_path, "remote.jsonld", json.dumps({"@context": context, "@id": "http://e.org/a", "name": "x"})
    )
    with pytest.raises(SourceError, match=re.escape(f"remote {key} '{outside.url('/context.jsonld')}'")):
        parse_file(path)
    for command in (["validate", str(path)], ["load", "--store", f"oxigraph:{tmp_path / 'kg'}", str(path)]):
        assert "does not fetch from the network" in _one_line_error(run_cli(*command))
    assert outside.requests == []


def test_case10_an_inline_jsonld_context_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "inline.jsonld",
        json.dumps({"@context": {"name": "http://schema.org/name"}, "@id": "http://e.org/a", "name": "Anna"}),
    )
    assert len(parse_file(path)) == 1


def test_case10_owl_imports_are_kept_as_data_never_followed(
    run_cli, tmp_path: Path, outside: Listener
) -> None:
    onto = outside.url("/ontology.ttl")
    path = write(
        tmp_path,
        "imports.ttl",
        PREFIX + f"@prefix owl: <http://www.w3.org/2002/07/owl#> .\n<> owl:imports <{onto}> .\n",
    )
    assert len(load_graph(path).graph(URIRef("https://seminargraph.example/id/graph/file/imports"))) == 1
    assert run_cli("load", "--store", f"oxigraph:{tmp_path / 'kg'}", str(path)).exit_code == 0
    assert run_cli("build", str(path), "-o", str(tmp_path / "out")).exit_code == 0
    assert outside.requests == []


def test_case10_a_url_given_as_an_input_path_is_refused(run_cli, tmp_path: Path, outside: Listener) -> None:
    url = outside.url("/data.ttl")
    for command in (
        ["validate", url],
        ["build", url, "-o", str(tmp_path / "out")],
        ["load", "--store", f"oxigraph:{tmp_path / 'kg'}", url],
        ["import", url, "-m", "almedalsveckan", "--store", f"oxigraph:{tmp_path / 'kg'}"],
        [
            "import",
            str(TABLES[0]),
            "-m",
            outside.url("/mapping.yaml"),
            "--store",
            f"oxigraph:{tmp_path / 'kg'}",
        ],
    ):
        message = _one_line_error(run_cli(*command))
        assert "URL" in message or "no such file" in message or "no mapping file" in message, message
    assert not (tmp_path / "out").exists() and not (tmp_path / "kg").exists()
    assert outside.requests == []


# --- 11. huge and deeply nested input ------------------------------------------------------------


def _sparse(path: Path, size: int) -> Path:
    # A file of ``size`` bytes that takes no room: the limit must refuse it by its size, unread.
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


@pytest.mark.parametrize("name", ["huge.ttl", "huge.jsonld", "huge.yaml"])
def test_case11_a_file_over_the_size_limit_is_refused_before_it_is_read(
    run_cli, tmp_path: Path, name: str
) -> None:
    limit = MAX_YAML_BYTES if name.endswith(".yaml") else MAX_TEXT_BYTES
    path = _sparse(tmp_path / name, limit + 1)
    started = time.monotonic()
    for command in (["validate", str(path)], ["load", "--store", f"oxigraph:{tmp_path / 'kg'}", str(path)]):
        message = _one_line_error(run_cli(*command))
        assert message.startswith(
            f"error: {path}: the file is {limit + 1:,} bytes, over the limit of {limit:,}"
        )
    assert time.monotonic() - started < 20, "refused by its size, not read"


def test_case11_a_table_over_the_size_limit_is_refused_before_it_is_read(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    from seminargraph.programme.tables import MAX_TABLE_BYTES

    table = _sparse(tmp_path / "2031.csv", MAX_TABLE_BYTES + 1)
    assert f"over the limit of {MAX_TABLE_BYTES:,}" in _refused(tmp_path, run_cli, table)


def test_case11_a_ten_megabyte_literal_is_refused_by_the_limit(run_cli, tmp_path: Path) -> None:
    path = write(tmp_path, "huge.ttl", PREFIX + 'ex:a ex:text "' + "x" * 10_000_000 + '" .\n')
    out = tmp_path / "out"
    result = run_cli("build", str(path), "-o", str(out))
    assert _one_line_error(result).startswith(
        f"error: {path}: a literal of 10,000,000 characters is over the limit"
    )
    assert len(result.stderr.splitlines()) == 1 and not out.exists()


def test_case11_a_huge_table_cell_is_refused_by_the_limit(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    table = _table(tmp_path, lambda t: t.replace("Om broar.", "x" * 1_000_001))
    message = _refused(tmp_path, run_cli, table)
    assert f"{table}:2:" in message and "longer than 1,000,000 characters" in message


def test_case11_ten_thousand_nested_blank_nodes_are_refused_by_a_limit(run_cli, tmp_path: Path) -> None:
    depth = 10_000
    path = write(
        tmp_path, "deep.ttl", PREFIX + "ex:a ex:b " + "[ ex:p " * depth + "ex:c" + " ]" * depth + " .\n"
    )
    with pytest.raises(SourceError, match=f"more than {MAX_BNODE_DEPTH} deep"):
        parse_file(path)
    loaded = run_cli("load", "--store", f"oxigraph:{tmp_path / 'kg'}", str(path))
    assert f"more than {MAX_BNODE_DEPTH} deep" in _one_line_error(loaded)


@pytest.mark.parametrize("name", ["deep.jsonld", "deep.rdf"])
def test_case11_deeply_nested_json_ld_and_rdfxml_give_no_recursion_error(
    run_cli, tmp_path: Path, name: str
) -> None:
    depth = 20_000
    if name.endswith(".jsonld"):
        text = (
            '{"@id": "http://e.org/a", "http://e.org/p": '
            + '{"http://e.org/q": ' * depth
            + '"x"'
            + "}" * (depth + 1)
        )
    else:
        text = (
            '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns:ex="http://e.org/"><rdf:Description>'
            + '<ex:q rdf:parseType="Resource">' * depth
            + "</ex:q>" * depth
            + "</rdf:Description></rdf:RDF>"
        )
    path = write(tmp_path, name, text)
    with pytest.raises(SourceError, match="nested"):
        parse_file(path)
    result = run_cli("validate", str(path))
    assert "RecursionError" not in _one_line_error(result)


def test_case11_deeply_nested_yaml_is_refused_without_recursion_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 5000 + "]" * 5000 + "\n", "utf-8")
    assert "nest" in str(refused(path))
    shallow_but_too_deep = tmp_path / "deeper.yaml"
    shallow_but_too_deep.write_text("a: " + "[" * 30 + "]" * 30 + "\n", "utf-8")
    assert "nested more than 20 levels" in str(refused(shallow_but_too_deep))


# --- Also: every store with every command, and rdflib's own query() --------------------------------


def test_also_build_and_validate_read_an_http_store(run_cli, tmp_path: Path) -> None:
    from seminargraph.store import write_store
    from test_server_support import start_oxigraph

    server = start_oxigraph()
    try:
        endpoint = f"{server.url}query"
        write_store(endpoint, load_graph(), update_endpoint=f"{server.url}update")
        checked = run_cli("validate", "--store", endpoint)
        assert checked.exit_code == 0, checked.stderr
        assert "8 people" in checked.stdout and "conforms" in checked.stdout
        built = run_cli("build", "--store", endpoint, "-o", str(tmp_path / "out"), "-f", "turtle")
        assert built.exit_code == 0, built.stderr
    finally:
        server.stop()
    build(outdir=tmp_path / "memory", formats=["turtle"])
    from_endpoint = Graph().parse(tmp_path / "out" / "graph.ttl", format="turtle")
    assert isomorphic(from_endpoint, Graph().parse(tmp_path / "memory" / "graph.ttl", format="turtle"))


def _reaching_out(listener: Listener) -> list[str]:
    return [
        f"SELECT * WHERE {{ SERVICE <{listener.url('/service')}> {{ ?s ?p ?o }} }}",
        f"SELECT * FROM <{listener.url('/from')}> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{listener.url('/named')}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
    ]


@pytest.mark.parametrize("opened", ["load_graph", "open_graph memory", "open_graph oxigraph"])
def test_also_the_graphs_seminargraph_returns_refuse_service_load_and_from_in_rdflib_query(
    tmp_path: Path, outside: Listener, opened: str
) -> None:
    from rdflib.plugins.sparql import prepareQuery

    from seminargraph.store import open_graph, write_store

    if opened == "load_graph":
        graph = load_graph(MINIMAL)
    elif opened == "open_graph memory":
        graph = open_graph("memory", [MINIMAL])
    else:
        write_store(f"oxigraph:{tmp_path / 'kg'}", load_graph(MINIMAL))
        graph = open_graph(f"oxigraph:{tmp_path / 'kg'}")
    try:
        for text in _reaching_out(outside):
            with pytest.raises(QueryError, match="would read from outside the store"):
                graph.query(text)
            # A query rdflib has parsed already is handed to rdflib's own engine, which follows
            # SERVICE: it is refused too.
            with pytest.raises(QueryError, match="would read from outside the store"):
                graph.query(prepareQuery(text))
        if opened != "open_graph oxigraph":  # opened read-only: no update at all
            with pytest.raises(QueryError, match="'LOAD' would read from outside"):
                graph.update(f"LOAD <{outside.url('/load')}>")
        # Queries that stay inside still run.
        assert len(list(graph.query("SELECT * WHERE { ?s ?p ?o } LIMIT 3"))) == 3
    finally:
        graph.close()
    assert outside.requests == []


def test_also_an_endpoint_store_refuses_service_before_sending_anything(outside: Listener) -> None:
    from seminargraph.store import open_graph

    graph = open_graph(outside.url("/sparql"))
    for text in _reaching_out(outside):
        with pytest.raises(QueryError, match="would read from outside the store"):
            graph.query(text)
    assert outside.requests == []


def test_also_the_environment_limit_is_documented() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    assert LIMIT_VARIABLE in readme
