"""The embedded, persistent store: an Oxigraph (RocksDB) database in a folder, loaded atomically.

The folder ``DIR`` of ``oxigraph:DIR`` holds::

    DIR/seminargraph-store   marks the folder as ours
    DIR/lock                 readers hold a shared lock on it, a load an exclusive one
    DIR/active -> g-000002   the generation readers open (an ordinary Oxigraph database)
    DIR/g-000002/

A load builds the next generation beside the active one (a hard-linked checkpoint of it, or a fresh
database when most of it is being replaced), bulk-loads the new graphs into it, makes it durable,
and only then points ``active`` at it with one atomic rename. A load that fails or is killed leaves
``active`` on the old generation, fully readable; the next load removes what it left.

Oxigraph's bulk loader is fast but not transactional, and a read-only open while another process
writes is undefined behaviour: the lock keeps loads and readers apart, and the generation swap
gives the atomicity.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import shutil
import weakref
from collections.abc import Callable, Collection, Iterator, Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset
from rdflib.namespace import NamespaceManager

from ..errors import DiskFull, StoreError, is_no_room
from ..rdfio import bind_prefixes
from .terms import GuardedOxigraphStore

MARKER = "seminargraph-store"
LOCK = "lock"
ACTIVE = "active"
_GENERATION = re.compile(r"^g-(\d{6})$")
#: A generation, or the staging folder RocksDB writes a checkpoint into before renaming it.
_LEFTOVER = re.compile(r"^g-(\d{6})(\.tmp)?$")
_MARKER_TEXT = b"A seminargraph store: load with `seminargraph load --store oxigraph:DIR`. Format 1.\n"


class DiskStore(GuardedOxigraphStore):
    """An Oxigraph store on disk that holds the folder's lock for as long as it is open."""

    def __init__(self, store: ox.Store, lock_fd: int | None, where: Path) -> None:
        super().__init__(store=store)
        self.where = where
        self._lock_fd = lock_fd
        self._release = weakref.finalize(self, _close_fd, lock_fd)

    @property
    def _inner(self) -> ox.Store:
        if self._store is None:
            raise StoreError(f"the store {self.where} is closed")
        return self._store

    def close(self, commit_pending_transaction: bool = False) -> None:
        self._store = None
        self._release()


def _close_fd(fd: int | None) -> None:
    if fd is not None:
        with contextlib.suppress(OSError):
            os.close(fd)


def in_use(root: Path) -> StoreError:
    """The error for a store another process holds."""
    return StoreError(
        f"the store {root} is in use by another process (a load, or a server or query reading it); "
        "wait until it has finished, or stop it, and try again"
    )


