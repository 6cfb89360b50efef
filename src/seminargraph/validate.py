"""Validate data against the packaged SHACL shapes and describe each problem readably."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from .ontology import ONTOLOGY_GRAPH, ontology_graph, shapes_graph
from .rdfio import union_graph
from .store.terms import oxigraph_of
from .vocab import SG


@dataclass(frozen=True)
class ValidationResult:
    """One problem: which node, which property, which rule, and the message."""

    focus: str  # a readable name of the node, e.g. "participation 'x--y--panelist'"
    focus_iri: str
    path: str | None
    value: str | None
    rule: str  # the SHACL constraint, e.g. "MinCountConstraintComponent"
    message: str
    severity: str  # Violation | Warning | Info

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" (value: {self.value})" if self.value else ""
        return f"{self.severity}: {self.focus}{where}: {self.message}{value} [{self.rule}]"


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of validating a graph; ``conforms`` is true when there are no violations."""

    conforms: bool
    results: tuple[ValidationResult, ...]

    def text(self) -> str:
        """The report as lines of text, one problem per line."""
        if self.conforms and not self.results:
            return "The data conforms to the shapes."
        lines = [str(r) for r in self.results]
        head = "The data conforms (with warnings)." if self.conforms else "The data does not conform:"
        return "\n".join([head, *("  " + line for line in lines)])


#: The node that stands for the whole data in shapes that check across many nodes at once.
THE_DATA = URIRef("https://seminargraph.example/shapes#TheData")


def validate_graph(dataset: Dataset | Graph) -> ValidationReport:
    """Run the SHACL shapes over the data graphs of ``dataset`` (the ontology is mixed in)."""
    from pyshacl import validate as shacl_validate  # slow to import: only when validating

    store = _oxigraph_copy(dataset)
    conforms, report_graph, _text = shacl_validate(
        store,  # type: ignore[arg-type]  # pyshacl accepts an Oxigraph store at run time
        shacl_graph=shapes_graph(),
        inference="none",
        allow_warnings=True,
    )
    results = [
        _result(report_graph, node, store) for node in report_graph.subjects(RDF.type, SH.ValidationResult)
    ]
    results.sort(
        key=lambda r: (r.severity != "Violation", r.focus, r.path or "", r.message, r.rule, r.value or "")
    )
    return ValidationReport(conforms=bool(conforms), results=tuple(results))


def _oxigraph_copy(dataset: Dataset | Graph) -> ox.Store:
    # pyshacl evaluates its SPARQL in Oxigraph when given an Oxigraph store: many times faster
    # than rdflib's engine. The data graphs go into the default graph, with the ontology, so
    # that sh:class sees sub-classes.
    store = ox.Store()
    inner = oxigraph_of(dataset)
    if inner is not None:
        skip = ox.NamedNode(str(ONTOLOGY_GRAPH))
        store.bulk_extend(
            ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
            for q in inner.quads_for_pattern(None, None, None)
            if q.graph_name != skip
        )
    else:
        data = union_graph(dataset, exclude=[ONTOLOGY_GRAPH])
        store.load(data.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
    store.load(ontology_graph().serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
    return store


def _result(report: Graph, node: Node, data: ox.Store) -> ValidationResult:
    focus = report.value(node, SH.focusNode)
    path = report.value(node, SH.resultPath)
    value = report.value(node, SH.value)
    if focus == THE_DATA:
        # A check across the whole data: the offending node is the value.
        focus, value = value, None
    component = report.value(node, SH.sourceConstraintComponent)
    message = report.value(node, SH.resultMessage)
    severity = report.value(node, SH.resultSeverity)
    return ValidationResult(
        focus=describe_node(focus, data),
        focus_iri=str(focus),
        path=short_term(path) if path is not None else None,
        value=short_term(value) if value is not None else None,
        rule=str(component).rsplit("#", 1)[-1] if component is not None else "",
        message=str(message) if message is not None else "does not conform",
        severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
    )


def describe_node(node: Node | None, data: ox.Store) -> str:
    """Name a node for people: its kind and authored id, e.g. "person 'eva-lind'"."""
    if not isinstance(node, URIRef):
        return "a node without an IRI"
    subject = ox.NamedNode(str(node))
    kinds = [
        q.object.value[len(str(SG)) :]
        for q in data.quads_for_pattern(subject, ox.NamedNode(str(RDF.type)), None)
        if isinstance(q.object, ox.NamedNode) and q.object.value.startswith(str(SG))
    ]
    kind = min(kinds, default="node")
    idents = [
        q.object.value
        for q in data.quads_for_pattern(subject, ox.NamedNode(str(SG.identifier)), None)
        if isinstance(q.object, ox.Literal)
    ]
    label = f"'{idents[0]}'" if idents else f"<{node}>"
    return f"{kind.lower()} {label}"


def short_term(term: Node) -> str:
    """A term for people: ``sg:name``, ``<iri>``, a quoted literal (cut at 80 characters)."""
    if isinstance(term, URIRef):
        text = str(term)
        if text.startswith(str(SG)):
            return "sg:" + text[len(str(SG)) :]
        return f"<{text}>"
    if isinstance(term, Literal):
        text = str(term)
        return repr(text if len(text) <= 80 else text[:79] + "…")
    return "a path expression"
