"""Validate a pyoxigraph store with SPARQL checks derived from the SHACL shapes, run by Oxigraph.

The shapes (``ontology/shapes.ttl``) stay the definition: each property constraint they use
(``sh:minCount``, ``sh:maxCount``, ``sh:datatype``, ``sh:class``, ``sh:in``, ``sh:pattern``,
``sh:minLength``, ``sh:uniqueLang``) becomes one SPARQL SELECT over the focus nodes of its shape's
targets (``sh:targetClass`` with its sub-classes, ``sh:targetNode``), and each ``sh:sparql``
constraint runs as written. Each check is one query that Oxigraph answers in one pass over the
nodes of one class, so the whole run grows linearly with the data (pyshacl, by contrast, walks
focus node by focus node in Python and needs minutes on a festival decade).

The report is the same as :func:`seminargraph.validate.validate_graph` gives (the tests compare the
two on every fixture). A shape that uses a constraint or path this module does not know is refused
(ValueError), rather than silently left out.

>>> import pyoxigraph as ox
>>> check_store(ox.Store()).conforms
True
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

from .ontology import ontology_graph, shapes_graph
from .rdfio import from_oxigraph
from .validate import THE_DATA, ValidationReport, ValidationResult, describe_node, short_term

#: Datatypes whose lexical form is checked by casting it (an ill-typed "tio"^^xsd:integer fails).
_CASTABLE = {
    XSD.integer,
    XSD.decimal,
    XSD.double,
    XSD.float,
    XSD.boolean,
    XSD.date,
    XSD.dateTime,
    XSD.time,
    XSD.gYear,
    XSD.gYearMonth,
    XSD.duration,
}
#: The constraint parameters of a property shape that are checked here, and those that only qualify.
_KNOWN = {
    SH.minCount,
    SH.maxCount,
    SH.datatype,
    SH["class"],
    SH["in"],
    SH.pattern,
    SH.minLength,
    SH.uniqueLang,
}
_IGNORED = {SH.path, SH.message, SH.name, SH.description, RDF.type}


@dataclass(frozen=True)
class Check:
    """One SPARQL SELECT derived from a shape: rows of ``?this`` (and ``?v``, the value) that violate it."""

    rule: str  # the SHACL constraint component, e.g. "MinCountConstraintComponent"
    path: URIRef | None
    message: str
    query: str
    #: A check across the whole data (sh:sparql on sgsh:TheData): the offending node is ``?value``.
    whole_data: bool = False
    #: For sh:minCount and sh:maxCount checked at once: the two bounds (the rows give ``?n``).
    counts: tuple[int, int] | None = None
    #: For the counts of a shape's properties checked in one pass over its focus nodes: each
    #: property's path and message, and whether it may have no value and more than one (the rows
    #: give ``?mI``, true when property I has no value, and ``?xI``, true when it has two).
    cardinality: tuple[Cardinality, ...] = ()


@dataclass(frozen=True)
class Cardinality:
    """The sh:minCount 1 and/or sh:maxCount 1 of one property shape, as part of a shape's count check."""

    path: URIRef
    message: str
    required: bool  # sh:minCount 1
    single: bool  # sh:maxCount 1


def check_store(store: ox.Store, *, graphs: Iterable[str] | None = None) -> ValidationReport:
    """Check the data in ``store`` against the packaged shapes, by SPARQL in Oxigraph.

    ``graphs`` (graph IRIs) limits the check to the union of those graphs; by default it covers
    the union of all graphs in the store (the ontology's graph, when there, adds no focus nodes).
    The sub-classes used for ``sh:targetClass`` and ``sh:class`` come from the packaged ontology
    and any ``rdfs:subClassOf`` statements in the data.
    """
    scope = _scope(graphs)
    checks = derive_checks(_subclasses(store, scope))
    results = [result for check in checks for result in _run(store, check, scope)]
    results.sort(
        key=lambda r: (r.severity != "Violation", r.focus, r.path or "", r.message, r.rule, r.value or "")
    )
    conforms = not any(r.severity == "Violation" for r in results)
    return ValidationReport(conforms=conforms, results=tuple(results))