def lock(root: Path, *, exclusive: bool) -> int | None:
    """Take the store's lock without waiting and return its file descriptor; StoreError if taken.

    A reader of a store it may not write (a read-only file system or folder) takes the shared lock
    through a read-only descriptor; where not even that can be had on a read-only file system, no
    process can be writing, and it reads without a lock (None).
    """
    try:
        fd = os.open(root / LOCK, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        if exclusive or exc.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise StoreError(f"{root}: cannot open the store's lock file: {exc.strerror}") from None
        try:
            fd = os.open(root / LOCK, os.O_RDONLY)
        except FileNotFoundError:
            if exc.errno == errno.EROFS:
                return None
            raise StoreError(f"{root}: cannot open the store's lock file: {exc.strerror}") from None
        except OSError as again:
            raise StoreError(f"{root}: cannot open the store's lock file: {again.strerror}") from None
    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise in_use(root) from None
    return fd


def kind_of(root: Path) -> str:
    """``ours``, ``empty``, ``plain`` (an Oxigraph database made elsewhere) or ``other``."""
    try:
        names = set(os.listdir(root))
    except FileNotFoundError:
        return "missing"
    except NotADirectoryError:
        return "other"
    except OSError as exc:
        raise StoreError(f"{root}: cannot read the folder: {exc.strerror}") from None
    if MARKER in names:
        return "ours"
    if not names:
        return "empty"
    if "CURRENT" in names and any(n.startswith("MANIFEST-") for n in names):
        return "plain"
    return "other"


def active_generation(root: Path) -> Path | None:
    """The generation ``active`` points at, or None before the first complete load."""
    link = root / ACTIVE
    if not link.is_symlink():
        return None
    name = os.readlink(link)
    if not _GENERATION.match(name) or not (root / name).is_dir():
        raise StoreError(f"{root}: '{ACTIVE}' points at {name!r}, which is not a generation of this store")
    return root / name


def open_disk(root: Path, *, writable: bool = False, take_lock: bool = True) -> Dataset:
    """Open the store in ``root`` as a dataset (read-only unless ``writable``).

    ``take_lock`` false is for processes whose parent already holds the lock for them.
    """
    kind = kind_of(root)
    if kind in ("missing", "empty"):
        raise StoreError(
            f"there is no store in {root} yet; create it with: seminargraph load --store oxigraph:{root}"
        )
    if kind == "other":
        raise StoreError(f"{root} is not an Oxigraph store (nor a folder made by seminargraph load)")
    if kind == "plain":
        if writable:
            raise StoreError(f"{root} is an Oxigraph database not made by seminargraph; it opens read-only")
        return _dataset(_open(root, writable=False), None, root)
    fd = lock(root, exclusive=writable) if take_lock else None
    try:
        generation = active_generation(root)
        if generation is None:
            raise StoreError(
                f"the store {root} holds no data yet (its first load did not finish); "
                f"load again: seminargraph load --store oxigraph:{root}"
            )
        return _dataset(_open(generation, writable=writable), fd, root)
    except BaseException:
        _close_fd(fd)
        raise


def _open(path: Path, *, writable: bool) -> ox.Store:
    try:
        return ox.Store(str(path)) if writable else ox.Store.read_only(str(path))
    except OSError as exc:
        if "lock" in str(exc).lower():
            raise in_use(path) from None
        raise StoreError(f"{path}: cannot open the Oxigraph database: {exc}") from None


def _dataset(store: ox.Store, fd: int | None, root: Path) -> Dataset:
    dataset = Dataset(store=DiskStore(store, fd, root), default_union=True)
    dataset.namespace_manager = NamespaceManager(dataset, bind_namespaces="none")
    bind_prefixes(dataset)
    return dataset


def replace_graphs(
    root: Path,
    graphs: Mapping[str, bytes],
    *,
    clear: bool = False,
    before_switch: Callable[[], None] | None = None,
) -> list[str]:
    """Replace the named ``graphs`` (N-Triples by graph IRI) in the store at ``root``, atomically.

    Creates the store when ``root`` is missing or empty. ``before_switch``, when given, is called
    once the new generation is built and before it becomes the store; an exception from it
    leaves the store as it was (a load validates in a thread meanwhile, and waits for it there).
    Returns the names of leftovers of earlier, interrupted loads that were removed.
    """
    with NextGeneration(root, clear=clear) as generation:
        generation.open(graphs)
        for name, data in graphs.items():
            generation.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=name)
        if before_switch is not None:
            before_switch()
        return generation.commit()


