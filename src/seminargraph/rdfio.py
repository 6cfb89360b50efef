"""Read RDF files strictly and write RDF deterministically.

Reading: Turtle, TriG, N-Triples and N-Quads go through Oxigraph's parser (strict, with line and
column in its errors, no recursion limit); JSON-LD and RDF/XML through rdflib after checks that keep
the parser off the network and away from DTDs. Everything is parsed into a scratch dataset first,
so a file with an error adds nothing.

Writing: the same graph always gives the same bytes (sorted N-Triples, sorted JSON-LD, rdflib's
ordered Turtle/TriG with blank nodes avoided in our own data), written to a temporary file and
renamed into place.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import secrets
from collections.abc import Generator, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from .errors import OutputError, SourceError
from .ontology import jsonld_terms
from .textfile import MAX_TEXT_BYTES, clean_string, read_text
from .vocab import PREFIXES

# rdflib logs a traceback for every literal whose text does not fit its datatype ("tio" as an
# xsd:integer); validation names each one with its property. Without a handler of the
# application's own, Python would print those tracebacks to stderr.
logging.getLogger("rdflib.term").addHandler(logging.NullHandler())

#: A language tag as RDF 1.1 (BCP 47) writes it: ``sv``, ``en-GB``.
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$")

#: Deepest chain of nested blank nodes accepted in input.
MAX_BNODE_DEPTH = 64
#: Longest literal accepted in input (characters); whole source texts stay well below.
MAX_LITERAL_CHARS = 2_000_000


@dataclass(frozen=True)
class RdfFormat:
    """One RDF serialisation: its name on the command line, file suffix and media type."""

    name: str
    suffix: str
    media_type: str
    rdflib_name: str
    oxigraph: ox.RdfFormat | None
    quads: bool


FORMATS: dict[str, RdfFormat] = {
    f.name: f
    for f in (
        RdfFormat("turtle", ".ttl", "text/turtle", "turtle", ox.RdfFormat.TURTLE, False),
        RdfFormat("ntriples", ".nt", "application/n-triples", "nt", ox.RdfFormat.N_TRIPLES, False),
        RdfFormat("jsonld", ".jsonld", "application/ld+json", "json-ld", None, False),
        RdfFormat("trig", ".trig", "application/trig", "trig", ox.RdfFormat.TRIG, True),
        RdfFormat("nquads", ".nq", "application/n-quads", "nquads", ox.RdfFormat.N_QUADS, True),
        RdfFormat("rdfxml", ".rdf", "application/rdf+xml", "xml", None, False),
    )
}
_BY_SUFFIX = {f.suffix: f for f in FORMATS.values()} | {
    ".json": FORMATS["jsonld"],
    ".owl": FORMATS["rdfxml"],
    ".xml": FORMATS["rdfxml"],
    ".turtle": FORMATS["turtle"],
    ".n3": FORMATS["turtle"],
}


#: Every file suffix read as RDF (lower case).
RDF_SUFFIXES = tuple(_BY_SUFFIX)


def format_for_path(path: Path) -> RdfFormat | None:
    """Return the RDF format a file name suggests, or None when it is not an RDF file."""
    return _BY_SUFFIX.get(path.suffix.lower())


def format_named(name: str) -> RdfFormat:
    """Return the format called ``name`` or raise SourceError listing the known ones."""
    try:
        return FORMATS[name]
    except KeyError:
        raise SourceError(
            f"unknown RDF format {name!r}; use one of: {', '.join(FORMATS)}", field="format"
        ) from None


def empty_dataset(*, default_union: bool = False, store: str = "default") -> Dataset:
    """A new in-memory dataset with no prefixes bound (rdflib binds dozens by default).

    ``store`` is an rdflib store plugin name: "default" is rdflib's own memory store, "Oxigraph"
    an in-memory Oxigraph store (fast SPARQL).
    """
    if store == "Oxigraph":
        # Imported here: the store wing itself reads and writes RDF with this module.
        from .store.terms import GuardedOxigraphStore

        # rdflib's own query() on it refuses SERVICE, LOAD and FROM <url> (see store.terms).
        dataset = Dataset(store=GuardedOxigraphStore(), default_union=default_union)
    else:
        dataset = Dataset(store=store, default_union=default_union)
    dataset.namespace_manager = NamespaceManager(dataset, bind_namespaces="none")
    return dataset


def bind_prefixes(graph: Graph, extra: Mapping[str, str] | None = None) -> None:
    """Bind our prefixes (and ``extra`` ones) on a graph or dataset."""
    for prefix, namespace in {**PREFIXES, **(extra or {})}.items():
        graph.bind(prefix, namespace, override=True, replace=True)


# --- reading -------------------------------------------------------------------------------------


def parse_file(path: Path, *, allow_remote: bool = False) -> Dataset:
    """Parse one RDF file into a new dataset (triples of plain formats go in the default graph)."""
    fmt = format_for_path(path)
    if fmt is None:
        raise SourceError("not a known RDF file type; use .ttl, .nt, .jsonld, .trig, .nq or .rdf", path=path)
    text = read_text(path, limit=MAX_TEXT_BYTES)
    base = path.resolve().as_uri()
    if fmt.oxigraph is not None:
        dataset = _parse_oxigraph(text, fmt.oxigraph, base, path)
    elif fmt.name == "jsonld":
        dataset = _parse_jsonld(text, base, path, allow_remote=allow_remote)
    else:
        dataset = _parse_rdfxml(text, base, path)
    _check_terms(dataset, path)
    _check_bnode_depth(dataset, path)
    return dataset


def _parse_oxigraph(text: str, fmt: ox.RdfFormat, base: str, path: Path) -> Dataset:
    dataset = empty_dataset()
    try:
        quads = list(ox.parse(text.encode("utf-8"), format=fmt, base_iri=base))
    except SyntaxError as exc:
        reason = re.sub(
            r"^Parser error at line \d+ (?:column \d+|between columns \d+ and \d+): ",
            "",
            str(exc.msg),
        )
        raise SourceError(
            f"malformed {_format_label(fmt)}: {reason}; fix the file there",
            path=path,
            line=exc.lineno,
            column=exc.offset,
        ) from None
    for quad in quads:
        graph = quad.graph_name
        context = DATASET_DEFAULT_GRAPH_ID if isinstance(graph, ox.DefaultGraph) else from_oxigraph(graph)
        dataset.add(
            (
                from_oxigraph(quad.subject),
                from_oxigraph(quad.predicate),
                from_oxigraph(quad.object),
                context,
            )  # type: ignore[arg-type]
        )
    return dataset


def _format_label(fmt: ox.RdfFormat) -> str:
    return {
        ox.RdfFormat.TURTLE: "Turtle",
        ox.RdfFormat.TRIG: "TriG",
        ox.RdfFormat.N_TRIPLES: "N-Triples",
        ox.RdfFormat.N_QUADS: "N-Quads",
    }.get(fmt, "RDF")


def from_oxigraph(term: Any) -> Node:
    """Convert a pyoxigraph term to the rdflib term with the same meaning."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise SourceError(f"unsupported RDF term {term!r} (RDF-star triples are not supported)")