def derive_checks(subclasses: dict[URIRef, set[URIRef]] | None = None) -> list[Check]:
    """The SPARQL checks of the packaged shapes (``subclasses``: each class with its sub-classes)."""
    shapes = shapes_graph()
    closure = subclasses if subclasses is not None else _closure(_subclass_pairs(ontology_graph()))
    checks: list[Check] = []
    for shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        assert isinstance(shape, URIRef)
        targets = _targets(shapes, shape, closure)
        counted: list[Cardinality] = []
        for prop in sorted(shapes.objects(shape, SH.property), key=_shape_key(shapes)):
            checks.extend(_property_checks(shapes, prop, targets, closure, counted))
        if counted:
            checks.append(_cardinality_check(targets, counted))
        for constraint in sorted(shapes.objects(shape, SH.sparql), key=_shape_key(shapes)):
            checks.append(_sparql_check(shapes, shape, constraint))
    return checks


# --- targets and classes ----------------------------------------------------------------------------


def _targets(shapes: Graph, shape: URIRef, closure: dict[URIRef, set[URIRef]]) -> str:
    """A group pattern binding ``?this`` once to each focus node of ``shape``."""
    parts = []
    classes: set[URIRef] = set()
    for target in shapes.objects(shape, SH.targetClass):
        assert isinstance(target, URIRef)
        classes |= closure.get(target, {target})
    if classes:
        # A node of two target classes comes twice: the rows are made unique when they are read.
        values = " ".join(f"<{c}>" for c in sorted(classes))
        pattern = f"VALUES ?cls {{ {values} }} ?this a ?cls"
        if len(classes) == 1:
            pattern = f"?this a <{next(iter(classes))}>"
        parts.append(f"{{ {pattern} }}")
    nodes = [n for n in shapes.objects(shape, SH.targetNode)]
    if nodes:
        parts.append("{ VALUES ?this { " + " ".join(_term(n) for n in nodes) + " } }")
    unknown = {p for p in shapes.predicates(shape) if str(p).startswith(str(SH)) and "target" in str(p)}
    if unknown - {SH.targetClass, SH.targetNode}:
        raise ValueError(f"{shape}: only sh:targetClass and sh:targetNode are derived into SPARQL")
    if not parts:
        return "{ VALUES ?this { } }"
    return " UNION ".join(parts) if len(parts) > 1 else parts[0]


def _subclass_pairs(graph: Graph) -> Iterator[tuple[URIRef, URIRef]]:
    for sub, sup in graph.subject_objects(RDFS.subClassOf):
        if isinstance(sub, URIRef) and isinstance(sup, URIRef):
            yield sub, sup


def _closure(pairs: Iterable[tuple[URIRef, URIRef]]) -> dict[URIRef, set[URIRef]]:
    """Each class with itself and all its (indirect) sub-classes."""
    children: dict[URIRef, set[URIRef]] = {}
    for sub, sup in pairs:
        children.setdefault(sup, set()).add(sub)
    closure: dict[URIRef, set[URIRef]] = {}
    for top in children:
        seen = {top}
        todo = [top]
        while todo:
            for child in children.get(todo.pop(), ()):
                if child not in seen:
                    seen.add(child)
                    todo.append(child)
        closure[top] = seen
    return closure


@functools.lru_cache(maxsize=1)
def _ontology_members() -> dict[URIRef, frozenset[str]]:
    """The IRIs the ontology itself types with each class (the roles, statuses, ...)."""
    found: dict[URIRef, set[str]] = {}
    for s, o in ontology_graph().subject_objects(RDF.type):
        if isinstance(s, URIRef) and isinstance(o, URIRef):
            found.setdefault(o, set()).add(str(s))
    return {cls: frozenset(members) for cls, members in found.items()}