class NextGeneration:
    """The next generation of the store at ``root``, built under the store's exclusive lock.

    ``with NextGeneration(root) as g``: ``g.open(replaced)`` makes the new database (a fresh one, or
    the active generation without the graphs named in ``replaced``), ``g.load(...)`` fills it (from
    one thread at a time), and ``g.commit()`` makes it durable and the store's. Leaving the block
    without a commit removes the new generation and, on a first load, the store folder itself, so
    a failed load changes nothing. The database is only ever held here, so that it is closed before
    the switch and the lock's release.
    """

    def __init__(self, root: Path, *, clear: bool = False) -> None:
        self.root = root
        self.clear = clear
        self._made: str | None = None
        self._fd: int | None = None
        self._store: ox.Store | None = None
        self._committed = False
        self.leftovers: list[str] = []

    def __enter__(self) -> NextGeneration:
        self._made = _prepare(self.root)
        self._fd = lock(self.root, exclusive=True)
        try:
            self.leftovers = _remove_leftovers(self.root)
            self.old = active_generation(self.root)
            self.new = self.root / f"g-{_next_number(self.root, self.leftovers):06d}"
        except BaseException:
            self._release(failed=True)
            raise
        return self

    @property
    def fresh(self) -> bool:
        """Whether nothing of the active generation is kept (a first load, or ``clear``)."""
        return self.old is None or self.clear

    def open(self, replaced: Collection[str] = ()) -> None:
        """Make the new database: empty when :attr:`fresh`, else the old one less ``replaced``."""
        with self.failures():
            if self.fresh:
                self._store = ox.Store(str(self.new))
            else:
                assert self.old is not None
                self._store = _next_from(self.old, self.new, set(replaced))

    def load(self, data: bytes, *, format: ox.RdfFormat, to_graph: str, base_iri: str | None = None) -> None:
        """Bulk-load ``data`` into the new database; the quads of no graph go into ``to_graph``."""
        if self._store is None:
            raise StoreError(f"{self.root}: the new generation is not open")
        with self.failures():
            self._store.bulk_load(data, format=format, base_iri=base_iri, to_graph=ox.NamedNode(to_graph))

    def remove_graph(self, name: str) -> None:
        """Remove one graph from the new database (a transaction per quad: for small graphs)."""
        if self._store is None:
            raise StoreError(f"{self.root}: the new generation is not open")
        with self.failures():
            self._store.remove_graph(ox.NamedNode(name))

    @contextlib.contextmanager
    def failures(self) -> Iterator[None]:
        """Oxigraph's failures to write, as a StoreError (DiskFull when the disk is full)."""
        try:
            yield
        except (OSError, SyntaxError, ValueError) as exc:
            message = f"{self.root}: the load failed and changed nothing: {exc}"
            if is_no_room(str(exc)):
                raise DiskFull(
                    f"{message}; free space on the disk that holds {self.root} (or raise the file "
                    "size or quota limit that was reached), then load again"
                ) from None
            raise StoreError(message) from None

    def commit(self) -> list[str]:
        """Make the new generation durable and the store's; the leftovers that were removed."""
        if self._store is None:
            self.open()
        assert self._store is not None
        with self.failures():
            self._store.flush()
            self._store = None
            _sync_tree(self.new)
        _switch(self.root, self.new.name)
        self._committed = True
        if self.old is not None:
            shutil.rmtree(self.old, ignore_errors=True)
        return self.leftovers

    def __exit__(self, kind: object, value: object, traceback: object) -> None:
        self._release(failed=not self._committed)

    def _release(self, *, failed: bool) -> None:
        try:
            if failed:
                self._store = None
                if hasattr(self, "new"):
                    shutil.rmtree(self.new, ignore_errors=True)
                if self._made is not None:
                    # A first load that failed leaves no store behind: the folder as it was.
                    for name in (MARKER, LOCK):
                        with contextlib.suppress(OSError):
                            (self.root / name).unlink()
                    if self._made == "folder":
                        with contextlib.suppress(OSError):
                            self.root.rmdir()
        finally:
            _close_fd(self._fd)
            self._fd = None


