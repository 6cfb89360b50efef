"""The stages import one way: sources -> graph -> queries/projections -> outputs -> front ends.

Every module of the package must be placed in a layer below, through its wing (a package such as
``inputs.``) or by its own name; a module may import only from its own layer or lower ones. A new
module outside the wings fails this test until it is placed.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "src" / "seminargraph"

# A wing (a package, ending in ".") or a module -> its layer.
LAYERS: dict[str, int] = {
    # 0: foundations every stage may use
    "errors": 0,
    "vocab": 0,
    "textfile": 0,
    "ontology": 0,
    "rdfio": 0,
    "store.terms": 0,  # the one reader of oxrdflib's private attribute, for rdfio and validate too
    "sparql.checks": 0,  # checks of query text (errors and rdflib's parser only); store.terms guards with it
    # 1: sources: files -> records and RDF
    "inputs": 1,
    "inputs.": 1,
    "extract.": 1,
    "authoring": 1,  # the old names extract/ imports, re-exported from inputs.
    "catalog": 1,
    "records": 1,
    # 2: where the graph lives
    "store": 2,
    "store.": 2,
    # 3: questions asked of the graph
    "sparql": 3,
    "sparql.": 3,
    "read.": 3,
    "query": 3,
    "validate": 3,
    "validate_sparql": 3,
    # 4: outputs: the network, tables, files, pages
    "network": 4,
    "network.": 4,
    "results": 4,
    "build": 4,
    "bulk": 4,  # data files -> a store, in Oxigraph's terms: reads inputs, validates, writes
    "programme.": 4,  # tables -> resolved N-Triples -> a store: reads inputs, validates, writes
    "drafts": 4,
    # 5: front ends, thin clients of the library
    "cli.": 5,
    "server.": 5,
    "notebook": 5,
}
EXEMPT = {"__init__", "__main__"}
FRONT_END_ONLY = ("click", "starlette", "uvicorn")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = [*parts[:-1], "__init__"]
    return ".".join(parts)


def _layer(module: str) -> int | None:
    if module in LAYERS:
        return LAYERS[module]
    for key, layer in LAYERS.items():
        if key.endswith(".") and (module + ".").startswith(key):
            return layer
    return None


def _imports(path: Path, module: str) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    package_parts = module.split(".")[:-1]
    # Imports only for type checking do not run: they do not bind the stages together.
    typing_only = {
        id(child)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
        for child in ast.walk(node)
    }
    found = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package_parts[: len(package_parts) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
                names = [target] if node.module else [f"{target}.{a.name}".lstrip(".") for a in node.names]
                found.extend(names)
            elif node.module and node.module.startswith("seminargraph"):
                found.append(node.module.removeprefix("seminargraph").lstrip("."))
            elif node.module:
                found.append("!" + node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("seminargraph."):
                    found.append(alias.name.removeprefix("seminargraph."))
                else:
                    found.append("!" + alias.name.split(".")[0])
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: _module_name(p))
def test_every_module_has_a_layer_and_imports_only_downwards(path: Path) -> None:
    module = _module_name(path)
    if module.split(".")[-1] in EXEMPT and "." not in module:
        return
    layer = _layer(module.removesuffix(".__init__"))
    assert layer is not None, f"{module} is in no layer: add it to LAYERS in {__file__}"
    for imported in _imports(path, module):
        if imported.startswith("!"):
            third_party = imported[1:]
            if third_party in FRONT_END_ONLY:
                assert layer == 5, f"{module} imports {third_party}: only front ends may"
            continue
        if not imported or imported.split(".")[-1] in EXEMPT:
            continue
        target = _layer(imported) if _layer(imported) is not None else _layer(imported.rsplit(".", 1)[0])
        assert target is not None, f"{module} imports {imported}, which is in no layer"
        assert target <= layer, (
            f"{module} (layer {layer}) imports {imported} (layer {target}): the stages import one way only"
        )