_REMOTE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:")


def _parse_jsonld(text: str, base: str, path: Path, *, allow_remote: bool) -> Dataset:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(
            f"malformed JSON: {exc.msg}", path=path, line=exc.lineno, column=exc.colno
        ) from None
    except RecursionError:
        raise SourceError("the JSON is nested too deeply", path=path) from None
    if not allow_remote:
        for where, ref in _remote_references(document):
            raise SourceError(
                f"refers to a remote {where} {ref!r}; seminargraph does not fetch from the "
                "network: put the context inline in the file",
                path=path,
                field=where,
            )
    for where, tag in _language_tags(document):
        if not isinstance(tag, str) or not _LANGUAGE_TAG.match(tag):
            # rdflib's JSON-LD reader drops such a value without a word.
            raise SourceError(
                f"{tag!r} is not a language tag (such as sv or en-GB); fix it", path=path, field=where
            )
    dataset = empty_dataset()
    try:
        dataset.parse(data=text, format="json-ld", publicID=base)
    except RecursionError:
        raise SourceError("the JSON-LD is nested too deeply", path=path) from None
    except (ValueError, TypeError, KeyError) as exc:
        raise SourceError(f"malformed JSON-LD: {exc}", path=path) from None
    return dataset


def _remote_references(node: Any) -> Iterator[tuple[str, str]]:
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            for key, value in current.items():
                if key in ("@context", "@import"):
                    values = value if isinstance(value, list) else [value]
                    for v in values:
                        if isinstance(v, str):
                            yield key, v
                stack.append(value)
        elif isinstance(current, list):
            stack.extend(current)


def _language_tags(node: Any) -> Iterator[tuple[str, Any]]:
    # Every "@language" of a value, and of a context (where null means none).
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            for key, value in current.items():
                if key == "@language" and value is not None:
                    yield key, value
                else:
                    stack.append(value)
        elif isinstance(current, list):
            stack.extend(current)