def _prepare(root: Path) -> str | None:
    """Make ``root`` a store if it is not one; what was made ("folder", "marker") or None."""
    kind = kind_of(root)
    if kind == "ours":
        return None
    if kind == "plain":
        raise StoreError(
            f"{root} is an Oxigraph database not made by seminargraph load; queries can read it, "
            "but load into a new folder"
        )
    if kind == "other" and root.exists() and not root.is_dir():
        raise StoreError(f"{root} is a file, not a folder; give a new or empty folder for the store")
    if kind == "other":
        raise StoreError(f"{root} is neither empty nor a seminargraph store; give a new or empty folder")
    made = "marker" if root.is_dir() else "folder"
    try:
        root.mkdir(parents=True, exist_ok=True)
        (root / MARKER).write_bytes(_MARKER_TEXT)
    except OSError as exc:
        raise StoreError(f"{root}: cannot create the store here: {exc.strerror}") from None
    return made


def _generations(root: Path) -> Iterator[Path]:
    for entry in root.iterdir():
        if _GENERATION.match(entry.name) and entry.is_dir():
            yield entry


def _remove_leftovers(root: Path) -> list[str]:
    active = active_generation(root)
    removed = []
    # A load killed while Oxigraph copies the active generation leaves a staging folder
    # ``g-NNNNNN.tmp``; it is as much a leftover as a half-built generation.
    found = [entry for entry in root.iterdir() if _LEFTOVER.match(entry.name) and entry.is_dir()]
    for generation in sorted(found):
        if generation != active:
            try:
                shutil.rmtree(generation)
            except OSError as exc:
                raise StoreError(
                    f"{root}: cannot remove {generation.name}, left by an interrupted load: "
                    f"{exc.strerror}; remove it by hand and load again"
                ) from None
            removed.append(generation.name)
    with contextlib.suppress(FileNotFoundError):
        (root / f".{ACTIVE}.tmp").unlink()
    return removed


def _next_number(root: Path, leftovers: list[str]) -> int:
    numbers = [int(m[1]) for m in (_GENERATION.match(p.name) for p in _generations(root)) if m]
    numbers += [int(m[1]) for m in (_LEFTOVER.match(name) for name in leftovers) if m]
    return max(numbers, default=0) + 1


def _next_from(old: Path, new: Path, replaced: set[str]) -> ox.Store:
    previous = ox.Store.read_only(str(old))
    counts = graph_sizes(previous)
    removed = sum(n for g, n in counts.items() if g in replaced)
    kept = sum(n for g, n in counts.items() if g not in replaced)
    if removed <= kept:
        # Mostly kept: a checkpoint (hard links, instant), then delete the replaced graphs in it.
        previous.backup(str(new))
        del previous
        store = ox.Store(str(new))
        for name in replaced & set(counts):
            store.remove_graph(ox.NamedNode(name))
        return store
    # Mostly replaced: deleting is slow (a transaction per quad); copying what stays is faster.
    store = ox.Store(str(new))
    nt = ox.RdfFormat.N_TRIPLES
    for name in set(counts) - replaced:
        graph = ox.NamedNode(name)
        store.bulk_load(previous.dump(format=nt, from_graph=graph), format=nt, to_graph=graph)
    unnamed = previous.dump(format=nt, from_graph=ox.DefaultGraph())
    if unnamed:
        store.bulk_load(unnamed, format=nt)
    return store


def graph_sizes(store: ox.Store) -> dict[str, int]:
    """The number of triples in each named graph of ``store``."""
    result = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    assert isinstance(result, ox.QuerySolutions)
    sizes = {}
    for graph, count in result:
        sizes[str(graph.value)] = int(count.value)
    return sizes


def _sync_tree(path: Path) -> None:
    for folder, _dirs, files in os.walk(path):
        for name in files:
            _fsync(Path(folder) / name, os.O_RDONLY)
        _fsync(Path(folder), os.O_RDONLY | os.O_DIRECTORY)


def _fsync(path: Path, flags: int) -> None:
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _switch(root: Path, generation: str) -> None:
    temporary = root / f".{ACTIVE}.tmp"
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    try:
        os.symlink(generation, temporary)
        os.replace(temporary, root / ACTIVE)
        _fsync(root, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        raise StoreError(f"{root}: cannot switch to the new data: {exc.strerror}") from None
