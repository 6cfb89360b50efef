"""Write a projected network for other graph tools: GraphML, GEXF (Gephi) and node-link JSON.

XML cannot hold most control characters, lone surrogates or U+FFFE/U+FFFF, not even escaped: a
file holding one is unreadable. GraphML and GEXF therefore get each of them as U+FFFD, and the
count of such replacements is reported; JSON escapes everything and keeps the text exact.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import OutputError
from ..rdfio import write_atomic
from ..textfile import XML_UNSAFE

#: Characters no XML (or HTML) file can hold, not even escaped.


@dataclass(frozen=True)
class ExportFormat:
    """A file format for networks: its name, file suffix, media type and writer."""

    name: str
    suffix: str
    media_type: str
    write: Callable[[Any], bytes]
    xml: bool


# networkx is imported when a network is written: commands that write none start faster.


def _graphml(network: Any) -> bytes:
    import networkx as nx

    return "\n".join(nx.generate_graphml(network, encoding="utf-8")).encode("utf-8") + b"\n"


def _gexf(network: Any) -> bytes:
    import networkx as nx

    buffer = io.BytesIO()
    nx.write_gexf(network, buffer, encoding="utf-8")
    return buffer.getvalue()


def _node_link(network: Any) -> bytes:
    import networkx as nx

    data = nx.node_link_data(network, edges="edges")
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False)
    try:
        return text.encode("utf-8") + b"\n"
    except UnicodeEncodeError:
        # lone surrogates cannot be UTF-8: write them as JSON escapes, which read back exactly
        return json.dumps(data, ensure_ascii=True, indent=1).encode("ascii") + b"\n"


EXPORT_FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("graphml", ".graphml", "application/graphml+xml", _graphml, True),
        ExportFormat("gexf", ".gexf", "application/gexf+xml", _gexf, True),
        ExportFormat("json", ".json", "application/json", _node_link, False),
    )
}


@dataclass(frozen=True)
class ExportSummary:
    """What was written: where, in which format, how much, and how many characters were replaced."""

    path: Path
    format: str
    nodes: int
    edges: int
    replaced: int


def export_format(path: Path | str, name: str | None = None) -> ExportFormat:
    """The format called ``name``, or the one the file name's suffix suggests."""
    if name is not None:
        if name not in EXPORT_FORMATS:
            raise OutputError(f"unknown network format {name!r}; use one of: {', '.join(EXPORT_FORMATS)}")
        return EXPORT_FORMATS[name]
    suffix = Path(path).suffix.lower()
    for fmt in EXPORT_FORMATS.values():
        if fmt.suffix == suffix:
            return fmt
    suffixes = ", ".join(f.suffix for f in EXPORT_FORMATS.values())
    raise OutputError(
        f"{path}: cannot tell the format from the name; end it in {suffixes} or give -f/--format"
    )


def network_bytes(network: Any, name: str) -> tuple[bytes, int]:
    """The network in the format ``name``, and how many characters XML could not hold."""
    fmt = export_format("", name)
    replaced = 0
    if fmt.xml:
        network, replaced = xml_safe(network)
    return fmt.write(network), replaced


def export_network(network: Any, path: Path | str, *, format: str | None = None) -> ExportSummary:
    """Write ``network`` to ``path`` (all or nothing), the format given or taken from the suffix."""
    target = Path(path)
    fmt = export_format(target, format)
    content, replaced = network_bytes(network, fmt.name)
    write_atomic({target: content})
    return ExportSummary(target, fmt.name, network.number_of_nodes(), network.number_of_edges(), replaced)


def xml_safe(network: Any) -> tuple[Any, int]:
    """A copy of ``network`` whose texts XML can hold, and the number of characters replaced."""
    count = 0

    def clean(value: Any) -> Any:
        nonlocal count
        if not isinstance(value, str):
            return value
        text, n = XML_UNSAFE.subn("\ufffd", value)
        count += n
        return text

    copy = network.__class__()
    copy.graph.update({k: clean(v) for k, v in network.graph.items()})
    for node, attrs in network.nodes(data=True):
        copy.add_node(clean(node), **{k: clean(v) for k, v in attrs.items()})
    if network.is_multigraph():
        for u, v, key, attrs in network.edges(keys=True, data=True):
            copy.add_edge(clean(u), clean(v), key=clean(key), **{k: clean(x) for k, x in attrs.items()})
    else:
        for u, v, attrs in network.edges(data=True):
            copy.add_edge(clean(u), clean(v), **{k: clean(x) for k, x in attrs.items()})
    return copy, count