def _subclasses(store: ox.Store, scope: dict[str, Any]) -> dict[URIRef, set[URIRef]]:
    pairs = list(_subclass_pairs(ontology_graph()))
    found = store.query(
        "SELECT ?sub ?sup WHERE { ?sub <http://www.w3.org/2000/01/rdf-schema#subClassOf> ?sup }", **scope
    )
    assert isinstance(found, ox.QuerySolutions)
    for sub, sup in found:
        if isinstance(sub, ox.NamedNode) and isinstance(sup, ox.NamedNode):
            pairs.append((URIRef(sub.value), URIRef(sup.value)))
    return _closure(pairs)


# --- property constraints ---------------------------------------------------------------------------


def _property_checks(
    shapes: Graph,
    prop: Node,
    targets: str,
    closure: dict[URIRef, set[URIRef]],
    counted: list[Cardinality] | None = None,
) -> list[Check]:
    """The checks of one property shape; its counts of 0 or 1 go to ``counted`` when given."""
    path = shapes.value(prop, SH.path)
    if not isinstance(path, URIRef):
        raise ValueError(f"a property shape with the path {path!r}: only IRI paths are derived into SPARQL")
    message = str(shapes.value(prop, SH.message) or "does not conform")
    unknown = set(shapes.predicates(prop)) - _KNOWN - _IGNORED
    if unknown:
        names = ", ".join(sorted(str(u) for u in unknown))
        raise ValueError(f"a property shape on <{path}> uses {names}, which is not derived into SPARQL")
    p = f"<{path}>"
    values = f"{targets} ?this {p} ?v ."
    checks = []

    def add(rule: str, query: str) -> None:
        checks.append(Check(rule, path, message, query))

    low = [int(n) for n in shapes.objects(prop, SH.minCount)]  # type: ignore[call-overload]
    high = [int(n) for n in shapes.objects(prop, SH.maxCount)]  # type: ignore[call-overload]
    if counted is not None and (low or high) and set(low) <= {0, 1} and set(high) <= {1} and len(low) < 2:
        # "At least one" and "at most one", the counts seminar data has, are checked for all of a
        # shape's properties at once (see _cardinality_check).
        if low != [0] or high:
            counted.append(Cardinality(path, message, required=low == [1], single=bool(high)))
        low = high = []
    if len(low) == 1 and len(high) == 1:
        # Both in one pass: the count of values, outside [min, max], tells which one is broken.
        checks.append(
            Check(
                "CountConstraintComponent",
                path,
                message,
                f"SELECT ?this (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {targets} OPTIONAL {{ ?this {p} ?v }} }} "
                f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {low[0]} || COUNT(DISTINCT ?v) > {high[0]})",
                counts=(low[0], high[0]),
            )
        )
        low = high = []
    for count in low:
        if count == 1:
            missing = f"FILTER NOT EXISTS {{ ?this {p} ?v }}"
            add("MinCountConstraintComponent", f"SELECT ?this WHERE {{ {targets} {missing} }}")
        elif count > 1:
            add(
                "MinCountConstraintComponent",
                f"SELECT ?this WHERE {{ {targets} OPTIONAL {{ ?this {p} ?v }} }} "
                f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {count})",
            )
    for count in high:
        add(
            "MaxCountConstraintComponent",
            f"SELECT ?this WHERE {{ {values} }} GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {count})",
        )
    for datatype in shapes.objects(prop, SH.datatype):
        assert isinstance(datatype, URIRef)
        wrong = _datatype_filter(datatype)
        add("DatatypeConstraintComponent", f"SELECT ?this ?v WHERE {{ {values} {wrong} }}")
    for cls in shapes.objects(prop, SH["class"]):
        assert isinstance(cls, URIRef)
        kinds = closure.get(cls, {cls})
        allowed = " ".join(f"<{c}>" for c in sorted(kinds))
        # The ontology's own members of the class (the roles and statuses) count, as they do for
        # pyshacl, which sees the ontology mixed into the data.
        instances = sorted({m for c in kinds for m in _ontology_members().get(c, ())})
        known = f" && ?v NOT IN ({', '.join(f'<{m}>' for m in instances)})" if instances else ""
        add(
            "ClassConstraintComponent",
            f"SELECT ?this ?v WHERE {{ {values} "
            f"FILTER (NOT EXISTS {{ VALUES ?c {{ {allowed} }} ?v a ?c }}{known}) }}",
        )
    for members in shapes.objects(prop, SH["in"]):
        options = " || ".join(f"sameTerm(?v, {_term(m)})" for m in Collection(shapes, members))
        add("InConstraintComponent", f"SELECT ?this ?v WHERE {{ {values} FILTER (!({options or 'false'})) }}")
    for pattern in shapes.objects(prop, SH.pattern):
        if shapes.value(prop, SH.flags) is not None:
            raise ValueError(f"sh:flags on <{path}> is not derived into SPARQL")
        regex = Literal(str(pattern)).n3()
        add(
            "PatternConstraintComponent",
            f"SELECT ?this ?v WHERE {{ {values} FILTER (isBlank(?v) || !REGEX(STR(?v), {regex})) }}",
        )
    for n in shapes.objects(prop, SH.minLength):
        length = int(n)  # type: ignore[call-overload]
        if length > 0:
            add(
                "MinLengthConstraintComponent",
                f"SELECT ?this ?v WHERE {{ {values} FILTER (isBlank(?v) || STRLEN(STR(?v)) < {length}) }}",
            )
    for unique in shapes.objects(prop, SH.uniqueLang):
        if bool(getattr(unique, "value", False)):
            # One result per focus node and language used more than once, as pyshacl reports.
            add(
                "UniqueLangConstraintComponent",
                f'SELECT ?this WHERE {{ {values} FILTER (LANG(?v) != "") }} '
                "GROUP BY ?this (LCASE(LANG(?v)) AS ?language) HAVING (COUNT(DISTINCT ?v) > 1)",
            )
    return checks