def _parse_rdfxml(text: str, base: str, path: Path) -> Dataset:
    # A DTD can declare entities that expand to gigabytes or read local files: refuse any.
    match = re.search(r"<!(DOCTYPE|ENTITY)", text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        raise SourceError(
            "RDF/XML with a DTD or entity declarations is refused (they can read files or "
            "expand without bound); remove the <!DOCTYPE ...> block",
            path=path,
            line=line,
        )
    dataset = empty_dataset()
    graph = dataset.graph(DATASET_DEFAULT_GRAPH_ID)
    try:
        graph.parse(data=text, format="xml", publicID=base)
    except RecursionError:
        raise SourceError("the RDF/XML is nested too deeply", path=path) from None
    except Exception as exc:  # noqa: BLE001 - rdflib's XML parser raises many unrelated types
        xml_line: int | None = getattr(exc, "getLineNumber", lambda: None)()
        raise SourceError(f"malformed RDF/XML: {exc}", path=path, line=xml_line) from None
    return dataset


_BAD_IRI = re.compile(r'[<>"{}|^`\\\x00-\x20]')


def _check_terms(dataset: Dataset, path: Path) -> None:
    # Every writer must be able to write what we read: no IRI that breaks Turtle or N-Triples,
    # no control character that RDF/XML cannot hold, no broken Unicode.
    for quad in dataset.quads((None, None, None, None)):
        for term in quad[:3]:
            if isinstance(term, URIRef) and _BAD_IRI.search(str(term)):
                raise SourceError(
                    f"the IRI <{str(term)[:80]}> contains a space, quote or bracket; fix it",
                    path=path,
                )
            if isinstance(term, Literal):
                if len(term) > MAX_LITERAL_CHARS:
                    raise SourceError(
                        f"a literal of {len(term):,} characters is over the limit of "
                        f"{MAX_LITERAL_CHARS:,}; seminar data has no such texts",
                        path=path,
                    )
                try:
                    clean_string(str(term))
                except ValueError as exc:
                    raise SourceError(
                        f"a literal {exc} (in {_short_literal(str(term))!r}); remove it", path=path
                    ) from None


def _short_literal(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def _check_bnode_depth(dataset: Dataset, path: Path) -> None:
    children: dict[Node, list[Node]] = {}
    for s, _p, o, _g in dataset.quads((None, None, None, None)):
        if isinstance(s, BNode) and isinstance(o, BNode):
            children.setdefault(s, []).append(o)
    if children:
        check_nesting(children, path)


def check_nesting(children: Mapping[Any, list[Any]], path: Path) -> None:
    """Refuse blank nodes nested deeper than MAX_BNODE_DEPTH (``children``: each node's blank objects)."""
    depth: dict[Any, int] = {}
    for root in children:
        stack: list[tuple[Any, int]] = [(root, 1)]
        while stack:
            node, d = stack.pop()
            if d > MAX_BNODE_DEPTH:
                raise SourceError(
                    f"blank nodes are nested more than {MAX_BNODE_DEPTH} deep; give the inner nodes IRIs",
                    path=path,
                )
            if depth.get(node, 0) >= d:
                continue
            depth[node] = d
            stack.extend((child, d + 1) for child in children.get(node, ()))


# --- writing -------------------------------------------------------------------------------------


_XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")


def plain(term: Node) -> Node:
    """Write ``"x"^^xsd:string`` as the simple literal ``"x"`` (the same term in RDF 1.1).

    Oxigraph reports simple literals with their implicit datatype; rdflib would treat the two
    spellings as different terms and print the datatype everywhere.
    """
    if isinstance(term, Literal) and term.datatype == _XSD_STRING:
        return Literal(str(term))
    return term


def union_graph(
    dataset: Dataset | Graph,
    exclude: Iterable[Node] = (),
    prefixes: Mapping[str, str] | None = None,
) -> Graph:
    """Return one rdflib memory graph with the triples of every graph of ``dataset``.

    Named graphs in ``exclude`` are left out; our prefixes (and ``prefixes``) are bound.
    """
    graph = Graph(bind_namespaces="none")
    bind_prefixes(graph, prefixes)
    skip = set(exclude)
    if isinstance(dataset, Dataset):
        for s, p, o, g in dataset.quads((None, None, None, None)):
            if g not in skip:
                graph.add((s, p, plain(o)))
    else:
        for s, p, o in dataset:
            graph.add((s, p, plain(o)))
    return graph


def serialize(
    dataset: Dataset | Graph,
    fmt: RdfFormat,
    exclude: Iterable[Node] = (),
    prefixes: Mapping[str, str] | None = None,
    *,
    base: str | None = None,
) -> bytes:
    """Serialise deterministically: the same triples give the same bytes.

    Named graphs listed in ``exclude`` are left out; ``prefixes`` are bound besides ours. JSON-LD
    gets a context with short names for the ontology's terms (``name``, ``Person``) and, with
    ``base`` (the data's base IRI), the data's IRIs relative to it (``"@id": "person/anna-berg"``).
    """
    skip = set(exclude)
    if fmt.name in ("ntriples", "nquads"):
        return _serialize_lines(dataset, fmt, skip)
    if fmt.quads and isinstance(dataset, Dataset):
        return _serialize_quads(dataset, fmt, skip, prefixes)
    graph = union_graph(dataset, exclude=skip, prefixes=prefixes)
    if fmt.name == "jsonld":
        return _serialize_jsonld(graph, prefixes, base)
    return _serialize_triples(graph, fmt)


def _serialize_lines(dataset: Dataset | Graph, fmt: RdfFormat, skip: set[Node]) -> bytes:
    # N-Triples and N-Quads through Oxigraph: canonical, sorted, and an order of magnitude
    # faster than rdflib's writers on large graphs.
    skipped = {to_oxigraph(g) for g in skip}
    quads = (q for q in oxigraph_quads(dataset) if q.graph_name not in skipped)
    if fmt.name == "ntriples":
        data = ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES)
    else:
        data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    assert data is not None
    lines = sorted(set(data.decode("utf-8").splitlines()) - {""})
    return ("\n".join(lines) + "\n").encode("utf-8")


def oxigraph_quads(dataset: Dataset | Graph) -> Iterator[ox.Quad]:
    """Every quad of ``dataset`` as pyoxigraph terms (read straight from an Oxigraph store)."""
    # Imported here: the store wing itself reads and writes RDF with this module.
    from .store.terms import oxigraph_of

    inner = oxigraph_of(dataset)
    if inner is not None:
        yield from inner.quads_for_pattern(None, None, None)
        return
    if isinstance(dataset, Dataset):
        for s, p, o, g in dataset.quads((None, None, None, None)):
            graph = ox.DefaultGraph() if g in (None, DATASET_DEFAULT_GRAPH_ID) else to_oxigraph(g)
            yield ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), graph)
    else:
        for s, p, o in dataset:
            yield ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), ox.DefaultGraph())


