"""Positions for the network page, computed in Python so the page is calm the moment it opens.

NetworkX's ``spring_layout`` is quadratic in time and (without SciPy) in memory, fine for a few
hundred nodes and unusable for tens of thousands. Larger components get a near-linear layout
instead: pivot MDS (distances from a few dozen pivot nodes, reduced to two dimensions) for the
overall shape, then force-directed refinement in which nodes repel only neighbours on a grid.
Components are laid out one by one and packed in rows, largest first, so separate seminars do
not drift apart or overlap.
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from typing import Any

import networkx as nx
import numpy as np
from numpy.typing import NDArray

#: How strongly a part-of link pulls, against 1 for every other link (spring layout only).
PART_OF_PULL = 0.1
#: Components up to this size use NetworkX's spring layout.
SMALL = 300
#: How much wider than tall each component is drawn.
ASPECT = 1.4
#: Typical distance between neighbouring nodes of large components, in edge lengths.
CROWDING = 0.5
#: Pivots for the MDS of large components.
PIVOTS = 40
#: Refinement rounds for large components.
ROUNDS = 40
#: Grid cells holding more nodes than this repel as one mass.
CROWDED = 12

Positions = dict[Hashable, tuple[float, float]]
Array = NDArray[np.float64]


def compute_layout(network: Any, *, spacing: float = 160.0, seed: int = 7) -> Positions:
    """Place every node of ``network`` (any NetworkX graph); ``spacing`` is the typical edge length."""
    simple = nx.Graph(network.to_undirected(as_view=True)) if network.is_directed() else nx.Graph(network)
    simple.remove_edges_from(list(nx.selfloop_edges(simple)))
    # A festival holds every seminar: pulled as hard as a participation, it would gather them
    # all into one knot around itself. Being part of an event pulls less.
    for _, _, attrs in simple.edges(data=True):
        attrs["pull"] = PART_OF_PULL if attrs.get("relation") == "part_of" else 1.0
    components = sorted(
        (sorted(c, key=str) for c in nx.connected_components(simple)), key=lambda c: (-len(c), str(c[0]))
    )
    boxes = []
    for nodes in components:
        coords = _component(simple.subgraph(nodes), nodes, seed) * spacing
        # Screens are wider than tall: a wider drawing fits them with larger labels.
        coords[:, 0] *= ASPECT
        coords -= coords.min(axis=0)
        boxes.append((nodes, coords))
    return _pack(boxes, spacing)


def _component(graph: Any, nodes: list[Hashable], seed: int) -> Array:
    n = len(nodes)
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[0.0, 0.0], [1.0, 0.0]])
    if n <= SMALL:
        pos = nx.spring_layout(graph, k=2.0 / math.sqrt(n), seed=seed, iterations=300, weight="pull")
        coords = np.array([pos[v] for v in nodes], dtype=float)
    else:
        index = {v: i for i, v in enumerate(nodes)}
        edges = np.array([(index[u], index[v]) for u, v in graph.edges()], dtype=np.int64).reshape(-1, 2)
        coords = _refine(_pivot_mds(n, edges, seed), edges, seed)
        # In a large, tangled network the edges are long whatever the layout; scale by how
        # close nodes are to each other instead, so that names have room once zoomed in.
        return coords / _spacing(coords) * CROWDING
    return coords / _edge_length(coords, graph, nodes)


def _spacing(coords: Array) -> float:
    low, high = np.percentile(coords, [5, 95], axis=0)
    area = float(np.prod(high - low)) / 0.81
    return math.sqrt(max(area, 1e-9) / len(coords))


def _edge_length(coords: Array, graph: Any, nodes: list[Hashable]) -> float:
    index = {v: i for i, v in enumerate(nodes)}
    pairs = np.array([(index[u], index[v]) for u, v in graph.edges()], dtype=np.int64).reshape(-1, 2)
    if not len(pairs):
        return 1.0
    lengths = np.linalg.norm(coords[pairs[:, 0]] - coords[pairs[:, 1]], axis=1)
    median = float(np.median(lengths))
    return median if median > 1e-9 else 1.0


def _csr(n: int, edges: NDArray[np.int64]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    both = np.concatenate([edges, edges[:, ::-1]])
    order = np.argsort(both[:, 0], kind="stable")
    indices = both[order, 1]
    indptr = np.concatenate([[0], np.cumsum(np.bincount(both[:, 0], minlength=n))])
    return indptr, indices


def _bfs(indptr: NDArray[np.int64], indices: NDArray[np.int64], source: int) -> Array:
    dist = np.full(len(indptr) - 1, -1.0)
    dist[source] = 0
    frontier = np.array([source])
    level = 0.0
    while frontier.size:
        level += 1
        reached = indices[_ranges(indptr[frontier], indptr[frontier + 1])]
        reached = np.unique(reached[dist[reached] < 0])
        dist[reached] = level
        frontier = reached
    return dist


def _ranges(starts: NDArray[np.int64], ends: NDArray[np.int64]) -> NDArray[np.int64]:
    # All of range(s, e) for each pair, in one array, without a Python loop.
    lengths = ends - starts
    total = int(lengths.sum())
    offsets = np.arange(total) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    return np.repeat(starts, lengths) + offsets  # type: ignore[no-any-return]


def _pivot_mds(n: int, edges: NDArray[np.int64], seed: int) -> Array:
    indptr, indices = _csr(n, edges)
    degrees = np.diff(indptr)
    pivots = [int(np.argmax(degrees))]
    columns = []
    nearest = np.full(n, np.inf)
    for _ in range(min(PIVOTS, n)):
        dist = _bfs(indptr, indices, pivots[-1])
        columns.append(dist)
        nearest = np.minimum(nearest, dist)
        pivots.append(int(np.argmax(nearest)))
    squared = np.stack(columns, axis=1) ** 2
    centred = squared - squared.mean(axis=0) - squared.mean(axis=1, keepdims=True) + squared.mean()
    left, values, _ = np.linalg.svd(-0.5 * centred, full_matrices=False)
    coords = left[:, :2] * np.sqrt(np.maximum(values[:2], 1e-12))
    # Nodes with the same distances to every pivot land on one point: spread them a little.
    rng = np.random.default_rng(seed)
    return coords + rng.normal(scale=0.3, size=coords.shape)  # type: ignore[no-any-return]


def _refine(coords: Array, edges: NDArray[np.int64], seed: int) -> Array:
    n = len(coords)
    # Start at about one node per unit of area, the density the forces settle to.
    span = np.ptp(coords, axis=0).prod()
    coords = coords * math.sqrt(n / max(float(span), 1e-9))
    radius = 2.0
    rng = np.random.default_rng(seed)
    for step in range(ROUNDS):
        heat = 1.0 * (1 - step / ROUNDS) + 0.05
        # A grid shifted at random each round: a fixed one lines nodes up along its cell borders.
        disp = _repulsion(coords + rng.uniform(0, radius, size=2), radius)
        delta = coords[edges[:, 0]] - coords[edges[:, 1]]
        length = np.linalg.norm(delta, axis=1, keepdims=True)
        pull = delta * length  # attraction d^2 along the edge, ideal length 1
        for axis in (0, 1):
            disp[:, axis] -= np.bincount(edges[:, 0], weights=pull[:, axis], minlength=n)
            disp[:, axis] += np.bincount(edges[:, 1], weights=pull[:, axis], minlength=n)
        norm = np.linalg.norm(disp, axis=1, keepdims=True)
        coords = coords + disp / np.maximum(norm, 1e-9) * np.minimum(norm, heat)
    return coords


def _repulsion(coords: Array, radius: float) -> Array:
    # Each node is pushed by the nodes in its own and the eight surrounding grid cells: one by
    # one where a cell holds few, as one mass at the cell's centre where it holds many (a dense
    # clump then spreads out from its centre instead of costing the square of its size).
    n = len(coords)
    cells = np.floor(coords / radius).astype(np.int64)
    cells -= cells.min(axis=0)
    width = int(cells[:, 1].max()) + 3
    keys = (cells[:, 0] + 1) * width + cells[:, 1] + 1
    order = np.argsort(keys, kind="stable")
    unique, starts, counts = np.unique(keys[order], return_index=True, return_counts=True)
    centres = (
        np.stack(
            [
                np.bincount(np.searchsorted(unique, keys), weights=coords[:, a], minlength=len(unique))
                for a in (0, 1)
            ],
            axis=1,
        )
        / counts[:, None]
    )
    disp = np.zeros((n, 2))
    everyone = np.arange(n)
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            wanted = keys + dx * width + dy
            at = np.minimum(np.searchsorted(unique, wanted), len(unique) - 1)
            found = unique[at] == wanted
            crowded = found & (counts[at] > CROWDED)
            delta = coords[crowded] - centres[at[crowded]]
            # softened: a node near the middle of a crowd is not flung out of it in one step
            dist2 = (delta**2).sum(axis=1) + radius * radius / 4
            disp[crowded] += delta * (counts[at[crowded]] / dist2)[:, None]
            count = np.where(found & ~crowded, counts[at], 0)
            mine = np.repeat(everyone, count)
            theirs = order[_ranges(starts[at], starts[at] + count)]
            keep = mine != theirs
            mine, theirs = mine[keep], theirs[keep]
            delta = coords[mine] - coords[theirs]
            dist2 = np.maximum((delta**2).sum(axis=1), 1e-4)
            push = np.where(dist2 < radius * radius, 1.0 / dist2, 0.0)
            for axis in (0, 1):
                disp[:, axis] += np.bincount(mine, weights=delta[:, axis] * push, minlength=n)
    return disp


def _pack(boxes: list[tuple[list[Hashable], Array]], spacing: float) -> Positions:
    if not boxes:
        return {}
    margin = spacing
    area = sum((c[:, 0].max() + margin) * (c[:, 1].max() + margin) for _, c in boxes)
    widest = max(float(c[:, 0].max()) for _, c in boxes)
    row_width = max(widest, math.sqrt(area) * 1.3)
    positions: Positions = {}
    x = y = row_height = 0.0
    for nodes, coords in boxes:
        w, h = float(coords[:, 0].max()), float(coords[:, 1].max())
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height + margin, 0.0
        for node, (px, py) in zip(nodes, coords, strict=True):
            positions[node] = (round(float(px) + x, 1), round(float(py) + y, 1))
        x += w + margin
        row_height = max(row_height, h)
    cx = (max(p[0] for p in positions.values()) + min(p[0] for p in positions.values())) / 2
    cy = (max(p[1] for p in positions.values()) + min(p[1] for p in positions.values())) / 2
    return {node: (round(px - cx, 1), round(py - cy, 1)) for node, (px, py) in positions.items()}
