"""The load path in Oxigraph's terms gives the graphs, the errors and the reports of the rdflib path."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from seminargraph import bulk, load_graph
from seminargraph.bulk import load_into_oxigraph
from seminargraph.errors import SourceError
from seminargraph.rdfio import from_oxigraph, plain
from seminargraph.store import open_graph
from test_rdf_input import PREFIX, write
from test_validate import BROKEN, MINIMAL, _minimal_graph

ID = "https://seminargraph.example/id/"
SG = "https://seminargraph.example/ns#"


def _graphs_of_store(store: ox.Store) -> dict[str, Graph]:
    found: dict[str, Graph] = {}
    for quad in store.quads_for_pattern(None, None, None):
        graph = found.setdefault(str(quad.graph_name.value), Graph())
        terms = (from_oxigraph(quad.subject), from_oxigraph(quad.predicate), from_oxigraph(quad.object))
        graph.add((terms[0], terms[1], plain(terms[2])))
    return found


def _graphs_of_dataset(dataset: Dataset) -> dict[str, Graph]:
    found: dict[str, Graph] = {}
    for context in dataset.graphs():
        if len(context):
            graph = found.setdefault(str(context.identifier), Graph())
            for s, p, o in context:
                graph.add((s, p, plain(o)))
    return found


def _inputs(tmp_path: Path) -> dict[str, list[Path]]:
    turtle = tmp_path / "minimal.ttl"
    _minimal_graph().serialize(turtle, format="turtle")
    trig = tmp_path / "named.trig"
    trig.write_text(
        PREFIX + f"<{ID}graph/named> {{ ex:a ex:b [ ex:c ex:d ] . }}\nex:e ex:f ex:g .\n", "utf-8"
    )
    jsonld = tmp_path / "inline.jsonld"
    jsonld.write_text('{"@context": {"ex": "http://example.org/"}, "@id": "ex:a", "ex:b": "c"}', "utf-8")
    return {
        "built-in": [],
        "minimal yaml": [MINIMAL],
        "turtle": [turtle],
        "yaml and rdf": [MINIMAL, turtle, trig, jsonld],
    }


def test_the_same_graphs_as_the_rdflib_path(tmp_path: Path) -> None:
    for name, paths in _inputs(tmp_path).items():
        ours = _graphs_of_store(load_into_oxigraph(paths).store)
        theirs = _graphs_of_dataset(load_graph(*paths))
        assert sorted(ours) == sorted(theirs), name
        for graph in theirs:
            assert isomorphic(ours[graph], theirs[graph]), f"{name}: {graph}"


def test_a_load_gives_the_store_the_same_answers(tmp_path: Path, run_cli) -> None:
    store = tmp_path / "kg"
    result = run_cli("load", "--store", f"oxigraph:{store}", str(MINIMAL))
    assert result.exit_code == 0, result.stderr
    assert "loaded 2 graph(s)" in result.stdout
    on_disk = open_graph(f"oxigraph:{store}")
    try:
        ours = _graphs_of_dataset(on_disk)
    finally:
        on_disk.close()
    theirs = _graphs_of_dataset(load_graph(MINIMAL))
    assert sorted(ours) == sorted(theirs)
    assert all(isomorphic(ours[g], theirs[g]) for g in theirs)


def _awkward_inputs(tmp_path: Path) -> list[Path]:
    """Files whose graphs a build cannot take from the files as they are, beside ones it can."""
    turtle = tmp_path / "minimal.ttl"
    _minimal_graph().serialize(turtle, format="turtle")
    sg = f"@prefix sg: <{SG}> .\n"
    # A participation whose event is a blank node: its shortcut edge has a blank node too.
    blank = write(
        tmp_path,
        "blank-event.ttl",
        PREFIX + sg + "[] a sg:Participation ; sg:event _:e ; sg:agent ex:p ; sg:role sg:SpeakerRole ;"
        " sg:status sg:Stated .\n_:e a sg:Event .\n",
    )
    # Quads in the ontology's graph (as in an export of a store), which a load replaces.
    ontology = write(
        tmp_path, "with-ontology.nq", f'<http://example.org/x> <http://example.org/y> "z" <{SG}> .\n'
    )
    # One graph filled by a TriG file (with a blank node) and by a JSON-LD file.
    trig = write(tmp_path, "shared.trig", PREFIX + f"<{ID}graph/shared> {{ ex:s ex:p [ ex:q ex:r ] . }}\n")
    jsonld = write(
        tmp_path,
        "shared.jsonld",
        json.dumps(
            {
                "@id": f"{ID}graph/shared",
                "@graph": [{"@id": "http://example.org/t", "http://example.org/u": "v"}],
            }
        ),
    )
    return [MINIMAL, turtle, blank, ontology, trig, jsonld]


@pytest.mark.parametrize("how", ["first load", "reload", "reload with --clear"])
def test_every_way_of_building_the_store_gives_the_rdflib_graphs(tmp_path: Path, how: str) -> None:
    # A first load (or --clear) bulk-loads the files Oxigraph reads into the store as they are,
    # beside the scratch store, and copies the rest; a reload copies every graph: the same graphs.
    paths = _awkward_inputs(tmp_path)
    store = tmp_path / "kg"
    if how != "first load":
        bulk.load_disk([paths[-1], MINIMAL], f"oxigraph:{store}", validate=False)
    bulk.load_disk(paths, f"oxigraph:{store}", validate=False, clear=how == "reload with --clear")
    on_disk = open_graph(f"oxigraph:{store}")
    try:
        ours = _graphs_of_dataset(on_disk)
    finally:
        on_disk.close()
    theirs = _graphs_of_dataset(load_graph(*paths))
    assert sorted(ours) == sorted(theirs)
    for graph in theirs:
        assert isomorphic(ours[graph], theirs[graph]), graph
    assert len(ours[f"{ID}graph/shared"]) == 3  # the blank node once, not once per reading
    assert not any(p.name.endswith(".tmp") for p in store.iterdir())


BAD = {
    "missing-dot.ttl": PREFIX + "ex:a ex:b ex:c .\nex:a ex:b ex:d\nex:e ex:f ex:g .\n",
    "undefined-prefix.ttl": PREFIX + "ex:a ex:b ex:c .\nex:a foo:b ex:d .\n",
    "bad-language.ttl": PREFIX + 'ex:a ex:b "x"@123-- .\n',
    "bad-iri.nt": "<http://example.org/a b> <http://example.org/p> <http://example.org/c> .\n",
    "bad.trig": PREFIX + "ex:g { ex:a ex:b ex:c . \n ex:a ex:b }\n",
    "control.ttl": PREFIX + 'ex:a ex:name "Eva\\u0007Lind" .\n',
    "surrogate.nt": '<http://e.org/a> <http://e.org/b> "x\\uD800y" .\n',
    "deep.ttl": PREFIX + "ex:a ex:b " + "[ ex:p " * 200 + "ex:c" + " ]" * 200 + " .\n",
    "huge.ttl": PREFIX + 'ex:a ex:text "' + "x" * 2_000_001 + '" .\n',
    "escaped-space.ttl": PREFIX + "ex:a ex:b <http://example.org/a\\u0020b> .\n",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_rdf_gets_the_same_error_and_nothing_is_loaded(run_cli, tmp_path: Path, name: str) -> None:
    path = write(tmp_path, name, BAD[name])
    store = tmp_path / "kg"
    loaded = run_cli("load", "--store", f"oxigraph:{store}", str(path))
    validated = run_cli("validate", str(path))
    assert loaded.exit_code == validated.exit_code == 1, loaded.stderr
    assert loaded.stderr == validated.stderr
    assert not (store / "active").exists()


@pytest.mark.parametrize("sparql", [False, True], ids=["pyshacl", "sparql checks"])
@pytest.mark.parametrize("name", ["no-event", "cycle", "stray-comma", "ill-typed-offset"])
def test_data_that_does_not_conform_is_not_loaded(
    run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, sparql: bool
) -> None:
    if sparql:
        monkeypatch.setattr(bulk, "SPARQL_VALIDATION_ABOVE", 0)
    graph = _minimal_graph()
    BROKEN[name][0](graph)
    path = tmp_path / f"{name}.ttl"
    graph.serialize(path, format="turtle")
    store = tmp_path / "kg"
    loaded = run_cli("load", "--store", f"oxigraph:{store}", str(path))
    validated = run_cli("validate", str(path))
    assert loaded.exit_code == validated.exit_code == 3
    report = validated.stderr.splitlines()[:-1]
    assert loaded.stderr.splitlines()[:-1] == report
    assert "nothing was loaded" in loaded.stderr.splitlines()[-1]
    assert not (store / "active").exists()
    anyway = run_cli("load", "--store", f"oxigraph:{store}", "--no-validate", str(path))
    assert anyway.exit_code == 0, anyway.stderr


def test_the_derived_edges_are_in_the_scratch_store() -> None:
    store = load_into_oxigraph([MINIMAL]).store
    update = bulk.derive_update(f"{ID}graph/x")
    assert update.count("INSERT") == 1 and f"WITH <{ID}graph/x>" in update
    moderator = URIRef("https://seminargraph.example/ns#moderator")
    assert any(store.quads_for_pattern(None, ox.NamedNode(str(moderator)), None))


@pytest.mark.parametrize("sparql", [False, True], ids=["pyshacl", "sparql checks"])
def test_a_load_that_does_not_conform_leaves_the_earlier_data(
    run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sparql: bool
) -> None:
    # The next generation is built while the data is validated: a failed validation must still
    # leave the store exactly as it was, and leave no half-built generation behind.
    if sparql:
        monkeypatch.setattr(bulk, "SPARQL_VALIDATION_ABOVE", 0)
    store = tmp_path / "kg"
    first = run_cli("load", "--store", f"oxigraph:{store}", str(MINIMAL))
    assert first.exit_code == 0, first.stderr
    active = (store / "active").resolve()
    before = sorted(p.name for p in store.iterdir())
    graph = _minimal_graph()
    BROKEN["cycle"][0](graph)
    broken = tmp_path / "cycle.ttl"
    graph.serialize(broken, format="turtle")
    again = run_cli("load", "--store", f"oxigraph:{store}", "--clear", str(broken))
    assert again.exit_code == 3 and "nothing was loaded" in again.stderr
    assert (store / "active").resolve() == active
    assert sorted(p.name for p in store.iterdir()) == before
    reopened = open_graph(f"oxigraph:{store}")
    try:
        assert "Eva Lind" in {str(o) for o in reopened.objects(None, URIRef(f"{SG}name"))}
    finally:
        reopened.close()


def test_blank_nodes_of_two_files_are_two_nodes(tmp_path: Path) -> None:
    # The same label in two documents names two nodes (RDF's rule, and the rdflib path's reading).
    first, second = tmp_path / "a.ttl", tmp_path / "b.ttl"
    first.write_text(PREFIX + '_:b1 ex:name "from a" .\n', "utf-8")
    second.write_text(PREFIX + '_:b1 ex:name "from b" .\n', "utf-8")
    store = load_into_oxigraph([first, second]).store
    subjects = {
        q.subject for q in store.quads_for_pattern(None, ox.NamedNode("http://example.org/name"), None)
    }
    assert len(subjects) == 2


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('ex:a ex:name "Eva\\u0001Lind" .', "control character U+0001"),
        ("ex:a ex:b <<( ex:a ex:b ex:c )>> .", "RDF-star triples are not supported"),
        ("<< ex:a ex:b ex:c >> ex:d ex:e .", "RDF-star triples are not supported"),
    ],
)
def test_a_refused_term_names_the_file_it_is_in(tmp_path: Path, run_cli, text: str, said: str) -> None:
    good, bad = tmp_path / "good.ttl", tmp_path / "bad.ttl"
    good.write_text(PREFIX + 'ex:x ex:name "fine" .\n', "utf-8")
    bad.write_text(PREFIX + text + "\n", "utf-8")
    with pytest.raises(SourceError) as caught:
        load_into_oxigraph([good, bad])
    assert caught.value.path == str(bad) and said in str(caught.value)
    result = run_cli("load", "--store", f"oxigraph:{tmp_path / 'kg'}", str(good), str(bad))
    assert result.exit_code != 0 and "bad.ttl" in result.stderr and said in result.stderr
    assert not (tmp_path / "kg" / "active").exists()