def _cardinality_check(targets: str, counted: Sequence[Cardinality]) -> Check:
    """One pass over the focus nodes for every count of 0 or 1 of their shape.

    Each property costs two look-ups of the focus node's values (does it have one; does it have
    two different ones), where a check of its own would read and group every focus node again.
    Two values are told apart by sameTerm, as COUNT(DISTINCT) and SHACL tell them apart.
    """
    binds: list[str] = []
    flags: list[str] = []
    for i, part in enumerate(counted):
        p = f"<{part.path}>"
        if part.required:
            binds.append(f"BIND (NOT EXISTS {{ ?this {p} ?v{i} }} AS ?m{i})")
            flags.append(f"?m{i}")
        if part.single:
            binds.append(
                f"BIND (EXISTS {{ ?this {p} ?a{i}, ?b{i} FILTER (!sameTerm(?a{i}, ?b{i})) }} AS ?x{i})"
            )
            flags.append(f"?x{i}")
    query = f"SELECT * WHERE {{ {targets} {' '.join(binds)} FILTER ({' || '.join(flags)}) }}"
    return Check("CountConstraintComponent", None, "", query, cardinality=tuple(counted))


def _datatype_filter(datatype: URIRef) -> str:
    if datatype == RDF.langString:
        return 'FILTER (!isLiteral(?v) || LANG(?v) = "")'
    if datatype == XSD.string:
        return f"FILTER (!isLiteral(?v) || DATATYPE(?v) != <{XSD.string}>)"
    wrong = f"!isLiteral(?v) || DATATYPE(?v) != <{datatype}>"
    if datatype in _CASTABLE:
        # A literal whose form is not one of its datatype ("tio"^^xsd:integer): the cast fails.
        return f"BIND (<{datatype}>(STR(?v)) AS ?cast) FILTER ({wrong} || !BOUND(?cast))"
    return f"FILTER ({wrong})"


