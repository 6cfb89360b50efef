"""Turn a projected network into one self-contained, offline HTML page.

The network is built with pyvis's node and edge records and drawn by the vis-network library that
ships inside the pyvis package, inlined into the page. The page is our own template: no CDN, no
request to any address, and every text from the data reaches the browser as JSON and is put on the
page with ``textContent`` only. A Content-Security-Policy allows just the page's own two scripts
(by hash), so even markup that slipped into the page could not run.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..rdfio import write_atomic
from ..textfile import XML_UNSAFE
from . import to_networkx
from .views import view_members
from .words import UI, field_labels, title_for

if TYPE_CHECKING:
    import jinja2

#: From this many nodes on, labels show only when zoomed in, edge labels are left out and
#: dragging hides the edges: measured in bench/bench_network.py, see docs/network.md.
LARGE_NETWORK = 1000
#: On large networks, names appear once they would be this many pixels high.
LABEL_PIXELS = 11
#: From this many nodes on, the command line suggests a narrower view.
SUGGEST_NARROWER = 2000
#: Names are never drawn smaller than this many pixels on screen (below 1,000 nodes): zoomed out,
#: the page shows fewer names, chosen by how many links a node has, rather than smaller ones.
NAME_PIXELS = 12
#: Link labels are drawn this many pixels high, on hover and selection, and for every link
#: once the typical link is at least ``LINK_LABEL_ROOM`` pixels long on screen.
LINK_LABEL_PIXELS = 12
LINK_LABEL_ROOM = 220

STYLES: dict[str, dict[str, Any]] = {
    "person": {"shape": "dot", "color": "#0072B2", "size": 12},
    "organisation": {"shape": "square", "color": "#E69F00", "size": 14},
    "event": {"shape": "diamond", "color": "#009E73", "size": 18},
}
#: How an edge is drawn for each status of its fact: solid, dashed, dotted.
EDGE_STYLES: dict[str, dict[str, Any]] = {
    "stated": {"dashes": False, "color": "#6b7280"},
    "": {"dashes": False, "color": "#6b7280"},
    "inferred": {"dashes": [8, 5], "color": "#6b7280"},
    "ambiguous": {"dashes": [2, 5], "color": "#a3a3a3"},
}
VIS_SCRIPT = "lib/vis-9.1.2/vis-network.min.js"


def render_html(network: Any, *, title: str | None = None, lang: str | None = None) -> str:
    """Return the page for ``network`` (a graph from ``to_networkx``) as one HTML string.

    ``title`` replaces the title made from the view; ``lang`` (sv or en) chooses the language of
    the page's own words, by default the language the network was projected in.
    """
    lang = _ui_lang(lang or str(network.graph.get("lang", "en")))
    words = UI[lang]
    large = network.number_of_nodes() >= LARGE_NETWORK
    data = _page_data(network, words, large)
    page_script = _resource("network.js")
    vis_script = _vis_script()
    heading = _clean(title or title_for(network.graph, words))
    template = _environment().get_template("network.html")
    return template.render(
        lang=lang,
        title=heading,
        sources=_clean(str(network.graph.get("sources", ""))),
        words=words,
        large=large,
        style=Markup(_resource("network.css")),
        data=Markup(_script_json(data)),
        vis_script=Markup(vis_script),
        page_script=Markup(page_script),
        csp=_csp(vis_script, page_script),
    )


def write_html(network: Any, path: Path | str, *, title: str | None = None, lang: str | None = None) -> Path:
    """Write the page for ``network`` to ``path`` (all or nothing) and return the path."""
    target = Path(path)
    write_atomic({target: render_html(network, title=title, lang=lang).encode("utf-8")})
    return target


@dataclass
class NetworkView:
    """The page of a network, shown inline by Jupyter (an iframe holding the page; no files)."""

    html: str
    height: int = 640

    def _repr_html_(self) -> str:
        # srcdoc keeps everything in the notebook; the sandbox lets the page's scripts run and
        # save a PNG, but gives it no access to the notebook around it.
        return (
            f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
            f'style="width:100%;height:{int(self.height)}px;border:1px solid #ddd" '
            'sandbox="allow-scripts allow-downloads" title="seminargraph network"></iframe>'
        )


def show_network(
    source: Any, *, height: int = 640, title: str | None = None, **projection: Any
) -> NetworkView:
    """Return a view that shows the network inline in a notebook.

    ``source`` is a graph from ``to_networkx``, or an rdflib graph that is projected first with
    the keyword arguments of ``to_networkx`` (``event=``, ``focus=``, ``projection=``, ...).
    """
    network = source if hasattr(source, "number_of_nodes") else to_networkx(source, **projection)
    return NetworkView(render_html(network, title=title), height)


# --- the data the page draws -------------------------------------------------------------------


def _page_data(network: Any, words: dict[str, str], large: bool) -> dict[str, Any]:
    from pyvis.network import Network  # slow to import (IPython): only when a page is drawn

    from .layout import compute_layout

    directed = network.is_directed()
    net = Network(directed=directed)
    positions = compute_layout(network)
    index = {node: i for i, node in enumerate(network.nodes)}
    degrees = dict(network.degree())
    for node, attrs in network.nodes(data=True):
        style = STYLES[attrs["type"]]
        x, y = positions[node]
        _add_node(
            net,
            index[node],
            label=_clean(attrs["label"]),
            shape=style["shape"],
            color=style["color"],
            size=round(style["size"] + 3 * math.sqrt(degrees[node]), 1),
            x=x,
            y=y,
        )
    parallel: dict[tuple[int, int], int] = {}
    link_labels = []
    for number, (u, v, attrs) in enumerate(network.edges(data=True)):
        pair = (index[u], index[v])
        nth = parallel[pair] = parallel.get(pair, -1) + 1
        style = EDGE_STYLES.get(attrs.get("status", ""), EDGE_STYLES[""])
        options: dict[str, Any] = {"id": number, "dashes": style["dashes"], "color": style["color"]}
        # Link labels are not vis-network's: the page's script draws them where they have room.
        link_labels.append(_short(_clean(attrs.get("label", ""))) if directed else "")
        if nth:
            options["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.25 * nth}
        if "weight" in attrs:
            options["width"] = round(1 + 2 * math.log2(attrs["weight"]), 2)
        _add_edge(net, *pair, directed=directed, **options)
    labels = field_labels(words)
    return {
        "nodes": net.nodes,
        "edges": net.edges,
        "link_labels": link_labels,
        "options": _vis_options(large, directed),
        "info": {
            "nodes": [_node_info(a, labels) for _, a in network.nodes(data=True)],
            "edges": [_edge_info(a, labels) for _, _, a in network.edges(data=True)],
        },
        "types": [
            {"key": t, "label": words[f"type_{t}"], **STYLES[t]}
            for t in STYLES
            if any(a["type"] == t for _, a in network.nodes(data=True))
        ],
        "statuses": [
            {"key": s, "label": words[f"status_{s}"], "dashes": EDGE_STYLES[s]["dashes"]}
            for s in ("stated", "inferred", "ambiguous")
            if any(a.get("status") == s for *_, a in network.edges(data=True))
        ],
        "events": _memberships(network, index, "event"),
        "organisations": _memberships(network, index, "organisation"),
        "ui": words,
        "large": large,
        # names show once they would be this many pixels high, on at most this many nodes
        "label_size": LABEL_PIXELS,
        "label_limit": 1500,
        "name_pixels": NAME_PIXELS,
        "link_label_pixels": LINK_LABEL_PIXELS,
        "link_label_scale": _link_label_scale(network, positions),
    }


def _link_label_scale(network: Any, positions: dict[Any, tuple[float, float]]) -> float:
    """The zoom from which every link is labelled: its typical length is LINK_LABEL_ROOM px."""
    lengths = sorted(
        math.dist(positions[u], positions[v]) for u, v in network.edges() if positions[u] != positions[v]
    )
    if not lengths:
        return 1.0
    return round(max(1.0, LINK_LABEL_ROOM / lengths[len(lengths) // 2]), 3)


def _add_node(net: Any, node_id: int, **options: Any) -> None:
    # pyvis's add_node checks for duplicates with a list scan, quadratic on large networks; the
    # nodes of a NetworkX graph are unique already, so the record is appended directly.
    from pyvis.node import Node

    record = Node(node_id, options.pop("shape"), label=options.pop("label"), **options)
    net.nodes.append(record.options)
    net.node_ids.append(node_id)
    net.node_map[node_id] = record.options


def _add_edge(net: Any, source: int, target: int, *, directed: bool, **options: Any) -> None:
    # As for nodes: pyvis's add_edge scans every edge for a duplicate; parallel edges are real
    # here (one per fact) and must all be kept.
    from pyvis.edge import Edge

    net.edges.append(Edge(source, target, directed, **options).options)


def _vis_options(large: bool, directed: bool) -> dict[str, Any]:
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False},
        "physics": {
            "enabled": False,
            "solver": "forceAtlas2Based",
            # the page fits the view itself once names are placed (see network.js)
            "stabilization": {"enabled": False, "fit": False},
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120, "avoidOverlap": 0.2},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "navigationButtons": False,
            "keyboard": {"enabled": True, "bindToWindow": False},
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "multiselect": False,
        },
        "nodes": {
            "borderWidth": 1,
            # bold on hover would widen a name past the room the page made for it
            "labelHighlightBold": False,
            # a light card behind each name: a link passing under a title does not cross its text
            "font": {
                "size": 15,
                "face": "system-ui, sans-serif",
                "color": "#1f2937",
                "background": "rgba(255,255,255,0.85)",
            },
            "widthConstraint": {"maximum": 170},
            # Labels are not drawn while they would be smaller than this many pixels on screen
            # (on large networks the page's script also gives names only to nodes in view).
            "scaling": {"label": {"drawThreshold": LABEL_PIXELS if large else 5}},
        },
        "edges": {
            "smooth": False,
            "width": 1.2,
            "arrows": {"to": {"enabled": directed, "scaleFactor": 0.5}},
            "selectionWidth": 2,
        },
    }


def _node_info(attrs: dict[str, Any], labels: dict[str, str]) -> dict[str, Any]:
    fields = [
        (labels[key], _clean(str(attrs.get(key, ""))))
        for key in (
            "kind_label",
            "roles",
            "titles",
            "relations",
            "events",
            "organisations",
            "evidence",
            "identifier",
        )
    ]
    return {
        "type": attrs["type"],
        "name": _clean(attrs["label"]),
        "fields": [[k, v] for k, v in fields if v],
    }


def _edge_info(attrs: dict[str, Any], labels: dict[str, str]) -> dict[str, Any]:
    keys = ("label", "job_title", "organisation", "status_label", "note", "events", "weight", "evidence")
    fields = [(labels[key], _clean(str(attrs.get(key, "")))) for key in keys]
    return {"status": attrs.get("status", ""), "fields": [[k, v] for k, v in fields if v]}


def _memberships(network: Any, index: dict[Any, int], type_: str) -> list[list[Any]]:
    """For each event (or organisation): its label and the nodes a filter on it keeps."""
    found = view_members(network, type_)
    rows = [[label, sorted(index[n] for n in nodes)] for label, nodes in found]
    return sorted(rows, key=lambda r: str(r[0]).casefold())


# --- the page around it ------------------------------------------------------------------------


# The template, the page's own script and style and the vis-network script are read once a
# process: a server or a notebook draws many pages.


@cache
def _environment() -> jinja2.Environment:
    import jinja2  # imported when a page is drawn: commands that draw none start faster

    return jinja2.Environment(
        loader=jinja2.PackageLoader("seminargraph.network", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )


@cache
def _resource(name: str) -> str:
    return resources.files("seminargraph.network").joinpath("templates", name).read_text("utf-8")


@cache
def _vis_script() -> str:
    script = resources.files("pyvis").joinpath("templates", VIS_SCRIPT).read_text("utf-8")
    if re.search(r"</script|<!--", script, re.IGNORECASE):
        raise AssertionError("the vis-network script cannot be inlined as it is")
    return script


def _script_json(data: dict[str, Any]) -> str:
    # Inside <script> the text is not HTML-decoded: "<", ">" and "&" are written as JSON
    # escapes so that no text from the data can end the element or start a comment.
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _csp(*scripts: str) -> str:
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(s.encode('utf-8')).digest()).decode()}'" for s in scripts
    )
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data: blob:; "
        "base-uri 'none'; form-action 'none'"
    )


def _clean(text: str) -> str:
    # Control characters and lone surrogates cannot be written as UTF-8 HTML; they are shown as
    # the replacement character instead of breaking the page.
    return XML_UNSAFE.sub("\ufffd", text)


def _short(text: str, limit: int = 28) -> str:
    # Long job titles along an edge hide the drawing; the whole text is in the tooltip.
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _ui_lang(lang: str) -> str:
    base = lang.lower().split("-")[0]
    return base if base in UI else "en"