def to_oxigraph(term: Node) -> Any:
    """Convert an rdflib term to the pyoxigraph term with the same meaning."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot convert {term!r} to an Oxigraph term")


def jsonld_context(prefixes: Mapping[str, str] | None = None, base: str | None = None) -> dict[str, Any]:
    """The JSON-LD context we write: our prefixes, the ontology's terms by short name, ``@base``.

    A prefix of ``prefixes`` under ``base`` is left out (its IRIs are written relative to the base),
    and so is one whose name is also a term's (``event:`` and the property sg:event): a context
    can give a name one meaning only.
    """
    terms = jsonld_terms()
    context: dict[str, Any] = {"@base": base} if base else {}
    context.update({p: str(ns) for p, ns in PREFIXES.items()})
    for name, namespace in (prefixes or {}).items():
        if name in context or name in terms or (base is not None and str(namespace).startswith(base)):
            continue
        context[name] = str(namespace)
    context.update({name: term for name, term in terms.items() if name not in context})
    return context


def _serialize_jsonld(graph: Graph, prefixes: Mapping[str, str] | None, base: str | None) -> bytes:
    # One default graph, like Turtle: named graphs are what TriG and N-Quads are for. rdflib is
    # given the context without @base (it shortens against the base's host, and drops a value
    # that is the base itself): the data's IRIs come out whole and are made relative here.
    context = jsonld_context(prefixes, base)
    rdflib_context = {name: term for name, term in context.items() if name != "@base"}
    document = json.loads(graph.serialize(format="json-ld", context=rdflib_context, auto_compact=True))
    if base is not None:
        document = _relative_to(document, base, context)
        if isinstance(document, dict) and isinstance(document.get("@context"), dict):
            document["@context"] = {"@base": base, **document["@context"]}
    return (_sorted_json(document) + "\n").encode("utf-8")


def _relative_to(document: Any, base: str, context: Mapping[str, Any]) -> Any:
    """``document`` with the IRIs under ``base`` written relative to it (``person/anna-berg``).

    Only IRI positions are changed: ``@id`` values and the values of terms typed ``@id`` (``@type``
    and ``@vocab`` values are read against the vocabulary, not the base). A reference that could
    be read as an absolute IRI or a compact one (it holds a colon), that a reader would normalise
    (``./``), or that would be empty (the base itself), stays whole.
    """
    as_iri = {name for name, term in context.items() if isinstance(term, dict) and term.get("@type") == "@id"}

    def relative(value: Any) -> Any:
        if isinstance(value, list):
            return [relative(v) for v in value]
        if isinstance(value, str) and value.startswith(base):
            shorter = value[len(base) :]
            dots = {".", ".."} & set(shorter.split("/"))  # a reader would remove these segments
            return shorter if shorter and ":" not in shorter and shorter[0] != "/" and not dots else value
        return walk(value)

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(v) for v in node]
        if not isinstance(node, dict):
            return node
        changed = {}
        for key, value in node.items():
            if key == "@context":
                changed[key] = value
            else:
                changed[key] = relative(value) if key == "@id" or key in as_iri else walk(value)
        return changed

    return walk(document)


def _serialize_triples(graph: Graph, fmt: RdfFormat) -> bytes:
    if fmt.name == "rdfxml":
        graph = _SortedGraph(graph.store, graph.identifier, namespace_manager=graph.namespace_manager)
    try:
        return graph.serialize(format=fmt.rdflib_name, encoding="utf-8")
    except ValueError as exc:
        # RDF/XML writes every property as an XML name: <http://e.org/123> has none.
        raise OutputError(f"cannot write {fmt.name}: {exc}; choose another format, e.g. turtle") from None


class _SortedGraph(Graph):
    """A graph that lists subjects, and each subject's properties, in sorted order.

    rdflib's RDF/XML writer walks ``subjects()`` and ``predicate_objects()``, which follow the
    memory store's hash order, different in every process.
    """

    def subjects(self, *args: Any, **kwargs: Any) -> Generator[Any, None, None]:
        yield from sorted(set(super().subjects(*args, **kwargs)), key=_n3_key)

    def predicate_objects(self, *args: Any, **kwargs: Any) -> Generator[Any, None, None]:
        yield from sorted(super().predicate_objects(*args, **kwargs), key=_n3_key)


def _n3_key(terms: Node | tuple[Node, ...]) -> tuple[str, ...]:
    return tuple(term.n3() for term in terms) if isinstance(terms, tuple) else (terms.n3(),)


def _serialize_quads(
    dataset: Dataset, fmt: RdfFormat, skip: set[Node], prefixes: Mapping[str, str] | None
) -> bytes:
    # Copy the graphs to keep, in IRI order, into a fresh dataset with only our prefixes.
    out = empty_dataset()
    bind_prefixes(out, prefixes)
    contexts = sorted(
        (c for c in dataset.graphs() if len(c) > 0 and c.identifier not in skip),
        key=lambda c: str(c.identifier),
    )
    for context in contexts:
        target = out.graph(context.identifier)
        for s, p, o in context:
            target.add((s, p, plain(o)))
    return out.serialize(format="trig", encoding="utf-8")


def _sorted_json(document: Any) -> str:
    def canonical(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: canonical(value[k]) for k in sorted(value)}
        if isinstance(value, list):
            items = [canonical(v) for v in value]
            return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        return value

    if isinstance(document, dict) and "@graph" in document:
        context = document.get("@context")
        body = {k: v for k, v in document.items() if k != "@context"}
        ordered = {"@context": context, **canonical(body)} if context else canonical(body)
        return json.dumps(ordered, indent=2, ensure_ascii=False)
    return json.dumps(canonical(document), indent=2, ensure_ascii=False)


def write_atomic(files: dict[Path, bytes]) -> None:
    """Write several files so that each is either fully written or not touched.

    Every file is first written to a temporary file beside it; only when all are written are
    they renamed into place. On any error the temporary files are removed.
    """
    pending: list[tuple[str, Path]] = []
    try:
        for path, data in files.items():
            folder = path.parent
            tmp = str(folder / f".{path.name}.{secrets.token_hex(8)}.tmp")
            try:
                folder.mkdir(parents=True, exist_ok=True)
                # Mode 0o666 less the umask, as for any new file (mkstemp makes 0o600); the
                # kernel applies the umask, so it is never read or changed here.
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            except OSError as exc:
                raise OutputError(f"{folder}: cannot write here: {exc.strerror}") from None
            pending.append((tmp, path))
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
            except OSError as exc:
                raise OutputError(f"{path}: cannot write: {exc.strerror}") from None
        for tmp, path in pending:
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise OutputError(f"{path}: cannot write: {exc.strerror}") from None
        pending.clear()
    finally:
        for tmp, _path in pending:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
