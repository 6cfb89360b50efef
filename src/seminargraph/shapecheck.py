"""The SHACL shapes as SPARQL queries run by Oxigraph: validation whose cost grows linearly with the data.

pyshacl evaluates the shapes node by node in Python: about a minute for one festival year. The
shapes stay the definition (ontology/shapes.ttl); this module reads them and writes, for each
constraint the shapes use, one SELECT that finds every node breaking it, then reports them as
:mod:`.validate` does. Constraint kinds the shapes do not use are refused when the shapes are read,
so that a new kind of constraint cannot be skipped silently. The test suite checks that both ways
report the same violations on the fixtures.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from .ontology import ontology_graph, shapes_graph
from .validate import THE_DATA, ValidationReport, ValidationResult, _describe, _short

_SUPPORTED = {
    SH.path,
    SH.minCount,
    SH.maxCount,
    SH.datatype,
    SH["class"],
    SH["in"],
    SH.pattern,
    SH.uniqueLang,
    SH.minLength,
    SH.message,
}


_XSD = "http://www.w3.org/2001/XMLSchema#"
# Oxigraph keeps an ill-typed literal ("tio"^^xsd:integer) as it is; pyshacl reports it. The lexical
# forms of the datatypes the shapes use, so that both report it.
_LEXICAL = {
    f"{_XSD}integer": r"^[+-]?[0-9]+$",
    f"{_XSD}gYear": r"^-?[0-9]{4,}(Z|[+-][0-9]{2}:[0-9]{2})?$",
    f"{_XSD}dateTime": r"^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?"
    r"(Z|[+-][0-9]{2}:[0-9]{2})?$",
}


@dataclass(frozen=True)
class Check:
    """One constraint as a query: it selects ``?this`` (and maybe ``?value``) for each violation."""

    query: str
    path: str | None
    rule: str
    message: str


def _sparql_term(node: Node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    assert isinstance(node, Literal)
    return node.n3()


@lru_cache(maxsize=1)
def checks() -> tuple[Check, ...]:
    """Every constraint of the packaged shapes, as a SPARQL query."""
    return tuple(_checks(shapes_graph()))


def _subclasses(ontology: Graph, cls: Node) -> str:
    """``VALUES`` of the class and every sub-class of it in the ontology, for an indexed look-up."""
    found = {cls}
    todo = [cls]
    while todo:
        for sub in ontology.subjects(RDFS.subClassOf, todo.pop()):
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return " ".join(sorted(f"<{c}>" for c in found))


def _checks(shapes: Graph) -> Iterator[Check]:
    ontology = ontology_graph()
    for shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        targets = [
            f"?this a ?target . VALUES ?target {{ {_subclasses(ontology, c)} }}"
            for c in shapes.objects(shape, SH.targetClass)
        ]
        for prop in shapes.objects(shape, SH.property):
            yield from _property_checks(shapes, prop, targets, ontology)
        for constraint in shapes.objects(shape, SH.sparql):
            yield _sparql_check(shapes, constraint)


def _property_checks(shapes: Graph, prop: Node, targets: list[str], ontology: Graph) -> Iterator[Check]:
    unknown = {p for p in shapes.predicates(prop) if p not in _SUPPORTED}
    if unknown:
        raise ValueError(f"the shapes use {sorted(map(str, unknown))}, which shapecheck does not run")
    path = shapes.value(prop, SH.path)
    assert isinstance(path, URIRef), "only predicate paths are used"
    p = f"<{path}>"
    message = str(shapes.value(prop, SH.message) or "does not conform")
    short = _short(path)
    target = "{ " + " } UNION { ".join(targets) + " }"

    def check(rule: str, body: str, value: bool = True) -> Check:
        head = "SELECT DISTINCT ?this ?value" if value else "SELECT DISTINCT ?this"
        return Check(f"{head} WHERE {{ {target} {body} }}", short, rule, message)

    for count in shapes.objects(prop, SH.minCount):
        n = int(count)  # type: ignore[call-overload]
        yield Check(
            f"SELECT ?this WHERE {{ {{ SELECT ?this (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {target} "
            f"OPTIONAL {{ ?this {p} ?v }} }} GROUP BY ?this }} FILTER (?n < {n}) }}",
            short,
            "MinCountConstraintComponent",
            message,
        )
    for count in shapes.objects(prop, SH.maxCount):
        n = int(count)  # type: ignore[call-overload]
        yield Check(
            f"SELECT ?this WHERE {{ {{ SELECT ?this (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {target} "
            f"?this {p} ?v }} GROUP BY ?this }} FILTER (?n > {n}) }}",
            short,
            "MaxCountConstraintComponent",
            message,
        )
    for datatype in shapes.objects(prop, SH.datatype):
        lexical = _LEXICAL.get(str(datatype))
        ill_typed = f" || !REGEX(STR(?value), {Literal(lexical).n3()})" if lexical else ""
        yield check(
            "DatatypeConstraintComponent",
            f"?this {p} ?value FILTER (!ISLITERAL(?value) || DATATYPE(?value) != <{datatype}>{ill_typed})",
        )
    for cls in shapes.objects(prop, SH["class"]):
        kinds = _subclasses(ontology, cls)
        yield check(
            "ClassConstraintComponent",
            f"?this {p} ?value FILTER NOT EXISTS {{ ?value a ?kind . VALUES ?kind {{ {kinds} }} }}",
        )
    for members in shapes.objects(prop, SH["in"]):
        allowed = ", ".join(_sparql_term(m) for m in Collection(shapes, members))
        yield check("InConstraintComponent", f"?this {p} ?value FILTER (?value NOT IN ({allowed}))")
    for pattern in shapes.objects(prop, SH.pattern):
        regex = Literal(str(pattern)).n3()
        yield check("PatternConstraintComponent", f"?this {p} ?value FILTER (!REGEX(STR(?value), {regex}))")
    for unique in shapes.objects(prop, SH.uniqueLang):
        if isinstance(unique, Literal) and bool(unique.toPython()):
            yield check(
                "UniqueLangConstraintComponent",
                f"?this {p} ?a, ?b FILTER (STR(?a) < STR(?b) && LANG(?a) != '' && LANG(?a) = LANG(?b))",
                value=False,
            )
    for length in shapes.objects(prop, SH.minLength):
        n = int(length)  # type: ignore[call-overload]
        yield check("MinLengthConstraintComponent", f"?this {p} ?value FILTER (STRLEN(STR(?value)) < {n})")


def _sparql_check(shapes: Graph, constraint: Node) -> Check:
    select = str(shapes.value(constraint, SH.select))
    prefixes = "".join(
        f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}> "
        for owner in shapes.objects(constraint, SH.prefixes)
        for d in shapes.objects(owner, SH.declare)
    )
    # The checks across the whole data report the offending node as the value, with the data
    # itself as focus; here the offending node is the focus, as validate reports it.
    query = prefixes + select.replace("SELECT $this ?value", "SELECT DISTINCT (?value AS ?this)", 1)
    message = str(shapes.value(constraint, SH.message) or "does not conform")
    return Check(query, None, "SPARQLConstraintComponent", message)


def check_store(store: ox.Store) -> ValidationReport:
    """Validate the data in the default graph of ``store`` (the ontology mixed in, as for pyshacl)."""
    results = []
    for check in checks():
        found = store.query(check.query)
        assert isinstance(found, ox.QuerySolutions)
        for solution in found:
            this = solution["this"]
            value = solution["value"] if "?value" in check.query.split("WHERE", 1)[0] else None
            results.append(_result(check, this, value, store))
    results.sort(key=lambda r: (r.severity != "Violation", r.focus, r.path or "", r.message))
    return ValidationReport(conforms=not results, results=tuple(results))


def _result(
    check: Check, this: ox.NamedNode | ox.BlankNode | ox.Literal | None, value: object, store: ox.Store
) -> ValidationResult:
    focus = URIRef(this.value) if isinstance(this, ox.NamedNode) else None
    shown = None
    if isinstance(value, ox.NamedNode):
        shown = _short(URIRef(value.value))
    elif isinstance(value, ox.Literal):
        shown = _short(Literal(value.value))
    return ValidationResult(
        focus=_describe(focus, store),
        focus_iri=str(focus) if focus is not None else "",
        path=check.path,
        value=shown,
        rule=check.rule,
        message=check.message,
        severity="Violation",
    )


__all__ = ["THE_DATA", "Check", "check_store", "checks"]