def _sparql_check(shapes: Graph, shape: URIRef, constraint: Node) -> Check:
    select = shapes.value(constraint, SH.select)
    if select is None:
        raise ValueError(f"{shape}: a sh:sparql constraint without sh:select")
    targets = set(shapes.objects(shape, SH.targetNode))
    if targets != {THE_DATA} or set(shapes.objects(shape, SH.targetClass)):
        raise ValueError(f"{shape}: sh:sparql is derived only on shapes whose one target node is {THE_DATA}")
    message = str(shapes.value(constraint, SH.message) or "does not conform")
    return Check("SPARQLConstraintComponent", None, message, str(select), whole_data=True)


# --- running ---------------------------------------------------------------------------------------


def _scope(graphs: Iterable[str] | None) -> dict[str, Any]:
    if graphs is None:
        return {"use_default_graph_as_union": True}
    return {"default_graph": [ox.NamedNode(str(g)) for g in graphs]}


_PREFIXES = {"sg": "https://seminargraph.example/ns#", "sgsh": "https://seminargraph.example/shapes#"}


def _run(store: ox.Store, check: Check, scope: dict[str, Any]) -> Iterator[ValidationResult]:
    solutions = store.query(
        check.query,
        prefixes=_PREFIXES,
        substitutions={ox.Variable("this"): ox.NamedNode(str(THE_DATA))} if check.whole_data else None,
        **scope,
    )
    assert isinstance(solutions, ox.QuerySolutions)
    if check.cardinality:
        yield from _counted(store, check, solutions)
        return
    seen: set[tuple[str, str | None]] = set()
    for solution in solutions:
        if check.whole_data:
            focus, value = solution["value"], None
        else:
            focus = solution["this"]
            value = solution["v"] if "v" in [v.value for v in solutions.variables] else None
        rule = check.rule
        if check.counts is not None:
            count = int(solution["n"].value)
            rule = "MinCountConstraintComponent" if count < check.counts[0] else "MaxCountConstraintComponent"
        key = (str(focus), None if value is None else str(value))
        if focus is None or (key in seen and rule != "UniqueLangConstraintComponent"):
            continue
        seen.add(key)
        focus_term = from_oxigraph(focus)
        yield ValidationResult(
            focus=describe_node(focus_term, store),
            focus_iri=str(focus_term),
            path=short_term(check.path) if check.path is not None else None,
            value=short_term(from_oxigraph(value)) if value is not None else None,
            rule=rule,
            message=check.message,
            severity="Violation",
        )


def _counted(store: ox.Store, check: Check, solutions: ox.QuerySolutions) -> Iterator[ValidationResult]:
    seen: set[tuple[str, int, str]] = set()
    for solution in solutions:
        focus = solution["this"]
        for i, part in enumerate(check.cardinality):
            for flag, rule in (
                (f"m{i}", "MinCountConstraintComponent"),
                (f"x{i}", "MaxCountConstraintComponent"),
            ):
                broken = solution[flag]
                if broken is None or broken.value != "true" or (str(focus), i, rule) in seen:
                    continue
                seen.add((str(focus), i, rule))
                focus_term = from_oxigraph(focus)
                yield ValidationResult(
                    focus=describe_node(focus_term, store),
                    focus_iri=str(focus_term),
                    path=short_term(part.path),
                    value=None,
                    rule=rule,
                    message=part.message,
                    severity="Violation",
                )


def _term(node: Node) -> str:
    if isinstance(node, BNode):
        raise ValueError("blank nodes in shapes' lists are not derived into SPARQL")
    return node.n3()


def _shape_key(shapes: Graph) -> functools.partial[str]:
    return functools.partial(_describe_shape, shapes)


def _describe_shape(shapes: Graph, node: Node) -> str:
    # Blank-node property shapes sort by what they say, so that the checks come in a stable order.
    return " ".join(sorted(f"{p} {o}" for p, o in shapes.predicate_objects(node)))


__all__ = ["Check", "check_store", "derive_checks"]
